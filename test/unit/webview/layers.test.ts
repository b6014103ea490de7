// The webview and the shared protocol run in a browser (and the protocol also in the extension host):
// no `vscode`, no Node built-ins; the protocol depends on nothing outside src/shared.
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|require\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );
}

const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('webview and shared protocol layers', () => {
  for (const dir of ['src/webview', 'src/shared']) {
    it(`${dir} imports neither vscode nor Node built-ins`, () => {
      const bad = files(join(ROOT, dir)).flatMap((f) =>
        imports(f)
          .filter((s) => s === 'vscode' || NODE.has(s) || NODE.has(s.split('/')[0]!))
          .map((s) => `${relative(ROOT, f)}: ${s}`),
      );
      assert.deepEqual(bad, []);
    });
  }

  it('src/shared depends on nothing outside itself', () => {
    const bad = files(join(ROOT, 'src/shared')).flatMap((f) =>
      imports(f)
        .filter((s) => !s.startsWith('./'))
        .map((s) => `${relative(ROOT, f)}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it('the panel host and the webview speak the protocol from src/shared', () => {
    assert.ok(imports(join(ROOT, 'src/extension/panel/calculatorPanel.ts')).includes('../../shared/protocol'));
    assert.ok(files(join(ROOT, 'src/webview')).some((f) => imports(f).includes('../shared/protocol')));
  });

  it('finds the imports it checks (the check would notice a violation)', () => {
    const sample = join(ROOT, 'src/webview/calculator.ts');
    assert.ok(imports(sample).includes('lit-html'));
    assert.ok(NODE.has('node:fs') && NODE.has('fs'));
  });
});
