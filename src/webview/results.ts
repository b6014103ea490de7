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
  errors: ProblemItem[];
  /** parseScenario warnings (e.g. unknown fields kept). */
  notices: ProblemItem[];
  engineError?: string;
  /** Room index → has source (for the "go to code" link in warnings). */
  roomSources: Set<number>;
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
          m.room !== undefined
            ? h('button', { type: 'button', class: 'link', 'data-action': 'goto-room', 'data-room': m.room }, m.roomName !== undefined ? t.inRoom(m.roomName) : `#${m.room + 1}`)
            : null,
          m.room !== undefined ? ': ' : null,
          m.text,
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

export function renderResults(inp: ResultsInput): HTMLElement {
  const { t, model: m } = inp;
  const root = h('section', { class: `results${inp.stale ? ' stale' : ''}`, 'aria-label': t.results, 'data-stale': inp.stale ? 'true' : 'false' });
  const errCount = inp.errors.length;
  if (errCount > 0) {
    root.appendChild(
      h('div', { class: 'banner error', role: 'alert' }, icon('error'), h('span', null, m ? t.staleBanner(errCount) : t.noResultBanner(errCount))),
    );
  }
  if (inp.engineError) {
    root.appendChild(h('div', { class: 'banner error', role: 'alert' }, icon('error'), h('span', null, `${t.engineError} ${inp.engineError}`)));
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
        h('div', { class: 'total-value', 'data-testid': 'total', 'data-exact': m.totalExact, title: t.exact(m.totalExact), 'aria-live': 'polite', 'aria-atomic': 'true' }, m.total),
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
    const rows: Child[][] = m.lines.map((l) => [
      h(
        'details',
        { class: 'line', 'data-key': l.key },
        h('summary', null, swatch(l.cls), h('span', null, l.label)),
        h('ul', { class: 'explain' }, l.explanation.map((e) => h('li', null, e))),
        h('p', { class: 'citation' }, `${t.source}: ${l.citation} · ${l.citationConfidence}`),
      ),
      l.minutes,
      l.free,
      l.pack,
      l.postpaid,
      l.unitPrice,
      h('span', { 'data-exact': l.amountExact }, l.amount),
    ]);
    root.appendChild(
      h(
        'div',
        { class: 'table-wrap' },
        table(t.lines, [t.item, t.minutes, t.free, t.pack, t.postpaid, t.unitPrice, t.amount], rows, {
          cls: 'lines',
          foot: [t.total, '', '', '', '', '', h('strong', null, m.total)],
        }),
      ),
    );
  }

  // Minutes per tier, free and pack minutes
  const minuteBlocks = h('div', { class: 'grid-2' });
  if (m.minutesByTier.length) {
    minuteBlocks.appendChild(table(t.minutesByTier, [t.tier, t.minutes], m.minutesByTier.map((x) => [x.label, x.minutes]), { cls: 'tiers' }));
  }
  const usage: Child[][] = [[t.freeUsed, m.freeMinutesUsed]];
  minuteBlocks.appendChild(table(`${t.free} / ${t.pack}`, [t.item, t.minutes], usage, { cls: 'usage' }));
  root.appendChild(minuteBlocks);
  if (m.packs.length) {
    root.appendChild(
      table(t.packsUsed, [t.pack, t.packUsed, t.packLeft, t.packExpires], m.packs.map((p) => [p.label, p.used, p.left, p.expires]), { cls: 'packs-used' }),
    );
  }

  // Advice
  if (m.advice) {
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
    const rows: Child[][] = m.rooms.map((r) => [
      h(
        'details',
        { class: 'room-cost', 'data-room': r.index },
        h('summary', null, h('span', null, r.name)),
        h('ul', { class: 'explain' }, r.explanation.map((e) => h('li', null, e))),
      ),
      r.mainTier,
      r.perSessionMinute,
      r.perDay,
      h('span', { class: 'with-meter' }, h('span', null, r.monthly), meter(r.value, max, r.monthly)),
    ]);
    root.appendChild(h('div', { class: 'table-wrap' }, table(t.perRoom, [t.room, t.mainTier, t.perSessionMinute, t.perDay, t.total], rows, { numericFrom: 2, cls: 'rooms' })));
  }

  if (m.assumptions.length) root.appendChild(messages(t.assumptions, m.assumptions, t, 'info', inp.roomSources));
  if (inp.notices.length) root.appendChild(problemList(t.notices, inp.notices, t, 'notices'));
  return root;
}
