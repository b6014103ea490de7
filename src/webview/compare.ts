// Scenarios side by side: totals, line items and minutes per tier, each with its difference from a baseline,
// and one stacked bar per scenario on a common scale.
import Decimal from 'decimal.js';
import { formatMoney, type Bill } from '../core';
import { stackedBar, swatch } from './chart';
import { buildResultModel, groupDigits, type ResultModel } from './compute';
import { h, type Child } from './dom';
import type { Strings } from './i18n';
import type { UiLocale } from '../shared/protocol';

export interface CompareItem {
  name: string;
  bill: Bill | null;
  stale: boolean;
}

/** "+$1.20 (+12.5%)" / "−$0.80 (−3%)" / "same". */
export function difference(base: string | undefined, other: string | undefined, currency: Bill['currency'], locale: UiLocale, t: Strings, isMoney = true): string {
  const a = new Decimal(base ?? '0');
  const b = new Decimal(other ?? '0');
  const d = b.minus(a);
  if (d.isZero()) return t.same;
  const sign = d.isNegative() ? '−' : '+';
  const abs = d.abs().toFixed();
  const amount = isMoney ? formatMoney(abs, currency, locale) : groupDigits(abs);
  if (a.isZero()) return `${sign}${amount}`;
  const p = d.div(a).times(100);
  const abs100 = p.abs();
  if (abs100.lessThan(0.1)) return `${sign}${amount} (<0.1%)`;
  const pText = abs100.greaterThanOrEqualTo(10) ? abs100.toFixed(0) : abs100.toFixed(1);
  return `${sign}${amount} (${sign}${pText}%)`;
}

