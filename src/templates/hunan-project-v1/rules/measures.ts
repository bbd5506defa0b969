/** Numeric indicator rows: comparable target and actual numbers, and which way is better. */
import type { PerformanceIndicator as Indicator } from '../../../model/hunan.js';
import type { Comparator } from '../../../model/values.js';
import { foldWidth } from '../../../model/normalize.js';
import { nameKey } from '../../../check/text.js';

export { measured } from '../../../check/measure.js';

export function isCost(row: Indicator): boolean {
  return /成本/u.test(nameKey(row.level2?.value));
}

const COMPARATOR_WORDS: [RegExp, Comparator][] = [
  [/不超过|不高于|不大于|不多于|≤|<=|以内|控制在/u, '<='],
  [/不低于|不少于|不小于|≥|>=|以上|达到/u, '>='],
];

/** The comparator of the target, else the one named in the indicator's content text. */
export function comparatorOf(row: Indicator): Comparator | null {
  if (row.target?.comparator) return row.target.comparator;
  const content = foldWidth(row.content?.value ?? '');
  return COMPARATOR_WORDS.find(([re]) => re.test(content))?.[1] ?? null;
}

const DURATION = /^(月|天|日|年|周|小时|工作日)$/u;

/** Lower is better for ceilings (≤) and for time limits (时效, a duration with no comparator). */
export function lowerIsBetter(row: Indicator, unit: string | null): boolean {
  const c = comparatorOf(row);
  if (c === '<=' || c === '<') return true;
  if (c) return false;
  return /时效/u.test(nameKey(row.level2?.value)) && unit !== null && DURATION.test(unit);
}
