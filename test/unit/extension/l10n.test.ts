// Every string a user reads exists in English and Chinese: the manifest's %placeholders% in both
// package.nls files, and every literal given to the translator — vscode.l10n's t() in src/extension (the
// calculator panel's host included) and @vscode/l10n's l10n.t() in the calculator webview (src/webview) —
// and in the CLI (src/cli, @vscode/l10n on the same bundle) in l10n/bundle.l10n.zh-cn.json, with the same {n} placeholders.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as Record<string, unknown>;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      walk(p, out);
    } else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The literals given to the translator in `dir`; with `webview`, every l10n.t() call must take one (nothing else could be checked). */
function literalsIn(dir: string, found: Map<string, string>, webview = false): Map<string, string> {
  // A line comment may sit between t( and its literal (an eslint directive on a long key).
  const re = /\bt\(\s*(?:\/\/[^\n]*\n\s*)*'((?:[^'\\]|\\.)*)'/g;
  for (const file of walk(join(root, 'src', dir))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) found.set(m[1].replace(/\\'/g, "'"), file);
    assert.doesNotMatch(text, /\bt\(\s*`/, `${file}: pass a plain literal to t(), not a template`);
    if (webview) {
      const calls = [...text.matchAll(/\bl10n\.t\(/g)].length;
      const literal = [...text.matchAll(/\bl10n\.t\(\s*(?:\/\/[^\n]*\n\s*)*'/g)].length;
      assert.equal(literal, calls, `${file}: every l10n.t() takes a string literal (the English text is the key)`);
      assert.doesNotMatch(text, /from '\.\/i18n'|from '\.\.\/i18n'/, `${file}: the webview translates with @vscode/l10n only`);
    }
  }
  return found;
}

function translatorLiterals(): Map<string, string> {
  const found = new Map<string, string>();
  literalsIn('extension', found);
  literalsIn('webview', found, true);
  literalsIn('cli', found);
  return found;
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{(\d+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

describe('extension localization', () => {
  it('has a Chinese translation for every runtime string, with the same placeholders', () => {
    const zh = json('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    const used = translatorLiterals();
    assert.ok(used.size > 250, `found ${used.size} strings`);
    assert.ok(
      [...used.values()].some((f) => f.includes(join('src', 'webview', 'views'))),
      'the webview views are scanned',
    );
    assert.ok(
      [...used.values()].some((f) => f.includes(join('src', 'extension', 'panel'))),
      'the panel host is scanned',
    );
    const missing = [...used.keys()].filter((k) => typeof zh[k] !== 'string' || zh[k].trim() === '');
    assert.deepEqual(missing, [], 'missing in l10n/bundle.l10n.zh-cn.json');
    for (const [k, v] of Object.entries(zh)) assert.equal(placeholders(v), placeholders(k), `placeholders differ for "${k}"`);
    const unused = Object.keys(zh).filter((k) => !used.has(k));
    assert.deepEqual(unused, [], 'unused entries in l10n/bundle.l10n.zh-cn.json');
  });

  it('has every manifest placeholder in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
    assert.ok(keys.size > 20);
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    for (const k of keys) {
      assert.equal(typeof en[k], 'string', `package.nls.json lacks ${k}`);
      assert.equal(typeof zh[k], 'string', `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.deepEqual(
      Object.keys(en).filter((k) => !keys.has(k)),
      [],
      'unused keys in package.nls.json',
    );
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'package.nls.zh-cn.json has the same keys');
    // Walkthrough media are paths (the Chinese file is checked in manifest.test.ts).
    for (const k of Object.keys(zh)) if (!k.endsWith('.media')) assert.match(String(zh[k]), /[\u4e00-\u9fff]/, `${k} is not translated`);
  });
});
