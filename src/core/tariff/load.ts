// The typed loader of the tariff data (src/core/tariff/data/*.json, bundled as JSON modules: the core reads
// no files). It checks every file against its shape (schema.ts) and the cross-field rules a shape cannot
// express, once, and turns the files into the typed books the meter and the bill use. A broken bundled
// file fails the tariff tests (test/unit/tariff/tariff-data.test.ts), not a user's estimate.

import type { Citation, Confidence, Currency, Text, Tier } from '../common';
import { TIERS } from '../common';
import type { MeteringModel, PaymentMode, Region } from '../scenario/types';
import { checkShape } from '../scenario/check';
import { TARIFF_SHAPES } from './schema';

import durationMainlandPerStream from './data/duration-mainland-per-stream.json';
import durationMainlandAggregate from './data/duration-mainland-aggregate-unverified.json';
import durationIntlAggregate from './data/duration-international-aggregate.json';
import durationIntlPerStream from './data/duration-international-per-stream.json';
import recordingMainland2022 from './data/recording-mainland-2022.json';
import recordingMainland2020 from './data/recording-mainland-2020.json';
import recordingMainlandCss from './data/recording-mainland-css-legacy.json';
import recordingIntl2022 from './data/recording-international-2022.json';
import recordingIntl2021 from './data/recording-international-2021.json';
import mixingMainlandOutput from './data/mixing-mainland-output.json';
import mixingIntlOutput from './data/mixing-international-output.json';
import mixingIntlInput from './data/mixing-international-input.json';
import packsMainland from './data/packs-mainland.json';
import packsIntl from './data/packs-international.json';
import freeMainland from './data/free-mainland-trial.json';
import freeIntl from './data/free-international-monthly.json';
import paymentPostpaid from './data/payment-postpaid.json';
import relay from './data/relay.json';
import servicesIntl from './data/services-international.json';
import roomLimits from './data/room-limits.json';
import aiIntl from './data/ai-international.json';
import videoLiveIntl from './data/video-live-international.json';
import manifest from './data/tariff.json';

/** Every bundled file, by file name (the order is the order of docs/prices.md). */
export const TARIFF_FILES: readonly { name: string; data: unknown }[] = [
  { name: 'tariff.json', data: manifest },
  { name: 'duration-mainland-per-stream.json', data: durationMainlandPerStream },
  { name: 'duration-mainland-aggregate-unverified.json', data: durationMainlandAggregate },
  { name: 'duration-international-aggregate.json', data: durationIntlAggregate },
  { name: 'duration-international-per-stream.json', data: durationIntlPerStream },
  { name: 'packs-mainland.json', data: packsMainland },
  { name: 'packs-international.json', data: packsIntl },
  { name: 'free-mainland-trial.json', data: freeMainland },
  { name: 'free-international-monthly.json', data: freeIntl },
  { name: 'payment-postpaid.json', data: paymentPostpaid },
  { name: 'recording-mainland-2022.json', data: recordingMainland2022 },
  { name: 'recording-mainland-2020.json', data: recordingMainland2020 },
  { name: 'recording-mainland-css-legacy.json', data: recordingMainlandCss },
  { name: 'recording-international-2022.json', data: recordingIntl2022 },
  { name: 'recording-international-2021.json', data: recordingIntl2021 },
  { name: 'mixing-mainland-output.json', data: mixingMainlandOutput },
  { name: 'mixing-international-output.json', data: mixingIntlOutput },
  { name: 'mixing-international-input.json', data: mixingIntlInput },
  { name: 'relay.json', data: relay },
  { name: 'services-international.json', data: servicesIntl },
  { name: 'room-limits.json', data: roomLimits },
  { name: 'ai-international.json', data: aiIntl },
  { name: 'video-live-international.json', data: videoLiveIntl },
];

// ---------------------------------------------------------------------------------------------
// Types of the loaded data

export type DateField = 'accountCreated' | 'appCreated' | 'periodStart';

export interface DateCondition {
  /** The first of these dates the scenario sets decides; none set: the condition is unknown. */
  date: DateField[];
  from?: string;
  before?: string;
}

