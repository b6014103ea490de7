// The bundled tariff is read on first use, not when the engine's modules load: the extension activates in every
// JavaScript workspace, and one without TRTC never needs a price (reading and checking the books took about 18 ms
// of each activation). Run in a fresh process, since this suite has long since read the tariff.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('tariff: read on first use', () => {
  it('is not read when the engine loads or detects, nor when the extension activates; the first estimate reads it', function () {
    this.timeout(60_000);
    const script = [
      // The extension, against the stand-in vscode API its activation benchmark uses.
      "const Module = require('node:module');",
      "const stub = require('./test/unit/extension/vscode-stub').createVscodeStub();",
      'const original = Module._load;',
      "Module._load = function (req, ...rest) { return req === 'vscode' ? stub : original.call(this, req, ...rest); };",
      "const core = require('./src/core');",
      "const load = require('./src/core/tariff/load');",
      'const seen = [load.tariffLoaded()];',
      "core.detectRooms(\"import TRTC from 'trtc-sdk-v5';\\nawait trtc.enterRoom({ scene: 'rtc' });\", 'javascript');",
      'seen.push(load.tariffLoaded());',
      "const ext = require('./src/extension/extension');",
      "Promise.resolve(ext.activate({ subscriptions: [], extensionUri: { scheme: 'file', path: process.cwd() }, extensionMode: 1 })).then(() => {",
      '  seen.push(load.tariffLoaded());',
      "  core.estimate({ version: 1, tariff: { region: 'mainland' }, rooms: [] }, { today: '2026-12-01' });",
      '  seen.push(load.tariffLoaded());',
      '  process.stdout.write(JSON.stringify(seen), () => process.exit(0));',
      '});',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8', timeout: 50_000 });
    assert.equal(r.error, undefined);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [false, false, false, true]);
  });
});
