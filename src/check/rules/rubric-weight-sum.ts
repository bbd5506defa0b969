import type { NumberValue } from '../../model/values.js';
import { dec, fmt, scoresAgree, sum } from '../arith.js';
import { loc } from '../locate.js';
import { rubricTree } from '../rubric-tree.js';
import type { Rule, RuleFinding } from '../types.js';

interface Weighted {
  weight: NumberValue | null;
  weightPath: string;
}

/**
 * Weights of the children add up to the parent's: third-level to second-level, second-level to
 * first-level, first-level to the 总分 row's weight. A child without a weight leaves the sum unknown.
 */
export const rubricWeightSum: Rule = {
  id: 'rubric-weight-sum',
  severity: 'error',
  description: { zh: '下级指标分值之和等于上级指标分值；一级指标分值之和等于总分分值（100）', en: 'child weights add up to the parent weight; first-level weights add up to the total weight (100)' },
  messages: {
    default: {
      zh: '“{name}”的分值为{actual}，其下级指标分值之和为{expected}',
      en: '“{name}” has weight {actual}, its children add up to {expected}',
    },
    total: {
      zh: '总分分值为{actual}，一级指标分值之和为{expected}',
      en: 'the total weight is {actual}, the first-level weights add up to {expected}',
    },
  },
  check(report) {
    const out: RuleFinding[] = [];
    const compare = (parent: Weighted, children: Weighted[], params: { name?: string }, messageId: string) => {
      const p = dec(parent.weight);
      if (!p || children.length === 0 || children.some((c) => c.weight?.value == null)) return;
      const total = sum(children.map((c) => dec(c.weight)!));
      if (scoresAgree(total, p)) return;
      out.push({
        expected: fmt(total),
        actual: fmt(p),
        messageId,
        params: { ...params, expected: fmt(total), actual: fmt(p) },
        location: loc(parent.weightPath, parent.weight),
        related: children.map((c) => loc(c.weightPath, c.weight)),
      });
    };
    const tree = rubricTree(report);
    for (const g1 of tree) {
      for (const g2 of g1.children) compare(g2, g2.leaves, { name: g2.name }, 'default');
      compare(g1, [...g1.children, ...g1.leaves], { name: g1.name }, 'default');
    }
    const totalWeight = report.rubric?.totalWeight;
    if (totalWeight) compare({ weight: totalWeight, weightPath: '/rubric/totalWeight' }, tree, {}, 'total');
    return out;
  },
};
