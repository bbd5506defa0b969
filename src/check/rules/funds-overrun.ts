import { amountsAgree, dec, fmt } from '../arith.js';
import { loc } from '../locate.js';
import type { Rule, RuleFinding } from '../types.js';
import type { FundsLine, MoneyColumn } from '../../model/evaluation.js';
import { columnLabel, fundsRows, rowLabel } from './funds-rows.js';

/**
 * What may not exceed what. Where the form prints what arrived, spending is held against it and the
 * arrivals against the budget; a form without an arrived column (the MoF 自评表) holds the executed
 * amount against the full-year budget.
 */
const PAIRS: { id: string; big: MoneyColumn; limit: MoneyColumn; when: (row: FundsLine) => boolean }[] = [
  { id: 'spent', big: 'executed', limit: 'arrived', when: () => true },
  { id: 'arrived', big: 'arrived', limit: 'budget', when: () => true },
  { id: 'executed', big: 'executed', limit: 'budget', when: (row) => row.arrived?.value == null },
];

export const fundsOverrun: Rule = {
  id: 'funds-overrun',
  severity: 'warning',
  description: { zh: '实际支出超过实际到位资金，或实际到位资金超过计划安排资金；无到位数的表：全年执行数超过全年预算数', en: 'spent more than arrived, or more arrived than planned; where no arrived figure is printed, executed more than budgeted' },
  needs: { zh: '资金行的预算（计划）、到位或执行数', en: 'two of budget, arrived and executed on a funds line' },
  messages: {
    spent: {
      zh: '{label}实际支出{actual}万元超过实际到位资金{expected}万元',
      en: '{label}: spent {actual} (10k yuan), more than the {expected} that arrived',
    },
    arrived: {
      zh: '{label}实际到位资金{actual}万元超过计划安排资金{expected}万元',
      en: '{label}: {actual} (10k yuan) arrived, more than the {expected} planned',
    },
    executed: {
      zh: '{label}{big}{actual}万元超过{limit}{expected}万元',
      en: '{label}: {big} {actual} (10k yuan), more than the {limit} {expected}',
    },
  },
  applies: (ev) => fundsRows(ev).some(({ row }) => PAIRS.some((p) => p.when(row) && row[p.big]?.value != null && row[p.limit]?.value != null)),
  check(ev) {
    const out: RuleFinding[] = [];
    // A source row's overrun that already shows in the total row is the same fact: reported once.
    const fired = new Set<string>();
    for (const { row, path } of fundsRows(ev)) {
      for (const p of PAIRS) {
        if (!p.when(row)) continue;
        const bigCell = row[p.big];
        const limitCell = row[p.limit];
        const big = dec(bigCell);
        const limit = dec(limitCell);
        if (!big || !limit || big.lte(limit) || amountsAgree(big, bigCell!, limit, [limitCell!])) continue;
        if (row.role !== 'total' && fired.has(p.id)) continue;
        if (row.role === 'total') fired.add(p.id);
        out.push({
          expected: `≤${fmt(limit)}`,
          actual: fmt(big),
          messageId: p.id,
          params: { label: rowLabel(row), expected: fmt(limit), actual: fmt(big), big: columnLabel(ev, p.big), limit: columnLabel(ev, p.limit) },
          location: loc(`${path}/${p.big}`, bigCell),
          related: [loc(`${path}/${p.limit}`, limitCell)],
        });
      }
    }
    return out;
  },
};
