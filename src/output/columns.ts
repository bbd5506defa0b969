/** Every CSV file's columns: key, Chinese and English header, kind and how to read the value. */
import { describeLocation } from '../check/describe.js';
import { executionItem } from '../check/execution.js';
import { singleNumber } from '../check/measure.js';
import { Dec } from '../model/decimal.js';
import { totalLine, type Evaluation, type FundsLine, type Indicator } from '../model/evaluation.js';
import type { Finding } from '../model/finding.js';
import type { PerformanceIndicator } from '../model/hunan.js';
import type { DocumentResult } from '../model/result.js';
import type { Lang } from '../model/errors.js';
import type { Column } from './csv.js';
import { ruleName } from './rule-names.js';

type Row<T> = { file: string; part: number; index: number; item: T };

/** One row of reports.csv: an evaluation of a processed file, or a file that gave none (ev null). */
export interface ReportRow {
  result: DocumentResult;
  ev: Evaluation | null;
  /** The findings this row counts: its part's, and on the first row those of the file as a whole. */
  findings: Finding[];
}

const text = <T>(key: string, zh: string, en: string, get: (r: T) => string | null | undefined): Column<T> => ({ key, zh, en, kind: 'text', get });
const num = <T>(key: string, zh: string, en: string, get: (r: T) => string | number | null | undefined): Column<T> => ({ key, zh, en, kind: 'number', get });

function countBy(row: ReportRow, severity: Finding['severity']): number | null {
  // A file that was not processed has no findings to count: empty, not 0.
  if (row.result.status !== 'ok') return null;
  return row.findings.filter((f) => f.severity === severity).length;
}

/** Every printed item score added up, the budget-execution score included; null when none is printed. */
function itemisedSum(ev: Evaluation | null): string | null {
  if (!ev) return null;
  const scores = [executionItem(ev)?.score?.value, ...ev.indicators.map((i) => i.score?.value)].filter((v): v is string => v != null);
  return scores.length === 0 ? null : scores.reduce((s, v) => s.plus(v), new Dec(0)).toString();
}

const total = (ev: Evaluation | null): FundsLine | undefined => totalLine(ev?.funds);

export const REPORT_COLUMNS: Column<ReportRow>[] = [
  text('file', '文件', 'file', (r) => r.result.file),
  num('part', '表序号', 'part', (r) => r.ev?.part),
  text('status', '状态', 'status', (r) => r.result.status),
  text('error_code', '错误代码', 'error_code', (r) => r.result.errorCode),
  text('error', '错误信息', 'error', (r) => r.result.error),
  text('format', '格式', 'format', (r) => r.result.format),
  text('template', '模板', 'template', (r) => r.ev?.template),
  text('project_name', '项目名称', 'project_name', (r) => r.ev?.identity.projectName?.value),
  text('project_unit', '项目单位', 'project_unit', (r) => r.ev?.identity.unit?.value),
  text('authority', '主管部门', 'authority', (r) => r.ev?.identity.authority?.value),
  text('report_date', '报告日期', 'report_date', (r) => r.ev?.identity.reportDate?.value ?? r.ev?.identity.reportDate?.raw),
  num('planned', '计划安排资金(万元)', 'planned', (r) => total(r.ev)?.budget?.value),
  num('arrived', '实际到位资金(万元)', 'arrived', (r) => total(r.ev)?.arrived?.value),
  num('spent', '实际支出(万元)', 'spent', (r) => total(r.ev)?.executed?.value),
  num('balance', '结余(万元)', 'balance', (r) => total(r.ev)?.balance?.value),
  num('headline_score', '绩效自评综合得分', 'headline_score', (r) => r.ev?.totals.headline?.value),
  text('grade', '评价等次', 'grade', (r) => r.ev?.totals.grade?.value),
  num('rubric_total', '评分表总分', 'rubric_total', (r) => r.ev?.totals.score?.value),
  num('rubric_itemised_sum', '各项自评得分之和', 'rubric_itemised_sum', (r) => itemisedSum(r.ev)),
  num('rubric_items', '评分项数', 'rubric_items', (r) => (r.ev && r.ev.indicators.length > 0 ? r.ev.indicators.filter((i) => i.score?.value != null).length : null)),
  text('kind', '表类型', 'kind', (r) => r.ev?.kind),
  text('year', '年度', 'year', (r) => r.ev?.identity.year?.value),
  num('budget_initial', '年初预算数(万元)', 'budget_initial', (r) => total(r.ev)?.initialBudget?.value),
  num('execution_rate', '执行率(%)', 'execution_rate', (r) => (r.ev ? executionItem(r.ev)?.rate?.value : null)),
  num('execution_weight', '预算执行分值', 'execution_weight', (r) => (r.ev ? executionItem(r.ev)?.weight?.value : null)),
  num('execution_score', '预算执行得分', 'execution_score', (r) => (r.ev ? executionItem(r.ev)?.score?.value : null)),
  num('weight_total', '总分分值', 'weight_total', (r) => r.ev?.totals.weight?.value),
  text('complete', '表格完整', 'complete', (r) => (r.ev ? String(r.ev.complete) : null)),
  num('errors', '错误数', 'errors', (r) => countBy(r, 'error')),
  num('warnings', '警告数', 'warnings', (r) => countBy(r, 'warning')),
  num('infos', '提示数', 'infos', (r) => countBy(r, 'info')),
];

