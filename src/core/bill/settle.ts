// Settlement: usage per day → minutes per settlement unit (rounded up per app, per usage category) → free minutes
// → monthly packages → prepaid packs → postpaid minutes. The bill (bill.ts) turns these into lines; the payment advice
// (advice.ts) re-runs the deduction with other packs and packages. Neither depends on the other.

import { D } from '../decimal';
import type { PackSpec, Scenario } from '../scenario/types';
import { books } from '../tariff/books';
import { meterRoom, type RoomUsage } from '../meter/meter';
import { fmtInt } from '../common';
import { coverByPackages, defaultApp, freeCoversWide, freeCycleIndex, type PackageState } from './packages';
import { FREE_MINUTES_2024 } from '../tariff/packages';
import { type KeyPrice, type Rules } from './rules';
import type { Message, Tier } from '../common';
import { TIERS } from '../common';

// ---------------------------------------------------------------------------------------------
// Dates (UTC, YYYY-MM-DD)

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Packs and the mainland trial are valid to the last day of the same month next year. */
export function lastDayOfSameMonthNextYear(date: string): string {
  const y = Number(date.slice(0, 4)) + 1;
  const m = Number(date.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Settlement units: the periods whose usage is rounded up to whole minutes (a day, or the month).

export interface Unit {
  /** First day of the unit. */
  date: string;
  /** Last day of the unit. */
  end: string;
  /** Billed minutes per price key, after rounding up: whole numbers, so plain numbers are exact. Summed over the apps. */
  minutes: Map<string, number>;
  /** With several apps: each app's billed minutes (rounded per app); `minutes` is their sum. */
  byApp?: Map<string, Map<string, number>>;
}

/**
 * How many whole sessions a room has on day index d: a room runs on `active` of the period's days
 * (spread evenly), and an average of `perDay` sessions on those days is spread the same way, so
 * 0.1 sessions a day is one whole session every ten days, not a tenth of one every day. (Rounding
 * up is per day: spreading fractions would bill a rounded-up minute every day.)
 */
export function sessionsOn(d: number, active: number, days: number, perDay: number): number {
  const before = Math.floor((d * active) / days);
  if (Math.floor(((d + 1) * active) / days) === before) return 0; // not a running day
  if (Number.isInteger(perDay)) return perDay;
  const j = before; // index of this day among the running days
  return new D(j + 1).times(perDay).floor().minus(new D(j).times(perDay).floor()).toNumber();
}

export interface Metered {
  rules: Rules;
  rooms: { usage: RoomUsage; activeDays: number; sessionsPerDay: number; app: string }[];
  /** The apps (SDKAppIDs) of the rooms, in order; one entry ("" or its name) for a single-app scenario. */
  apps: string[];
  units: Unit[];
}

/**
 * Seconds as a plain number while they are a safe integer (whole sessions × whole seconds: exact),
 * decimal.js beyond. Avoids thousands of decimal objects per bill.
 */
export type Quantity = number | D;
export const addQ = (a: Quantity, b: Quantity): Quantity =>
  typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a + b) ? a + b : new D(a).plus(b);
export const mulQ = (a: Quantity, n: number): Quantity => (typeof a === 'number' && Number.isSafeInteger(a * n) ? a * n : new D(a).times(n));
export const ceilMinutes = (q: Quantity): number => (typeof q === 'number' ? Math.ceil(q / 60) : q.div(60).ceil().toNumber());

/** The settlement units of a period: each day, or each calendar month (part) for monthly settlement. */
export function settlementUnits(rules: Rules): { date: string; end: string; days: number[] }[] {
  const out: { date: string; end: string; days: number[] }[] = [];
  for (let d = 0; d < rules.days; d++) {
    const date = addDays(rules.periodStart, d);
    const last = out[out.length - 1];
    if (rules.settlement === 'month' && last && last.date.slice(0, 7) === date.slice(0, 7)) {
      last.days.push(d);
      last.end = date;
    } else {
      out.push({ date, end: date, days: [d] });
    }
  }
  return out;
}

/** Billed minutes of one unit for one app: seconds summed per key and rounded up (per day for keys settled daily). */
export function unitMinutes(days: readonly number[], dailySeconds: readonly Map<string, Quantity>[], rules: Rules): Map<string, number> {
  if (days.length === 1) return new Map([...dailySeconds[days[0]]].map(([k, v]) => [k, ceilMinutes(v)]));
  const total = new Map<string, Quantity>();
  const daily = new Map<string, number>();
  for (const d of days)
    for (const [k, v] of dailySeconds[d]) {
      if (rules.dailyRounded(k)) daily.set(k, (daily.get(k) ?? 0) + ceilMinutes(v));
      else total.set(k, addQ(total.get(k) ?? 0, v));
    }
  const out = new Map([...total].map(([k, v]) => [k, ceilMinutes(v)]));
  for (const [k, v] of daily) out.set(k, v);
  return out;
}

export function meterScenario(s: Scenario, rules: Rules): Metered {
  const ctx = { duration: rules.duration, recording: rules.recording, mixing: rules.mixing, robotsBilled: rules.robotsBilled, relay: rules.relay };
  const fallback = defaultApp(s);
  const rooms = s.rooms.map((room) => ({
    usage: meterRoom(room, ctx),
    activeDays: Math.min(room.daysPerMonth ?? rules.days, rules.days),
    sessionsPerDay: room.sessionsPerDay,
    app: room.app ?? fallback,
  }));
  const apps = [...new Set(rooms.map((r) => r.app))];
  if (apps.length === 0) apps.push(fallback);
  // Rooms of one app that run on the same days with the same sessions share a pattern: sum their session seconds once.
  const byPattern = new Map<string, { app: string; active: number; perDay: number; seconds: Map<string, Quantity> }>();
  for (const r of rooms) {
    // Whole sessions: the same count every running day, folded into the seconds (perDay 1).
    const whole = Number.isInteger(r.sessionsPerDay);
    const id = `${r.app}\u0000${whole ? `${r.activeDays}` : `${r.activeDays}|${r.sessionsPerDay}`}`;
    const pattern = byPattern.get(id) ?? { app: r.app, active: r.activeDays, perDay: whole ? 1 : r.sessionsPerDay, seconds: new Map<string, Quantity>() };
    r.usage.perSession.forEach((secs, key) => pattern.seconds.set(key, addQ(pattern.seconds.get(key) ?? 0, whole ? mulQ(secs, r.sessionsPerDay) : secs)));
    byPattern.set(id, pattern);
  }
  // Seconds per app per day: TRTC sums and rounds up per application (SDKAppID) per day per category (42734).
  const dailyByApp = new Map<string, Map<string, Quantity>[]>();
  for (const app of apps) {
    const dailySeconds: Map<string, Quantity>[] = [];
    for (let d = 0; d < rules.days; d++) {
      const day = new Map<string, Quantity>();
      for (const p of byPattern.values()) {
        if (p.app !== app) continue;
        const n = sessionsOn(d, p.active, rules.days, p.perDay);
        if (n === 0) continue;
        p.seconds.forEach((secs, key) => day.set(key, addQ(day.get(key) ?? 0, mulQ(secs, n))));
      }
      dailySeconds.push(day);
    }
    dailyByApp.set(app, dailySeconds);
  }
  const units: Unit[] = settlementUnits(rules).map((u) => {
    if (apps.length === 1) return { date: u.date, end: u.end, minutes: unitMinutes(u.days, dailyByApp.get(apps[0])!, rules) };
    const byApp = new Map<string, Map<string, number>>();
    const minutes = new Map<string, number>();
    for (const app of apps) {
      const m = unitMinutes(u.days, dailyByApp.get(app)!, rules);
      byApp.set(app, m);
      for (const [k, v] of m) minutes.set(k, (minutes.get(k) ?? 0) + v);
    }
    return { date: u.date, end: u.end, minutes, byApp };
  });
  return { rules, rooms, apps, units };
}

// ---------------------------------------------------------------------------------------------
// Free minutes and packs

export interface PackState {
  spec: PackSpec;
  kind: 'general' | 'audio' | 'SD' | 'HD';
  purchased: string;
  expires: string;
  /** Pack minutes, as whole numbers (deductions are whole minutes × integer weights). */
  remaining: number;
  used: number;
}

export function packStates(packs: readonly PackSpec[], periodStart: string): PackState[] {
  return packs
    .map((spec) => {
      const purchased = spec.purchased ?? periodStart;
      return {
        spec,
        kind: spec.kind ?? 'general',
        purchased,
        expires: lastDayOfSameMonthNextYear(purchased),
        remaining: Math.floor(spec.remaining ?? spec.minutes),
        used: 0,
      };
    })
    .sort((a, b) => (a.expires < b.expires ? -1 : a.expires > b.expires ? 1 : 0)); // earliest expiry first
}

const TIER_ORDER: Tier[] = [...TIERS];
const CATEGORY_ORDER = ['av', 'recording', 'webrec', 'mixing', 'relay'];

/** Deduction and display order: A/V before recording before mixing; within each, audio up to 4K. */
export function sortKeys(keys: Iterable<string>): string[] {
  const rank = (k: string) => {
    const parts = k.split('.');
    const tier = parts[parts.length - 1] as Tier;
    const variant = parts.length > 2 && (parts[1] === 'mixed' || parts[1] === 'h265') ? 50 : 0;
    return CATEGORY_ORDER.indexOf(parts[0]) * 100 + variant + Math.max(0, TIER_ORDER.indexOf(tier));
  };
  return [...keys]
    .map((k) => [rank(k), k] as const)
    .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
    .map(([, k]) => k);
}

export interface Deduction {
  /** Per key: minutes covered by free minutes and by packs over the period. */
  free: Map<string, number>;
  pack: Map<string, number>;
  /** Per key: of `pack`, the minutes absorbed by monthly packages. */
  package: Map<string, number>;
  /** Per key: minutes left to pay postpaid over the period. */
  postpaid: Map<string, number>;
  /** Per unit: minutes left to pay postpaid, per key (for daily totals). */
  postpaidByUnit: Map<string, number>[];
  freeUsed: number;
  packs: PackState[];
  /** The free-minute allowance after this deduction (what is left serves the families billed outside the meter: bill/services.ts). */
  freePlan?: FreePlan;
  /** Per app: A/V minutes left to pay postpaid in each unit (what decides a suspension, app by app). */
  avPostpaidByApp: Map<string, number[]>;
}

export interface FreePlan {
  /** Allowance available at a unit's date (resets monthly for the international package). */
  allowanceAt(unit: Unit): number;
  consume(unit: Unit, amount: number): void;
  weight(tier: Tier, date: string): number;
  covers(key: string): boolean;
}

export function freePlan(s: Scenario, rules: Rules, notes: Message[]): FreePlan | undefined {
  const setting = s.payment?.freeMinutes ?? true;
  if (setting === false) return undefined;
  const explicitRemaining = typeof setting === 'object' ? Math.floor(setting.remaining) : undefined;
  if (rules.duration.region === 'mainland') {
    const account = s.tariff.accountCreated;
    const validTo = account ? lastDayOfSameMonthNextYear(account) : undefined;
    const trial = books().mainlandTrial;
    let remaining = explicitRemaining ?? trial.minutes;
    if (explicitRemaining === undefined) {
      notes.push({
        code: 'trial-assumed',
        text: account
          ? {
              en:
                `The one-time ${fmtInt(trial.minutes)}-minute trial is assumed unused (valid to ${validTo}); set payment.freeMinutes to ` +
                `{"remaining": N} or false.`,
              zh: `假定一次性 ${fmtInt(trial.minutes)} 分钟免费试用未使用（有效期至 ${validTo}）；可将 payment.freeMinutes 设为 {"remaining": N} 或 false。`,
            }
          : {
              en:
                `The one-time ${fmtInt(trial.minutes)}-minute trial is assumed unused and valid; set tariff.accountCreated, or ` +
                `payment.freeMinutes to {"remaining": N} or false.`,
              zh: `假定一次性 ${fmtInt(trial.minutes)} 分钟免费试用未使用且在有效期内；可设置 tariff.accountCreated，或将 payment.freeMinutes 设为 {"remaining": N} 或 false。`,
            },
      });
    }
    return {
      allowanceAt: (unit) => (validTo && unit.date > validTo ? 0 : remaining),
      consume: (_unit, amount) => {
        remaining -= amount;
      },
      weight: () => 1,
      covers: (key) => key.startsWith('av.'),
    };
  }
  const monthly = books().intlMonthlyFree;
  notes.push({
    code: 'intl-free-assumed',
    text:
      explicitRemaining === undefined
        ? {
            en:
              `${fmtInt(monthly.minutes)} free minutes a month are assumed (granted from ${monthly.grantedFrom}; the console grants ` +
              `them 12 months at a time); set payment.freeMinutes to {"remaining": N} or false.`,
            zh:
              `假定每月 ${fmtInt(monthly.minutes)} 分钟免费时长（自 ${monthly.grantedFrom} 起发放；控制台每次发放 12 个月）；可将 payment.freeMinutes 设为 ` +
              `{"remaining": N} 或 false。`,
          }
        : {
            en: `${explicitRemaining} free minutes left this month, as set in payment.freeMinutes.`,
            zh: `按 payment.freeMinutes 设置，本月剩余 ${explicitRemaining} 分钟免费时长。`,
          },
  });
  const left = new Map<string, number>(); // month (or free-minute cycle) → allowance left
  const granted = s.payment?.freeMinutesGranted;
  // With a grant date the cycles run from it (2022-11-15 → 2022-12-14) for 12 cycles; without one, by calendar month.
  const monthOf = granted ? (unit: Unit) => String(freeCycleIndex(granted, unit.date)) : (unit: Unit) => unit.date.slice(0, 7);
  const firstMonth = monthOf({ date: rules.periodStart, end: rules.periodStart, minutes: new Map() });
  const get = (unit: Unit) => {
    const m = monthOf(unit);
    if (!left.has(m)) {
      const inGrant = granted ? Number(m) >= 0 && Number(m) < FREE_MINUTES_2024.cycles : unit.date >= monthly.grantedFrom;
      left.set(m, m === firstMonth && explicitRemaining !== undefined ? explicitRemaining : inGrant ? monthly.minutes : 0);
    }
    return left.get(m)!;
  };
  const wide = freeCoversWide(s);
  return {
    allowanceAt: get,
    consume: (unit, amount) => {
      left.set(monthOf(unit), get(unit) - amount);
    },
    weight: (tier, date) => (date >= monthly.weightedFrom ? monthly.weights[tier] : 1),
    covers: (key) => key.startsWith('av.') || key.startsWith('recording.') || (wide && (key.startsWith('mixing.') || key.startsWith('webrec.'))),
  };
}

const bump = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);