export interface Applicability {
  region?: Region;
  metering?: MeteringModel;
  component?: string;
  when?: DateCondition[];
  assumedWhenUnknown?: boolean;
  onlyWhenChosen?: boolean;
}

export type PriceUnit = 'per-1000-min' | 'per-mbps-month' | 'per-pack' | 'per-min' | 'per-1000-chars';

export interface PriceEntry {
  key: string;
  price: string;
  unit: PriceUnit;
  effective: string;
  confidence: Confidence;
  source: string;
  currency?: Currency;
  region?: Region;
  label?: Text;
  citation?: Citation;
  minutes?: number;
  fromMinutes?: number;
  accountsFrom?: string;
  accountsBefore?: string;
  notBilled?: boolean;
  maxPixels?: number;
  /** Video Live component audience: package minutes deducted per minute (decimal string). */
  packRatio?: string;
}

interface BookBase {
  id: string;
  title: Text;
  applies: Applicability;
  citation: Citation;
  /** Every price of the book, with its own source, date and confidence. */
  priceList: PriceEntry[];
  priceByKey: Map<string, PriceEntry>;
}

export interface TierPrice {
  tier: Tier;
  /** Upper bound of the pixel area (inclusive); null for the open-ended top tier; 0 for audio. */
  maxPixels: number | null;
  price: string;
  /** Deduction weight against general prepaid packs. */
  packWeight: number;
}

/** Audio/video duration book: the base service. */
export interface DurationBook extends BookBase {
  region: Region;
  currency: Currency;
  metering: MeteringModel;
  tiers: TierPrice[];
}

export type RecordingRules = 'mainland-2022-per-input' | 'mainland-2020-per-output' | 'mainland-css-legacy' | 'intl-2022-per-task' | 'intl-2021-per-output';

export interface RecordingBook extends BookBase {
  rules: RecordingRules;
  currency: Currency;
  /** Tier edges by pixel area (inclusive upper bounds); the last may be null (open-ended). */
  tiers: { tier: Tier; maxPixels: number | null }[];
  /** Prices by mode (per-input rules distinguish single and mixed; others use 'any'). */
  prices: Partial<Record<'single' | 'mixed' | 'any', Partial<Record<Tier, string>>>>;
  notEstimated?: { price: string; unit: string };
  /** From usage on this date minutes are rounded up per day even under monthly settlement. */
  settledDailyFrom?: string;
}

export type MixingRules = 'mainland-output' | 'intl-output' | 'intl-input';

export interface MixingBook extends BookBase {
  rules: MixingRules;
  currency: Currency;
  tiers: { tier: Tier; maxPixels: number | null }[];
  prices: Partial<Record<'h264' | 'h265', Partial<Record<Tier, string>>>>;
}

export interface PackBook extends BookBase {
  region: Region;
  currency: Currency;
  fixed: { minutes: number; price: string }[];
  /** Custom sizes: unit price per 1,000 minutes by size bracket (size in minutes ≥ fromMinutes). */
  custom: { fromMinutes: number; unit: string }[];
}

export interface FreeMinutesBook extends BookBase {
  region: Region;
  minutes: number;
  monthly: boolean;
  grantedFrom?: string;
  order: Tier[];
  weights: { from: string; weights: Record<Tier, number>; confidence?: Confidence }[];
}

/** Conversational AI and speech AI (service fee, speech-to-text, translation, text-to-speech). */
export interface AiBook extends BookBase {
  currency: Currency;
}

/** The Video Live component's audience prices (anchors pay the A/V duration book). */
export interface VideoLiveBook extends BookBase {
  currency: Currency;
  tiers: { tier: Tier; maxPixels: number | null; price: string; packRatio: string }[];
}

export interface PaymentGenerations extends BookBase {
  generations: { mode: PaymentMode; applies: Applicability }[];
}

export interface RoomLimits {
  callParticipants: number;
  callPublishers: number;
  liveAnchors: number;
  liveLowLatencyAudience: number;
  aggregateMaxPixels: number;
  citation: Citation;
}

