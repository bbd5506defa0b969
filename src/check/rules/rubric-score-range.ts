import { Dec, dec, fmt, SCORE_TOLERANCE } from '../arith.js';
import { loc, pointer } from '../locate.js';
import { rubricLeaves } from '../rubric-tree.js';
import type { Rule, RuleFinding } from '../types.js';

export const rubricScoreRange: Rule = {
  id: 'rubric-score-range',
  severity: 'error',
  description: { zh: '自评得分在0与该项分值之间', en: '0 ≤ self-score ≤ the item’s weight' },
  messages: {
    default: {
      zh: '“{name}”自评得分{actual}超出0至{weight}的范围',
      en: '“{name}” scores {actual}, outside 0 to its weight {weight}',
    },
  },
  check(report) {
    const out: RuleFinding[] = [];
    for (const leaf of rubricLeaves(report)) {
      const score = dec(leaf.item.score);
      const weight = dec(leaf.weight);
      if (!score) continue;
      const low = score.lt(new Dec(0).minus(SCORE_TOLERANCE));
      const high = weight !== null && score.gt(weight.plus(SCORE_TOLERANCE));
      if (!low && !high) continue;
      const range = weight ? `0–${fmt(weight)}` : '≥0';
      out.push({
        expected: range,
        actual: fmt(score),
        params: { name: leaf.name, actual: fmt(score), weight: weight ? fmt(weight) : '?' },
        location: loc(pointer('rubric', 'items', leaf.index, 'score'), leaf.item.score),
        related: leaf.weight ? [loc(leaf.weightPath, leaf.weight)] : [],
      });
    }
    return out;
  },
};
