// Monthly packages in the bill: each package's monthly cycles (fee, included minutes), their share of
// the deduction (free minutes → packages, narrower scope first, then earliest expiry → prepaid packs →
// pay-as-you-go), the bill lines for the fees and MAU, and the suspension of an international app that
// has no package once its free minutes run out (with what each package choice would cost instead).

import { D } from '../decimal';
import type { PackageSpec, Scenario } from '../scenario/types';
import { CUSTOM_EDITION_ID, FREE_MINUTES_2024, PACKAGE_EDITIONS, SUSPENSION_RULE, feeOn, packageEdition, type PackageEdition } from '../tariff/packages';
import { fmtInt } from '../common';
import type { Rules } from './rules';
import type { Citation, Message, Text } from '../common';
import type { BillLine } from './types';

// ---------------------------------------------------------------------------------------------
// Dates

const pad = (n: number) => String(n).padStart(2, '0');

/** The same date k months later; a day that month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, k: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + k;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${pad(tm + 1)}-${pad(Math.min(d, last))}`;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Cycle k of a monthly allowance that starts on `start`: from the same date k months on to the day before the next. */
export function monthlyCycle(start: string, k: number): { start: string; end: string } {
  return { start: addMonths(start, k), end: addDays(addMonths(start, k + 1), -1) };
}

// ---------------------------------------------------------------------------------------------
// Package states

export interface PackageCycle {
  start: string;
  end: string;
  /** Fee paid for this cycle inside the period (null: paid before the period, or no fee known). */
  fee: D | null;
  /** Minutes available in this cycle (weighted by the deduction ratios), and used. */
  minutes: number;
  remaining: number;
  used: number;
}

export interface PackageState {
  index: number;
  spec: PackageSpec;
  /** The app the package is bound to (its own, or the scenario's default app). */
  app: string;
  edition: PackageEdition | undefined;
  name: Text;
  scope: 'app' | 'account';
  afterQuota: 'pay-as-you-go' | 'stops';
  priceSource: 'published' | 'user';
  citation: Citation;
  cycles: PackageCycle[];
  /** Set when a cycle has no known fee (the user must enter it). */
  missingFee: boolean;
}

interface EditionPrice {
  fee: D;
  minutes: number;
  source: 'published' | 'user';
  citation: Citation;
}

const USER_CITATION: Citation = {
  source: 'scenario file (your price)',
  effective: 'user',
  confidence: 'unverified',
  note: 'Fee and minutes entered in the scenario: not a published price.',
};

/** Fee and minutes of an edition for a cycle starting on `date`: the user's, else the published ones. */
function priceFor(
  spec: Pick<PackageSpec, 'edition' | 'fee' | 'minutes'>,
  edition: PackageEdition | undefined,
  date: string,
  s: Scenario,
): EditionPrice | undefined {
  const known = s.payment?.packagePrices?.[spec.edition];
  const published = edition ? feeOn(edition, date) : undefined;
  const userFee = spec.fee ?? (published ? undefined : known?.fee);
  const minutes = spec.minutes ?? edition?.minutes ?? known?.minutes;
  if (minutes === undefined || minutes === null) return undefined;
  if (userFee !== undefined) return { fee: new D(String(userFee)), minutes: Math.floor(minutes), source: 'user', citation: USER_CITATION };
  if (!published) return undefined;
  return { fee: new D(published.fee), minutes: Math.floor(minutes), source: spec.minutes !== undefined ? 'user' : 'published', citation: published.citation };
}

const editionName = (spec: PackageSpec, edition: PackageEdition | undefined): Text =>
  edition ? edition.name : { en: spec.name ?? 'Custom package', zh: spec.name ?? '自定义套餐' };

/**
 * The app of rooms and packages that name none: the first app a room names, else the first a package
 * names ("" when nothing is named: one unnamed app).
 */
