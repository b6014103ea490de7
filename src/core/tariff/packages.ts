// TRTC monthly packages (RTC-Engine, Call, Live, Conference, and the mainland TRTC packages), as
// typed data. Every fee cites where it was read (the public TRTC purchase-guide page of each edition).
// A fee or a minute count that no page publishes is `null`: the scenario must supply it and the bill
// says the price is the user's. Numbers are strings so they enter decimal.js exactly.

import type { Citation, Currency, Text } from '../common';
import type { Region } from '../scenario/types';

const INTL = 'https://trtc.io/document/';
const CN = 'https://cloud.tencent.com/document/product/';

export type PackageFamily = 'rtc-engine' | 'call' | 'live' | 'conference' | 'mainland-trtc' | 'custom';

/** One fee, valid for purchases (and renewals) on dates from..to (inclusive; open when absent). */
export interface DatedFee {
  fee: string;
  from?: string;
  to?: string;
  /** What the fee is made of, when it is a bundle (e.g. TRTC 基础版 + IM 专业版). */
  parts?: { label: Text; fee: string }[];
  citation: Citation;
}

export interface PackageEdition {
  id: string;
  family: PackageFamily;
  region: Region;
  currency: Currency;
  name: Text;
  /** Fees by purchase date; empty when no fee is published (the user enters it). */
  fees: DatedFee[];
  /** A/V minutes included per monthly cycle; null when not published (the user enters them). */
  minutes: number | null;
  /** A cycle lasts a month (purchase day to the day before the same date next month) or a number of days (trials). */
  validity: { months: 1 } | { days: number };
  /** app: bound to one SDKAppID (every monthly package); account: covers every app of the account (promotional packs). */
  scope: 'app' | 'account';
  /** What happens once the included and free minutes are used: pay-as-you-go, or the service stops (trials). */
  afterQuota: 'pay-as-you-go' | 'stops';
  /** Call packages: Chat monthly active users included, and the price per user beyond. */
  mau?: { included: number; overagePerUser: string; citation: Citation };
  /** Facts about the edition that are not numbers the engine uses (shown with the package). */
  note?: Text;
  citation: Citation;
}

const RTC_ENGINE_CITATION: Citation = {
  source: `${INTL}56025 (RTC-Engine monthly packages); ${INTL}73281 (free minutes, suspension)`,
  effective: '2025-11-01',
  confidence: 'verified',
  note:
    'Editions Free Trial, Lite, Standard, Pro are named on 56025 and 73281; their fees and minutes are not in any page read (trtc-billing-2025.md §3, ' +
    '§11.8).',
  noteZh: 'Free Trial、Lite、Standard、Pro 各版本见于 56025 与 73281；其费用与分钟数在所读的任何页面中均未公布（trtc-billing-2025.md §3、§11.8）。',
};

const CALL_CITATION: Citation = {
  source: `${INTL}54632 (Call packages, 2025-03-27); ${INTL}54512; ${INTL}59832`,
  effective: '2025-03-27',
  confidence: 'verified',
  note:
    '1v1 Call 199 USD/month with 100,000 package minutes and 100 → 5,000 Chat MAU; Group Call 597 USD/month with 300,000 minutes and 10,000 MAU; MAU ' +
    'beyond the quota 0.015 USD per user per month; A/V beyond the minutes at list price.',
  noteZh:
    '1v1 通话版每月 199 美元，含 100,000 套餐分钟与 100 → 5,000 个 Chat 月活跃用户（MAU）；群组通话版每月 597 美元，含 300,000 分钟与 10,000 MAU；' +
    '超出配额的 MAU 每用户每月 0.015 美元；超出套餐分钟的音视频时长按刊例价计费。',
};

const CALL_MAU_OVERAGE = '0.015';

const MAINLAND_LIST: Citation = {
  source: `${CN}269/86871 (TUICallKit packages, 2024-11-29)`,
  effective: '2024-05-01',
  confidence: 'inferred',
  note:
    'List prices 625 / 1,875 / 6,250 元 a month with 110,000 / 380,000 / 1,400,000 minutes, read on the 2024-11-29 page. The page says the 8折 offer ' +
    'ended in 2024-04; that the list price applies from 2024-05-01 and still applies today is inferred.',
  noteZh:
    '刊例价每月 625 / 1,875 / 6,250 元，分别含 110,000 / 380,000 / 1,400,000 分钟，读自 2024-11-29 的页面。页面称 8折优惠已于 2024-04 结束；' +
    '刊例价自 2024-05-01 起适用且至今仍适用，为推断。',
};

