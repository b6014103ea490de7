// Billing rules beyond the worked examples, each checked against a hand computation in its comment.
import { strict as assert } from 'node:assert';
import { estimate, type Bill, type Room, type Scenario } from '../../../src/core';

const today = '2026-11-26';

/** Two people in a 1280×720 call: each receives the other's HD stream. */
const hdCall = (minutes: number, sessions = 1, extra: Partial<Room> = {}): Room => ({
  name: 'call',
  service: 'video-call',
  sessionsPerDay: sessions,
  minutesPerSession: minutes,
  participants: [{ count: 2, role: 'anchor', publish: { camera: { width: 1280, height: 720 } }, receive: 'all' }],
  ...extra,
});

const voice = (minutes: number, sessions = 1): Room => ({
  name: 'voice',
  service: 'voice-call',
  sessionsPerDay: sessions,
  minutesPerSession: minutes,
  participants: [{ count: 1, role: 'anchor', publish: { audio: true }, receive: 'all' }],
});

function bill(s: Partial<Scenario> & Pick<Scenario, 'rooms' | 'tariff'>): Bill {
  return estimate({ version: 1, period: { start: '2026-12-01', days: 30 }, payment: { freeMinutes: false }, ...s }, { today });
}
const line = (b: Bill, key: string) => b.lines.find((l) => l.key === key);

