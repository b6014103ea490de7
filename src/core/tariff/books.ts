// TRTC price books and rule generations, bundled and dated. The facts live in data/*.json (one file per book
// or generation, each price with its source, effective date and confidence; schema: schema/tariff.schema.json;
// human-readable table: docs/prices.md). This module names the books the engine uses, from the loaded data.

import type { Tier } from '../common';
import type { MeteringModel, Region } from '../scenario/types';
import { tariff, type DurationBook, type FreeMinutesBook, type MixingBook, type PackBook, type RecordingBook } from './load';
import { boundary } from './select';

export type { DurationBook, MixingBook, MixingRules, PackBook, RecordingBook, RecordingRules, TierPrice } from './load';

const T = tariff();

const byId = <B extends { id: string }>(list: readonly B[], id: string): B => {
  const b = list.find((x) => x.id === id);
  if (!b) throw new Error(`tariff data: no book "${id}"`);
  return b;
};

export const MAINLAND_PER_STREAM = byId(T.duration, 'mainland-per-stream');
/** The mainland book IF the mainland moved to aggregate metering like the international site. Not found in any source. */
export const MAINLAND_AGGREGATE_UNVERIFIED = byId(T.duration, 'mainland-aggregate-unverified');
export const INTL_AGGREGATE = byId(T.duration, 'international-aggregate');
export const INTL_PER_STREAM = byId(T.duration, 'international-per-stream');

/** Accounts whose first app is created on or after this date are metered by aggregate resolution (international). */
export const INTL_AGGREGATE_FROM = boundary(INTL_AGGREGATE.applies, 'accountCreated', 'from')!;

export function durationBook(region: Region, metering: MeteringModel): DurationBook {
  return T.duration.find((b) => b.region === region && b.metering === metering)!;
}

export const MAINLAND_PACKS: PackBook = T.packs.find((p) => p.region === 'mainland')!;
export const INTL_PACKS: PackBook = T.packs.find((p) => p.region === 'international')!;

export function packBook(region: Region): PackBook {
  return region === 'mainland' ? MAINLAND_PACKS : INTL_PACKS;
}

const freeBook = (region: Region): FreeMinutesBook => T.free.find((f) => f.region === region)!;
const mainlandFree = freeBook('mainland');
const intlFree = freeBook('international');

export const MAINLAND_TRIAL = {
  minutes: mainlandFree.minutes,
  /** Deducted 1:1 in this order (earlier doc versions state the order). */
  order: mainlandFree.order,
  citation: mainlandFree.citation,
};

export const INTL_MONTHLY_FREE = {
  minutes: intlFree.minutes,
  /** The monthly package started in November 2021 (before: the one-time 2021-08-20 trial, not modelled). */
  grantedFrom: intlFree.grantedFrom!,
  /** From this usage month the deduction is weighted (audio 1, SD 2, HD 4, FHD 9, 2K 16, 4K 36). */
  weightedFrom: intlFree.weights[0].from,
  weights: intlFree.weights[0].weights as Record<Tier, number>,
  order: intlFree.order,
  citation: intlFree.citation,
};

export const RECORDING_MAINLAND_2022: RecordingBook = byId(T.recording, 'recording-mainland-2022');
export const RECORDING_MAINLAND_2020: RecordingBook = byId(T.recording, 'recording-mainland-2020');
export const RECORDING_INTL_2022: RecordingBook = byId(T.recording, 'recording-international-2022');
export const RECORDING_INTL_2021: RecordingBook = byId(T.recording, 'recording-international-2021');
export const RECORDING_CSS_LEGACY: RecordingBook = byId(T.recording, 'recording-mainland-css-legacy');
export const RECORDING_CSS_LEGACY_CITATION = RECORDING_CSS_LEGACY.citation;

export const MIXING_MAINLAND_OUTPUT: MixingBook = byId(T.mixing, 'mixing-mainland-output');
export const MIXING_INTL_OUTPUT: MixingBook = byId(T.mixing, 'mixing-international-output');
export const MIXING_INTL_INPUT: MixingBook = byId(T.mixing, 'mixing-international-input');

const relayPrice = (key: string) => T.relay.priceByKey.get(key)!;
export const RELAY = {
  tencentCss: relayPrice('relay.tencent-css'),
  intlThirdPartyPerMbps: relayPrice('relay.third-party'),
  intlThirdPartyPerMinute: relayPrice('relay.third-party-duration'),
};

const services = T.services.find((b) => b.applies.region === 'international')!;
/** Web page recording by output tier (edges in the data) and recording delivery, international. */
export const SERVICES_INTL = {
  webRecording: services.priceList.filter((p) => p.key.startsWith('webrec.')).sort((a, b) => a.maxPixels! - b.maxPixels!),
  delivery: services.priceByKey.get('delivery.recording')!,
};

// Room limits (warnings, not prices)
export const ROOM_LIMITS = T.limits;

/** Receiving more than this aggregate pixel area is not defined by the international book: billed as 4K with a warning. */
export const AGGREGATE_MAX_PIXELS = T.limits.aggregateMaxPixels;

/** Every output states "prices as of" this date (data/tariff.json). */
export const PRICES_AS_OF = T.pricesAsOf;