export function defaultApp(s: Scenario): string {
  for (const r of s.rooms) if (r.app !== undefined) return r.app;
  for (const p of s.payment?.packages ?? []) if (p.app !== undefined) return p.app;
  return '';
}

/** The distinct apps of the scenario's rooms, in the order they first appear. */
export function roomApps(s: Scenario): string[] {
  const fallback = defaultApp(s);
  return [...new Set(s.rooms.map((r) => r.app ?? fallback))];
}

/**
 * The cycles of every package that overlap the period. A package bound to an app none of the rooms
 * belongs to covers nothing: not applied, with a warning.
 */
export function packageStates(
  s: Scenario,
  rules: Rules,
  warnings: Message[],
  assumptions: Message[],
  specs: readonly PackageSpec[] = s.payment?.packages ?? [],
): PackageState[] {
  const periodEnd = addDays(rules.periodStart, rules.days - 1);
  const fallback = defaultApp(s);
  const apps = roomApps(s);
  const out: PackageState[] = [];
  specs.forEach((spec, index) => {
    const edition = spec.edition === CUSTOM_EDITION_ID ? undefined : packageEdition(spec.edition);
    const name = editionName(spec, edition);
    const app = spec.app ?? fallback;
    if (!apps.includes(app)) {
      const list = apps.map((a) => `"${a}"`).join(', ');
      warnings.push({
        code: `package-other-app:${index}`,
        text: {
          en: `${name.en} is bound to app "${app}", but this scenario's rooms belong to ${list}: not applied (a package covers only its own app).`,
          zh: `${name.zh} 绑定应用 "${app}"，而本场景的房间属于 ${list}：不计入（套餐只抵扣所绑定应用的用量）。`,
        },
      });
      return;
    }
    const purchased = spec.purchased ?? rules.periodStart;
    const cycles: PackageCycle[] = [];
    let missingFee = false;
    let source: 'published' | 'user' = 'published';
    let citation: Citation = edition?.citation ?? USER_CITATION;
    const validity = edition?.validity ?? { months: 1 };
    const renew = 'days' in validity ? false : (spec.renew ?? true);
    for (let k = 0; k < 10_000; k++) {
      const c = 'days' in validity ? { start: purchased, end: addDays(purchased, validity.days - 1) } : monthlyCycle(purchased, k);
      if (c.start > periodEnd) break;
      if (c.end >= rules.periodStart) {
        const price = priceFor(spec, edition, c.start, s);
        const before = c.start < rules.periodStart;
        if (!price) missingFee = true;
        else {
          source = price.source;
          citation = price.citation;
        }
        const full = price?.minutes ?? 0;
        const minutes = before && spec.remaining !== undefined ? Math.min(full, Math.floor(spec.remaining)) : full;
        cycles.push({ start: c.start, end: c.end, fee: before || !price ? null : price.fee, minutes, remaining: minutes, used: 0 });
        if (before && spec.remaining === undefined && full > 0) {
          assumptions.push({
            code: `package-remaining:${index}`,
            text: {
              en:
                `${name.en} (bought ${purchased}): its cycle ${c.start} → ${c.end} is assumed to have all ${fmtInt(full)} minutes left at the period ` +
                `start; set "remaining" to change.`,
              zh: `${name.zh}（${purchased} 购买）：假定其周期 ${c.start} → ${c.end} 在计费周期开始时 ${fmtInt(full)} 分钟全部未用；可设置 "remaining" 修改。`,
            },
          });
        }
      }
      if (!renew) break;
    }
    if (missingFee) {
      warnings.push({
        code: `package-no-fee:${index}`,
        text: {
          en: `${name.en}: no published fee or minutes for this date; enter "fee" and "minutes" in payment.packages[${index}] (the fee is not included).`,
          zh: `${name.zh}：该日期没有公布的费用或分钟数；请在 payment.packages[${index}] 中填写 "fee" 与 "minutes"（费用未计入）。`,
        },
      });
    }
    out.push({
      index,
      spec,
      app,
      edition,
      name,
      scope: edition?.scope ?? spec.scope ?? 'app',
      afterQuota: edition?.afterQuota ?? 'pay-as-you-go',
      priceSource: source,
      citation,
      cycles,
      missingFee,
    });
  });
  return out;
}

