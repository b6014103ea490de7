// Billing: usage per day → minutes per settlement period (rounded up per usage category) → free
// minutes → prepaid packs → postpaid amounts, with an explanation for every line.

import { D } from '../decimal';
import type { PackSpec, Scenario } from '../scenario/types';
import { INTL_MONTHLY_FREE, MAINLAND_TRIAL, ROOM_LIMITS } from '../tariff/books';
import { meterRoom, type RoomUsage } from '../meter/meter';
import { fmtInt, tierName } from '../meter/text';
import { adviseOnPayment } from './advice';
import { priceOf, resolveRules, type KeyPrice, type Rules } from './rules';
import type { Bill, BillLine, LineCategory, Message, PackUse, RoomCost, Text, Tier } from './types';
import { TIERS } from './types';

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
  /** Billed minutes per price key, after rounding up. */
  minutes: Map<string, D>;
}

/** Whether a room that runs `active` days out of `days` runs on day index d (spread evenly). */
const runsOn = (d: number, active: number, days: number): boolean =>
  Math.floor(((d + 1) * active) / days) > Math.floor((d * active) / days);

export interface Metered {
  rules: Rules;
  rooms: { usage: RoomUsage; activeDays: number; perDaySeconds: Map<string, D> }[];
  units: Unit[];
}

function meterScenario(s: Scenario, rules: Rules): Metered {
  const ctx = { duration: rules.duration, recording: rules.recording, mixing: rules.mixing, robotsBilled: rules.robotsBilled };
  const rooms = s.rooms.map((room) => {
    const usage = meterRoom(room, ctx);
    const perDaySeconds = new Map<string, D>();
    const sessions = new D(room.sessionsPerDay);
    const whole = Number.isInteger(room.sessionsPerDay);
    for (const [key, secs] of usage.perSession) {
      // Whole sessions × whole seconds below 2^53 are exact as numbers; only fractions need decimal.js.
      const product = secs * room.sessionsPerDay;
      perDaySeconds.set(key, whole && Number.isSafeInteger(product) ? new D(product) : sessions.times(secs));
    }
    return { usage, activeDays: Math.min(room.daysPerMonth ?? rules.days, rules.days), perDaySeconds };
  });
  // Rooms with the same number of active days run on the same days: sum them once.
  const byPattern = new Map<number, Map<string, D>>();
  for (const r of rooms) {
    const sum = byPattern.get(r.activeDays) ?? new Map<string, D>();
    for (const [key, secs] of r.perDaySeconds) sum.set(key, (sum.get(key) ?? new D(0)).plus(secs));
    byPattern.set(r.activeDays, sum);
  }
  const dailySeconds: Map<string, D>[] = [];
  for (let d = 0; d < rules.days; d++) {
    const day = new Map<string, D>();
    for (const [active, sum] of byPattern) {
      if (!runsOn(d, active, rules.days)) continue;
      for (const [key, secs] of sum) day.set(key, (day.get(key) ?? new D(0)).plus(secs));
    }
    dailySeconds.push(day);
  }
  const toMinutes = (secs: D) => secs.div(60).ceil();
  let units: Unit[];
  if (rules.settlement === 'day') {
    units = dailySeconds.map((day, d) => {
      const date = addDays(rules.periodStart, d);
      return { date, end: date, minutes: new Map([...day].map(([k, v]) => [k, toMinutes(v)])) };
    });
  } else {
    const total = new Map<string, D>();
    for (const day of dailySeconds) for (const [k, v] of day) total.set(k, (total.get(k) ?? new D(0)).plus(v));
    units = [{ date: rules.periodStart, end: addDays(rules.periodStart, rules.days - 1), minutes: new Map([...total].map(([k, v]) => [k, toMinutes(v)])) }];
  }
  return { rules, rooms, units };
}

// ---------------------------------------------------------------------------------------------
// Free minutes and packs

