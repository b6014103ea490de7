// The TUILiveKit Video Live component (LiveStreamCoreView, TUILiveKit ≥ 2.8.0, SDKAppID created after 2024-12-18;
// trtc.io 66078): anchors pay the A/V duration prices and stay in the room for the meter; several anchors are mixed
// at the MixTranscoding prices on their aggregate input (H.264 by default; none for a single anchor), which the meter
// prices too. The audience leaves the metered room and is billed here at the component's audience prices
// (src/core/tariff/data/video-live-international.json).

import type { Message, Text, Tier } from '../common';
import { fmtInt, resText, tierName } from '../common';
import type { ParticipantGroup, Resolution, Room, Scenario } from '../scenario/types';
import { tariff, type VideoLiveBook } from '../tariff/load';
import { boundary } from '../tariff/select';
import { contractPrice, type FamilyPrice, type FamilyQuantity } from './families';
import { freeCoversWide } from './packages';
import { packageEdition } from '../tariff/packages';

export function videoLiveBook(s: Scenario): VideoLiveBook | undefined {
  return tariff().videoLive.find((b) => b.applies.region === undefined || b.applies.region === s.tariff.region);
}

const seconds = (minutes: number) => Math.round(minutes * 60);
const publishes = (g: ParticipantGroup) => !!g.publish.camera || !!g.publish.screen || (g.publish.audio ?? g.role === 'anchor');

/** Rooms that ask for the component and that the component's prices apply to (video live rooms of a priced region, apps created late enough). */
function componentApplies(room: Room, s: Scenario): boolean {
  if (room.component !== 'video-live' || room.service !== 'video-live') return false;
  const book = videoLiveBook(s);
  if (!book) return false;
  const from = boundary(book.applies, 'appCreated', 'from');
  return !(from && s.tariff.appCreated && s.tariff.appCreated < from);
}

/**
 * The room as the meter sees it: without its audience (who publish nothing; billed here), and with a mixing task
 * when several anchors publish and the room sets none (the component mixes them; 66078).
 */
export function withoutComponentAudience(room: Room, s: Scenario): Room {
  if (!componentApplies(room, s)) return room;
  const kept = room.participants.filter((g) => g.role !== 'audience' || publishes(g));
  const anchors = kept.filter(publishes).reduce((n, g) => n + g.count, 0);
  const mix = room.mixTranscoding ?? (anchors >= 2 ? { codec: 'h264' as const } : room.mixTranscoding);
  return { ...room, participants: kept, ...(mix !== undefined ? { mixTranscoding: mix } : {}) };
}

interface Stream {
  res: Resolution;
  pixels: number;
  count: number;
  seconds: number;
}

/** The video streams one audience group receives from the room's publishers (the same receive rules as the meter's). */
function streamsFor(room: Room, viewer: ParticipantGroup): Stream[] {
  const spec = viewer.receive;
  if (spec === 'audio-only' || spec === 'none') return [];
  const names = typeof spec === 'object' ? new Set(spec.from) : undefined;
  const out: Stream[] = [];
  room.participants.forEach((g, gi) => {
    if (g === viewer || (g.role === 'audience' && !publishes(g))) return;
    if (names && !names.has(g.name ?? `group ${gi + 1}`)) return;
    const secs = seconds(g.minutesInRoom ?? room.minutesPerSession);
    if (secs <= 0) return;
    const small = typeof spec === 'object' && spec.stream === 'small' && g.publish.smallStream ? g.publish.smallStream : undefined;
    const camera = small ?? g.publish.camera;
    if (camera) out.push({ res: camera, pixels: camera.width * camera.height, count: g.count, seconds: secs });
    const screen = g.publish.screen;
    if (screen && (typeof spec !== 'object' || spec.screen !== false))
      out.push({ res: screen, pixels: screen.width * screen.height, count: g.count, seconds: secs });
  });
  return out.sort((a, b) => a.seconds - b.seconds);
}

function tierOf(book: VideoLiveBook, pixels: number): { tier: Tier; above: boolean } {
  if (pixels <= 0) return { tier: 'audio', above: false };
  for (const t of book.tiers) if (t.tier !== 'audio' && (t.maxPixels === null || pixels <= t.maxPixels)) return { tier: t.tier, above: false };
  return { tier: book.tiers[book.tiers.length - 1].tier, above: true };
}

export interface VideoLivePlan {
  quantities: FamilyQuantity[];
  prices: FamilyPrice[];
  warnings: Message[];
  assumptions: Message[];
}

