// The top bar: scenario tabs (a tablist with roving focus), the toolbar (arrow keys move along it) and the
// file the shown scenario lives in.
import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Action } from '../actions';
import { activeDoc, type State } from '../state';
import { icon, type IconName } from './icons';

/** The shown estimate's total, kept in the sticky top bar where the estimate scrolls away (narrow panes). */
export interface SummaryBar {
  days: number;
  total: string;
  exact: string;
  perDay: string;
  /** The inputs have errors: this is the last valid estimate. */
  stale: boolean;
}

export interface HeaderCtx {
  state: State;
  names: string[];
  summary?: SummaryBar;
  /** The scenario has errors (or the engine failed on it): its tab shows an error mark. */
  bad(docId: number): boolean;
  dispatch(a: Action): void;
  /** Select a tab from the keyboard: the selected tab then takes the focus. */
  selectByKey(index: number): void;
  save(saveAs: boolean): void;
  load(): void;
  copyMarkdown(): void;
  exportBill(format: 'csv' | 'json'): void;
}

function onTabKey(ctx: HeaderCtx, e: KeyboardEvent): void {
  const tabs = Array.from((e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="tab"]'));
  const i = tabs.indexOf(e.target as HTMLElement);
  if (i < 0) return;
  let j = -1;
  if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
  else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
  else if (e.key === 'Home') j = 0;
  else if (e.key === 'End') j = tabs.length - 1;
  if (j < 0) return;
  e.preventDefault();
  ctx.selectByKey(Number(tabs[j]!.dataset.index));
}

function onToolbarKey(e: KeyboardEvent): void {
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
  const buttons = Array.from((e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button:not(:disabled)'));
  const i = buttons.indexOf(e.target as HTMLButtonElement);
  if (i < 0) return;
  e.preventDefault();
  buttons[(i + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
}

/** Save and Save As share an icon: on a narrow pane, where the other tools show icons only, these keep their words. */
const KEEP_LABEL = { cls: 'keep-label' };

function tool(action: string, label: string, ic: IconName, onClick: () => void, title?: string, o: { disabled?: boolean; cls?: string } = {}): TemplateResult {
  return html`<button
    type="button"
    class="tool${o.cls ? ' ' + o.cls : ''}"
    data-action=${action}
    title=${title ?? label}
    ?disabled=${!!o.disabled}
    @click=${onClick}
  >
    ${icon(ic)}<span class="tool-label">${label}</span>
  </button>`;
}

export function headerView(ctx: HeaderCtx): TemplateResult {
  const { state: s } = ctx;
  const doc = activeDoc(s);
  const compareSelected = s.active < 0;
  const tabs = s.docs.map((d, i) => {
    const selected = i === s.active;
    return html`<button
      type="button"
      role="tab"
      class="tab"
      id="tab-${d.id}"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="main-panel"
      tabindex=${selected ? 0 : -1}
      data-action="tab"
      data-index=${i}
      @click=${() => ctx.dispatch({ type: 'select', index: i })}
    >
      ${ctx.bad(d.id) ? icon('error') : nothing}<span class="tab-name">${ctx.names[i]}</span>${
        d.dirty ? html`<span class="dirty" title=${l10n.t('unsaved changes')} aria-label=${l10n.t('unsaved changes')}>●</span>` : nothing
      }
    </button>`;
  });
  let docTools: unknown = nothing;
  let moreTools: unknown = nothing;
  if (doc) {
    const name = ctx.names[s.active]!;
    const confirming = s.ui.confirmClose === doc.id;
    docTools = [
      tool(
        'save',
        l10n.t('Save'),
        'save',
        () => ctx.save(false),
        doc.fileName
          ? `${l10n.t('Save the scenario to a workspace file (the JSON the CLI reads)')} (${doc.fileName})`
          : l10n.t('Save the scenario to a workspace file (the JSON the CLI reads)'),
        KEEP_LABEL,
      ),
      tool('save-as', l10n.t('Save As…'), 'save', () => ctx.save(true), l10n.t('Save the scenario to a workspace file (the JSON the CLI reads)'), KEEP_LABEL),
    ];
    moreTools = [
      tool('export-csv', l10n.t('Export CSV'), 'table', () => ctx.exportBill('csv')),
      tool('export-json', l10n.t('Export JSON'), 'json', () => ctx.exportBill('json')),
      tool(
        'duplicate',
        l10n.t('Duplicate'),
        'duplicate',
        () => ctx.dispatch({ type: 'duplicate-scenario' }),
        l10n.t('Duplicate this scenario (for a what-if)'),
      ),
      tool(
        'close-scenario',
        confirming ? l10n.t('Close "{0}"? Unsaved changes are lost. Press again to confirm.', name) : l10n.t('Close {0}', name),
        'close',
        () => ctx.dispatch({ type: 'close-scenario' }),
        undefined,
        {
          disabled: s.docs.length <= 1,
          cls: confirming ? 'confirm' : '',
        },
      ),
    ];
  }
  return html`<header class="topbar">
    <div class="tabs-row">
      <div class="tabs" role="tablist" aria-label=${l10n.t('Scenarios')} @keydown=${(e: KeyboardEvent) => onTabKey(ctx, e)}>
        ${tabs}<button
          type="button"
          role="tab"
          class="tab compare-tab"
          id="tab-compare"
          aria-selected=${compareSelected ? 'true' : 'false'}
          aria-controls="main-panel"
          tabindex=${compareSelected ? 0 : -1}
          data-action="tab"
          data-index="-1"
          @click=${() => ctx.dispatch({ type: 'select', index: -1 })}
        >
          ${icon('compare')}<span>${l10n.t('Compare')}</span>
        </button>
      </div>
      <button
        type="button"
        class="icon-button"
        data-action="new-scenario"
        title=${l10n.t('New scenario')}
        aria-label=${l10n.t('New scenario')}
        @click=${() => ctx.dispatch({ type: 'new-scenario' })}
      >
        ${icon('add')}
      </button>
    </div>
    <div class="toolbar" role="toolbar" aria-label=${l10n.t('Actions')} @keydown=${onToolbarKey}>
      ${docTools}${tool('load', l10n.t('Load…'), 'open', () => ctx.load(), l10n.t('Load a scenario file'), KEEP_LABEL)}${tool(
        'copy-md',
        l10n.t('Copy as Markdown'),
        'markdown',
        () => ctx.copyMarkdown(),
      )}${moreTools}
    </div>
    ${
      ctx.summary
        ? html`<div class="summary-bar${ctx.summary.stale ? ' stale' : ''}" data-testid="summary" data-exact=${ctx.summary.exact}>
            <span class="summary-label">${l10n.t('Total for {0} days', ctx.summary.days)}</span>
            ${
              ctx.summary.stale
                ? html`<span
                    class="summary-stale"
                    role="img"
                    aria-label=${l10n.t('invalid — last valid estimate')}
                    title=${l10n.t('invalid — last valid estimate')}
                    >${icon('error')}</span
                  >`
                : nothing
            }<strong class="summary-total">${ctx.summary.total}</strong>
            <span class="summary-per-day">${l10n.t('Per day')} ${ctx.summary.perDay}</span>
          </div>`
        : nothing
    }
    ${doc?.fileName ? html`<div class="file-line">${l10n.t('File: {0}', doc.fileName)}${doc.dirty ? ` · ${l10n.t('unsaved changes')}` : ''}</div>` : nothing}
  </header>`;
}
