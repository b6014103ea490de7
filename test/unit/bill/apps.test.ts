// Suspension and payment advice per application (SDKAppID): a monthly package is bound to one app (59806, 54632),
// and an app without one is suspended once the account's free minutes are used up (73281). With several apps each
// app is judged on its own. Every expected value is computed by hand in the comments.
import { strict as assert } from 'node:assert';
import { estimate, renderText, type Bill, type Room, type Scenario } from '../../../src/core';

const today = '2026-11-26';

/** Two people in a 1280×720 call for `minutes`: 2 × minutes HD minutes a session (HD 3.99 USD per 1,000, weight 4). */
const hdCall = (name: string, app: string, minutes: number): Room => ({
  name,
  app,
  service: 'video-call',
  sessionsPerDay: 1,
  minutesPerSession: minutes,
  participants: [{ count: 2, role: 'anchor', publish: { camera: { width: 1280, height: 720 } }, receive: 'all' }],
});

function bill(rooms: Room[], payment: Scenario['payment']): Bill {
  return estimate(
    { version: 1, tariff: { region: 'international', accountCreated: '2024-01-01' }, period: { start: '2026-12-01', days: 1 }, rooms, payment },
    { today },
  );
}

describe('suspension per app', () => {
  // App x holds a custom package (10 USD, 100,000 min); app y holds none. No free minutes left.
  // x: 2 × 1,000 = 2,000 HD = 8,000 weighted, inside its package. y: 2 × 250 = 500 HD min, beyond the free minutes
  // with no package of its own → y is suspended from day 1 (x's package does not allow y pay-as-you-go).
  // The engine used to look at the whole account: x's package meant "no suspension".
  const rooms = [hdCall('big', 'x', 1000), hdCall('small', 'y', 250)];
  const payment: Scenario['payment'] = { freeMinutes: false, packages: [{ edition: 'custom', app: 'x', fee: 10, minutes: 100000 }] };

  it('an app without a package is suspended even when another app holds one', () => {
    const b = bill(rooms, payment);
    assert.deepEqual(
      b.suspensions.map((x) => [x.app, x.from, x.units]),
      [['y', '2026-12-01', 1]],
    );
    assert.equal(b.suspension?.app, 'y');
    assert.equal(b.warnings[0].code, 'suspended:y');
    assert.match(b.warnings[0].text.en, /app "y" is suspended on 2026-12-01/);
    assert.match(b.warnings[0].text.zh, /应用 "y" 将在 2026-12-01/);
    assert.match(renderText(b, 'en'), /Package choices instead of a suspension \(same usage\) — app "y"/);
  });

  // The choices are bound to y: Call 1v1 (199 USD, 100,000 min) covers y's 500 HD = 2,000 weighted, so y pays nothing
  // beyond; x's package fee (10) stays: total 199 + 10 = 209. (Bound to x, as before, y's 500 HD would still cost
  // 500 × 3.99 / 1,000 = 1.995: 210.995.)
  it("the package choices are for the suspended app and cover that app's usage", () => {
    const b = bill(rooms, payment);
    const call = b.suspension!.choices.find((c) => c.edition === 'call.1v1')!;
    assert.deepEqual([call.fee, call.payAsYouGo, call.total], ['199', '10', '209']);
  });

  it('two apps without packages: each is suspended, with its own warning', () => {
    const b = bill(rooms, { freeMinutes: false });
    assert.deepEqual(
      b.suspensions.map((x) => x.app),
      ['x', 'y'],
    );
    assert.deepEqual(
      b.warnings.filter((w) => w.code.startsWith('suspended')).map((w) => w.code),
      ['suspended:x', 'suspended:y'],
    );
    assert.equal((renderText(b, 'en').match(/^!! ⚠ SUSPENSION/gm) ?? []).length, 2);
  });

  it('a single-app scenario keeps its unnamed warning', () => {
    const b = bill([{ ...hdCall('only', 'x', 250) }], { freeMinutes: false });
    assert.equal(b.suspension?.app, undefined);
    assert.equal(b.warnings[0].code, 'suspended');
  });
});

describe('payment advice per app', () => {
  const prices = { 'rtc-engine.standard': { fee: 10, minutes: 20000 } };

  // y (listed first, so the scenario's default app): 2 × 500 = 1,000 HD = 4,000 weighted; x: 2 × 2,500 = 5,000 HD =
  // 20,000 weighted. Postpaid: 6,000 × 3.99 / 1,000 = 23.94.
  // Standard for x (10 USD, 20,000 min) covers all of x; y's 4,000 weighted as a custom pack at 0.99 per 1,000 = 3.96
  // (postpaid 3.99): total 13.96, saving 9.98. Standard for y instead would leave x's 20,000 weighted to packs
  // (19.8): 29.8. Packs alone: 24,000 weighted → 23.76. The old advice bought only for the default app (y) and
  // so answered 23.76.
  it('the package goes to the app that uses the minutes', () => {
    const b = bill([hdCall('small', 'y', 500), hdCall('big', 'x', 2500)], { freeMinutes: false, packagePrices: prices });
    const best = b.advice!.best;
    assert.equal(b.advice!.postpaid, '23.94');
    assert.deepEqual(
      best.packages?.map((p) => [p.edition, p.app, p.fee]),
      [['rtc-engine.standard', 'x', '10']],
    );
    assert.deepEqual(
      best.packs.map((p) => [p.minutes, p.custom, p.count]),
      [[4000, true, 1]],
    );
    assert.equal(best.total, '13.96');
    assert.equal(b.advice!.saving, '9.98');
    assert.match(best.label.en, /^Buy the RTC-Engine Standard monthly package for app "x" \(\$10\.00 in the period\) and one 4,000-minute custom pack$/);
    const text = b.advice!.explanation.map((e) => e.en).join('\n');
    assert.match(text, /Monthly packages compared for app "x": RTC-Engine Standard\./);
    assert.match(text, /the packs cost \$3\.96, with nothing left to pay postpaid\. This saves \$9\.98\./);
    // x gets a package; y, paid with a pack alone, is still suspended: the advice says so.
    assert.match(text, /Even with this choice, app "y" has no monthly package of its own and is suspended once the free minutes run out/);
    assert.match(b.advice!.explanation.map((e) => e.zh).join('\n'), /即使按此方案，应用 "y" 没有自己的月套餐/);
  });

  // Both apps use 5,000 HD = 20,000 weighted: a package each (10 + 10 = 20) beats one package and 20,000 weighted of
  // packs (10 + 19.8 = 29.8) and packs alone (40,000 weighted: 40,000 × 0.96 / 1,000 = 38.4; postpaid 39.9).
  it('each app can get its own package', () => {
    const b = bill([hdCall('one', 'x', 2500), hdCall('two', 'y', 2500)], { freeMinutes: false, packagePrices: prices });
    const best = b.advice!.best;
    assert.deepEqual(best.packages?.map((p) => p.app).sort(), ['x', 'y']);
    assert.equal(best.packs.length, 0);
    assert.equal(best.total, '20');
    assert.equal(best.package?.app, best.packages?.[0].app, '`package` is the first of `packages`');
  });

  it('an app that already holds the edition is not offered it again; the other app is', () => {
    const b = bill([hdCall('one', 'x', 2500), hdCall('two', 'y', 2500)], {
      freeMinutes: false,
      packagePrices: prices,
      packages: [{ edition: 'rtc-engine.standard', app: 'x' }],
    });
    assert.deepEqual(
      b.advice!.best.packages?.map((p) => p.app),
      ['y'],
    );
    assert.equal(b.advice!.best.total, '20'); // x's own fee 10 (held) + y's new 10
  });
});
