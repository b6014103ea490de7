// `trtc-cost diff` on a 10,000-file git repository made here: mostly ordinary code, 1 file in 50 enters a room
// (anchor and audience pages using a constant of a config module); the second commit raises the resolution in the
// config, changes 20 pages and adds a server recording call. Timed against a plain `trtc-cost scan` of one side, in
// the same run: the ratio is what a review costs over a scan.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDiff } from '../src/cli/diff';
import { runScan } from '../src/cli/scan';
import { letters, ordinary, page } from './project.bench';
import type { Report } from './run';

const FILES = 10_000;

function fileOf(root: string, i: number): string {
  const kind = `Live${letters(Math.floor(i / 50))}`;
  const name = i % 50 === 0 ? `${kind}AnchorPage.ts` : i % 50 === 1 ? `${kind}AudiencePage.ts` : `util${i}.ts`;
  return join(root, 'src', `m${Math.floor(i / 100)}`, name);
}

const RECORD =
  'from tencentcloud.trtc.v20190722 import models\nreq = models.CreateCloudRecordingRequest()\nreq.RecordParams = ' +
  'models.RecordParams()\nreq.RecordParams.RecordMode = 2\nresp = client.CreateCloudRecording(req)\n';

function makeRepo(): { root: string; base: string; head: string } {
  const root = mkdtempSync(join(tmpdir(), 'trtc-bench-diff-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'user.name', 'bench');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'config.ts'), "export const AppConfig = { PROFILE: '720p' };\n");
  for (let i = 0; i < FILES; i++) {
    if (i % 100 === 0) mkdirSync(join(root, 'src', `m${i / 100}`));
    writeFileSync(fileOf(root, i), i % 50 === 0 ? page(i, 'anchor') : i % 50 === 1 ? page(i - 1, 'audience') : ordinary(i));
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const base = git('rev-parse', 'HEAD');
  writeFileSync(join(root, 'src', 'config.ts'), "export const AppConfig = { PROFILE: '1080p' };\n");
  // 20 rooms become video calls (scene rtc), and one room gains recording.
  for (let r = 0; r < 20; r++) {
    const i = r * 50;
    writeFileSync(fileOf(root, i), page(i, 'anchor', 'rtc'));
    writeFileSync(fileOf(root, i + 1), page(i, 'audience', 'rtc'));
  }
  mkdirSync(join(root, 'server'));
  writeFileSync(join(root, 'server', 'record.py'), RECORD);
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  return { root, base, head: git('rev-parse', 'HEAD') };
}

/** Wall time and this process's CPU time (git's own work is not in the CPU time; a loaded machine stretches only the wall time). */
async function timed(run: () => Promise<number>): Promise<{ ms: number; cpu: number; code: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const code = await run();
  const used = process.cpuUsage(c);
  return { ms: performance.now() - t, cpu: (used.user + used.system) / 1000, code };
}

const both = (x: { ms: number; cpu: number }, scan?: { ms: number; cpu: number }): string =>
  `${x.ms.toFixed(0)} ms wall, ${x.cpu.toFixed(0)} ms CPU` + (scan ? ` = ${(x.ms / scan.ms).toFixed(2)}× / ${(x.cpu / scan.cpu).toFixed(2)}× the scan` : '');

export default async function (report: Report): Promise<void> {
  const t0 = performance.now();
  const { root, base, head } = makeRepo();
  report('diff: make the repository (10,001 files, two commits)', `${(performance.now() - t0).toFixed(0)} ms`);
  try {
    const quiet = { stderr: () => undefined, cwd: root };
    let out = '';
    const scan = await timed(() => runScan([root, '--json'], { ...quiet, stdout: (s) => (out += s) }));
    const scanRooms = (JSON.parse(out) as { rooms: unknown[] }).rooms.length;
    out = '';
    const commits = await timed(() => runDiff([base, head, '--json'], { ...quiet, stdout: (s) => (out += s) }));
    const d = JSON.parse(out) as { rooms: { status: string }[]; totalDelta: string };
    const changed = d.rooms.filter((r) => r.status !== 'same').length;
    out = '';
    const tree = await timed(() => runDiff([base, '--markdown'], { ...quiet, stdout: (s) => (out += s) }));
    report('diff: scan --json of the working tree', `${both(scan)} (${scanRooms} rooms, exit ${scan.code})`);
    report('diff: diff <base> <head> --json', `${both(commits, scan)} (${d.rooms.length} rooms, ${changed} changed, exit ${commits.code})`);
    report('diff: diff <base> --markdown (working tree as head)', `${both(tree, scan)} (exit ${tree.code})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
