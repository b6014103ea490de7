// Billing: the settled minutes (settle.ts) → lines with their prices, room costs, warnings and the payment advice,
// with an explanation for every line.

import { D } from '../decimal';
import type { Scenario } from '../scenario/types';
import { books } from '../tariff/books';
import { fmtInt, tierName } from '../common';
import { adviseOnPayment, comparePackageChoices } from './advice';
import { prepareServices } from './services';
import {
  freeMinuteNotes,
  packageAssumptions,
  packageLines,
  packageStates,
  suspensionApplies,
  suspensionsByApp,
  suspensionWarning,
  type PackageState,
} from './packages';
import { divExact, exactOf, fixedText, type Exact } from './exact';
import { priceOf, resolveRules, type KeyPrice, type Rules } from './rules';
import {
  addDays,
  addQ,
  ceilMinutes,
  deduct,
  meterScenario,
  mulQ,
  packStates,
  postpaidAmount,
  sessionsOn,
  settlementUnits,
  sortKeys,
  type Metered,
  type Quantity,
} from './settle';
import type { Message, Text, Tier } from '../common';
import type { Bill, BillLine, LineCategory, PackUse, RoomCost } from './types';
import { TIERS } from '../common';

const CATEGORY: Record<string, LineCategory> = { av: 'av', recording: 'recording', webrec: 'recording', mixing: 'mixing', relay: 'relay' };

/** Recording delivery: free internationally from 2025-09-01 (45176); earlier, and on the mainland, not estimated. */
function deliveryNotes(s: Scenario, rules: Rules, warnings: Message[], assumptions: Message[]): void {
  const rooms = s.rooms.filter((r) => r.recording?.delivery);
  if (!rooms.length) return;
  const free = books().servicesIntl.delivery;
  const periodEnd = addDays(rules.periodStart, rules.days - 1);
  if (rules.duration.region === free.region && rules.periodStart >= free.effective) {
    assumptions.push({
      code: 'delivery-free',
      text: {
        en: `Recording delivery (to storage or VOD) is free from ${free.effective}: no charge (${free.source}).`,
        zh: `录制文件转存分发自 ${free.effective} 起免费：不收费（${free.source}）。`,
      },
    });
    return;
  }
  const names = rooms.map((r) => `"${r.name}"`).join(', ');
  warnings.push({
    code: 'delivery-not-estimated',
    text:
      rules.duration.region === free.region
        ? {
            en:
              `Recording delivery of ${names}: free only from ${free.effective}; the fee for usage before then (${rules.periodStart} – ` +
              `${periodEnd < free.effective ? periodEnd : addDays(free.effective, -1)}) is not estimated.`,
            zh:
              `${names} 的录制转存分发：自 ${free.effective} 起才免费；此前（${rules.periodStart} – ` +
              `${periodEnd < free.effective ? periodEnd : addDays(free.effective, -1)}）用量的费用未估算。`,
          }
        : {
            en: `Recording delivery of ${names}: no mainland price or free rule is in the data; not estimated.`,
            zh: `${names} 的录制转存分发：数据中没有中国站价格或免费规则；未估算。`,
          },
  });
}

const money = (v: D) => v.toFixed();

