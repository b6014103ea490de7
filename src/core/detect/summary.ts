// A compact, stable, JSON-friendly view of a detected room: what the CLI prints with --json and what
// the fixture corpus compares exactly. Resolutions read "1280x720", lines are 1-based.
import type { DetectedRoom, Fact } from './types';

export interface FactSummary {
  value?: unknown;
  candidates?: unknown[];
  from: 'explicit' | 'default' | 'unknown';
  /** 1-based line of the fact's range, when it has one. */
  line?: number;
  /** The other file the value is written in (a constant defined elsewhere); `line` is in that file. */
  file?: string;
  /** Why (English) for defaults and unknowns. */
  why?: string;
}

export interface RoomSummary {
  sdk: string;
  kit?: string;
  line: number;
  service: FactSummary;
  role: FactSummary;
  camera: FactSummary;
  screen: FactSummary;
  smallStream: FactSummary;
  recording: FactSummary;
  mixTranscoding: FactSummary;
  relay: FactSummary;
  /** What the client receives; only when the code says something other than the SDK default (all). */
  receive?: FactSummary;
}

function compact(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(compact);
  const o = v as Record<string, unknown>;
  if (typeof o.width === 'number' && typeof o.height === 'number' && Object.keys(o).length === 2) return `${o.width}x${o.height}`;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = compact(o[k]);
  return out;
}

export function summarizeFact(f: Fact<unknown>): FactSummary {
  const s: FactSummary = { from: f.provenance.kind };
  if (f.value !== undefined) s.value = compact(f.value);
  if (f.candidates) s.candidates = f.candidates.map(compact);
  const range = f.provenance.range;
  if (range) s.line = range.start.line + 1;
  if (f.provenance.kind === 'explicit' && f.provenance.file) s.file = f.provenance.file;
  if (f.provenance.kind !== 'explicit') s.why = f.provenance.reason.en;
  return s;
}

export function summarizeRoom(room: DetectedRoom): RoomSummary {
  const s: RoomSummary = {
    sdk: room.sdk,
    line: room.range.start.line + 1,
    service: summarizeFact(room.service),
    role: summarizeFact(room.role),
    camera: summarizeFact(room.camera),
    screen: summarizeFact(room.screen),
    smallStream: summarizeFact(room.smallStream),
    recording: summarizeFact(room.recording),
    mixTranscoding: summarizeFact(room.mixTranscoding),
    relay: summarizeFact(room.relay),
  };
  if (room.kit) s.kit = room.kit;
  // Omitted for the default, so summaries of rooms that receive everything keep their shape.
  if (
    room.receive &&
    !(room.receive.value === 'all' && room.receive.provenance.kind === 'default' && !room.receive.provenance.range && !room.receive.candidates)
  )
    s.receive = summarizeFact(room.receive);
  return s;
}
