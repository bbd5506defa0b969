import type { FindingLocation } from '../../../model/finding.js';
import { isEmptyMarker } from '../../../model/normalize.js';
import type { Evaluation } from '../../../model/evaluation.js';
import { loc } from '../../../check/locate.js';
import { totalRow } from '../../../check/rules/funds-rows.js';
import type { Rule, RuleFinding } from '../../../check/types.js';

interface Field {
  path: string;
  label: { zh: string; en: string };
  /** The value when present, else null (absent, blank, or an empty marker). */
  present(r: Evaluation): boolean;
  where(r: Evaluation): FindingLocation;
}

/**
 * A value is there when it was read, or when something other than an empty marker is written where it
 * could not be read (98分（扣2分）): extract-unreadable reports that one, and it is not missing.
 */
const written = (v: { value: string | null; raw: string } | null | undefined): boolean =>
  v != null && (v.value != null || !isEmptyMarker(v.raw)); // "" and blanks are empty markers too

const text = (get: (r: Evaluation) => { value: string | null; raw: string; src: object } | null | undefined, path: string, zh: string, en: string): Field => ({
  path,
  label: { zh, en },
  present: (r) => written(get(r)),
  where: (r) => loc(path, get(r) as never),
});

/** A year written in digits or Chinese numerals: the date is there, whether or not it could be read. */
const WRITES_A_YEAR = /[0-9０-９〇○零一二三四五六七八九]\s*年/u;

const FIELDS: Field[] = [
  text((r) => r.identity.projectName, '/identity/projectName', '项目名称', 'project name'),
  text((r) => r.identity.unit, '/identity/unit', '项目单位', 'project unit'),
  text((r) => r.identity.authority, '/identity/authority', '主管部门', 'supervising department'),
  {
    path: '/identity/reportDate',
    label: { zh: '报告日期', en: 'report date' },
    // An impossible date is there (date-invalid reports it), only not valid; so is a date written in a way
    // that could not be read (二〇二二年五月二十日: extract-unreadable reports it). A blank 年 月 日 is not.
    present: (r) => {
      const d = r.identity.reportDate;
      return d != null && (d.value != null || !d.valid || WRITES_A_YEAR.test(d.raw));
    },
    where: (r) => loc('/identity/reportDate', r.identity.reportDate),
  },
  text((r) => r.totals.headline, '/totals/headline', '绩效自评综合得分', 'overall self-evaluation score'),
  text((r) => r.totals.grade, '/totals/grade', '评价等次', 'grade'),
  {
    path: '/funds',
    label: { zh: '资金情况表', en: 'funds grid' },
    present: (r) => {
      const t = totalRow(r)?.row;
      return !!t && [t.budget, t.arrived, t.executed, t.balance].some((c) => c?.value != null);
    },
    where: () => ({ path: '/funds' }),
  },
];

/** No part of the 自评报告 was found (a file with only the scoring table). */
function reportPartMissing(r: Evaluation): boolean {
  const c = { ...r.identity, ...r.hunan?.cover };
  const coverEmpty = [c.projectName, c.unit, c.authority, c.reportDate, c.evaluationMethod, c.evaluationAgency].every((v) => v == null);
  return coverEmpty && r.funds == null && r.totals.headline == null && r.totals.grade == null && (r.hunan?.indicators.length ?? 0) === 0;
}

export const fieldMissing: Rule = {
  id: 'field-missing',
  severity: 'warning',
  description: { zh: '必填项齐全：项目名称、项目单位、主管部门、报告日期、综合得分、评价等次、资金情况表', en: 'required fields are present: project name, unit, supervising department, report date, overall score, grade, the funds grid' },
  needs: { zh: '（总是适用）', en: '(always applies)' },
  messages: {
    default: { zh: '缺少{field}', en: '{field} is missing' },
    part: { zh: '未找到自评报告部分（仅有评分表），无法核对{fields}', en: 'no self-evaluation report part found (only the scoring table); {fields} cannot be checked' },
  },
  applies: () => true,
  check(ev) {
    const missing = FIELDS.filter((f) => !f.present(ev));
    if (missing.length === 0) return [];
    if (reportPartMissing(ev)) {
      const fields = { zh: missing.map((f) => f.label.zh).join('、'), en: missing.map((f) => f.label.en).join(', ') };
      return [{ expected: null, actual: null, messageId: 'part', params: { fields }, location: { path: '' }, related: [] }];
    }
    return missing.map(
      (f): RuleFinding => ({ expected: null, actual: null, params: { field: f.label }, location: f.where(ev), related: [] }),
    );
  },
};
