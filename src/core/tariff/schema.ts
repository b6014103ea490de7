// The tariff data format described once (like the scenario shape): the loader (load.ts) validates the
// bundled JSON files against it, and scripts/gen-schema.ts writes schema/tariff.schema.json from it for
// editors, so the data files, their schema and their loader cannot drift apart.

import type { Prop, Shape } from '../scenario/shape';

const req = (shape: Shape): Prop => ({ shape, required: true });
const opt = (shape: Shape): Prop => ({ shape });

/** Decimal strings: prices enter decimal.js without passing through binary floating point. */
export const DECIMAL_PATTERN = '^(0|[1-9]\\d*)(\\.\\d+)?$';

const text: Shape = {
  kind: 'object',
  description: 'A user-visible text in English and Simplified Chinese.',
  props: { en: req({ kind: 'string', maxLength: 2000 }), zh: req({ kind: 'string', maxLength: 2000 }) },
};
const date = (description: string): Shape => ({ kind: 'string', date: true, description });
const dateOrUnknown: Shape = {
  kind: 'string',
  pattern: '^(\\d{4}-\\d{2}-\\d{2}|unknown)$',
  description: 'Date the price or rule took effect (YYYY-MM-DD), or "unknown".',
};
const confidence: Shape = {
  kind: 'string',
  enum: ['verified', 'inferred', 'unverified'],
  description: 'verified: read in the source; inferred: the price is from the source, its dates or scope are inferred; unverified: not found in any source.',
};
const tier: Shape = { kind: 'string', enum: ['audio', 'SD', 'HD', 'FHD', '2K', '4K'] };
const region: Shape = { kind: 'string', enum: ['mainland', 'international'] };
const currency: Shape = { kind: 'string', enum: ['CNY', 'USD'] };

const citation: Shape = {
  kind: 'object',
  description: 'Where a book or rule comes from (shown with every bill line it prices).',
  props: {
    source: req({ kind: 'string', maxLength: 2000 }),
    effective: req(dateOrUnknown),
    confidence: req(confidence),
    note: opt({ kind: 'string', maxLength: 2000, description: 'What the source says or what is inferred, in English.' }),
    noteZh: opt({
      kind: 'string',
      maxLength: 2000,
      description: 'The note in Simplified Chinese (required with "note": the loader rejects a note without it).',
    }),
  },
};

const condition: Shape = {
  kind: 'object',
  description:
    'A date rule: the first of the named dates that the scenario sets must be on or after "from" and before "before". When none is set, the condition is ' +
    'unknown.',
  props: {
    date: req({ kind: 'array', minItems: 1, maxItems: 3, items: { kind: 'string', enum: ['accountCreated', 'appCreated', 'periodStart'] } }),
    from: opt(date('Inclusive lower bound (YYYY-MM-DD).')),
    before: opt(date('Exclusive upper bound (YYYY-MM-DD).')),
  },
};

const applies: Shape = {
  kind: 'object',
  description: 'When this book or generation applies.',
  props: {
    region: opt({ ...region, description: 'Omitted: every region.' }),
    metering: opt({ kind: 'string', enum: ['per-stream', 'aggregate'] }),
    component: opt({ kind: 'string', maxLength: 100, description: 'SDK component the book prices (e.g. "video-live"); omitted: the base RTC service.' }),
    when: opt({ kind: 'array', maxItems: 10, items: condition }),
    assumedWhenUnknown: opt({ kind: 'boolean', description: 'The generation assumed (and said so) when a deciding date is not set.' }),
    onlyWhenChosen: opt({ kind: 'boolean', description: 'Never chosen by dates; only when the scenario asks for it (e.g. tariff.metering).' }),
  },
};

const price: Shape = {
  kind: 'object',
  description: 'One price, with its own source, effective date and confidence.',
  props: {
    key: req({
      kind: 'string',
      pattern: '^[a-z]+(\\.[A-Za-z0-9-]+)+$',
      maxLength: 100,
      description: 'Price key, e.g. "av.HD", "recording.mixed.FHD", "mixing.h264.2K", "pack.25000".',
    }),
    price: req({ kind: 'string', pattern: DECIMAL_PATTERN, description: 'The price as a decimal string.' }),
    unit: req({ kind: 'string', enum: ['per-1000-min', 'per-mbps-month', 'per-pack', 'per-min', 'per-1000-chars'] }),
    effective: req(dateOrUnknown),
    confidence: req(confidence),
    source: req({ kind: 'string', maxLength: 2000, description: 'Link to the document (or the reasoning when no document states it).' }),
    currency: opt(currency),
    region: opt(region),
    label: opt(text),
    citation: opt(citation),
    minutes: opt({ kind: 'number', integer: true, min: 1, description: 'Pack size in minutes (fixed packs).' }),
    fromMinutes: opt({ kind: 'number', integer: true, min: 0, description: 'Custom packs: the unit price applies from this size.' }),
    accountsFrom: opt(date('Applies to accounts registered on or after this date.')),
    accountsBefore: opt(date('Applies to accounts registered before this date.')),
    notBilled: opt({ kind: 'boolean', description: 'Published, but not billed by the estimate yet (listed in docs/prices.md).' }),
    maxPixels: opt({
      kind: 'number',
      integer: true,
      min: 1,
      description: 'Output-resolution tiers (web page recording): the inclusive upper bound of the pixel area.',
    }),
    packRatio: opt({
      kind: 'string',
      pattern: DECIMAL_PATTERN,
      description: 'Video Live component audience: package minutes deducted per minute of this tier (a decimal string, e.g. "4.5").',
    }),
  },
};

