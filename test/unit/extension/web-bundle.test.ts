// The `browser` entry (dist/web/extension.js) must run in VS Code's web worker extension host: no Node globals or
// modules. It is evaluated here in a bare V8 context holding only what a worker has (timers, TextEncoder/Decoder,
// URL, console) plus the vscode API stand-in, then activated. Skipped until `npm run build` has produced the bundle.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { createVscodeStub } from './vscode-stub';

const bundle = join(__dirname, '..', '..', '..', 'dist', 'web', 'extension.js');

describe('extension web bundle', () => {
  it('loads and activates without Node APIs', async function () {
    if (!existsSync(bundle)) this.skip();
    const requested: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    const sandbox = {
      module,
      exports: module.exports,
      require: (id: string) => {
        requested.push(id);
        if (id === 'vscode') return createVscodeStub();
        throw new Error(`the web bundle requires "${id}"`);
      },
      setTimeout,
      clearTimeout,
      TextEncoder,
      TextDecoder,
      URL,
      console,
    };
    createContext(sandbox);
    runInContext(readFileSync(bundle, 'utf8'), sandbox, { filename: 'dist/web/extension.js' });
    assert.deepEqual([...new Set(requested)], ['vscode']);
    const ext = module.exports as { activate: (c: unknown) => Promise<{ locale(): string }>; deactivate: () => void };
    const subscriptions: { dispose(): void }[] = [];
    const api = await ext.activate({ subscriptions, extensionUri: { scheme: 'file', path: '/ext' }, extensionMode: 1 });
    assert.equal(api.locale(), 'en');
    for (const d of subscriptions) d.dispose();
  });
});
