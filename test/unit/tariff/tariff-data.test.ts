// The tariff is data (src/core/tariff/data/*.json): every bundled file validates, a broken one is caught
// with its file and path, generations are chosen from their "applies" data, and the generated schema and
// price table are current.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimate, parseScenario } from '../../../src/core';
import { renderCsv, renderMarkdown, renderText } from '../../../src/core/present/render';
import { resolveRules } from '../../../src/core/bill/rules';
import { TARIFF_FILES, tariff, validateTariffFiles } from '../../../src/core/tariff/load';
import { selectApplicable } from '../../../src/core/tariff/select';
import type { Scenario } from '../../../src/core/scenario/types';
import { tariffSchemaText } from '../../../scripts/gen-schema';
import { pricesMarkdown } from '../../../scripts/gen-prices';

const root = join(__dirname, '..', '..', '..');
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** The bundled files with one file replaced by a mutated copy. */
function withBroken(name: string, mutate: (data: Record<string, any>) => void) {
  return TARIFF_FILES.map((f) => {
    if (f.name !== name) return f;
    const data = clone(f.data) as Record<string, any>;
    mutate(data);
    return { name, data };
  });
}

const scenario = (tariffSpec: Scenario['tariff'], extra: Partial<Scenario> = {}): Scenario => ({
  version: 1,
  tariff: tariffSpec,
  period: { start: '2024-05-01', days: 30 },
  rooms: [
    {
      name: 'class',
      service: 'video-call',
      sessionsPerDay: 1,
      minutesPerSession: 10,
      participants: [{ count: 2, role: 'anchor', publish: { camera: { width: 1280, height: 720 } }, receive: 'all' }],
      recording: { mode: 'mixed' },
    },
  ],
  ...extra,
});

