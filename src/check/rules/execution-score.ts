import { Dec, dec, fmt, fmtRounded, percent, printedAgrees, SCORE_TOLERANCE } from '../arith.js';
import { executionItem } from '../execution.js';
import { loc } from '../locate.js';
import type { Rule } from '../types.js';
import { totalRow } from './funds-rows.js';

/**
 * The budget-execution score is min(rate, 1) × 分值. A score that fits the printed rate or the rate the
 * amounts give is consistent: a misprinted rate is execution-rate's finding, not this one's.
 */
export const executionScore: Rule = {
  id: 'execution-score',
  severity: 'error',
  description: { zh: '预算执行率得分 = min(执行率, 1) × 分值', en: 'the budget-execution score equals min(rate, 1) × its weight' },
  needs: { zh: '预算执行一项的分值、得分与执行率（或预算数与执行数）', en: 'the budget-execution weight and score, and its rate (or budget and executed amounts)' },
  messages: {
    default: {
      zh: '预算执行率得分填为{actual}，按执行率{rate}%×分值{weight}应为{expected}',
      en: 'the budget-execution score is {actual}; rate {rate}% × weight {weight} gives {expected}',
    },
  },
  applies: (ev) => {
    const item = executionItem(ev);
    return item?.weight?.value != null && item.score?.value != null && (item.rate?.value != null || rateOf(ev) !== null);
  },
  check(ev) {
    const item = executionItem(ev);
    const weight = dec(item?.weight);
    const score = dec(item?.score);
    const rates = [dec(item?.rate), rateOf(ev)].filter((r): r is Dec => r !== null);
    if (!item || !weight || !score || rates.length === 0) return [];
    const scoreAt = (rate: Dec) => Dec.min(rate.div(100), 1).times(weight);
    if (rates.some((rate) => printedAgrees(scoreAt(rate), item.score!, SCORE_TOLERANCE))) return [];
    const rate = rates[0]!;
    const expected = scoreAt(rate);
    const shown = fmtRounded(expected, Math.max(2, item.score!.decimals ?? 0));
    return [
      {
        expected: shown,
        actual: fmt(score),
        params: { actual: fmt(score), expected: shown, rate: fmtRounded(rate, 2), weight: fmt(weight) },
        location: loc(`${item.path}/score`, item.score),
        related: [loc(`${item.path}/weight`, item.weight), ...(item.rate?.value != null ? [loc(`${item.path}/rate`, item.rate)] : [])],
      },
    ];
  },
};

function rateOf(ev: Parameters<Rule['check']>[0]): Dec | null {
  const total = totalRow(ev)?.row;
  const budget = dec(total?.budget);
  const executed = dec(total?.executed);
  return budget && executed ? percent(executed, budget) : null;
}
