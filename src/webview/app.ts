// The calculator webview application: scenario tabs, the editor, the estimate, comparison, and the
// conversation with the host. State (the scenario documents, not the bills) is saved with setState after
// every change, so the panel comes back as it was after being hidden or after a window reload.
import type { Bill, Problem } from '../core';
import { compareMarkdown, billCsv, billJson, billMarkdown } from './exporters';
import { buildResultModel, compute, problemText, type Computation } from './compute';
import { renderCompare } from './compare';
import { clear, h, idFor } from './dom';
import { renderForm, type FormContext } from './form';
import { icon } from './icons';
import { strings, type Strings } from './i18n';
import { PROTOCOL_VERSION, parseHostMessage, describeMessage, type HostMessage, type PanelSummary, type ScenarioDoc, type UiLocale, type WebviewMessage } from '../shared/protocol';
import { renderResults, type ProblemItem } from './results';
import {
  clone,
  fileText,
  getAt,
  groupNames,
  isObject,
  newGroup,
  newRoom,
  newScenario,
  numberFromInput,
  parsePath,
  pathString,
  scenarioName,
  setAt,
  splitResolution,
  toFileForm,
  type Json,
  type JsonObject,
  type Path,
} from './scenarioDoc';

export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

interface DocState {
  id: number;
  value: unknown;
  uri?: string;
  fileName?: string;
  dirty: boolean;
  /** The last value that produced a bill, so a reload can show the last valid estimate too. */
  lastValid?: unknown;
}

/** What setState keeps. Bills are not stored: they are recomputed from the inputs. */
export interface PersistedState {
  v: 1;
  docs: DocState[];
  /** Index of the shown scenario, or -1 for the comparison. */
  active: number;
  baseline: number;
  nextId: number;
  /** The only scenario is the untouched starter one: a prefill replaces it. */
  pristine: boolean;
  closed: string[];
}

interface Runtime {
  comp?: Computation;
  /** `comp` includes the payment advice. */
  full: boolean;
  /** Value the computation was made from (identity check). */
  compVersion: number;
  version: number;
  lastBill?: Bill;
}

function validState(x: unknown): PersistedState | undefined {
  if (!isObject(x) || x.v !== 1 || !Array.isArray(x.docs) || x.docs.length === 0) return undefined;
  const docs: DocState[] = [];
  let maxId = 0;
  for (const d of x.docs) {
    if (!isObject(d) || typeof d.id !== 'number' || !('value' in d)) return undefined;
    const doc: DocState = { id: d.id, value: d.value, dirty: d.dirty === true };
    if (typeof d.uri === 'string') doc.uri = d.uri;
    if (typeof d.fileName === 'string') doc.fileName = d.fileName;
    if ('lastValid' in d) doc.lastValid = d.lastValid;
    docs.push(doc);
    maxId = Math.max(maxId, d.id);
  }
  const active = typeof x.active === 'number' && x.active >= -1 && x.active < docs.length ? x.active : 0;
  return {
    v: 1,
    docs,
    active,
    baseline: typeof x.baseline === 'number' && x.baseline >= 0 && x.baseline < docs.length ? x.baseline : 0,
    nextId: typeof x.nextId === 'number' && x.nextId > maxId ? x.nextId : maxId + 1,
    pristine: x.pristine === true,
    closed: Array.isArray(x.closed) ? x.closed.filter((c): c is string => typeof c === 'string') : [],
  };
}

const RECOMPUTE_DELAY_MS = 60;
const ADVICE_DELAY_MS = 250;
/** A full recompute (with advice) cheaper than this runs while typing; a dearer one defers the advice. */
const ADVICE_INLINE_BUDGET_MS = 12;

export class App {
  private locale: UiLocale;
  private t: Strings;
  private state: PersistedState;
  private readonly rt = new Map<number, Runtime>();
  private readonly customRes = new Set<string>();
  private readonly customPack = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private adviceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Smoothed cost of the last full computations (ms). */
  private fullCostMs = 0;
  private seq = 0;
  private readonly pending = new Map<string, (m: HostMessage) => void>();
  private confirmClose: number | undefined;
  private renameFrom: { path: string; value: string } | undefined;
  private today: string | undefined;
  private generation = 0;
  private readonly openExplain = new Set<string>();
  private explainBuilders = new Map<string, () => Node>();
  /** Pings that arrived before `init` (answered once the host's prefill is applied). */
  private initialized = false;
  private readonly earlyPings: string[] = [];

  private readonly header: HTMLElement;
  private readonly status: HTMLElement;
  /** Announces the new total to screen readers after each recompute (a persistent live region). */
  private readonly live: HTMLElement;
  private readonly main: HTMLElement;
  private editorHost: HTMLElement | undefined;
  private resultsHost: HTMLElement | undefined;
  private resultsScroll = 0;
  /** Error slots shown and controls marked invalid by the last placeProblems. */
  private marked: HTMLElement[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
    locale: UiLocale,
  ) {
    this.locale = locale;
    this.t = strings(locale);
    const restored = validState(api.getState());
    this.state = restored ?? { v: 1, docs: [], active: 0, baseline: 0, nextId: 1, pristine: true, closed: [] };
    if (this.state.docs.length === 0) this.state.docs.push(this.makeDoc({ value: newScenario(this.t.scenarioFallback(1)) }));
    for (const d of this.state.docs) if (d.lastValid !== undefined) this.seedLastValid(d);

    clear(root);
    root.removeAttribute('aria-busy');
    this.header = h('header', { class: 'topbar' });
    this.status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.main = h('main', { class: 'main' });
    this.live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    root.append(this.header, this.status, this.main, this.live);
    root.addEventListener('input', (e) => this.onInput(e));
    root.addEventListener('change', (e) => this.onChange(e));
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('keydown', (e) => this.onKeyDown(e));
    root.addEventListener('focusin', (e) => this.onFocusIn(e));
    root.addEventListener('toggle', (e) => this.onToggle(e), true);
    this.renderAll();
  }

