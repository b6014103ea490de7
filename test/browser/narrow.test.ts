// The calculator where it opens: beside the code, about 500 px wide. Nothing is wider than the pane, the total
// stays in view while the form is edited, the toolbar's buttons are named, the compare view's differences and the
// per-room table fit. Screenshots (en, zh-cn) go to test-results/browser/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, ZH_BUNDLE, ensureBundle, fill, launch, openCalculator, serve, type Calc, type Served } from './harness';

const TODAY = '2026-11-26';
const SHOTS = join(ROOT, 'test-results', 'browser');
const WIDTH = 500;
const HEIGHT = 800;

/** A scenario with long names, several tiers and add-ons, so every table has its widest columns. */
const SCENARIO = {
  version: 1,
  name: 'Tutoring',
  tariff: { region: 'mainland', accountCreated: '2024-03-01' },
  period: { days: 30 },
  rooms: [
    {
      name: '1v1 lesson with a long room name',
      service: 'video-call',
      sessionsPerDay: 20000,
      minutesPerSession: 45,
      participants: [{ name: 'pair', count: 2, role: 'anchor', publish: { camera: '1280x720', audio: true }, receive: 'all' }],
      recording: { mode: 'mixed' },
      source: { file: 'src/lesson.ts', line: 42 },
    },
    {
      name: 'Open class',
      service: 'video-live',
      sessionsPerDay: 40,
      minutesPerSession: 60,
      participants: [
        { name: 'teacher', count: 1, role: 'anchor', publish: { camera: '1920x1080', screen: '1920x1080', audio: true }, receive: 'all' },
        { name: 'students', count: 300, role: 'audience', publish: {}, receive: 'all' },
      ],
    },
  ],
  payment: { freeMinutes: true },
};

async function init(c: Calc, locale: 'en' | 'zh-cn'): Promise<void> {
  await c.send({ type: 'init', protocol: 1, locale, docs: [{ value: SCENARIO }], today: TODAY, ...(locale === 'zh-cn' ? { l10n: ZH_BUNDLE } : {}) });
  await c.settled();
}

/** Elements whose right edge lies beyond the viewport (the page would scroll sideways). */
async function overflowing(c: Calc): Promise<string[]> {
  return c.page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll<HTMLElement>('#app *'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > w + 0.5 && !e.closest('.sr-only');
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`)
      .slice(0, 10);
  });
}

async function pageFits(c: Calc): Promise<void> {
  const { scroll, client } = await c.page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, client: document.scrollingElement!.clientWidth }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px pane: ${(await overflowing(c)).join('; ')}`);
}

