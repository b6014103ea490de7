#!/usr/bin/env node
// What a person sees: opens workspaces in code-server's workbench (headless chromium via playwright-core) with the
// extension under development and checks what is drawn. Screenshots go to test-results/vscode/.
//  en       the fixture workspace at 1400×900: the CodeLens above enterRoom, the hover, the status bar and its
//           breakdown, the TRTC Cost view at the sidebar's default width, the calculator beside the code at ≈500 px,
//           and the walkthrough: its steps tick when their actions are done.
//  zh-cn    the same workspace with the display language zh-cn: lens, hover, status bar, view and calculator, with
//           no word of the English UI left in the view, the hover, the lens or the status bar.
//  example  examples/classroom-app opened without opening a file: the status item and the view appear by
//           themselves, with the total `trtc-cost scan` prints.
// Usage: node ui-check.js <workspace folder>   Env: TRTC_UI_PASSES=en,zh-cn,example (a subset).
'use strict';
/* global document -- page.evaluate callbacks run in the browser */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT, startCodeServer, launchBrowser } = require('./host');
const { pages, CostView } = require('./pages');

const started = Date.now();
const stamp = () => `[ui ${((Date.now() - started) / 1000).toFixed(1)}s]`;
const SHOTS = path.join(ROOT, 'test-results', 'vscode');
const NLS_ZH = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
const L10N_ZH = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
const EXTENSION_ID = 'trtc-cost.trtc-cost';
const WALKTHROUGH = `${EXTENSION_ID}#trtcCost.start`;

/** One workbench session: a code-server, a page, and the helpers every pass uses. */
async function session(name, folder, { locale, width = 1400, height = 900 } = {}) {
  const server = await startCodeServer({ locale, settings: { 'editor.hover.delay': 100 } });
  let browser;
  try {
    browser = await launchBrowser({ lang: locale });
  } catch (e) {
    await server.stop();
    throw e;
  }
  const page = await browser.newPage({ viewport: { width, height } });
  const shot = async (file) => {
    await page.screenshot({ path: path.join(SHOTS, file) });
    return file;
  };
  const step = async (what, fn) => {
    try {
      const r = await fn();
      console.log(`${stamp()} ${name}: ✔ ${what}`);
      return r;
    } catch (e) {
      const file = `failure-${name}.png`;
      await shot(file).catch(() => {});
      throw new Error(`${name}: ${what}: ${e && e.message ? e.message.split('\n').slice(0, 12).join('\n') : e}\n  screenshot: test-results/vscode/${file}`);
    }
  };
  await page.goto(server.url(folder, [['extensionDevelopmentPath', server.remoteUri(ROOT)]]));
  await step('workbench loaded', () => page.waitForSelector('.monaco-workbench', { timeout: 60000 }));
  return {
    page,
    shot,
    step,
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

/** Quick Open needs the file search to be ready: retry until the row shows up. */
function asciiWords(text) {
  const prose = text
    .replace(/\S*[./\\]\S*\.\w+(:\d+)?/g, ' ') // file names and paths
    .replace(/\{[^}\n]*\}/g, ' ') // JSON snippets ({"remaining": N})
    .replace(/"[^"\n]*"/g, ' ') // JSON keys and values the text quotes
    .replace(/\b[A-Za-z]\w*(\.[A-Za-z*]\w*)+/g, ' ') // JSON paths and setting names (period.days)
    .replace(/\b[\w.-]*\d[\w.-]*\b/g, ' ') // SDK ids and numbers (web-v5, 1280x720)
    .replace(/\btrtcCost\.[\w.*]+/g, ' '); // setting names
  return (prose.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) || []).map((w) => w.toLowerCase());
}

/** Words the Chinese UI itself uses (product names, units, tiers) and the identifiers of the workspace's code. */
function allowedInChinese(folder) {
  // TRTC's tier names are used as they are in Chinese too; "Loading" is the workbench's own (English) hover text.
  const allowed = new Set(['sd', 'hd', 'fhd', 'loading']);
  for (const v of [...Object.values(NLS_ZH), ...Object.values(L10N_ZH)]) for (const w of asciiWords(String(v))) allowed.add(w);
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (fs.statSync(p).size < 200000) for (const w of fs.readFileSync(p, 'utf8').match(/[A-Za-z_][\w$]*/g) || []) allowed.add(w.toLowerCase());
      allowed.add(e.name.toLowerCase().replace(/\.\w+$/, ''));
    }
  };
  walk(folder);
  return allowed;
}

