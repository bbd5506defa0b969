/**
 * The weight each indicator is scored against. Most forms print it (分值 / 权重). Hubei forms may omit the
 * 分值 column (mof-family §4): each 三级 is then worth its equal share of the block's printed weight
 * (年度绩效目标(80分) over 8 indicators is 10 each). The model keeps such a weight null — it is not printed —
 * and the rules that need one take it from here, located at the block's label that states the 80.
 */
import { Dec } from '../model/decimal.js';
import type { Evaluation } from '../model/evaluation.js';
import type { NumberValue } from '../model/values.js';
import { perEvaluation } from './derived.js';
import { pointer } from './locate.js';

/** Templates whose forms may leave every indicator weight implicit. */
const IMPLICIT_SHARE = new Set(['hubei-project']);

export interface IndicatorWeight {
  weight: NumberValue | null;
  /** JSON pointer of the weight: the indicator's own, or the block weight it is a share of. */
  path: string;
}

export const indicatorWeights = perEvaluation((ev: Evaluation): IndicatorWeight[] => {
  const own = ev.indicators.map((ind, i) => ({ weight: ind.weight, path: pointer('indicators', i, 'weight') }));
  const block = ev.totals.indicatorsWeight;
  if (!IMPLICIT_SHARE.has(ev.template) || block?.value == null || ev.indicators.length === 0) return own;
  if (ev.indicators.some((ind) => ind.weight !== null)) return own;
  // 80 over 7 does not end: the share is taken to 2 decimals, as a form prints its scores.
  const share = new Dec(block.value).div(ev.indicators.length).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  const weight: NumberValue = { value: share.toString(), raw: block.raw, decimals: null, src: block.src };
  return ev.indicators.map(() => ({ weight, path: '/totals/indicatorsWeight' }));
});
