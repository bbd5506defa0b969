import { Decimal } from 'decimal.js';

/** The one Decimal flavour used everywhere: plenty of precision, never exponent notation. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Dec = Decimal;

/** Decimal places printed in a numeric string ("173.60" → 2, "868" → 0). */
export function printedDecimals(numeric: string): number {
  const dot = numeric.indexOf('.');
  return dot < 0 ? 0 : numeric.length - dot - 1;
}
