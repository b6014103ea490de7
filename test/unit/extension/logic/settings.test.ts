import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, parsePriceBook, readSettings } from '../../../../src/extension/logic/settings';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

describe('extension settings', () => {
  it('uses the defaults when nothing is set', () => {
    const { settings, problems } = readSettings(reader({}));
    assert.deepEqual(settings, { ...DEFAULT_SETTINGS, accountCreated: undefined, appCreated: undefined, metering: undefined, paymentMode: undefined });
    assert.equal(problems.length, 0);
  });

  it('reads valid values', () => {
    const { settings, problems } = readSettings(
      reader({
        region: 'international',
        accountCreated: '2024-03-01',
        metering: 'aggregate',
        paymentMode: 'postpaid-monthly',
        'assumptions.participants': 4,
        'assumptions.sessionsPerDay': 0,
        'contract.discountPercent': 12.5,
        exclude: ['**/vendor/**'],
        'codeLens.enabled': false,
      }),
    );
    assert.equal(problems.length, 0);
    assert.equal(settings.region, 'international');
    assert.equal(settings.accountCreated, '2024-03-01');
    assert.equal(settings.metering, 'aggregate');
    assert.equal(settings.paymentMode, 'postpaid-monthly');
    assert.equal(settings.assumptions.publishers, 4);
    assert.equal(settings.assumptions.sessionsPerDay, 0);
    assert.equal(settings.discountPercent, 12.5);
    assert.deepEqual(settings.exclude, ['**/vendor/**']);
    assert.equal(settings.codeLensEnabled, false);
  });

  it('replaces each invalid value by its default and reports it', () => {
    const { settings, problems } = readSettings(
      reader({
        region: 'mars',
        accountCreated: '2024-02-30',
        'assumptions.participants': -3,
        'assumptions.minutesPerSession': 2.5,
        'assumptions.daysPerMonth': '30',
        'contract.discountPercent': 140,
        exclude: 'node_modules',
        'hover.enabled': 'yes',
        maxFileSizeKB: 0,
      }),
    );
    assert.equal(settings.region, 'mainland');
    assert.equal(settings.accountCreated, undefined);
    assert.equal(settings.assumptions.publishers, DEFAULT_SETTINGS.assumptions.publishers);
    assert.equal(settings.assumptions.minutesPerSession, DEFAULT_SETTINGS.assumptions.minutesPerSession);
    assert.equal(settings.assumptions.daysPerMonth, 30);
    assert.equal(settings.discountPercent, 0);
    assert.deepEqual(settings.exclude, DEFAULT_SETTINGS.exclude);
    assert.equal(settings.hoverEnabled, true);
    assert.equal(settings.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB);
    assert.deepEqual(
      problems.map((p) => p.key),
      [
        'trtcCost.region',
        'trtcCost.accountCreated',
        'trtcCost.assumptions.participants',
        'trtcCost.assumptions.minutesPerSession',
        'trtcCost.assumptions.daysPerMonth',
        'trtcCost.contract.discountPercent',
        'trtcCost.hover.enabled',
        'trtcCost.exclude',
        'trtcCost.maxFileSizeKB',
      ].sort((a, b) => order(a) - order(b)),
    );
    const p = problems.find((x) => x.key === 'trtcCost.assumptions.participants');
    assert.equal(p?.got, '-3');
    assert.deepEqual(p?.expected, { kind: 'integer', min: 1, max: 100000 });
  });

  it('parses a contract price book file with the core checks, locating every problem', () => {
    const J = (v: unknown) => JSON.stringify(v, null, 2);
    assert.deepEqual(parsePriceBook(J({ discountPercent: 10, prices: { 'av.HD': 20.5 } })), { contract: { discountPercent: 10, prices: { 'av.HD': 20.5 } } });
    assert.match(parsePriceBook('[]').error ?? '', /^1:1: \$ /);
    assert.match(parsePriceBook(J({ prices: { 'av.HD': -1 } })).error ?? '', /^3:\d+: .*av\.HD/);
    // A typo in a price key was silently ignored (list price billed); now it is an error at its line.
    const typo = parsePriceBook(J({ prices: { 'av.HDD': 20 } }));
    assert.equal(typo.contract, undefined);
    assert.match(typo.error ?? '', /^3:\d+: .*av\.HDD.*av\.HD/);
    assert.match(parsePriceBook(J({ discount: 5 }), 'zh-cn').error ?? '', /^2:\d+: .*discount/);
    assert.match(parsePriceBook('{ "prices": ').error ?? '', /JSON/);
  });
});

// The order readSettings checks keys in.
function order(key: string): number {
  return [
    'trtcCost.metering',
    'trtcCost.paymentMode',
    'trtcCost.region',
    'trtcCost.accountCreated',
    'trtcCost.appCreated',
    'trtcCost.freeMinutes',
    'trtcCost.assumptions.participants',
    'trtcCost.assumptions.livePublishers',
    'trtcCost.assumptions.audience',
    'trtcCost.assumptions.minutesPerSession',
    'trtcCost.assumptions.sessionsPerDay',
    'trtcCost.assumptions.daysPerMonth',
    'trtcCost.assumptions.camera',
    'trtcCost.scenarioFile',
    'trtcCost.contract.discountPercent',
    'trtcCost.contract.priceBookFile',
    'trtcCost.hover.enabled',
    'trtcCost.codeLens.enabled',
    'trtcCost.statusBar.enabled',
    'trtcCost.debounceMs',
    'trtcCost.exclude',
    'trtcCost.maxFileSizeKB',
  ].indexOf(key);
}