const MAINLAND_OFFER: Citation = {
  source: `${CN}269/86871 (2024-11-29); ${CN}1640/102626 (TRTC 基础版 500 元/month in 2024-01, example S10)`,
  effective: '2023-02-17',
  confidence: 'inferred',
  note:
    'The 8折 prices 500 / 1,500 / 5,000 元, announced as ending in 2024-04. Their start is taken from the earliest dated bundle page (1640/86673, ' +
    '2023-02-17); the end date 2024-04-30 is inferred from "2024-04".',
  noteZh:
    '8折价格 500 / 1,500 / 5,000 元，公告称于 2024-04 结束。其起始日期取自最早注明日期的套餐组合页面（1640/86673，2023-02-17）；' +
    '结束日期 2024-04-30 由“2024-04”推断。',
};

const mainlandFees = (offer: string, list: string): DatedFee[] => [
  { fee: offer, from: '2023-02-17', to: '2024-04-30', citation: MAINLAND_OFFER },
  { fee: list, from: '2024-05-01', citation: MAINLAND_LIST },
];

const IM_PRO: Citation = {
  source: `${CN}1640/102626 (IM price change 2024; example S10)`,
  effective: '2024-01-01',
  confidence: 'verified',
  note:
    'IM 专业版 1,499 元/month from 2024-01-01; 999 元/month when bought with a TRTC monthly package during the UI-component promotion (2024-01-03 to about ' +
    '2024-03-31: the end date is approximate in the source).',
  noteZh:
    'IM 专业版自 2024-01-01 起每月 1,499 元；在 UI 组件促销期间（2024-01-03 至约 2024-03-31：来源中的结束日期为约数）与 TRTC 月套餐同购时每月 ' + '999 元。',
};

const trial = (id: string, family: PackageFamily, name: Text, days: number, source: string): PackageEdition => ({
  id,
  family,
  region: 'international',
  currency: 'USD',
  name,
  fees: [{ fee: '0', citation: { source, effective: '2025-11-01', confidence: 'verified' } }],
  minutes: 0,
  validity: { days },
  scope: 'app',
  afterQuota: 'stops',
  citation: {
    source,
    effective: '2025-11-01',
    confidence: 'verified',
    note: `A ${days}-day trial with no minutes of its own: once the free minutes are used the service stops (no pay-as-you-go).`,
    noteZh: `${days} 天体验版，本身不含分钟数：免费时长用完后服务即停止（不转为按量计费）。`,
  },
});

const unpublished = (id: string, family: PackageFamily, name: Text, citation: Citation, note?: Text): PackageEdition => ({
  id,
  family,
  region: 'international',
  currency: 'USD',
  name,
  fees: [],
  minutes: null,
  validity: { months: 1 },
  scope: 'app',
  afterQuota: 'pay-as-you-go',
  ...(note ? { note } : {}),
  citation,
});

