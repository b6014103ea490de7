// Entry point (desktop and web extension hosts). One owner, TrtcCostExtension, holds every disposable; the
// layer is thin: detection and billing come from src/core, and the providers only cache and present.
import * as vscode from 'vscode';
import { registerCalculatorPanel } from './panel/calculatorPanel';
import { RoomCodeLensProvider } from './codeLens';
import { Commands, type EstimateArgs, type EstimateResult } from './commands';
import { ConfigService } from './config';
import { OpenEditorAnalyses } from './openEditors';
import { RoomHoverProvider } from './hover';
import { LeverCodeActionProvider } from './codeActions';
import { t } from './l10n';
import { disposeLog, log } from './log';
import { LANGUAGE_SET, SOURCE_GLOB } from './logic/languages';
import { errorText, scenarioOf } from './logic/analysis';
import { CostStatusBar } from './statusBar';
import { CompareWithBranch } from './compare';
import { WorkspaceIndex, workspaceName } from './workspaceIndex';
import { CostTreeProvider } from './views/costView';
import type { CostNode } from './views/costTree';
import { ProjectGate } from './views/projectGate';
import { registerWalkthrough } from './walkthrough';

/** When this module was evaluated: activation time is measured from here. */
const moduleLoadedAt = Date.now();

/** What `activate` returns: a small read-only API (used by the integration tests; no telemetry, no network). */
export interface TrtcCostApi {
  /** Resolves when settings are loaded, the workspace is scanned and pending recomputes have run. */
  whenIdle(): Promise<void>;
  statusBar(): { text: string; tooltip: string; visible: boolean };
  /** Warnings shown about invalid settings or files, in order. */
  warnings(): readonly string[];
  estimate(args?: EstimateArgs): Promise<EstimateResult>;
  lastEstimateView(): { title: string; items: string[] } | undefined;
  locale(): string;
  /** Milliseconds from loading the bundle to the end of activate() (settings read, providers registered). */
  activationMs(): number;
  /** The TRTC Cost view's top-level nodes, as the view shows them. */
  treeNodes(): CostNode[];
  /** Why the workspace counts as a TRTC project (undefined: not known to be one, so nothing is scanned). */
  projectReason(): string | undefined;
}

/** Our languages, plus source files VS Code opens as plain text when no extension provides their language. */
const SELECTOR: vscode.DocumentSelector = [...[...LANGUAGE_SET].map((language) => ({ language })), { language: 'plaintext', pattern: SOURCE_GLOB }];

