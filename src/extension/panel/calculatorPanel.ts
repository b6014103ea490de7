// The calculator panel host: one WebviewPanel that edits scenarios and shows their bills.
// The webview computes with the same core engine as the CLI; the host only does what a webview cannot:
// files (save, load, export), the clipboard, and revealing source code.
//
// Lifecycle: the HTML shell is set once; the webview says `ready`, the host answers `init` (locale and any
// prefilled scenarios). The webview keeps its inputs with getState/setState, so hiding the panel (no
// retainContextWhenHidden) or reloading the window (WebviewPanelSerializer) restores them.
import * as vscode from 'vscode';
import {
  PROTOCOL_VERSION,
  VIEW_TYPE,
  describeMessage,
  parseWebviewMessage,
  type ExportFormat,
  type HostMessage,
  type PanelSummary,
  type PanelScenario,
  type UiLocale,
  type WebviewMessage,
} from '../../shared/protocol';
import { editJsonText, parseJsonWithPositions } from '../../core/scenario/json';
import { makeNonce, renderShell } from './html';
import { t } from '../l10n';

export const OPEN_COMMAND = 'trtcCost.openCalculator';
/** Not contributed to the palette: returns the webview's summary after a message round trip (tests, diagnostics). */
export const PING_COMMAND = 'trtcCost.calculator.ping';
/** Registered only when the extension runs under tests: hands a message to the host as if the webview sent it. */
export const TEST_RECEIVE_COMMAND = 'trtcCost.calculator.testReceive';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

let log: vscode.LogOutputChannel | undefined;
function logger(): vscode.LogOutputChannel {
  log ??= vscode.window.createOutputChannel('TRTC Cost Calculator', { log: true });
  return log;
}

/** The language the webview speaks (anything starting with "zh" gets Chinese), with the translations it needs. */
function locale(): UiLocale {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function baseName(uri: vscode.Uri): string {
  const p = uri.path;
  return p.slice(p.lastIndexOf('/') + 1) || p;
}

function isScenarioLike(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Array.isArray((x as Record<string, unknown>).rooms);
}

/** Plain JSON copy (drops functions, undefined, class instances' prototypes) so the value crosses postMessage and state. */
function toJson(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x)) as unknown;
}

/**
 * The command's optional argument: a Scenario, `{scenario}`, a list of either, or a file Uri.
 * Returns the docs to prefill (possibly after reading a file).
 */
async function docsFromArgument(arg: unknown): Promise<PanelScenario[]> {
  if (arg === undefined || arg === null) return [];
  if (arg instanceof vscode.Uri) {
    const doc = await readScenarioFile(arg);
    return typeof doc === 'string' ? (void vscode.window.showErrorMessage(doc), []) : [doc];
  }
  const list = Array.isArray(arg) ? arg : [arg];
  const docs: PanelScenario[] = [];
  for (const item of list) {
    if (isScenarioLike(item)) docs.push({ value: toJson(item) });
    else if (typeof item === 'object' && item !== null && isScenarioLike((item as { scenario?: unknown }).scenario)) {
      docs.push({ value: toJson((item as { scenario: unknown }).scenario) });
    } else {
      logger().warn(`openCalculator: ignored an argument that is not a scenario (${describeMessage(item)})`);
    }
  }
  return docs;
}

/** Reads a scenario file: the doc, or a user-facing error message. */
async function readScenarioFile(uri: vscode.Uri): Promise<PanelScenario | string> {
  const name = baseName(uri);
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) return t('{0} is too large to be a scenario file.', name);
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    return t('Could not read {0}: {1}', name, errorText(e));
  }
  // The project file is JSONC like the other files in .vscode/; scenario files are plain JSON (as the CLI reads them).
  const parsed = parseJsonWithPositions(new TextDecoder('utf-8').decode(bytes), { jsonc: isProjectFile(uri) });
  if (!parsed.ok) {
    const why = `${parsed.position.line}:${parsed.position.column}: ${locale() === 'zh-cn' ? parsed.message.zh : parsed.message.en}`;
    return t('{0} is not valid JSON: {1}', name, why);
  }
  return { value: parsed.value, uri: uri.toString(), fileName: name };
}

function isProjectFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith('/.vscode/trtc-cost.json');
}

