// Every edit of the calculator's state, as data: the views dispatch an Action, `apply` returns the next
// state. Pure: no DOM, no timers, no messages; the previous state and its scenario values are never mutated
// (a changed document gets a new value object), so tests can compare before and after.
import * as l10n from '@vscode/l10n';
import type { PanelScenario } from '../shared/protocol';
import {
  clone,
  getAt,
  groupNames,
  isObject,
  newGroup,
  newRoom,
  newScenario,
  pathString,
  setAt,
  splitResolution,
  toFileForm,
  type Json,
  type JsonObject,
  type Path,
} from './jsonPath';
import { activeDoc, docName, draftKey, type DocState, type State } from './state';

export type Action =
  /** Show a scenario (index) or the comparison (-1). */
  | { type: 'select'; index: number }
  | { type: 'new-scenario' }
  | { type: 'duplicate-scenario' }
  /** Close the shown scenario; with unsaved changes the first call only asks for confirmation. */
  | { type: 'close-scenario' }
  /** Scenarios from the host (prefill, CodeLens, a loaded file). Identical content already open is just shown. */
  | { type: 'add-docs'; docs: PanelScenario[] }
  | { type: 'set-baseline'; index: number }
  | { type: 'toggle-section'; key: string; open: boolean }
  | { type: 'toggle-explain'; key: string; open: boolean }
  /** Set (or with `undefined`, remove) one value. `typed`: the text as typed, by part ('' or 'w'/'h'). */
  | { type: 'set-field'; path: Path; value: Json | undefined; typing?: boolean; typed?: Record<string, string> }
  /** A resolution picker: '' (off), a preset "WxH", or 'custom' (W×H inputs). */
  | { type: 'set-resolution'; path: Path; choice: string }
  /** A group's role; anchors publish a camera by default, the audience publishes nothing. `path`: the group. */
  | { type: 'set-role'; path: Path; role: string }
  /** `receive`: 'all' | 'audio-only' | 'none' | 'some' (a list of groups). */
  | { type: 'set-receive'; path: Path; choice: string }
  | { type: 'toggle-receive-from'; path: Path; name: string; on: boolean }
  /** Recording, mixing or relay on a room. */
  | { type: 'toggle-addon'; path: Path; on: boolean }
  /** 'true' (the book's), 'false' (none) or 'remaining'. */
  | { type: 'set-free-minutes'; path: Path; choice: string }
  /** A fixed pack size (minutes as text) or 'custom'. */
  | { type: 'set-pack-size'; path: Path; choice: string }
  /** A group was renamed (`from` → `to`): follow the rename in other groups' `receive.from`. `path`: the name field. */
  | { type: 'rename-group'; path: Path; from: string; to: string }
  | { type: 'add-room'; service?: string }
  | { type: 'remove-room'; index: number }
  | { type: 'duplicate-room'; index: number }
  | { type: 'move-room'; index: number; dir: -1 | 1 }
  | { type: 'add-group'; room: number; role: 'anchor' | 'audience' }
  | { type: 'remove-group'; room: number; index: number }
  | { type: 'add-pack' }
  | { type: 'remove-pack'; index: number }
  /** Add a monthly package (`payment.packages`); `app`: the app it is bound to, when the scenario names several. */
  | { type: 'add-package'; edition: string; app?: string }
  /**
   * "Use this package" on a suspension: add the edition for that app, bought at the period start (the choice the
   * engine priced). Already held for that app: nothing changes.
   */
  | { type: 'use-package'; edition: string; app?: string }
  | { type: 'remove-package'; index: number }
  /** This value of a document produced a bill (kept as its last valid value). */
  | { type: 'computed'; docId: number; value: unknown }
  /** The host saved a document: `value` is what was written. */
  | { type: 'saved'; docId: number; value: unknown; uri?: string; fileName?: string }
  | { type: 'status'; text: string; kind: 'info' | 'error' };

export type ActionType = Action['type'];

/** What `apply` needs from outside: the name of a new scenario ("Scenario N" in the panel's language). */
export interface ActionEnv {
  fallbackName(n: number): string;
}

/** Actions that do not end a pending "press Close again". */
const KEEPS_CONFIRM: ReadonlySet<ActionType> = new Set<ActionType>(['close-scenario', 'computed', 'saved', 'status']);

