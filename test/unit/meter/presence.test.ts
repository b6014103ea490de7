// Value-added services follow presence: MixTranscoding and per-task recording bill, at each moment, what is
// mixed or recorded then (47631, 45176; trtc-billing-2025.md §7, §11.6). Everyone joins at the start of a
// session and stays `minutesInRoom`, so "B joins after 30 min for 10 min" is modelled as "B stays 10 min":
// the same stretches with the same groups, in another order, which bills the same.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimate, parseScenario, type Bill, type ParticipantGroup, type Room, type Scenario } from '../../../src/core';

const today = '2026-11-26';

function fromFile(file: string): Bill {
  const parsed = parseScenario(readFileSync(join(__dirname, '..', 'bill', 'worked', file), 'utf8'));
  assert.deepEqual(parsed.errors, [], `${file} should be valid`);
  return estimate(parsed.scenario!, { today });
}

function bill(rooms: Room[], tariff: Partial<Scenario['tariff']> = {}): Bill {
  return estimate(
    {
      version: 1,
      tariff: { region: 'international', accountCreated: '2024-01-01', robotsBilled: false, ...tariff },
      period: { start: '2026-12-01', days: 1 },
      rooms,
      payment: { freeMinutes: false },
    },
    { today },
  );
}

const line = (b: Bill, key: string) => b.lines.find((l) => l.key === key);
const lines = (b: Bill, category: string) => b.lines.filter((l) => l.category === category).map((l) => [l.key, l.minutes, l.amount]);
const why = (b: Bill, key: string) =>
  line(b, key)!
    .explanation.map((t) => t.en)
    .join('\n');

const anchor = (name: string, publish: ParticipantGroup['publish'], minutesInRoom?: number): ParticipantGroup => ({
  name,
  count: 1,
  role: 'anchor',
  publish,
  receive: 'all',
  ...(minutesInRoom !== undefined ? { minutesInRoom } : {}),
});

const room = (minutes: number, participants: ParticipantGroup[], extra: Partial<Room> = {}): Room => ({
  name: 'room',
  service: 'video-live',
  sessionsPerDay: 1,
  minutesPerSession: minutes,
  participants,
  ...extra,
});

const hd = { width: 1280, height: 720 };
const fhd = { width: 1920, height: 1080 };

describe('MixTranscoding by presence (47631)', () => {
  // S2: 30 min alone (no fee), then 30 min of two audio inputs, billed once as audio: 1.99 × 30 / 1000 = 0.0597.
  // The engine used to bill the whole 60 min at the union of the inputs: 1.99 × 60 / 1000 = 0.1194.
  it('S2: a solo anchor is mixing-free; two audio anchors for 30 min → 1.99 × 30 / 1000 = 0.0597 USD', () => {
    const b = fromFile('s2-mixing-audio-co-anchoring.json');
    assert.deepEqual(lines(b, 'mixing'), [['mixing.h264.audio', '30', '0.0597']]);
    assert.ok(b.assumptions.some((a) => /single input is not charged: 30 min per session/.test(a.text.en)));
    assert.match(why(b, 'mixing.h264.audio'), /minute 0–30 mixes 1 × audio \+ 1 × audio = 0 px → H264 audio/);
  });

  // S3: 30 min A alone (no fee); 10 min A + B = 2,073,600 + 921,600 = 2,995,200 px → H.264 2K (the tier comes from the
  // inputs, not the 1080p output); two tasks: 25.99 × 10 / 1000 × 2 = 0.5198. Before: 40 min × 2 tasks at 2K = 2.0792.
  it('S3: two tasks, 10 min of 1080p + 720p = 2,995,200 px → 2K: 25.99 × 10 / 1000 × 2 = 0.5198 USD', () => {
    const b = fromFile('s3-mixing-video-two-tasks.json');
    assert.deepEqual(lines(b, 'mixing'), [['mixing.h264.2K', '20', '0.5198']]);
    assert.match(why(b, 'mixing.h264.2K'), /2,995,200 px → H264 2K, 10 min × 2 task\(s\)/);
  });

  // A 720p 60 min, B 720p 40 min, C audio 20 min; output 1280×720 (921,600 px).
  // 0–20: A + B + C: 1,843,200 + one black stream for C at the output, 921,600 = 2,764,800 → 2K, 20 × 25.99 = 0.5198
  // 20–40: A + B = 1,843,200 → FHD, 20 × 13.99 = 0.2798 (the output is not above 2 × the input)
  // 40–60: A alone → not charged.
  it('three departures: each stretch at the tier of who is present (2K, FHD, free)', () => {
    const b = bill([
      room(60, [anchor('A', { camera: hd }), anchor('B', { camera: hd }, 40), anchor('C', { audio: true }, 20)], {
        mixTranscoding: { codec: 'h264', output: hd },
      }),
    ]);
    assert.deepEqual(lines(b, 'mixing'), [
      ['mixing.h264.FHD', '20', '0.2798'],
      ['mixing.h264.2K', '20', '0.5198'],
    ]);
    assert.ok(b.assumptions.some((a) => /20 min per session with fewer than two inputs/.test(a.text.en)));
  });

  it('several tasks and sessions multiply the presence stretches, not the session', () => {
    // 2 sessions × 2 tasks × 30 min of A + B (720p + 720p = 1,843,200 → FHD) = 120 min; A's solo 30 min are free.
    const b = bill([
      { ...room(60, [anchor('A', { camera: hd }), anchor('B', { camera: hd }, 30)], { mixTranscoding: { output: hd, tasks: 2 } }), sessionsPerDay: 2 },
    ]);
    assert.deepEqual(lines(b, 'mixing'), [['mixing.h264.FHD', '120', '1.6788']]); // 120 × 13.99 / 1000
  });
});

