// Monthly packages in the calculator: the suspension alert of an international app with no package (its date, the
// package choices in formatted money, "Use this package"), and the packages editor in the form (add, change the
// edition, the engine's errors for a price to enter, remove). Screenshots (en, zh-cn; 500 and 1000 px) go to
// test-results/browser/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, ZH_BUNDLE, choose, ensureBundle, fill, launch, openCalculator, rendered, serve, type Calc, type Served } from './harness';

const TODAY = '2025-12-01';
const SHOTS = join(ROOT, 'test-results', 'browser');

/** International, no package: 2 × 60 min × 10 sessions × 30 days = 36,000 minutes, beyond the 10,000 free ones. */
const SUSPENDED = {
  version: 1,
  name: 'Support line',
  tariff: { region: 'international', accountCreated: '2025-06-01' },
  period: { start: '2025-12-01', days: 30 },
  rooms: [
    {
      name: 'Support call',
      service: 'video-call',
      sessionsPerDay: 10,
      minutesPerSession: 60,
      participants: [{ count: 2, role: 'anchor', publish: { camera: '1280x720', audio: true }, receive: 'all' }],
    },
  ],
};

async function init(c: Calc, value: unknown, locale: 'en' | 'zh-cn' = 'en'): Promise<void> {
  await c.send({ type: 'init', protocol: 1, locale, docs: [{ value }], today: TODAY, ...(locale === 'zh-cn' ? { l10n: ZH_BUNDLE } : {}) });
  await c.settled();
}

async function generation(c: Calc): Promise<number> {
  return c.page.evaluate(() => Number(document.getElementById('app')?.dataset.generation ?? 0));
}

async function click(c: Calc, selector: string): Promise<void> {
  const before = await generation(c);
  await c.page.locator(selector).first().click();
  await rendered(c, before);
}

async function packagesOf(c: Calc): Promise<unknown> {
  const s = (await c.state()) as { docs: { value: { payment?: { packages?: unknown } } }[] };
  return s.docs[0]!.value.payment?.packages;
}

