// Every citation note a user can read exists in English and Simplified Chinese: the tariff data files and the
// package citations written in TypeScript carry a Chinese `noteZh` next to each English `note`, the loader
// rejects a note without one (with its file and path), and Chinese output shows the Chinese note.
import { strict as assert } from 'node:assert';
import { estimate, parseScenario } from '../../../src/core';
import type { Citation } from '../../../src/core/common';
import { renderText } from '../../../src/core/present/render';
import { TARIFF_FILES, citationNoteProblem, tariff, validateTariffFiles } from '../../../src/core/tariff/load';
import { FREE_MINUTES_2024, PACKAGE_EDITIONS, SUSPENSION_RULE } from '../../../src/core/tariff/packages';

const CJK = /[\u3400-\u9fff]/;
/** Numbers as written ("1,000", "0.3588", "2022-02" gives 2022 and 02, "1920×1080" gives 1920 and 1080). */
const numbers = (s: string): string[] => s.match(/\d+(?:[.,]\d+)*/g) ?? [];

/** Every citation in a value (at any depth), with its path. */
function citationsIn(value: unknown, path: string, out: { path: string; citation: Citation }[] = []): { path: string; citation: Citation }[] {
  if (Array.isArray(value)) value.forEach((v, i) => citationsIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'citation' && v && typeof v === 'object') out.push({ path: `${path}.citation`, citation: v as Citation });
      citationsIn(v, `${path}.${k}`, out);
    }
  return out;
}

/** What is wrong with one citation's Chinese note (empty when nothing is). */
function zhNoteProblems(c: Citation): string[] {
  if (c.note === undefined) return c.noteZh === undefined ? [] : ['noteZh without note'];
  const zh = c.noteZh ?? '';
  const problems: string[] = [];
  if (!zh.trim()) problems.push('no noteZh');
  if (!CJK.test(zh)) problems.push('noteZh has no Chinese character');
  const zhNumbers = new Set(numbers(zh));
  const lost = numbers(c.note).filter((n) => !zhNumbers.has(n));
  if (lost.length) problems.push(`numbers of the English note missing from noteZh: ${lost.join(' ')}`);
  // Chinese punctuation: no ASCII semicolon, parenthesis or comma-space in the Chinese text.
  if (/[;()]|, /.test(zh)) problems.push('noteZh uses ASCII punctuation (；（）， in Chinese)');
  if (zh === c.note) problems.push('noteZh repeats the English note');
  return problems;
}