export interface Tariff {
  /** Every output states "prices as of" this date. */
  pricesAsOf: string;
  pricesAsOfNote: Text;
  duration: DurationBook[];
  recording: RecordingBook[];
  mixing: MixingBook[];
  packs: PackBook[];
  free: FreeMinutesBook[];
  payment: PaymentGenerations;
  relay: BookBase;
  /** Other priced services (web page recording, recording delivery), one book per region. */
  services: BookBase[];
  /** Conversational AI and speech AI, one book per region that publishes them. */
  ai: AiBook[];
  /** Video Live component audience prices, one book per region that publishes them. */
  videoLive: VideoLiveBook[];
  limits: RoomLimits;
  /** Price keys a contract may set (what the bill can price): duration, recording, mixing and relay keys. */
  contractKeys: ReadonlySet<string>;
  /** The validated files in TARIFF_FILES order (for docs/prices.md). */
  files: { name: string; kind: string; book: BookBase }[];
}

// ---------------------------------------------------------------------------------------------
// Validation

type Raw = Record<string, unknown> & {
  id: string;
  kind: string;
  title: Text;
  applies: Applicability;
  citation: Citation;
  prices?: PriceEntry[];
  tiers?: { tier: Tier; maxPixels: number | null; packWeight?: number }[];
};

const CURRENCY_OF: Record<Region, Currency> = { mainland: 'CNY', international: 'USD' };

function crossCheck(raw: Raw, problem: (path: string, message: string) => void): void {
  const conditions = (a: Applicability, at: string) =>
    (a.when ?? []).forEach((c, i) => {
      if (c.from && c.before && c.from >= c.before) problem(`${at}.when[${i}]`, `"from" ${c.from} is not before "before" ${c.before}`);
      if (!c.from && !c.before) problem(`${at}.when[${i}]`, 'needs "from" or "before"');
    });
  conditions(raw.applies, '$.applies');
  if (Array.isArray(raw.generations)) (raw.generations as { applies: Applicability }[]).forEach((g, i) => conditions(g.applies, `$.generations[${i}].applies`));
  const currency = raw.currency as Currency | undefined;
  if (currency && raw.applies.region && CURRENCY_OF[raw.applies.region] !== currency)
    problem('$.currency', `${currency} is not the currency of the ${raw.applies.region} site`);

  const tiers = raw.tiers ?? [];
  tiers.forEach((t, i) => {
    const prev = tiers[i - 1];
    if (prev && TIERS.indexOf(prev.tier) >= TIERS.indexOf(t.tier)) problem(`$.tiers[${i}].tier`, `${t.tier} is out of order (audio, SD, HD, FHD, 2K, 4K)`);
    if (prev && (prev.maxPixels === null || (t.maxPixels !== null && t.maxPixels <= prev.maxPixels)))
      problem(`$.tiers[${i}].maxPixels`, 'tier edges must ascend; only the last may be open-ended (null)');
  });
  const tierSet = new Set(tiers.map((t) => t.tier));
  const seen = new Set<string>();
  (raw.prices ?? []).forEach((p, i) => {
    const at = `$.prices[${i}]`;
    if (seen.has(p.key)) problem(`${at}.key`, `"${p.key}" appears twice`);
    seen.add(p.key);
    const parts = p.key.split('.');
    const tierOk = (t: string) => tierSet.has(t as Tier);
    let ok: boolean;
    switch (raw.kind) {
      case 'duration':
        ok = parts.length === 2 && parts[0] === 'av' && tierOk(parts[1]) && p.unit === 'per-1000-min';
        break;
      case 'recording':
        ok =
          parts[0] === 'recording' &&
          p.unit === 'per-1000-min' &&
          (parts.length === 2 ? tierOk(parts[1]) : parts.length === 3 && (parts[1] === 'single' || parts[1] === 'mixed') && tierOk(parts[2]));
        break;
      case 'mixing':
        ok = parts.length === 3 && parts[0] === 'mixing' && (parts[1] === 'h264' || parts[1] === 'h265') && tierOk(parts[2]) && p.unit === 'per-1000-min';
        break;
      case 'packs':
        ok =
          (p.unit === 'per-pack' && p.minutes !== undefined && p.key === `pack.${p.minutes}`) ||
          (p.unit === 'per-1000-min' && p.fromMinutes !== undefined && p.key === `pack.custom.from-${p.fromMinutes}`);
        break;
      case 'relay':
        ok = parts[0] === 'relay' && p.label !== undefined && p.citation !== undefined;
        break;
      case 'services':
        ok =
          p.label !== undefined &&
          p.citation !== undefined &&
          p.unit === 'per-1000-min' &&
          ((parts.length === 2 && parts[0] === 'webrec' && TIERS.includes(parts[1] as Tier) && p.maxPixels !== undefined) || p.key === 'delivery.recording');
        break;
      case 'ai':
        ok =
          p.label !== undefined &&
          p.citation !== undefined &&
          (((p.key === 'ai.service' || p.key === 'ai.stt' || p.key === 'ai.translation') && p.unit === 'per-min') ||
            (p.key === 'ai.tts' && p.unit === 'per-1000-chars'));
        break;
      case 'video-live':
        ok =
          parts.length === 3 &&
          parts[0] === 'live' &&
          parts[1] === 'audience' &&
          tierOk(parts[2]) &&
          p.unit === 'per-1000-min' &&
          p.packRatio !== undefined &&
          p.label !== undefined &&
          p.citation !== undefined;
        break;
      default:
        ok = false;
    }
    if (!ok) problem(`${at}.key`, `"${p.key}" (${p.unit}) is not a valid ${raw.kind} price key for this book's tiers`);
  });
  if (raw.kind === 'duration') {
    for (const t of tiers) if (!seen.has(`av.${t.tier}`)) problem('$.prices', `no price for the tier ${t.tier}`);
    if (!raw.applies.region || !raw.applies.metering) problem('$.applies', 'a duration book names its region and metering');
  }
  if (raw.kind === 'video-live')
    for (const t of tiers) if (!seen.has(`live.audience.${t.tier}`)) problem('$.prices', `no audience price for the tier ${t.tier}`);
  if (raw.kind === 'packs') {
    const custom = (raw.prices ?? []).filter((p) => p.fromMinutes !== undefined);
    if (custom[0]?.fromMinutes !== 0) problem('$.prices', 'custom pack brackets start at fromMinutes 0');
    custom.forEach((c, i) => i > 0 && c.fromMinutes! <= custom[i - 1].fromMinutes! && problem('$.prices', 'custom pack brackets must ascend'));
  }
  if (raw.kind === 'free-minutes') {
    for (const w of (raw.weights as { weights: Record<string, number> }[]) ?? [])
      for (const k of Object.keys(w.weights)) if (!TIERS.includes(k as Tier)) problem('$.weights', `"${k}" is not a tier`);
  }
}

