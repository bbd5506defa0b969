import { loc, pointer } from '../../../check/locate.js';
import type { Rule, RuleFinding } from '../../../check/types.js';
import { comparatorOf, isCost, measured } from './measures.js';

/** A cost indicator is a ceiling: its 不超过/≤ target, or its target when no comparator is written. */
export const costOverrun: Rule = {
  id: 'cost-overrun',
  severity: 'warning',
  description: { zh: '成本指标的实际完成值超过“不超过/≤”目标值', en: 'a cost indicator’s actual exceeds its 不超过/≤ target' },
  needs: { zh: '报告绩效指标表中的成本指标', en: 'cost indicators in the report’s indicator table' },
  messages: {
    default: {
      zh: '成本指标“{name}”实际完成值{actual}超过目标值{expected}',
      en: 'cost indicator “{name}”: actual {actual} exceeds the target {expected}',
    },
  },
  applies: (ev) => (ev.hunan?.indicators ?? []).some(isCost),
  check(ev) {
    const out: RuleFinding[] = [];
    (ev.hunan?.indicators ?? []).forEach((row, i) => {
      if (!isCost(row)) return;
      const c = comparatorOf(row);
      if (c && c !== '<=' && c !== '<') return;
      const target = measured(row.target);
      const actual = measured(row.actual);
      if (!target || !actual || target.unit !== actual.unit) return;
      const over = c === '<' ? actual.value.gte(target.value) : actual.value.gt(target.value);
      if (!over) return;
      out.push({
        // A target that writes its comparator (≤500万元, 不超过500万元) is quoted as written; one that takes
        // it from the indicator's wording (总成本不超过870万 | 870万) gets it in front.
        expected: row.target!.comparator ? row.target!.value! : `${c === '<' ? '<' : '≤'}${row.target!.value}`,
        actual: row.actual!.value!,
        params: { name: row.content?.value ?? row.level2?.value ?? '', expected: row.target!.value!, actual: row.actual!.value! },
        location: loc(pointer('hunan', 'indicators', i, 'actual'), row.actual),
        related: [loc(pointer('hunan', 'indicators', i, 'target'), row.target)],
      });
    });
    return out;
  },
};

