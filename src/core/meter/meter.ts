// Metering: scenario room → seconds of usage per price key for one session, with the reasons.
// Pure and fast (plain integer seconds; money is not touched here).
//
// Time model: every participant joins at the start of the session and stays `minutesInRoom`
// (default: the whole session). A receiver gets a publisher's stream while both are present.

import type { Message, Text, Tier } from '../common';
import type { Codec, MixTranscodingSpec, ParticipantGroup, PublishSpec, ReceiveSpec, RecordingSpec, RelaySpec, Resolution, Room } from '../scenario/types';
import type { DurationBook, MixingBook, RecordingBook } from '../tariff/books';
import { books } from '../tariff/books';
import { fmtInt, resText, tierName } from '../common';

/** Above this aggregate pixel area the international book defines no tier: billed as 4K with a warning. */
const AGGREGATE_MAX = (): number => books().aggregateMaxPixels;

export interface MeterContext {
  duration: DurationBook;
  /** null: recording cannot be estimated under the applicable rules (a warning says why). */
  recording: RecordingBook | null;
  mixing: MixingBook | null;
  robotsBilled: boolean;
  /** Third-party CDN relay: by duration (newer international accounts), by peak bandwidth, or unpriced (null). Default: bandwidth. */
  relay?: 'duration' | 'bandwidth' | null;
}

/** A sentence saying why a key has its seconds, rendered on demand for the room it is given (most are never shown). */
export type Reason = (roomName: string) => Text;

/** What the room limits read of a room's groups (the same for every room of a shape). */
export interface People {
  total: number;
  /** Members who publish a camera, a screen or audio. */
  publishers: number;
  audience: number;
  anchors: number;
}

export interface RoomUsage {
  /** The room's name, which its reasons are rendered with. */
  name: string;
  /** Seconds per price key for one session. */
  perSession: Map<string, number>;
  /** Why each key has the seconds it has: `reason(name)`. Rooms alike share their audio/video reasons. */
  reasons: Map<string, Reason[]>;
  /** Monthly third-party relay peak (Mbps). */
  relayPeakMbps: number;
  relayTencent: boolean;
  mainTier: Tier;
  warnings: Message[];
  people: People;
}

const seconds = (minutes: number): number => Math.round(minutes * 60);

/** The tier of a pixel area: the first tier whose bound holds it; above the last bound, the last tier. */
export function tierFor(tiers: readonly { tier: Tier; maxPixels: number | null }[], pixels: number): Tier {
  if (pixels <= 0) return 'audio';
  for (const t of tiers) {
    if (t.tier === 'audio') continue;
    if (t.maxPixels === null || pixels <= t.maxPixels) return t.tier;
  }
  return tiers[tiers.length - 1].tier;
}

const groupLabel = (g: ParticipantGroup, i: number): string => g.name ?? `group ${i + 1}`;

/** The groups detection names (assumptions.ts) read in Chinese as what they are; a user's own name is quoted. */
const ZH_GROUP_NAMES: Readonly<Record<string, string>> = { participants: '参与者', anchors: '主播', audience: '观众' };
const zhGroupLabel = (g: ParticipantGroup, i: number): string =>
  g.name === undefined ? `第 ${i + 1} 组成员` : Object.hasOwn(ZH_GROUP_NAMES, g.name) ? ZH_GROUP_NAMES[g.name] : `「${g.name}」成员`;

const publishesAudio = (g: ParticipantGroup): boolean => g.publish.audio ?? g.role === 'anchor';

/**
 * The streams a receiver with a selective spec ("audio-only", "none", or {from, stream, screen}) gets,
 * sorted by end time. Counts are whole groups; the receiver's own member is discounted by the caller.
 */
function receivedStreams(room: Room, receiverIndex: number): Published[] {
  const spec = room.participants[receiverIndex].receive;
  if (spec === 'audio-only' || spec === 'none' || spec === 'all') return [];
  const fromNames = new Set(spec.from);
  const wantSmall = spec.stream === 'small';
  const wantScreen = spec.screen !== false;
  const streams: Published[] = [];
  room.participants.forEach((g, gi) => {
    if (!fromNames.has(groupLabel(g, gi))) return;
    const secs = seconds(g.minutesInRoom ?? room.minutesPerSession);
    if (secs <= 0) return;
    const camera = g.publish.camera;
    if (camera) {
      const small = wantSmall && g.publish.smallStream ? g.publish.smallStream : undefined;
      const res = small ?? camera;
      streams.push({ group: gi, kind: small ? 'small' : 'camera', res, pixels: res.width * res.height, count: g.count, seconds: secs });
    }
    if (g.publish.screen && wantScreen) {
      const res = g.publish.screen;
      streams.push({ group: gi, kind: 'screen', res, pixels: res.width * res.height, count: g.count, seconds: secs });
    }
  });
  return streams.sort((x, y) => x.seconds - y.seconds);
}

/** Reasons are built lazily: a room with many groups adds thousands of contributions, few are shown. */
const MAX_REASONS_PER_KEY = 3;

/** Seconds and reasons by key: a room's, or a part of them that rooms alike share. */
type Sums = Pick<RoomUsage, 'perSession' | 'reasons'>;

/** A room's recording and mixing (rooms alike share them): warnings worded for each room when it is given the part. */
interface Part extends Sums {
  warnings: { code: string; text: Reason }[];
}

function warnPart(part: Part, code: string, text: Reason): void {
  if (!part.warnings.some((w) => w.code === code)) part.warnings.push({ code, text });
}

/** Adds seconds to a key; returns whether the key still wants a reason (so callers build closures only then). */
function add(usage: Sums, key: string, secs: number): boolean {
  if (secs <= 0) return false;
  usage.perSession.set(key, (usage.perSession.get(key) ?? 0) + secs);
  return (usage.reasons.get(key)?.length ?? 0) < MAX_REASONS_PER_KEY;
}

/**
 * Audio/video seconds of one room while its receivers are metered: thousands of additions to six keys, kept in
 * plain arrays (a Map update per addition was the main cost) and written to `perSession` once by `flushAv`.
 * A key enters `perSession` on its first addition, so the map keeps the order of first use.
 */
interface AvAcc {
  part: AvPart;
  secs: number[];
  reasons: number[];
}

/**
 * A room's audio/video seconds, reasons and warnings (its receivers and recording robots): the same for every room of
 * a shape with the same robots, so worked out once for them and given each room's name only when rendered.
 */
interface AvPart {
  perSession: Map<string, number>;
  reasons: Map<string, Reason[]>;
  warnings: { code: string; text: Reason }[];
  mainTier: Tier;
  /** The entries of the part: the first room of the part takes its maps and adds its other keys after these. */
  size: number;
  reasonsSize: number;
  taken: boolean;
}

/**
 * A room's recording and mixing part, as the first room of a shape with those settings has it: the entries
 * from `at` to `end` of its maps (its A/V keys come before, its other keys after), and the warnings.
 */
interface RecMixPart {
  from: Sums;
  at: number;
  end: number;
  reasonsAt: number;
  reasonsEnd: number;
  warnings: { code: string; text: Reason }[];
}

const TIER_INDEX: Record<Tier, number> = { audio: 0, SD: 1, HD: 2, FHD: 3, '2K': 4, '4K': 5 };
const AV_KEYS = ['av.audio', 'av.SD', 'av.HD', 'av.FHD', 'av.2K', 'av.4K'] as const;

function avAcc(): AvAcc {
  return {
    part: { perSession: new Map(), reasons: new Map(), warnings: [], mainTier: 'audio', size: 0, reasonsSize: 0, taken: false },
    secs: [0, 0, 0, 0, 0, 0],
    reasons: [0, 0, 0, 0, 0, 0],
  };
}

/** `add` for an audio/video key (by tier index). */
function addAv(acc: AvAcc, t: number, secs: number): boolean {
  if (secs <= 0) return false;
  if (acc.secs[t] === 0 && !acc.part.perSession.has(AV_KEYS[t])) acc.part.perSession.set(AV_KEYS[t], 0);
  acc.secs[t] += secs;
  return acc.reasons[t] < MAX_REASONS_PER_KEY;
}

