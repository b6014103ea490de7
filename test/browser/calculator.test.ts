// The calculator webview in headless Chromium, under its production CSP, with a stand-in VS Code host.
// Totals are checked against the core engine called directly here: the panel must show the same numbers.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import type { Browser } from 'playwright-core';
import { estimate, formatMoney, parseScenario, renderCsv, type Bill } from '../../src/core';
import type { WebviewMessage } from '../../src/shared/protocol';
import { SHOTS, ZH_BUNDLE, choose, ensureBundle, fill, launch, openCalculator, serve, type Calc, type Served } from './harness';

const TODAY = '2026-11-26';

function bill(value: unknown): Bill {
  const r = parseScenario(value);
  assert.deepEqual(r.errors, [], 'test scenario must be valid');
  return estimate(r.scenario!, { today: TODAY });
}

/** Two rooms, several tiers, recording and a source reference: a scenario as detection would pass it (resolution objects). */
const PREFILL = {
  version: 1,
  name: 'Tutoring',
  tariff: { region: 'international', accountCreated: '2024-03-01' },
  period: { days: 30 },
  rooms: [
    {
      name: '1v1 lesson',
      service: 'video-call',
      sessionsPerDay: 200,
      minutesPerSession: 45,
      participants: [{ name: 'pair', count: 2, role: 'anchor', publish: { camera: { width: 1280, height: 720 }, audio: true }, receive: 'all' }],
      recording: { mode: 'mixed' },
      source: { file: 'src/lesson.ts', line: 42 },
    },
    {
      name: 'Open class',
      service: 'video-live',
      sessionsPerDay: 4,
      minutesPerSession: 60,
      participants: [
        {
          name: 'teacher',
          count: 1,
          role: 'anchor',
          publish: { camera: { width: 1920, height: 1080 }, screen: { width: 1920, height: 1080 }, audio: true },
          receive: 'all',
        },
        { name: 'students', count: 30, role: 'audience', publish: {}, receive: 'all' },
        { name: 'listeners', count: 10, role: 'audience', publish: {}, receive: 'audio-only' },
      ],
    },
  ],
  payment: { freeMinutes: true },
};

type Loose = any;

/** The file form the panel keeps and saves (resolutions as "WxH"). */
const PREFILL_FILE: Loose = JSON.parse(
  JSON.stringify(PREFILL, (k, v) => (['camera', 'screen'].includes(k) && v && typeof v === 'object' ? `${v.width}x${v.height}` : v)),
);

function clone(x: unknown): Loose {
  return JSON.parse(JSON.stringify(x));
}

async function exactTotal(c: Calc): Promise<string | null> {
  return c.page.locator('[data-testid="total"]').getAttribute('data-exact');
}

async function docValue(c: Calc, i = 0): Promise<unknown> {
  const s = (await c.state()) as { docs: { value: unknown }[] };
  return s.docs[i]!.value;
}

async function init(c: Calc, docs: unknown[] = [], locale: 'en' | 'zh-cn' = 'en'): Promise<void> {
  // As the host does: the zh-cn bundle with a Chinese init, no bundle with an English one.
  await c.send({ type: 'init', protocol: 1, locale, docs: docs.map((value) => ({ value })), today: TODAY, ...(locale === 'zh-cn' ? { l10n: ZH_BUNDLE } : {}) });
  await c.settled();
}

async function lastPosted<T extends WebviewMessage['type']>(c: Calc, type: T): Promise<Extract<WebviewMessage, { type: T }>> {
  const all = await c.posted();
  const m = [...all].reverse().find((x) => x.type === type);
  assert.ok(m, `expected a "${type}" message, got ${all.map((x) => x.type).join(', ')}`);
  return m as Extract<WebviewMessage, { type: T }>;
}