describe('billing rules', () => {
  describe('settlement and rounding', () => {
    it('daily settlement rounds up each day: 30 s a day for 30 days = 30 billed minutes; monthly: 15', () => {
      // One person alone 0.5 min a day → audio. Daily: ceil(30 s / 60) = 1 min × 30 days = 30.
      // Monthly: ceil(30 × 30 s / 60) = 15. At 7 CNY per 1,000: 0.21 vs 0.105.
      const daily = bill({ tariff: { region: 'mainland', accountCreated: '2021-01-01' }, rooms: [voice(0.5)] });
      assert.equal(daily.paymentMode, 'postpaid-daily', 'accounts from 2020-09-01 default to daily');
      assert.equal(line(daily, 'av.audio')?.minutes, '30');
      assert.equal(daily.total, '0.21');
      const monthly = bill({ tariff: { region: 'mainland', accountCreated: '2020-08-31' }, rooms: [voice(0.5)] });
      assert.equal(monthly.paymentMode, 'postpaid-monthly', 'accounts before 2020-09-01 default to monthly');
      assert.equal(line(monthly, 'av.audio')?.minutes, '15');
      assert.equal(monthly.total, '0.105');
    });

    it('fractional sessions are whole sessions on some days: 0.1 a day for 30 days is 3 sessions, not 30 rounded-up tenths', () => {
      // One person alone for 1 minute per session → audio. Sessions fall on running days 10, 20 and 30: 3 min.
      const b = bill({ tariff: { region: 'mainland', accountCreated: '2021-01-01' }, rooms: [voice(1, 0.1)] });
      assert.equal(line(b, 'av.audio')?.minutes, '3');
      assert.equal(b.rooms[0].monthly, '0.021');
    });

    it('monthly settlement rounds and allows free minutes per calendar month', () => {
      // 62 days from 2026-12-01: two months, two international allowances of 10,000 (HD weight 4 → 2,500 HD minutes each).
      const b = bill({
        tariff: { region: 'international', accountCreated: '2024-01-01' },
        period: { start: '2026-12-01', days: 62 },
        rooms: [hdCall(100)],
        payment: { mode: 'postpaid-monthly', freeMinutes: true },
      });
      assert.equal(b.settlement, 'month');
      assert.equal(line(b, 'av.HD')?.freeMinutes, '5000');
    });

    it('the rounding period can be set apart from the payment mode', () => {
      const b = bill({ tariff: { region: 'mainland', accountCreated: '2021-01-01', rounding: 'month' }, rooms: [voice(0.5)] });
      assert.equal(b.paymentMode, 'postpaid-daily');
      assert.equal(line(b, 'av.audio')?.minutes, '15');
    });

    it('rooms running fewer days are spread over the period', () => {
      // 10 min/day on 10 of 30 days: 10 × 10 = 100 minutes.
      const b = bill({ tariff: { region: 'mainland', accountCreated: '2021-01-01' }, rooms: [{ ...voice(10), daysPerMonth: 10 }] });
      assert.equal(line(b, 'av.audio')?.minutes, '100');
      assert.equal(b.daily.filter((d) => d.amount !== '0').length, 10);
    });
  });

  describe('metering model by account date (international)', () => {
    it('accounts from 2021-10-27 use aggregate metering; earlier ones per-stream', () => {
      // Viewer receives 2 × 960×720 = 1,382,400 px. Aggregate: one FHD minute per minute (8.99).
      // Per-stream: each 960×720 stream (691,200 px) is HD at 3.99, minutes added up: 2 HD minutes per minute.
      const room: Room = {
        name: 'two anchors',
        service: 'video-live',
        sessionsPerDay: 1,
        minutesPerSession: 10,
        participants: [
          { name: 'anchors', count: 2, role: 'anchor', publish: { camera: { width: 960, height: 720 } }, receive: 'none' },
          { name: 'viewer', count: 1, role: 'audience', publish: {}, receive: 'all' },
        ],
      };
      const agg = bill({ tariff: { region: 'international', accountCreated: '2021-10-27' }, period: { start: '2026-12-01', days: 1 }, rooms: [room] });
      assert.equal(agg.metering, 'aggregate');
      assert.equal(line(agg, 'av.FHD')?.minutes, '10');
      const legacy = bill({ tariff: { region: 'international', accountCreated: '2021-10-26' }, period: { start: '2026-12-01', days: 1 }, rooms: [room] });
      assert.equal(legacy.metering, 'per-stream');
      assert.equal(line(legacy, 'av.HD')?.minutes, '20');
    });

    it('an unknown account date is an assumption, not a silent guess', () => {
      const b = bill({ tariff: { region: 'international' }, rooms: [voice(1)] });
      assert.ok(b.assumptions.some((a) => a.code === 'metering-default'));
      assert.ok(b.assumptions.some((a) => a.code === 'payment-default'));
    });

    it('the mainland aggregate book is opt-in and flagged unverified', () => {
      const b = bill({ tariff: { region: 'mainland', metering: 'aggregate' }, rooms: [hdCall(10)] });
      assert.equal(b.book.confidence, 'unverified');
      assert.ok(b.warnings.some((w) => w.code === 'book-unverified'));
    });
  });

  describe('contract prices', () => {
    it('a discount scales every unit price: 20% off 28 CNY is 22.4', () => {
      // 2 × 10 min HD = 20 min × 22.4 / 1000 = 0.448
      const b = bill({
        tariff: { region: 'mainland', accountCreated: '2021-01-01', contract: { discountPercent: 20 } },
        period: { start: '2026-12-01', days: 1 },
        rooms: [hdCall(10)],
      });
      assert.equal(line(b, 'av.HD')?.unitPrice, '22.4');
      assert.equal(b.total, '0.448');
    });
    it('a discount does not apply on top of a contract price', () => {
      const b = bill({
        tariff: { region: 'mainland', accountCreated: '2021-01-01', contract: { discountPercent: 20, prices: { 'av.HD': 20 } } },
        period: { start: '2026-12-01', days: 1 },
        rooms: [hdCall(10)],
      });
      assert.equal(line(b, 'av.HD')?.unitPrice, '20');
    });
    it('a contract price replaces the list price for its key only', () => {
      const b = bill({
        tariff: { region: 'mainland', accountCreated: '2021-01-01', contract: { prices: { 'av.HD': 20 } } },
        period: { start: '2026-12-01', days: 1 },
        rooms: [hdCall(10), voice(10)],
      });
      assert.equal(line(b, 'av.HD')?.unitPrice, '20');
      assert.equal(line(b, 'av.audio')?.unitPrice, '7');
      assert.equal(b.total, '0.47'); // 20 × 20/1000 + 10 × 7/1000 = 0.4 + 0.07
    });
  });

  describe('free minutes', () => {
    it('international 2023+: 10,000 weighted free minutes a month (HD weight 4 → 2,500 HD minutes)', () => {
      // 2 × 3,000 min HD in one day = 6,000 HD minutes; free covers 10,000 / 4 = 2,500.
      const b = bill({
        tariff: { region: 'international', accountCreated: '2024-01-01' },
        period: { start: '2026-12-01', days: 1 },
        rooms: [hdCall(1000, 3)],
        payment: { freeMinutes: true },
      });
      assert.equal(line(b, 'av.HD')?.freeMinutes, '2500');
      assert.equal(b.freeMinutesUsed, '10000');
    });
    it('international 2022: the same 10,000 minutes at 1:1', () => {
      const b = bill({
        tariff: { region: 'international', accountCreated: '2022-01-01' },
        period: { start: '2022-06-01', days: 1 },
        rooms: [hdCall(1000, 3)],
        payment: { freeMinutes: true },
      });
      assert.equal(line(b, 'av.HD')?.freeMinutes, '6000');
    });
    it('international: no monthly allowance before November 2021', () => {
      const b = bill({
        tariff: { region: 'international', accountCreated: '2021-06-01' },
        period: { start: '2021-09-01', days: 1 },
        rooms: [hdCall(100)],
        payment: { freeMinutes: true },
      });
      assert.equal(line(b, 'av.HD')?.freeMinutes, '0');
    });
    it('international: the allowance renews on the first of each month', () => {
      // Period 2026-12-31 .. 2027-01-01, 6,000 HD minutes a day: each day has its own month's 2,500.
      const b = bill({
        tariff: { region: 'international', accountCreated: '2024-01-01' },
        period: { start: '2026-12-31', days: 2 },
        rooms: [hdCall(1000, 3)],
        payment: { freeMinutes: true },
      });
      assert.equal(line(b, 'av.HD')?.freeMinutes, '5000');
    });
    it('mainland: the one-time trial ends on the last day of the same month next year', () => {
      // Account 2025-12-10 → valid to 2026-12-31. Period 2027-01: no trial.
      const inside = bill({
        tariff: { region: 'mainland', accountCreated: '2025-12-10' },
        period: { start: '2026-12-01', days: 1 },
        rooms: [voice(100)],
        payment: { freeMinutes: true },
      });
      assert.equal(line(inside, 'av.audio')?.freeMinutes, '100');
      const after = bill({
        tariff: { region: 'mainland', accountCreated: '2025-12-10' },
        period: { start: '2027-01-01', days: 1 },
        rooms: [voice(100)],
        payment: { freeMinutes: true },
      });
      assert.equal(line(after, 'av.audio')?.freeMinutes, '0');
    });
  });

  describe('prepaid packs', () => {
    it('general packs deduct with weights 1:2:4:15 (mainland): 2,000 HD minutes take 8,000 pack minutes', () => {
      const b = bill({
        tariff: { region: 'mainland', accountCreated: '2021-01-01' },
        period: { start: '2026-12-01', days: 1 },
        rooms: [hdCall(1000)],
        payment: { freeMinutes: false, packs: [{ minutes: 25_000, purchased: '2026-11-01' }] },
      });
      assert.equal(line(b, 'av.HD')?.packMinutes, '2000');
      assert.equal(b.packs[0].used, '8000');
      assert.equal(b.packs[0].remainingAfter, '17000');
      assert.equal(b.total, '0');
    });
    it("monthly settlement: a pack bought during the month covers that month's earlier overage (2019 doc)", () => {
      const b = bill({
        tariff: { region: 'mainland', accountCreated: '2019-06-01' },
        period: { start: '2019-11-01', days: 30 },
        rooms: [voice(100)],
        payment: { freeMinutes: false, packs: [{ minutes: 25_000, purchased: '2019-11-29' }] },
      });
      assert.equal(b.settlement, 'month');
      assert.equal(line(b, 'av.audio')?.packMinutes, '3000');
    });
    it('a pack covers usage from 00:00 of its purchase day, not before', () => {
      // 100 audio minutes a day for 10 days; pack bought on day 6 covers days 6..10 = 500 minutes.
      const b = bill({
        tariff: { region: 'mainland', accountCreated: '2021-01-01' },
        period: { start: '2026-12-01', days: 10 },
        rooms: [voice(100)],
        payment: { freeMinutes: false, packs: [{ minutes: 25_000, purchased: '2026-12-06' }] },
      });
      assert.equal(line(b, 'av.audio')?.packMinutes, '500');
      assert.equal(line(b, 'av.audio')?.postpaidMinutes, '500');
    });
    it('the pack that expires first is used first, and expired packs are skipped', () => {
      // Bought 2025-11-20 → expires 2026-11-30 (before the period): skipped.
      // Bought 2025-12-05 → expires 2026-12-31; bought 2026-06-01 → expires 2027-06-30. The first is used first.
      const b = bill({
        tariff: { region: 'mainland', accountCreated: '2021-01-01' },
        period: { start: '2026-12-01', days: 1 },
        rooms: [voice(1000)],
        payment: {
          freeMinutes: false,
          packs: [
            { minutes: 25_000, purchased: '2026-06-01' },
            { minutes: 25_000, purchased: '2025-11-20' },
            { minutes: 600, purchased: '2025-12-05' },
          ],
        },
      });
      const byExpiry = b.packs.map((p) => [p.expires, p.used]);
      assert.deepEqual(byExpiry, [
        ['2026-11-30', '0'],
        ['2026-12-31', '600'],
        ['2027-06-30', '400'],
      ]);
    });
    it('the advice finds the cheaper custom or fixed pack and states the saving', () => {
      // 30 days × 2 × 100 min HD = 6,000 HD min = 24,000 weighted. Postpaid: 6,000 × 28 / 1000 = 168.
      // Custom 24,000 minutes × 7 / 1000 = 168 (no saving); fixed 25k pack = 168 (6.72): equal → postpaid stays.
      const even = bill({ tariff: { region: 'mainland', accountCreated: '2021-01-01' }, rooms: [hdCall(100)] });
      assert.equal(even.total, '168');
      assert.equal(even.advice?.saving, '0');
      // 30 × 2 × 1,000 min HD = 60,000 HD = 240,000 weighted → custom 240k at 6.72 = 1,612.8 vs postpaid 1,680: saves 67.2.
      // A fixed 250k pack costs 1,588 (6.352 per 1,000): cheaper still, saving 92.
      const big = bill({ tariff: { region: 'mainland', accountCreated: '2021-01-01' }, rooms: [hdCall(1000)] });
      assert.equal(big.total, '1680');
      assert.equal(big.advice?.best.packCost, '1588');
      assert.equal(big.advice?.saving, '92');
    });
  });

  describe('recording, mixing and relay by rule generation', () => {
    it('recording robots add A/V minutes unless switched off', () => {
      // HD call 10 min with mixed recording; the robot receives 2 × 720p streams (per-stream: 2 × 10 HD minutes).
      const on = bill({
        tariff: { region: 'mainland', accountCreated: '2023-01-01' },
        period: { start: '2026-12-01', days: 1 },
        rooms: [hdCall(10, 1, { recording: { mode: 'mixed' } })],
      });
      assert.equal(line(on, 'av.HD')?.minutes, '40');
      const off = bill({
        tariff: { region: 'mainland', accountCreated: '2023-01-01', robotsBilled: false },
        period: { start: '2026-12-01', days: 1 },
        rooms: [hdCall(10, 1, { recording: { mode: 'mixed' } })],
      });
      assert.equal(line(off, 'av.HD')?.minutes, '20');
      // Mixed recording, 2022-07 rules: each HD input at 35: 2 × 10 × 35 / 1000 = 0.7
      assert.equal(line(off, 'recording.mixed.HD')?.amount, '0.7');
    });
    it('an audio-only recording robot receives no video: its time is audio', () => {
      const b = bill({
        tariff: { region: 'mainland', accountCreated: '2023-01-01' },
        period: { start: '2026-12-01', days: 1 },
        rooms: [hdCall(10, 1, { recording: { mode: 'mixed', content: 'audio-only' } })],
      });
      assert.equal(line(b, 'av.HD')?.minutes, '20', 'only the two people receive video');
      assert.equal(line(b, 'av.audio')?.minutes, '10', 'the robot: 10 minutes of audio');
    });
    it('mainland accounts before 2020-07-01 pay recording through CSS: not estimated, with a warning', () => {
      const b = bill({
        tariff: { region: 'mainland', accountCreated: '2020-01-01', appCreated: '2020-01-01' },
        rooms: [hdCall(10, 1, { recording: { mode: 'mixed' } })],
      });
      assert.ok(b.warnings.some((w) => w.code === 'recording-css-legacy'));
      assert.equal(b.lines.filter((l) => l.category === 'recording').length, 0);
    });
    it('international mixing before 2022-06 is output-based: 720p output = HD 4.643', () => {
      // 10 min × 4.643 / 1000 = 0.04643
      const b = bill({
        tariff: { region: 'international', accountCreated: '2021-01-01' },
        period: { start: '2022-05-01', days: 1 },
        rooms: [hdCall(10, 1, { mixTranscoding: { output: { width: 1280, height: 720 } } })],
      });
      assert.equal(line(b, 'mixing.h264.HD')?.amount, '0.04643');
    });
    it('H.265 input-based mixing uses its own prices: 2 × 720p = 1,843,200 px → FHD 37.99', () => {
      const b = bill({
        tariff: { region: 'international', accountCreated: '2023-01-01' },
        period: { start: '2026-12-01', days: 1 },
        rooms: [hdCall(10, 1, { mixTranscoding: { codec: 'h265' } })],
      });
      assert.equal(line(b, 'mixing.h265.FHD')?.amount, '0.3799');
    });
    it('mainland H.265 mixing has no published price: excluded with a warning', () => {
      const b = bill({ tariff: { region: 'mainland', accountCreated: '2023-01-01' }, rooms: [hdCall(10, 1, { mixTranscoding: { codec: 'h265' } })] });
      assert.ok(b.warnings.some((w) => w.code === 'mixing-price-missing'));
    });
    it('relay: Tencent CSS costs nothing on TRTC; a third-party CDN costs 18.99 USD per Mbps of monthly peak', () => {
      const css = bill({ tariff: { region: 'international', accountCreated: '2023-01-01' }, rooms: [hdCall(10, 1, { relay: { target: 'tencent-css' } })] });
      assert.equal(line(css, 'relay.tencent-css')?.amount, '0');
      const third = bill({
        tariff: { region: 'international', accountCreated: '2023-01-01' },
        rooms: [hdCall(10, 1, { relay: { target: 'third-party', peakMbps: 12.5 } })],
      });
      assert.equal(line(third, 'relay.third-party')?.amount, '237.375'); // 12.5 × 18.99
      const mainland = bill({
        tariff: { region: 'mainland', accountCreated: '2023-01-01' },
        rooms: [hdCall(10, 1, { relay: { target: 'third-party', peakMbps: 5 } })],
      });
      assert.ok(mainland.warnings.some((w) => w.code === 'no-price:relay.third-party'));
    });
  });

  describe('room limits', () => {
    it('warns above 300 people or 50 publishers in a call, 50 co-anchors or 100,000 viewers in live', () => {
      const call = bill({
        tariff: { region: 'mainland' },
        rooms: [{ ...hdCall(10), participants: [{ count: 301, role: 'anchor', publish: {}, receive: 'all' }] }],
      });
      assert.ok(call.warnings.some((w) => w.code === 'limit-call-participants'));
      const pubs = bill({
        tariff: { region: 'mainland' },
        rooms: [{ ...hdCall(10), participants: [{ count: 51, role: 'anchor', publish: { audio: true }, receive: 'audio-only' }] }],
      });
      assert.ok(pubs.warnings.some((w) => w.code === 'limit-call-publishers'));
      const live = bill({
        tariff: { region: 'mainland' },
        rooms: [
          {
            ...hdCall(10),
            service: 'video-live',
            participants: [
              { name: 'anchors', count: 51, role: 'anchor', publish: { audio: true }, receive: 'all' },
              { name: 'viewers', count: 100_001, role: 'audience', publish: {}, receive: 'audio-only' },
            ],
          },
        ],
      });
      assert.deepEqual(
        live.warnings
          .filter((w) => w.code.startsWith('limit'))
          .map((w) => w.code)
          .sort(),
        ['limit-live-anchors', 'limit-live-audience'],
      );
      const ok = bill({ tariff: { region: 'mainland' }, rooms: [hdCall(10)] });
      assert.equal(ok.warnings.filter((w) => w.code.startsWith('limit')).length, 0);
    });
  });
});