describe('citation notes in English and Chinese', () => {
  it('every citation note of every tariff data file has a Chinese noteZh with the same numbers', () => {
    let notes = 0;
    const problems: string[] = [];
    for (const { name, data } of TARIFF_FILES)
      for (const { path, citation } of citationsIn(data, '$')) {
        if (citation.note !== undefined) notes++;
        for (const p of zhNoteProblems(citation)) problems.push(`${name}: ${path}: ${p}`);
      }
    assert.deepEqual(problems, []);
    assert.ok(notes >= 35, `${notes} notes`);
  });

  it('every citation note of the monthly packages (packages.ts) has a Chinese noteZh with the same numbers', () => {
    const cited: { path: string; citation: Citation }[] = [
      { path: 'SUSPENSION_RULE', citation: SUSPENSION_RULE.citation },
      { path: 'FREE_MINUTES_2024', citation: FREE_MINUTES_2024.citation },
    ];
    for (const e of PACKAGE_EDITIONS) {
      cited.push({ path: e.id, citation: e.citation });
      e.fees.forEach((f, i) => cited.push({ path: `${e.id}.fees[${i}]`, citation: f.citation }));
      if (e.mau) cited.push({ path: `${e.id}.mau`, citation: e.mau.citation });
    }
    const withNote = cited.filter((c) => c.citation.note !== undefined);
    assert.ok(withNote.length >= 20, `${withNote.length} notes`);
    const problems = cited.flatMap(({ path, citation }) => [
      ...zhNoteProblems(citation).map((p) => `${path}: ${p}`),
      ...[citationNoteProblem(citation)].filter((p) => p !== undefined).map((p) => `${path}: ${p}`),
    ]);
    assert.deepEqual(problems, []);
  });

  it('the number check catches a Chinese note that drops a number', () => {
    assert.deepEqual(
      zhNoteProblems({ source: 's', effective: 'unknown', confidence: 'inferred', note: 'From 2025-10-23: 0.12 USD.', noteZh: '自 2025-10-23 起。' }),
      ['numbers of the English note missing from noteZh: 0.12'],
    );
  });

  const brokenNote: [string, string, (d: Record<string, any>) => void, RegExp][] = [
    [
      'a price note without noteZh',
      'relay.json',
      (d) => delete d.prices[2].citation.noteZh,
      /^relay\.json: \$\.prices\[2\]\.citation\.noteZh: a citation with "note" needs "noteZh", the note in Simplified Chinese$/,
    ],
    [
      "a book's note without noteZh",
      'recording-international-2022.json',
      (d) => delete d.citation.noteZh,
      /^recording-international-2022\.json: \$\.citation\.noteZh: a citation with "note" needs "noteZh"/,
    ],
    [
      'an empty noteZh',
      'packs-mainland.json',
      (d) => (d.citation.noteZh = ''),
      /^packs-mainland\.json: \$\.citation\.noteZh: a citation with "note" needs "noteZh"/,
    ],
    [
      'a noteZh in English',
      'video-live-international.json',
      (d) => (d.prices[1].citation.noteZh = d.prices[1].citation.note),
      /^video-live-international\.json: \$\.prices\[1\]\.citation\.noteZh: "noteZh" has no Chinese character$/,
    ],
    [
      'a noteZh without a note',
      'duration-mainland-aggregate-unverified.json',
      (d) => (d.citation.noteZh = '价格未经核实。'),
      /^duration-mainland-aggregate-unverified\.json: \$\.citation\.noteZh: "noteZh" without "note"/,
    ],
  ];
  for (const [what, file, mutate, expected] of brokenNote)
    it(`the loader rejects ${what}, naming the file and the path`, () => {
      const files = TARIFF_FILES.map((f) => {
        if (f.name !== file) return f;
        const data = JSON.parse(JSON.stringify(f.data)) as Record<string, any>;
        mutate(data);
        return { name: file, data };
      });
      const r = validateTariffFiles(files);
      assert.equal(r.tariff, undefined);
      assert.ok(
        r.problems.some((p) => expected.test(p)),
        r.problems.join('\n'),
      );
    });

  const recordingIntl2022 = () => tariff().recording.find((b) => b.rules === 'intl-2022-per-task')!.citation;

  it('the Chinese estimate text shows the Chinese note of an inferred price, the English text the English note', () => {
    const citation = recordingIntl2022();
    assert.equal(citation.confidence, 'inferred', 'the test needs an inferred book');
    const { scenario } = parseScenario({
      version: 1,
      tariff: { region: 'international', accountCreated: '2024-03-01' },
      period: { start: '2026-12-01', days: 30 },
      rooms: [
        {
          name: 'class',
          service: 'video-call',
          sessionsPerDay: 10,
          minutesPerSession: 30,
          participants: [{ count: 2, role: 'anchor', publish: { camera: '1280x720' }, receive: 'all' }],
          recording: { mode: 'mixed' },
        },
      ],
    });
    assert.ok(scenario);
    const bill = estimate(scenario, { today: '2026-01-20', advice: false });
    const zh = renderText(bill, 'zh-cn');
    const en = renderText(bill, 'en');
    assert.ok(zh.includes(`部分为推断（价格来自文档，生效日期或适用范围为推断）：${citation.noteZh}`), zh);
    assert.ok(!zh.includes(citation.note!), 'the English note is not in the Chinese text');
    assert.ok(!zh.includes('Prices verified in the doc'), 'no English note in the Chinese text');
    assert.ok(en.includes(`Partly inferred (the price is from the doc; its dates or scope are inferred): ${citation.note}`), en);
    assert.ok(!en.includes(citation.noteZh!), 'the Chinese note is not in the English text');
  });

  it("the Chinese estimate text shows the Chinese note of a monthly package's inferred fee", () => {
    const basic = PACKAGE_EDITIONS.find((e) => e.id === 'mainland.basic')!;
    const fee = basic.fees.find((f) => f.fee === '625')!.citation;
    assert.equal(fee.confidence, 'inferred', 'the test needs an inferred fee');
    const { scenario } = parseScenario({
      version: 1,
      tariff: { region: 'mainland', accountCreated: '2023-06-01' },
      period: { start: '2026-12-01', days: 30 },
      rooms: [
        {
          name: 'call',
          service: 'video-call',
          sessionsPerDay: 10,
          minutesPerSession: 30,
          participants: [{ count: 2, role: 'anchor', publish: { camera: '1280x720' }, receive: 'all' }],
        },
      ],
      payment: { packages: [{ edition: 'mainland.basic' }] },
    });
    assert.ok(scenario);
    const bill = estimate(scenario, { today: '2026-01-20', advice: false });
    const line = bill.lines.find((l) => l.category === 'package')!;
    assert.ok(line, 'a package line');
    const zh = line.explanation.map((e) => e.zh);
    assert.ok(zh.includes(`部分为推断：${fee.noteZh}`), zh.join('\n'));
    assert.ok(!zh.some((t) => t.includes(fee.note!)), 'no English note in the Chinese explanation');
    assert.ok(renderText(bill, 'zh-cn').includes(fee.noteZh!));
    assert.ok(!renderText(bill, 'zh-cn').includes(fee.note!));
  });
});
