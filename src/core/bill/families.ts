// Settlement of the billable families priced outside the meter (Conversational AI and speech AI, the Video Live
// component's audience): per-session quantities of each room → per app, per settlement unit, rounded up as TRTC
// rounds them → what is left of the free minutes → Live package minutes → postpaid → bill lines. The A/V duration
// these families cause (the AI bot, the recognition robot, the anchors) is metered with the rooms by the meter.

import { D } from '../decimal';
import type { Citation, Text, Tier } from '../common';
import { fmtInt } from '../common';
import type { Scenario } from '../scenario/types';
import { coverByPackages, defaultApp, type PackageState } from './packages';
import type { Rules } from './rules';
import { addQ, ceilMinutes, mulQ, sessionsOn, settlementUnits, type FreePlan, type Quantity } from './settle';
import type { BillLine, LineCategory } from './types';

/** One room's per-session quantity of one price key. */
export interface FamilyQuantity {
  room: number;
  key: string;
  /** Seconds per session, or characters for per-1,000-characters prices. Whole numbers. */
  perSession: number;
  /**
   * Billed minutes are the rounded minutes of the bucket times this (translation: input minutes × target
   * languages, 67832); quantities of one key with different multipliers are rounded apart. Default 1.
   */
  multiplier?: number;
  reason: () => Text;
}

export interface FamilyPrice {
  key: string;
  category: LineCategory;
  tier?: Tier;
  label: Text;
  /** What the unit price is per: a minute, 1,000 minutes, or 1,000 (weighted) characters. */
  per: 'min' | '1000-min' | '1000-chars';
  unit: D;
  list: D;
  contract: boolean;
  citation: Citation;
  /** Rounded up per day even under monthly settlement (the AI pages: per SDKAppID per day). */
  daily: boolean;
  /** The free minutes cover this key, deducted at this tier's free-minute weight; undefined: not covered. */
  freeTier?: Tier;
  /** Package minutes deducted per billed minute, from the packages `packageFilter` accepts; undefined: not deductible. */
  packageRatio?: number;
  packageFilter?: (p: PackageState) => boolean;
  /** Extra sentences for the line (rules the reader should know). */
  notes?: Text[];
}

export interface FamilyContext {
  s: Scenario;
  rules: Rules;
  /** The free minutes left after the rooms' usage (settle.ts deduct), consumed further here. */
  free?: FreePlan;
  packages: readonly PackageState[];
}

export interface FamilyResult {
  lines: BillLine[];
  total: D;
  /** Postpaid amount per settlement unit (by its first day), for the bill's daily totals. */
  daily: Map<string, D>;
  /** Free minutes consumed (weighted), added to the bill's freeMinutesUsed. */
  freeUsed: number;
}

/** The amount of `billed` units of a price, exact. */
export function amountOf(price: FamilyPrice, billed: Quantity): D {
  const q = new D(billed);
  return price.per === 'min' ? price.unit.times(q) : price.unit.times(q).div(1000);
}

