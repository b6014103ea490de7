// Commands: "Estimate TRTC cost", the breakdown, the hover/CodeLens toggle, the workspace scenario file,
// refresh, and the internal reveal/explain helpers. Billing comes from core; this is presentation only.
import * as vscode from 'vscode';
import { estimate, type Bill, type Currency, type Room, type Scenario } from '../core';
import { errorText, scenarioOf, usersOf, type RoomResult, type WorkspaceRoom } from './logic/analysis';
import {
  adjustmentLabel,
  estimateItem,
  monthlyAmount,
  noEstimateCount,
  pick,
  reconcile,
  roomPrice,
  serviceLabel,
  shortMoney,
  signedAmount,
  tierLabel,
  usersLabel,
  workspaceBill,
  workspaceRoomIsUpTo,
} from './logic/present';
import { addRoomText, assignCallSiteText, slug } from '../core/project';
import type { ConfigService } from './config';
import type { OpenEditorAnalyses } from './openEditors';
import { localizer, t } from './l10n';
import { log } from './log';
import { workspaceName, type WorkspaceIndex } from './workspaceIndex';

export interface EstimateArgs {
  /** Default: the active file when it has rooms, else the whole workspace. */
  scope?: 'file' | 'workspace';
  /** Show the result list (default true). */
  show?: boolean;
}

export interface EstimatedRoom {
  name: string;
  /** Exact list-price cost for the month. */
  monthly: string;
  /** The amount every surface shows for this room: "≈ ¥5,040/month" ("≤ …" when the code chooses among values). */
  monthlyText: string;
  /** The code chooses among values: the amount is the most expensive case. */
  upTo: boolean;
  description: string;
  uri?: string;
  file?: string;
  line?: number;
  origin: WorkspaceRoom['origin'];
}

export interface EstimateResult {
  scope: 'file' | 'workspace';
  cancelled?: boolean;
  currency?: Currency;
  /** Exact total payable for the month (free minutes and packs applied): what the calculator shows for `scenario`. */
  total?: string;
  /** The bill's amount as the status bar shows it. */
  totalText?: string;
  rooms: EstimatedRoom[];
  withoutEstimate: number;
  error?: string;
  scenario?: Scenario;
  /** Title of the list shown to the user. */
  title?: string;
  /** Workspace scope, when the bill is not the sum of the rooms' list prices: why ("sum ¥968,490 · Free minutes (10,000 min) −¥91"). */
  reconciliation?: string;
}

function fileRoom(r: RoomResult, uri: string): WorkspaceRoom {
  const logical = r.logical!;
  const here = logical.sites.find((s) => s.key === r.key) ?? logical.sites[0];
  return { key: logical.id, room: r.room!, origin: logical.origin, uri, file: here?.file, line: here?.line, logical };
}

interface RoomItem extends vscode.QuickPickItem {
  action: 'calculator' | 'reveal' | 'workspace' | 'view';
  room?: EstimatedRoom;
  /** The scenario room its button opens in the calculator. */
  scenarioRoom?: Room;
}