describe('calculator webview (Chromium, stand-in host)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let served: Served;
  let calc: Calc | undefined;

  before(async () => {
    ensureBundle();
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

  it('loads under the CSP, says ready, and shows the engine’s estimate for the starter scenario', async () => {
    calc = await openCalculator(browser, served);
    const posted = await calc.posted();
    assert.deepEqual(posted[0], { type: 'ready', protocol: 1 });
    await init(calc);
    const expected = bill(await docValue(calc));
    assert.equal(await exactTotal(calc), expected.total);
    assert.equal(await calc.page.locator('[data-testid="per-day"]').textContent(), formatMoney(expected.perDay, expected.currency, 'en'));
  });

  it('prefills from the host and matches estimate() line by line', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    // The starter scenario was replaced, not kept beside the prefill.
    assert.equal(await calc.page.locator('[role="tab"]').count(), 2); // scenario + Compare
    assert.deepEqual(await docValue(calc), PREFILL_FILE);
    const expected = bill(PREFILL_FILE);
    assert.equal(await exactTotal(calc), expected.total);
    const amounts = await calc.page.locator('table.lines tbody [data-exact]').evaluateAll((els) => els.map((e) => e.getAttribute('data-exact')));
    assert.deepEqual(
      amounts,
      expected.lines.map((l) => l.amount),
    );
    const keys = await calc.page.locator('table.lines tbody tr.line').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    assert.deepEqual(
      keys,
      expected.lines.map((l) => l.key),
    );
    // Explanations are there (collapsed).
    const explainRow = calc.page.locator('table.lines tbody tr.explain-row').first();
    assert.equal(await explainRow.isHidden(), true);
    await calc.page.locator('table.lines tbody tr.line button.disclosure').first().click();
    assert.equal(await explainRow.isVisible(), true);
    assert.equal(await calc.page.locator('table.lines tbody tr.line button.disclosure').first().getAttribute('aria-expanded'), 'true');
    assert.equal(await explainRow.locator('.explain li').first().textContent(), expected.lines[0]!.explanation[0]!.en);
    // It stays open when the estimate is recomputed.
    await fill(calc, '$.rooms[0].sessionsPerDay', '201');
    assert.equal(await calc.page.locator('table.lines tbody tr.explain-row').first().isVisible(), true);
  });

  it('recomputes as you type: sessions, minutes, people, resolution', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    await fill(calc, '$.rooms[0].sessionsPerDay', '250');
    await fill(calc, '$.rooms[0].minutesPerSession', '50');
    await fill(calc, '$.rooms[1].participants[1].count', '80');
    await choose(calc, '$.rooms[0].participants[0].publish.camera', '1920x1080');
    const value = clone(PREFILL_FILE);
    value.rooms[0]!.sessionsPerDay = 250;
    value.rooms[0]!.minutesPerSession = 50;
    value.rooms[1]!.participants[1]!.count = 80;
    value.rooms[0]!.participants[0]!.publish.camera = '1920x1080';
    assert.deepEqual(await docValue(calc), value);
    const expected = bill(value);
    assert.equal(await exactTotal(calc), expected.total);
    assert.equal(await calc.page.locator('[data-testid="total"]').textContent(), formatMoney(expected.total, 'USD', 'en'));
    // The payment advice (deferred while typing) is there once typing stops, with the engine's figures.
    assert.ok(expected.advice, 'the engine gives advice');
    const advice = (await calc.page.locator('[data-testid="advice"]').textContent())!;
    if (new Decimal(expected.advice.saving).gt(0)) {
      assert.ok(advice.includes(formatMoney(expected.advice.best.total, 'USD', 'en')), advice);
      assert.ok(advice.includes(formatMoney(expected.advice.saving, 'USD', 'en')), advice);
    } else {
      assert.match(advice, /already the cheapest/);
    }
    // Custom W×H composes "WxH".
    await choose(calc, '$.rooms[0].participants[0].publish.camera', 'custom');
    const w = calc.page.locator('[data-kind="res-w"][data-path="$.rooms[0].participants[0].publish.camera"]');
    const hgt = calc.page.locator('[data-kind="res-h"][data-path="$.rooms[0].participants[0].publish.camera"]');
    await w.fill('2560');
    await hgt.fill('1440');
    await calc.settled();
    value.rooms[0]!.participants[0]!.publish.camera = '2560x1440';
    assert.equal(await exactTotal(calc), bill(value).total);
  });

  it('edits every dimension: rooms of each service, groups, receive, add-ons, packs, free minutes, price book', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    const click = async (sel: string) => {
      const before = await calc!.page.evaluate(() => Number(document.getElementById('app')?.dataset.generation ?? 0));
      await calc!.page.locator(sel).first().click();
      await calc!.page.waitForFunction(
        (b) => Number(document.getElementById('app')?.dataset.generation ?? 0) > b && document.getElementById('app')?.dataset.state === 'ready',
        before,
      );
    };
    const check = async (path: string, on: boolean) => {
      const box = calc!.page.locator(`input[type="checkbox"][data-path="${path}"]`).first();
      const before = await calc!.page.evaluate(() => Number(document.getElementById('app')?.dataset.generation ?? 0));
      await box.setChecked(on);
      await calc!.page.waitForFunction(
        (b) => Number(document.getElementById('app')?.dataset.generation ?? 0) > b && document.getElementById('app')?.dataset.state === 'ready',
        before,
      );
    };
    const expected = clone(PREFILL_FILE);

    // A voice-live room, renamed, with its audience count changed.
    await click('[data-action="add-room"][data-service="voice-live"]');
    expected.rooms.push({
      name: 'Room 3',
      service: 'voice-live',
      sessionsPerDay: 10,
      minutesPerSession: 30,
      participants: [
        { name: 'anchors', count: 1, role: 'anchor', publish: { audio: true }, receive: 'all' },
        { name: 'audience', count: 50, role: 'audience', publish: {}, receive: 'all' },
      ],
    });
    assert.equal(await calc.page.evaluate(() => (document.activeElement as HTMLInputElement).dataset.path), '$.rooms[2].name', 'focus moves to the new room');
    await fill(calc, '$.rooms[2].name', 'Radio');
    await fill(calc, '$.rooms[2].participants[1].count', '400');
    expected.rooms[2].name = 'Radio';
    expected.rooms[2].participants[1].count = 400;

    // Room 1: another publisher group; the pair receives only the teacher's small stream; rename follows.
    await click('[data-action="add-group"][data-room="0"][data-role="anchor"]');
    expected.rooms[0].participants.push({ name: 'group 2', count: 2, role: 'anchor', publish: { camera: '1280x720', audio: true }, receive: 'all' });
    await choose(calc, '$.rooms[0].participants[0].receive', 'some');
    expected.rooms[0].participants[0].receive = { from: ['group 2'] };
    await choose(calc, '$.rooms[0].participants[0].receive.stream', 'small');
    expected.rooms[0].participants[0].receive.stream = 'small';
    await choose(calc, '$.rooms[0].participants[1].publish.smallStream', '320x180');
    expected.rooms[0].participants[1].publish.smallStream = '320x180';
    const name = calc.page.locator('input[data-path="$.rooms[0].participants[1].name"]');
    await name.click();
    await name.fill('coach');
    await name.press('Tab');
    await calc.settled();
    expected.rooms[0].participants[1].name = 'coach';
    expected.rooms[0].participants[0].receive.from = ['coach'];
    assert.deepEqual(await docValue(calc), expected, 'the rename follows into receive.from');

    // Add-ons: single-stream recording, H.265 mixing, third-party relay with its peak.
    await choose(calc, '$.rooms[0].recording.mode', 'single');
    expected.rooms[0].recording.mode = 'single';
    await check('$.rooms[1].mixTranscoding', true);
    await choose(calc, '$.rooms[1].mixTranscoding.codec', 'h265');
    await choose(calc, '$.rooms[1].mixTranscoding.output', '1920x1080');
    expected.rooms[1].mixTranscoding = { codec: 'h265', output: '1920x1080' };
    await check('$.rooms[1].relay', true);
    await choose(calc, '$.rooms[1].relay.target', 'third-party');
    await fill(calc, '$.rooms[1].relay.peakMbps', '20');
    expected.rooms[1].relay = { target: 'third-party', peakMbps: 20 };

    // Payment: a pack of a custom size bought on a date; free minutes partly used.
    await click('[data-action="add-pack"]');
    await choose(calc, '$.payment.packs[0].minutes', 'custom');
    await fill(calc, '$.payment.packs[0].minutes', '400000');
    await calc.page.locator('input[data-path="$.payment.packs[0].purchased"]').fill('2026-11-03');
    await calc.settled();
    await choose(calc, '$.payment.freeMinutes', 'remaining');
    await fill(calc, '$.payment.freeMinutes.remaining', '2500');
    expected.payment = { freeMinutes: { remaining: 2500 }, packs: [{ minutes: 400000, purchased: '2026-11-03' }] };
    assert.deepEqual(await docValue(calc), expected);
    let b = bill(expected);
    assert.equal(await exactTotal(calc), b.total);
    assert.ok(b.packs.length > 0 && (await calc.page.locator('table.usage').textContent())!.includes(b.packs[0]!.label.en));
    assert.ok(
      b.lines.some((l) => l.key.startsWith('relay.third-party')),
      'relay line billed',
    );
    assert.equal(await calc.page.locator('table.lines tr.line[data-key^="relay"]').count(), 1);

    // Move the new room to the top, duplicate it, remove the duplicate; then the mainland book.
    await click('[data-action="move-room"][data-index="2"][data-dir="-1"]');
    await click('[data-action="move-room"][data-index="1"][data-dir="-1"]');
    await click('[data-action="dup-room"][data-index="0"]');
    await click('[data-action="remove-room"][data-index="1"]');
    expected.rooms.unshift(expected.rooms.pop());
    assert.deepEqual(await docValue(calc), expected);
    await choose(calc, '$.rooms[2].relay.target', 'tencent-css');
    await choose(calc, '$.tariff.region', 'mainland');
    const value = (await docValue(calc)) as Loose;
    assert.deepEqual(
      value.rooms.map((r: Loose) => r.name),
      ['Radio', '1v1 lesson', 'Open class'],
    );
    assert.equal(value.tariff.region, 'mainland');
    b = bill(value);
    assert.equal(b.currency, 'CNY');
    assert.equal(await exactTotal(calc), b.total);
    assert.ok((await calc.page.locator('[data-testid="total"]').textContent())!.startsWith('¥'));
  });

  it('defers the payment advice while typing when it is slow, and fills it in after a pause', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    await calc.page.evaluate(() => {
      document.getElementById('app')!.dataset.adviceBudget = '0';
    });
    const input = calc.page.locator('input[data-path="$.rooms[0].sessionsPerDay"]');
    await input.fill('150');
    // First the totals without advice…
    await calc.page.waitForSelector('[data-testid="advice"].pending');
    const value = clone(PREFILL_FILE);
    value.rooms[0].sessionsPerDay = 150;
    const b = bill(value);
    assert.equal(await exactTotal(calc), b.total);
    // …then, after the pause, the advice.
    await calc.settled();
    assert.equal(await calc.page.locator('[data-testid="advice"].pending').count(), 0);
    const advice = (await calc.page.locator('[data-testid="advice"]').textContent())!;
    assert.ok(advice.includes(formatMoney(b.advice!.best.total, 'USD', 'en')) || /already the cheapest/.test(advice), advice);
  });

  it('shows room-limit warnings on the room and in the estimate, with a link to the room', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    await fill(calc, '$.rooms[0].participants[0].count', '400');
    const value = clone(PREFILL_FILE);
    value.rooms[0].participants[0].count = 400;
    const b = bill(value);
    const roomWarnings = b.warnings.filter((w) => w.room === 0);
    assert.ok(roomWarnings.length > 0, 'the engine warns about a 400-person call');
    const slot = calc.page.locator('[data-error-for="$.rooms[0]"]');
    assert.equal(await slot.isVisible(), true);
    assert.ok((await slot.textContent())!.includes(roomWarnings[0]!.text.en));
    assert.equal(await slot.locator('.problem.warning').count(), roomWarnings.length);
    assert.equal(await calc.page.locator('[aria-invalid="true"]').count(), 0, 'a warning is not an error');
    assert.equal(await exactTotal(calc), b.total, 'a warning still estimates');
    const link = calc.page.locator('.messages.warning button[data-action="goto-room"][data-room="0"]').first();
    await link.click();
    assert.equal(await calc.page.evaluate(() => (document.activeElement as HTMLElement).closest('[data-room]')?.getAttribute('data-room')), '0');
  });

  it('draws one chart segment per billed line, proportional to its amount', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    const expected = bill(PREFILL_FILE);
    const billed = expected.lines.filter((l) => new Decimal(l.amount).gt(0));
    const segs = await calc.page.locator('[data-testid="chart"] svg.bar g.seg').evaluateAll((gs) =>
      gs.map((g) => ({
        cls: g.getAttribute('class'),
        value: Number(g.getAttribute('data-value')),
        width: parseFloat(g.querySelector('rect')!.getAttribute('width')!),
      })),
    );
    assert.equal(segs.length, billed.length);
    const total = billed.reduce((a, l) => a + Number(l.amount), 0);
    let sum = 0;
    segs.forEach((s, i) => {
      const l = billed[i]!;
      assert.ok(s.cls!.includes(`cat-${l.category}`), `${s.cls} is ${l.category}`);
      if (l.tier) assert.ok(s.cls!.includes(`tier-${l.tier}`), `${s.cls} is ${l.tier}`);
      assert.ok(Math.abs(s.width - (Number(l.amount) / total) * 100) < 1e-6, `width of ${l.key}`);
      sum += s.width;
    });
    assert.ok(Math.abs(sum - 100) < 1e-6, `segments fill the bar (${sum})`);
    // The bar is labelled for screen readers, each segment has a tooltip.
    assert.match((await calc.page.locator('[data-testid="chart"] svg.bar').getAttribute('aria-label'))!, /\$/);
    assert.equal(await calc.page.locator('[data-testid="chart"] g.seg title').count(), billed.length);
  });

  it('invalid input shows an inline error next to the field and keeps the last valid result', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    const valid = await exactTotal(calc);
    const errorFor = (p: string) => calc!.page.locator(`[data-error-for="${p}"]`);

    // Negative minutes.
    await fill(calc, '$.rooms[0].minutesPerSession', '-5');
    await assertError(calc, '$.rooms[0].minutesPerSession', /negative/);
    assert.equal(await exactTotal(calc), valid, 'last valid total kept');
    assert.equal(await calc.page.locator('section.results').getAttribute('data-stale'), 'true');
    assert.match((await calc.page.locator('.banner.error').first().textContent())!, /1 problem/);

    // 0×0 resolution (custom W×H).
    await choose(calc, '$.rooms[0].participants[0].publish.camera', 'custom');
    await calc.page.locator('[data-kind="res-w"]').first().fill('0');
    await calc.page.locator('[data-kind="res-h"]').first().fill('0');
    await calc.settled();
    await assertError(calc, '$.rooms[0].participants[0].publish.camera', /0×0|resolution/);

    // Absurd count.
    await fill(calc, '$.rooms[1].participants[1].count', '1000000000000');
    await assertError(calc, '$.rooms[1].participants[1].count', /at most/);
    assert.equal(await exactTotal(calc), valid);
    assert.match((await calc.page.locator('.banner.error').first().textContent())!, /3 problems/);
    // The problem list links to the field.
    await calc.page.locator('.problems.errors button[data-target="$.rooms[1].participants[1].count"]').click();
    assert.equal(await calc.page.evaluate(() => (document.activeElement as HTMLElement).dataset.path), '$.rooms[1].participants[1].count');

    // Not a number at all: the text is kept and reported.
    await fill(calc, '$.rooms[0].sessionsPerDay', '12abc');
    await assertError(calc, '$.rooms[0].sessionsPerDay', /number/);
    assert.equal(await calc.page.locator('[data-path="$.rooms[0].sessionsPerDay"]').inputValue(), '12abc');

    // Fix everything: errors go, the estimate follows the inputs again.
    await fill(calc, '$.rooms[0].minutesPerSession', '45');
    await fill(calc, '$.rooms[1].participants[1].count', '30');
    await fill(calc, '$.rooms[0].sessionsPerDay', '200');
    await choose(calc, '$.rooms[0].participants[0].publish.camera', '1280x720');
    assert.equal(await errorFor('$.rooms[0].minutesPerSession').isHidden(), true);
    assert.equal(await calc.page.locator('[aria-invalid="true"]').count(), 0);
    assert.equal(await calc.page.locator('.banner.error').count(), 0);
    assert.equal(await calc.page.locator('section.results').getAttribute('data-stale'), 'false');
    assert.equal(await exactTotal(calc), bill(PREFILL_FILE).total);
  });

  it('compares scenarios side by side with the difference', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    await calc.page.locator('[data-action="duplicate"]').click();
    await calc.settled();
    assert.equal(await calc.page.locator('[role="tab"]').count(), 3);
    await choose(calc, '$.rooms[0].participants[0].publish.camera', '1920x1080');
    const variant = clone(PREFILL_FILE);
    variant.name = 'Tutoring (2)';
    variant.rooms[0]!.participants[0]!.publish.camera = '1920x1080';
    assert.deepEqual(await docValue(calc, 1), variant);
    await calc.page.locator('#tab-compare').click();
    await calc.settled();
    const a = bill(PREFILL_FILE);
    const b = bill(variant);
    const row = calc.page.locator('[data-testid="compare-table"] tr.total-row td');
    const cells = await row.allTextContents();
    assert.equal(cells[0], formatMoney(a.total, 'USD', 'en'));
    assert.equal(cells[1], formatMoney(b.total, 'USD', 'en'));
    const d = new Decimal(b.total).minus(a.total);
    assert.ok(d.gt(0), '1080p costs more');
    assert.ok(cells[2]!.startsWith(`+${formatMoney(d.toFixed(), 'USD', 'en')}`), `diff cell ${cells[2]}`);
    assert.equal(await calc.page.locator('[data-testid="compare-chart"] svg.bar').count(), 2);
    // Closing a scenario with unsaved changes takes a second, confirming press.
    await calc.page.locator('[data-testid="compare-table"] thead button[data-action="tab"][data-index="1"]').click();
    await calc.settled();
    await calc.page.locator('[data-action="close-scenario"]').click();
    assert.match((await calc.page.locator('[data-action="close-scenario"]').textContent())!, /Press again/);
    assert.equal(await calc.page.locator('[role="tab"]').count(), 3);
    await calc.page.locator('[data-action="close-scenario"]').click();
    await calc.settled();
    assert.equal(await calc.page.locator('[role="tab"]').count(), 2);
    await calc.page.locator('[data-action="new-scenario"]').click();
    await calc.settled();
    await calc.page.locator('[data-action="duplicate"]').click();
    await calc.settled();
    await calc.page.locator('#tab-compare').click();
    await calc.settled();
    // Copy from the comparison gives a Markdown table of both.
    await calc.page.locator('[data-action="copy-md"]').click();
    const copy = await lastPosted(calc, 'copy');
    assert.match(copy.text, /^\| Item \| Tutoring \| Scenario 2 \| Scenario 2 \(2\) \|/);
  });

  it('save, copy, export and reveal post typed messages; replies update the panel', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    await fill(calc, '$.rooms[0].sessionsPerDay', '210');
    assert.equal((await calc.page.locator('#tab-1 .dirty, [role="tab"] .dirty').count()) > 0, true, 'dirty marker');
    await calc.page.locator('[data-action="save"]').click();
    const save = await lastPosted(calc, 'save');
    assert.equal(save.saveAs, false);
    assert.equal(save.uri, undefined);
    assert.equal(save.suggestedName, 'Tutoring');
    const saved = JSON.parse(save.text);
    assert.deepEqual(saved, await docValue(calc));
    assert.deepEqual(parseScenario(save.text).errors, [], 'the saved text is a valid scenario for the CLI');
    await calc.send({
      type: 'done',
      requestId: save.requestId,
      ok: true,
      message: 'Saved tutoring.json',
      uri: 'file:///ws/tutoring.json',
      fileName: 'tutoring.json',
    });
    await calc.page.waitForFunction(() => document.querySelector('.file-line')?.textContent?.includes('tutoring.json'));
    assert.equal(await calc.page.locator('[role="tab"] .dirty').count(), 0);
    // Saving again targets the same file (the host asks before overwriting).
    await calc.page.locator('[data-action="save"]').click();
    assert.equal((await lastPosted(calc, 'save')).uri, 'file:///ws/tutoring.json');

    await calc.page.locator('[data-action="copy-md"]').click();
    const copy = await lastPosted(calc, 'copy');
    const value = await docValue(calc);
    const b = bill(value);
    assert.equal(copy.what, 'markdown');
    assert.ok(copy.text.includes(formatMoney(b.total, 'USD', 'en')));
    await calc.send({ type: 'done', requestId: copy.requestId, ok: true, message: 'Estimate copied to the clipboard' });
    await calc.page.waitForFunction(() => document.querySelector('.status')?.textContent?.includes('copied'));

    await calc.page.locator('[data-action="export-csv"]').click();
    const csv = await lastPosted(calc, 'export');
    assert.equal(csv.format, 'csv');
    assert.equal(csv.text, renderCsv(b, 'en'), 'the CLI’s --csv output');

    await calc.page.locator('[data-action="export-json"]').click();
    const json = await lastPosted(calc, 'export');
    assert.equal(json.format, 'json');
    assert.equal(json.text, JSON.stringify(b, null, 2) + '\n', 'the CLI’s --json output');

    await calc.page.locator('[data-action="reveal"][data-room="0"]').first().click();
    assert.deepEqual(await lastPosted(calc, 'reveal'), { type: 'reveal', file: 'src/lesson.ts', line: 42 });
  });

  it('loads a file from the host into a new tab, with its problems placed', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    await calc.page.locator('[data-action="load"]').click();
    const open = await lastPosted(calc, 'open');
    const bad = clone(PREFILL_FILE);
    bad.name = 'Broken';
    bad.rooms[1]!.minutesPerSession = -1;
    await calc.send({ type: 'opened', requestId: open.requestId, doc: { value: bad, uri: 'file:///ws/broken.json', fileName: 'broken.json' } });
    await calc.settled();
    assert.equal(await calc.page.locator('[role="tab"][aria-selected="true"] .tab-name').textContent(), 'Broken');
    await assertError(calc, '$.rooms[1].minutesPerSession', /negative/);
    // No valid estimate ever existed for this one: no numbers are shown.
    assert.equal(await calc.page.locator('[data-testid="total"]').count(), 0);
  });

  it('restores its state after a reload (getState/setState), without the host resending anything', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    await calc.page.locator('[data-action="duplicate"]').click();
    await fill(calc, '$.rooms[0].sessionsPerDay', '123');
    await fill(calc, '$.rooms[1].minutesPerSession', '-3'); // invalid at reload time: the last valid estimate comes back too
    const state = await calc.state();
    const total = await exactTotal(calc);
    await calc.page.close();
    calc = await openCalculator(browser, served, { state });
    await init(calc, []);
    assert.deepEqual(await calc.state(), state);
    assert.equal(await calc.page.locator('[role="tab"]').count(), 3);
    assert.equal(await calc.page.locator('[role="tab"][aria-selected="true"] .tab-name').textContent(), 'Tutoring (2)');
    assert.equal(await calc.page.locator('[data-path="$.rooms[0].sessionsPerDay"]').inputValue(), '123');
    assert.equal(await exactTotal(calc), total);
    await assertError(calc, '$.rooms[1].minutesPerSession', /negative/);
  });

  it('ignores and logs unknown or malformed host messages', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    const total = await exactTotal(calc);
    await calc.send({ type: 'evil', payload: '<img src=x onerror=alert(1)>' });
    await calc.send({ type: 'init', protocol: 1, locale: 'fr', docs: [] });
    await calc.send({ type: 'add', docs: [{ value: 1, extra: true }] });
    const logs = (await calc.posted()).filter((m) => m.type === 'log');
    assert.equal(logs.length, 3);
    assert.ok(logs.every((l) => l.type === 'log' && l.level === 'warn' && /ignored/.test(l.message)));
    assert.equal(await exactTotal(calc), total);
    assert.equal(await calc.page.locator('img').count(), 0);
    // A valid ping gets a pong with the summary.
    await calc.send({ type: 'ping', requestId: 'p1' });
    const pong = await lastPosted(calc, 'pong');
    assert.deepEqual(pong.summary, { scenarios: 1, active: 0, names: ['Tutoring'], total, currency: 'USD', errors: 0, locale: 'en' });
  });

  it('is keyboard accessible: arrow keys move between tabs; focus is visible', async () => {
    calc = await openCalculator(browser, served);
    await init(calc, [PREFILL]);
    await calc.page.locator('[role="tab"][aria-selected="true"]').focus();
    await calc.page.keyboard.press('ArrowRight');
    await calc.settled();
    assert.equal(await calc.page.evaluate(() => document.activeElement?.id), 'tab-compare');
    assert.equal(await calc.page.locator('#tab-compare').getAttribute('aria-selected'), 'true');
    await calc.page.keyboard.press('ArrowLeft');
    await calc.settled();
    // Tab through the toolbar into the form; every focused control shows an outline.
    for (let i = 0; i < 12; i++) {
      await calc.page.keyboard.press('Tab');
      const outline = await calc.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { tag: el.tagName, style: s.outlineStyle, width: s.outlineWidth };
      });
      assert.notEqual(outline.style, 'none', `${outline.tag} shows focus`);
    }
    // Arrow keys move along the toolbar.
    await calc.page.locator('[role="toolbar"] [data-action="save"]').focus();
    await calc.page.keyboard.press('ArrowRight');
    assert.equal(await calc.page.evaluate(() => (document.activeElement as HTMLElement).dataset.action), 'save-as');
    await calc.page.keyboard.press('ArrowLeft');
    await calc.page.keyboard.press('ArrowLeft');
    assert.equal(
      await calc.page.evaluate(() => (document.activeElement as HTMLElement).dataset.action),
      'duplicate',
      'wraps to the last enabled button (Close is disabled with one scenario)',
    );
    // Arrow keys step number fields.
    const f = calc.page.locator('[data-path="$.rooms[0].sessionsPerDay"]');
    await f.focus();
    await calc.page.keyboard.press('ArrowUp');
    await calc.settled();
    assert.equal(await f.inputValue(), '201');
    // Every form control has an accessible name.
    const unnamed = await calc.page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, button'))
        .filter((el) => {
          const id = el.id;
          const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
          return !label && !el.getAttribute('aria-label') && !(el.textContent ?? '').trim() && !el.getAttribute('title');
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    assert.deepEqual(unnamed, []);
  });

  it('speaks Chinese when VS Code does', async () => {
    calc = await openCalculator(browser, served, { locale: 'zh-cn' });
    await init(calc, [PREFILL], 'zh-cn');
    const text = await calc.page.locator('#app').innerText();
    assert.ok(text.includes('费用明细'), 'line items heading');
    assert.ok(text.includes('房间名称'), 'room name label');
    const expected = bill(PREFILL_FILE);
    const label = await calc.page.locator('table.lines tbody tr.line .line-label').first().textContent();
    assert.equal(label, expected.lines[0]!.label.zh);
    assert.equal(await calc.page.evaluate(() => document.documentElement.lang), 'zh-CN');
    // No English left: no translated message appears in the text, labels or tooltips (the scenario's own names aside).
    const shown = await calc.page.evaluate(() =>
      [
        document.getElementById('app')!.innerText,
        ...Array.from(document.querySelectorAll('[aria-label], [title]')).flatMap((e) => [e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? '']),
      ].join('\n'),
    );
    const leftovers = Object.entries(ZH_BUNDLE)
      .filter(([en, zh]) => en !== zh && /[a-z]{3,} [a-z]{2,}/i.test(en) && !en.includes('{'))
      .map(([en]) => en)
      .filter((en) => shown.includes(en));
    assert.deepEqual(leftovers, []);
    assert.match(await calc.page.locator('[data-action="copy-md"]').innerText(), /复制为 Markdown/);
  });

  it('keeps "Loading…" until the host\'s init, so a Chinese panel never shows the English starter first', async () => {
    calc = await openCalculator(browser, served, { locale: 'zh-cn' });
    assert.deepEqual((await calc.posted())[0], { type: 'ready', protocol: 1 });
    await calc.page.waitForTimeout(300);
    const before = await calc.page.locator('#app').innerText();
    assert.equal(await calc.page.locator('#app').getAttribute('aria-busy'), 'true');
    assert.doesNotMatch(before, /Scenario|Total|Save/, before);
    await init(calc, [], 'zh-cn');
    const after = await calc.page.locator('#app').innerText();
    assert.equal(await calc.page.locator('#app').getAttribute('aria-busy'), null);
    assert.match(after, /场景 1/);
    assert.doesNotMatch(after, /Scenario 1|Total for/);
  });

  it('shows the calculator without init when the host never answers (after a wait)', async () => {
    calc = await openCalculator(browser, served);
    await calc.page.waitForSelector('[data-testid="per-day"]', { timeout: 10000 });
    assert.equal(await calc.page.locator('#app').getAttribute('aria-busy'), null);
  });

  it('shows English when a Chinese init brings no translations (an older host)', async () => {
    calc = await openCalculator(browser, served, { locale: 'zh-cn' });
    await calc.send({ type: 'init', protocol: 1, locale: 'zh-cn', docs: [{ value: PREFILL }], today: TODAY });
    await calc.settled();
    const text = await calc.page.locator('#app').innerText();
    assert.ok(text.includes('Line items'), 'English headings');
    const expected = bill(PREFILL_FILE);
    assert.equal(
      await calc.page.locator('table.lines tbody tr.line .line-label').first().textContent(),
      expected.lines[0]!.label.zh,
      "the engine's texts follow the locale",
    );
  });

  it('takes screenshots in light, dark and high-contrast themes (test-results/webview)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const theme of ['light', 'dark', 'hc'] as const) {
      const c = await openCalculator(browser, served, { theme, height: 1900 });
      await init(c, [PREFILL]);
      await c.page.locator('table.lines tr.line button.disclosure').first().click();
      await c.page.screenshot({ path: join(SHOTS, `calculator-${theme}.png`), fullPage: true });
      await fill(c, '$.rooms[0].minutesPerSession', '-5');
      await c.page.screenshot({ path: join(SHOTS, `calculator-${theme}-invalid.png`), clip: { x: 0, y: 0, width: 1280, height: 1000 } });
      await fill(c, '$.rooms[0].minutesPerSession', '45');
      await c.page.locator('[data-action="duplicate"]').click();
      await choose(c, '$.rooms[0].participants[0].publish.camera', '1920x1080');
      await c.page.locator('#tab-compare').click();
      await c.settled();
      await c.page.screenshot({ path: join(SHOTS, `compare-${theme}.png`), fullPage: true });
      assert.deepEqual(await c.cspViolations(), []);
      assert.deepEqual(c.errors, []);
      await c.page.close();
    }
    const narrow = await openCalculator(browser, served, { theme: 'dark', width: 520, height: 900 });
    await init(narrow, [PREFILL]);
    await narrow.page.screenshot({ path: join(SHOTS, 'calculator-dark-narrow.png') });
    await narrow.page.close();
    const zh = await openCalculator(browser, served, { theme: 'light', locale: 'zh-cn' });
    await init(zh, [PREFILL], 'zh-cn');
    await zh.page.screenshot({ path: join(SHOTS, 'calculator-light-zh.png'), fullPage: true });
    await zh.page.close();
  });
});

async function assertError(c: Calc, path: string, re: RegExp): Promise<void> {
  const slot = c.page.locator(`[data-error-for="${path}"]`);
  assert.equal(await slot.isVisible(), true, `error shown for ${path}`);
  assert.match((await slot.textContent())!, re);
  const control = c.page.locator(`[data-path="${path}"]`).first();
  assert.equal(await control.getAttribute('aria-invalid'), 'true', `${path} marked invalid`);
  const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
  assert.ok(describedBy.split(' ').includes((await slot.getAttribute('id'))!), 'the error describes the control');
}
