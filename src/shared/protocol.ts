// The calculator's protocol between the panel host (src/extension/panel) and its webview (src/webview).
// Each message kind is declared once, with its run-time validator beside it (see ./ipc.ts); the unions
// `WebviewMessage` and `HostMessage` and the parsers both sides use are derived from those declarations.
// A message that does not validate is dropped (the receiver logs it), never half-trusted.
// No `vscode` import, no DOM, no Node built-ins: this module runs in the extension host and in the browser.
import {
  IpcCommand,
  IpcNotification,
  IpcRequest,
  describeMessage,
  int,
  isJsonValue,
  isObj,
  oneOf,
  optStr,
  parserFor,
  str,
  withOptional,
  type MessageOf,
  type ResponseOf,
} from './ipc';

export { describeMessage };
export type { MessageOf, ResponseOf };

/** Protocol version; both sides compare it in the ready/init handshake. */
export const PROTOCOL_VERSION = 1;

/** The panel's view type (also the serializer key and the `onWebviewPanel:` activation event). */
export const VIEW_TYPE = 'trtcCost.calculator';

export type UiLocale = 'en' | 'zh-cn';

/** One scenario as the panel holds it: the scenario JSON value exactly as the CLI reads it, plus where it lives. */
export interface PanelScenario {
  /** The scenario document (file form: resolutions as "WIDTHxHEIGHT" strings). Kept as an opaque JSON value. */
  value: unknown;
  /** File it was loaded from or saved to (a URI string), if any. */
  uri?: string;
  /** Short display name of that file. */
  fileName?: string;
}

export type ExportFormat = 'markdown' | 'csv' | 'json';
export type LogLevel = 'info' | 'warn' | 'error';

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

/** Limits that keep a malicious or broken message from doing harm (the host writes these texts to disk). */
export const MAX_TEXT = 20 * 1024 * 1024;
const MAX_ID = 100;
const MAX_NAME = 260;
const MAX_URI = 4096;
const MAX_LOG = 10_000;
const MAX_DOCS = 50;

const FORMATS: readonly ExportFormat[] = ['markdown', 'csv', 'json'];
const LEVELS: readonly LogLevel[] = ['info', 'warn', 'error'];
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

function isDoc(x: unknown): x is PanelScenario {
  if (!isObj(x) || !isJsonValue(x.value) || !optStr(x.uri, MAX_URI) || !optStr(x.fileName, MAX_NAME)) return false;
  return Object.keys(x).every((k) => k === 'value' || k === 'uri' || k === 'fileName');
}

function isDocs(x: unknown): x is PanelScenario[] {
  return Array.isArray(x) && x.length <= MAX_DOCS && x.every(isDoc);
}

const isRequestId = (x: unknown): x is string => str(x, MAX_ID);

/**
 * The translations the webview speaks, as `vscode.l10n.bundle` holds them (English message → translation;
 * l10n/bundle.l10n.zh-cn.json). Absent: the webview shows the English messages themselves.
 */
export type L10nBundle = Record<string, string>;

const MAX_BUNDLE_ENTRIES = 20_000;
const MAX_BUNDLE_TEXT = 10_000;

function isBundle(x: unknown): x is L10nBundle {
  if (!isObj(x)) return false;
  const entries = Object.entries(x);
  return entries.length <= MAX_BUNDLE_ENTRIES && entries.every(([k, v]) => k.length <= MAX_BUNDLE_TEXT && str(v, MAX_BUNDLE_TEXT));
}

// ---------------------------------------------------------------------------------------------
// Host → webview notifications (and the answers to the webview's requests)
// ---------------------------------------------------------------------------------------------

/** Answer to `ready`. `docs` prefill the panel (added as new scenarios, or replacing a pristine blank one). */
export const InitNotification = new IpcNotification(
  'init',
  (m): { protocol: number; locale: UiLocale; docs: PanelScenario[]; today?: string; l10n?: L10nBundle } | undefined =>
    int(m.protocol, 0, 1000) && oneOf(m.locale, LOCALES) && isDocs(m.docs) && optStr(m.today, 10) && (m.l10n === undefined || isBundle(m.l10n))
      ? withOptional({ protocol: m.protocol, locale: m.locale, docs: m.docs }, m, 'today', 'l10n')
      : undefined,
  ['protocol', 'locale', 'docs', 'today', 'l10n'],
);

/** Add scenarios to an open panel (e.g. from a CodeLens click), and show the first. */
export const AddNotification = new IpcNotification('add', (m): { docs: PanelScenario[] } | undefined => (isDocs(m.docs) ? { docs: m.docs } : undefined), [
  'docs',
]);

/** A file the user chose to load (answer to `open`). */
export const OpenedResponse = new IpcNotification(
  'opened',
  (m): { requestId: string; doc: PanelScenario } | undefined => (isRequestId(m.requestId) && isDoc(m.doc) ? { requestId: m.requestId, doc: m.doc } : undefined),
  ['requestId', 'doc'],
);

/** Outcome of save/open/copy/export. `cancelled` when the user backed out. */
export const DoneResponse = new IpcNotification(
  'done',
  (m): { requestId: string; ok: boolean; cancelled?: boolean; message?: string; uri?: string; fileName?: string } | undefined =>
    isRequestId(m.requestId) &&
    typeof m.ok === 'boolean' &&
    (m.cancelled === undefined || typeof m.cancelled === 'boolean') &&
    optStr(m.message, MAX_LOG) &&
    optStr(m.uri, MAX_URI) &&
    optStr(m.fileName, MAX_NAME)
      ? withOptional({ requestId: m.requestId, ok: m.ok }, m, 'cancelled', 'message', 'uri', 'fileName')
      : undefined,
  ['requestId', 'ok', 'cancelled', 'message', 'uri', 'fileName'],
);

