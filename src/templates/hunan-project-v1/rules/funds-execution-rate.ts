import { totalRow } from '../../../check/rules/funds-rows.js';
import { Dec } from '../../../model/decimal.js';
import { dec, fmtRounded, percent } from '../../../check/arith.js';
import { loc } from '../../../check/locate.js';
import type { Rule } from '../../../check/types.js';

export const fundsExecutionRate: Rule = {
  id: 'funds-execution-rate',
  severity: 'info',
  description: { zh: '资金执行率（实际支出/实际到位）低于阈值（默认60%）时提示', en: 'execution rate spent/arrived, reported when below 60% (configurable)' },
  needs: { zh: '资金合计行的实际支出与实际到位', en: 'spent and arrived on the funds total line' },
  messages: {
    default: {
      zh: '资金执行率{actual}（实际支出{spent}万元/实际到位{arrived}万元），低于{threshold}%',
      en: 'execution rate {actual} (spent {spent} / arrived {arrived}, 10k yuan) is below {threshold}%',
    },
  },
  applies: (ev) => totalRow(ev)?.row.executed?.value != null && totalRow(ev)?.row.arrived?.value != null,
  check(ev, { config }) {
    const total = totalRow(ev);
    const spent = dec(total?.row.executed);
    const arrived = dec(total?.row.arrived);
    if (!spent || !arrived) return [];
    const rate = percent(spent, arrived);
    const threshold = new Dec(config.executionRateThreshold);
    if (!rate || rate.gte(threshold)) return [];
    const actual = `${fmtRounded(rate)}%`;
    return [
      {
        expected: `≥${threshold.toString()}%`,
        actual,
        params: { actual, spent: spent.toString(), arrived: arrived.toString(), threshold: threshold.toString() },
        location: loc(`${total!.path}/executed`, total!.row.executed),
        related: [loc(`${total!.path}/arrived`, total!.row.arrived)],
      },
    ];
  },
};
