// Detection + estimate for one document, cached by the caller per document version. Pure (no `vscode` import),
// so the same code runs in the desktop and web extension hosts and in the benchmark. All billing logic comes
// from the core engine; this module only turns detected code into scenario rooms and asks the engine.

import {
  estimate,
  parseScenario,
  type Bill,
  type DetectedRoom,
  type DetectionResult,
  type Message,
  type PaymentSpec,
  type PeriodSpec,
  type Room,
  type RoomAssumptions,
  type RoomCost,
  type Scenario,
  type SourceRange,
  type TariffSpec,
  type Text,
} from '../../core';
import { detectRooms, roomFromCode } from './detect';

/** Everything an estimate depends on besides the code. A new `generation` invalidates every cache. */
export interface EstimateContext {
  generation: number;
  tariff: TariffSpec;
  period?: PeriodSpec;
  payment?: PaymentSpec;
  assumptions: RoomAssumptions;
  /** Rooms of the workspace scenario file; a room matching detected code replaces it. */
  fileRooms: FileRoom[];
  /** YYYY-MM-DD; undefined means the engine's today. */
  today?: string;
}

/** A room from the workspace scenario file (`.vscode/trtc-cost.json`). */
export interface FileRoom {
  /** Index in the file's `rooms`. */
  index: number;
  room: Room;
}

export interface DocumentInput {
  /** A stable identity, e.g. the URI string. */
  uri: string;
  /** Workspace-relative path (or the URI when outside a workspace): goes into the room's `source.file`. */
  file: string;
  text: string;
  languageId: string;
  version: number;
}

export type RoomEstimate =
  | { ok: true; bill: Bill; cost: RoomCost }
  | { ok: false; reason: Text };

export interface RoomResult {
  /** Index among the document's detected rooms. */
  index: number;
  detected: DetectedRoom;
  /** "file:line" of the anchor call: one room per key across the workspace. */
  key: string;
  /** The scenario room that is estimated: from the code and assumptions, or the scenario file's override. */
  room?: Room;
  /** Why no room could be built from the code, when `room` is undefined. */
  reason?: Text;
  /** Assumptions made where the code does not tell (from detection's roomFromCode). */
  assumptions: Message[];
  override?: FileRoom;
  /** Computed on first use (`estimateRoom`). */
  estimate?: RoomEstimate;
}

