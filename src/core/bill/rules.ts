// Which rule generation applies, decided from the dates the user sets (as TRTC decides it), and the
// unit price of every price key under those rules (list price, contract price or discount).

import { D } from '../decimal';
import type { Citation, Currency, Message, Text, Tier } from '../common';
import type { MeteringModel, PaymentMode, Scenario } from '../scenario/types';
import {
  durationBook,
  INTL_AGGREGATE_FROM,
  MIXING_INTL_INPUT,
  MIXING_INTL_INPUT_FROM,
  MIXING_INTL_OUTPUT,
  MIXING_MAINLAND_OUTPUT,
  POSTPAID_DAILY_DEFAULT_FROM,
  RECORDING_CSS_LEGACY_CITATION,
  RECORDING_INTL_2021,
  RECORDING_INTL_2022,
  RECORDING_INTL_FROM_2022,
  RECORDING_MAINLAND_2020,
  RECORDING_MAINLAND_2022,
  RECORDING_MAINLAND_FROM_2020,
  RECORDING_MAINLAND_FROM_2022,
  RELAY,
  type DurationBook,
  type MixingBook,
  type RecordingBook,
} from '../tariff/books';
import { tierName } from '../common';

export interface Rules {
  currency: Currency;
  duration: DurationBook;
  metering: MeteringModel;
  paymentMode: PaymentMode;
  settlement: 'day' | 'month';
  recording: RecordingBook | null;
  mixing: MixingBook;
  robotsBilled: boolean;
  periodStart: string;
  days: number;
  assumptions: Message[];
  warnings: Message[];
}

const SETTINGS_HINT: Text = {
  en: 'set it in the scenario file\'s "tariff" section (or the trtcCost.tariff settings)',
  zh: '可在场景文件的 "tariff" 部分（或 trtcCost.tariff 设置）中修改',
};

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function resolveRules(s: Scenario, today: string): Rules {
  const assumptions: Message[] = [];
  const warnings: Message[] = [];
  const region = s.tariff.region;
  const account = s.tariff.accountCreated;
  const periodStart = s.period?.start ?? firstOfMonth(today);
  const days = s.period?.days ?? 30;
  if (!s.period?.start) {
    assumptions.push({ code: 'period-start', text: { en: `Period starts ${periodStart} (the first day of this month); set period.start to change.`, zh: `计费周期从 ${periodStart}（本月第一天）开始；可设置 period.start 修改。` } });
  }
  if (s.period?.days === undefined) {
    assumptions.push({ code: 'period-days', text: { en: 'A month is taken as 30 days; set period.days to change.', zh: '每月按 30 天计算；可设置 period.days 修改。' } });
  }

  let metering: MeteringModel;
  if (s.tariff.metering) {
    metering = s.tariff.metering;
  } else if (region === 'mainland') {
    metering = 'per-stream';
  } else if (account) {
    metering = account >= INTL_AGGREGATE_FROM ? 'aggregate' : 'per-stream';
  } else {
    metering = 'aggregate';
    assumptions.push({ code: 'metering-default', text: { en: `Aggregate-resolution metering assumed (accounts whose first app is from ${INTL_AGGREGATE_FROM} on); older accounts use per-stream metering — ${SETTINGS_HINT.en} (accountCreated).`, zh: `假定按聚合分辨率计费（首个应用创建于 ${INTL_AGGREGATE_FROM} 及之后的账号）；更早的账号按单路流计费——${SETTINGS_HINT.zh}（accountCreated）。` } });
  }
  const duration = durationBook(region, metering);
  if (duration.citation.confidence === 'unverified') {
    warnings.push({ code: 'book-unverified', text: { en: `The ${duration.title.en} book is not published anywhere we could read; its FHD/2K/4K prices (63/112/252 CNY per 1,000 min) are inferred, not verified.`, zh: `${duration.title.zh}：未找到公开价目，全高清/2K/4K 价格（每千分钟 63/112/252 元）为推算值，未经核实。` } });
  }

  let paymentMode: PaymentMode;
  if (s.payment?.mode) {
    paymentMode = s.payment.mode;
  } else if (account) {
    paymentMode = account >= POSTPAID_DAILY_DEFAULT_FROM ? 'postpaid-daily' : 'postpaid-monthly';
  } else {
    paymentMode = 'postpaid-daily';
    assumptions.push({ code: 'payment-default', text: { en: `Postpaid daily settlement assumed (the default for accounts from ${POSTPAID_DAILY_DEFAULT_FROM}); minutes are rounded up per day and usage category.`, zh: `假定为后付费日结（${POSTPAID_DAILY_DEFAULT_FROM} 及之后账号的默认方式）；按天、按用量类别向上取整到分钟。` } });
  }

  let recording: RecordingBook | null;
  const needsRecording = s.rooms.some((r) => r.recording);
  if (region === 'mainland') {
    const app = s.tariff.appCreated ?? account;
    if (!app) {
      recording = RECORDING_MAINLAND_2022;
      if (needsRecording) assumptions.push({ code: 'recording-default', text: { en: `Cloud recording billed under the rules for apps created from ${RECORDING_MAINLAND_FROM_2022} (per input stream) — ${SETTINGS_HINT.en} (appCreated).`, zh: `云端录制按 ${RECORDING_MAINLAND_FROM_2022} 及之后创建的应用规则（按输入流）计费——${SETTINGS_HINT.zh}（appCreated）。` } });
    } else if (app >= RECORDING_MAINLAND_FROM_2022) {
      recording = RECORDING_MAINLAND_2022;
    } else if ((account ?? app) >= RECORDING_MAINLAND_FROM_2020) {
      recording = RECORDING_MAINLAND_2020;
    } else {
      recording = null;
      if (needsRecording) warnings.push({ code: 'recording-css-legacy', text: { en: `Accounts from before ${RECORDING_MAINLAND_FROM_2020} pay for recording through Tencent CSS (peak concurrent recordings × 30 CNY/month); this is not estimated. Source: ${RECORDING_CSS_LEGACY_CITATION.source}`, zh: `${RECORDING_MAINLAND_FROM_2020} 之前的账号通过云直播计费录制（并发录制峰值 × 30 元/月），未包含在估算中。来源：${RECORDING_CSS_LEGACY_CITATION.source}` } });
    }
  } else {
    recording = periodStart >= RECORDING_INTL_FROM_2022 ? RECORDING_INTL_2022 : RECORDING_INTL_2021;
  }

  const mixing = region === 'mainland' ? MIXING_MAINLAND_OUTPUT : periodStart >= MIXING_INTL_INPUT_FROM ? MIXING_INTL_INPUT : MIXING_INTL_OUTPUT;

  const robotsBilled = s.tariff.robotsBilled ?? true;
  if (needsRecording && s.tariff.robotsBilled === undefined) {
    assumptions.push({ code: 'robots-billed', text: { en: 'The recording robot\'s subscription minutes are billed as audio/video duration (the TRTC docs disagree; set tariff.robotsBilled to false to exclude them).', zh: '录制机器人的订阅时长按音视频时长计费（TRTC 文档说法不一；可将 tariff.robotsBilled 设为 false 排除）。' } });
  }

  if (s.rooms.some((r) => r.mixTranscoding || r.relay)) {
    assumptions.push({ code: 'relay-robot-free', text: { en: "The mix/relay server's own subscription is not billed as audio/video duration (international doc 混流转推计费, 2022-06: that step \"is not charged\"; waived for Tencent CSS destinations).", zh: '混流/转推服务器自身的订阅不计入音视频时长（国际站文档《混流转推计费》2022-06：该步骤"不收费"；转推至腾讯云直播时免收）。' } });
  }

  return {
    currency: duration.currency,
    duration,
    metering,
    paymentMode,
    settlement: s.tariff.rounding ?? (paymentMode === 'postpaid-daily' ? 'day' : 'month'),
    recording,
    mixing,
    robotsBilled,
    periodStart,
    days,
    assumptions,
    warnings,
  };
}