  // -------------------------------------------------------------------------------------------
  // Host messages
  // -------------------------------------------------------------------------------------------

  post(m: WebviewMessage): void {
    this.api.postMessage(m);
  }

  onMessage(data: unknown): void {
    const m = parseHostMessage(data);
    if (!m) {
      const text = `ignored an unknown or invalid message from the host (${describeMessage(data)})`;
      console.warn(`[trtc-cost] ${text}`);
      this.post({ type: 'log', level: 'warn', message: text });
      return;
    }
    switch (m.type) {
      case 'init':
        if (m.protocol !== PROTOCOL_VERSION) this.post({ type: 'log', level: 'warn', message: `host protocol ${m.protocol}, webview ${PROTOCOL_VERSION}` });
        if (m.today) this.today = m.today;
        if (m.locale !== this.locale) {
          this.locale = m.locale;
          this.t = strings(m.locale);
          document.documentElement.lang = m.locale === 'zh-cn' ? 'zh-CN' : 'en';
        }
        if (m.docs.length) this.addDocs(m.docs);
        else this.renderAll();
        this.initialized = true;
        for (const id of this.earlyPings.splice(0)) this.post({ type: 'pong', requestId: id, summary: this.summary() });
        return;
      case 'add':
        this.addDocs(m.docs);
        return;
      case 'ping':
        if (!this.initialized) this.earlyPings.push(m.requestId);
        else this.post({ type: 'pong', requestId: m.requestId, summary: this.summary() });
        return;
      case 'opened':
      case 'done': {
        const cb = this.pending.get(m.requestId);
        this.pending.delete(m.requestId);
        cb?.(m);
        return;
      }
    }
  }

  private request(m: WebviewMessage & { requestId: string }, onReply: (r: HostMessage) => void): void {
    this.pending.set(m.requestId, onReply);
    this.post(m);
  }

  private nextRequestId(): string {
    return `r${Date.now().toString(36)}-${++this.seq}`;
  }

