import { loc, pointer } from '../../../check/locate.js';
import type { Rule, RuleFinding } from '../../../check/types.js';
import { comparatorOf, isCost, lowerIsBetter, measured } from './measures.js';

/**
 * A numeric indicator misses its target: below it, or above it for a ceiling or a time limit. Cost
 * indicators are cost-overrun's; text targets (四端覆盖) and mismatched units are not compared.
 */
export const indicatorShortfall: Rule = {
  id: 'indicator-shortfall',
  severity: 'warning',
  description: { zh: '数值型绩效指标的实际完成值未达到目标值', en: 'a numeric indicator’s actual is below its target' },
  needs: { zh: '报告绩效指标表中有目标值与实际值的指标', en: 'indicators with target and actual in the report’s indicator table' },
  messages: {
    default: {
      zh: '绩效指标“{name}”实际完成值{actual}低于目标值{expected}',
      en: 'indicator “{name}”: actual {actual} is below the target {expected}',
    },
    over: {
      zh: '绩效指标“{name}”实际完成值{actual}超过目标值{expected}',
      en: 'indicator “{name}”: actual {actual} exceeds the target {expected}',
    },
  },
  applies: (ev) => (ev.hunan?.indicators ?? []).some((row) => row.target?.number != null && row.actual?.number != null),
  check(ev) {
    const out: RuleFinding[] = [];
    (ev.hunan?.indicators ?? []).forEach((row, i) => {
      if (isCost(row)) return;
      const target = measured(row.target);
      const actual = measured(row.actual);
      if (!target || !actual || target.unit !== actual.unit) return;
      const lower = lowerIsBetter(row, target.unit);
      const c = comparatorOf(row);
      const strict = c === '>' || c === '<';
      const misses = lower
        ? strict ? actual.value.gte(target.value) : actual.value.gt(target.value)
        : strict ? actual.value.lte(target.value) : actual.value.lt(target.value);
      if (!misses) return;
      out.push({
        expected: row.target!.value!,
        actual: row.actual!.value!,
        messageId: lower ? 'over' : 'default',
        params: { name: row.content?.value ?? row.level2?.value ?? '', expected: row.target!.value!, actual: row.actual!.value! },
        location: loc(pointer('hunan', 'indicators', i, 'actual'), row.actual),
        related: [loc(pointer('hunan', 'indicators', i, 'target'), row.target)],
      });
    });
    return out;
  },
};
