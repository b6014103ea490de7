// Recompute: scenario file value → parseScenario → estimate → a display model.
// Pure (no DOM), so the benchmark measures exactly what the panel does on every keystroke.
// All money comes from the core engine as exact decimal strings; this module only formats it.
import * as l10n from '@vscode/l10n';
import Decimal from 'decimal.js';
import {
  estimate,
  formatMoney,
  parseScenario,
  type Bill,
  type BillLine,
  type ParseResult,
  type PaymentAdvice,
  type Problem,
  type Suspension,
  type Tier,
} from '../core';
import { confidenceLabel, meteringLabel, settlementLabel, tierLabel, tx } from './labels';
import type { UiLocale } from '../shared/protocol';

export interface Computation {
  parse: ParseResult;
  /** The bill, when the scenario is valid and the engine succeeded. */
  bill?: Bill;
  /** The engine threw on a scenario parseScenario accepted. */
  engineError?: string;
}

export interface ComputeOptions {
  today?: string;
  /** Compute payment advice (the slowest part of the engine; the panel defers it while you type). Default true. */
  advice?: boolean;
}

export function compute(value: unknown, options: ComputeOptions = {}): Computation {
  let parse: ParseResult;
  try {
    parse = parseScenario(value);
  } catch (e) {
    return { parse: { errors: [], warnings: [] }, engineError: e instanceof Error ? e.message : String(e) };
  }
  if (!parse.scenario || parse.errors.length > 0) return { parse };
  try {
    const bill = estimate(parse.scenario, { ...(options.today ? { today: options.today } : {}), advice: options.advice ?? true });
    return { parse, bill };
  } catch (e) {
    return { parse, engineError: e instanceof Error ? e.message : String(e) };
  }
}

// ---------------------------------------------------------------------------------------------
// Display model
// ---------------------------------------------------------------------------------------------

export interface LineModel {
  key: string;
  label: string;
  category: string;
  tier?: Tier;
  minutes: string;
  free: string;
  pack: string;
  postpaid: string;
  unitPrice: string;
  /** "/1,000 min", "/Mbps·month", "/month" (a package fee), "/user·month" or "/1,000 characters". */
  unit: string;
  amount: string;
  amountExact: string;
  /** For chart geometry only (never for money). */
  value: number;
  explanation: string[];
  citation: string;
  citationConfidence: string;
  /** CSS classes that colour this line's chart segment and legend swatch. */
  cls: string;
}

export interface MessageModel {
  code: string;
  text: string;
  room?: number;
  roomName?: string;
}

export interface AdviceModel {
  postpaid: string;
  bestTotal: string;
  /** What to buy, one sentence each (counts, sizes and formatted money), then what is left to pay postpaid. */
  steps: string[];
  saving: string;
  hasSaving: boolean;
  /** The engine's notes, without those restating the choice in raw amounts (the steps say it formatted). */
  explanation: string[];
}

export interface RoomModel {
  index: number;
  name: string;
  monthly: string;
  perDay: string;
  perSessionMinute: string;
  mainTier: string;
  value: number;
  explanation: string[];
}

export interface SuspensionChoiceModel {
  edition: string;
  name: string;
  note: string;
  /** Formatted money; '' when the fee is not published and none was entered. */
  fee: string;
  payAsYouGo: string;
  total: string;
  totalExact: string | null;
  priced: boolean;
  /** Your price (payment.packagePrices), not a published one. */
  userPrice: boolean;
  /** The lowest total among the priced choices. */
  cheapest: boolean;
}

export interface SuspensionModel {
  /** Present when the scenario has several apps (the engine names the app then). */
  app?: string;
  from: string;
  units: number;
  /** Priced ones first (cheapest first), then those whose price is not published. */
  choices: SuspensionChoiceModel[];
}

/** A monthly package as the estimate bills it (its fee line), for the package's card in the form. */
export interface PackageLineModel {
  label: string;
  amount: string;
  userPrice: boolean;
  explanation: string[];
}

export interface ResultModel {
  currency: string;
  total: string;
  totalExact: string;
  perDay: string;
  days: number;
  start: string;
  book: string;
  metering: string;
  settlement: string;
  lines: LineModel[];
  totalValue: number;
  minutesByTier: { tier: Tier; label: string; minutes: string }[];
  freeMinutesUsed: string;
  packs: { label: string; used: string; left: string; expires: string }[];
  advice: AdviceModel | null;
  /** Apps that would be suspended instead of billed, earliest first. */
  suspensions: SuspensionModel[];
  /** Package fee lines by the package's index in payment.packages. */
  packageLines: Record<number, PackageLineModel>;
  rooms: RoomModel[];
  warnings: MessageModel[];
  assumptions: MessageModel[];
}

const TIER_ORDER: Record<string, number> = { audio: 0, SD: 1, HD: 2, FHD: 3, '2K': 4, '4K': 5 };

