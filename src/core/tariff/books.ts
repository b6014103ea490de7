// TRTC price books and rule generations, bundled and dated.
// Every number cites the document it was copied from (../shared/reference/trtc-billing.md keeps the
// research notes). Prices are per 1,000 minutes unless a field says otherwise. Numbers are strings so
// they enter decimal.js without passing through binary floating point.

import type { Citation, Currency, Tier } from '../common';
import type { MeteringModel, Region } from '../scenario/types';

const QD = 'https://github.com/tencentyun/qcloud-documents/tree/master/product/视频服务/实时音视频/购买指南/';
const ID = 'https://github.com/tencentyun/intlcloud-documents/tree/master/yehe_doc/视频服务/实时音视频/购买指南/';

export interface TierPrice {
  tier: Tier;
  /** Upper bound of the pixel area (inclusive); null for the open-ended top tier; 0 for audio. */
  maxPixels: number | null;
  price: string;
  /** Deduction weight against general prepaid packs. */
  packWeight: number;
}

/** Audio/video duration book: the base service. */
export interface DurationBook {
  id: string;
  region: Region;
  currency: Currency;
  metering: MeteringModel;
  title: { en: string; zh: string };
  tiers: TierPrice[];
  citation: Citation;
}

export const MAINLAND_PER_STREAM: DurationBook = {
  id: 'mainland-per-stream',
  region: 'mainland',
  currency: 'CNY',
  metering: 'per-stream',
  title: { en: 'Mainland China (CNY), per-stream metering', zh: '中国站（人民币），按单路流计费' },
  tiers: [
    { tier: 'audio', maxPixels: 0, price: '7', packWeight: 1 },
    { tier: 'SD', maxPixels: 307_200, price: '14', packWeight: 2 },
    { tier: 'HD', maxPixels: 921_600, price: '28', packWeight: 4 },
    { tier: 'FHD', maxPixels: null, price: '105', packWeight: 15 },
  ],
  citation: {
    source: `${QD}音视频时长计费说明.md (cloud.tencent.com/document/product/647/44248), commits 0b0a1e36 and fb2e3c2; 视频通话计费说明.md (647/44246); 预付费套餐包.md (647/44247) for pack weights`,
    effective: '2019-10-11',
    confidence: 'verified',
    note: 'The newest mainland docs read date from 2022; no mainland 2K/4K or aggregate tariff was found.',
  },
};

/** The mainland book IF the mainland moved to aggregate metering like the international site. Not found in any source. */
export const MAINLAND_AGGREGATE_UNVERIFIED: DurationBook = {
  id: 'mainland-aggregate-unverified',
  region: 'mainland',
  currency: 'CNY',
  metering: 'aggregate',
  title: {
    en: 'Mainland China (CNY), aggregate metering — UNVERIFIED prices',
    zh: '中国站（人民币），聚合分辨率计费——价格未经核实',
  },
  tiers: [
    { tier: 'audio', maxPixels: 0, price: '7', packWeight: 1 },
    { tier: 'SD', maxPixels: 307_200, price: '14', packWeight: 2 },
    { tier: 'HD', maxPixels: 921_600, price: '28', packWeight: 4 },
    { tier: 'FHD', maxPixels: 2_073_600, price: '63', packWeight: 9 },
    { tier: '2K', maxPixels: 3_686_400, price: '112', packWeight: 16 },
    { tier: '4K', maxPixels: 8_847_360, price: '252', packWeight: 36 },
  ],
  citation: {
    source: 'Inferred: 7 CNY × the international weights 1:2:4:9:16:36 (trtc-billing.md §1.3, §8). No mainland document states these prices.',
    effective: 'unknown',
    confidence: 'unverified',
  },
};

