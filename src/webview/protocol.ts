// The message protocol between the calculator panel host (src/extension/panel) and its webview (src/webview).
// One file, imported by both sides, so a message that type-checks on one side type-checks on the other.
// Every message that crosses the boundary is validated at run time with the `parse…` functions below:
// a message that does not match is dropped (the caller logs it), never half-trusted.
// No `vscode` import and no DOM use: this module runs in the Node extension host and in the browser.

/** Protocol version; both sides compare it in the ready/init handshake. */
export const PROTOCOL_VERSION = 1;

/** The panel's view type (also the serializer key and the `onWebviewPanel:` activation event). */
export const VIEW_TYPE = 'trtcCost.calculator';

export type UiLocale = 'en' | 'zh-cn';

/** One scenario as the panel holds it: the scenario JSON value exactly as the CLI reads it, plus where it lives. */
export interface ScenarioDoc {
  /** The scenario document (file form: resolutions as "WIDTHxHEIGHT" strings). Kept as an opaque JSON value. */
  value: unknown;
  /** File it was loaded from or saved to (a URI string), if any. */
  uri?: string;
  /** Short display name of that file. */
  fileName?: string;
}

export type ExportFormat = 'markdown' | 'csv' | 'json';

/** Limits that keep a malicious or broken message from doing harm (the host writes these texts to disk). */
export const MAX_TEXT = 20 * 1024 * 1024;
const MAX_ID = 100;
const MAX_NAME = 260;
const MAX_LOG = 10_000;
const MAX_DOCS = 50;

// ---------------------------------------------------------------------------------------------
// Webview → host
// ---------------------------------------------------------------------------------------------

export type WebviewMessage =
  /** The webview has loaded and listens: the host answers with `init`. */
  | { type: 'ready'; protocol: number }
  /** Save a scenario. `saveAs` always asks for a file; otherwise `uri` is the file to write (the host asks before overwriting). */
  | { type: 'save'; requestId: string; text: string; suggestedName: string; uri?: string; saveAs: boolean }
  /** Ask the user for a scenario file to load. */
  | { type: 'open'; requestId: string }
  /** Put text on the clipboard. */
  | { type: 'copy'; requestId: string; text: string; what: ExportFormat }
  /** Ask for a file name and write the text there. */
  | { type: 'export'; requestId: string; format: ExportFormat; text: string; suggestedName: string }
  /** Open the file a room came from at the given 1-based line. */
  | { type: 'reveal'; file: string; line: number; column?: number }
  /** Reply to `ping`, carrying a summary of what the panel shows (tests and diagnostics). */
  | { type: 'pong'; requestId: string; summary: PanelSummary }
  /** A log line for the host's output channel. */
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

export interface PanelSummary {
  scenarios: number;
  active: number;
  names: string[];
  /** Exact total of the active scenario's last valid bill, or null. */
  total: string | null;
  currency: string | null;
  errors: number;
  /** The language the panel speaks. */
  locale: UiLocale;
}

// ---------------------------------------------------------------------------------------------
// Host → webview
// ---------------------------------------------------------------------------------------------

export type HostMessage =
  /** Answer to `ready`. `docs` prefill the panel (added as new scenarios, or replacing a pristine blank one). */
  | { type: 'init'; protocol: number; locale: UiLocale; docs: ScenarioDoc[]; today?: string }
  /** Add scenarios to an open panel (e.g. from a CodeLens click), and show the first. */
  | { type: 'add'; docs: ScenarioDoc[] }
  /** A file the user chose to load. */
  | { type: 'opened'; requestId: string; doc: ScenarioDoc }
  /** Outcome of save/open/copy/export. `cancelled` when the user backed out. */
  | { type: 'done'; requestId: string; ok: boolean; cancelled?: boolean; message?: string; uri?: string; fileName?: string }
  /** Ask the webview for a summary (`pong`). */
  | { type: 'ping'; requestId: string };

// ---------------------------------------------------------------------------------------------
// Run-time validation
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function str(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length <= max;
}
function optStr(x: unknown, max: number): boolean {
  return x === undefined || str(x, max);
}
function int(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}
function oneOf<T extends string>(x: unknown, values: readonly T[]): x is T {
  return typeof x === 'string' && (values as readonly string[]).includes(x);
}
/** Only the listed keys are allowed (plus `type`): an extra key means the sender speaks another protocol. */
function onlyKeys(o: Obj, keys: readonly string[]): boolean {
  for (const k of Object.keys(o)) if (k !== 'type' && !keys.includes(k)) return false;
  return true;
}

const FORMATS: readonly ExportFormat[] = ['markdown', 'csv', 'json'];
const LEVELS = ['info', 'warn', 'error'] as const;
const LOCALES: readonly UiLocale[] = ['en', 'zh-cn'];

function isSummary(x: unknown): x is PanelSummary {
  if (!isObj(x)) return false;
  return (
    int(x.scenarios, 0, 10_000) &&
    int(x.active, -1, 10_000) &&
    Array.isArray(x.names) &&
    x.names.length <= 10_000 &&
    x.names.every((n) => str(n, 10_000)) &&
    (x.total === null || str(x.total, 1000)) &&
    (x.currency === null || str(x.currency, 10)) &&
    int(x.errors, 0, 1_000_000) &&
    oneOf(x.locale, LOCALES)
  );
}

function isJsonValue(x: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return true;
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every((v) => isJsonValue(v, depth + 1));
  if (isObj(x)) return Object.values(x).every((v) => isJsonValue(v, depth + 1));
  return false;
}

function isDoc(x: unknown): x is ScenarioDoc {
  return isObj(x) && onlyKeys(x, ['value', 'uri', 'fileName']) && isJsonValue(x.value) && optStr(x.uri, 4096) && optStr(x.fileName, MAX_NAME);
}

