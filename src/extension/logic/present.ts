// Turns analysis results into the words a user reads: CodeLens titles, hover Markdown, the status bar and the
// estimate's list. Pure (no `vscode` import): the translator is injected (vscode.l10n.t in the extension, a plain
// formatter in tests and benchmarks). Every literal passed to `t` has a Chinese entry in l10n/bundle.l10n.zh-cn.json.

import {
  formatMoney,
  tierName,
  type Bill,
  type Currency,
  type Locale,
  type Message,
  type Room,
  type Service,
  type SourceRange,
  type Text,
  type Tier,
} from '../../core';
import { D } from '../../core/decimal';
import { usersOf, type RoomEstimate, type RoomResult, type WorkspaceRoom } from './analysis';
import { leversHover } from './levers';

export interface Localizer {
  locale: Locale;
  /** Same contract as vscode.l10n.t: `{0}`, `{1}` … are replaced by the arguments. */
  t(message: string, ...args: Array<string | number>): string;
}

/** A formatter for tests and benchmarks: English source strings with `{n}` filled in. */
export function plainLocalizer(locale: Locale = 'en', bundle?: Record<string, string>): Localizer {
  return {
    locale,
    t: (message, ...args) =>
      (bundle?.[message] ?? message).replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m)),
  };
}