export const INTL_AGGREGATE: DurationBook = {
  id: 'international-aggregate',
  region: 'international',
  currency: 'USD',
  metering: 'aggregate',
  title: { en: 'International (USD), aggregate resolution metering', zh: '国际站（美元），按聚合分辨率计费' },
  tiers: [
    { tier: 'audio', maxPixels: 0, price: '0.99', packWeight: 1 },
    { tier: 'HD', maxPixels: 921_600, price: '3.99', packWeight: 4 },
    { tier: 'FHD', maxPixels: 2_073_600, price: '8.99', packWeight: 9 },
    { tier: '2K', maxPixels: 3_686_400, price: '15.99', packWeight: 16 },
    { tier: '4K', maxPixels: 8_847_360, price: '35.99', packWeight: 36 },
  ],
  citation: {
    source: `${ID}实时音视频计费_intl_en.md (intl.cloud.tencent.com/document/product/647/42734), versions 2021-11-05 to 2022-05-18; weights from tencentcloud.com/document/product/647/42734 (current)`,
    effective: '2021-10-27',
    confidence: 'verified',
    note: 'Prices read from the 2022-05-18 version; the current page confirms the tier set and pack weights.',
  },
};

export const INTL_PER_STREAM: DurationBook = {
  id: 'international-per-stream',
  region: 'international',
  currency: 'USD',
  metering: 'per-stream',
  title: { en: 'International (USD), legacy per-stream metering', zh: '国际站（美元），旧版按单路流计费' },
  tiers: [
    { tier: 'audio', maxPixels: 0, price: '0.99', packWeight: 1 },
    { tier: 'SD', maxPixels: 307_200, price: '1.99', packWeight: 2 },
    { tier: 'HD', maxPixels: 921_600, price: '3.99', packWeight: 4 },
    { tier: 'FHD', maxPixels: null, price: '14.99', packWeight: 15 },
  ],
  citation: {
    source: `${ID}视频互动直播计费说明_intl_en.md and 视频通话计费说明_intl_en.md (2021-09-13 versions)`,
    effective: '2021-09-13',
    confidence: 'verified',
    note: 'Applies to accounts whose first application was created before 2021-10-27.',
  },
};

/** Accounts whose first app is created on or after this date are metered by aggregate resolution (international). */
export const INTL_AGGREGATE_FROM = '2021-10-27';

export function durationBook(region: Region, metering: MeteringModel): DurationBook {
  if (region === 'mainland') return metering === 'aggregate' ? MAINLAND_AGGREGATE_UNVERIFIED : MAINLAND_PER_STREAM;
  return metering === 'aggregate' ? INTL_AGGREGATE : INTL_PER_STREAM;
}

// ---------------------------------------------------------------------------------------------
// Payment

export const POSTPAID_DAILY_DEFAULT_FROM = '2020-09-01';
export const POSTPAID_CITATION: Citation = {
  source: `${QD}视频通话计费说明.md; ${QD}后付费说明.md; ${ID}视频互动直播计费说明_intl_en.md`,
  effective: '2020-09-01',
  confidence: 'verified',
  note: 'Daily settlement is the default for accounts whose first app was created on or after 2020-09-01; monthly before.',
};

export interface PackBook {
  currency: Currency;
  fixed: { minutes: number; price: string }[];
  /** Custom sizes: unit price per 1,000 minutes by size bracket (size in minutes ≥ fromMinutes). */
  custom: { fromMinutes: number; unit: string }[];
  citation: Citation;
}

export const MAINLAND_PACKS: PackBook = {
  currency: 'CNY',
  fixed: [
    { minutes: 25_000, price: '168' },
    { minutes: 250_000, price: '1588' },
    { minutes: 1_000_000, price: '5968' },
    { minutes: 3_000_000, price: '16888' },
  ],
  custom: [
    { fromMinutes: 0, unit: '7' },
    { fromMinutes: 25_000, unit: '6.72' },
    { fromMinutes: 250_000, unit: '6.352' },
    { fromMinutes: 1_000_000, unit: '5.968' },
    { fromMinutes: 3_000_000, unit: '5.63' },
  ],
  citation: {
    source: `${QD}预付费套餐包.md (cloud.tencent.com/document/product/647/44247); ${QD}视频通话计费说明.md`,
    effective: '2020-09-01',
    confidence: 'verified',
    note: 'Valid from the purchase day to the last day of the same month next year; earliest expiry used first; covers usage from 00:00 of the purchase day.',
  },
};

