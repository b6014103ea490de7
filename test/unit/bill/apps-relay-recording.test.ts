// Rounding per application per day, packages bound to their app, relay to a third-party CDN by duration,
// recording formats and delivery, web page recording (trtc-billing-2025.md §2, §5, §6; examples S4, S5, S6).
// Every expected figure is computed by hand in the test's comment.
import { strict as assert } from 'node:assert';
import { estimate, parseScenario, type Bill } from '../../../src/core';

function bill(doc: unknown): Bill {
  const parsed = parseScenario(JSON.stringify(doc));
  assert.deepEqual(parsed.errors, [], 'the scenario should be valid');
  assert.ok(parsed.scenario);
  return estimate(parsed.scenario, { today: '2026-11-26' });
}

const line = (b: Bill, key: string) => b.lines.find((l) => l.key === key);

/** One person alone for `seconds`, receiving nothing: audio minutes only. */
const soloRoom = (name: string, seconds: number, app?: string) => ({
  name,
  service: 'voice-call',
  sessionsPerDay: 1,
  minutesPerSession: seconds / 60,
  participants: [{ count: 1, role: 'anchor', publish: { audio: true }, receive: 'all' }],
  ...(app ? { app } : {}),
});

const intl = (extra: Record<string, unknown> = {}) => ({
  region: 'international',
  accountCreated: '2025-12-01',
  ...extra,
});

describe('rounding per application (SDKAppID) per day per category', () => {
  it('two rooms of one app: 30 s + 30 s = 60 s → 1 min a day', () => {
    const b = bill({
      version: 1,
      tariff: intl(),
      period: { start: '2026-01-01', days: 1 },
      payment: { freeMinutes: false },
      rooms: [soloRoom('a', 30), soloRoom('b', 30)],
    });
    assert.equal(line(b, 'av.audio')?.minutes, '1');
  });

  it('the same rooms in two apps: each app rounds 30 s up to 1 min → 2 min a day', () => {
    const b = bill({
      version: 1,
      tariff: intl(),
      period: { start: '2026-01-01', days: 1 },
      payment: { freeMinutes: false },
      rooms: [soloRoom('a', 30, '1400000001'), soloRoom('b', 30, '1400000002')],
    });
    assert.equal(line(b, 'av.audio')?.minutes, '2');
    // 2 × 0.99 / 1,000
    assert.equal(line(b, 'av.audio')?.amount, '0.00198');
    assert.ok(line(b, 'av.audio')?.explanation.some((t) => t.en.includes('per day per app')));
  });

  it('over 3 days, two apps of 90 s each: per app 2 min a day → 2 × 2 × 3 = 12 min (one app: ceil(180 s) = 3 a day → 9)', () => {
    const two = bill({
      version: 1,
      tariff: intl(),
      period: { start: '2026-01-01', days: 3 },
      payment: { freeMinutes: false },
      rooms: [soloRoom('a', 90, 'x'), soloRoom('b', 90, 'y')],
    });
    assert.equal(line(two, 'av.audio')?.minutes, '12');
    const one = bill({
      version: 1,
      tariff: intl(),
      period: { start: '2026-01-01', days: 3 },
      payment: { freeMinutes: false },
      rooms: [soloRoom('a', 90), soloRoom('b', 90)],
    });
    assert.equal(line(one, 'av.audio')?.minutes, '9');
  });

  it("a monthly package covers only its app's rooms; the other app pays as it goes", () => {
    // App x: 1,000 audio min a day, covered by its custom package (100,000 min). App y: 500 min a day, no package.
    // One day, no free minutes: y pays 500 × 0.99 / 1,000 = 0.495, plus the package fee 10.
    const b = bill({
      version: 1,
      tariff: intl(),
      period: { start: '2026-01-01', days: 1 },
      payment: { freeMinutes: false, packages: [{ edition: 'custom', app: 'x', fee: 10, minutes: 100000 }] },
      rooms: [soloRoom('a', 1000 * 60, 'x'), soloRoom('b', 500 * 60, 'y')],
    });
    const audio = line(b, 'av.audio')!;
    assert.equal(audio.minutes, '1500');
    assert.equal(audio.packageMinutes, '1000');
    assert.equal(audio.postpaidMinutes, '500');
    assert.equal(audio.amount, '0.495');
    assert.equal(b.total, '10.495');
    assert.equal(b.monthlyPackages[0].absorbed, '1000');
  });

  it('a package bound to an app no room belongs to is not applied (warning)', () => {
    const b = bill({
      version: 1,
      tariff: intl(),
      period: { start: '2026-01-01', days: 1 },
      payment: { freeMinutes: false, packages: [{ edition: 'custom', app: 'z', fee: 10, minutes: 100000 }] },
      rooms: [soloRoom('a', 600, 'x')],
    });
    assert.ok(b.warnings.some((w) => w.code === 'package-other-app:0'));
    assert.equal(line(b, 'av.audio')?.postpaidMinutes, '10');
  });

  it('rooms without "app" belong to the app the package names (a single-app scenario, as before)', () => {
    const b = bill({
      version: 1,
      tariff: intl(),
      period: { start: '2026-01-01', days: 1 },
      payment: { freeMinutes: false, packages: [{ edition: 'custom', app: '1400000001', fee: 10, minutes: 100000 }] },
      rooms: [soloRoom('a', 600)],
    });
    assert.equal(line(b, 'av.audio')?.packageMinutes, '10');
    assert.ok(!b.warnings.some((w) => w.code.startsWith('package-other-app')));
  });

  it('several apps and a package naming none: a located warning', () => {
    const parsed = parseScenario(
      JSON.stringify({
        version: 1,
        tariff: intl(),
        payment: { packages: [{ edition: 'custom', fee: 10, minutes: 1000 }] },
        rooms: [soloRoom('a', 60, 'x'), soloRoom('b', 60, 'y')],
      }),
    );
    const w = parsed.warnings.find((p) => p.path === '$.payment.packages[0]');
    assert.ok(w, JSON.stringify(parsed.warnings));
    assert.ok(w.message.zh.includes('应用'));
  });
});