/** `because` for an audio/video key (by tier index). */
function becauseAv(acc: AvAcc, t: number, reason: Reason): void {
  acc.reasons[t]++;
  const list = acc.part.reasons.get(AV_KEYS[t]);
  if (list) list.push(reason);
  else acc.part.reasons.set(AV_KEYS[t], [reason]);
}

function flushAv(acc: AvAcc): void {
  const part = acc.part;
  for (let t = 0; t < 6; t++) if (part.perSession.has(AV_KEYS[t])) part.perSession.set(AV_KEYS[t], acc.secs[t]);
  // The main tier: the video tier with the most seconds, for one-word summaries.
  let best = 0;
  part.perSession.forEach((secs, key) => {
    if (secs > best && key !== 'av.audio') {
      best = secs;
      part.mainTier = key.slice(3) as Tier;
    }
  });
}

function because(usage: Sums, key: string, reason: Reason): void {
  const list = usage.reasons.get(key);
  if (list) list.push(reason);
  else usage.reasons.set(key, [reason]);
}

const mins = (secs: number): string => fmtInt(secs / 60);

/** How explanations name a receiving group; undefined is the recording robot. */
const whoText = (group: ParticipantGroup | undefined, index: number): Text =>
  group ? { en: `"${groupLabel(group, index)}"`, zh: zhGroupLabel(group, index) } : { en: 'recording robot(s)', zh: '录制机器人' };

/** Time in the room without video: billed as audio. */
function addNoVideo(acc: AvAcc, members: number, secs: number, always: boolean, group: ParticipantGroup | undefined, index: number): void {
  if (addAv(acc, 0, members * secs)) becauseAv(acc, 0, noVideoReason(members, secs, always, group, index));
}

// The reasons are built by functions of their own: a closure written inline in a hot loop makes V8 allocate its
// captured variables for every iteration, wanted or not (the main cost of metering 1,000 rooms). Rooms alike share
// them (`avPart`), so the words after the room's name are built once and kept.
function noVideoReason(members: number, secs: number, always: boolean, group: ParticipantGroup | undefined, index: number): Reason {
  let tail: Text | undefined;
  return (roomName) => {
    if (!tail) {
      const who = whoText(group, index);
      tail = always
        ? {
            en: `: ${members} × ${who.en} receive no video → audio, ${mins(secs)} min each`,
            zh: `：${members} 个${who.zh}未接收视频 → 音频，每人 ${mins(secs)} 分钟`,
          }
        : {
            en: `: ${members} × ${who.en} in the room without video for ${mins(secs)} min → audio`,
            zh: `：${members} 个${who.zh}无视频在房时长 ${mins(secs)} 分钟 → 音频`,
          };
    }
    return named(roomName, tail);
  };
}

/** A room's sentence: its name, then the words kept for rooms alike. */
const named = (roomName: string, tail: Text): Text => ({ en: `"${roomName}"${tail.en}`, zh: `「${roomName}」${tail.zh}` });

/**
 * A received-video step's reason: who receives (and in which room) before the step's own words. Rooms alike share the
 * plans (the plan memo), so those words are built once per step and receiver, not once per room.
 */
function stepReason(members: number, group: ParticipantGroup | undefined, self: number, streams: readonly Published[], st: Step): Reason {
  let tail: Text | undefined;
  return (roomName) => {
    if (!tail) {
      const who = whoText(group, self);
      const body = stepBody(st, streams, self);
      tail = { en: `: ${members} × ${who.en}${body.en}`, zh: `：${members} 个${who.zh}${body.zh}` };
    }
    return named(roomName, tail);
  };
}

/** The words of a 'stream' or 'moment' step after who receives; they depend on the step, its streams and the receiver's own group. */
function stepBody(st: Step, streams: readonly Published[], self: number): Text {
  if (st.body && st.bodySelf === self) return st.body;
  let body: Text;
  if (st.kind === 'stream') {
    const s = streams[st.stream];
    const kind =
      s.kind === 'screen' ? { en: ' screen share', zh: ' 屏幕分享' } : s.kind === 'small' ? { en: ' small stream', zh: ' 小流' } : { en: '', zh: '' };
    body = {
      en:
        ` each receive ${st.multiplicity} × ${resText(s.res)}${kind.en} (${fmtInt(s.pixels)} px per stream) → ` +
        `${tierName(st.tier).en}, each stream billed separately, ${mins(st.overlap)} min`,
      zh: `各接收 ${st.multiplicity} 路 ${resText(s.res)}${kind.zh}（每路 ${fmtInt(s.pixels)} 像素）→ ${tierName(st.tier).zh}，每路单独计费，${mins(st.overlap)} 分钟`,
    };
  } else {
    const text = streamText(streams.slice(st.from), self);
    body = {
      en: ` each receive ${text.en} = ${fmtInt(st.pixels)} px → ${tierName(st.tier).en} under aggregate metering, ${mins(st.segment)} min`,
      zh: `各接收 ${text.zh} = ${fmtInt(st.pixels)} 像素 → 聚合分辨率${tierName(st.tier).zh}，${mins(st.segment)} 分钟`,
    };
  }
  st.body = body;
  st.bodySelf = self;
  return body;
}

/** "2 × 1280×720 + 1920×1080 screen", from the streams live at one moment. */
const streamText = (streams: readonly Published[], self: number): Text => {
  const parts: Text[] = [];
  for (const s of streams) {
    const m = s.count - (s.group === self ? 1 : 0);
    if (m <= 0) continue;
    const n = m > 1 ? `${m} × ` : '';
    const kind = s.kind === 'screen' ? { en: ' screen', zh: ' 屏幕分享' } : s.kind === 'small' ? { en: ' small stream', zh: ' 小流' } : { en: '', zh: '' };
    parts.push({ en: `${n}${resText(s.res)}${kind.en}`, zh: `${n}${resText(s.res)}${kind.zh}` });
  }
  return { en: parts.map((p) => p.en).join(' + '), zh: parts.map((p) => p.zh).join(' + ') };
};

/** Video streams a receiver may get, sorted by when they end (seconds from the session start). */
interface Published {
  group: number;
  kind: 'camera' | 'small' | 'screen';
  res: Resolution;
  pixels: number;
  /** Members of the source group sending this stream (the receiver's own member is discounted via `self`). */
  count: number;
  seconds: number;
}

/** suffix[i] = pixels of every stream from index i on, each × its count. */
function suffixPixels(streams: readonly Published[]): number[] {
  const suffix: number[] = new Array(streams.length);
  for (let i = streams.length - 1, sum = 0; i >= 0; i--) suffix[i] = sum += streams[i].pixels * streams[i].count;
  return suffix;
}

/**
 * What one member of a receiver group is billed, step by step: what `meterReceiver` adds for each member. It
 * depends only on the streams, the receiver's own streams (`self`) and its time in the room, so receivers that
 * share those share one plan (a room of 50 one-person groups has a few dozen distinct ones).
 */
interface Step {
  /** 'none': time without video (audio); 'stream': one received stream (per-stream books); 'moment': a stretch of the aggregate. */
  kind: 'none' | 'stream' | 'moment';
  tier: Tier;
  /** TIER_INDEX[tier]. */
  t: number;
  /** Seconds per receiving member. */
  perMember: number;
  /** 'none': billed as "receives no video" (never any video), else "in the room without video". */
  always: boolean;
  /** 'stream': the stream (its index in the list), how many of it are received, for how long. */
  stream: number;
  multiplicity: number;
  overlap: number;
  /** 'moment': the streams live (from `from` on in the list), their pixels, the stretch length. */
  from: number;
  pixels: number;
  segment: number;
  /** A warning is due at this step (above FHD per stream, above 4K aggregate). */
  warn: boolean;
  /** The words of its reason after who receives (`stepBody`), for the receiver group `bodySelf`. */
  body: Text | undefined;
  bodySelf: number;
}

