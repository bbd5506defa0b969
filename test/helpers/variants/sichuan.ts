/**
 * Sichuan 部门预算项目支出绩效自评表 (报表编号 510000_0013zp, mof-family.md §4): the printed form, its
 * builder (every rate, score and total derived by §5 in decimal arithmetic) and its table.
 *
 * Grid of 11 columns: a block label in column 0 (项目基本情况 / 预算执行情况(10分) / 绩效指标(90分), merged
 * down its block), then 10 columns. 预算执行情况: 年度预算数(万元) (2) | 年初预算 | 调整后预算数 | 预算执行数 |
 * 预算执行率 | 权重 | 得分 | 原因 (2, merged down the five amount rows, holding the printed rule).
 * 绩效指标: 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析.
 */
import { c, D, nestedKeys, num, percent, runs, scoreLeaf, sum, type LeafSpec, type PrintedPage, type SpecCell, type TableSpec } from './common.js';

export interface SichuanFundsLine {
  label: string;
  initial: string;
  adjusted: string;
  executed: string;
  rate: string;
  weight: string;
  score: string;
}

export interface SichuanIndicator {
  level1: string;
  level2: string;
  level3: string;
  /** 指标性质: =, ≥, ≤ or 定性. */
  nature: string;
  value: string;
  unit: string;
  actual: string;
  weight: string;
  score: string;
  reason: string;
  kind: LeafSpec['kind'];
}

export interface SichuanForm {
  variant: 'sichuan';
  id: string;
  reportNo: string; // '报表编号:510000_0013zp'
  title: string; // '部门预算项目支出绩效自评表'
  yearLine: string; // '（2023年度）'
  year: string;
  projectName: string;
  authority: string;
  unit: string;
  /** 1.项目年度目标完成情况: 项目年度目标 | 年度目标完成情况. */
  goals: { target: string; done: string };
  /** 2.项目实施内容及过程概述. */
  process: string;
  fundsLabel: string; // '预算执行情况(10分)'
  /** 总额, then 其中:财政资金, 财政专户管理资金, 单位资金, 其他资金. */
  funds: SichuanFundsLine[];
  /** The 原因 cell: the printed rule, and a reason when the rate is below 90%. */
  fundsReason: string;
  indicatorLabel: string; // '绩效指标(90分)'
  indicators: SichuanIndicator[];
  /** 合计: the weight total (100), then the score total ('' on a weight-only form). */
  total: { weight: string; score: string };
  conclusion: string;
  problems: string;
  measures: string;
  projectLeader: string;
  financeLeader: string;
}

export interface SichuanAmounts {
  initial: string;
  adjusted: string;
  executed: string;
}

export interface SichuanSpec {
  id: string;
  year: string;
  projectName: string;
  authority: string;
  unit: string;
  goals: { target: string; done: string };
  process: string;
  /** 财政资金, 财政专户管理资金, 单位资金, 其他资金 in 万元. */
  components: [SichuanAmounts, SichuanAmounts, SichuanAmounts, SichuanAmounts];
  scoreDecimals: number;
  /** Printed after the rule in the 原因 cell (needed when the rate is below 90%). */
  fundsReason?: string;
  indicators: LeafSpec[];
  conclusion: string;
  problems: string;
  measures: string;
  projectLeader: string;
  financeLeader: string;
}

export const SICHUAN_REPORT_NO = '报表编号:510000_0013zp';
export const SICHUAN_RATE_RULE = '预算执行率=预算执行数/调整后预算数×100%\n预算执行率低于90%的，需说明原因';
export const SICHUAN_COMPONENTS = ['其中:财政资金', '财政专户管理资金', '单位资金', '其他资金'] as const;

const money = (x: D) => x.toFixed(2);

function buildFunds(spec: SichuanSpec): SichuanFundsLine[] {
  const col = (k: keyof SichuanAmounts) => sum(spec.components.map((a) => num(a[k])));
  const rateOf = (adjusted: D, executed: D) => (adjusted.isZero() ? '0.00%' : percent(executed.div(adjusted), 2));
  const adjusted = col('adjusted');
  const executed = col('executed');
  const ratio = executed.div(adjusted);
  if (ratio.lt(0.9) && !spec.fundsReason) throw new Error(`${spec.id}: a rate below 90% needs a reason`);
  const rate = rateOf(adjusted, executed);
  const score = D.min(ratio, 1).times(10).toFixed(spec.scoreDecimals);
  const fromPrinted = D.min(new D(rate.slice(0, -1)).div(100), 1).times(10);
  if (fromPrinted.minus(score).abs().gt(new D(10).pow(-spec.scoreDecimals).div(2))) throw new Error(`${spec.id}: score ${score} disagrees with the printed rate ${rate}`);
  const total: SichuanFundsLine = { label: '总额', initial: money(col('initial')), adjusted: money(adjusted), executed: money(executed), rate, weight: '10', score };
  const parts = spec.components.map(
    (a, i): SichuanFundsLine => ({
      label: SICHUAN_COMPONENTS[i]!,
      initial: money(num(a.initial)),
      adjusted: money(num(a.adjusted)),
      executed: money(num(a.executed)),
      rate: rateOf(num(a.adjusted), num(a.executed)),
      weight: '/',
      score: '/',
    }),
  );
  return [total, ...parts];
}

