// Extension benchmarks (`npm run bench`): hover and CodeLens computation on a 20,000-line file, warm (cached,
// what the providers do on every repaint and mouse move) and cold (a new document version: detection, rooms from
// code, estimates, text); activation (bundle load + activate() against a minimal stand-in of the vscode API, in
// this process and in fresh ones); the size of the production extension bundle. Goals: warm ≤ 2 ms, cold ≤ 30 ms, bundle ≤ 150 KB.
import { build } from 'esbuild';
import Module from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { analyzeDocument, type EstimateContext } from '../src/extension/logic/analysis';
import { AnalysisCache, hoverAt, roomLenses } from '../src/extension/logic/cache';
import { plainLocalizer } from '../src/extension/logic/present';
import { detectRooms, estimate } from '../src/core';
import { DEFAULT_SETTINGS } from '../src/extension/logic/settings';
import { createVscodeStub } from '../test/unit/extension/vscode-stub';

type Report = (name: string, value: string) => void;

const ROOT = join(__dirname, '..');

/** ~20,000 lines of ordinary app code with 10 TRTC rooms spread through it (web SDK v5). */
export function bigFile(lines = 20000, rooms = 10): string {
  const filler = (i: number) => [
    `export function helper${i}(items, options = {}) {`,
    `  const result = [];`,
    `  for (const item of items) {`,
    `    if (!item || item.hidden) continue; // skip ${i}`,
    `    result.push({ id: item.id, label: String(item.label ?? '').trim(), weight: (options.weight ?? 1) * ${i} });`,
    `  }`,
    `  return result.sort((a, b) => a.weight - b.weight);`,
    `}`,
    ``,
  ];
  const room = (i: number) => [
    `export async function joinRoom${i}(roomId, userId, userSig) {`,
    `  const trtc${i} = TRTC.create();`,
    `  await trtc${i}.enterRoom({ sdkAppId: 1400000000, userId, userSig, roomId, scene: TRTC.TYPE.SCENE_RTC });`,
    `  await trtc${i}.startLocalAudio();`,
    `  await trtc${i}.startLocalVideo({ view: 'local-${i}', option: { profile: '${i % 2 ? '720p' : '1080p'}' } });`,
    `}`,
    ``,
  ];
  const out: string[] = [`import TRTC from 'trtc-sdk-v5';`, ``];
  const every = Math.floor(lines / rooms);
  let i = 0;
  while (out.length < lines) {
    // A room in the middle of each slice of `every` lines, filler elsewhere.
    if (i < rooms && out.length >= every * i + every / 2) out.push(...room(i++));
    else out.push(...filler(out.length));
  }
  return out.slice(0, lines).join('\n');
}

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}

const ms = (v: number) => `${v.toFixed(3)} ms`;

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** "p95 (median)" of a sample list. */
const dist = (samples: number[]) => `${ms(p95(samples))} (median ${ms(median(samples))})`;

function context(generation: number): EstimateContext {
  return {
    generation,
    tariff: { region: 'mainland' },
    payment: { freeMinutes: true },
    assumptions: DEFAULT_SETTINGS.assumptions,
    fileRooms: [],
    today: '2026-11-26',
  };
}

/**
 * Loading `bundle` and running activate() in new Node processes, as an extension host starts an extension: the
 * module cache, the JIT and the heap are fresh each time (in this process the engine is already loaded and warm).
 * Milliseconds per run, or undefined when a run fails.
 */
