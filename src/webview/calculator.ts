// The calculator: holds the state, applies actions to it, saves it, schedules recomputes and renders the
// views with lit-html (which patches the DOM: focus, caret and scroll survive a render). Talks to the host
// through the channel. The state and its edits are in state.ts and actions.ts; the templates in views/.
import * as l10n from '@vscode/l10n';
import { html, nothing, render } from 'lit-html';
import { apply, type Action } from './actions';
import { HostChannel, type MessageSink } from './channel';
import { buildResultModel, type Computation, type ResultModel } from './compute';
import { Estimates } from './estimates';
import { billCsv, billJson, billMarkdown, compareMarkdown } from './exporters';
import { useLanguage } from './labels';
import { fileText, idFor, isObject, newScenario, pathString, roomSource, type Path } from './jsonPath';
import { activeDoc, docName, loadState, saveState, type DocState, type State, type StateStore } from './state';
import { resetChartIds } from './views/chart';
import { compareView } from './views/compare';
import { documentView } from './views/document';
import { gotoField, gotoRoom } from './views/focus';
import { headerView, type SummaryBar } from './views/header';
import { icon } from './views/icons';
import { CUSTOM_EDITION_ID, PACKAGE_EDITIONS, type Bill } from '../core';
import {
  CopyRequest,
  ExportRequest,
  OpenRequest,
  PROTOCOL_VERSION,
  PongResponse,
  SaveRequest,
  type HostMessage,
  type L10nBundle,
  type PanelSummary,
  type UiLocale,
} from '../shared/protocol';

export interface VsCodeApi extends MessageSink, StateStore {}

const RECOMPUTE_DELAY_MS = 60;
const ADVICE_DELAY_MS = 250;
/** A full recompute (with advice) cheaper than this runs while typing; a dearer one defers the advice. */
const ADVICE_INLINE_BUDGET_MS = 12;
/**
 * The page keeps its "Loading…" until the host's `init` (its language bundle and the workspace's rooms): rendering
 * before it would show the English starter scenario for a moment. A host that never answers gets the page after this.
 */
const INIT_WAIT_MS = 3000;

/** What the estimate pane shows for a document: the computation of one of its values. */
interface Shown {
  value: unknown;
  comp: Computation;
}