function roomLimitWarnings(s: Scenario, metered: Metered): Message[] {
  const out: Message[] = [];
  const limits = books().roomLimits;
  s.rooms.forEach((room, i) => {
    // The meter counts the people of a room once for the rooms alike (1,000 rooms of 50 groups each are common in the benchmarks).
    const { total, publishers, audience, anchors: anchorCount } = metered.rooms[i].usage.people;
    if (room.service === 'video-call' || room.service === 'voice-call') {
      if (total > limits.callParticipants)
        out.push({
          code: 'limit-call-participants',
          room: i,
          text: {
            en:
              `"${room.name}": ${fmtInt(total)} people in one call room; TRTC call rooms take at most ${limits.callParticipants} online. Use a live ` +
              `room (video-live/voice-live) for larger audiences.`,
            zh: `「${room.name}」：一个通话房间 ${fmtInt(total)} 人；TRTC 通话房间最多 ${limits.callParticipants} 人在线。更多观众请使用直播房间。`,
          },
        });
      if (publishers > limits.callPublishers)
        out.push({
          code: 'limit-call-publishers',
          room: i,
          text: {
            en: `"${room.name}": ${fmtInt(publishers)} people publishing in one call room; at most ${limits.callPublishers} can publish at once.`,
            zh: `「${room.name}」：一个通话房间有 ${fmtInt(publishers)} 人推流；同时推流最多 ${limits.callPublishers} 人。`,
          },
        });
    } else {
      const anchors = anchorCount;
      if (anchors > limits.liveAnchors)
        out.push({
          code: 'limit-live-anchors',
          room: i,
          text: {
            en: `"${room.name}": ${fmtInt(anchors)} co-anchors; TRTC live rooms allow at most ${limits.liveAnchors}.`,
            zh: `「${room.name}」：${fmtInt(anchors)} 位连麦主播；TRTC 直播房间最多 ${limits.liveAnchors} 位。`,
          },
        });
      if (audience > limits.liveLowLatencyAudience)
        out.push({
          code: 'limit-live-audience',
          room: i,
          text: {
            en:
              `"${room.name}": ${fmtInt(audience)} low-latency viewers exceed ${fmtInt(limits.liveLowLatencyAudience)}; relay to a CDN (Tencent CSS) ` +
              `for the extra audience.`,
            zh: `「${room.name}」：${fmtInt(audience)} 位低延时观众超过 ${fmtInt(limits.liveLowLatencyAudience)}；请通过 CDN 旁路直播（腾讯云直播）承载更多观众。`,
          },
        });
    }
  });
  return out;
}

const PRICE_SCALE = 100_000_000;
/** Integers below this have at most the 40 significant digits decimal.js keeps (decimal.ts): shifting them is exact. */
const EXACT_BELOW = 10n ** 40n;
/** unit × 10^8 when that is a whole number: as a BigInt, and as a plain number when it is a safe integer. */
interface ScaledPrice {
  big: bigint;
  num: number | undefined;
}
const scaledPrices = new WeakMap<KeyPrice, ScaledPrice | null>();
function scaledPrice(price: KeyPrice): ScaledPrice | undefined {
  let v = scaledPrices.get(price);
  if (v === undefined) {
    const x = price.unit.times(PRICE_SCALE);
    const big = x.isInteger() ? BigInt(x.toFixed()) : undefined;
    v = big === undefined ? null : { big, num: Number.isSafeInteger(Number(big)) ? Number(big) : undefined };
    scaledPrices.set(price, v);
  }
  return v ?? undefined;
}

/** What the per-room figures of one bill share: each key's price and rounding, and the divisions rooms alike repeat. */
interface RoomCosts {
  prices: Map<string, KeyPrice | undefined>;
  units: ReturnType<typeof settlementUnits>;
  keys: Map<string, { price: KeyPrice | undefined; daily: boolean; scaled: ScaledPrice | undefined }>;
  /** Running days per unit, by the room's active days. */
  runningDays: Map<number, number[]>;
  /** The exact path's figures: monthly and per day by the monthly sum; per session minute by the session sum and then the session length. */
  monthly: Map<bigint, { monthly: string; perDay: string }>;
  perSessionMinute: Map<bigint, Map<number, string>>;
  /** exactOf of each session length. */
  lengths: Map<number, Exact | undefined>;
}

function roomCosts(prices: Map<string, KeyPrice | undefined>, units: ReturnType<typeof settlementUnits>): RoomCosts {
  return { prices, units, keys: new Map(), runningDays: new Map(), monthly: new Map(), perSessionMinute: new Map(), lengths: new Map() };
}

