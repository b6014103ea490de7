// The workspace's monthly total in the status bar (each room once); a click shows the breakdown.
import * as vscode from 'vscode';
import { statusText, statusTooltip, type BreakdownRow } from './logic/present';
import type { ConfigService } from './config';
import type { WorkspaceIndex, WorkspaceSummary } from './workspaceIndex';
import { localizer, t } from './l10n';

export function breakdownRows(summary: WorkspaceSummary): BreakdownRow[] {
  const bill = summary.bill;
  if (!bill) return [];
  return summary.rooms
    .map((r, i) => {
      const where = r.file ? `${r.file}${r.line ? `:${r.line}` : ''}` : undefined;
      return { name: r.room.name, amount: bill.rooms[i]?.monthly ?? '0', where: where === r.room.name ? undefined : where };
    })
    .sort((a, b) => Number(b.amount) - Number(a.amount));
}

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

  /** The first workspace scan is running: shown while nothing is known yet. */
  scanning = false;

  update(): void {
    if (!this.config.settings.statusBarEnabled) {
      this.hide();
      return;
    }
    const loc = localizer();
    const summary = this.index.summary();
    if (summary.rooms.length === 0 && summary.withoutEstimate === 0 && this.scanning) {
      this.item.text = `$(sync~spin) ${t('TRTC: scanning…')}`;
      this.item.tooltip = t('Scanning the workspace for TRTC rooms…');
      this.item.accessibilityInformation = { label: t('TRTC: scanning…') };
      this.item.show();
      this.shown = true;
      return;
    }
    if (summary.rooms.length === 0 && summary.withoutEstimate === 0) {
      this.hide();
      return;
    }
    if (!summary.bill) {
      this.item.text = `$(warning) ${t('TRTC: no estimate')}`;
      const md = new vscode.MarkdownString(
        summary.error ? t('The workspace estimate failed: {0}', summary.error) : t('{0} rooms have no estimate.', summary.withoutEstimate),
      );
      this.item.tooltip = md;
    } else {
      this.item.text = statusText(summary.bill.total, summary.bill.currency, loc);
      const md = new vscode.MarkdownString(statusTooltip(summary.bill, breakdownRows(summary), summary.withoutEstimate, loc), true);
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