describe('calculator at 500 px (beside the code)', function () {
  this.timeout(90_000);
  let browser: Browser;
  let served: Served;

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

  for (const locale of ['en', 'zh-cn'] as const) {
    it(`fits, keeps the total in view and names its tools (${locale})`, async () => {
      const c = await openCalculator(browser, served, { width: WIDTH, height: HEIGHT, locale });
      await init(c, locale);
      await c.page.screenshot({ path: join(SHOTS, `narrow-${locale}-top.png`) });

      // The cheapest way to pay reads as sentences: counts, sizes, formatted money; never "962950.17 CNY".
      const advice = c.page.locator('[data-testid="advice"]');
      const adviceText = (await advice.innerText()).replace(/\s+/g, ' ');
      assert.doesNotMatch(adviceText, /\d(?:\.\d+)? (?:CNY|USD)|\d{4,}\.\d\d/, adviceText);
      assert.match(
        adviceText,
        locale === 'en'
          ? /Buy \d[\d,]* × 3,000,000-minute pack at ¥16,888\.00 each: ¥[\d,]+\.\d\d\./
          : /购买 \d[\d,]* 个 3,000,000 分钟套餐包，每个 ¥16,888\.00：¥[\d,]+\.\d\d。/,
      );
      assert.match(adviceText, locale === 'en' ? /Pay the rest postpaid: ¥[\d,]+\.\d\d\./ : /其余按后付费结算：¥[\d,]+\.\d\d。/);
      await advice.scrollIntoViewIfNeeded();
      await c.page.screenshot({ path: join(SHOTS, `narrow-${locale}-advice.png`) });
      await pageFits(c);

      // The per-room table shows all its columns without a scrollbar of its own.
      const rooms = await c.page.evaluate(() => {
        const t = document.querySelector('table.rooms')!;
        const wrap = t.closest('.table-wrap') as HTMLElement;
        return { table: Math.ceil(t.getBoundingClientRect().width), wrap: wrap.clientWidth, scroll: wrap.scrollWidth };
      });
      assert.ok(rooms.scroll <= rooms.wrap, `per-room table scrolls: ${rooms.scroll} > ${rooms.wrap}`);
      await c.page.locator('table.rooms').scrollIntoViewIfNeeded();
      await c.page.screenshot({ path: join(SHOTS, `narrow-${locale}-rooms.png`) });

      // Every toolbar button has a visible label or a tooltip, and an accessible name.
      const tools = await c.page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLButtonElement>('.toolbar button')).map((b) => ({
          title: b.title,
          label: (b.querySelector('.tool-label')?.textContent ?? '').trim(),
          visible: (() => {
            const l = b.querySelector('.tool-label');
            return !!l && l.getBoundingClientRect().width > 2;
          })(),
        })),
      );
      assert.ok(tools.length >= 6);
      for (const t of tools) assert.ok(t.label.length > 0 && (t.visible || t.title.length > 0), JSON.stringify(t));

      // Editing the last field of the form: the total is on screen.
      const last = c.page.locator('.editor input, .editor select').last();
      await last.scrollIntoViewIfNeeded();
      await c.page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
      const box = await c.page.locator('[data-testid="summary"]').boundingBox();
      assert.ok(box, 'the summary is shown');
      assert.ok(box.y >= 0 && box.y + box.height <= HEIGHT && box.x >= 0 && box.x + box.width <= WIDTH, `summary at ${JSON.stringify(box)}`);
      const total = await c.page.locator('[data-testid="total"]').getAttribute('data-exact');
      assert.equal(await c.page.locator('[data-testid="summary"]').getAttribute('data-exact'), total, 'the summary shows the estimate’s total');
      await c.page.screenshot({ path: join(SHOTS, `narrow-${locale}-bottom.png`) });
      await pageFits(c);

      // Compare: the differences are within the pane.
      await c.page.locator('[data-action="duplicate"]').click();
      await c.settled();
      await fill(c, '$.rooms[0].sessionsPerDay', '15000');
      await c.page.locator('#tab-compare').click();
      await c.settled();
      await pageFits(c);
      const diffs = await c.page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-testid="compare-table"] .diff, [data-testid="compare-table"] td.with-diff'))
          .filter((e) => e.getBoundingClientRect().width > 0)
          .map((e) => Math.round(e.getBoundingClientRect().right)),
      );
      assert.ok(diffs.length > 0, 'differences are shown');
      const under = await c.page.evaluate(() => {
        const td = document.querySelector<HTMLElement>('[data-testid="compare-table"] tr.total-row td.with-diff')!;
        return { after: getComputedStyle(td, '::after').content, diff: td.dataset.diff };
      });
      assert.equal(under.after, JSON.stringify(under.diff), 'the total’s difference is drawn under it');
      for (const right of diffs) assert.ok(right <= WIDTH, `a difference ends at ${right}px`);
      const wrap = await c.page.evaluate(() => {
        const w = document.querySelector('[data-testid="compare-table"]')!.closest('.table-wrap') as HTMLElement;
        return { scroll: w.scrollWidth, client: w.clientWidth };
      });
      assert.ok(wrap.scroll <= wrap.client, `compare table scrolls: ${wrap.scroll} > ${wrap.client}`);
      await c.page.evaluate(() => window.scrollTo(0, 0));
      await c.page.screenshot({ path: join(SHOTS, `narrow-${locale}-compare.png`) });
      await c.page.locator('[data-testid="compare-table"] tr.total-row').scrollIntoViewIfNeeded();
      await c.page.screenshot({ path: join(SHOTS, `narrow-${locale}-compare-table.png`) });
      assert.deepEqual(await c.cspViolations(), []);
      assert.deepEqual(c.errors, []);
      await c.page.close();
    });
  }
});
