// The bill: what the engine returns for a scenario. Plain data (money as exact decimal strings)
// so it crosses postMessage, JSON output and webview state unchanged.

import type { Citation, Confidence, Currency, Message, Text, Tier } from '../common';
import type { MeteringModel, PaymentMode, Region } from '../scenario/types';

export type LineCategory = 'av' | 'recording' | 'mixing' | 'relay' | 'robot';

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
  /** Unit price per 1,000 minutes after contract prices or discount (or per Mbps for bandwidth lines). */
  unitPrice: string;
  unit: 'per-1000-min' | 'per-mbps-month';
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
  /** Exact total payable postpaid for the period (sum of line amounts). */
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
  freeMinutesUsed: string;
  rooms: RoomCost[];
  warnings: Message[];
  /** Facts the engine assumed (defaults applied), shown so the user can change them. */
  assumptions: Message[];
  advice: PaymentAdvice | null;
}
