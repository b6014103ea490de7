// `trtc-cost scan <files or folders> [--json] [--scenario assumptions.json] [--exclude glob]... [--max-size bytes]`
// Lists the TRTC rooms configured in code, each fact with its provenance and 1-based line, and each
// room's monthly estimate under stated assumptions.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { estimate, formatMoney, parseScenario } from '../core';
import { D } from '../core/decimal';
import type { Message, PaymentSpec, PeriodSpec, Room, Scenario, TariffSpec } from '../core';
import { DEFAULT_ASSUMPTIONS, detectRooms, languageIdForFile, roomFromCode, summarizeRoom } from '../core/detect';
import type { DetectedRoom, FactSummary, RoomAssumptions, RoomSummary } from '../core/detect';

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
  --scenario <file.json>    tariff, period and payment (and optional "assumptions" and per-room
                            overrides by room name) instead of the defaults
  --exclude <glob>          skip matching paths (gitignore syntax); repeatable
  --max-size <bytes>        skip files larger than this (default ${DEFAULT_MAX_SIZE})
  -h, --help                show this help
`;

interface Options {
  paths: string[];
  json: boolean;
  scenarioFile?: string;
  excludes: string[];
  maxSize: number;
}

class UsageError extends Error {}

function parseArgs(args: string[]): Options | 'help' {
  const opts: Options = { paths: [], json: false, excludes: [], maxSize: DEFAULT_MAX_SIZE };
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

/** What the --scenario file contributes. */
interface ScenarioBase {
  tariff: TariffSpec;
  period: PeriodSpec;
  payment: PaymentSpec;
  roomOverrides: Map<string, Room>;
  assumptions: RoomAssumptions;
}

async function loadScenario(file: string | undefined, cwd: string): Promise<ScenarioBase | string> {
  const base: ScenarioBase = {
    tariff: { region: 'mainland' },
    period: { days: DEFAULT_ASSUMPTIONS.daysPerMonth },
    payment: { freeMinutes: false },
    roomOverrides: new Map(),
    assumptions: { ...DEFAULT_ASSUMPTIONS },
  };
  if (!file) return base;
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    return `cannot read the scenario file ${file}: ${(e as Error).message}`;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return `${file} is not valid JSON: ${(e as Error).message}`;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return `${file} must contain a JSON object`;
  const obj = { ...(raw as Record<string, unknown>) };
  // Optional "assumptions": the same fields as the trtcCost.assumptions.* settings.
  const assumptionProblems = mergeAssumptions(base.assumptions, obj.assumptions);
  if (assumptionProblems) return `${file}: ${assumptionProblems}`;
  // A complete scenario file is validated as text, so problems come with line numbers; a file that
  // only states assumptions (or omits rooms) is completed first.
  const complete = !('assumptions' in obj) && 'version' in obj && 'tariff' in obj && 'rooms' in obj;
  delete obj.assumptions;
  obj.version ??= 1;
  obj.tariff ??= { region: 'mainland' };
  obj.rooms ??= [];
  const parsed = parseScenario(complete ? text : obj);
  if (!parsed.scenario || parsed.errors.length > 0) {
    const where = (p: { line?: number; column?: number }): string => (p.line ? ` (line ${p.line}${p.column ? `, column ${p.column}` : ''})` : '');
    return `${file} is not a valid scenario:\n${parsed.errors.map((p) => `  ${p.path}${where(p)}: ${p.message.en}`).join('\n')}`;
  }
  const s: Scenario = parsed.scenario;
  base.tariff = s.tariff;
  base.period = s.period ?? base.period;
  if ((obj.period as PeriodSpec | undefined)?.days === undefined) base.period = { ...base.period, days: base.assumptions.daysPerMonth };
  base.payment = s.payment ?? base.payment;
  for (const room of s.rooms) base.roomOverrides.set(room.name, room);
  return base;
}

function mergeAssumptions(into: RoomAssumptions, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '"assumptions" must be an object';
  const v = value as Record<string, unknown>;
  for (const key of ['publishers', 'livePublishers', 'audience', 'minutesPerSession', 'sessionsPerDay', 'daysPerMonth'] as const) {
    if (v[key] === undefined) continue;
    const n = v[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return `assumptions.${key} must be a number of at least 0`;
    into[key] = n;
  }
  if (v.defaultCamera !== undefined) {
    const c = v.defaultCamera;
    const m = typeof c === 'string' ? /^(\d+)\s*[x×]\s*(\d+)$/.exec(c) : null;
    if (m) into.defaultCamera = { width: Number(m[1]), height: Number(m[2]) };
    else if (typeof c === 'object' && c !== null && typeof (c as { width?: unknown }).width === 'number' && typeof (c as { height?: unknown }).height === 'number') {
      into.defaultCamera = { width: (c as { width: number }).width, height: (c as { height: number }).height };
    } else return 'assumptions.defaultCamera must be like "1280x720"';
  }
  return undefined;
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

async function collectFiles(opts: Options, io: ScanIO, skipped: Skipped[], missing: string[]): Promise<FileToScan[]> {
  const excludes = ignore().add(opts.excludes);
  const display = (abs: string): string => {
    const rel = path.relative(io.cwd, abs);
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
    if (size > opts.maxSize) {
      skipped.push({ file: display(abs), reason: `${size} bytes is over the size cap of ${opts.maxSize} bytes (--max-size)` });
      return;
    }
    files.push({ absolute: abs, display: display(abs), size });
  };
  const walk = async (dir: string, root: string, layers: IgnoreLayer[]): Promise<void> => {
    const own = await readIgnoreFile(dir);
    const here = own && !layers.some((l) => l.dir === dir) ? [...layers, own] : layers;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
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
          size = (await fs.stat(abs)).size;
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

interface RoomReport {
  summary: RoomSummary;
  scenarioRoom: Room;
  assumptions: Message[];
  estimate?: {
    currency: string;
    total: string;
    totalRounded: string;
    formatted: string;
    /** Recording, mixing, relay and robot lines: what a server call adds to the rooms clients create. */
    valueAdded: string;
    valueAddedFormatted: string;
  };
  estimateError?: string;
}

interface FileReport {
  file: string;
  language: string;
  rooms: RoomReport[];
  notes: Message[];
}

function estimateRoom(room: Room, base: ScenarioBase): RoomReport['estimate'] | string {
  const scenario = { version: 1, tariff: base.tariff, period: base.period, rooms: [room], payment: base.payment };
  try {
    const parsed = parseScenario(scenario);
    if (!parsed.scenario || parsed.errors.length > 0) return `the room is not a valid scenario: ${parsed.errors.map((e) => `${e.path}: ${e.message.en}`).join('; ')}`;
    const bill = estimate(parsed.scenario, { advice: false });
    let valueAdded = new D(0);
    for (const line of bill.lines) if (line.category !== 'av') valueAdded = valueAdded.plus(line.amount);
    const added = valueAdded.toString();
    return {
      currency: bill.currency,
      total: bill.total,
      totalRounded: bill.totalRounded,
      formatted: formatMoney(bill.total, bill.currency, 'en'),
      valueAdded: added,
      valueAddedFormatted: formatMoney(added, bill.currency, 'en'),
    };
  } catch (e) {
    return (e as Error).message;
  }
}

/** A detected room's scenario room, with the --scenario file's room of the same name applied. */
function applyOverride(room: Room, base: ScenarioBase): { room: Room; overridden: boolean } {
  const o = base.roomOverrides.get(room.name);
  if (!o) return { room, overridden: false };
  return { room: { ...room, ...o, source: room.source }, overridden: true };
}

function uniqueName(name: string, used: Set<string>): string {
  let n = name;
  for (let k = 2; used.has(n); k++) n = `${name} #${k}`;
  used.add(n);
  return n;
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
  const base = await loadScenario(opts.scenarioFile, io.cwd);
  if (typeof base === 'string') {
    io.stderr(`trtc-cost scan: ${base}\n`);
    return 1;
  }
  const skipped: Skipped[] = [];
  const missing: string[] = [];
  const files = await collectFiles(opts, io, skipped, missing);
  const reports: FileReport[] = [];
  const usedNames = new Set<string>();
  for (const f of files) {
    let text: string;
    try {
      text = await fs.readFile(f.absolute, 'utf8');
    } catch (e) {
      skipped.push({ file: f.display, reason: `cannot read: ${(e as Error).message}` });
      continue;
    }
    const language = languageIdForFile(f.absolute)!;
    const result = detectRooms(text, language, f.display);
    if (result.rooms.length === 0 && result.notes.length === 0) continue;
    const rooms: RoomReport[] = result.rooms.map((detected: DetectedRoom) => {
      const built = roomFromCode(detected, base.assumptions, f.display);
      built.room.name = uniqueName(built.room.name, usedNames);
      const { room, overridden } = applyOverride(built.room, base);
      const messages = overridden
        ? [{ code: 'scenario.override', text: { en: `Room "${room.name}" is taken from ${opts.scenarioFile}.`, zh: `房间 "${room.name}" 采用 ${opts.scenarioFile} 中的设置。` } }]
        : built.assumptions;
      const est = estimateRoom(room, base);
      const report: RoomReport = { summary: summarizeRoom(detected), scenarioRoom: room, assumptions: messages };
      if (typeof est === 'string') report.estimateError = est;
      else report.estimate = est;
      return report;
    });
    reports.push({ file: f.display, language, rooms, notes: result.notes });
  }
  for (const m of missing) io.stderr(`trtc-cost scan: ${m}: no such file or folder\n`);
  if (opts.json) {
    io.stdout(
      JSON.stringify(
        {
          assumptions: base.assumptions,
          tariff: base.tariff,
          period: base.period,
          payment: base.payment,
          scanned: files.length,
          files: reports,
          skipped,
          missing,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout(renderText(reports, skipped, base, files.length));
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
  const where = f.line ? `line ${f.line}` : '';
  let how: string;
  if (f.from === 'explicit') how = where ? `in code, ${where}` : 'in code';
  else if (f.from === 'default') how = `default${where ? `, ${where}` : ''}: ${f.why}`;
  else how = `unknown${where ? `, ${where}` : ''}: ${f.why}`;
  return `    ${label.padEnd(13)} ${value.padEnd(22)} (${how})`;
}

function renderText(reports: FileReport[], skipped: Skipped[], base: ScenarioBase, scanned: number): string {
  const out: string[] = [];
  out.push(`Assumptions: ${describeAssumptions(base.assumptions)}.`);
  out.push(`Tariff: ${base.tariff.region}, ${base.period.days ?? 30}-day period, free minutes ${base.payment.freeMinutes === false ? 'not counted' : 'counted'}.`);
  out.push('');
  let roomCount = 0;
  for (const r of reports) {
    out.push(r.file);
    for (const note of r.notes) out.push(`  note: ${note.text.en}`);
    for (const room of r.rooms) {
      roomCount++;
      const s = room.summary;
      out.push(`  Room "${room.scenarioRoom.name}" at line ${s.line} (${s.kit ? `${s.kit}, ` : ''}${s.sdk}): ${room.scenarioRoom.service}`);
      out.push(showFact('service', s.service));
      out.push(showFact('role', s.role));
      out.push(showFact('camera', s.camera));
      out.push(showFact('screen', s.screen));
      out.push(showFact('small stream', s.smallStream));
      out.push(showFact('recording', s.recording));
      out.push(showFact('mixing', s.mixTranscoding));
      out.push(showFact('relay', s.relay));
      for (const m of room.assumptions) out.push(`    assumed: ${m.text.en}`);
      if (room.estimate) {
        out.push(`    monthly estimate: ${room.estimate.formatted} (${room.estimate.currency}, under the assumptions above)`);
        if (s.sdk === 'server-rest') out.push(`    of which recording, mixing and relay: ${room.estimate.valueAddedFormatted}`);
      }
      else out.push(`    monthly estimate: unavailable (${room.estimateError})`);
    }
    out.push('');
  }
  const serverRooms = reports.flatMap((r) => r.rooms).filter((r) => r.summary.sdk === 'server-rest').length;
  if (serverRooms > 0 && serverRooms < roomCount) {
    out.push(
      'Note: server calls (recording, mixing, relay) act on rooms that clients create: a server room\'s estimate also counts assumed audio/video minutes that the client rooms already count. Its "of which recording, mixing and relay" line is what it adds.',
    );
    out.push('');
  }
  for (const s of skipped) out.push(`skipped ${s.file}: ${s.reason}`);
  out.push(`${roomCount} room(s) in ${reports.length} file(s); ${scanned} file(s) scanned${skipped.length ? `, ${skipped.length} skipped` : ''}.`);
  return out.join('\n') + '\n';
}
