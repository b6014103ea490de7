// The bill: what the engine returns for a scenario. Plain data (money as exact decimal strings)
// so it crosses postMessage, JSON output and webview state unchanged.

import type { Citation, Confidence, Currency, Message, Text, Tier } from '../common';
import type { MeteringModel, PaymentMode, Region } from '../scenario/types';

export type LineCategory = 'av' | 'recording' | 'mixing' | 'relay' | 'robot' | 'package' | 'ai' | 'video-live';

export interface BillLine {
  /** Stable price key, e.g. "av.HD", "recording.mixed.FHD", "mixing.h264.2K", "relay.third-party". */
  key: string;
  category: LineCategory;
  tier?: Tier;
  label: Text;
  /** Billed minutes in the period after rounding up per settlement period. */
  minutes: string;
  /** Of those, minutes covered by free minutes and by packs; the rest is billed postpaid. */
  freeMinutes: string;
  packMinutes: string;
  postpaidMinutes: string;
  /** Of packMinutes, the minutes absorbed by monthly packages (present when the scenario has packages). */
  packageMinutes?: string;
  /** Unit price per 1,000 minutes after contract prices or discount (per Mbps for bandwidth lines; the monthly fee or the price per user for package lines). */
  unitPrice: string;
  unit: 'per-1000-min' | 'per-mbps-month' | 'per-month' | 'per-user-month' | 'per-1000-chars';
  /** Text-to-speech lines (unit per-1000-chars): billable characters in the period (Chinese, Japanese and Korean ones counted twice). */
  characters?: string;
  /** Postpaid amount, exact. */
  amount: string;
  explanation: Text[];
  citation: Citation;
}

export interface PackUse {
  label: Text;
  /** Pack minutes consumed this period (weighted by the deduction ratios). */
  used: string;
  remainingAfter: string;
  expires: string;
}

export interface AdviceOption {
  label: Text;
  /** A monthly package edition to buy (bought at the period start, renewed monthly), if the option includes one. */
  package?: { edition: string; name: Text; fee: string; priceSource: 'published' | 'user'; app?: string };
  /** Every package edition to buy, one per app at most (`package` is the first); present when the option buys any. */
  packages?: { edition: string; name: Text; fee: string; priceSource: 'published' | 'user'; app?: string }[];
  /** Packs to buy (size in minutes, price per pack, how many); empty means pay postpaid. */
  packs: { minutes: number; price: string; custom: boolean; count: number }[];
  packCost: string;
  postpaidCost: string;
  total: string;
}

export interface PaymentAdvice {
  /** Cost if this period's usage is paid postpaid after free minutes and owned packs. */
  postpaid: string;
  best: AdviceOption;
  saving: string;
  explanation: Text[];
}

export interface RoomCost {
  index: number;
  name: string;
  /** List-price cost of this room alone for the period, before free minutes and packs. */
  monthly: string;
  perDay: string;
  /** Cost of one minute of one session at list price. */
  perSessionMinute: string;
  /** Main tier received, for display (e.g. "HD"). */
  mainTier: Tier;
  explanation: Text[];
}

/** A monthly package held in the period: its fees, the minutes it absorbed and what was left. */
export interface MonthlyPackageUse {
  edition: string;
  name: Text;
  app?: string;
  purchased: string;
  /** Fees paid inside the period. */
  fee: string;
  priceSource: 'published' | 'user';
  cycles: { start: string; end: string; fee: string | null; minutes: string; used: string; remainingAfter: string }[];
  /** Package minutes absorbed (weighted by the deduction ratios). */
  absorbed: string;
  afterQuota: 'pay-as-you-go' | 'stops';
}

/** An international app with no package whose usage goes beyond the free minutes is suspended, not billed. */
export interface Suspension {
  /** The app (SDKAppID or name) suspended; present when the scenario has several apps. */
  app?: string;
  /** First settlement day on which the app would be suspended. */
  from: string;
  /** Settlement units (days, or months) affected. */
  units: number;
  /** What each package choice would cost for the same usage (null amounts: the fee is not published). */
  choices: {
    edition: string;
    name: Text;
    fee: string | null;
    payAsYouGo: string | null;
    total: string | null;
    priceSource: 'published' | 'user' | 'unpublished';
    note: Text;
  }[];
}

export interface Bill {
  currency: Currency;
  region: Region;
  metering: MeteringModel;
  paymentMode: PaymentMode;
  settlement: 'day' | 'month';
  book: { id: string; title: Text; effective: string; confidence: Confidence };
  /** The date the bundled prices were last read in their sources (src/core/tariff/data/tariff.json): "prices as of". */
  pricesAsOf: string;
  period: { start: string; days: number };
  lines: BillLine[];
  /** Exact total payable for the period (sum of line amounts: postpaid usage plus monthly package fees). */
  total: string;
  /** Total rounded to the cent, as an invoice shows it. */
  totalRounded: string;
  /** Average per day. */
  perDay: string;
  /** Postpaid amount per day under daily settlement (empty under monthly settlement); relay is monthly and not included. */
  daily: { date: string; amount: string }[];
  /** Minutes per tier of audio/video duration (before free minutes and packs). */
  minutesByTier: Partial<Record<Tier, string>>;
  packs: PackUse[];
  /** Monthly packages (empty when the scenario holds none). */
  monthlyPackages: MonthlyPackageUse[];
  /** Set when the app would be suspended instead of billed (international, no package, beyond the free minutes): the earliest, with several apps. */
  suspension: Suspension | null;
  /** Every app that would be suspended, earliest first (a package covers one app, so each app is judged on its own). */
  suspensions: Suspension[];
  freeMinutesUsed: string;
  rooms: RoomCost[];
  warnings: Message[];
  /** Facts the engine assumed (defaults applied), shown so the user can change them. */
  assumptions: Message[];
  advice: PaymentAdvice | null;
}
