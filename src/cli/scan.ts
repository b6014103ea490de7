// `trtc-cost scan <files or folders> [--json] [--scenario file.json] [--exclude glob]... [--max-size bytes]`
// Finds the TRTC call sites in code, groups them into the app's logical rooms (the project model the extension
// uses too), and prints each room with the facts read from code (provenance and 1-based line), the assumptions
// made, why its call sites are one room, its monthly estimate, and the project's total.
import { promises as fs, readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { parseArgs as nodeParseArgs } from 'node:util';
import ignore, { type Ignore } from 'ignore';
import { formatMoney, idText, type Locale, type Message, type Problem, type Text } from '../core';
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
import { books } from '../core/tariff/books';
import { argsError, cliLocale, parseLang, pickText, t, useLocale } from './l10n';

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
  --lang en|zh-cn           language of the output (default: from LC_ALL / LANG)
  -h, --help                show this help
`;

interface Options {
  paths: string[];
  json: boolean;
  scenarioFile?: string;
  excludes: string[];
  maxSize: number;
  includeVendored: boolean;
  locale: Locale;
}

class UsageError extends Error {}

function parseArgs(args: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = nodeParseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        scenario: { type: 'string' },
        'include-vendored': { type: 'boolean' },
        exclude: { type: 'string', multiple: true },
        'max-size': { type: 'string' },
        lang: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(argsError(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const locale = parseLang(values.lang);
  if (!locale) throw new UsageError(t('--lang takes "en" or "zh-cn" (got {0})', values.lang ?? ''));
  let maxSize = DEFAULT_MAX_SIZE;
  if (values['max-size'] !== undefined) {
    const v = values['max-size'];
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(t('--max-size must be a positive number of bytes, not "{0}"', v));
    maxSize = n;
  }
  if (positionals.length === 0) throw new UsageError(t('no files or folders to scan'));
  return {
    paths: positionals,
    json: values.json === true,
    scenarioFile: values.scenario,
    excludes: values.exclude ?? [],
    maxSize,
    includeVendored: values['include-vendored'] === true,
    locale,
  };
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
      if (explicit) skipped.push({ file: display(abs), reason: t('not a source file detection reads') });
      return;
    }
    const vendored = opts.includeVendored ? undefined : vendoredReason(display(abs), undefined);
    if (vendored) {
      skipped.push({ file: display(abs), reason: `${pickText(vendored.text)} (${t('--include-vendored reads it')})` });
      return;
    }
    if (size > opts.maxSize) {
      skipped.push({ file: display(abs), reason: t('{0} bytes is over the size cap of {1} bytes (--max-size)', size, opts.maxSize) });
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
      skipped.push({ file: display(dir), reason: t('cannot read folder: {0}', (e as Error).message) });
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
      skipped.push({ file: display(abs), reason: t('excluded by --exclude') });
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
  return `${where}: ${p.path} ${pickText(p.message)}`;
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
    if (stat.size > 5 * 1024 * 1024) return `${shown}: ${t('the file is {0} MB; project files are limited to 5 MB', (stat.size / 1024 / 1024).toFixed(1))}`;
    text = await fs.readFile(fileAbs, 'utf8');
  } catch (e) {
    return t('cannot read the project file {0}: {1}', shown, (e as Error).message);
  }
  const parsed = parseProjectFile(text);
  if (!parsed.file) return `${t('{0} is not a valid project file:', shown)}\n${parsed.errors.map((p) => `  ${problemLine(shown, p)}`).join('\n')}`;
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
      skipped.push({ file: f.display, reason: t('cannot read: {0}', (e as Error).message) });
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
          skipped.push({ file: f.display, reason: `${pickText(vendored.text)} (${t('--include-vendored reads it')})` });
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
  return { key: s.key, file: s.file, line: s.line, label: s.label, kind: s.kind, role: s.role, summary: localizedSummary(s.detected) };
}

/** The summary (English reasons, as --json and the fixtures have them), with the reasons in Chinese under --lang zh-cn. */
function localizedSummary(room: CallSite['detected']): RoomSummary {
  const summary = summarizeRoom(room);
  if (cliLocale() === 'en') return summary;
  const facts = room as unknown as Record<string, { provenance?: { kind: string; reason?: Text } } | undefined>;
  for (const [key, fact] of Object.entries(summary) as Array<[string, unknown]>) {
    const reason = facts[key]?.provenance?.reason;
    if (fact && typeof fact === 'object' && 'from' in fact && reason) (fact as FactSummary).why = pickText(reason);
  }
  return summary;
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
    report.estimateError = pickText(e.reason);
    return report;
  }
  let valueAdded = new D(0);
  for (const line of e.bill.lines) if (line.category !== 'av') valueAdded = valueAdded.plus(line.amount);
  const added = valueAdded.toString();
  report.estimate = {
    currency: e.bill.currency,
    total: e.cost.monthly,
    formatted: formatMoney(e.cost.monthly, e.bill.currency, cliLocale()),
    valueAdded: added,
    valueAddedFormatted: formatMoney(added, e.bill.currency, cliLocale()),
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
  const opts = parseArgs([...(includeVendored ? ['--include-vendored'] : []), '--', root]) as Options;
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
  useLocale(opts.locale);
  const setup = await loadProject(opts, io);
  if (typeof setup === 'string') {
    io.stderr(`trtc-cost scan: ${setup}\n`);
    return 1;
  }
  for (const w of setup.warnings) io.stderr(`trtc-cost scan: ${t('warning')}: ${w}\n`);
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
          formatted: formatMoney(project.bill.total, project.bill.currency, cliLocale()),
          rooms: project.rooms.map((r) => r.id),
        }
      : undefined;
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const m of missing) io.stderr(`trtc-cost scan: ${m}: ${t('no such file or folder')}\n`);
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
          totalError: project.ok === false ? pickText(project.reason) : undefined,
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
    t('{0} publishers per call', a.publishers),
    t('{0} anchor(s) + {1} audience per live room', a.livePublishers ?? a.publishers, a.audience),
    t('{0} min per session', a.minutesPerSession),
    t('{0} sessions a day', a.sessionsPerDay),
    t('{0} days a month', a.daysPerMonth),
    t('camera {0} where the code does not say', cam),
  ].join(t(', '));
}

function showValue(v: unknown): string {
  if (v === null) return t('none');
  if (v === undefined) return '?';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} ${showValue(x)}`)
      .join(', ');
  }
  return String(v);
}