/** Words of the English UI (as the en pass read it) that the zh-cn UI still shows. */
function englishLeftovers(zhText, enText, allowed) {
  const english = new Set(asciiWords(enText));
  return [...new Set(asciiWords(zhText))].filter((w) => english.has(w) && !allowed.has(w));
}

const amount = (text) => {
  const m = /[¥$]([\d,]+(?:\.\d+)?)/.exec(text);
  return m ? Number(m[1].replace(/,/g, '')) : NaN;
};

async function passEn(folder) {
  const s = await session('en', folder);
  const { page, step, shot } = s;
  const seen = {};
  try {
    await step('src/call.js opened through Quick Open', () => pages(page).quickOpen.openFile('call.js'));
    seen.lens = await step('the CodeLens shows the estimate above enterRoom', async () => {
      const text = await pages(page).editor.lensText('enterRoom');
      if (text !== 'TRTC list price ≈ ¥5,040/month · video call · HD · 2 users') throw new Error(`unexpected lens text "${text}"`);
      return text;
    });
    await shot('codelens.png');
    seen.hover = await step('hovering over enterRoom shows the estimate', () => pages(page).editor.hoverText('enterRoom', 'list price'));
    for (const expected of ['TRTC list price ≈ ¥5,040/month', 'per minute', 'Tier: HD', 'Price book:', 'Change assumptions']) {
      if (!seen.hover.includes(expected)) throw new Error(`the hover lacks "${expected}":\n${seen.hover}`);
    }
    await shot('hover.png');
    seen.status = await step('the status bar shows the workspace total', () => pages(page).statusBar.text());
    if (!/^TRTC bill ≈ ¥[\d,]+\/month$/.test(seen.status)) throw new Error(`unexpected status bar text "${seen.status}"`);
    const breakdown = await step('a click on the status bar lists the rooms by cost', async () => {
      await pages(page).statusBar.item().click();
      const widget = page.locator('.quick-input-widget', { hasText: 'Open in the calculator' });
      await widget.waitFor({ timeout: 30000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'src/call.js:7' }).first().waitFor({ timeout: 10000 });
      return (await widget.innerText()).trim();
    });
    if (!/3 rooms/.test(breakdown)) throw new Error(`the breakdown does not list 3 rooms:\n${breakdown}`);
    // Each room's amount is whole on screen (a long group separator once shared the first row and cut it).
    for (const row of await page.locator('.quick-input-list .monaco-list-row', { hasText: '≈ ¥' }).all()) {
      if (!(await CostView.amountVisible(row))) throw new Error(`the breakdown cuts off the amount of "${(await row.innerText()).replace(/\s+/g, ' ')}"`);
    }
    if (!/List prices ¥[\d,]+ · .* · bill ¥[\d,]+/.test(breakdown))
      throw new Error(`the breakdown does not say how the rooms add up to the bill:\n${breakdown}`);
    await shot('breakdown.png');
    await page.keyboard.press('Escape');
    // The workbench only follows a walkthrough's completion events once its walkthrough service runs, which the
    // first walkthrough page starts: open it before the actions it should see.
    await step('the walkthrough opens from "TRTC: Get Started with TRTC Cost"', () => openWalkthrough(page, 'TRTC: Get Started with TRTC Cost'));
    await page.locator('.tab', { hasText: 'call.js' }).first().click();
    const pane = await step('the TRTC Cost view shows the total and the rooms by cost', async () => {
      const p = await pages(page).costView.open('TRTC Cost', 'Rooms by Cost', 'Workspace bill');
      await p.locator('.monaco-list-row', { hasText: '/month' }).nth(1).waitFor({ timeout: 10000 });
      return p;
    });
    // The status item may still show the open file's rooms while the first workspace scan runs: once both settle
    // they must show the same total.
    seen.settled = await step('the status bar and the view agree on the total', async () => {
      const deadline = Date.now() + 30000;
      for (;;) {
        const now = (await pages(page).statusBar.item().innerText()).trim();
        const tree = (await pane.innerText()).trim();
        if (tree.includes(now.replace(/^TRTC /, ''))) return now;
        if (Date.now() > deadline) throw new Error(`the view does not show the status bar's total (${now}):\n${tree}`);
        await page.waitForTimeout(250);
      }
    });
    seen.view = (await pane.innerText()).trim();
    await shot('view.png');
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    const clipped = await CostView.clippedRows(pane);
    console.log(`${stamp()} en: sidebar at its default width: ${Math.round(sidebar.width)} px; rows cut off: ${clipped.length ? clipped.join(' | ') : 'none'}`);
    // Details may end in an ellipsis at the default width (they are in the tooltip); the amounts may not.
    for (const row of await pane.locator('.monaco-list-row', { hasText: '/month' }).all()) {
      if (!(await CostView.amountVisible(row))) throw new Error(`the view cuts off the amount of "${(await row.innerText()).replace(/\s+/g, ' ')}"`);
    }

    const calc = await step('the calculator opens beside the code and fits ≈500 px', async () => {
      await pages(page).quickOpen.runCommand('TRTC: Open Cost Calculator');
      const width = await pages(page).calculator.narrow(500);
      const { frame, text } = await pages(page).calculator.frame(/[¥$][\d,]+/);
      const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 1) throw new Error(`the calculator scrolls sideways by ${overflow} px at ${Math.round(width)} px`);
      return { width, text };
    });
    await shot('calculator-narrow.png');
    console.log(`${stamp()} en: calculator at ${Math.round(calc.width)} px: ${calc.text.split('\n').filter(Boolean).slice(0, 3).join(' / ')}`);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.locator('.tab', { hasText: 'Walkthrough' }).first().click();

    const done = (id) => page.locator(`button.getting-started-step[data-step-id="${WALKTHROUGH}#${id}"]`);
    await step('its "see what each room costs" step is ticked: the TRTC Cost view was shown', () =>
      done('rooms').and(page.locator('[aria-checked="true"]')).waitFor({ timeout: 10000 }),
    );
    await step('its "try numbers in the calculator" step is ticked: the calculator was opened from the palette', () =>
      done('calculator').and(page.locator('[aria-checked="true"]')).waitFor({ timeout: 10000 }),
    );
    await step('"Edit the project file" creates .vscode/trtc-cost.json and ticks "set your app\'s numbers"', async () => {
      if ((await done('numbers').getAttribute('aria-checked')) === 'true') throw new Error('ticked before anything was done');
      await done('numbers').click();
      await page.locator('.getting-started-step.expanded .button-container .monaco-button', { hasText: 'Edit the project file' }).first().click();
      await page.waitForSelector('.tab:has-text("trtc-cost.json")', { timeout: 20000 });
      const file = path.join(folder, '.vscode', 'trtc-cost.json');
      if (!JSON.parse(fs.readFileSync(file, 'utf8')).$schema) throw new Error('the project file has no $schema');
      await page.locator('.tab', { hasText: 'Walkthrough' }).first().click();
      await done('numbers').and(page.locator('[aria-checked="true"]')).waitFor({ timeout: 20000 });
    });
    await step('"Open the settings" shows the region and date settings; changing the region ticks the first step', async () => {
      await done('region').click();
      await page.locator('.getting-started-step.expanded .button-container .monaco-button', { hasText: 'Open the settings' }).first().click();
      const region = page.locator('.setting-item-contents', { hasText: 'Region' }).first();
      await region.waitFor({ timeout: 20000 });
      await page.locator('.setting-item-contents', { hasText: 'Account Created' }).first().waitFor({ timeout: 5000 });
      await shot('walkthrough-settings.png');
      await region.locator('select').selectOption('international');
      await page.locator('.tab', { hasText: 'Walkthrough' }).first().click();
      await done('region').and(page.locator('[aria-checked="true"]')).waitFor({ timeout: 20000 });
    });
    await shot('walkthrough.png');
    // The zh-cn pass uses the same folder: it starts without the project file and the setting.
    fs.rmSync(path.join(folder, '.vscode'), { recursive: true, force: true });
    console.log(
      `${stamp()} en: lens: ${seen.lens}\n${stamp()} en: status bar: ${seen.status}; once scanned: ${seen.settled}\n${stamp()} en: view:\n    ${seen.view
        .split('\n')
        .filter(Boolean)
        .slice(0, 8)
        .join('\n    ')}\n${stamp()} en: hover:\n    ${seen.hover.split('\n').filter(Boolean).slice(0, 6).join('\n    ')}`,
    );
    return seen;
  } finally {
    await s.close();
  }
}