/** Plans of one stream list, by the receiver's own-stream key and then its seconds in the room. */
type PlanMemo = Map<number, Map<number, Plan>>;

/** A receiver's steps, and their seconds per member summed by tier (for receivers that want no more reasons). */
interface Plan {
  steps: Step[];
  /** Tier indexes the steps add to, in the order they first do. */
  tiers: number[];
  /** Seconds per member for each of `tiers`. */
  totals: number[];
  /** Some step may warn. */
  warns: boolean;
}

function planOf(steps: Step[]): Plan {
  const tiers: number[] = [];
  const totals: number[] = [];
  let warns = false;
  for (const st of steps) {
    const at = tiers.indexOf(st.t);
    if (at < 0) {
      tiers.push(st.t);
      totals.push(st.perMember);
    } else totals[at] += st.perMember;
    if (st.warn) warns = true;
  }
  return { steps, tiers, totals, warns };
}

/**
 * Plans by what the streams of a room are (rooms alike share them), for one metering context: one
 * `meterScenario` run, so the cache goes with it.
 */
const plansByContext = new WeakMap<MeterContext, Map<string, PlanMemo>>();

/** Everything of a stream list a plan reads (and its reasons word): rooms with the same text have the same plans. */
function streamsKey(streams: readonly Published[]): string {
  let key = '';
  for (const s of streams) key += `${s.group},${s.kind},${s.res.width}x${s.res.height},${s.count},${s.seconds};`;
  return key;
}

function planMemo(ctx: MeterContext, streams: readonly Published[]): PlanMemo {
  let byStreams = plansByContext.get(ctx);
  if (!byStreams) plansByContext.set(ctx, (byStreams = new Map()));
  const key = streamsKey(streams);
  let memo = byStreams.get(key);
  if (!memo) byStreams.set(key, (memo = new Map()));
  return memo;
}

const step = (kind: Step['kind'], tier: Tier, perMember: number): Step => ({
  kind,
  tier,
  t: TIER_INDEX[tier],
  perMember,
  always: false,
  stream: 0,
  multiplicity: 0,
  overlap: 0,
  from: 0,
  pixels: 0,
  segment: 0,
  warn: false,
  body: undefined,
  bodySelf: 0,
});

function receiverPlan(book: DurationBook, streams: readonly Published[], suffix: readonly number[], self: number, own: number): Step[] {
  const plan: Step[] = [];
  if (book.metering === 'per-stream') {
    // Each received stream billed at its own tier; minutes add up across streams.
    let videoSeconds = 0;
    for (let si = 0; si < streams.length; si++) {
      const s = streams[si];
      const multiplicity = s.count - (s.group === self ? 1 : 0);
      const overlap = Math.min(own, s.seconds);
      if (multiplicity <= 0 || overlap <= 0) continue;
      const st = step('stream', tierFor(book.tiers, s.pixels), multiplicity * overlap);
      st.stream = si;
      st.multiplicity = multiplicity;
      st.overlap = overlap;
      st.warn = s.pixels > 2_073_600 && book.tiers[book.tiers.length - 1].maxPixels === null;
      plan.push(st);
      if (overlap > videoSeconds) videoSeconds = overlap;
    }
    if (own > videoSeconds) {
      const st = step('none', 'audio', own - videoSeconds);
      st.always = videoSeconds === 0;
      plan.push(st);
    }
    return plan;
  }
  // Aggregate: one tier per user per moment from the sum of received pixels; minutes counted once.
  let selfPixels = 0;
  for (const s of streams) if (s.group === self) selfPixels += s.pixels;
  let t = 0;
  let i = 0;
  let sawVideo = false;
  while (t < own) {
    while (i < streams.length && streams[i].seconds <= t) i++;
    const end = i < streams.length ? Math.min(streams[i].seconds, own) : own;
    // The receiver's own group is present until `own`, so its one member's streams are live throughout.
    const pixels = (i < streams.length ? suffix[i] : 0) - selfPixels;
    const segment = end - t;
    if (pixels <= 0) {
      const st = step('none', 'audio', segment);
      st.always = !sawVideo && end === own;
      plan.push(st);
    } else {
      sawVideo = true;
      const st = step('moment', tierFor(book.tiers, pixels), segment);
      st.from = i;
      st.pixels = pixels;
      st.segment = segment;
      st.warn = pixels > AGGREGATE_MAX();
      plan.push(st);
    }
    t = end;
  }
  return plan;
}

/** The plan of a receiver of a memo's stream list (rooms alike share it). */
function memoPlan(book: DurationBook, memo: PlanMemo, streams: readonly Published[], suffix: readonly number[], self: number, own: number): Plan {
  // What the plan depends on besides `own`: per stream, which group's member is discounted; aggregate, the pixels discounted.
  let key = -1;
  if (book.metering === 'per-stream') {
    for (const s of streams) if (s.group === self) key = self;
  } else {
    key = 0;
    for (const s of streams) if (s.group === self) key += s.pixels;
  }
  let byOwn = memo.get(key);
  if (!byOwn) memo.set(key, (byOwn = new Map()));
  let found = byOwn.get(own);
  if (!found) byOwn.set(own, (found = planOf(receiverPlan(book, streams, suffix, self, own))));
  return found;
}

/**
 * Audio/video duration for one receiver group (also used for robots). `streams` are sorted by end
 * time; `self` is the receiver's own group, whose one member (the receiver) is not received (-1: none).
 * Runs in time linear in the streams; with a memo (receivers sharing one stream list), once per distinct plan.
 */
function meterReceiver(
  acc: AvAcc,
  ctx: MeterContext,
  streams: readonly Published[],
  self: number,
  members: number,
  own: number,
  /** The receiving group (for wording only); undefined for recording robots. */
  group: ParticipantGroup | undefined,
  /** What one member is billed (`receiverPlan` of these streams, `self` and `own`). */
  plan: Plan,
): void {
  if (own <= 0 || members <= 0) return;
  const book = ctx.duration;
  // Every key the plan adds to has all its reasons (so is in the map already) and nothing may warn: the steps would
  // only add seconds, and whole seconds add up the same in one sum per tier.
  if (!plan.warns && Number.isSafeInteger(members)) {
    let done = true;
    for (let k = 0; k < plan.tiers.length && done; k++) {
      if (acc.reasons[plan.tiers[k]] < MAX_REASONS_PER_KEY || !Number.isSafeInteger(acc.secs[plan.tiers[k]] + members * plan.totals[k])) done = false;
    }
    if (done) {
      for (let k = 0; k < plan.tiers.length; k++) acc.secs[plan.tiers[k]] += members * plan.totals[k];
      return;
    }
  }
  for (const st of plan.steps) {
    if (st.kind === 'none') {
      addNoVideo(acc, members, st.perMember, st.always, group, self);
    } else if (st.kind === 'stream') {
      if (st.warn) warnAboveFhd(acc, book, streams[st.stream].res);
      if (addAv(acc, st.t, members * st.multiplicity * st.overlap)) becauseAv(acc, st.t, stepReason(members, group, self, streams, st));
    } else {
      if (st.warn) warnAbove4k(acc, group, self, st.pixels);
      if (addAv(acc, st.t, members * st.segment)) becauseAv(acc, st.t, stepReason(members, group, self, streams, st));
    }
  }
}

/** A warning of the audio/video part, worded for each room when it is given the part. */
function warnAv(acc: AvAcc, code: string, text: Reason): void {
  if (!acc.part.warnings.some((w) => w.code === code)) acc.part.warnings.push({ code, text });
}

function warnAboveFhd(acc: AvAcc, book: DurationBook, res: Resolution): void {
  warnAv(acc, 'per-stream-above-fhd', (roomName) => ({
    en:
      `"${roomName}": ${resText(res)} is above 1080p; the ${book.region === 'mainland' ? 'mainland' : 'legacy'} per-stream book has no 2K/4K tier, so it ` +
      `is billed as FHD (not verified for this resolution).`,
    zh: `「${roomName}」：${resText(res)} 高于 1080p；${book.region === 'mainland' ? '中国站' : '旧版'}按单路流计费没有 2K/4K 档位，按全高清计费（该分辨率未经核实）。`,
  }));
}

