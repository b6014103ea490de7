// Scenario files come with cloned repositories: hostile keys, sizes and encodings are refused with a
// located message, never billed, never allowed to exhaust memory.
import { strict as assert } from 'node:assert';
import { estimate, parseScenario } from '../../../src/core';
import { parseContractBook, WORK_LIMITS } from '../../../src/core/scenario/validate';

const room = (extra: Record<string, unknown> = {}) => ({
  name: 'call',
  service: 'video-call',
  sessionsPerDay: 10,
  minutesPerSession: 30,
  participants: [{ count: 2, role: 'anchor', publish: { camera: '1280x720' }, receive: 'all' }],
  ...extra,
});

/** 1-based line and column where `needle` starts in `text`. */
const where = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
};

/** The scenario as a file, with raw JSON text spliced in where JSON.stringify cannot write "__proto__" keys. */
const file = (tariffExtra = '', periodText = '', roomExtra = '') =>
  `{
  "version": 1,
  "tariff": {
    "region": "mainland"${tariffExtra}
  },${periodText}
  "rooms": [
    {
      "name": "call",
      "service": "video-call",
      "sessionsPerDay": 10,
      "minutesPerSession": 30,${roomExtra}
      "participants": [{ "count": 2, "role": "anchor", "publish": { "camera": "1280x720" }, "receive": "all" }]
    }
  ]
}`;