describe('relay to a third-party CDN', () => {
  const relayRoom = (relay: Record<string, unknown>, minutes = 120) => ({
    name: 'relay',
    service: 'video-live',
    sessionsPerDay: 1,
    minutesPerSession: minutes,
    participants: [{ count: 1, role: 'anchor', publish: { camera: '1280x720' }, receive: 'none' }],
    relay: { target: 'third-party', ...relay },
  });

  it('S4: an account registered after 2025-10-23 relays 2 h on 2025-11-01 → 120 min × 2.99 / 1,000 = 0.3588 USD', () => {
    const b = bill({
      version: 1,
      tariff: intl({ accountCreated: '2025-10-24' }),
      period: { start: '2025-11-01', days: 1 },
      payment: { freeMinutes: false },
      rooms: [relayRoom({})],
    });
    const relay = line(b, 'relay.third-party-duration')!;
    assert.equal(relay.minutes, '120');
    assert.equal(relay.unitPrice, '2.99');
    assert.equal(relay.amount, '0.3588');
    assert.equal(relay.category, 'relay');
    assert.equal(line(b, 'relay.third-party'), undefined, 'no bandwidth line for a new account');
    assert.equal(relay.freeMinutes, '0');
  });

  it('relay minutes are not covered by free minutes (§4 does not list relay)', () => {
    const b = bill({ version: 1, tariff: intl({ accountCreated: '2025-10-24' }), period: { start: '2025-11-01', days: 1 }, rooms: [relayRoom({})] });
    assert.equal(line(b, 'relay.third-party-duration')?.amount, '0.3588');
  });

  it('relay rounded per day: 30.5 min a day for 2 days → 31 + 31 = 62 min (relay.minutes and tasks)', () => {
    // 2 tasks × 15.25 min = 30.5 min a day → 31; 62 × 2.99 / 1,000 = 0.18538
    const b = bill({
      version: 1,
      tariff: intl({ accountCreated: '2026-01-01' }),
      period: { start: '2026-02-01', days: 2 },
      payment: { freeMinutes: false },
      rooms: [relayRoom({ minutes: 15.25, tasks: 2 })],
    });
    assert.equal(line(b, 'relay.third-party-duration')?.minutes, '62');
    assert.equal(line(b, 'relay.third-party-duration')?.amount, '0.18538');
  });

  it('an older account keeps 18.99 USD per Mbps of monthly peak: 10 Mbps → 189.9', () => {
    const b = bill({
      version: 1,
      tariff: intl({ accountCreated: '2024-01-01' }),
      period: { start: '2025-11-01', days: 30 },
      rooms: [relayRoom({ peakMbps: 10 })],
    });
    assert.equal(line(b, 'relay.third-party')?.amount, '189.9');
    assert.equal(line(b, 'relay.third-party-duration'), undefined);
  });

  it('no account date: peakMbps set → bandwidth, else duration; both say so', () => {
    const byBandwidth = bill({
      version: 1,
      tariff: { region: 'international' },
      period: { start: '2025-11-01', days: 1 },
      rooms: [relayRoom({ peakMbps: 1 })],
    });
    assert.equal(line(byBandwidth, 'relay.third-party')?.amount, '18.99');
    assert.ok(byBandwidth.assumptions.some((a) => a.code === 'relay-billing-default'));
    const byDuration = bill({ version: 1, tariff: { region: 'international' }, period: { start: '2025-11-01', days: 1 }, rooms: [relayRoom({})] });
    assert.equal(line(byDuration, 'relay.third-party-duration')?.amount, '0.3588');
    assert.ok(byDuration.assumptions.some((a) => a.code === 'relay-billing-default'));
  });

  it('a new account with peakMbps: the bandwidth is ignored, with a warning', () => {
    const b = bill({ version: 1, tariff: intl(), period: { start: '2026-01-01', days: 1 }, rooms: [relayRoom({ peakMbps: 5 })] });
    assert.ok(b.warnings.some((w) => w.code === 'relay-peak-ignored'));
    assert.equal(line(b, 'relay.third-party'), undefined);
  });
});

