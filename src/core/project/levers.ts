// Savings levers: for a room, the few changes that matter most, each with its exact monthly effect. Every amount is
// the engine's: the room is estimated as the estimate does (estimateRoomAlone), then again with one change, and the
// lever's effect is the difference. Nothing here prices anything by itself, so a lever cannot disagree with the bill.

import { D } from '../decimal';
import type { Currency, Text } from '../common';
import { resText } from '../common';
import { editionCandidates } from '../bill/advice';
import type { SourceRange } from '../detect/types';
import type { PackageSpec, PaymentSpec, Resolution, Room } from '../scenario/types';
import { estimateRoomAlone } from './analyze';
import type { CallSite, LogicalRoom, ProjectSettings } from './types';

/** How the scenario room (or its payment) changes. Groups are named as the meter names them (`name` or "group N"). */
export type LeverChange =
  /** Each named group's camera becomes `to` (portrait cameras keep their orientation). */
  | { kind: 'camera'; groups: string[]; to: Resolution }
  /** Each named group's screen share becomes `to`. */
  | { kind: 'screen'; groups: string[]; to: Resolution }
  /** The receivers take the small stream of every video publisher; publishers without one publish `smallStream`. */
  | { kind: 'receive-small'; receivers: string[]; publishers: string[]; smallStream: Resolution }
  /** The named audience groups receive audio only. */
  | { kind: 'audio-only'; groups: string[] }
  /** A monthly package bought at the period start. */
  | { kind: 'package'; package: PackageSpec };

/** Where in code a lever's change is one literal: the resolution value of `fact`. */
export interface LeverSource {
  /** Project-relative file of the literal. */
  file: string;
  range: SourceRange;
  fact: 'camera' | 'screen';
  from: Resolution;
  to: Resolution;
}

export interface Lever {
  id: 'camera-720p' | 'screen-720p' | 'small-gallery' | 'audience-audio-only' | 'package';
  title: Text;
  change: LeverChange;
  /**
   * What the effect is measured on: the room's list price (RoomCost.monthly, what the lens shows) for media
   * changes; the amount payable (Bill.total, after free minutes, packs and package fees) for a package.
   */
  basis: 'list' | 'payable';
  /** The amount on that basis without and with the change, exact decimal strings. */
  before: string;
  after: string;
  /** after − before, exact; negative is a saving. */
  monthlyEffect: string;
  currency: Currency;
  where?: LeverSource;
}

export interface LeverOptions {
  /** The logical room the scenario room is (gives `where` for levers that one literal of its code changes). */
  logical?: LogicalRoom;
  /** How many levers at most (default 4). */
  limit?: number;
}

const HD_PIXELS = 1280 * 720;
const SMALL_STREAM: Resolution = { width: 320, height: 180 };

export const groupLabel = (g: Room['participants'][number], i: number): string => g.name ?? `group ${i + 1}`;

/** 1280×720, in the orientation of `r`. */
function hdLike(r: Resolution): Resolution {
  return r.width >= r.height ? { width: 1280, height: 720 } : { width: 720, height: 1280 };
}

const sameRes = (a: Resolution | null | undefined, b: Resolution | null | undefined): boolean => !!a && !!b && a.width === b.width && a.height === b.height;

/** The room (and payment) with one change applied. Pure: the inputs are not modified. */
export function applyChange(room: Room, payment: PaymentSpec | undefined, change: LeverChange): { room: Room; payment?: PaymentSpec } {
  if (change.kind === 'package') return { room, payment: { ...payment, packages: [...(payment?.packages ?? []), change.package] } };
  const named = (list: string[]) => new Set(list);
  const participants = room.participants.map((g, i) => {
    const label = groupLabel(g, i);
    switch (change.kind) {
      case 'camera':
        return named(change.groups).has(label) && g.publish.camera ? { ...g, publish: { ...g.publish, camera: orient(change.to, g.publish.camera) } } : g;
      case 'screen':
        return named(change.groups).has(label) && g.publish.screen ? { ...g, publish: { ...g.publish, screen: orient(change.to, g.publish.screen) } } : g;
      case 'audio-only':
        return named(change.groups).has(label) ? { ...g, receive: 'audio-only' as const } : g;
      case 'receive-small': {
        let out = g;
        if (named(change.publishers).has(label) && g.publish.camera && !g.publish.smallStream)
          out = { ...out, publish: { ...out.publish, smallStream: change.smallStream } };
        if (named(change.receivers).has(label)) {
          const r = g.receive;
          out = { ...out, receive: typeof r === 'object' ? { ...r, stream: 'small' as const } : { from: change.publishers, stream: 'small' as const } };
        }
        return out;
      }
    }
  });
  return { room: { ...room, participants }, payment };
}

/** `to` in the orientation of `like`. */
function orient(to: Resolution, like: Resolution): Resolution {
  const big = Math.max(to.width, to.height);
  const small = Math.min(to.width, to.height);
  return like.width >= like.height ? { width: big, height: small } : { width: small, height: big };
}

