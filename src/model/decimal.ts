import { Decimal } from 'decimal.js';

/**
 * The one Decimal flavour used everywhere. Parsed values are exact at any length (the constructor
 * never rounds); arithmetic keeps 1,000 significant digits, so sums of amounts are exact far beyond
 * any report (a division, always rounded for display, costs no more measurably than at 40 digits).
 * Exponent notation is never used (toExpNeg/toExpPos at decimal.js's limits): a value is always a plain
 * decimal string, as the schema requires.
 */
export const Dec = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
export type Dec = Decimal;

/** Decimal places printed in a numeric string ("173.60" → 2, "868" → 0). */
export function printedDecimals(numeric: string): number {
  const dot = numeric.indexOf('.');
  return dot < 0 ? 0 : numeric.length - dot - 1;
}
