// Money and counts as users read them: exact decimal strings in, grouped digits out (locale-neutral).
import { D } from '../decimal';
import type { Locale } from './text';

export type Currency = 'CNY' | 'USD';

/** 2764800 → "2,764,800"; fractional values keep up to 2 decimals. */
export function fmtInt(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const text = String(rounded);
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  const start = int[0] === '-' ? 1 : 0;
  let grouped = '';
  for (let i = int.length; i > start; i -= 3) {
    const from = Math.max(start, i - 3);
    grouped = grouped ? `${int.slice(from, i)},${grouped}` : int.slice(from, i);
  }
  return `${start ? '-' : ''}${grouped}${dot < 0 ? '' : text.slice(dot)}`;
}

const SYMBOL: Record<Currency, string> = { CNY: '¥', USD: '$' };

/** "¥1,234.56" / "$1,234.56"; exact amounts are rounded half-up to `decimals` (default 2). */
export function formatMoney(amount: string, currency: Currency, _locale: Locale, decimals = 2): string {
  let v: D;
  try {
    v = new D(amount);
  } catch {
    return `${SYMBOL[currency]}?`;
  }
  const fixed = v.abs().toDecimalPlaces(decimals).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v.isNegative() && !v.isZero() ? '-' : ''}${SYMBOL[currency]}${grouped}${frac ? `.${frac}` : ''}`;
}
