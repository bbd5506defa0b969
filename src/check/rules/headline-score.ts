import { dec, fmt, scoresAgree } from '../arith.js';
import { loc } from '../locate.js';
import type { Rule } from '../types.js';

export const headlineScore: Rule = {
  id: 'headline-score',
  severity: 'error',
  description: { zh: '报告的绩效自评综合得分等于评分表总分', en: 'the report’s overall self-evaluation score equals the scoring table’s total' },
  messages: {
    default: {
      zh: '绩效自评综合得分{actual}与评分表总分{expected}不一致',
      en: 'the overall self-evaluation score {actual} differs from the scoring-table total {expected}',
    },
  },
  check(report) {
    const headline = report.headline.score;
    const claimed = report.rubric?.claimedTotal;
    const h = dec(headline);
    const c = dec(claimed);
    if (!h || !c || scoresAgree(h, c)) return [];
    return [
      {
        expected: fmt(c),
        actual: fmt(h),
        params: { expected: fmt(c), actual: fmt(h) },
        location: loc('/headline/score', headline),
        related: [loc('/rubric/claimedTotal', claimed)],
      },
    ];
  },
};
