// The TRTC Cost view's content as plain data: workspace total → logical rooms by monthly cost → their call sites and
// server add-ons. Pure (no `vscode` import), so it is unit-tested and the view provider only maps nodes to TreeItems.
// The amounts are the status bar's (the workspace bill's total, after free minutes and packs) and the status tooltip's
// (each room's list price in that bill), formatted by the same functions (present.ts), so the same amount reads the
// same everywhere; the steps from the rooms' sum to the bill are nodes of their own, so the rows add up.

import type { Bill, Currency } from '../../core';
import { signedMoney, type CallSite, type LogicalRoom, type ProjectDiff } from '../../core/project';
import {
  adjustmentLabel,
  listPriceNote,
  money,
  monthlyAmount,
  noEstimateCount,
  pick,
  reconcile,
  sentence,
  serviceLabel,
  shortMoney,
  shownDifference,
  signedAmount,
  tierLabel,
  upToNote,
  usersLabel,
  workspaceBill,
  workspaceRoomIsUpTo,
  type Localizer,
} from '../logic/present';
import { usersOf, type WorkspaceRoom } from '../logic/analysis';

/** What the view needs of the workspace index's summary (WorkspaceIndex.summary()). */
export interface CostSummary {
  rooms: readonly WorkspaceRoom[];
  bill?: Bill;
  error?: string;
  withoutEstimate: number;
  scanned: boolean;
}

export type CostNodeKind = 'total' | 'room' | 'adjustment' | 'site' | 'addOn' | 'unestimated' | 'unestimatedRoom' | 'scanning' | 'error' | 'compare';

export interface CostNode {
  /** Stable across refreshes (keeps expansion state): derived from room ids and call-site keys. */
  id: string;
  kind: CostNodeKind;
  /** What the view shows; a room's and the total's start with their amount, so a narrow sidebar never cuts it off. */
  label: string;
  /** The room's name (rooms only: the label also carries the amount). */
  name?: string;
  /** Shown after the label: list price · service · tier · people for a room. */
  description?: string;
  /** Markdown. */
  tooltip: string;
  /** Codicon id. */
  icon: string;
  children: CostNode[];
  /** Whether the node starts expanded. */
  expanded?: boolean;
  room?: WorkspaceRoom;
  logical?: LogicalRoom;
  site?: CallSite;
  /** The exact monthly amount (list price of the room, or the workspace bill's total). */
  amount?: string;
  currency?: Currency;
}

export interface CostTreeOptions {
  /** Case-insensitive text a room's name, id, service or files must contain. */
  filter?: string;
  /** The first scan is still running (and nothing is known yet). */
  scanning?: boolean;
  /** Rooms of the project that have no estimate (to list them with their reason). */
  unestimated?: readonly LogicalRoom[];
  /** "Compare cost with branch…": each room's difference from the project at a git ref. */
  compare?: CompareOverlay;
}

/** The working tree compared with a git ref (src/extension/compare.ts). */
export interface CompareOverlay {
  ref: string;
  diff: ProjectDiff;
  /** Limits of the comparison, already in the user's language. */
  notes: string[];
}

