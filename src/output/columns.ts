/** Every CSV file's columns: key, Chinese and English header, kind and how to read the value. */
import { Dec } from '../model/decimal.js';
import type { Finding } from '../model/finding.js';
import type { FundsRow, Indicator, Report, RubricItem } from '../model/report.js';
import type { DocumentResult } from '../model/result.js';
import type { Column } from './csv.js';

type Row<T> = { file: string; index: number; item: T };

const text = <T>(key: string, zh: string, en: string, get: (r: T) => string | null | undefined): Column<T> => ({ key, zh, en, kind: 'text', get });
const num = <T>(key: string, zh: string, en: string, get: (r: T) => string | number | null | undefined): Column<T> => ({ key, zh, en, kind: 'number', get });

function countBy(findings: Finding[], severity: Finding['severity']): number {
  return findings.filter((f) => f.severity === severity).length;
}

function itemisedSum(report: Report | null): string | null {
  const scores = report?.rubric?.items.map((i) => i.score?.value).filter((v): v is string => v != null) ?? [];
  return scores.length === 0 ? null : scores.reduce((s, v) => s.plus(v), new Dec(0)).toString();
}

export const REPORT_COLUMNS: Column<DocumentResult>[] = [
  text('file', '文件', 'file', (r) => r.file),
  text('status', '状态', 'status', (r) => r.status),
  text('error_code', '错误代码', 'error_code', (r) => r.errorCode),
  text('error', '错误信息', 'error', (r) => r.error),
  text('format', '格式', 'format', (r) => r.format),
  text('template', '模板', 'template', (r) => r.template),
  text('project_name', '项目名称', 'project_name', (r) => r.report?.cover.projectName?.value),
  text('project_unit', '项目单位', 'project_unit', (r) => r.report?.cover.projectUnit?.value),
  text('authority', '主管部门', 'authority', (r) => r.report?.cover.authority?.value),
  text('report_date', '报告日期', 'report_date', (r) => r.report?.cover.reportDate?.value ?? r.report?.cover.reportDate?.raw),
  num('planned', '计划安排资金(万元)', 'planned', (r) => r.report?.funds?.total?.planned?.value),
  num('arrived', '实际到位资金(万元)', 'arrived', (r) => r.report?.funds?.total?.arrived?.value),
  num('spent', '实际支出(万元)', 'spent', (r) => r.report?.funds?.total?.spent?.value),
  num('balance', '结余(万元)', 'balance', (r) => r.report?.funds?.total?.balance?.value),
  num('headline_score', '绩效自评综合得分', 'headline_score', (r) => r.report?.headline.score?.value),
  text('grade', '评价等次', 'grade', (r) => r.report?.headline.grade?.value),
  num('rubric_total', '评分表总分', 'rubric_total', (r) => r.report?.rubric?.claimedTotal?.value),
  num('rubric_itemised_sum', '各项自评得分之和', 'rubric_itemised_sum', (r) => itemisedSum(r.report)),
  num('rubric_items', '评分项数', 'rubric_items', (r) => (r.report?.rubric ? r.report.rubric.items.filter((i) => i.score?.value != null).length : null)),
  num('errors', '错误数', 'errors', (r) => countBy(r.findings, 'error')),
  num('warnings', '警告数', 'warnings', (r) => countBy(r.findings, 'warning')),
  num('infos', '提示数', 'infos', (r) => countBy(r.findings, 'info')),
];

export const FUNDS_COLUMNS: Column<Row<FundsRow>>[] = [
  text('file', '文件', 'file', (r) => r.file),
  text('source', '资金来源', 'source', (r) => r.item.source),
  text('label', '行标签', 'label', (r) => r.item.label),
  num('planned', '计划安排资金(万元)', 'planned', (r) => r.item.planned?.value),
  num('arrived', '实际到位资金(万元)', 'arrived', (r) => r.item.arrived?.value),
  num('spent', '实际支出(万元)', 'spent', (r) => r.item.spent?.value),
  num('balance', '结余(万元)', 'balance', (r) => r.item.balance?.value),
];

