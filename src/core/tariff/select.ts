// Which book or rule generation applies, read from each one's "applies" data (region, metering, SDK
// component, date conditions) as TRTC decides it, instead of an if-chain per book.

import type { MeteringModel, Region } from '../scenario/types';
import type { Applicability, DateCondition, DateField } from './load';

export type DateFacts = Partial<Record<DateField, string>>;

export interface Wanted {
  region?: Region;
  /** A metering model the scenario chose: dates are not consulted, and onlyWhenChosen books qualify. */
  metering?: MeteringModel;
  component?: string;
}

export interface Selected<T> {
  item: T;
  /** True when a deciding date was not set and the generation marked assumedWhenUnknown was taken. */
  assumed: boolean;
}

type Status = 'pass' | 'fail' | 'unknown';

/** The date a condition looks at: the first of its fields the scenario sets. */
export function dateFor(c: DateCondition, facts: DateFacts): string | undefined {
  for (const f of c.date) if (facts[f]) return facts[f];
  return undefined;
}

function status(c: DateCondition, facts: DateFacts): Status {
  const d = dateFor(c, facts);
  if (d === undefined) return 'unknown';
  if (c.from !== undefined && d < c.from) return 'fail';
  if (c.before !== undefined && d >= c.before) return 'fail';
  return 'pass';
}

/**
 * The first item whose conditions all hold for the dates set; when a deciding date is not set, the
 * item marked assumedWhenUnknown among those not ruled out by the dates that are set.
 */
export function selectApplicable<T>(
  items: readonly T[],
  appliesOf: (item: T) => Applicability,
  facts: DateFacts,
  wanted: Wanted = {},
): Selected<T> | undefined {
  const candidates = items.filter((item) => {
    const a = appliesOf(item);
    if (a.region !== undefined && wanted.region !== undefined && a.region !== wanted.region) return false;
    if ((a.component ?? undefined) !== (wanted.component ?? undefined)) return false;
    if (wanted.metering !== undefined) return a.metering === undefined || a.metering === wanted.metering;
    return !a.onlyWhenChosen;
  });
  if (wanted.metering !== undefined) return candidates.length ? { item: candidates[0], assumed: false } : undefined;
  let fallback: T | undefined;
  for (const item of candidates) {
    const a = appliesOf(item);
    const s = (a.when ?? []).map((c) => status(c, facts));
    if (s.every((x) => x === 'pass')) return { item, assumed: false };
    if (!s.includes('fail') && a.assumedWhenUnknown && fallback === undefined) fallback = item;
  }
  return fallback === undefined ? undefined : { item: fallback, assumed: true };
}

/** The boundary date of an item's condition on a field ("from" or "before"), for messages that quote it. */
export function boundary(a: Applicability, field: DateField, which: 'from' | 'before'): string | undefined {
  for (const c of a.when ?? []) if (c.date[0] === field && c[which]) return c[which];
  return undefined;
}
