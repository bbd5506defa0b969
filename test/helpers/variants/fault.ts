/**
 * A single-fault form: a clean form with one printed value changed (and, where another printed value
 * depends on it, that value re-derived), so that exactly one rule must fire. `expected` is what the
 * rule computes, `actual` what the form prints.
 */
export interface VariantFault<F> {
  id: string;
  /** The id of the clean form it was made from. */
  base: string;
  /** What was changed, for people reading a failing test. */
  description: string;
  form: F;
  /** The rule id that must report it (src/check/rules). */
  rule: string;
  /** Where on the form: the row or cell label the finding points at. */
  where: string;
  expected: string;
  actual: string;
}

/** A deep copy to mutate. */
export const clone = <F>(form: F): F => structuredClone(form);
