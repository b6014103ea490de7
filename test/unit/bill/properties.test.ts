// Properties that must hold for any scenario, checked on random scenarios (fast-check).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { D as Decimal } from '../../../src/core/decimal';
import { estimate, parseScenario, type Scenario } from '../../../src/core';

const resolutions = ['160x120', '320x180', '640x360', '640x480', '960x540', '1280x720', '1920x1080', '2560x1440', '3840x2160'];

const group = fc.record({
  count: fc.integer({ min: 1, max: 6 }),
  camera: fc.option(fc.constantFrom(...resolutions), { nil: undefined }),
  screen: fc.option(fc.constantFrom(...resolutions), { nil: undefined }),
  receive: fc.constantFrom('all', 'audio-only', 'none'),
  minutesInRoom: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
});

const scenarioArb = fc
  .record({
    region: fc.constantFrom('mainland', 'international'),
    accountCreated: fc.constantFrom('2019-06-01', '2020-08-01', '2021-06-01', '2022-03-01', '2024-01-01'),
    days: fc.integer({ min: 1, max: 45 }),
    start: fc.constantFrom('2026-12-01', '2026-12-20', '2022-05-25'),
    mode: fc.constantFrom('postpaid-daily', 'postpaid-monthly'),
    free: fc.boolean(),
    packs: fc.array(fc.record({ minutes: fc.constantFrom(25_000, 250_000, 1_000_000), remaining: fc.integer({ min: 0, max: 25_000 }) }), { maxLength: 2 }),
    rooms: fc.array(
      fc.record({
        service: fc.constantFrom('video-call', 'voice-call', 'video-live', 'voice-live'),
        sessionsPerDay: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(0.1, 0.5, 2.5, 33.3)),
        minutesPerSession: fc.integer({ min: 60, max: 120 }),
        groups: fc.array(group, { minLength: 1, maxLength: 3 }),
        recording: fc.option(fc.constantFrom('single', 'mixed'), { nil: undefined }),
        mixing: fc.option(fc.constantFrom('1280x720', '1920x1080'), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((r): Scenario => ({
    version: 1,
    tariff: { region: r.region as Scenario['tariff']['region'], accountCreated: r.accountCreated },
    period: { start: r.start, days: r.days },
    rooms: r.rooms.map((room, i) => ({
      name: `room ${i}`,
      service: room.service as Scenario['rooms'][0]['service'],
      sessionsPerDay: room.sessionsPerDay,
      minutesPerSession: room.minutesPerSession,
      participants: room.groups.map((g) => ({
        count: g.count,
        role: 'anchor' as const,
        publish: {
          camera: g.camera ? { width: +g.camera.split('x')[0], height: +g.camera.split('x')[1] } : null,
          screen: g.screen ? { width: +g.screen.split('x')[0], height: +g.screen.split('x')[1] } : null,
          audio: true,
        },
        receive: g.receive as 'all',
        ...(g.minutesInRoom !== undefined ? { minutesInRoom: g.minutesInRoom } : {}),
      })),
      recording: room.recording ? { mode: room.recording as 'single' } : null,
      mixTranscoding: room.mixing ? { codec: 'h264' as const, output: { width: +room.mixing.split('x')[0], height: +room.mixing.split('x')[1] } } : null,
    })),
    payment: {
      mode: r.mode as 'postpaid-daily',
      freeMinutes: r.free,
      packs: r.packs.map((p) => ({ minutes: p.minutes, remaining: p.remaining, purchased: '2026-11-01' })),
    },
  }));

const opts = { today: '2026-11-26' };

describe('billing properties', () => {
  it('generated scenarios are valid', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = parseScenario(JSON.stringify(s));
        assert.deepEqual(r.errors, []);
      }),
      { numRuns: 50 },
    );
  });

  it('every line is its billed minutes × unit price, and the total is the sum of the lines, exactly', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const b = estimate(s, { ...opts, advice: false });
        for (const l of b.lines) {
          if (l.unit !== 'per-1000-min') continue;
          assert.equal(new Decimal(l.postpaidMinutes).times(l.unitPrice).div(1000).toFixed(), new Decimal(l.amount).toFixed(), l.key);
        }
        const sum = b.lines.reduce((acc, l) => acc.plus(l.amount), new Decimal(0));
        assert.equal(sum.toFixed(), new Decimal(b.total).toFixed());
        const daily = b.daily.reduce((acc, d) => acc.plus(d.amount), new Decimal(0));
        if (b.settlement === 'day' && b.paymentMode === 'postpaid-daily') assert.equal(daily.toFixed(), sum.toFixed(), 'daily totals add up to the period');
      }),
      { numRuns: 150 },
    );
  });

  it('free and pack minutes never push a line below zero', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const b = estimate(s, { ...opts, advice: false });
        for (const l of b.lines) {
          assert.ok(new Decimal(l.postpaidMinutes).gte(0), `${l.key} billed minutes ${l.postpaidMinutes}`);
          assert.ok(new Decimal(l.amount).gte(0), `${l.key} amount ${l.amount}`);
          assert.equal(new Decimal(l.freeMinutes).plus(l.packMinutes).plus(l.postpaidMinutes).toFixed(), new Decimal(l.minutes).toFixed());
        }
        for (const p of b.packs) assert.ok(new Decimal(p.remainingAfter).gte(0));
      }),
      { numRuns: 150 },
    );
  });

  it('more minutes never cost less', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 60 }), fc.nat({ max: 2 }), (s, extra, roomIndex) => {
        const i = roomIndex % s.rooms.length;
        const longer: Scenario = structuredClone(s);
        longer.rooms[i].minutesPerSession += extra;
        const a = new Decimal(estimate(s, { ...opts, advice: false }).total);
        const b = new Decimal(estimate(longer, { ...opts, advice: false }).total);
        assert.ok(b.gte(a), `longer sessions cost ${b} < ${a}`);
      }),
      { numRuns: 150 },
    );
  });

  it('more sessions never cost less', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 100 }), (s, extra) => {
        const more: Scenario = structuredClone(s);
        more.rooms[0].sessionsPerDay += extra;
        const a = new Decimal(estimate(s, { ...opts, advice: false }).total);
        const b = new Decimal(estimate(more, { ...opts, advice: false }).total);
        assert.ok(b.gte(a), `more sessions cost ${b} < ${a}`);
      }),
      { numRuns: 100 },
    );
  });

  it('the payment advice never costs more than postpaid, and buying what it says gives the bill it predicts', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const b = estimate(s, opts);
        assert.ok(b.advice);
        assert.ok(new Decimal(b.advice.best.total).lte(b.total));
        assert.equal(new Decimal(b.total).minus(b.advice.best.total).toFixed(), new Decimal(b.advice.saving).toFixed());
        if (b.advice.best.packs.length === 0) return;
        // Independently: bill the same scenario with the advised packs bought at the period start.
        const bought = b.advice.best.packs.reduce((n, p) => n + p.minutes * p.count, 0);
        const withPacks: Scenario = structuredClone(s);
        withPacks.payment = { ...withPacks.payment, packs: [...(withPacks.payment?.packs ?? []), { minutes: bought, purchased: b.period.start }] };
        const after = estimate(withPacks, { ...opts, advice: false });
        assert.equal(new Decimal(after.total).toFixed(), new Decimal(b.advice.best.postpaidCost).toFixed());
        const packCost = b.advice.best.packs.reduce((sum, p) => sum.plus(new Decimal(p.price).times(p.count)), new Decimal(0));
        assert.equal(packCost.toFixed(), new Decimal(b.advice.best.packCost).toFixed());
      }),
      { numRuns: 60 },
    );
  });
});