describe('MixTranscoding inputs the reference adds (trtc-billing-2025.md §7)', () => {
  const small = { width: 320, height: 180 }; // 57,600 px
  const twoSmall = (output: Room['mixTranscoding']) =>
    bill([room(10, [anchor('A', { camera: small }), anchor('B', { camera: small })], { mixTranscoding: output })]);

  // (a) 2 × 57,600 = 115,200 px of input; a 1920×1080 output (2,073,600) is more than twice that, so one input at the
  // output resolution is added: 115,200 + 2,073,600 = 2,188,800 → 2K, 10 × 25.99 / 1000 = 0.2599.
  it('(a) an output above twice the aggregate input adds one input at the output resolution', () => {
    const b = twoSmall({ output: fhd });
    assert.deepEqual(lines(b, 'mixing'), [['mixing.h264.2K', '10', '0.2599']]);
    assert.match(why(b, 'mixing.h264.2K'), /one extra input at the output 1920×1080.*= 2,188,800 px/);
  });

  // Exactly twice is not "more than": 640×360 = 230,400 = 2 × 115,200 → the inputs alone, HD: 10 × 5.99 / 1000 = 0.0599.
  // One pixel row more (640×361 = 231,040) is more than twice: 115,200 + 231,040 = 346,240, still HD, with the extra input.
  it('(a) exactly twice the input adds nothing; just above adds the extra input', () => {
    const exact = twoSmall({ output: { width: 640, height: 360 } });
    assert.deepEqual(lines(exact, 'mixing'), [['mixing.h264.HD', '10', '0.0599']]);
    assert.doesNotMatch(why(exact, 'mixing.h264.HD'), /extra input/);
    const above = twoSmall({ output: { width: 640, height: 361 } });
    assert.match(why(above, 'mixing.h264.HD'), /extra input.* = 346,240 px/);
  });

  // (b) Two audio-only anchors into a 1280×720 output: one black stream at 921,600 px (counted once, not twice:
  // 2 × 921,600 = 1,843,200 would be FHD) → HD, 10 × 5.99 / 1000 = 0.0599. With an audio-only output: audio, 0.0199.
  it('(b) audio-only inputs into a video output are one black stream at the output resolution', () => {
    const voices = [anchor('A', { audio: true }), anchor('B', { audio: true })];
    const video = bill([room(10, voices, { mixTranscoding: { output: hd } })]);
    assert.deepEqual(lines(video, 'mixing'), [['mixing.h264.HD', '10', '0.0599']]);
    assert.match(why(video, 'mixing.h264.HD'), /1280×720 black stream for the audio-only input\(s\), counted once = 921,600 px/);
    const audio = bill([room(10, voices, { mixTranscoding: { output: null } })]);
    assert.deepEqual(lines(audio, 'mixing'), [['mixing.h264.audio', '10', '0.0199']]);
  });

  // (b) mixed with video: 1080p camera + an audio-only anchor into a 1080p output: 2,073,600 + 2,073,600 = 4,147,200 → 4K,
  // 10 × 69.99 / 1000 = 0.6999 (without the black stream it would be FHD).
  it('(b) an audio-only input next to a video input still adds the black stream', () => {
    const b = bill([room(10, [anchor('A', { camera: fhd }), anchor('B', { audio: true })], { mixTranscoding: { output: fhd } })]);
    assert.deepEqual(lines(b, 'mixing'), [['mixing.h264.4K', '10', '0.6999']]);
  });

  // (c) An H.265 host relayed to a CDN with no mix task: transcoded at the H.265 price by its own stream, even alone:
  // 1280×720 → H.265 HD, 30 min × 17.99 / 1000 = 0.5397. The audience and an H.264 host add nothing.
  it('(c) an H.265 host relayed to a CDN pays H.265 transcoding for the time it is relayed', () => {
    const people = (codec: 'h264' | 'h265'): ParticipantGroup[] => [
      anchor('host', { camera: hd, codec }),
      { name: 'viewers', count: 20, role: 'audience', publish: {}, receive: 'all' },
    ];
    const h265 = bill([room(30, people('h265'), { relay: { target: 'tencent-css' } })]);
    assert.deepEqual(lines(h265, 'mixing'), [['mixing.h265.HD', '30', '0.5397']]);
    assert.match(why(h265, 'mixing.h265.HD'), /H\.265 host 1280×720 relayed to Tencent CSS is transcoded automatically/);
    // Relay time limits it: 12 min of a third-party relay → 12 × 17.99 / 1000 = 0.21588.
    const capped = bill([room(30, people('h265'), { relay: { target: 'third-party', minutes: 12 } })]);
    assert.deepEqual(lines(capped, 'mixing'), [['mixing.h265.HD', '12', '0.21588']]);
    assert.deepEqual(lines(bill([room(30, people('h264'), { relay: { target: 'tencent-css' } })]), 'mixing'), []);
    assert.deepEqual(lines(bill([room(30, people('h265'))]), 'mixing'), [], 'not relayed: nothing transcoded');
  });

  it('(c) with an H.264 mix task of an H.265 host, the reference does not say the price: warned, not guessed', () => {
    const b = bill([
      room(10, [anchor('A', { camera: hd, codec: 'h265' }), anchor('B', { camera: hd })], { mixTranscoding: { output: hd }, relay: { target: 'tencent-css' } }),
    ]);
    assert.ok(b.warnings.some((w) => w.code === 'mixing-h265-host'));
    assert.deepEqual(lines(b, 'mixing'), [['mixing.h264.FHD', '10', '0.1399']]); // 1,843,200 px → FHD, 10 × 13.99 / 1000
  });
});