export function buildSichuan(spec: SichuanSpec): SichuanForm {
  const funds = buildFunds(spec);
  const weights = sum(spec.indicators.map((l) => num(l.weight)));
  if (!weights.eq(90)) throw new Error(`${spec.id}: indicator weights add up to ${weights.toString()}, not 90`);
  const indicators = spec.indicators.map((leaf): SichuanIndicator => {
    const s = scoreLeaf(leaf, num(leaf.weight), spec.scoreDecimals);
    const quantitative = leaf.kind !== 'qualitative';
    return {
      level1: leaf.l1,
      level2: leaf.l2,
      level3: leaf.l3,
      nature: quantitative ? leaf.cmp! : '定性',
      value: quantitative ? leaf.value! : leaf.target!,
      unit: quantitative ? (leaf.unit ?? '') : '',
      actual: leaf.actual,
      weight: leaf.weight,
      score: s.toFixed(spec.scoreDecimals),
      reason: s.lt(num(leaf.weight)) ? leaf.reason! : (leaf.reason ?? ''),
      kind: leaf.kind,
    };
  });
  if (indicators.some((r) => r.kind !== 'qualitative' && !/^\d/u.test(r.actual))) throw new Error(`${spec.id}: 完成值 is printed as a bare number`);
  const scoreTotal = sum([num(funds[0]!.score), ...indicators.map((r) => num(r.score))]);
  return {
    variant: 'sichuan',
    id: spec.id,
    reportNo: SICHUAN_REPORT_NO,
    title: '部门预算项目支出绩效自评表',
    yearLine: `（${spec.year}年度）`,
    year: spec.year,
    projectName: spec.projectName,
    authority: spec.authority,
    unit: spec.unit,
    goals: spec.goals,
    process: spec.process,
    fundsLabel: '预算执行情况(10分)',
    funds,
    fundsReason: spec.fundsReason ? `${SICHUAN_RATE_RULE}\n${spec.fundsReason}` : SICHUAN_RATE_RULE,
    indicatorLabel: '绩效指标(90分)',
    indicators,
    total: { weight: '100', score: scoreTotal.toFixed(spec.scoreDecimals) },
    conclusion: spec.conclusion,
    problems: spec.problems,
    measures: spec.measures,
    projectLeader: spec.projectLeader,
    financeLeader: spec.financeLeader,
  };
}

const COLS = 11;

export function sichuanTable(form: SichuanForm): TableSpec {
  const rows: SpecCell[][] = [
    [c('项目基本情况', 1, 6), c('项目名称', 2), c(form.projectName, 8)],
    [c('主管部门', 2), c(form.authority, 3), c('实施单位', 2), c(form.unit, 3)],
    [c('1.项目年度目标完成情况', 10)],
    [c('项目年度目标', 5), c('年度目标完成情况', 5)],
    [c(form.goals.target, 5), c(form.goals.done, 5)],
    [c('2.项目实施内容及过程概述', 2), c(form.process, 8)],
    [c(form.fundsLabel, 1, form.funds.length + 1), c('年度预算数(万元)', 2), ...['年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分'].map((h) => c(h)), c('原因', 2)],
  ];
  form.funds.forEach((line, i) => {
    const cells = [c(line.label, 2), ...[line.initial, line.adjusted, line.executed, line.rate, line.weight, line.score].map((v) => c(v))];
    if (i === 0) cells.push(c(form.fundsReason, 2, form.funds.length));
    rows.push(cells);
  });
  const inds = form.indicators;
  rows.push([c(form.indicatorLabel, 1, inds.length + 1), ...['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'].map((h) => c(h))]);
  const l1 = runs(inds.map((r) => r.level1));
  const l2 = runs(
    nestedKeys(
      inds.map((r) => r.level1),
      inds.map((r) => r.level2),
    ),
  );
  inds.forEach((r, i) => {
    const cells: SpecCell[] = [];
    if (l1[i]) cells.push(c(r.level1, 1, l1[i]));
    if (l2[i]) cells.push(c(r.level2, 1, l2[i]));
    cells.push(...[r.level3, r.nature, r.value, r.unit, r.actual, r.weight, r.score, r.reason].map((v) => c(v)));
    rows.push(cells);
  });
  rows.push([c('合计', 8), c(form.total.weight), c(form.total.score), c('')]);
  rows.push([c('评价结论', 2), c(form.conclusion, 9)]);
  rows.push([c('存在问题', 2), c(form.problems, 9)]);
  rows.push([c('改进措施', 2), c(form.measures, 9)]);
  rows.push([c('项目负责人', 2), c(form.projectLeader, 3), c('财务负责人', 2), c(form.financeLeader, 4)]);
  return { cols: COLS, rows };
}

export function sichuanPage(form: SichuanForm): PrintedPage {
  return { above: [form.reportNo, form.title, form.yearLine], table: sichuanTable(form), below: [] };
}
