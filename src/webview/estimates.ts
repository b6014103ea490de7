// The computations behind the estimate pane, cached by scenario value. Document values are never mutated
// (actions.ts replaces them), so a value object that was computed once need not be computed again.
import type { Bill } from '../core';
import { compute, type Computation } from './compute';

interface Entry {
  comp: Computation;
  /** `comp` includes the payment advice. */
  full: boolean;
}

export class Estimates {
  private cache = new WeakMap<object, Entry>();
  private today: string | undefined;
  /** Smoothed cost of the last full computations (ms): decides whether the advice can be computed while typing. */
  fullCostMs = 0;

  /** The date "today" for the billing period (the host's, so the panel and the CLI agree). */
  setToday(today: string | undefined): void {
    if (today === this.today) return;
    this.today = today;
    this.cache = new WeakMap();
  }

  /** The computation of `value`; `full`: with the payment advice (the slow part of the engine). */
  get(value: unknown, full = true): Computation {
    const key = typeof value === 'object' && value !== null ? value : undefined;
    const hit = key ? this.cache.get(key) : undefined;
    if (hit && (hit.full || !full)) return hit.comp;
    const t0 = performance.now();
    const comp = compute(value, { ...(this.today ? { today: this.today } : {}), advice: full });
    const ms = performance.now() - t0;
    if (full && comp.bill) this.fullCostMs = this.fullCostMs === 0 ? ms : 0.7 * this.fullCostMs + 0.3 * ms;
    if (key) this.cache.set(key, { comp, full });
    return comp;
  }

  /** The bill of a value known to have produced one (a document's last valid value), if it still does. */
  billOf(value: unknown): Bill | undefined {
    if (value === undefined) return undefined;
    try {
      return this.get(value, true).bill;
    } catch {
      return undefined; // engine not ready: nothing to show
    }
  }
}
