// Every worked example of trtc-billing.md §6 not marked ⚠, reproduced from a scenario file through
// the public API (parseScenario → estimate). Expected values are copied from the docs as printed;
// the arithmetic is repeated in each test's comment.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimate, parseScenario, type Bill } from '../../../src/core';

function bill(file: string): Bill {
  const parsed = parseScenario(readFileSync(join(__dirname, 'worked', file), 'utf8'));
  assert.deepEqual(parsed.errors, [], `${file} should be valid`);
  assert.ok(parsed.scenario);
  return estimate(parsed.scenario, { today: '2026-11-26' });
}

const line = (b: Bill, key: string) => b.lines.find((l) => l.key === key);
const sumOf = (b: Bill, prefix: string) => b.lines.filter((l) => l.key.startsWith(prefix)).reduce((s, l) => s + Number(l.amount), 0);

describe('worked examples (trtc-billing.md §6)', () => {
  it('E1 audio only: 7 × (30 + 30 + 30) / 1000 = 0.63 CNY', () => {
    const b = bill('e1-audio-only.json');
    assert.equal(b.currency, 'CNY');
    assert.equal(line(b, 'av.audio')?.minutes, '90');
    assert.equal(b.total, '0.63');
  });

  it('E2 video only: A receives FHD 105 × 0.03 = 3.15, B receives SD 14 × 0.03 = 0.42, total 3.57 CNY', () => {
    const b = bill('e2-video.json');
    assert.equal(line(b, 'av.FHD')?.amount, '3.15');
    assert.equal(line(b, 'av.SD')?.amount, '0.42');
    assert.equal(line(b, 'av.audio'), undefined, 'both receive video the whole time: no audio minutes');
    assert.equal(b.total, '3.57');
  });

  it('E4 tier change: 28 × 0.03 + 14 × 0.015 + 105 × 0.03 + 14 × 0.015 = 4.41 CNY', () => {
    const b = bill('e4-tier-change.json');
    assert.equal(line(b, 'av.HD')?.minutes, '30');
    assert.equal(line(b, 'av.FHD')?.minutes, '30');
    assert.equal(line(b, 'av.SD')?.minutes, '30');
    assert.equal(b.total, '4.41');
  });

  it('E5 video then audio: 28 × 0.03 + 14 × 0.015 + 105 × 0.03 + 7 × 0.015 = 4.305 CNY', () => {
    const b = bill('e5-video-then-audio.json');
    assert.equal(line(b, 'av.audio')?.minutes, '15');
    assert.equal(b.total, '4.305');
    assert.equal(b.totalRounded, '4.31');
  });

  it('E7 October: 200 + 300 + 500 minutes come out of the trial (10,000 → 9,000), nothing to pay', () => {
    const b = bill('e7-october.json');
    assert.equal(line(b, 'av.audio')?.minutes, '200', '199.5 voice minutes round up to 200');
    assert.equal(line(b, 'av.SD')?.minutes, '300');
    assert.equal(line(b, 'av.HD')?.minutes, '500');
    assert.equal(b.freeMinutesUsed, '1000');
    assert.equal(b.total, '0');
  });

  // The doc prints "(2001 ÷ 1000) × 28 = 56.056元" (QD 产品价格/基础服务费用（新）.md @0ba60372), but
  // 2.001 × 28 = 56.028: the doc's multiplication is wrong while its rules (2,000.5 → 2,001 minutes at
  // 28 CNY per 1,000) are clear. The engine follows the rules.
  it('E7 November: 9,000 trial + 31,000 voice pack, SD from the SD pack, HD 2,001 × 28 / 1000 = 56.028 CNY (doc misprints 56.056)', () => {
    const b = bill('e7-november.json');
    const audio = line(b, 'av.audio')!;
    assert.equal(audio.minutes, '40000', '39,999.5 rounds up to 40,000');
    assert.equal(audio.freeMinutes, '9000');
    assert.equal(audio.packMinutes, '31000');
    const sd = line(b, 'av.SD')!;
    assert.equal(sd.minutes, '10000');
    assert.equal(sd.packMinutes, '10000');
    const hd = line(b, 'av.HD')!;
    assert.equal(hd.minutes, '2001', '2,000.5 rounds up to 2,001');
    assert.equal(hd.postpaidMinutes, '2001');
    assert.equal(hd.amount, '56.028');
    assert.equal(b.total, '56.028');
    const packs = b.packs.map((p) => [p.used, p.remainingAfter]);
    assert.deepEqual(
      packs,
      [
        ['31000', '19000'],
        ['10000', '240000'],
      ],
      'voice pack 50,000 → 19,000 left; SD pack 250,000 → 240,000 left (as the doc states)',
    );
  });

  it('E9 international aggregate: HD 300 min × 3.99 + audio 60 × 0.99 = 1.2564 → 1.26 USD', () => {
    const b = bill('e9-intl-aggregate.json');
    assert.equal(b.currency, 'USD');
    assert.equal(b.metering, 'aggregate');
    assert.equal(line(b, 'av.HD')?.minutes, '300');
    assert.equal(line(b, 'av.HD')?.amount, '1.197');
    assert.equal(line(b, 'av.audio')?.amount, '0.0594');
    assert.equal(b.total, '1.2564');
    assert.equal(b.totalRounded, '1.26');
    const why = line(b, 'av.HD')!
      .explanation.map((t) => t.en)
      .join('\n');
    assert.match(why, /3 × 480×480 = 691,200 px → HD/);
  });

  it('international legacy per-stream, audio only: 90 min × 0.99 / 1000 = 0.0891 USD', () => {
    const b = bill('intl-legacy-audio.json');
    assert.equal(b.metering, 'per-stream');
    assert.equal(b.total, '0.0891');
  });

  it('E11 mainland 2022-07 recording: all-audio mixed task = one audio stream, 9 × 0.01 = 0.09 CNY', () => {
    const b = bill('e11-recording-2022.json');
    assert.equal(line(b, 'recording.mixed.audio')?.minutes, '10');
    assert.equal(sumOf(b, 'recording.'), 0.09);
  });

  it('E12 mainland 2020-07 recording, not mixed: 3.5 × 0.01 + 7 × 0.01 + 14 × 0.01 = 0.245 CNY', () => {
    const b = bill('e12-recording-2020-mainland-single.json');
    assert.equal(line(b, 'recording.audio')?.amount, '0.035');
    assert.equal(line(b, 'recording.SD')?.amount, '0.07');
    assert.equal(line(b, 'recording.HD')?.amount, '0.14');
  });

  it('E12 mainland 2020-07 recording, mixed at 1280×720: 14 × 0.01 = 0.14 CNY', () => {
    const b = bill('e12-recording-2020-mainland-mixed.json');
    const rec = b.lines.filter((l) => l.category === 'recording');
    assert.deepEqual(
      rec.map((l) => [l.key, l.amount]),
      [['recording.HD', '0.14']],
    );
  });

  it('E12 international equivalent: 0.499 × 0.01 + 0.99 × 0.01 + 1.99 × 0.01 = 0.03479 USD not mixed, 0.0199 mixed', () => {
    const single = bill('e12-recording-2020-international-single.json');
    const recSingle = single.lines.filter((l) => l.category === 'recording').map((l) => l.amount);
    assert.deepEqual(recSingle, ['0.00499', '0.0099', '0.0199']);
    const mixed = bill('e12-recording-2020-international-mixed.json');
    assert.deepEqual(
      mixed.lines.filter((l) => l.category === 'recording').map((l) => l.amount),
      ['0.0199'],
    );
  });

  it(
    'E14 international input-based mixing: audio 1.99 × 0.03 = 0.0597; solo anchor free; 1080p + 720p = 2,995,200 px → 2K, 25.99 × 0.01 × 2 = 0.5198 ' + 'USD',
    () => {
      const b = bill('e14-mixing-input.json');
      assert.equal(line(b, 'mixing.h264.audio')?.amount, '0.0597');
      assert.equal(line(b, 'mixing.h264.2K')?.amount, '0.5198');
      assert.equal(line(b, 'mixing.h264.2K')?.minutes, '20');
      assert.ok(b.assumptions.some((a) => /single input is not charged/.test(a.text.en)));
      const why = line(b, 'mixing.h264.2K')!
        .explanation.map((t) => t.en)
        .join('\n');
      assert.match(why, /2,995,200 px → H264 2K/);
    },
  );
});
