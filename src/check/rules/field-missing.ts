import type { FindingLocation } from '../../model/finding.js';
import type { Report } from '../../model/report.js';
import { loc } from '../locate.js';
import type { Rule, RuleFinding } from '../types.js';

interface Field {
  path: string;
  label: { zh: string; en: string };
  /** The value when present, else null (absent, blank, or an empty marker). */
  present(r: Report): boolean;
  where(r: Report): FindingLocation;
}

const text = (get: (r: Report) => { value: string | null; raw: string; src: object } | null | undefined, path: string, zh: string, en: string): Field => ({
  path,
  label: { zh, en },
  present: (r) => get(r)?.value != null,
  where: (r) => loc(path, get(r) as never),
});

const FIELDS: Field[] = [
  text((r) => r.cover.projectName, '/cover/projectName', '项目名称', 'project name'),
  text((r) => r.cover.projectUnit, '/cover/projectUnit', '项目单位', 'project unit'),
  text((r) => r.cover.authority, '/cover/authority', '主管部门', 'supervising department'),
  {
    path: '/cover/reportDate',
    label: { zh: '报告日期', en: 'report date' },
    // An impossible date is there (date-invalid reports it), only not valid.
    present: (r) => r.cover.reportDate != null && (r.cover.reportDate.value != null || !r.cover.reportDate.valid),
    where: (r) => loc('/cover/reportDate', r.cover.reportDate),
  },
  text((r) => r.headline.score, '/headline/score', '绩效自评综合得分', 'overall self-evaluation score'),
  text((r) => r.headline.grade, '/headline/grade', '评价等次', 'grade'),
  {
    path: '/funds',
    label: { zh: '资金情况表', en: 'funds grid' },
    present: (r) => {
      const t = r.funds?.total;
      return !!t && [t.planned, t.arrived, t.spent, t.balance].some((c) => c?.value != null);
    },
    where: () => ({ path: '/funds' }),
  },
];

/** No part of the 自评报告 was found (a file with only the scoring table). */
function reportPartMissing(r: Report): boolean {
  const c = r.cover;
  const coverEmpty = [c.projectName, c.projectUnit, c.authority, c.reportDate, c.evaluationMethod, c.evaluationAgency].every((v) => v == null);
  return coverEmpty && r.funds == null && r.headline.score == null && r.headline.grade == null && r.indicators.length === 0;
}

export const fieldMissing: Rule = {
  id: 'field-missing',
  severity: 'warning',
  description: { zh: '必填项齐全：项目名称、项目单位、主管部门、报告日期、综合得分、评价等次、资金情况表', en: 'required fields are present: project name, unit, supervising department, report date, overall score, grade, the funds grid' },
  messages: {
    default: { zh: '缺少{field}', en: '{field} is missing' },
    part: { zh: '未找到自评报告部分（仅有评分表），无法核对{fields}', en: 'no self-evaluation report part found (only the scoring table); {fields} cannot be checked' },
  },
  check(report) {
    const missing = FIELDS.filter((f) => !f.present(report));
    if (missing.length === 0) return [];
    if (reportPartMissing(report)) {
      const fields = { zh: missing.map((f) => f.label.zh).join('、'), en: missing.map((f) => f.label.en).join(', ') };
      return [{ expected: null, actual: null, messageId: 'part', params: { fields }, location: { path: '' }, related: [] }];
    }
    return missing.map(
      (f): RuleFinding => ({ expected: null, actual: null, params: { field: f.label }, location: f.where(report), related: [] }),
    );
  },
};
