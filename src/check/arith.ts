/** Decimal arithmetic with SPEC tolerance: compare at the precision actually printed. */
import { Dec } from '../model/decimal.js';

export interface Printed {
  value: string | null;
  decimals: number | null;
}

export function dec(v: Printed | null | undefined): InstanceType<typeof Dec> | null {
  return v?.value == null ? null : new Dec(v.value);
}

/**
 * Amounts are equal when they differ by no more than the rounding the printed operands allow: half a
 * unit of the last printed decimal for each rounded operand (n addends → n half-units).
 */
export function amountsAgree(expected: InstanceType<typeof Dec>, actual: InstanceType<typeof Dec>, operands: Printed[]): boolean {
  const slack = operands.reduce((sum, o) => sum.plus(new Dec(10).pow(-(o.decimals ?? 0)).div(2)), new Dec(0));
  return expected.minus(actual).abs().lte(slack);
}

export const SCORE_TOLERANCE = new Dec('0.01');

export function scoresAgree(a: InstanceType<typeof Dec>, b: InstanceType<typeof Dec>): boolean {
  return a.minus(b).abs().lte(SCORE_TOLERANCE);
}

export function sum(values: InstanceType<typeof Dec>[]): InstanceType<typeof Dec> {
  return values.reduce((s, v) => s.plus(v), new Dec(0));
}