  summary(): PanelSummary {
    const active = this.state.active;
    const doc = active >= 0 ? this.state.docs[active] : undefined;
    const rt = doc ? this.runtime(doc) : undefined;
    const bill = rt?.comp?.bill ?? rt?.lastBill;
    return {
      scenarios: this.state.docs.length,
      active,
      names: this.state.docs.map((d, i) => this.docName(d, i)),
      total: bill?.total ?? null,
      currency: bill?.currency ?? null,
      errors: rt?.comp?.parse.errors.length ?? 0,
      locale: this.locale,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Documents
  // -------------------------------------------------------------------------------------------

  private makeDoc(d: ScenarioDoc): DocState {
    const doc: DocState = { id: this.state.nextId++, value: toFileForm(clone(d.value)), dirty: false };
    if (d.uri) doc.uri = d.uri;
    if (d.fileName) doc.fileName = d.fileName;
    return doc;
  }

  private docName(d: DocState, i: number): string {
    return scenarioName(d.value, d.fileName, this.t.scenarioFallback(i + 1));
  }

  /** Add docs (prefill, load). Identical content already open is just shown; a pristine starter is replaced. */
  private addDocs(docs: ScenarioDoc[]): void {
    let show = -1;
    for (const d of docs) {
      const value = toFileForm(clone(d.value));
      const same = this.state.docs.findIndex((x) => JSON.stringify(x.value) === JSON.stringify(value));
      if (same >= 0) {
        show = same;
        continue;
      }
      const doc = this.makeDoc(d);
      if (this.state.pristine && this.state.docs.length === 1) {
        this.rt.delete(this.state.docs[0]!.id);
        this.state.docs[0] = doc;
        show = 0;
      } else {
        this.state.docs.push(doc);
        show = this.state.docs.length - 1;
      }
      this.state.pristine = false;
    }
    if (show >= 0) this.state.active = show;
    this.persist();
    this.renderAll();
  }

  private runtime(d: DocState): Runtime {
    let r = this.rt.get(d.id);
    if (!r) {
      r = { compVersion: -1, version: 0, full: false };
      this.rt.set(d.id, r);
    }
    return r;
  }

  private seedLastValid(d: DocState): void {
    try {
      const c = compute(d.lastValid, this.computeOptions());
      if (c.bill) this.runtime(d).lastBill = c.bill;
    } catch {
      /* engine not ready: nothing to show */
    }
  }

  private computeOptions(): { today?: string } {
    return this.today ? { today: this.today } : {};
  }

  /** Compute a doc if its value changed since the last computation (`full`: with the payment advice). */
  private ensureComputed(d: DocState, full = true): Runtime {
    const r = this.runtime(d);
    if (r.compVersion === r.version && r.comp && (r.full || !full)) return r;
    const c = compute(d.value, { ...this.computeOptions(), advice: full });
    r.comp = c;
    r.full = full;
    r.compVersion = r.version;
    if (c.bill) {
      r.lastBill = c.bill;
      d.lastValid = clone(d.value);
    }
    return r;
  }

  private activeDoc(): DocState | undefined {
    return this.state.active >= 0 ? this.state.docs[this.state.active] : undefined;
  }

  private changed(d: DocState, structural: boolean): void {
    d.dirty = true;
    this.state.pristine = false;
    this.runtime(d).version++;
    if (structural) {
      this.recomputeNow();
      this.renderEditor();
    } else {
      this.scheduleRecompute();
    }
    this.renderTabs();
  }

  /**
   * While typing: after a short pause, recompute without the payment advice (the slow part) and show it;
   * when typing has stopped a little longer, add the advice.
   */
  private scheduleRecompute(): void {
    this.root.dataset.state = 'pending';
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.adviceTimer !== undefined) clearTimeout(this.adviceTimer);
    this.adviceTimer = undefined;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // When the advice is cheap (the usual case), compute everything at once.
      const budget = Number(this.root.dataset.adviceBudget ?? ADVICE_INLINE_BUDGET_MS); // tests set 0 to exercise deferral
      if (this.fullCostMs < budget) {
        this.renderResults(true);
        this.persist();
        return;
      }
      this.renderResults(false);
      this.persist();
      const doc = this.activeDoc();
      const rt = doc ? this.rt.get(doc.id) : undefined;
      if (rt?.comp?.bill && !rt.full) {
        this.root.dataset.state = 'pending';
        this.adviceTimer = setTimeout(() => {
          this.adviceTimer = undefined;
          this.renderResults(true);
        }, ADVICE_DELAY_MS);
      }
    }, RECOMPUTE_DELAY_MS);
  }

  private recomputeNow(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.adviceTimer !== undefined) clearTimeout(this.adviceTimer);
    this.timer = undefined;
    this.adviceTimer = undefined;
    this.renderResults(true);
    this.persist();
  }

  private persist(): void {
    this.api.setState(this.state);
  }

  // -------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------

  private formContext(): FormContext {
    return { t: this.t, customRes: this.customRes, customPack: this.customPack, closed: new Set(this.state.closed) };
  }

  renderAll(): void {
    this.root.lang = this.locale === 'zh-cn' ? 'zh-CN' : 'en';
    this.renderTabs();
    clear(this.main);
    this.editorHost = undefined;
    this.resultsHost = undefined;
    if (this.state.active < 0) {
      this.main.appendChild(this.renderCompareView());
      this.markReady();
      return;
    }
    const layout = h('div', { class: 'layout' });
    this.editorHost = h('div', { class: 'editor-host' });
    this.resultsHost = h('div', { class: 'results-host' });
    this.resultsScroll = 0;
    const host = this.resultsHost;
    host.addEventListener('scroll', () => (this.resultsScroll = host.scrollTop), { passive: true });
    layout.append(this.editorHost, this.resultsHost);
    this.main.appendChild(layout);
    this.renderEditor();
    this.renderResults();
  }

  private markReady(): void {
    this.root.dataset.state = 'ready';
    this.root.dataset.generation = String(++this.generation);
  }

  private renderTabs(): void {
    const t = this.t;
    clear(this.header);
    const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t.scenarios });
    this.state.docs.forEach((d, i) => {
      const selected = i === this.state.active;
      const rt = this.rt.get(d.id);
      const bad = (rt?.comp?.parse.errors.length ?? 0) > 0 || !!rt?.comp?.engineError;
      tabs.appendChild(
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            class: 'tab',
            id: `tab-${d.id}`,
            'aria-selected': selected ? 'true' : 'false',
            'aria-controls': 'main-panel',
            tabindex: selected ? 0 : -1,
            'data-action': 'tab',
            'data-index': i,
          },
          bad ? icon('error') : null,
          h('span', { class: 'tab-name' }, this.docName(d, i)),
          d.dirty ? h('span', { class: 'dirty', title: t.unsaved, 'aria-label': t.unsaved }, '●') : null,
        ),
      );
    });
    const compareSelected = this.state.active < 0;
    tabs.appendChild(
      h(
        'button',
        { type: 'button', role: 'tab', class: 'tab compare-tab', id: 'tab-compare', 'aria-selected': compareSelected ? 'true' : 'false', 'aria-controls': 'main-panel', tabindex: compareSelected ? 0 : -1, 'data-action': 'tab', 'data-index': -1 },
        icon('compare'),
        h('span', null, t.compare),
      ),
    );
    const newBtn = h('button', { type: 'button', class: 'icon-button', 'data-action': 'new-scenario', title: t.newScenario, 'aria-label': t.newScenario }, icon('add'));
    const doc = this.activeDoc();
    const tb = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t.actions });
    const btn = (action: string, label: string, ic: Parameters<typeof icon>[0], title?: string, disabled = false): HTMLButtonElement =>
      h('button', { type: 'button', class: 'tool', 'data-action': action, title: title ?? label, disabled }, icon(ic), h('span', { class: 'tool-label' }, label));
    if (doc) {
      tb.append(
        btn('save', this.t.save, 'save', doc.fileName ? `${t.saveTitle} (${doc.fileName})` : t.saveTitle),
        btn('save-as', t.saveAs, 'save', t.saveTitle),
      );
    }
    tb.append(btn('load', t.load, 'open', t.loadTitle));
    tb.append(btn('copy-md', t.copyMarkdown, 'markdown'));
    if (doc) {
      tb.append(btn('export-csv', t.exportCsv, 'table'), btn('export-json', t.exportJson, 'json'));
      tb.append(btn('duplicate', t.duplicate, 'duplicate', t.duplicateScenario));
      const name = this.docName(doc, this.state.active);
      const confirming = this.confirmClose === doc.id;
      const close = btn('close-scenario', confirming ? t.closeConfirm(name) : t.closeScenario(name), 'close', undefined, this.state.docs.length <= 1);
      if (confirming) close.classList.add('confirm');
      tb.append(close);
    }
    this.header.append(h('div', { class: 'tabs-row' }, tabs, newBtn), tb);
    if (doc?.fileName) this.header.appendChild(h('div', { class: 'file-line' }, t.fromFile(doc.fileName), doc.dirty ? ` · ${t.unsaved}` : ''));
  }

  private renderEditor(): void {
    const doc = this.activeDoc();
    if (!doc || !this.editorHost) return;
    const focus = this.captureFocus();
    clear(this.editorHost);
    this.marked = [];
    this.editorHost.appendChild(renderForm(doc.value, this.formContext()));
    this.editorHost.id = 'main-panel';
    this.editorHost.setAttribute('role', 'tabpanel');
    this.editorHost.setAttribute('aria-labelledby', `tab-${doc.id}`);
    this.restoreFocus(focus);
    const rt = this.rt.get(doc.id);
    if (rt?.comp) this.placeProblems(rt.comp.parse.errors, this.warningsOf(rt));
  }

  private renderResults(full = true): void {
    const doc = this.activeDoc();
    if (!doc) {
      if (this.state.active < 0) this.renderAll();
      return;
    }
    if (!this.resultsHost) return;
    const t0 = performance.now();
    const before = this.runtime(doc);
    const fresh = !(before.compVersion === before.version && before.comp && (before.full || !full));
    const rt = this.ensureComputed(doc, full);
    const t1 = performance.now();
    if (full && fresh && rt.comp?.bill) this.fullCostMs = this.fullCostMs === 0 ? t1 - t0 : 0.7 * this.fullCostMs + 0.3 * (t1 - t0);
    const c = rt.comp!;
    const bill = c.bill ?? rt.lastBill ?? null;
    const model = bill ? buildResultModel(bill, this.locale) : null;
    const errors: ProblemItem[] = c.parse.errors.map((p) => ({ path: p.path, text: problemText(p, this.locale), severity: 'error' }));
    const notices: ProblemItem[] = c.parse.warnings.map((p) => ({ path: p.path, text: problemText(p, this.locale), severity: 'warning' }));
    const sources = new Set<number>();
    const rooms = isObject(doc.value) && Array.isArray(doc.value.rooms) ? doc.value.rooms : [];
    rooms.forEach((r, i) => {
      if (isObject(r) && isObject(r.source)) sources.add(i);
    });
    const scroll = this.resultsScroll; // tracked by a scroll listener: reading scrollTop here would force a layout
    clear(this.resultsHost);
    const input: Parameters<typeof renderResults>[0] = {
      t: this.t,
      model,
      stale: !c.bill && !!model,
      advicePending: !!c.bill && !rt.full,
      errors,
      notices,
      roomSources: sources,
      openExplain: this.openExplain,
      explainBuilders: (this.explainBuilders = new Map()),
    };
    if (c.engineError) input.engineError = c.engineError;
    this.resultsHost.appendChild(renderResults(input));
    if (scroll > 0) this.resultsHost.scrollTop = scroll;
    if (model && c.bill) {
      const say = `${this.t.monthly(model.days)}: ${model.total}`;
      if (this.live.textContent !== say) this.live.textContent = say;
    } else if (errors.length) {
      const say = model ? this.t.staleBanner(errors.length) : this.t.noResultBanner(errors.length);
      if (this.live.textContent !== say) this.live.textContent = say;
    }
    this.placeProblems(c.parse.errors, this.warningsOf(rt));
    this.renderTabsStatus();
    // Timings of the last recompute (compute / DOM), for the benchmark and for diagnostics.
    const t2 = performance.now();
    this.root.dataset.lastMs = `${(t1 - t0).toFixed(2)}/${(t2 - t1).toFixed(2)}/${full ? 'full' : 'typing'}`;
    if (rt.full || !c.bill) this.markReady();
    else this.root.dataset.generation = String(++this.generation);
  }

  /** Update only the error marks on the tabs (cheap, keeps focus on the tab strip). */
  private renderTabsStatus(): void {
    this.state.docs.forEach((d) => {
      const tab = this.header.querySelector(`#tab-${d.id}`);
      if (!tab) return;
      const rt = this.rt.get(d.id);
      const bad = (rt?.comp?.parse.errors.length ?? 0) > 0 || !!rt?.comp?.engineError;
      const has = tab.querySelector('.icon-error') !== null;
      if (bad !== has) {
        if (bad) tab.insertBefore(icon('error'), tab.firstChild);
        else tab.querySelector('.icon-error')?.remove();
      }
    });
  }

  /** parseScenario's warnings plus the bill's room warnings (room limits), placed on their room card. */
  private warningsOf(rt: Runtime): Problem[] {
    const out = [...(rt.comp?.parse.warnings ?? [])];
    const bill = rt.comp?.bill;
    if (bill) for (const w of bill.warnings) if (w.room !== undefined) out.push({ path: pathString(['rooms', w.room]), message: w.text });
    return out;
  }

  /** Put each problem next to its field: the slot for its path, or the nearest enclosing one. */
  private placeProblems(errors: Problem[], warnings: Problem[]): void {
    const host = this.editorHost;
    if (!host) return;
    // Undo only what the last call marked (a 20-room form has hundreds of slots; querying them all costs a frame).
    for (const el of this.marked.splice(0)) {
      if (el.hasAttribute('data-error-for')) {
        el.hidden = true;
        el.classList.remove('warning');
        clear(el);
      } else {
        el.removeAttribute('aria-invalid');
      }
    }
    const put = (p: Problem, severity: 'error' | 'warning'): void => {
      let path: Path | undefined = parsePath(p.path);
      let slot: HTMLElement | null = null;
      while (path) {
        slot = host.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(pathString(path))}"]`);
        if (slot || path.length === 0) break;
        path = path.slice(0, -1);
      }
      slot ??= host.querySelector<HTMLElement>('[data-error-for="$"]');
      if (!slot) return;
      if (slot.hidden) this.marked.push(slot);
      slot.hidden = false;
      if (severity === 'warning' && slot.childElementCount === 0) slot.classList.add('warning');
      if (severity === 'error') slot.classList.remove('warning');
      slot.appendChild(h('div', { class: `problem ${severity}`, 'data-problem': p.path }, icon(severity === 'error' ? 'error' : 'warning'), h('span', null, problemText(p, this.locale))));
      if (severity === 'error') {
        const target = slot.getAttribute('data-error-for')!;
        for (const c of Array.from(host.querySelectorAll<HTMLElement>(`[data-path="${CSS.escape(target)}"]`))) {
          if (!c.hasAttribute('aria-invalid')) this.marked.push(c);
          c.setAttribute('aria-invalid', 'true');
        }
      }
    };
    for (const p of errors) put(p, 'error');
    for (const p of warnings) put(p, 'warning');
  }

  private renderCompareView(): HTMLElement {
    const items = this.state.docs.map((d, i) => {
      const rt = this.ensureComputed(d);
      return { name: this.docName(d, i), bill: rt.comp?.bill ?? rt.lastBill ?? null, stale: !rt.comp?.bill };
    });
    const el = renderCompare(items, this.state.baseline, this.locale, this.t);
    el.id = 'main-panel';
    el.setAttribute('role', 'tabpanel');
    el.setAttribute('aria-labelledby', 'tab-compare');
    return el;
  }

  private captureFocus(): { id: string; start: number | null; end: number | null } | undefined {
    const a = document.activeElement;
    if (!(a instanceof HTMLElement) || !this.root.contains(a) || !a.id) return undefined;
    const sel = a instanceof HTMLInputElement && a.type === 'text' ? { start: a.selectionStart, end: a.selectionEnd } : { start: null, end: null };
    return { id: a.id, ...sel };
  }

  private restoreFocus(f: { id: string; start: number | null; end: number | null } | undefined): void {
    if (!f) return;
    const el = document.getElementById(f.id);
    if (!el) return;
    el.focus({ preventScroll: true });
    if (el instanceof HTMLInputElement && el.type === 'text' && f.start !== null) el.setSelectionRange(f.start, f.end ?? f.start);
  }

  private setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
    clear(this.status);
    this.status.className = `status ${kind}`;
    if (text) this.status.appendChild(h('span', null, icon(kind === 'error' ? 'error' : 'info'), ' ', text));
  }

  // -------------------------------------------------------------------------------------------
  // Events
  // -------------------------------------------------------------------------------------------

  private edit(path: Path, value: Json | undefined, structural = false): void {
    const doc = this.activeDoc();
    if (!doc) return;
    if (!isObject(doc.value)) doc.value = {};
    setAt(doc.value as JsonObject, path, value);
    this.changed(doc, structural);
  }

  private onFocusIn(e: Event): void {
    const el = e.target;
    if (el instanceof HTMLInputElement && el.dataset.kind === 'text' && /\.participants\[\d+\]\.name$/.test(el.dataset.path ?? '')) {
      this.renameFrom = { path: el.dataset.path!, value: el.value || el.placeholder };
    }
  }

  private onInput(e: Event): void {
    const el = e.target;
    if (!(el instanceof HTMLInputElement)) return;
    const kind = el.dataset.kind;
    const p = el.dataset.path;
    if (!kind || !p) return;
    const path = parsePath(p);
    if (!path) return;
    switch (kind) {
      case 'text':
        this.edit(path, el.value === '' ? undefined : el.value);
        return;
      case 'num':
        this.edit(path, numberFromInput(el.value));
        return;
      case 'date':
        this.edit(path, el.value === '' ? undefined : el.value);
        return;
      case 'res-w':
      case 'res-h': {
        const box = el.closest('.res-custom');
        const w = box?.querySelector<HTMLInputElement>('[data-kind="res-w"]')?.value.trim() ?? '';
        const hh = box?.querySelector<HTMLInputElement>('[data-kind="res-h"]')?.value.trim() ?? '';
        this.edit(path, `${w}x${hh}`);
        return;
      }
    }
  }

  private onChange(e: Event): void {
    const el = e.target;
    if (el instanceof HTMLSelectElement && el.dataset.kind === 'baseline') {
      this.state.baseline = Number(el.value);
      this.persist();
      this.renderAll();
      return;
    }
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) return;
    const kind = el.dataset.kind;
    const p = el.dataset.path;
    if (!kind || !p) return;
    const path = parsePath(p);
    const doc = this.activeDoc();
    if (!path || !doc) return;
    const value = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
    switch (kind) {
      case 'text':
        if (this.renameFrom && this.renameFrom.path === p) this.renameGroupRefs(path, this.renameFrom.value, el.value);
        this.renameFrom = undefined;
        return;
      case 'select':
        this.edit(path, value === '' ? undefined : (value as string), true);
        return;
      case 'role': {
        // Anchors publish a camera by default; audience publishes nothing.
        const g = getAt(doc.value, path.slice(0, -1));
        if (isObject(g)) {
          g.role = value as string;
          if (value === 'audience') g.publish = {};
          else if (!isObject(g.publish) || Object.keys(g.publish).length === 0) g.publish = { camera: '1280x720', audio: true };
        }
        this.changed(doc, true);
        return;
      }
      case 'bool':
        this.edit(path, value as boolean, true);
        return;
      case 'res-select': {
        const cur = getAt(doc.value, path);
        if (value === 'custom') {
          this.customRes.add(p);
          const parts = splitResolution(cur);
          this.edit(path, parts ? `${parts[0]}x${parts[1]}` : '1280x720', true);
          document.getElementById(idFor(p, '-w'))?.focus();
        } else {
          this.customRes.delete(p);
          this.edit(path, value === '' ? undefined : (value as string), true);
        }
        return;
      }
      case 'receive': {
        const v = value as string;
        if (v === 'some') {
          const room = getAt(doc.value, path.slice(0, 2));
          const gi = path[3] as number;
          const names = groupNames(room);
          // Name the groups so `from` can refer to them.
          const groups = isObject(room) && Array.isArray(room.participants) ? room.participants : [];
          groups.forEach((g, i) => {
            if (isObject(g) && (typeof g.name !== 'string' || !g.name.trim())) g.name = names[i]!;
          });
          this.edit(path, { from: names.filter((_, i) => i !== gi) }, true);
        } else if (v !== 'invalid') {
          this.edit(path, v, true);
        }
        return;
      }
      case 'receive-from': {
        const name = el.dataset.name ?? '';
        const cur = getAt(doc.value, path);
        const list = Array.isArray(cur) ? cur.filter((x): x is string => typeof x === 'string') : [];
        const next = value ? [...list.filter((x) => x !== name), name] : list.filter((x) => x !== name);
        this.edit(path, next, true);
        return;
      }
      case 'addon': {
        const key = path[path.length - 1];
        const template: JsonObject = key === 'recording' ? { mode: 'mixed' } : key === 'mixTranscoding' ? { codec: 'h264' } : { target: 'tencent-css' };
        this.edit(path, value ? template : undefined, true);
        return;
      }
      case 'free': {
        const v = value as string;
        this.edit(path, v === 'true' ? true : v === 'false' ? false : { remaining: 10000 }, true);
        return;
      }
      case 'pack-size': {
        if (value === 'custom') {
          this.customPack.add(p);
          this.edit(path, getAt(doc.value, path) as Json, true);
          document.getElementById(idFor(p))?.focus();
        } else {
          this.customPack.delete(p);
          this.edit(path, Number(value), true);
        }
        return;
      }
    }
  }

  /** A renamed group: follow the rename in other groups' `receive.from`. */
  private renameGroupRefs(path: Path, from: string, to: string): void {
    const doc = this.activeDoc();
    if (!doc || from === to || !to) return;
    const room = getAt(doc.value, path.slice(0, 2));
    const groups = isObject(room) && Array.isArray(room.participants) ? room.participants : [];
    let touched = false;
    for (const g of groups) {
      if (isObject(g) && isObject(g.receive) && Array.isArray(g.receive.from)) {
        g.receive.from = g.receive.from.map((n) => {
          if (n === from) {
            touched = true;
            return to;
          }
          return n;
        });
      }
    }
    if (touched) this.changed(doc, true);
    else this.renderEditor();
  }

  private onToggle(e: Event): void {
    const d = e.target;
    if (!(d instanceof HTMLDetailsElement) || !d.dataset.section) return;
    const key = d.dataset.section;
    const closed = new Set(this.state.closed);
    if (d.open) closed.delete(key);
    else closed.add(key);
    this.state.closed = [...closed];
    this.persist();
  }

  private onKeyDown(e: KeyboardEvent): void {
    const el = e.target;
    // Tabs: arrows move between tabs (roving tabindex).
    if (el instanceof HTMLElement && el.getAttribute('role') === 'tab') {
      const tabs = Array.from(this.header.querySelectorAll<HTMLElement>('[role="tab"]'));
      const i = tabs.indexOf(el);
      let j = -1;
      if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
      else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
      else if (e.key === 'Home') j = 0;
      else if (e.key === 'End') j = tabs.length - 1;
      if (j >= 0) {
        e.preventDefault();
        this.selectTab(Number(tabs[j]!.dataset.index));
        this.header.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
      }
      return;
    }
    // Toolbar: arrows move between its buttons too.
    const bar = el instanceof HTMLElement ? el.closest('[role="toolbar"]') : null;
    if (bar && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      const buttons = Array.from(bar.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'));
      const i = buttons.indexOf(el as HTMLButtonElement);
      if (i >= 0) {
        e.preventDefault();
        buttons[(i + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
      }
      return;
    }
    // Number fields: arrows step by 1 (Shift: 10).
    if (el instanceof HTMLInputElement && el.dataset.kind === 'num' && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      const n = Number(el.value.replace(/[,_\s]/g, '') || '0');
      if (!Number.isFinite(n)) return;
      e.preventDefault();
      const step = (e.shiftKey ? 10 : 1) * (e.key === 'ArrowUp' ? 1 : -1);
      el.value = String(Math.round((n + step) * 1e6) / 1e6);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  private selectTab(i: number): void {
    if (i === this.state.active) return;
    this.flush();
    this.state.active = i;
    this.confirmClose = undefined;
    this.persist();
    this.renderAll();
  }

  /** Apply a pending recompute now (before switching view or exporting). */
  private flush(): void {
    if (this.timer !== undefined || this.adviceTimer !== undefined) this.recomputeNow();
  }

  private onClick(e: Event): void {
    const target = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-action]') : null;
    if (!target || (target instanceof HTMLButtonElement && target.disabled)) return;
    const a = target.dataset.action!;
    const doc = this.activeDoc();
    const num = (k: string): number => Number(target.dataset[k]);
    if (a !== 'close-scenario' && this.confirmClose !== undefined) {
      this.confirmClose = undefined;
      this.renderTabs();
    }
    switch (a) {
      case 'tab':
        this.selectTab(num('index'));
        return;
      case 'new-scenario': {
        this.flush();
        const d = this.makeDoc({ value: newScenario(this.t.scenarioFallback(this.state.docs.length + 1)) });
        this.state.docs.push(d);
        this.state.active = this.state.docs.length - 1;
        this.state.pristine = false;
        this.persist();
        this.renderAll();
        return;
      }
      case 'duplicate': {
        if (!doc) return;
        this.flush();
        const value = clone(doc.value);
        const name = this.docName(doc, this.state.active);
        if (isObject(value)) value.name = `${name} (2)`;
        const d = this.makeDoc({ value });
        d.dirty = true;
        this.state.docs.splice(this.state.active + 1, 0, d);
        this.state.active += 1;
        this.state.pristine = false;
        this.persist();
        this.renderAll();
        return;
      }
      case 'close-scenario': {
        if (!doc || this.state.docs.length <= 1) return;
        if (doc.dirty && this.confirmClose !== doc.id) {
          this.confirmClose = doc.id;
          this.renderTabs();
          this.header.querySelector<HTMLElement>('[data-action="close-scenario"]')?.focus();
          return;
        }
        this.confirmClose = undefined;
        this.rt.delete(doc.id);
        this.state.docs.splice(this.state.active, 1);
        this.state.active = Math.min(this.state.active, this.state.docs.length - 1);
        this.state.baseline = Math.min(this.state.baseline, this.state.docs.length - 1);
        this.persist();
        this.renderAll();
        return;
      }
      case 'add-room': {
        if (!doc || !isObject(doc.value)) return;
        const rooms = Array.isArray(doc.value.rooms) ? doc.value.rooms : (doc.value.rooms = []);
        rooms.push(newRoom(rooms.length, target.dataset.service));
        this.changed(doc, true);
        document.getElementById(idFor(pathString(['rooms', rooms.length - 1, 'name'])))?.focus();
        return;
      }
      case 'remove-room':
      case 'dup-room':
      case 'move-room': {
        if (!doc || !isObject(doc.value) || !Array.isArray(doc.value.rooms)) return;
        const rooms = doc.value.rooms;
        const i = num('index');
        if (!(i >= 0 && i < rooms.length)) return;
        if (a === 'remove-room') rooms.splice(i, 1);
        else if (a === 'dup-room') {
          const copy = clone(rooms[i]!);
          if (isObject(copy) && typeof copy.name === 'string') copy.name = `${copy.name} (2)`;
          rooms.splice(i + 1, 0, copy);
        } else {
          const j = i + num('dir');
          if (j < 0 || j >= rooms.length) return;
          [rooms[i], rooms[j]] = [rooms[j]!, rooms[i]!];
        }
        this.changed(doc, true);
        return;
      }
      case 'add-group': {
        if (!doc) return;
        const ri = num('room');
        const room = getAt(doc.value, ['rooms', ri]);
        if (!isObject(room)) return;
        const groups = Array.isArray(room.participants) ? room.participants : (room.participants = []);
        const role = target.dataset.role === 'audience' ? 'audience' : 'anchor';
        const g = newGroup(groups.length, role);
        const names = new Set(groupNames(room));
        let n = groups.length + 1;
        while (names.has(String(g.name))) g.name = `group ${++n}`;
        groups.push(g);
        this.changed(doc, true);
        document.getElementById(idFor(pathString(['rooms', ri, 'participants', groups.length - 1, 'count'])))?.focus();
        return;
      }
      case 'remove-group': {
        if (!doc) return;
        const room = getAt(doc.value, ['rooms', num('room')]);
        if (!isObject(room) || !Array.isArray(room.participants)) return;
        const gi = num('index');
        const name = groupNames(room)[gi];
        room.participants.splice(gi, 1);
        for (const g of room.participants) {
          if (isObject(g) && isObject(g.receive) && Array.isArray(g.receive.from)) g.receive.from = g.receive.from.filter((x) => x !== name);
        }
        this.changed(doc, true);
        return;
      }
      case 'add-pack': {
        if (!doc || !isObject(doc.value)) return;
        const pay = isObject(doc.value.payment) ? doc.value.payment : (doc.value.payment = {});
        const packs = Array.isArray(pay.packs) ? pay.packs : (pay.packs = []);
        packs.push({ minutes: 250000 });
        this.changed(doc, true);
        return;
      }
      case 'remove-pack': {
        if (!doc) return;
        const packs = getAt(doc.value, ['payment', 'packs']);
        if (!Array.isArray(packs)) return;
        packs.splice(num('index'), 1);
        this.changed(doc, true);
        return;
      }
      case 'reveal': {
        if (!doc) return;
        const src = getAt(doc.value, ['rooms', num('room'), 'source']);
        if (isObject(src) && typeof src.file === 'string' && typeof src.line === 'number' && Number.isInteger(src.line) && src.line >= 1) {
          const m: WebviewMessage = { type: 'reveal', file: src.file, line: src.line };
          if (typeof src.column === 'number' && Number.isInteger(src.column) && src.column >= 1) m.column = src.column;
          this.post(m);
        }
        return;
      }
      case 'toggle-explain': {
        const key = target.dataset.explain ?? '';
        const open = target.getAttribute('aria-expanded') !== 'true';
        target.setAttribute('aria-expanded', open ? 'true' : 'false');
        const row = document.getElementById(target.getAttribute('aria-controls') ?? '');
        if (row) {
          const cell = row.firstElementChild;
          const build = this.explainBuilders.get(key);
          if (open && cell && cell.childElementCount === 0 && build) cell.appendChild(build());
          row.hidden = !open;
        }
        if (open) this.openExplain.add(key);
        else this.openExplain.delete(key);
        return;
      }
      case 'goto-field':
        this.gotoPath(target.dataset.target ?? '$');
        return;
      case 'goto-room': {
        const card = document.getElementById(idFor(pathString(['rooms', num('room')])) + '-card');
        if (card) {
          this.openAncestors(card);
          card.scrollIntoView({ block: 'start' });
          (card.querySelector<HTMLElement>('input') ?? card.querySelector<HTMLElement>('select, button'))?.focus();
        }
        return;
      }
      case 'save':
      case 'save-as':
        this.save(a === 'save-as');
        return;
      case 'load':
        this.request({ type: 'open', requestId: this.nextRequestId() }, (r) => {
          if (r.type === 'opened') {
            this.addDocs([r.doc]);
            this.setStatus(this.t.loaded(r.doc.fileName ?? ''));
          } else if (r.type === 'done') this.reportDone(r, '');
        });
        return;
      case 'copy-md':
        this.copyMarkdown();
        return;
      case 'export-csv':
      case 'export-json':
        this.exportBill(a === 'export-csv' ? 'csv' : 'json');
        return;
    }
  }

  private openAncestors(el: HTMLElement): void {
    for (let p: HTMLElement | null = el; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
  }

  private gotoPath(p: string): void {
    const host = this.editorHost;
    if (!host) return;
    let path = parsePath(p);
    while (path) {
      const ps = pathString(path);
      const el = host.querySelector<HTMLElement>(`[data-path="${CSS.escape(ps)}"]`) ?? host.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(ps)}"]`);
      if (el) {
        this.openAncestors(el);
        const focusable = el.matches('input, select, button') ? el : el.closest('fieldset, .field, details')?.querySelector<HTMLElement>('input, select, button') ?? null;
        el.scrollIntoView({ block: 'center' });
        focusable?.focus();
        return;
      }
      if (path.length === 0) return;
      path = path.slice(0, -1);
    }
  }

  private reportDone(r: HostMessage, okText: string): void {
    if (r.type !== 'done') return;
    if (r.cancelled) this.setStatus(this.t.cancelled);
    else if (!r.ok) this.setStatus(r.message ?? '', 'error');
    else this.setStatus(r.message ?? okText);
  }

  private save(saveAs: boolean): void {
    const doc = this.activeDoc();
    if (!doc) return;
    this.flush();
    const name = this.docName(doc, this.state.active);
    const m: WebviewMessage & { requestId: string } = { type: 'save', requestId: this.nextRequestId(), text: fileText(doc.value), suggestedName: doc.fileName ?? name, saveAs };
    if (doc.uri) m.uri = doc.uri;
    const savedValue = JSON.stringify(doc.value);
    this.request(m, (r) => {
      if (r.type === 'done' && r.ok) {
        if (r.uri) doc.uri = r.uri;
        if (r.fileName) doc.fileName = r.fileName;
        if (JSON.stringify(doc.value) === savedValue) doc.dirty = false;
        this.persist();
        this.renderTabs();
      }
      this.reportDone(r, this.t.savedTo(r.type === 'done' ? (r.fileName ?? '') : ''));
    });
  }

  private currentBill(doc: DocState): Bill | undefined {
    const rt = this.ensureComputed(doc);
    return rt.comp?.bill;
  }

  private copyMarkdown(): void {
    this.flush();
    let text: string | undefined;
    const doc = this.activeDoc();
    if (doc) {
      const bill = this.currentBill(doc);
      if (bill) text = billMarkdown(bill, this.docName(doc, this.state.active), this.locale);
    } else {
      const items = this.state.docs.flatMap((d, i) => {
        const b = this.currentBill(d);
        return b ? [{ name: this.docName(d, i), bill: b }] : [];
      });
      if (items.length) text = compareMarkdown(items, this.locale);
    }
    if (!text) {
      this.setStatus(this.t.noEstimateToExport, 'error');
      return;
    }
    this.request({ type: 'copy', requestId: this.nextRequestId(), text, what: 'markdown' }, (r) => this.reportDone(r, this.t.copied));
  }

  private exportBill(format: 'csv' | 'json'): void {
    const doc = this.activeDoc();
    if (!doc) return;
    this.flush();
    const bill = this.currentBill(doc);
    if (!bill) {
      this.setStatus(this.t.noEstimateToExport, 'error');
      return;
    }
    const name = this.docName(doc, this.state.active);
    const text = format === 'csv' ? billCsv(bill, this.locale) : billJson(bill);
    this.request({ type: 'export', requestId: this.nextRequestId(), format, text, suggestedName: `${name}-estimate` }, (r) => this.reportDone(r, ''));
  }
}
