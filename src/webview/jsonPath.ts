// The calculator edits the scenario *file* value (what the CLI reads) in place: unknown fields survive,
// the text saved is the text loaded plus the user's edits, and parseScenario judges it with JSON paths.
// This module holds JSON-path helpers, SDK resolution presets and templates for new rooms and groups.
// No pricing here: every number shown comes from the core engine.

export type Seg = string | number;
export type Path = Seg[];
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** ["rooms", 0, "count"] → "$.rooms[0].count" (the format of Problem.path). */
export function pathString(path: Path): string {
  let out = '$';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`;
  return out;
}

/** "$.rooms[0]['a b'].count" → ["rooms", 0, "a b", "count"]. Undefined if it does not look like a JSON path. */
export function parsePath(text: string): Path | undefined {
  if (!text.startsWith('$')) return undefined;
  const out: Path = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\]/y;
  let i = 1;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push((m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1'));
    i = re.lastIndex;
  }
  return out;
}

export function getAt(root: unknown, path: Path): unknown {
  let cur = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isObject(cur)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

/** Set (or with `undefined`, delete) the value at `path`, creating objects on the way. */
export function setAt(root: JsonObject, path: Path, value: Json | undefined): void {
  let cur: Json = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    const nextIsIndex = typeof path[i + 1] === 'number';
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return;
      if (cur[seg] === undefined || cur[seg] === null || typeof cur[seg] !== 'object') cur[seg] = nextIsIndex ? [] : {};
      cur = cur[seg]!;
    } else {
      if (!isObject(cur)) return;
      const next: Json | undefined = cur[seg];
      if (next === undefined || next === null || typeof next !== 'object') cur[seg] = nextIsIndex ? [] : {};
      cur = cur[seg]!;
    }
  }
  const last = path[path.length - 1]!;
  if (typeof last === 'number') {
    if (!Array.isArray(cur)) return;
    if (value === undefined) cur.splice(last, 1);
    else cur[last] = value;
  } else if (isObject(cur)) {
    if (value === undefined) delete cur[last];
    else cur[last] = value;
  }
}

export function clone<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

// ---------------------------------------------------------------------------------------------
// Resolutions
// ---------------------------------------------------------------------------------------------

/** TRTC SDK TRTCVideoResolution presets (landscape; portrait mode swaps W and H, same area) plus 2K and 4K. */
export const RESOLUTION_PRESETS: { group: '16:9' | '4:3' | '1:1'; value: string; label: string }[] = [
  { group: '16:9', value: '160x90', label: '160×90' },
  { group: '16:9', value: '256x144', label: '256×144' },
  { group: '16:9', value: '320x180', label: '320×180' },
  { group: '16:9', value: '480x270', label: '480×270' },
  { group: '16:9', value: '640x360', label: '640×360 (360p)' },
  { group: '16:9', value: '960x540', label: '960×540 (540p)' },
  { group: '16:9', value: '1280x720', label: '1280×720 (720p)' },
  { group: '16:9', value: '1920x1080', label: '1920×1080 (1080p)' },
  { group: '16:9', value: '2560x1440', label: '2560×1440 (2K)' },
  { group: '16:9', value: '3840x2160', label: '3840×2160 (4K)' },
  { group: '4:3', value: '160x120', label: '160×120' },
  { group: '4:3', value: '240x180', label: '240×180' },
  { group: '4:3', value: '280x210', label: '280×210' },
  { group: '4:3', value: '320x240', label: '320×240' },
  { group: '4:3', value: '400x300', label: '400×300' },
  { group: '4:3', value: '480x360', label: '480×360' },
  { group: '4:3', value: '640x480', label: '640×480 (480p)' },
  { group: '4:3', value: '960x720', label: '960×720' },
  { group: '1:1', value: '120x120', label: '120×120' },
  { group: '1:1', value: '160x160', label: '160×160' },
  { group: '1:1', value: '270x270', label: '270×270' },
  { group: '1:1', value: '480x480', label: '480×480' },
];

const PRESET_SET = new Set(RESOLUTION_PRESETS.map((p) => p.value));

export function isPreset(v: string): boolean {
  return PRESET_SET.has(v);
}

/** "1280x720" (also "1280×720", "1280*720", {width,height}) → [w, h] as typed; undefined if not that shape. */
export function splitResolution(v: unknown): [string, string] | undefined {
  if (typeof v === 'string') {
    const m = /^\s*([^x×*X]*?)\s*[x×*X]\s*(.*?)\s*$/.exec(v);
    return m ? [m[1]!, m[2]!] : undefined;
  }
  if (isObject(v)) return [String(v.width ?? ''), String(v.height ?? '')];
  return undefined;
}

/** Normalise a resolution as the file writes it: "WxH". */
export function resolutionText(v: unknown): string | undefined {
  const p = splitResolution(v);
  return p ? `${p[0]}x${p[1]}` : undefined;
}

const RESOLUTION_KEYS = new Set(['camera', 'screen', 'smallStream', 'output']);

/**
 * A Scenario object as the engine types it (resolutions as {width, height}) → the file form the CLI reads
 * (resolutions as "WIDTHxHEIGHT"). Anything already in file form is left alone.
 */
export function toFileForm(value: unknown): unknown {
  const walk = (x: unknown, key: string | undefined): unknown => {
    if (Array.isArray(x)) return x.map((v) => walk(v, undefined));
    if (isObject(x)) {
      if (key && RESOLUTION_KEYS.has(key) && typeof x.width === 'number' && typeof x.height === 'number' && Object.keys(x).length === 2) {
        return `${x.width}x${x.height}`;
      }
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(x)) out[k] = walk(v, k) as Json;
      return out;
    }
    return x;
  };
  return walk(value, undefined);
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

/** A new group; `name` defaults to the engine's "group N" (the panel passes its language's). */
export function newGroup(index: number, role: 'anchor' | 'audience' = 'anchor', name = `group ${index + 1}`): JsonObject {
  return role === 'anchor'
    ? { name, count: 2, role: 'anchor', publish: { camera: '1280x720', audio: true }, receive: 'all' }
    : { name, count: 10, role: 'audience', publish: {}, receive: 'all' };
}

export function newRoom(index: number, service = 'video-call'): JsonObject {
  const live = service === 'video-live' || service === 'voice-live';
  const voice = service === 'voice-call' || service === 'voice-live';
  const anchor: JsonObject = voice
    ? { name: 'anchors', count: live ? 1 : 2, role: 'anchor', publish: { audio: true }, receive: 'all' }
    : { name: 'anchors', count: live ? 1 : 2, role: 'anchor', publish: { camera: '1280x720', audio: true }, receive: 'all' };
  const participants: Json[] = [anchor];
  if (live) participants.push({ name: 'audience', count: 50, role: 'audience', publish: {}, receive: 'all' });
  return { name: `Room ${index + 1}`, service, sessionsPerDay: 10, minutesPerSession: 30, participants };
}

/** The scenario a fresh calculator starts with: one 1-to-1 720p video call, international book. */
export function newScenario(name: string): JsonObject {
  return {
    version: 1,
    name,
    tariff: { region: 'international' },
    period: { days: 30 },
    rooms: [newRoom(0)],
    payment: { freeMinutes: true },
  };
}

/** Names of the groups of a room (defaults as the engine names them: "group N"). */
export function groupNames(room: unknown): string[] {
  const ps = isObject(room) && Array.isArray(room.participants) ? room.participants : [];
  return ps.map((g, i) => (isObject(g) && typeof g.name === 'string' && g.name.trim() ? g.name : `group ${i + 1}`));
}

/** The scenario's display name: its `name`, else the file name, else a fallback. */
export function scenarioName(value: unknown, fileName: string | undefined, fallback: string): string {
  if (isObject(value) && typeof value.name === 'string' && value.name.trim()) return value.name.trim();
  if (fileName) return fileName.replace(/\.json$/i, '');
  return fallback;
}

/** Pretty JSON as saved to disk (2 spaces, trailing newline). */
export function fileText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** A raw text field → the JSON value to store: a number when it reads as one, the raw text otherwise (the engine then reports it). */
export function numberFromInput(raw: string): Json | undefined {
  const t = raw.trim().replace(/[,_\s]/g, '');
  if (t === '') return undefined;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n)) return n;
  }
  return raw;
}

/** A stable DOM id from a JSON path ("$.rooms[0].count" → "f-rooms-0-count"). */
export function idFor(path: string, suffix = ''): string {
  return (
    'f' +
    path
      .slice(1)
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/-+$/, '') +
    suffix
  );
}

/** Where a room came from in the code, if the scenario says (a 1-based line, and a column if given). */
export function roomSource(value: unknown, room: number): { file: string; line: number; column?: number } | undefined {
  const rooms = isObject(value) && Array.isArray(value.rooms) ? value.rooms : [];
  const r = rooms[room];
  const src = isObject(r) && isObject(r.source) ? r.source : undefined;
  if (!src || typeof src.file !== 'string' || !src.file || typeof src.line !== 'number' || !Number.isInteger(src.line) || src.line < 1) return undefined;
  const out: { file: string; line: number; column?: number } = { file: src.file, line: src.line };
  if (typeof src.column === 'number' && Number.isInteger(src.column) && src.column >= 1) out.column = src.column;
  return out;
}
