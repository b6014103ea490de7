// The project analysis on a 10,000-file app (`trtc-cost scan`): time against a plain read of the same files, and
// the heap it keeps. 1 file in 50 enters a room (anchor and audience pages, some using constants from a config
// module), the rest is ordinary code; every room is grouped and estimated. Numbers are from one run, in one process.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../src/cli/scan';
import type { Report } from './run';

const FILES = 10_000;

/** One page of a live app: an anchor or an audience side (shared with diff.bench.ts). */
export function page(i: number, role: 'anchor' | 'audience', scene = 'live'): string {
  return [
    "import TRTC from 'trtc-sdk-v5';",
    "import { AppConfig } from '../config';",
    'const trtc = TRTC.create();',
    `export async function enter${i}(roomId, userId, userSig) {`,
    `  await trtc.enterRoom({ sdkAppId: 1400000000, userId, userSig, roomId, scene: '${scene}', role: '${role}' });`,
    role === 'anchor' ? '  await trtc.startLocalVideo({ option: { profile: AppConfig.PROFILE } });' : '',
    '}',
    '',
  ].join('\n');
}

/** Ordinary app code with no TRTC in it. */
export function ordinary(i: number): string {
  const lines = [`// module ${i}`, `export function f${i}(a, b) {`];
  for (let k = 0; k < 40; k++) lines.push(`  const v${k} = a.items.map((x) => x * ${k} + b).filter(Boolean); // ${k}`);
  lines.push('  return a;', '}', '');
  return lines.join('\n');
}

/** 0 → "A", 25 → "Z", 26 → "BA": names without digits (digits do not tell room kinds apart). */
export function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

function makeApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'trtc-bench-app-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'config.ts'), "export const AppConfig = { PROFILE: '1080p' };\n");
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, 'src', `m${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(dir);
    // Each anchor/audience pair is its own room kind ("Live" + a letter code), as different screens of an app are.
    const kind = `Live${letters(Math.floor(i / 50))}`;
    const name = i % 50 === 0 ? `${kind}AnchorPage.ts` : i % 50 === 1 ? `${kind}AudiencePage.ts` : `util${i}.ts`;
    writeFileSync(join(dir, name), i % 50 === 0 ? page(i, 'anchor') : i % 50 === 1 ? page(i - 1, 'audience') : ordinary(i));
  }
  return root;
}

function plainRead(root: string): number {
  let bytes = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else bytes += readFileSync(p, 'utf8').length;
    }
  };
  walk(root);
  return bytes;
}

export default async function (report: Report): Promise<void> {
  const root = makeApp();
  try {
    let t = performance.now();
    const bytes = plainRead(root);
    const readMs = performance.now() - t;
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    let out = '';
    t = performance.now();
    const code = await runScan([root, '--json'], { stdout: (s) => (out += s), stderr: () => undefined, cwd: root });
    const scanMs = performance.now() - t;
    clearInterval(timer);
    const json = JSON.parse(out) as { rooms: unknown[]; files: unknown[] };
    report('project: files / MB / exit code', `${FILES + 1} / ${(bytes / 1e6).toFixed(1)} / ${code}`);
    report('project: call sites in files / logical rooms', `${json.files.length} / ${json.rooms.length}`);
    report('project: plain read of every file', `${readMs.toFixed(0)} ms`);
    report(
      'project: trtc-cost scan --json (read, detect, cross-file, group, bill)',
      `${scanMs.toFixed(0)} ms (${(scanMs / readMs).toFixed(1)}× the plain read)`,
    );
    report('project: heap growth during the scan (peak)', `${((peak - before) / 1e6).toFixed(1)} MB`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
