import type { NumberValue } from '../../model/values.js';
import { Dec, dec, fmt, SCORE_TOLERANCE } from '../arith.js';
import { executionItem } from '../execution.js';
import { loc, pointer } from '../locate.js';
import { rubricLeaves } from '../rubric-tree.js';
import type { Rule, RuleFinding } from '../types.js';
import { indicatorWeights } from '../weights.js';

interface Scored {
  name: string | { zh: string; en: string };
  score: NumberValue | null;
  scorePath: string;
  weight: NumberValue | null;
  weightPath: string;
}

export const rubricScoreRange: Rule = {
  id: 'rubric-score-range',
  severity: 'error',
  description: { zh: '自评得分在0与该项分值之间（含预算执行率一项）', en: '0 ≤ self-score ≤ the item’s weight (the budget-execution item included)' },
  needs: { zh: '至少一项得分', en: 'at least one item score' },
  messages: {
    default: {
      zh: '“{name}”自评得分{actual}超出0至{weight}的范围',
      en: '“{name}” scores {actual}, outside 0 to its weight {weight}',
    },
  },
  applies: (ev) => ev.indicators.some((i) => i.score?.value != null) || executionItem(ev)?.score?.value != null,
  check(ev) {
    const exec = executionItem(ev);
    const items: Scored[] = [
      ...(exec
        ? [{ name: { zh: '预算执行率', en: 'budget execution' }, score: exec.score, scorePath: `${exec.path}/score`, weight: exec.weight, weightPath: `${exec.path}/weight` }]
        : []),
      ...rubricLeaves(ev).map((leaf) => {
        // A weight the form leaves implicit (a Hubei form without its 分值 column) is the leaf's share.
        const implicit = leaf.weight === null ? indicatorWeights(ev)[leaf.index] : undefined;
        return { name: leaf.name, score: leaf.item.score, scorePath: pointer('indicators', leaf.index, 'score'), weight: implicit?.weight ?? leaf.weight, weightPath: implicit?.weight ? implicit.path : leaf.weightPath };
      }),
    ];
    const out: RuleFinding[] = [];
    for (const item of items) {
      const score = dec(item.score);
      const weight = dec(item.weight);
      if (!score) continue;
      const low = score.lt(new Dec(0).minus(SCORE_TOLERANCE));
      const high = weight !== null && score.gt(weight.plus(SCORE_TOLERANCE));
      if (!low && !high) continue;
      const range = weight ? `0–${fmt(weight)}` : '≥0';
      out.push({
        expected: range,
        actual: fmt(score),
        params: { name: item.name, actual: fmt(score), weight: weight ? fmt(weight) : '?' },
        location: loc(item.scorePath, item.score),
        related: item.weight ? [loc(item.weightPath, item.weight)] : [],
      });
    }
    return out;
  },
};