/** Right after the window opens the walkthroughs may not be registered yet (the workbench shows one of its own). */
async function openWalkthrough(page, title) {
  for (let attempt = 0; attempt < 10; attempt++) {
    await pages(page).quickOpen.runCommand(title);
    try {
      await page.locator(`button.getting-started-step[data-step-id^="${WALKTHROUGH}#"]`).first().waitFor({ timeout: 3000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error('the walkthrough did not open');
}

async function passZh(folder, en) {
  const s = await session('zh-cn', folder, { locale: 'zh-cn' });
  const { page, step, shot } = s;
  const allowed = allowedInChinese(folder);
  const problems = [];
  const check = (what, zh, enText) => {
    const left = englishLeftovers(zh, enText, allowed);
    if (left.length) problems.push(`${what} shows English words: ${left.join(', ')}\n    ${zh.split('\n').filter(Boolean).join('\n    ')}`);
  };
  try {
    await step('src/call.js opened through Quick Open', () => pages(page).quickOpen.openFile('call.js'));
    const lens = await step('the CodeLens is in Chinese', async () => {
      const text = await pages(page).editor.lensText('enterRoom');
      if (!/[\u4e00-\u9fff]/.test(text) || amount(text) !== 5040) throw new Error(`unexpected lens text "${text}"`);
      return text;
    });
    await shot('zh-codelens.png');
    const hover = await step('the hover is in Chinese', () => pages(page).editor.hoverText('enterRoom', '刊例价'));
    if (!hover.includes('TRTC 刊例价 ≈ ¥5,040/月')) throw new Error(`unexpected zh-cn hover:\n${hover}`);
    await shot('zh-hover.png');
    const status = await step('the status bar is in Chinese', () => pages(page).statusBar.text());
    const pane = await step('the TRTC Cost view is in Chinese', () =>
      pages(page).costView.open(NLS_ZH['view.container.title'], NLS_ZH['view.rooms.name'], '工作区账单'),
    );
    await step('the status bar and the view agree on the total', async () => {
      const deadline = Date.now() + 30000;
      while (amount(await pages(page).statusBar.text()) !== amount(en.settled) || amount(await pane.innerText()) !== amount(en.settled)) {
        if (Date.now() > deadline)
          throw new Error(`status bar ${await pages(page).statusBar.text()}, view ${(await pane.innerText()).split('\n')[0]} vs the en pass's ${en.settled}`);
        await page.waitForTimeout(250);
      }
    });
    const view = (await pane.innerText()).trim();
    await shot('zh-view.png');
    const clipped = await CostView.clippedRows(pane);
    console.log(`${stamp()} zh-cn: rows cut off at the default width: ${clipped.length ? clipped.join(' | ') : 'none'}`);
    for (const row of await pane.locator('.monaco-list-row', { hasText: '¥' }).all()) {
      if (!(await CostView.amountVisible(row))) throw new Error(`the view cuts off the amount of "${(await row.innerText()).replace(/\s+/g, ' ')}"`);
    }
    const calc = await step('the calculator is in Chinese', async () => {
      await page.locator('.tab', { hasText: 'call.js' }).first().click();
      await pages(page).quickOpen.runCommand(NLS_ZH['command.openCalculator']);
      await pages(page).calculator.narrow(500);
      // The workspace's rooms on the workspace's tariff (the en pass's total), under Chinese labels.
      const total = amount(en.settled).toLocaleString('en-US');
      return (await pages(page).calculator.frame(new RegExp(`保存[\\s\\S]*¥${total}`))).text;
    });
    await shot('zh-calculator.png');
    check('the TRTC Cost view', view, en.view);
    check('the hover', hover, en.hover);
    check('the CodeLens', lens, en.lens);
    check('the status bar', (await pages(page).statusBar.text()) || status, en.status);
    const calcEnglish = [...new Set(asciiWords(calc))].filter((w) => !allowed.has(w));
    // Every translated message is shown translated: no English message of the bundle appears in the calculator.
    const calcMessages = Object.entries(L10N_ZH)
      .filter(([message, zh]) => message !== zh && /[a-z]{3,} [a-z]{2,}/i.test(message) && !message.includes('{'))
      .map(([message]) => message)
      .filter((message) => calc.includes(message));
    if (calcMessages.length) problems.push(`the calculator: ${calcMessages.join(' | ')}`);
    console.log(
      `${stamp()} zh-cn: lens: ${lens}\n${stamp()} zh-cn: status bar: ${status}\n${stamp()} zh-cn: view:\n    ` +
        `${view.split('\n').filter(Boolean).slice(0, 6).join('\n    ')}\n${stamp()} zh-cn: hover:\n    ${hover
          .split('\n')
          .filter(Boolean)
          .slice(0, 6)
          .join('\n    ')}\n${stamp()} zh-cn: ASCII words in the calculator (not checked, for the record): ${calcEnglish.join(', ') || 'none'}`,
    );
    if (problems.length) throw new Error(`English left in the zh-cn UI:\n  ${problems.join('\n  ')}`);
    console.log(`${stamp()} zh-cn: ✔ no English words of the UI left in the view, hover, CodeLens and status bar`);
  } finally {
    await s.close();
  }
}

async function passExample() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-cost-example-'));
  fs.cpSync(path.join(ROOT, 'examples', 'classroom-app'), folder, { recursive: true });
  try {
    const cli = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'scan', folder, '--json'], { encoding: 'utf8' }));
    const expected = Number(cli.total.totalRounded);
    const s = await session('example', folder);
    const { page, step, shot } = s;
    try {
      const status = await step('the status item appears without opening a file', async () => {
        const deadline = Date.now() + 60000;
        for (;;) {
          const text = (await pages(page).statusBar.item().count()) ? (await pages(page).statusBar.item().innerText()).trim() : '';
          if (Math.round(amount(text)) === Math.round(expected)) return text;
          if (Date.now() > deadline) throw new Error(`status item "${text}", the CLI says ${cli.total.formatted}`);
          await page.waitForTimeout(250);
        }
      });
      if ((await page.locator('.tab').count()) !== 0) throw new Error('a file was opened');
      const pane = await step('the TRTC Cost view shows the CLI’s total', () => pages(page).costView.open('TRTC Cost', 'Rooms by Cost', 'Workspace bill'));
      const view = (await pane.innerText()).trim();
      const total = view.split('\n').find((l) => /¥/.test(l)) || '';
      if (!view.includes(cli.total.formatted.replace(/\.\d\d$/, '')) || Math.round(amount(view)) !== Math.round(expected))
        throw new Error(`the view's total (${total}) is not the CLI's ${cli.total.formatted}:\n${view}`);
      await shot('example.png');
      console.log(
        `${stamp()} example: CLI ${cli.total.formatted}; status bar "${status}"; view:\n    ${view.split('\n').filter(Boolean).slice(0, 6).join('\n    ')}`,
      );
    } finally {
      await s.close();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function main() {
  const folder = path.resolve(process.argv[2] || path.join(ROOT, 'test', 'vscode', 'fixtures', 'workspace'));
  fs.mkdirSync(SHOTS, { recursive: true });
  const passes = (process.env.TRTC_UI_PASSES || 'en,zh-cn,example').split(',').map((p) => p.trim());
  let en;
  if (passes.includes('en') || passes.includes('zh-cn')) en = await passEn(folder);
  if (passes.includes('zh-cn')) await passZh(folder, en);
  if (passes.includes('example')) await passExample();
  console.log(`${stamp()} UI CHECK PASS (${passes.join(', ')}; screenshots in ${path.relative(ROOT, SHOTS)}/)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`${stamp()} UI CHECK FAIL: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