function warnAbove4k(acc: AvAcc, group: ParticipantGroup | undefined, self: number, pixels: number): void {
  warnAv(acc, 'aggregate-above-4k', (roomName) => ({
    en:
      `"${roomName}": ${whoText(group, self).en} receive ${fmtInt(pixels)} px each, more than 4096×2160 (${fmtInt(AGGREGATE_MAX())}); the price book ` +
      `does not define this, billed as 4K.`,
    zh: `「${roomName}」：${whoText(group, self).zh}每人接收 ${fmtInt(pixels)} 像素，超过 4096×2160（${fmtInt(AGGREGATE_MAX())}）；价目表未定义此情况，按 4K 计费。`,
  }));
}

function warnOnce(usage: RoomUsage, code: string, text: () => Text): void {
  if (!usage.warnings.some((w) => w.code === code)) usage.warnings.push({ code, text: text() });
}

interface Input {
  res: Resolution | null; // null: audio-only input
  count: number;
  seconds: number;
}

/** Streams published into the room: each camera (with its audio) or screen is one input; audio-only publishers are audio inputs. */
function publishedInputs(room: Room, audioOnly: boolean): Input[] {
  const inputs: Input[] = [];
  room.participants.forEach((g) => {
    const secs = seconds(g.minutesInRoom ?? room.minutesPerSession);
    if (secs <= 0) return;
    const cam = audioOnly ? null : (g.publish.camera ?? null);
    if (cam) inputs.push({ res: cam, count: g.count, seconds: secs });
    else if (publishesAudio(g)) inputs.push({ res: null, count: g.count, seconds: secs });
    if (!audioOnly && g.publish.screen) inputs.push({ res: g.publish.screen, count: g.count, seconds: secs });
  });
  return inputs;
}

const pixelsOf = (r: Resolution | null): number => (r ? r.width * r.height : 0);

/** Video pixels one member publishes (camera and screen). */
const videoPixels = (g: ParticipantGroup): number => pixelsOf(g.publish.camera ?? null) + pixelsOf(g.publish.screen ?? null);