const common = (kind: string, extra: Record<string, Prop>): Shape => ({
  kind: 'object',
  props: {
    $schema: opt({ kind: 'string', maxLength: 200 }),
    id: req({ kind: 'string', pattern: '^[a-z0-9-]+$', maxLength: 100 }),
    kind: req({ kind: 'const', value: kind }),
    title: req(text),
    applies: req(applies),
    citation: req(citation),
    ...extra,
  },
});

const tierEdges = (withWeight: boolean): Shape => ({
  kind: 'array',
  maxItems: 6,
  description: 'Tiers by pixel area, ascending; maxPixels is the inclusive upper bound, null for an open-ended top tier, 0 for audio.',
  items: {
    kind: 'object',
    props: {
      tier: req(tier),
      maxPixels: req({ kind: 'nullable', of: { kind: 'number', integer: true, min: 0 } }),
      ...(withWeight ? { packWeight: req({ kind: 'number', integer: true, min: 1, description: 'Deduction weight against general prepaid packs.' }) } : {}),
    },
  },
});
const prices: Prop = req({ kind: 'array', maxItems: 100, items: price });

/** The shape of each kind of tariff data file, by its "kind". */
export const TARIFF_SHAPES: Record<string, Shape> = {
  duration: common('duration', { currency: req(currency), tiers: req(tierEdges(true)), prices }),
  recording: common('recording', {
    rules: req({
      kind: 'string',
      enum: ['mainland-2022-per-input', 'mainland-2020-per-output', 'mainland-css-legacy', 'intl-2022-per-task', 'intl-2021-per-output'],
    }),
    currency: req(currency),
    tiers: req(tierEdges(false)),
    prices,
    settledDailyFrom: opt(date('From usage on this date the recording minutes are rounded up and settled per day, even under monthly settlement.')),
    notEstimated: opt({
      kind: 'object',
      description: 'A price that applies but is not estimated (stated in the warning).',
      props: { price: req({ kind: 'string', pattern: DECIMAL_PATTERN }), unit: req({ kind: 'string', maxLength: 200 }) },
    }),
  }),
  mixing: common('mixing', {
    rules: req({ kind: 'string', enum: ['mainland-output', 'intl-output', 'intl-input'] }),
    currency: req(currency),
    tiers: req(tierEdges(false)),
    prices,
  }),
  packs: common('packs', { currency: req(currency), prices }),
  relay: common('relay', { prices }),
  services: common('services', { prices }),
  ai: common('ai', { currency: req(currency), prices }),
  'video-live': common('video-live', { currency: req(currency), tiers: req(tierEdges(false)), prices }),
  'free-minutes': common('free-minutes', {
    minutes: req({ kind: 'number', integer: true, min: 0 }),
    monthly: req({ kind: 'boolean', description: 'true: granted every month; false: one-time.' }),
    grantedFrom: opt(date('First month the allowance is granted.')),
    order: req({ kind: 'array', maxItems: 6, items: tier }),
    weights: req({
      kind: 'array',
      maxItems: 10,
      description: 'Deduction weights by usage date; before the first entry minutes deduct 1:1.',
      items: {
        kind: 'object',
        props: {
          from: req(date('Usage from this date deducts with these weights.')),
          weights: req({ kind: 'record', values: { kind: 'number', integer: true, min: 1 } }),
          confidence: opt(confidence),
        },
      },
    }),
  }),
  payment: common('payment', {
    generations: req({
      kind: 'array',
      minItems: 1,
      maxItems: 10,
      items: { kind: 'object', props: { mode: req({ kind: 'string', enum: ['postpaid-daily', 'postpaid-monthly'] }), applies: req(applies) } },
    }),
  }),
  limits: common('limits', {
    limits: req({
      kind: 'object',
      props: {
        callParticipants: req({ kind: 'number', integer: true, min: 1 }),
        callPublishers: req({ kind: 'number', integer: true, min: 1 }),
        liveAnchors: req({ kind: 'number', integer: true, min: 1 }),
        liveLowLatencyAudience: req({ kind: 'number', integer: true, min: 1 }),
        aggregateMaxPixels: req({ kind: 'number', integer: true, min: 1 }),
      },
    }),
  }),
  manifest: {
    kind: 'object',
    props: {
      $schema: opt({ kind: 'string', maxLength: 200 }),
      id: req({ kind: 'string', pattern: '^[a-z0-9-]+$', maxLength: 100 }),
      kind: req({ kind: 'const', value: 'manifest' }),
      title: req(text),
      pricesAsOf: req(date('The date the prices were last read in their sources; every output states "prices as of" this date.')),
      note: req(text),
    },
  },
};

/** The JSON Schema body (draft-07) for a tariff data file: one of the kinds. */
export function tariffSchemaShape(): Shape {
  return { kind: 'oneOf', description: 'A TRTC Cost tariff data file (one price book or rule generation).', options: Object.values(TARIFF_SHAPES) };
}
