// Scenarios side by side: totals, line items and minutes per tier, each with its difference from a baseline,
// and one stacked bar per scenario on a common scale.
import * as l10n from '@vscode/l10n';
import { tierLabel } from '../labels';
import Decimal from 'decimal.js';
import { formatMoney, type Bill } from '../../core';
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Action } from '../actions';
import { buildResultModel, groupDigits, type ResultModel } from '../compute';
import type { UiLocale } from '../../shared/protocol';
import { stackedBar, swatch } from './chart';

export interface CompareItem {
  name: string;
  bill: Bill | null;
  stale: boolean;
}

/** "+$1.20 (+12.5%)" / "−$0.80 (−3%)" / "same". */
export function difference(base: string | undefined, other: string | undefined, currency: Bill['currency'], locale: UiLocale, isMoney = true): string {
  const a = new Decimal(base ?? '0');
  const b = new Decimal(other ?? '0');
  const d = b.minus(a);
  if (d.isZero()) return l10n.t('same');
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

function direction(d: string): string {
  return d.startsWith('+') ? ' up' : d.startsWith('−') ? ' down' : '';
}

export interface CompareCtx {
  locale: UiLocale;
  items: CompareItem[];
  baseline: number;
  dispatch(a: Action): void;
}

export function compareView(ctx: CompareCtx): TemplateResult {
  const { locale, items } = ctx;
  const base = Math.min(Math.max(0, ctx.baseline), Math.max(0, items.length - 1));
  const models: (ResultModel | null)[] = items.map((i) => (i.bill ? buildResultModel(i.bill, locale) : null));
  const baseBill = items[base]?.bill ?? null;

  // Bars on one scale (only scenarios in the same currency as the baseline share it)
  const cur = baseBill?.currency;
  const scale = Math.max(0, ...models.map((m) => (m && (!cur || m.currency === cur) ? m.totalValue : 0)));
  const bars = items.map((it, i) => {
    const m = models[i];
    const ownScale = m && cur && m.currency !== cur ? m.totalValue : scale;
    return html`<div class="bar-row">
      <div class="bar-label"><span class="bar-name">${it.name}</span><span class="bar-total">${m ? m.total : l10n.t('no estimate')}</span></div>
      ${
        m
          ? stackedBar(
              m.lines.map((l) => ({ cls: l.cls, value: l.value, title: `${l.label}: ${l.amount}` })),
              ownScale,
              `${it.name}: ${m.total}`,
            )
          : nothing
      }
    </div>`;
  });
  // Legend: every line key once
  const legend: { cls: string; label: string; key: string }[] = [];
  for (const m of models) for (const l of m?.lines ?? []) if (!legend.some((x) => x.key === l.key)) legend.push({ key: l.key, label: l.label, cls: l.cls });

  // Table
  const others = items.map((_, i) => i).filter((i) => i !== base);
  const diffsFor = (get: (b: Bill) => string | undefined, isMoney = true): string[] =>
    others.map((i) => {
      const b = items[i]!.bill;
      if (!baseBill || !b) return '–';
      if (b.currency !== baseBill.currency) return l10n.t('different currency');
      return difference(get(baseBill), get(b), baseBill.currency, locale, isMoney);
    });
  const rows: TemplateResult[] = [];
  const row = (label: unknown, cells: string[], diffs: string[], cls = ''): void => {
    rows.push(
      html`<tr class=${cls || nothing}>
        <th scope="row">${label}</th>
        ${cells.map((c, i) => {
          // On a narrow pane the Δ columns give way to the difference under each value: drawn by CSS from
          // data-diff, so the cell's text stays the value alone.
          const k = others.indexOf(i);
          const d = k >= 0 ? diffs[k] : undefined;
          const shown = d !== undefined && d !== '–' ? d : undefined;
          return html`<td class="num${i === base ? ' baseline' : ''}${shown ? ` with-diff${direction(shown)}` : ''}" data-diff=${shown ?? nothing}>${c}</td>`;
        })}
        ${diffs.map((d) => html`<td class="num diff${direction(d)}">${d}</td>`)}
      </tr>`,
    );
  };
  row(
    html`<strong>${l10n.t('Total')}</strong>`,
    models.map((m) => (m ? m.total : '–')),
    diffsFor((b) => b.total),
    'total-row',
  );
  row(
    l10n.t('Per day'),
    models.map((m) => (m ? m.perDay : '–')),
    diffsFor((b) => b.perDay),
  );
  for (const k of legend) {
    row(
      html`<span class="legend-label">${swatch(k.cls)}${k.label}</span>`,
      models.map((m) => (m ? (m.lines.find((l) => l.key === k.key)?.amount ?? '–') : '–')),
      diffsFor((b) => b.lines.find((l) => l.key === k.key)?.amount ?? '0'),
    );
  }
  const tiers = ['audio', 'SD', 'HD', 'FHD', '2K', '4K'] as const;
  for (const tier of tiers) {
    if (!items.some((it) => it.bill?.minutesByTier[tier] !== undefined)) continue;
    row(
      l10n.t('{0}: {1}', l10n.t('Minutes'), tierLabel(tier)),
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
      l10n.t('{0}: {1}', l10n.t('Room at list price'), name),
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
      l10n.t('Cheapest way to pay'),
      items.map((it) => (it.bill?.advice ? formatMoney(it.bill.advice.best.total, it.bill.currency, locale) : '–')),
      diffsFor((b) => b.advice?.best.total ?? b.total),
    );
  }
  const head = [
    html`<th scope="col">${l10n.t('Item')}</th>`,
    ...items.map(
      (it, i) =>
        html`<th scope="col" class="num${i === base ? ' baseline' : ''}">
          <button type="button" class="link" data-action="tab" data-index=${i} title=${it.name} @click=${() => ctx.dispatch({ type: 'select', index: i })}>
            ${it.name}</button
          >${it.stale ? html`<div class="sub">${l10n.t('invalid — last valid estimate')}</div>` : nothing}${
            i === base ? html`<div class="sub">${l10n.t('Baseline')}</div>` : nothing
          }
        </th>`,
    ),
    ...others.map((i) => html`<th scope="col" class="num diff">${l10n.t('Δ {0}', items[i]!.name)}</th>`),
  ];
  return html`<section class="compare" aria-label=${l10n.t('Compare scenarios')} id="main-panel" role="tabpanel" aria-labelledby="tab-compare">
    <h2>${l10n.t('Compare scenarios')}</h2>
    ${items.length < 2 ? html`<p class="help">${l10n.t('Add a second scenario (Duplicate makes a what-if copy) to compare.')}</p>` : nothing}
    <div class="row">
      <div class="field">
        <label for="compare-baseline">${l10n.t('Baseline')}</label>
        <select
          id="compare-baseline"
          data-kind="baseline"
          @change=${(e: Event) => ctx.dispatch({ type: 'set-baseline', index: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          ${items.map((it, i) => html`<option value=${String(i)} .selected=${i === base}>${it.name}</option>`)}
        </select>
      </div>
      <p class="help grow">${l10n.t('Each column is one scenario; differences are against the baseline.')}</p>
    </div>
    <figure class="chart compare-chart" data-testid="compare-chart">
      <figcaption>${l10n.t('Breakdown')}</figcaption>
      ${bars}
      <ul class="legend">
        ${legend.map((l) => html`<li>${swatch(l.cls)}${l.label}</li>`)}
      </ul>
    </figure>
    <div class="table-wrap">
      <table class="data compare-table" data-testid="compare-table">
        <caption>
          ${l10n.t('Totals, line items and minutes')}
        </caption>
        <thead>
          <tr>
            ${head}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
  </section>`;
}