/** Input streams one member adds to a mix: the camera (with its audio) or the audio alone, and the screen. */
const inputStreams = (g: ParticipantGroup): number => (g.publish.camera || publishesAudio(g) ? 1 : 0) + (g.publish.screen ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Presence: value-added services bill what is mixed or recorded at each moment (47631, 45176).

/** A group with the seconds it stays (everyone joins at the start; at most the session). */
interface Present {
  group: ParticipantGroup;
  index: number;
  seconds: number;
}

/** A stretch of the session during which the same groups are present: `order[first…]` (the departure order). */
interface Stretch {
  start: number;
  end: number;
  first: number;
}

/** Who is present when: the groups by when they leave, and the stretches between departures, in time order. */
interface Presence {
  order: Present[];
  stretches: Stretch[];
  /** suffixSum(order, recordedPixels), once needed. */
  recorded?: number[];
  /** suffixSum(order, mixInputs) and suffixSum(order, mixAudioOnly), once needed. */
  mixInputs?: number[];
  mixAudioOnly?: number[];
  /** presentText by stretch (its `first`) and audio-only, once worded (the rooms of a shape share them). */
  texts?: Map<number, Text>;
}

/** The groups by when they leave, and the stretches between departures, in time order (empty stretches dropped). */
function presence(room: Room, session: number): Presence {
  const order: Present[] = [];
  room.participants.forEach((group, index) => {
    const secs = Math.min(seconds(group.minutesInRoom ?? room.minutesPerSession), session);
    if (secs > 0) order.push({ group, index, seconds: secs });
  });
  order.sort((a, b) => a.seconds - b.seconds);
  const stretches: Stretch[] = [];
  let start = 0;
  for (let first = 0; first <= order.length; first++) {
    const end = first < order.length ? order[first].seconds : session;
    if (end > start) stretches.push({ start, end, first });
    start = Math.max(start, end);
  }
  return { order, stretches };
}

/** suffix[i] = Σ f(order[j]) for j ≥ i (suffix[order.length] = 0). */
function suffixSum(order: readonly Present[], f: (p: Present) => number): number[] {
  const out = new Array<number>(order.length + 1);
  out[order.length] = 0;
  for (let i = order.length - 1; i >= 0; i--) out[i] = out[i + 1] + f(order[i]);
  return out;
}

/** "2 × 1280×720 + 1 × audio" for the groups present in a stretch. */
function presentText(p: Presence, first: number, audioOnly: boolean): Text {
  const key = 2 * first + (audioOnly ? 1 : 0);
  const known = p.texts?.get(key);
  if (known) return known;
  const text = presentWords(p.order, first, audioOnly);
  (p.texts ??= new Map()).set(key, text);
  return text;
}

function presentWords(order: readonly Present[], first: number, audioOnly: boolean): Text {
  const en: string[] = [];
  const zh: string[] = [];
  // In the scenario's group order (the departure order is an implementation detail).
  for (const { group: g } of order.slice(first).sort((a, b) => a.index - b.index)) {
    const cam = audioOnly ? null : (g.publish.camera ?? null);
    if (cam) {
      en.push(`${g.count} × ${resText(cam)}`);
      zh.push(`${g.count} 路 ${resText(cam)}`);
    } else if (publishesAudio(g)) {
      en.push(`${g.count} × audio`);
      zh.push(`${g.count} 路音频`);
    }
    if (!audioOnly && g.publish.screen) {
      en.push(`${g.count} × ${resText(g.publish.screen)} screen`);
      zh.push(`${g.count} 路 ${resText(g.publish.screen)} 屏幕分享`);
    }
  }
  return { en: en.join(' + ') || 'nothing', zh: zh.join(' + ') || '无' };
}

const RECORDING_KEY: Record<Tier, string> = {
  audio: 'recording.audio',
  SD: 'recording.SD',
  HD: 'recording.HD',
  FHD: 'recording.FHD',
  '2K': 'recording.2K',
  '4K': 'recording.4K',
};

const recordedPixels = (p: Present): number => videoPixels(p.group) * p.group.count;

// Built outside the loop over stretches, so an iteration allocates nothing unless its reason is wanted.
function perTaskReason(p: Presence, st: Stretch, audioOnly: boolean, pixels: number, tier: Tier, tasks: number, formats: number, recTasks: number): Reason {
  return (name) => {
    const secs = st.end - st.start;
    const what = presentText(p, st.first, audioOnly);
    return {
      en:
        `"${name}": recording billed per task by the aggregate resolution recorded: minute ${mins(st.start)}–${mins(st.end)} records ${what.en} = ` +
        `${fmtInt(pixels)} px → ${tierName(tier).en}, ${mins(secs)} min × ${tasks} ` +
        `task(s)${formats > 1 ? ` (${recTasks} × ${formats} file formats, each billed separately)` : ''}`,
      zh:
        `「${name}」：录制按任务计费，按录制内容聚合分辨率：第 ${mins(st.start)}–${mins(st.end)} 分钟录制 ${what.zh} = ${fmtInt(pixels)} 像素 → ` +
        `${tierName(tier).zh}，${mins(secs)} 分钟 × ${tasks} 个任务${formats > 1 ? `（${recTasks} × ${formats} 种文件格式，分别计费）` : ''}`,
    };
  };
}

type PresenceOf = () => Presence;

function meterRecording(usage: Part, ctx: MeterContext, room: Room, present: PresenceOf, inputsOf: (audioOnly: boolean) => Input[]): void {
  const rec = room.recording;
  const book = ctx.recording;
  if (!rec || !book) return;
  // Each output file format is billed as a recording of its own (45176, the international per-task rules).
  const formats = rec.formats ? new Set(rec.formats).size : 1;
  const perFormat = book.rules === 'intl-2022-per-task';
  if (formats > 1 && !perFormat) {
    warnPart(usage, 'recording-formats-unknown', (name) => ({
      en: `"${name}": ${formats} recording formats; these rules do not say whether each format is billed separately: billed as one.`,
      zh: `「${name}」：${formats} 种录制格式；这些规则未说明每种格式是否分别计费：按一种计费。`,
    }));
  }
  const tasks = (rec.tasks ?? 1) * (perFormat ? formats : 1);
  const inputs = inputsOf(rec.content === 'audio-only');
  if (inputs.length === 0) return;
  const session = seconds(room.minutesPerSession);
  const mins = (s: number) => fmtInt(s / 60);
  const modeText = rec.mode === 'mixed' ? { en: 'mixed', zh: '合流' } : { en: 'single-stream', zh: '单流' };
  switch (book.rules) {
    case 'mainland-2022-per-input': {
      if (rec.mode === 'mixed' && inputs.every((i) => i.res === null)) {
        const secs = Math.max(...inputs.map((i) => i.seconds));
        if (add(usage, 'recording.mixed.audio', tasks * secs))
          because(usage, 'recording.mixed.audio', (name) => ({
            en: `"${name}": mixed recording of audio-only inputs is billed as one audio stream, ${mins(secs)} min × ${tasks} task(s)`,
            zh: `「${name}」：纯音频输入的合流录制按一路音频计费，${mins(secs)} 分钟 × ${tasks} 个任务`,
          }));
        return;
      }
      for (const input of inputs) {
        const tier = tierFor(book.tiers, pixelsOf(input.res));
        if (add(usage, `recording.${rec.mode}.${tier}`, tasks * input.count * input.seconds))
          because(usage, `recording.${rec.mode}.${tier}`, (name) => ({
            en:
              `"${name}": ${modeText.en} recording, each input stream billed: ${input.count} × ${input.res ? resText(input.res) : 'audio'} → ` +
              `${tierName(tier).en}, ${mins(input.seconds)} min × ${tasks} task(s)`,
            zh:
              `「${name}」：${modeText.zh}录制按每路输入流计费：${input.count} 路 ${input.res ? resText(input.res) : '音频'} → ${tierName(tier).zh}，${mins(input.seconds)} ` +
              `分钟 × ${tasks} 个任务`,
          }));
      }
      return;
    }
    case 'mainland-2020-per-output':
    case 'intl-2021-per-output': {
      if (rec.mode === 'single') {
        for (const input of inputs) {
          const tier = tierFor(book.tiers, pixelsOf(input.res));
          if (add(usage, `recording.${tier}`, tasks * input.count * input.seconds))
            because(usage, `recording.${tier}`, (name) => ({
              en:
                `"${name}": single-stream recording writes one file per stream: ${input.count} × ${input.res ? resText(input.res) : 'audio'} → ` +
                `${tierName(tier).en}, ${mins(input.seconds)} min`,
              zh: `「${name}」：单流录制每路流一个文件：${input.count} 路 ${input.res ? resText(input.res) : '音频'} → ${tierName(tier).zh}，${mins(input.seconds)} 分钟`,
            }));
        }
        return;
      }
      const videoInputs = inputs.filter((i) => i.res);
      const output = rec.output ?? (videoInputs.length ? videoInputs.reduce((a, b) => (pixelsOf(a.res) >= pixelsOf(b.res) ? a : b)).res : null);
      const tier = tierFor(book.tiers, pixelsOf(output));
      if (add(usage, `recording.${tier}`, tasks * session))
        because(usage, `recording.${tier}`, (name) => ({
          en: `"${name}": mixed recording writes one file at ${output ? resText(output) : 'audio only'}${
            rec.output ? '' : output ? ' (largest input; set ' + 'recording.output to change)' : ''
          } → ${tierName(tier).en}, ${mins(session)} min × ${tasks} task(s)`,
          zh:
            `「${name}」：合流录制输出一个 ${output ? resText(output) : '纯音频'} 文件${rec.output ? '' : output ? '（取最大输入分辨率；可设置 recording.output）' : ''} → ` +
            `${tierName(tier).zh}，${mins(session)} 分钟 × ${tasks} 个任务`,
        }));
      return;
    }
    case 'intl-2022-per-task': {
      // The tier follows what the task records at each moment (45176): the groups present then. A stretch
      // that records no video (or nothing: everyone left) is still billed as audio recording.
      const p = present();
      const { order, stretches } = p;
      const audioOnly = rec.content === 'audio-only';
      const recorded = audioOnly ? null : (p.recorded ??= suffixSum(order, recordedPixels));
      for (const st of stretches) {
        const pixels = recorded ? recorded[st.first] : 0;
        const secs = st.end - st.start;
        const tier = tierFor(book.tiers, pixels);
        if (add(usage, RECORDING_KEY[tier], tasks * secs))
          because(usage, RECORDING_KEY[tier], perTaskReason(p, st, audioOnly, pixels, tier, tasks, formats, rec.tasks ?? 1));
      }
      return;
    }
    case 'mainland-css-legacy':
      return;
  }
}

function meterMixing(usage: Part, ctx: MeterContext, room: Room, present: PresenceOf): void {
  const mix = room.mixTranscoding;
  const book = ctx.mixing;
  if (!book) return;
  const session = seconds(room.minutesPerSession);
  const mins = (s: number) => fmtInt(s / 60);
  if (book.rules === 'intl-input') meterH265Relay(usage, book, room, session);
  if (!mix) return;
  const codec = mix.codec ?? 'h264';
  const tasks = mix.tasks ?? 1;
  if (!book.prices[codec]) {
    warnPart(usage, 'mixing-price-missing', (name) => ({
      en: `"${name}": no ${codec.toUpperCase()} mix-transcoding price is published for these rules; mixing is not included in the estimate.`,
      zh: `「${name}」：这些规则下没有公布 ${codec.toUpperCase()} 混流转码价格；估算未包含混流费用。`,
    }));
    return;
  }
  if (book.rules === 'intl-input') {
    meterMixingByInput(usage, book, room, mix, codec, tasks, present);
    return;
  }
  const output = mix.output ?? null;
  const tier = tierFor(book.tiers, pixelsOf(output));
  if (add(usage, `mixing.${codec}.${tier}`, tasks * session))
    because(usage, `mixing.${codec}.${tier}`, (name) => ({
      en:
        `"${name}": mix-transcoding billed by output ${output ? resText(output) : 'audio only'} → ${tierName(tier).en}, ${mins(session)} min × ${tasks} ` +
        `task(s)`,
      zh: `「${name}」：混流转码按输出 ${output ? resText(output) : '纯音频'} 计费 → ${tierName(tier).zh}，${mins(session)} 分钟 × ${tasks} 个任务`,
    }));
}

/**
 * Input-based MixTranscoding (47631, from 2022-06-01): each task is billed, at every moment, by what it mixes
 * then, i.e. the inputs of the groups present: nothing while fewer than two inputs are present (the doc's solo
 * anchor), else the tier of the inputs' aggregate resolution, with the two rules that add a billable input:
 * - audio-only inputs mixed into a video output are billed as a black stream at the output resolution, once
 *   however many there are ("several audio-only inputs count once");
 * - an output of more than twice the aggregate input adds one input at the output resolution.
 */
const mixInputs = (p: Present): number => inputStreams(p.group) * p.group.count;
const mixAudioOnly = (p: Present): number => (!p.group.publish.camera && publishesAudio(p.group) ? p.group.count : 0);
const MIXING_KEY: Record<Codec, Record<Tier, string>> = { h264: mixingKeys('h264'), h265: mixingKeys('h265') };
function mixingKeys(codec: Codec): Record<Tier, string> {
  return {
    audio: `mixing.${codec}.audio`,
    SD: `mixing.${codec}.SD`,
    HD: `mixing.${codec}.HD`,
    FHD: `mixing.${codec}.FHD`,
    '2K': `mixing.${codec}.2K`,
    '4K': `mixing.${codec}.4K`,
  };
}

function warnMixingAboveTop(usage: Part, pixels: number, top: number, tier: Tier): void {
  warnPart(usage, 'mixing-above-top', (name) => ({
    en:
      `"${name}": the mixed inputs add up to ${fmtInt(pixels)} px, above the top tier's edge (${fmtInt(top)} px, 4096×2176); the price book does not ` +
      `define this, billed as ${tierName(tier).en}.`,
    zh: `「${name}」：混流输入合计 ${fmtInt(pixels)} 像素，超过最高档位上限（${fmtInt(top)} 像素，4096×2176）；价目表未定义此情况，按${tierName(tier).zh}计费。`,
  }));
}

function mixingStretchReason(
  p: Presence,
  st: Stretch,
  mix: MixTranscodingSpec,
  codec: Codec,
  black: boolean,
  extra: boolean,
  pixels: number,
  tier: Tier,
  tasks: number,
): Reason {
  return (name) => {
    const secs = st.end - st.start;
    const what = presentText(p, st.first, false);
    const res = mix.output ? resText(mix.output) : '';
    const added = [
      ...(black ? [{ en: ` + ${res} black stream for the audio-only input(s), counted once`, zh: ` + 纯音频输入按输出分辨率 ${res} 黑帧计一路` }] : []),
      ...(extra
        ? [{ en: ` + one extra input at the output ${res} (output above twice the input)`, zh: ` + 输出 ${res} 超过输入的 2 倍，额外计一路输出分辨率输入` }]
        : []),
    ];
    return {
      en:
        `"${name}": mix-transcoding billed by input: minute ${mins(st.start)}–${mins(st.end)} mixes ${what.en}${added.map((x) => x.en).join('')} = ` +
        `${fmtInt(pixels)} px → ${codec.toUpperCase()} ${tierName(tier).en}, ${mins(secs)} min × ${tasks} task(s)`,
      zh:
        `「${name}」：混流转码按输入计费：第 ${mins(st.start)}–${mins(st.end)} 分钟混合 ${what.zh}${added.map((x) => x.zh).join('')} = ${fmtInt(pixels)} 像素 → ` +
        `${codec.toUpperCase()} ${tierName(tier).zh}，${mins(secs)} 分钟 × ${tasks} 个任务`,
    };
  };
}

function meterMixingByInput(usage: Part, book: MixingBook, room: Room, mix: MixTranscodingSpec, codec: Codec, tasks: number, present: PresenceOf): void {
  const p = present();
  const { order, stretches } = p;
  const inputs = (p.mixInputs ??= suffixSum(order, mixInputs));
  const video = (p.recorded ??= suffixSum(order, recordedPixels));
  const audioOnly = (p.mixAudioOnly ??= suffixSum(order, mixAudioOnly));
  const output = mix.output ? pixelsOf(mix.output) : 0;
  const top = book.tiers[book.tiers.length - 1].maxPixels;
  let uncharged = 0;
  for (const st of stretches) {
    const secs = st.end - st.start;
    if (inputs[st.first] < 2) {
      uncharged += secs;
      continue;
    }
    let pixels = video[st.first];
    const black = output > 0 && audioOnly[st.first] > 0;
    if (black) pixels += output;
    const extra = output > 2 * pixels;
    if (extra) pixels += output;
    const tier = tierFor(book.tiers, pixels);
    if (top !== null && pixels > top) warnMixingAboveTop(usage, pixels, top, tier);
    const key = MIXING_KEY[codec]?.[tier] ?? `mixing.${codec}.${tier}`;
    if (add(usage, key, tasks * secs)) because(usage, key, mixingStretchReason(p, st, mix, codec, black, extra, pixels, tier, tasks));
  }
  if (uncharged > 0) {
    const list = usage.reasons.get('mixing.none') ?? [];
    list.push((name) => ({
      en: `"${name}": a mix task with a single input is not charged: ${mins(uncharged)} min per session with fewer than two inputs present`,
      zh: `「${name}」：只有一路输入的混流任务不收费：每场 ${mins(uncharged)} 分钟在场输入少于两路`,
    }));
    usage.reasons.set('mixing.none', list);
  }
  if (room.relay && codec !== 'h265' && room.participants.some((g) => g.role === 'anchor' && g.publish.codec === 'h265' && g.publish.camera)) {
    warnPart(usage, 'mixing-h265-host', (name) => ({
      en:
        `"${name}": an H.265 host is relayed to a CDN; 47631 says such a stream is transcoded at the H.265 price, but not what a ${codec.toUpperCase()} ` +
        `mix task of it pays: billed at the task's ${codec.toUpperCase()} price (not verified).`,
      zh: `「${name}」：H.265 主播被转推到 CDN；47631 说明此类流按 H.265 价格转码，但未说明其 ${codec.toUpperCase()} 混流任务如何计费：按任务的 ${codec.toUpperCase()} 价格计费（未经核实）。`,
    }));
  }
}

/**
 * 47631: a host publishing H.265 whose stream is relayed to a CDN (no mix task: each host's own stream) is
 * transcoded automatically and pays the H.265 MixTranscoding price, tier by that stream, while it is relayed.
 */
function meterH265Relay(usage: Part, book: MixingBook, room: Room, session: number): void {
  const relay = room.relay;
  if (!relay || room.mixTranscoding || !book.prices.h265) return;
  const cap = Math.min(relay.minutes !== undefined ? seconds(relay.minutes) : session, session);
  const target = relay.target === 'tencent-css' ? { en: 'Tencent CSS', zh: '腾讯云直播' } : { en: 'a third-party CDN', zh: '第三方 CDN' };
  for (const g of room.participants) {
    const cam = g.publish.camera;
    if (g.role !== 'anchor' || g.publish.codec !== 'h265' || !cam) continue;
    const secs = Math.min(seconds(g.minutesInRoom ?? room.minutesPerSession), cap);
    const tier = tierFor(book.tiers, pixelsOf(cam));
    const key = `mixing.h265.${tier}`;
    if (add(usage, key, g.count * secs))
      because(usage, key, (name) => ({
        en:
          `"${name}": ${g.count} × H.265 host ${resText(cam)} relayed to ${target.en} is transcoded automatically at the H.265 price → ` +
          `${tierName(tier).en}, ${fmtInt(secs / 60)} min each`,
        zh: `「${name}」：${g.count} 位 H.265 主播 ${resText(cam)} 转推到${target.zh}时自动转码，按 H.265 价格计费 → ${tierName(tier).zh}，每人 ${fmtInt(secs / 60)} 分钟`,
      }));
  }
}

/** Web page recording: output minutes at the tier of the output resolution (edges from the tariff data). */
function meterWebRecording(usage: RoomUsage, room: Room): void {
  const web = room.webRecording;
  if (!web) return;
  const pixels = web.output.width * web.output.height;
  const entry = books().servicesIntl.webRecording.find((p) => pixels <= p.maxPixels!);
  if (!entry) {
    const list = books().servicesIntl.webRecording;
    const top = list[list.length - 1];
    warnOnce(usage, 'web-recording-above-top', () => ({
      en: `"${room.name}": web page recording at ${resText(web.output)} is above the highest published tier (${fmtInt(top.maxPixels!)} px); not included.`,
      zh: `「${room.name}」：页面录制输出 ${resText(web.output)} 高于已公布的最高档位（${fmtInt(top.maxPixels!)} 像素）；未计入。`,
    }));
    return;
  }
  const key = entry.key;
  const tier = key.slice(key.indexOf('.') + 1) as Tier;
  const secs = seconds(web.minutes ?? room.minutesPerSession);
  const tasks = web.tasks ?? 1;
  if (add(usage, key, tasks * secs))
    because(usage, key, () => ({
      en:
        `"${room.name}": web page recording output ${resText(web.output)} → ${tierName(tier).en}, ${mins(secs)} min × ${tasks} task(s) (page loading not ` +
        `counted)`,
      zh: `「${room.name}」：页面录制输出 ${resText(web.output)} → ${tierName(tier).zh}，${mins(secs)} 分钟 × ${tasks} 个任务（页面加载时间不计）`,
    }));
}

/** Every video stream published in the room (camera and screen of each group), by when it ends. */
function publishedVideo(room: Room): Published[] {
  const out: Published[] = [];
  room.participants.forEach((g, gi) => {
    const secs = seconds(g.minutesInRoom ?? room.minutesPerSession);
    if (secs <= 0) return;
    const { camera, screen } = g.publish;
    if (camera) out.push({ group: gi, kind: 'camera', res: camera, pixels: camera.width * camera.height, count: g.count, seconds: secs });
    if (screen) out.push({ group: gi, kind: 'screen', res: screen, pixels: screen.width * screen.height, count: g.count, seconds: secs });
  });
  return out.sort((a, b) => a.seconds - b.seconds);
}

// ---------------------------------------------------------------------------------------------
// Room shapes: what metering reads of a room's participants and session length, worked out once for all the rooms
// that have the same (1,000 rooms built from a few room types are common).

/** One group's receiving: its streams (by end time), its seconds in the room and what one member is billed. */
interface Receiver {
  streams: readonly Published[];
  own: number;
  plan: Plan;
}

interface RoomShape {
  participants: readonly ParticipantGroup[];
  /** The session length, when a group stays it (no minutesInRoom); else undefined: only presence depends on it (`presence`). */
  minutesPerSession: number | undefined;
  /** Every published video stream, by end time (what receivers of "all", the SDK default, get), and its suffix pixels. */
  all: Published[];
  allSuffix: number[];
  memo: PlanMemo;
  /** Per group, once metered. */
  receivers: (Receiver | undefined)[];
  /** Presence by session length. */
  presence: Map<number, Presence>;
  /** publishedInputs(room, audioOnly) by audioOnly. */
  inputs: { av?: Input[]; audio?: Input[] };
  /** The audio/video part by what the recording robots are (`robotsKey`). */
  av: Map<string, AvPart>;
  /** The recording and mixing part by the room's settings they read (`recMixKey`). */
  recMix: Map<string, RecMixPart>;
  people: People;
}

/** Shapes by a hash of the participants, for one metering context (one `meterScenario` run, so the cache goes with it). */
const shapesByContext = new WeakMap<MeterContext, Map<number, RoomShape[]>>();
/** Rooms whose participants hash alike but differ are few; past this many a room's shape is not kept (the work stays linear). */
const MAX_SHAPES_PER_HASH = 4;

/** The last shape found per context: rooms alike often follow one another. */
const lastShape = new WeakMap<MeterContext, RoomShape>();

/** Whether a room is of a shape: the same groups (so both depend on the session length, or neither) and, if they do, the same session length. */
const ofShape = (shape: RoomShape, room: Room): boolean =>
  (shape.minutesPerSession === undefined || shape.minutesPerSession === room.minutesPerSession) && sameGroups(shape.participants, room.participants);

function roomShape(room: Room, ctx: MeterContext): RoomShape {
  const last = lastShape.get(ctx);
  if (last && ofShape(last, room)) return last;
  let byHash = shapesByContext.get(ctx);
  if (!byHash) shapesByContext.set(ctx, (byHash = new Map()));
  const staysSession = room.participants.some((g) => g.minutesInRoom === undefined);
  const hash = shapeHash(room, staysSession);
  let bucket = byHash.get(hash);
  if (bucket) {
    for (const shape of bucket)
      if (ofShape(shape, room)) {
        lastShape.set(ctx, shape);
        return shape;
      }
  } else byHash.set(hash, (bucket = []));
  const all = publishedVideo(room);
  const shape: RoomShape = {
    participants: room.participants,
    minutesPerSession: staysSession ? room.minutesPerSession : undefined,
    all,
    allSuffix: suffixPixels(all),
    memo: planMemo(ctx, all),
    receivers: new Array<Receiver | undefined>(room.participants.length),
    presence: new Map(),
    inputs: {},
    av: new Map(),
    recMix: new Map(),
    people: peopleOf(room.participants),
  };
  if (bucket.length < MAX_SHAPES_PER_HASH) bucket.push(shape);
  lastShape.set(ctx, shape);
  return shape;
}

function peopleOf(groups: readonly ParticipantGroup[]): People {
  const people: People = { total: 0, publishers: 0, audience: 0, anchors: 0 };
  for (const g of groups) {
    people.total += g.count;
    if (g.publish.camera || g.publish.screen || publishesAudio(g)) people.publishers += g.count;
    if (g.role === 'audience') people.audience += g.count;
    if (g.role === 'anchor') people.anchors += g.count;
  }
  return people;
}

function receiverOf(shape: RoomShape, room: Room, book: DurationBook, gi: number): Receiver {
  let r = shape.receivers[gi];
  if (!r) {
    const g = room.participants[gi];
    const own = seconds(g.minutesInRoom ?? room.minutesPerSession);
    if (g.receive === 'all') {
      r = { streams: shape.all, own, plan: memoPlan(book, shape.memo, shape.all, shape.allSuffix, gi, own) };
    } else {
      const streams = receivedStreams(room, gi);
      r = { streams, own, plan: planOf(receiverPlan(book, streams, suffixPixels(streams), gi, own)) };
    }
    shape.receivers[gi] = r;
  }
  return r;
}

// FNV-1a steps over 32-bit words. Whole numbers (nearly all fields) take one step; a fraction adds one.
const mixInt = (h: number, v: number): number => Math.imul(h ^ v, 16777619);
const mixNum = (h: number, v: number): number => ((v | 0) === v ? mixInt(h, v) : mixInt(mixInt(h, v | 0), (v * 4096) | 0));
function mixText(h: number, text: string | undefined): number {
  if (text === undefined) return mixInt(h, -1);
  h = mixInt(h, text.length);
  for (let i = 0; i < text.length; i++) h = mixInt(h, text.charCodeAt(i));
  return h;
}
const mixRes = (h: number, r: Resolution | null | undefined): number => (r ? mixInt(mixInt(h, r.width | 0), r.height | 0) : mixInt(h, r === null ? -2 : -1));
const RECEIVE_CODE: Record<string, number> = { all: 1, 'audio-only': 2, none: 3 };

/** A hash of what `sameGroups` compares, and the session length if a group stays it. */
function shapeHash(room: Room, staysSession: boolean): number {
  let h = mixNum(mixInt(-2128831035, room.participants.length), staysSession ? room.minutesPerSession : -1);
  for (const g of room.participants) {
    h = mixText(h, g.name);
    h = mixNum(mixNum(h, g.count), g.minutesInRoom ?? -1);
    h = mixInt(h, g.role === 'anchor' ? 1 : 2);
    const p = g.publish;
    h = mixRes(mixRes(mixRes(h, p.camera), p.screen), p.smallStream);
    h = mixInt(h, (p.audio === undefined ? 0 : p.audio ? 1 : 2) + (p.codec === undefined ? 0 : p.codec === 'h264' ? 4 : 8));
    const r = g.receive;
    if (typeof r === 'string') h = mixInt(h, RECEIVE_CODE[r] ?? 0);
    else {
      h = mixInt(
        h,
        r.from.length + (r.stream === undefined ? 0 : r.stream === 'big' ? 1 << 20 : 2 << 20) + (r.screen === undefined ? 0 : r.screen ? 1 << 24 : 2 << 24),
      );
      for (const f of r.from) h = mixText(h, f);
    }
  }
  return h;
}

const sameRes = (a: Resolution | null | undefined, b: Resolution | null | undefined): boolean =>
  a === b || (!!a && !!b && a.width === b.width && a.height === b.height);

function sameReceive(a: ReceiveSpec, b: ReceiveSpec): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  if (a.stream !== b.stream || a.screen !== b.screen || a.from.length !== b.from.length) return false;
  for (let i = 0; i < a.from.length; i++) if (a.from[i] !== b.from[i]) return false;
  return true;
}