/**
 * What Save writes over the file the scenario was loaded from: that file's text with only the changed values
 * rewritten, so the user's comments, key order and layout survive; the webview's text when the file cannot be
 * edited in place (unreadable, not JSON). Another file is replaced by the webview's text.
 */
async function textToSave(target: vscode.Uri, loadedFrom: string | undefined, text: string): Promise<string> {
  if (!loadedFrom || parseUri(loadedFrom)?.toString() !== target.toString()) return text;
  try {
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.size > MAX_FILE_BYTES) return text;
    // ignoreBOM keeps a byte-order mark in the text, so the edited file keeps it too.
    const current = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(target));
    return editJsonText(current, JSON.parse(text)) ?? text;
  } catch {
    return text;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

/** Whether `uri` lies inside one of the workspace folders (after normalisation). */
function insideWorkspace(uri: vscode.Uri): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some(
    (f) => f.uri.scheme === uri.scheme && f.uri.authority === uri.authority && (uri.path + '/').startsWith(f.uri.path.replace(/\/?$/, '/')),
  );
}

function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

function safeFileName(name: string, ext: string): string {
  const base =
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
      .replace(/^\.+/, '')
      .trim()
      .slice(0, 120) || 'trtc-scenario';
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
}

const EXT: Record<ExportFormat, string> = { json: 'json', csv: 'csv', markdown: 'md' };

export class CalculatorPanel implements vscode.Disposable {
  static current: CalculatorPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** Docs waiting for the webview to be ready (it may be loading, or hidden and therefore not running). */
  private pendingDocs: PanelScenario[] = [];
  private readonly pings = new Map<string, (s: PanelSummary | undefined) => void>();
  private seq = 0;

