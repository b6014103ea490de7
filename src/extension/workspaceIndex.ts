// The workspace's project: files on disk (scanned once per settings generation, then kept fresh by a file watcher)
// merged with the open documents' current analyses, grouped into logical rooms by the core project model — the
// same analysis `trtc-cost scan` runs, so both show the same rooms and totals.
import * as vscode from 'vscode';
import type { Bill } from '../core';
import { analyzeProject, billProject, detectProject, gitignoreMatcher, hasFacts, type FileFacts, type IgnoreFile, type ProjectAnalysis } from '../core/project';
import { vendoredReason } from '../core/project/vendored';
import { mentionsAny } from '../core/project/crossfile';
import { languageIdForFile } from '../core';
import { analyzeDocument, errorText, siteRooms, type DocumentAnalysis, type RoomResult, type WorkspaceRoom } from './logic/analysis';
import { matchesAny } from './logic/glob';
import { combineGlobs, SOURCE_GLOB } from './logic/languages';
import type { ConfigService } from './config';
import { fileLabel, type OpenEditorAnalyses } from './openEditors';
import { log } from './log';

/** At most this many source files are read by a workspace scan. */
export const MAX_SCAN_FILES = 20000;

export interface WorkspaceSummary {
  rooms: WorkspaceRoom[];
  /** The bill for all rooms together (free minutes and packs applied once for the account). */
  bill?: Bill;
  /** Why there is no bill although there are rooms. */
  error?: string;
  /** Detected rooms for which no scenario room could be built. */
  withoutEstimate: number;
  /** Whether the disk scan for the current settings has completed. */
  scanned: boolean;
}

export interface ScanOptions {
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
  token?: vscode.CancellationToken;
}