/** Every field of the groups, as the scenario types define them (see `ComparedFields`). */
function sameGroups(a: readonly ParticipantGroup[], b: readonly ParticipantGroup[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.name !== y.name || x.count !== y.count || x.role !== y.role || x.minutesInRoom !== y.minutesInRoom || !sameReceive(x.receive, y.receive))
      return false;
    const p = x.publish;
    const q = y.publish;
    if (
      p !== q &&
      (!sameRes(p.camera, q.camera) || !sameRes(p.screen, q.screen) || !sameRes(p.smallStream, q.smallStream) || p.audio !== q.audio || p.codec !== q.codec)
    )
      return false;
  }
  return true;
}

// A field added to a group, its publish spec or an object receive spec must be compared (and hashed) above: until
// it is, this fails to compile.
type Assert<T extends true> = T;
type Only<T, K extends keyof T> = [Exclude<keyof T, K>] extends [never] ? true : false;
export type ComparedFields = [
  Assert<Only<ParticipantGroup, 'name' | 'count' | 'role' | 'minutesInRoom' | 'receive' | 'publish'>>,
  Assert<Only<PublishSpec, 'camera' | 'screen' | 'smallStream' | 'audio' | 'codec'>>,
  Assert<Only<Exclude<ReceiveSpec, string>, 'from' | 'stream' | 'screen'>>,
];

