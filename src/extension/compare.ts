// "TRTC: Compare Cost with Branch…" (trtcCost.compareWithBranch): the working tree against a branch or tag, room by
// room, in the TRTC Cost view. The ref's side is read through the built-in Git extension's API (no Node built-ins:
// this runs in the web extension host too): `diffWith(ref)` names the files that differ, `show(ref, path)` gives their
// old text, and every other file keeps the facts the workspace index already has. The rooms are compared by the core
// diff that `trtc-cost diff` uses (src/core/project/diff.ts).
import * as vscode from 'vscode';
import type { Scenario } from '../core';
import { languageIdForFile } from '../core/detect';
import { mentionsAny } from '../core/project/crossfile';
import type { ProjectDiff } from '../core/project';
import type { ConfigService } from './config';
import { t } from './l10n';
import { log } from './log';
import { errorText, scenarioOf } from './logic/analysis';
import { baseFacts, compareWithBase, type ChangeKind, type FileChange, type Source } from './logic/compare';
import { combineGlobs, SOURCE_GLOB } from './logic/languages';
import type { CostTreeProvider } from './views/costView';
import type { OpenEditorAnalyses } from './openEditors';
import { MAX_SCAN_FILES, workspaceName, type WorkspaceIndex } from './workspaceIndex';

export const COMPARE_COMMAND = 'trtcCost.compareWithBranch';
export const CLEAR_COMMAND = 'trtcCost.compare.clear';
export const OPEN_COMPARE_COMMAND = 'trtcCost.compare.openInCalculator';

/** The parts of the Git extension's API (vscode.git, getAPI(1)) used here. */
interface GitRef {
  /** 0 head (local branch), 1 remote head, 2 tag. */
  type: number;
  name?: string;
  commit?: string;
  remote?: string;
}
interface GitChange {
  uri: vscode.Uri;
  originalUri: vscode.Uri;
  renameUri?: vscode.Uri;
  status: number;
}
interface GitRepository {
  rootUri: vscode.Uri;
  state: { refs: GitRef[]; workingTreeChanges: GitChange[]; untrackedChanges?: GitChange[] };
  getRefs?(query?: object): Promise<GitRef[]>;
  diffWith(ref: string): Promise<GitChange[]>;
  show(ref: string, path: string): Promise<string>;
}
interface GitAPI {
  repositories: GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

// The Git extension's Status values (extensions/git/src/api/git.d.ts).
const UNTRACKED = 7;
function kindOf(status: number): ChangeKind {
  if (status === 1 || status === 9) return 'added'; // INDEX_ADDED, INTENT_TO_ADD
  if (status === 2 || status === 6) return 'deleted'; // INDEX_DELETED, DELETED
  if (status === 3 || status === 10) return 'renamed'; // INDEX_RENAMED, INTENT_TO_RENAME
  return 'modified';
}

/** What the last comparison produced (the tests read it through the command's return value). */
export interface CompareResult {
  ref: string;
  diff: ProjectDiff;
  notes: string[];
}

async function gitApi(): Promise<GitAPI | string> {
  const ext = vscode.extensions.getExtension<{ getAPI(version: 1): GitAPI }>('vscode.git');
  if (!ext) return t('Comparing with a branch needs the built-in Git extension, which is not available here.');
  try {
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.getAPI(1);
  } catch (e) {
    return t('The Git extension could not be started: {0}', errorText(e));
  }
}

async function repositoryOf(api: GitAPI): Promise<GitRepository | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  // The Git extension finds repositories shortly after it starts.
  for (let i = 0; i < 20; i++) {
    const repo = api.getRepository(folder.uri) ?? api.repositories[0];
    if (repo) return repo;
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}

async function pickRef(repo: GitRepository): Promise<string | undefined> {
  const refs = (repo.getRefs ? await repo.getRefs({}) : repo.state.refs).filter((r) => r.name);
  const kind = (r: GitRef): string => (r.type === 2 ? t('tag') : r.type === 1 ? t('remote branch') : t('branch'));
  const items = refs.map((r) => ({ label: r.name!, description: kind(r), detail: r.commit?.slice(0, 10) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Compare TRTC cost with branch or tag'),
    placeHolder: t('The working tree is compared with the ref you pick'),
    matchOnDescription: true,
  });
  return picked?.label;
}

/** A workspace-relative path (as the index names files) as a Uri in its folder. */
function workspaceFile(file: string): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, file);
  const slash = file.indexOf('/');
  const folder = slash > 0 ? folders.find((f) => f.name === file.slice(0, slash)) : undefined;
  return folder ? vscode.Uri.joinPath(folder.uri, file.slice(slash + 1)) : undefined;
}

