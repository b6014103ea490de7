// The calculator's savings levers: for each room of the scenario, the few changes that save most, each with its
// the change. The amounts are the engine's; this view only lays them out.
import { html, nothing, type TemplateResult } from 'lit-html';
import { DEFAULT_ASSUMPTIONS, formatMoney, roomLevers, type Lever, type ProjectSettings, type Scenario } from '../../core';
import * as l10n from '@vscode/l10n';
import { currentLocale, tx } from '../labels';

export interface RoomLevers {
  room: number;
  name: string;
  levers: Lever[];
}

const cache = new WeakMap<Scenario, { key: string; rooms: RoomLevers[] }>();

/** The levers of every room of a valid scenario, each room estimated alone under the scenario's tariff and payment, for `period`. */
export function scenarioLevers(scenario: Scenario, period: { start: string; days: number }): RoomLevers[] {
  const key = `${period.start}/${period.days}`;
  const hit = cache.get(scenario);
  if (hit && hit.key === key) return hit.rooms;
  const settings: ProjectSettings = {
    tariff: scenario.tariff,
    assumptions: DEFAULT_ASSUMPTIONS,
    fileRooms: [],
    // The period the bill shown was estimated for (its start follows the host's today when the scenario has none).
    period,
    ...(scenario.payment ? { payment: scenario.payment } : {}),
  };
  const rooms = scenario.rooms
    .map((room, i) => ({ room: i, name: room.name, levers: roomLevers(room, settings, { limit: 3 }) }))
    .filter((r) => r.levers.length);
  cache.set(scenario, { key, rooms });
  return rooms;
}

/** The section (nothing when no room has a lever). */
export function leversView(scenario: Scenario | undefined, model: { start: string; days: number } | null): TemplateResult | typeof nothing {
  if (!scenario || !model) return nothing;
  const rooms = scenarioLevers(scenario, { start: model.start, days: model.days });
  if (!rooms.length) return nothing;
  const locale = currentLocale();
  const title = l10n.t('Savings levers');
  const amount = (l: Lever) => {
    const negative = l.monthlyEffect.startsWith('-');
    return `${negative ? '−' : '+'}${formatMoney(negative ? l.monthlyEffect.slice(1) : l.monthlyEffect, l.currency, locale === 'zh-cn' ? 'zh-cn' : 'en', 2)}`;
  };
  return html`<section class="levers" aria-label=${title} data-testid="levers">
    <h3>${title}</h3>
    <p class="help">${l10n.t('Each amount is this room estimated with the change minus without it.')}</p>
    ${rooms.map(
      (r) =>
        html`<h4>${r.name}</h4>
          <ul>
            ${r.levers.map(
              (l) =>
                html`<li data-lever=${l.id} data-exact=${l.monthlyEffect}>
                  ${tx(l.title, locale)}:
                  <strong class="saving-value">${amount(l)}</strong>${l.basis === 'payable' ? ` (${l10n.t('on the amount payable')})` : ''}
                </li>`,
            )}
          </ul>`,
    )}
  </section>`;
}