function escMd(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** "≈ ¥1,234/month", or "≤ ¥1,234/month" when the code chooses among values (the most expensive is billed). */
export function roomAmountText(room: WorkspaceRoom, amount: string, currency: Currency, loc: Localizer): string {
  return monthlyAmount(amount, currency, workspaceRoomIsUpTo(room), loc);
}

/** Whether a room matches the filter: its name, id, service (either language's label or the id) or one of its files. */
export function matchesFilter(room: WorkspaceRoom, filter: string | undefined, loc: Localizer): boolean {
  const f = filter?.trim().toLowerCase();
  if (!f) return true;
  const hay = [
    room.room.name,
    room.logical.id,
    room.logical.name,
    room.room.service,
    serviceLabel(room.room.service, loc),
    ...[...room.logical.sites, ...room.logical.addOns].map((s) => s.file),
  ];
  return hay.some((h) => h.toLowerCase().includes(f));
}

function siteNode(room: WorkspaceRoom, site: CallSite, kind: 'site' | 'addOn', loc: Localizer): CostNode {
  const where = `${site.file}:${site.line}`;
  const role =
    kind === 'addOn'
      ? loc.t('server add-on: its recording, mixing or relay is billed with this room')
      : site.kind === 'server'
        ? loc.t('server call site')
        : site.role === 'anchor'
          ? loc.t('call site of the publishers (anchors)')
          : site.role === 'audience'
            ? loc.t('call site of the audience')
            : loc.t('client call site');
  return {
    id: `${room.key}\u0000${kind}\u0000${site.key}`,
    kind,
    label: site.label || where,
    description: site.label && site.label !== where ? where : undefined,
    tooltip: [`**${escMd(where)}**`, '', escMd(role), '', loc.t('Counted in room “{0}”.', escMd(room.room.name))].join('\n'),
    icon: kind === 'addOn' ? 'server' : 'symbol-method',
    children: [],
    room,
    logical: room.logical,
    site,
  };
}

function roomTooltip(room: WorkspaceRoom, amount: string, currency: Currency, loc: Localizer): string {
  const L = [
    `**${escMd(room.room.name)}**`,
    '',
    `TRTC ${loc.t('list price {0}', roomAmountText(room, amount, currency, loc))}`,
    '',
    escMd(listPriceNote(loc)),
    '',
  ];
  if (workspaceRoomIsUpTo(room)) L.push(escMd(upToNote(loc)), '');
  const logical = room.logical;
  const n = logical.sites.length + logical.addOns.length;
  if (room.origin === 'file') L.push(loc.t('This room is only in the project file (it matches no code).'), '');
  else if (n > 1) L.push(loc.t('{0} call sites are counted as this one room:', n), '');
  const seen = new Set<string>();
  for (const m of logical.grouping) {
    const s = pick(m.text, loc);
    if (seen.has(s)) continue;
    seen.add(s);
    L.push(`- ${escMd(s)}`);
  }
  if (seen.size) L.push('');
  if (room.origin === 'override') L.push(loc.t('The project file sets this room’s assumptions.'), '');
  return L.join('\n').trimEnd();
}

/**
 * The view's top-level nodes. Empty when the scan has finished and found no room (the view's welcome content shows
 * then). Rooms are sorted by their monthly list price, highest first; the filter hides rooms, never the total.
 */
export function costTree(summary: CostSummary, loc: Localizer, opts: CostTreeOptions = {}): CostNode[] {
  const unestimated = opts.unestimated ?? [];
  if (summary.rooms.length === 0 && unestimated.length === 0 && summary.withoutEstimate === 0) {
    if (opts.scanning || !summary.scanned)
      return [
        {
          id: 'scanning',
          kind: 'scanning',
          label: loc.t('Scanning the workspace for TRTC rooms…'),
          tooltip: loc.t('Scanning the workspace for TRTC rooms…'),
          icon: 'sync~spin',
          children: [],
        },
      ];
    return opts.compare ? withComparison([], opts.compare, loc) : [];
  }
  const out: CostNode[] = [];
  const bill = summary.bill;
  if (bill) {
    const rooms: CostNode[] = summary.rooms
      .map((room, i) => ({ room, amount: bill.rooms[i]?.monthly ?? '0', tier: bill.rooms[i]?.mainTier }))
      .filter(({ room }) => matchesFilter(room, opts.filter, loc))
      .sort((a, b) => Number(b.amount) - Number(a.amount) || a.room.room.name.localeCompare(b.room.room.name))
      .map(({ room, amount, tier }) => {
        const parts = [serviceLabel(room.room.service, loc), ...(tier ? [tierLabel(tier, loc)] : []), usersLabel(usersOf(room.room), loc)];
        const children = [...room.logical.sites.map((s) => siteNode(room, s, 'site', loc)), ...room.logical.addOns.map((s) => siteNode(room, s, 'addOn', loc))];
        return {
          id: `room\u0000${room.key}`,
          kind: 'room' as const,
          // The cost first: a narrow sidebar cuts the end of the line off.
          label: `${roomAmountText(room, amount, bill.currency, loc)} · ${room.room.name}`,
          name: room.room.name,
          description: [loc.t('list price'), ...parts].join(' · '),
          tooltip: roomTooltip(room, amount, bill.currency, loc),
          icon: room.origin === 'file' ? 'file-code' : room.origin === 'override' ? 'symbol-property' : 'broadcast',
          children,
          room,
          logical: room.logical,
          amount,
          currency: bill.currency,
        };
      });
    const upTo = summary.rooms.some((r) => workspaceRoomIsUpTo(r));
    const filtered = !!opts.filter?.trim();
    // From the rooms' sum to the bill: free minutes, packages, rounding for the whole app. Shown with every room only
    // (a filtered list is not meant to add up; the tooltip says how many rooms it shows).
    const amounts = summary.rooms.map((_, i) => bill.rooms[i]?.monthly ?? '0');
    const rec = reconcile(bill, amounts);
    const steps: CostNode[] = filtered
      ? []
      : rec.adjustments.map((a) => ({
          id: `adjustment\u0000${a.kind}`,
          kind: 'adjustment' as const,
          label: `${signedAmount(a.amount, bill.currency, loc)} · ${adjustmentLabel(a, bill, loc)}`,
          tooltip: loc.t('The workspace bill counts all rooms together: this is what that changes from the sum of their list prices.'),
          icon: 'dash',
          children: [],
          amount: a.amount,
          currency: bill.currency,
        }));
    const tip = [
      `**TRTC ${workspaceBill(bill.total, bill.currency, upTo, loc)}**`,
      '',
      loc.t('The workspace bill: all rooms together, after free minutes and packages. Each room below shows its own list price.'),
    ];
    if (rec.adjustments.length) tip.push('', loc.t('Sum of the rooms’ list prices: {0}', shortMoney(rec.roomsSum, bill.currency, loc)));
    const off = shownDifference(amounts, rec);
    if (Number(off) !== 0)
      tip.push('', loc.t('Each amount is rounded on its own, so the rows differ from the bill by {0}.', shortMoney(off.replace(/^-/, ''), bill.currency, loc)));
    if (upTo) tip.push('', escMd(upToNote(loc)));
    if (filtered) tip.push('', loc.t('Filter “{0}”: {1} of {2} rooms shown.', escMd(opts.filter!.trim()), rooms.length, summary.rooms.length));
    const count = summary.rooms.length === 1 ? loc.t('1 room') : loc.t('{0} rooms', summary.rooms.length);
    out.push({
      id: 'total',
      kind: 'total',
      // The status bar's amount, the same string: "Workspace bill ≈ ¥1,234/month".
      label: sentence(workspaceBill(bill.total, bill.currency, upTo, loc)),
      description: count,
      tooltip: tip.join('\n'),
      icon: 'pulse',
      children: [...rooms, ...steps],
      expanded: true,
      amount: bill.total,
      currency: bill.currency,
    });
  } else if (summary.rooms.length || summary.error) {
    out.push({
      id: 'error',
      kind: 'error',
      label: loc.t('TRTC: no estimate'),
      description: summary.error,
      tooltip: summary.error ? loc.t('The workspace estimate failed: {0}', escMd(summary.error)) : loc.t('TRTC: no estimate'),
      icon: 'warning',
      children: [],
    });
  }
  const without = unestimated.length || summary.withoutEstimate;
  if (without > 0) {
    const children: CostNode[] = unestimated.map((r) => ({
      id: `unestimated\u0000${r.id}`,
      kind: 'unestimatedRoom',
      label: r.name,
      description: r.reason ? pick(r.reason, loc) : undefined,
      tooltip: [`**${escMd(r.name)}**`, '', r.reason ? loc.t('Why: {0}', escMd(pick(r.reason, loc))) : loc.t('unknown reason')].join('\n'),
      icon: 'circle-slash',
      children: [],
      logical: r,
      site: r.sites[0] ?? r.addOns[0],
    }));
    out.push({
      id: 'unestimated',
      kind: 'unestimated',
      label: noEstimateCount(without, loc),
      tooltip: loc.t('Hover over their code to see why.'),
      icon: 'warning',
      children,
    });
  }
  return opts.compare ? withComparison(out, opts.compare, loc) : out;
}

/**
 * Adds a comparison to the tree: a "Compared with <ref>" node first (the total's difference, the rooms that are gone),
 * and each room's difference after its description and in its tooltip, with what each change adds.
 */
export function withComparison(nodes: CostNode[], c: CompareOverlay, loc: Localizer): CostNode[] {
  const d = c.diff;
  const byId = new Map(d.rooms.map((r) => [r.id, r]));
  const diffText = (amount: string): string => loc.t('{0}/month', signedMoney(amount, d.currency));
  const visit = (n: CostNode): void => {
    const r = n.kind === 'room' && n.logical ? byId.get(n.logical.id) : undefined;
    if (r) {
      n.description = `${n.description ?? ''} · ${loc.t('{0} vs {1}', r.status === 'added' ? loc.t('new') : diffText(r.delta), c.ref)}`;
      const before = r.before === undefined ? '—' : money(r.before, d.currency, loc);
      const after = r.after === undefined ? '—' : money(r.after, d.currency, loc);
      const why = r.reasons.map((x) => `- ${escMd(pick(x, loc))}${x.delta !== undefined ? `: ${signedMoney(x.delta, d.currency)}` : ''}`);
      n.tooltip = [
        n.tooltip,
        '',
        `**${loc.t('Compared with {0}: {1} → {2} ({3})', escMd(c.ref), before, after, diffText(r.delta))}**`,
        ...(why.length ? ['', ...why] : []),
      ].join('\n');
    }
    n.children.forEach(visit);
  };
  nodes.forEach(visit);
  const removed = d.rooms.filter((r) => r.status === 'removed');
  const changed = d.rooms.filter((r) => r.status !== 'same').length;
  const tip = [
    `**${loc.t('Compared with {0}', escMd(c.ref))}**`,
    '',
    loc.t(
      'Monthly bill: {0} at {1} → {2} now',
      d.totalBefore === undefined ? '—' : money(d.totalBefore, d.currency, loc),
      escMd(c.ref),
      d.totalAfter === undefined ? '—' : money(d.totalAfter, d.currency, loc),
    ),
    '',
    loc.t('Each change is priced in the order listed, with the changes above it already applied; together they make the room’s difference.'),
  ];
  if (removed.length) tip.push('', loc.t('Rooms no longer in the code:'), ...removed.map((r) => `- ${escMd(r.name)}: ${diffText(r.delta)}`));
  for (const p of d.problems) tip.push('', `⚠ ${escMd(pick(p, loc))}`);
  for (const note of c.notes) tip.push('', escMd(note));
  const header: CostNode = {
    id: 'compare',
    kind: 'compare',
    label: loc.t('Compared with {0}', c.ref),
    description: `${diffText(d.totalDelta)} · ${changed === 1 ? loc.t('1 room changes') : loc.t('{0} rooms change', changed)}`,
    tooltip: tip.join('\n'),
    icon: 'git-compare',
    children: [],
    amount: d.totalDelta,
    currency: d.currency,
  };
  return [header, ...nodes];
}
