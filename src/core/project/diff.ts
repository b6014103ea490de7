// What a change does to the monthly bill: two project analyses (before and after a commit, a branch or an edit)
// compared room by room. Rooms are matched as the project model names them (their id), else by a call site file they
// share, else by name; each room's amount is its list price alone (the number its CodeLens shows), the totals are the
// project's bills (free minutes and packages counted once), and every difference says why in words.

import { D } from '../decimal';
import { formatMoney, resText, tierName, type Currency, type Text } from '../common';
import type { ParticipantGroup, Room } from '../scenario/types';
import { billProject, estimateLogicalRoom } from './analyze';
import type { LogicalRoom, ProjectAnalysis, ProjectSettings } from './types';

export interface ProjectSide {
  analysis: ProjectAnalysis;
  settings: ProjectSettings;
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
  /** What changed, in words (empty when nothing that is billed changed). */
  reasons: Text[];
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

const SERVICE: Record<string, Text> = {
  'video-call': t('video call', '视频通话'),
  'voice-call': t('voice call', '语音通话'),
  'video-live': t('video live', '视频互动直播'),
  'voice-live': t('voice live', '语音互动直播'),
};

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

/** The differences between two scenario rooms that change what is billed, in words. */
export function roomChanges(before: Room, after: Room): Text[] {
  const out: Text[] = [];
  if (before.service !== after.service) {
    out.push(t(`service ${SERVICE[before.service].en} → ${SERVICE[after.service].en}`, `服务 ${SERVICE[before.service].zh} → ${SERVICE[after.service].zh}`));
  }
  const num = (key: 'sessionsPerDay' | 'minutesPerSession' | 'daysPerMonth', en: string, zh: string): void => {
    if (before[key] !== after[key]) out.push(t(`${en} ${before[key] ?? '—'} → ${after[key] ?? '—'}`, `${zh} ${before[key] ?? '—'} → ${after[key] ?? '—'}`));
  };
  num('sessionsPerDay', 'sessions a day', '每天场次');
  num('minutesPerSession', 'minutes per session', '每场分钟数');
  num('daysPerMonth', 'days a month', '每月天数');
  const groupsOf = (r: Room) => new Map<string, ParticipantGroup>(r.participants.map((g, i) => [g.name ?? `${g.role}#${i}`, g]));
  const gb = groupsOf(before);
  const ga = groupsOf(after);
  for (const [key, a] of ga) {
    const b = gb.get(key);
    const who = ROLE[a.role] ?? t(a.role, a.role);
    if (!b) {
      out.push(t(`new group: ${a.count} ${who.en}`, `新增参与者组：${a.count} 名${who.zh}`));
      continue;
    }
    if (b.count !== a.count) out.push(t(`${who.en} ${b.count} → ${a.count}`, `${who.zh} ${b.count} → ${a.count}`));
    for (const [k, en, zh] of [
      ['camera', 'camera', '摄像头'],
      ['screen', 'screen share', '屏幕分享'],
      ['smallStream', 'small stream', '小流'],
    ] as const) {
      const x = b.publish[k];
      const y = a.publish[k];
      if (!sameJson(x, y)) out.push(t(`${who.en}' ${en} ${res(x)} → ${res(y)}`, `${who.zh}${zh} ${resZh(x)} → ${resZh(y)}`));
    }
    if (!sameJson(b.receive, a.receive)) out.push(t(`what ${who.en} receive changed`, `${who.zh}接收的内容有变化`));
  }
  for (const [key, b] of gb) {
    if (ga.has(key)) continue;
    const who = ROLE[b.role] ?? t(b.role, b.role);
    out.push(t(`group removed: ${b.count} ${who.en}`, `移除参与者组：${b.count} 名${who.zh}`));
  }
  for (const [k, en, zh] of [
    ['recording', 'recording', '云端录制'],
    ['mixTranscoding', 'cloud mixing', '云端混流'],
    ['relay', 'CDN relay', 'CDN 转推'],
  ] as const) {
    const x = before[k] ?? null;
    const y = after[k] ?? null;
    if (sameJson(x, y)) continue;
    if (x === null) out.push(t(`${en} added`, `新增${zh}`));
    else if (y === null) out.push(t(`${en} removed`, `移除${zh}`));
    else out.push(t(`${en} changed`, `${zh}有变化`));
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
    const reasons: Text[] = [];
    let status: RoomStatus;
    if (!b) {
      status = 'added';
      reasons.push(t(`new room ${room.name}`, `新增房间 ${room.name}`));
    } else if (!a) {
      status = 'removed';
      reasons.push(t(`room ${room.name} removed`, `移除房间 ${room.name}`));
    } else {
      if (b.room && a.room) reasons.push(...roomChanges(b.room, a.room));
      const tier = tierChange(cb.tier, ca.tier);
      if (tier) reasons.push(tier);
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