describe('recording (2025 rules)', () => {
  const recRoom = (recording: Record<string, unknown>, minutes = 10) => ({
    name: 'rec',
    service: 'video-call',
    sessionsPerDay: 1,
    minutesPerSession: minutes,
    participants: [{ count: 2, role: 'anchor', publish: { camera: '960x720' }, receive: 'all' }],
    recording: { mode: 'mixed', ...recording },
  });
  const base = { version: 1, tariff: intl({ robotsBilled: false }), period: { start: '2026-01-01', days: 1 }, payment: { freeMinutes: false } };

  it('S5: a task recording two 960×720 streams → 691,200 + 691,200 = 1,382,400 px → FHD (13.49 per 1,000 min)', () => {
    const b = bill({ ...base, rooms: [recRoom({})] });
    const rec = line(b, 'recording.FHD')!;
    assert.equal(rec.minutes, '10');
    // 10 × 13.49 / 1,000
    assert.equal(rec.amount, '0.1349');
  });

  it('each output format is billed separately: HLS + MP4 = two recordings → 20 min FHD', () => {
    const b = bill({ ...base, rooms: [recRoom({ formats: ['hls', 'mp4'] })] });
    assert.equal(line(b, 'recording.FHD')?.minutes, '20');
    assert.equal(line(b, 'recording.FHD')?.amount, '0.2698');
  });

  it('recording is settled daily even under monthly settlement: 0.5 min a day for 2 days → 1 + 1 = 2 min (rounded once a month: ceil(60 s) = 1)', () => {
    // A/V: 2 people × 0.5 min × 2 days = 2 min for the month (rounded once); recording: ceil(0.5) per day = 1 × 2 days.
    const b = bill({
      ...base,
      tariff: intl({ robotsBilled: false }),
      payment: { freeMinutes: false, mode: 'postpaid-monthly' },
      period: { start: '2026-01-01', days: 2 },
      rooms: [recRoom({}, 0.5)],
    });
    assert.equal(b.settlement, 'month');
    assert.equal(line(b, 'recording.FHD')?.minutes, '2');
    assert.equal(line(b, 'av.HD')?.minutes, '2');
    // Three formats, 0.5 min each a day: ceil(1.5) = 2 a day → 4 (rounded once a month it would be 3).
    const formats = bill({
      ...base,
      payment: { freeMinutes: false, mode: 'postpaid-monthly' },
      period: { start: '2026-01-01', days: 2 },
      rooms: [recRoom({ formats: ['hls', 'mp4', 'aac'] }, 0.5)],
    });
    assert.equal(line(formats, 'recording.FHD')?.minutes, '4');
  });

  it('delivery is free from 2025-09-01 (assumption); before, not estimated (warning)', () => {
    const now = bill({ ...base, rooms: [recRoom({ delivery: true })] });
    assert.ok(now.assumptions.some((a) => a.code === 'delivery-free'));
    assert.ok(!now.warnings.some((w) => w.code === 'delivery-not-estimated'));
    const before = bill({ ...base, period: { start: '2025-08-15', days: 30 }, rooms: [recRoom({ delivery: true })] });
    const w = before.warnings.find((x) => x.code === 'delivery-not-estimated');
    assert.ok(w);
    assert.ok(w.text.en.includes('2025-08-15 – 2025-08-31'));
  });

  it('S6: web page recording, 10 min at 1280×720 → HD, 14 × 10 / 1,000 = 0.14 USD', () => {
    const b = bill({
      ...base,
      rooms: [{ ...recRoom({}), recording: null, webRecording: { output: '1280x720' } }],
    });
    const web = line(b, 'webrec.HD')!;
    assert.equal(web.minutes, '10');
    assert.equal(web.amount, '0.14');
    assert.equal(web.category, 'recording');
  });

  it('web page recording at 1920×1080 → FHD 28; 5 output min × 2 tasks → 10 × 28 / 1,000 = 0.28; above 1080p → not billed, warning', () => {
    const fhd = bill({ ...base, rooms: [{ ...recRoom({}), recording: null, webRecording: { output: '1920x1080', minutes: 5, tasks: 2 } }] });
    assert.equal(line(fhd, 'webrec.FHD')?.amount, '0.28');
    const big = bill({ ...base, rooms: [{ ...recRoom({}), recording: null, webRecording: { output: '2560x1440' } }] });
    assert.equal(big.lines.filter((l) => l.key.startsWith('webrec.')).length, 0);
    assert.ok(big.warnings.some((w) => w.code === 'web-recording-above-top'));
  });

  it('free minutes cover web page recording for accounts registered from 2024-07-25 only', () => {
    const room = { ...recRoom({}), recording: null, webRecording: { output: '1280x720' } };
    const newer = bill({ ...base, payment: {}, rooms: [room] });
    assert.equal(line(newer, 'webrec.HD')?.freeMinutes, '10');
    const older = bill({ ...base, tariff: intl({ accountCreated: '2024-01-01' }), payment: {}, rooms: [room] });
    assert.equal(line(older, 'webrec.HD')?.freeMinutes, '0');
  });
});

