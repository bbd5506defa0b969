import { totalRow } from '../../../check/rules/funds-rows.js';
import { amountsAgree, dec, fmt } from '../../../check/arith.js';
import { loc } from '../../../check/locate.js';
import type { Rule } from '../../../check/types.js';

export const fundsDetailTotal: Rule = {
  id: 'funds-detail-total',
  severity: 'error',
  description: { zh: '支出合计等于项目基本概况中的实际支出', en: 'the expenditure total equals the amount spent in the overview' },
  needs: { zh: '支出明细的支出合计与资金情况的实际支出', en: 'the expenditure total and the amount spent in the funds grid' },
  messages: {
    default: {
      zh: '支出明细的支出合计{actual}万元与基本概况中的实际支出{expected}万元不符',
      en: 'the expenditure total {actual} (10k yuan) differs from the amount spent in the overview, {expected}',
    },
  },
  applies: (ev) => ev.hunan?.expenditures?.total?.value != null && totalRow(ev)?.row.executed?.value != null,
  check(ev) {
    const funds = totalRow(ev);
    const spentCell = funds?.row.executed;
    const totalCell = ev.hunan?.expenditures?.total;
    const spent = dec(spentCell);
    const total = dec(totalCell);
    if (!spent || !total || amountsAgree(total, totalCell!, spent, [spentCell!])) return [];
    return [
      {
        expected: fmt(spent),
        actual: fmt(total),
        params: { expected: fmt(spent), actual: fmt(total) },
        location: loc('/hunan/expenditures/total', totalCell),
        related: [loc(`${funds!.path}/executed`, spentCell)],
      },
    ];
  },
};