/** Elements whose right edge lies beyond the viewport (the page would scroll sideways). */
async function overflowing(c: Calc): Promise<string[]> {
  return c.page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll<HTMLElement>('#app *'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > w + 0.5 && !e.closest('.sr-only') && !e.closest('.table-wrap');
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`)
      .slice(0, 10);
  });
}

describe('monthly packages and suspension (Chromium, stand-in host)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let served: Served;
  let calc: Calc | undefined;

  before(async () => {
    ensureBundle();
    mkdirSync(SHOTS, { recursive: true });
    served = await serve();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });
  afterEach(async () => {
    if (calc) {
      assert.deepEqual(await calc.cspViolations(), [], 'no CSP violations');
      assert.deepEqual(calc.errors, [], 'no page errors');
      await calc.page.close();
      calc = undefined;
    }
  });

  it('alerts that the app would be suspended, with the date and the package choices; "Use this package" bills the package instead', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, SUSPENDED);
    const alert = calc.page.locator('[data-testid="suspension"]');
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match((await alert.innerText())!, /This app would be suspended from 2025-12-03/);
    assert.equal(await calc.page.locator('.results > .suspension').count(), 1, 'at the top of the estimate');
    // The alert comes before the total.
    const [alertY, totalY] = await Promise.all([alert.boundingBox(), calc.page.locator('[data-testid="total"]').boundingBox()]);
    assert.ok(alertY!.y < totalY!.y, 'the alert is above the total');

    const call = alert.locator('tr[data-edition="call.1v1"]');
    assert.equal((await call.locator('[data-col="fee"]').innerText()).trim(), '$199.00');
    assert.equal((await call.locator('[data-col="payg"]').innerText()).trim(), '$33.92');
    assert.equal((await call.locator('[data-col="total"]').innerText()).trim(), '$232.92');
    assert.equal(await call.getAttribute('class'), 'cheapest');
    assert.doesNotMatch(await alert.innerText(), /\d\.\d{3}/, 'no raw decimals: every amount is formatted money');
    // Cheapest first; the editions with no published price listed apart (folded), each with a button to price it.
    assert.deepEqual(await alert.locator('table.choices tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-edition'))), [
      'call.1v1',
      'call.group',
    ]);
    const unpriced = alert.locator('[data-testid="unpriced-choices"]');
    assert.match(await unpriced.locator('summary').innerText(), /^6 more package\(s\) whose price is not published/);
    await unpriced.locator('summary').click();
    assert.match(await unpriced.locator('li[data-edition="rtc-engine.lite"]').innerText(), /Fee not published[\s\S]*Add it and enter your price/);
    // The warnings list does not repeat the alert.
    assert.equal(await calc.page.locator('.messages li[data-code="suspended"]').count(), 0);

    // Wide enough for the choices as a table (the estimate column beside the form is over 600 px).
    await calc.page.setViewportSize({ width: 1400, height: 900 });
    assert.equal(await alert.locator('table.choices thead').evaluate((t) => getComputedStyle(t).position), 'static', 'a table with its head');
    await calc.page.screenshot({ path: join(SHOTS, 'suspension-1400.png') });
    await calc.page.setViewportSize({ width: 1000, height: 1100 });
    assert.equal(await alert.locator('table.choices thead').evaluate((t) => getComputedStyle(t).position), 'absolute', 'narrow: one block per choice');
    await calc.page.screenshot({ path: join(SHOTS, 'suspension-1000.png') });
    await calc.page.setViewportSize({ width: 500, height: 1100 });
    assert.deepEqual(await overflowing(calc), [], 'nothing wider than a 500 px pane');
    await calc.page.screenshot({ path: join(SHOTS, 'suspension-500.png') });

    await click(calc, '[data-action="use-package"][data-edition="call.1v1"]');
    assert.deepEqual(await packagesOf(calc), [{ edition: 'call.1v1' }]);
    assert.equal(await calc.page.locator('[data-testid="suspension"]').count(), 0, 'no longer suspended');
    const feeLine = calc.page.locator('table.lines tr[data-key="package.0.call.1v1"]');
    assert.match(await feeLine.innerText(), /Call 1v1[\s\S]*\$199\.00\s*\/month[\s\S]*\$199\.00/, 'a fee a month, not per 1,000 minutes');
    assert.equal(await calc.page.locator('[data-testid="total"]').getAttribute('data-exact'), '232.915', 'the bill is what the choice said');
    // The package is in the form, focused, with the estimate's fee line.
    const card = calc.page.locator('.package[data-pack="0"]');
    assert.equal(await card.locator('select[data-kind="edition"]').inputValue(), 'call.1v1');
    assert.equal(await calc.page.evaluate(() => document.activeElement?.getAttribute('data-path')), '$.payment.packages[0].edition');
    assert.match(await card.locator('[data-testid="package-line"]').innerText(), /Call 1v1: \$199\.00/);
  });

  it('edits monthly packages: adds one, asks for the price of an unpublished edition (the engine’s errors), takes it as yours, removes it', async () => {
    calc = await openCalculator(browser, served, { width: 1000, height: 1200 });
    await init(calc, SUSPENDED);
    const section = calc.page.locator('[data-testid="packages"]');
    assert.match(await section.innerText(), /No monthly package/);
    await click(calc, '[data-action="add-package"]');
    assert.deepEqual(await packagesOf(calc), [{ edition: 'call.1v1' }], 'a published pay-as-you-go edition of the price book');
    const options = await section.locator('select[data-kind="edition"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.ok(options.includes('rtc-engine.standard') && options.includes('custom'));
    assert.ok(!options.some((o) => o.startsWith('mainland.')), 'only the editions of this price book');

    await choose(calc, '$.payment.packages[0].edition', 'rtc-engine.standard');
    for (const k of ['fee', 'minutes']) {
      const slot = calc.page.locator(`[data-error-for="$.payment.packages[0].${k}"]`);
      assert.equal(await slot.isVisible(), true, `error shown for ${k}`);
      assert.match(await slot.innerText(), /is missing: RTC-Engine Standard has no published/);
      assert.equal(await calc.page.locator(`input[data-path="$.payment.packages[0].${k}"]`).getAttribute('aria-invalid'), 'true');
    }
    assert.match(await section.innerText(), /Monthly fee \(required\)/);
    await section.scrollIntoViewIfNeeded();
    await calc.page.screenshot({ path: join(SHOTS, 'packages-editor-1000.png') });
    await calc.page.setViewportSize({ width: 500, height: 1100 });
    assert.deepEqual(await overflowing(calc), [], 'the editor fits a 500 px pane');
    await section.scrollIntoViewIfNeeded();
    await calc.page.screenshot({ path: join(SHOTS, 'packages-editor-500.png') });
    await calc.page.setViewportSize({ width: 1000, height: 1200 });

    await fill(calc, '$.payment.packages[0].fee', '99');
    await fill(calc, '$.payment.packages[0].minutes', '100000');
    assert.equal(await calc.page.locator('[data-error-for="$.payment.packages[0].fee"]').isVisible(), false);
    const line = section.locator('[data-testid="package-line"]');
    assert.match(await line.innerText(), /RTC-Engine Standard \(your price\): \$99\.00/);
    assert.match(await line.innerText(), /your entries in the scenario, not a published price/);
    assert.equal(await calc.page.locator('[data-testid="suspension"]').count(), 0);

    await click(calc, '[data-action="remove-package"][data-index="0"]');
    assert.equal(await packagesOf(calc), undefined);
    assert.equal(await section.locator('.package').count(), 0);
    assert.equal(await calc.page.locator('[data-testid="suspension"]').count(), 1, 'suspended again');
  });

  it('"Add it and enter your price" adds an unpublished edition and takes you to its fee, where the engine asks for it', async () => {
    calc = await openCalculator(browser, served, { width: 1000, height: 1100 });
    await init(calc, SUSPENDED);
    // With the payment section folded: adding from the estimate opens it.
    await calc.page.locator('details[data-section="payment"] > summary').click();
    await calc.page.locator('[data-testid="unpriced-choices"] summary').click();
    await click(calc, '[data-testid="unpriced-choices"] [data-action="use-package"][data-edition="rtc-engine.standard"]');
    assert.deepEqual(await packagesOf(calc), [{ edition: 'rtc-engine.standard' }]);
    assert.equal(await calc.page.locator('details[data-section="payment"]').evaluate((d) => (d as HTMLDetailsElement).open), true);
    assert.equal(await calc.page.evaluate(() => document.activeElement?.getAttribute('data-path')), '$.payment.packages[0].fee');
    assert.match(await calc.page.locator('[data-error-for="$.payment.packages[0].fee"]').innerText(), /is missing/);
  });

  it('speaks Chinese in the alert and the editor (screenshots at 500 and 1000 px)', async () => {
    calc = await openCalculator(browser, served, { width: 500, height: 1100, locale: 'zh-cn' });
    await init(calc, SUSPENDED, 'zh-cn');
    const alert = calc.page.locator('[data-testid="suspension"]');
    assert.match(await alert.innerText(), /此应用将从 2025-12-03 起被停用/);
    assert.match(await alert.innerText(), /使用此套餐/);
    assert.deepEqual(await overflowing(calc), []);
    await calc.page.screenshot({ path: join(SHOTS, 'suspension-500-zh.png') });
    await calc.page.setViewportSize({ width: 1000, height: 1100 });
    await calc.page.screenshot({ path: join(SHOTS, 'suspension-1000-zh.png') });
    await click(calc, '[data-action="add-package"]');
    await choose(calc, '$.payment.packages[0].edition', 'rtc-engine.lite');
    assert.match(await calc.page.locator('[data-testid="packages"]').innerText(), /月费（必填）/);
    await calc.page.locator('[data-testid="packages"]').scrollIntoViewIfNeeded();
    await calc.page.screenshot({ path: join(SHOTS, 'packages-editor-1000-zh.png') });
    await calc.page.setViewportSize({ width: 500, height: 1100 });
    assert.deepEqual(await overflowing(calc), []);
    await calc.page.locator('[data-testid="packages"]').scrollIntoViewIfNeeded();
    await calc.page.screenshot({ path: join(SHOTS, 'packages-editor-500-zh.png') });
  });
});
