// The TRTC Cost view (its own activity-bar container): the tree of src/extension/views/costTree.ts as TreeItems,
// refreshed when the workspace index changes, with a filter (shown in the view's description) and the room actions:
// open in the calculator, reveal the call site, edit the room's assumptions in the project file.
import * as vscode from 'vscode';
import { parseScenario, type Room } from '../../core';
import { scenarioOf } from '../logic/analysis';
import type { ConfigService } from '../config';
import { localizer, t } from '../l10n';
import { log } from '../log';
import type { WorkspaceIndex } from '../workspaceIndex';
import { costTree, type CompareOverlay, type CostNode } from './costTree';

export const VIEW_ID = 'trtcCost.rooms';
/** The `$schema` a project file the view creates names (the scenario schema's $id; VS Code maps it through jsonValidation). */
export const PROJECT_FILE_SCHEMA = 'https://trtc-cost.dev/schema/scenario-1.json';

export class CostTreeProvider implements vscode.TreeDataProvider<CostNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CostNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly view: vscode.TreeView<CostNode>;
  private filterText = '';
  private firstScan = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private roots: CostNode[] | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: ConfigService,
  ) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    const reg = (id: string, fn: (...args: never[]) => unknown) =>
      this.disposables.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));
    this.disposables.push(
      this.view,
      index.onDidChange(() => this.schedule()),
      config.onDidChange(() => this.schedule()),
    );
    reg('trtcCost.view.filter', () => this.askFilter());
    reg('trtcCost.view.clearFilter', () => this.setFilter(''));
    reg('trtcCost.view.openRoom', (node?: CostNode) => this.openRoom(node));
    reg('trtcCost.view.revealCode', (node?: CostNode) => this.revealCode(node));
    reg('trtcCost.view.editAssumptions', (node?: CostNode) => this.editAssumptions(node));
    reg('trtcCost.view.learnProjectFile', () => this.learnProjectFile());
  }

  /** "Compare cost with branch…" (src/extension/compare.ts): shown until cleared. */
  comparison: CompareOverlay | undefined;

  /** The first scan runs: the view says so instead of showing its welcome. */
  set scanning(on: boolean) {
    this.firstScan = on;
    this.refresh();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, 100);
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  refresh(): void {
    this.roots = undefined;
    this.view.description = this.filterText ? t('filter: {0}', this.filterText) : undefined;
    void vscode.commands.executeCommand('setContext', 'trtcCost.viewFiltered', this.filterText !== '');
    this.changed.fire(undefined);
  }

  /** The top-level nodes (for the tests: the same the view shows). */
  nodes(): CostNode[] {
    if (!this.roots) {
      const summary = this.index.summary();
      const billed = new Set(summary.rooms.map((r) => r.logical));
      const unestimated = this.index.project().rooms.filter((r) => !billed.has(r));
      this.roots = costTree(summary, localizer(), { filter: this.filterText, scanning: this.firstScan, unestimated, compare: this.comparison });
    }
    return this.roots;
  }

  getChildren(node?: CostNode): CostNode[] {
    return node ? node.children : this.nodes();
  }

  getTreeItem(node: CostNode): vscode.TreeItem {
    const state = node.children.length
      ? node.expanded || node.kind === 'total'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.contextValue = node.kind === 'room' ? `room${node.room?.origin === 'file' ? '.fileOnly' : ''}` : node.kind;
    item.accessibilityInformation = { label: [node.label, node.description].filter(Boolean).join(', ') };
    if ((node.kind === 'site' || node.kind === 'addOn' || node.kind === 'unestimatedRoom') && node.site) {
      item.command = { title: t('Reveal in code'), command: 'trtcCost.view.revealCode', arguments: [node] };
    }
    return item;
  }

  getParent(node: CostNode): CostNode | undefined {
    const find = (list: CostNode[], parent?: CostNode): CostNode | undefined => {
      for (const n of list) {
        if (n === node) return parent;
        const hit = find(n.children, n);
        if (hit) return hit;
      }
      return undefined;
    };
    return find(this.nodes());
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim().slice(0, 200);
    this.refresh();
  }

  private async askFilter(): Promise<void> {
    const text = await vscode.window.showInputBox({
      title: t('Filter TRTC rooms'),
      prompt: t('Show the rooms whose name, service or file contains this text (empty shows all).'),
      value: this.filterText,
    });
    if (text !== undefined) this.setFilter(text);
  }

  private roomOf(node?: CostNode): Room | undefined {
    return node?.room?.room ?? node?.logical?.room;
  }

  private async openRoom(node?: CostNode): Promise<void> {
    const room = this.roomOf(node);
    if (!room) {
      await vscode.commands.executeCommand('trtcCost.openCalculator');
      return;
    }
    await vscode.commands.executeCommand('trtcCost.openCalculator', scenarioOf([room], this.config.context, room.name));
  }

  private uriOf(file: string): vscode.Uri | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, file);
    // Several folders: asRelativePath names the folder first ("web/src/call.ts").
    const slash = file.indexOf('/');
    const folder = slash > 0 ? folders.find((f) => f.name === file.slice(0, slash)) : undefined;
    return folder ? vscode.Uri.joinPath(folder.uri, file.slice(slash + 1)) : undefined;
  }

  private async revealCode(node?: CostNode): Promise<void> {
    const site = node?.site ?? node?.logical?.sites[0] ?? node?.logical?.addOns[0];
    if (!site) {
      if (node?.room?.origin === 'file') await this.editAssumptions(node);
      return;
    }
    const uri = (node?.room?.uri && node.room.file === site.file ? vscode.Uri.parse(node.room.uri) : undefined) ?? this.uriOf(site.file);
    if (!uri) return;
    await vscode.commands.executeCommand('trtcCost.revealRoom', uri.toString(), site.line);
  }

  /**
   * Opens the project file at this room's entry. A missing file is created with `$schema` and this room; a room the
   * file does not have yet is appended (unsaved, so the user sees the edit before it counts).
   */
  async editAssumptions(node?: CostNode): Promise<vscode.Uri | undefined> {
    const uri = this.config.workspaceFileUri();
    if (!uri) {
      void vscode.window.showInformationMessage(t('Open a folder to use a workspace scenario file.'));
      return undefined;
    }
    const room = this.roomOf(node);
    const name = room?.name;
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      const seed = { $schema: PROJECT_FILE_SCHEMA, ...scenarioOf(room ? [room] : [], this.config.context, vscode.workspace.name ?? 'workspace') };
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(seed, null, 2) + '\n'));
      log().info(`created ${vscode.workspace.asRelativePath(uri, false)}${name ? ` with room "${name}"` : ''}`);
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    if (!room || !name) return uri;
    const at = doc.getText().indexOf(`"name": ${JSON.stringify(name)}`);
    if (at >= 0) {
      const pos = doc.positionAt(at);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return uri;
    }
    if (!parseScenario(doc.getText()).scenario) {
      void vscode.window.showWarningMessage(t('Fix the scenario file first; then the room can be added to it.'));
      return uri;
    }
    const value = JSON.parse(doc.getText()) as { rooms?: unknown[]; $schema?: string };
    value.rooms = [...(Array.isArray(value.rooms) ? value.rooms : []), room];
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    await editor.edit((b) => b.replace(all, JSON.stringify(value, null, 2) + '\n'));
    const added = editor.document.getText().lastIndexOf(`"name": ${JSON.stringify(name)}`);
    if (added >= 0) {
      const pos = editor.document.positionAt(added);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return uri;
  }

  private async learnProjectFile(): Promise<void> {
    const open = t('Create the project file');
    const choice = await vscode.window.showInformationMessage(
      t(
        // eslint-disable-next-line max-len -- a translator key stays one literal (the l10n test reads it whole)
        'The project file {0} holds your app’s numbers (people per room, sessions a day, minutes) and the price book; the CLI and the calculator read the same file. Each room in it replaces the room of the same name found in code.',
        this.config.settings.scenarioFile || '.vscode/trtc-cost.json',
      ),
      open,
    );
    if (choice === open) await this.editAssumptions();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
