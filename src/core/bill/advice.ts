// Payment advice: for this period's usage, the cheapest way to pay — postpaid, general packs (fixed
// sizes and custom sizes) and monthly package editions bought at the period start — evaluated exactly
// by re-running the same deduction the bill uses, so the advice can never disagree with the bill.

import { D } from '../decimal';
import type { PackageSpec, Scenario } from '../scenario/types';
import { packBook, type PackBook } from '../tariff/books';
import { fmtInt } from '../common';
import { deduct, packStates, postpaidAmount, type Metered as MeteredScenario } from './settle';
import {
  choiceSpec,
  packageFees,
  packageStates,
  suspensionApplies,
  suspensionChoices,
  suspensionStart,
  unpublishedChoice,
  type PackageChoiceResult,
  type PackageState,
} from './packages';
import type { PackageEdition } from '../tariff/packages';
import type { KeyPrice } from './rules';
import type { Tier } from '../common';
import type { AdviceOption, PaymentAdvice } from './types';

interface Candidate {
  /** Pack sizes with how many of each; `price` is per pack. */
  packs: { minutes: number; price: D; custom: boolean; count: number; approx: number }[];
  /** Exact cost, computed only for the candidates that are evaluated. */
  packCost(): D;
  /** Pack minutes bought, and the pack cost as a plain number (for ordering and the lower bound only). */
  bought: number;
  approx: number;
}

/** Price of a custom pack: size × the unit price of its size bracket. Sizes are whole thousands of minutes (inferred). */
export function customPackPrice(book: PackBook, minutes: number): D {
  let unit = book.custom[0].unit;
  for (const b of book.custom) if (minutes >= b.fromMinutes) unit = b.unit;
  return new D(minutes).times(unit).div(1000);
}

/**
 * The pack purchases the advice considers for a need of `weighted` pack minutes:
 * - one custom pack of the need rounded up to a thousand, one thousand less, and each bracket edge above;
 * - every fixed-pack combination with 3,000k packs near the greedy count (4 counts), 0–3 × 1,000k,
 *   0–4 × 250k and 0–10 × 25k, alone or topped up by a custom pack of the shortfall rounded up or down
 *   to a thousand.
 * All are evaluated exactly unless a lower bound proves them dearer than the best found (see adviseOnPayment).
 */
export function packCandidates(book: PackBook, weighted: number): Candidate[] {
  const out: Candidate[] = [];
  const k = Math.ceil(weighted / 1000);
  if (k <= 0) return out;
  const make = (parts: Candidate['packs']): Candidate => {
    let approx = 0;
    let bought = 0;
    for (const p of parts) {
      approx += p.approx * p.count;
      bought += p.minutes * p.count;
    }
    return { packs: parts, packCost: () => parts.reduce((sum, p) => sum.plus(p.price.times(p.count)), new D(0)), bought, approx };
  };
  // Plain-number unit prices for ranking; the exact price (decimal.js) only when a candidate is evaluated.
  const units = book.custom.map((b) => ({ fromMinutes: b.fromMinutes, unit: Number(b.unit) }));
  const custom = (minutes: number): Candidate['packs'][number] => {
    let unit = units[0].unit;
    for (const b of units) if (minutes >= b.fromMinutes) unit = b.unit;
    let exact: D | undefined;
    return {
      minutes,
      get price() {
        return (exact ??= customPackPrice(book, minutes));
      },
      custom: true,
      count: 1,
      approx: (minutes * unit) / 1000,
    };
  };
  out.push(make([custom(k * 1000)]));
  if (k > 1) out.push(make([custom((k - 1) * 1000)]));
  for (const b of book.custom) if (b.fromMinutes > k * 1000) out.push(make([custom(b.fromMinutes)]));
  const [p25, p250, p1m, p3m] = book.fixed;
  const fixed = [p3m, p1m, p250, p25].map((p) => ({ minutes: p.minutes, price: new D(p.price), approx: Number(p.price) }));
  const max3m = Math.ceil(weighted / p3m.minutes);
  for (let a = Math.max(0, max3m - 3); a <= max3m; a++) {
    for (let b = 0; b <= 3; b++) {
      for (let c = 0; c <= 4; c++) {
        for (let d = 0; d <= 10; d++) {
          const counts = [a, b, c, d];
          const covered = a * p3m.minutes + b * p1m.minutes + c * p250.minutes + d * p25.minutes;
          if (covered === 0) continue;
          const parts: Candidate['packs'] = [];
          counts.forEach((n, i) => {
            if (n > 0) parts.push({ minutes: fixed[i].minutes, price: fixed[i].price, custom: false, count: n, approx: fixed[i].approx });
          });
          out.push(make(parts));
          if (covered < weighted) {
            const up = Math.ceil((weighted - covered) / 1000) * 1000;
            out.push(make([...parts, custom(up)]));
            if (up - 1000 >= 1000) out.push(make([...parts, custom(up - 1000)]));
          }
        }
      }
    }
  }
  return out;
}

