// End to end in the real workbench (code-server + Chromium): open the calculator from the Command Palette,
// edit it, reload the window, and find the panel restored by its WebviewPanelSerializer with the edits
// (getState/setState; no retainContextWhenHidden). Skipped when code-server or the extension bundle is missing.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { ROOT, SHOTS } from './harness';

interface CodeServer {
  url(folder: string, payload?: [string, string][]): string;
  remoteUri(p: string): string;
  stop(): Promise<void>;
}
interface Host {
  startCodeServer(opts?: { settings?: Record<string, unknown> }): Promise<CodeServer>;
  launchBrowser(): Promise<Browser>;
  codeServerEntry(): string;
}

/** The webview frame whose document matches `selector` (webviews are nested iframes). */
async function webviewFrame(page: Page, selector: string, timeoutMs = 40_000): Promise<Frame | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      try {
        if (await f.evaluate(`!!document.querySelector(${JSON.stringify(selector)})`)) return f;
      } catch {
        /* frame navigating */
      }
    }
    await page.waitForTimeout(300);
  }
  return undefined;
}

async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
    await page.keyboard.type(title);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 4000 });
      await row.click();
      return;
    } catch {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1500);
    }
  }
  throw new Error(`command "${title}" never showed up in the Command Palette`);
}

describe('calculator panel in the workbench (code-server)', function () {
  this.timeout(180_000);
  let host: Host | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;

  before(function () {
    const req = createRequire(__filename);
    try {
      host = req(join(ROOT, 'scripts', 'vscode-test', 'host.js')) as Host;
      host.codeServerEntry();
    } catch {
      this.skip(); // code-server not installed (bash scripts/setup-code-server.sh)
    }
    if (!existsSync(join(ROOT, 'dist', 'extension.js')) || !existsSync(join(ROOT, 'dist', 'webview', 'main.js'))) this.skip(); // npm run build first
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
  });

  it('restores the scenarios after a window reload', async () => {
    server = await host!.startCodeServer({});
    browser = await host!.launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const folder = join(ROOT, 'test', 'vscode', 'fixtures', 'workspace');
    await page.goto(server.url(folder, [['extensionDevelopmentPath', server.remoteUri(ROOT)]]));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await runCommand(page, 'Open Cost Calculator');
    let frame = await webviewFrame(page, '[data-testid="total"]');
    assert.ok(frame, 'the calculator webview renders a total');
    await frame.locator('input[data-path="$.name"]').fill('Survives reload');
    await frame.locator('input[data-path="$.rooms[0].sessionsPerDay"]').fill('77');
    await frame.locator('#app[data-state="ready"]').waitFor(); // (waitForFunction would need 'unsafe-eval', which the CSP forbids)
    const before = await frame.locator('[data-testid="total"]').getAttribute('data-exact');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'workbench-before-reload.png') });
    // Reload the window as a person would (Developer: Reload Window stores the workbench state on the way out).
    await page.waitForTimeout(1000);
    await page.locator('.tabs-container .tab').first().click(); // focus the workbench, not the webview
    await page.evaluate('window.__beforeReload = true');
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    assert.equal(await page.evaluate('window.__beforeReload'), undefined, 'the window really reloaded');
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    frame = await webviewFrame(page, '[data-testid="total"]');
    assert.ok(frame, 'the calculator is back after the reload');
    assert.equal(await frame.locator('input[data-path="$.rooms[0].sessionsPerDay"]').inputValue(), '77');
    assert.equal(await frame.locator('[role="tab"][aria-selected="true"] .tab-name').textContent(), 'Survives reload');
    assert.equal(await frame.locator('[data-testid="total"]').getAttribute('data-exact'), before);
    await page.screenshot({ path: join(SHOTS, 'workbench-after-reload.png') });
  });
});