  /** Show the panel (creating it if needed) and prefill it with `docs`. */
  static show(extensionUri: vscode.Uri, docs: PanelScenario[]): CalculatorPanel {
    const existing = CalculatorPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, false);
      existing.addDocs(docs);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, t('TRTC Cost Calculator'), vscode.ViewColumn.Beside, CalculatorPanel.options(extensionUri));
    const p = new CalculatorPanel(panel, extensionUri);
    p.pendingDocs = docs;
    return p;
  }

  /** Re-attach to a panel VS Code restored after a reload; the webview restores its own state. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): CalculatorPanel {
    CalculatorPanel.current?.dispose();
    panel.webview.options = CalculatorPanel.options(extensionUri);
    return new CalculatorPanel(panel, extensionUri);
  }

  static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
  ) {
    CalculatorPanel.current = this;
    panel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'calculator-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'calculator-dark.svg'),
    };
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m), null, this.disposables);
    // A hidden webview is destroyed (no retainContextWhenHidden); it says `ready` again when shown.
    panel.onDidChangeViewState(
      () => {
        if (!panel.visible) this.ready = false;
      },
      null,
      this.disposables,
    );
    panel.webview.html = this.html();
  }

  private html(): string {
    const w = this.panel.webview;
    return renderShell({
      cspSource: w.cspSource,
      nonce: makeNonce(),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'main.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'calculator.css')).toString(),
      locale: locale(),
      title: t('TRTC Cost Calculator'),
      loading: t('Loading the calculator…'),
    });
  }

  addDocs(docs: PanelScenario[]): void {
    if (docs.length === 0) return;
    if (this.ready) void this.post({ type: 'add', docs });
    else this.pendingDocs.push(...docs);
  }

  /** Round trip: ask the webview for its summary. Undefined if it does not answer in time. */
  ping(timeoutMs = 5000): Promise<PanelSummary | undefined> {
    const requestId = `ping-${++this.seq}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pings.delete(requestId);
        resolve(undefined);
      }, timeoutMs);
      this.pings.set(requestId, (s) => {
        clearTimeout(timer);
        resolve(s);
      });
      void this.post({ type: 'ping', requestId });
    });
  }

  private post(m: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(m);
  }

  /** Validates and handles one message from the webview. Resolves to false if it was ignored as invalid. */
  receive(raw: unknown): Promise<boolean> {
    const m = parseWebviewMessage(raw);
    if (!m) {
      logger().warn(`Ignored an invalid message from the calculator webview: ${describeMessage(raw)}`);
      return Promise.resolve(false);
    }
    return this.handle(m).then(
      () => true,
      async (e: unknown) => {
        logger().error(`calculator: ${m.type} failed: ${errorText(e)}`);
        // The webview waits for an answer to every request: tell it what went wrong.
        if ('requestId' in m && m.type !== 'pong') await this.post({ type: 'done', requestId: m.requestId, ok: false, message: errorText(e) });
        return true;
      },
    );
  }

  private async handle(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready': {
        if (m.protocol !== PROTOCOL_VERSION) logger().warn(`calculator webview speaks protocol ${m.protocol}, host ${PROTOCOL_VERSION}`);
        this.ready = true;
        const docs = this.pendingDocs;
        this.pendingDocs = [];
        const lang = locale();
        // The webview translates with @vscode/l10n: it gets the same bundle vscode.l10n.t reads here.
        const bundle = lang === 'zh-cn' ? vscode.l10n.bundle : undefined;
        await this.post({ type: 'init', protocol: PROTOCOL_VERSION, locale: lang, docs, ...(bundle ? { l10n: { ...bundle } } : {}) });
        return;
      }
      case 'pong': {
        const done = this.pings.get(m.requestId);
        this.pings.delete(m.requestId);
        done?.(m.summary);
        return;
      }
      case 'log':
        logger()[m.level](`webview: ${m.message}`);
        return;
      case 'reveal':
        await this.reveal(m.file, m.line, m.column);
        return;
      case 'copy': {
        await vscode.env.clipboard.writeText(m.text);
        const copied = t('Estimate copied to the clipboard');
        vscode.window.setStatusBarMessage(copied, 3000);
        await this.post({ type: 'done', requestId: m.requestId, ok: true, message: copied });
        return;
      }
      case 'open': {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          canSelectFiles: true,
          canSelectFolders: false,
          openLabel: t('Load scenario'),
          defaultUri: defaultFolder(),
          filters: { [t('TRTC scenario')]: ['json'] },
        });
        if (!picked || picked.length === 0) {
          await this.post({ type: 'done', requestId: m.requestId, ok: false, cancelled: true });
          return;
        }
        const doc = await readScenarioFile(picked[0]!);
        if (typeof doc === 'string') {
          void vscode.window.showErrorMessage(doc);
          await this.post({ type: 'done', requestId: m.requestId, ok: false, message: doc });
          return;
        }
        await this.post({ type: 'opened', requestId: m.requestId, doc });
        return;
      }
      case 'save': {
        let target: vscode.Uri | undefined;
        // Writing without a dialog is only for the file the scenario came from, inside the workspace;
        // anything else goes through the save dialog, where the user sees and confirms the path.
        const known = !m.saveAs && m.uri ? parseUri(m.uri) : undefined;
        if (known && insideWorkspace(known)) {
          if (await exists(known)) {
            const replace = t('Replace');
            const saveAs = t('Save As…');
            const choice = await vscode.window.showWarningMessage(
              t('“{0}” already exists. Replace it with the calculator’s scenario?', baseName(known)),
              { modal: true, detail: t('The file on disk will be overwritten.') },
              replace,
              saveAs,
            );
            if (choice === replace) target = known;
            else if (choice !== saveAs) {
              await this.post({ type: 'done', requestId: m.requestId, ok: false, cancelled: true });
              return;
            }
          } else {
            target = known;
          }
        }
        // The save dialog itself asks before replacing an existing file.
        target ??= await vscode.window.showSaveDialog({
          defaultUri: this.suggest(m.uri, safeFileName(m.suggestedName, 'json')),
          filters: { [t('TRTC scenario')]: ['json'] },
          saveLabel: t('Save scenario'),
        });
        await this.write(m.requestId, target, target ? await textToSave(target, m.uri, m.text) : m.text, (n) => t('Saved {0}', n));
        return;
      }
      case 'export': {
        const ext = EXT[m.format];
        // Format names, the same in every language.
        const filterName = m.format === 'csv' ? 'CSV' : m.format === 'markdown' ? 'Markdown' : 'JSON';
        const target = await vscode.window.showSaveDialog({
          defaultUri: this.suggest(undefined, safeFileName(m.suggestedName, ext)),
          filters: { [filterName]: [ext] },
          saveLabel: t('Export'),
        });
        await this.write(m.requestId, target, m.text, (n) => t('Exported {0}', n));
        return;
      }
    }
  }

  private suggest(near: string | undefined, name: string): vscode.Uri | undefined {
    if (near) {
      try {
        return vscode.Uri.joinPath(vscode.Uri.parse(near, true), '..', name);
      } catch {
        /* fall through */
      }
    }
    const folder = defaultFolder();
    return folder ? vscode.Uri.joinPath(folder, name) : undefined;
  }

  private async write(requestId: string, target: vscode.Uri | undefined, text: string, said: (n: string) => string): Promise<void> {
    if (!target) {
      await this.post({ type: 'done', requestId, ok: false, cancelled: true });
      return;
    }
    const name = baseName(target);
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    } catch (e) {
      const message = t('Could not write {0}: {1}', name, errorText(e));
      void vscode.window.showErrorMessage(message);
      await this.post({ type: 'done', requestId, ok: false, message });
      return;
    }
    vscode.window.setStatusBarMessage(said(name), 3000);
    await this.post({ type: 'done', requestId, ok: true, message: said(name), uri: target.toString(), fileName: name });
  }

  /** Opens the file a room was detected in: absolute path, URI, or a path relative to a workspace folder. */
  private async reveal(file: string, line: number, column?: number): Promise<void> {
    const candidates: vscode.Uri[] = [];
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(file)) candidates.push(vscode.Uri.parse(file, true));
    else if (file.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(file)) candidates.push(vscode.Uri.file(file));
    else for (const f of vscode.workspace.workspaceFolders ?? []) candidates.push(vscode.Uri.joinPath(f.uri, file)); // joinPath normalises ".."
    // Only files inside the workspace: a room's source is code the workspace contains.
    for (const uri of candidates) {
      if (!insideWorkspace(uri) || !(await exists(uri))) continue;
      const pos = new vscode.Position(Math.max(0, line - 1), Math.max(0, (column ?? 1) - 1));
      await vscode.window.showTextDocument(uri, {
        viewColumn: vscode.ViewColumn.One,
        selection: new vscode.Range(pos, pos),
        preserveFocus: false,
      });
      return;
    }
    void vscode.window.showWarningMessage(t('Cannot find {0} in this workspace.', file));
  }

  dispose(): void {
    if (CalculatorPanel.current === this) CalculatorPanel.current = undefined;
    for (const done of this.pings.values()) done(undefined);
    this.pings.clear();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/**
 * Registers "TRTC: Open Cost Calculator" (`trtcCost.openCalculator`, optional argument: a Scenario, `{scenario}`,
 * a list of those, or a scenario file Uri; without one, `workspaceScenario()`) and the panel serializer for `trtcCost.calculator`.
 */
export function registerCalculatorPanel(context: vscode.ExtensionContext, workspaceScenario?: () => unknown): vscode.Disposable {
  const extensionUri = context.extensionUri;
  const testOnly: vscode.Disposable[] = [];
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    testOnly.push(
      vscode.commands.registerCommand(TEST_RECEIVE_COMMAND, async (message: unknown) => {
        const p = CalculatorPanel.current;
        return p ? p.receive(message) : undefined;
      }),
    );
  }
  return vscode.Disposable.from(
    ...testOnly,
    vscode.commands.registerCommand(OPEN_COMMAND, async (arg?: unknown) => {
      // From the palette (no argument) an open panel is only revealed; a new one starts from the workspace's rooms on
      // its settings' tariff (the status bar's bill), not from a starter in another region.
      const seed = arg ?? (CalculatorPanel.current ? undefined : workspaceScenario?.());
      CalculatorPanel.show(extensionUri, await docsFromArgument(seed));
    }),
    vscode.commands.registerCommand(PING_COMMAND, async (timeoutMs?: unknown) => {
      const p = CalculatorPanel.current;
      return p ? p.ping(typeof timeoutMs === 'number' ? timeoutMs : undefined) : undefined;
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, _state: unknown): Promise<void> {
        CalculatorPanel.revive(panel, extensionUri);
      },
    }),
    { dispose: () => CalculatorPanel.current?.dispose() },
  );
}
