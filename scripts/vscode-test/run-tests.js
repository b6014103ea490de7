#!/usr/bin/env node
// Runs extension tests inside code-server's Node extension host:
//   node run-tests.js <extensionDevelopmentPath> <extensionTestsPath> [folder]
// The workbench takes the same `payload` that VS Code desktop takes as CLI flags; when the tests finish,
// it calls window.codeAutomationExit(code), which we expose through playwright. Mocha's output in the
// extension host reaches us through window.codeAutomationLog.
// Env: TRTC_TEST_LOCALE (e.g. zh-cn), TEST_TIMEOUT_MS (default 240000), VERBOSE=1 (all code-server output).
'use strict';
const path = require('path');
const util = require('util');
const { startCodeServer, launchBrowser } = require('./host');

const started = Date.now();
// Workbench log lines that are expected on an offline machine (gallery lookups, connection set-up).
const WORKBENCH_NOISE = [
  /ENOTFOUND/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin/,
  /^\[Service Worker\]/,
  /ChatSessionStore/,
  /vsda/,
];
const stamp = () => `[runner ${((Date.now() - started) / 1000).toFixed(1)}s]`;

async function main() {
  const [devArg, testsArg, folderArg] = process.argv.slice(2);
  if (!devArg || !testsArg) {
    console.error('usage: run-tests.js <extensionDevelopmentPath> <extensionTestsPath> [folder]');
    return 2;
  }
  const devPath = path.resolve(devArg);
  const testsPath = path.resolve(testsArg);
  const folder = path.resolve(folderArg || devPath);
  const locale = process.env.TRTC_TEST_LOCALE || undefined;
  const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 240000);

  const server = await startCodeServer({ locale, verbose: !!process.env.VERBOSE });
  console.log(`${stamp()} code-server listening on ${server.authority}${locale ? ` (locale ${locale})` : ''}`);
  let browser;
  const pageErrors = [];
  try {
    browser = await launchBrowser({ lang: locale });
    const page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(String((e && e.stack) || e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    const done = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (_type, args) => {
        const text = util.format(...(args || []).map((a) => (typeof a === 'string' || typeof a === 'number' ? a : JSON.stringify(a))));
        if (!process.env.VERBOSE && WORKBENCH_NOISE.some((re) => re.test(text))) return;
        console.log(text);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(devPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
    ];
    await page.goto(server.url(folder, payload));
    console.log(`${stamp()} workbench requested; waiting for the extension host to run the tests`);
    const code = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    if (code === 'timeout') {
      console.error(`${stamp()} TIMEOUT: the extension host did not report a result within ${timeoutMs / 1000} s.`);
      const shot = path.join(require('os').tmpdir(), `trtc-cost-timeout-${Date.now()}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(`  screenshot: ${shot}`);
    }
    if (code !== 0) {
      const relevant = pageErrors.filter((e) => !/open-vsx|vsda|ENOTFOUND|favicon|Failed to load resource/.test(e));
      if (relevant.length) console.error(`${stamp()} workbench errors:\n  ${relevant.slice(-20).join('\n  ')}`);
      const hostLog = server.log.filter((l) => /error/i.test(l) && !/ENOTFOUND|vsda/.test(l));
      if (hostLog.length) console.error(`${stamp()} code-server errors:\n  ${hostLog.slice(-20).join('\n  ')}`);
    }
    console.log(`${stamp()} exit code from extension host: ${code}`);
    return code === 0 ? 0 : 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`${stamp()} ${e && e.stack ? e.stack : e}`);
    process.exit(2);
  },
);
