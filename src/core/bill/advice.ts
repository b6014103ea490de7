// Payment advice: for this period's usage, the cheapest way to pay — postpaid, or general packs
// (fixed sizes and custom sizes) bought at the period start — evaluated exactly by re-running the
// same deduction the bill uses, so the advice can never disagree with the bill.

import { D } from '../decimal';
import type { Scenario } from '../scenario/types';
import { packBook, type PackBook } from '../tariff/books';
import { fmtInt } from '../common';
import { deduct, packStates, postpaidAmount, type MeteredScenario } from './bill';
import type { KeyPrice } from './rules';
import type { Tier } from '../common';
import type { AdviceOption, PaymentAdvice } from './types';

interface Candidate {
  /** Pack sizes with how many of each; `price` is per pack. */
  packs: { minutes: number; price: D; custom: boolean; count: number }[];
  packCost: D;
}

/** Price of a custom pack: size × the unit price of its size bracket. Sizes are whole thousands of minutes (inferred). */
export function customPackPrice(book: PackBook, minutes: number): D {
  let unit = book.custom[0].unit;
  for (const b of book.custom) if (minutes >= b.fromMinutes) unit = b.unit;
  return new D(minutes).times(unit).div(1000);
}

function candidates(book: PackBook, weighted: number): Candidate[] {
  const out: Candidate[] = [];
  const k = Math.ceil(weighted / 1000);
  if (k <= 0) return out;
  const custom = (minutes: number): Candidate => {
    const price = customPackPrice(book, minutes);
    return { packs: [{ minutes, price, custom: true, count: 1 }], packCost: price };
  };
  // Custom sizes: exactly the need, one thousand less (the rest postpaid), and each bracket edge above the need.
  out.push(custom(k * 1000));
  if (k > 1) out.push(custom((k - 1) * 1000));
  for (const b of book.custom) if (b.fromMinutes > k * 1000) out.push(custom(b.fromMinutes));
  // Fixed-size combinations, topped up with a custom pack when they fall short. Ranked with plain
  // numbers (cheap); only the few best are priced exactly and simulated.
  const [p25, p250, p1m, p3m] = book.fixed;
  const customApprox = (minutes: number) => {
    let unit = Number(book.custom[0].unit);
    for (const b of book.custom) if (minutes >= b.fromMinutes) unit = Number(b.unit);
    return (minutes * unit) / 1000;
  };
  // The largest pack count only matters near the greedy count; smaller packs and custom sizes fill the rest.
  const max3m = Math.ceil(weighted / p3m.minutes);
  const ranked: { cost: number; counts: [number, number, number, number]; rest: number }[] = [];
  for (let a = Math.max(0, max3m - 3), tries = 0; a <= max3m && tries < 4; a++, tries++) {
    for (let b = 0; b <= 3; b++) {
      for (let c = 0; c <= 4; c++) {
        for (let d = 0; d <= 10; d++) {
          const covered = a * p3m.minutes + b * p1m.minutes + c * p250.minutes + d * p25.minutes;
          if (covered === 0) continue;
          if (covered >= weighted && covered - weighted >= p25.minutes) continue; // a whole pack could be dropped
          const rest = covered < weighted ? Math.ceil((weighted - covered) / 1000) * 1000 : 0;
          const cost = a * Number(p3m.price) + b * Number(p1m.price) + c * Number(p250.price) + d * Number(p25.price) + (rest ? customApprox(rest) : 0);
          ranked.push({ cost, counts: [a, b, c, d], rest });
        }
      }
    }
  }
  ranked.sort((x, y) => x.cost - y.cost);
  for (const r of ranked.slice(0, 4)) {
    const packs: Candidate['packs'] = [];
    [p3m, p1m, p250, p25].forEach((p, i) => {
      if (r.counts[i] > 0) packs.push({ minutes: p.minutes, price: new D(p.price), custom: false, count: r.counts[i] });
    });
    if (r.rest) packs.push({ minutes: r.rest, price: customPackPrice(book, r.rest), custom: true, count: 1 });
    out.push({ packs, packCost: packs.reduce((sum, p) => sum.plus(p.price.times(p.count)), new D(0)) });
  }
  return out;
}

