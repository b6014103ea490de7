// Savings levers and cost drivers: every amount is the difference between estimating the room with and without one
// change, recomputed here through the public engine (estimate) on random rooms, and on the classroom example.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { D } from '../../../src/core/decimal';
import { estimate, type Room } from '../../../src/core';
import {
  analyzeProject,
  defaultBaseSettings,
  detectSources,
  parseProjectFile,
  projectScenario,
  projectSettings,
  type ProjectAnalysis,
  type ProjectSettings,
} from '../../../src/core/project';
import { applyChange, groupLabel, resolutionLiteral, roomLevers, type Lever } from '../../../src/core/project/levers';
import { driverOnLine, driverWhy, roomDrivers } from '../../../src/core/project/drivers';

const today = '2026-11-26';
const res = (s: string) => ({ width: +s.split('x')[0], height: +s.split('x')[1] });
const resolutions = ['320x180', '640x360', '1280x720', '720x1280', '1920x1080', '1080x1920', '2560x1440'];

const groupArb = fc.record({
  count: fc.integer({ min: 1, max: 5 }),
  camera: fc.option(fc.constantFrom(...resolutions), { nil: undefined }),
  screen: fc.option(fc.constantFrom(...resolutions), { nil: undefined }),
  small: fc.option(fc.constantFrom('320x180', '640x360'), { nil: undefined }),
  receive: fc.constantFrom('all', 'audio-only', 'none', 'from-all'),
});

const caseArb = fc
  .record({
    region: fc.constantFrom('mainland', 'international'),
    accountCreated: fc.constantFrom('2020-08-01', '2024-01-01'),
    product: fc.constantFrom(undefined, 'rtc-engine', 'call', 'conference'),
    free: fc.boolean(),
    live: fc.boolean(),
    sessionsPerDay: fc.integer({ min: 1, max: 200 }),
    minutesPerSession: fc.integer({ min: 1, max: 90 }),
    groups: fc.array(groupArb, { minLength: 1, maxLength: 3 }),
    audience: fc.integer({ min: 0, max: 300 }),
    audienceReceive: fc.constantFrom('all', 'audio-only'),
  })
  .map((r) => {
    const names = r.groups.map((_, i) => `g${i}`);
    const participants: Room['participants'] = r.groups.map((g, i) => ({
      name: names[i],
      count: g.count,
      role: 'anchor' as const,
      publish: {
        camera: g.camera ? res(g.camera) : null,
        screen: g.screen ? res(g.screen) : null,
        ...(g.small ? { smallStream: res(g.small) } : {}),
        audio: true,
      },
      receive: g.receive === 'from-all' ? { from: names } : (g.receive as 'all'),
    }));
    if (r.live && r.audience > 0)
      participants.push({
        name: 'audience',
        count: r.audience,
        role: 'audience',
        publish: { camera: null, audio: false },
        receive: r.audienceReceive as 'all',
      });
    const room: Room = {
      name: 'room',
      service: r.live ? 'video-live' : 'video-call',
      sessionsPerDay: r.sessionsPerDay,
      minutesPerSession: r.minutesPerSession,
      daysPerMonth: 30,
      participants,
    };
    const settings: ProjectSettings = {
      ...defaultBaseSettings(),
      tariff: { region: r.region as 'mainland', accountCreated: r.accountCreated },
      payment: { freeMinutes: r.free, ...(r.product ? { product: r.product as 'call' } : {}) },
      period: { start: '2026-12-01', days: 30 },
      fileRooms: [],
      today,
    };
    return { room, settings };
  });

/** The lever's basis amount of a room under settings, through the public engine. */
function amount(room: Room, settings: ProjectSettings, basis: Lever['basis']): string {
  const bill = estimate(projectScenario([room], settings), { today, advice: false });
  return basis === 'list' ? bill.rooms[0].monthly : bill.total;
}

