// The hover's cost section and the code actions' edits: the range the assumptions give, what each line of code adds,
// and the savings levers, all computed by the core (src/core/project levers.ts, drivers.ts, ranges.ts) under the
// settings the room's estimate used. Pure (no `vscode` import); computed once per call site and locale.

import { formatMoney, type Currency } from '../../core';
import {
  assumptionsAt,
  driverOnLine,
  driverWhy,
  estimateRoomAlone,
  hasRanges,
  resolutionLiteral,
  roomDrivers,
  roomLevers,
  roomUnderAssumptions,
  RANGE_KEYS,
  type CostDriver,
  type Lever,
  type ProjectSettings,
  type RangeKey,
} from '../../core/project';
import type { SourceRange } from '../../core';
import type { RoomEstimate, RoomResult } from './analysis';
import { roomPrice, type Localizer } from './present';
import type { Text } from '../../core';

// present.ts calls this module from the hover, so its helpers are repeated here rather than imported (no cycle).
const pick = (text: Text, loc: Localizer): string => (loc.locale === 'zh-cn' ? text.zh : text.en);
const esc = (s: string): string => s.replace(/[\\`*_[\]<>|~]/g, '\\$&');

/** What the core computed for a call site's room: its cost range, drivers and levers (each may be empty). */
export interface RoomCostFacts {
  range?: { low: string; expected: string; high: string; currency: Currency };
  drivers: CostDriver[];
  levers: Lever[];
}

const facts = new WeakMap<RoomResult, RoomCostFacts>();

/** The range, drivers and levers of a call site's room (computed once per call site). */
export function roomCostFacts(r: RoomResult, est: RoomEstimate): RoomCostFacts {
  const hit = facts.get(r);
  if (hit) return hit;
  const out: RoomCostFacts = { drivers: [], levers: [] };
  const settings = est.ok ? est.settings : undefined;
  if (est.ok && r.room && settings) {
    out.levers = roomLevers(r.room, settings, { logical: r.logical });
    if (r.logical) out.drivers = roomDrivers(r.logical, settings);
    const range = costRange(r, settings);
    if (range) out.range = { ...range, expected: est.cost.monthly, currency: est.bill.currency };
  }
  facts.set(r, out);
  return out;
}

/** The room's list price at the low and the high ends of the assumption ranges (rooms built from code only). */
function costRange(r: RoomResult, settings: ProjectSettings): { low: string; high: string } | undefined {
  if (!r.room || !r.logical || r.logical.origin !== 'code' || !hasRanges(settings.ranges)) return undefined;
  const at = (end: 'low' | 'high') =>
    estimateRoomAlone(roomUnderAssumptions(r.room!, settings.assumptions, assumptionsAt(settings.assumptions, settings.ranges!, end)), undefined, settings);
  const low = at('low');
  const high = at('high');
  return low.ok && high.ok ? { low: low.cost.monthly, high: high.cost.monthly } : undefined;
}

const signed = (amount: string, currency: Currency, loc: Localizer): string => {
  const negative = amount.startsWith('-');
  return `${negative ? '−' : '+'}${formatMoney(negative ? amount.slice(1) : amount, currency, loc.locale, 2)}`;
};

function rangeLabel(key: RangeKey, loc: Localizer): string {
  switch (key) {
    case 'publishers':
      return loc.t('participants');
    case 'livePublishers':
      return loc.t('anchors');
    case 'audience':
      return loc.t('audience');
    case 'minutesPerSession':
      return loc.t('minutes a session');
    case 'sessionsPerDay':
      return loc.t('sessions a day');
    case 'daysPerMonth':
      return loc.t('days a month');
  }
}

/**
 * The hover lines of the room's cost section (empty when there is nothing to say). `at` is the hovered line: the
 * driver written there, if any, comes first as "This line adds …".
 */
export function leversHover(r: RoomResult, est: RoomEstimate, loc: Localizer, at?: { file: string; line: number }): string[] {
  if (!est.ok || !r.room) return [];
  const f = roomCostFacts(r, est);
  const cur = est.bill.currency;
  const L: string[] = [];
  const settings = est.settings;
  if (f.range && settings?.ranges) {
    const given = RANGE_KEYS.filter((k) => settings.ranges![k] && settings.ranges![k]!.low !== settings.ranges![k]!.high)
      .map((k) => `${rangeLabel(k, loc)} ${settings.ranges![k]!.low}–${settings.ranges![k]!.high}`)
      .join(', ');
    L.push(
      `**${loc.t('Range: {0} – {1} per month', formatMoney(f.range.low, cur, loc.locale, 2), formatMoney(f.range.high, cur, loc.locale, 2))}** · ` +
        `${loc.t('expected {0}', formatMoney(f.range.expected, cur, loc.locale, 2))} · ${loc.t('from the ranges {0}', esc(given))}`,
      '',
    );
  }
  const here = at ? driverOnLine(f.drivers, at.file, at.line) : undefined;
  if (here) {
    const why = driverWhy(here);
    L.push(
      loc.t(
        '{0} ({1})',
        `**${
          here.monthlyEffect.startsWith('-')
            ? loc.t('This line saves {0}/month', formatMoney(here.monthlyEffect.replace('-', ''), cur, loc.locale, 2))
            : loc.t('This line adds {0}/month', formatMoney(here.monthlyEffect, cur, loc.locale, 2))
        }**`,
        why ? loc.t('{0}: {1}', esc(pick(here.title, loc)), esc(pick(why, loc))) : esc(pick(here.title, loc)),
      ),
      '',
    );
  }
  const others = f.drivers.filter((d) => d !== here);
  if (others.length) {
    L.push(`**${loc.t('What the code adds')}**`, '');
    for (const d of others) {
      const why = driverWhy(d);
      const title = loc.t('{0} ({1})', esc(pick(d.title, loc)), `${esc(d.file)}:${d.range.start.line + 1}`);
      const amount = loc.t('{0}/month', signed(d.monthlyEffect, cur, loc));
      L.push(`- ${loc.t('{0}: {1}', title, amount)}${why ? ` · ${esc(pick(why, loc))}` : ''}`);
    }
    L.push('');
  }
  if (f.levers.length) {
    L.push(`**${loc.t('Savings levers')}**`, '');
    for (const l of f.levers) {
      const notes = [
        ...(l.basis === 'payable' ? [loc.t('on the amount payable')] : []),
        ...(l.where ? [loc.t('quick fix at {0}:{1}', esc(l.where.file), l.where.range.start.line + 1)] : []),
      ];
      const amount = loc.t('{0}/month', signed(l.monthlyEffect, cur, loc));
      const line = loc.t('{0}: {1}', esc(pick(l.title, loc)), amount);
      L.push(`- ${notes.length ? loc.t('{0} ({1})', line, notes.join(' · ')) : line}`);
    }
    L.push('');
  }
  return L;
}

/** A lever whose change is one literal of this document: the edit a code action offers. */
export interface LeverEdit {
  title: string;
  range: SourceRange;
  newText: string;
  lever: Lever;
}

const overlaps = (a: SourceRange, b: SourceRange): boolean =>
  !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );

/**
 * The code actions for a selection of a document (`file` project-relative): each lever of its call sites' rooms
 * whose literal is in this document and touches the selection, when the literal can be rewritten. `textAt` reads the
 * document's text in a range.
 */
export function leverEdits(
  rooms: readonly RoomResult[],
  estimateOf: (r: RoomResult) => RoomEstimate,
  file: string,
  selection: SourceRange,
  textAt: (range: SourceRange) => string,
  loc: Localizer,
): LeverEdit[] {
  const out: LeverEdit[] = [];
  const seen = new Set<string>();
  for (const r of rooms) {
    const est = estimateOf(r);
    if (!est.ok) continue;
    for (const lever of roomCostFacts(r, est).levers) {
      const w = lever.where;
      if (!w || w.file !== file || !overlaps(w.range, selection)) continue;
      const key = `${lever.id}:${w.range.start.line}:${w.range.start.character}`;
      if (seen.has(key)) continue;
      const newText = resolutionLiteral(textAt(w.range), w.from, w.to);
      if (newText === undefined) continue;
      seen.add(key);
      out.push({
        title: loc.t('TRTC: {0} ({1}/month)', pick(lever.title, loc), signed(lever.monthlyEffect, est.bill.currency, loc)),
        range: w.range,
        newText,
        lever,
      });
    }
  }
  return out;
}

/**
 * The hover on a line that drives a room's cost (a camera, screen share, small stream, recording, mixing or relay
 * stated there), away from the room's own call: "TRTC: this line adds ¥X/month (…)" with the room it belongs to.
 * `line` is 0-based; `file` is the project-relative file the rooms' keys name.
 */
export function driverHoverAt(
  rooms: readonly RoomResult[],
  file: string,
  line: number,
  estimateOf: (r: RoomResult) => RoomEstimate,
  loc: Localizer,
): string | undefined {
  for (const r of rooms) {
    const est = estimateOf(r);
    if (!est.ok || !r.room) continue;
    const here = driverOnLine(roomCostFacts(r, est).drivers, file, line);
    if (!here || here.monthlyEffect === '0') continue;
    const cur = est.bill.currency;
    const why = driverWhy(here);
    const amount = here.monthlyEffect.startsWith('-')
      ? loc.t('This line saves {0}/month', formatMoney(here.monthlyEffect.replace('-', ''), cur, loc.locale, 2))
      : loc.t('This line adds {0}/month', formatMoney(here.monthlyEffect, cur, loc.locale, 2));
    return [
      loc.t('{0} ({1})', `**TRTC: ${amount}**`, why ? loc.t('{0}: {1}', esc(pick(here.title, loc)), esc(pick(why, loc))) : esc(pick(here.title, loc))),
      '',
      `${esc(r.room.name)} · ${roomPrice(est.cost.monthly, cur, false, loc)} · ${loc.t('room at {0}', esc(r.key))}`,
    ].join('\n');
  }
  return undefined;
}
