#!/usr/bin/env node
// Draws media/icon.png (the Marketplace icon, 128×128) from media/icon.svg with headless chromium: no network,
// no image library. Run after changing the SVG: node scripts/gen-icon.js
'use strict';
const fs = require('fs');
const path = require('path');
const { chromiumPath } = require('./vscode-test/host');

const ROOT = path.resolve(__dirname, '..');
const SIZE = 128;

(async () => {
  const { chromium } = require('playwright-core');
  const svg = fs.readFileSync(path.join(ROOT, 'media', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `)}</body></html>`,
    );
    const out = path.join(ROOT, 'media', 'icon.png');
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
    console.log(`${path.relative(ROOT, out)}: ${fs.statSync(out).size} bytes`);
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