export const PACKAGE_EDITIONS: readonly PackageEdition[] = [
  {
    id: 'rtc-engine.free-trial',
    family: 'rtc-engine',
    region: 'international',
    currency: 'USD',
    name: { en: 'RTC-Engine Free Trial', zh: 'RTC-Engine 免费体验版' },
    fees: [
      {
        fee: '0',
        citation: {
          ...RTC_ENGINE_CITATION,
          confidence: 'inferred',
          note: 'No fee: the edition is the monthly free minutes (the console issues it 12 months at a time, 56766). Its fee of 0 is inferred from its name.',
          noteZh: '无费用：该版本即每月的免费时长（控制台一次发放 12 个月，56766）。其费用为 0 系根据名称推断。',
        },
      },
    ],
    minutes: 0,
    validity: { months: 1 },
    scope: 'app',
    afterQuota: 'stops',
    note: { en: 'Only the 10,000 free minutes a month; when they run out the app is suspended.', zh: '仅每月 10,000 分钟免费时长；用完后应用将被停用。' },
    citation: RTC_ENGINE_CITATION,
  },
  unpublished(
    'rtc-engine.starter',
    'rtc-engine',
    { en: 'RTC-Engine Starter plan', zh: 'RTC-Engine 入门版（Starter）' },
    {
      source: `${INTL}53567, ${INTL}54903, ${INTL}37714 (banners); ${INTL}58589 (menu)`,
      effective: '2024-04-01',
      confidence: 'unverified',
      note:
        'Banners disagree ("$9.9 → 50,000 minutes" and "first 3 months from $9.9/month"); validity and scope are not published, so fee and minutes are ' +
        "the user's (trtc-billing-2025.md §11.3).",
      noteZh:
        '横幅说法不一（“$9.9 → 50,000 分钟”与“前 3 个月每月 $9.9 起”）；有效期与适用范围未公布，因此费用与分钟数由用户填写（trtc-billing-2025.md §11.3）。',
    },
    {
      en: 'The banners disagree on the Starter plan ($9.9 for 50,000 minutes, or $9.9/month for the first 3 months): enter the fee and minutes of your offer.',
      zh: 'Starter 入门版的横幅说法不一（9.9 美元 50,000 分钟，或前 3 个月每月 9.9 美元）：请输入你所获优惠的费用与分钟数。',
    },
  ),
  unpublished('rtc-engine.lite', 'rtc-engine', { en: 'RTC-Engine Lite', zh: 'RTC-Engine 轻量版' }, RTC_ENGINE_CITATION, {
    en: 'Needed for speech-to-text / AI.',
    zh: '语音转文字 / AI 能力需要此版本或更高。',
  }),
  unpublished('rtc-engine.standard', 'rtc-engine', { en: 'RTC-Engine Standard', zh: 'RTC-Engine 标准版' }, RTC_ENGINE_CITATION, {
    en: 'Needed for RTMP push-in, publishing an online media stream and AI noise suppression.',
    zh: 'RTMP 推流上麦、在线媒体流和 AI 降噪需要此版本或更高。',
  }),
  unpublished('rtc-engine.pro', 'rtc-engine', { en: 'RTC-Engine Pro', zh: 'RTC-Engine 专业版' }, RTC_ENGINE_CITATION, {
    en: 'Needed for video screenshot upload (plus a fee per screenshot).',
    zh: '视频截图上传需要此版本（另按截图计费）。',
  }),
  trial('call.trial', 'call', { en: 'Call Trial (7 days)', zh: '音视频通话体验版（7 天）' }, 7, `${INTL}54512; ${INTL}59832; ${INTL}60220`),
  {
    id: 'call.1v1',
    family: 'call',
    region: 'international',
    currency: 'USD',
    name: { en: 'Call 1v1', zh: '1v1 通话版' },
    fees: [{ fee: '199', from: '2025-03-27', citation: CALL_CITATION }],
    minutes: 100_000,
    validity: { months: 1 },
    scope: 'app',
    afterQuota: 'pay-as-you-go',
    mau: { included: 5_000, overagePerUser: CALL_MAU_OVERAGE, citation: CALL_CITATION },
    note: { en: 'For TUICallKit apps.', zh: '适用于 TUICallKit 应用。' },
    citation: CALL_CITATION,
  },
  {
    id: 'call.group',
    family: 'call',
    region: 'international',
    currency: 'USD',
    name: { en: 'Group Call', zh: '群组通话版' },
    fees: [{ fee: '597', from: '2025-03-27', citation: CALL_CITATION }],
    minutes: 300_000,
    validity: { months: 1 },
    scope: 'app',
    afterQuota: 'pay-as-you-go',
    mau: { included: 10_000, overagePerUser: CALL_MAU_OVERAGE, citation: CALL_CITATION },
    note: { en: 'For TUICallKit apps.', zh: '适用于 TUICallKit 应用。' },
    citation: CALL_CITATION,
  },
  trial('live.trial', 'live', { en: 'Live Trial (14 days)', zh: '直播体验版（14 天）' }, 14, `${INTL}60033; ${INTL}60336`),
  unpublished(
    'live',
    'live',
    { en: 'Live monthly package', zh: '直播月套餐' },
    {
      source: `${INTL}59407 (not in any store); ${INTL}60033; ${INTL}66078`,
      effective: '2025-11-01',
      confidence: 'unverified',
      note:
        'Fees, minutes and MAU not published in any page read. Live package minutes deduct anchors 1:4:9:16:36 and Video Live audience 0.5:2:4.5:8:18 ' +
        '(66078); the Video Live component audience is deducted at its ratios by src/core/bill/videoLive.ts.',
      noteZh:
        '所读的任何页面均未公布费用、分钟数与 MAU。直播月套餐分钟数对主播按 1:4:9:16:36、对视频直播观众按 0.5:2:4.5:8:18 抵扣（66078）；' +
        '视频直播组件观众由 src/core/bill/videoLive.ts 按其比例抵扣。',
    },
    { en: 'For TUILiveKit apps; deploys only in Singapore and Silicon Valley.', zh: '适用于 TUILiveKit 应用；仅部署在新加坡与硅谷。' },
  ),
  trial('conference.trial', 'conference', { en: 'Conference Trial (14 days)', zh: '会议体验版（14 天）' }, 14, `${INTL}59973`),
  unpublished(
    'conference',
    'conference',
    { en: 'Conference monthly package', zh: '会议月套餐' },
    {
      source: `${INTL}59409 (not in any store); ${INTL}59973`,
      effective: '2025-11-01',
      confidence: 'unverified',
      note: 'Fees, minutes and MAU not published in any page read.',
      noteZh: '所读的任何页面均未公布费用、分钟数与 MAU。',
    },
    { en: 'For TUIRoomKit apps.', zh: '适用于 TUIRoomKit 应用。' },
  ),
  {
    id: 'mainland.basic',
    family: 'mainland-trtc',
    region: 'mainland',
    currency: 'CNY',
    name: { en: 'TRTC Basic (基础版)', zh: 'TRTC 基础版' },
    fees: mainlandFees('500', '625'),
    minutes: 110_000,
    validity: { months: 1 },
    scope: 'app',
    afterQuota: 'pay-as-you-go',
    note: {
      en: 'Sold with TUICallKit / TUIRoomKit; the minutes come as a gifted duration pack each month.',
      zh: '随 TUICallKit / TUIRoomKit 售卖；分钟数以每月赠送的时长包形式发放。',
    },
    citation: MAINLAND_LIST,
  },
  {
    id: 'mainland.premium',
    family: 'mainland-trtc',
    region: 'mainland',
    currency: 'CNY',
    name: { en: 'TRTC Premium (尊享版)', zh: 'TRTC 尊享版' },
    fees: mainlandFees('1500', '1875'),
    minutes: 380_000,
    validity: { months: 1 },
    scope: 'app',
    afterQuota: 'pay-as-you-go',
    note: { en: 'Sold with TUICallKit / TUIRoomKit.', zh: '随 TUICallKit / TUIRoomKit 售卖。' },
    citation: MAINLAND_LIST,
  },
  {
    id: 'mainland.flagship',
    family: 'mainland-trtc',
    region: 'mainland',
    currency: 'CNY',
    name: { en: 'TRTC Flagship (旗舰版)', zh: 'TRTC 旗舰版' },
    fees: mainlandFees('5000', '6250'),
    minutes: 1_400_000,
    validity: { months: 1 },
    scope: 'app',
    afterQuota: 'pay-as-you-go',
    note: { en: 'Sold with TUICallKit / TUIRoomKit.', zh: '随 TUICallKit / TUIRoomKit 售卖。' },
    citation: MAINLAND_LIST,
  },
  {
    // TUICallKit 1v1 通话版 = TRTC 基础版 + IM 专业版 (1640/102626). The 2024-05 sum 625 + 1,499 = 2,124 is
    // the figure 1640/82856 prints, which supports reading its columns that way.
    id: 'mainland.call-1v1',
    family: 'mainland-trtc',
    region: 'mainland',
    currency: 'CNY',
    name: { en: 'TUICallKit 1v1 (1V1 通话版: TRTC 基础版 + IM 专业版)', zh: 'TUICallKit 1V1 通话版（TRTC 基础版 + IM 专业版）' },
    fees: [
      {
        fee: '1999',
        from: '2024-01-01',
        to: '2024-01-02',
        parts: [
          { label: { en: 'TRTC Basic', zh: 'TRTC 基础版' }, fee: '500' },
          { label: { en: 'IM Pro', zh: 'IM 专业版' }, fee: '1499' },
        ],
        citation: IM_PRO,
      },
      {
        fee: '1499',
        from: '2024-01-03',
        to: '2024-03-31',
        parts: [
          { label: { en: 'TRTC Basic', zh: 'TRTC 基础版' }, fee: '500' },
          { label: { en: 'IM Pro, promotion with a TRTC package', zh: 'IM 专业版（与 TRTC 套餐同购优惠）' }, fee: '999' },
        ],
        citation: IM_PRO,
      },
      {
        fee: '1999',
        from: '2024-04-01',
        to: '2024-04-30',
        parts: [
          { label: { en: 'TRTC Basic', zh: 'TRTC 基础版' }, fee: '500' },
          { label: { en: 'IM Pro', zh: 'IM 专业版' }, fee: '1499' },
        ],
        citation: { ...IM_PRO, confidence: 'inferred' },
      },
      {
        fee: '2124',
        from: '2024-05-01',
        parts: [
          { label: { en: 'TRTC Basic', zh: 'TRTC 基础版' }, fee: '625' },
          { label: { en: 'IM Pro', zh: 'IM 专业版' }, fee: '1499' },
        ],
        citation: {
          source: `${IM_PRO.source}; ${MAINLAND_LIST.source}; ${CN}1640/82856 (2,124 元/month)`,
          effective: '2024-05-01',
          confidence: 'inferred',
          note: 'Sum of the TRTC 基础版 list price and IM 专业版; 1640/82856 prints 2,124 元/month.',
          noteZh: 'TRTC 基础版刊例价与 IM 专业版之和；1640/82856 印出的是每月 2,124 元。',
        },
      },
    ],
    minutes: 110_000,
    validity: { months: 1 },
    scope: 'app',
    afterQuota: 'pay-as-you-go',
    note: { en: 'Includes IM 专业版; a refund is only for the whole bundle.', zh: '含 IM 专业版；只能整体退款。' },
    citation: IM_PRO,
  },
];