export function renderCompare(items: CompareItem[], baseline: number, locale: UiLocale, t: Strings): HTMLElement {
  const root = h('section', { class: 'compare', 'aria-label': t.compareTitle });
  root.appendChild(h('h2', null, t.compareTitle));
  if (items.length < 2) {
    root.appendChild(h('p', { class: 'help' }, t.noCompare));
  }
  const base = Math.min(Math.max(0, baseline), Math.max(0, items.length - 1));
  const models: (ResultModel | null)[] = items.map((i) => (i.bill ? buildResultModel(i.bill, locale) : null));
  const baseBill = items[base]?.bill ?? null;

  // Baseline picker
  const sel = h('select', { id: 'compare-baseline', 'data-kind': 'baseline' });
  items.forEach((it, i) => sel.appendChild(h('option', { value: String(i), selected: i === base }, it.name)));
  sel.value = String(base);
  root.appendChild(h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'compare-baseline' }, t.baseline), sel), h('p', { class: 'help grow' }, t.compareHint)));

  // Bars on one scale (only scenarios in the same currency as the baseline share it)
  const cur = baseBill?.currency;
  const scale = Math.max(0, ...models.map((m) => (m && (!cur || m.currency === cur) ? m.totalValue : 0)));
  const chart = h('figure', { class: 'chart compare-chart', 'data-testid': 'compare-chart' }, h('figcaption', null, t.chartTitle));
  items.forEach((it, i) => {
    const m = models[i];
    const row = h('div', { class: 'bar-row' }, h('div', { class: 'bar-label' }, h('span', { class: 'bar-name' }, it.name), h('span', { class: 'bar-total' }, m ? m.total : t.noEstimate)));
    if (m) {
      const ownScale = cur && m.currency !== cur ? m.totalValue : scale;
      row.appendChild(stackedBar(m.lines.map((l) => ({ cls: l.cls, value: l.value, title: `${l.label}: ${l.amount}` })), ownScale, `${it.name}: ${m.total}`));
    }
    chart.appendChild(row);
  });
  // Legend: every line key once
  const legend = h('ul', { class: 'legend' });
  const seen = new Set<string>();
  for (const m of models) {
    if (!m) continue;
    for (const l of m.lines) {
      if (seen.has(l.key)) continue;
      seen.add(l.key);
      legend.appendChild(h('li', null, swatch(l.cls), l.label));
    }
  }
  chart.appendChild(legend);
  root.appendChild(chart);

  // Table
  const others = items.map((_, i) => i).filter((i) => i !== base);
  const head: Child[] = [h('th', { scope: 'col' }, t.metric)];
  items.forEach((it, i) =>
    head.push(h('th', { scope: 'col', class: `num${i === base ? ' baseline' : ''}` }, h('button', { type: 'button', class: 'link', 'data-action': 'tab', 'data-index': i, title: it.name }, it.name), it.stale ? h('div', { class: 'sub' }, t.invalidScenario) : null, i === base ? h('div', { class: 'sub' }, t.baseline) : null)),
  );
  for (const i of others) head.push(h('th', { scope: 'col', class: 'num diff' }, t.difference(items[i]!.name)));
  const rows: HTMLElement[] = [];
  const row = (label: Child, cells: string[], diffs: string[], cls = ''): void => {
    rows.push(
      h(
        'tr',
        { class: cls || null },
        h('th', { scope: 'row' }, label),
        cells.map((c, i) => h('td', { class: `num${i === base ? ' baseline' : ''}` }, c)),
        diffs.map((d) => h('td', { class: `num diff${d.startsWith('+') ? ' up' : d.startsWith('−') ? ' down' : ''}` }, d)),
      ),
    );
  };
  const diffsFor = (get: (b: Bill) => string | undefined, isMoney = true): string[] =>
    others.map((i) => {
      const b = items[i]!.bill;
      if (!baseBill || !b) return '–';
      if (b.currency !== baseBill.currency) return t.differentCurrency;
      return difference(get(baseBill), get(b), baseBill.currency, locale, t, isMoney);
    });
  row(h('strong', null, t.total), models.map((m) => (m ? m.total : '–')), diffsFor((b) => b.total), 'total-row');
  row(t.perDay, models.map((m) => (m ? m.perDay : '–')), diffsFor((b) => b.perDay));
  const keys: { key: string; label: string; cls: string }[] = [];
  for (const m of models) for (const l of m?.lines ?? []) if (!keys.some((k) => k.key === l.key)) keys.push({ key: l.key, label: l.label, cls: l.cls });
  for (const k of keys) {
    row(
      h('span', { class: 'legend-label' }, swatch(k.cls), k.label),
      models.map((m) => (m ? (m.lines.find((l) => l.key === k.key)?.amount ?? '–') : '–')),
      diffsFor((b) => b.lines.find((l) => l.key === k.key)?.amount ?? '0'),
    );
  }
  const tiers = ['audio', 'SD', 'HD', 'FHD', '2K', '4K'] as const;
  for (const tier of tiers) {
    if (!items.some((it) => it.bill?.minutesByTier[tier] !== undefined)) continue;
    row(
      `${t.minutes}: ${t.tiers[tier]}`,
      items.map((it) => (it.bill ? groupDigits(it.bill.minutesByTier[tier] ?? '0') : '–')),
      diffsFor((b) => b.minutesByTier[tier] ?? '0', false),
      'minutes-row',
    );
  }
  // Rooms by name (list price for the period, before free minutes and packs).
  const roomNames: string[] = [];
  for (const it of items) for (const r of it.bill?.rooms ?? []) if (!roomNames.includes(r.name)) roomNames.push(r.name);
  for (const name of roomNames) {
    const get = (b: Bill) => b.rooms.find((r) => r.name === name)?.monthly;
    row(
      `${t.roomListPrice}: ${name}`,
      items.map((it) => {
        const v = it.bill ? get(it.bill) : undefined;
        return v !== undefined && it.bill ? formatMoney(v, it.bill.currency, locale) : '–';
      }),
      diffsFor((b) => get(b) ?? '0'),
      'room-row',
    );
  }
  if (items.some((it) => it.bill?.advice)) {
    row(
      t.advice,
      items.map((it) => (it.bill?.advice ? formatMoney(it.bill.advice.best.total, it.bill.currency, locale) : '–')),
      diffsFor((b) => b.advice?.best.total ?? b.total),
    );
  }
  root.appendChild(
    h(
      'div',
      { class: 'table-wrap' },
      h('table', { class: 'data compare-table', 'data-testid': 'compare-table' }, h('caption', null, t.compareTable), h('thead', null, h('tr', null, head)), h('tbody', null, rows)),
    ),
  );
  return root;
}