describe('scenario file hardening', () => {
  it('a "__proto__" key in the contract is rejected with its location, not billed as a 150 % discount', () => {
    const text = file(',\n    "contract": {"__proto__": {"discountPercent": 150}}');
    const r = parseScenario(text);
    assert.equal(r.scenario, undefined);
    const e = r.errors.find((x) => x.path === '$.tariff.contract.__proto__');
    assert.ok(e, JSON.stringify(r.errors));
    assert.match(e.message.en, /"__proto__" is not allowed/);
    assert.match(e.message.zh, /不允许使用键/);
    assert.deepEqual({ line: e.line, column: e.column }, where(text, '{"discountPercent"'));
  });

  it('a room-level "__proto__" (e.g. sessionsPerDay: 1e9) is rejected', () => {
    const text = file('', '', '\n      "__proto__": {"sessionsPerDay": 1000000000, "minutesPerSession": 1440},');
    const r = parseScenario(text);
    assert.equal(r.scenario, undefined);
    assert.ok(
      r.errors.some((x) => x.path === '$.rooms[0].__proto__' && x.line === where(text, '{"sessionsPerDay"').line),
      JSON.stringify(r.errors),
    );
  });

  it('"period": {"__proto__": {"days": 1e7}} neither bills nor runs out of memory', () => {
    const started = Date.now();
    const text = file('', '\n  "period": {"__proto__": {"days": 10000000}},');
    const r = parseScenario(text);
    assert.equal(r.scenario, undefined);
    const e = r.errors.find((x) => x.path === '$.period.__proto__');
    assert.ok(e && e.line === where(text, '"period"').line, JSON.stringify(r.errors));
    assert.ok(Date.now() - started < 2000, 'rejected without iterating');
  });

  it('"constructor" and "prototype" keys are rejected too, in objects and in records', () => {
    const r = parseScenario(file(',\n    "constructor": {"discountPercent": 50}', '', '\n      "prototype": 1,'));
    assert.equal(r.scenario, undefined);
    assert.ok(r.errors.some((x) => x.path === '$.tariff.constructor' && x.line === 5));
    assert.ok(r.errors.some((x) => x.path === '$.rooms[0].prototype'));
    const records = parseScenario(
      JSON.stringify({ version: 1, tariff: { region: 'mainland' }, rooms: [room()], callSites: { constructor: 'x', 'a.ts': 'room-1' } }, null, 2),
    );
    assert.equal(records.scenario, undefined);
    assert.deepEqual(
      records.errors.map((x) => x.path),
      ['$.callSites["constructor"]'],
    );
    assert.ok(records.errors[0].line);
  });

  it('an already parsed object (the panel and the extension pass one) is checked the same way', () => {
    const value = JSON.parse('{"version":1,"tariff":{"region":"mainland","contract":{"__proto__":{"discountPercent":150}}},"rooms":[]}');
    const r = parseScenario(value);
    assert.equal(r.scenario, undefined);
    assert.deepEqual(
      r.errors.map((x) => x.path),
      ['$.tariff.contract.__proto__'],
    );
  });

  it('an unknown key kept as a warning is an own property, and the scenario still bills as before', () => {
    const r = parseScenario(file(',\n    "note": "kept"'));
    assert.ok(r.scenario);
    assert.equal(Object.getPrototypeOf(r.scenario.tariff), Object.prototype);
    assert.ok(Object.hasOwn(r.scenario.tariff, 'note'));
    assert.equal(estimate(r.scenario, { today: '2024-05-10', advice: false }).total, '224');
  });

  it('a typo in a contract price key (av.HDD) is an error at its line, with the nearest key', () => {
    const r = parseScenario(file(',\n    "contract": {\n      "prices": {"av.HD": 20, "av.HDD": 10}\n    }'));
    assert.equal(r.scenario, undefined);
    assert.equal(r.errors.length, 1);
    const [e] = r.errors;
    assert.equal(e.path, '$.tariff.contract.prices["av.HDD"]');
    assert.match(e.message.en, /"av.HDD" is not a price key; did you mean "av.HD"\?/);
    assert.match(e.message.zh, /不是价格键/);
    assert.equal(e.line, 6);
  });

  it('known contract keys are accepted and priced', () => {
    const r = parseScenario(file(',\n    "contract": {"prices": {"av.HD": 20, "recording.mixed.FHD": 70, "relay.third-party": 10}}'));
    assert.deepEqual(r.errors, []);
    const b = estimate(r.scenario!, { today: '2024-05-10', advice: false });
    // 2 people × 30 min × 10 sessions × 30 days = 18,000 HD minutes, 10,000 free → 8,000 × 20 / 1,000.
    assert.equal(b.total, '160');
  });

  it('identifier-like record keys keep their line and column (callSites["audio"])', () => {
    const text = JSON.stringify({ version: 1, tariff: { region: 'mainland' }, rooms: [room()], callSites: { audio: 5 } }, null, 2);
    const r = parseScenario(text);
    const [e] = r.errors;
    assert.equal(e.path, '$.callSites["audio"]');
    const line = text.split('\n').findIndex((l) => l.includes('"audio": 5')) + 1;
    assert.equal(e.line, line);
    assert.equal(e.column, text.split('\n')[line - 1].indexOf('5') + 1);
  });

  it('CR-only line endings count lines', () => {
    const text = file().replace(/\n/g, '\r').replace('"sessionsPerDay": 10', '"sessionsPerDay": -1');
    const [e] = parseScenario(text).errors;
    assert.equal(e.path, '$.rooms[0].sessionsPerDay');
    assert.equal(e.line, 10);
    const crlf = parseScenario(file().replace(/\n/g, '\r\n').replace('"sessionsPerDay": 10', '"sessionsPerDay": -1')).errors[0];
    assert.equal(crlf.line, 10);
  });

  it('a UTF-16 file is told to be saved as UTF-8 (read as UTF-8, as Latin-1, or without a mark)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file(), 'utf16le')]);
    for (const text of [bytes.toString('utf8'), bytes.toString('latin1'), Buffer.from(file(), 'utf16le').toString('utf8')]) {
      const r = parseScenario(text);
      assert.equal(r.errors.length, 1);
      assert.match(r.errors[0].message.en, /UTF-16.*save it as UTF-8/);
      assert.match(r.errors[0].message.zh, /另存为 UTF-8/);
      assert.equal(r.errors[0].line, 1);
      assert.doesNotMatch(r.errors[0].message.en, /�/);
    }
  });

  it('the receiver × publisher work of all rooms is bounded with a clear error', () => {
    const groups = Array.from({ length: 1000 }, (_, i) => ({ name: `g${i}`, count: 1, role: 'anchor', publish: { camera: '640x360' }, receive: 'all' }));
    const rooms = Array.from({ length: Math.ceil(WORK_LIMITS.pairs / 1_000_000) + 1 }, (_, i) => room({ name: `r${i}`, participants: groups }));
    const started = Date.now();
    const r = parseScenario({ version: 1, tariff: { region: 'international' }, rooms });
    assert.equal(r.scenario, undefined);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].path, '$.rooms');
    assert.match(r.errors[0].message.en, /too large to estimate: .* receiver × publisher pairs/);
    assert.ok(Date.now() - started < 5000);
  });

  it('the number of groups over all rooms is bounded', () => {
    const groups = Array.from({ length: 1000 }, (_, i) => ({ name: `g${i}`, count: 1, role: 'anchor', publish: {}, receive: 'none' }));
    const rooms = Array.from({ length: WORK_LIMITS.groups / 1000 + 1 }, (_, i) => room({ name: `r${i}`, participants: groups }));
    const r = parseScenario({ version: 1, tariff: { region: 'mainland' }, rooms });
    assert.equal(r.scenario, undefined);
    assert.match(r.errors[0].message.en, /has 101000 participant groups over all rooms; at most 100000/);
  });

  describe('the contract price book file (trtcCost.contract.priceBookFile)', () => {
    it('uses the same price keys: a typo is an error at its line and column', () => {
      const text = '{\n  "discountPercent": 10,\n  "prices": {\n    "av.HD": 20,\n    "av.HDD": 10\n  }\n}\n';
      const r = parseContractBook(text);
      assert.equal(r.contract, undefined);
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].path, '$.prices["av.HDD"]');
      assert.match(r.errors[0].message.en, /did you mean "av.HD"/);
      assert.deepEqual({ line: r.errors[0].line, column: r.errors[0].column }, { line: 5, column: 15 });
    });
    it('a valid book is returned as a contract', () => {
      const r = parseContractBook('{"$schema": "x", "note": "2026 deal", "discountPercent": 15, "prices": {"recording.mixed.FHD": 70}}');
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.contract, { discountPercent: 15, prices: { 'recording.mixed.FHD': 70 } });
    });
    it('is hardened like a scenario: reserved keys, ranges, UTF-16', () => {
      const proto = parseContractBook('{"__proto__": {"discountPercent": 150}}');
      assert.deepEqual(
        proto.errors.map((e) => e.path),
        ['$.__proto__'],
      );
      assert.equal(proto.errors[0].line, 1);
      assert.match(parseContractBook('{"discountPercent": 150}').errors[0].message.en, /at most 100/);
      assert.match(parseContractBook(Buffer.from('{"discountPercent": 1}', 'utf16le').toString('utf8')).errors[0].message.en, /save it as UTF-8/);
    });
  });
});