export class Commands implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The last list the estimate command showed (for tests). */
  lastView: { title: string; items: string[] } | undefined;

  constructor(
    private readonly config: ConfigService,
    private readonly analyses: OpenEditorAnalyses,
    private readonly index: WorkspaceIndex,
  ) {
    const reg = (id: string, fn: (...args: never[]) => unknown) =>
      this.disposables.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));
    reg('trtcCost.estimate', (args?: EstimateArgs) => this.estimate(args));
    reg('trtcCost.showBreakdown', () => this.estimate({ scope: 'workspace' }));
    reg('trtcCost.toggleInline', () => this.toggleInline());
    reg('trtcCost.openScenarioFile', (ref?: { uri: string; index: number }) => this.openScenarioFile(ref));
    reg('trtcCost.refresh', () => this.refresh());
    reg('trtcCost.revealRoom', (uri: string, line: number) => this.reveal(uri, line));
    reg('trtcCost.explain', (reason: string) => this.explain(reason));
    reg('trtcCost.assignCallSite', (ref?: { key: string; id?: string }) => this.assignCallSite(ref));
  }

  async estimate(args: EstimateArgs = {}): Promise<EstimateResult> {
    const editor = vscode.window.activeTextEditor;
    let scope = args.scope;
    const fileAnalysis = editor && this.analyses.check(editor.document).ok ? this.analyses.current(editor.document) : undefined;
    if (!scope) scope = fileAnalysis && fileAnalysis.rooms.length ? 'file' : 'workspace';
    let rooms: WorkspaceRoom[];
    let withoutEstimate = 0;
    let where: string;
    if (scope === 'file') {
      if (!fileAnalysis) {
        const message = t('The active editor is not a file TRTC Cost can estimate.');
        void vscode.window.showInformationMessage(message);
        return { scope, rooms: [], withoutEstimate: 0, error: message };
      }
      // The logical rooms this file's call sites belong to, each once.
      const seen = new Set<unknown>();
      rooms = [];
      for (const r of this.index.roomsOf(fileAnalysis)) {
        const key = r.logical ?? r;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!r.room || !r.logical) {
          withoutEstimate++;
          continue;
        }
        rooms.push(fileRoom(r, fileAnalysis.uri));
      }
      where = fileAnalysis.file;
    } else {
      const done = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('Estimating TRTC cost of the workspace'), cancellable: true },
        async (progress, token) => {
          // A scan also stops when the settings change under it (a new generation): then scan again, unless the
          // user pressed Cancel.
          for (let attempt = 0; attempt < 5; attempt++) {
            if (await this.index.scan({ progress, token })) return true;
            if (token.isCancellationRequested) return false;
            await this.config.settled();
          }
          return false;
        },
      );
      if (!done) {
        vscode.window.setStatusBarMessage(t('TRTC estimate cancelled'), 3000);
        return { scope, cancelled: true, rooms: [], withoutEstimate: 0 };
      }
      const summary = this.index.summary();
      rooms = summary.rooms;
      withoutEstimate = summary.withoutEstimate;
      where = workspaceName();
    }
    const result = this.price(scope, rooms, withoutEstimate, where);
    if (args.show !== false) this.show(result);
    return result;
  }

  private price(scope: 'file' | 'workspace', rooms: WorkspaceRoom[], withoutEstimate: number, where: string): EstimateResult {
    const loc = localizer();
    const ctx = this.config.context;
    const result: EstimateResult = { scope, rooms: [], withoutEstimate };
    if (!rooms.length) {
      result.title = t('TRTC: no rooms found in {0}', where);
      return result;
    }
    const scenario = scenarioOf(
      rooms.map((r) => r.room),
      ctx,
      where,
    );
    result.scenario = scenario;
    let bill: Bill;
    try {
      bill = estimate(scenario, { advice: false });
    } catch (e) {
      result.error = errorText(e);
      result.title = t('TRTC: the estimate failed: {0}', result.error);
      return result;
    }
    result.currency = bill.currency;
    result.total = bill.total;
    const estimated = rooms.map((r, i): EstimatedRoom => {
      const cost = bill.rooms[i];
      const monthly = cost?.monthly ?? '0';
      const upTo = workspaceRoomIsUpTo(r);
      return {
        name: scenario.rooms[i].name,
        monthly,
        monthlyText: monthlyAmount(monthly, bill.currency, upTo, loc),
        upTo,
        description: [serviceLabel(r.room.service, loc), cost ? tierLabel(cost.mainTier, loc) : '', usersLabel(usersOf(r.room), loc)]
          .filter(Boolean)
          .join(' · '),
        uri: r.uri,
        file: r.file,
        line: r.line,
        origin: r.origin,
      };
    });
    this.scenarioRooms = new Map(estimated.map((e, i) => [e, scenario.rooms[i]]));
    result.rooms = estimated.sort((a, b) => Number(b.monthly) - Number(a.monthly));
    const upTo = result.rooms.some((r) => r.upTo);
    const count = rooms.length === 1 ? t('1 room') : t('{0} rooms', rooms.length);
    if (scope === 'workspace') {
      // The workspace bill, as the status bar and the view show it; the list below says how the rooms add up to it.
      result.totalText = monthlyAmount(bill.total, bill.currency, upTo, loc);
      result.title = `TRTC ${workspaceBill(bill.total, bill.currency, upTo, loc)} · ${count} · ${where}`;
      const rec = reconcile(
        bill,
        result.rooms.map((r) => r.monthly),
      );
      result.reconciliation = rec.adjustments.length
        ? [
            t('List prices {0}', shortMoney(rec.roomsSum, bill.currency, loc)),
            ...rec.adjustments.map((x) => `${adjustmentLabel(x, bill, loc)} ${signedAmount(x.amount, bill.currency, loc)}`),
            t('bill {0}', shortMoney(bill.total, bill.currency, loc)),
          ].join(' · ')
        : undefined;
    } else {
      // A file's rooms are not the workspace bill: the title is the sum of their list prices, the rooms' own label.
      const sum = result.rooms.reduce((n, r) => n + Number(r.monthly), 0);
      result.totalText = monthlyAmount(String(sum), bill.currency, upTo, loc);
      result.title = `TRTC ${roomPrice(String(sum), bill.currency, upTo, loc)} · ${count} · ${where}`;
    }
    return result;
  }

  /** The scenario room of each estimated room of the last estimate (for its calculator button). */
  private scenarioRooms = new Map<EstimatedRoom, Room>();

  private show(result: EstimateResult): void {
    const loc = localizer();
    const items: RoomItem[] = [];
    if (result.scenario && result.rooms.length) {
      items.push({ action: 'calculator', label: `$(table) ${t('Open in the calculator')}`, detail: t('Prefilled with these rooms') });
      // The separator's label shares the first room's row: kept short, so that room's amount is never cut off.
      items.push({ action: 'reveal', label: t('Rooms by list price'), kind: vscode.QuickPickItemKind.Separator });
    }
    const button: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('table'), tooltip: t('Open this room in the calculator') };
    for (const room of result.rooms) {
      const scenarioRoom = this.scenarioRooms.get(room);
      items.push({ action: 'reveal', room, scenarioRoom, ...estimateItem(room, loc), buttons: scenarioRoom ? [button] : undefined });
    }
    if (result.withoutEstimate)
      items.push({
        action: 'reveal',
        label: `$(warning) ${noEstimateCount(result.withoutEstimate, loc)}`,
        detail: t('Hover over their code to see why.'),
      });
    if (result.reconciliation) {
      // How the rooms' list prices become the bill (free minutes, packs, package fees, rounding), in the view too.
      items.push({ action: 'reveal', label: '', kind: vscode.QuickPickItemKind.Separator });
      items.push({ action: 'view', label: `$(symbol-operator) ${result.reconciliation}`, detail: t('How the rooms’ list prices become the bill') });
    }
    if (result.scope === 'file') items.push({ action: 'workspace', label: `$(folder) ${t('Estimate the whole workspace')}` });
    const qp = vscode.window.createQuickPick<RoomItem>();
    qp.title = result.title;
    qp.placeholder = t('Select a room to open its code');
    qp.matchOnDetail = true;
    qp.items = items;
    this.lastView = {
      title: result.title ?? '',
      items: items.map((i) => [i.label, i.description, i.detail, ...(i.buttons ?? []).map((b) => `[${b.tooltip ?? ''}]`)].filter(Boolean).join(' | ')),
    };
    const subs: vscode.Disposable[] = [];
    subs.push(
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0];
        qp.hide();
        if (!item) return;
        if (item.action === 'calculator') void vscode.commands.executeCommand('trtcCost.openCalculator', result.scenario);
        else if (item.action === 'workspace') void vscode.commands.executeCommand('trtcCost.estimate', { scope: 'workspace' });
        else if (item.action === 'view') void vscode.commands.executeCommand('trtcCost.rooms.focus');
        else if (item.room?.uri && item.room.line) void this.reveal(item.room.uri, item.room.line);
        else if (item.room) void this.openScenarioFile();
      }),
      qp.onDidTriggerItemButton((e) => {
        const room = e.item.scenarioRoom;
        if (!room) return;
        qp.hide();
        void vscode.commands.executeCommand('trtcCost.openCalculator', scenarioOf([room], this.config.context, room.name));
      }),
      qp.onDidHide(() => {
        for (const s of subs) s.dispose();
        qp.dispose();
      }),
    );
    qp.show();
  }

  async reveal(uri: string, line: number): Promise<void> {
    const pos = new vscode.Position(Math.max(0, line - 1), 0);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async toggleInline(): Promise<boolean> {
    const cfg = vscode.workspace.getConfiguration('trtcCost');
    const s = this.config.settings;
    const enable = !(s.hoverEnabled || s.codeLensEnabled);
    const inWorkspace = ['hover.enabled', 'codeLens.enabled'].some((k) => cfg.inspect(k)?.workspaceValue !== undefined);
    const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await cfg.update('hover.enabled', enable, target);
    await cfg.update('codeLens.enabled', enable, target);
    vscode.window.setStatusBarMessage(enable ? t('TRTC cost hover and CodeLens are on') : t('TRTC cost hover and CodeLens are off'), 3000);
    return enable;
  }

  /**
   * Opens the workspace scenario file, creating it from the current settings when missing. With a room reference
   * (from a hover), adds that room so it can be overridden, unless the file already has it; the edit is left unsaved.
   */
  async openScenarioFile(ref?: { uri: string; index: number }): Promise<vscode.Uri | undefined> {
    const uri = this.config.workspaceFileUri();
    if (!uri) {
      void vscode.window.showInformationMessage(t('Open a folder to use a workspace scenario file.'));
      return undefined;
    }
    const analysis = ref ? this.analyses.all().find((a) => a.uri === ref.uri) : undefined;
    const room = analysis && ref ? this.index.roomsOf(analysis)[ref.index] : undefined;
    let exists = true;
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      exists = false;
    }
    if (!exists) {
      const seed = scenarioOf(room?.room && !room.override ? [room.room] : [], this.config.context, workspaceName());
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(seed, null, 2) + '\n'));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      return uri;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    if (room?.room && !room.override) {
      // The project file is JSONC: the room is added in place, keeping the user's comments and layout.
      const edited = addRoomText(doc.getText(), room.room);
      if ('error' in edited) {
        void vscode.window.showWarningMessage(t('Fix the scenario file first; then the room can be added to it.'));
        return uri;
      }
      const text = edited.text;
      const all = new vscode.Range(0, 0, doc.lineCount, 0);
      await editor.edit((b) => b.replace(all, text));
      log().info(`added room "${room.room.name}" to ${vscode.workspace.asRelativePath(uri)} (unsaved)`);
    }
    return uri;
  }

  /**
   * Puts a call site in a logical room of its own or another one, by writing `callSites` in the project file (the
   * file is created when missing; a file that is not a JSON object is left alone with a warning). Without an id, asks.
   */
  async assignCallSite(ref?: { key: string; id?: string }): Promise<string | undefined> {
    if (!ref || typeof ref.key !== 'string' || ref.key.length === 0 || ref.key.length > 4096) return undefined;
    const uri = this.config.workspaceFileUri();
    if (!uri) {
      void vscode.window.showInformationMessage(t('Open a folder to use a workspace scenario file.'));
      return undefined;
    }
    let id = typeof ref.id === 'string' && ref.id.length > 0 && ref.id.length <= 200 ? ref.id : undefined;
    if (!id) {
      const project = this.index.project();
      const current = project.roomOfSite.get(ref.key);
      const site = project.sites.find((s) => s.key === ref.key);
      const own = slug(site?.label ?? ref.key);
      const items: (vscode.QuickPickItem & { id: string })[] = [
        { id: own === current?.id ? `${own}-apart` : own, label: `$(split-horizontal) ${t('Count it as a room of its own')}`, detail: ref.key },
        ...project.rooms
          .filter((r) => r !== current && r.origin !== 'file')
          .map((r) => ({
            id: r.id,
            label: `$(merge) ${t('Count it with room “{0}”', r.name)}`,
            description: r.id,
            detail: r.sites.map((s) => s.key).join(', '),
          })),
      ];
      const chosen = await vscode.window.showQuickPick(items, {
        title: t('Which room is {0} part of?', ref.key),
        placeHolder: current ? t('Now counted with room “{0}”', current.name) : undefined,
      });
      if (!chosen) return undefined;
      id = chosen.id;
    }
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    const edited = assignCallSiteText(text, ref.key, id);
    if ('error' in edited) {
      void vscode.window.showWarningMessage(
        t('TRTC Cost cannot change {0}: {1}', vscode.workspace.asRelativePath(uri, false), pick(edited.error, localizer())),
      );
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edited.text));
    log().info(`${vscode.workspace.asRelativePath(uri, false)}: callSites["${ref.key}"] = "${id}"`);
    await this.config.reload();
    return id;
  }

  async refresh(): Promise<void> {
    this.analyses.clear();
    await this.config.reload();
    await this.index.scan();
  }

  private explain(reason: string): void {
    const open = t('Open Settings');
    void vscode.window.showInformationMessage(t('TRTC Cost has no estimate for this room: {0}', reason || t('unknown reason')), open).then((c) => {
      if (c === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'trtcCost');
    });
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