export interface KeyPrice {
  /** Per 1,000 minutes (or per Mbps for relay.third-party). */
  unit: D;
  list: D;
  label: Text;
  citation: Citation;
  contract: boolean;
}

const RECORDING_LABEL: Record<string, Text> = {
  single: { en: 'Cloud recording (single-stream)', zh: '云端录制（单流）' },
  mixed: { en: 'Cloud recording (mixed)', zh: '云端录制（合流）' },
  any: { en: 'Cloud recording', zh: '云端录制' },
};

/** The unit price of a price key under the rules, or undefined when no price is published. */
export function priceOf(key: string, rules: Rules, s: Scenario): KeyPrice | undefined {
  const parts = key.split('.');
  let list: string | undefined;
  let label: Text;
  let citation: Citation;
  if (parts[0] === 'av') {
    const tier = parts[1] as Tier;
    const t = rules.duration.tiers.find((x) => x.tier === tier);
    if (!t) return undefined;
    list = t.price;
    label = { en: `Audio/video duration · ${tierName(tier).en}`, zh: `音视频时长 · ${tierName(tier).zh}` };
    citation = rules.duration.citation;
  } else if (parts[0] === 'recording') {
    const book = rules.recording;
    if (!book) return undefined;
    const mode = parts.length === 3 ? parts[1] : 'any';
    const tier = parts[parts.length - 1] as Tier;
    list = book.prices[mode as 'single' | 'mixed' | 'any']?.[tier];
    label = { en: `${RECORDING_LABEL[mode].en} · ${tierName(tier).en}`, zh: `${RECORDING_LABEL[mode].zh} · ${tierName(tier).zh}` };
    citation = book.citation;
  } else if (parts[0] === 'mixing') {
    const codec = parts[1] as 'h264' | 'h265';
    const tier = parts[2] as Tier;
    list = rules.mixing.prices[codec]?.[tier];
    label = { en: `Cloud mix-transcoding ${codec.toUpperCase()} · ${tierName(tier).en}`, zh: `云端混流转码 ${codec.toUpperCase()} · ${tierName(tier).zh}` };
    citation = rules.mixing.citation;
  } else if (key === 'relay.tencent-css') {
    list = RELAY.tencentCss.price;
    label = { en: 'Relay to Tencent Cloud CSS (CDN)', zh: '旁路转推到腾讯云直播（CDN）' };
    citation = RELAY.tencentCss.citation;
  } else if (key === 'relay.third-party') {
    if (rules.duration.region !== 'international') return undefined;
    list = RELAY.intlThirdPartyPerMbps.price;
    label = { en: 'Relay to a third-party CDN (per Mbps of monthly peak)', zh: '转推第三方 CDN（按月峰值带宽每 Mbps）' };
    citation = RELAY.intlThirdPartyPerMbps.citation;
  } else {
    return undefined;
  }
  if (list === undefined) return undefined;
  const contract = s.tariff.contract;
  const override = contract?.prices?.[key];
  // A contract price is already the negotiated price; the discount applies to list prices only.
  let unit = new D(override !== undefined ? String(override) : list);
  if (override === undefined && contract?.discountPercent) unit = unit.times(new D(100).minus(String(contract.discountPercent))).div(100);
  return {
    unit,
    list: new D(list),
    label,
    citation,
    contract: override !== undefined || !!contract?.discountPercent,
  };
}
