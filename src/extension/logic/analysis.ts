// The extension's view of the project model (src/core/project) for one document: its call sites, each shown with
// the logical room it belongs to. Pure (no `vscode` import), so the same code runs in the desktop and web hosts and
// in the benchmark. Grouping and billing come from the core; this module only maps positions to rooms.

import type { DetectedRoom, DetectionResult, Message, Room, Scenario, SourceRange, Text } from '../../core';
import {
  analyzeProject,
  estimateRoomAlone,
  projectScenario,
  type RoomEstimate,
  type FileFacts,
  type FileRoom,
  type LogicalRoom,
  type ProjectAnalysis,
  type ProjectSettings,
} from '../../core/project';
import { detectFileWith, type SymbolTable } from '../../core/project/crossfile';

export type { FileRoom } from '../../core/project';

/** Everything an estimate depends on besides the code (the project settings after precedence). A new `generation` invalidates every cache. */
export interface EstimateContext extends ProjectSettings {
  generation: number;
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

export type { RoomEstimate } from '../../core/project';

/** A call site of the document, with the logical room it belongs to. */
export interface RoomResult {
  /** Index among the document's detected rooms. */
  index: number;
  detected: DetectedRoom;
  /** "file:line" of the anchor call: the call site's key in the project. */
  key: string;
  /** The logical room this call site is part of (in the workspace project, or in this file alone). */
  logical?: LogicalRoom;
  /** The scenario room that is estimated: the logical room's. */
  room?: Room;
  /** Why no room could be built, when `room` is undefined. */
  reason?: Text;
  /** Assumptions made where the code does not tell. */
  assumptions: Message[];
  /** Why this site is counted with others, what was attached, what the project file changed. */
  grouping: Message[];
  override?: FileRoom;
  /** Computed on first use (`estimateRoom`). */
  estimate?: RoomEstimate;
}

export interface DocumentAnalysis {
  uri: string;
  file: string;
  version: number;
  generation: number;
  /** This document's call sites, as the document alone groups them (until the workspace project is known). */
  rooms: RoomResult[];
  notes: Message[];
  /** What detection found: reused when only the settings change (a new generation, same text). */
  detection: DetectionResult;
  /** The document's facts for the project model. */
  facts: FileFacts;
  /** Set when the analysis was abandoned (cancelled); such a result is never cached. */
  cancelled?: boolean;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A text that is the same in both languages (e.g. an exception message). */
export const same = (s: string): Text => ({ en: s, zh: s });

function contains(r: SourceRange, line: number, character: number): boolean {
  if (line < r.start.line || line > r.end.line) return false;
  if (line === r.start.line && character < r.start.character) return false;
  if (line === r.end.line && character > r.end.character) return false;
  return true;
}

/** The call among a room's `sameAs` (another call entering the same room, counted with it) at a position, if any. */
export function sameAsAt(r: RoomResult, line: number, character: number): SourceRange | undefined {
  return r.detected.sameAs?.find((range) => contains(range, line, character));
}

/** The call site whose configuration covers the position (the innermost range wins). */
export function roomAt(rooms: readonly RoomResult[], line: number, character: number): RoomResult | undefined {
  let best: RoomResult | undefined;
  let bestSize = Infinity;
  for (const r of rooms) {
    for (const range of [r.detected.range, ...r.detected.ranges, ...(r.detected.sameAs ?? [])]) {
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

/** The document's call sites shown with their logical rooms in `project` (sites the project lacks keep `fallback`'s). */
export function siteRooms(a: DocumentAnalysis, project: ProjectAnalysis, fallback: readonly RoomResult[] = a.rooms): RoomResult[] {
  return a.detection.rooms.map((detected, index) => {
    const key = `${a.file}:${detected.range.start.line + 1}`;
    const logical = project.roomOfSite.get(key);
    if (!logical) return fallback[index] ?? { index, detected, key, assumptions: [], grouping: [] };
    return {
      index,
      detected,
      key,
      logical,
      room: logical.room,
      reason: logical.reason,
      assumptions: logical.assumptions,
      grouping: logical.grouping,
      override: logical.override,
    };
  });
}

/**
 * Detects the document's call sites (unless `detected` is given: the same text seen before) and groups them as the
 * document alone would (the workspace project regroups them with the other files). Estimates are computed lazily.
 * `isCancelled` is polled before grouping; a cancelled analysis is returned with `cancelled: true`.
 */
export function analyzeDocument(
  doc: DocumentInput,
  ctx: EstimateContext,
  isCancelled?: () => boolean,
  detected?: DetectionResult | FileFacts,
  /** Constants of the other files of the workspace, for names this document uses without defining them. */
  symbols?: SymbolTable,
  /** The workspace's functions that enter a room, whose calls this document may make. */
  wrappers?: ReadonlySet<string>,
): DocumentAnalysis {
  let facts: FileFacts;
  if (detected && 'detection' in detected) facts = { ...detected, file: doc.file };
  else if (detected) facts = { file: doc.file, languageId: doc.languageId, detection: detected, calls: [] };
  else facts = detectFileWith(doc.file, doc.languageId, doc.text, symbols, wrappers);
  const analysis: DocumentAnalysis = {
    uri: doc.uri,
    file: doc.file,
    version: doc.version,
    generation: ctx.generation,
    rooms: [],
    notes: facts.detection.notes,
    detection: facts.detection,
    facts,
  };
  if (isCancelled?.()) {
    analysis.cancelled = true;
    return analysis;
  }
  const local = analyzeProject([facts], ctx);
  analysis.rooms = siteRooms(analysis, local, []);
  return analysis;
}

/** A one-room (or many-room) scenario under the context's tariff, period and payment plan. */
export function scenarioOf(rooms: Room[], ctx: EstimateContext, name?: string): Scenario {
  return projectScenario(rooms, ctx, name);
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
    r.estimate = estimateRoomAlone(undefined, r.reason, ctx);
    return r.estimate;
  }
  if (memo.generation !== ctx.generation) {
    memo.generation = ctx.generation;
    memo.byRoom.clear();
  }
  const { source: _source, ...content } = r.room;
  // The room's edition-gated calls add the package they need, as the CLI's estimate of the same logical room does.
  const features = r.logical?.features;
  const key = JSON.stringify(content) + (features ? JSON.stringify(features) : '');
  const hit = memo.byRoom.get(key);
  if (hit) {
    r.estimate = hit;
    return hit;
  }
  r.estimate = estimateRoomAlone(r.room, r.reason, ctx, features);
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
  /** The logical room's id. */
  key: string;
  room: Room;
  /** Where it comes from: detected code (possibly overridden by the project file), or only the project file. */
  origin: 'code' | 'override' | 'file';
  /** The document's URI string of its first call site, for rooms found in code. */
  uri?: string;
  file?: string;
  /** 1-based line of the first call site. */
  line?: number;
  logical: LogicalRoom;
}
