// What a change does to the monthly bill: two project analyses (before and after a commit, a branch or an edit)
// compared room by room. Rooms are matched as the project model names them (their id), else by a call site file they
// share, else by name; each room's amount is its list price alone (the number its CodeLens shows), the totals are the
// project's bills (free minutes and packages counted once), and every difference says why in words.

import { D } from '../decimal';
import { SERVICE_TEXT, formatMoney, resText, tierName, type Currency, type Text } from '../common';
import type { ParticipantGroup, Room } from '../scenario/types';
import { billProject, estimateLogicalRoom, estimateRoomAlone } from './analyze';
import type { LogicalRoom, ProjectAnalysis, ProjectSettings } from './types';

export interface ProjectSide {
  analysis: ProjectAnalysis;
  settings: ProjectSettings;
}

/** A change in words and what it adds to the room's monthly list price (absent when it could not be priced alone). */
export interface Reason extends Text {
  delta?: string;
}

export type RoomStatus = 'added' | 'removed' | 'changed' | 'same';

export interface RoomDiff {
  id: string;
  name: string;
  status: RoomStatus;
  /** Monthly list price of the room alone (exact decimal strings); absent when the room does not exist or cannot be estimated. */
  before?: string;
  after?: string;
  /** after − before (a missing side counts 0). */
  delta: string;
  /**
   * What changed, in words (empty when nothing that is billed changed), each with what it adds to the room's monthly
   * list price when it could be priced (`delta`): the deltas add up to the room's `delta` (see `attribute`).
   */
  reasons: Reason[];
  /** Call sites of the room on the side that has it (after, else before). */
  sites: string[];
}

export interface ProjectDiff {
  currency: Currency;
  rooms: RoomDiff[];
  /** The project's monthly bills (after free minutes and packages); undefined when a side cannot be billed. */
  totalBefore?: string;
  totalAfter?: string;
  totalDelta: string;
  /** Why a side could not be billed. */
  problems: Text[];
}

const t = (en: string, zh: string): Text => ({ en, zh });

function costOf(room: LogicalRoom | undefined, settings: ProjectSettings): { monthly?: string; tier?: string } {
  if (!room) return {};
  const e = estimateLogicalRoom(room, settings);
  return e.ok ? { monthly: e.cost.monthly, tier: e.cost.mainTier } : {};
}

function filesOf(r: LogicalRoom): Set<string> {
  return new Set([...r.sites, ...r.addOns].map((s) => s.file));
}

/** Pairs each room after with the room it was before. */
function matchRooms(before: LogicalRoom[], after: LogicalRoom[]): Array<[LogicalRoom | undefined, LogicalRoom | undefined]> {
  const left = new Set(before);
  const pairs: Array<[LogicalRoom | undefined, LogicalRoom | undefined]> = [];
  const take = (a: LogicalRoom, pick: (b: LogicalRoom) => boolean): boolean => {
    const b = [...left].find(pick);
    if (!b) return false;
    left.delete(b);
    pairs.push([b, a]);
    return true;
  };
  const unmatched: LogicalRoom[] = [];
  for (const a of after) if (!take(a, (b) => b.id === a.id)) unmatched.push(a);
  for (const a of unmatched) {
    const files = filesOf(a);
    if (take(a, (b) => [...filesOf(b)].some((f) => files.has(f)))) continue;
    if (take(a, (b) => b.name === a.name)) continue;
    pairs.push([undefined, a]);
  }
  for (const b of left) pairs.push([b, undefined]);
  return pairs;
}

const ROLE: Record<string, Text> = { anchor: t('anchors', '主播'), audience: t('audience', '观众') };

function res(r: { width: number; height: number } | null | undefined): string {
  return r ? resText(r) : 'none';
}

