// One decimal.js configuration for all money and minutes: 40 significant digits (a month of any
// realistic usage at 8-decimal per-minute prices fits with room to spare), half-up rounding as
// invoices use.
import Decimal from 'decimal.js';

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type D = InstanceType<typeof D>;
