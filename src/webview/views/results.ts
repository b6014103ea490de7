// The estimate pane: totals, chart, line items with explanations, minutes per tier, free and pack minutes,
// payment advice, per-room costs, warnings and assumptions. A template of compute.ts's display model.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Action } from '../actions';
import type { MessageModel, ResultModel } from '../compute';
import type { Strings } from '../i18n';
import { meter, stackedBar, swatch } from './chart';
import { icon } from './icons';
import { leversView } from './levers';
import type { Scenario } from '../../core';

export interface ProblemItem {
  path: string;
  text: string;
  severity: 'error' | 'warning';
}

export interface ResultsCtx {
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
  roomSources: ReadonlySet<number>;
  /** The valid scenario shown (for the savings levers). */
  scenario?: Scenario;
  /** Explanations the user opened ("line:<key>", "room:<index>"). */
  openExplain: ReadonlySet<string>;
  dispatch(a: Action): void;
  /** Focus the field for a problem path (or its nearest enclosing one). */
  gotoField(path: string): void;
  gotoRoom(room: number): void;
  reveal(room: number): void;
}

function pct(v: number, total: number): string {
  if (!(total > 0)) return '0%';
  const p = (v / total) * 100;
  return p >= 10 || p === 0 ? `${Math.round(p)}%` : `${p.toFixed(1)}%`;
}

function problemList(ctx: ResultsCtx, title: string, items: ProblemItem[], cls: string): TemplateResult {
  return html`<div class="problems ${cls}">
    <h3>${icon(cls === 'errors' ? 'error' : 'info')} ${title}</h3>
    <ul>
      ${items.map(
        (p) =>
          html`<li>
            <button type="button" class="link" data-action="goto-field" data-target=${p.path} title=${ctx.t.goToField} @click=${() => ctx.gotoField(p.path)}>
              <code>${p.path}</code>
            </button>
            ${p.text}
          </li>`,
      )}
    </ul>
  </div>`;
}

function messages(ctx: ResultsCtx, title: string, items: MessageModel[], kind: 'warning' | 'info'): TemplateResult {
  const t = ctx.t;
  return html`<section class="messages ${kind}" aria-label=${title}>
    <h3>${icon(kind)} ${title}</h3>
    <ul>
      ${items.map((m) => {
        const room = m.room;
        return html`<li data-code=${m.code}>
          ${m.text}${
            room !== undefined
              ? html` <button
                  type="button"
                  class="link"
                  data-action="goto-room"
                  data-room=${room}
                  aria-label=${`${t.showRoom}: ${m.roomName ?? `#${room + 1}`}`}
                  @click=${() => ctx.gotoRoom(room)}
                >
                  ${t.showRoom}
                </button>`
              : nothing
          }${
            room !== undefined && ctx.roomSources.has(room)
              ? html`<button
                  type="button"
                  class="icon-button inline"
                  data-action="reveal"
                  data-room=${room}
                  aria-label=${t.revealSource}
                  title=${t.revealSource}
                  @click=${() => ctx.reveal(room)}
                >
                  ${icon('goto')}
                </button>`
              : nothing
          }
        </li>`;
      })}
    </ul>
  </section>`;
}

