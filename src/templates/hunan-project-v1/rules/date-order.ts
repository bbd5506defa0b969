import type { DateValue } from '../../../model/values.js';
import { loc } from '../../../check/locate.js';
import type { Rule, RuleFinding } from '../../../check/types.js';

/** a is before b at the precision both carry ("2020-08" vs "2020-08-15" compare by month). */
function before(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

function usable(d: DateValue | null | undefined): d is DateValue & { value: string } {
  return !!d && d.valid && d.value !== null;
}

export const dateOrder: Rule = {
  id: 'date-order',
  severity: 'warning',
  description: { zh: '项目结束时间不早于开始时间；报告日期晚于项目开始时间', en: 'period end ≥ start; report date after the period start' },
  needs: { zh: '项目起止时间或报告日期', en: 'the project period or the report date' },
  messages: {
    period: {
      zh: '项目结束时间{actual}早于开始时间{expected}',
      en: 'the period ends {actual}, before it starts ({expected})',
    },
    report: {
      zh: '报告日期{actual}早于项目开始时间{expected}',
      en: 'the report date {actual} is before the period start {expected}',
    },
  },
  applies: (ev) => ev.hunan?.overview.period != null,
  check(ev) {
    const out: RuleFinding[] = [];
    const period = ev.hunan?.overview.period;
    const start = period?.start;
    const end = period?.end;
    if (usable(start) && usable(end) && before(end.value, start.value)) {
      out.push({
        expected: `≥${start.value}`,
        actual: end.value,
        messageId: 'period',
        params: { expected: start.value, actual: end.value },
        location: loc('/hunan/overview/period/end', end),
        related: [loc('/hunan/overview/period/start', start)],
      });
    }
    const date = ev.identity.reportDate;
    if (usable(start) && usable(date) && before(date.value, start.value)) {
      out.push({
        expected: `≥${start.value}`,
        actual: date.value,
        messageId: 'report',
        params: { expected: start.value, actual: date.value },
        location: loc('/identity/reportDate', date),
        related: [loc('/hunan/overview/period/start', start)],
      });
    }
    return out;
  },
};
