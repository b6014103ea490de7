// Browser test harness: serves the calculator's real HTML shell (src/extension/panel/html.ts) with the built
// bundle and stylesheet over HTTP, under the production CSP, and stands in for the VS Code host:
// `acquireVsCodeApi` records posted messages and state; the test plays the host with window.postMessage.
import { buildSync } from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderShell } from '../../src/extension/panel/html';
import type { HostMessage, WebviewMessage } from '../../src/shared/protocol';
import { THEMES } from './themes';

export const ROOT = resolve(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'webview', 'main.js');
const CSS = join(ROOT, 'media', 'calculator.css');
export const SHOTS = join(ROOT, 'test-results', 'webview');

/** The Chinese translations the host hands the webview in `init` (vscode.l10n.bundle reads the same file). */
export const ZH_BUNDLE = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Use dist/webview/main.js when it is newer than its sources (npm test builds first); otherwise build it. */
export function ensureBundle(): void {
  const fresh = existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= Math.max(...['webview', 'shared', 'core'].map((d) => newestMtime(join(ROOT, 'src', d))));
  if (fresh) return;
  buildSync({
    entryPoints: [join(ROOT, 'src', 'webview', 'main.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
  });
}

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** The shell page with the real CSP; `locale` is what the host would put on <body>. */
export async function serve(locale: 'en' | 'zh-cn' = 'en'): Promise<Served> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const loc = url.searchParams.get('locale') === 'zh-cn' ? 'zh-cn' : locale;
      const html = renderShell({
        cspSource: origin,
        nonce: 'testnonce' + Math.random().toString(36).slice(2),
        scriptUri: `${origin}/dist/webview/main.js`,
        styleUri: `${origin}/media/calculator.css`,
        locale: loc,
        title: 'TRTC Cost Calculator',
        loading: 'Loading…',
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (url.pathname === '/dist/webview/main.js' || url.pathname === '/dist/webview/main.js.map') {
      const file = url.pathname.endsWith('.map') ? BUNDLE + '.map' : BUNDLE;
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(file));
      return;
    }
    if (url.pathname === '/media/calculator.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(readFileSync(CSS));
      return;
    }
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface OpenOptions {
  theme?: keyof typeof THEMES;
  /** getState() value at start (a restored webview). */
  state?: unknown;
  width?: number;
  height?: number;
  locale?: 'en' | 'zh-cn';
}

export interface Calc {
  page: Page;
  /** Messages the webview posted to the host, oldest first. */
  posted(): Promise<WebviewMessage[]>;
  state(): Promise<unknown>;
  /** Play the host: deliver a message to the webview. */
  send(m: HostMessage | Record<string, unknown>): Promise<void>;
  /** Wait until a recompute after `since` has been rendered (data-generation grows) and nothing is pending. */
  settled(): Promise<void>;
  cspViolations(): Promise<string[]>;
  errors: string[];
}

/** Open the calculator page with a stand-in host. Does not send `init`: call `send` for that. */
export async function openCalculator(browser: Browser, served: Served, o: OpenOptions = {}): Promise<Calc> {
  const page = await browser.newPage({ viewport: { width: o.width ?? 1280, height: o.height ?? 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const theme = THEMES[o.theme ?? 'light'];
  // A string, not a function: the test runner's transpiler would inject helpers the page does not have.
  await page.addInitScript(`(() => {
    const state = ${JSON.stringify(o.state ?? null)};
    const vars = ${JSON.stringify(theme.vars)};
    const bodyClass = ${JSON.stringify(theme.bodyClass)};
    window.__posted = [];
    window.__state = state === null ? undefined : state;
    window.__csp = [];
    let acquired = false;
    window.acquireVsCodeApi = () => {
      if (acquired) throw new Error('acquireVsCodeApi called twice');
      acquired = true;
      return {
        postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
        getState: () => window.__state,
        setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
      };
    };
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
    // VS Code puts the theme on <html style> and a class on <body> (through the CSSOM, which the CSP allows).
    const apply = () => {
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty('--vscode-' + k, v);
      if (document.body) document.body.classList.add(bodyClass);
    };
    if (document.documentElement) apply();
    document.addEventListener('DOMContentLoaded', apply);
    const mo = new MutationObserver(() => {
      if (document.body) {
        apply();
        mo.disconnect(); // observing every later DOM change would slow the page under test
      }
    });
    mo.observe(document, { childList: true, subtree: true });
  })();`);
  await page.goto(`${served.origin}/?locale=${o.locale ?? 'en'}`);
  await page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));
  const calc: Calc = {
    page,
    errors,
    posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted),
    state: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
    send: async (m) => {
      const before = await page.evaluate(() => Number(document.getElementById('app')?.dataset.generation ?? 0));
      await page.evaluate((msg) => window.postMessage(msg, '*'), m as Record<string, unknown>);
      // Messages that re-render bump the generation; others (ping, done) do not: wait briefly either way.
      await page.waitForFunction((b) => Number(document.getElementById('app')?.dataset.generation ?? 0) > b, before, { timeout: 300 }).catch(() => undefined);
    },
    settled: async () => {
      await page.waitForFunction(() => document.getElementById('app')?.dataset.state === 'ready');
    },
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
  return calc;
}

async function generation(calc: Calc): Promise<number> {
  return calc.page.evaluate(() => Number(document.getElementById('app')?.dataset.generation ?? 0));
}

/** Wait for a render newer than `before` with no recompute pending. */
export async function rendered(calc: Calc, before: number): Promise<void> {
  await calc.page.waitForFunction(
    (b) => {
      const app = document.getElementById('app');
      return Number(app?.dataset.generation ?? 0) > b && app?.dataset.state === 'ready';
    },
    before,
    { timeout: 10_000 },
  );
}

/** Type into a field as a user would (select all, type), then wait for the recompute. */
export async function fill(calc: Calc, path: string, text: string): Promise<void> {
  const loc = calc.page.locator(`input[data-path="${path}"]`).first();
  const before = await generation(calc);
  await loc.click();
  await loc.press('Control+A');
  if (text === '') await loc.press('Delete');
  else await loc.pressSequentially(text, { delay: 5 });
  await rendered(calc, before);
}

export async function choose(calc: Calc, path: string, value: string): Promise<void> {
  const before = await generation(calc);
  await calc.page.locator(`select[data-path="${path}"]`).first().selectOption(value);
  await rendered(calc, before);
}