/** Pads to a column in a terminal, where CJK characters take two cells. */
function padColumn(s: string, width: number): string {
  let cells = 0;
  for (const ch of s) cells += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return cells >= width ? s : s + ' '.repeat(width - cells);
}

/**
 * A service or role id as the chosen language names it: English output keeps the ids (what the scenario file and the
 * JSON report hold); Chinese output names them (视频互动直播, 主播).
 */
function idWord(v: unknown): string {
  const named = typeof v === 'string' && cliLocale() === 'zh-cn' ? idText(v) : undefined;
  return named ? pickText(named) : showValue(v);
}

function showFact(label: string, f: FactSummary, word: (v: unknown) => string = showValue): string {
  const value = f.value !== undefined ? word(f.value) : f.candidates ? t('one of: {0}', f.candidates.map(word).join(' | ')) : t('unknown');
  const why = f.why ?? '';
  const where = f.line ? (f.file ? t('{0} line {1}', f.file, f.line) : t('line {0}', f.line)) : '';
  let how: string;
  if (f.from === 'explicit') how = where ? t('in code, {0}', where) : t('in code');
  else if (f.from === 'default') how = where ? t('default, {0}: {1}', where, why) : t('default: {0}', why);
  else how = where ? t('unknown, {0}: {1}', where, why) : t('unknown: {0}', why);
  return `      ${padColumn(label, 13)} ${padColumn(value, 22)} ${t('({0})', how)}`;
}

