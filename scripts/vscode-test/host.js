// Starts code-server (VS Code server + web workbench) and drives its workbench with Debian chromium
// through playwright-core. Used by run-tests.js (extension tests in the real Node extension host,
// @vscode/test-electron style) and by ui-check.js (what a person sees in the workbench).
// Why code-server: VS Code desktop cannot be downloaded here (only the npm registry and Debian are reachable).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const CS_VERSION = process.env.CS_VERSION || '4.100.3';

function codeServerEntry() {
  const entry = process.env.CODE_SERVER || path.join(ROOT, '.vscode-test', `code-server-${CS_VERSION}`, 'out/node/entry.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server not found at ${entry}.\n  Install it once with: bash scripts/setup-code-server.sh`);
  }
  return entry;
}

function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('chromium not found.\n  Install it with: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)');
  return found;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Lines code-server prints that are expected on an offline machine.
const NOISE = [/ENOTFOUND open-vsx\.org/, /vsda/, /getaddrinfo ENOTFOUND/, /Wrote default config/, /^\s*$/];

/**
 * Starts code-server on a free port with a throw-away user-data-dir.
 * @param {{ settings?: object, locale?: string, verbose?: boolean }} [opts]
 */
async function startCodeServer(opts = {}) {
  const entry = codeServerEntry();
  const port = Number(process.env.PORT) || (await freePort());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-cost-cs-'));
  fs.mkdirSync(path.join(tmp, 'data/User'), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'data/User/settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'git.enabled': false,
        ...(opts.settings || {}),
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
  if (opts.locale && !opts.locale.startsWith('en')) stubLanguagePack(path.join(tmp, 'data'), opts.locale);
  const args = [
    entry,
    '--config',
    path.join(tmp, 'config.yaml'),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    path.join(tmp, 'data'),
    '--extensions-dir',
    path.join(tmp, 'ext'),
  ];
  if (opts.locale) args.push('--locale', opts.locale);
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env }, detached: true });
  const log = [];
  const onData = (d) => {
    for (const line of String(d).split('\n')) {
      log.push(line);
      if (opts.verbose || (!NOISE.some((re) => re.test(line)) && /error|fail/i.test(line))) {
        process.stderr.write(`[code-server] ${line}\n`);
      }
    }
  };
  server.stderr.on('data', onData);
  await new Promise((resolve, reject) => {
    const to = setTimeout(() => reject(new Error(`code-server did not start within 30 s:\n${log.join('\n')}`)), 30000);
    server.stdout.on('data', (d) => {
      onData(d);
      if (String(d).includes('HTTP server listening')) {
        clearTimeout(to);
        resolve();
      }
    });
    server.once('exit', (c) => {
      clearTimeout(to);
      reject(new Error(`code-server exited with ${c} before listening:\n${log.join('\n')}`));
    });
  });
  const authority = `127.0.0.1:${port}`;
  return {
    port,
    authority,
    tmp,
    log,
    /** URL of the workbench opening `folder`, optionally with a test payload. */
    url(folder, payload) {
      let u = `http://${authority}/?folder=${encodeURIComponent(folder)}`;
      if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    remoteUri(p) {
      return `vscode-remote://${authority}${path.resolve(p)}`;
    },
    async stop() {
      const exited = new Promise((r) => server.once('exit', r));
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * VS Code only switches its display language (vscode.env.language, and with it extension l10n bundles and
 * package.nls.<lang>.json) when a language pack for it is installed; none can be downloaded here. An empty
 * pack registered in languagepacks.json is enough: the workbench's own UI stays English, extensions get `locale`.
 */
function stubLanguagePack(userDataDir, locale) {
  const dir = path.join(userDataDir, 'stub-language-pack');
  fs.mkdirSync(dir, { recursive: true });
  const main = path.join(dir, 'main.i18n.json');
  fs.writeFileSync(main, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: `stub${Date.now()}`,
        extensions: [{ extensionIdentifier: { id: 'trtc-cost-test.stub-language-pack' }, version: '0.0.0' }],
        translations: { vscode: main },
        label: locale,
      },
    }),
  );
}

async function launchBrowser(opts = {}) {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath(),
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
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
    ],
  });
}

module.exports = { ROOT, startCodeServer, launchBrowser, codeServerEntry, chromiumPath };
