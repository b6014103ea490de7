// Entry point loaded by the extension host (extensionTestsPath): runs every bundled suite file with mocha.
// Which suites a pass runs is its mocha grep in .vscode-test.mjs (the zh-cn pass: the suites whose names say "[zh-cn]").
import * as fs from 'fs';
import * as path from 'path';

type MochaCtor = new (options: Record<string, unknown>) => {
  addFile(file: string): void;
  run(done: (failures: number) => void): unknown;
};

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('mocha') as { default?: MochaCtor } & MochaCtor;
  const Mocha = (mod.default ?? mod) as MochaCtor;
  // The pass's mocha options come from .vscode-test.mjs (through scripts/vscode-test/run.js); TRTC_TEST_GREP narrows a run.
  const options = JSON.parse(process.env.TRTC_TEST_MOCHA ?? '{}') as Record<string, unknown>;
  const grep = process.env.TRTC_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60000, reporter: 'spec', ...options, ...(grep ? { grep, invert: false } : {}) });
  const dir = path.join(__dirname, 'suite');
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
