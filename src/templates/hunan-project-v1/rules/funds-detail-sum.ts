import { amountsAgree, dec, fmt, sum } from '../../../check/arith.js';
import { loc, pointer } from '../../../check/locate.js';
import type { Rule, RuleFinding } from '../../../check/types.js';
import type { HunanPart } from '../../../model/hunan.js';
import type { MoneyValue } from '../../../model/values.js';

interface Amount {
  cell: MoneyValue | null;
  path: string;
}

type ExpenditureLine = NonNullable<HunanPart['expenditures']>['lines'][number];

const amountOf = (l: ExpenditureLine, i: number): Amount => ({ cell: l.amount, path: pointer('hunan', 'expenditures', 'lines', i, 'amount') });

/**
 * `parts` against the amount they make up. Empty parts are unknown: only a sum over known parts that
 * exceeds the whole is then a finding. `partial` parts (a 其中 breakdown) need not add up to the whole.
 */
function compare(whole: Amount, parts: Amount[], messageIds: { default: string; exceeds: string }, partial = false): RuleFinding | null {
  const total = dec(whole.cell);
  const filled = parts.filter((l) => l.cell?.value != null);
  if (!total || filled.length === 0) return null;
  const stated = sum(filled.map((l) => dec(l.cell)!));
  const complete = !partial && filled.length === parts.length;
  if (amountsAgree(total, whole.cell!, stated, filled.map((l) => l.cell!))) return null;
  if (!complete && stated.lt(total)) return null;
  return {
    expected: fmt(total),
    actual: fmt(stated),
    messageId: complete ? messageIds.default : messageIds.exceeds,
    params: { expected: fmt(total), actual: fmt(stated) },
    location: loc(whole.path, whole.cell),
    related: filled.map((l) => loc(l.path, l.cell)),
  };
}

/**
 * Expenditure lines add up to 支出合计; a line with an empty amount is unknown (see funds-source-sum).
 * 其中 rows and 小计 rows are no lines of their own: each 小计 is checked against the lines since the
 * previous one, and a line's 其中 rows may not add up to more than the line.
 */
export const fundsDetailSum: Rule = {
  id: 'funds-detail-sum',
  severity: 'error',
  description: { zh: '支出明细各项之和等于支出合计', en: 'the expenditure detail lines add up to the expenditure total' },
  needs: { zh: '支出明细行与支出合计', en: 'expenditure lines and their total' },
  messages: {
    default: {
      zh: '支出明细各项之和{actual}万元与支出合计{expected}万元不符',
      en: 'the expenditure lines add up to {actual} (10k yuan), the expenditure total is {expected}',
    },
    exceeds: {
      zh: '已填支出明细之和{actual}万元超过支出合计{expected}万元',
      en: 'the filled-in expenditure lines add up to {actual}, more than the total {expected}',
    },
    subtotal: {
      zh: '小计以上各项之和{actual}万元与小计{expected}万元不符',
      en: 'the lines above the subtotal add up to {actual} (10k yuan), the subtotal is {expected}',
    },
    subtotalExceeds: {
      zh: '小计以上已填各项之和{actual}万元超过小计{expected}万元',
      en: 'the filled-in lines above the subtotal add up to {actual}, more than the subtotal {expected}',
    },
    breakdown: {
      zh: '“其中”各项之和{actual}万元超过所属支出{expected}万元',
      en: 'the itemised (其中) rows add up to {actual} (10k yuan), more than their line, {expected}',
    },
  },
  applies: (ev) =>
    (ev.hunan?.expenditures?.total?.value != null && ev.hunan.expenditures.lines.some((l) => !l.kind)) ||
    (ev.hunan?.expenditures?.lines.some((l) => l.kind && l.amount?.value != null) ?? false),
  check(ev) {
    const ex = ev.hunan?.expenditures;
    if (!ex) return [];
    const out: RuleFinding[] = [];
    const own: Amount[] = [];
    let sinceSubtotal: Amount[] = [];
    let parent: Amount | null = null;
    let breakdown: Amount[] = [];
    const closeBreakdown = () => {
      const f = parent && breakdown.length ? compare(parent, breakdown, { default: 'breakdown', exceeds: 'breakdown' }, true) : null;
      if (f) out.push(f);
      breakdown = [];
    };
    ex.lines.forEach((l, i) => {
      const amount = amountOf(l, i);
      if (l.kind === 'breakdown') {
        breakdown.push(amount);
        return;
      }
      closeBreakdown();
      if (l.kind === 'subtotal') {
        const f = sinceSubtotal.length ? compare(amount, sinceSubtotal, { default: 'subtotal', exceeds: 'subtotalExceeds' }) : null;
        if (f) out.push(f);
        sinceSubtotal = [];
        parent = null;
        return;
      }
      own.push(amount);
      sinceSubtotal.push(amount);
      parent = amount;
    });
    closeBreakdown();
    const f = ex.total && own.length ? compare({ cell: ex.total, path: '/hunan/expenditures/total' }, own, { default: 'default', exceeds: 'exceeds' }) : null;
    if (f) out.push(f);
    return out;
  },
};