/** A monthly package edition the advice may add, as a spec bought at the period start. */
interface EditionCandidate {
  edition: PackageEdition;
  spec: PackageSpec;
}

/**
 * The package editions the advice compares: those of the app's product (international default:
 * RTC-Engine; mainland packages are sold with TUICallKit / TUIRoomKit, so only when payment.product
 * says call or conference), with a published fee or one entered in payment.packagePrices, not already held.
 */
export function editionCandidates(s: Scenario, periodStart: string): EditionCandidate[] {
  const region = s.tariff.region;
  const product = s.payment?.product ?? (region === 'international' ? 'rtc-engine' : undefined);
  if (!product) return [];
  const held = new Set((s.payment?.packages ?? []).map((p) => p.edition));
  const out: EditionCandidate[] = [];
  for (const e of suspensionChoices(region)) {
    if (held.has(e.id)) continue;
    const fits = region === 'international' ? e.family === product : product === 'call' || (product === 'conference' && e.id !== 'mainland.call-1v1');
    if (!fits) continue;
    const spec = choiceSpec(e, s, periodStart);
    if (spec) out.push({ edition: e, spec });
  }
  return out;
}

interface RunResult {
  deduction: ReturnType<typeof deduct>;
  fees: D;
}

function runner(s: Scenario, metered: MeteredScenario) {
  const rules = metered.rules;
  const owned = s.payment?.packages ?? [];
  return (extra: Candidate['packs'], edition?: PackageSpec): RunResult => {
    // Packs bought together expire together and are used one after another, so they are simulated as
    // one pack of their total size (this can only differ by the sub-minute remainders of each pack).
    const bought = extra.reduce((n, p) => n + p.minutes * p.count, 0);
    const packs = packStates([...(s.payment?.packs ?? []), ...(bought > 0 ? [{ minutes: bought, purchased: rules.periodStart }] : [])], rules.periodStart);
    const monthly = packageStates(s, rules, [], [], edition ? [...owned, edition] : owned);
    return { deduction: deduct(metered, s, packs, [], monthly), fees: packageFees(monthly) };
  };
}

/** What each package choice would cost instead of a suspension (same usage, bought at the period start). */
export function comparePackageChoices(
  s: Scenario,
  metered: MeteredScenario,
  prices: Map<string, KeyPrice | undefined>,
  currentTotal: D,
  owned: readonly PackageState[],
): PackageChoiceResult[] {
  const rules = metered.rules;
  const run = runner(s, metered);
  const base = run([]);
  // Everything the choice cannot change: relay, MAU, the fees of packages already held.
  const other = currentTotal.minus(postpaidAmount(base.deduction.postpaid, prices));
  return suspensionChoices(s.tariff.region).map((e) => {
    const spec = choiceSpec(e, s, rules.periodStart);
    if (!spec) return unpublishedChoice(e);
    const r = run([], spec);
    const fee = r.fees.minus(packageFees(owned));
    const payg = postpaidAmount(r.deduction.postpaid, prices).plus(other);
    const user = spec.fee !== undefined || spec.minutes !== undefined;
    return {
      edition: e.id,
      name: e.name,
      fee: fee.toFixed(),
      payAsYouGo: payg.toFixed(),
      total: fee.plus(payg).toFixed(),
      priceSource: user ? 'user' : 'published',
      note: user
        ? { en: `Your price (payment.packagePrices).${e.note ? ` ${e.note.en}` : ''}`, zh: `你填写的价格（payment.packagePrices）。${e.note ? e.note.zh : ''}` }
        : (e.note ?? { en: 'Published price.', zh: '公开价格。' }),
    };
  });
}