export function localeOf(language: string | undefined): Locale {
  return language && language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function pick(text: Text, loc: Localizer): string {
  return loc.locale === 'zh-cn' ? text.zh : text.en;
}

export function serviceLabel(service: Service, loc: Localizer): string {
  switch (service) {
    case 'video-call':
      return loc.t('video call');
    case 'voice-call':
      return loc.t('voice call');
    case 'video-live':
      return loc.t('video live');
    case 'voice-live':
      return loc.t('voice live');
  }
}

/** Short in English (the tariff's HD, FHD), and the tariff's own Chinese names in Chinese (高清, 全高清), as the bill's texts say. */
export function tierLabel(tier: Tier, loc: Localizer): string {
  if (loc.locale === 'zh-cn') return tierName(tier).zh;
  return tier === 'audio' ? loc.t('audio') : tier;
}

export function usersLabel(n: number, loc: Localizer): string {
  return n === 1 ? loc.t('1 user') : loc.t('{0} users', n.toLocaleString('en-US'));
}

/** Whole units from 100 up ("¥1,234"), cents below ("¥0.42"). */
export function shortMoney(amount: string, currency: Currency, loc: Localizer): string {
  const n = Number(amount);
  return formatMoney(amount, currency, loc.locale, Math.abs(n) >= 100 ? 0 : 2);
}

export function money(amount: string, currency: Currency, loc: Localizer, decimals = 2): string {
  return formatMoney(amount, currency, loc.locale, decimals);
}

/**
 * A monthly amount as every surface shows it: "≈ ¥5,040/month", or "≤ ¥962,190/month" when the code chooses among
 * values (the most expensive is estimated). The one rounding rule (shortMoney) for rooms and bills alike.
 */
export function monthlyAmount(amount: string, currency: Currency, upTo: boolean, loc: Localizer): string {
  const m = shortMoney(amount, currency, loc);
  return upTo ? loc.t('≤ {0}/month', m) : loc.t('≈ {0}/month', m);
}

/** A room's monthly list price (the room alone, before free minutes and packages): "list price ≈ ¥5,040/month". */
export function roomPrice(amount: string, currency: Currency, upTo: boolean, loc: Localizer): string {
  return loc.t('list price {0}', monthlyAmount(amount, currency, upTo, loc));
}

/** The workspace bill (all rooms together, after free minutes and packages): "workspace bill ≈ ¥968,399/month". */
export function workspaceBill(total: string, currency: Currency, upTo: boolean, loc: Localizer): string {
  return loc.t('workspace bill {0}', monthlyAmount(total, currency, upTo, loc));
}

/** "workspace bill ≈ …" → "Workspace bill ≈ …" where it starts a line (Chinese has no case). */
export function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What "list price" means, for a tooltip or hover next to a room's amount. */
export function listPriceNote(loc: Localizer): string {
  return loc.t('List price of this room alone, before free minutes and packages; the workspace bill counts those once for all rooms together.');
}

/** What "≤" means, wherever a "≤" amount appears. */
export function upToNote(loc: Localizer): string {
  return loc.t('≤: the code chooses among several values here; the estimate takes the most expensive one.');
}

/** Whether the room's amount is an upper bound (shown with "≤"): the code chooses among values and no project-file room replaces it. */
export function roomIsUpTo(r: Pick<RoomResult, 'logical' | 'detected' | 'override'>): boolean {
  return !r.override && !r.logical?.override && hasChoices(r);
}

/** The same for a room of the workspace summary. */
export function workspaceRoomIsUpTo(room: WorkspaceRoom): boolean {
  const first = room.logical.sites[0] ?? room.logical.addOns[0];
  return !!first && roomIsUpTo({ logical: room.logical, detected: first.detected });
}

/** "TRTC list price ≈ ¥5,040/month · video call · HD · 2 users" */
export function lensTitle(r: RoomResult, est: RoomEstimate, loc: Localizer): string {
  if (!est.ok || !r.room) return loc.t('TRTC: no estimate ({0})', shorten(est.ok ? loc.t('no room') : pick(est.reason, loc), 60));
  const parts = [
    `TRTC ${roomPrice(est.cost.monthly, est.bill.currency, roomIsUpTo(r), loc)}`,
    serviceLabel(r.room.service, loc),
    tierLabel(est.cost.mainTier, loc),
    usersLabel(usersOf(r.room), loc),
  ];
  return parts.join(' · ') + (r.override ? ' · ' + loc.t('from the scenario file') : '');
}

/** The CodeLens's tooltip: what clicking does, what the amount is, and what its "≤" means. */
export function lensTooltip(r: RoomResult, loc: Localizer): string {
  return [loc.t('Open this room in the TRTC cost calculator'), listPriceNote(loc), ...(roomIsUpTo(r) ? [upToNote(loc)] : [])].join('\n');
}

/** Whether the code chooses among several values for something billed (the room then shows its most expensive case). */
export function hasChoices(r: Pick<RoomResult, 'logical' | 'detected'>): boolean {
  const sites = r.logical ? [...r.logical.sites, ...r.logical.addOns].map((s) => s.detected) : [r.detected];
  return sites.some((d) =>
    [d.service, d.role, d.camera, d.screen, d.smallStream, d.recording, d.mixTranscoding, d.relay].some(
      (f) => f.value === undefined && (f.candidates?.length ?? 0) > 1,
    ),
  );
}

export function placeholderTitle(loc: Localizer): string {
  return loc.t('TRTC ≈ … (estimating)');
}

export function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** Escapes the Markdown that text from code or files could carry (emphasis, code, links, HTML, tables). */
export function esc(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

function messages(list: readonly Message[], loc: Localizer): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of list) {
    const s = pick(m.text, loc);
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(`- ${esc(s)}`);
  }
  return out;
}

export interface HoverLinks {
  /** command: URIs the hover may link to (already encoded). */
  settings: string;
  scenarioFile: string;
  calculator?: string;
  /** Put this call site in a room of its own or another room (project file `callSites`). */
  assign?: string;
}

function usageLine(room: Room, loc: Localizer): string {
  const days = room.daysPerMonth;
  return days !== undefined
    ? loc.t('{0} sessions a day × {1} min × {2} days a month', room.sessionsPerDay, room.minutesPerSession, days)
    : loc.t('{0} sessions a day × {1} min a session', room.sessionsPerDay, room.minutesPerSession);
}

/** The hover's action links, first in the hover: change the assumptions, open the room in the calculator, override it. */
function hoverActions(links: HoverLinks, loc: Localizer): string {
  return [
    `[${loc.t('Change assumptions')}](${links.settings})`,
    ...(links.calculator ? [`[${loc.t('Open in the calculator')}](${links.calculator})`] : []),
    `[${loc.t('Override in the workspace scenario file')}](${links.scenarioFile})`,
  ].join(' · ');
}

/** The core's explanations name their room ("\"Call (enterRoom)\": 2 × …"): the hover names it once, above them. */
function withoutRoomName(s: string, name: string): string {
  for (const prefix of [`"${name}": `, `「${name}」：`]) if (s.startsWith(prefix)) return s.slice(prefix.length);
  return s;
}