export function apply(s: State, a: Action, env: ActionEnv): State {
  if (s.ui.confirmClose !== undefined && !KEEPS_CONFIRM.has(a.type)) s = withUi(s, { confirmClose: undefined });
  switch (a.type) {
    case 'select':
      if (a.index === s.active || a.index < -1 || a.index >= s.docs.length) return s;
      return { ...s, active: a.index };
    case 'new-scenario':
      return addDoc(s, { value: newScenario(env.fallbackName(s.docs.length + 1)) }, s.docs.length, false);
    case 'duplicate-scenario': {
      const doc = activeDoc(s);
      if (!doc) return s;
      const value = clone(doc.value);
      if (isObject(value)) value.name = `${docName(doc, s.active, env.fallbackName)} (2)`;
      return addDoc(s, { value }, s.active + 1, true);
    }
    case 'close-scenario': {
      const doc = activeDoc(s);
      if (!doc || s.docs.length <= 1) return s;
      if (doc.dirty && s.ui.confirmClose !== doc.id) return withUi(s, { confirmClose: doc.id });
      const docs = s.docs.filter((d) => d !== doc);
      const prefix = `${doc.id} `;
      const drafts = Object.fromEntries(Object.entries(s.ui.drafts).filter(([k]) => !k.startsWith(prefix)));
      return {
        ...s,
        docs,
        active: Math.min(s.active, docs.length - 1),
        baseline: Math.min(s.baseline, docs.length - 1),
        ui: { ...s.ui, confirmClose: undefined, drafts },
      };
    }
    case 'add-docs':
      return addDocs(s, a.docs);
    case 'set-baseline':
      return a.index >= 0 && a.index < s.docs.length ? { ...s, baseline: a.index } : s;
    case 'toggle-section': {
      const closed = s.closed.filter((k) => k !== a.key);
      if (!a.open) closed.push(a.key);
      return { ...s, closed };
    }
    case 'toggle-explain': {
      const open = s.ui.openExplain.filter((k) => k !== a.key);
      if (a.open) open.push(a.key);
      return withUi(s, { openExplain: open });
    }
    case 'set-field': {
      const next = editDoc(s, (v) => {
        setAt(v, a.path, a.value);
        return true;
      });
      const doc = activeDoc(next);
      if (!a.typed || !doc) return next;
      const drafts = { ...next.ui.drafts };
      for (const [part, text] of Object.entries(a.typed)) drafts[draftKey(doc.id, pathString(a.path), part)] = text;
      return withUi(next, { drafts });
    }
    case 'set-resolution': {
      const p = pathString(a.path);
      const custom = a.choice === 'custom';
      const next = editDoc(s, (v) => {
        if (custom) {
          const parts = splitResolution(getAt(v, a.path));
          setAt(v, a.path, parts ? `${parts[0]}x${parts[1]}` : '1280x720');
        } else setAt(v, a.path, a.choice === '' ? undefined : a.choice);
        return true;
      });
      return withUi(next, { customRes: toggled(next.ui.customRes, p, custom) });
    }
    case 'set-role':
      return editDoc(s, (v) => {
        const g = getAt(v, a.path);
        if (!isObject(g)) return false;
        g.role = a.role;
        if (a.role === 'audience') g.publish = {};
        else if (!isObject(g.publish) || Object.keys(g.publish).length === 0) g.publish = { camera: '1280x720', audio: true };
        return true;
      });
    case 'set-receive':
      if (a.choice === 'invalid') return s;
      return editDoc(s, (v) => {
        if (a.choice !== 'some') {
          setAt(v, a.path, a.choice);
          return true;
        }
        const room = getAt(v, a.path.slice(0, 2));
        const gi = a.path[3];
        const names = groupNames(room);
        // Name the groups so `from` can refer to them.
        const groups = isObject(room) && Array.isArray(room.participants) ? room.participants : [];
        groups.forEach((g, i) => {
          if (isObject(g) && (typeof g.name !== 'string' || !g.name.trim())) g.name = names[i]!;
        });
        setAt(v, a.path, { from: names.filter((_, i) => i !== gi) });
        return true;
      });
    case 'toggle-receive-from':
      return editDoc(s, (v) => {
        const cur = getAt(v, a.path);
        const list = Array.isArray(cur) ? cur.filter((x): x is string => typeof x === 'string' && x !== a.name) : [];
        setAt(v, a.path, a.on ? [...list, a.name] : list);
        return true;
      });
    case 'toggle-addon': {
      const key = a.path[a.path.length - 1];
      const template: JsonObject = key === 'recording' ? { mode: 'mixed' } : key === 'mixTranscoding' ? { codec: 'h264' } : { target: 'tencent-css' };
      return editDoc(s, (v) => {
        setAt(v, a.path, a.on ? template : undefined);
        return true;
      });
    }
    case 'set-free-minutes':
      return editDoc(s, (v) => {
        setAt(v, a.path, a.choice === 'true' ? true : a.choice === 'false' ? false : { remaining: 10000 });
        return true;
      });
    case 'set-pack-size': {
      const p = pathString(a.path);
      const custom = a.choice === 'custom';
      const n = Number(a.choice);
      if (!custom && !(Number.isFinite(n) && n > 0)) return s;
      const next = custom ? s : editDoc(s, (v) => (setAt(v, a.path, n), true));
      return withUi(next, { customPack: toggled(next.ui.customPack, p, custom) });
    }
    case 'rename-group':
      if (a.from === a.to || !a.to) return s;
      return editDoc(s, (v) => {
        const room = getAt(v, a.path.slice(0, 2));
        const groups = isObject(room) && Array.isArray(room.participants) ? room.participants : [];
        let touched = false;
        for (const g of groups) {
          if (isObject(g) && isObject(g.receive) && Array.isArray(g.receive.from)) {
            g.receive.from = g.receive.from.map((n) => (n === a.from ? ((touched = true), a.to) : n));
          }
        }
        return touched;
      });
    case 'add-room':
      return editDoc(s, (v) => {
        const rooms = Array.isArray(v.rooms) ? v.rooms : (v.rooms = []);
        rooms.push(newRoom(rooms.length, a.service));
        return true;
      });
    case 'remove-room':
    case 'duplicate-room':
    case 'move-room':
      return editDoc(s, (v) => {
        const rooms = Array.isArray(v.rooms) ? v.rooms : undefined;
        const i = a.index;
        if (!rooms || !(Number.isInteger(i) && i >= 0 && i < rooms.length)) return false;
        if (a.type === 'remove-room') rooms.splice(i, 1);
        else if (a.type === 'duplicate-room') {
          const copy = clone(rooms[i]!);
          if (isObject(copy) && typeof copy.name === 'string') copy.name = `${copy.name} (2)`;
          rooms.splice(i + 1, 0, copy);
        } else {
          const j = i + a.dir;
          if (j < 0 || j >= rooms.length) return false;
          [rooms[i], rooms[j]] = [rooms[j]!, rooms[i]!];
        }
        return true;
      });
    case 'add-group':
      return editDoc(s, (v) => {
        const room = getAt(v, ['rooms', a.room]);
        if (!isObject(room)) return false;
        const groups = Array.isArray(room.participants) ? room.participants : (room.participants = []);
        // Named in the panel's language, as the form shows an unnamed group.
        const g = newGroup(groups.length, a.role, l10n.t('group {0}', groups.length + 1));
        const names = new Set(groupNames(room));
        let n = groups.length + 1;
        while (names.has(String(g.name))) g.name = l10n.t('group {0}', ++n);
        groups.push(g);
        return true;
      });
    case 'remove-group':
      return editDoc(s, (v) => {
        const room = getAt(v, ['rooms', a.room]);
        if (!isObject(room) || !Array.isArray(room.participants) || !(a.index >= 0 && a.index < room.participants.length)) return false;
        const name = groupNames(room)[a.index];
        room.participants.splice(a.index, 1);
        for (const g of room.participants) {
          if (isObject(g) && isObject(g.receive) && Array.isArray(g.receive.from)) g.receive.from = g.receive.from.filter((x) => x !== name);
        }
        return true;
      });
    case 'add-pack':
      return editDoc(s, (v) => {
        const pay = isObject(v.payment) ? v.payment : (v.payment = {});
        const packs = Array.isArray(pay.packs) ? pay.packs : (pay.packs = []);
        packs.push({ minutes: 250000 });
        return true;
      });
    case 'remove-pack':
      return editDoc(s, (v) => {
        const packs = getAt(v, ['payment', 'packs']);
        if (!Array.isArray(packs) || !(a.index >= 0 && a.index < packs.length)) return false;
        packs.splice(a.index, 1);
        return true;
      });
    case 'add-package':
    case 'use-package': {
      const next = editDoc(s, (v) => {
        const pay = isObject(v.payment) ? v.payment : (v.payment = {});
        const list = Array.isArray(pay.packages) ? pay.packages : (pay.packages = []);
        if (a.type === 'use-package' && list.some((p) => isObject(p) && p.edition === a.edition && p.app === a.app)) return false;
        list.push(a.app !== undefined ? { edition: a.edition, app: a.app } : { edition: a.edition });
        return true;
      });
      // The package was added from the estimate: open the payment section, where it (and its price, if to be entered) is.
      return next !== s && s.closed.includes('payment') ? { ...next, closed: next.closed.filter((k) => k !== 'payment') } : next;
    }
    case 'remove-package':
      return editDoc(s, (v) => {
        const pay = isObject(v.payment) ? v.payment : undefined;
        const list = pay && Array.isArray(pay.packages) ? pay.packages : undefined;
        if (!pay || !list || !(Number.isInteger(a.index) && a.index >= 0 && a.index < list.length)) return false;
        list.splice(a.index, 1);
        // An empty list says nothing the file needs: drop the key (as removing the last field would).
        if (list.length === 0) delete pay.packages;
        return true;
      });
    case 'computed':
      return mapDoc(s, a.docId, (d) => (d.lastValid === a.value ? d : { ...d, lastValid: a.value }));
    case 'saved':
      return mapDoc(s, a.docId, (d) => {
        const out: DocState = { ...d };
        if (a.uri) out.uri = a.uri;
        if (a.fileName) out.fileName = a.fileName;
        if (JSON.stringify(d.value) === JSON.stringify(a.value)) out.dirty = false;
        return out;
      });
    case 'status':
      return withUi(s, { status: { text: a.text, kind: a.kind } });
  }
}