/** The candidate changes that apply to the room (before they are priced). */
function candidates(room: Room): { id: Lever['id']; title: Text; change: LeverChange }[] {
  const out: { id: Lever['id']; title: Text; change: LeverChange }[] = [];
  const groups = room.participants.map((g, i) => ({ g, label: groupLabel(g, i) }));
  const live = room.service === 'video-live' || room.service === 'voice-live';
  const video = room.service === 'video-call' || room.service === 'video-live';
  if (!video) return out;
  const bigCameras = groups.filter(({ g }) => g.count > 0 && g.publish.camera && g.publish.camera.width * g.publish.camera.height > HD_PIXELS);
  if (bigCameras.length) {
    const from = bigCameras[0].g.publish.camera!;
    out.push({
      id: 'camera-720p',
      title: { en: `Camera at 720p instead of ${resText(from)}`, zh: `摄像头改为 720p（现为 ${resText(from)}）` },
      change: { kind: 'camera', groups: bigCameras.map((x) => x.label), to: hdLike(from) },
    });
  }
  const bigScreens = groups.filter(({ g }) => g.count > 0 && g.publish.screen && g.publish.screen.width * g.publish.screen.height > HD_PIXELS);
  if (bigScreens.length) {
    const from = bigScreens[0].g.publish.screen!;
    out.push({
      id: 'screen-720p',
      title: { en: `Screen share at 720p instead of ${resText(from)}`, zh: `屏幕分享改为 720p（现为 ${resText(from)}）` },
      change: { kind: 'screen', groups: bigScreens.map((x) => x.label), to: hdLike(from) },
    });
  }
  // A gallery: a receiver that sees two or more cameras can take their small streams instead.
  const cameraGroups = groups.filter(({ g }) => g.count > 0 && g.publish.camera);
  const videoGroups = groups.filter(({ g }) => g.count > 0 && (g.publish.camera || g.publish.screen));
  const receivers = groups.filter(({ g, label }) => {
    if (g.count <= 0) return false;
    const r = g.receive;
    if (r === 'audio-only' || r === 'none' || (typeof r === 'object' && r.stream === 'small')) return false;
    const from = typeof r === 'object' ? new Set(r.from) : undefined;
    const cameras = cameraGroups.filter((c) => !from || from.has(c.label)).reduce((n, c) => n + c.g.count - (c.label === label ? 1 : 0), 0);
    return cameras >= 2;
  });
  if (receivers.length) {
    const publishers = videoGroups.map((x) => x.label);
    out.push({
      id: 'small-gallery',
      title: {
        en: `Receive small streams in the gallery (${resText(SMALL_STREAM)} where no small stream is published)`,
        zh: `宫格中接收小流（未发布小流的推流者按 ${resText(SMALL_STREAM)} 发布）`,
      },
      change: { kind: 'receive-small', receivers: receivers.map((x) => x.label), publishers, smallStream: SMALL_STREAM },
    });
  }
  if (live) {
    const audience = groups.filter(({ g }) => g.role === 'audience' && g.count > 0 && g.receive !== 'audio-only' && g.receive !== 'none');
    const viewers = audience.reduce((n, x) => n + x.g.count, 0);
    if (audience.length && videoGroups.length)
      out.push({
        id: 'audience-audio-only',
        title: { en: `Audience audio-only (${viewers} viewers per session)`, zh: `观众仅接收音频（每场 ${viewers} 位观众）` },
        change: { kind: 'audio-only', groups: audience.map((x) => x.label) },
      });
  }
  return out;
}

/** The code literal a media lever changes: the one client site whose stated value the room's groups publish. */
function sourceOf(change: LeverChange, room: Room, logical: LogicalRoom | undefined): LeverSource | undefined {
  if (!logical || logical.origin !== 'code' || (change.kind !== 'camera' && change.kind !== 'screen')) return undefined;
  const fact = change.kind;
  const values = room.participants.filter((g, i) => change.groups.includes(groupLabel(g, i))).map((g) => g.publish[fact]);
  const from = values[0];
  if (!from || values.some((v) => !sameRes(v, from))) return undefined;
  const matches: { site: CallSite; range: SourceRange; file: string }[] = [];
  for (const site of logical.sites) {
    const f = site.detected[fact];
    const p = f.provenance;
    if (f.value === undefined || f.candidates?.length || p.kind !== 'explicit' || !sameRes(f.value, from)) continue;
    matches.push({ site, range: p.range, file: p.file ?? site.file });
  }
  const distinct = new Set(matches.map((m) => `${m.file}:${m.range.start.line}:${m.range.start.character}`));
  // Two places stating the value: changing one literal would not give the lever's effect.
  if (distinct.size !== 1) return undefined;
  const m = matches[0];
  return { file: m.file, range: m.range, fact, from, to: orient(change.to, from) };
}

/**
 * The room's savings levers, most saving first: each change that applies, estimated with the same engine as the
 * room (estimateRoomAlone under `settings`), kept when it saves something. Never throws; a change the engine
 * cannot estimate is left out.
 */
