// The payment advice is the cheapest over pay-as-you-go, general packs and monthly package editions:
// checked against brute force (every small purchase, each billed through the public API) on small cases.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { D } from '../../../src/core/decimal';
import { estimate, type Scenario } from '../../../src/core';
import { customPackPrice } from '../../../src/core/bill/advice';
import { packBook } from '../../../src/core/tariff/books';

const today = '2026-11-26';

const caseArb = fc
  .record({
    region: fc.constantFrom('mainland', 'international'),
    days: fc.integer({ min: 1, max: 4 }),
    minutes: fc.integer({ min: 1, max: 600 }),
    sessions: fc.integer({ min: 1, max: 5 }),
    video: fc.boolean(),
    liteFee: fc.integer({ min: 1, max: 60 }),
    liteMinutes: fc.constantFrom(5_000, 20_000, 40_000),
    free: fc.boolean(),
  })
  .map((r): Scenario => ({
    version: 1,
    tariff: { region: r.region as 'mainland', accountCreated: '2024-01-01' },
    period: { start: '2026-12-01', days: r.days },
    rooms: [
      {
        name: 'room',
        service: r.video ? 'video-call' : 'voice-call',
        sessionsPerDay: r.sessions,
        minutesPerSession: r.minutes,
        participants: [{ count: 2, role: 'anchor', publish: r.video ? { camera: { width: 1280, height: 720 } } : { audio: true }, receive: 'all' }],
      },
    ],
    payment: {
      freeMinutes: r.free,
      // Mainland: the TRTC packages of a TUICallKit app; international: RTC-Engine Lite at a price the user knows.
      ...(r.region === 'mainland' ? { product: 'call' as const } : { packagePrices: { 'rtc-engine.lite': { fee: r.liteFee, minutes: r.liteMinutes } } }),
    },
  }));

const editionsOf = (s: Scenario) =>
  s.tariff.region === 'mainland' ? ['mainland.basic', 'mainland.premium', 'mainland.flagship', 'mainland.call-1v1'] : ['rtc-engine.lite'];

describe('payment advice against brute force', () => {
  it('no purchase of packs (fixed and custom) with or without a package edition is cheaper than the advice', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(caseArb, (s) => {
        const b = estimate(s, { today });
        assert.ok(b.advice);
        const book = packBook(s.tariff.region);
        // The weighted need is at most 4 × 2 × 600 × 5 × 4 = 96,000 minutes: customs up to 100k, fixed 25k packs up to 4, one 250k.
        let brute: D | undefined;
        for (const edition of [undefined, ...editionsOf(s)]) {
          for (let c = 0; c <= 1; c++) {
            for (let d = 0; d <= 4; d++) {
              for (let k = 0; k <= 100; k++) {
                const fixed = c * 250_000 + d * 25_000;
                const custom = k * 1000;
                const bought = fixed + custom;
                const cost = new D(c ? book.fixed[1].price : 0)
                  .times(c)
                  .plus(new D(book.fixed[0].price).times(d))
                  .plus(custom ? customPackPrice(book, custom) : 0);
                const with_: Scenario = structuredClone(s);
                with_.payment = {
                  ...with_.payment,
                  packs: bought ? [{ minutes: bought, purchased: '2026-12-01' }] : [],
                  packages: edition ? [{ edition, purchased: '2026-12-01' }] : [],
                };
                const total = new D(estimate(with_, { today, advice: false }).total).plus(cost);
                if (!brute || total.lt(brute)) brute = total;
              }
            }
          }
        }
        assert.equal(
          new D(b.advice.best.total).toFixed(),
          brute!.toFixed(),
          `advice ${b.advice.best.total} (${b.advice.best.label.en}) vs brute force ${brute}`,
        );
      }),
      { numRuns: 8 },
    );
  });
});