function withUi(s: State, patch: Partial<State['ui']>): State {
  const ui = { ...s.ui, ...patch };
  if ('confirmClose' in patch && patch.confirmClose === undefined) delete ui.confirmClose;
  return { ...s, ui };
}

function toggled(list: string[], key: string, on: boolean): string[] {
  const rest = list.filter((k) => k !== key);
  return on ? [...rest, key] : rest;
}

function mapDoc(s: State, id: number, f: (d: DocState) => DocState): State {
  let changed = false;
  const docs = s.docs.map((d) => {
    if (d.id !== id) return d;
    const n = f(d);
    if (n !== d) changed = true;
    return n;
  });
  return changed ? { ...s, docs } : s;
}

/** Edit a copy of the shown scenario's value; `edit` returns false when it changed nothing (the state is kept). */
function editDoc(s: State, edit: (value: JsonObject) => boolean): State {
  const doc = activeDoc(s);
  if (!doc) return s;
  const value: JsonObject = isObject(doc.value) ? clone(doc.value) : {};
  if (!edit(value)) return s;
  const docs = s.docs.slice();
  docs[s.active] = { ...doc, value, dirty: true };
  return { ...s, docs, pristine: false };
}

function makeDoc(s: State, d: PanelScenario, dirty: boolean): DocState {
  const doc: DocState = { id: s.nextId, value: toFileForm(clone(d.value)), dirty };
  if (d.uri) doc.uri = d.uri;
  if (d.fileName) doc.fileName = d.fileName;
  return doc;
}

function addDoc(s: State, d: PanelScenario, at: number, dirty: boolean): State {
  const doc = makeDoc(s, d, dirty);
  const docs = s.docs.slice();
  docs.splice(at, 0, doc);
  return { ...s, docs, active: at, nextId: s.nextId + 1, pristine: false };
}

function addDocs(s: State, incoming: PanelScenario[]): State {
  let show = -1;
  for (const d of incoming) {
    const value = toFileForm(clone(d.value));
    const text = JSON.stringify(value);
    const same = s.docs.findIndex((x) => JSON.stringify(x.value) === text);
    if (same >= 0) {
      show = same;
      continue;
    }
    const doc = makeDoc(s, d, false);
    const docs = s.docs.slice();
    if (s.pristine && docs.length === 1) {
      docs[0] = doc;
      show = 0;
    } else {
      docs.push(doc);
      show = docs.length - 1;
    }
    s = { ...s, docs, nextId: s.nextId + 1, pristine: false };
  }
  return show >= 0 && show !== s.active ? { ...s, active: show } : s;
}
