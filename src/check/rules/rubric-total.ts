import { dec, fmt, scoreAgrees, sum } from '../arith.js';
import { executionItem, executionUnread } from '../execution.js';
import { loc, pointer } from '../locate.js';
import type { Rule } from '../types.js';
import { indicatorWeights } from '../weights.js';

export const rubricTotal: Rule = {
  id: 'rubric-total',
  severity: 'error',
  description: { zh: '各项自评得分（含预算执行率得分）之和等于所填总分', en: 'the itemised self-scores (the budget-execution score included) add up to the claimed total' },
  needs: { zh: '总分行的得分与至少一项得分，表格完整，且预算执行得分不是印出却未能读取', en: 'the total’s score, at least one item score, a whole form, and no budget-execution score printed but unread' },
  messages: {
    default: {
      zh: '评分表总分{actual}与各项自评得分之和{expected}不一致',
      en: 'scoring-table total {actual} differs from the sum of item scores {expected}',
    },
    beyondWeights: {
      zh: '评分表总分{actual}超过各项所能得到的最高分{max}（已填得分之和{sum}，另有{count}项得分未填，其分值合计{open}）',
      en: 'scoring-table total {actual} is more than the items allow, {max} (the filled-in scores add up to {sum}; scores left empty: {count}, worth {open} at most)',
    },
  },
  // An execution score printed but unread leaves the itemised sum unknown: not compared.
  applies: (ev) =>
    ev.complete &&
    ev.totals.score?.value != null &&
    !executionUnread(ev, 'score') &&
    (ev.indicators.some((i) => i.score?.value != null) || executionItem(ev)?.score?.value != null),
  /** The itemised scores (none may be empty, unless their sum already exceeds the claim) vs 总分. */
  check(ev) {
    const claimed = dec(ev.totals.score);
    if (!claimed) return [];
    const exec = executionItem(ev);
    const weights = indicatorWeights(ev);
    const items = [
      ...(exec ? [{ score: exec.score, path: `${exec.path}/score`, weight: exec.weight, weightPath: `${exec.path}/weight` }] : []),
      ...ev.indicators.map((item, i) => ({ score: item.score, path: pointer('indicators', i, 'score'), weight: weights[i]!.weight, weightPath: weights[i]!.path })),
    ];
    const scored = items.filter((x) => x.score?.value != null);
    if (scored.length === 0) return [];
    const total = sum(scored.map((x) => dec(x.score)!));
    // A total printed with d decimals agrees within half a unit of its last decimal, never closer than 0.01.
    if (scoreAgrees(total, ev.totals.score!)) return [];
    // An empty score is unknown: the known ones falling short proves nothing; exceeding does. Nor can an
    // unknown score exceed its item's weight: a claim beyond the known scores and those weights is impossible.
    if (scored.length < items.length && total.lt(claimed)) {
      const open = items.filter((x) => x.score?.value == null);
      const openWeights = open.map((x) => dec(x.weight)).filter((w) => w !== null);
      if (openWeights.length < open.length) return [];
      const max = total.plus(sum(openWeights));
      if (claimed.lte(max) || scoreAgrees(max, ev.totals.score!)) return [];
      return [
        {
          expected: `≤${fmt(max)}`,
          actual: fmt(claimed),
          messageId: 'beyondWeights',
          params: { actual: fmt(claimed), max: fmt(max), sum: fmt(total), count: open.length, open: fmt(max.minus(total)) },
          location: loc('/totals/score', ev.totals.score),
          related: [...scored.map((x) => loc(x.path, x.score)), ...open.map((x) => loc(x.weightPath, x.weight))],
        },
      ];
    }
    return [
      {
        expected: fmt(total),
        actual: fmt(claimed),
        params: { expected: fmt(total), actual: fmt(claimed) },
        location: loc('/totals/score', ev.totals.score),
        related: scored.map((x) => loc(x.path, x.score)),
      },
    ];
  },
};