/** A table row whose first cell toggles a full-width explanation row below it (built only while open). */
function disclosureRows(
  ctx: ResultsCtx,
  key: string,
  label: unknown,
  cells: unknown[],
  explain: () => TemplateResult,
  numericFrom: number,
  cls: string,
  data: { key?: string; room?: number },
): TemplateResult {
  const open = ctx.openExplain.has(key);
  const id = `explain-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
  return html`<tr class=${cls} data-key=${data.key ?? nothing} data-room=${data.room ?? nothing}>
      <th scope="row">
        <button
          type="button"
          class="disclosure"
          data-action="toggle-explain"
          data-explain=${key}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${id}
          @click=${() => ctx.dispatch({ type: 'toggle-explain', key, open: !open })}
        >
          <span class="chevron" aria-hidden="true">›</span>${label}
        </button>
      </th>
      ${cells.map((c, i) => html`<td class=${i + 1 >= numericFrom ? 'num' : nothing}>${c}</td>`)}
    </tr>
    <tr class="explain-row" id=${id} ?hidden=${!open}>
      <td colspan=${cells.length + 1}>${open ? explain() : nothing}</td>
    </tr>`;
}

function linesTable(ctx: ResultsCtx, m: ResultModel): TemplateResult {
  const t = ctx.t;
  if (m.lines.length === 0) return html`<p class="help">${t.noLines}</p>`;
  const showFree = m.lines.some((l) => l.free !== '0');
  const showPack = m.lines.some((l) => l.pack !== '0');
  const head = [t.item, t.minutes, ...(showFree ? [t.free] : []), ...(showPack ? [t.pack] : []), t.unitPrice, t.amount];
  const rows = m.lines.map((l) =>
    disclosureRows(
      ctx,
      `line:${l.key}`,
      [swatch(l.cls), html`<span class="line-label">${l.label}</span>`],
      [
        l.minutes,
        ...(showFree ? [l.free] : []),
        ...(showPack ? [l.pack] : []),
        html`<span class="unit-price">${l.unitPrice}<span class="unit">${l.unit}</span></span>`,
        html`<span data-exact=${l.amountExact}>${l.amount}</span>`,
      ],
      () =>
        html`<div class="explain-box">
          <ul class="explain">
            ${l.explanation.map((e) => html`<li>${e}</li>`)}
          </ul>
          <p class="citation">${t.source}: ${l.citation} · ${l.citationConfidence}</p>
        </div>`,
      1,
      'has-explain line',
      { key: l.key },
    ),
  );
  return html`<div class="table-wrap">
    <table class="data lines">
      <caption>
        ${t.lines}
      </caption>
      <thead>
        <tr>
          ${head.map((c, i) => html`<th scope="col" class=${i >= 1 ? 'num' : nothing}>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${t.total}</th>
          <td class="num" colspan=${head.length - 1}><strong>${m.total}</strong></td>
        </tr>
      </tfoot>
    </table>
  </div>`;
}

function simpleTable(caption: string, head: string[], rows: unknown[][], cls: string): TemplateResult {
  return html`<table class="data ${cls}">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${head.map((c, i) => html`<th scope="col" class=${i >= 1 ? 'num' : nothing}>${c}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            ${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td class="num">${c}</td>`))}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function advice(ctx: ResultsCtx, m: ResultModel): TemplateResult | typeof nothing {
  const t = ctx.t;
  if (ctx.advicePending)
    return html`<section class="advice pending" aria-label=${t.advice} data-testid="advice">
      <h3>${t.advice}</h3>
      <p class="help">${t.computing}</p>
    </section>`;
  const a = m.advice;
  if (!a) return nothing;
  return html`<section class="advice${a.hasSaving ? ' saving' : ''}" aria-label=${t.advice} data-testid="advice">
    <h3>${t.advice}</h3>
    ${
      a.hasSaving
        ? html`<p class="advice-head">
              <strong>${a.best}</strong>: ${a.bestTotal} · ${t.adviceSaving} <strong class="saving-value">${a.saving}</strong> (${t.advicePostpaid}:
              ${a.postpaid})
            </p>
            ${
              a.packs.length
                ? html`<ul class="advice-packs">
                    ${a.packs.map((p) => html`<li>${t.adviceBuy} ${p.text}: ${p.price}</li>`)}
                  </ul>`
                : nothing
            }`
        : html`<p class="advice-head">${t.adviceNone} (${a.postpaid})</p>`
    }
    ${
      a.explanation.length
        ? html`<ul class="explain">
            ${a.explanation.map((e) => html`<li>${e}</li>`)}
          </ul>`
        : nothing
    }
  </section>`;
}

function roomsTable(ctx: ResultsCtx, m: ResultModel): TemplateResult | typeof nothing {
  const t = ctx.t;
  if (!m.rooms.length) return nothing;
  const max = Math.max(0, ...m.rooms.map((r) => r.value));
  const head = [t.room, t.mainTier, t.perSessionMinute, t.perDay, t.total];
  return html`<div class="table-wrap">
    <table class="data rooms">
      <caption>
        ${t.perRoom}
      </caption>
      <thead>
        <tr>
          ${head.map((c, i) => html`<th scope="col" class=${i >= 2 ? 'num' : nothing}>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${m.rooms.map((r) =>
          disclosureRows(
            ctx,
            `room:${r.index}`,
            html`<span>${r.name}</span>`,
            [r.mainTier, r.perSessionMinute, r.perDay, html`<span class="with-meter"><span>${r.monthly}</span>${meter(r.value, max, r.monthly)}</span>`],
            () =>
              html`<ul class="explain">
                ${r.explanation.map((e) => html`<li>${e}</li>`)}
              </ul>`,
            2,
            'has-explain room-cost',
            { room: r.index },
          ),
        )}
      </tbody>
    </table>
  </div>`;
}

export function resultsView(ctx: ResultsCtx): TemplateResult {
  const { t, model: m } = ctx;
  const errCount = ctx.errors.length;
  const head = [
    errCount > 0 ? html`<div class="banner error">${icon('error')}<span>${m ? t.staleBanner(errCount) : t.noResultBanner(errCount)}</span></div>` : nothing,
    ctx.engineError ? html`<div class="banner error">${icon('error')}<span>${t.engineError} ${ctx.engineError}</span></div>` : nothing,
    errCount > 0 ? problemList(ctx, t.problems, ctx.errors, 'errors') : nothing,
  ];
  const notices = ctx.notices.length ? problemList(ctx, t.notices, ctx.notices, 'notices') : nothing;
  if (!m) return html`<section class="results" aria-label=${t.results} data-stale="false">${head}${notices}</section>`;
  const segs = m.lines.map((l) => ({ cls: l.cls, value: l.value, title: `${l.label}: ${l.amount} (${pct(l.value, m.totalValue)})` }));
  const usage: unknown[][] = [[t.freeUsed, m.freeMinutesUsed, '–', '–'], ...m.packs.map((p) => [p.label, p.used, p.left, p.expires])];
  return html`<section class="results${ctx.stale ? ' stale' : ''}" aria-label=${t.results} data-stale=${ctx.stale ? 'true' : 'false'}>
    ${head}
    <div class="totals">
      <div class="total-main">
        <div class="total-label">${t.monthly(m.days)}</div>
        <div class="total-value" data-testid="total" data-exact=${m.totalExact} title=${t.exact(m.totalExact)}>${m.total}</div>
      </div>
      <div class="total-side">
        <div class="total-label">${t.perDay}</div>
        <div class="per-day" data-testid="per-day">${m.perDay}</div>
      </div>
    </div>
    <p class="meta">${t.book}: ${m.book} · ${m.settlement} · ${t.periodFrom(m.days, m.start)}</p>
    <figure class="chart" data-testid="chart">
      <figcaption>${t.chartTitle}</figcaption>
      ${stackedBar(segs, m.totalValue, t.chartLabel(m.total))}
    </figure>
    ${linesTable(ctx, m)}
    <div class="tiers-wrap">
      ${
        m.minutesByTier.length
          ? html`<table class="data tiers">
              <caption>
                ${t.minutesByTier}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.tier}</th>
                  ${m.minutesByTier.map((x) => html`<th scope="col" class="num">${x.label}</th>`)}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">${t.minutes}</th>
                  ${m.minutesByTier.map((x) => html`<td class="num" data-tier=${x.tier}>${x.minutes}</td>`)}
                </tr>
              </tbody>
            </table>`
          : nothing
      }
    </div>
    ${simpleTable(t.packsUsed, [t.item, t.packUsed, t.packLeft, t.packExpires], usage, 'usage')} ${advice(ctx, m)}
    ${ctx.stale ? nothing : leversView(t, ctx.scenario, m)} ${m.warnings.length ? messages(ctx, t.warnings, m.warnings, 'warning') : nothing}
    ${roomsTable(ctx, m)} ${m.assumptions.length ? messages(ctx, t.assumptions, m.assumptions, 'info') : nothing} ${notices}
  </section>`;
}