export const CUSTOM_EDITION_ID = 'custom';

export const PACKAGE_EDITION_IDS: readonly string[] = [...PACKAGE_EDITIONS.map((e) => e.id), CUSTOM_EDITION_ID];

export function packageEdition(id: string): PackageEdition | undefined {
  return PACKAGE_EDITIONS.find((e) => e.id === id);
}

/** The published fee for a purchase (or renewal) on `date`, if any. */
export function feeOn(edition: PackageEdition, date: string): DatedFee | undefined {
  return edition.fees.find((f) => (f.from === undefined || f.from <= date) && (f.to === undefined || date <= f.to));
}

/**
 * International: the date from which an app with no monthly package is suspended when the free minutes
 * run out. The rule is on 73281 (read after 2025-11); the earliest dated page describing the package
 * model is 59806 (2025-01-21). When the rule began is not published: earlier periods get no warning.
 */
export const SUSPENSION_RULE = {
  from: '2025-01-21',
  citation: {
    source: `${INTL}73281 (free minutes: "the application is suspended"); ${INTL}59806 (package deduction, 2025-01-21)`,
    effective: '2025-01-21',
    confidence: 'inferred',
    note: 'The rule is verified; its start date is not published and is taken from the earliest dated page of the package model.',
    noteZh: '该规则已核实；其起始日期未公布，取自描述月套餐模式的页面中最早注明日期的一页。',
  } satisfies Citation,
};