/** The audience minutes of every component room by tier, their prices, and what the estimate assumed. */
export function planVideoLive(s: Scenario): VideoLivePlan {
  const plan: VideoLivePlan = { quantities: [], prices: [], warnings: [], assumptions: [] };
  const asked = s.rooms.filter((r) => r.component === 'video-live' && r.service === 'video-live');
  if (!asked.length) return plan;
  const book = videoLiveBook(s);
  const names = (rooms: Room[]) => rooms.map((r) => `"${r.name}"`).join(', ');
  if (!book) {
    plan.warnings.push({
      code: 'video-live-not-priced',
      text: {
        en:
          `Video Live component in ${names(asked)}: its prices are published only for the international site; these rooms are billed as ordinary live ` +
          `rooms (A/V duration for every participant), which the component's own rules may not follow.`,
        zh: `${names(asked)} 的视频直播组件：其价格仅国际站公布；这些房间按普通直播房间计费（所有参与者按音视频时长），可能与组件自身规则不一致。`,
      },
    });
    return plan;
  }
  const from = boundary(book.applies, 'appCreated', 'from') ?? '';
  if (s.tariff.appCreated && s.tariff.appCreated < from) {
    plan.assumptions.push({
      code: 'video-live-old-app',
      text: {
        en:
          `Video Live component in ${names(asked)}: the app was created on ${s.tariff.appCreated}, before ${from}; its usage counts as the voice room ` +
          `component and is billed as ordinary A/V duration (42734).`,
        zh: `${names(asked)} 的视频直播组件：应用创建于 ${s.tariff.appCreated}，早于 ${from}；其用量视为语聊房组件，按普通音视频时长计费（42734）。`,
      },
    });
    return plan;
  }
  if (!s.tariff.appCreated)
    plan.assumptions.push({
      code: 'video-live-app-date',
      text: {
        en:
          `Video Live component prices applied to ${names(asked)}: the app is assumed created from ${from} on and to use TUILiveKit 2.8.0 or later ` +
          `(LiveStreamCoreView); older apps pay ordinary A/V duration — set tariff.appCreated.`,
        zh: `${names(asked)} 按视频直播组件价格计费：假定应用创建于 ${from} 及之后并使用 TUILiveKit 2.8.0 或更高版本（LiveStreamCoreView）；更早的应用按普通音视频时长计费——可设置 tariff.appCreated。`,
      },
    });
  const tiers = new Set<Tier>();
  let mixed = false;
  let aboveTop = false;
  s.rooms.forEach((room, ri) => {
    if (!componentApplies(room, s)) return;
    const anchors = room.participants.filter((g) => (g.role !== 'audience' || publishes(g)) && publishes(g));
    if (anchors.reduce((n, g) => n + g.count, 0) >= 2 && (room.mixTranscoding === undefined || room.mixTranscoding === null)) mixed = true;
    room.participants.forEach((g, gi) => {
      if (g.role !== 'audience' || publishes(g)) return;
      const own = seconds(g.minutesInRoom ?? room.minutesPerSession);
      if (own <= 0) return;
      const streams = streamsFor(room, g);
      // Everyone joins at the start: the viewer receives a stream until it ends; the tier follows the pixels still received.
      let pixels = streams.reduce((n, x) => n + x.pixels * x.count, 0);
      let t = 0;
      const segments = new Map<Tier, number>();
      for (const x of streams) {
        const end = Math.min(x.seconds, own);
        if (end > t) {
          const { tier, above } = tierOf(book, pixels);
          aboveTop ||= above;
          segments.set(tier, (segments.get(tier) ?? 0) + (end - t));
          t = end;
        }
        pixels -= x.pixels * x.count;
      }
      if (own > t) segments.set('audio', (segments.get('audio') ?? 0) + (own - t));
      const label = g.name ?? `group ${gi + 1}`;
      const received = streams.map((x) => `${x.count} × ${resText(x.res)}`).join(' + ');
      for (const [tier, secs] of segments) {
        tiers.add(tier);
        plan.quantities.push({
          room: ri,
          key: `live.audience.${tier}`,
          perSession: secs * g.count,
          reason: (): Text => ({
            en:
              `"${room.name}": ${fmtInt(g.count)} viewer(s) of "${label}" receive ${received || 'audio only'} → audience ${tierName(tier).en}, ` +
              `${fmtInt(secs / 60)} min per session`,
            zh: `「${room.name}」：「${label}」的 ${fmtInt(g.count)} 位观众接收 ${received || '纯音频'} → 观众${tierName(tier).zh}，每场 ${fmtInt(secs / 60)} 分钟`,
          }),
        });
      }
    });
  });
  const wide = freeCoversWide(s);
  for (const t of book.tiers) {
    if (!tiers.has(t.tier)) continue;
    const key = `live.audience.${t.tier}`;
    const entry = book.priceByKey.get(key)!;
    plan.prices.push({
      key,
      category: 'video-live',
      tier: t.tier,
      label: entry.label!,
      per: '1000-min',
      ...contractPrice(s, key, t.price, true),
      citation: entry.citation!,
      daily: false,
      ...(wide ? { freeTier: t.tier } : {}),
      packageRatio: Number(t.packRatio),
      packageFilter: (p) => p.edition?.family === 'live',
      notes: [
        {
          en:
            `Live package minutes deduct ${t.packRatio} per audience minute at this tier (66078); RTC-Engine and Call packages do not cover the ` +
            `component's audience.`,
          zh: `直播月套餐按此档位每观众分钟抵扣 ${t.packRatio} 分钟（66078）；RTC-Engine 与通话套餐不抵扣组件观众时长。`,
        },
      ],
    });
  }
  plan.assumptions.push({
    code: 'video-live-audience-free',
    text: wide
      ? {
          en:
            'Video Live component: the free minutes also cover the audience (accounts registered from 2024-07-25), after the rooms\u2019 own usage, at ' +
            'the A/V tier weights (the audience ratio for free minutes is not published).',
          zh: '视频直播组件：免费时长也可抵扣观众时长（2024-07-25 起注册的账号），在房间自身用量之后，按音视频档位权重抵扣（观众的免费时长抵扣比例未公布）。',
        }
      : {
          en: 'Video Live component: the free minutes cover the audience only for accounts registered from 2024-07-25 (tariff.accountCreated); not applied.',
          zh: '视频直播组件：免费时长仅对 2024-07-25 起注册的账号抵扣观众时长（tariff.accountCreated）；未抵扣。',
        },
  });
  if (!(s.payment?.packages ?? []).some((p) => packageEdition(p.edition)?.family === 'live'))
    plan.assumptions.push({
      code: 'video-live-package',
      text: {
        en:
          'The Video Live component needs a Live monthly package (fees and minutes not published: add it to payment.packages with its fee and minutes); ' +
          'none is held in this scenario.',
        zh: '视频直播组件需要购买直播月套餐（费用与分钟数未公布：可在 payment.packages 中填写费用与分钟数）；本场景未持有。',
      },
    });
  if (mixed)
    plan.assumptions.push({
      code: 'video-live-mixing',
      text: {
        en:
          'Video Live component with several anchors: their streams are mixed (H.264, one task) and billed at the MixTranscoding prices on the ' +
          'anchors\u2019 aggregate input; not deductible from packages. Set mixTranscoding to change the codec or tasks.',
        zh: '多主播的视频直播组件：主播画面经云端混流（H.264，一个任务），按主播聚合输入以云端混流转码价格计费；不可由套餐抵扣。可设置 mixTranscoding 修改编码或任务数。',
      },
    });
  if (
    [...tiers].some((t) => t !== 'audio') &&
    s.rooms.some((r) => componentApplies(r, s) && r.participants.filter((g) => g.publish.camera || g.publish.screen).length > 0)
  )
    plan.assumptions.push({
      code: 'video-live-audience-tier',
      text: {
        en:
          "Video Live audience tier: the aggregate resolution of the anchors' video each viewer receives, as the component's example applies it " +
          "(1920×1080 → FHD); with several anchors the page does not say whether the viewers' tier follows the mixed output instead.",
        zh: '视频直播观众档位：按每位观众接收的主播视频聚合分辨率计（组件示例：1920×1080 → 超清）；多主播时页面未说明观众档位是否改按混流输出计算。',
      },
    });
  if (aboveTop)
    plan.warnings.push({
      code: 'video-live-above-top',
      text: {
        en:
          'Video Live audience: a viewer receives more pixels than the top audience tier covers; billed at the top tier (the price table does not define ' +
          'this).',
        zh: '视频直播观众：观众接收的像素超过最高观众档位上限；按最高档位计费（价目表未定义此情况）。',
      },
    });
  return plan;
}
