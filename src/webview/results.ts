// The estimate pane: totals, chart, line items with explanations, minutes per tier, free and pack minutes,
// payment advice, per-room costs, warnings and assumptions. Built from compute.ts's display model.
import { meter, stackedBar, swatch } from './chart';
import { h, type Child } from './dom';
import { icon } from './icons';
import type { Strings } from './i18n';
import type { MessageModel, ResultModel } from './compute';

export interface ProblemItem {
  path: string;
  text: string;
  severity: 'error' | 'warning';
}

export interface ResultsInput {
  t: Strings;
  model: ResultModel | null;
  /** The model shown is the last valid one; the current inputs have errors. */
  stale: boolean;
  /** The payment advice is still being computed (deferred while typing). */
  advicePending: boolean;
  errors: ProblemItem[];
  /** parseScenario warnings (e.g. unknown fields kept). */
  notices: ProblemItem[];
  engineError?: string;
  /** Room index → has source (for the "go to code" link in warnings). */
  roomSources: Set<number>;
  /** Explanations the user opened ("line:<key>", "room:<index>"), kept across re-renders. */
  openExplain: Set<string>;
  /** Closed explanations are built only when opened: their builders go here, by key. */
  explainBuilders: Map<string, () => Node>;
}

function pct(v: number, total: number): string {
  if (!(total > 0)) return '0%';
  const p = (v / total) * 100;
  return p >= 10 || p === 0 ? `${Math.round(p)}%` : `${p.toFixed(1)}%`;
}

function problemList(title: string, items: ProblemItem[], t: Strings, cls: string): HTMLElement {
  return h(
    'div',
    { class: `problems ${cls}` },
    h('h3', null, icon(cls === 'errors' ? 'error' : 'info'), ' ', title),
    h(
      'ul',
      null,
      items.map((p) =>
        h(
          'li',
          null,
          h('button', { type: 'button', class: 'link', 'data-action': 'goto-field', 'data-target': p.path, title: t.goToField }, h('code', null, p.path)),
          ' ',
          p.text,
        ),
      ),
    ),
  );
}

function messages(title: string, items: MessageModel[], t: Strings, kind: 'warning' | 'info', sources: Set<number>): HTMLElement {
  return h(
    'section',
    { class: `messages ${kind}`, 'aria-label': title },
    h('h3', null, icon(kind), ' ', title),
    h(
      'ul',
      null,
      items.map((m) =>
        h(
          'li',
          { 'data-code': m.code },
          m.text,
          m.room !== undefined
            ? [
                ' ',
                h(
                  'button',
                  { type: 'button', class: 'link', 'data-action': 'goto-room', 'data-room': m.room, 'aria-label': `${t.showRoom}: ${m.roomName ?? `#${m.room + 1}`}` },
                  t.showRoom,
                ),
              ]
            : null,
          m.room !== undefined && sources.has(m.room)
            ? h('button', { type: 'button', class: 'icon-button inline', 'data-action': 'reveal', 'data-room': m.room, 'aria-label': t.revealSource, title: t.revealSource }, icon('goto'))
            : null,
        ),
      ),
    ),
  );
}

function table(caption: string, head: string[], rows: Child[][], opts: { numericFrom?: number; cls?: string; foot?: Child[] } = {}): HTMLElement {
  const from = opts.numericFrom ?? 1;
  return h(
    'table',
    { class: `data ${opts.cls ?? ''}` },
    h('caption', null, caption),
    h('thead', null, h('tr', null, head.map((c, i) => h('th', { scope: 'col', class: i >= from ? 'num' : null }, c)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: i >= from ? 'num' : null }, c)))))),
    opts.foot ? h('tfoot', null, h('tr', null, opts.foot.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: i >= from ? 'num' : null }, c))))) : null,
  );
}

let explainSeq = 0;