export const FUNDS_COLUMNS: Column<Row<FundsLine>>[] = [
  text('file', '文件', 'file', (r) => r.file),
  num('part', '表序号', 'part', (r) => r.part),
  text('source', '资金来源', 'source', (r) => r.item.source),
  text('label', '行标签', 'label', (r) => r.item.label),
  num('planned', '计划安排资金(万元)', 'planned', (r) => r.item.budget?.value),
  num('arrived', '实际到位资金(万元)', 'arrived', (r) => r.item.arrived?.value),
  num('spent', '实际支出(万元)', 'spent', (r) => r.item.executed?.value),
  num('balance', '结余(万元)', 'balance', (r) => r.item.balance?.value),
  num('budget_initial', '年初预算数(万元)', 'budget_initial', (r) => r.item.initialBudget?.value),
  num('execution_rate', '执行率(%)', 'execution_rate', (r) => r.item.rate?.value),
  num('weight', '分值', 'weight', (r) => r.item.weight?.value),
  num('score', '得分', 'score', (r) => r.item.score?.value),
];

type Expenditure = NonNullable<NonNullable<Evaluation['hunan']>['expenditures']>['lines'][number];
export const EXPENDITURE_COLUMNS: Column<Row<Expenditure | 'total'> & { amount?: string | null }>[] = [
  text('file', '文件', 'file', (r) => r.file),
  num('part', '表序号', 'part', (r) => r.part),
  text('line', '行', 'line', (r) => (r.item === 'total' ? 'total' : String(r.index + 1))),
  text('content', '支出内容', 'content', (r) => (r.item === 'total' ? '支出合计' : r.item.content.value)),
  num('amount', '实际支出数(万元)', 'amount', (r) => (r.item === 'total' ? r.amount : r.item.amount?.value)),
  text('voucher', '会计凭证号', 'voucher', (r) => (r.item === 'total' ? null : r.item.voucher?.value)),
  text('note', '备注', 'note', (r) => (r.item === 'total' ? null : r.item.note?.value)),
  // Which rows add up: `line` rows do; a `breakdown` (其中) itemises the line above it and a `subtotal`
  // (小计) the lines before it, so summing the amount column over every row would count them twice.
  text('kind', '行类型', 'kind', (r) => (r.item === 'total' ? 'total' : (r.item.kind ?? 'line'))),
];

/** An indicators.csv row: the Hunan report's indicator table row, or a scored indicator of a form. */
type IndicatorRow = Row<{ level1: string | null | undefined; level2: string | null | undefined; content: string | null | undefined; row: PerformanceIndicator | Indicator; scored: Indicator | null }>;

export const INDICATOR_COLUMNS: Column<IndicatorRow>[] = [
  text('file', '文件', 'file', (r) => r.file),
  num('part', '表序号', 'part', (r) => r.part),
  num('index', '序号', 'index', (r) => r.index + 1),
  text('level1', '一级指标', 'level1', (r) => r.item.level1),
  text('level2', '二级指标', 'level2', (r) => r.item.level2),
  text('content', '指标内容', 'content', (r) => r.item.content),
  text('target', '指标值', 'target', (r) => r.item.row.target?.value),
  // Only a single number: the first of a range (90%-95%) or of a sentence would read as the target.
  num('target_number', '指标值数值', 'target_number', (r) => singleNumber(r.item.row.target)),
  text('target_unit', '指标值单位', 'target_unit', (r) => r.item.row.target?.unit),
  text('target_comparator', '比较方式', 'target_comparator', (r) => r.item.row.target?.comparator),
  text('actual', '实际完成值', 'actual', (r) => r.item.row.actual?.value),
  num('actual_number', '实际完成值数值', 'actual_number', (r) => singleNumber(r.item.row.actual)),
  text('actual_unit', '实际完成值单位', 'actual_unit', (r) => r.item.row.actual?.unit),
  num('weight', '分值', 'weight', (r) => r.item.scored?.weight?.value),
  num('score', '得分', 'score', (r) => r.item.scored?.score?.value),
  text('deviation_reason', '偏差原因', 'deviation_reason', (r) => r.item.scored?.deviationReason?.value),
];

/** A level's weight column: the group weight printed on that level, or the item's own at its deepest level. */
function levelWeight(item: Indicator, level: 1 | 2 | 3): string | null | undefined {
  const deepest = item.level3 ? 3 : item.level2 ? 2 : 1;
  return level === deepest ? item.weight?.value : [item.level1, item.level2, item.level3][level - 1]?.weight?.value;
}

