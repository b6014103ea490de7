// Which rule generation applies, decided from the dates the user sets (as TRTC decides it), and the
// unit price of every price key under those rules (list price, contract price or discount).

import { D } from '../decimal';
import type { Citation, Currency, Message, Text, Tier } from '../common';
import type { MeteringModel, PaymentMode, Scenario } from '../scenario/types';
import { books } from '../tariff/books';
import { tariff, type DurationBook, type MixingBook, type RecordingBook } from '../tariff/load';
import { boundary, selectApplicable, type DateFacts } from '../tariff/select';
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
  /**
   * How third-party CDN relay is billed: by duration (international accounts registered from 2025-10-23),
   * by monthly peak bandwidth (older accounts), or not at all (no published price: the mainland).
   */
  relay: 'duration' | 'bandwidth' | null;
  /** Keys rounded up per day even under monthly settlement (services TRTC settles daily). */
  dailyRounded: (key: string) => boolean;
  periodStart: string;
  days: number;
  assumptions: Message[];
  warnings: Message[];
}

/** Where to state an account or app date: the scenario's tariff, or the extension's setting of the same name. */
function settingsHint(key: 'accountCreated' | 'appCreated'): Text {
  return {
    en: `set tariff.${key} in the scenario file (or the trtcCost.${key} setting)`,
    zh: `可在场景文件中设置 tariff.${key}（或设置 trtcCost.${key}）`,
  };
}

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
    assumptions.push({
      code: 'period-start',
      text: {
        en: `Period starts ${periodStart} (the first day of this month); set period.start to change.`,
        zh: `计费周期从 ${periodStart}（本月第一天）开始；可设置 period.start 修改。`,
      },
    });
  }
  if (s.period?.days === undefined) {
    assumptions.push({
      code: 'period-days',
      text: { en: 'A month is taken as 30 days; set period.days to change.', zh: '每月按 30 天计算；可设置 period.days 修改。' },
    });
  }

  const T = tariff();
  const facts: DateFacts = { accountCreated: account, appCreated: s.tariff.appCreated, periodStart };
  const durationSel = selectApplicable(T.duration, (b) => b.applies, facts, { region, metering: s.tariff.metering });
  if (!durationSel) throw new Error(`tariff data: no duration book for ${region}`);
  const duration = durationSel.item;
  const metering = duration.metering;
  if (durationSel.assumed) {
    const from = boundary(duration.applies, 'accountCreated', 'from') ?? '';
    assumptions.push({
      code: 'metering-default',
      text: {
        en:
          `Aggregate-resolution metering assumed (accounts whose first app is from ${from} on); older accounts use per-stream metering — ` +
          `${settingsHint('accountCreated').en}.`,
        zh: `假定按聚合分辨率计费（首个应用创建于 ${from} 及之后的账号）；更早的账号按单路流计费——${settingsHint('accountCreated').zh}。`,
      },
    });
  }
  if (duration.citation.confidence === 'unverified') {
    // Quote the prices no source states, from the book itself.
    const inferred = duration.priceList.filter((p) => p.confidence === 'unverified');
    const tiers = inferred.map((p) => p.key.slice(p.key.indexOf('.') + 1) as Tier);
    const amounts = inferred.map((p) => p.price).join('/');
    const zhCurrency = duration.currency === 'CNY' ? '元' : '美元';
    warnings.push({
      code: 'book-unverified',
      text: {
        en:
          `The ${duration.title.en} book is not published anywhere we could read; its ${tiers.map((x) => tierName(x).en).join('/')} prices (${amounts} ` +
          `${duration.currency} per 1,000 min) are inferred, not verified.`,
        zh: `${duration.title.zh}：未找到公开价目，${tiers.map((x) => tierName(x).zh).join('/')} 价格（每千分钟 ${amounts} ${zhCurrency}）为推算值，未经核实。`,
      },
    });
  }

  let paymentMode: PaymentMode;
  if (s.payment?.mode) {
    paymentMode = s.payment.mode;
  } else {
    const sel = selectApplicable(T.payment.generations, (g) => g.applies, facts, { region });
    if (!sel) throw new Error('tariff data: no payment generation applies');
    paymentMode = sel.item.mode;
    if (sel.assumed) {
      const from = boundary(sel.item.applies, 'accountCreated', 'from') ?? '';
      assumptions.push({
        code: 'payment-default',
        text: {
          en: `Postpaid daily settlement assumed (the default for accounts from ${from}); minutes are rounded up per day and usage category.`,
          zh: `假定为后付费日结（${from} 及之后账号的默认方式）；按天、按用量类别向上取整到分钟。`,
        },
      });
    }
  }

  let recording: RecordingBook | null;
  const needsRecording = s.rooms.some((r) => r.recording);
  const recordingSel = selectApplicable(T.recording, (b) => b.applies, facts, { region });
  if (!recordingSel) throw new Error(`tariff data: no recording generation for ${region}`);
  if (recordingSel.item.rules === 'mainland-css-legacy') {
    recording = null;
    const legacy = recordingSel.item;
    const before = boundary(legacy.applies, 'accountCreated', 'before') ?? '';
    const fee = legacy.notEstimated ? `${legacy.notEstimated.price} ${legacy.currency}` : '';
    if (needsRecording)
      warnings.push({
        code: 'recording-css-legacy',
        text: {
          en:
            `Accounts from before ${before} pay for recording through Tencent CSS (peak concurrent recordings × ${fee}/month); this is not estimated. ` +
            `Source: ${legacy.citation.source}`,
          zh:
            `${before} 之前的账号通过云直播计费录制（并发录制峰值 × ${legacy.notEstimated?.price ?? ''} ` +
            `${legacy.currency === 'CNY' ? '元' : legacy.currency}/月），未包含在估算中。来源：${legacy.citation.source}`,
        },
      });
  } else {
    recording = recordingSel.item;
    if (recordingSel.assumed && needsRecording) {
      const from = boundary(recording.applies, 'appCreated', 'from') ?? '';
      assumptions.push({
        code: 'recording-default',
        text: {
          en: `Cloud recording billed under the rules for apps created from ${from} (per input stream) — ${settingsHint('appCreated').en}.`,
          zh: `云端录制按 ${from} 及之后创建的应用规则（按输入流）计费——${settingsHint('appCreated').zh}。`,
        },
      });
    }
  }

  const mixingSel = selectApplicable(T.mixing, (b) => b.applies, facts, { region });
  if (!mixingSel) throw new Error(`tariff data: no mix-transcoding generation for ${region}`);
  const mixing: MixingBook = mixingSel.item;

  const robotsBilled = s.tariff.robotsBilled ?? true;
  if (needsRecording && s.tariff.robotsBilled === undefined) {
    assumptions.push({
      code: 'robots-billed',
      text: {
        en:
          "The recording robot's subscription minutes are billed as audio/video duration (the TRTC docs disagree; set tariff.robotsBilled to false to " +
          'exclude them).',
        zh: '录制机器人的订阅时长按音视频时长计费（TRTC 文档说法不一；可将 tariff.robotsBilled 设为 false 排除）。',
      },
    });
  }

  if (s.rooms.some((r) => r.mixTranscoding || r.relay)) {
    assumptions.push({
      code: 'relay-robot-free',
      text: {
        en:
          'The mix/relay server\'s own subscription is not billed as audio/video duration (international doc 混流转推计费, 2022-06: that step "is not charged"; ' +
          'waived for Tencent CSS destinations).',
        zh: '混流/转推服务器自身的订阅不计入音视频时长（国际站文档《混流转推计费》2022-06：该步骤"不收费"；转推至腾讯云直播时免收）。',
      },
    });
  }

  // Third-party relay: by duration for accounts registered from the duration price's date, by bandwidth before.
  const byDuration = books().relay.intlThirdPartyPerMinute;
  const thirdParty = s.rooms.filter((r) => r.relay?.target === 'third-party');
  let relay: Rules['relay'] = null;
  if (region === 'international' && byDuration.region === 'international') {
    const from = byDuration.accountsFrom!;
    if (account) {
      relay = account >= from ? 'duration' : 'bandwidth';
    } else {
      relay = thirdParty.some((r) => r.relay?.peakMbps !== undefined) ? 'bandwidth' : 'duration';
      if (thirdParty.length)
        assumptions.push({
          code: 'relay-billing-default',
          text:
            relay === 'duration'
              ? {
                  en:
                    `Relay to a third-party CDN billed by duration (${byDuration.price} USD per 1,000 min, daily: accounts registered from ${from}); ` +
                    `older accounts pay per Mbps of monthly peak — ${settingsHint('accountCreated').en}.`,
                  zh: `转推第三方 CDN 按时长计费（每千分钟 ${byDuration.price} 美元，按日结算：${from} 起注册的账号）；更早的账号按月峰值带宽计费——${settingsHint('accountCreated').zh}。`,
                }
              : {
                  en:
                    `Relay to a third-party CDN billed per Mbps of monthly peak (peakMbps is set: accounts registered before ${from}); newer accounts pay ` +
                    `${byDuration.price} USD per 1,000 min — ${settingsHint('accountCreated').en}.`,
                  zh: `转推第三方 CDN 按月峰值带宽计费（已设置 peakMbps：${from} 之前注册的账号）；更新的账号按每千分钟 ${byDuration.price} 美元计费——${settingsHint('accountCreated').zh}。`,
                },
        });
    }
  }
  const recordingDaily = !!recording?.settledDailyFrom && periodStart >= recording.settledDailyFrom;
  const dailyRounded = (key: string) => key.startsWith('relay.') || key.startsWith('webrec.') || (recordingDaily && key.startsWith('recording.'));

  return {
    relay,
    dailyRounded,
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
  } else if (key === 'relay.tencent-css' || key === 'relay.third-party' || key === 'relay.third-party-duration') {
    const entry =
      key === 'relay.tencent-css'
        ? books().relay.tencentCss
        : key === 'relay.third-party'
          ? books().relay.intlThirdPartyPerMbps
          : books().relay.intlThirdPartyPerMinute;
    if (entry.region !== undefined && entry.region !== rules.duration.region) return undefined;
    list = entry.price;
    label = entry.label!;
    citation = entry.citation!;
  } else if (parts[0] === 'webrec') {
    const entry = books().servicesIntl.webRecording.find((p) => p.key === key);
    if (!entry) return undefined;
    if (entry.region !== undefined && entry.region !== rules.duration.region) return undefined;
    list = entry.price;
    label = entry.label!;
    citation = entry.citation!;
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