// Likewise a field added to a room's recording, mixing or relay spec must be in `recMixKey`.
export type RecMixFields = [
  Assert<Only<RecordingSpec, 'mode' | 'content' | 'output' | 'tasks' | 'formats' | 'delivery'>>,
  Assert<Only<MixTranscodingSpec, 'codec' | 'output' | 'tasks'>>,
  Assert<Only<RelaySpec, 'target' | 'peakMbps' | 'minutes' | 'tasks'>>,
];

/** Copies the entries from `at` to `end` (in insertion order) of a map into another; by forEach, as copying from its iterator allocates an entry per key. */
function copyRange<V>(from: Map<string, V>, to: Map<string, V>, at: number, end: number): Map<string, V> {
  let i = 0;
  from.forEach((v, k) => {
    if (i >= at && i < end) to.set(k, v);
    i++;
  });
  return to;
}

const resKey = (r: Resolution | null | undefined): string => (r ? `${r.width}x${r.height}` : String(r));
const numKey = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** Everything of a room besides its groups that its recording and mixing read (see `RecMixFields`). */
function recMixKey(room: Room): string {
  const rec = room.recording;
  const mix = room.mixTranscoding;
  const relay = room.relay;
  return (
    `${room.minutesPerSession}` +
    (rec ? `|r${rec.mode},${rec.content ?? ''},${resKey(rec.output)},${numKey(rec.tasks)},${rec.formats ? rec.formats.join('+') : '-'},${rec.delivery}` : '|') +
    (mix ? `|m${mix.codec ?? ''},${resKey(mix.output)},${numKey(mix.tasks)}` : '|') +
    (relay ? `|l${relay.target},${numKey(relay.peakMbps)},${numKey(relay.minutes)},${numKey(relay.tasks)}` : '|')
  );
}

