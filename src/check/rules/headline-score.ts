import { dec, fmt, scoreAgrees } from '../arith.js';
import { loc } from '../locate.js';
import type { Rule } from '../types.js';

/**
 * The headline restates the total, perhaps rounded: it agrees when the total lies within half a unit of
 * the headline's last printed decimal (a 自评得分 of 96 over a 总分 of 96.4), never closer than the 0.01
 * every score comparison allows. The total is the exact sum of the items, so a headline more precise than
 * it (98.5 over 98) is held to it.
 */
export const headlineScore: Rule = {
  id: 'headline-score',
  severity: 'error',
  description: { zh: '报告的绩效自评综合得分等于评分表总分', en: 'the report’s overall self-evaluation score equals the scoring table’s total' },
  needs: { zh: '报告所述综合得分与评分表总分', en: 'an overall score stated in the report and a scoring-table total' },
  messages: {
    default: {
      zh: '绩效自评综合得分{actual}与评分表总分{expected}不一致',
      en: 'the overall self-evaluation score {actual} differs from the scoring-table total {expected}',
    },
  },
  applies: (ev) => ev.totals.headline?.value != null && ev.totals.score?.value != null,
  check(ev) {
    const headline = ev.totals.headline;
    const claimed = ev.totals.score;
    const h = dec(headline);
    const c = dec(claimed);
    if (!h || !c || scoreAgrees(c, headline!)) return [];
    return [
      {
        expected: fmt(c),
        actual: fmt(h),
        params: { expected: fmt(c), actual: fmt(h) },
        location: loc('/totals/headline', headline),
        related: [loc('/totals/score', claimed)],
      },
    ];
  },
};
