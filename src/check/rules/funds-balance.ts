import { amountsAgree, dec, fmt } from '../arith.js';
import { loc } from '../locate.js';
import type { Rule, RuleFinding } from '../types.js';
import { fundsRows, rowLabel } from './funds-rows.js';

export const fundsBalance: Rule = {
  id: 'funds-balance',
  severity: 'error',
  description: { zh: '结余 = 实际到位资金 − 实际支出（合计行及各来源行）', en: 'balance = funds arrived − funds spent, for the total and each source row' },
  needs: { zh: '同一资金行的实际到位、实际支出与结余', en: 'arrived, spent and balance on the same funds line' },
  messages: {
    default: {
      zh: '{label}结余{actual}万元，与实际到位{arrived}万元减实际支出{spent}万元之差{expected}万元不符',
      en: '{label}: balance {actual} (10k yuan) differs from arrived {arrived} − spent {spent} = {expected}',
    },
  },
  applies: (ev) => fundsRows(ev).some(({ row }) => row.arrived?.value != null && row.executed?.value != null && row.balance?.value != null),
  check(ev) {
    const out: RuleFinding[] = [];
    for (const { row, path } of fundsRows(ev)) {
      const arrived = dec(row.arrived);
      const spent = dec(row.executed);
      const balance = dec(row.balance);
      if (!arrived || !spent || !balance) continue;
      const expected = arrived.minus(spent);
      if (amountsAgree(balance, row.balance!, expected, [row.arrived!, row.executed!])) continue;
      out.push({
        expected: fmt(expected),
        actual: fmt(balance),
        params: { label: rowLabel(row), expected: fmt(expected), actual: fmt(balance), arrived: fmt(arrived), spent: fmt(spent) },
        location: loc(`${path}/balance`, row.balance),
        related: [loc(`${path}/arrived`, row.arrived), loc(`${path}/executed`, row.executed)],
      });
    }
    return out;
  },
};
