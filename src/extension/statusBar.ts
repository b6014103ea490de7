// The workspace's monthly total in the status bar (each room once); a click shows the breakdown.
import * as vscode from 'vscode';
import { breakdownRows, noEstimateCount, statusText, statusTooltip } from './logic/present';
import type { ConfigService } from './config';
import type { WorkspaceIndex } from './workspaceIndex';
import { localizer, t } from './l10n';

export class CostStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: ConfigService,
  ) {
    this.item = vscode.window.createStatusBarItem('trtcCost.total', vscode.StatusBarAlignment.Right, 100);
    this.item.name = t('TRTC Cost: workspace total');
    this.item.command = 'trtcCost.showBreakdown';
    this.disposables.push(
      this.item,
      index.onDidChange(() => this.schedule()),
      config.onDidChange(() => this.schedule()),
    );
  }

  schedule(delayMs = 250): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, delayMs);
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  private firstScanRunning = false;
  private firstScanEnded = false;

  /** The first workspace scan is running (set by the extension): until it ends the item says "scanning", not a partial total. */
  get scanning(): boolean {
    return this.firstScanRunning;
  }
  set scanning(on: boolean) {
    if (this.firstScanRunning && !on) this.firstScanEnded = true;
    this.firstScanRunning = on;
  }

  /**
   * Whether the workspace total is not known yet: before the first scan has ended, or while a scan for the current
   * settings runs. Meanwhile the index holds only the open files, whose total is not the workspace's.
   */
  private get waitingForScan(): boolean {
    if (this.index.isScanned) return false;
    return this.firstScanRunning || !this.firstScanEnded || this.index.scanInProgress;
  }

  update(): void {
    if (!this.config.settings.statusBarEnabled) {
      this.hide();
      return;
    }
    const loc = localizer();
    const summary = this.index.summary();
    const known = summary.rooms.length > 0 || summary.withoutEstimate > 0;
    if (this.waitingForScan && (known || this.firstScanRunning)) {
      this.item.text = `$(sync~spin) ${t('TRTC: scanning…')}`;
      this.item.tooltip = t('Scanning the workspace for TRTC rooms…');
      this.item.accessibilityInformation = { label: t('TRTC: scanning…') };
      this.item.show();
      this.shown = true;
      return;
    }
    if (!known) {
      this.hide();
      return;
    }
    if (!summary.bill) {
      this.item.text = `$(warning) ${t('TRTC: no estimate')}`;
      const md = new vscode.MarkdownString(
        summary.error ? t('The workspace estimate failed: {0}', summary.error) : noEstimateCount(summary.withoutEstimate, loc),
      );
      this.item.tooltip = md;
    } else {
      const rows = breakdownRows(summary);
      this.item.text = statusText(
        summary.bill.total,
        summary.bill.currency,
        loc,
        rows.some((r) => r.upTo),
      );
      let tip = statusTooltip(summary.bill, rows, summary.withoutEstimate, loc);
      // The scan did not finish (it failed or was stopped): the total is the open files' only, and says so.
      if (!summary.scanned) tip = `${t('The workspace scan did not finish: this counts the open files only.')}\n\n${tip}`;
      const md = new vscode.MarkdownString(tip, true);
      this.item.tooltip = md;
    }
    this.item.accessibilityInformation = { label: this.item.text.replace(/\$\([^)]*\)\s*/g, '') };
    this.item.show();
    this.shown = true;
  }

  private hide(): void {
    this.item.hide();
    this.shown = false;
  }

  snapshot(): { text: string; tooltip: string; visible: boolean } {
    const tip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tip === 'string' ? tip : (tip?.value ?? ''), visible: this.visible };
  }

  private get visible(): boolean {
    // StatusBarItem has no getter for visibility; track it through show/hide.
    return this.shown;
  }
  private shown = false;

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