export const INTL_PACKS: PackBook = {
  currency: 'USD',
  fixed: [
    { minutes: 25_000, price: '24' },
    { minutes: 250_000, price: '227' },
    { minutes: 1_000_000, price: '856' },
    { minutes: 3_000_000, price: '2416' },
  ],
  custom: [
    { fromMinutes: 0, unit: '0.99' },
    { fromMinutes: 25_000, unit: '0.96' },
    { fromMinutes: 250_000, unit: '0.908' },
    { fromMinutes: 1_000_000, unit: '0.856' },
    { fromMinutes: 3_000_000, unit: '0.805' },
  ],
  citation: {
    source: `${ID}预付费套餐包_intl_en.md (2021-11-09); tencentcloud.com/document/product/647/42736`,
    effective: '2021-11-09',
    confidence: 'verified',
    note: 'International packs required an allowlist; current availability is not verified.',
  },
};

export function packBook(region: Region): PackBook {
  return region === 'mainland' ? MAINLAND_PACKS : INTL_PACKS;
}

// ---------------------------------------------------------------------------------------------
// Free minutes

export const MAINLAND_TRIAL = {
  minutes: 10_000,
  /** Deducted 1:1 in this order (earlier doc versions state the order). */
  order: ['audio', 'SD', 'HD', 'FHD', '2K', '4K'] as Tier[],
  citation: {
    source: `${QD}免费试用.md (commit 0ebbbfbc)`,
    effective: '2019-10-11',
    confidence: 'verified',
    note: 'One-time 10,000-minute pack granted with the first app; valid to the last day of the same month next year; 1:1 for all tiers.',
  } satisfies Citation,
};

export const INTL_MONTHLY_FREE = {
  minutes: 10_000,
  /** The monthly package started in November 2021 (before: the one-time 2021-08-20 trial, not modelled). */
  grantedFrom: '2021-11-01',
  /** From this usage month the deduction is weighted (audio 1, SD 2, HD 4, FHD 9, 2K 16, 4K 36). */
  weightedFrom: '2023-01-01',
  weights: { audio: 1, SD: 2, HD: 4, FHD: 9, '2K': 16, '4K': 36 } as Record<Tier, number>,
  order: ['audio', 'SD', 'HD', 'FHD', '2K', '4K'] as Tier[],
  citation: {
    source: `${ID}免费时长说明_intl_en.md (2022-06-15, 1:1) and 免费体验时长说明_intl_en.md (2023-01-12, weighted 1:2:4:9:16:36)`,
    effective: '2021-11-01',
    confidence: 'verified',
    note: '10,000 minutes every month, no rollover; covers calls/live and cloud recording, A/V first (the 2022 overview adds MixTranscoding; not applied here). The switch to weights is dated by the 2023-01-12 doc; taking it from 2023-01-01 is inferred.',
  } satisfies Citation,
};

// ---------------------------------------------------------------------------------------------
// Cloud recording: four rule generations

export type RecordingRules =
  | 'mainland-2022-per-input'
  | 'mainland-2020-per-output'
  | 'mainland-css-legacy'
  | 'intl-2022-per-task'
  | 'intl-2021-per-output';

export interface RecordingBook {
  rules: RecordingRules;
  /** Tier edges by pixel area (inclusive upper bounds); the last may be null (open-ended). */
  tiers: { tier: Tier; maxPixels: number | null }[];
  /** Prices by mode (per-input rules distinguish single and mixed; others use 'any'). */
  prices: Partial<Record<'single' | 'mixed' | 'any', Partial<Record<Tier, string>>>>;
  citation: Citation;
}

export const RECORDING_MAINLAND_2022: RecordingBook = {
  rules: 'mainland-2022-per-input',
  tiers: [
    { tier: 'audio', maxPixels: 0 },
    { tier: 'SD', maxPixels: 307_200 },
    { tier: 'HD', maxPixels: 921_600 },
    { tier: 'FHD', maxPixels: 2_073_600 },
    { tier: '2K', maxPixels: 3_686_400 },
    { tier: '4K', maxPixels: 8_912_896 },
  ],
  prices: {
    single: { audio: '3.5', SD: '7', HD: '14', FHD: '31', '2K': '56', '4K': '97' },
    mixed: { audio: '9', SD: '19', HD: '35', FHD: '79', '2K': '138', '4K': '323' },
  },
  citation: {
    source: `${QD}云端录制费用说明（新）.md (commit 0432c640)`,
    effective: '2022-07-20',
    confidence: 'verified',
    note: 'Applies to apps created on or after 2022-07-20. Billed per input stream; a mixed task whose inputs are all audio is one audio stream.',
  },
};

