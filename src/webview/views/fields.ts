// Form controls and error slots. Every control carries data-path (the JSON path it edits, in Problem.path
// format) and data-kind; every field has an error slot (data-error-for) where parseScenario's problems with
// that path, or a path below it, are shown (see Placement). Controls dispatch typed actions.
import { html, nothing, type TemplateResult } from 'lit-html';
import { Directive, directive } from 'lit-html/directive.js';
import type { Problem } from '../../core';
import type { Action } from '../actions';
import { problemText } from '../compute';
import type { UiLocale } from '../../shared/protocol';
import { idFor, numberFromInput, parsePath, pathString, type Path } from '../jsonPath';
import { icon } from './icons';

/** Renders what `f` returns when the template is committed, not when it is built (see Placement). */
class LaterDirective extends Directive {
  render(f: () => unknown): unknown {
    return f();
  }
}
const later = directive(LaterDirective);

interface Placed {
  problem: Problem;
  severity: 'error' | 'warning';
}

/**
 * Puts each problem in the slot for its path or the nearest enclosing one. Which slots exist is known only
 * once the form is built (slots register themselves while it is), so slots and aria-invalid read their content
 * when the template is committed, after every slot has registered.
 */
export class Placement {
  private readonly slots = new Set<string>();
  private placed: Map<string, Placed[]> | undefined;
  private invalid = new Set<string>();
  /** Paths whose DOM is kept from the last render, with the problems it shows. */
  private readonly retained: string[] = [];

  constructor(
    private readonly errors: readonly Problem[],
    private readonly warnings: readonly Problem[],
    private readonly locale: UiLocale,
  ) {}

  register(path: string): void {
    this.slots.add(path);
  }

  /** The problems at or below `path` are already shown there (its DOM is kept): do not place them again. */
  retain(path: string): void {
    this.retained.push(path);
  }

  /** The problems at or below `path` (what a kept part of the form shows). */
  problemsUnder(path: string): Problem[] {
    return [...this.errors, ...this.warnings].filter((p) => under(p.path, path));
  }

  private resolve(): Map<string, Placed[]> {
    if (this.placed) return this.placed;
    const placed = new Map<string, Placed[]>();
    const put = (problem: Problem, severity: 'error' | 'warning'): void => {
      if (this.retained.some((r) => under(problem.path, r))) return;
      let path: Path | undefined = parsePath(problem.path);
      let slot: string | undefined;
      while (path) {
        const ps = pathString(path);
        if (this.slots.has(ps)) {
          slot = ps;
          break;
        }
        if (path.length === 0) break;
        path = path.slice(0, -1);
      }
      slot ??= this.slots.has('$') ? '$' : undefined;
      if (slot === undefined) return;
      const list = placed.get(slot) ?? [];
      list.push({ problem, severity });
      placed.set(slot, list);
      if (severity === 'error') this.invalid.add(slot);
    };
    for (const p of this.errors) put(p, 'error');
    for (const p of this.warnings) put(p, 'warning');
    this.placed = placed;
    return placed;
  }

  /** The slot element for `path` (a field's, or a section's with `extra` = "section-error"). */
  slot(path: string, extra?: string): TemplateResult {
    this.register(path);
    const items = () => this.resolve().get(path) ?? [];
    return html`<div
      class=${later(() => `field-error${extra ? ' ' + extra : ''}${items().length > 0 && items().every((i) => i.severity === 'warning') ? ' warning' : ''}`)}
      id=${idFor(path, '-err')}
      data-error-for=${path}
      ?hidden=${later(() => items().length === 0)}
    >
      ${later(() =>
        items().map(
          (i) =>
            html`<div class="problem ${i.severity}" data-problem=${i.problem.path}>
              ${icon(i.severity === 'error' ? 'error' : 'warning')}<span>${problemText(i.problem, this.locale)}</span>
            </div>`,
        ),
      )}
    </div>`;
  }

  /** aria-invalid for the controls editing `path`: set while an error sits in its slot. */
  invalidAttr(path: string): unknown {
    return later(() => {
      this.resolve();
      return this.invalid.has(path) ? 'true' : nothing;
    });
  }
}

function under(p: string, base: string): boolean {
  return p === base || (p.startsWith(base) && (p[base.length] === '.' || p[base.length] === '['));
}

export interface FieldCtx {
  docId: number;
  placement: Placement;
  dispatch(a: Action): void;
  /** Text as typed (state.ui.drafts), by draftKey. */
  draft(path: string, part?: string): string | undefined;
}

export function str(x: unknown): string {
  return x === undefined || x === null ? '' : typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : JSON.stringify(x);
}

function describedBy(path: string, help: boolean): string {
  return [help ? idFor(path, '-help') : '', idFor(path, '-err')].filter(Boolean).join(' ');
}

export interface FieldOpts {
  help?: string;
  /** Help read by screen readers only (the placeholder shows the default). */
  quietHelp?: boolean;
  wide?: boolean;
  cls?: string;
  /** The control's id, when it is not idFor(path). */
  id?: string;
}

/** Label + control + help + error slot. */
export function field(ctx: FieldCtx, label: string, path: string, control: TemplateResult, o: FieldOpts = {}): TemplateResult {
  return html`<div class="field${o.wide ? ' wide' : ''}${o.cls ? ' ' + o.cls : ''}">
    <label for=${o.id ?? idFor(path)}>${label}</label
    >${control}${o.help ? html`<div class=${o.quietHelp ? 'sr-only' : 'help'} id=${idFor(path, '-help')}>${o.help}</div>` : nothing}${ctx.placement.slot(path)}
  </div>`;
}

export interface TextOpts {
  placeholder?: string;
  help?: boolean;
  size?: number;
  onFocus?: (e: FocusEvent) => void;
  onChange?: (e: Event) => void;
}

