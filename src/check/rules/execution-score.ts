import { Dec, dec, fmt, fmtRounded, percent, scoreAgrees } from '../arith.js';
import { executionItem, fractionTolerance } from '../execution.js';
import { loc } from '../locate.js';
import type { Rule } from '../types.js';
import { totalAmount } from './funds-rows.js';

/** Rates coarser than a whole percent: a bare fraction "1" (50%–150%) or "0.9" (85%–95%). */
const WHOLE_PERCENT = new Dec('0.5');

/** A rate in percent, as printed (± its printed precision) or as the amounts give it (exact). */
interface Basis {
  rate: Dec;
  tolerance: Dec;
}

/**
 * The budget-execution score is min(rate, 1) × 分值. A score that fits the printed rate (at its printed
 * precision) or the rate the amounts give is consistent: a misprinted rate is execution-rate's finding,
 * not this one's. A bare fraction coarser than a whole percent ("1" for 91.99%) is no rate to score by
 * where the amounts give a rate within it: 10 points for 91.99% is wrong however the rate was rounded.
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
    const printed = dec(item?.rate);
    const fromAmounts = rateOf(ev);
    const tolerance = item?.rate ? fractionTolerance(item.rate.raw) : new Dec(0);
    // A coarse printed rate that the amounts' rate falls within says nothing more precise than they do.
    // One they contradict is a misprinted rate (execution-rate's finding), which a score may follow.
    const coarseAndAgreeing = printed && fromAmounts && tolerance.gt(WHOLE_PERCENT) && fromAmounts.minus(printed).abs().lte(tolerance);
    const bases: Basis[] = [
      ...(printed && !coarseAndAgreeing ? [{ rate: printed, tolerance }] : []),
      ...(fromAmounts ? [{ rate: fromAmounts, tolerance: new Dec(0) }] : []),
    ];
    if (!item || !weight || !score || bases.length === 0) return [];
    const scoreAt = (rate: Dec) => Dec.min(Dec.max(rate, 0).div(100), 1).times(weight);
    const [low, high] = [(b: Basis) => scoreAt(b.rate.minus(b.tolerance)), (b: Basis) => scoreAt(b.rate.plus(b.tolerance))];
    const fits = (b: Basis) => (score.gte(low(b)) && score.lte(high(b))) || scoreAgrees(low(b), item.score!) || scoreAgrees(high(b), item.score!);
    if (bases.some(fits)) return [];
    const basis = bases[0]!;
    const places = Math.max(2, item.score!.decimals ?? 0);
    // A coarse printed rate (with no amounts to give the rate) allows a range of rates and scores; name them.
    const coarse = basis.tolerance.gt(WHOLE_PERCENT);
    const shown = coarse ? `${fmtRounded(low(basis), places)}–${fmtRounded(high(basis), places)}` : fmtRounded(scoreAt(basis.rate), places);
    const rate = coarse ? `${fmtRounded(basis.rate.minus(basis.tolerance), 2)}–${fmtRounded(basis.rate.plus(basis.tolerance), 2)}` : fmtRounded(basis.rate, 2);
    return [
      {
        expected: shown,
        actual: fmt(score),
        params: { actual: fmt(score), expected: shown, rate, weight: fmt(weight) },
        location: loc(`${item.path}/score`, item.score),
        related: [loc(`${item.path}/weight`, item.weight), ...(item.rate?.value != null ? [loc(`${item.path}/rate`, item.rate)] : [])],
      },
    ];
  },
};

/** The rate the amounts give; a total misprinted as 0 over its 其中 lines counts as their sum (funds-source-sum reports it). */
function rateOf(ev: Parameters<Rule['check']>[0]): Dec | null {
  const budget = totalAmount(ev, 'budget');
  const executed = totalAmount(ev, 'executed');
  return budget && executed ? percent(executed, budget) : null;
}