export const RUBRIC_COLUMNS: Column<Row<Indicator>>[] = [
  text('file', '文件', 'file', (r) => r.file),
  num('part', '表序号', 'part', (r) => r.part),
  num('index', '序号', 'index', (r) => r.index + 1),
  text('level1', '一级指标', 'level1', (r) => r.item.level1?.name.value),
  num('level1_weight', '一级分值', 'level1_weight', (r) => levelWeight(r.item, 1)),
  text('level2', '二级指标', 'level2', (r) => r.item.level2?.name.value),
  num('level2_weight', '二级分值', 'level2_weight', (r) => levelWeight(r.item, 2)),
  text('level3', '三级指标', 'level3', (r) => r.item.level3?.name.value),
  num('level3_weight', '三级分值', 'level3_weight', (r) => levelWeight(r.item, 3)),
  text('indicator', '具体指标', 'indicator', (r) => r.item.indicator?.value),
  text('criteria', '评价标准', 'criteria', (r) => r.item.criteria?.value),
  num('score', '自评得分', 'score', (r) => r.item.score?.value),
];

/** A discrepancies.csv row: the finding with its form's project name, rule name and place in words. */
export interface FindingRow {
  finding: Finding;
  project: string | null | undefined;
  ruleName: string;
  where: string;
}

/** A 0-based grid index counted from 1 for people (CSV, workbook); JSON keeps the 0-based pointer. */
const fromOne = (n: number | undefined) => (n === undefined ? null : n + 1);

export const FINDING_COLUMNS: Column<FindingRow>[] = [
  text('file', '文件', 'file', (r) => r.finding.file),
  text('project_name', '项目名称', 'project_name', (r) => r.project),
  num('part', '表序号', 'part', (r) => r.finding.part),
  text('severity', '级别', 'severity', (r) => r.finding.severity),
  text('rule', '规则', 'rule', (r) => r.finding.rule),
  text('rule_name', '规则名称', 'rule_name', (r) => r.ruleName),
  text('message', '说明', 'message', (r) => r.finding.message),
  text('expected', '应为', 'expected', (r) => r.finding.expected),
  text('actual', '实为', 'actual', (r) => r.finding.actual),
  text('location', '位置', 'location', (r) => r.where),
  text('path', '字段路径', 'path', (r) => r.finding.location.path),
  num('table', '表', 'table', (r) => fromOne(r.finding.location.table)),
  num('row', '行', 'row', (r) => fromOne(r.finding.location.row)),
  num('col', '列', 'col', (r) => fromOne(r.finding.location.col)),
  num('line', '文本行号', 'line', (r) => r.finding.location.line),
  text('text', '原文', 'text', (r) => r.finding.location.excerpt ?? r.finding.location.text),
  text('id', '编号', 'id', (r) => r.finding.id),
];

/** discrepancies.csv rows of one input, in the run's language. */
export function findingRows(result: DocumentResult, lang: Lang): FindingRow[] {
  return result.findings.map((finding) => {
    const ev = result.evaluations.find((e) => e.part === finding.part) ?? null;
    return { finding, project: ev?.identity.projectName?.value, ruleName: ruleName(finding.rule, lang), where: describeLocation(finding.location, ev, lang) };
  });
}

/** reports.csv rows of one input: one per evaluation; a file with none is one row without a part. */
export function reportRows(result: DocumentResult): ReportRow[] {
  if (result.evaluations.length === 0) return [{ result, ev: null, findings: result.findings }];
  return result.evaluations.map((ev, i) => ({
    result,
    ev,
    findings: result.findings.filter((f) => f.part === ev.part || (i === 0 && f.part === null)),
  }));
}

/** Rows of the per-item CSV files for one document, part by part. */
export function itemRows(result: DocumentResult) {
  const file = result.file;
  const rows = {
    funds: [] as Row<FundsLine>[],
    expenditures: [] as (Row<Expenditure | 'total'> & { amount?: string | null })[],
    indicators: [] as IndicatorRow[],
    rubric: [] as Row<Indicator>[],
  };
  for (const ev of result.evaluations) {
    const part = ev.part;
    (ev.funds?.lines ?? []).forEach((item, index) => rows.funds.push({ file, part, index, item }));
    const exp = ev.hunan?.expenditures;
    (exp?.lines ?? []).forEach((item, index) => rows.expenditures.push({ file, part, index, item }));
    if (exp?.total) rows.expenditures.push({ file, part, index: exp.lines.length, item: 'total', amount: exp.total.value });
    // The Hunan report's indicator table is apart from its scoring table; other forms score their indicators.
    if (ev.hunan) {
      ev.hunan.indicators.forEach((row, index) =>
        rows.indicators.push({ file, part, index, item: { level1: row.level1?.value, level2: row.level2?.value, content: row.content?.value, row, scored: null } }),
      );
    } else {
      // Items with a target or an actual are indicators; a scoring table's items (criteria only) are rubric rows.
      ev.indicators.forEach((row, index) => {
        if (row.target === null && row.actual === null) return;
        rows.indicators.push({ file, part, index, item: { level1: row.level1?.name.value, level2: row.level2?.name.value, content: row.level3?.name.value, row, scored: row } });
      });
    }
    ev.indicators.forEach((item, index) => rows.rubric.push({ file, part, index, item }));
  }
  return rows;
}