export interface DocumentAnalysis {
  uri: string;
  file: string;
  version: number;
  generation: number;
  rooms: RoomResult[];
  notes: Message[];
  /** What detection found: reused when only the settings change (a new generation, same text). */
  detection: DetectionResult;
  /** Set when the analysis was abandoned (cancelled); such a result is never cached. */
  cancelled?: boolean;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A text that is the same in both languages (e.g. an exception message). */
export const same = (s: string): Text => ({ en: s, zh: s });

const NO_ROOM: Text = { en: 'no room could be built from this code', zh: '无法根据这段代码构建房间' };
const NO_COST: Text = { en: 'the engine returned no cost for this room', zh: '计费引擎没有返回此房间的费用' };

/** The validator's first complaint about a room, in plain words with its JSON path (both languages). */
function whyInvalid(room: Room): Text | undefined {
  const first = parseScenario({ version: 1, tariff: { region: 'mainland' }, rooms: [room] }).errors[0];
  return first ? { en: `${first.path}: ${first.message.en}`, zh: `${first.path}：${first.message.zh}` } : undefined;
}

function contains(r: SourceRange, line: number, character: number): boolean {
  if (line < r.start.line || line > r.end.line) return false;
  if (line === r.start.line && character < r.start.character) return false;
  if (line === r.end.line && character > r.end.character) return false;
  return true;
}

/** The room whose configuration covers the position (the innermost range wins). */
export function roomAt(analysis: DocumentAnalysis, line: number, character: number): RoomResult | undefined {
  let best: RoomResult | undefined;
  let bestSize = Infinity;
  for (const r of analysis.rooms) {
    for (const range of [r.detected.range, ...r.detected.ranges]) {
      if (!contains(range, line, character)) continue;
      const size = (range.end.line - range.start.line) * 100000 + (range.end.character - range.start.character);
      if (size < bestSize) {
        best = r;
        bestSize = size;
      }
    }
  }
  return best;
}

/** Finds the scenario-file room that overrides a detected room: same file and (same line or same name). */
export function findOverride(fileRooms: readonly FileRoom[], file: string, line1: number, name: string | undefined): FileRoom | undefined {
  const norm = (f: string) => f.replace(/\\/g, '/').replace(/^\.\//, '');
  const f = norm(file);
  for (const fr of fileRooms) {
    const src = fr.room.source;
    if (!src || norm(src.file) !== f) continue;
    if (src.line === line1 || (name !== undefined && fr.room.name === name)) return fr;
  }
  return undefined;
}

/**
 * Detects the document's rooms (unless `detected` is given: the same text seen before) and builds their scenario
 * rooms. Estimates are computed lazily by `estimateRoom`.
 * `isCancelled` is polled between rooms; a cancelled analysis is returned with `cancelled: true`.
 */
export function analyzeDocument(doc: DocumentInput, ctx: EstimateContext, isCancelled?: () => boolean, detected?: DetectionResult): DocumentAnalysis {
  const detection = detected ?? detectRooms(doc.text, doc.languageId, doc.file);
  const rooms: RoomResult[] = [];
  const analysis: DocumentAnalysis = { uri: doc.uri, file: doc.file, version: doc.version, generation: ctx.generation, rooms, notes: detection.notes, detection };
  detection.rooms.forEach((detected, index) => {
    if (analysis.cancelled || isCancelled?.()) {
      analysis.cancelled = true;
      return;
    }
    const line1 = detected.range.start.line + 1;
    const result: RoomResult = { index, detected, key: `${doc.file}:${line1}`, assumptions: [] };
    try {
      const built = roomFromCode(detected, ctx.assumptions, doc.file);
      result.assumptions = built.assumptions;
      result.room = built.room;
    } catch (e) {
      result.reason = same(errorText(e));
    }
    const override = findOverride(ctx.fileRooms, doc.file, line1, result.room?.name);
    if (override) {
      result.override = override;
      result.room = { ...override.room, source: override.room.source ?? result.room?.source };
      result.reason = undefined;
    }
    rooms.push(result);
  });
  return analysis;
}

/** A one-room (or many-room) scenario under the context's tariff, period and payment plan. */
export function scenarioOf(rooms: Room[], ctx: EstimateContext, name?: string): Scenario {
  const s: Scenario = { version: 1, tariff: ctx.tariff, rooms };
  if (name) s.name = name;
  if (ctx.period) s.period = ctx.period;
  if (ctx.payment) s.payment = ctx.payment;
  return s;
}

/**
 * Estimates of rooms by content, for one settings generation: after an edit, rooms whose configuration did not
 * change (same JSON, same name) are not billed again. Bounded; cleared when the generation changes.
 */
const memo = { generation: -1, byRoom: new Map<string, RoomEstimate>() };
const MEMO_LIMIT = 500;

/** The room's estimate under the context (cached on the room result and by room content). */
export function estimateRoom(r: RoomResult, ctx: EstimateContext): RoomEstimate {
  if (r.estimate) return r.estimate;
  if (!r.room) {
    r.estimate = { ok: false, reason: r.reason ?? NO_ROOM };
    return r.estimate;
  }
  if (memo.generation !== ctx.generation) {
    memo.generation = ctx.generation;
    memo.byRoom.clear();
  }
  const { source: _source, ...content } = r.room;
  const key = JSON.stringify(content);
  const hit = memo.byRoom.get(key);
  if (hit) {
    r.estimate = hit;
    return hit;
  }
  try {
    const bill = estimate(scenarioOf([r.room], ctx), { today: ctx.today, advice: false });
    const cost = bill.rooms[0];
    r.estimate = cost ? { ok: true, bill, cost } : { ok: false, reason: NO_COST };
  } catch (e) {
    r.estimate = { ok: false, reason: whyInvalid(r.room) ?? same(errorText(e)) };
  }
  if (memo.byRoom.size >= MEMO_LIMIT) memo.byRoom.delete(memo.byRoom.keys().next().value as string);
  memo.byRoom.set(key, r.estimate);
  return r.estimate;
}

/** Total participants of a room (all groups). */
export function usersOf(room: Room): number {
  return room.participants.reduce((n, g) => n + g.count, 0);
}

/** A room counted in the workspace total. */
export interface WorkspaceRoom {
  key: string;
  room: Room;
  /** Where it comes from: detected code (possibly overridden by the scenario file), or only the scenario file. */
  origin: 'code' | 'override' | 'file';
  /** The document's URI string, for rooms found in code. */
  uri?: string;
  file?: string;
  /** 1-based line of the anchor call. */
  line?: number;
}

/**
 * The workspace's rooms, each counted once: a room seen twice (the same anchor via two documents or scans, or two
 * code sites overridden by the same scenario-file room) is kept once; scenario-file rooms that match no code are added.
 */
export function workspaceRooms(analyses: Iterable<DocumentAnalysis>, ctx: EstimateContext, includeFileRooms = true): WorkspaceRoom[] {
  const out: WorkspaceRoom[] = [];
  const seen = new Set<string>();
  const usedOverrides = new Set<number>();
  const list = [...analyses].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const a of list) {
    for (const r of a.rooms) {
      if (!r.room || seen.has(r.key)) continue;
      seen.add(r.key);
      if (r.override) {
        if (usedOverrides.has(r.override.index)) continue;
        usedOverrides.add(r.override.index);
      }
      out.push({ key: r.key, room: r.room, origin: r.override ? 'override' : 'code', uri: a.uri, file: a.file, line: r.detected.range.start.line + 1 });
    }
  }
  for (const fr of includeFileRooms ? ctx.fileRooms : []) {
    if (usedOverrides.has(fr.index)) continue;
    out.push({ key: `scenario#${fr.index}`, room: fr.room, origin: 'file', file: fr.room.source?.file, line: fr.room.source?.line });
  }
  return out;
}

/** Room names must be unique in a scenario for `receive.from` references to stay unambiguous: suffix duplicates. */
export function uniqueNames(rooms: Room[]): Room[] {
  const count = new Map<string, number>();
  return rooms.map((room) => {
    const n = (count.get(room.name) ?? 0) + 1;
    count.set(room.name, n);
    return n === 1 ? room : { ...room, name: `${room.name} (${n})` };
  });
}