/** A text, number or date input. Numbers keep the text as typed while it still reads as the value. */
export function textInput(ctx: FieldCtx, path: Path, value: unknown, kind: 'text' | 'num' | 'date', o: TextOpts = {}): TemplateResult {
  const p = pathString(path);
  let shown = str(value);
  if (kind === 'num') {
    const d = ctx.draft(p);
    if (d !== undefined && JSON.stringify(numberFromInput(d)) === JSON.stringify(value)) shown = d;
  }
  const onInput = (e: Event): void => {
    const text = (e.currentTarget as HTMLInputElement).value;
    if (kind === 'num') ctx.dispatch({ type: 'set-field', path, value: numberFromInput(text), typing: true, typed: { '': text } });
    else ctx.dispatch({ type: 'set-field', path, value: text === '' ? undefined : text, typing: true });
  };
  return html`<input
    id=${idFor(p)}
    @keydown=${kind === 'num' ? stepNumber : nothing}
    type=${kind === 'date' ? 'date' : 'text'}
    inputmode=${kind === 'num' ? 'decimal' : nothing}
    class=${kind === 'num' ? 'num' : nothing}
    data-path=${p}
    data-kind=${kind}
    .value=${shown}
    placeholder=${o.placeholder ?? nothing}
    size=${o.size ?? nothing}
    spellcheck=${kind === 'text' ? 'false' : nothing}
    autocomplete="off"
    aria-describedby=${describedBy(p, !!o.help)}
    aria-invalid=${ctx.placement.invalidAttr(p)}
    @input=${onInput}
    @focus=${o.onFocus ?? nothing}
    @change=${o.onChange ?? nothing}
  />`;
}

/** Number fields: arrows step by 1 (Shift: 10), as a spin button would. */
function stepNumber(e: KeyboardEvent): void {
  if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
  const el = e.currentTarget as HTMLInputElement;
  const n = Number(el.value.replace(/[,_\s]/g, '') || '0');
  if (!Number.isFinite(n)) return;
  e.preventDefault();
  const step = (e.shiftKey ? 10 : 1) * (e.key === 'ArrowUp' ? 1 : -1);
  el.value = String(Math.round((n + step) * 1e6) / 1e6);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export type Option = readonly [value: string, label: string];
export interface OptGroup {
  group: string;
  options: Option[];
}

/** A select; `choose` turns the chosen value into the action to dispatch. */
export function select(
  ctx: FieldCtx,
  path: Path,
  value: string,
  options: (Option | OptGroup)[],
  choose: (v: string) => Action,
  kind = 'select',
  o: { help?: boolean; id?: string } = {},
): TemplateResult {
  const p = pathString(path);
  const opt = (x: Option) => html`<option value=${x[0]} .selected=${x[0] === value}>${x[1]}</option>`;
  return html`<select
    id=${o.id ?? idFor(p)}
    data-path=${p}
    data-kind=${kind}
    aria-describedby=${describedBy(p, !!o.help)}
    aria-invalid=${ctx.placement.invalidAttr(p)}
    @change=${(e: Event) => ctx.dispatch(choose((e.currentTarget as HTMLSelectElement).value))}
  >
    ${options.map((x) => ('group' in x ? html`<optgroup label=${x.group}>${x.options.map(opt)}</optgroup>` : opt(x)))}
  </select>`;
}

/** The usual select: the chosen value is stored ('' removes the key). */
export function setTo(path: Path): (v: string) => Action {
  return (v) => ({ type: 'set-field', path, value: v === '' ? undefined : v });
}

export function checkbox(
  ctx: FieldCtx,
  path: Path,
  checked: boolean,
  label: string,
  toggle: (on: boolean) => Action,
  kind = 'bool',
  o: { idx?: string; name?: string } = {},
): TemplateResult {
  const p = pathString(path);
  const id = idFor(p, o.idx !== undefined ? `-${o.idx}` : '');
  return html`<div class="check">
    <input
      type="checkbox"
      id=${id}
      data-path=${p}
      data-kind=${kind}
      data-name=${o.name ?? nothing}
      data-idx=${o.idx ?? nothing}
      .checked=${checked}
      aria-describedby=${idFor(p, '-err')}
      aria-invalid=${ctx.placement.invalidAttr(p)}
      @change=${(e: Event) => ctx.dispatch(toggle((e.currentTarget as HTMLInputElement).checked))}
    /><label for=${id}>${label}</label>
  </div>`;
}

/** An icon-only button; `data` become data-* attributes (what tests and people's tools select by). */
export function iconButton(label: string, name: Parameters<typeof icon>[0], onClick: () => void, data: Record<string, string | number> = {}): TemplateResult {
  return html`<button
    type="button"
    class="icon-button"
    data-action=${data.action ?? nothing}
    data-index=${data.index ?? nothing}
    data-room=${data.room ?? nothing}
    data-dir=${data.dir ?? nothing}
    aria-label=${label}
    title=${label}
    @click=${onClick}
  >
    ${icon(name)}
  </button>`;
}

export function textButton(
  label: string,
  name: Parameters<typeof icon>[0] | null,
  onClick: () => void,
  data: Record<string, string | number> = {},
  cls = 'secondary',
  o: { ariaLabel?: string; title?: string } = {},
): TemplateResult {
  return html`<button
    type="button"
    class="button ${cls}"
    data-action=${data.action ?? nothing}
    data-room=${data.room ?? nothing}
    data-role=${data.role ?? nothing}
    data-service=${data.service ?? nothing}
    aria-label=${o.ariaLabel ?? nothing}
    title=${o.title ?? nothing}
    @click=${onClick}
  >
    ${name ? icon(name) : nothing}<span>${label}</span>
  </button>`;
}
