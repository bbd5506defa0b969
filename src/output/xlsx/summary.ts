/** The workbook's sheet names and its summary sheet: counts by severity, rule and grade; the run's options. */
import type { Lang } from '../../model/errors.js';
import type { Severity } from '../../model/finding.js';
import type { LogTotals } from '../log-text.js';
import { ruleName } from '../rule-names.js';

export type SheetKey = 'summary' | 'reports' | 'findings' | 'funds' | 'expenditures' | 'indicators' | 'rubric';

export const SHEET_NAMES: Record<SheetKey, Record<Lang, string>> = {
  summary: { zh: '汇总', en: 'summary' },
  reports: { zh: '报告', en: 'reports' },
  findings: { zh: '核查发现', en: 'findings' },
  funds: { zh: '资金', en: 'funds' },
  expenditures: { zh: '支出明细', en: 'expenditures' },
  indicators: { zh: '绩效指标', en: 'indicators' },
  rubric: { zh: '评分表', en: 'rubric' },
};

export const SEVERITY_NAMES: Record<Severity, Record<Lang, string>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

export interface WorkbookSummary {
  version: string;
  options: Record<string, unknown>;
  totals: LogTotals;
  /** Rule id → its severity and number of findings. */
  rules: Map<string, { severity: Severity; count: number }>;
  /** Grade as printed (empty: none printed) → number of forms; failed inputs are not counted. */
  grades: Map<string, number>;
}

const T = {
  zh: {
    title: 'selfeval 核查汇总',
    version: '版本',
    option: (k: string) => `选项 ${k}`,
    byDefault: '（默认）',
    inputs: '输入文件',
    ok: '成功',
    failed: '失败',
    severity: '级别',
    count: '数量',
    rule: '规则',
    ruleName: '规则名称',
    grade: '评价等次',
    forms: '表数',
    noGrade: '（未填）',
    times: '开始与结束时间见 manifest.json',
  },
  en: {
    title: 'selfeval check summary',
    version: 'version',
    option: (k: string) => `option ${k}`,
    byDefault: '(default)',
    inputs: 'inputs',
    ok: 'ok',
    failed: 'failed',
    severity: 'severity',
    count: 'count',
    rule: 'rule',
    ruleName: 'rule name',
    grade: 'grade',
    forms: 'forms',
    noGrade: '(none printed)',
    times: 'start and end times: see manifest.json',
  },
};

export interface SummaryRow {
  cells: (string | number)[];
  heading?: boolean;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];
/** How a run was executed, not what it produced: left out, so a resumed run gives the same workbook. */
const EXECUTION_OPTIONS = new Set(['jobs', 'resume', 'timeoutSec']);

/** The command-line option each recorded run option comes from. */
const OPTION_FLAGS: Record<string, string> = { formats: '--format', lang: '--lang', failOn: '--fail-on', config: '--config', shard: '--shard' };

export function summaryRows(s: WorkbookSummary, lang: Lang): SummaryRow[] {
  const t = T[lang];
  // Options as they are given on the command line: --format json,csv rather than formats ["json","csv"].
  const option = (v: unknown) => (v === null || v === undefined ? t.byDefault : typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : JSON.stringify(v));
  const rules = [...s.rules.entries()].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a[1].severity) - SEVERITY_ORDER.indexOf(b[1].severity) || b[1].count - a[1].count || a[0].localeCompare(b[0]),
  );
  const grades = [...s.grades.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    { cells: [t.title, ''], heading: true },
    { cells: [t.version, s.version] },
    ...Object.entries(s.options)
      .filter(([k]) => !EXECUTION_OPTIONS.has(k))
      .map(([k, v]) => ({ cells: [t.option(OPTION_FLAGS[k] ?? k), option(v)] })),
    { cells: [t.times] },
    { cells: [] },
    { cells: [t.inputs, t.count], heading: true },
    { cells: [t.inputs, s.totals.files] },
    { cells: [t.ok, s.totals.ok] },
    { cells: [t.failed, s.totals.failed] },
    { cells: [] },
    { cells: [t.severity, t.count], heading: true },
    ...SEVERITY_ORDER.map((sev) => ({ cells: [SEVERITY_NAMES[sev][lang], s.totals[sev]] })),
    { cells: [] },
    { cells: [t.rule, t.ruleName, t.severity, t.count], heading: true },
    ...rules.map(([id, r]) => ({ cells: [id, ruleName(id, lang), SEVERITY_NAMES[r.severity][lang], r.count] })),
    { cells: [] },
    { cells: [t.grade, t.forms], heading: true },
    ...grades.map(([g, n]) => ({ cells: [g === '' ? t.noGrade : g, n] })),
  ];
}
