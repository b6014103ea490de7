// `trtc-cost scan <files or folders> [--json] [--scenario file.json] [--exclude glob]... [--max-size bytes]`
// Finds the TRTC call sites in code, groups them into the app's logical rooms (the project model the extension
// uses too), and prints each room with the facts read from code (provenance and 1-based line), the assumptions
// made, why its call sites are one room, its monthly estimate, and the project's total.
import { promises as fs, readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { formatMoney, type Message, type Problem } from '../core';
import { D } from '../core/decimal';
import { languageIdForFile, summarizeRoom } from '../core/detect';
import type { FactSummary, RoomAssumptions, RoomSummary } from '../core/detect';
import {
  analyzeProject,
  billProject,
  defaultBaseSettings,
  detectFile,
  estimateLogicalRoom,
  parseProjectFile,
  projectSettings,
  type CallSite,
  type FileFacts,
  type LogicalRoom,
  type ProjectAnalysis,
  type ProjectSettings,
  DEFAULT_EXCLUDES,
  detectProject,
} from '../core/project';
import { vendoredReason } from '../core/project/vendored';
import { PRICES_AS_OF } from '../core/tariff/books';

export interface ScanIO {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

const DEFAULT_MAX_SIZE = 1024 * 1024;
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

const USAGE = `Usage: trtc-cost scan <files or folders>... [options]

Finds the TRTC rooms configured in code and estimates each room's monthly bill.

Options:
  --json                    machine-readable output
  --scenario <file.json>    the project file: tariff, period, payment, "assumptions", "callSites"
                            (which call sites are one room) and room overrides by name or id
                            (default: .vscode/trtc-cost.json in the first folder scanned)
  --exclude <glob>          skip matching paths (gitignore syntax); repeatable
  --include-vendored        also read dependencies, build output, minified bundles and the SDK's
                            own files (skipped by default, as in the extension)
  --max-size <bytes>        skip files larger than this (default ${DEFAULT_MAX_SIZE})
  -h, --help                show this help
`;

interface Options {
  paths: string[];
  json: boolean;
  scenarioFile?: string;
  excludes: string[];
  maxSize: number;
  includeVendored: boolean;
}

class UsageError extends Error {}

function parseArgs(args: string[]): Options | 'help' {
  const opts: Options = { paths: [], json: false, excludes: [], maxSize: DEFAULT_MAX_SIZE, includeVendored: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const flag = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--json':
        opts.json = true;
        break;
      case '--scenario':
        opts.scenarioFile = value();
        break;
      case '--include-vendored':
        opts.includeVendored = true;
        break;
      case '--exclude':
        opts.excludes.push(value());
        break;
      case '--max-size': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--max-size must be a positive number of bytes, not "${v}"`);
        opts.maxSize = n;
        break;
      }
      case '--':
        opts.paths.push(...args.slice(i + 1));
        i = args.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        opts.paths.push(a);
    }
  }
  if (opts.paths.length === 0) throw new UsageError('no files or folders to scan');
  return opts;
}

interface Skipped {
  file: string;
  reason: string;
}

/** .gitignore rules of one directory, applied to paths relative to it. */
interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

async function readIgnoreFile(dir: string): Promise<IgnoreLayer | undefined> {
  try {
    const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8');
    return { dir, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function ignoredBy(layers: IgnoreLayer[], absolute: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = path.relative(layer.dir, absolute).split(path.sep).join('/');
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    try {
      if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
    } catch {
      // A path `ignore` refuses to judge is not ignored.
    }
  }
  return false;
}

/** .gitignore files between the repository root (the nearest folder with .git) and `dir`. */
async function ancestorIgnores(dir: string): Promise<IgnoreLayer[]> {
  const chain: string[] = [];
  let cur = dir;
  for (let depth = 0; depth < 64; depth++) {
    chain.push(cur);
    try {
      await fs.stat(path.join(cur, '.git'));
      break; // the repository root
    } catch {
      // keep going up
    }
    const parent = path.dirname(cur);
    if (parent === cur) {
      // No repository: only the scanned folder's own .gitignore files apply.
      chain.length = 1;
      break;
    }
    cur = parent;
  }
  const layers: IgnoreLayer[] = [];
  for (const d of chain.reverse()) {
    const layer = await readIgnoreFile(d);
    if (layer) layers.push(layer);
  }
  return layers;
}

interface FileToScan {
  absolute: string;
  display: string;
  size: number;
}

async function collectFiles(opts: Options, io: ScanIO, projectRoot: string, skipped: Skipped[], missing: string[]): Promise<FileToScan[]> {
  // The extension's default excludes apply here too (same rooms for the same folder), unless --include-vendored.
  const excludes = ignore().add([...(opts.includeVendored ? [] : DEFAULT_EXCLUDES), ...opts.excludes]);
  // Paths are shown, and call sites keyed, relative to the project root: the same keys the extension uses.
  const display = (abs: string): string => {
    const rel = path.relative(projectRoot, abs);
    return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
  };
  const excluded = (abs: string, root: string, isDir: boolean): boolean => {
    for (const base of [io.cwd, root]) {
      const rel = path.relative(base, abs).split(path.sep).join('/');
      if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      try {
        if (excludes.ignores(isDir ? `${rel}/` : rel)) return true;
      } catch {
        // not judged
      }
    }
    return false;
  };
  const files: FileToScan[] = [];
  const seen = new Set<string>();
  const consider = (abs: string, size: number, explicit: boolean): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    if (!languageIdForFile(abs)) {
      if (explicit) skipped.push({ file: display(abs), reason: 'not a source file detection reads' });
      return;
    }
    const vendored = opts.includeVendored ? undefined : vendoredReason(display(abs), undefined);
    if (vendored) {
      skipped.push({ file: display(abs), reason: `${vendored.text.en} (--include-vendored reads it)` });
      return;
    }
    if (size > opts.maxSize) {
      skipped.push({ file: display(abs), reason: `${size} bytes is over the size cap of ${opts.maxSize} bytes (--max-size)` });
      return;
    }
    files.push({ absolute: abs, display: display(abs), size });
  };
  const walk = async (dir: string, root: string, layers: IgnoreLayer[]): Promise<void> => {
    const own = await readIgnoreFile(dir);
    const here = own && !layers.some((l) => l.dir === dir) ? [...layers, own] : layers;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ file: display(dir), reason: `cannot read folder: ${(e as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
        if (ignoredBy(here, abs, true) || excluded(abs, root, true)) continue;
        await walk(abs, root, here);
      } else if (entry.isFile()) {
        if (ignoredBy(here, abs, false) || excluded(abs, root, false)) continue;
        if (!languageIdForFile(abs)) continue;
        let size = 0;
        try {
          size = statSync(abs).size;
        } catch {
          continue;
        }
        consider(abs, size, false);
      }
    }
  };
  for (const p of opts.paths) {
    const abs = path.resolve(io.cwd, p);
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) {
      const layers = await ancestorIgnores(abs);
      await walk(abs, abs, layers);
    } else if (excluded(abs, path.dirname(abs), false)) {
      skipped.push({ file: display(abs), reason: 'excluded by --exclude' });
    } else consider(abs, stat.size, true);
  }
  return files;
}

/** Where the project file is and what it says; the project root is the folder paths are shown relative to. */
interface ProjectSetup {
  root: string;
  settings: ProjectSettings;
  /** Project-root-relative (or as given) name of the project file, when one was read. */
  fileName?: string;
  warnings: string[];
}

export const PROJECT_FILE = '.vscode/trtc-cost.json';

function problemLine(file: string, p: Problem): string {
  const where = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
  return `${where}: ${p.path} ${p.message.en}`;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** The project root and settings: --scenario, else .vscode/trtc-cost.json of the first folder scanned; then the defaults. */
async function loadProject(opts: Options, io: ScanIO): Promise<ProjectSetup | string> {
  let root = io.cwd;
  for (const p of opts.paths) {
    const abs = path.resolve(io.cwd, p);
    if (await isDirectory(abs)) {
      root = abs;
      break;
    }
  }
  let fileAbs: string | undefined;
  if (opts.scenarioFile) fileAbs = path.resolve(io.cwd, opts.scenarioFile);
  else {
    const candidate = path.join(root, PROJECT_FILE);
    try {
      if ((await fs.stat(candidate)).isFile()) fileAbs = candidate;
    } catch {
      // no project file: defaults
    }
  }
  const base = defaultBaseSettings();
  if (!fileAbs) return { root, settings: projectSettings(base, undefined), warnings: [] };
  const shown = opts.scenarioFile ?? path.relative(io.cwd, fileAbs).split(path.sep).join('/');
  let text: string;
  try {
    const stat = await fs.stat(fileAbs);
    if (stat.size > 5 * 1024 * 1024) return `${shown}: the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; project files are limited to 5 MB`;
    text = await fs.readFile(fileAbs, 'utf8');
  } catch (e) {
    return `cannot read the project file ${shown}: ${(e as Error).message}`;
  }
  const parsed = parseProjectFile(text);
  if (!parsed.file) return `${shown} is not a valid project file:\n${parsed.errors.map((p) => `  ${problemLine(shown, p)}`).join('\n')}`;
  // "<root>/.vscode/trtc-cost.json" belongs to <root>: call sites are keyed relative to it, as in the extension.
  if (path.basename(path.dirname(fileAbs)) === '.vscode') root = path.dirname(path.dirname(fileAbs));
  const nameInRoot = path.relative(root, fileAbs).split(path.sep).join('/');
  const fileName = nameInRoot && !nameInRoot.startsWith('..') ? nameInRoot : shown;
  return {
    root,
    settings: projectSettings(base, parsed.file, fileName),
    fileName: shown,
    warnings: parsed.warnings.map((p) => problemLine(shown, p)),
  };
}

/**
 * Reads and detects the files (core/project/passes.ts); only the facts of files with TRTC code are kept, never their
 * text — except, until the cross-file pass, the text of files whose rooms use names defined elsewhere.
 */
async function detectAll(files: FileToScan[], skipped: Skipped[], includeVendored: boolean): Promise<FileFacts[]> {
  // Synchronous reads: on a local disk the promise API's open/stat/read/close round trips cost more than the reads.
  const read = (f: FileToScan): string | undefined => {
    try {
      return readFileSync(f.absolute, 'utf8');
    } catch (e) {
      skipped.push({ file: f.display, reason: `cannot read: ${(e as Error).message}` });
      return undefined;
    }
  };
  const result = await detectProject(
    files,
    {
      name: (f) => f.display,
      languageId: (f) => languageIdForFile(f.absolute)!,
      detect: async (f) => {
        const text = read(f);
        if (text === undefined) return undefined;
        const vendored = includeVendored ? undefined : vendoredReason(f.display, text);
        if (vendored) {
          skipped.push({ file: f.display, reason: `${vendored.text.en} (--include-vendored reads it)` });
          return undefined;
        }
        return { facts: detectFile(f.display, languageIdForFile(f.absolute)!, text), text };
      },
      read: async (f) => {
        try {
          return readFileSync(f.absolute, 'utf8');
        } catch {
          return undefined;
        }
      },
    },
    8,
  );
  return result ? result.files.map((f) => f.facts) : [];
}

interface EstimateReport {
  currency: string;
  /** Exact list price of the room alone for the period. */
  total: string;
  formatted: string;
  /** Recording, mixing, relay and robot lines: what server calls and value-added services add. */
  valueAdded: string;
  valueAddedFormatted: string;
  mainTier: string;
}

interface SiteReport {
  key: string;
  file: string;
  line: number;
  label: string;
  kind: CallSite['kind'];
  role: CallSite['role'];
  summary: RoomSummary;
}

interface RoomReport {
  id: string;
  name: string;
  origin: LogicalRoom['origin'];
  sites: SiteReport[];
  addOns: SiteReport[];
  room?: LogicalRoom['room'];
  assumptions: Message[];
  grouping: Message[];
  estimate?: EstimateReport;
  estimateError?: string;
}

function siteReport(s: CallSite): SiteReport {
  return { key: s.key, file: s.file, line: s.line, label: s.label, kind: s.kind, role: s.role, summary: summarizeRoom(s.detected) };
}

function roomReport(r: LogicalRoom, settings: ProjectSettings): RoomReport {
  const report: RoomReport = {
    id: r.id,
    name: r.name,
    origin: r.origin,
    sites: r.sites.map(siteReport),
    addOns: r.addOns.map(siteReport),
    room: r.room,
    assumptions: r.origin === 'file' ? [] : r.assumptions,
    grouping: r.grouping,
  };
  const e = estimateLogicalRoom(r, settings);
  if (!e.ok) {
    report.estimateError = e.reason.en;
    return report;
  }
  let valueAdded = new D(0);
  for (const line of e.bill.lines) if (line.category !== 'av') valueAdded = valueAdded.plus(line.amount);
  const added = valueAdded.toString();
  report.estimate = {
    currency: e.bill.currency,
    total: e.cost.monthly,
    formatted: formatMoney(e.cost.monthly, e.bill.currency, 'en'),
    valueAdded: added,
    valueAddedFormatted: formatMoney(added, e.bill.currency, 'en'),
    mainTier: e.cost.mainTier,
  };
  return report;
}

/**
 * The project analysis of a folder as `scan` makes it (project file, excludes, .gitignore, vendored files, the
 * cross-file passes): `trtc-cost diff` compares the working tree with a commit through it. A string is the problem.
 */
export async function analyzeFolder(
  root: string,
  io: ScanIO,
  includeVendored = false,
): Promise<{ analysis: ProjectAnalysis; settings: ProjectSettings; root: string } | string> {
  const opts = parseArgs([root, ...(includeVendored ? ['--include-vendored'] : [])]) as Options;
  const setup = await loadProject(opts, io);
  if (typeof setup === 'string') return setup;
  const skipped: Skipped[] = [];
  const files = await collectFiles(opts, io, setup.root, skipped, []);
  const facts = await detectAll(files, skipped, opts.includeVendored);
  return { analysis: analyzeProject(facts, setup.settings), settings: setup.settings, root: setup.root };
}

export async function runScan(args: string[], io: ScanIO): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = parseArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`trtc-cost scan: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const setup = await loadProject(opts, io);
  if (typeof setup === 'string') {
    io.stderr(`trtc-cost scan: ${setup}\n`);
    return 1;
  }
  for (const w of setup.warnings) io.stderr(`trtc-cost scan: warning: ${w}\n`);
  const skipped: Skipped[] = [];
  const missing: string[] = [];
  const files = await collectFiles(opts, io, setup.root, skipped, missing);
  const facts = await detectAll(files, skipped, opts.includeVendored);
  const analysis = analyzeProject(facts, setup.settings);
  const rooms = analysis.rooms.map((r) => roomReport(r, setup.settings));
  const project = billProject(analysis, setup.settings, path.basename(setup.root));
  const total =
    project.ok === true
      ? {
          currency: project.bill.currency,
          total: project.bill.total,
          totalRounded: project.bill.totalRounded,
          formatted: formatMoney(project.bill.total, project.bill.currency, 'en'),
          rooms: project.rooms.map((r) => r.id),
        }
      : undefined;
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const m of missing) io.stderr(`trtc-cost scan: ${m}: no such file or folder\n`);
  const s = setup.settings;
  if (opts.json) {
    io.stdout(
      JSON.stringify(
        {
          root: path.relative(io.cwd, setup.root).split(path.sep).join('/') || '.',
          projectFile: setup.fileName ?? null,
          assumptions: s.assumptions,
          tariff: s.tariff,
          period: s.period ?? null,
          payment: s.payment,
          scanned: files.length,
          rooms,
          total: total ?? null,
          totalError: project.ok === false ? project.reason.en : undefined,
          files: facts
            .map((f) => ({
              file: f.file,
              language: f.languageId,
              sites: analysis.sites.filter((x) => x.file === f.file).map((x) => ({ ...siteReport(x), room: analysis.roomOfSite.get(x.key)?.id })),
              notes: f.detection.notes,
            }))
            .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
          notes: analysis.notes,
          skipped,
          missing,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout(renderText(setup, rooms, total?.formatted, analysis.notes, facts, skipped, files.length, io.cwd));
  }
  return missing.length > 0 ? 1 : 0;
}

function describeAssumptions(a: RoomAssumptions): string {
  const cam = `${a.defaultCamera.width}x${a.defaultCamera.height}`;
  return [
    `${a.publishers} publishers per call`,
    `${a.livePublishers ?? a.publishers} anchor(s) + ${a.audience} audience per live room`,
    `${a.minutesPerSession} min per session`,
    `${a.sessionsPerDay} sessions a day`,
    `${a.daysPerMonth} days a month`,
    `camera ${cam} where the code does not say`,
  ].join(', ');
}

function showValue(v: unknown): string {
  if (v === null) return 'none';
  if (v === undefined) return '?';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} ${showValue(x)}`)
      .join(', ');
  }
  return String(v);
}