/** International free minutes: 10,000 a month for 12 monthly cycles from the grant date (73281; example S9). */
export const FREE_MINUTES_2024 = {
  cycles: 12,
  /** Accounts (UINs) registered on or after this date: free minutes also cover these usage categories. */
  wideCoverageFrom: '2024-07-25',
  /** What the engine meters among the categories the wider coverage adds. */
  metered: ['recording', 'mixing'],
  notMetered: { en: 'recording delivery and web page recording', zh: '录制转存分发和页面录制' },
  citation: {
    source: `${INTL}73281 (free minutes; TM 53883203386)`,
    effective: '2024-07-25',
    confidence: 'verified',
    note:
      '10,000 minutes a month for 12 months per account; the cycle runs from the grant date (2022-11-15 → 2022-12-14); unused minutes expire. UINs ' +
      'registered from 2024-07-25: also cloud recording, MixTranscoding, recording delivery, web page recording and Video Live audience duration.',
    noteZh:
      '每个账号每月 10,000 分钟，共 12 个月；周期自发放日起算（2022-11-15 → 2022-12-14）；未用完的分钟数作废。2024-07-25 起注册的 UIN：' +
      '免费时长还可抵扣云端录制、云端混流转码、录制文件转存分发、页面录制与视频直播组件观众时长。',
  } satisfies Citation,
};