/** List-price cost of one room alone (its own rounding), before free minutes and packs. */
function roomCost(index: number, s: Scenario, m: Metered, costs: RoomCosts): RoomCost {
  const { prices, units } = costs;
  const room = s.rooms[index];
  const { usage, activeDays, sessionsPerDay } = m.rooms[index];
  // Sums of minutes × price-per-1,000 and seconds × price-per-1,000, divided once at the end.
  // Exact integer sums of minutes × (unit price × 10^8) when the price has at most 8 decimals (all list
  // prices do): BigInt keeps 1,000 rooms cheap; other contract prices take the decimal path.
  // Plain-number parts while the products and sums are safe integers (exact), BigInt beyond.
  // In an object rather than variables the callback below assigns: a number written to a closure's variable is boxed anew.
  const sums = { monthlyPlain: 0, sessionPlain: 0 };
  let monthlyScaled = 0n;
  let sessionScaled = 0n;
  let monthlyThousandths: D | undefined;
  let sessionSecondThousandths: D | undefined;
  // Whole sessions: the running days of each unit, counted once for every key (each running day has the same sessions).
  const wholeSessions = Number.isInteger(sessionsPerDay);
  let runningDays: number[] | undefined;
  usage.perSession.forEach((secs, key) => {
    let info = costs.keys.get(key);
    if (!info) {
      const price = prices.get(key);
      info = { price, daily: m.rules.settlement === 'day' || m.rules.dailyRounded(key), scaled: price && scaledPrice(price) };
      costs.keys.set(key, info);
    }
    const price = info.price;
    if (!price) return;
    let minutes = 0;
    const daily = info.daily;
    if (daily && wholeSessions && Number.isSafeInteger(secs * sessionsPerDay)) {
      minutes = Math.ceil((secs * sessionsPerDay) / 60) * activeDays; // every running day is the same
    } else if (daily) {
      for (let d = 0; d < m.rules.days; d++) minutes += ceilMinutes(mulQ(secs, sessionsOn(d, activeDays, m.rules.days, sessionsPerDay)));
    } else if (wholeSessions && Number.isSafeInteger(secs * sessionsPerDay * m.rules.days)) {
      // The sum over a unit's days is exact in plain numbers: seconds × sessions × running days.
      if (!runningDays) {
        runningDays = costs.runningDays.get(activeDays);
        if (!runningDays) {
          runningDays = units.map((u) => u.days.reduce((n, d) => n + (sessionsOn(d, activeDays, m.rules.days, 1) === 0 ? 0 : 1), 0));
          costs.runningDays.set(activeDays, runningDays);
        }
      }
      for (const n of runningDays) minutes += Math.ceil((secs * sessionsPerDay * n) / 60);
    } else {
      for (const u of units) {
        let q: Quantity = 0;
        for (const d of u.days) q = addQ(q, mulQ(secs, sessionsOn(d, activeDays, m.rules.days, sessionsPerDay)));
        minutes += ceilMinutes(q);
      }
    }
    const scaled = info.scaled;
    if (scaled !== undefined && Number.isSafeInteger(minutes) && Number.isSafeInteger(secs)) {
      const monthlyPart = scaled.num === undefined ? NaN : minutes * scaled.num;
      if (Number.isSafeInteger(monthlyPart) && Number.isSafeInteger(sums.monthlyPlain + monthlyPart)) sums.monthlyPlain += monthlyPart;
      else monthlyScaled += BigInt(minutes) * scaled.big;
      const sessionPart = scaled.num === undefined ? NaN : secs * scaled.num;
      if (Number.isSafeInteger(sessionPart) && Number.isSafeInteger(sums.sessionPlain + sessionPart)) sums.sessionPlain += sessionPart;
      else sessionScaled += BigInt(secs) * scaled.big;
    } else {
      monthlyThousandths = (monthlyThousandths ?? new D(0)).plus(price.unit.times(minutes));
      sessionSecondThousandths = (sessionSecondThousandths ?? new D(0)).plus(price.unit.times(secs));
    }
  });
  if (sums.monthlyPlain !== 0) monthlyScaled += BigInt(sums.monthlyPlain);
  if (sums.sessionPlain !== 0) sessionScaled += BigInt(sums.sessionPlain);
  const relay = prices.get('relay.third-party');
  const addsRelay = relay !== undefined && usage.relayPeakMbps > 0;
  let minutesPerSession: Exact | undefined;
  if (room.minutesPerSession > 0) {
    minutesPerSession = costs.lengths.get(room.minutesPerSession);
    if (minutesPerSession === undefined && !costs.lengths.has(room.minutesPerSession))
      costs.lengths.set(room.minutesPerSession, (minutesPerSession = exactOf(room.minutesPerSession)));
  }
  let figures: { monthly: string; perDay: string; perSessionMinute: string };
  if (
    (!monthlyThousandths || monthlyThousandths.isZero()) &&
    monthlyScaled < EXACT_BELOW &&
    (!sessionSecondThousandths || sessionSecondThousandths.isZero()) &&
    sessionScaled < EXACT_BELOW &&
    !addsRelay &&
    Number.isSafeInteger(m.rules.days) &&
    (minutesPerSession !== undefined || room.minutesPerSession <= 0)
  ) {
    // The decimal path below in BigInt (exact.ts): the same values and roundings, without a decimal object per figure.
    // Rooms alike have the same sums: each figure is worked out once per sum (and session length).
    let month = costs.monthly.get(monthlyScaled);
    if (!month) {
      const monthly: Exact = { n: monthlyScaled, e: -11 };
      month = { monthly: fixedText(monthly), perDay: fixedText(divExact(monthly, { n: BigInt(m.rules.days), e: 0 })) };
      costs.monthly.set(monthlyScaled, month);
    }
    let perSessionMinute = '0';
    if (minutesPerSession) {
      let byLength = costs.perSessionMinute.get(sessionScaled);
      if (!byLength) costs.perSessionMinute.set(sessionScaled, (byLength = new Map()));
      const known = byLength.get(room.minutesPerSession);
      if (known === undefined) {
        const session = divExact({ n: sessionScaled, e: -8 }, { n: 60_000n, e: 0 });
        perSessionMinute = fixedText(divExact(session, minutesPerSession));
        byLength.set(room.minutesPerSession, perSessionMinute);
      } else perSessionMinute = known;
    }
    figures = { monthly: month.monthly, perDay: month.perDay, perSessionMinute };
  } else {
    // Dividing by a power of ten is exact (a shift of the exponent): written as one, it is one decimal instead of three.
    const monthlyD = monthlyThousandths ?? new D(0);
    const sessionD = sessionSecondThousandths ?? new D(0);
    let monthly =
      monthlyD.isZero() && monthlyScaled < EXACT_BELOW
        ? new D(`${monthlyScaled}e-11`)
        : monthlyD.plus(new D(monthlyScaled.toString()).div(PRICE_SCALE)).div(1000);
    const session = (
      sessionD.isZero() && sessionScaled < EXACT_BELOW ? new D(`${sessionScaled}e-8`) : sessionD.plus(new D(sessionScaled.toString()).div(PRICE_SCALE))
    ).div(60_000);
    if (addsRelay) monthly = monthly.plus(relay.unit.times(usage.relayPeakMbps));
    const perSessionMinute = room.minutesPerSession > 0 ? session.div(room.minutesPerSession) : new D(0);
    figures = { monthly: money(monthly), perDay: money(monthly.div(m.rules.days)), perSessionMinute: money(perSessionMinute) };
  }
  const explanation: Text[] = [];
  for (const key of usage.reasons.keys()) {
    if (explanation.length >= 3) break;
    if (key === 'mixing.none') continue;
    for (const reason of usage.reasons.get(key)!) if (explanation.length < 3) explanation.push(reason(usage.name));
  }
  return {
    index,
    name: room.name,
    monthly: figures.monthly,
    perDay: figures.perDay,
    perSessionMinute: figures.perSessionMinute,
    mainTier: usage.mainTier,
    explanation,
  };
}