const CJK = /[\u3400-\u9fff]/;

/**
 * What is wrong with a citation's notes, if anything: every user-visible text exists in English and Simplified
 * Chinese, so a `note` needs its `noteZh` (and a `noteZh` its `note`). Also used for the citations written in
 * TypeScript (packages.ts), by the tariff tests.
 */
export function citationNoteProblem(c: Pick<Citation, 'note' | 'noteZh'>): string | undefined {
  if (c.note !== undefined && !c.noteZh) return 'a citation with "note" needs "noteZh", the note in Simplified Chinese';
  if (c.noteZh !== undefined && c.note === undefined) return '"noteZh" without "note" (the English note)';
  if (c.noteZh !== undefined && !CJK.test(c.noteZh)) return '"noteZh" has no Chinese character';
  return undefined;
}

/** Checks every citation in a file (at any depth: the book's, each price's), with its path. */
function checkCitationNotes(value: unknown, path: string, problem: (path: string, message: string) => void): void {
  if (Array.isArray(value)) value.forEach((v, i) => checkCitationNotes(v, `${path}[${i}]`, problem));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'citation' && v && typeof v === 'object') {
        const m = citationNoteProblem(v as Citation);
        if (m) problem(`${path}.citation.noteZh`, m);
      }
      checkCitationNotes(v, `${path}.${k}`, problem);
    }
}

