// Assumptions as low / expected / high in the project file: valid files stay valid, estimates use the expected value,
// problems are located, and the low and high rooms are exactly the rooms detection builds under those assumptions.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { detectRooms, roomFromCode, DEFAULT_ASSUMPTIONS, type RoomAssumptions } from '../../../src/core';
import { defaultBaseSettings, parseProjectFile, projectSettings } from '../../../src/core/project';
import { assumptionsAt, roomUnderAssumptions } from '../../../src/core/project/ranges';

describe('assumption ranges in the project file', () => {
  it('takes a number or {low, expected, high}; estimates use the expected value and the ranges are kept', () => {
    const r = parseProjectFile('{ "assumptions": { "audience": { "low": 50, "expected": 100, "high": 200 }, "sessionsPerDay": 20 } }');
    assert.deepEqual(r.errors, []);
    const s = projectSettings(defaultBaseSettings(), r.file);
    assert.equal(s.assumptions.audience, 100);
    assert.equal(s.assumptions.sessionsPerDay, 20);
    assert.deepEqual(s.ranges, { audience: { low: 50, expected: 100, high: 200 } });
    assert.equal(assumptionsAt(s.assumptions, s.ranges!, 'low').audience, 50);
    assert.equal(assumptionsAt(s.assumptions, s.ranges!, 'high').sessionsPerDay, 20, 'a plain number is the same at both ends');
  });

  it('keeps plain files as they were (no ranges)', () => {
    const r = parseProjectFile('{ "assumptions": { "audience": 30, "minutesPerSession": 45 } }');
    assert.deepEqual(r.errors, []);
    assert.equal(projectSettings(defaultBaseSettings(), r.file).ranges, undefined);
  });

  it('reports a range out of order, or malformed, at its line and column', () => {
    const disordered = parseProjectFile('{\n  "assumptions": {\n    "audience": { "low": 300, "expected": 100, "high": 200 }\n  }\n}');
    assert.equal(disordered.file, undefined);
    assert.equal(disordered.errors.length, 1);
    assert.equal(disordered.errors[0].path, '$.assumptions.audience.low');
    assert.equal(disordered.errors[0].line, 3);
    assert.match(disordered.errors[0].message.en, /low ≤ expected ≤ high/);
    assert.match(disordered.errors[0].message.zh, /范围/);
    const missing = parseProjectFile('{\n  "assumptions": {\n    "audience": { "low": 50, "high": 200 }\n  }\n}');
    assert.equal(missing.file, undefined);
    assert.equal(missing.errors[0].line, 3);
    assert.match(missing.errors[0].path, /^\$\.assumptions\.audience/);
    const negative = parseProjectFile('{ "assumptions": { "sessionsPerDay": { "low": -1, "expected": 1, "high": 2 } } }');
    assert.equal(negative.file, undefined);
    assert.match(negative.errors[0].path, /sessionsPerDay\.low/);
  });
});

const CODE = {
  call:
    `const trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId: 1 });\nawait trtc.startLocalVideo({ option: { ` +
    `profile: '1080p' } });`,
  anchor:
    `const trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId: 1, scene: TRTC.TYPE.SCENE_LIVE, role: ` +
    `TRTC.TYPE.ROLE_ANCHOR });\nawait trtc.startLocalVideo({ option: { profile: '720p' } });`,
  audience:
    `const trtc = TRTC.create();\nawait trtc.enterRoom({ sdkAppId: 1, userId: 'u', userSig: 's', roomId: 1, scene: TRTC.TYPE.SCENE_LIVE, role: ` +
    `TRTC.TYPE.ROLE_AUDIENCE });`,
};

const assumptionsArb = (audienceMin: number) =>
  fc
    .record({
      publishers: fc.integer({ min: 1, max: 50 }),
      livePublishers: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      audience: fc.integer({ min: audienceMin, max: 500 }),
      minutesPerSession: fc.integer({ min: 1, max: 240 }),
      sessionsPerDay: fc.double({ min: 0, max: 1000, noNaN: true }),
      daysPerMonth: fc.integer({ min: 1, max: 31 }),
    })
    .map((a): RoomAssumptions => ({ ...a, defaultCamera: DEFAULT_ASSUMPTIONS.defaultCamera }));

describe('rooms at the ends of a range', () => {
  it('are the rooms roomFromCode builds under those assumptions', () => {
    const detected = Object.values(CODE).map((text) => detectRooms(text, 'typescript', 'a.ts').rooms[0]);
    assert.ok(detected.every((d) => d !== undefined));
    fc.assert(
      fc.property(fc.constantFrom(...detected), assumptionsArb(1), assumptionsArb(0), (d, expected, end) => {
        const room = roomFromCode(d, expected, 'a.ts').room;
        assert.deepEqual(roomUnderAssumptions(room, expected, end), roomFromCode(d, end, 'a.ts').room);
      }),
      { numRuns: 200 },
    );
  });
});