/** Monthly package fees paid on a day (a cycle's fee is paid on its first day). */
function feesOn(states: readonly PackageState[], date: string): D {
  let sum = new D(0);
  for (const p of states) for (const c of p.cycles) if (c.fee && c.start === date) sum = sum.plus(c.fee);
  return sum;
}

export interface BillOptions {
  today: string;
  advice: boolean;
}

export function billScenario(s: Scenario, options: BillOptions): Bill {
  // Hook (bill/services.ts): AI bots and robots join the rooms, the Video Live component's audience leaves them.
  const services = prepareServices(s);
  s = services.scenario;
  const rules = resolveRules(s, options.today);
  const metered = meterScenario(s, rules);
  const warnings: Message[] = [...rules.warnings];
  metered.rooms.forEach((r, i) => warnings.push(...r.usage.warnings.map((w) => ({ ...w, room: i }))));
  warnings.push(...roomLimitWarnings(s, metered));
  const assumptions: Message[] = [...rules.assumptions];

  const keys = new Set<string>();
  for (const u of metered.units) for (const k of u.minutes.keys()) keys.add(k);
  const relayThirdParty = metered.rooms.reduce((n, r) => n + r.usage.relayPeakMbps, 0);
  const relayTencent = metered.rooms.some((r) => r.usage.relayTencent);
  if (relayTencent) keys.add('relay.tencent-css');
  if (rules.relay !== 'duration' && s.rooms.some((r) => r.relay?.target === 'third-party')) keys.add('relay.third-party');

  const prices = new Map<string, KeyPrice | undefined>();
  for (const k of keys) {
    const p = priceOf(k, rules, s);
    prices.set(k, p);
    if (!p) {
      warnings.push({
        code: `no-price:${k}`,
        text:
          k === 'relay.third-party'
            ? {
                en: 'Relay to a third-party CDN: no TRTC price is published for the mainland site; not included.',
                zh: '转推第三方 CDN：中国站未公布 TRTC 价格；未计入估算。',
              }
            : { en: `No published price for ${k} under these rules; not included.`, zh: `这些规则下 ${k} 没有公开价格；未计入估算。` },
      });
    }
  }
  if (rules.relay === 'duration' && s.rooms.some((r) => r.relay?.target === 'third-party' && r.relay.peakMbps !== undefined)) {
    const from = books().relay.intlThirdPartyPerMinute.accountsFrom!;
    warnings.push({
      code: 'relay-peak-ignored',
      text: {
        en:
          `Accounts registered from ${from} pay third-party relay by duration, not bandwidth: relay.peakMbps is ignored (set relay.minutes for the relay ` +
          `time per session).`,
        zh: `${from} 起注册的账号转推第三方按时长计费，而非带宽：已忽略 relay.peakMbps（可设置 relay.minutes 指定每场转推时长）。`,
      },
    });
  }
  deliveryNotes(s, rules, warnings, assumptions);

  const packs = packStates(s.payment?.packs ?? [], rules.periodStart);
  const monthly = packageStates(s, rules, warnings, assumptions);
  packageAssumptions(monthly, assumptions);
  if ((s.payment?.freeMinutes ?? true) !== false) freeMinuteNotes(s, assumptions);
  const deduction = deduct(metered, s, packs, assumptions, monthly);

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
      const reasons = r.usage.reasons.get(key);
      if (reasons) for (const reason of reasons) if (fromRooms.length < 8) fromRooms.push(reason(r.usage.name));
      if (fromRooms.length >= 8) break;
    }
    if (key === 'relay.third-party' || key === 'relay.tencent-css') {
      const mbps = key === 'relay.third-party' ? new D(relayThirdParty) : new D(0);
      const amount = price.unit.times(mbps);
      total = total.plus(amount);
      explanation.push(
        key === 'relay.third-party'
          ? {
              en: `${fmtInt(relayThirdParty)} Mbps monthly peak × ${price.unit.toFixed()} ${rules.currency} per Mbps`,
              zh: `月峰值带宽 ${fmtInt(relayThirdParty)} Mbps × 每 Mbps ${price.unit.toFixed()} ${rules.currency}`,
            }
          : {
              en: 'TRTC charges nothing to relay to Tencent Cloud CSS; CSS bills CDN playback separately (not estimated here).',
              zh: 'TRTC 对转推腾讯云直播不收费；云直播另行收取 CDN 播放费用（此处未估算）。',
            },
      );
      lines.push({
        key,
        category: 'relay',
        label: price.label,
        minutes: '0',
        freeMinutes: '0',
        packMinutes: '0',
        postpaidMinutes: '0',
        unitPrice: price.unit.toFixed(),
        unit: 'per-mbps-month',
        amount: money(amount),
        explanation,
        citation: price.citation,
      });
      continue;
    }
    let minutes = 0;
    for (const u of metered.units) minutes += u.minutes.get(key) ?? 0;
    if (minutes === 0) continue;
    const free = deduction.free.get(key) ?? 0;
    const pack = deduction.pack.get(key) ?? 0;
    const fromPackages = deduction.package.get(key) ?? 0;
    const postpaid = deduction.postpaid.get(key) ?? 0;
    const amount = price.unit.times(postpaid).div(1000);
    total = total.plus(amount);
    const last = key.split('.').pop()!;
    const tier = (TIERS as readonly string[]).includes(last) ? (last as Tier) : undefined;
    if (category === 'av' && tier) minutesByTier[tier] = String(minutes);
    const per0 = rules.settlement === 'day' || rules.dailyRounded(key) ? { en: 'per day', zh: '按天' } : { en: 'per month', zh: '按月' };
    const per = metered.apps.length > 1 ? { en: `${per0.en} per app`, zh: `按应用${per0.zh}` } : per0;
    explanation.push(...fromRooms);
    explanation.push({
      en:
        `${fmtInt(minutes)} min (seconds summed ${per.en} and rounded up to whole minutes)` +
        (free > 0 ? `, ${fmtInt(free)} covered by free minutes` : '') +
        (pack > 0 ? `, ${fmtInt(pack)} covered by packs` + (fromPackages > 0 ? ` (${fmtInt(fromPackages)} by monthly packages)` : '') : '') +
        `; ${fmtInt(postpaid)} min × ${price.unit.toFixed()} ${rules.currency} per 1,000 min` +
        (price.contract ? ` (contract price; list ${price.list.toFixed()})` : '') +
        ` = ${amount.toDecimalPlaces(4).toFixed()} ${rules.currency}`,
      zh:
        `${fmtInt(minutes)} 分钟（${per.zh}累计秒数并向上取整到分钟）` +
        (free > 0 ? `，其中 ${fmtInt(free)} 分钟由免费时长抵扣` : '') +
        (pack > 0 ? `，${fmtInt(pack)} 分钟由套餐包抵扣` + (fromPackages > 0 ? `（其中 ${fmtInt(fromPackages)} 分钟由月套餐抵扣）` : '') : '') +
        `；${fmtInt(postpaid)} 分钟 × 每千分钟 ${price.unit.toFixed()} ${rules.currency}` +
        (price.contract ? `（合同价；刊例价 ${price.list.toFixed()}）` : '') +
        ` = ${amount.toDecimalPlaces(4).toFixed()} ${rules.currency}`,
    });
    if (price.citation.confidence === 'unverified') {
      explanation.push({ en: `Price not verified: ${price.citation.source}`, zh: `价格未经核实：${price.citation.source}` });
    } else if (price.citation.confidence === 'inferred') {
      explanation.push({
        en: `Partly inferred (the price is from the doc; its dates or scope are inferred): ${price.citation.note ?? price.citation.source}`,
        zh: `部分为推断（价格来自文档，生效日期或适用范围为推断）：${price.citation.noteZh ?? price.citation.note ?? price.citation.source}`,
      });
    }
    lines.push({
      key,
      category,
      ...(tier ? { tier } : {}),
      label: price.label,
      minutes: String(minutes),
      freeMinutes: String(free),
      packMinutes: String(pack),
      postpaidMinutes: String(postpaid),
      ...(monthly.length ? { packageMinutes: String(fromPackages) } : {}),
      unitPrice: price.unit.toFixed(),
      unit: 'per-1000-min',
      amount: money(amount),
      explanation,
      citation: price.citation,
    });
  }
  for (const r of metered.rooms) {
    const reasons = r.usage.reasons.get('mixing.none');
    if (reasons) for (const reason of reasons) assumptions.push({ code: 'mixing-single-input', text: reason(r.usage.name) });
  }
  const weightsText = rules.duration.tiers.map((t) => `${t.tier} ${t.packWeight}`).join(', ');
  for (const l of packageLines(monthly, rules.currency, weightsText)) {
    lines.push(l);
    total = total.plus(l.amount);
  }
  // Hook (bill/services.ts): AI and speech lines and Video Live audience lines, on the free minutes and packages left.
  const extra = services.bill({ rules, deduction, packages: monthly });
  for (const l of extra.lines) lines.push(l);
  total = total.plus(extra.total);
  warnings.push(...extra.warnings);
  assumptions.push(...extra.assumptions);
  const suspensions: Bill['suspensions'] = [];
  if (suspensionApplies(s, rules)) {
    const multi = metered.apps.length > 1;
    const found = suspensionsByApp(metered.units, deduction.avPostpaidByApp, monthly);
    // First: the most important facts of this bill.
    warnings.unshift(...found.map((at) => suspensionWarning(at, multi ? at.app : undefined)));
    for (const at of found)
      suspensions.push({
        ...(multi ? { app: at.app } : {}),
        from: at.date,
        units: at.units,
        choices: comparePackageChoices(s, metered, prices, total, monthly, multi ? at.app : undefined),
      });
  }

  const packUses: PackUse[] = deduction.packs.map((p) => ({
    label: {
      en: `${fmtInt(p.spec.minutes)}-minute ${p.kind === 'general' ? 'general' : tierName(p.kind).en} pack bought ${p.purchased}`,
      zh: `${p.purchased} 购买的 ${fmtInt(p.spec.minutes)} 分钟${p.kind === 'general' ? '通用' : tierName(p.kind).zh}套餐包`,
    },
    used: String(p.used),
    remainingAfter: String(p.remaining),
    expires: p.expires,
  }));

  const bill: Bill = {
    currency: rules.currency,
    region: s.tariff.region,
    metering: rules.metering,
    paymentMode: rules.paymentMode,
    settlement: rules.settlement,
    book: { id: rules.duration.id, title: rules.duration.title, effective: rules.duration.citation.effective, confidence: rules.duration.citation.confidence },
    pricesAsOf: books().pricesAsOf,
    period: { start: rules.periodStart, days: rules.days },
    lines,
    total: money(total),
    totalRounded: total.toDecimalPlaces(2).toFixed(2),
    perDay: money(total.div(rules.days)),
    daily:
      rules.settlement === 'day'
        ? metered.units.map((u, i) => ({
            date: u.date,
            amount: money(
              feesOn(monthly, u.date)
                .plus(postpaidAmount(deduction.postpaidByUnit[i], prices))
                .plus(extra.daily.get(u.date) ?? 0),
            ),
          }))
        : [],
    minutesByTier,
    packs: packUses,
    monthlyPackages: monthly.map((p) => ({
      edition: p.spec.edition,
      name: p.name,
      ...(p.spec.app ? { app: p.spec.app } : {}),
      purchased: p.spec.purchased ?? rules.periodStart,
      fee: p.cycles.reduce((sum, c) => (c.fee ? sum.plus(c.fee) : sum), new D(0)).toFixed(),
      priceSource: p.priceSource,
      cycles: p.cycles.map((c) => ({
        start: c.start,
        end: c.end,
        fee: c.fee ? c.fee.toFixed() : null,
        minutes: String(c.minutes),
        used: String(c.used),
        remainingAfter: String(c.remaining),
      })),
      absorbed: String(p.cycles.reduce((n, c) => n + c.used, 0)),
      afterQuota: p.afterQuota,
    })),
    suspension: suspensions[0] ?? null,
    suspensions,
    freeMinutesUsed: String(deduction.freeUsed + extra.freeUsed),
    rooms: (() => {
      const costs = roomCosts(prices, settlementUnits(rules));
      return s.rooms.map((room, i) => {
        const cost = roomCost(i, s, metered, costs);
        // The room's AI, speech and Video Live audience lines belong to its list price too (services.ts).
        const extraList = services.roomList(i, rules);
        if (!extraList) return cost;
        const monthlyWith = new D(cost.monthly).plus(extraList.monthly);
        const perMinute = room.minutesPerSession > 0 ? extraList.perSession.div(room.minutesPerSession) : new D(0);
        return {
          ...cost,
          monthly: money(monthlyWith),
          perDay: money(monthlyWith.div(rules.days)),
          perSessionMinute: money(new D(cost.perSessionMinute).plus(perMinute)),
        };
      });
    })(),
    warnings,
    assumptions,
    advice: null,
  };
  // The relay line has no minutes; add it to daily totals only as a monthly figure (not spread).
  if (options.advice) bill.advice = adviseOnPayment(s, metered, prices, total, monthly);
  return bill;
}

export type { Metered as MeteredScenario };
