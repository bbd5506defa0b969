/**
 * Indicator targets and actuals as comparable numbers: which way a target points, whether it was met,
 * and what score the MoF formulas give it (templates document §5).
 */
import { Dec } from '../model/decimal.js';
import type { Indicator } from '../model/evaluation.js';
import { foldWidth } from '../model/normalize.js';
import type { MeasureValue } from '../model/values.js';

const UNIT_SCALE: Record<string, { base: string; shift: number }> = {
  元: { base: '万元', shift: -4 },
  万: { base: '万元', shift: 0 },
  万元: { base: '万元', shift: 0 },
  亿: { base: '万元', shift: 4 },
  亿元: { base: '万元', shift: 4 },
  个月: { base: '月', shift: 0 },
  月: { base: '月', shift: 0 },
  百分比: { base: '%', shift: 0 },
};

/**
 * A unit's scale: money and months from the table; otherwise 万 or 亿 before a unit multiplies it
 * (1万人 is 10,000 人, 2.5万亩 is 25,000 亩).
 */
function scaleOf(unit: string): { base: string; shift: number } | undefined {
  const known = UNIT_SCALE[unit];
  if (known) return known;
  const m = /^(万|亿)(.+)$/u.exec(unit);
  return m ? { base: m[2]!, shift: m[1] === '万' ? 4 : 8 } : undefined;
}

/** One unit written several ways (43.6km against ≥42公里, 1200㎡ against ≥1000平方米, 25日 against ≤30天). */
const UNIT_SPELLING: Record<string, string> = {
  km: '公里', 千米: '公里', m: '米',
  '㎡': '平方米', 'm²': '平方米', m2: '平方米',
  'k㎡': '平方公里', 'km²': '平方公里', km2: '平方公里', 平方千米: '平方公里',
  'm³': '立方米', m3: '立方米',
  t: '吨', kg: '公斤', 千克: '公斤',
  h: '小时', 日: '天',
};

/** A unit in one spelling, each part of a compound unit (元/㎡) on its own. */
function canonicalUnit(unit: string): string {
  return unit.split('/').map((part) => UNIT_SPELLING[part.toLowerCase()] ?? part).join('/');
}

/** The measure's text holds exactly one number (not a range such as 90%-95%, not a sentence with two). */
export function singleNumber(m: MeasureValue | null | undefined): string | null {
  if (!m?.number || !m.value) return null;
  return (foldWidth(m.value).replace(/(\d),(?=\d{3})/gu, '$1').match(/\d+(?:\.\d+)?/gu) ?? []).length === 1 ? m.number : null;
}

/**
 * The measure's single number in a common unit; null with no number or more than one. `unit` reads a
 * bare number in another measure's unit (an actual printed without the target's unit).
 */
export function measured(m: MeasureValue | null, printedUnit: string | null = m?.unit ?? null): { value: Dec; unit: string | null } | null {
  const number = singleNumber(m);
  if (number === null) return null;
  // A unit is kept as printed; a full-width one (％, ｋｍ) is the same unit as its ASCII form.
  const unit = printedUnit === null ? null : canonicalUnit(foldWidth(printedUnit));
  const scale = unit ? scaleOf(unit) : undefined;
  if (!scale) return { value: new Dec(number), unit };
  const value = new Dec(number).times(new Dec(10).pow(scale.shift));
  // A month of the following year ("次年2月" against "11月前") comes twelve months after the form's own.
  if (unit === '月' && NEXT_YEAR.test(foldWidth(m!.value ?? '').trim())) return { value: value.plus(12), unit: scale.base };
  return { value, unit: scale.base };
}

/** A month named as one of the following year: 次年, 翌年, 明年, 下年, 下一年 (度). */
const NEXT_YEAR = /^(?:次|翌|明|下一?)年度?/u;

export type Direction = 'positive' | 'reverse' | 'equal' | 'qualitative';

