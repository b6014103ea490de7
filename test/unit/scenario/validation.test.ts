// Invalid scenarios: every problem names its JSON path (and line) in plain English and Chinese.
import { strict as assert } from 'node:assert';
import { parseScenario } from '../../../src/core';

const valid = () => ({
  version: 1,
  tariff: { region: 'mainland' },
  rooms: [
    {
      name: 'call',
      service: 'video-call',
      sessionsPerDay: 10,
      minutesPerSession: 30,
      participants: [{ count: 2, role: 'anchor', publish: { camera: '1280x720' }, receive: 'all' }],
    },
  ],
});

function errorsOf(mutate: (s: ReturnType<typeof valid>) => void) {
  const s = valid();
  mutate(s);
  const r = parseScenario(JSON.stringify(s, null, 2));
  assert.equal(r.scenario, undefined, 'should be rejected');
  return r.errors;
}

describe('scenario validation', () => {
  it('accepts a valid scenario and normalizes "1280x720" to width/height', () => {
    const r = parseScenario(JSON.stringify(valid()));
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.scenario?.rooms[0].participants[0].publish.camera, { width: 1280, height: 720 });
  });

  it('negative minutes', () => {
    const [e] = errorsOf((s) => (s.rooms[0].minutesPerSession = -5));
    assert.equal(e.path, '$.rooms[0].minutesPerSession');
    assert.match(e.message.en, /cannot be negative \(-5\)/);
    assert.match(e.message.zh, /不能为负数/);
    assert.ok(e.line && e.line > 1, 'has a line number');
  });

  it('0×0 resolution', () => {
    const [e] = errorsOf((s) => ((s.rooms[0].participants[0].publish as { camera: string }).camera = '0x0'));
    assert.equal(e.path, '$.rooms[0].participants[0].publish.camera');
    assert.match(e.message.en, /0×0 is not a valid resolution/);
  });

  it('unknown service lists the allowed ones', () => {
    const [e] = errorsOf((s) => (s.rooms[0].service = 'video-conference'));
    assert.equal(e.path, '$.rooms[0].service');
    assert.match(e.message.en, /"video-conference" is not one of "video-call", "voice-call", "video-live", "voice-live"/);
  });

  it('missing fields', () => {
    const errors = errorsOf((s) => {
      delete (s.rooms[0] as Partial<ReturnType<typeof valid>['rooms'][0]>).sessionsPerDay;
      delete (s as Partial<ReturnType<typeof valid>>).tariff;
    });
    assert.deepEqual(errors.map((e) => e.path).sort(), ['$.rooms[0].sessionsPerDay', '$.tariff']);
    assert.match(errors[0].message.en, /is missing/);
  });

  it('wrong types', () => {
    const [e] = errorsOf((s) => ((s.rooms[0] as { sessionsPerDay: unknown }).sessionsPerDay = '10'));
    assert.equal(e.path, '$.rooms[0].sessionsPerDay');
    assert.match(e.message.en, /must be a number, but is the text "10"/);
  });

  it('absurd counts are refused', () => {
    const [e] = errorsOf((s) => (s.rooms[0].participants[0].count = 1e12));
    assert.match(e.message.en, /must be at most 10000000/);
  });

  it('malformed JSON reports line and column', () => {
    const r = parseScenario('{\n  "version": 1,\n  "rooms": [\n    { "name": "x", }\n  ]\n}');
    assert.equal(r.scenario, undefined);
    assert.equal(r.errors[0].line, 4);
    assert.match(r.errors[0].message.en, /not valid JSON: expected a property name/);
  });

  it('unknown fields are reported as warnings and kept', () => {
    const s = valid() as Record<string, unknown>;
    (s.rooms as Record<string, unknown>[])[0].sesionsPerDay = 3;
    const r = parseScenario(JSON.stringify(s));
    assert.deepEqual(r.errors, []);
    assert.equal(r.warnings[0].path, '$.rooms[0].sesionsPerDay');
    assert.match(r.warnings[0].message.en, /unknown field "sesionsPerDay"/);
    assert.equal((r.scenario?.rooms[0] as unknown as Record<string, unknown>).sesionsPerDay, 3);
  });

  it('a room too large to count exactly is refused, not billed wrong (and never hangs)', () => {
    const [e] = errorsOf((s) => {
      s.rooms[0].participants[0].count = 100_000;
      s.rooms[0].sessionsPerDay = 10_000_000;
      s.rooms[0].minutesPerSession = 1440;
    });
    assert.equal(e.path, '$.rooms[0]');
    assert.match(e.message.en, /too large to bill exactly/);
  });

  it('fields named like Object.prototype members are rejected, not silently dropped (they could reach the prototype)', () => {
    const r = parseScenario('{"version": 1, "tariff": {"region": "mainland"}, "rooms": [], "constructor": 1, "__proto__": 2}');
    assert.equal(r.scenario, undefined);
    assert.deepEqual(r.errors.map((w) => w.path).sort(), ['$.__proto__', '$.constructor']);
  });

  it('receive.from must name a group in the room', () => {
    const [e] = errorsOf((s) => ((s.rooms[0].participants[0] as { receive: unknown }).receive = { from: ['teacher'] }));
    assert.equal(e.path, '$.rooms[0].participants[0].receive.from[0]');
    assert.match(e.message.en, /no group named "teacher"/);
  });

  it('audience cannot publish in live rooms', () => {
    const [e] = errorsOf((s) => {
      s.rooms[0].service = 'video-live';
      s.rooms[0].participants[0].role = 'audience';
    });
    assert.equal(e.path, '$.rooms[0].participants[0].publish');
  });

  it('a 50 MB document is refused before parsing', () => {
    const big = '{"version": 1, "pad": "' + 'x'.repeat(50 * 1024 * 1024) + '"}';
    const r = parseScenario(big);
    assert.match(r.errors[0].message.en, /the file is 50\.0 MB; scenario files are limited to 5 MB/);
  });

  it('deep nesting and hostile input never throw', () => {
    for (const text of ['['.repeat(100_000), '{"a":'.repeat(10_000), '"unterminated', '\u0000\u0001', '', 'null', '[]', '{"version":1,"rooms":{}}']) {
      const r = parseScenario(text);
      assert.equal(r.scenario, undefined);
      assert.ok(r.errors.length > 0);
    }
  });
});