export class WorkspaceIndex implements vscode.Disposable {
  private readonly disk = new Map<string, DocumentAnalysis>();
  /** Per file on disk: its modification stamp and what detection found, so a rescan after a settings change only stats. */
  private readonly detections = new Map<string, { stamp: string; facts: FileFacts; languageId: string }>();
  private scannedGeneration = -1;
  private scanning: { generation: number; promise: Promise<boolean>; cts: vscode.CancellationTokenSource } | undefined;
  private revision = 0;
  private summaryCache: { revision: number; generation: number; value: WorkspaceSummary } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the set of rooms or their estimates may have changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pendingFiles = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly analyses: OpenEditorAnalyses,
    private readonly config: ConfigService,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(SOURCE_GLOB);
    const ignoreWatcher = vscode.workspace.createFileSystemWatcher('**/.gitignore');
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => this.queue(u)),
      watcher.onDidCreate((u) => this.queue(u)),
      watcher.onDidDelete((u) => {
        this.detections.delete(u.toString());
        if (this.disk.delete(u.toString())) this.bump();
      }),
      ignoreWatcher,
      // Other .gitignore rules change which files are the app's: scan again.
      ignoreWatcher.onDidChange(() => this.rescan()),
      ignoreWatcher.onDidCreate(() => this.rescan()),
      ignoreWatcher.onDidDelete(() => this.rescan()),
      // An unsaved edit of a constant other files read (`CLASS_PROFILE = '720p'`) changes their rooms now, not on save.
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)),
      analyses.onDidUpdate(() => this.bump()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.onEdit(doc); // closing an editor without saving drops its edits: read the file again
        this.bump();
      }),
      config.onDidChange(() => this.bump()),
    );
  }

  private editTimer: ReturnType<typeof setTimeout> | undefined;

  /** Documents edited since the last check: read once the typing pauses, not on every keystroke. */
  private readonly edited = new Set<vscode.TextDocument>();

  private onEdit(doc: vscode.TextDocument): void {
    if (this.symbolKeys.length === 0 || doc.uri.scheme !== 'file' || !languageIdForFile(doc.uri.path)) return;
    this.edited.add(doc);
    if (this.editTimer) clearTimeout(this.editTimer);
    this.editTimer = setTimeout(
      () => {
        this.editTimer = undefined;
        const docs = [...this.edited];
        this.edited.clear();
        if (docs.some((d) => mentionsAny(d.getText(), this.symbolKeys))) this.rescan();
      },
      Math.max(300, this.config.settings.debounceMs),
    );
  }

  /** The text of an open editor with unsaved changes: what the user sees is what the scan reads. */
  private unsavedText(uri: vscode.Uri): string | undefined {
    const key = uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.toString() === key);
    return doc?.getText();
  }

  /** Forgets the last scan and scans again when one had been made or is under way (a scan under way read stale text). */
  private rescan(): void {
    if (!this.isScanned && !this.scanning) return;
    this.scanning?.cts.cancel();
    this.scanning = undefined;
    this.scannedGeneration = -1;
    void this.scan();
  }

  private bump(): void {
    this.revision++;
    this.changed.fire();
  }

  /** True while changed files wait to be re-read. */
  get pending(): boolean {
    return this.flushTimer !== undefined || this.flushing;
  }
  private flushing = false;

  /** Whether a scan is under way (the total is not the workspace's until it ends). */
  get scanInProgress(): boolean {
    return this.scanning !== undefined;
  }

  get isScanned(): boolean {
    return this.scannedGeneration === this.config.generation;
  }

  /**
   * Reads every source file of the workspace (respecting the exclude globs and the size cap) and detects rooms.
   * Resolves to false when cancelled. A scan for the same settings generation is shared.
   */
  scan(opts: ScanOptions = {}): Promise<boolean> {
    const generation = this.config.generation;
    if (this.scannedGeneration === generation && !opts.progress) return Promise.resolve(true);
    if (this.scanning && this.scanning.generation === generation && !opts.progress) return this.scanning.promise;
    this.scanning?.cts.cancel();
    const cts = new vscode.CancellationTokenSource();
    const sub = opts.token?.onCancellationRequested(() => cts.cancel());
    const promise = this.doScan(generation, cts.token, opts.progress)
      .catch((e) => {
        log().error(`workspace scan failed: ${errorText(e)}`);
        return false;
      })
      .finally(() => {
        sub?.dispose();
        cts.dispose();
        if (this.scanning?.promise === promise) this.scanning = undefined;
      });
    this.scanning = { generation, promise, cts };
    return promise;
  }

  private async doScan(generation: number, token: vscode.CancellationToken, progress?: ScanOptions['progress']): Promise<boolean> {
    if (!vscode.workspace.workspaceFolders?.length) {
      this.scannedGeneration = generation;
      return true;
    }
    const s = this.config.settings;
    const started = Date.now();
    const listed = await vscode.workspace.findFiles(SOURCE_GLOB, combineGlobs(s.exclude) ?? null, MAX_SCAN_FILES, token);
    if (token.isCancellationRequested) return false;
    this.gitignored = await this.readGitignores(token);
    const files = listed.filter((uri) => !this.gitignored(uri));
    const cap = s.maxFileSizeKB * 1024;
    const decoder = new TextDecoder('utf-8');
    const first = new Map<string, DocumentAnalysis>();
    let lastReport = 0;
    let reported = 0;
    // The project's passes (core/project/passes.ts), as `trtc-cost scan` runs them: each file alone (from the cache when
    // unchanged), then, only when needed, the constants other files define and calls of the app's own wrappers.
    const result = await detectProject(files, {
      name: (uri) => fileLabel(uri),
      languageId: (uri) => languageIdForFile(uri.path)!,
      detect: async (uri) => {
        const a = await this.analyseFile(uri, cap, decoder);
        if (!a) return undefined;
        first.set(a.uri, a);
        return { facts: a.facts };
      },
      read: (uri) => this.readSource(uri, cap, decoder),
      cancelled: () => token.isCancellationRequested || this.config.generation !== generation,
      progress: async (step, done, total, uri) => {
        if (step === 1 && progress && (Date.now() - lastReport > 100 || done === total)) {
          const pct = (done / total) * 100;
          progress.report({ message: `${done}/${total} · ${fileLabel(uri)}`, increment: pct - reported });
          reported = pct;
          lastReport = Date.now();
        }
        if (done % 25 === 0) await new Promise((r) => setTimeout(r, 0)); // stay responsive
      },
    });
    if (!result) return false;
    const found = new Map<string, DocumentAnalysis>();
    for (const f of result.files) {
      const key = f.file.toString();
      const known = first.get(key);
      if (!f.again && known) found.set(key, known);
      else
        found.set(
          key,
          analyzeDocument(
            { uri: key, file: fileLabel(f.file), text: '', languageId: f.facts.languageId, version: -1 },
            this.config.context,
            undefined,
            f.facts,
          ),
        );
    }
    const { table, wrappers } = result;
    this.analyses.setCrossFile(table, wrappers);
    this.symbolKeys = result.keys;
    this.disk.clear();
    for (const [k, v] of found) this.disk.set(k, v);
    this.scannedGeneration = generation;
    log().info(`scanned ${files.length} files in ${Date.now() - started} ms: ${found.size} with TRTC rooms`);
    this.bump();
    return true;
  }

  private async analyseFile(uri: vscode.Uri, cap: number, decoder: TextDecoder): Promise<DocumentAnalysis | undefined> {
    const languageId = languageIdForFile(uri.path);
    if (!languageId) return undefined;
    const key = uri.toString();
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      this.detections.delete(key);
      return undefined;
    }
    if (stat.size > cap) return undefined;
    const vendored = !this.config.settings.includeVendored;
    if (vendored && vendoredReason(fileLabel(uri), undefined)) return undefined;
    const stamp = `${stat.mtime}:${stat.size}`;
    const known = this.detections.get(key);
    const input = { uri: key, file: fileLabel(uri), text: '', languageId, version: -1 };
    try {
      const unsaved = this.unsavedText(uri);
      if (unsaved !== undefined) return analyzeDocument({ ...input, text: unsaved }, this.config.context);
      if (known && known.stamp === stamp && known.languageId === languageId) {
        return analyzeDocument(input, this.config.context, undefined, known.facts);
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > cap) return undefined;
      const text = decoder.decode(bytes);
      if (vendored && vendoredReason(fileLabel(uri), text)) return undefined; // the SDK's own bundle, minified or generated code
      const a = analyzeDocument({ ...input, text }, this.config.context);
      this.detections.set(key, { stamp, facts: a.facts, languageId });
      return a;
    } catch (e) {
      log().warn(`${fileLabel(uri)}: ${errorText(e)}`);
      return undefined;
    }
  }

  /** Whether a file is ignored by the .gitignore files of its workspace folder (as `trtc-cost scan` skips it). */
  private gitignored: (uri: vscode.Uri) => boolean = () => false;

  /** The workspace folders' .gitignore rules (findFiles does not apply them). */
  private async readGitignores(token: vscode.CancellationToken): Promise<(uri: vscode.Uri) => boolean> {
    const found = await vscode.workspace.findFiles('**/.gitignore', '**/node_modules/**', 1000, token);
    const byFolder = new Map<string, IgnoreFile[]>();
    for (const uri of found) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) continue;
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.byteLength > 1024 * 1024) continue; // not a real ignore file
        const rel = fileLabel(uri);
        const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
        const list = byFolder.get(folder.uri.toString()) ?? [];
        list.push({ dir, text: new TextDecoder('utf-8').decode(bytes) });
        byFolder.set(folder.uri.toString(), list);
      } catch {
        // unreadable: ignores nothing
      }
    }
    const matchers = new Map([...byFolder].map(([k, v]) => [k, gitignoreMatcher(v)]));
    return (uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const m = folder && matchers.get(folder.uri.toString());
      return !!m && m(fileLabel(uri));
    };
  }

  /** The names (last segments) the last scan looked for in other files. */
  private symbolKeys: readonly string[] = [];

  /** The text of a source file the scan may read (not vendored, within the size cap), or undefined. */
  private async readSource(uri: vscode.Uri, cap: number, decoder: TextDecoder): Promise<string | undefined> {
    if (!languageIdForFile(uri.path)) return undefined;
    const vendored = !this.config.settings.includeVendored;
    if (vendored && vendoredReason(fileLabel(uri), undefined)) return undefined;
    try {
      const unsaved = this.unsavedText(uri);
      const bytes = unsaved === undefined ? await vscode.workspace.fs.readFile(uri) : undefined;
      if (bytes && bytes.byteLength > cap) return undefined;
      const text = unsaved ?? decoder.decode(bytes);
      return vendored && vendoredReason(fileLabel(uri), text) ? undefined : text;
    } catch {
      return undefined;
    }
  }

  private queue(uri: vscode.Uri): void {
    this.pendingFiles.add(uri.toString());
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.flush(), 500);
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    this.flushing = true;
    try {
      await this.flushNow();
    } finally {
      this.flushing = false;
    }
  }

  private async flushNow(): Promise<void> {
    const list = [...this.pendingFiles];
    this.pendingFiles.clear();
    const s = this.config.settings;
    const exclude = s.exclude;
    const decoder = new TextDecoder('utf-8');
    let rescan = false;
    for (const key of list) {
      const uri = vscode.Uri.parse(key);
      if (matchesAny(exclude, fileLabel(uri), uri.path) || this.gitignored(uri)) continue;
      this.detections.delete(key); // the watcher says it changed: read it again whatever its stamp
      const a = await this.analyseFile(uri, s.maxFileSizeKB * 1024, decoder);
      if (a && hasFacts(a.facts)) this.disk.set(key, a);
      else this.disk.delete(key);
      // A file that uses or may define a constant of another file changes the cross-file values: scan again.
      const text = a?.facts.detection.unresolved?.length ? undefined : await this.readSource(uri, s.maxFileSizeKB * 1024, decoder);
      if (a?.facts.detection.unresolved?.length || (text !== undefined && this.symbolKeys.length > 0 && mentionsAny(text, this.symbolKeys))) rescan = true;
    }
    if (rescan) this.rescan();
    if (list.length) this.bump();
  }

  /** Disk analyses overlaid with the open documents' (which may hold unsaved edits). */
  private merged(): DocumentAnalysis[] {
    const byUri = new Map(this.disk);
    const gen = this.config.generation;
    for (const a of this.analyses.all()) {
      // Only files of the workspace count towards its total (not untitled editors or files opened from elsewhere).
      if (a.generation === gen && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(a.uri))) byUri.set(a.uri, a);
    }
    for (const [k, a] of byUri) if (a.generation !== gen) byUri.delete(k);
    return [...byUri.values()];
  }

  /** Each workspace file's facts as project() uses them (compare with a branch reuses those of unchanged files). */
  fileFacts(): FileFacts[] {
    return this.merged().map((a) => a.facts);
  }

  /** The workspace's logical rooms (disk scan overlaid with open documents), computed once per revision. */
  project(): ProjectAnalysis {
    const gen = this.config.generation;
    if (this.projectCache && this.projectCache.revision === this.revision && this.projectCache.generation === gen) return this.projectCache.value;
    const value = analyzeProject(
      this.merged().map((a) => a.facts),
      this.config.context,
    );
    this.projectCache = { revision: this.revision, generation: gen, value };
    return value;
  }
  private projectCache: { revision: number; generation: number; value: ProjectAnalysis } | undefined;
  private readonly siteCache = new WeakMap<ProjectAnalysis, WeakMap<DocumentAnalysis, RoomResult[]>>();

  /**
   * The document's call sites, each with its logical room in the workspace project. A document the project does not
   * hold (outside the workspace, or of another settings generation) keeps the rooms it forms alone.
   */
  roomsOf(a: DocumentAnalysis): RoomResult[] {
    if (a.generation !== this.config.generation || !vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(a.uri))) return a.rooms;
    const project = this.project();
    let perDoc = this.siteCache.get(project);
    if (!perDoc) {
      perDoc = new WeakMap();
      this.siteCache.set(project, perDoc);
    }
    let rooms = perDoc.get(a);
    if (!rooms) {
      rooms = siteRooms(a, project);
      perDoc.set(a, rooms);
    }
    return rooms;
  }

  /** The workspace's rooms and their bill. */
  summary(): WorkspaceSummary {
    const gen = this.config.generation;
    if (this.summaryCache && this.summaryCache.revision === this.revision && this.summaryCache.generation === gen) return this.summaryCache.value;
    const ctx = this.config.context;
    const project = this.project();
    const uriOf = new Map(this.merged().map((a) => [a.file, a.uri]));
    const rooms: WorkspaceRoom[] = [];
    let withoutEstimate = 0;
    for (const r of project.rooms) {
      if (!r.room) {
        withoutEstimate++;
        continue;
      }
      const first = r.sites[0] ?? r.addOns[0];
      rooms.push({
        key: r.id,
        room: r.room,
        origin: r.origin,
        uri: first ? uriOf.get(first.file) : undefined,
        file: first?.file ?? r.room.source?.file,
        line: first?.line ?? r.room.source?.line,
        logical: r,
      });
    }
    const value: WorkspaceSummary = { rooms, withoutEstimate, scanned: this.isScanned };
    const billed = billProject(project, ctx, workspaceName());
    if (billed.ok === true) {
      value.bill = billed.bill;
      // Rooms the engine refuses alone are not in the bill: keep the list and the bill's rooms in the same order.
      const inBill = new Set(billed.rooms);
      value.withoutEstimate += rooms.filter((r) => !inBill.has(r.logical)).length;
      value.rooms = rooms.filter((r) => inBill.has(r.logical));
    } else if (billed.ok === false) value.error = billed.reason.en;
    this.summaryCache = { revision: this.revision, generation: gen, value };
    return value;
  }

  dispose(): void {
    this.scanning?.cts.cancel();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.editTimer) clearTimeout(this.editTimer);
    this.edited.clear();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

export function workspaceName(): string {
  return vscode.workspace.name ?? 'workspace';
}
