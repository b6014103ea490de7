// CodeLens above each detected room: "TRTC list price ≈ ¥1,234/month · video call · HD · 4 users".
// Results are cached per document version. After an edit the previous lenses stay in place with a placeholder
// title (so lines do not jump), and the recompute runs after a debounce; a newer edit cancels the pending one.
import * as vscode from 'vscode';
import { scenarioOf, type DocumentAnalysis, type RoomResult } from './logic/analysis';
import { roomLenses } from './logic/cache';
import { lensTooltip, pick, placeholderTitle } from './logic/present';
import type { ConfigService } from './config';
import type { OpenEditorAnalyses } from './openEditors';
import type { WorkspaceIndex } from './workspaceIndex';
import { localizer, t } from './l10n';

function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }, doc: vscode.TextDocument): vscode.Range {
  const last = Math.max(0, doc.lineCount - 1);
  const line = Math.min(r.start.line, last);
  return new vscode.Range(line, line === r.start.line ? r.start.character : 0, line, line === r.start.line ? r.start.character : 0);
}

export class RoomCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly timers = new Map<string, { version: number; timer: ReturnType<typeof setTimeout> }>();
  private readonly lenses = new WeakMap<readonly RoomResult[], vscode.CodeLens[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly analyses: OpenEditorAnalyses,
    private readonly config: ConfigService,
    private readonly index: WorkspaceIndex,
  ) {
    this.disposables.push(
      config.onDidChange(() => this.changed.fire()),
      // Another file's call site can join or leave a room shown here: refresh when the project changes.
      index.onDidChange(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && analyses.previous(e.document.uri)) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.cancel(doc.uri.toString())),
    );
  }

  provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    if (!this.config.settings.codeLensEnabled || !this.analyses.check(doc).ok) return [];
    const hit = this.analyses.cached(doc);
    if (hit) return this.final(hit, doc);
    const prev = this.analyses.previous(doc.uri);
    if (prev && prev.version !== doc.version) {
      // The text changed: keep the lenses where they were, marked as estimating, until the debounce has passed.
      this.schedule(doc);
      return this.placeholders(prev, doc);
    }
    // First sight of this document, or only the settings changed: detection is fast, so compute now.
    const a = this.analyses.current(doc, token);
    return a ? this.final(a, doc) : [];
  }

  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.changed.fire();
    }, 50);
  }

  private final(a: DocumentAnalysis, doc: vscode.TextDocument): vscode.CodeLens[] {
    const rooms = this.index.roomsOf(a);
    const cached = this.lenses.get(rooms);
    if (cached) return cached;
    const ctx = this.config.context;
    const out = roomLenses(rooms, ctx, localizer()).map(({ room: r, estimate: est, title }) => {
      const range = toRange(r.detected.range, doc);
      const command: vscode.Command =
        est.ok && r.room
          ? {
              title,
              command: 'trtcCost.openCalculator',
              arguments: [scenarioOf([r.room], ctx, r.room.name)],
              tooltip: lensTooltip(r, localizer()),
            }
          : { title, command: 'trtcCost.explain', arguments: [est.ok ? '' : pick(est.reason, localizer())], tooltip: t('Why there is no estimate') };
      return new vscode.CodeLens(range, command);
    });
    this.lenses.set(rooms, out);
    return out;
  }

  private placeholders(a: DocumentAnalysis, doc: vscode.TextDocument): vscode.CodeLens[] {
    const title = placeholderTitle(localizer());
    return a.rooms.map((r) => new vscode.CodeLens(toRange(r.detected.range, doc), { title, command: '' }));
  }

  /** Recomputes the document after the debounce; a newer edit (a new version) restarts the wait. */
  schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (this.timers.get(key)?.version === doc.version) return;
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (doc.isClosed) return;
      if (!this.analyses.cached(doc) && this.analyses.check(doc).ok) this.analyses.compute(doc);
      this.changed.fire();
    }, this.config.settings.debounceMs);
    this.timers.set(key, { version: doc.version, timer });
  }

  private cancel(key: string): void {
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending.timer);
    this.timers.delete(key);
  }

  /** True while a recompute is waiting for its debounce. */
  get pending(): boolean {
    return this.timers.size > 0;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const pending of this.timers.values()) clearTimeout(pending.timer);
    this.timers.clear();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