describe('per-task recording by presence (45176, international 2022 rules)', () => {
  // A 1080p for 40 min, B 720p for 10 min, one mixed task:
  // 0–10: 2,073,600 + 921,600 = 2,995,200 → 2K, 10 × 23.99 / 1000 = 0.2399; 10–40: 2,073,600 → FHD, 30 × 13.49 / 1000 = 0.4047.
  // The engine used to bill all 40 min at 2K: 0.9596.
  it('the tier follows what is recorded at each moment', () => {
    const b = bill([room(40, [anchor('A', { camera: fhd }), anchor('B', { camera: hd }, 10)], { recording: { mode: 'mixed' } })]);
    assert.deepEqual(lines(b, 'recording'), [
      ['recording.FHD', '30', '0.4047'],
      ['recording.2K', '10', '0.2399'],
    ]);
    assert.match(why(b, 'recording.2K'), /minute 0–10 records 1 × 1920×1080 \+ 1 × 1280×720 = 2,995,200 px → 2K/);
  });

  // One 720p anchor stays 20 of 30 min: 20 × 5.99 / 1000 = 0.1198 HD; the 10 min recording nothing are billed as
  // audio recording (45176): 10 × 1.49 / 1000 = 0.0149.
  it('a stretch recording no video (nobody left) is billed as audio recording', () => {
    const b = bill([room(30, [anchor('A', { camera: hd }, 20)], { recording: { mode: 'mixed' } })]);
    assert.deepEqual(lines(b, 'recording'), [
      ['recording.audio', '10', '0.0149'],
      ['recording.HD', '20', '0.1198'],
    ]);
  });

  it('audio-only content: the whole task is audio, whoever is present (2 tasks × 30 min × 1.49 / 1000 = 0.0894)', () => {
    const b = bill([
      room(30, [anchor('A', { camera: fhd }), anchor('B', { camera: hd }, 10)], { recording: { mode: 'mixed', content: 'audio-only', tasks: 2 } }),
    ]);
    assert.deepEqual(lines(b, 'recording'), [['recording.audio', '60', '0.0894']]);
  });
});
