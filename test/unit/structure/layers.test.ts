// The layer rules of eslint.config.mjs catch what they are for (a lint config that forbids nothing would pass `npm
// run lint` just as well): each layer's forbidden import is reported, and what the layer may import is not.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..');

async function restricted(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers (eslint.config.mjs)', function () {
  this.timeout(60_000);
  it('keeps the core pure: no vscode, no Node built-ins, no front end', async () => {
    const found = await restricted(
      'src/core/project/example.ts',
      "import * as vscode from 'vscode';\nimport { readFileSync } from 'node:fs';\nimport * as path from 'path';\nimport { log } from " +
        "'../../extension/log';\nimport { estimate } from '../api';\nexport const x = [vscode, readFileSync, path, log, estimate];\n",
    );
    assert.equal(found.length, 4, found.join('\n'));
    assert.ok(found.some((m) => m.includes('Only src/extension talks to VS Code')));
    assert.ok(found.some((m) => m.includes('Node built-ins')));
    assert.ok(found.some((m) => m.includes('bottom layer')));
  });
  it("lets the webview use the core's public entry only, and never vscode or Node", async () => {
    const found = await restricted(
      'src/webview/example.ts',
      "import { estimate } from '../core';\nimport { billScenario } from '../core/bill/bill';\nimport * as vscode from 'vscode';\nimport { join } from " +
        "'node:path';\nexport const x = [estimate, billScenario, vscode, join];\n",
    );
    assert.equal(found.length, 3, found.join('\n'));
    assert.ok(found.some((m) => m.includes('public entry')));
  });
  it('keeps Node out of the extension (it runs in the web extension host too), and vscode out of the CLI', async () => {
    assert.equal(
      (
        await restricted(
          'src/extension/example.ts',
          "import * as vscode from 'vscode';\nimport { estimate } from '../core';\nexport const x = [vscode, estimate];\n",
        )
      ).length,
      0,
    );
    assert.equal((await restricted('src/extension/example.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n")).length, 1);
    assert.equal(
      (
        await restricted(
          'src/cli/example.ts',
          "import * as vscode from 'vscode';\nimport { readFileSync } from 'node:fs';\nexport const x = [vscode, readFileSync];\n",
        )
      ).length,
      1,
      'the CLI may read files, not use vscode',
    );
  });
  it('keeps vscode out of src/extension/logic, which is tested without VS Code', async () => {
    const found = await restricted(
      'src/extension/logic/example.ts',
      "import * as vscode from 'vscode';\nimport { estimate } from '../../core';\nexport const x = [vscode, estimate];\n",
    );
    assert.equal(found.length, 1, found.join('\n'));
    assert.ok(found[0].includes('tested without VS Code'));
  });
});
