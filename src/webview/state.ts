// The calculator's state: the scenario documents and what the user opened, chose or typed.
// `PersistedState` is what VS Code keeps with setState (the panel comes back as it was after being hidden or
// after a window reload); `ui` is for this page only. Bills are not state: they are recomputed from the inputs.
// Every edit goes through actions.ts; nothing here touches the DOM.
import type { UiLocale } from '../shared/protocol';
import { isObject, newScenario, scenarioName } from './jsonPath';

export interface DocState {
  id: number;
  /** The scenario file value. Never mutated: an edit replaces it (so a computation can be cached by identity). */
  value: unknown;
  uri?: string;
  fileName?: string;
  dirty: boolean;
  /** The last value that produced a bill, so a reload can show the last valid estimate too. */
  lastValid?: unknown;
}

/** What setState keeps. */
export interface PersistedState {
  v: 1;
  docs: DocState[];
  /** Index of the shown scenario, or -1 for the comparison. */
  active: number;
  baseline: number;
  nextId: number;
  /** The only scenario is the untouched starter one: a prefill replaces it. */
  pristine: boolean;
  /** Collapsed form sections (keys). */
  closed: string[];
}

export interface UiState {
  locale: UiLocale;
  /** Resolution fields the user switched to "custom" although the value matches a preset (paths). */
  customRes: string[];
  /** Pack sizes switched to "custom" (paths). */
  customPack: string[];
  /** The scenario whose Close was pressed once (unsaved changes: the second press closes). */
  confirmClose?: number;
  /** Explanations opened in the estimate ("line:<key>", "room:<index>"). */
  openExplain: string[];
  /**
   * Text as typed in number and W×H fields, by draftKey: "1,000" stays "1,000" although the value is 1000.
   * A draft is shown only while it still reads as the value at its path (views/fields.ts checks).
   */
  drafts: Record<string, string>;
  status?: { text: string; kind: 'info' | 'error' };
}

export interface State extends PersistedState {
  ui: UiState;
}

export function draftKey(docId: number, path: string, part = ''): string {
  return `${docId} ${path}${part ? ' ' + part : ''}`;
}

/** Validate what getState returned (another version, or a damaged store): undefined if it is not a state. */
export function restoreState(x: unknown): PersistedState | undefined {
  if (!isObject(x) || x.v !== 1 || !Array.isArray(x.docs) || x.docs.length === 0) return undefined;
  const docs: DocState[] = [];
  let maxId = 0;
  const ids = new Set<number>();
  for (const d of x.docs) {
    if (!isObject(d) || typeof d.id !== 'number' || !Number.isInteger(d.id) || d.id < 1 || ids.has(d.id) || !('value' in d)) return undefined;
    ids.add(d.id);
    const doc: DocState = { id: d.id, value: d.value, dirty: d.dirty === true };
    if (typeof d.uri === 'string') doc.uri = d.uri;
    if (typeof d.fileName === 'string') doc.fileName = d.fileName;
    if ('lastValid' in d) doc.lastValid = d.lastValid;
    docs.push(doc);
    maxId = Math.max(maxId, d.id);
  }
  const index = (v: unknown, min: number): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= min && v < docs.length ? v : undefined);
  return {
    v: 1,
    docs,
    active: index(x.active, -1) ?? 0,
    baseline: index(x.baseline, 0) ?? 0,
    nextId: typeof x.nextId === 'number' && Number.isInteger(x.nextId) && x.nextId > maxId ? x.nextId : maxId + 1,
    pristine: x.pristine === true,
    closed: Array.isArray(x.closed) ? x.closed.filter((c): c is string => typeof c === 'string') : [],
  };
}

/** The restored state, or a fresh one holding the starter scenario. */
export function initialState(restored: PersistedState | undefined, locale: UiLocale, starterName: string): State {
  const base: PersistedState = restored ?? {
    v: 1,
    docs: [{ id: 1, value: newScenario(starterName), dirty: false }],
    active: 0,
    baseline: 0,
    nextId: 2,
    pristine: true,
    closed: [],
  };
  return { ...base, ui: { locale, customRes: [], customPack: [], openExplain: [], drafts: {} } };
}

/** The part setState keeps (the `ui` part is dropped). */
export function toPersisted(s: State): PersistedState {
  const { v, docs, active, baseline, nextId, pristine, closed } = s;
  return { v, docs, active, baseline, nextId, pristine, closed };
}

/** VS Code's state store for a webview (the part of acquireVsCodeApi the calculator uses). */
export interface StateStore {
  getState(): unknown;
  setState(state: unknown): void;
}

export function loadState(store: StateStore, locale: UiLocale, starterName: string): State {
  return initialState(restoreState(store.getState()), locale, starterName);
}

export function saveState(store: StateStore, s: State): void {
  store.setState(toPersisted(s));
}

export function activeDoc(s: PersistedState): DocState | undefined {
  return s.active >= 0 ? s.docs[s.active] : undefined;
}

/** A scenario's display name: its `name`, else its file name, else "Scenario N". */
export function docName(d: DocState, i: number, fallback: (n: number) => string): string {
  return scenarioName(d.value, d.fileName, fallback(i + 1));
}