/** "1234567.5" → "1,234,567.5" without going through a float. */
export function groupDigits(s: string): string {
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [int = '0', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac !== undefined && frac !== '' ? '.' + frac : '');
}

/** Money with enough decimals to show a unit price as the book prints it (2 to 8). */
export function money(amount: string, currency: Bill['currency'], locale: UiLocale, minDecimals = 2): string {
  const frac = amount.split('.')[1] ?? '';
  const decimals = Math.min(8, Math.max(minDecimals, frac.replace(/0+$/, '').length));
  return formatMoney(amount, currency, locale, decimals);
}

function unitLabel(unit: BillLine['unit']): string {
  switch (unit) {
    case 'per-mbps-month':
      return l10n.t('/Mbps·month');
    case 'per-month':
      return l10n.t('/month');
    case 'per-user-month':
      return l10n.t('/user·month');
    case 'per-1000-chars':
      return l10n.t('/1,000 characters');
    default:
      return l10n.t('/1,000 min');
  }
}

/** Chart colour classes: tier decides the hue; recording is hatched, mixing dotted, bandwidth lines neutral. */
export function segmentClass(line: Pick<BillLine, 'category' | 'tier'>): string {
  const tier = line.tier ? `tier-${line.tier}` : 'tier-none';
  return `seg ${tier} cat-${line.category}`;
}

export function buildResultModel(bill: Bill, locale: UiLocale): ResultModel {
  const cur = bill.currency;
  const roomName = (i: number | undefined): string | undefined => (i === undefined ? undefined : bill.rooms.find((r) => r.index === i)?.name);
  const msg = (m: Bill['warnings'][number]): MessageModel => {
    const out: MessageModel = { code: m.code, text: tx(m.text, locale) };
    if (m.room !== undefined) {
      out.room = m.room;
      const n = roomName(m.room);
      if (n !== undefined) out.roomName = n;
    }
    return out;
  };
  const lines: LineModel[] = bill.lines.map((l) => {
    const unit = unitLabel(l.unit);
    const value = Number(l.amount);
    return {
      key: l.key,
      label: tx(l.label, locale),
      category: l.category,
      ...(l.tier ? { tier: l.tier } : {}),
      minutes: groupDigits(l.minutes),
      free: groupDigits(l.freeMinutes),
      pack: groupDigits(l.packMinutes),
      postpaid: groupDigits(l.postpaidMinutes),
      unitPrice: money(l.unitPrice, cur, locale),
      unit,
      amount: formatMoney(l.amount, cur, locale),
      amountExact: l.amount,
      value: Number.isFinite(value) && value > 0 ? value : 0,
      explanation: l.explanation.map((e) => tx(e, locale)),
      citation: `${l.citation.source} (${l.citation.effective})`,
      citationConfidence: confidenceLabel(l.citation.confidence) ?? l.citation.confidence,
      cls: segmentClass(l),
    };
  });
  const totalValue = lines.reduce((a, l) => a + l.value, 0);
  const minutesByTier = (Object.entries(bill.minutesByTier) as [Tier, string][])
    .filter(([, m]) => m !== undefined)
    .sort((a, b) => (TIER_ORDER[a[0]] ?? 9) - (TIER_ORDER[b[0]] ?? 9))
    .map(([tier, m]) => ({ tier, label: tierLabel(tier) ?? tier, minutes: groupDigits(m) }));
  const advice = bill.advice ? adviceModel(bill.advice, cur, locale) : null;
  return {
    currency: cur,
    total: formatMoney(bill.total, cur, locale),
    totalExact: bill.total,
    perDay: formatMoney(bill.perDay, cur, locale),
    days: bill.period.days,
    start: bill.period.start,
    book: l10n.t('{0} ({1})', tx(bill.book.title, locale), bill.book.effective),
    metering: meteringLabel(bill.metering) ?? bill.metering,
    settlement: settlementLabel(bill.settlement) ?? bill.settlement,
    lines,
    totalValue,
    minutesByTier,
    freeMinutesUsed: groupDigits(bill.freeMinutesUsed),
    packs: bill.packs.map((p) => ({ label: tx(p.label, locale), used: groupDigits(p.used), left: groupDigits(p.remainingAfter), expires: p.expires })),
    advice,
    suspensions: bill.suspensions.map((x) => suspensionModel(x, cur, locale)),
    packageLines: packageLines(bill, locale),
    rooms: bill.rooms.map((r) => ({
      index: r.index,
      name: r.name,
      monthly: formatMoney(r.monthly, cur, locale),
      perDay: formatMoney(r.perDay, cur, locale),
      perSessionMinute: money(r.perSessionMinute, cur, locale, 4),
      mainTier: tierLabel(r.mainTier) ?? r.mainTier,
      value: Number(r.monthly) || 0,
      explanation: r.explanation.map((e) => tx(e, locale)),
    })),
    // The suspension alert says what these warnings say (and what to do about it): not repeated below.
    warnings: bill.warnings.filter((w) => !(bill.suspensions.length > 0 && isSuspensionCode(w.code))).map(msg),
    assumptions: bill.assumptions.map(msg),
  };
}

