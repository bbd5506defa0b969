import { Dec } from '../../model/decimal.js';
import { dec, fmtRounded, percent } from '../arith.js';
import { loc } from '../locate.js';
import type { Rule } from '../types.js';

export const fundsExecutionRate: Rule = {
  id: 'funds-execution-rate',
  severity: 'info',
  description: { zh: '资金执行率（实际支出/实际到位）低于阈值（默认60%）时提示', en: 'execution rate spent/arrived, reported when below 60% (configurable)' },
  messages: {
    default: {
      zh: '资金执行率{actual}（实际支出{spent}万元/实际到位{arrived}万元），低于{threshold}%',
      en: 'execution rate {actual} (spent {spent} / arrived {arrived}, 10k yuan) is below {threshold}%',
    },
  },
  check(report, { config }) {
    const total = report.funds?.total;
    const spent = dec(total?.spent);
    const arrived = dec(total?.arrived);
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
        location: loc('/funds/total/spent', total!.spent),
        related: [loc('/funds/total/arrived', total!.arrived)],
      },
    ];
  },
};