class TrtcCostExtension implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly config: ConfigService;
  readonly analyses: OpenEditorAnalyses;
  readonly index: WorkspaceIndex;
  readonly statusBar: CostStatusBar;
  readonly commands: Commands;
  readonly gate: ProjectGate;
  readonly tree: CostTreeProvider;
  private readonly codeLens: RoomCodeLensProvider;
  private readonly hover: RoomHoverProvider;
  private codeLensRegistration: vscode.Disposable | undefined;
  private hoverRegistration: vscode.Disposable | undefined;
  private initialScan: ReturnType<typeof setTimeout> | undefined;

  constructor(context: vscode.ExtensionContext) {
    this.config = this.own(new ConfigService());
    this.analyses = this.own(new OpenEditorAnalyses(this.config));
    this.index = this.own(new WorkspaceIndex(this.analyses, this.config));
    this.statusBar = this.own(new CostStatusBar(this.index, this.config));
    this.commands = this.own(new Commands(this.config, this.analyses, this.index));
    this.gate = this.own(new ProjectGate(this.analyses, this.config));
    this.tree = this.own(new CostTreeProvider(this.index, this.config));
    // A workspace without a TRTC SDK in its manifests is scanned once one of its documents shows a TRTC room.
    this.own(this.gate.onDidOpen(() => this.firstScan()));
    this.codeLens = this.own(new RoomCodeLensProvider(this.analyses, this.config, this.index));
    this.hover = new RoomHoverProvider(this.analyses, this.config, this.index);
    this.own(
      registerCalculatorPanel(context, () => {
        const rooms = this.index?.summary().rooms ?? [];
        if (!rooms.length) return undefined;
        return scenarioOf(
          rooms.map((r) => r.room),
          this.config.context,
          workspaceName(),
        );
      }),
    );
    this.own(
      vscode.languages.registerCodeActionsProvider(SELECTOR, new LeverCodeActionProvider(this.analyses, this.config, this.index), {
        providedCodeActionKinds: LeverCodeActionProvider.kinds,
      }),
    );
    this.own(registerWalkthrough(context, this.config));
    this.own(new CompareWithBranch(this.index, this.analyses, this.config, this.tree));
    this.own(this.config.onDidChange(() => this.applySettings()));
    this.own({ dispose: () => this.unregisterProviders() });
  }

  private own<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  async start(): Promise<void> {
    await this.config.reload();
    // Reading the manifests runs after activation returns: the status item and the view appear when it says so.
    void this.gate.check();
  }

  private firstScanStarted = false;

  /** The first full scan, with the "scanning" state in the status item and the view while it runs. */
  private firstScan(): void {
    if (this.firstScanStarted) return;
    this.firstScanStarted = true;
    this.statusBar.scanning = this.tree.scanning = true;
    this.statusBar.update();
    // The scan waits a moment so it does not compete with the window opening.
    this.initialScan = setTimeout(() => {
      this.initialScan = undefined;
      void this.index.scan().finally(() => {
        this.statusBar.scanning = this.tree.scanning = false;
        this.statusBar.update();
      });
    }, 500);
  }

  /** Registers or disposes the providers as the switches say (a disabled provider costs nothing). */
  private applySettings(): void {
    const s = this.config.settings;
    if (s.codeLensEnabled && !this.codeLensRegistration) this.codeLensRegistration = vscode.languages.registerCodeLensProvider(SELECTOR, this.codeLens);
    if (!s.codeLensEnabled && this.codeLensRegistration) {
      this.codeLensRegistration.dispose();
      this.codeLensRegistration = undefined;
    }
    if (s.hoverEnabled && !this.hoverRegistration) this.hoverRegistration = vscode.languages.registerHoverProvider(SELECTOR, this.hover);
    if (!s.hoverEnabled && this.hoverRegistration) {
      this.hoverRegistration.dispose();
      this.hoverRegistration = undefined;
    }
    void vscode.commands.executeCommand('setContext', 'trtcCost.inlineEnabled', s.codeLensEnabled || s.hoverEnabled);
    if (!this.initialScan && this.gate.isOpen) void this.index.scan();
  }

  private unregisterProviders(): void {
    this.codeLensRegistration?.dispose();
    this.hoverRegistration?.dispose();
    this.codeLensRegistration = this.hoverRegistration = undefined;
  }

  async whenIdle(): Promise<void> {
    const tick = () => new Promise((r) => setTimeout(r, 25));
    for (let i = 0; i < 400; i++) {
      if (this.config.reloadPending) {
        await tick();
        continue;
      }
      await this.config.whenLoaded();
      if (!(await this.gate.check())) return;
      if (this.initialScan) {
        clearTimeout(this.initialScan);
        this.initialScan = undefined;
        this.statusBar.scanning = this.tree.scanning = false;
      }
      await this.index.scan();
      if (this.config.reloadPending || this.codeLens.pending || this.statusBar.pending || this.index.pending || this.tree.pending) {
        await tick();
        continue;
      }
      this.statusBar.update();
      return;
    }
  }

  api(): TrtcCostApi {
    return {
      whenIdle: () => this.whenIdle(),
      statusBar: () => this.statusBar.snapshot(),
      warnings: () => this.config.warnings,
      estimate: (args) => this.commands.estimate(args),
      lastEstimateView: () => this.commands.lastView,
      locale: () => vscode.env.language,
      activationMs: () => activationMs,
      treeNodes: () => this.tree.nodes(),
      projectReason: () => this.gate.reason,
    };
  }

  dispose(): void {
    if (this.initialScan) clearTimeout(this.initialScan);
    while (this.disposables.length) {
      try {
        this.disposables.pop()?.dispose();
      } catch (e) {
        log().error(`dispose: ${errorText(e)}`);
      }
    }
  }
}

let activationMs = -1;

export async function activate(context: vscode.ExtensionContext): Promise<TrtcCostApi> {
  const ext = new TrtcCostExtension(context);
  context.subscriptions.push(ext, { dispose: disposeLog });
  try {
    await ext.start();
  } catch (e) {
    // VS Code does not tell the user when activation fails; say it once, plainly.
    log().error(`activation failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    void vscode.window.showErrorMessage(t('TRTC Cost could not start: {0}', errorText(e)));
  }
  activationMs = Date.now() - moduleLoadedAt;
  log().info(`activated in ${activationMs} ms`);
  return ext.api();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