describe('MixTranscoding top tier "4K" (edge 4096×2176)', () => {
  const mixRoom = (cameras: string[]) => ({
    name: 'mix',
    service: 'video-live',
    sessionsPerDay: 1,
    minutesPerSession: 10,
    participants: cameras.map((camera, i) => ({ name: `a${i}`, count: 1, role: 'anchor', publish: { camera }, receive: 'none' })),
    mixTranscoding: { codec: 'h264' },
  });
  const base = { version: 1, tariff: intl(), period: { start: '2026-01-01', days: 1 }, payment: { freeMinutes: false } };

  it('4096×2176 + an audio-only input = 8,912,896 px: inside 4K (69.99), no warning', () => {
    const room = mixRoom(['4096x2176']);
    room.participants.push({ name: 'voice', count: 1, role: 'anchor', publish: { audio: true } as never, receive: 'none' });
    const b = bill({ ...base, rooms: [room] });
    // 10 min × 69.99 / 1,000 = 0.6999
    assert.equal(line(b, 'mixing.h264.4K')?.amount, '0.6999');
    assert.ok(!b.warnings.some((w) => w.code === 'mixing-above-top'));
  });

  it('4096×2176 + 16×16 = 8,913,152 px: above the edge → billed as 4K with a warning', () => {
    const b = bill({ ...base, rooms: [mixRoom(['4096x2176', '16x16'])] });
    assert.equal(line(b, 'mixing.h264.4K')?.minutes, '10');
    assert.ok(b.warnings.some((w) => w.code === 'mixing-above-top' && w.text.en.includes('8,913,152')));
  });
});