/**
 * Deduct free minutes, then packs, from each unit's minutes, in key order. Minutes are whole
 * numbers throughout (TRTC deducts billed minutes), so this runs on plain numbers; money is
 * computed from the totals with decimal.js.
 */
export function deduct(metered: Metered, s: Scenario, packs: PackState[], notes: Message[], packages: readonly PackageState[] = []): Deduction {
  const { rules, units } = metered;
  const free = freePlan(s, rules, notes);
  const freeCovered = new Map<string, number>();
  const packCovered = new Map<string, number>();
  const packageCovered = new Map<string, number>();
  const postpaid = new Map<string, number>();
  const postpaidByUnit: Map<string, number>[] = [];
  let freeUsed = 0;
  const avPostpaidByApp = new Map<string, number[]>(metered.apps.map((app) => [app, new Array<number>(units.length).fill(0)]));
  const keys = new Set<string>();
  for (const u of units) for (const k of u.minutes.keys()) keys.add(k);
  const order = sortKeys(keys).map((key) => {
    const tier = key.slice(key.lastIndexOf('.') + 1) as Tier;
    return {
      key,
      tier,
      av: key.startsWith('av.'),
      covered: free?.covers(key) ?? false,
      weight: rules.duration.tiers.find((t) => t.tier === tier)?.packWeight ?? 1,
    };
  });
  const single = metered.apps[0] ?? '';
  for (let ui = 0; ui < units.length; ui++) {
    const unit = units[ui];
    const unitPostpaid = new Map<string, number>();
    for (const { key, tier, av, covered: freeCovers, weight } of order) {
      // With several apps each app's rounded minutes are deducted in turn (free minutes and packs are the
      // account's; a monthly package covers only its own app).
      if (unit.byApp) {
        for (const [app, minutes] of unit.byApp) deductKey(ui, unit, key, tier, av, freeCovers, weight, minutes.get(key) ?? 0, app, unitPostpaid);
      } else {
        deductKey(ui, unit, key, tier, av, freeCovers, weight, unit.minutes.get(key) ?? 0, single, unitPostpaid);
      }
    }
    postpaidByUnit.push(unitPostpaid);
  }
  function deductKey(
    ui: number,
    unit: Unit,
    key: string,
    tier: Tier,
    av: boolean,
    freeCovers: boolean,
    weight: number,
    minutes: number,
    app: string,
    unitPostpaid: Map<string, number>,
  ): void {
    let need = minutes;
    if (need <= 0) return;
    if (free && freeCovers) {
      const w = free.weight(tier, unit.date);
      const allowance = free.allowanceAt(unit);
      if (allowance > 0) {
        const covered = Math.min(need, Math.floor(allowance / w));
        free.consume(unit, covered * w);
        freeUsed += covered * w;
        bump(freeCovered, key, covered);
        need -= covered;
      }
    }
    // Monthly packages before prepaid packs: a package is bound to the app (narrower scope) and its
    // monthly cycle expires before a pack (valid to the end of the same month next year).
    if (av && need > 0 && packages.length) {
      const covered = coverByPackages(packages, unit.date, unit.end, need, weight, app);
      if (covered > 0) {
        bump(packCovered, key, covered);
        bump(packageCovered, key, covered);
        need -= covered;
      }
    }
    if (av && need > 0) {
      for (const p of packs) {
        if (need <= 0) break;
        // Daily units: a pack covers from its purchase day. Monthly units: a pack bought during the month
        // also covers that month's earlier overage (QD 产品价格/基础服务费用（新）.md: "新套餐包生效后会立即抵扣购买新套餐包之前的超量时长").
        if (p.remaining <= 0 || p.purchased > unit.end || p.expires < unit.date) continue;
        if (p.kind !== 'general' && p.kind !== tier) continue;
        const w = p.kind === 'general' ? weight : 1;
        const covered = Math.min(need, Math.floor(p.remaining / w));
        p.remaining -= covered * w;
        p.used += covered * w;
        bump(packCovered, key, covered);
        need -= covered;
      }
    }
    if (need > 0) {
      bump(postpaid, key, need);
      unitPostpaid.set(key, (unitPostpaid.get(key) ?? 0) + need);
      if (av) {
        let perUnit = avPostpaidByApp.get(app);
        if (!perUnit) avPostpaidByApp.set(app, (perUnit = new Array<number>(units.length).fill(0)));
        perUnit[ui] += need;
      }
    }
  }
  return {
    free: freeCovered,
    pack: packCovered,
    package: packageCovered,
    postpaid,
    postpaidByUnit,
    freeUsed,
    packs,
    avPostpaidByApp,
    ...(free ? { freePlan: free } : {}),
  };
}

/** Postpaid money for minutes per key: Σ minutes × unit price / 1,000, exact. */
export function postpaidAmount(minutes: Map<string, number>, prices: Map<string, KeyPrice | undefined>): D {
  let thousandths = new D(0);
  for (const [key, m] of minutes) {
    const price = prices.get(key);
    if (price && m > 0) thousandths = thousandths.plus(price.unit.times(m));
  }
  return thousandths.div(1000);
}

// ---------------------------------------------------------------------------------------------