export class Calculator {
  private state: State;
  private readonly channel: HostChannel;
  private readonly estimates = new Estimates();
  /** By document id: what its estimate pane shows (kept while typing until the recompute). */
  private readonly shown = new Map<number, Shown>();
  /** 'typing': edits wait for the recompute; 'advice': the estimate is shown, the payment advice waits. */
  private pending: 'none' | 'typing' | 'advice' = 'none';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** Typed edits not yet given to setState. */
  private saveLater = false;
  private liveText = '';
  private renameFrom: { path: string; value: string } | undefined;
  /** Pings that arrived before `init` (answered once the host's prefill is applied). */
  private initialized = false;
  /** Whether the page shows the calculator yet (see INIT_WAIT_MS), and the timer that shows it without `init`. */
  private attached = false;
  private readonly initWait: ReturnType<typeof setTimeout>;
  private readonly earlyPings: string[] = [];
  private readonly afterRender: (() => void)[] = [];
  /** Rendered on their own: typing re-renders only the header (the unsaved mark), the recompute all of them. */
  /** Where the header goes: lit keeps a render's state on its `renderBefore` node, so that must be its own. */
  private readonly headerEnd = document.createComment('');
  private readonly statusHost: HTMLElement;
  private readonly mainHost: HTMLElement;
  private readonly liveHost: HTMLElement;
  /** Display models by bill (in the panel's language). */
  private models = new WeakMap<Bill, ResultModel>();
  /** What each room card in the DOM shows (see documentView); emptied when the page shows something else. */
  private roomKeys: string[] = [];
  /** The total the top bar keeps in view on a narrow pane (the estimate then sits above the form). */
  private summaryBar: SummaryBar | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: VsCodeApi,
    locale: UiLocale,
  ) {
    this.channel = new HostChannel(api);
    this.state = loadState(api, locale, l10n.t('Scenario {0}', 1));
    this.statusHost = el('div', 'status', { role: 'status', 'aria-live': 'polite' });
    this.mainHost = el('main', 'main', {});
    // Announces the new total to screen readers after each recompute (a persistent live region).
    this.liveHost = el('div', 'sr-only', { 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.initWait = setTimeout(() => {
      this.attach();
      this.render();
    }, INIT_WAIT_MS);
  }

  /** Replaces the loading text with the calculator's parts (once); the caller renders. */
  private attach(): void {
    clearTimeout(this.initWait);
    if (this.attached) return;
    this.attached = true;
    this.root.replaceChildren(this.headerEnd, this.statusHost, this.mainHost, this.liveHost);
    this.root.removeAttribute('aria-busy');
  }

  // -------------------------------------------------------------------------------------------
  // Host messages
  // -------------------------------------------------------------------------------------------

  onMessage(data: unknown): void {
    const m = this.channel.receive(data);
    if (m) this.handle(m);
  }

  private handle(m: HostMessage): void {
    switch (m.type) {
      case 'init':
        if (m.protocol !== PROTOCOL_VERSION) this.channel.log('warn', `host protocol ${m.protocol}, webview ${PROTOCOL_VERSION}`);
        this.estimates.setToday(m.today);
        this.speak(m.locale, m.l10n);
        this.attach();
        if (m.docs.length) this.dispatch({ type: 'add-docs', docs: m.docs });
        else this.render();
        this.initialized = true;
        for (const id of this.earlyPings.splice(0)) this.pong(id);
        return;
      case 'add':
        this.dispatch({ type: 'add-docs', docs: m.docs });
        return;
      case 'ping':
        if (!this.initialized) this.earlyPings.push(m.requestId);
        else this.pong(m.requestId);
        return;
      case 'opened':
      case 'done':
        return; // answers are settled by the channel
    }
  }

  /** Take the host's language and translations; the untouched starter scenario takes its name in that language. */
  private speak(locale: UiLocale, bundle: L10nBundle | undefined): void {
    const starter = JSON.stringify(newScenario(l10n.t('Scenario {0}', 1)));
    useLanguage(locale, bundle);
    this.models = new WeakMap();
    let s = this.state;
    const first = s.docs[0];
    if (s.pristine && s.docs.length === 1 && first && !first.dirty && JSON.stringify(first.value) === starter) {
      s = { ...s, docs: [{ ...first, value: newScenario(l10n.t('Scenario {0}', 1)) }] };
    }
    if (locale !== s.ui.locale) {
      s = { ...s, ui: { ...s.ui, locale } };
      document.documentElement.lang = locale === 'zh-cn' ? 'zh-CN' : 'en';
    }
    this.state = s;
  }

  private pong(requestId: string): void {
    this.channel.post({ type: PongResponse.type, requestId, summary: this.summary() });
  }

  summary(): PanelSummary {
    const s = this.state;
    const doc = activeDoc(s);
    const comp = doc ? this.shown.get(doc.id)?.comp : undefined;
    const bill = comp?.bill ?? (doc ? this.estimates.billOf(doc.lastValid) : undefined);
    return {
      scenarios: s.docs.length,
      active: s.active,
      names: s.docs.map((d, i) => this.name(d, i)),
      total: bill?.total ?? null,
      currency: bill?.currency ?? null,
      errors: comp?.parse.errors.length ?? 0,
      locale: s.ui.locale,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Actions
  // -------------------------------------------------------------------------------------------

  readonly dispatch = (a: Action): void => {
    const before = this.state;
    this.state = apply(before, a, { fallbackName: (n) => l10n.t('Scenario {0}', n) });
    if (a.type === 'set-field' && a.typing) {
      // The field already shows what was typed: only the unsaved mark changes until the recompute,
      // which also saves the state (as a keystroke's setState would copy every scenario).
      this.saveLater = true;
      this.scheduleRecompute();
      this.renderHeader();
      this.markRendered(0, 0);
      return;
    }
    this.cancelRecompute();
    if (this.state !== before || this.saveLater) this.persist();
    const focus = this.focusAfter(a, before);
    if (focus) this.afterRender.push(() => document.getElementById(focus)?.focus());
    this.render();
  };

  /** The control that takes the focus after an action (a new room's name, the custom W×H inputs…). */
  private focusAfter(a: Action, before: State): string | undefined {
    const v = activeDoc(this.state)?.value;
    const len = (p: Path): number => {
      let cur: unknown = v;
      for (const k of p) cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[k] : undefined;
      return Array.isArray(cur) ? cur.length : 0;
    };
    if (this.state === before) return undefined;
    switch (a.type) {
      case 'add-room':
        return idFor(pathString(['rooms', len(['rooms']) - 1, 'name']));
      case 'add-group':
        return idFor(pathString(['rooms', a.room, 'participants', len(['rooms', a.room, 'participants']) - 1, 'count']));
      case 'set-resolution':
        return a.choice === 'custom' ? idFor(pathString(a.path), '-w') : undefined;
      case 'set-pack-size':
        return a.choice === 'custom' ? idFor(pathString(a.path)) : undefined;
      case 'add-package':
      case 'use-package': {
        // A new package's edition; one whose price must be entered: its fee (where the engine's error says so).
        const i = len(['payment', 'packages']) - 1;
        const e = PACKAGE_EDITIONS.find((x) => x.id === a.edition);
        const unpriced = a.edition === CUSTOM_EDITION_ID || (e !== undefined && e.fees.length === 0);
        return idFor(pathString(['payment', 'packages', i, unpriced && a.type === 'use-package' ? 'fee' : 'edition']));
      }
      default:
        return undefined;
    }
  }

  /**
   * While typing: after a short pause, recompute; when the payment advice (the slow part) is dear, show the
   * estimate without it first, and add it when typing has stopped a little longer.
   */
  private scheduleRecompute(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.pending = 'typing';
    this.timer = setTimeout(() => {
      if (this.saveLater) this.persist();
      const budget = Number(this.root.dataset.adviceBudget ?? ADVICE_INLINE_BUDGET_MS); // tests set 0 to exercise deferral
      if (this.estimates.fullCostMs < budget) {
        this.timer = undefined;
        this.pending = 'none';
      } else {
        this.pending = 'advice';
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pending = 'none';
          this.render();
        }, ADVICE_DELAY_MS);
      }
      this.render();
    }, RECOMPUTE_DELAY_MS);
  }

  private cancelRecompute(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = 'none';
  }

  /** Bring the active document's estimate up to date (before switching view or exporting). */
  private flush(): void {
    if (this.pending !== 'none') {
      this.cancelRecompute();
      this.render();
    }
  }

  private persist(): void {
    this.saveLater = false;
    saveState(this.api, this.state);
  }

  private name(d: DocState, i: number): string {
    return docName(d, i, (n) => l10n.t('Scenario {0}', n));
  }

  // -------------------------------------------------------------------------------------------
  // Host requests
  // -------------------------------------------------------------------------------------------

  private status(text: string, kind: 'info' | 'error' = 'info'): void {
    this.dispatch({ type: 'status', text, kind });
  }

  private done(r: { ok: boolean; cancelled?: boolean; message?: string }, okText: string): void {
    if (r.cancelled) this.status(l10n.t('Cancelled.'));
    else if (!r.ok) this.status(r.message ?? '', 'error');
    else this.status(r.message ?? okText);
  }

  private save(saveAs: boolean): void {
    const doc = activeDoc(this.state);
    if (!doc) return;
    this.flush();
    const value = doc.value;
    const params = { text: fileText(value), suggestedName: doc.fileName ?? this.name(doc, this.state.active), saveAs };
    void this.channel.request(SaveRequest, doc.uri ? { ...params, uri: doc.uri } : params).then((r) => {
      if (r.ok) {
        const saved: Action = { type: 'saved', docId: doc.id, value };
        if (r.uri) saved.uri = r.uri;
        if (r.fileName) saved.fileName = r.fileName;
        this.dispatch(saved);
      }
      this.done(r, l10n.t('Saved to {0}', r.fileName ?? ''));
    });
  }

  private load(): void {
    void this.channel.request(OpenRequest, {}).then((r) => {
      if (r.type === 'opened') {
        this.dispatch({ type: 'add-docs', docs: [r.doc] });
        this.status(l10n.t('Loaded {0}.', r.doc.fileName ?? ''));
      } else this.done(r, '');
    });
  }

  private copyMarkdown(): void {
    this.flush();
    const s = this.state;
    const locale = s.ui.locale;
    const doc = activeDoc(s);
    let text: string | undefined;
    if (doc) {
      const bill = this.estimates.get(doc.value).bill;
      if (bill) text = billMarkdown(bill, this.name(doc, s.active), locale);
    } else {
      const items = s.docs.flatMap((d, i) => {
        const bill = this.estimates.get(d.value).bill;
        return bill ? [{ name: this.name(d, i), bill }] : [];
      });
      if (items.length) text = compareMarkdown(items, locale);
    }
    if (!text) return this.status(l10n.t('There is no valid estimate to export yet.'), 'error');
    void this.channel.request(CopyRequest, { text, what: 'markdown' }).then((r) => this.done(r, l10n.t('Copied the estimate as Markdown.')));
  }

  private exportBill(format: 'csv' | 'json'): void {
    const doc = activeDoc(this.state);
    if (!doc) return;
    this.flush();
    const bill = this.estimates.get(doc.value).bill;
    if (!bill) return this.status(l10n.t('There is no valid estimate to export yet.'), 'error');
    const text = format === 'csv' ? billCsv(bill, this.state.ui.locale) : billJson(bill);
    const suggestedName = `${this.name(doc, this.state.active)}-estimate`;
    void this.channel.request(ExportRequest, { format, text, suggestedName }).then((r) => this.done(r, ''));
  }

  private reveal(room: number): void {
    const doc = activeDoc(this.state);
    const src = doc && roomSource(doc.value, room);
    if (src) this.channel.post({ type: 'reveal', ...src });
  }

  // -------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------

  /** The computation the estimate pane shows for the active document, computing it if it is due. */
  private current(doc: DocState): Computation {
    const prev = this.shown.get(doc.id);
    if (this.pending === 'typing' && prev) return prev.comp;
    const comp = this.estimates.get(doc.value, this.pending === 'none');
    if (this.pending === 'advice' && !comp.bill) this.cancelRecompute(); // nothing to advise on
    this.shown.set(doc.id, { value: doc.value, comp });
    if (comp.bill && doc.lastValid !== doc.value) {
      this.state = apply(this.state, { type: 'computed', docId: doc.id, value: doc.value }, { fallbackName: (n) => l10n.t('Scenario {0}', n) });
      this.persist();
    }
    return comp;
  }

  private bad(docId: number): boolean {
    const c = this.shown.get(docId)?.comp;
    return (c?.parse.errors.length ?? 0) > 0 || !!c?.engineError;
  }

  render(): void {
    if (!this.attached) return;
    const t0 = performance.now();
    resetChartIds();
    const s0 = this.state;
    const doc = activeDoc(s0);
    let main: unknown;
    let computeMs = 0;
    if (doc) {
      const comp = this.current(doc);
      computeMs = performance.now() - t0;
      const shownDoc = this.state.docs[this.state.active]!;
      const lastBill = comp.bill ?? this.estimates.billOf(shownDoc.lastValid);
      const model = lastBill ? this.model(lastBill) : null;
      this.summaryBar = model ? { days: model.days, total: model.total, exact: model.totalExact, perDay: model.perDay, stale: !comp.bill } : undefined;
      const out = documentView({
        state: this.state,
        doc: shownDoc,
        comp,
        model,
        advicePending: !!comp.bill && this.pending === 'advice',
        dispatch: this.dispatch,
        renameStart: (path, value) => (this.renameFrom = { path, value }),
        renameEnd: (path, to) => {
          const from = this.renameFrom;
          this.renameFrom = undefined;
          if (from && from.path === pathString(path)) this.dispatch({ type: 'rename-group', path, from: from.value, to });
        },
        reveal: (room) => this.reveal(room),
        gotoField: (p) => gotoField(this.root, p),
        gotoRoom,
        roomKeys: this.roomKeys,
      });
      if (out.say) this.liveText = out.say;
      main = out.view;
    } else {
      const items = this.state.docs.map((d, i) => {
        const comp = this.estimates.get(d.value);
        this.shown.set(d.id, { value: d.value, comp });
        const bill = comp.bill ?? this.estimates.billOf(d.lastValid) ?? null;
        return { name: this.name(d, i), bill, stale: !comp.bill };
      });
      computeMs = performance.now() - t0;
      this.roomKeys = [];
      this.summaryBar = undefined;
      main = compareView({ locale: this.state.ui.locale, items, baseline: this.state.baseline, dispatch: this.dispatch });
    }
    const tb = performance.now();
    this.renderHeader();
    const st = this.state.ui.status;
    this.statusHost.className = `status ${st?.kind ?? ''}`;
    render(st?.text ? html`<span>${icon(st.kind === 'error' ? 'error' : 'info')} ${st.text}</span>` : nothing, this.statusHost);
    render(main, this.mainHost);
    render(this.liveText, this.liveHost);
    for (const f of this.afterRender.splice(0)) f();
    this.markRendered(computeMs, performance.now() - tb);
  }

  /** Timings of the last render (compute / DOM) for the benchmark and diagnostics; the generation and state for tests. */
  private markRendered(computeMs: number, domMs: number): void {
    const d = this.root.dataset;
    d.lastMs = `${computeMs.toFixed(2)}/${domMs.toFixed(2)}/${this.pending === 'none' ? 'full' : 'typing'}`;
    d.generation = String(++this.generation);
    d.state = this.pending === 'none' ? 'ready' : 'pending';
  }

  private renderHeader(): void {
    const s = this.state;
    const lang = s.ui.locale === 'zh-cn' ? 'zh-CN' : 'en';
    if (this.root.lang !== lang) this.root.lang = lang; // setting it, even unchanged, makes Chromium walk the whole page
    const header = headerView({
      state: s,
      names: s.docs.map((d, i) => this.name(d, i)),
      ...(this.summaryBar ? { summary: this.summaryBar } : {}),
      bad: (id) => this.bad(id),
      dispatch: this.dispatch,
      selectByKey: (i) => {
        this.afterRender.push(() => this.root.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
        this.dispatch({ type: 'select', index: i });
      },
      save: (saveAs) => this.save(saveAs),
      load: () => this.load(),
      copyMarkdown: () => this.copyMarkdown(),
      exportBill: (f) => this.exportBill(f),
    });
    // Straight into #app (before the status line): the sticky top bar needs #app as its containing block.
    render(header, this.root, { renderBefore: this.headerEnd });
  }

  private model(bill: Bill): ResultModel {
    let m = this.models.get(bill);
    if (!m) this.models.set(bill, (m = buildResultModel(bill, this.state.ui.locale)));
    return m;
  }
}

function el(tag: 'div' | 'main', cls: string, attrs: Record<string, string>): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}