describe('tariff data', () => {
  it('every bundled file validates and is listed in the loader', () => {
    const r = validateTariffFiles(TARIFF_FILES);
    assert.deepEqual(r.problems, []);
    const onDisk = readdirSync(join(root, 'src', 'core', 'tariff', 'data'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    assert.deepEqual(TARIFF_FILES.map((f) => f.name).sort(), onDisk);
  });

  it('every price carries its source, effective date and confidence; prices are decimal strings', () => {
    let n = 0;
    for (const { book } of tariff().files) {
      for (const p of book.priceList) {
        n++;
        assert.match(p.price, /^(0|[1-9]\d*)(\.\d+)?$/, p.key);
        assert.match(p.effective, /^(\d{4}-\d{2}-\d{2}|unknown)$/, p.key);
        assert.ok(['verified', 'inferred', 'unverified'].includes(p.confidence), p.key);
        assert.ok(p.source.length > 10, p.key);
      }
    }
    assert.ok(n >= 80, `${n} prices`);
  });

  const broken: [string, string, (d: Record<string, any>) => void, RegExp][] = [
    [
      'a price as a number',
      'duration-mainland-per-stream.json',
      (d) => (d.prices[0].price = 7),
      /duration-mainland-per-stream\.json: \$\.prices\[0\]\.price: must be text/,
    ],
    [
      'a price with a comma',
      'packs-mainland.json',
      (d) => (d.prices[0].price = '1,588'),
      /packs-mainland\.json: \$\.prices\[0\]\.price: "1,588" does not have the expected form/,
    ],
    [
      'a typo in a price key',
      'duration-international-aggregate.json',
      (d) => (d.prices[2].key = 'av.HDD'),
      /\$\.prices\[2\]\.key: "av\.HDD" .* is not a valid duration price key/,
    ],
    ['an unknown field', 'mixing-international-input.json', (d) => (d.prices[0].efective = '2022-06-01'), /\$\.prices\[0\]\.efective: unknown field/],
    ['tiers out of order', 'recording-mainland-2022.json', (d) => d.tiers.reverse(), /recording-mainland-2022\.json: \$\.tiers\[1\]\.tier: .* out of order/],
    ['a tier without a price', 'duration-international-per-stream.json', (d) => d.prices.pop(), /no price for the tier FHD/],
    ['a duplicate key', 'recording-international-2022.json', (d) => d.prices.push(clone(d.prices[0])), /"recording\.audio" appears twice/],
    ['a currency of the other site', 'packs-international.json', (d) => (d.currency = 'CNY'), /CNY is not the currency of the international site/],
    [
      'an empty date range',
      'mixing-international-input.json',
      (d) => (d.applies.when[0].before = '2022-01-01'),
      /\$\.applies\.when\[0\]: "from" 2022-06-01 is not before "before" 2022-01-01/,
    ],
    [
      'an impossible date',
      'payment-postpaid.json',
      (d) => (d.generations[0].applies.when[0].from = '2020-02-30'),
      /\$\.generations\[0\]\.applies\.when\[0\]\.from: "2020-02-30" is not a date/,
    ],
    ['an unknown kind', 'relay.json', (d) => (d.kind = 'relays'), /relay\.json: \$\.kind: must be one of/],
  ];
  for (const [what, file, mutate, expected] of broken) {
    it(`a broken bundled file is caught with its file and path: ${what}`, () => {
      const r = validateTariffFiles(withBroken(file, mutate));
      assert.equal(r.tariff, undefined);
      assert.ok(
        r.problems.some((p) => expected.test(p)),
        r.problems.join('\n'),
      );
    });
  }

  it('schema/tariff.schema.json is generated from the current shapes (run `npx tsx scripts/gen-schema.ts`)', () => {
    assert.equal(readFileSync(join(root, 'schema', 'tariff.schema.json'), 'utf8'), tariffSchemaText());
  });

  it('docs/prices.md is generated from the data (run `npx tsx scripts/gen-prices.ts`), in both languages', () => {
    const text = pricesMarkdown();
    assert.equal(readFileSync(join(root, 'docs', 'prices.md'), 'utf8'), text);
    const row = '| `av.HD` | Audio/video duration · HD | 3.99 | USD per 1,000 min | 2021-10-27 | verified | [tencentcloud.com/document/product/647/42734]';
    assert.ok(text.includes(row), row);
    assert.match(text, /\| `av\.HD` \| 音视频时长 · 高清 \| 28 \| 元\/千分钟 \| 2019-10-11 \| 已核实 \|/);
    assert.match(text, /Prices as of: 2026-01-16/);
    assert.match(text, /价格截至：2026-01-16/);
  });

  it('contract keys are the billable keys of the books (not packs, not unbilled prices)', () => {
    const keys = tariff().contractKeys;
    for (const k of [
      'av.audio',
      'av.SD',
      'av.4K',
      'recording.mixed.FHD',
      'recording.HD',
      'mixing.h264.2K',
      'mixing.h265.4K',
      'relay.third-party',
      'relay.tencent-css',
      // billed since relay by duration is estimated (it was a "notBilled" price before)
      'relay.third-party-duration',
      'webrec.HD',
      'webrec.FHD',
    ])
      assert.ok(keys.has(k), k);
    for (const k of ['av.HDD', 'pack.25000', 'recording.any.HD', 'webrec.2K']) assert.ok(!keys.has(k), k);
  });

  describe('generations are chosen from their "applies" data', () => {
    const rules = (t: Scenario['tariff'], periodStart = '2024-05-01') => resolveRules(scenario(t, { period: { start: periodStart, days: 30 } }), '2024-05-10');
    const cases: [string, Scenario['tariff'], string, string | null, string, string, string[]][] = [
      // what, tariff, period start, recording rules, metering, payment, assumption codes
      ['mainland, no dates', { region: 'mainland' }, 'mainland-2022-per-input', null, 'per-stream', 'postpaid-daily', ['recording-default', 'payment-default']],
      [
        'mainland app 2022-07-20',
        { region: 'mainland', appCreated: '2022-07-20' },
        'mainland-2022-per-input',
        null,
        'per-stream',
        'postpaid-daily',
        ['payment-default'],
      ],
      [
        'mainland app 2022-07-19, account 2020-07-01',
        { region: 'mainland', accountCreated: '2020-07-01', appCreated: '2022-07-19' },
        'mainland-2020-per-output',
        null,
        'per-stream',
        'postpaid-monthly',
        [],
      ],
      ['mainland account 2020-06-30 (CSS legacy)', { region: 'mainland', accountCreated: '2020-06-30' }, 'none', null, 'per-stream', 'postpaid-monthly', []],
      [
        'mainland only an app date before 2020-07-01 stands for the account',
        { region: 'mainland', appCreated: '2020-01-01' },
        'none',
        null,
        'per-stream',
        'postpaid-daily',
        ['payment-default'],
      ],
      [
        'international, no dates',
        { region: 'international' },
        'intl-2022-per-task',
        null,
        'aggregate',
        'postpaid-daily',
        ['metering-default', 'payment-default'],
      ],
      [
        'international account 2021-10-26',
        { region: 'international', accountCreated: '2021-10-26' },
        'intl-2022-per-task',
        null,
        'per-stream',
        'postpaid-daily',
        [],
      ],
      [
        'international account 2021-10-27',
        { region: 'international', accountCreated: '2021-10-27' },
        'intl-2022-per-task',
        null,
        'aggregate',
        'postpaid-daily',
        [],
      ],
      [
        'international, chosen per-stream',
        { region: 'international', metering: 'per-stream' },
        'intl-2022-per-task',
        null,
        'per-stream',
        'postpaid-daily',
        ['payment-default'],
      ],
    ];
    for (const [what, t, recordingRules, , metering, payment, codes] of cases) {
      it(what, () => {
        const r = rules(t);
        assert.equal(r.recording?.rules ?? 'none', recordingRules);
        assert.equal(r.metering, metering);
        assert.equal(r.paymentMode, payment);
        assert.deepEqual(
          r.assumptions
            .map((a) => a.code)
            .filter((c) => c !== 'robots-billed')
            .sort(),
          [...codes].sort(),
        );
      });
    }
    it('international usage periods pick the recording and mixing generations by date', () => {
      assert.equal(rules({ region: 'international' }, '2022-01-31').recording?.rules, 'intl-2021-per-output');
      assert.equal(rules({ region: 'international' }, '2022-02-01').recording?.rules, 'intl-2022-per-task');
      assert.equal(rules({ region: 'international' }, '2022-05-31').mixing.rules, 'intl-output');
      assert.equal(rules({ region: 'international' }, '2022-06-01').mixing.rules, 'intl-input');
      assert.equal(rules({ region: 'mainland' }, '2022-06-01').mixing.rules, 'mainland-output');
    });
    it('assumption texts quote the boundary dates from the data', () => {
      const r = rules({ region: 'international' });
      assert.match(r.assumptions.find((a) => a.code === 'metering-default')!.text.en, /from 2021-10-27 on/);
      assert.match(r.assumptions.find((a) => a.code === 'payment-default')!.text.zh, /2020-09-01 及之后/);
      const legacy = resolveRules(scenario({ region: 'mainland', accountCreated: '2019-01-01' }), '2024-05-10');
      assert.match(legacy.warnings.find((w) => w.code === 'recording-css-legacy')!.text.en, /before 2020-07-01 .* × 30 CNY\/month/);
    });
    it('the unverified mainland aggregate book quotes its unverified prices from the data', () => {
      const r = resolveRules(scenario({ region: 'mainland', metering: 'aggregate' }), '2024-05-10');
      const w = r.warnings.find((x) => x.code === 'book-unverified')!;
      assert.match(w.text.en, /\(63\/112\/252 CNY per 1,000 min\) are inferred, not verified/);
      assert.match(w.text.zh, /每千分钟 63\/112\/252 元/);
    });
    it('a component-specific book is never chosen for the base service', () => {
      const items = [
        { id: 'live', applies: { region: 'international' as const, component: 'video-live' } },
        { id: 'base', applies: { region: 'international' as const } },
      ];
      assert.equal(selectApplicable(items, (i) => i.applies, {}, { region: 'international' })?.item.id, 'base');
      assert.equal(selectApplicable(items, (i) => i.applies, {}, { region: 'international', component: 'video-live' })?.item.id, 'live');
    });
  });

  it('every output states the prices as-of date (bill field; text, Markdown and CSV; en and zh)', () => {
    const parsed = parseScenario(scenario({ region: 'international' }));
    const bill = estimate(parsed.scenario!, { today: '2024-05-10' });
    assert.equal(bill.pricesAsOf, tariff().pricesAsOf);
    assert.match(renderText(bill, 'en'), /^Prices as of: 2026-01-16$/m);
    assert.match(renderText(bill, 'zh-cn'), /^价格截至：2026-01-16$/m);
    assert.match(renderMarkdown(bill, 'en'), /^- Prices as of: 2026-01-16$/m);
    assert.match(renderCsv(bill, 'en'), /^prices_as_of,Prices as of,(,){9}2026-01-16$/m);
  });
});
