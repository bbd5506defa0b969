import { amountsAgree, dec, fmt } from '../arith.js';
import { loc } from '../locate.js';
import type { Rule, RuleFinding } from '../types.js';
import { fundsRows, rowLabel } from './funds-rows.js';

export const fundsOverrun: Rule = {
  id: 'funds-overrun',
  severity: 'warning',
  description: { zh: '实际支出超过实际到位资金，或实际到位资金超过计划安排资金', en: 'spent more than arrived, or more arrived than planned' },
  messages: {
    spent: {
      zh: '{label}实际支出{actual}万元超过实际到位资金{expected}万元',
      en: '{label}: spent {actual} (10k yuan), more than the {expected} that arrived',
    },
    arrived: {
      zh: '{label}实际到位资金{actual}万元超过计划安排资金{expected}万元',
      en: '{label}: {actual} (10k yuan) arrived, more than the {expected} planned',
    },
  },
  check(report) {
    const out: RuleFinding[] = [];
    // A source row's overrun that already shows in the total row is the same fact: reported once.
    const fired = new Set<string>();
    for (const { row, path } of fundsRows(report)) {
      const pairs = [
        { id: 'spent', big: 'spent', limit: 'arrived' },
        { id: 'arrived', big: 'arrived', limit: 'planned' },
      ] as const;
      for (const p of pairs) {
        const bigCell = row[p.big];
        const limitCell = row[p.limit];
        const big = dec(bigCell);
        const limit = dec(limitCell);
        if (!big || !limit || big.lte(limit) || amountsAgree(big, bigCell!, limit, [limitCell!])) continue;
        if (row.source !== 'total' && fired.has(p.id)) continue;
        if (row.source === 'total') fired.add(p.id);
        out.push({
          expected: `≤${fmt(limit)}`,
          actual: fmt(big),
          messageId: p.id,
          params: { label: rowLabel(row), expected: fmt(limit), actual: fmt(big) },
          location: loc(`${path}/${p.big}`, bigCell),
          related: [loc(`${path}/${p.limit}`, limitCell)],
        });
      }
    }
    return out;
  },
};
