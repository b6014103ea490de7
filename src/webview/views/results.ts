// The estimate pane: totals, chart, line items with explanations, minutes per tier, free and pack minutes,
// payment advice, per-room costs, warnings and assumptions. A template of compute.ts's display model.
import * as l10n from '@vscode/l10n';
import { noResultBanner, staleBanner } from '../labels';
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Action } from '../actions';
import type { MessageModel, ResultModel, SuspensionChoiceModel, SuspensionModel } from '../compute';
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
            <button
              type="button"
              class="link"
              data-action="goto-field"
              data-target=${p.path}
              title=${l10n.t('Go to field')}
              @click=${() => ctx.gotoField(p.path)}
            >
              <code>${p.path}</code>
            </button>
            ${p.text}
          </li>`,
      )}
    </ul>
  </div>`;
}

function messages(ctx: ResultsCtx, title: string, items: MessageModel[], kind: 'warning' | 'info'): TemplateResult {
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
                  aria-label=${l10n.t('{0}: {1}', l10n.t('Show room'), m.roomName ?? `#${room + 1}`)}
                  @click=${() => ctx.gotoRoom(room)}
                >
                  ${l10n.t('Show room')}
                </button>`
              : nothing
          }${
            room !== undefined && ctx.roomSources.has(room)
              ? html`<button
                  type="button"
                  class="icon-button inline"
                  data-action="reveal"
                  data-room=${room}
                  aria-label=${l10n.t('Go to code')}
                  title=${l10n.t('Go to code')}
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
  if (m.lines.length === 0) return html`<p class="help">${l10n.t('Nothing to bill: add a room with people in it.')}</p>`;
  const showFree = m.lines.some((l) => l.free !== '0');
  const showPack = m.lines.some((l) => l.pack !== '0');
  const head = [
    l10n.t('Item'),
    l10n.t('Minutes'),
    ...(showFree ? [l10n.t('Free')] : []),
    ...(showPack ? [l10n.t('Pack')] : []),
    l10n.t('Unit price'),
    l10n.t('Amount'),
  ];
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
          <p class="citation">${l10n.t('{0}: {1}', l10n.t('Source'), `${l.citation} · ${l.citationConfidence}`)}</p>
        </div>`,
      1,
      'has-explain line',
      { key: l.key },
    ),
  );
  return html`<div class="table-wrap">
    <table class="data lines">
      <caption>
        ${l10n.t('Line items')}
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
          <th scope="row">${l10n.t('Total')}</th>
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
  if (ctx.advicePending)
    return html`<section class="advice pending" aria-label=${l10n.t('Cheapest way to pay')} data-testid="advice">
      <h3>${l10n.t('Cheapest way to pay')}</h3>
      <p class="help">${l10n.t('Calculating…')}</p>
    </section>`;
  const a = m.advice;
  if (!a) return nothing;
  return html`<section class="advice${a.hasSaving ? ' saving' : ''}" aria-label=${l10n.t('Cheapest way to pay')} data-testid="advice">
    <h3>${l10n.t('Cheapest way to pay')}</h3>
    ${
      a.hasSaving
        ? html`<p class="advice-head">
              ${emphasize(l10n.t('Paid this way: {0} in all, {1} less than paying postpaid as configured ({2}).', a.bestTotal, MARK, a.postpaid), a.saving)}
            </p>
            <ol class="advice-steps">
              ${a.steps.map((p) => html`<li>${p}</li>`)}
            </ol>`
        : html`<p class="advice-head">${l10n.t('Paying postpaid is already the cheapest: {0}.', a.postpaid)}</p>`
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

/** Stands for the amount to emphasize in a translated sentence, so the translation keeps its own word order. */
const MARK = '\u0001';

function emphasize(sentence: string, value: string): unknown {
  const at = sentence.indexOf(MARK);
  if (at < 0) return sentence;
  return html`${sentence.slice(0, at)}<strong class="saving-value">${value}</strong>${sentence.slice(at + MARK.length)}`;
}

function roomsTable(ctx: ResultsCtx, m: ResultModel): TemplateResult | typeof nothing {
  if (!m.rooms.length) return nothing;
  const max = Math.max(0, ...m.rooms.map((r) => r.value));
  // The main tier sits under the room's name: four figures columns fit a pane beside the code.
  const head = [l10n.t('Room'), l10n.t('Per session-minute'), l10n.t('Per day'), l10n.t('Total')];
  return html`<div class="table-wrap">
    <table class="data rooms">
      <caption>
        ${l10n.t('Per room (list price, before free minutes and packs)')}
      </caption>
      <thead>
        <tr>
          ${head.map((c, i) => html`<th scope="col" class=${i >= 1 ? 'num' : nothing}>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${m.rooms.map((r) =>
          disclosureRows(
            ctx,
            `room:${r.index}`,
            html`<span class="room-label"><span>${r.name}</span><span class="sub">${l10n.t('{0}: {1}', l10n.t('Main tier'), r.mainTier)}</span></span>`,
            [r.perSessionMinute, r.perDay, html`<span class="with-meter"><span>${r.monthly}</span>${meter(r.value, max, r.monthly)}</span>`],
            () =>
              html`<ul class="explain">
                ${r.explanation.map((e) => html`<li>${e}</li>`)}
              </ul>`,
            1,
            'has-explain room-cost',
            { room: r.index },
          ),
        )}
      </tbody>
    </table>
  </div>`;
}

/** One suspended app: when, and what each package choice would cost instead, with a button to use it. */
/** One suspended app: when, and what each package choice would cost instead, with a button to use it. */
function suspensionBlock(ctx: ResultsCtx, x: SuspensionModel, stale: boolean): TemplateResult {
  const head = x.app !== undefined ? l10n.t('App "{0}" would be suspended from {1}', x.app, x.from) : l10n.t('This app would be suspended from {0}', x.from);
  const id = `suspension-${x.app === undefined ? 'app' : x.app.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const priced = x.choices.filter((c) => c.priced);
  const unpriced = x.choices.filter((c) => !c.priced);
  const button = (c: SuspensionChoiceModel, cls: string): TemplateResult => {
    const label = c.priced ? l10n.t('Use this package') : l10n.t('Add it and enter your price');
    return html`<button
      type="button"
      class="button ${cls}"
      data-action="use-package"
      data-edition=${c.edition}
      aria-label=${l10n.t('{0}: {1}', label, c.name)}
      ?disabled=${stale}
      @click=${() => ctx.dispatch(x.app !== undefined ? { type: 'use-package', edition: c.edition, app: x.app } : { type: 'use-package', edition: c.edition })}
    >
      ${label}
    </button>`;
  };
  return html`<div class="suspension-app" data-app=${x.app ?? nothing} data-from=${x.from}>
    <h3 id=${id}>${icon('warning')} ${head}</h3>
    <p>
      ${l10n.t(
        // eslint-disable-next-line max-len -- a translator key stays one literal (the l10n test reads it whole)
        'International apps with no monthly package stop working once the free minutes run out ({0} settlement day(s) affected): TRTC does not bill pay-as-you-go without a package. The amounts below are what this usage would cost with each package.',
        x.units,
      )}
    </p>
    ${
      priced.length
        ? html`<div class="table-wrap">
            <table class="data choices" aria-labelledby=${id}>
              <thead>
                <tr>
                  <th scope="col">${l10n.t('Package')}</th>
                  <th scope="col" class="num">${l10n.t('Fee')}</th>
                  <th scope="col" class="num">${l10n.t('Pay-as-you-go beyond')}</th>
                  <th scope="col" class="num">${l10n.t('Total')}</th>
                  <th scope="col"><span class="sr-only">${l10n.t('Action')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${priced.map(
                  (c) =>
                    html`<tr data-edition=${c.edition} class=${c.cheapest ? 'cheapest' : nothing}>
                      <th scope="row">
                        <span class="choice-name"
                          >${c.name}${c.userPrice ? html` <span class="tag">${l10n.t('your price')}</span>` : nothing}${
                            c.cheapest ? html` <span class="tag best">${l10n.t('cheapest')}</span>` : nothing
                          }</span
                        >
                        ${c.note ? html`<span class="sub">${c.note}</span>` : nothing}
                      </th>
                      <td class="num" data-col="fee" data-label=${l10n.t('Fee')}>${c.fee}</td>
                      <td class="num" data-col="payg" data-label=${l10n.t('Pay-as-you-go beyond')}>${c.payAsYouGo}</td>
                      <td class="num" data-col="total" data-label=${l10n.t('Total')} data-exact=${c.totalExact ?? nothing}><strong>${c.total}</strong></td>
                      <td class="action">${button(c, c.cheapest ? '' : 'secondary')}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing
    }
    ${
      unpriced.length
        ? html`<details class="unpriced" data-testid="unpriced-choices">
            <summary>${l10n.t('{0} more package(s) whose price is not published', unpriced.length)}</summary>
            <ul>
              ${unpriced.map(
                (c) =>
                  html`<li data-edition=${c.edition}>
                    <span class="choice-name">${c.name}</span>
                    <span class="sub">${c.note}</span>
                    ${button(c, 'secondary')}
                  </li>`,
              )}
            </ul>
          </details>`
        : nothing
    }
  </div>`;
}

function suspensionView(ctx: ResultsCtx, m: ResultModel): TemplateResult | typeof nothing {
  if (!m.suspensions.length) return nothing;
  return html`<section class="suspension" role="alert" aria-label=${l10n.t('Suspension')} data-testid="suspension">
    <h2 class="suspension-title">${icon('warning')} ${l10n.t('Without a monthly package this estimate is not billed: the app is suspended')}</h2>
    ${m.suspensions.map((x) => suspensionBlock(ctx, x, ctx.stale))}
  </section>`;
}

export function resultsView(ctx: ResultsCtx): TemplateResult {
  const { model: m } = ctx;
  const errCount = ctx.errors.length;
  const head = [
    errCount > 0 ? html`<div class="banner error">${icon('error')}<span>${m ? staleBanner(errCount) : noResultBanner(errCount)}</span></div>` : nothing,
    ctx.engineError
      ? html`<div class="banner error">${icon('error')}<span>${l10n.t('The engine could not estimate this scenario:')} ${ctx.engineError}</span></div>`
      : nothing,
    errCount > 0 ? problemList(ctx, l10n.t('Problems'), ctx.errors, 'errors') : nothing,
  ];
  const notices = ctx.notices.length ? problemList(ctx, l10n.t('Notes on the file'), ctx.notices, 'notices') : nothing;
  if (!m) return html`<section class="results" aria-label=${l10n.t('Estimate')} data-stale="false">${head}${notices}</section>`;
  const segs = m.lines.map((l) => ({ cls: l.cls, value: l.value, title: l10n.t('{0}: {1}', l.label, `${l.amount} (${pct(l.value, m.totalValue)})`) }));
  const usage: unknown[][] = [
    [l10n.t('Free allowance (weighted minutes)'), m.freeMinutesUsed, '–', '–'],
    ...m.packs.map((p) => [p.label, p.used, p.left, p.expires]),
  ];
  return html`<section class="results${ctx.stale ? ' stale' : ''}" aria-label=${l10n.t('Estimate')} data-stale=${ctx.stale ? 'true' : 'false'}>
    ${head} ${suspensionView(ctx, m)}
    <div class="totals">
      <div class="total-main">
        <div class="total-label">${l10n.t('Total for {0} days', m.days)}</div>
        <div class="total-value" data-testid="total" data-exact=${m.totalExact} title=${l10n.t('Exact: {0}', m.totalExact)}>${m.total}</div>
      </div>
      <div class="total-side">
        <div class="total-label">${l10n.t('Per day')}</div>
        <div class="per-day" data-testid="per-day">${m.perDay}</div>
      </div>
    </div>
    <p class="meta">${l10n.t('{0}: {1}', l10n.t('Price book'), m.book)} · ${m.settlement} · ${l10n.t('{0} days from {1}', m.days, m.start)}</p>
    <figure class="chart" data-testid="chart">
      <figcaption>${l10n.t('Breakdown')}</figcaption>
      ${stackedBar(segs, m.totalValue, l10n.t('Stacked bar of the bill by line item, total {0}', m.total))}
    </figure>
    ${linesTable(ctx, m)}
    <div class="tiers-wrap">
      ${
        m.minutesByTier.length
          ? html`<table class="data tiers">
              <caption>
                ${l10n.t('Minutes per tier')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${l10n.t('Tier')}</th>
                  ${m.minutesByTier.map((x) => html`<th scope="col" class="num">${x.label}</th>`)}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">${l10n.t('Minutes')}</th>
                  ${m.minutesByTier.map((x) => html`<td class="num" data-tier=${x.tier}>${x.minutes}</td>`)}
                </tr>
              </tbody>
            </table>`
          : nothing
      }
    </div>
    ${simpleTable(l10n.t('Free minutes and packs used'), [l10n.t('Item'), l10n.t('Used'), l10n.t('Left after'), l10n.t('Expires')], usage, 'usage')}
    ${advice(ctx, m)} ${ctx.stale ? nothing : leversView(ctx.scenario, m)}
    ${m.warnings.length ? messages(ctx, l10n.t('Warnings'), m.warnings, 'warning') : nothing} ${roomsTable(ctx, m)}
    ${m.assumptions.length ? messages(ctx, l10n.t('Assumptions'), m.assumptions, 'info') : nothing} ${notices}
  </section>`;
}
