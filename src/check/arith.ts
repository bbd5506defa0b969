/** Decimal arithmetic with SPEC tolerance: compare at the precision actually printed. */
import { Dec } from '../model/decimal.js';

export { Dec };

export interface Printed {
  value: string | null;
  decimals: number | null;
}

export function dec(v: Printed | { value: string | null } | null | undefined): Dec | null {
  return v?.value == null ? null : new Dec(v.value);
}

/** Rounded half up to `places` decimals; negative places round to tens, hundreds… (−3: to 1,000). */
export function roundToPlaces(d: Dec, places: number): Dec {
  if (places >= 0) return d.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  const unit = new Dec(10).pow(-places);
  return d.div(unit).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(unit);
}

/** Half a unit of the last printed decimal (0.5 for "868", 0.05 for "173.6", 500 for "1.2亿元"). */
export function halfUnit(decimals: number | null | undefined): Dec {
  return new Dec(10).pow(-(decimals ?? 0)).div(2);
}

/**
 * Does a printed figure agree with the value computed from other printed figures? SPEC: compare after
 * rounding to the decimals actually printed — the computed value is rounded (half up) to the printed
 * figure's decimals — and a sum of n rounded items may differ by n half-units of their last printed
 * decimal. In a table a whole number ("868") is exact: 万元 grids print whole amounts without decimals,
 * and a slack of ±0.5 would hide a 694 written for 694.4. Prose rounds freely, so restatements in the
 * narrative pass `wholeNumbersExact: false`.
 */
export function amountsAgree(
  printed: Dec,
  printedCell: Printed,
  computed: Dec,
  computedFrom: Printed[],
  options: { wholeNumbersExact?: boolean } = {},
): boolean {
  const exactWhole = options.wholeNumbersExact ?? true;
  // A whole number in a table is exact, so it is compared at the operands' own precision.
  const places = printedCell.decimals || !exactWhole ? printedCell.decimals : Math.max(0, ...computedFrom.map((o) => o.decimals ?? 0));
  const rounded = places == null ? computed : roundToPlaces(computed, places);
  // The printed figure's own rounding is the rounding of the computed value above; only the operands'
  // rounding adds slack. (Adding the printed figure's half unit too let a whole 869 restate a whole 868.)
  const slack = computedFrom.reduce((s, o) => (exactWhole && !o.decimals ? s : s.plus(halfUnit(o.decimals))), new Dec(0));
  return rounded.minus(printed).abs().lte(slack);
}

export const SCORE_TOLERANCE = new Dec('0.01');

export function scoresAgree(a: Dec, b: Dec): boolean {
  return a.minus(b).abs().lte(SCORE_TOLERANCE);
}

/**
 * A printed value with d decimals agrees with a computed one within half a unit of its d-th decimal
 * (a whole-number score may round 8.62 to 9), and never closer than `floor` (scores: 0.01).
 */
export function printedAgrees(computed: Dec, printed: Printed, floor: Dec = new Dec(0)): boolean {
  const p = dec(printed);
  if (!p) return true;
  return computed.minus(p).abs().lte(Dec.max(halfUnit(printed.decimals), floor));
}

/**
 * The one test for a score computed by a formula against the printed score, for every rule: within half
 * a unit of the printed score's last decimal (a whole-number score may round 2.85 to 3; "2.9" covers
 * 2.85–2.95), and never tighter than the SPEC's 0.01.
 */
export function scoreAgrees(computed: Dec, printed: Printed): boolean {
  return printedAgrees(computed, printed, SCORE_TOLERANCE);
}

export function sum(values: Dec[]): Dec {
  return values.reduce((s, v) => s.plus(v), new Dec(0));
}

/** Plain decimal text without exponent or trailing zeros ("694.4", "20"). */
export function fmt(d: Dec): string {
  return d.toString();
}

/** Rounded for display: at most `places` decimals, trailing zeros dropped ("20", "15.85"). */
export function fmtRounded(d: Dec, places = 2): string {
  return d.toDecimalPlaces(places, Dec.ROUND_HALF_UP).toString();
}

/** part / whole × 100, or null when the whole is 0. */
export function percent(part: Dec, whole: Dec): Dec | null {
  return whole.isZero() ? null : part.div(whole).times(100);
}
