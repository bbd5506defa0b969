import { amountsAgree, dec, fmt, sum } from '../arith.js';
import { loc, pointer } from '../locate.js';
import type { Rule, RuleFinding } from '../types.js';
import { COLUMN_LABEL } from './funds-rows.js';

const COLUMNS = ['planned', 'arrived', 'spent', 'balance'] as const;

/**
 * An empty source cell is unknown, not 0. With every source cell of a column filled the sum must equal
 * the total; with some left empty the stated sources can still not exceed it (amounts are not negative).
 */
export const fundsSourceSum: Rule = {
  id: 'funds-source-sum',
  severity: 'error',
  description: { zh: '各资金来源（中央/省/市/县市区/其它）之和等于合计（逐列）', en: 'the funds sources add up to the total, per column' },
  messages: {
    default: {
      zh: '{column}：各来源之和{actual}万元与合计{expected}万元不符',
      en: '{column}: the sources add up to {actual}, the total is {expected}',
    },
    exceeds: {
      zh: '{column}：已填来源之和{actual}万元超过合计{expected}万元',
      en: '{column}: the filled-in sources add up to {actual}, more than the total {expected}',
    },
  },
  check(report) {
    const funds = report.funds;
    const total = funds?.total;
    if (!funds || !total) return [];
    const out: RuleFinding[] = [];
    for (const col of COLUMNS) {
      const t = dec(total[col]);
      if (!t) continue;
      const cells = funds.sources.map((row, i) => ({ cell: row[col], path: pointer('funds', 'sources', i, col) }));
      const filled = cells.filter((c) => c.cell?.value != null);
      if (filled.length === 0) continue;
      const stated = sum(filled.map((c) => dec(c.cell)!));
      const complete = filled.length === cells.length;
      if (amountsAgree(t, total[col]!, stated, filled.map((c) => c.cell!))) continue;
      if (!complete && stated.lt(t)) continue;
      out.push({
        expected: fmt(t),
        actual: fmt(stated),
        messageId: complete ? 'default' : 'exceeds',
        params: { column: COLUMN_LABEL[col], expected: fmt(t), actual: fmt(stated) },
        location: loc(pointer('funds', 'total', col), total[col]),
        related: filled.map((c) => loc(c.path, c.cell)),
      });
    }
    return out;
  },
};