export function adviseOnPayment(
  s: Scenario,
  metered: MeteredScenario,
  prices: Map<string, KeyPrice | undefined>,
  currentTotal: D,
  owned: readonly PackageState[] = [],
): PaymentAdvice | null {
  const rules = metered.rules;
  const book = packBook(rules.duration.region);
  const run = runner(s, metered);
  const base = run([]);
  // Everything the purchases cannot change: relay, MAU, the fees of packages already held.
  const other = currentTotal.minus(postpaidAmount(base.deduction.postpaid, prices));

  const weightOf = (tier: Tier) => rules.duration.tiers.find((t) => t.tier === tier)?.packWeight ?? 1;
  let weighted = 0;
  for (const u of metered.units) {
    for (const [key, minutes] of u.minutes) {
      if (!key.startsWith('av.')) continue;
      weighted += minutes * weightOf(key.slice(3) as Tier);
    }
  }
  const needAfter = (r: RunResult) => {
    let covered = 0;
    for (const [key, m] of r.deduction.free) if (key.startsWith('av.')) covered += m * weightOf(key.slice(3) as Tier);
    for (const [key, m] of r.deduction.pack) if (key.startsWith('av.')) covered += m * weightOf(key.slice(3) as Tier);
    return Math.max(0, weighted - covered);
  };
  // Cheapest A/V price per pack minute: no pack minute left uncovered can cost less than this.
  let minRate = Infinity;
  for (const [key, p] of prices) if (key.startsWith('av.') && p) minRate = Math.min(minRate, Number(p.unit) / weightOf(key.slice(3) as Tier));
  if (!Number.isFinite(minRate)) minRate = 0;
  const need = needAfter(base);

  const postpaidOption: AdviceOption = {
    label: { en: 'Pay postpaid (no new packs)', zh: '按后付费结算（不购买新套餐包）' },
    packs: [],
    packCost: '0',
    postpaidCost: currentTotal.toFixed(),
    total: currentTotal.toFixed(),
  };
  let best = postpaidOption;
  let bestTotal = currentTotal;
  const editions = editionCandidates(s, rules.periodStart);

  // Each branch: no new package, or one edition; then the pack purchases for what is still needed.
  const branches: { edition?: EditionCandidate; base: RunResult; need: number; nonAv: D }[] = [];
  const nonAvOf = (r: RunResult) => {
    const m = new Map<string, number>();
    for (const [k, v] of r.deduction.postpaid) if (!k.startsWith('av.')) m.set(k, v);
    return postpaidAmount(m, prices);
  };
  branches.push({ base, need, nonAv: nonAvOf(base) });
  for (const e of editions) {
    const r = run([], e.spec);
    branches.push({ edition: e, base: r, need: needAfter(r), nonAv: nonAvOf(r) });
  }
  type Option = { branch: (typeof branches)[number]; c?: Candidate; lower: number };
  const options: Option[] = [];
  for (const br of branches) {
    const fee = Number(br.base.fees.minus(packageFees(owned)));
    const fixedPart = fee + Number(other) + Number(br.nonAv);
    if (br.edition) options.push({ branch: br, lower: fixedPart + (br.need * minRate) / 1000 });
    for (const c of packCandidates(book, br.need))
      options.push({ branch: br, c, lower: fixedPart + c.approx + (Math.max(0, br.need - c.bought) * minRate) / 1000 });
  }
  // Exact evaluation in order of a lower bound; stop once the bound exceeds the best exact total (the
  // margin covers the floating-point error of the bound), so the result is the minimum over all options.
  options.sort((x, y) => x.lower - y.lower);
  for (const o of options) {
    const b = Number(bestTotal);
    if (o.lower > b + Math.abs(b) * 1e-9 + 1e-9) break;
    const r = o.c ? run(o.c.packs, o.branch.edition?.spec) : o.branch.base;
    const fee = r.fees.minus(packageFees(owned));
    const postpaid = postpaidAmount(r.deduction.postpaid, prices).plus(other);
    const packCost = o.c ? o.c.packCost() : new D(0);
    const total = postpaid.plus(packCost).plus(fee);
    if (!total.lt(bestTotal)) continue;
    bestTotal = total;
    const packs = o.c?.packs ?? [];
    const desc = packs.map((p) => `${p.count > 1 ? `${p.count} × ` : ''}${fmtInt(p.minutes)}${p.custom ? ' (custom)' : ''}`).join(' + ');
    const descZh = packs.map((p) => `${p.count > 1 ? `${p.count} × ` : ''}${fmtInt(p.minutes)}${p.custom ? '（自定义）' : ''}`).join(' + ');
    const e = o.branch.edition;
    const pkgLabel = e
      ? {
          en: `Buy the ${e.edition.name.en} monthly package (${fee.toFixed()} ${rules.currency} in the period)`,
          zh: `购买 ${e.edition.name.zh} 月套餐（计费周期内 ${fee.toFixed()} ${rules.currency}）`,
        }
      : undefined;
    const packLabel = packs.length ? { en: `general pack(s) of ${desc} minutes`, zh: `${descZh} 分钟通用套餐包` } : undefined;
    best = {
      label:
        pkgLabel && packLabel
          ? { en: `${pkgLabel.en} and ${packLabel.en}`, zh: `${pkgLabel.zh}，并购买 ${packLabel.zh}` }
          : (pkgLabel ?? { en: `Buy ${packLabel!.en}`, zh: `购买 ${packLabel!.zh}` }),
      ...(e
        ? {
            package: {
              edition: e.edition.id,
              name: e.edition.name,
              fee: fee.toFixed(),
              priceSource: e.spec.fee !== undefined || e.spec.minutes !== undefined ? ('user' as const) : ('published' as const),
            },
          }
        : {}),
      packs: packs.map((p) => ({ minutes: p.minutes, price: p.price.toFixed(), custom: p.custom, count: p.count })),
      packCost: packCost.toFixed(),
      postpaidCost: postpaid.toFixed(),
      total: total.toFixed(),
    };
  }
  const saving = currentTotal.minus(bestTotal);
  const cur = rules.currency;
  const product = s.payment?.product;
  const suspended = suspensionApplies(s, rules) && !!suspensionStart(metered.units, base.deduction.postpaidByUnit, packageStates(s, rules, [], []));
  return {
    postpaid: currentTotal.toFixed(),
    best,
    saving: saving.toFixed(),
    explanation: [
      {
        en: `This period needs ${fmtInt(need)} pack minutes (A/V minutes weighted ${rules.duration.tiers.map((t) => `${t.tier} ${t.packWeight}`).join(', ')}) after free minutes and packs you own.`,
        zh: `扣除免费时长和已有套餐包后，本周期需要 ${fmtInt(need)} 套餐包分钟（音视频分钟按权重 ${rules.duration.tiers.map((t) => `${t.tier} ${t.packWeight}`).join('、')} 折算）。`,
      },
      best.packs.length || best.package
        ? {
            en: `Cheapest: ${best.label.en}${best.packs.length ? ` for ${c2(best.packCost)} ${cur}` : ''}, leaving ${c2(best.postpaidCost)} ${cur} postpaid: saves ${c2(saving.toFixed())} ${cur}.${best.packs.length ? ' Packs stay valid to the last day of the same month next year, so minutes left over carry into later months.' : ''}${best.package ? ' A monthly package is bound to one app and its minutes expire at the end of each monthly cycle.' : ''}`,
            zh: `最省：${best.label.zh}${best.packs.length ? `，花费 ${c2(best.packCost)} ${cur}` : ''}，其余后付费 ${c2(best.postpaidCost)} ${cur}：节省 ${c2(saving.toFixed())} ${cur}。${best.packs.length ? '套餐包有效期至次年同月最后一天，剩余分钟可在之后月份使用。' : ''}${best.package ? '月套餐只绑定一个应用，分钟数在每个月周期结束时清零。' : ''}`,
          }
        : { en: 'Postpaid is already the cheapest for this usage.', zh: '对于此用量，后付费已是最省的方式。' },
      ...(best.packs.length && rules.duration.region === 'international'
        ? [
            {
              en: `International pack prices are from ${book.citation.effective}; packs required an allowlist then, and their availability today is not verified.`,
              zh: `国际站套餐包价格来自 ${book.citation.effective}；当时需开通白名单，目前是否可购买未经核实。`,
            },
          ]
        : []),
      ...(rules.duration.region === 'mainland' && !product
        ? [
            {
              en: 'Mainland monthly packages (TRTC 基础版 / 尊享版 / 旗舰版) are sold with TUICallKit / TUIRoomKit: set payment.product to "call" or "conference" to compare them.',
              zh: '中国站月套餐（TRTC 基础版 / 尊享版 / 旗舰版）随 TUICallKit / TUIRoomKit 售卖：将 payment.product 设为 "call" 或 "conference" 即可比较。',
            },
          ]
        : []),
      ...(suspended
        ? [
            {
              en: 'Without a monthly package this app is suspended once the free minutes run out: paying postpaid (or with packs alone) is not possible; compare the package choices.',
              zh: '没有月套餐时，免费时长用完后应用将被停用：无法仅按后付费（或仅用套餐包）结算；请比较各套餐选项。',
            },
          ]
        : []),
      ...(editions.length
        ? [
            {
              en: `Monthly packages compared: ${editions.map((e) => e.edition.name.en).join(', ')}.`,
              zh: `已比较的月套餐：${editions.map((e) => e.edition.name.zh).join('、')}。`,
            },
          ]
        : []),
    ],
  };
}

const c2 = (v: string) => new D(v).toDecimalPlaces(2).toFixed(2);