export function adviseOnPayment(
  s: Scenario,
  metered: MeteredScenario,
  prices: Map<string, KeyPrice | undefined>,
  currentTotal: D,
): PaymentAdvice | null {
  const rules = metered.rules;
  const book = packBook(rules.duration.region);
  const run = (extra: Candidate['packs']) => {
    // Packs bought together expire together and are used one after another, so they are simulated as
    // one pack of their total size (this can only differ by the sub-minute remainders of each pack).
    const bought = extra.reduce((n, p) => n + p.minutes * p.count, 0);
    const packs = packStates(
      [...(s.payment?.packs ?? []), ...(bought > 0 ? [{ minutes: bought, purchased: rules.periodStart }] : [])],
      rules.periodStart,
    );
    return deduct(metered, s, packs, []);
  };
  const base = run([]);
  const baseUsage = postpaidAmount(base.postpaid, prices);
  const other = currentTotal.minus(baseUsage); // relay and anything not deducted per unit

  // Weighted A/V minutes still paid postpaid: what a pack would have to cover.
  let weighted = 0;
  const weightOf = (tier: Tier) => rules.duration.tiers.find((t) => t.tier === tier)?.packWeight ?? 1;
  for (const u of metered.units) {
    for (const [key, minutes] of u.minutes) {
      if (!key.startsWith('av.')) continue;
      weighted += minutes * weightOf(key.slice(3) as Tier);
    }
  }
  let coveredWeighted = 0;
  for (const [key, m] of base.free) if (key.startsWith('av.')) coveredWeighted += m * weightOf(key.slice(3) as Tier);
  for (const [key, m] of base.pack) if (key.startsWith('av.')) coveredWeighted += m * weightOf(key.slice(3) as Tier);
  const need = Math.max(0, weighted - coveredWeighted);

  const postpaidOption: AdviceOption = {
    label: { en: 'Pay postpaid (no new packs)', zh: '按后付费结算（不购买新套餐包）' },
    packs: [],
    packCost: '0',
    postpaidCost: currentTotal.toFixed(),
    total: currentTotal.toFixed(),
  };
  let best = postpaidOption;
  let bestTotal = currentTotal;
  for (const c of candidates(book, need)) {
    const r = run(c.packs);
    const postpaid = postpaidAmount(r.postpaid, prices).plus(other);
    const total = postpaid.plus(c.packCost);
    if (total.lt(bestTotal)) {
      bestTotal = total;
      const desc = c.packs.map((p) => `${p.count > 1 ? `${p.count} × ` : ''}${fmtInt(p.minutes)}${p.custom ? ' (custom)' : ''}`).join(' + ');
      const descZh = c.packs.map((p) => `${p.count > 1 ? `${p.count} × ` : ''}${fmtInt(p.minutes)}${p.custom ? '（自定义）' : ''}`).join(' + ');
      best = {
        label: { en: `Buy general pack(s) of ${desc} minutes`, zh: `购买 ${descZh} 分钟通用套餐包` },
        packs: c.packs.map((p) => ({ minutes: p.minutes, price: p.price.toFixed(), custom: p.custom, count: p.count })),
        packCost: c.packCost.toFixed(),
        postpaidCost: postpaid.toFixed(),
        total: total.toFixed(),
      };
    }
  }
  const saving = currentTotal.minus(bestTotal);
  const cur = rules.currency;
  return {
    postpaid: currentTotal.toFixed(),
    best,
    saving: saving.toFixed(),
    explanation: [
      {
        en: `This period needs ${fmtInt(need)} pack minutes (A/V minutes weighted ${rules.duration.tiers.map((t) => `${t.tier} ${t.packWeight}`).join(', ')}) after free minutes and packs you own.`,
        zh: `扣除免费时长和已有套餐包后，本周期需要 ${fmtInt(need)} 套餐包分钟（音视频分钟按权重 ${rules.duration.tiers.map((t) => `${t.tier} ${t.packWeight}`).join('、')} 折算）。`,
      },
      best.packs.length
        ? {
            en: `Cheapest: ${best.label.en} for ${c2(best.packCost)} ${cur}, leaving ${c2(best.postpaidCost)} ${cur} postpaid: saves ${c2(saving.toFixed())} ${cur}. Packs stay valid to the last day of the same month next year, so minutes left over carry into later months.`,
            zh: `最省：${best.label.zh}，花费 ${c2(best.packCost)} ${cur}，其余后付费 ${c2(best.postpaidCost)} ${cur}：节省 ${c2(saving.toFixed())} ${cur}。套餐包有效期至次年同月最后一天，剩余分钟可在之后月份使用。`,
          }
        : { en: 'Postpaid is already the cheapest for this usage.', zh: '对于此用量，后付费已是最省的方式。' },
      ...(best.packs.length && rules.duration.region === 'international'
        ? [{ en: `International pack prices are from ${book.citation.effective}; packs required an allowlist then, and their availability today is not verified.`, zh: `国际站套餐包价格来自 ${book.citation.effective}；当时需开通白名单，目前是否可购买未经核实。` }]
        : []),
    ],
  };
}

const c2 = (v: string) => new D(v).toDecimalPlaces(2).toFixed(2);