function showFact(label: string, f: FactSummary): string {
  const value = f.value !== undefined ? showValue(f.value) : f.candidates ? `one of: ${f.candidates.map(showValue).join(' | ')}` : 'unknown';
  const where = f.line ? `${f.file ? `${f.file} ` : ''}line ${f.line}` : '';
  let how: string;
  if (f.from === 'explicit') how = where ? `in code, ${where}` : 'in code';
  else if (f.from === 'default') how = `default${where ? `, ${where}` : ''}: ${f.why}`;
  else how = `unknown${where ? `, ${where}` : ''}: ${f.why}`;
  return `      ${label.padEnd(13)} ${value.padEnd(22)} (${how})`;
}

function renderSite(out: string[], s: SiteReport, heading: string): void {
  const m = s.summary;
  out.push(`    ${heading} ${s.key} — ${s.label} (${m.kit ? `${m.kit}, ` : ''}${m.sdk}${s.kind === 'client' && s.role !== 'unknown' ? `, ${s.role}` : ''})`);
  out.push(showFact('service', m.service));
  out.push(showFact('role', m.role));
  out.push(showFact('camera', m.camera));
  out.push(showFact('screen', m.screen));
  out.push(showFact('small stream', m.smallStream));
  out.push(showFact('recording', m.recording));
  out.push(showFact('mixing', m.mixTranscoding));
  out.push(showFact('relay', m.relay));
}