// ---------------------------------------------------------------------------------------------
// Webview → host
// ---------------------------------------------------------------------------------------------

/** The webview has loaded and listens: the host answers with `init`. */
export const ReadyCommand = new IpcCommand(
  'ready',
  (m): { protocol: number } | undefined => (int(m.protocol, 0, 1000) ? { protocol: m.protocol } : undefined),
  ['protocol'],
);

/** Open the file a room came from at the given 1-based line. */
export const RevealCommand = new IpcCommand(
  'reveal',
  (m): { file: string; line: number; column?: number } | undefined =>
    str(m.file, MAX_URI) && m.file.length > 0 && int(m.line, 1, 10_000_000) && (m.column === undefined || int(m.column, 1, 10_000_000))
      ? withOptional({ file: m.file, line: m.line }, m, 'column')
      : undefined,
  ['file', 'line', 'column'],
);

/** A log line for the host's output channel. */
export const LogCommand = new IpcCommand(
  'log',
  (m): { level: LogLevel; message: string } | undefined =>
    oneOf(m.level, LEVELS) && str(m.message, MAX_LOG) ? { level: m.level, message: m.message } : undefined,
  ['level', 'message'],
);

/** Save a scenario. `saveAs` always asks for a file; otherwise `uri` is the file to write (the host asks before overwriting). */
export const SaveRequest = new IpcRequest(
  'save',
  (m): { requestId: string; text: string; suggestedName: string; uri?: string; saveAs: boolean } | undefined =>
    isRequestId(m.requestId) && str(m.text, MAX_TEXT) && str(m.suggestedName, MAX_NAME) && optStr(m.uri, MAX_URI) && typeof m.saveAs === 'boolean'
      ? withOptional({ requestId: m.requestId, text: m.text, suggestedName: m.suggestedName, saveAs: m.saveAs }, m, 'uri')
      : undefined,
  ['requestId', 'text', 'suggestedName', 'uri', 'saveAs'],
  [DoneResponse],
);

/** Ask the user for a scenario file to load. */
export const OpenRequest = new IpcRequest(
  'open',
  (m): { requestId: string } | undefined => (isRequestId(m.requestId) ? { requestId: m.requestId } : undefined),
  ['requestId'],
  [OpenedResponse, DoneResponse],
);

/** Put text on the clipboard. */
export const CopyRequest = new IpcRequest(
  'copy',
  (m): { requestId: string; text: string; what: ExportFormat } | undefined =>
    isRequestId(m.requestId) && str(m.text, MAX_TEXT) && oneOf(m.what, FORMATS) ? { requestId: m.requestId, text: m.text, what: m.what } : undefined,
  ['requestId', 'text', 'what'],
  [DoneResponse],
);

/** Ask for a file name and write the text there. */
export const ExportRequest = new IpcRequest(
  'export',
  (m): { requestId: string; format: ExportFormat; text: string; suggestedName: string } | undefined =>
    isRequestId(m.requestId) && oneOf(m.format, FORMATS) && str(m.text, MAX_TEXT) && str(m.suggestedName, MAX_NAME)
      ? { requestId: m.requestId, format: m.format, text: m.text, suggestedName: m.suggestedName }
      : undefined,
  ['requestId', 'format', 'text', 'suggestedName'],
  [DoneResponse],
);

/** The answer to `ping`: a summary of what the panel shows (tests and diagnostics). */
export const PongResponse = new IpcCommand(
  'pong',
  (m): { requestId: string; summary: PanelSummary } | undefined =>
    isRequestId(m.requestId) && isSummary(m.summary) ? { requestId: m.requestId, summary: m.summary } : undefined,
  ['requestId', 'summary'],
);

/** The host asks the webview for a summary (answered by `pong`). */
export const PingRequest = new IpcRequest(
  'ping',
  (m): { requestId: string } | undefined => (isRequestId(m.requestId) ? { requestId: m.requestId } : undefined),
  ['requestId'],
  [PongResponse],
);

// ---------------------------------------------------------------------------------------------
// The two directions
// ---------------------------------------------------------------------------------------------

const WEBVIEW_MESSAGES = [ReadyCommand, SaveRequest, OpenRequest, CopyRequest, ExportRequest, RevealCommand, PongResponse, LogCommand] as const;
const HOST_MESSAGES = [InitNotification, AddNotification, OpenedResponse, DoneResponse, PingRequest] as const;

/** Every message the webview sends. */
export type WebviewMessage = MessageOf<(typeof WEBVIEW_MESSAGES)[number]>;
/** Every message the host sends. */
export type HostMessage = MessageOf<(typeof HOST_MESSAGES)[number]>;
/** The requests the webview makes of the host. */
export type WebviewRequest = typeof SaveRequest | typeof OpenRequest | typeof CopyRequest | typeof ExportRequest;

/** Validate a message from the webview. Returns undefined for anything that is not exactly a known message. */
export const parseWebviewMessage: (x: unknown) => WebviewMessage | undefined = parserFor<(typeof WEBVIEW_MESSAGES)[number]>(WEBVIEW_MESSAGES);

/** Validate a message from the host. Returns undefined for anything that is not exactly a known message. */
export const parseHostMessage: (x: unknown) => HostMessage | undefined = parserFor<(typeof HOST_MESSAGES)[number]>(HOST_MESSAGES);