/** Settles the quantities of one or more families; prices are listed in line order. */
export function settleFamilies(quantities: readonly FamilyQuantity[], prices: readonly FamilyPrice[], ctx: FamilyContext): FamilyResult {
  const { s, rules } = ctx;
  const result: FamilyResult = { lines: [], total: new D(0), daily: new Map(), freeUsed: 0 };
  if (!quantities.length) return result;
  const fallback = defaultApp(s);
  const units = settlementUnits(rules);
  const appOf = (room: number) => s.rooms[room].app ?? fallback;

  for (const price of prices) {
    const mine = quantities.filter((q) => q.key === price.key && q.perSession > 0);
    if (!mine.length) continue;
    const chars = price.per === '1000-chars';
    let billed: Quantity = 0;
    let free = 0;
    let packaged = 0;
    let postpaid: Quantity = 0;
    const packages = price.packageRatio !== undefined ? ctx.packages.filter((p) => !price.packageFilter || price.packageFilter(p)) : [];
    // Rounding buckets per app: one per multiplier (the same key with different multipliers is rounded apart), each
    // with its quantity per day of the period. Built once: the work is linear in rooms × days whatever the apps.
    const byApp = new Map<string, Map<number, Quantity[]>>();
    for (const q of mine) {
      const app = appOf(q.room);
      const buckets = byApp.get(app) ?? new Map<number, Quantity[]>();
      const m = q.multiplier ?? 1;
      const daily = buckets.get(m) ?? new Array<Quantity>(rules.days).fill(0);
      const room = s.rooms[q.room];
      const active = Math.min(room.daysPerMonth ?? rules.days, rules.days);
      for (let d = 0; d < rules.days; d++) {
        const n = sessionsOn(d, active, rules.days, room.sessionsPerDay);
        if (n > 0) daily[d] = addQ(daily[d], mulQ(q.perSession, n));
      }
      buckets.set(m, daily);
      byApp.set(app, buckets);
    }
    for (const unit of units) {
      const unitDate = { date: unit.date, end: unit.end, minutes: new Map<string, number>() };
      let unitPostpaid: Quantity = 0;
      for (const [app, buckets] of byApp) {
        let need: Quantity = 0;
        for (const [multiplier, daily] of buckets) {
          let rounded: Quantity = 0;
          if (chars) {
            for (const d of unit.days) rounded = addQ(rounded, daily[d]);
          } else if (price.daily || unit.days.length === 1) {
            for (const d of unit.days) rounded = addQ(rounded, ceilMinutes(daily[d]));
          } else {
            let sum: Quantity = 0;
            for (const d of unit.days) sum = addQ(sum, daily[d]);
            rounded = ceilMinutes(sum);
          }
          need = addQ(need, mulQ(rounded, multiplier));
        }
        if (typeof need === 'number' ? need === 0 : need.isZero()) continue;
        billed = addQ(billed, need);
        // Whole minutes from here (characters are never deducted): plain numbers, as the meter's deduction.
        let left = typeof need === 'number' ? need : need.toNumber();
        if (!chars && ctx.free && price.freeTier) {
          const w = ctx.free.weight(price.freeTier, unit.date);
          const allowance = ctx.free.allowanceAt(unitDate);
          if (allowance > 0) {
            const covered = Math.min(left, Math.floor(allowance / w));
            ctx.free.consume(unitDate, covered * w);
            result.freeUsed += covered * w;
            free += covered;
            left -= covered;
          }
        }
        if (!chars && left > 0 && packages.length && price.packageRatio !== undefined) {
          const covered = coverByPackages(packages, unit.date, unit.end, left, price.packageRatio, app);
          packaged += covered;
          left -= covered;
        }
        const rest: Quantity = chars ? need : left;
        postpaid = addQ(postpaid, rest);
        unitPostpaid = addQ(unitPostpaid, rest);
      }
      if (unitPostpaid === 0) continue;
      const dayAmount = amountOf(price, unitPostpaid);
      if (!dayAmount.isZero()) result.daily.set(unit.date, (result.daily.get(unit.date) ?? new D(0)).plus(dayAmount));
    }
    if (new D(billed).isZero()) continue;
    const amount = amountOf(price, postpaid);
    result.total = result.total.plus(amount);
    result.lines.push(lineOf(price, mine, billed, free, packaged, postpaid, amount, ctx));
  }
  return result;
}

