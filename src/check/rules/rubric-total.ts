import { dec, fmt, scoreAgrees, sum } from '../arith.js';
import { executionItem, executionUnread } from '../execution.js';
import { loc, pointer } from '../locate.js';
import type { Rule } from '../types.js';

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
    const items = [
      ...(exec ? [{ score: exec.score, path: `${exec.path}/score` }] : []),
      ...ev.indicators.map((item, i) => ({ score: item.score, path: pointer('indicators', i, 'score') })),
    ];
    const scored = items.filter((x) => x.score?.value != null);
    if (scored.length === 0) return [];
    const total = sum(scored.map((x) => dec(x.score)!));
    // A total printed with d decimals agrees within half a unit of its last decimal, never closer than 0.01.
    if (scoreAgrees(total, ev.totals.score!)) return [];
    // An empty score is unknown: the known ones falling short proves nothing; exceeding does.
    if (scored.length < items.length && total.lt(claimed)) return [];
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