function renderText(
  setup: ProjectSetup,
  rooms: RoomReport[],
  total: string | undefined,
  notes: Message[],
  facts: FileFacts[],
  skipped: Skipped[],
  scanned: number,
  cwd: string,
): string {
  const s = setup.settings;
  const out: string[] = [];
  const root = path.relative(cwd, setup.root).split(path.sep).join('/') || '.';
  out.push(
    `Project: ${root}${setup.fileName ? ` (settings from ${setup.fileName})` : ' (no project file: defaults; create .vscode/trtc-cost.json to state your numbers)'}`,
  );
  out.push(`Assumptions: ${describeAssumptions(s.assumptions)}.`);
  out.push(`Tariff: ${s.tariff.region}, ${s.period?.days ?? 30}-day period, free minutes ${s.payment?.freeMinutes === false ? 'not counted' : 'counted'}.`);
  out.push('');
  for (const r of rooms) {
    const service = r.room?.service ?? '?';
    out.push(
      `Room "${r.name}" [id: ${r.id}] — ${service}, ${r.sites.length} call site(s)${r.addOns.length ? ` + ${r.addOns.length} server call(s)` : ''}${r.origin === 'file' ? `, from ${setup.fileName}` : ''}`,
    );
    for (const site of r.sites) renderSite(out, site, 'at');
    for (const site of r.addOns) renderSite(out, site, 'server call');
    for (const g of r.grouping) out.push(`    ${g.text.en}`);
    for (const m of r.assumptions) out.push(`    assumed: ${m.text.en}`);
    if (r.estimate) {
      out.push(`    monthly estimate: ${r.estimate.formatted} (${r.estimate.currency}, list price of this room alone, under the assumptions above)`);
      if (r.addOns.length || Number(r.estimate.valueAdded) > 0) out.push(`    of which recording, mixing and relay: ${r.estimate.valueAddedFormatted}`);
    } else out.push(`    monthly estimate: unavailable (${r.estimateError})`);
    out.push('');
  }
  for (const n of notes) out.push(`note: ${n.text.en}`);
  for (const k of skipped) out.push(`skipped ${k.file}: ${k.reason}`);
  if (notes.length || skipped.length) out.push('');
  const sites = rooms.reduce((n, r) => n + r.sites.length + r.addOns.length, 0);
  if (total) out.push(`Project total: ${total} a month (all rooms billed together: free minutes and packs counted once; prices as of ${PRICES_AS_OF}).`);
  out.push(
    `${rooms.length} room(s) from ${sites} call site(s) in ${facts.filter((f) => f.detection.rooms.length > 0).length} file(s); ${scanned} file(s) scanned${skipped.length ? `, ${skipped.length} skipped` : ''}.`,
  );
  return out.join('\n') + '\n';
}