export const RECORDING_MAINLAND_2020: RecordingBook = {
  rules: 'mainland-2020-per-output',
  tiers: [
    { tier: 'audio', maxPixels: 0 },
    { tier: 'SD', maxPixels: 307_200 },
    { tier: 'HD', maxPixels: 921_600 },
    { tier: 'FHD', maxPixels: null },
  ],
  prices: { any: { audio: '3.5', SD: '7', HD: '14', FHD: '52.5' } },
  citation: {
    source: `${QD}云端录制计费说明.md (cloud.tencent.com/document/product/647/45892)`,
    effective: '2020-07-01',
    confidence: 'verified',
    note: 'Accounts with a first app from 2020-07-01 and apps created before 2022-07-20. Billed per output file.',
  },
};

export const RECORDING_INTL_2022: RecordingBook = {
  rules: 'intl-2022-per-task',
  tiers: [
    { tier: 'audio', maxPixels: 0 },
    { tier: 'HD', maxPixels: 921_600 },
    { tier: 'FHD', maxPixels: 2_073_600 },
    { tier: '2K', maxPixels: 3_686_400 },
    { tier: '4K', maxPixels: 8_847_360 },
  ],
  prices: { any: { audio: '1.49', HD: '5.99', FHD: '13.49', '2K': '23.99', '4K': '53.99' } },
  citation: {
    source: `${ID}云端录制计费_intl_en.md (2022-02)`,
    effective: '2022-02-01',
    confidence: 'inferred',
    note: 'Prices verified in the doc (2022-02); per recording task, tier by the aggregate resolution of all recorded video. "2K+" is shown here as 4K. The first-of-month effective date is inferred from the doc version.',
  },
};

export const RECORDING_INTL_2021: RecordingBook = {
  rules: 'intl-2021-per-output',
  tiers: [
    { tier: 'audio', maxPixels: 0 },
    { tier: 'SD', maxPixels: 307_200 },
    { tier: 'HD', maxPixels: 921_600 },
    { tier: 'FHD', maxPixels: null },
  ],
  prices: { any: { audio: '0.499', SD: '0.99', HD: '1.99', FHD: '7.499' } },
  citation: {
    source: `${ID}云端录制计费说明_intl_en.md (2021)`,
    effective: '2021-01-01',
    confidence: 'inferred',
    note: 'Prices verified in the doc; per output file. The start date is not stated in the doc read (inferred).',
  },
};

export const RECORDING_MAINLAND_FROM_2022 = '2022-07-20';
export const RECORDING_MAINLAND_FROM_2020 = '2020-07-01';
export const RECORDING_INTL_FROM_2022 = '2022-02-01';

export const RECORDING_CSS_LEGACY_CITATION: Citation = {
  source: `${QD}附加能力费用 (2019)`,
  effective: '2019-01-01',
  confidence: 'verified',
  note: 'Accounts from before 2020-07-01 are billed by Tencent CSS live recording: peak concurrent recordings × 30 CNY per month. Not estimated.',
};

// ---------------------------------------------------------------------------------------------
// Cloud mix-transcoding (MCU)

export type MixingRules = 'mainland-output' | 'intl-output' | 'intl-input';

export interface MixingBook {
  rules: MixingRules;
  tiers: { tier: Tier; maxPixels: number | null }[];
  prices: Partial<Record<'h264' | 'h265', Partial<Record<Tier, string>>>>;
  citation: Citation;
}

