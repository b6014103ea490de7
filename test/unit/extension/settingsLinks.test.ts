// Every setting a user is sent to exists: the hover's and the messages' `workbench.action.openSettings` links and
// queries, and every `trtcCost.…` setting name the texts mention (the extension's runtime strings in the l10n bundle,
// and the core's messages, which reach the hover), are settings that package.json contributes.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
};
const configuration = pkg.contributes.configuration;
const SETTINGS = (Array.isArray(configuration) ? configuration : [configuration]).flatMap((c) => Object.keys(c.properties));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** A setting id, or a query the Settings editor answers with settings: an id's prefix ("trtcCost.assumptions", "trtcCost.assumptions.*"). */
function resolves(name: string): boolean {
  const id = name.replace(/\.\*$/, '');
  return SETTINGS.includes(id) || SETTINGS.some((s) => s.startsWith(id + '.'));
}

/** `trtcCost.x.y` names in a text, without the sentence's trailing dot. */
const names = (text: string) => [...text.matchAll(/\btrtcCost\.[A-Za-z][\w.]*(?:\.\*)?/g)].map((m) => m[0].replace(/\.$/, ''));

describe('links and names of settings', () => {
  it('knows the contributed settings', () => {
    assert.ok(SETTINGS.length > 10 && SETTINGS.every((s) => s.startsWith('trtcCost.')), SETTINGS.join(', '));
    assert.ok(resolves('trtcCost.assumptions'));
    assert.ok(resolves('trtcCost.assumptions.*'));
    assert.ok(!resolves('trtcCost.tariff'), 'a name no setting has is caught');
    assert.ok(!resolves('trtcCost.assumption'), 'a prefix must end at a dot');
  });

  it('opens only settings that exist', () => {
    const found: string[] = [];
    for (const file of walk(join(root, 'src', 'extension'))) {
      const text = readFileSync(file, 'utf8');
      // commandUri('workbench.action.openSettings', ['trtcCost.assumptions']) and executeCommand('workbench.action.openSettings', 'trtcCost')
      for (const m of text.matchAll(/(?:commandUri|executeCommand)\(\s*'workbench\.action\.openSettings',\s*\[?\s*'([^']*)'/g)) {
        found.push(m[1]);
        assert.ok(m[1] === 'trtcCost' || resolves(m[1]), `${file}: openSettings "${m[1]}" matches no setting`);
      }
      // Links written out: command:workbench.action.openSettings?%5B%22trtcCost.x%22%5D
      for (const m of text.matchAll(/command:workbench\.action\.openSettings\?([^)\s'"`]+)/g)) {
        const query = (JSON.parse(decodeURIComponent(m[1])) as string[])[0];
        found.push(query);
        assert.ok(resolves(query), `${file}: link to "${query}" matches no setting`);
      }
    }
    assert.ok(found.includes('trtcCost.assumptions'), 'the hover’s “Change assumptions” link is checked');
  });

  it('names only settings that exist in the texts users read', () => {
    const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const texts: [string, string][] = Object.entries(bundle).flatMap(([en, zh]) => [
      ['l10n bundle', en],
      ['l10n bundle', zh],
    ]);
    for (const file of walk(join(root, 'src', 'core'))) texts.push([file, readFileSync(file, 'utf8')]);
    const seen = new Set<string>();
    for (const [where, text] of texts)
      for (const n of names(text)) {
        seen.add(n);
        assert.ok(resolves(n), `${where}: "${n}" is not a setting`);
      }
    assert.ok(seen.has('trtcCost.includeVendored') && seen.has('trtcCost.assumptions'), [...seen].join(', '));
  });
});