function lineOf(
  price: FamilyPrice,
  quantities: readonly FamilyQuantity[],
  billed: Quantity,
  free: number,
  packaged: number,
  postpaid: Quantity,
  amount: D,
  ctx: FamilyContext,
): BillLine {
  const cur = ctx.rules.currency;
  const explanation: Text[] = [];
  for (const q of quantities) if (explanation.length < 8) explanation.push(q.reason());
  const exact = amount.toDecimalPlaces(4).toFixed();
  const contract = price.contract
    ? { en: ` (contract price; list ${price.list.toFixed()})`, zh: `（合同价；刊例价 ${price.list.toFixed()}）` }
    : { en: '', zh: '' };
  if (price.per === '1000-chars') {
    const n = new D(billed).toFixed();
    explanation.push({
      en:
        `${fmtInt(Number(n))} characters (summed per day; Chinese, Japanese and Korean characters count 2) × ${price.unit.toFixed()} ${cur} per 1,000 ` +
        `characters${contract.en} = ${exact} ${cur}`,
      zh: `${fmtInt(Number(n))} 字符（按天累计；中文、日文、韩文字符计 2 个）× 每千字符 ${price.unit.toFixed()} ${cur}${contract.zh} = ${exact} ${cur}`,
    });
  } else {
    const per = price.daily || ctx.rules.settlement === 'day' ? { en: 'per app per day', zh: '按应用按天' } : { en: 'per app per month', zh: '按应用按月' };
    const rate =
      price.per === 'min'
        ? { en: `${price.unit.toFixed()} ${cur} per min`, zh: `每分钟 ${price.unit.toFixed()} ${cur}` }
        : { en: `${price.unit.toFixed()} ${cur} per 1,000 min`, zh: `每千分钟 ${price.unit.toFixed()} ${cur}` };
    const p = new D(postpaid).toFixed();
    explanation.push({
      en:
        `${fmtInt(new D(billed).toNumber())} min (seconds summed ${per.en} and rounded up to whole minutes)` +
        (free > 0 ? `, ${fmtInt(free)} covered by free minutes` : '') +
        (packaged > 0 ? `, ${fmtInt(packaged)} covered by monthly packages` : '') +
        `; ${fmtInt(Number(p))} min × ${rate.en}${contract.en} = ${exact} ${cur}`,
      zh:
        `${fmtInt(new D(billed).toNumber())} 分钟（${per.zh}累计秒数并向上取整到分钟` +
        `）${free > 0 ? `，其中 ${fmtInt(free)} 分钟由免费时长抵扣` : ''}${packaged > 0 ? `，${fmtInt(packaged)} 分钟由月套餐抵扣` : ''}；${fmtInt(Number(p))} 分钟 ` +
        `× ${rate.zh}${contract.zh} = ${exact} ${cur}`,
    });
  }
  explanation.push(...(price.notes ?? []));
  const minutes = price.per === '1000-chars' ? '0' : new D(billed).toFixed();
  // Per-minute prices are shown per 1,000 minutes, as every other duration line (0.01 per min = 10 per 1,000 min).
  const unitPrice = price.per === 'min' ? price.unit.times(1000).toFixed() : price.unit.toFixed();
  return {
    key: price.key,
    category: price.category,
    ...(price.tier ? { tier: price.tier } : {}),
    label: price.label,
    minutes,
    freeMinutes: String(free),
    packMinutes: String(packaged),
    postpaidMinutes: price.per === '1000-chars' ? '0' : new D(postpaid).toFixed(),
    ...(ctx.packages.length && price.per !== '1000-chars' ? { packageMinutes: String(packaged) } : {}),
    unitPrice,
    unit: price.per === '1000-chars' ? 'per-1000-chars' : 'per-1000-min',
    ...(price.per === '1000-chars' ? { characters: new D(billed).toFixed() } : {}),
    amount: amount.toFixed(),
    explanation,
    citation: price.citation,
  };
}

/** A list or contract unit price: a contract price for the key wins; otherwise the discount applies to the list price. */
export function contractPrice(s: Scenario, key: string, list: string, contractKey: boolean): { unit: D; list: D; contract: boolean } {
  const contract = s.tariff.contract;
  const override = contractKey ? contract?.prices?.[key] : undefined;
  let unit = new D(override !== undefined ? String(override) : list);
  if (override === undefined && contract?.discountPercent) unit = unit.times(new D(100).minus(String(contract.discountPercent))).div(100);
  return { unit, list: new D(list), contract: override !== undefined || !!contract?.discountPercent };
}