export const MIXING_MAINLAND_OUTPUT: MixingBook = {
  rules: 'mainland-output',
  tiers: [
    { tier: 'audio', maxPixels: 0 },
    { tier: 'SD', maxPixels: 307_200 },
    { tier: 'HD', maxPixels: 921_600 },
    { tier: 'FHD', maxPixels: null },
  ],
  prices: { h264: { audio: '5.6', SD: '16', HD: '32.5', FHD: '63' } },
  citation: {
    source: `${QD}云端混流转码计费说明.md (cloud.tencent.com/document/product/647/49446)`,
    effective: '2020-11-01',
    confidence: 'verified',
    note: 'Billed by output duration and output resolution (FHD up to 1980×1080). H.265 and input-based mainland prices were not found.',
  },
};

export const MIXING_INTL_OUTPUT: MixingBook = {
  rules: 'intl-output',
  tiers: [
    { tier: 'audio', maxPixels: 0 },
    { tier: 'SD', maxPixels: 307_200 },
    { tier: 'HD', maxPixels: 921_600 },
    { tier: 'FHD', maxPixels: null },
  ],
  prices: { h264: { audio: '0.799', SD: '2.296', HD: '4.643', FHD: '8.99' } },
  citation: {
    source: `${ID}云端混流转码计费说明_intl_en.md`,
    effective: '2020-11-01',
    confidence: 'inferred',
    note: 'Prices verified in the doc; output-based; replaced by input-based billing on 2022-06-01. The start date is the mainland one (inferred).',
  },
};

export const MIXING_INTL_INPUT: MixingBook = {
  rules: 'intl-input',
  tiers: [
    { tier: 'audio', maxPixels: 0 },
    { tier: 'HD', maxPixels: 921_600 },
    { tier: 'FHD', maxPixels: 2_073_600 },
    { tier: '2K', maxPixels: 3_686_400 },
    { tier: '4K', maxPixels: 8_847_360 },
  ],
  prices: {
    h264: { audio: '1.99', HD: '5.99', FHD: '13.99', '2K': '25.99', '4K': '69.99' },
    h265: { audio: '1.99', HD: '17.99', FHD: '37.99', '2K': '69.99', '4K': '189.99' },
  },
  citation: {
    source: `${ID}混流转推计费_intl_en.md (2022-06-14); tencentcloud.com/document/product/647/47631 (updated 2026-01-16)`,
    effective: '2022-06-01',
    confidence: 'verified',
    note: 'Per task, tier by the aggregate resolution of the mixed inputs; a single input is not charged. "2K+" is shown as 4K.',
  },
};

export const MIXING_INTL_INPUT_FROM = '2022-06-01';

// ---------------------------------------------------------------------------------------------
// Relay to CDN

export const RELAY = {
  tencentCss: {
    price: '0',
    citation: {
      source: `${QD}计费相关问题.md; ${ID}混流转推计费_intl_en.md`,
      effective: '2020-11-01',
      confidence: 'verified',
      note: 'TRTC charges nothing to relay to Tencent Cloud CSS; CSS bills playback traffic or bandwidth at its own prices.',
    } satisfies Citation,
  },
  intlThirdPartyPerMbps: {
    price: '18.99',
    /** Customers registered after this date are billed by duration at a price not found. */
    bandwidthBillingBefore: '2025-10-23',
    citation: {
      source: `${ID}混流转推计费_intl_en.md; trtc.io/document/74102`,
      effective: '2022-06-01',
      confidence: 'verified',
      note: 'USD per Mbps of monthly peak bandwidth, for customers registered before 2025-10-23.',
    } satisfies Citation,
  },
};

// ---------------------------------------------------------------------------------------------
// Room limits (warnings, not prices)

export const ROOM_LIMITS = {
  callParticipants: 300,
  callPublishers: 50,
  liveAnchors: 50,
  liveLowLatencyAudience: 100_000,
  citation: {
    source: 'TRTCAppScene documentation in the SDK headers (e.g. Tencent-RTC/TRTC_Flutter SDK/lib/trtc_cloud_def.dart@f9972b30 lines 228-247: call ≤ 300 users); publisher and audience limits from the TRTC scene descriptions',
    effective: '2021-01-01',
    confidence: 'inferred',
  } satisfies Citation,
};

/** Receiving more than this aggregate pixel area is not defined by the international book: billed as 4K with a warning. */
export const AGGREGATE_MAX_PIXELS = 8_847_360;
