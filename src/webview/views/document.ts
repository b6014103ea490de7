// One scenario: the editor beside its estimate. Shapes a computation into what the two panes show
// (problems by field, room warnings on their cards) and composes the form and results views.
import * as l10n from '@vscode/l10n';
import { noResultBanner, staleBanner } from '../labels';
import { html, type TemplateResult } from 'lit-html';
import type { Problem } from '../../core';
import type { Action } from '../actions';
import { problemText, type Computation, type ResultModel } from '../compute';
import { isObject, pathString, type Path } from '../jsonPath';
import { draftKey, type DocState, type State } from '../state';
import { Placement } from './fields';
import { formView } from './form';
import { resultsView, type ProblemItem } from './results';

export interface DocumentInput {
  state: State;
  doc: DocState;
  comp: Computation;
  /** The display model of the bill shown: the computation's, or the last valid one's (stale). */
  model: ResultModel | null;
  advicePending: boolean;
  dispatch(a: Action): void;
  renameStart(path: string, name: string): void;
  renameEnd(path: Path, to: string): void;
  reveal(room: number): void;
  gotoField(path: string): void;
  gotoRoom(room: number): void;
  /** What each room card in the DOM shows (by room index), kept across renders of this page. */
  roomKeys: string[];
}

export interface DocumentOutput {
  view: TemplateResult;
  /** What the live region announces after this computation, if anything new. */
  say?: string;
}

export function documentView(d: DocumentInput): DocumentOutput {
  const { state: s, doc, comp, model } = d;
  const locale = s.ui.locale;
  const errors: ProblemItem[] = comp.parse.errors.map((p) => ({ path: p.path, text: problemText(p, locale), severity: 'error' }));
  const notices: ProblemItem[] = comp.parse.warnings.map((p) => ({ path: p.path, text: problemText(p, locale), severity: 'warning' }));
  const rooms = isObject(doc.value) && Array.isArray(doc.value.rooms) ? doc.value.rooms : [];
  const sources = new Set<number>();
  rooms.forEach((r, i) => {
    if (isObject(r) && isObject(r.source)) sources.add(i);
  });
  // parseScenario's warnings plus the bill's room warnings (room limits), placed on their room card.
  const warnings: Problem[] = [...comp.parse.warnings];
  if (comp.bill) for (const w of comp.bill.warnings) if (w.room !== undefined) warnings.push({ path: pathString(['rooms', w.room]), message: w.text });
  const placement = new Placement(comp.parse.errors, warnings, locale);
  const form = formView(doc.value, {
    docId: doc.id,
    placement,
    dispatch: d.dispatch,
    draft: (path, part) => s.ui.drafts[draftKey(doc.id, path, part)],
    customRes: new Set(s.ui.customRes),
    customPack: new Set(s.ui.customPack),
    closed: new Set(s.closed),
    renameStart: d.renameStart,
    renameEnd: d.renameEnd,
    reveal: d.reveal,
    // Only the current inputs' estimate speaks for the packages (a stale one may number them differently).
    ...(comp.bill && model ? { packageLines: model.packageLines } : {}),
    keepRoom: (i, base) => {
      const path = pathString(['rooms', i]);
      const mine = (k: string) => k === path || k.startsWith(path + '.') || k.startsWith(path + '[');
      const drafts = Object.entries(s.ui.drafts).filter(([k]) => k.startsWith(`${doc.id} `) && mine(k.slice(k.indexOf(' ') + 1)));
      const key = JSON.stringify([doc.id, locale, base, placement.problemsUnder(path), s.ui.customRes.filter(mine), drafts]);
      if (d.roomKeys[i] === key) {
        placement.retain(path);
        return true;
      }
      d.roomKeys[i] = key;
      return false;
    },
  });
  const results = resultsView({
    model,
    stale: !comp.bill && !!model,
    advicePending: d.advicePending,
    errors,
    notices,
    ...(comp.engineError ? { engineError: comp.engineError } : {}),
    ...(comp.parse.scenario ? { scenario: comp.parse.scenario } : {}),
    roomSources: sources,
    openExplain: new Set(s.ui.openExplain),
    dispatch: d.dispatch,
    gotoField: d.gotoField,
    gotoRoom: d.gotoRoom,
    reveal: d.reveal,
  });
  const out: DocumentOutput = {
    view: html`<div class="layout">
      <div class="editor-host" id="main-panel" role="tabpanel" aria-labelledby="tab-${doc.id}">${form}</div>
      <div class="results-host">${results}</div>
    </div>`,
  };
  if (model && comp.bill) out.say = `${l10n.t('Total for {0} days', model.days)}: ${model.total}`;
  else if (errors.length) out.say = model ? staleBanner(errors.length) : noResultBanner(errors.length);
  return out;
}
