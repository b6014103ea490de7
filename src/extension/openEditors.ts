// The analysis of each open document, cached per (document version, settings generation). Hover, CodeLens and
// the status bar all read from here, so a document is detected and estimated once per version.
import * as vscode from 'vscode';
import { analyzeDocument, type DocumentAnalysis } from './logic/analysis';
import { AnalysisCache } from './logic/cache';
import { matchesAny } from './logic/glob';
import { LANGUAGE_SET } from './logic/languages';
import { languageIdForFile } from '../core';
import { vendoredReason } from '../core/project/vendored';
import type { SymbolTable } from '../core/project/crossfile';
import type { ConfigService } from './config';
import { pick } from './logic/present';
import { localizer } from './l10n';
import { log } from './log';

export type Eligibility = { ok: true } | { ok: false; reason: 'unsupported' | 'excluded' | 'tooLarge' | 'vendored'; detail: string };

/** Workspace-relative path of a document (the URI for untitled or outside files). */
export function fileLabel(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.toString();
  const rel = vscode.workspace.asRelativePath(uri, false);
  return rel;
}

/**
 * The language detection should read the document as: its own language id when we serve it, else the one its file
 * extension implies (VS Code has no built-in Kotlin, Dart or Vue language, so such files open as plain text).
 */
export function languageOf(doc: vscode.TextDocument): string | undefined {
  if (LANGUAGE_SET.has(doc.languageId)) return doc.languageId;
  if (doc.languageId !== 'plaintext' && doc.uri.scheme !== 'untitled') return undefined;
  const byName = languageIdForFile(doc.uri.path);
  return byName && LANGUAGE_SET.has(byName) ? byName : undefined;
}

export class OpenEditorAnalyses implements vscode.Disposable {
  private readonly latest = new AnalysisCache();
  private readonly eligibility = new Map<string, { version: number; generation: number; value: Eligibility }>();
  private readonly updated = new vscode.EventEmitter<DocumentAnalysis>();
  /** Fires when a document's analysis was (re)computed. */
  readonly onDidUpdate = this.updated.event;
  private readonly disposables: vscode.Disposable[] = [this.updated];

  private symbols: SymbolTable | undefined;

  /** The workspace's constants for names documents use without defining them; a new table recomputes every document. */
  setCrossFile(table: SymbolTable, wrappers: ReadonlySet<string>): void {
    // Each scan builds a new table: recompute only when what it says changed.
    const key = JSON.stringify([[...table], [...wrappers].sort()]);
    if (key === this.symbolsKey) return;
    this.symbols = table;
    this.wrappers = wrappers;
    this.symbolsKey = key;
    this.latest.clear();
  }
  private wrappers: ReadonlySet<string> | undefined;

  /** The other files' constants and the app's wrappers of the last scan (compare with a branch detects old text with them). */
  crossFile(): { table: SymbolTable | undefined; wrappers: ReadonlySet<string> | undefined } {
    return { table: this.symbols, wrappers: this.wrappers };
  }
  private symbolsKey = '[[],[]]';

  constructor(private readonly config: ConfigService) {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const key = doc.uri.toString();
        this.latest.delete(key);
        this.eligibility.delete(key);
      }),
    );
  }

  /** Whether the document is analysed at all, and why not. */
  check(doc: vscode.TextDocument): Eligibility {
    const key = doc.uri.toString();
    const gen = this.config.generation;
    const hit = this.eligibility.get(key);
    if (hit && hit.version === doc.version && hit.generation === gen) return hit.value;
    const value = this.computeEligibility(doc);
    this.eligibility.set(key, { version: doc.version, generation: gen, value });
    return value;
  }

  private computeEligibility(doc: vscode.TextDocument): Eligibility {
    if (!languageOf(doc)) return { ok: false, reason: 'unsupported', detail: doc.languageId };
    const s = this.config.settings;
    const excludedBy = doc.uri.scheme === 'untitled' ? undefined : matchesAny(s.exclude, fileLabel(doc.uri), doc.uri.path);
    if (excludedBy) return { ok: false, reason: 'excluded', detail: excludedBy };
    // Characters approximate bytes; an offset at the end avoids copying the whole text.
    const size = doc.offsetAt(new vscode.Position(doc.lineCount, 0));
    if (size > s.maxFileSizeKB * 1024) return { ok: false, reason: 'tooLarge', detail: String(s.maxFileSizeKB) };
    if (!s.includeVendored && doc.uri.scheme !== 'untitled') {
      const vendored = vendoredReason(fileLabel(doc.uri), doc.getText());
      if (vendored) return { ok: false, reason: 'vendored', detail: pick(vendored.text, localizer()) };
    }
    return { ok: true };
  }

  /** The analysis of exactly this version under the current settings, if already computed. */
  cached(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    return this.latest.get(doc.uri.toString(), doc.version, this.config.generation);
  }

  /** The last analysis of the document, whatever its version (for placeholders while recomputing). */
  previous(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.latest.previous(uri.toString());
  }

  /** The current analysis, computed now when missing. Undefined when the document is not eligible or work was cancelled. */
  current(doc: vscode.TextDocument, token?: vscode.CancellationToken): DocumentAnalysis | undefined {
    const hit = this.cached(doc);
    if (hit) return hit;
    if (!this.check(doc).ok || token?.isCancellationRequested) return undefined;
    return this.compute(doc, token);
  }

  compute(doc: vscode.TextDocument, token?: vscode.CancellationToken): DocumentAnalysis | undefined {
    const version = doc.version;
    const generation = this.config.generation;
    const started = Date.now();
    const prev = this.latest.previous(doc.uri.toString());
    let a: DocumentAnalysis;
    try {
      a = analyzeDocument(
        { uri: doc.uri.toString(), file: fileLabel(doc.uri), text: doc.getText(), languageId: languageOf(doc) ?? doc.languageId, version },
        this.config.context,
        () => !!token?.isCancellationRequested || doc.version !== version || this.config.generation !== generation,
        // Only the settings changed: the text is the same, so is what detection finds.
        prev && prev.version === version ? prev.facts : undefined,
        this.symbols,
        this.wrappers,
      );
    } catch (e) {
      log().error(`analysing ${doc.uri.toString()} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return undefined;
    }
    if (a.cancelled) return undefined;
    const ms = Date.now() - started;
    if (ms > 200) log().info(`analysed ${fileLabel(doc.uri)} (${doc.lineCount} lines) in ${ms} ms`);
    this.latest.set(a);
    this.updated.fire(a);
    return a;
  }

  /** Every current analysis of open documents (any version). */
  all(): DocumentAnalysis[] {
    return this.latest.values();
  }

  clear(): void {
    this.latest.clear();
    this.eligibility.clear();
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
