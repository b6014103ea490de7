#!/usr/bin/env node
// `npm run test:vscode`: the integration suite in a real VS Code extension host (code-server), headless.
//  1. bundles test/vscode/index.ts and test/vscode/suite/*.test.ts with esbuild into out/vscode-test/;
//  2. copies test/vscode/fixtures/workspace to a temporary folder (tests change its settings);
//  3. runs @vscode/test-electron's runTests with vscode-shim.js as the "VS Code executable", once in English
//     and once with the display language zh-cn (only the localization suite runs there);
//  4. runs the UI check (ui-check.js): a person's view of the workbench shows the CodeLens and the hover.
// The passes (label, files, workspace, mocha options, locale, or a script) are declared in .vscode-test.mjs.
// Env: TRTC_VSCODE_PASSES=en,zh-cn,ui (labels), TRTC_TEST_GREP (mocha grep), VERBOSE=1.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, codeServerEntry, chromiumPath } = require('./host');

const OUT = path.join(ROOT, 'out', 'vscode-test');
const started = Date.now();
const stamp = () => `[test:vscode ${((Date.now() - started) / 1000).toFixed(1)}s]`;

function preflight() {
  const problems = [];
  try {
    codeServerEntry();
  } catch (e) {
    problems.push(e.message);
  }
  try {
    chromiumPath();
  } catch (e) {
    problems.push(e.message);
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) problems.push('dist/extension.js is missing.\n  Build it with: npm run build');
  if (problems.length) {
    console.error(`${stamp()} cannot run the VS Code tests:\n- ${problems.join('\n- ')}`);
    process.exit(2);
  }
}

/** The passes of .vscode-test.mjs (an ES module, hence the dynamic import). */
async function loadConfig() {
  const { pathToFileURL } = require('url');
  const mod = await import(pathToFileURL(path.join(ROOT, '.vscode-test.mjs')).href);
  return mod.default;
}

/** A pass's `files` pattern ("dir/*.test.ts"): the folder and the file suffix. */
function filesOf(pattern) {
  const dir = path.join(ROOT, path.dirname(pattern));
  const suffix = path.basename(pattern).replace(/^\*/, '');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));
}

async function bundleSuite(patterns) {
  const esbuild = require('esbuild');
  fs.rmSync(OUT, { recursive: true, force: true });
  const tests = [...new Set(patterns.flatMap(filesOf))];
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test', 'vscode', 'index.ts'), ...tests],
    outbase: path.join(ROOT, 'test', 'vscode'),
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As in scripts/build.mjs: jsonc-parser's UMD main cannot be bundled, its ES module build can.
    mainFields: ['module', 'main'],
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return tests.map((t) => path.basename(t));
}

function copyDir(src, dest) {
  fs.mkdirSync(dest, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const s = path.join(src, e.name);
    const d = path.join(dest, e.name);
    if (e.isDirectory()) copyDir(s, d);
    else fs.copyFileSync(s, d);
  }
}

function freshWorkspace(folder) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-cost-ws-'));
  copyDir(path.join(ROOT, folder), dir);
  return dir;
}

async function runPass(pass) {
  const { runTests } = require('@vscode/test-electron');
  const shim = path.join(__dirname, 'vscode-shim.js');
  fs.chmodSync(shim, 0o755);
  const name = pass.label;
  const env = { TRTC_TEST_PASS: name, TRTC_TEST_MOCHA: JSON.stringify(pass.mocha ?? {}), ...(pass.locale ? { TRTC_TEST_LOCALE: pass.locale } : {}) };
  const workspace = freshWorkspace(pass.workspaceFolder);
  console.log(`\n${stamp()} pass "${name}": workspace ${workspace}`);
  try {
    const code = await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'index.js'),
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { ...env, TRTC_TEST_WORKSPACE: workspace },
    });
    return code === 0;
  } catch (e) {
    // runTests rejects with "Test run failed with code 1" (or the spawn error).
    console.error(`${stamp()} pass "${name}" failed: ${e && e.message ? e.message : e}`);
    return false;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

function runScript(pass) {
  console.log(`\n${stamp()} pass "${pass.label}": ${pass.script}`);
  const workspace = freshWorkspace(pass.workspaceFolder);
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, pass.script), workspace], { stdio: 'inherit', env: process.env });
    return r.status === 0;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function main() {
  preflight();
  const config = await loadConfig();
  const wanted = process.env.TRTC_VSCODE_PASSES ? process.env.TRTC_VSCODE_PASSES.split(',').map((s) => s.trim()) : config.map((p) => p.label);
  const unknown = wanted.filter((w) => !config.some((p) => p.label === w));
  if (unknown.length) throw new Error(`TRTC_VSCODE_PASSES names no pass of .vscode-test.mjs: ${unknown.join(', ')}`);
  const passes = config.filter((p) => wanted.includes(p.label));
  const files = await bundleSuite(passes.filter((p) => p.files).map((p) => p.files));
  console.log(`${stamp()} bundled ${files.length} suite file(s): ${files.join(', ')}`);
  const results = [];
  for (const pass of passes) results.push([pass.label, pass.script ? runScript(pass) : await runPass(pass)]);
  console.log(`\n${stamp()} summary: ${results.map(([n, ok]) => `${n} ${ok ? 'PASS' : 'FAIL'}`).join(', ')}`);
  process.exit(results.every(([, ok]) => ok) ? 0 : 1);
}

main().catch((e) => {
  console.error(`${stamp()} ${e && e.stack ? e.stack : e}`);
  process.exit(2);
});
