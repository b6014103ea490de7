// Turns analysis results into the words a user reads: CodeLens titles, hover Markdown, the status bar and the
// estimate's list. Pure (no `vscode` import): the translator is injected (vscode.l10n.t in the extension, a plain
// formatter in tests and benchmarks). Every literal passed to `t` has a Chinese entry in l10n/bundle.l10n.zh-cn.json.

import { formatMoney, type Bill, type Currency, type Locale, type Message, type Room, type Service, type Text, type Tier } from '../../core';
import { usersOf, type RoomEstimate, type RoomResult } from './analysis';
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

export function tierLabel(tier: Tier, loc: Localizer): string {
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

/** "TRTC ≈ ¥1,234/month · video call · HD · 4 users" */
export function lensTitle(r: RoomResult, est: RoomEstimate, loc: Localizer): string {
  if (!est.ok || !r.room) return loc.t('TRTC: no estimate ({0})', shorten(est.ok ? loc.t('no room') : pick(est.reason, loc), 60));
  const amount = shortMoney(est.cost.monthly, est.bill.currency, loc);
  const parts = [
    // When the code chooses among values, the estimate takes the most expensive: say "up to", never a false "≈".
    !r.override && hasChoices(r) ? loc.t('TRTC ≤ {0}/month', amount) : loc.t('TRTC ≈ {0}/month', amount),
    serviceLabel(r.room.service, loc),
    tierLabel(est.cost.mainTier, loc),
    usersLabel(usersOf(r.room), loc),
  ];
  return parts.join(' · ') + (r.override ? ' · ' + loc.t('from the scenario file') : '');
}

/** Whether the code chooses among several values for something billed (the room then shows its most expensive case). */
export function hasChoices(r: RoomResult): boolean {
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

/** The hover for one detected room. */
export function roomHover(r: RoomResult, est: RoomEstimate, links: HoverLinks, loc: Localizer): string {
  const L: string[] = [];
  const linkLine = [
    `[${loc.t('Change assumptions')}](${links.settings})`,
    `[${loc.t('Override in the workspace scenario file')}](${links.scenarioFile})`,
    ...(links.calculator ? [`[${loc.t('Open in the calculator')}](${links.calculator})`] : []),
  ].join(' · ');
  if (!est.ok || !r.room) {
    L.push(`**${loc.t('TRTC: no estimate for this room')}**`, '');
    L.push(loc.t('Why: {0}', esc(est.ok ? loc.t('no room') : pick(est.reason, loc))), '');
    const assumed = messages(r.assumptions, loc);
    if (assumed.length) L.push(`**${loc.t('Assumed')}**`, '', ...assumed, '');
    L.push(linkLine);
    return L.join('\n');
  }
  const { bill, cost } = est;
  const room = r.room;
  L.push(
    `**${loc.t('TRTC ≈ {0} per month', money(cost.monthly, bill.currency, loc))}** · ${loc.t('{0} per minute', money(cost.perSessionMinute, bill.currency, loc, 4))}`,
    '',
  );
  L.push(
    `${esc(room.name)} · ${serviceLabel(room.service, loc)} · ${usersLabel(usersOf(room), loc)} · ${loc.t('SDK: {0}', r.detected.sdk)}${r.detected.kit ? ` ${loc.t('({0})', esc(r.detected.kit))}` : ''}  `,
  );
  L.push(`${usageLine(room, loc)} · ${loc.t('{0} a day', money(cost.perDay, bill.currency, loc))}`, '');
  L.push(`**${loc.t('Tier: {0}', tierLabel(cost.mainTier, loc))}** ${loc.t('({0})', meteringLabel(bill, loc))}`, '');
  for (const e of cost.explanation) L.push(`- ${esc(pick(e, loc))}`);
  if (cost.explanation.length) L.push('');
  const grouping = r.logical ? messages(r.grouping, loc) : [];
  // A room of several call sites (or one the project file changed) says which and why; a lone call site needs no heading.
  if (r.logical && (grouping.length > 0 || r.logical.sites.length + r.logical.addOns.length > 1)) {
    const n = r.logical.sites.length + r.logical.addOns.length;
    const heading =
      n === 1
        ? loc.t('Room “{0}” (id {1})', esc(r.logical.name), esc(r.logical.id))
        : loc.t('Room “{0}” (id {1}) · {2} call sites', esc(r.logical.name), esc(r.logical.id), n);
    L.push(`**${heading}**`, '', ...grouping, '');
    if (links.assign) L.push(`[${loc.t('Count this call site apart or with another room')}](${links.assign})`, '');
  } else if (r.override) {
    L.push(loc.t('This room is replaced by room {0} (“{1}”) of the workspace scenario file.', r.override.index + 1, esc(r.override.room.name)), '');
  }
  L.push(...leversHover(r, est, loc));
  const assumed = messages([...r.assumptions, ...bill.assumptions], loc);
  if (assumed.length) L.push(`**${loc.t('Assumed')}**`, '', ...assumed, '');
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
      loc.t('list prices before free minutes and packs') +
      ' · ' +
      loc.t('prices as of {0}', bill.pricesAsOf),
    '',
  );
  L.push(linkLine);
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

export function statusText(total: string | undefined, currency: Currency | undefined, loc: Localizer): string {
  if (total === undefined || currency === undefined) return `$(pulse) ${loc.t('TRTC: no rooms')}`;
  return `$(pulse) ${loc.t('TRTC ≈ {0}/month', shortMoney(total, currency, loc))}`;
}

export interface BreakdownRow {
  name: string;
  amount: string;
  where?: string;
}

export function statusTooltip(bill: Bill | undefined, rows: BreakdownRow[], skipped: number, loc: Localizer): string {
  if (!bill) return loc.t('No TRTC rooms found in this workspace.');
  const L = [
    `**${loc.t('TRTC ≈ {0} per month for this workspace', money(bill.total, bill.currency, loc))}**`,
    '',
    loc.t('{0} rooms, each counted once (list prices):', rows.length),
    '',
  ];
  for (const row of rows.slice(0, 12)) L.push(`- ${esc(row.name)}: ${money(row.amount, bill.currency, loc)}${row.where ? ` · ${esc(row.where)}` : ''}`);
  if (rows.length > 12) L.push(`- ${loc.t('… and {0} more', rows.length - 12)}`);
  L.push('');
  if (Number(bill.freeMinutesUsed) > 0) L.push(loc.t('Free minutes used: {0}', Number(bill.freeMinutesUsed).toLocaleString('en-US')), '');
  if (skipped > 0) L.push(loc.t('{0} rooms have no estimate.', skipped), '');
  L.push(loc.t('Click for the breakdown.'));
  return L.join('\n');
}
