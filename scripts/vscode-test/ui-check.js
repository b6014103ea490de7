#!/usr/bin/env node
// What a person sees: opens the fixture workspace in code-server's workbench (headless chromium via playwright-core)
// with the extension under development, opens src/call.js and checks that the CodeLens is drawn above the
// enterRoom call, that hovering over enterRoom shows the estimate, and that the status bar shows the total.
// Screenshots go to test-results/vscode/. Usage: node ui-check.js <workspace folder>
'use strict';
const fs = require('fs');
const path = require('path');
const { ROOT, startCodeServer, launchBrowser } = require('./host');

const started = Date.now();
const stamp = () => `[ui ${((Date.now() - started) / 1000).toFixed(1)}s]`;
const SHOTS = path.join(ROOT, 'test-results', 'vscode');

async function main() {
  const folder = path.resolve(process.argv[2] || path.join(ROOT, 'test', 'vscode', 'fixtures', 'workspace'));
  fs.mkdirSync(SHOTS, { recursive: true });
  const server = await startCodeServer({ settings: { 'editor.hover.delay': 100 } });
  let browser;
  let page;
  const step = async (what, fn) => {
    try {
      const r = await fn();
      console.log(`${stamp()} ✔ ${what}`);
      return r;
    } catch (e) {
      const shot = path.join(SHOTS, 'failure.png');
      if (page) await page.screenshot({ path: shot }).catch(() => {});
      throw new Error(`${what}: ${e && e.message ? e.message.split('\n')[0] : e}\n  screenshot: ${path.relative(ROOT, shot)}`);
    }
  };
  try {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const payload = [['extensionDevelopmentPath', server.remoteUri(ROOT)]];
    await page.goto(server.url(folder, payload));
    await step('workbench loaded', () => page.waitForSelector('.monaco-workbench', { timeout: 60000 }));
    await step('src/call.js opened through Quick Open', async () => {
      // Quick Open needs the file search to be ready: retry until the row shows up.
      for (let attempt = 0; attempt < 10; attempt++) {
        await page.keyboard.press('Control+P');
        await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10000 });
        await page.keyboard.type('call.js');
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'call.js' }).first();
        try {
          await row.waitFor({ timeout: 5000 });
          await row.click();
          await page.waitForSelector('.tab.active:has-text("call.js")', { timeout: 10000 });
          return;
        } catch {
          await page.keyboard.press('Escape');
        }
      }
      throw new Error('the file never appeared in Quick Open');
    });
    const lens = await step('the CodeLens shows the estimate above enterRoom', async () => {
      const el = page.locator('.codelens-decoration', { hasText: 'TRTC ≈' }).first();
      await el.waitFor({ timeout: 60000 });
      const text = (await el.innerText()).trim();
      if (text !== 'TRTC ≈ ¥5,040/month · video call · HD · 2 users') throw new Error(`unexpected lens text "${text}"`);
      // The lens sits directly above the line with enterRoom.
      const lensBox = await el.boundingBox();
      const enter = page.locator('.view-line span', { hasText: /^enterRoom$/ }).first();
      const enterBox = await enter.boundingBox();
      if (!lensBox || !enterBox || !(lensBox.y < enterBox.y && enterBox.y - lensBox.y < 40))
        throw new Error(`the lens is not right above enterRoom (${JSON.stringify(lensBox)} vs ${JSON.stringify(enterBox)})`);
      return text;
    });
    await page.screenshot({ path: path.join(SHOTS, 'codelens.png') });
    const hover = await step('hovering over enterRoom shows the estimate', async () => {
      const enter = page.locator('.view-line span', { hasText: /^enterRoom$/ }).first();
      const box = await enter.boundingBox();
      for (let attempt = 0; attempt < 5; attempt++) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 1, { steps: 3 });
        const h = page.locator('.monaco-hover-content', { hasText: 'per month' }).first();
        try {
          await h.waitFor({ timeout: 8000 });
          return (await h.innerText()).trim();
        } catch {
          await page.mouse.move(5, 5);
        }
      }
      throw new Error('no hover with the estimate appeared');
    });
    for (const expected of ['TRTC ≈ ¥5,040.00 per month', 'per minute', 'Tier: HD', 'Price book:', 'Change assumptions']) {
      if (!hover.includes(expected)) throw new Error(`the hover lacks "${expected}":\n${hover}`);
    }
    await page.screenshot({ path: path.join(SHOTS, 'hover.png') });
    const status = await step('the status bar shows the workspace total', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'TRTC ≈' }).first();
      await item.waitFor({ timeout: 30000 });
      return (await item.innerText()).trim();
    });
    if (!/^TRTC ≈ ¥[\d,]+\/month$/.test(status)) throw new Error(`unexpected status bar text "${status}"`);
    const breakdown = await step('a click on the status bar lists the rooms by cost', async () => {
      await page.locator('.statusbar-item', { hasText: 'TRTC ≈' }).first().click();
      const widget = page.locator('.quick-input-widget', { hasText: 'Open in the calculator' });
      await widget.waitFor({ timeout: 30000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'src/call.js:7' }).first().waitFor({ timeout: 10000 });
      return (await widget.innerText()).trim();
    });
    if (!/3 rooms/.test(breakdown)) throw new Error(`the breakdown does not list 3 rooms:\n${breakdown}`);
    await page.screenshot({ path: path.join(SHOTS, 'breakdown.png') });
    await page.keyboard.press('Escape');
    const view = await step('the TRTC Cost view shows the same total and the rooms by cost', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="TRTC Cost"]').first().click();
      const tree = page.locator('.pane', { hasText: 'Rooms by Cost' }).first();
      const total = tree.locator('.monaco-list-row', { hasText: 'Workspace total' }).first();
      await total.waitFor({ timeout: 30000 });
      await tree.locator('.monaco-list-row', { hasText: '/month' }).nth(1).waitFor({ timeout: 10000 });
      return (await tree.innerText()).trim();
    });
    // The status item may still show the open file's rooms while the first workspace scan runs: once both settle
    // they must show the same total.
    const settled = await step('the status bar and the view agree on the total', async () => {
      const deadline = Date.now() + 30000;
      for (;;) {
        const now = (await page.locator('.statusbar-item', { hasText: 'TRTC ≈' }).first().innerText()).trim();
        const tree = (await page.locator('.pane', { hasText: 'Rooms by Cost' }).first().innerText()).trim();
        if (tree.includes(now.replace(/^TRTC /, ''))) return now;
        if (Date.now() > deadline) throw new Error(`the view does not show the status bar's total (${now}):\n${tree}`);
        await page.waitForTimeout(250);
      }
    });
    console.log(`${stamp()} status bar at first: ${status}; once scanned: ${settled}`);
    await page.screenshot({ path: path.join(SHOTS, 'view.png') });
    console.log(
      `${stamp()} lens: ${lens}\n${stamp()} status bar: ${status}\n${stamp()} view:\n    ${view.split('\n').filter(Boolean).slice(0, 8).join('\n    ')}\n${stamp()} hover:\n    ${hover.split('\n').filter(Boolean).slice(0, 6).join('\n    ')}`,
    );
    console.log(`${stamp()} UI CHECK PASS (screenshots in ${path.relative(ROOT, SHOTS)}/)`);
    return 0;
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`${stamp()} UI CHECK FAIL: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