describe('savings levers', () => {
  it("a lever's amount is the difference between estimating the room with and without its change", () => {
    let seen = 0;
    fc.assert(
      fc.property(caseArb, ({ room, settings }) => {
        const levers = roomLevers(room, settings);
        for (const l of levers) {
          const changed = applyChange(room, settings.payment, l.change);
          const before = amount(room, settings, l.basis);
          const after = amount(changed.room, { ...settings, payment: changed.payment }, l.basis);
          assert.equal(l.before, before);
          assert.equal(l.after, after);
          assert.equal(l.monthlyEffect, new D(after).minus(before).toFixed(), `${l.id}: effect`);
          assert.ok(new D(l.monthlyEffect).isNegative(), `${l.id}: only savings are offered`);
          seen++;
        }
        // Most saving first.
        for (let i = 1; i < levers.length; i++) assert.ok(new D(levers[i - 1].monthlyEffect).lte(levers[i].monthlyEffect));
        assert.ok(levers.length <= 4);
      }),
      { numRuns: 80 },
    );
    assert.ok(seen > 50, `levers were offered and checked (${seen})`);
  });

  it('offers only levers that apply to the room', () => {
    fc.assert(
      fc.property(caseArb, ({ room, settings }) => {
        const ids = new Set(roomLevers(room, settings, { limit: 10 }).map((l) => l.id));
        const cams = room.participants.map((g) => g.publish.camera).filter((c) => c);
        const screens = room.participants.map((g) => g.publish.screen).filter((c) => c);
        if (cams.every((c) => c!.width * c!.height <= 1280 * 720)) assert.ok(!ids.has('camera-720p'), 'no 720p lever for a room at 720p or below');
        if (screens.every((c) => c!.width * c!.height <= 1280 * 720)) assert.ok(!ids.has('screen-720p'));
        const audience = room.participants.filter((g) => g.role === 'audience' && g.receive !== 'audio-only');
        if (audience.length === 0) assert.ok(!ids.has('audience-audio-only'), 'no audience, no audience lever');
        if (settings.tariff.region === 'mainland' && !settings.payment?.product) assert.ok(!ids.has('package'), 'mainland packages need a product');
      }),
      { numRuns: 80 },
    );
  });

  it('offers a package where the tariff sells one for the app and it saves', () => {
    const room: Room = {
      name: '1v1',
      service: 'video-call',
      sessionsPerDay: 300,
      minutesPerSession: 20,
      daysPerMonth: 30,
      participants: [{ name: 'p', count: 2, role: 'anchor', publish: { camera: res('1280x720'), audio: true }, receive: 'all' }],
    };
    const settings: ProjectSettings = {
      ...defaultBaseSettings(),
      tariff: { region: 'international', accountCreated: '2025-03-01' },
      payment: { freeMinutes: true, product: 'rtc-engine', packagePrices: { 'rtc-engine.standard': { fee: 99, minutes: 100000 } } },
      period: { start: '2026-12-01', days: 30 },
      fileRooms: [],
      today,
    };
    const pkg = roomLevers(room, settings).find((l) => l.id === 'package');
    assert.ok(pkg, 'a package lever');
    assert.equal(pkg.basis, 'payable');
    assert.equal(pkg.change.kind, 'package');
    const changed = applyChange(room, settings.payment, pkg.change);
    assert.equal(
      pkg.monthlyEffect,
      new D(amount(room, { ...settings, payment: changed.payment }, 'payable')).minus(amount(room, settings, 'payable')).toFixed(),
    );
  });

  it('the gallery lever gives receivers the small streams of every video publisher', () => {
    const room: Room = {
      name: 'group call',
      service: 'video-call',
      sessionsPerDay: 10,
      minutesPerSession: 30,
      participants: [{ count: 4, role: 'anchor', publish: { camera: res('1280x720'), audio: true }, receive: 'all' }],
    };
    const { room: changed } = applyChange(room, undefined, {
      kind: 'receive-small',
      receivers: ['group 1'],
      publishers: ['group 1'],
      smallStream: res('320x180'),
    });
    assert.deepEqual(changed.participants[0].receive, { from: ['group 1'], stream: 'small' });
    assert.deepEqual(changed.participants[0].publish.smallStream, res('320x180'));
    assert.equal(groupLabel(room.participants[0], 0), 'group 1');
    const lever = roomLevers(room, { ...defaultBaseSettings(), fileRooms: [], today }).find((l) => l.id === 'small-gallery');
    assert.ok(lever && new D(lever.monthlyEffect).isNegative());
  });
});

const root = join(__dirname, '..', '..', '..', 'examples', 'classroom-app');
const files = ['web/src/classroom.ts', 'android/app/src/main/java/com/example/classroom/ClassroomActivity.java', 'server/src/recording.js'];
const languageOf = (f: string) => (f.endsWith('.ts') ? 'typescript' : f.endsWith('.java') ? 'java' : 'javascript');

async function classroom(): Promise<{ analysis: ProjectAnalysis; settings: ProjectSettings }> {
  const facts = await detectSources(files.map((f) => ({ file: f, languageId: languageOf(f), text: readFileSync(join(root, f), 'utf8') })));
  const parsed = parseProjectFile(readFileSync(join(root, '.vscode', 'trtc-cost.json'), 'utf8'));
  const settings = { ...projectSettings(defaultBaseSettings(), parsed.file, '.vscode/trtc-cost.json'), today };
  return { analysis: analyzeProject(facts, settings), settings };
}

