import { amountsAgree, dec, fmt, sum } from '../../../check/arith.js';
import { loc, pointer } from '../../../check/locate.js';
import type { Rule } from '../../../check/types.js';

/** Expenditure lines add up to 支出合计; a line with an empty amount is unknown (see funds-source-sum). */
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
  },
  applies: (ev) => ev.hunan?.expenditures?.total?.value != null && ev.hunan.expenditures.lines.length > 0,
  check(ev) {
    const ex = ev.hunan?.expenditures;
    const total = dec(ex?.total);
    if (!ex || !total) return [];
    const lines = ex.lines.map((l, i) => ({ cell: l.amount, path: pointer('hunan', 'expenditures', 'lines', i, 'amount') }));
    const filled = lines.filter((l) => l.cell?.value != null);
    if (filled.length === 0) return [];
    const stated = sum(filled.map((l) => dec(l.cell)!));
    const complete = filled.length === lines.length;
    if (amountsAgree(total, ex.total!, stated, filled.map((l) => l.cell!))) return [];
    if (!complete && stated.lt(total)) return [];
    return [
      {
        expected: fmt(total),
        actual: fmt(stated),
        messageId: complete ? 'default' : 'exceeds',
        params: { expected: fmt(total), actual: fmt(stated) },
        location: loc('/hunan/expenditures/total', ex.total),
        related: filled.map((l) => loc(l.path, l.cell)),
      },
    ];
  },
};