export function roomLevers(room: Room, settings: ProjectSettings, options: LeverOptions = {}): Lever[] {
  const base = estimateRoomAlone(room, undefined, settings);
  if (!base.ok) return [];
  const currency = base.bill.currency;
  const out: Lever[] = [];
  for (const c of candidates(room)) {
    const changed = applyChange(room, settings.payment, c.change);
    const after = estimateRoomAlone(changed.room, undefined, settings);
    if (!after.ok) continue;
    const effect = new D(after.cost.monthly).minus(base.cost.monthly);
    if (!effect.isNegative() || effect.isZero()) continue;
    const lever: Lever = {
      id: c.id,
      title: c.title,
      change: c.change,
      basis: 'list',
      before: base.cost.monthly,
      after: after.cost.monthly,
      monthlyEffect: effect.toFixed(),
      currency,
    };
    const where = sourceOf(c.change, room, options.logical);
    if (where) lever.where = where;
    out.push(lever);
  }
  const pkg = packageLever(room, settings, base.bill.total, base.bill.period.start, currency);
  if (pkg) out.push(pkg);
  out.sort((a, b) => new D(a.monthlyEffect).comparedTo(b.monthlyEffect) || a.id.localeCompare(b.id));
  return out.slice(0, options.limit ?? 4);
}

/** The monthly package that saves most on the amount payable, among those the tariff sells for this app's product. */
function packageLever(room: Room, settings: ProjectSettings, total: string, periodStart: string, currency: Currency): Lever | undefined {
  const scenario = { version: 1 as const, tariff: settings.tariff, rooms: [room], ...(settings.payment ? { payment: settings.payment } : {}) };
  let best: Lever | undefined;
  let editions: ReturnType<typeof editionCandidates>;
  try {
    editions = editionCandidates(scenario, periodStart);
  } catch {
    return undefined;
  }
  for (const e of editions) {
    const change: LeverChange = { kind: 'package', package: e.spec };
    const changed = applyChange(room, settings.payment, change);
    const after = estimateRoomAlone(changed.room, undefined, { ...settings, payment: changed.payment });
    if (!after.ok) continue;
    const effect = new D(after.bill.total).minus(total);
    if (!effect.isNegative() || effect.isZero() || (best && !effect.lt(best.monthlyEffect))) continue;
    best = {
      id: 'package',
      title: { en: `Buy the ${e.edition.name.en} monthly package`, zh: `购买 ${e.edition.name.zh} 月套餐` },
      change,
      basis: 'payable',
      before: total,
      after: after.bill.total,
      monthlyEffect: effect.toFixed(),
      currency,
    };
  }
  return best;
}

/**
 * The code text that states `to` where `text` states `from` (the literal at a lever's `where`), or undefined when the
 * text is not one the rewrite understands. Understood: a profile string ('1080p'), an enum name ending in the two
 * sides (TRTC_VIDEO_RESOLUTION_1920_1080, TRTCVideoResolution_1920_1080), and text with each side written once as
 * a number ({ width: 1920, height: 1080 }, "1920x1080").
 */
export function resolutionLiteral(text: string, from: Resolution, to: Resolution): string | undefined {
  const fBig = Math.max(from.width, from.height);
  const fSmall = Math.min(from.width, from.height);
  const tBig = Math.max(to.width, to.height);
  const tSmall = Math.min(to.width, to.height);
  if (fBig === fSmall || tBig === tSmall || text.length > 400) return undefined;
  const profile = /^(['"`])(\d{3,4})p\1$/.exec(text);
  if (profile) return Number(profile[2]) === fSmall ? `${profile[1]}${tSmall}p${profile[1]}` : undefined;
  const written = /^(['"`])(\d{2,4})(\s*[x×*]\s*)(\d{2,4})\1$/.exec(text);
  if (written) {
    const a = Number(written[2]);
    const b = Number(written[4]);
    if (!((a === fBig && b === fSmall) || (a === fSmall && b === fBig))) return undefined;
    return `${written[1]}${a === fBig ? tBig : tSmall}${written[3]}${b === fBig ? tBig : tSmall}${written[1]}`;
  }
  const enumName = /^([A-Za-z_$][\w$.]*?_)(\d{3,4})_(\d{3,4})$/.exec(text);
  if (enumName) {
    const a = Number(enumName[2]);
    const b = Number(enumName[3]);
    if (!((a === fBig && b === fSmall) || (a === fSmall && b === fBig))) return undefined;
    return `${enumName[1]}${a === fBig ? tBig : tSmall}_${b === fBig ? tBig : tSmall}`;
  }
  const numbers = [...text.matchAll(/(?<![\w.])\d+(?![\w.])/g)];
  const big = numbers.filter((m) => Number(m[0]) === fBig);
  const small = numbers.filter((m) => Number(m[0]) === fSmall);
  if (big.length !== 1 || small.length !== 1 || numbers.length !== 2) return undefined;
  return text.replace(/(?<![\w.])\d+(?![\w.])/g, (n) => String(Number(n) === fBig ? tBig : tSmall));
}