function isSuspensionCode(code: string): boolean {
  return code === 'suspended' || code.startsWith('suspended:');
}

export function suspensionModel(x: Suspension, cur: Bill['currency'], locale: UiLocale): SuspensionModel {
  const priced = x.choices.filter((c) => c.total !== null);
  let best: string | undefined;
  for (const c of priced) if (best === undefined || new Decimal(c.total!).lt(best)) best = c.total!;
  const m = (v: string | null): string => (v === null ? '' : formatMoney(v, cur, locale));
  return {
    ...(x.app !== undefined ? { app: x.app } : {}),
    from: x.from,
    units: x.units,
    // Priced choices first, cheapest first; then the ones whose price is not published, in the engine's order.
    choices: [...priced.sort((a, b) => new Decimal(a.total!).comparedTo(b.total!)), ...x.choices.filter((c) => c.total === null)].map((c) => ({
      edition: c.edition,
      name: tx(c.name, locale),
      note: tx(c.note, locale),
      fee: m(c.fee),
      payAsYouGo: m(c.payAsYouGo),
      total: m(c.total),
      totalExact: c.total,
      priced: c.total !== null,
      userPrice: c.priceSource === 'user',
      cheapest: c.total !== null && best !== undefined && new Decimal(c.total).eq(best),
    })),
  };
}

/** The bill's package fee lines ("package.<index>.<edition>"), by package index. */
function packageLines(bill: Bill, locale: UiLocale): Record<number, PackageLineModel> {
  const out: Record<number, PackageLineModel> = {};
  for (const u of bill.lines) {
    const k = /^package\.(\d+)\.(.+)$/.exec(u.key);
    if (!k || k[2] === 'mau') continue;
    const i = Number(k[1]);
    // The engine's user-priced citation ('user'), or a package of that edition the engine priced as yours.
    const user =
      u.citation.effective === 'user' || bill.monthlyPackages.some((p) => p.edition === k[2] && p.priceSource === 'user' && u.label.en !== p.name.en);
    out[i] = {
      label: tx(u.label, locale),
      amount: formatMoney(u.amount, bill.currency, locale),
      userPrice: user,
      explanation: u.explanation.map((e) => tx(e, locale)),
    };
  }
  return out;
}

/** An engine note that restates an amount as "1234.5 CNY": the steps give it formatted. */
const RAW_MONEY = /\d+(?:\.\d+)? (?:CNY|USD)\b/;

/** The cheapest way to pay, in sentences built from the advice's fields (the engine's label is not shown). */
export function adviceModel(a: PaymentAdvice, cur: Bill['currency'], locale: UiLocale): AdviceModel {
  const saving = Number(a.saving);
  const hasSaving = Number.isFinite(saving) && saving > 0;
  const m = (v: string): string => formatMoney(v, cur, locale);
  const steps: string[] = [];
  const best = a.best;
  if (hasSaving) {
    if (best.package) {
      const name = tx(best.package.name, locale);
      steps.push(
        best.package.priceSource === 'user'
          ? l10n.t('Subscribe to the {0} monthly package: {1} in the period (your price).', name, m(best.package.fee))
          : l10n.t('Subscribe to the {0} monthly package: {1} in the period.', name, m(best.package.fee)),
      );
    }
    for (const p of best.packs) {
      const size = groupDigits(String(p.minutes));
      const cost = m(new Decimal(p.price).times(p.count).toFixed());
      if (p.custom) {
        steps.push(
          p.count === 1
            ? l10n.t('Buy one custom pack of {0} minutes: {1}.', size, cost)
            : l10n.t('Buy {0} × custom pack of {1} minutes at {2} each: {3}.', p.count, size, m(p.price), cost),
        );
      } else {
        steps.push(
          p.count === 1
            ? l10n.t('Buy one {0}-minute pack: {1}.', size, cost)
            : l10n.t('Buy {0} × {1}-minute pack at {2} each: {3}.', p.count, size, m(p.price), cost),
        );
      }
    }
    steps.push(l10n.t('Pay the rest postpaid: {0}.', m(best.postpaidCost)));
  }
  return {
    postpaid: m(a.postpaid),
    bestTotal: m(best.total),
    steps,
    saving: m(a.saving),
    hasSaving,
    explanation: a.explanation.filter((e) => !RAW_MONEY.test(e.en)).map((e) => tx(e, locale)),
  };
}

export function problemText(p: Problem, locale: UiLocale): string {
  return tx(p.message, locale);
}
