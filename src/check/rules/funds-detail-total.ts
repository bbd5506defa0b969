import { amountsAgree, dec, fmt } from '../arith.js';
import { loc } from '../locate.js';
import type { Rule } from '../types.js';

export const fundsDetailTotal: Rule = {
  id: 'funds-detail-total',
  severity: 'error',
  description: { zh: '支出合计等于项目基本概况中的实际支出', en: 'the expenditure total equals the amount spent in the overview' },
  messages: {
    default: {
      zh: '支出明细的支出合计{actual}万元与基本概况中的实际支出{expected}万元不符',
      en: 'the expenditure total {actual} (10k yuan) differs from the amount spent in the overview, {expected}',
    },
  },
  check(report) {
    const spentCell = report.funds?.total?.spent;
    const totalCell = report.expenditures?.total;
    const spent = dec(spentCell);
    const total = dec(totalCell);
    if (!spent || !total || amountsAgree(total, totalCell!, spent, [spentCell!])) return [];
    return [
      {
        expected: fmt(spent),
        actual: fmt(total),
        params: { expected: fmt(spent), actual: fmt(total) },
        location: loc('/expenditures/total', totalCell),
        related: [loc('/funds/total/spent', spentCell)],
      },
    ];
  },
};
