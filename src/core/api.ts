// Public entry points of the engine. (Being implemented: these signatures are the contract.)
import type { Bill, Currency, Locale, Text } from './bill/types';
import type { Scenario } from './scenario/types';

export interface Problem {
  /** JSON path, e.g. "$.rooms[0].participants[1].count". */
  path: string;
  message: Text;
  /** 1-based position in the JSON text, when parsed from text. */
  line?: number;
  column?: number;
}

export interface ParseResult {
  scenario?: Scenario;
  errors: Problem[];
  warnings: Problem[];
}

export interface EstimateOptions {
  /** Today's date, YYYY-MM-DD: default period start is the first day of this month. */
  today?: string;
  /** Compute payment advice (default true). */
  advice?: boolean;
}

/** Parse and validate scenario JSON text (or an already parsed value). Never throws. */
export function parseScenario(_input: string | unknown): ParseResult {
  throw new Error('parseScenario: not implemented yet');
}

/** Meter and bill a valid scenario. */
export function estimate(_scenario: Scenario, _options?: EstimateOptions): Bill {
  throw new Error('estimate: not implemented yet');
}

/** "¥1,234.56" / "$1,234.56"; exact amounts are rounded half-up to `decimals` (default 2). */
export function formatMoney(_amount: string, _currency: Currency, _locale: Locale, _decimals?: number): string {
  throw new Error('formatMoney: not implemented yet');
}
