// Exact decimals as a BigInt and a power of ten, for the per-room figures of a bill (1,000 rooms are common): the
// same results as decimal.js under decimal.ts's configuration (quotients rounded half-up to 40 significant digits,
// printed as D#toFixed() prints them), without building decimal objects.

/** The value n × 10^e. */
export interface Exact {
  n: bigint;
  e: number;
}

/** Significant digits of a quotient (decimal.ts: precision 40). */
const PRECISION = 40;

const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[k];
}

const digits = (n: bigint): number => (n < 0n ? -n : n).toString().length;

/** a / b rounded half-up (away from zero on a tie) to 40 significant digits, as D#div does. b must not be zero. */
export function divExact(a: Exact, b: Exact): Exact {
  if (a.n === 0n) return { n: 0n, e: 0 };
  const negative = a.n < 0n !== b.n < 0n;
  const na = a.n < 0n ? -a.n : a.n;
  const nb = b.n < 0n ? -b.n : b.n;
  // na × 10^s / nb has 40 or 41 integer digits for this s; one less when it has 41.
  let s = PRECISION - digits(na) + digits(nb);
  for (;;) {
    const num = s >= 0 ? na * pow10(s) : na;
    const den = s >= 0 ? nb : nb * pow10(-s);
    let q = num / den;
    if (q >= pow10(PRECISION)) {
      s--;
      continue;
    }
    if (2n * (num - q * den) >= den) q += 1n;
    return { n: negative ? -q : q, e: a.e - b.e - s };
  }
}

/** A number as the exact decimal decimal.js reads it (its shortest round-trip text); undefined when not finite. */
export function exactOf(v: number): Exact | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const n = BigInt(m[2] + frac);
  return { n: m[1] ? -n : n, e: Number(m[4] ?? 0) - frac.length };
}

/** The value as D#toFixed() prints it: plain notation, no trailing zeros. */
export function fixedText(x: Exact): string {
  if (x.n === 0n) return '0';
  let text = (x.n < 0n ? -x.n : x.n).toString();
  let e = x.e;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48 /* 0 */) end--;
  e += text.length - end;
  text = text.slice(0, end);
  const sign = x.n < 0n ? '-' : '';
  if (e >= 0) return sign + text + '0'.repeat(e);
  const intDigits = text.length + e;
  return intDigits > 0 ? `${sign}${text.slice(0, intDigits)}.${text.slice(intDigits)}` : `${sign}0.${'0'.repeat(-intDigits)}${text}`;
}