interface PackState {
  spec: PackSpec;
  kind: 'general' | 'audio' | 'SD' | 'HD';
  purchased: string;
  expires: string;
  remaining: D;
  used: D;
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
        remaining: new D(spec.remaining ?? spec.minutes),
        used: new D(0),
      };
    })
    .sort((a, b) => (a.expires < b.expires ? -1 : a.expires > b.expires ? 1 : 0)); // earliest expiry first
}

const TIER_ORDER: Tier[] = [...TIERS];

const sortKeys = (keys: Iterable<string>): string[] => {
  const rank = (k: string) => {
    const [cat, ...rest] = k.split('.');
    const catRank = ['av', 'recording', 'mixing', 'relay'].indexOf(cat);
    const tier = rest[rest.length - 1] as Tier;
    return catRank * 100 + (rest.length > 1 ? (rest[0] === 'mixed' || rest[0] === 'h265' ? 50 : 0) : 0) + Math.max(0, TIER_ORDER.indexOf(tier));
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
};

export interface Deduction {
  /** Per key: minutes covered by free minutes and by packs over the period. */
  free: Map<string, D>;
  pack: Map<string, D>;
  freeUsed: D;
  packs: PackState[];
  /** Postpaid amount per unit (for daily totals). */
  unitAmounts: D[];
}

interface FreePlan {
  /** Allowance available at a unit's date (resets monthly for the international package). */
  allowanceAt(unit: Unit): D;
  consume(unit: Unit, amount: D): void;
  weight(tier: Tier, date: string): number;
  covers(key: string): boolean;
}

function freePlan(s: Scenario, rules: Rules, notes: Message[]): FreePlan | undefined {
  const setting = s.payment?.freeMinutes ?? true;
  if (setting === false) return undefined;
  const explicitRemaining = typeof setting === 'object' ? new D(setting.remaining) : undefined;
  if (rules.duration.region === 'mainland') {
    const account = s.tariff.accountCreated;
    const validTo = account ? lastDayOfSameMonthNextYear(account) : undefined;
    let remaining = explicitRemaining ?? new D(MAINLAND_TRIAL.minutes);
    if (!explicitRemaining) {
      notes.push({
        code: 'trial-assumed',
        text: account
          ? { en: `The one-time 10,000-minute trial is assumed unused (valid to ${validTo}); set payment.freeMinutes to {"remaining": N} or false.`, zh: `假定一次性 10,000 分钟免费试用未使用（有效期至 ${validTo}）；可将 payment.freeMinutes 设为 {"remaining": N} 或 false。` }
          : { en: 'The one-time 10,000-minute trial is assumed unused and valid; set tariff.accountCreated, or payment.freeMinutes to {"remaining": N} or false.', zh: '假定一次性 10,000 分钟免费试用未使用且在有效期内；可设置 tariff.accountCreated，或将 payment.freeMinutes 设为 {"remaining": N} 或 false。' },
      });
    }
    return {
      allowanceAt: (unit) => (validTo && unit.date > validTo ? new D(0) : remaining),
      consume: (_unit, amount) => {
        remaining = remaining.minus(amount);
      },
      weight: () => 1,
      covers: (key) => key.startsWith('av.'),
    };
  }
  const left = new Map<string, D>(); // month → allowance left
  const firstMonth = rules.periodStart.slice(0, 7);
  const monthOf = (unit: Unit) => unit.date.slice(0, 7);
  const get = (unit: Unit) => {
    const m = monthOf(unit);
    if (!left.has(m)) left.set(m, m === firstMonth && explicitRemaining ? explicitRemaining : new D(INTL_MONTHLY_FREE.minutes));
    return left.get(m)!;
  };
  return {
    allowanceAt: get,
    consume: (unit, amount) => {
      left.set(monthOf(unit), get(unit).minus(amount));
    },
    weight: (tier, date) => (date >= INTL_MONTHLY_FREE.weightedFrom ? INTL_MONTHLY_FREE.weights[tier] : 1),
    covers: (key) => key.startsWith('av.') || key.startsWith('recording.'),
  };
}

/** Deduct free minutes then packs from each unit's minutes; returns what each covered. */
export function deduct(metered: Metered, s: Scenario, packs: PackState[], prices: Map<string, KeyPrice | undefined>, notes: Message[]): Deduction {
  const { rules, units } = metered;
  const free = freePlan(s, rules, notes);
  const freeCovered = new Map<string, D>();
  const packCovered = new Map<string, D>();
  let freeUsed = new D(0);
  const unitAmounts: D[] = [];
  const weightOf = (tier: Tier) => rules.duration.tiers.find((t) => t.tier === tier)?.packWeight ?? 1;
  for (const unit of units) {
    let amount = new D(0);
    for (const key of sortKeys(unit.minutes.keys())) {
      let need = unit.minutes.get(key)!;
      const tier = key.split('.').pop() as Tier;
      if (free && free.covers(key) && need.gt(0)) {
        const w = free.weight(tier, unit.date);
        const allowance = free.allowanceAt(unit);
        if (allowance.gt(0)) {
          // Whole minutes only: TRTC deducts billed minutes, and whole minutes keep every amount a terminating decimal.
          const covered = D.min(need, allowance.div(w).floor());
          free.consume(unit, covered.times(w));
          freeUsed = freeUsed.plus(covered.times(w));
          freeCovered.set(key, (freeCovered.get(key) ?? new D(0)).plus(covered));
          need = need.minus(covered);
        }
      }
      if (key.startsWith('av.') && need.gt(0)) {
        for (const p of packs) {
          if (need.lte(0)) break;
          if (p.remaining.lte(0) || p.purchased > unit.end || p.expires < unit.date) continue;
          if (p.kind !== 'general' && p.kind !== tier) continue;
          const w = p.kind === 'general' ? weightOf(tier) : 1;
          const covered = D.min(need, p.remaining.div(w).floor());
          p.remaining = p.remaining.minus(covered.times(w));
          p.used = p.used.plus(covered.times(w));
          packCovered.set(key, (packCovered.get(key) ?? new D(0)).plus(covered));
          need = need.minus(covered);
        }
      }
      const price = prices.get(key);
      if (price && need.gt(0)) amount = amount.plus(need.times(price.unit).div(1000));
    }
    unitAmounts.push(amount);
  }
  return { free: freeCovered, pack: packCovered, freeUsed, packs, unitAmounts };
}

// ---------------------------------------------------------------------------------------------

const CATEGORY: Record<string, LineCategory> = { av: 'av', recording: 'recording', mixing: 'mixing', relay: 'relay' };

const money = (v: D) => v.toFixed();

function roomLimitWarnings(s: Scenario): Message[] {
  const out: Message[] = [];
  s.rooms.forEach((room, i) => {
    const total = room.participants.reduce((n, g) => n + g.count, 0);
    const publishers = room.participants.filter((g) => g.publish.camera || g.publish.screen || (g.publish.audio ?? g.role === 'anchor')).reduce((n, g) => n + g.count, 0);
    const audience = room.participants.filter((g) => g.role === 'audience').reduce((n, g) => n + g.count, 0);
    if (room.service === 'video-call' || room.service === 'voice-call') {
      if (total > ROOM_LIMITS.callParticipants) out.push({ code: 'limit-call-participants', room: i, text: { en: `"${room.name}": ${fmtInt(total)} people in one call room; TRTC call rooms take at most ${ROOM_LIMITS.callParticipants} online. Use a live room (video-live/voice-live) for larger audiences.`, zh: `「${room.name}」：一个通话房间 ${fmtInt(total)} 人；TRTC 通话房间最多 ${ROOM_LIMITS.callParticipants} 人在线。更多观众请使用直播房间。` } });
      if (publishers > ROOM_LIMITS.callPublishers) out.push({ code: 'limit-call-publishers', room: i, text: { en: `"${room.name}": ${fmtInt(publishers)} people publishing in one call room; at most ${ROOM_LIMITS.callPublishers} can publish at once.`, zh: `「${room.name}」：一个通话房间有 ${fmtInt(publishers)} 人推流；同时推流最多 ${ROOM_LIMITS.callPublishers} 人。` } });
    } else {
      const anchors = room.participants.filter((g) => g.role === 'anchor').reduce((n, g) => n + g.count, 0);
      if (anchors > ROOM_LIMITS.liveAnchors) out.push({ code: 'limit-live-anchors', room: i, text: { en: `"${room.name}": ${fmtInt(anchors)} co-anchors; TRTC live rooms allow at most ${ROOM_LIMITS.liveAnchors}.`, zh: `「${room.name}」：${fmtInt(anchors)} 位连麦主播；TRTC 直播房间最多 ${ROOM_LIMITS.liveAnchors} 位。` } });
      if (audience > ROOM_LIMITS.liveLowLatencyAudience) out.push({ code: 'limit-live-audience', room: i, text: { en: `"${room.name}": ${fmtInt(audience)} low-latency viewers exceed ${fmtInt(ROOM_LIMITS.liveLowLatencyAudience)}; relay to a CDN (Tencent CSS) for the extra audience.`, zh: `「${room.name}」：${fmtInt(audience)} 位低延时观众超过 ${fmtInt(ROOM_LIMITS.liveLowLatencyAudience)}；请通过 CDN 旁路直播（腾讯云直播）承载更多观众。` } });
    }
  });
  return out;
}

/** List-price cost of one room alone (its own rounding), before free minutes and packs. */
function roomCost(index: number, s: Scenario, m: Metered, prices: Map<string, KeyPrice | undefined>): RoomCost {
  const room = s.rooms[index];
  const { usage, activeDays, perDaySeconds } = m.rooms[index];
  // Sums of minutes × price-per-1,000 and seconds × price-per-1,000, divided once at the end.
  let monthlyThousandths = new D(0);
  let sessionSecondThousandths = new D(0);
  const daily = m.rules.settlement === 'day';
  for (const [key, secs] of perDaySeconds) {
    const price = prices.get(key);
    if (!price) continue;
    const n = secs.toNumber();
    // Whole seconds well inside 2^53 round up exactly in binary; anything else takes the decimal path.
    const minutes =
      Number.isInteger(n) && n * activeDays < 2 ** 52
        ? new D(daily ? Math.ceil(n / 60) * activeDays : Math.ceil((n * activeDays) / 60))
        : daily
          ? secs.div(60).ceil().times(activeDays)
          : secs.times(activeDays).div(60).ceil();
    monthlyThousandths = monthlyThousandths.plus(minutes.times(price.unit));
    sessionSecondThousandths = sessionSecondThousandths.plus(price.unit.times(usage.perSession.get(key) ?? 0));
  }
  let monthly = monthlyThousandths.div(1000);
  const session = sessionSecondThousandths.div(60_000);
  const relay = prices.get('relay.third-party');
  if (relay && usage.relayPeakMbps > 0) monthly = monthly.plus(relay.unit.times(usage.relayPeakMbps));
  const perSessionMinute = room.minutesPerSession > 0 ? session.div(room.minutesPerSession) : new D(0);
  const explanation: Text[] = [];
  for (const [key, reasons] of usage.reasons) {
    if (key === 'mixing.none') continue;
    for (const reason of reasons) if (explanation.length < 3) explanation.push(reason());
  }
  return {
    index,
    name: room.name,
    monthly: money(monthly),
    perDay: money(monthly.div(m.rules.days)),
    perSessionMinute: money(perSessionMinute),
    mainTier: usage.mainTier,
    explanation,
  };
}

export interface BillOptions {
  today: string;
  advice: boolean;
}

export function billScenario(s: Scenario, options: BillOptions): Bill {
  const rules = resolveRules(s, options.today);
  const metered = meterScenario(s, rules);
  const warnings: Message[] = [...rules.warnings];
  metered.rooms.forEach((r, i) => warnings.push(...r.usage.warnings.map((w) => ({ ...w, room: i }))));
  warnings.push(...roomLimitWarnings(s));
  const assumptions: Message[] = [...rules.assumptions];

  const keys = new Set<string>();
  for (const u of metered.units) for (const k of u.minutes.keys()) keys.add(k);
  const relayThirdParty = metered.rooms.reduce((n, r) => n + r.usage.relayPeakMbps, 0);
  const relayTencent = metered.rooms.some((r) => r.usage.relayTencent);
  if (relayTencent) keys.add('relay.tencent-css');
  if (s.rooms.some((r) => r.relay?.target === 'third-party')) keys.add('relay.third-party');

  const prices = new Map<string, KeyPrice | undefined>();
  for (const k of keys) {
    const p = priceOf(k, rules, s);
    prices.set(k, p);
    if (!p) {
      warnings.push({
        code: `no-price:${k}`,
        text: k === 'relay.third-party'
          ? { en: 'Relay to a third-party CDN: no TRTC price is published for the mainland site; not included.', zh: '转推第三方 CDN：中国站未公布 TRTC 价格；未计入估算。' }
          : { en: `No published price for ${k} under these rules; not included.`, zh: `这些规则下 ${k} 没有公开价格；未计入估算。` },
      });
    }
  }
  if (relayThirdParty > 0 && prices.get('relay.third-party') && s.tariff.accountCreated && s.tariff.accountCreated >= '2025-10-23') {
    warnings.push({ code: 'relay-duration-billing', text: { en: 'Accounts registered after 2025-10-23 pay third-party relay by duration at a price not published; the bandwidth price shown may not apply.', zh: '2025-10-23 之后注册的账号转推第三方按时长计费，价格未公布；所示带宽价格可能不适用。' } });
  }

  const packs = packStates(s.payment?.packs ?? [], rules.periodStart);
  const deduction = deduct(metered, s, packs, prices, assumptions);

  const lines: BillLine[] = [];
  let total = new D(0);
  const minutesByTier: Partial<Record<Tier, string>> = {};
  for (const key of sortKeys(keys)) {
    const price = prices.get(key);
    if (!price) continue;
    const category = CATEGORY[key.split('.')[0]];
    const explanation: Text[] = [];
    const fromRooms: Text[] = [];
    for (const r of metered.rooms) {
      for (const reason of r.usage.reasons.get(key) ?? []) if (fromRooms.length < 8) fromRooms.push(reason());
      if (fromRooms.length >= 8) break;
    }
    if (key === 'relay.third-party' || key === 'relay.tencent-css') {
      const mbps = key === 'relay.third-party' ? new D(relayThirdParty) : new D(0);
      const amount = price.unit.times(mbps);
      total = total.plus(amount);
      explanation.push(
        key === 'relay.third-party'
          ? { en: `${fmtInt(relayThirdParty)} Mbps monthly peak × ${price.unit.toFixed()} ${rules.currency} per Mbps`, zh: `月峰值带宽 ${fmtInt(relayThirdParty)} Mbps × 每 Mbps ${price.unit.toFixed()} ${rules.currency}` }
          : { en: 'TRTC charges nothing to relay to Tencent Cloud CSS; CSS bills CDN playback separately (not estimated here).', zh: 'TRTC 对转推腾讯云直播不收费；云直播另行收取 CDN 播放费用（此处未估算）。' },
      );
      lines.push({ key, category: 'relay', label: price.label, minutes: '0', freeMinutes: '0', packMinutes: '0', postpaidMinutes: '0', unitPrice: price.unit.toFixed(), unit: 'per-mbps-month', amount: money(amount), explanation, citation: price.citation });
      continue;
    }
    let minutes = new D(0);
    for (const u of metered.units) minutes = minutes.plus(u.minutes.get(key) ?? 0);
    if (minutes.isZero()) continue;
    const free = deduction.free.get(key) ?? new D(0);
    const pack = deduction.pack.get(key) ?? new D(0);
    const postpaid = minutes.minus(free).minus(pack);
    const amount = postpaid.times(price.unit).div(1000);
    total = total.plus(amount);
    const tier = key.split('.').pop() as Tier;
    if (category === 'av') minutesByTier[tier] = minutes.toFixed();
    const per = rules.settlement === 'day' ? { en: 'per day', zh: '按天' } : { en: 'per month', zh: '按月' };
    explanation.push(...fromRooms);
    explanation.push({
      en: `${fmtInt(minutes.toNumber())} min (seconds summed ${per.en} and rounded up to whole minutes)${free.gt(0) ? `, ${fmtInt(free.toNumber())} covered by free minutes` : ''}${pack.gt(0) ? `, ${fmtInt(pack.toNumber())} covered by packs` : ''}; ${fmtInt(postpaid.toNumber())} min × ${price.unit.toFixed()} ${rules.currency} per 1,000 min${price.contract ? ` (contract price; list ${price.list.toFixed()})` : ''} = ${amount.toDecimalPlaces(4).toFixed()} ${rules.currency}`,
      zh: `${fmtInt(minutes.toNumber())} 分钟（${per.zh}累计秒数并向上取整到分钟）${free.gt(0) ? `，其中 ${fmtInt(free.toNumber())} 分钟由免费时长抵扣` : ''}${pack.gt(0) ? `，${fmtInt(pack.toNumber())} 分钟由套餐包抵扣` : ''}；${fmtInt(postpaid.toNumber())} 分钟 × 每千分钟 ${price.unit.toFixed()} ${rules.currency}${price.contract ? `（合同价；刊例价 ${price.list.toFixed()}）` : ''} = ${amount.toDecimalPlaces(4).toFixed()} ${rules.currency}`,
    });
    if (price.citation.confidence !== 'verified') {
      explanation.push({ en: `Price not verified: ${price.citation.source}`, zh: `价格未经核实：${price.citation.source}` });
    }
    lines.push({
      key,
      category,
      tier,
      label: price.label,
      minutes: minutes.toFixed(),
      freeMinutes: free.toFixed(),
      packMinutes: pack.toFixed(),
      postpaidMinutes: postpaid.toFixed(),
      unitPrice: price.unit.toFixed(),
      unit: 'per-1000-min',
      amount: money(amount),
      explanation,
      citation: price.citation,
    });
  }
  for (const r of metered.rooms) for (const reason of r.usage.reasons.get('mixing.none') ?? []) assumptions.push({ code: 'mixing-single-input', text: reason() });

  const packUses: PackUse[] = deduction.packs.map((p) => ({
    label: {
      en: `${fmtInt(p.spec.minutes)}-minute ${p.kind === 'general' ? 'general' : tierName(p.kind).en} pack bought ${p.purchased}`,
      zh: `${p.purchased} 购买的 ${fmtInt(p.spec.minutes)} 分钟${p.kind === 'general' ? '通用' : tierName(p.kind).zh}套餐包`,
    },
    used: p.used.toFixed(),
    remainingAfter: p.remaining.toFixed(),
    expires: p.expires,
  }));

  const bill: Bill = {
    currency: rules.currency,
    region: s.tariff.region,
    metering: rules.metering,
    paymentMode: rules.paymentMode,
    settlement: rules.settlement,
    book: { id: rules.duration.id, title: rules.duration.title, effective: rules.duration.citation.effective, confidence: rules.duration.citation.confidence },
    period: { start: rules.periodStart, days: rules.days },
    lines,
    total: money(total),
    totalRounded: total.toDecimalPlaces(2).toFixed(2),
    perDay: money(total.div(rules.days)),
    daily: rules.settlement === 'day' ? metered.units.map((u, i) => ({ date: u.date, amount: money(deduction.unitAmounts[i]) })) : [],
    minutesByTier,
    packs: packUses,
    freeMinutesUsed: deduction.freeUsed.toFixed(),
    rooms: s.rooms.map((_, i) => roomCost(i, s, metered, prices)),
    warnings,
    assumptions,
    advice: null,
  };
  // The relay line has no minutes; add it to daily totals only as a monthly figure (not spread).
  if (options.advice) bill.advice = adviseOnPayment(s, metered, prices, total);
  return bill;
}

export type { Metered as MeteredScenario };
export { meterScenario };