export class CompareWithBranch implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The ref's project and the working tree's, as the calculator's compare opens them. */
  private scenarios: [Scenario, Scenario] | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly analyses: OpenEditorAnalyses,
    private readonly config: ConfigService,
    private readonly tree: CostTreeProvider,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(COMPARE_COMMAND, (ref?: unknown) => this.run(typeof ref === 'string' ? ref : undefined)),
      vscode.commands.registerCommand(CLEAR_COMMAND, () => this.clear()),
      vscode.commands.registerCommand(OPEN_COMPARE_COMMAND, () => this.openInCalculator()),
    );
  }

  /** Compares with `ref` (asked for when not given); resolves to what the view shows, or undefined. */
  async run(ref?: string): Promise<CompareResult | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(t('Open a folder that is a git repository to compare its TRTC cost with a branch.'));
      return undefined;
    }
    const api = await gitApi();
    if (typeof api === 'string') {
      void vscode.window.showWarningMessage(api);
      return undefined;
    }
    const repo = await repositoryOf(api);
    if (!repo) {
      void vscode.window.showWarningMessage(t('This folder is not in a git repository (or Git is not installed): there is no branch to compare with.'));
      return undefined;
    }
    ref ??= await pickRef(repo);
    if (!ref) return undefined;
    try {
      return await vscode.window.withProgress({ location: { viewId: 'trtcCost.rooms' }, title: t('Comparing TRTC cost with {0}…', ref) }, () =>
        this.compare(repo, ref!),
      );
    } catch (e) {
      log().error(`compare with ${ref}: ${errorText(e)}`);
      void vscode.window.showErrorMessage(t('Could not compare with {0}: {1}', ref, errorText(e)));
      return undefined;
    }
  }

  private async compare(repo: GitRepository, ref: string): Promise<CompareResult> {
    await this.index.scan();
    const label = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri, false);
    const uriOf = new Map<string, vscode.Uri>();
    const changes: FileChange[] = [];
    for (const c of await repo.diffWith(ref)) {
      const kind = kindOf(c.status);
      const now = c.renameUri ?? c.uri;
      const file = label(now);
      uriOf.set(file, now);
      if (kind === 'renamed') {
        const oldFile = label(c.originalUri);
        uriOf.set(oldFile, c.originalUri);
        changes.push({ kind, file, oldFile });
      } else changes.push({ kind, file });
    }
    // An open file with unsaved edits counts as it is in the editor (the index has its edits): read its text at the ref too.
    const listed = new Set(changes.flatMap((c) => [c.file, c.oldFile ?? c.file]));
    const dirty = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      if (!doc.isDirty || doc.uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(doc.uri)) continue;
      const file = label(doc.uri);
      if (listed.has(file)) continue;
      uriOf.set(file, doc.uri);
      dirty.add(file);
      changes.push({ kind: 'modified', file });
    }
    const untrackedList = repo.state.untrackedChanges ?? repo.state.workingTreeChanges.filter((c) => c.status === UNTRACKED);
    const untracked = untrackedList.map((c) => label(c.uri));
    const cross = this.analyses.crossFile();
    const base = await baseFacts({
      current: this.index.fileFacts(),
      changes,
      untracked,
      oldText: async (file) => {
        const uri = uriOf.get(file);
        if (!uri) return undefined;
        try {
          return await repo.show(ref, uri.fsPath);
        } catch (e) {
          // An edited file git does not know at the ref is new: nothing of it is at the ref.
          if (dirty.has(file)) return '';
          log().warn(`git show ${ref}:${file}: ${errorText(e)}`);
          return undefined;
        }
      },
      text: (file) => this.readText(workspaceFile(file)),
      mentioning: async (keys, skip) => {
        const exclude = combineGlobs(this.config.settings.exclude) ?? null;
        const out: Source[] = [];
        for (const uri of await vscode.workspace.findFiles(SOURCE_GLOB, exclude, MAX_SCAN_FILES)) {
          const file = label(uri);
          const languageId = languageIdForFile(uri.path);
          if (skip.has(file) || !languageId) continue;
          const text = await this.readText(uri);
          if (text !== undefined && mentionsAny(text, keys)) out.push({ file, languageId, text });
        }
        return out;
      },
      wrappers: cross.wrappers,
    });
    const settings = this.config.context;
    const current = this.index.project();
    const { diff, base: baseAnalysis } = compareWithBase(base.facts, current, settings);
    const notes: string[] = [t('Both sides use the current settings and project file.')];
    const projectFile = this.config.settings.scenarioFile;
    if (projectFile && changes.some((c) => c.file === projectFile || c.oldFile === projectFile)) {
      notes.push(t('The project file {0} differs at {1}; its version there is not used.', projectFile, ref));
    }
    if (base.unreadable.length) notes.push(t('Could not read at {0}: {1}', ref, base.unreadable.slice(0, 5).join(', ')));
    const name = workspaceName();
    const roomsOf = (a: typeof current) => a.rooms.filter((r) => r.room).map((r) => r.room!);
    this.scenarios = [scenarioOf(roomsOf(baseAnalysis), settings, `${name} @ ${ref}`), scenarioOf(roomsOf(current), settings, t('{0} (working tree)', name))];
    this.tree.comparison = { ref, diff, notes };
    this.tree.refresh();
    void vscode.commands.executeCommand('setContext', 'trtcCost.compared', true);
    log().info(`compared with ${ref}: ${changes.length} changed files, ${diff.rooms.filter((r) => r.status !== 'same').length} rooms change`);
    return { ref, diff, notes };
  }

  /** A workspace file's text (an open editor's, unsaved edits included), within the size cap; undefined when unreadable. */
  private async readText(uri: vscode.Uri | undefined): Promise<string | undefined> {
    if (!uri) return undefined;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return bytes.byteLength > this.config.settings.maxFileSizeKB * 1024 ? undefined : new TextDecoder('utf-8').decode(bytes);
    } catch {
      return undefined;
    }
  }

  private clear(): void {
    this.tree.comparison = undefined;
    this.scenarios = undefined;
    this.tree.refresh();
    void vscode.commands.executeCommand('setContext', 'trtcCost.compared', false);
  }

  private async openInCalculator(): Promise<void> {
    if (!this.scenarios) {
      void vscode.window.showInformationMessage(t('Compare with a branch first (TRTC: Compare Cost with Branch…).'));
      return;
    }
    await vscode.commands.executeCommand('trtcCost.openCalculator', this.scenarios);
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
