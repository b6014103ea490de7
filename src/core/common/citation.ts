// Where a price or a rule comes from: every number the engine bills with carries one.

export type Confidence = 'verified' | 'inferred' | 'unverified';

/** Where a price or rule comes from. */
export interface Citation {
  /** Doc URL or repository path. */
  source: string;
  /** Date the price or rule took effect, or the date of the doc version read. */
  effective: string;
  confidence: Confidence;
  /** What the source says or what is inferred (English). */
  note?: string;
  /** The note in Simplified Chinese; the tariff data requires it whenever `note` is present. */
  noteZh?: string;
}
