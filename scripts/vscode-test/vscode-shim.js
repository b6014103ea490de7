#!/usr/bin/env node
// Stands in for the VS Code executable so @vscode/test-electron's runTests({ vscodeExecutablePath })
// (and @vscode/test-cli's useInstallation.fromPath) launch the tests in code-server instead.
// It reads the electron-style flags --extensionDevelopmentPath=, --extensionTestsPath= and the positional
// workspace folder; every other flag test-electron adds (--no-sandbox, --user-data-dir, ...) is ignored.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

let dev;
let tests;
let folder;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a.startsWith('--extensionDevelopmentPath=')) dev = a.slice(a.indexOf('=') + 1);
  else if (a.startsWith('--extensionTestsPath=')) tests = a.slice(a.indexOf('=') + 1);
  else if (a === '--extensionDevelopmentPath') dev = args[++i];
  else if (a === '--extensionTestsPath') tests = args[++i];
  else if (!a.startsWith('-')) folder = a;
}
if (!dev || !tests) {
  console.error('vscode-shim: --extensionDevelopmentPath and --extensionTestsPath are required');
  process.exit(2);
}
const r = spawnSync(process.execPath, [path.join(__dirname, 'run-tests.js'), dev, tests, folder || dev], { stdio: 'inherit' });
process.exit(r.status ?? 1);
