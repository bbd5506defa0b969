import { dec, fmt, fmtRounded, printedAgrees } from '../arith.js';
import { fractionTolerance } from '../execution.js';
import { loc } from '../locate.js';
import type { Rule, RuleFinding } from '../types.js';
import { columnLabel, fundsRows, rowLabel, totalRow, zeroOverComponents } from './funds-rows.js';

export const executionRate: Rule = {
  id: 'execution-rate',
  severity: 'error',
  description: { zh: '所填执行率 = 全年执行数 / 全年预算数 × 100（按所印精度）', en: 'the printed execution rate equals executed / budget × 100 at the printed precision' },
  needs: { zh: '同一资金行的执行率、全年预算数与全年执行数', en: 'a rate, a budget and an executed amount on the same funds line' },
  messages: {
    default: {
      zh: '{label}执行率填为{actual}%，{executed}/{budget}计算应为{expected}%',
      en: '{label}: the execution rate is printed as {actual}%, {executed}/{budget} gives {expected}%',
    },
  },
  applies: (ev) => fundsRows(ev).some(({ row }) => row.rate?.value != null && row.budget?.value != null && row.executed?.value != null),
  check(ev) {
    const out: RuleFinding[] = [];
    const total = totalRow(ev)?.row;
    for (const { row, path } of fundsRows(ev)) {
      // A 其中 line repeating the total line's rate, weight and score is the same item printed twice.
      if (total && row !== total && row.rate?.raw.trim() === total.rate?.raw.trim() && row.score?.raw.trim() === total.score?.raw.trim()) continue;
      const rate = dec(row.rate);
      const budget = dec(row.budget);
      const executed = dec(row.executed);
      // A zero budget has no rate to compute (a project added during the year prints 0).
      if (!rate || !budget || !executed || budget.isZero()) continue;
      // A total misprinted as 0 over filled 其中 lines is funds-source-sum's finding, not an amount.
      if (zeroOverComponents(ev, row, 'executed') || zeroOverComponents(ev, row, 'budget')) continue;
      const computed = executed.div(budget).times(100);
      if (printedAgrees(computed, row.rate!, fractionTolerance(row.rate!.raw))) continue;
      const expected = fmtRounded(computed, row.rate!.decimals ?? 2);
      out.push({
        expected,
        actual: fmt(rate),
        params: {
          label: rowLabel(row),
          actual: fmt(rate),
          expected,
          executed: { zh: `${columnLabel(ev, 'executed').zh}${fmt(executed)}`, en: `executed ${fmt(executed)}` },
          budget: { zh: `${columnLabel(ev, 'budget').zh}${fmt(budget)}`, en: `budget ${fmt(budget)}` },
        },
        location: loc(`${path}/rate`, row.rate),
        related: [loc(`${path}/executed`, row.executed), loc(`${path}/budget`, row.budget)],
      });
    }
    return out;
  },
};
