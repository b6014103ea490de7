// Public entry points of the engine.
import type { Bill } from './bill/types';
import type { ParseResult, Scenario } from './scenario/types';
import { billScenario } from './bill/bill';
import { parseScenarioInput } from './scenario/validate';

export type { Problem } from './common';

export type { ParseResult } from './scenario/types';

export interface EstimateOptions {
  /** Today's date, YYYY-MM-DD: default period start is the first day of this month. */
  today?: string;
  /** Compute payment advice (default true). */
  advice?: boolean;
}

/** Parse and validate scenario JSON text (or an already parsed value). Never throws. */
export function parseScenario(input: string | unknown): ParseResult {
  return parseScenarioInput(input);
}

/** Meter and bill a valid scenario (validate it first with parseScenario). */
export function estimate(scenario: Scenario, options: EstimateOptions = {}): Bill {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return billScenario(scenario, { today, advice: options.advice ?? true });
}