async function freshActivations(bundle: Uint8Array, runs: number): Promise<number[] | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'trtc-cost-activation-'));
  try {
    const bundleFile = join(dir, 'extension.js');
    writeFileSync(bundleFile, bundle);
    // The child: the vscode stand-in, then the timed require + activate().
    const child = await build({
      stdin: {
        contents: [
          "import Module from 'node:module';",
          "import { performance } from 'node:perf_hooks';",
          "import { createVscodeStub } from './test/unit/extension/vscode-stub';",
          'const stub = createVscodeStub();',
          'const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };',
          'const original = M._load;',
          "M._load = function (req: string, ...rest: unknown[]) { return req === 'vscode' ? stub : original.call(this, req, ...rest); };",
          'const t0 = performance.now();',
          'const ext = require(process.argv[2]);',
          'Promise.resolve(ext.activate({ subscriptions: [], extensionUri: { scheme: "file", path: process.argv[3] }, extensionMode: 1 })).then(() => {',
          '  process.stdout.write(String(performance.now() - t0), () => process.exit(0));',
          '});',
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
    });
    const childFile = join(dir, 'activate.js');
    writeFileSync(childFile, child.outputFiles[0].contents);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, [childFile, bundleFile, ROOT], { encoding: 'utf8', timeout: 30_000 });
      const t = Number(r.stdout);
      if (r.status !== 0 || r.stdout.trim() === '' || !Number.isFinite(t)) {
        console.error('fresh activation benchmark skipped:', r.stderr || r.error?.message);
        return undefined;
      }
      times.push(t);
    }
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function activationTime(): Promise<number | undefined> {
  const vscodeStub = createVscodeStub();
  const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const original = M._load;
  M._load = function (req: string, ...rest: unknown[]) {
    return req === 'vscode' ? vscodeStub : original.call(this, req, ...rest);
  };
  try {
    const bundle = join(ROOT, 'dist', 'extension.js');
    const subscriptions: { dispose(): void }[] = [];
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ext = require(bundle) as { activate: (c: unknown) => Promise<unknown> };
    await ext.activate({ subscriptions, extensionUri: { scheme: 'file', path: ROOT }, extensionMode: 1 });
    const elapsed = performance.now() - t0;
    for (const d of subscriptions) d.dispose();
    return elapsed;
  } catch (e) {
    console.error('activation benchmark skipped:', e instanceof Error ? e.message : e);
    return undefined;
  } finally {
    M._load = original;
  }
}

export default async function (report: Report): Promise<void> {
  const text = bigFile();
  const lineCount = text.split('\n').length;
  const loc = plainLocalizer();
  const links = () => ({ settings: 'command:x', scenarioFile: 'command:y' });
  const doc = (version: number) => ({ uri: 'file:///big.js', file: 'big.js', text, languageId: 'javascript', version });

  // The very first computation in a fresh process (JIT cold), for the record.
  let t0 = performance.now();
  const first = analyzeDocument(doc(-1), context(-1));
  roomLenses(first.rooms, context(-1), loc);
  const firstMs = performance.now() - t0;

  // Where to hover: the last room's enterRoom (the worst case for the position lookup).
  const probe = analyzeDocument(doc(0), context(0));
  const lastRoom = probe.rooms[probe.rooms.length - 1];
  const at = lastRoom.detected.range.start;
  report(`file: lines / enterRoom calls / rooms detected`, `${lineCount} / ${(text.match(/enterRoom/g) ?? []).length} / ${probe.rooms.length}`);

  // Cold: every run is a new document version under new settings (nothing cached, every room billed), as on first
  // open or after a settings change; a few unmeasured runs first so the JIT has compiled the code.
  for (let i = 0; i < 5; i++) roomLenses(analyzeDocument(doc(-2 - i), context(-2 - i)).rooms, context(-2 - i), loc);
  const runs = 40;
  const coldLens: number[] = [];
  const coldHover: number[] = [];
  let generation = 1;
  for (let i = 0; i < runs; i++) {
    const ctx = context(generation++);
    let t = performance.now();
    const a = analyzeDocument(doc(i + 1), ctx);
    roomLenses(a.rooms, ctx, loc);
    coldLens.push(performance.now() - t);
    const ctx2 = context(generation++);
    t = performance.now();
    const b = analyzeDocument(doc(i + 1), ctx2);
    hoverAt(b.rooms, at.line, at.character + 1, ctx2, loc, links);
    coldHover.push(performance.now() - t);
  }

  // Warm: the document is unchanged; the providers hit the cache.
  const cache = new AnalysisCache();
  const ctx = context(generation);
  const a = analyzeDocument(doc(1000), ctx);
  cache.set(a);
  roomLenses(a.rooms, ctx, loc);
  hoverAt(a.rooms, at.line, at.character + 1, ctx, loc, links);
  const warmLens: number[] = [];
  const warmHover: number[] = [];
  for (let i = 0; i < 2000; i++) {
    let t = performance.now();
    const hit = cache.get('file:///big.js', 1000, generation)!;
    roomLenses(hit.rooms, ctx, loc);
    warmLens.push(performance.now() - t);
    t = performance.now();
    const h = cache.get('file:///big.js', 1000, generation)!;
    hoverAt(h.rooms, at.line, at.character + 1, ctx, loc, links);
    warmHover.push(performance.now() - t);
  }
  // After an edit: a new version, same settings; unchanged rooms come from the estimate memo.
  const editLens: number[] = [];
  const editCtx = context(generation++);
  roomLenses(analyzeDocument(doc(5000), editCtx).rooms, editCtx, loc);
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    roomLenses(analyzeDocument(doc(5001 + i), editCtx).rooms, editCtx, loc);
    editLens.push(performance.now() - t);
  }
  // After a settings change: same text, new generation; detection is reused, rooms are rebuilt and billed again.
  const settingsLens: number[] = [];
  const seen = analyzeDocument(doc(9000), context(generation++), undefined);
  for (let i = 0; i < runs; i++) {
    const c = context(generation++);
    const t = performance.now();
    roomLenses(analyzeDocument(doc(9000), c, undefined, seen.facts).rooms, c, loc);
    settingsLens.push(performance.now() - t);
  }
  // Detection alone (src/core/detect), the floor of every cold path.
  const detectOnly: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    detectRooms(text, 'javascript', 'big.js');
    detectOnly.push(performance.now() - t0);
  }
  // The engine alone: one room billed for a month (src/core estimate), the other part of every cold path.
  const room = probe.rooms[0].room!;
  const engineOnly: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    estimate({ version: 1, tariff: { region: 'mainland' }, rooms: [room], payment: { freeMinutes: true } }, { today: '2026-11-26', advice: false });
    engineOnly.push(performance.now() - t0);
  }
  report('first CodeLens computation in a fresh process (JIT cold)', ms(firstMs));
  report('CodeLens, 20k lines, cold p95 (goal ≤ 30 ms)', dist(coldLens));
  report('hover, 20k lines, cold p95 (goal ≤ 30 ms)', dist(coldHover));
  report('CodeLens, 20k lines, after an edit p95', dist(editLens));
  report('CodeLens, 20k lines, after a settings change p95', dist(settingsLens));
  report('  detection alone (detectRooms) p95', dist(detectOnly));
  report('  one room billed (estimate) p95', dist(engineOnly));
  report('CodeLens, 20k lines, warm p95 (goal ≤ 2 ms)', dist(warmLens));
  report('hover, 20k lines, warm p95 (goal ≤ 2 ms)', dist(warmHover));

  const activation = await activationTime();
  report('activation in this process: dist/extension.js (development build) + activate()', activation === undefined ? 'n/a' : ms(activation));

  // The production bundle, built in memory with the options of scripts/build.mjs --production.
  const out = await build({
    entryPoints: [join(ROOT, 'src/extension/extension.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    target: 'es2022',
    charset: 'utf8',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  const bytes = out.outputFiles[0].contents;
  const fresh = await freshActivations(bytes, 7);
  report(
    'activation in a fresh process: production bundle + activate() (median of 7)',
    fresh === undefined ? 'n/a' : `${ms(median(fresh))} (${ms(Math.min(...fresh))}–${ms(Math.max(...fresh))})`,
  );
  report(
    'bundle dist/extension.js, production build (goal ≤ 150 KB)',
    `${(bytes.byteLength / 1024).toFixed(1)} KB (gzip ${(gzipSync(bytes).byteLength / 1024).toFixed(1)} KB)`,
  );
}
