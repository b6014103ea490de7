// TRTC price books and rule generations, bundled and dated. The facts live in data/*.json (one file per book
// or generation, each price with its source, effective date and confidence; schema: schema/tariff.schema.json;
// human-readable table: docs/prices.md). This module names the books the engine uses, from the loaded data.

import type { Tier } from '../common';
import type { Region } from '../scenario/types';
import { tariff, type FreeMinutesBook, type PackBook, type PriceEntry, type Tariff } from './load';

export type { DurationBook, MixingBook, MixingRules, PackBook, RecordingBook, RecordingRules, TierPrice } from './load';

/** What the engine reads from the bundled books, by name. */
export interface Books {
  /** The mainland one-time trial, deducted 1:1 in this order (earlier doc versions state the order). */
  mainlandTrial: { minutes: number; order: FreeMinutesBook['order']; citation: FreeMinutesBook['citation'] };
  /**
   * The international monthly package: started in November 2021 (before: the one-time 2021-08-20 trial, not
   * modelled); from `weightedFrom` the deduction is weighted (audio 1, SD 2, HD 4, FHD 9, 2K 16, 4K 36).
   */
  intlMonthlyFree: {
    minutes: number;
    grantedFrom: string;
    weightedFrom: string;
    weights: Record<Tier, number>;
    order: FreeMinutesBook['order'];
    citation: FreeMinutesBook['citation'];
  };
  mainlandPacks: PackBook;
  intlPacks: PackBook;
  relay: { tencentCss: PriceEntry; intlThirdPartyPerMbps: PriceEntry; intlThirdPartyPerMinute: PriceEntry };
  /** Web page recording by output tier (edges in the data) and recording delivery, international. */
  servicesIntl: { webRecording: PriceEntry[]; delivery: PriceEntry };
  /** Room limits (warnings, not prices). */
  roomLimits: Tariff['limits'];
  /** Receiving more than this aggregate pixel area is not defined by the international book: billed as 4K with a warning. */
  aggregateMaxPixels: number;
  /** Every output states "prices as of" this date (data/tariff.json). */
  pricesAsOf: string;
}

const byId = <B extends { id: string }>(list: readonly B[], id: string): B => {
  const b = list.find((x) => x.id === id);
  if (!b) throw new Error(`tariff data: no book "${id}"`);
  return b;
};

function readBooks(): Books {
  const T = tariff();
  // The books the engine's rules name: a missing one is a broken data file, said when the books are first read.
  for (const id of ['mainland-per-stream', 'mainland-aggregate-unverified', 'international-aggregate', 'international-per-stream']) byId(T.duration, id);
  for (const id of ['recording-mainland-2022', 'recording-mainland-2020', 'recording-international-2022', 'recording-international-2021'])
    byId(T.recording, id);
  byId(T.recording, 'recording-mainland-css-legacy');
  for (const id of ['mixing-mainland-output', 'mixing-international-output', 'mixing-international-input']) byId(T.mixing, id);
  const freeBook = (region: Region): FreeMinutesBook => T.free.find((f) => f.region === region)!;
  const mainlandFree = freeBook('mainland');
  const intlFree = freeBook('international');
  const relayPrice = (key: string) => T.relay.priceByKey.get(key)!;
  const services = T.services.find((b) => b.applies.region === 'international')!;
  return {
    mainlandTrial: { minutes: mainlandFree.minutes, order: mainlandFree.order, citation: mainlandFree.citation },
    intlMonthlyFree: {
      minutes: intlFree.minutes,
      grantedFrom: intlFree.grantedFrom!,
      weightedFrom: intlFree.weights[0].from,
      weights: intlFree.weights[0].weights as Record<Tier, number>,
      order: intlFree.order,
      citation: intlFree.citation,
    },
    mainlandPacks: T.packs.find((p) => p.region === 'mainland')!,
    intlPacks: T.packs.find((p) => p.region === 'international')!,
    relay: {
      tencentCss: relayPrice('relay.tencent-css'),
      intlThirdPartyPerMbps: relayPrice('relay.third-party'),
      intlThirdPartyPerMinute: relayPrice('relay.third-party-duration'),
    },
    servicesIntl: {
      webRecording: services.priceList.filter((p) => p.key.startsWith('webrec.')).sort((a, b) => a.maxPixels! - b.maxPixels!),
      delivery: services.priceByKey.get('delivery.recording')!,
    },
    roomLimits: T.limits,
    aggregateMaxPixels: T.limits.aggregateMaxPixels,
    pricesAsOf: T.pricesAsOf,
  };
}

let cached: Books | undefined;

/**
 * The books, read (and the bundled data checked) on first use, not when the module loads: the extension activates
 * in every JavaScript workspace, and one without TRTC never needs a price.
 */
export function books(): Books {
  return (cached ??= readBooks());
}

/** The resource packs of a region. */
export function packBook(region: Region): PackBook {
  return region === 'mainland' ? books().mainlandPacks : books().intlPacks;
}