describe('levers and drivers of the classroom example', () => {
  it('audience audio-only, then the screen share at 720p (one literal: the code action target)', async () => {
    const { analysis, settings } = await classroom();
    const logical = analysis.rooms.find((r) => r.id === 'classroom')!;
    const levers = roomLevers(logical.room!, settings, { logical });
    assert.deepEqual(
      levers.map((l) => l.id),
      ['audience-audio-only', 'screen-720p'],
    );
    const screen = levers[1];
    assert.equal(screen.where?.file, 'web/src/classroom.ts');
    assert.equal(screen.where?.range.start.line, 39, "startScreenShare's '1080p'");
    const text = readFileSync(join(root, 'web/src/classroom.ts'), 'utf8').split('\n')[39];
    const literal = text.slice(screen.where!.range.start.character, screen.where!.range.end.character);
    assert.equal(literal, "'1080p'");
    assert.equal(resolutionLiteral(literal, screen.where!.from, screen.where!.to), "'720p'");
    // The audience lever changes no line of code: no `where`.
    assert.equal(levers[0].where, undefined);
  });

  it('each driver is what the room costs with the fact minus without it; the unused Android camera is none', async () => {
    const { analysis, settings } = await classroom();
    const logical = analysis.rooms.find((r) => r.id === 'classroom')!;
    const drivers = roomDrivers(logical, settings);
    assert.deepEqual(
      drivers.map((d) => `${d.fact}@${d.file}:${d.range.start.line + 1}`),
      ['screen@web/src/classroom.ts:40', 'camera@web/src/classroom.ts:34', 'recording@server/src/recording.js:12'],
    );
    const room = logical.room!;
    const base = amount(room, settings, 'list');
    const screenless = { ...room, participants: room.participants.map((g) => ({ ...g, publish: { ...g.publish, screen: null } })) };
    assert.equal(drivers[0].monthlyEffect, new D(base).minus(amount(screenless, settings, 'list')).toFixed());
    assert.equal(drivers[2].monthlyEffect, new D(base).minus(amount({ ...room, recording: null }, settings, 'list')).toFixed());
    assert.ok(!drivers.some((d) => d.file.endsWith('.java')), 'the student camera is not part of the estimate');
    assert.equal(driverOnLine(drivers, 'web/src/classroom.ts', 39)?.fact, 'screen');
    // The recording's value is a constant on line 12; the driver is also on the CreateCloudRecording call.
    assert.equal(driverOnLine(drivers, 'server/src/recording.js', 15)?.fact, 'recording');
    assert.equal(driverOnLine(drivers, 'web/src/classroom.ts', 0), undefined);
    assert.deepEqual(driverWhy(drivers[1]), { en: "moves the room's main tier from Full HD to HD", zh: '使房间的主要档位从全高清变为高清' });
  });
});

describe('resolution literals a code action rewrites', () => {
  const from = res('1920x1080');
  const to = res('1280x720');
  it('rewrites profiles, enum names and written numbers', () => {
    assert.equal(resolutionLiteral("'1080p'", from, to), "'720p'");
    assert.equal(resolutionLiteral('"1080p"', from, to), '"720p"');
    assert.equal(resolutionLiteral('TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1920_1080', from, to), 'TRTCCloudDef.TRTC_VIDEO_RESOLUTION_1280_720');
    assert.equal(resolutionLiteral('TRTCVideoResolution_1920_1080', res('1080x1920'), res('720x1280')), 'TRTCVideoResolution_1280_720');
    assert.equal(resolutionLiteral('{ width: 1920, height: 1080 }', from, to), '{ width: 1280, height: 720 }');
    assert.equal(resolutionLiteral("'1920x1080'", from, to), "'1280x720'");
  });
  it('leaves anything else alone', () => {
    assert.equal(resolutionLiteral("'720p'", from, to), undefined, 'the literal does not state the value');
    assert.equal(resolutionLiteral('RESOLUTION', from, to), undefined);
    assert.equal(resolutionLiteral('{ width: 1920, height: 1080, fps: 15 }', from, to), undefined, 'other numbers: not one literal');
    assert.equal(resolutionLiteral("'1080p_2'", from, to), undefined);
    assert.equal(resolutionLiteral('x'.repeat(1000), from, to), undefined);
  });
});
