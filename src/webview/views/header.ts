// The top bar: scenario tabs (a tablist with roving focus), the toolbar (arrow keys move along it) and the
// file the shown scenario lives in.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Action } from '../actions';
import type { Strings } from '../i18n';
import { activeDoc, type State } from '../state';
import { icon, type IconName } from './icons';

export interface HeaderCtx {
  t: Strings;
  state: State;
  names: string[];
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
  const { t, state: s } = ctx;
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
        d.dirty ? html`<span class="dirty" title=${t.unsaved} aria-label=${t.unsaved}>●</span>` : nothing
      }
    </button>`;
  });
  let docTools: unknown = nothing;
  let moreTools: unknown = nothing;
  if (doc) {
    const name = ctx.names[s.active]!;
    const confirming = s.ui.confirmClose === doc.id;
    docTools = [
      tool('save', t.save, 'save', () => ctx.save(false), doc.fileName ? `${t.saveTitle} (${doc.fileName})` : t.saveTitle),
      tool('save-as', t.saveAs, 'save', () => ctx.save(true), t.saveTitle),
    ];
    moreTools = [
      tool('export-csv', t.exportCsv, 'table', () => ctx.exportBill('csv')),
      tool('export-json', t.exportJson, 'json', () => ctx.exportBill('json')),
      tool('duplicate', t.duplicate, 'duplicate', () => ctx.dispatch({ type: 'duplicate-scenario' }), t.duplicateScenario),
      tool('close-scenario', confirming ? t.closeConfirm(name) : t.closeScenario(name), 'close', () => ctx.dispatch({ type: 'close-scenario' }), undefined, {
        disabled: s.docs.length <= 1,
        cls: confirming ? 'confirm' : '',
      }),
    ];
  }
  return html`<header class="topbar">
    <div class="tabs-row">
      <div class="tabs" role="tablist" aria-label=${t.scenarios} @keydown=${(e: KeyboardEvent) => onTabKey(ctx, e)}>
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
          ${icon('compare')}<span>${t.compare}</span>
        </button>
      </div>
      <button
        type="button"
        class="icon-button"
        data-action="new-scenario"
        title=${t.newScenario}
        aria-label=${t.newScenario}
        @click=${() => ctx.dispatch({ type: 'new-scenario' })}
      >
        ${icon('add')}
      </button>
    </div>
    <div class="toolbar" role="toolbar" aria-label=${t.actions} @keydown=${onToolbarKey}>
      ${docTools}${tool('load', t.load, 'open', () => ctx.load(), t.loadTitle)}${tool('copy-md', t.copyMarkdown, 'markdown', () => ctx.copyMarkdown())}${moreTools}
    </div>
    ${doc?.fileName ? html`<div class="file-line">${t.fromFile(doc.fileName)}${doc.dirty ? ` · ${t.unsaved}` : ''}</div>` : nothing}
  </header>`;
}
