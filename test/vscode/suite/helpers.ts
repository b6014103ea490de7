// Shared helpers for the integration suites (bundled into each suite file by esbuild).
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'trtc-cost.trtc-cost';

/** The API `activate` returns (see src/extension/extension.ts). */
export interface TrtcCostApi {
  whenIdle(): Promise<void>;
  statusBar(): { text: string; tooltip: string; visible: boolean };
  warnings(): readonly string[];
  estimate(args?: { scope?: 'file' | 'workspace'; show?: boolean }): Promise<EstimateResult>;
  lastEstimateView(): { title: string; items: string[] } | undefined;
  locale(): string;
  activationMs(): number;
}

export interface EstimateResult {
  scope: 'file' | 'workspace';
  cancelled?: boolean;
  currency?: string;
  total?: string;
  totalText?: string;
  rooms: { name: string; monthly: string; monthlyText: string; description: string; file?: string; line?: number; origin: string }[];
  withoutEstimate: number;
  scenario?: { rooms: { name: string; source?: { file: string; line: number } }[] };
  title?: string;
}

export async function activate(): Promise<TrtcCostApi> {
  const ext = vscode.extensions.getExtension<TrtcCostApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  await api.whenIdle();
  return api;
}

export function workspaceUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

/** Markdown with escapes removed, as a person reads it. */
export function plain(md: string): string {
  return md.replace(/\\([\\`*_[\]<>|~{}()#+\-.!])/g, '$1');
}

export async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  return (await lenses(uri)).map((l) => l.command?.title ?? '');
}

/** The document's TRTC lenses (the providers run on the loaded document, so it is opened first). */
export async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(uri);
  const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return all.filter((l) => (l.command?.title ?? '').startsWith('TRTC'));
}

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  await vscode.workspace.openTextDocument(uri);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .filter((v) => v.includes('TRTC'))
    .join('\n---\n');
}

/** Position of the first occurrence of `needle` (plus `offset` characters) in the document. */
export async function positionOf(uri: vscode.Uri, needle: string, offset = 1): Promise<vscode.Position> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${uri.path}`);
  return doc.positionAt(at + offset);
}

/** Polls `probe` until `ok` holds (or fails with the last value). */
export async function eventually<T>(probe: () => Promise<T> | T, ok: (v: T) => boolean, what: string, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('trtcCost').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** "¥5,040" → 5040 */
export function amountOf(title: string): number {
  const m = /[¥$]([\d,]+(?:\.\d+)?)/.exec(title);
  assert.ok(m, `an amount in "${title}"`);
  return Number(m[1].replace(/,/g, ''));
}
