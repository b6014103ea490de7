// Payment advice: for this period's usage, the cheapest way to pay — postpaid, general packs (fixed
// sizes and custom sizes) and monthly package editions bought at the period start — evaluated exactly
// by re-running the same deduction the bill uses, so the advice can never disagree with the bill.

import { D } from '../decimal';
import type { PackageSpec, Scenario } from '../scenario/types';
import { packBook, type PackBook } from '../tariff/books';
import { fmtInt, formatMoney, tierName } from '../common';
import { deduct, packStates, postpaidAmount, type Metered as MeteredScenario } from './settle';
import {
  choiceSpec,
  defaultApp,
  packageFees,
  packageStates,
  suspensionApplies,
  suspensionChoices,
  suspensionsByApp,
  unpublishedChoice,
  type PackageChoiceResult,
  type PackageState,
} from './packages';
import type { PackageEdition } from '../tariff/packages';
import type { KeyPrice } from './rules';
import type { Text, Tier } from '../common';
import type { AdviceOption, PaymentAdvice } from './types';

/** A pack purchase: the packs bought with their prices (`price` is per pack). */
type Packs = { minutes: number; price: D; custom: boolean; count: number }[];

/**
 * A pack purchase the advice considers, as counts: thousands of them are ranked by a lower bound and few are
 * evaluated, so the packs themselves (`candidatePacks`) are built only for those.
 */