export class TariffDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`The bundled tariff data is invalid:\n${problems.join('\n')}`);
  }
}

/** Validates tariff files and builds the typed tariff; problems are "file: path: message". Never throws. */
export function validateTariffFiles(input: readonly { name: string; data: unknown }[]): { tariff?: Tariff; problems: string[] } {
  const problems: string[] = [];
  const raws: { name: string; raw: Raw }[] = [];
  const ids = new Set<string>();
  for (const { name, data } of input) {
    const kind = data && typeof data === 'object' ? (data as { kind?: unknown }).kind : undefined;
    const shape = typeof kind === 'string' && Object.hasOwn(TARIFF_SHAPES, kind) ? TARIFF_SHAPES[kind] : undefined;
    if (!shape) {
      problems.push(`${name}: $.kind: must be one of ${Object.keys(TARIFF_SHAPES).join(', ')}`);
      continue;
    }
    const r = checkShape(data, shape);
    // Unknown fields in bundled data are mistakes, not extensions: warnings count as errors here.
    for (const p of [...r.errors, ...r.warnings]) problems.push(`${name}: ${p.path}: ${p.message.en}`);
    if (r.errors.length || r.warnings.length || r.value === undefined) continue;
    const raw = r.value as Raw;
    if (ids.has(raw.id)) problems.push(`${name}: $.id: "${raw.id}" is used by another file`);
    ids.add(raw.id);
    if (kind !== 'manifest') crossCheck(raw, (path, message) => problems.push(`${name}: ${path}: ${message}`));
    checkCitationNotes(raw, '$', (path, message) => problems.push(`${name}: ${path}: ${message}`));
    raws.push({ name, raw });
  }
  const of = (kind: string) => raws.filter((r) => r.raw.kind === kind).map((r) => r.raw);
  const one = (kind: string) => {
    const list = of(kind);
    if (list.length !== 1) problems.push(`(all files): exactly one "${kind}" file is needed, found ${list.length}`);
    return list[0];
  };
  const manifestRaw = one('manifest');
  const paymentRaw = one('payment');
  const relayRaw = one('relay');
  const limitsRaw = one('limits');
  if (problems.length) return { problems };

  const base = (raw: Raw): BookBase => {
    const priceList = raw.prices ?? [];
    return { id: raw.id, title: raw.title, applies: raw.applies, citation: raw.citation, priceList, priceByKey: new Map(priceList.map((p) => [p.key, p])) };
  };
  const priceOfKey = (raw: Raw, key: string) => raw.prices!.find((p) => p.key === key)!.price;
  const byMode = <M extends string>(raw: Raw, modeOf: (parts: string[]) => M) => {
    const out: Partial<Record<M, Partial<Record<Tier, string>>>> = {};
    for (const p of raw.prices ?? []) {
      const parts = p.key.split('.');
      const m = modeOf(parts);
      (out[m] ??= {})[parts[parts.length - 1] as Tier] = p.price;
    }
    return out;
  };
  const duration: DurationBook[] = of('duration').map((raw) => ({
    ...base(raw),
    region: raw.applies.region!,
    currency: raw.currency as Currency,
    metering: raw.applies.metering!,
    tiers: raw.tiers!.map((t) => ({ tier: t.tier, maxPixels: t.maxPixels, price: priceOfKey(raw, `av.${t.tier}`), packWeight: t.packWeight! })),
  }));
  const recording: RecordingBook[] = of('recording').map((raw) => ({
    ...base(raw),
    rules: raw.rules as RecordingRules,
    currency: raw.currency as Currency,
    tiers: raw.tiers!.map((t) => ({ tier: t.tier, maxPixels: t.maxPixels })),
    prices: byMode(raw, (parts) => (parts.length === 3 ? (parts[1] as 'single' | 'mixed') : 'any')),
    ...(raw.notEstimated ? { notEstimated: raw.notEstimated as { price: string; unit: string } } : {}),
    ...(raw.settledDailyFrom ? { settledDailyFrom: raw.settledDailyFrom as string } : {}),
  }));
  const mixing: MixingBook[] = of('mixing').map((raw) => ({
    ...base(raw),
    rules: raw.rules as MixingRules,
    currency: raw.currency as Currency,
    tiers: raw.tiers!.map((t) => ({ tier: t.tier, maxPixels: t.maxPixels })),
    prices: byMode(raw, (parts) => parts[1] as 'h264' | 'h265'),
  }));
  const packs: PackBook[] = of('packs').map((raw) => ({
    ...base(raw),
    region: raw.applies.region!,
    currency: raw.currency as Currency,
    fixed: raw.prices!.filter((p) => p.minutes !== undefined).map((p) => ({ minutes: p.minutes!, price: p.price })),
    custom: raw.prices!.filter((p) => p.fromMinutes !== undefined).map((p) => ({ fromMinutes: p.fromMinutes!, unit: p.price })),
  }));
  const free: FreeMinutesBook[] = of('free-minutes').map((raw) => ({
    ...base(raw),
    region: raw.applies.region!,
    minutes: raw.minutes as number,
    monthly: raw.monthly as boolean,
    ...(raw.grantedFrom ? { grantedFrom: raw.grantedFrom as string } : {}),
    order: raw.order as Tier[],
    weights: raw.weights as FreeMinutesBook['weights'],
  }));
  const relayBook = base(relayRaw);
  const services = of('services').map(base);
  const ai: AiBook[] = of('ai').map((raw) => ({ ...base(raw), currency: raw.currency as Currency }));
  const videoLive: VideoLiveBook[] = of('video-live').map((raw) => ({
    ...base(raw),
    currency: raw.currency as Currency,
    tiers: raw.tiers!.map((t) => {
      const p = raw.prices!.find((x) => x.key === `live.audience.${t.tier}`)!;
      return { tier: t.tier, maxPixels: t.maxPixels, price: p.price, packRatio: p.packRatio! };
    }),
  }));
  const contractKeys = new Set<string>();
  // Video Live audience prices are per 1,000 minutes like the other contract keys; AI prices are per minute or per 1,000 characters.
  for (const b of [...duration, ...recording, ...mixing, relayBook, ...services, ...videoLive])
    for (const p of b.priceList) if (!p.notBilled) contractKeys.add(p.key);
  for (const region of ['mainland', 'international'] as const) {
    if (!packs.some((p) => p.region === region)) problems.push(`(all files): no pack book for ${region}`);
    if (!free.some((p) => p.region === region)) problems.push(`(all files): no free-minutes book for ${region}`);
    if (!duration.some((d) => d.region === region && !d.applies.onlyWhenChosen)) problems.push(`(all files): no duration book for ${region}`);
  }
  if (problems.length) return { problems };
  const files = raws
    .filter((r) => r.raw.kind !== 'manifest')
    .map((r) => ({
      name: r.name,
      kind: r.raw.kind,
      book:
        [...duration, ...recording, ...mixing, ...packs, ...free, relayBook, ...services, ...ai, ...videoLive].find((b) => b.id === r.raw.id) ?? base(r.raw),
    }));
  return {
    problems,
    tariff: {
      pricesAsOf: manifestRaw.pricesAsOf as string,
      pricesAsOfNote: manifestRaw.note as unknown as Text,
      duration,
      recording,
      mixing,
      packs,
      free,
      payment: { ...base(paymentRaw), generations: paymentRaw.generations as PaymentGenerations['generations'] },
      relay: relayBook,
      services,
      ai,
      videoLive,
      limits: { ...(limitsRaw.limits as Omit<RoomLimits, 'citation'>), citation: limitsRaw.citation },
      contractKeys,
      files,
    },
  };
}

let loaded: Tariff | undefined;

/** Whether the bundled tariff has been read yet (a test checks that loading the engine does not read it). */
export function tariffLoaded(): boolean {
  return loaded !== undefined;
}

/** The bundled tariff, validated on first use. Throws TariffDataError if a bundled file is broken (a test catches that). */
export function tariff(): Tariff {
  if (!loaded) {
    const r = validateTariffFiles(TARIFF_FILES);
    if (!r.tariff) throw new TariffDataError(r.problems);
    loaded = r.tariff;
  }
  return loaded;
}