/** What the recording robots of a room are, as far as its audio/video part depends on them ('' when there are none). */
function robotsKey(room: Room, ctx: MeterContext): string {
  if (!room.recording || !ctx.recording || !ctx.robotsBilled) return '';
  return `${room.recording.content === 'audio-only' ? 'a' : 'v'}${room.recording.tasks ?? 1}:${seconds(room.minutesPerSession)}`;
}

/** The audio/video part of a room: its receivers, then its recording robots (the same for the rooms of a shape with the same robots). */
function avPart(shape: RoomShape, room: Room, ctx: MeterContext): AvPart {
  const robots = robotsKey(room, ctx);
  const known = shape.av.get(robots);
  if (known) return known;
  const book = ctx.duration;
  const acc = avAcc();
  const groups = room.participants;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi];
    const r = receiverOf(shape, room, book, gi);
    meterReceiver(acc, ctx, r.streams, gi, g.count, r.own, g, r.plan);
  }
  // Recording robots subscribe to every stream for the whole session, which is A/V duration (docs disagree; a switch).
  if (robots && room.recording) {
    const robotSeconds = seconds(room.minutesPerSession);
    const tasks = room.recording.tasks ?? 1;
    // An audio-only recording subscribes to no video: its robot's time is audio.
    if (room.recording.content === 'audio-only')
      meterReceiver(acc, ctx, [], -1, tasks, robotSeconds, undefined, planOf(receiverPlan(book, [], [], -1, robotSeconds)));
    else meterReceiver(acc, ctx, shape.all, -1, tasks, robotSeconds, undefined, memoPlan(book, shape.memo, shape.all, shape.allSuffix, -1, robotSeconds));
  }
  flushAv(acc);
  acc.part.size = acc.part.perSession.size;
  acc.part.reasonsSize = acc.part.reasons.size;
  shape.av.set(robots, acc.part);
  return acc.part;
}

export function meterRoom(room: Room, ctx: MeterContext): RoomUsage {
  const shape = roomShape(room, ctx);
  const av = avPart(shape, room, ctx);
  // The first room of the part takes its maps; the others copy its entries (their other keys follow). The reason lists
  // are shared: no other part adds to an A/V key. (Rooms all distinct thus build no more maps than they did alone.)
  const first = !av.taken;
  av.taken = true;
  const usage: RoomUsage = {
    name: room.name,
    perSession: first ? av.perSession : copyRange(av.perSession, new Map(), 0, av.size),
    reasons: first ? av.reasons : copyRange(av.reasons, new Map(), 0, av.reasonsSize),
    relayPeakMbps: 0,
    relayTencent: false,
    mainTier: av.mainTier,
    warnings: av.warnings.map((w) => ({ code: w.code, text: w.text(room.name) })),
    people: shape.people,
  };
  // Recording and mixing both follow who is present when: worked out once for the rooms of a shape.
  const present = () => {
    let p = shape.presence.get(room.minutesPerSession);
    if (!p) shape.presence.set(room.minutesPerSession, (p = presence(room, seconds(room.minutesPerSession))));
    return p;
  };
  const inputs = (audioOnly: boolean) =>
    audioOnly ? (shape.inputs.audio ??= publishedInputs(room, true)) : (shape.inputs.av ??= publishedInputs(room, false));
  if (room.recording || room.mixTranscoding || room.relay) {
    // Worked out once for the rooms of a shape with the same settings; its keys are new to the room (A/V keys come first).
    const key = recMixKey(room);
    let known = shape.recMix.get(key);
    if (known) {
      copyRange(known.from.perSession, usage.perSession, known.at, known.end);
      copyRange(known.from.reasons, usage.reasons, known.reasonsAt, known.reasonsEnd);
    } else {
      const at = usage.perSession.size;
      const reasonsAt = usage.reasons.size;
      const part: Part = { perSession: usage.perSession, reasons: usage.reasons, warnings: [] };
      meterRecording(part, ctx, room, present, inputs);
      meterMixing(part, ctx, room, present);
      known = { from: usage, at, end: usage.perSession.size, reasonsAt, reasonsEnd: usage.reasons.size, warnings: part.warnings };
      shape.recMix.set(key, known);
    }
    for (const w of known.warnings) usage.warnings.push({ code: w.code, text: w.text(room.name) });
  }
  meterWebRecording(usage, room);
  if (room.relay?.target === 'third-party') {
    if (ctx.relay === 'duration') {
      const relay = room.relay;
      const secs = seconds(relay.minutes ?? room.minutesPerSession);
      const tasks = relay.tasks ?? 1;
      if (add(usage, 'relay.third-party-duration', tasks * secs))
        because(usage, 'relay.third-party-duration', () => ({
          en: `"${room.name}": relay to a third-party CDN, ${mins(secs)} min × ${tasks} stream(s) per session`,
          zh: `「${room.name}」：转推第三方 CDN，每场 ${mins(secs)} 分钟 × ${tasks} 路`,
        }));
    } else {
      usage.relayPeakMbps += room.relay.peakMbps ?? 0;
    }
  }
  if (room.relay?.target === 'tencent-css') usage.relayTencent = true;
  return usage;
}