function resZh(r: { width: number; height: number } | null | undefined): string {
  return r ? resText(r) : '无';
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** One billed change between two rooms: what it is in words, and how it turns the before room into the after room. */
interface Step {
  reason: Text;
  apply(working: Working): void;
}

/** A room being turned from before into after, with its participant groups by key. */
interface Working {
  room: Room;
  groups: Map<string, ParticipantGroup>;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const groupKey = (g: ParticipantGroup, i: number): string => g.name ?? `${g.role}#${i}`;

function groupsOf(r: Room): Map<string, ParticipantGroup> {
  return new Map<string, ParticipantGroup>(r.participants.map((g, i) => [groupKey(g, i), g]));
}

/**
 * The billed differences between two rooms, in the fixed order they are priced in: service; sessions a day, minutes
 * per session, days a month; each participant group of the after room in its order (new group, or its count, camera,
 * screen share, small stream, what it receives); groups removed; recording, cloud mixing, CDN relay, web page recording.
 */
function roomSteps(before: Room, after: Room): Step[] {
  const out: Step[] = [];
  if (before.service !== after.service) {
    const [from, to] = [SERVICE_TEXT[before.service], SERVICE_TEXT[after.service]];
    out.push({
      reason: t(`service ${from.en} → ${to.en}`, `服务 ${from.zh} → ${to.zh}`),
      apply: (w) => (w.room.service = after.service),
    });
  }
  const num = (key: 'sessionsPerDay' | 'minutesPerSession' | 'daysPerMonth', en: string, zh: string): void => {
    if (before[key] === after[key]) return;
    out.push({
      reason: t(`${en} ${before[key] ?? '—'} → ${after[key] ?? '—'}`, `${zh} ${before[key] ?? '—'} → ${after[key] ?? '—'}`),
      apply: (w) => {
        if (after[key] === undefined) delete w.room[key];
        else w.room[key] = after[key]!;
      },
    });
  };
  num('sessionsPerDay', 'sessions a day', '每天场次');
  num('minutesPerSession', 'minutes per session', '每场分钟数');
  num('daysPerMonth', 'days a month', '每月天数');
  const gb = groupsOf(before);
  const ga = groupsOf(after);
  for (const [key, a] of ga) {
    const b = gb.get(key);
    const who = ROLE[a.role] ?? t(a.role, a.role);
    if (!b) {
      out.push({
        reason: t(`new group: ${a.count} ${who.en}`, `新增参与者组：${a.count} 名${who.zh}`),
        apply: (w) => {
          const g = clone(a);
          w.room.participants.push(g);
          w.groups.set(key, g);
        },
      });
      continue;
    }
    if (b.count !== a.count) {
      out.push({ reason: t(`${who.en} ${b.count} → ${a.count}`, `${who.zh} ${b.count} → ${a.count}`), apply: (w) => (w.groups.get(key)!.count = a.count) });
    }
    for (const [k, en, zh] of [
      ['camera', 'camera', '摄像头'],
      ['screen', 'screen share', '屏幕分享'],
      ['smallStream', 'small stream', '小流'],
    ] as const) {
      const x = b.publish[k];
      const y = a.publish[k];
      if (sameJson(x, y)) continue;
      out.push({
        reason: t(`${who.en}' ${en} ${res(x)} → ${res(y)}`, `${who.zh}${zh} ${resZh(x)} → ${resZh(y)}`),
        apply: (w) => {
          const g = w.groups.get(key)!;
          g.publish = { ...g.publish };
          if (y === undefined) delete g.publish[k];
          else g.publish[k] = clone(y) as never;
        },
      });
    }
    if (!sameJson(b.receive, a.receive)) {
      out.push({ reason: t(`what ${who.en} receive changed`, `${who.zh}接收的内容有变化`), apply: (w) => (w.groups.get(key)!.receive = clone(a.receive)) });
    }
  }
  for (const [key, b] of gb) {
    if (ga.has(key)) continue;
    const who = ROLE[b.role] ?? t(b.role, b.role);
    out.push({
      reason: t(`group removed: ${b.count} ${who.en}`, `移除参与者组：${b.count} 名${who.zh}`),
      apply: (w) => {
        const g = w.groups.get(key)!;
        w.room.participants = w.room.participants.filter((x) => x !== g);
        w.groups.delete(key);
      },
    });
  }
  for (const [k, en, zh] of [
    ['recording', 'recording', '云端录制'],
    ['mixTranscoding', 'cloud mixing', '云端混流'],
    ['relay', 'CDN relay', 'CDN 转推'],
    ['webRecording', 'web page recording', '页面录制'],
  ] as const) {
    const x = before[k] ?? null;
    const y = after[k] ?? null;
    if (sameJson(x, y)) continue;
    const reason = x === null ? t(`${en} added`, `新增${zh}`) : y === null ? t(`${en} removed`, `移除${zh}`) : t(`${en} changed`, `${zh}有变化`);
    out.push({
      reason,
      apply: (w) => {
        if (after[k] === undefined) delete w.room[k];
        else w.room[k] = clone(after[k]) as never;
      },
    });
  }
  return out;
}

/** The differences between two scenario rooms that change what is billed, in words (in the order they are priced). */
export function roomChanges(before: Room, after: Room): Text[] {
  return roomSteps(before, after).map((s) => s.reason);
}

/** The parts of the scenario besides its rooms that the price depends on. */
function priceSettings(s: ProjectSettings): { tariff: unknown; period: unknown; payment: unknown; today: unknown } {
  return { tariff: s.tariff, period: s.period ?? null, payment: s.payment ?? null, today: s.today ?? null };
}

const SETTING_NAMES: Record<string, Text> = {
  tariff: t('price book', '价目'),
  period: t('period', '计费周期'),
  payment: t('payment', '付费方式'),
  today: t('date', '日期'),
};

/**
 * Each change of a room with what it adds to the room's monthly list price. The changes are applied to the before
 * room one at a time in the order of `roomSteps` (then anything else of the after room, then the after side's price
 * settings), each estimated with the ones before it already applied: the amounts add up exactly to the room's
 * difference, and a different order could split the same total differently. A step whose intermediate room cannot be
 * estimated gets no amount; the next step's amount includes it.
 */
function attribute(before: Room, after: Room, sb: ProjectSettings, sa: ProjectSettings, start: { monthly: string; tier?: string }, end: string): Reason[] {
  const w: Working = { room: clone(before), groups: new Map() };
  w.room.participants.forEach((g, i) => w.groups.set(groupKey(before.participants[i]!, i), g));
  let last = start;
  const out: Reason[] = [];
  const price = (reason: Text, room: Room, settings: ProjectSettings, keepZero: boolean): void => {
    const e = estimateRoomAlone(clone(room), undefined, settings);
    if (!e.ok) {
      if (keepZero) out.push({ ...reason });
      return;
    }
    const delta = new D(e.cost.monthly).minus(last.monthly);
    if (!keepZero && delta.isZero()) return;
    const tier = tierChange(last.tier, e.cost.mainTier);
    out.push(tier ? { en: `${reason.en}, ${tier.en}`, zh: `${reason.zh}，${tier.zh}`, delta: delta.toString() } : { ...reason, delta: delta.toString() });
    last = { monthly: e.cost.monthly, tier: e.cost.mainTier };
  };
  for (const step of roomSteps(before, after)) {
    step.apply(w);
    price(step.reason, w.room, sb, true);
  }
  // Fields no step names (the app, audio, a group's order): billed only if they change the amount.
  if (!sameJson(w.room, after)) price(t('other changes to the room', '房间的其他变化'), after, sb, false);
  const ps = priceSettings(sb);
  const pa = priceSettings(sa);
  const changed = (Object.keys(ps) as (keyof typeof ps)[]).filter((k) => !sameJson(ps[k], pa[k]));
  if (changed.length > 0) {
    const names = changed.map((k) => SETTING_NAMES[k]!);
    price(t(`${names.map((n) => n.en).join(', ')} of the project changed`, `项目的${names.map((n) => n.zh).join('、')}有变化`), after, sa, false);
  }
  // Only when the last steps could not be priced: what is left belongs to them together.
  const rest = new D(end).minus(last.monthly);
  if (!rest.isZero()) {
    const open = out.length > 0 && out[out.length - 1]!.delta === undefined ? out[out.length - 1]! : undefined;
    if (open) open.delta = rest.toString();
    else out.push({ ...t('other changes to the room', '房间的其他变化'), delta: rest.toString() });
  }
  return out;
}

function tierChange(before?: string, after?: string): Text | undefined {
  if (!before || !after || before === after) return undefined;
  const b = tierName(before as never);
  const a = tierName(after as never);
  return t(`main tier ${b.en} → ${a.en}`, `主要档位 ${b.zh} → ${a.zh}`);
}

/** Compares the project before and after a change. */
export function diffProjects(before: ProjectSide, after: ProjectSide): ProjectDiff {
  const problems: Text[] = [];
  let currency: Currency = after.settings.tariff.region === 'international' ? 'USD' : 'CNY';
  const billOf = (side: ProjectSide, which: Text): string | undefined => {
    const b = billProject(side.analysis, side.settings);
    if (b.ok === true) {
      currency = b.bill.currency;
      return b.bill.total;
    }
    if (b.ok === 'empty') return '0';
    problems.push(t(`${which.en}: ${b.reason.en}`, `${which.zh}：${b.reason.zh}`));
    return undefined;
  };
  const totalBefore = billOf(before, t('before', '变更前'));
  const totalAfter = billOf(after, t('after', '变更后'));
  const rooms: RoomDiff[] = [];
  for (const [b, a] of matchRooms(before.analysis.rooms, after.analysis.rooms)) {
    const cb = costOf(b, before.settings);
    const ca = costOf(a, after.settings);
    const delta = new D(ca.monthly ?? 0).minus(cb.monthly ?? 0).toString();
    const room = (a ?? b)!;
    const reasons: Reason[] = [];
    let status: RoomStatus;
    if (!b) {
      status = 'added';
      reasons.push({ ...t(`new room ${room.name}`, `新增房间 ${room.name}`), ...(ca.monthly !== undefined ? { delta } : {}) });
    } else if (!a) {
      status = 'removed';
      reasons.push({ ...t(`room ${room.name} removed`, `移除房间 ${room.name}`), ...(cb.monthly !== undefined ? { delta } : {}) });
    } else {
      if (b.room && a.room && cb.monthly !== undefined && ca.monthly !== undefined) {
        reasons.push(...attribute(b.room, a.room, before.settings, after.settings, { monthly: cb.monthly, tier: cb.tier }, ca.monthly));
      } else {
        // One side cannot be estimated: the changes in words, without amounts.
        if (b.room && a.room) reasons.push(...roomChanges(b.room, a.room));
        const tier = tierChange(cb.tier, ca.tier);
        if (tier) reasons.push(tier);
      }
      status = reasons.length > 0 || !new D(delta).isZero() ? 'changed' : 'same';
    }
    rooms.push({
      id: room.id,
      name: room.name,
      status,
      before: cb.monthly,
      after: ca.monthly,
      delta,
      reasons,
      sites: [...room.sites, ...room.addOns].map((s) => s.key),
    });
  }
  // Biggest change first: what a reviewer should read.
  rooms.sort((x, y) => new D(y.delta).abs().comparedTo(new D(x.delta).abs()) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const totalDelta = new D(totalAfter ?? 0).minus(totalBefore ?? 0).toString();
  return { currency, rooms, totalBefore, totalAfter, totalDelta, problems };
}

/** "+¥1,234.00" / "−$5.00" / "¥0.00". */
export function signedMoney(amount: string, currency: Currency): string {
  const d = new D(amount);
  const abs = formatMoney(d.abs().toString(), currency, 'en');
  return d.isZero() ? abs : d.isNegative() ? `−${abs}` : `+${abs}`;
}