/** ≥ / 不低于 point up, ≤ / 不超过 / "10月前" down, = and a bare 0 are equal; a target without a number is qualitative. */
export function directionOf(ind: Indicator): Direction {
  if (ind.targetParts?.nature.value && /定性/u.test(ind.targetParts.nature.value)) return 'qualitative';
  const t = ind.target;
  if (!t?.number) return 'qualitative';
  if (t.comparator === '<=' || t.comparator === '<') return 'reverse';
  if (t.comparator === '>=' || t.comparator === '>') return 'positive';
  if (t.comparator === '=') return 'equal';
  // A deadline ("10月前", "12月底前", "10月前拨付") is a ceiling; a verb may follow it ("…前完成").
  if (/\d\s*\S{0,3}(?:之|以)?前\p{Script=Han}{0,4}$/u.test(foldWidth(t.value ?? '').trim())) return 'reverse';
  // A target of 0 with no comparator ("0起" accidents, "0次" complaints) is a count to stay at: a floor of
  // 0 would be met by anything.
  if (new Dec(t.number).isZero()) return 'equal';
  return 'positive';
}

export interface Comparable {
  target: Dec;
  actual: Dec;
  unit: string | null;
}

/** Target and actual as numbers in one unit; null when either is not a single number or the units differ. */
export function comparable(ind: Indicator): Comparable | null {
  const a = measured(ind.target);
  // A bare number as the actual is read in the target's unit ("≥300米" against "320").
  const bare = ind.actual?.value != null && ind.actual.unit === null && /^\s*[≥≧>＞≤≦<＜=＝]?\s*-?\d+(?:\.\d+)?\s*$/u.test(foldWidth(ind.actual.value));
  const b = measured(ind.actual, bare ? (ind.target?.unit ?? null) : (ind.actual?.unit ?? null));
  if (!a || !b) return null;
  if (a.unit !== b.unit) return null;
  if (bare && a.unit === '%' && a.value.gt(1) && b.value.lte(1) && !b.value.isZero()) return fractionOfPercent(ind, a.value, b.value);
  return { target: a.value, actual: b.value, unit: a.unit };
}

/**
 * A bare actual of at most 1 against a percent target above 1 ("1" against "100%", "0.98" against "≥95%")
 * is a fraction, as rates are printed: a ≥ or = target of 95% is never meant to be met by 0.98%. Against
 * a ≤ target ("≤5%" against "0.8") both readings are plausible, so the pair is not compared.
 */
function fractionOfPercent(ind: Indicator, target: Dec, actual: Dec): Comparable | null {
  const direction = directionOf(ind);
  if (direction !== 'positive' && direction !== 'equal') return null;
  return { target, actual: actual.times(100), unit: '%' };
}

export interface Attainment {
  met: boolean;
  /** The scores the formula allows (a reverse target has two formulas in use). */
  scores: Dec[];
}

/** Whether a quantitative target was met and what it scores under the formulas, for weight w. */
export function attainment(direction: Exclude<Direction, 'qualitative'>, c: Comparable, w: Dec): Attainment {
  const { target: A, actual: B } = c;
  if (direction === 'equal' && A.isZero()) return B.lte(0) ? { met: true, scores: [w] } : { met: false, scores: [new Dec(0)] };
  if (direction === 'reverse') {
    if (B.lte(A)) return { met: true, scores: [w] };
    const ratio = B.isZero() ? new Dec(0) : A.div(B).times(w);
    const linear = A.isZero() || B.gte(A.times(2)) ? new Dec(0) : new Dec(1).minus(B.minus(A).div(A)).times(w);
    return { met: false, scores: [ratio, linear] };
  }
  if (B.gte(A)) return { met: true, scores: [w] };
  return { met: false, scores: [A.isZero() ? w : B.div(A).times(w)] };
}

/** The score band a stated qualitative verdict allows: 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w). */
export function verdictBand(verdict: NonNullable<Indicator['verdict']>, w: Dec): { low: Dec; high: Dec; highOpen: boolean } {
  const at = (f: string) => w.times(f).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  if (verdict === 'met') return { low: at('0.8'), high: w, highOpen: false };
  if (verdict === 'partial') return { low: at('0.6'), high: at('0.8'), highOpen: true };
  return { low: new Dec(0), high: at('0.6'), highOpen: true };
}