function renderSite(out: string[], s: SiteReport, heading: string): void {
  const m = s.summary;
  const about = [...(m.kit ? [m.kit] : []), m.sdk, ...(s.kind === 'client' && s.role !== 'unknown' ? [idWord(s.role)] : [])].join(t(', '));
  out.push(`    ${heading} ${s.key} — ${s.label} ${t('({0})', about)}`);
  out.push(showFact(t('service'), m.service, idWord));
  out.push(showFact(t('role'), m.role, idWord));
  out.push(showFact(t('camera'), m.camera));
  out.push(showFact(t('screen'), m.screen));
  out.push(showFact(t('small stream'), m.smallStream));
  out.push(showFact(t('recording'), m.recording));
  out.push(showFact(t('mixing'), m.mixTranscoding));
  out.push(showFact(t('relay'), m.relay));
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
    setup.fileName
      ? t('Project: {0} (settings from {1})', root, setup.fileName)
      : t('Project: {0} (no project file: defaults; create .vscode/trtc-cost.json to state your numbers)', root),
  );
  out.push(t('Assumptions: {0}.', describeAssumptions(s.assumptions)));
  const regionName = idText(s.tariff.region);
  const region = regionName ? pickText(regionName) : s.tariff.region;
  out.push(
    s.payment?.freeMinutes === false
      ? t('Tariff: {0}, {1}-day period, free minutes not counted.', region, s.period?.days ?? 30)
      : t('Tariff: {0}, {1}-day period, free minutes counted.', region, s.period?.days ?? 30),
  );
  out.push('');
  for (const r of rooms) {
    const service = r.room ? idWord(r.room.service) : '?';
    const parts = [t('Room "{0}" [id: {1}] — {2}, {3} call site(s)', r.name, r.id, service, r.sites.length)];
    if (r.addOns.length) parts.push(t(' + {0} server call(s)', r.addOns.length));
    if (r.origin === 'file') parts.push(t(', from {0}', setup.fileName ?? PROJECT_FILE));
    out.push(parts.join(''));
    for (const site of r.sites) renderSite(out, site, t('at'));
    for (const site of r.addOns) renderSite(out, site, t('server call'));
    for (const g of r.grouping) out.push(`    ${pickText(g.text)}`);
    for (const m of r.assumptions) out.push(`    ${t('assumed: {0}', pickText(m.text))}`);
    if (r.estimate) {
      out.push(
        `    ${t('monthly estimate: {0} ({1}, list price of this room alone, under the assumptions above)', r.estimate.formatted, r.estimate.currency)}`,
      );
      if (r.addOns.length || Number(r.estimate.valueAdded) > 0)
        out.push(`    ${t('of which recording, mixing and relay: {0}', r.estimate.valueAddedFormatted)}`);
    } else out.push(`    ${t('monthly estimate: unavailable ({0})', r.estimateError ?? '')}`);
    out.push('');
  }
  for (const n of notes) out.push(t('note: {0}', pickText(n.text)));
  for (const k of skipped) out.push(t('skipped {0}: {1}', k.file, k.reason));
  if (notes.length || skipped.length) out.push('');
  const sites = rooms.reduce((n, r) => n + r.sites.length + r.addOns.length, 0);
  if (total)
    out.push(t('Project total: {0} a month (all rooms billed together: free minutes and packs counted once; prices as of {1}).', total, books().pricesAsOf));
  const withRooms = facts.filter((f) => f.detection.rooms.length > 0).length;
  out.push(
    skipped.length
      ? t('{0} room(s) from {1} call site(s) in {2} file(s); {3} file(s) scanned, {4} skipped.', rooms.length, sites, withRooms, scanned, skipped.length)
      : t('{0} room(s) from {1} call site(s) in {2} file(s); {3} file(s) scanned.', rooms.length, sites, withRooms, scanned),
  );
  return out.join('\n') + '\n';
}
