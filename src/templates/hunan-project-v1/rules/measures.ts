/** Numeric indicator rows: comparable target and actual numbers, and which way is better. */
import { Dec } from '../../../model/decimal.js';
import type { PerformanceIndicator as Indicator } from '../../../model/hunan.js';
import type { Comparator, MeasureValue } from '../../../model/values.js';
import { foldWidth } from '../../../model/normalize.js';
import { nameKey } from '../../../check/text.js';

export function isCost(row: Indicator): boolean {
  return /成本/u.test(nameKey(row.level2?.value));
}

const UNIT_SCALE: Record<string, { base: string; shift: number }> = {
  元: { base: '万元', shift: -4 },
  万: { base: '万元', shift: 0 },
  万元: { base: '万元', shift: 0 },
  亿: { base: '万元', shift: 4 },
  亿元: { base: '万元', shift: 4 },
  个月: { base: '月', shift: 0 },
  月: { base: '月', shift: 0 },
};

/** The measure's single number in a common unit; null with no number or more than one. */
export function measured(m: MeasureValue | null): { value: Dec; unit: string | null } | null {
  if (!m?.number || !m.value) return null;
  if ((foldWidth(m.value).replace(/(\d),(?=\d{3})/gu, '$1').match(/\d+(?:\.\d+)?/gu) ?? []).length !== 1) return null;
  const scale = m.unit ? UNIT_SCALE[m.unit] : undefined;
  if (!scale) return { value: new Dec(m.number), unit: m.unit };
  return { value: new Dec(m.number).times(new Dec(10).pow(scale.shift)), unit: scale.base };
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