/**
 * Deducts up to `need` minutes of one key (deduction weight `weight`) from the packages' cycles that
 * overlap [date, end] and cover `app`: app-bound before account-wide, then the earliest expiry. Returns the minutes covered.
 */
export function coverByPackages(states: readonly PackageState[], date: string, end: string, need: number, weight: number, app: string): number {
  let covered = 0;
  const open: PackageCycle[] = [];
  const scopeOf = new Map<PackageCycle, number>();
  for (const p of states) {
    // An app-bound package covers its app's usage only; an account-wide offer covers every app.
    if (p.scope === 'app' && p.app !== app) continue;
    for (const c of p.cycles) {
      if (c.remaining > 0 && c.start <= end && c.end >= date) {
        open.push(c);
        scopeOf.set(c, p.scope === 'app' ? 0 : 1);
      }
    }
  }
  if (open.length > 1) open.sort((a, b) => scopeOf.get(a)! - scopeOf.get(b)! || (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  for (const c of open) {
    if (need - covered <= 0) break;
    const n = Math.min(need - covered, Math.floor(c.remaining / weight));
    c.remaining -= n * weight;
    c.used += n * weight;
    covered += n;
  }
  return covered;
}

/**
 * Whether a package that allows pay-as-you-go beyond its minutes is active for `app` on some day of [date, end]
 * (an app-bound package only for its own app; an account-wide offer for every app).
 */
export function payAsYouGoAllowed(states: readonly PackageState[], date: string, end: string, app?: string): boolean {
  return states.some(
    (p) =>
      p.afterQuota === 'pay-as-you-go' &&
      (app === undefined || p.scope === 'account' || p.app === app) &&
      p.cycles.some((c) => c.start <= end && c.end >= date),
  );
}

/** A fresh copy (cycles with their full minutes) for a re-run of the deduction. */
export function resetStates(states: readonly PackageState[]): PackageState[] {
  return states.map((p) => ({ ...p, cycles: p.cycles.map((c) => ({ ...c, remaining: c.minutes, used: 0 })) }));
}

export function packageFees(states: readonly PackageState[]): D {
  let total = new D(0);
  for (const p of states) for (const c of p.cycles) if (c.fee) total = total.plus(c.fee);
  return total;
}

// ---------------------------------------------------------------------------------------------
// Free minutes (international, 2024–2026 rules)

/** The free-minute cycle index of a date, counted from the grant date (negative before it). */
export function freeCycleIndex(granted: string, date: string): number {
  if (date < granted) return -1;
  let k = (Number(date.slice(0, 4)) - Number(granted.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(granted.slice(5, 7));
  while (k > 0 && addMonths(granted, k) > date) k--;
  while (addMonths(granted, k + 1) <= date) k++;
  return k;
}

/** Whether international free minutes cover a price key for this account (MixTranscoding from 2024-07-25 accounts). */
export function freeCoversWide(s: Scenario): boolean {
  return s.tariff.region === 'international' && !!s.tariff.accountCreated && s.tariff.accountCreated >= FREE_MINUTES_2024.wideCoverageFrom;
}

export function freeMinuteNotes(s: Scenario, notes: Message[]): void {
  if (s.tariff.region !== 'international') return;
  if (freeCoversWide(s)) {
    notes.push({
      code: 'free-wide-coverage',
      text: {
        en:
          `Accounts registered from ${FREE_MINUTES_2024.wideCoverageFrom}: the free minutes also cover cloud recording and MixTranscoding (applied), and ` +
          `${FREE_MINUTES_2024.notMetered.en} (not metered by this estimate).`,
        zh: `${FREE_MINUTES_2024.wideCoverageFrom} 起注册的账号：免费时长还可抵扣云端录制与云端混流转码（已计入），以及${FREE_MINUTES_2024.notMetered.zh}（本估算未计量）。`,
      },
    });
  }
  const granted = s.payment?.freeMinutesGranted;
  if (granted) {
    notes.push({
      code: 'free-cycles',
      text: {
        en:
          `Free minutes granted ${granted}: 10,000 a month in cycles from that day (${monthlyCycle(granted, 0).start} → ${monthlyCycle(granted, 0).end}, ` +
          `…), for ${FREE_MINUTES_2024.cycles} cycles; unused minutes expire.`,
        zh:
          `免费时长于 ${granted} 发放：自该日起按月周期（${monthlyCycle(granted, 0).start} → ${monthlyCycle(granted, 0).end} …）每月 10,000 分钟，共 ${FREE_MINUTES_2024.cycles} ` +
          `个周期；未用完的分钟数过期作废。`,
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Bill lines

export function packageLines(states: readonly PackageState[], currency: string, weightsText: string): BillLine[] {
  const lines: BillLine[] = [];
  for (const p of states) {
    const fees = p.cycles.filter((c) => c.fee);
    const amount = packageFees([p]);
    const included = p.cycles.reduce((n, c) => n + c.minutes, 0);
    const used = p.cycles.reduce((n, c) => n + c.used, 0);
    const user = p.priceSource === 'user';
    const unitFee = fees[0]?.fee ?? new D(0);
    const explanation: Text[] = [
      {
        en:
          `${fees.length} monthly fee(s) in the period` +
          (fees.length ? ` (${fees.map((c) => `${c.start} ${c.fee!.toFixed()} ${currency}`).join(', ')})` : '') +
          `; cycles ${p.cycles.map((c) => `${c.start} → ${c.end}`).join(', ') || 'none in the period'}`,
        zh:
          `计费周期内 ${fees.length} 笔月费${fees.length ? `（${fees.map((c) => `${c.start} ${c.fee!.toFixed()} ${currency}`).join('，')}）` : ''}；套餐周期 ` +
          `${p.cycles.map((c) => `${c.start} → ${c.end}`).join('，') || '不在计费周期内'}`,
      },
      {
        en:
          `Absorbed ${fmtInt(used)} of ${fmtInt(included)} package minutes (A/V minutes weighted ${weightsText}); ${fmtInt(included - used)} ` +
          `left${p.afterQuota === 'stops' ? '; beyond them the service stops' : '; A/V beyond them is billed pay-as-you-go on the lines above'}`,
        zh:
          `抵扣 ${fmtInt(used)} / ${fmtInt(included)} 套餐分钟（音视频分钟按权重 ${weightsText} 折算）；剩余 ` +
          `${fmtInt(included - used)}${p.afterQuota === 'stops' ? '；用完后服务停止' : '；超出部分按量计费，见上方各行'}`,
      },
    ];
    if (user)
      explanation.push({
        en: 'The fee and/or minutes are your entries in the scenario, not a published price.',
        zh: '费用和/或分钟数为你在场景中填写的数值，不是公开价格。',
      });
    if (p.edition?.note) explanation.push(p.edition.note);
    if (p.citation.confidence === 'inferred' && p.citation.note)
      explanation.push({ en: `Partly inferred: ${p.citation.note}`, zh: `部分为推断：${p.citation.noteZh ?? p.citation.note}` });
    lines.push({
      key: `package.${p.index}.${p.spec.edition}`,
      category: 'package',
      label: user ? { en: `${p.name.en} (your price)`, zh: `${p.name.zh}（你填写的价格）` } : p.name,
      minutes: '0',
      freeMinutes: '0',
      packMinutes: '0',
      postpaidMinutes: '0',
      unitPrice: unitFee.toFixed(),
      unit: 'per-month',
      amount: amount.toFixed(),
      explanation,
      citation: p.citation,
    });
    const mau = p.edition?.mau;
    if (mau && p.spec.mau !== undefined && p.spec.mau > mau.included) {
      const months = p.cycles.length;
      const over = p.spec.mau - mau.included;
      const mauAmount = new D(mau.overagePerUser).times(over).times(months);
      lines.push({
        key: `package.${p.index}.mau`,
        category: 'package',
        label: { en: `${p.name.en}: Chat MAU beyond ${fmtInt(mau.included)}`, zh: `${p.name.zh}：超出 ${fmtInt(mau.included)} 的 Chat 月活` },
        minutes: '0',
        freeMinutes: '0',
        packMinutes: '0',
        postpaidMinutes: '0',
        unitPrice: mau.overagePerUser,
        unit: 'per-user-month',
        amount: mauAmount.toFixed(),
        explanation: [
          {
            en:
              `(${fmtInt(p.spec.mau)} − ${fmtInt(mau.included)}) MAU × ${mau.overagePerUser} ${currency} × ${months} month(s) = ${mauAmount.toFixed()} ` +
              `${currency}`,
            zh: `（${fmtInt(p.spec.mau)} − ${fmtInt(mau.included)}）月活 × ${mau.overagePerUser} ${currency} × ${months} 个月 = ${mauAmount.toFixed()} ${currency}`,
          },
        ],
        citation: mau.citation,
      });
    }
  }
  return lines;
}

export function packageAssumptions(states: readonly PackageState[], notes: Message[]): void {
  for (const p of states) {
    const mau = p.edition?.mau;
    if (mau && p.spec.mau === undefined) {
      notes.push({
        code: `package-mau:${p.index}`,
        text: {
          en:
            `${p.name.en}: Chat MAU assumed within the ${fmtInt(mau.included)} included; set "mau" to bill the overage (${mau.overagePerUser} USD per ` +
            `user a month).`,
          zh: `${p.name.zh}：假定 Chat 月活不超过所含 ${fmtInt(mau.included)}；可设置 "mau" 以计算超出费用（每用户每月 ${mau.overagePerUser} 美元）。`,
        },
      });
    }
    if (p.afterQuota === 'stops' && p.edition && 'days' in p.edition.validity) {
      const end = p.cycles[0]?.end;
      if (end)
        notes.push({
          code: `package-trial:${p.index}`,
          text: {
            en: `${p.name.en} ends ${end}; after it (or once the free minutes are used) the service stops until a package is bought.`,
            zh: `${p.name.zh} 于 ${end} 结束；此后（或免费时长用完后）服务停止，直至购买套餐。`,
          },
        });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Suspension and the package choices

export interface PackageChoiceResult {
  edition: string;
  name: Text;
  /** Fees over the period; null when the edition's fee is not published and none was entered. */
  fee: string | null;
  /** Pay-as-you-go beyond the package (A/V overage plus the other billable lines). */
  payAsYouGo: string | null;
  total: string | null;
  priceSource: 'published' | 'user' | 'unpublished';
  note: Text;
}

/** The editions an international app could buy instead of being suspended (trials excluded: they stop too). */
export function suspensionChoices(region: Scenario['tariff']['region']): PackageEdition[] {
  return PACKAGE_EDITIONS.filter((e) => e.region === region && e.afterQuota === 'pay-as-you-go');
}

export function suspensionApplies(s: Scenario, rules: Rules): boolean {
  return s.tariff.region === 'international' && rules.periodStart >= SUSPENSION_RULE.from;
}

/** An app that would be suspended: from its first settlement unit beyond the free minutes with no package. */
export interface AppSuspension {
  app: string;
  date: string;
  units: number;
}

/**
 * Per app (73281: a package is bound to one SDKAppID, and an app without one is suspended once the account's free
 * minutes are used up): the first settlement unit in which the app has A/V minutes beyond the free minutes while no
 * package that allows pay-as-you-go is active for it. Apps never suspended are left out; earliest first.
 */
export function suspensionsByApp(
  units: readonly { date: string; end: string }[],
  avPostpaidByApp: ReadonlyMap<string, readonly number[]>,
  states: readonly PackageState[],
): AppSuspension[] {
  const out: AppSuspension[] = [];
  for (const [app, perUnit] of avPostpaidByApp) {
    let first: string | undefined;
    let count = 0;
    units.forEach((u, i) => {
      if (perUnit[i] > 0 && !payAsYouGoAllowed(states, u.date, u.end, app)) {
        first ??= u.date;
        count++;
      }
    });
    if (first) out.push({ app, date: first, units: count });
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** The suspension warning; `app` names the app when the scenario has several. */
export function suspensionWarning(at: { date: string; units: number }, app?: string): Message {
  const en = app === undefined ? 'the app is' : `app "${app}" is`;
  const zh = app === undefined ? '应用' : `应用 "${app}" `;
  return {
    code: app === undefined ? 'suspended' : `suspended:${app}`,
    text: {
      en:
        `⚠ SUSPENSION: with no monthly package, ${en} suspended on ${at.date} when the free minutes run out (${at.units} settlement day(s) affected). ` +
        `TRTC does not bill pay-as-you-go without a package: the amounts shown are what that usage would cost with one. Compare the package choices below.`,
      zh: `⚠ 停用：未购买月套餐，${zh}将在 ${at.date} 免费时长用完时被停用（影响 ${at.units} 个结算日）。没有套餐时 TRTC 不按量计费：所示金额是购买套餐后这些用量的费用。请比较下方各套餐选项。`,
    },
  };
}

/** A package spec for a choice bought at the period start, priced by the user's packagePrices when given. */
export function choiceSpec(edition: PackageEdition, s: Scenario, periodStart: string, app?: string): PackageSpec | undefined {
  const known = s.payment?.packagePrices?.[edition.id];
  const published = feeOn(edition, periodStart);
  if (!published && !known) return undefined;
  if (edition.minutes === null && !known) return undefined;
  return {
    edition: edition.id,
    purchased: periodStart,
    ...(app !== undefined ? { app } : {}),
    ...(known && !published ? { fee: known.fee } : {}),
    ...(known && edition.minutes === null ? { minutes: known.minutes } : {}),
  };
}

export function unpublishedChoice(edition: PackageEdition): PackageChoiceResult {
  return {
    edition: edition.id,
    name: edition.name,
    fee: null,
    payAsYouGo: null,
    total: null,
    priceSource: 'unpublished',
    note: {
      en:
        `Fee not published: set payment.packagePrices["${edition.id}"] to {"fee": …, "minutes": …} to compare ` +
        `it.${edition.note ? ` ${edition.note.en}` : ''}`,
      zh: `费用未公布：可设置 payment.packagePrices["${edition.id}"] 为 {"fee": …, "minutes": …} 进行比较。${edition.note ? edition.note.zh : ''}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Validation (called by the scenario validator; errors carry the JSON path)

type Report = (path: string, en: string, zh: string) => void;

export function checkPackages(s: Scenario, error: Report, warn: Report): void {
  const specs = s.payment?.packages ?? [];
  const region = s.tariff.region;
  specs.forEach((p, i) => {
    const at = `$.payment.packages[${i}]`;
    const custom = p.edition === CUSTOM_EDITION_ID;
    const e = custom ? undefined : packageEdition(p.edition);
    if (e && e.region !== region) {
      error(
        `${at}.edition`,
        `"${p.edition}" is a ${e.region} package, but tariff.region is "${region}"`,
        `"${p.edition}" 是${e.region === 'mainland' ? '中国站' : '国际站'}套餐，但 tariff.region 为 "${region}"`,
      );
      return;
    }
    const known = s.payment?.packagePrices?.[p.edition];
    if ((custom || (e && e.fees.length === 0)) && p.fee === undefined && !known) {
      const what = custom ? 'a custom package' : `${e!.name.en} has no published fee`;
      error(
        `${at}.fee`,
        `is missing: ${what}; enter your monthly fee (the bill marks it as your price)`,
        `缺少 "fee"：${custom ? '自定义套餐' : `${e!.name.zh} 没有公开费用`}；请填写你的月费（账单会注明为你填写的价格）`,
      );
    }
    if ((custom || (e && e.minutes === null)) && p.minutes === undefined && !known) {
      error(
        `${at}.minutes`,
        `is missing: ${custom ? 'a custom package' : `${e!.name.en}`} has no published minutes; enter the A/V minutes it includes each month`,
        `缺少 "minutes"：${custom ? '自定义套餐' : e!.name.zh} 没有公开的分钟数；请填写每月所含音视频分钟数`,
      );
    }
    if (!custom && (p.scope !== undefined || p.name !== undefined)) {
      warn(
        `${at}.${p.scope !== undefined ? 'scope' : 'name'}`,
        'only custom packages take "scope" and "name"; ignored',
        '仅自定义套餐使用 "scope" 和 "name"；已忽略',
      );
    }
    if (p.mau !== undefined && !e?.mau) warn(`${at}.mau`, 'only Call packages include MAU; ignored', '仅音视频通话套餐包含月活；已忽略');
    const minutes = p.minutes ?? e?.minutes ?? known?.minutes;
    if (p.remaining !== undefined && minutes !== undefined && minutes !== null && p.remaining > minutes) {
      error(`${at}.remaining`, `is ${p.remaining}, more than the package's ${minutes} minutes`, `为 ${p.remaining}，超过了套餐的 ${minutes} 分钟`);
    }
    if (p.renew !== undefined && e && 'days' in e.validity)
      warn(`${at}.renew`, `${e.name.en} is a trial and cannot be renewed; ignored`, `${e.name.zh} 为体验版，不能续费；已忽略`);
    // The same plan cannot be stacked within its validity (59806): a second purchase for the same app
    // is only possible after the first ended without renewal.
    for (let j = 0; j < i; j++) {
      const q = specs[j];
      if (q.edition !== p.edition || q.edition === CUSTOM_EDITION_ID || (q.app ?? '') !== (p.app ?? '')) continue;
      const qStart = q.purchased ?? s.period?.start;
      const pStart = p.purchased ?? s.period?.start;
      const qEnd = qStart
        ? 'days' in (e?.validity ?? { months: 1 })
          ? addDays(qStart, (e!.validity as { days: number }).days - 1)
          : monthlyCycle(qStart, 0).end
        : undefined;
      const renews = q.renew ?? !(e && 'days' in e.validity);
      if (renews || !qEnd || !pStart || pStart <= qEnd) {
        error(
          `${at}.edition`,
          `the same plan is already held for this app (payment.packages[${j}]); a plan cannot be stacked within its validity`,
          `该应用已持有同一套餐（payment.packages[${j}]）；同一套餐在有效期内不可叠加购买`,
        );
        break;
      }
    }
  });
  for (const key of Object.keys(s.payment?.packagePrices ?? {})) {
    const e = packageEdition(key);
    if (!e)
      error(
        `$.payment.packagePrices[${JSON.stringify(key)}]`,
        `"${key}" is not a package edition (known: ${PACKAGE_EDITIONS.map((x) => x.id).join(', ')})`,
        `"${key}" 不是套餐版本（已知：${PACKAGE_EDITIONS.map((x) => x.id).join('、')}）`,
      );
    else if (e.region !== region)
      error(
        `$.payment.packagePrices[${JSON.stringify(key)}]`,
        `"${key}" is a ${e.region} package, but tariff.region is "${region}"`,
        `"${key}" 不属于 "${region}" 站点`,
      );
  }
  if (s.payment?.freeMinutesGranted && region !== 'international')
    warn(
      '$.payment.freeMinutesGranted',
      'monthly free-minute cycles are international; the mainland trial is one-time: ignored',
      '按月免费时长周期仅适用于国际站；中国站为一次性试用：已忽略',
    );
}