/**
 * Assumption texts end with where to change them ("…; change it under …"): when several share that ending, it is
 * said once below them instead of in every line.
 */
function sharedEnding(texts: readonly string[]): { texts: string[]; ending?: string } {
  const endingOf = (s: string) => {
    const at = Math.max(s.lastIndexOf('; '), s.lastIndexOf('；'));
    return at > 0 ? s.slice(at) : undefined;
  };
  const counts = new Map<string, number>();
  for (const t of texts) {
    const e = endingOf(t);
    if (e) counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  const [ending, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!ending || (n ?? 0) < 2) return { texts: [...texts] };
  const stripped = texts.map((t) => (t.endsWith(ending) ? t.slice(0, -ending.length) + (ending.startsWith('；') ? '。' : '.') : t));
  return { texts: stripped, ending: ending.replace(/^(; |；)/, '') };
}

function messageTexts(list: readonly Message[], loc: Localizer): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of list) {
    const s = pick(m.text, loc);
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

/**
 * The hover on a call that enters a room already entered earlier in the file (DetectedRoom.sameAs): which call it is
 * counted with, then that room's hover, without the link to regroup the room's call site (it would act on the other call).
 */
export function sameRoomHover(call: SourceRange, r: RoomResult, est: RoomEstimate, links: HoverLinks, loc: Localizer): string {
  const line = loc.t(
    'This call (line {0}) enters the same room as the call on line {1}: it is counted there, once.',
    call.start.line + 1,
    r.detected.range.start.line + 1,
  );
  return [`*${esc(line)}*`, '', roomHover(r, est, { ...links, assign: undefined }, loc)].join('\n');
}

/**
 * The hover for one detected room: the actions first, then the amount (the room's list price, the lens's string) and
 * what drives it (usage, tier and why), then how its call sites are grouped, what was assumed and the price book.
 */
export function roomHover(r: RoomResult, est: RoomEstimate, links: HoverLinks, loc: Localizer): string {
  const L: string[] = [hoverActions(links, loc), ''];
  if (!est.ok || !r.room) {
    L.push(`**${loc.t('TRTC: no estimate for this room')}**`, '');
    L.push(loc.t('Why: {0}', esc(est.ok ? loc.t('no room') : pick(est.reason, loc))), '');
    const assumed = messages(r.assumptions, loc);
    if (assumed.length) L.push(`**${loc.t('Assumed')}**`, '', ...assumed);
    return L.join('\n').trimEnd();
  }
  const { bill, cost } = est;
  const room = r.room;
  const upTo = roomIsUpTo(r);
  L.push(
    `**TRTC ${roomPrice(cost.monthly, bill.currency, upTo, loc)}** · ${loc.t('{0} per minute', money(cost.perSessionMinute, bill.currency, loc, 4))}  `,
    esc(listPriceNote(loc)) + (upTo ? '  \n' + esc(upToNote(loc)) : ''),
    '',
  );
  const sdk0 = loc.t('SDK: {0}', r.detected.sdk);
  const sdk = r.detected.kit ? loc.t('{0} ({1})', sdk0, esc(r.detected.kit)) : sdk0;
  L.push(
    `${esc(room.name)} · ${serviceLabel(room.service, loc)} · ${usersLabel(usersOf(room), loc)} · ${sdk}  `,
    `${usageLine(room, loc)} · ${loc.t('{0} a day', shortMoney(cost.perDay, bill.currency, loc))}`,
    '',
  );
  L.push(loc.t('{0} ({1})', `**${loc.t('Tier: {0}', tierLabel(cost.mainTier, loc))}**`, meteringLabel(bill, loc)), '');
  for (const e of cost.explanation) L.push(`- ${esc(withoutRoomName(pick(e, loc), room.name))}`);
  if (cost.explanation.length) L.push('');
  const grouping = r.logical ? messages(r.grouping, loc) : [];
  // A room of several call sites (or one the project file changed) says which and why; a lone call site needs no heading.
  if (r.logical && (grouping.length > 0 || r.logical.sites.length + r.logical.addOns.length > 1)) {
    const n = r.logical.sites.length + r.logical.addOns.length;
    const heading = n === 1 ? loc.t('Room id {0}', esc(r.logical.id)) : loc.t('Room id {0} · {1} call sites', esc(r.logical.id), n);
    L.push(`**${heading}**`, '', ...grouping, '');
    if (links.assign) L.push(`[${loc.t('Count this call site apart or with another room')}](${links.assign})`, '');
  } else if (r.override) {
    L.push(loc.t('This room is replaced by room {0} (“{1}”) of the workspace scenario file.', r.override.index + 1, esc(r.override.room.name)), '');
  }
  L.push(...leversHover(r, est, loc));
  const assumed = sharedEnding(messageTexts([...r.assumptions, ...bill.assumptions], loc));
  if (assumed.texts.length) {
    L.push(`**${loc.t('Assumed')}**`, '', ...assumed.texts.map((s) => `- ${esc(s)}`), '');
    if (assumed.ending) L.push(esc(assumed.ending[0].toUpperCase() + assumed.ending.slice(1)), '');
  }
  const warned = messages(bill.warnings, loc);
  if (warned.length) L.push(`**${loc.t('Warnings')}**`, '', ...warned, '');
  L.push(
    loc.t(
      'Price book: {0}, effective {1}{2}',
      esc(pick(bill.book.title, loc)),
      bill.book.effective,
      bill.book.confidence === 'verified' ? '' : loc.t(' (not fully verified)'),
    ) +
      ' · ' +
      loc.t('prices as of {0}', bill.pricesAsOf),
  );
  return L.join('\n');
}

export function meteringLabel(bill: Bill, loc: Localizer): string {
  return bill.metering === 'aggregate'
    ? loc.t('aggregate metering: one tier per user from the pixel sum received')
    : loc.t('per-stream metering: each received stream at its own tier');
}

/** Why a file has no estimates (settings or size), for the hover on a TRTC word in such a file. */
export function skippedHover(reason: 'excluded' | 'tooLarge' | 'vendored' | 'disabled', detail: string, settingsLink: string, loc: Localizer): string {
  const why =
    reason === 'excluded'
      ? loc.t('This file matches an exclude pattern ({0}), so TRTC Cost does not estimate it.', esc(detail))
      : reason === 'tooLarge'
        ? loc.t('This file is larger than the size cap ({0} KB), so TRTC Cost does not estimate it.', detail)
        : reason === 'vendored'
          ? loc.t('TRTC Cost skips this file: {0}. Turn on trtcCost.includeVendored to read it.', esc(detail))
          : loc.t('TRTC Cost is turned off for this file.');
  return `**${loc.t('TRTC: no estimate')}**\n\n${why}\n\n[${loc.t('Open the TRTC Cost settings')}](${settingsLink})`;
}

/** Detection's notes about a file (why it found no room here). */
export function notesHover(notes: string[], loc: Localizer): string {
  return [`**${loc.t('TRTC: no estimate')}**`, '', ...notes.map((n) => `- ${esc(n)}`)].join('\n');
}

/** The status bar's text: the workspace bill, or the scanning state until the workspace total is known. */
export function statusText(total: string | undefined, currency: Currency | undefined, loc: Localizer, upTo = false): string {
  if (total === undefined || currency === undefined) return `$(pulse) ${loc.t('TRTC: no rooms')}`;
  return `$(pulse) ${loc.t('TRTC bill {0}', monthlyAmount(total, currency, upTo, loc))}`;
}

export interface BreakdownRow {
  name: string;
  /** The room's exact monthly list price in the bill. */
  amount: string;
  where?: string;
  /** The amount is an upper bound ("≤"). */
  upTo?: boolean;
}

/** The status tooltip's rows: the workspace summary's rooms with their list prices in its bill, highest first. */
export function breakdownRows(summary: { rooms: readonly WorkspaceRoom[]; bill?: Bill }): BreakdownRow[] {
  const bill = summary.bill;
  if (!bill) return [];
  return summary.rooms
    .map((r, i) => {
      const where = r.file ? `${r.file}${r.line ? `:${r.line}` : ''}` : undefined;
      return { name: r.room.name, amount: bill.rooms[i]?.monthly ?? '0', where: where === r.room.name ? undefined : where, upTo: workspaceRoomIsUpTo(r) };
    })
    .sort((a, b) => Number(b.amount) - Number(a.amount));
}

/** One step from the sum of the rooms' list prices to the bill: what the account-level billing changes. */
export interface BillAdjustment {
  kind: 'freeMinutes' | 'packs' | 'packageFees' | 'rounding';
  /** Exact and signed: negative lowers the bill. */
  amount: string;
}

export interface BillReconciliation {
  /** Exact sum of the rooms' list prices. */
  roomsSum: string;
  /** Non-zero steps only; roomsSum + their amounts = total, exactly. */
  adjustments: BillAdjustment[];
  total: string;
}

const per1000 = (minutes: string, unitPrice: string) => new D(minutes).times(unitPrice).div(1000);

/**
 * Why the bill is not the sum of its rooms' list prices, exactly: free minutes and packs cover minutes that the rooms
 * count at list price, monthly packages add their fees, and minutes are rounded up for the whole app (per day or
 * month) rather than room by room. The rounding step is what remains, so the steps always add up.
 */
export function reconcile(bill: Bill, roomAmounts: readonly string[]): BillReconciliation {
  const roomsSum = roomAmounts.reduce((sum, a) => sum.plus(a), new D(0));
  let free = new D(0);
  let packs = new D(0);
  let fees = new D(0);
  for (const l of bill.lines) {
    if (l.category === 'package') fees = fees.plus(l.amount);
    else if (l.unit === 'per-1000-min') {
      free = free.plus(per1000(l.freeMinutes, l.unitPrice));
      packs = packs.plus(per1000(l.packMinutes, l.unitPrice));
    }
  }
  const rounding = new D(bill.total).minus(roomsSum).plus(free).plus(packs).minus(fees);
  const steps: BillAdjustment[] = [
    { kind: 'freeMinutes', amount: free.neg().toFixed() },
    { kind: 'packs', amount: packs.neg().toFixed() },
    { kind: 'packageFees', amount: fees.toFixed() },
    { kind: 'rounding', amount: rounding.toFixed() },
  ];
  return { roomsSum: roomsSum.toFixed(), adjustments: steps.filter((a) => !new D(a.amount).isZero()), total: bill.total };
}

/** "−¥91" / "+¥1,200": a signed amount, rounded as every amount is. */
export function signedAmount(amount: string, currency: Currency, loc: Localizer): string {
  const n = new D(amount);
  return `${n.isNegative() ? '−' : '+'}${shortMoney(n.abs().toFixed(), currency, loc)}`;
}

export function adjustmentLabel(a: BillAdjustment, bill: Bill, loc: Localizer): string {
  switch (a.kind) {
    case 'freeMinutes':
      return loc.t('Free minutes ({0} min)', Number(bill.freeMinutesUsed).toLocaleString('en-US'));
    case 'packs':
      return loc.t('Minutes covered by packs and monthly packages');
    case 'packageFees':
      return loc.t('Monthly package fees');
    case 'rounding':
      return bill.settlement === 'day'
        ? loc.t('Minutes rounded up per app and day, not per room')
        : loc.t('Minutes rounded up per app and month, not per room');
  }
}

/** The amount as shortMoney shows it, in cents: whole units from 100 up, cents below. */
function shownCents(amount: string): bigint {
  const n = new D(amount);
  const shown = n.abs().gte(100) ? n.toDecimalPlaces(0) : n.toDecimalPlaces(2);
  return BigInt(shown.times(100).toFixed(0));
}

/**
 * Whether the rounded amounts shown (the rows, then the steps) add up to the rounded total; when they do not, what the
 * rounding note says the difference is.
 */
export function shownDifference(rows: readonly string[], rec: BillReconciliation): string {
  const sum = [...rows, ...rec.adjustments.map((a) => a.amount)].reduce((n, a) => n + shownCents(a), 0n);
  return new D((shownCents(rec.total) - sum).toString()).div(100).toFixed();
}

/** The lines from the rooms' sum to the bill (Markdown list items), and a note when rounding keeps them from adding up exactly. */
export function reconciliationLines(bill: Bill, rows: readonly string[], loc: Localizer): string[] {
  const rec = reconcile(bill, rows);
  const L: string[] = [];
  if (rec.adjustments.length) {
    L.push(`- ${loc.t('Sum of the rooms’ list prices: {0}', shortMoney(rec.roomsSum, bill.currency, loc))}`);
    for (const a of rec.adjustments) L.push(`- ${loc.t('{0}: {1}', esc(adjustmentLabel(a, bill, loc)), signedAmount(a.amount, bill.currency, loc))}`);
  }
  L.push(`- **${loc.t('Workspace bill: {0}', shortMoney(bill.total, bill.currency, loc))}**`);
  const off = shownDifference(rows, rec);
  if (!new D(off).isZero())
    L.push(
      '',
      loc.t('Each amount is rounded on its own, so the rows differ from the bill by {0}.', shortMoney(new D(off).abs().toFixed(), bill.currency, loc)),
    );
  return L;
}

/**
 * The status bar's tooltip: the workspace bill, the rooms at list price (each once), and the steps from their sum to
 * the bill, so the rows add up to the total shown or say why they do not.
 */
export function statusTooltip(bill: Bill | undefined, rows: BreakdownRow[], skipped: number, loc: Localizer): string {
  if (!bill) return loc.t('No TRTC rooms found in this workspace.');
  const upTo = rows.some((r) => r.upTo);
  const L = [
    `**TRTC ${workspaceBill(bill.total, bill.currency, upTo, loc)}**`,
    '',
    loc.t('All rooms billed together, after free minutes and packages (the total of trtc-cost scan).'),
    '',
    rows.length === 1 ? loc.t('1 room at list price:') : loc.t('{0} rooms at list price, each counted once:', rows.length),
    '',
  ];
  const shown = rows.slice(0, 12);
  for (const row of shown) L.push(`- ${esc(row.name)}: ${monthlyAmount(row.amount, bill.currency, !!row.upTo, loc)}${row.where ? ` · ${esc(row.where)}` : ''}`);
  const rest = rows.slice(12);
  // The rows left out still count: their sum keeps the list adding up.
  if (rest.length) {
    const sum = rest.reduce((n, r) => n.plus(r.amount), new D(0)).toFixed();
    L.push(
      `- ${loc.t(
        '… and {0} more: {1}',
        rest.length,
        monthlyAmount(
          sum,
          bill.currency,
          rest.some((r) => r.upTo),
          loc,
        ),
      )}`,
    );
  }
  L.push('');
  const amounts = [...shown.map((r) => r.amount), ...(rest.length ? [rest.reduce((n, r) => n.plus(r.amount), new D(0)).toFixed()] : [])];
  L.push(...reconciliationLines(bill, amounts, loc), '');
  if (upTo) L.push(esc(upToNote(loc)), '');
  if (skipped > 0) L.push(noEstimateCount(skipped, loc), '');
  L.push(loc.t('Click for the breakdown.'));
  return L.join('\n');
}

/** A row of the estimate command's list: the amount first, the room's short name, then what it is and where. */
export function estimateItem(
  room: { name: string; monthlyText: string; description: string; upTo: boolean; file?: string; line?: number },
  loc: Localizer,
): { label: string; description: string; detail?: string } {
  const where = room.file ? `${room.file}${room.line ? `:${room.line}` : ''}` : loc.t('from the scenario file');
  // Rooms found in code may be named after their place ("src/call.js:7"); say where only when the name does not.
  const detail = [where === room.name ? undefined : where, room.upTo ? upToNote(loc) : undefined].filter(Boolean).join(' — ');
  return {
    // The cost first: the list is sorted by it, and a long name must not push it out of sight.
    label: `${room.monthlyText} · ${room.name}`,
    description: [loc.t('list price'), room.description].join(' · '),
    detail: detail || undefined,
  };
}

/** "1 room has no estimate." / "3 rooms have no estimate." */
export function noEstimateCount(n: number, loc: Localizer): string {
  return n === 1 ? loc.t('1 room has no estimate.') : loc.t('{0} rooms have no estimate.', n);
}