interface Candidate {
  /** 3,000k, 1,000k, 250k and 25k packs. */
  fixed: [number, number, number, number];
  /** Minutes of one custom pack bought with them (0: none). */
  custom: number;
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
 * `keep(approx, bought)`: whether a candidate may be worth evaluating (those it rejects are not built).
 */
export function packCandidates(book: PackBook, weighted: number, keep: (approx: number, bought: number) => boolean = () => true): Candidate[] {
  const out: Candidate[] = [];
  const push = (fixed: Candidate['fixed'] | undefined, custom: number, bought: number, approx: number): void => {
    if (keep(approx, bought)) out.push({ fixed: fixed ?? [0, 0, 0, 0], custom, bought, approx });
  };
  const k = Math.ceil(weighted / 1000);
  if (k <= 0) return out;
  // Plain-number unit prices for ranking; the exact price (decimal.js) only when a candidate is evaluated.
  const units = book.custom.map((b) => ({ fromMinutes: b.fromMinutes, unit: Number(b.unit) }));
  const customApprox = (minutes: number): number => {
    let unit = units[0].unit;
    for (const b of units) if (minutes >= b.fromMinutes) unit = b.unit;
    return (minutes * unit) / 1000;
  };
  push(undefined, k * 1000, k * 1000, 0 + customApprox(k * 1000));
  if (k > 1) push(undefined, (k - 1) * 1000, (k - 1) * 1000, 0 + customApprox((k - 1) * 1000));
  for (const b of book.custom) if (b.fromMinutes > k * 1000) push(undefined, b.fromMinutes, b.fromMinutes, 0 + customApprox(b.fromMinutes));
  const [p25, p250, p1m, p3m] = book.fixed;
  const fixed = [p3m, p1m, p250, p25].map((p) => ({ minutes: p.minutes, approx: Number(p.price) }));
  const max3m = Math.ceil(weighted / p3m.minutes);
  for (let a = Math.max(0, max3m - 3); a <= max3m; a++) {
    for (let b = 0; b <= 3; b++) {
      for (let c = 0; c <= 4; c++) {
        for (let d = 0; d <= 10; d++) {
          const covered = a * p3m.minutes + b * p1m.minutes + c * p250.minutes + d * p25.minutes;
          if (covered === 0) continue;
          // The approximate cost summed pack by pack in this order, as the ranking has always summed it.
          let approx = 0;
          if (a > 0) approx += fixed[0].approx * a;
          if (b > 0) approx += fixed[1].approx * b;
          if (c > 0) approx += fixed[2].approx * c;
          if (d > 0) approx += fixed[3].approx * d;
          push([a, b, c, d], 0, covered, approx);
          if (covered < weighted) {
            const up = Math.ceil((weighted - covered) / 1000) * 1000;
            push([a, b, c, d], up, covered + up, approx + customApprox(up));
            if (up - 1000 >= 1000) push([a, b, c, d], up - 1000, covered + up - 1000, approx + customApprox(up - 1000));
          }
        }
      }
    }
  }
  return out;
}

/** The packs of a candidate: the fixed packs (3,000k first), then its custom pack. */
function candidatePacks(book: PackBook, c: Candidate): Packs {
  const [p25, p250, p1m, p3m] = book.fixed;
  const order = [p3m, p1m, p250, p25];
  const packs: Packs = [];
  c.fixed.forEach((n, i) => {
    if (n > 0) packs.push({ minutes: order[i].minutes, price: new D(order[i].price), custom: false, count: n });
  });
  if (c.custom > 0) packs.push({ minutes: c.custom, price: customPackPrice(book, c.custom), custom: true, count: 1 });
  return packs;
}

/** A monthly package edition the advice may add, as a spec bought at the period start. */
interface EditionCandidate {
  edition: PackageEdition;
  spec: PackageSpec;
}

/**
 * The package editions the advice compares for one app: those of the app's product (international default:
 * RTC-Engine; mainland packages are sold with TUICallKit / TUIRoomKit, so only when payment.product
 * says call or conference), with a published fee or one entered in payment.packagePrices, not already held
 * by that app. `app`: the app a package would be bound to (omitted: the scenario's one app).
 */
export function editionCandidates(s: Scenario, periodStart: string, app?: string): EditionCandidate[] {
  const region = s.tariff.region;
  const product = s.payment?.product ?? (region === 'international' ? 'rtc-engine' : undefined);
  if (!product) return [];
  const fallback = defaultApp(s);
  const held = new Set(
    (s.payment?.packages ?? []).filter((p) => app === undefined || p.scope === 'account' || (p.app ?? fallback) === app).map((p) => p.edition),
  );
  const out: EditionCandidate[] = [];
  for (const e of suspensionChoices(region)) {
    if (held.has(e.id)) continue;
    const fits = region === 'international' ? e.family === product : product === 'call' || (product === 'conference' && e.id !== 'mainland.call-1v1');
    if (!fits) continue;
    const spec = choiceSpec(e, s, periodStart, app);
    if (spec) out.push({ edition: e, spec });
  }
  return out;
}

interface RunResult {
  deduction: ReturnType<typeof deduct>;
  fees: D;
  monthly: PackageState[];
}

function runner(s: Scenario, metered: MeteredScenario) {
  const rules = metered.rules;
  const owned = s.payment?.packages ?? [];
  return (extra: Packs, editions: readonly PackageSpec[] = []): RunResult => {
    // Packs bought together expire together and are used one after another, so they are simulated as
    // one pack of their total size (this can only differ by the sub-minute remainders of each pack).
    const bought = extra.reduce((n, p) => n + p.minutes * p.count, 0);
    const packs = packStates([...(s.payment?.packs ?? []), ...(bought > 0 ? [{ minutes: bought, purchased: rules.periodStart }] : [])], rules.periodStart);
    const monthly = packageStates(s, rules, [], [], editions.length ? [...owned, ...editions] : owned);
    return { deduction: deduct(metered, s, packs, [], monthly), fees: packageFees(monthly), monthly };
  };
}

/**
 * What each package choice would cost instead of a suspension (same usage, bought at the period start).
 * `app`: the suspended app the package would be bound to (omitted: the scenario's one app).
 */
export function comparePackageChoices(
  s: Scenario,
  metered: MeteredScenario,
  prices: Map<string, KeyPrice | undefined>,
  currentTotal: D,
  owned: readonly PackageState[],
  app?: string,
): PackageChoiceResult[] {
  const rules = metered.rules;
  const run = runner(s, metered);
  const base = run([]);
  // Everything the choice cannot change: relay, MAU, the fees of packages already held.
  const other = currentTotal.minus(postpaidAmount(base.deduction.postpaid, prices));
  return suspensionChoices(s.tariff.region).map((e) => {
    const spec = choiceSpec(e, s, rules.periodStart, app);
    if (!spec) return unpublishedChoice(e);
    const r = run([], [spec]);
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

// ---------------------------------------------------------------------------------------------
// Sentences: counts and formatted money, in both languages.

type Money = (amount: D | string) => Text;

/** "56 × 3,000,000-minute pack" / "one 12,000-minute custom pack"; zh "56 个 3,000,000 分钟套餐包". */
function packPhrase(p: { minutes: number; custom: boolean; count: number }): Text {
  const kind = p.custom ? { en: ' custom', zh: '自定义' } : { en: '', zh: '通用' };
  return {
    en: `${p.count > 1 ? `${fmtInt(p.count)} ×` : 'one'} ${fmtInt(p.minutes)}-minute${kind.en} pack`,
    zh: `${fmtInt(p.count)} 个 ${fmtInt(p.minutes)} 分钟${kind.zh}套餐包`,
  };
}

/** "a, b and c" / "a、b和c". */
function listOf(items: readonly Text[]): Text {
  const join = (xs: string[], comma: string, and: (prev: string, last: string) => string) =>
    xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(comma)}${and(xs[xs.length - 2], xs[xs.length - 1])}${xs[xs.length - 1]}`;
  // Chinese: a space only between the conjunction and a Latin letter or digit ("套餐包和 1 个…").
  const latin = /[0-9A-Za-z"]/;
  const zhAnd = (prev: string, last: string) => `${latin.test(prev.slice(-1)) ? ' ' : ''}和${latin.test(last.charAt(0)) ? ' ' : ''}`;
  return {
    en: join(
      items.map((i) => i.en),
      ', ',
      () => ' and ',
    ),
    zh: join(
      items.map((i) => i.zh),
      '、',
      zhAnd,
    ),
  };
}

const appText = (app: string | undefined): Text => (app === undefined ? { en: '', zh: '' } : { en: ` for app "${app}"`, zh: `（应用 "${app}"）` });

/** The option's label: what to buy, as a sentence starting with "Buy" / "购买". */
function optionLabel(packages: readonly { name: Text; fee: D; app?: string }[], packs: Readonly<Packs>, money: Money): Text {
  const parts: Text[] = packages.map((p) => ({
    en: `the ${p.name.en} monthly package${appText(p.app).en} (${money(p.fee).en} in the period)`,
    zh: `${p.name.zh}月套餐${appText(p.app).zh}（计费周期内 ${money(p.fee).zh}）`,
  }));
  parts.push(...packs.map(packPhrase));
  const list = listOf(parts);
  return { en: `Buy ${list.en}`, zh: `购买 ${list.zh}` };
}

// ---------------------------------------------------------------------------------------------

export function adviseOnPayment(
  s: Scenario,
  metered: MeteredScenario,
  prices: Map<string, KeyPrice | undefined>,
  currentTotal: D,
  owned: readonly PackageState[] = [],
): PaymentAdvice | null {
  const rules = metered.rules;
  const cur = rules.currency;
  const money: Money = (v) => ({ en: formatMoney(new D(v).toFixed(), cur, 'en'), zh: formatMoney(new D(v).toFixed(), cur, 'zh-cn') });
  const book = packBook(rules.duration.region);
  const run = runner(s, metered);
  const base = run([]);
  // Everything the purchases cannot change: relay, MAU, the fees of packages already held.
  const other = currentTotal.minus(postpaidAmount(base.deduction.postpaid, prices));

  const weightOf = (tier: Tier) => rules.duration.tiers.find((t) => t.tier === tier)?.packWeight ?? 1;
  let weighted = 0;
  const weightedByApp = new Map<string, number>();
  for (const u of metered.units) {
    for (const [key, minutes] of u.minutes) {
      if (!key.startsWith('av.')) continue;
      weighted += minutes * weightOf(key.slice(3) as Tier);
    }
    for (const [app, m] of u.byApp ?? [])
      for (const [key, minutes] of m)
        if (key.startsWith('av.')) weightedByApp.set(app, (weightedByApp.get(app) ?? 0) + minutes * weightOf(key.slice(3) as Tier));
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
  const nonAvOf = (r: RunResult) => {
    const m = new Map<string, number>();
    for (const [k, v] of r.deduction.postpaid) if (!k.startsWith('av.')) m.set(k, v);
    return postpaidAmount(m, prices);
  };
  const multi = metered.apps.length > 1;

  interface Best {
    total: D;
    option: AdviceOption;
    /** The package editions of the best option (one per app at most). */
    set: EditionCandidate[];
  }
  /**
   * The cheapest option over these package sets, each alone or with pack purchases, if cheaper than `best`.
   * Exact evaluation in order of a lower bound; stop once the bound exceeds the best exact total (the margin
   * covers the floating-point error of the bound), so the result is the minimum over all options.
   */
  const search = (sets: EditionCandidate[][], best: Best): Best => {
    type Option = { set: EditionCandidate[]; base: RunResult; c?: Candidate; lower: number };
    const options: Option[] = [];
    // The best total only falls, so an option whose bound exceeds the cut-off of the best so far is never evaluated
    // (the loop below stops before it): it is not kept. (Totals are not negative; the bound is checked only then.)
    const start = Number(best.total);
    const cutoff = start >= 0 ? start + Math.abs(start) * 1e-9 + 1e-9 : Infinity;
    for (const set of sets) {
      const r = set.length
        ? run(
            [],
            set.map((e) => e.spec),
          )
        : base;
      const br = { need: needAfter(r), nonAv: nonAvOf(r) };
      const fee = Number(r.fees.minus(packageFees(owned)));
      const fixedPart = fee + Number(other) + Number(br.nonAv);
      if (set.length) {
        const lower = fixedPart + (br.need * minRate) / 1000;
        if (!(lower > cutoff)) options.push({ set, base: r, lower });
      }
      const lowerOf = (approx: number, bought: number): number => fixedPart + approx + (Math.max(0, br.need - bought) * minRate) / 1000;
      for (const c of packCandidates(book, br.need, (approx, bought) => !(lowerOf(approx, bought) > cutoff)))
        options.push({ set, base: r, c, lower: lowerOf(c.approx, c.bought) });
    }
    options.sort((x, y) => x.lower - y.lower);
    for (const o of options) {
      const b = Number(best.total);
      if (o.lower > b + Math.abs(b) * 1e-9 + 1e-9) break;
      const packs = o.c ? candidatePacks(book, o.c) : [];
      const r = o.c
        ? run(
            packs,
            o.set.map((e) => e.spec),
          )
        : o.base;
      const fee = r.fees.minus(packageFees(owned));
      const postpaid = postpaidAmount(r.deduction.postpaid, prices).plus(other);
      const packCost = packs.reduce((sum, p) => sum.plus(p.price.times(p.count)), new D(0));
      const total = postpaid.plus(packCost).plus(fee);
      if (!total.lt(best.total)) continue;
      const bought = o.set.map((e) => {
        const state = r.monthly.find((m) => m.spec === e.spec);
        return { e, fee: state ? packageFees([state]) : new D(0) };
      });
      const packages = bought.map(({ e, fee: f }) => ({
        edition: e.edition.id,
        name: e.edition.name,
        fee: f.toFixed(),
        priceSource: e.spec.fee !== undefined || e.spec.minutes !== undefined ? ('user' as const) : ('published' as const),
        ...(multi && e.spec.app !== undefined ? { app: e.spec.app } : {}),
      }));
      best = {
        total,
        set: o.set,
        option: {
          label: optionLabel(
            bought.map(({ e, fee: f }) => ({ name: e.edition.name, fee: f, ...(multi ? { app: e.spec.app } : {}) })),
            packs,
            money,
          ),
          ...(packages.length ? { package: packages[0], packages } : {}),
          packs: packs.map((p) => ({ minutes: p.minutes, price: p.price.toFixed(), custom: p.custom, count: p.count })),
          packCost: packCost.toFixed(),
          postpaidCost: postpaid.toFixed(),
          total: total.toFixed(),
        },
      };
    }
    return best;
  };

  let best: Best = { total: currentTotal, option: postpaidOption, set: [] };
  const compared: { app?: string; editions: EditionCandidate[] }[] = [];
  if (!multi) {
    const editions = editionCandidates(s, rules.periodStart);
    if (editions.length) compared.push({ editions });
    best = search([[], ...editions.map((e) => [e])], best);
  } else {
    // A package covers one app: each app gets its own choice (none, or one edition). The apps are decided one at a
    // time, the largest A/V user first, each against the choices already made (free minutes and packs are shared,
    // so the apps are not independent; trying every combination would multiply the runs by editions^apps).
    const order = [...metered.apps].sort((x, y) => (weightedByApp.get(y) ?? 0) - (weightedByApp.get(x) ?? 0));
    let searched = false;
    for (const app of order) {
      const editions = editionCandidates(s, rules.periodStart, app);
      if (!editions.length) continue;
      compared.push({ app, editions });
      // The first round also searches packs alone; later rounds only add this app's editions to the choices made.
      best = search([...(searched ? [] : [best.set]), ...editions.map((e) => [...best.set, e])], best);
      searched = true;
    }
    if (!searched) best = search([[]], best);
  }
  const bestOption = best.option;
  const bestTotal = best.total;
  const saving = currentTotal.minus(bestTotal);
  const product = s.payment?.product;
  // The apps still without a package under the advice (packs alone do not prevent a suspension).
  const withPackages = best.set.length
    ? run(
        [],
        best.set.map((e) => e.spec),
      )
    : base;
  const suspended = suspensionApplies(s, rules) ? suspensionsByApp(metered.units, withPackages.deduction.avPostpaidByApp, withPackages.monthly) : [];
  const suspendedApps = listOf(suspended.map((x) => ({ en: `"${x.app}"`, zh: `"${x.app}"` })));
  const bought = bestOption.packs.length > 0 || !!bestOption.package;
  const lower = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);
  return {
    postpaid: currentTotal.toFixed(),
    best: bestOption,
    saving: saving.toFixed(),
    explanation: [
      {
        en:
          `This period needs ${fmtInt(need)} pack minutes (A/V minutes weighted ` +
          `${rules.duration.tiers.map((t) => `${t.tier} ${t.packWeight}`).join(', ')}) after free minutes and packs you own.`,
        zh: `扣除免费时长和已有套餐包后，本周期需要 ${fmtInt(need)} 套餐包分钟（音视频分钟按权重 ${rules.duration.tiers.map((t) => `${tierName(t.tier).zh} ${t.packWeight}`).join('、')} 折算）。`,
      },
      bought
        ? {
            en:
              `Cheapest: ${lower(bestOption.label.en)}${bestOption.packs.length ? `; the packs cost ${money(bestOption.packCost).en}` : ''}, ` +
              `${
                new D(bestOption.postpaidCost).isZero()
                  ? 'with nothing left to pay ' + 'postpaid'
                  : `leaving ${money(bestOption.postpaidCost).en} to pay postpaid`
              }. This saves ${money(saving).en}.${
                bestOption.packs.length
                  ? ' Packs stay valid to the last day of the same month next year, so minutes ' + 'left over carry into later months.'
                  : ''
              }${bestOption.package ? ' A monthly package is bound to one app and its minutes expire at the end of each monthly cycle.' : ''}`,
            zh:
              `最省：${bestOption.label.zh}` +
              (bestOption.packs.length ? `，套餐包共 ${money(bestOption.packCost).zh}` : '') +
              (new D(bestOption.postpaidCost).isZero() ? '，无需再按后付费结算' : `，其余 ${money(bestOption.postpaidCost).zh} 按后付费结算`) +
              `，可节省 ${money(saving).zh}。` +
              (bestOption.packs.length ? '套餐包有效期至次年同月最后一天，剩余分钟可在之后月份使用。' : '') +
              (bestOption.package ? '月套餐只绑定一个应用，分钟数在每个月周期结束时清零。' : ''),
          }
        : { en: 'Postpaid is already the cheapest for this usage.', zh: '对于此用量，后付费已是最省的方式。' },
      ...(bestOption.packs.length && rules.duration.region === 'international'
        ? [
            {
              en:
                `International pack prices are from ${book.citation.effective}; packs required an allowlist then, and their availability today is not ` +
                `verified.`,
              zh: `国际站套餐包价格来自 ${book.citation.effective}；当时需开通白名单，目前是否可购买未经核实。`,
            },
          ]
        : []),
      ...(rules.duration.region === 'mainland' && !product
        ? [
            {
              en:
                'Mainland monthly packages (TRTC 基础版 / 尊享版 / 旗舰版) are sold with TUICallKit / TUIRoomKit: set payment.product to "call" or "conference" to ' +
                'compare them.',
              zh: '中国站月套餐（TRTC 基础版 / 尊享版 / 旗舰版）随 TUICallKit / TUIRoomKit 售卖：将 payment.product 设为 "call" 或 "conference" 即可比较。',
            },
          ]
        : []),
      ...(suspended.length
        ? [
            multi
              ? {
                  en:
                    `${bought ? 'Even with this choice, ' : ''}app${suspended.length > 1 ? 's' : ''} ${suspendedApps.en} ` +
                    `${suspended.length > 1 ? 'have' : 'has'} no monthly package of ${suspended.length > 1 ? 'their' : 'its'} own ` +
                    `and ${suspended.length > 1 ? 'are' : 'is'} suspended once the free minutes run out: paying ${suspended.length > 1 ? 'their' : 'its'} ` +
                    `usage postpaid (or with packs alone) is not possible; compare the package choices.`,
                  zh: `${bought ? '即使按此方案，' : ''}应用 ${suspendedApps.zh} 没有自己的月套餐，将在免费时长用完后被停用：无法仅按后付费（或仅用套餐包）结算其用量；请比较各套餐选项。`,
                }
              : {
                  en:
                    'Without a monthly package this app is suspended once the free minutes run out: paying postpaid (or with packs alone) is not ' +
                    'possible; compare the package choices.',
                  zh: '没有月套餐时，免费时长用完后应用将被停用：无法仅按后付费（或仅用套餐包）结算；请比较各套餐选项。',
                },
          ]
        : []),
      ...compared.map((c) => ({
        en: `Monthly packages compared${appText(c.app).en}: ${c.editions.map((e) => e.edition.name.en).join(', ')}.`,
        zh: `已比较的月套餐${appText(c.app).zh}：${c.editions.map((e) => e.edition.name.zh).join('、')}。`,
      })),
    ],
  };
}