type Expenditure = NonNullable<Report['expenditures']>['lines'][number];
export const EXPENDITURE_COLUMNS: Column<Row<Expenditure | 'total'> & { amount?: string | null }>[] = [
  text('file', '文件', 'file', (r) => r.file),
  text('line', '行', 'line', (r) => (r.item === 'total' ? 'total' : String(r.index + 1))),
  text('content', '支出内容', 'content', (r) => (r.item === 'total' ? '支出合计' : r.item.content.value)),
  num('amount', '实际支出数(万元)', 'amount', (r) => (r.item === 'total' ? r.amount : r.item.amount?.value)),
  text('voucher', '会计凭证号', 'voucher', (r) => (r.item === 'total' ? null : r.item.voucher?.value)),
  text('note', '备注', 'note', (r) => (r.item === 'total' ? null : r.item.note?.value)),
];

export const INDICATOR_COLUMNS: Column<Row<Indicator>>[] = [
  text('file', '文件', 'file', (r) => r.file),
  num('index', '序号', 'index', (r) => r.index + 1),
  text('level1', '一级指标', 'level1', (r) => r.item.level1?.value),
  text('level2', '二级指标', 'level2', (r) => r.item.level2?.value),
  text('content', '指标内容', 'content', (r) => r.item.content?.value),
  text('target', '指标值', 'target', (r) => r.item.target?.value),
  num('target_number', '指标值数值', 'target_number', (r) => r.item.target?.number),
  text('target_unit', '指标值单位', 'target_unit', (r) => r.item.target?.unit),
  text('target_comparator', '比较方式', 'target_comparator', (r) => r.item.target?.comparator),
  text('actual', '实际完成值', 'actual', (r) => r.item.actual?.value),
  num('actual_number', '实际完成值数值', 'actual_number', (r) => r.item.actual?.number),
  text('actual_unit', '实际完成值单位', 'actual_unit', (r) => r.item.actual?.unit),
];

export const RUBRIC_COLUMNS: Column<Row<RubricItem>>[] = [
  text('file', '文件', 'file', (r) => r.file),
  num('index', '序号', 'index', (r) => r.index + 1),
  text('level1', '一级指标', 'level1', (r) => r.item.level1?.name.value),
  num('level1_weight', '一级分值', 'level1_weight', (r) => r.item.level1?.weight?.value),
  text('level2', '二级指标', 'level2', (r) => r.item.level2?.name.value),
  num('level2_weight', '二级分值', 'level2_weight', (r) => r.item.level2?.weight?.value),
  text('level3', '三级指标', 'level3', (r) => r.item.level3?.name.value),
  num('level3_weight', '三级分值', 'level3_weight', (r) => r.item.level3?.weight?.value),
  text('indicator', '具体指标', 'indicator', (r) => r.item.indicator?.value),
  text('criteria', '评价标准', 'criteria', (r) => r.item.criteria?.value),
  num('score', '自评得分', 'score', (r) => r.item.score?.value),
];

export const FINDING_COLUMNS: Column<Finding>[] = [
  text('file', '文件', 'file', (f) => f.file),
  text('severity', '级别', 'severity', (f) => f.severity),
  text('rule', '规则', 'rule', (f) => f.rule),
  text('message', '说明', 'message', (f) => f.message),
  text('expected', '应为', 'expected', (f) => f.expected),
  text('actual', '实为', 'actual', (f) => f.actual),
  text('path', '字段路径', 'path', (f) => f.location.path),
  num('table', '表', 'table', (f) => f.location.table),
  num('row', '行', 'row', (f) => f.location.row),
  num('col', '列', 'col', (f) => f.location.col),
  num('line', '文本行号', 'line', (f) => f.location.line),
  text('text', '原文', 'text', (f) => f.location.excerpt ?? f.location.text),
];

/** Rows of the per-item CSV files for one document. */
export function itemRows(result: DocumentResult) {
  const r = result.report;
  const file = result.file;
  const funds = r?.funds ? [...(r.funds.total ? [r.funds.total] : []), ...r.funds.sources] : [];
  const exp = r?.expenditures;
  return {
    funds: funds.map((item, index) => ({ file, index, item })),
    expenditures: [
      ...(exp?.lines ?? []).map((item, index) => ({ file, index, item }) as Row<Expenditure | 'total'>),
      ...(exp?.total ? [{ file, index: exp.lines.length, item: 'total' as const, amount: exp.total.value }] : []),
    ],
    indicators: (r?.indicators ?? []).map((item, index) => ({ file, index, item })),
    rubric: (r?.rubric?.items ?? []).map((item, index) => ({ file, index, item })),
  };
}
