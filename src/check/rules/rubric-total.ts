import { dec, scoresAgree, sum } from '../arith.js';
import { loc, pointer } from '../locate.js';
import type { Rule } from '../types.js';

export const rubricTotal: Rule = {
  id: 'rubric-total',
  severity: 'error',
  description: { zh: '评分表各项自评得分之和等于所填总分', en: 'the itemised self-scores add up to the claimed total' },
  messages: {
    default: {
      zh: '评分表总分{actual}与各项自评得分之和{expected}不一致',
      en: 'scoring-table total {actual} differs from the sum of item scores {expected}',
    },
  },
  /** The itemised scores (none may be empty, unless their sum already exceeds the claim) vs 总分. */
  check(report) {
    const rubric = report.rubric;
    const claimed = dec(rubric?.claimedTotal);
    if (!rubric || !claimed) return [];
    const scored = rubric.items.map((item, i) => ({ item, i })).filter(({ item }) => item.score?.value != null);
    if (scored.length === 0) return [];
    const total = sum(scored.map(({ item }) => dec(item.score)!));
    if (scoresAgree(total, claimed)) return [];
    // An empty score is unknown: the known ones falling short proves nothing; exceeding does.
    if (scored.length < rubric.items.length && total.lt(claimed)) return [];
    return [
      {
        expected: total.toString(),
        actual: claimed.toString(),
        params: { expected: total.toString(), actual: claimed.toString() },
        location: loc('/rubric/claimedTotal', rubric.claimedTotal),
        related: scored.map(({ item, i }) => loc(pointer('rubric', 'items', i, 'score'), item.score)),
      },
    ];
  },
};