function isDocs(x: unknown): x is ScenarioDoc[] {
  return Array.isArray(x) && x.length <= MAX_DOCS && x.every(isDoc);
}

/** Validate a message from the webview. Returns undefined for anything that is not exactly a known message. */
export function parseWebviewMessage(x: unknown): WebviewMessage | undefined {
  if (!isObj(x) || typeof x.type !== 'string') return undefined;
  const m = x;
  switch (m.type) {
    case 'ready':
      return onlyKeys(m, ['protocol']) && int(m.protocol, 0, 1000) ? { type: 'ready', protocol: m.protocol } : undefined;
    case 'save':
      if (
        onlyKeys(m, ['requestId', 'text', 'suggestedName', 'uri', 'saveAs']) &&
        str(m.requestId, MAX_ID) &&
        str(m.text, MAX_TEXT) &&
        str(m.suggestedName, MAX_NAME) &&
        optStr(m.uri, 4096) &&
        typeof m.saveAs === 'boolean'
      ) {
        const out: WebviewMessage = { type: 'save', requestId: m.requestId, text: m.text, suggestedName: m.suggestedName, saveAs: m.saveAs };
        if (typeof m.uri === 'string') out.uri = m.uri;
        return out;
      }
      return undefined;
    case 'open':
      return onlyKeys(m, ['requestId']) && str(m.requestId, MAX_ID) ? { type: 'open', requestId: m.requestId } : undefined;
    case 'copy':
      return onlyKeys(m, ['requestId', 'text', 'what']) && str(m.requestId, MAX_ID) && str(m.text, MAX_TEXT) && oneOf(m.what, FORMATS)
        ? { type: 'copy', requestId: m.requestId, text: m.text, what: m.what }
        : undefined;
    case 'export':
      return onlyKeys(m, ['requestId', 'format', 'text', 'suggestedName']) &&
        str(m.requestId, MAX_ID) &&
        oneOf(m.format, FORMATS) &&
        str(m.text, MAX_TEXT) &&
        str(m.suggestedName, MAX_NAME)
        ? { type: 'export', requestId: m.requestId, format: m.format, text: m.text, suggestedName: m.suggestedName }
        : undefined;
    case 'reveal': {
      if (!onlyKeys(m, ['file', 'line', 'column']) || !str(m.file, 4096) || m.file.length === 0 || !int(m.line, 1, 10_000_000)) return undefined;
      if (m.column !== undefined && !int(m.column, 1, 10_000_000)) return undefined;
      const out: WebviewMessage = { type: 'reveal', file: m.file, line: m.line };
      if (typeof m.column === 'number') out.column = m.column;
      return out;
    }
    case 'pong':
      return onlyKeys(m, ['requestId', 'summary']) && str(m.requestId, MAX_ID) && isSummary(m.summary)
        ? { type: 'pong', requestId: m.requestId, summary: m.summary }
        : undefined;
    case 'log':
      return onlyKeys(m, ['level', 'message']) && oneOf(m.level, LEVELS) && str(m.message, MAX_LOG)
        ? { type: 'log', level: m.level, message: m.message }
        : undefined;
    default:
      return undefined;
  }
}

/** Validate a message from the host. Returns undefined for anything that is not exactly a known message. */
export function parseHostMessage(x: unknown): HostMessage | undefined {
  if (!isObj(x) || typeof x.type !== 'string') return undefined;
  const m = x;
  switch (m.type) {
    case 'init':
      if (onlyKeys(m, ['protocol', 'locale', 'docs', 'today']) && int(m.protocol, 0, 1000) && oneOf(m.locale, LOCALES) && isDocs(m.docs) && optStr(m.today, 10)) {
        const out: HostMessage = { type: 'init', protocol: m.protocol, locale: m.locale, docs: m.docs };
        if (typeof m.today === 'string') out.today = m.today;
        return out;
      }
      return undefined;
    case 'add':
      return onlyKeys(m, ['docs']) && isDocs(m.docs) ? { type: 'add', docs: m.docs } : undefined;
    case 'opened':
      return onlyKeys(m, ['requestId', 'doc']) && str(m.requestId, MAX_ID) && isDoc(m.doc) ? { type: 'opened', requestId: m.requestId, doc: m.doc } : undefined;
    case 'done': {
      if (
        !onlyKeys(m, ['requestId', 'ok', 'cancelled', 'message', 'uri', 'fileName']) ||
        !str(m.requestId, MAX_ID) ||
        typeof m.ok !== 'boolean' ||
        (m.cancelled !== undefined && typeof m.cancelled !== 'boolean') ||
        !optStr(m.message, MAX_LOG) ||
        !optStr(m.uri, 4096) ||
        !optStr(m.fileName, MAX_NAME)
      )
        return undefined;
      const out: HostMessage = { type: 'done', requestId: m.requestId, ok: m.ok };
      if (typeof m.cancelled === 'boolean') out.cancelled = m.cancelled;
      if (typeof m.message === 'string') out.message = m.message;
      if (typeof m.uri === 'string') out.uri = m.uri;
      if (typeof m.fileName === 'string') out.fileName = m.fileName;
      return out;
    }
    case 'ping':
      return onlyKeys(m, ['requestId']) && str(m.requestId, MAX_ID) ? { type: 'ping', requestId: m.requestId } : undefined;
    default:
      return undefined;
  }
}

/** A short description of an invalid message for logs (never the whole payload). */
export function describeMessage(x: unknown): string {
  if (isObj(x)) return `type=${JSON.stringify(String(x.type)).slice(0, 60)} keys=${Object.keys(x).slice(0, 10).join(',')}`;
  return typeof x;
}