/** A table row whose first cell toggles a full-width explanation row below it. */
function disclosureRows(
  key: string,
  inp: ResultsInput,
  label: Child,
  cells: Child[],
  explain: () => Node,
  numericFrom: number,
  attrs: Record<string, string>,
): HTMLElement[] {
  const open = inp.openExplain.has(key);
  if (!open) inp.explainBuilders.set(key, explain);
  const id = `explain-${++explainSeq}`;
  const toggle = h(
    'button',
    { type: 'button', class: 'disclosure', 'data-action': 'toggle-explain', 'data-explain': key, 'aria-expanded': open ? 'true' : 'false', 'aria-controls': id },
    h('span', { class: 'chevron', 'aria-hidden': 'true' }, '›'),
    label,
  );
  const main = h('tr', { class: 'has-explain', ...attrs }, h('th', { scope: 'row' }, toggle), cells.map((c, i) => h('td', { class: i + 1 >= numericFrom ? 'num' : null }, c)));
  const more = h('tr', { class: 'explain-row', id, hidden: !open }, h('td', { colspan: cells.length + 1 }, open ? explain() : null));
  return [main, more];
}

export function renderResults(inp: ResultsInput): HTMLElement {
  const { t, model: m } = inp;
  const root = h('section', { class: `results${inp.stale ? ' stale' : ''}`, 'aria-label': t.results, 'data-stale': inp.stale ? 'true' : 'false' });
  const errCount = inp.errors.length;
  if (errCount > 0) {
    root.appendChild(
      h('div', { class: 'banner error' }, icon('error'), h('span', null, m ? t.staleBanner(errCount) : t.noResultBanner(errCount))),
    );
  }
  if (inp.engineError) {
    root.appendChild(h('div', { class: 'banner error' }, icon('error'), h('span', null, `${t.engineError} ${inp.engineError}`)));
  }
  if (errCount > 0) root.appendChild(problemList(t.problems, inp.errors, t, 'errors'));
  if (!m) {
    if (inp.notices.length) root.appendChild(problemList(t.notices, inp.notices, t, 'notices'));
    return root;
  }

  // Totals
  root.appendChild(
    h(
      'div',
      { class: 'totals' },
      h(
        'div',
        { class: 'total-main' },
        h('div', { class: 'total-label' }, t.monthly(m.days)),
        h('div', { class: 'total-value', 'data-testid': 'total', 'data-exact': m.totalExact, title: t.exact(m.totalExact) }, m.total),
      ),
      h(
        'div',
        { class: 'total-side' },
        h('div', { class: 'total-label' }, t.perDay),
        h('div', { class: 'per-day', 'data-testid': 'per-day' }, m.perDay),
      ),
    ),
  );
  root.appendChild(h('p', { class: 'meta' }, `${t.book}: ${m.book} · ${m.settlement} · ${t.periodFrom(m.days, m.start)}`));

  // Chart
  const segs = m.lines.map((l) => ({ cls: l.cls, value: l.value, title: `${l.label}: ${l.amount} (${pct(l.value, m.totalValue)})` }));
  root.appendChild(
    h(
      'figure',
      { class: 'chart', 'data-testid': 'chart' },
      h('figcaption', null, t.chartTitle),
      stackedBar(segs, m.totalValue, t.chartLabel(m.total)),
    ),
  );

  // Line items (the chart's legend)
  if (m.lines.length === 0) {
    root.appendChild(h('p', { class: 'help' }, t.noLines));
  } else {
    const showFree = m.lines.some((l) => l.free !== '0');
    const showPack = m.lines.some((l) => l.pack !== '0');
    const head = [t.item, t.minutes, ...(showFree ? [t.free] : []), ...(showPack ? [t.pack] : []), t.unitPrice, t.amount];
    const body = h('tbody');
    for (const l of m.lines) {
      const cells: Child[] = [
        l.minutes,
        ...(showFree ? [l.free] : []),
        ...(showPack ? [l.pack] : []),
        h('span', { class: 'unit-price' }, l.unitPrice, h('span', { class: 'unit' }, l.unit)),
        h('span', { 'data-exact': l.amountExact }, l.amount),
      ];
      const explain = () =>
        h(
          'div',
          { class: 'explain-box' },
          h('ul', { class: 'explain' }, l.explanation.map((e) => h('li', null, e))),
          h('p', { class: 'citation' }, `${t.source}: ${l.citation} · ${l.citationConfidence}`),
        );
      body.append(...disclosureRows(`line:${l.key}`, inp, [swatch(l.cls), h('span', { class: 'line-label' }, l.label)], cells, explain, 1, { class: 'has-explain line', 'data-key': l.key }));
    }
    root.appendChild(
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data lines' },
          h('caption', null, t.lines),
          h('thead', null, h('tr', null, head.map((c, i) => h('th', { scope: 'col', class: i >= 1 ? 'num' : null }, c)))),
          body,
          h('tfoot', null, h('tr', null, h('th', { scope: 'row' }, t.total), h('td', { class: 'num', colspan: head.length - 1 }, h('strong', null, m.total)))),
        ),
      ),
    );
  }

  // Minutes per tier, free and pack minutes
  const minuteBlocks = h('div', { class: 'tiers-wrap' });
  if (m.minutesByTier.length) {
    minuteBlocks.appendChild(
      h(
        'table',
        { class: 'data tiers' },
        h('caption', null, t.minutesByTier),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t.tier), m.minutesByTier.map((x) => h('th', { scope: 'col', class: 'num' }, x.label)))),
        h('tbody', null, h('tr', null, h('th', { scope: 'row' }, t.minutes), m.minutesByTier.map((x) => h('td', { class: 'num', 'data-tier': x.tier }, x.minutes)))),
      ),
    );
  }
  root.appendChild(minuteBlocks);
  const usage: Child[][] = [[t.freeUsed, m.freeMinutesUsed, '–', '–'], ...m.packs.map((p): Child[] => [p.label, p.used, p.left, p.expires])];
  root.appendChild(table(t.packsUsed, [t.item, t.packUsed, t.packLeft, t.packExpires], usage, { cls: 'usage' }));

  // Advice
  if (inp.advicePending) {
    root.appendChild(h('section', { class: 'advice pending', 'aria-label': t.advice, 'data-testid': 'advice' }, h('h3', null, t.advice), h('p', { class: 'help' }, t.computing)));
  } else if (m.advice) {
    const a = m.advice;
    const adv = h('section', { class: `advice${a.hasSaving ? ' saving' : ''}`, 'aria-label': t.advice, 'data-testid': 'advice' }, h('h3', null, t.advice));
    if (a.hasSaving) {
      adv.appendChild(
        h(
          'p',
          { class: 'advice-head' },
          h('strong', null, a.best),
          `: ${a.bestTotal} · ${t.adviceSaving} `,
          h('strong', { class: 'saving-value' }, a.saving),
          ` (${t.advicePostpaid}: ${a.postpaid})`,
        ),
      );
      if (a.packs.length) {
        adv.appendChild(h('ul', { class: 'advice-packs' }, a.packs.map((p) => h('li', null, `${t.adviceBuy} ${p.text}: ${p.price}`))));
      }
    } else {
      adv.appendChild(h('p', { class: 'advice-head' }, t.adviceNone, ` (${a.postpaid})`));
    }
    if (a.explanation.length) adv.appendChild(h('ul', { class: 'explain' }, a.explanation.map((e) => h('li', null, e))));
    root.appendChild(adv);
  }

  if (m.warnings.length) root.appendChild(messages(t.warnings, m.warnings, t, 'warning', inp.roomSources));

  // Per room
  if (m.rooms.length) {
    const max = Math.max(0, ...m.rooms.map((r) => r.value));
    const body = h('tbody');
    for (const r of m.rooms) {
      const explain = () => h('ul', { class: 'explain' }, r.explanation.map((e) => h('li', null, e)));
      const cells: Child[] = [r.mainTier, r.perSessionMinute, r.perDay, h('span', { class: 'with-meter' }, h('span', null, r.monthly), meter(r.value, max, r.monthly))];
      body.append(...disclosureRows(`room:${r.index}`, inp, h('span', null, r.name), cells, explain, 2, { class: 'has-explain room-cost', 'data-room': String(r.index) }));
    }
    const head = [t.room, t.mainTier, t.perSessionMinute, t.perDay, t.total];
    root.appendChild(
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data rooms' },
          h('caption', null, t.perRoom),
          h('thead', null, h('tr', null, head.map((c, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : null }, c)))),
          body,
        ),
      ),
    );
  }

  if (m.assumptions.length) root.appendChild(messages(t.assumptions, m.assumptions, t, 'info', inp.roomSources));
  if (inp.notices.length) root.appendChild(problemList(t.notices, inp.notices, t, 'notices'));
  return root;
}
