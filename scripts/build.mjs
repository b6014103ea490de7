// Bundles every entry point with esbuild. Entries whose source does not exist yet are skipped,
// so each surface (extension, web extension, webview, CLI) can land on its own.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const entries = [
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  {
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    define: { 'process.env.TRTC_COST_WEB': '"1"' },
  },
  { entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife' },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
];

const active = entries.filter((e) => e.entryPoints.every((p) => existsSync(p)));
const contexts = await Promise.all(
  active.map((e) =>
    esbuild.context({
      bundle: true,
      target: 'es2022',
      // Chinese strings stay UTF-8 instead of 6-byte escapes (about 10 KB less in each bundle).
      charset: 'utf8',
      // jsonc-parser's UMD main hides its requires from the bundler ("Cannot find module './impl/format'" at run time):
      // take packages' ES module builds first, on Node too.
      mainFields: ['module', 'main'],
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
      ...e,
    }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  console.log(`built ${active.map((e) => e.outfile).join(', ')}`);
}
