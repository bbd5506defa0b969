/**
 * Anhui 绩效目标自评表 (衔接资金 and county project forms, mof-family.md §4): 分值 BEFORE 年度指标值, 全年实际值,
 * group weights in the 一级 label (产出指标(50分)), ★ on key indicators, unweighted 其中 sub-rows, '……'
 * placeholders, no 年初预算数, 总分 | 100 | total and a footnote.
 *
 * Grid of 9 columns, column 0 holding 资金情况(万元) / 年度总体目标 / 绩效指标 merged down their blocks.
 * Funds: row label (3) | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分. Indicators: 一级 | 二级 |
 * 三级 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施. 总分 (4) | 100 | total (4).
 */
import { c, D, nestedKeys, num, percent, runs, scoreLeaf, sum, type LeafSpec, type PrintedPage, type SpecCell, type TableSpec } from './common.js';

export interface AnhuiFundsLine {
  label: string;
  budget: string;
  executed: string;
  weight: string;
  rate: string;
  score: string;
}

export interface AnhuiRow {
  /** An indicator; a 其中 sub-row (a breakdown of the indicator above, no 分值/得分); a '……' placeholder. */
  role: 'indicator' | 'sub' | 'placeholder';
  level1: string; // with its weight: 产出指标(50分)
  level2: string;
  level3: string; // ★ first on a key indicator
  weight: string;
  target: string;
  actual: string;
  score: string;
  reason: string;
  kind?: LeafSpec['kind'];
}

export interface AnhuiForm {
  variant: 'anhui';
  id: string;
  title: string; // '绩效目标自评表'
  yearLine: string; // '（2023年度）'
  year: string;
  projectName: string;
  /** 项目负责人及电话: name and phone. */
  leader: string;
  authority: string;
  unit: string;
  fundsLabel: string; // '资金情况(万元)'
  /** 年度资金总额:, 其中:本年财政拨款, 其他资金. */
  funds: AnhuiFundsLine[];
  goals: { set: string; summary: string };
  rows: AnhuiRow[];
  total: { weight: string; score: string };
  footnote: string;
}

export type AnhuiRowSpec = { leaf: LeafSpec; key?: boolean } | { sub: { l1: string; l2: string; l3: string; target: string; actual: string } } | { placeholder: { l1: string; l2: string } };

export interface AnhuiSpec {
  id: string;
  year: string;
  projectName: string;
  leader: string;
  authority: string;
  unit: string;
  /** 本年财政拨款 and 其他资金, (A) and (B) in 万元. */
  components: [{ budget: string; executed: string }, { budget: string; executed: string }];
  scoreDecimals: number;
  goals: { set: string; summary: string };
  rows: AnhuiRowSpec[];
}

export const ANHUI_GROUP_WEIGHTS: Record<string, string> = { 产出指标: '50', 效益指标: '30', 满意度指标: '10' };

export const ANHUI_FOOTNOTE =
  '注：1.预算执行率10分，产出指标50分，效益指标30分，满意度指标10分，一级指标分值平均分配到所属三级指标。' +
  '2.定性指标按“达成年度指标”“部分达成年度指标并具有一定效果”“未达成年度指标且效果较差”三档，分别按该指标分值的100%-80%（含）、80%-60%（含）、60%-0%评分。';

export function buildAnhui(spec: AnhuiSpec): AnhuiForm {
  const dp = spec.scoreDecimals;
  const [gov, other] = spec.components;
  const budget = num(gov.budget).plus(num(other.budget));
  const executed = num(gov.executed).plus(num(other.executed));
  const ratio = executed.div(budget);
  const rate = percent(ratio, 2);
  const score = D.min(ratio, 1).times(10).toFixed(dp);
  const fromPrinted = D.min(new D(rate.slice(0, -1)).div(100), 1).times(10);
  if (fromPrinted.minus(score).abs().gt(new D(10).pow(-dp).div(2))) throw new Error(`${spec.id}: score ${score} disagrees with the printed rate ${rate}`);
  const funds: AnhuiFundsLine[] = [
    { label: '年度资金总额:', budget: budget.toFixed(2), executed: executed.toFixed(2), weight: '10', rate, score },
    { label: '其中:本年财政拨款', budget: num(gov.budget).toFixed(2), executed: num(gov.executed).toFixed(2), weight: '—', rate: '—', score: '—' },
    { label: '其他资金', budget: num(other.budget).toFixed(2), executed: num(other.executed).toFixed(2), weight: '—', rate: '—', score: '—' },
  ];
  const groups = new Map<string, D>();
  for (const r of spec.rows) if ('leaf' in r) groups.set(r.leaf.l1, (groups.get(r.leaf.l1) ?? new D(0)).plus(num(r.leaf.weight)));
  for (const [l1, w] of groups) if (ANHUI_GROUP_WEIGHTS[l1] !== w.toString()) throw new Error(`${spec.id}: ${l1} weighs ${w.toString()}`);
  const label = (l1: string) => `${l1}(${ANHUI_GROUP_WEIGHTS[l1]}分)`;
  const rows = spec.rows.map((r): AnhuiRow => {
    if ('sub' in r) return { role: 'sub', level1: label(r.sub.l1), level2: r.sub.l2, level3: r.sub.l3, weight: '', target: r.sub.target, actual: r.sub.actual, score: '', reason: '' };
    if ('placeholder' in r) return { role: 'placeholder', level1: label(r.placeholder.l1), level2: r.placeholder.l2, level3: '……', weight: '', target: '', actual: '', score: '', reason: '' };
    const leaf = r.leaf;
    const s = scoreLeaf(leaf, num(leaf.weight), dp);
    return {
      role: 'indicator',
      level1: label(leaf.l1),
      level2: leaf.l2,
      level3: `${r.key ? '★' : ''}${leaf.l3}`,
      weight: leaf.weight,
      target: leaf.kind === 'qualitative' ? leaf.target! : `${leaf.cmp}${leaf.value}${leaf.unit ?? ''}`,
      actual: leaf.actual,
      score: s.toFixed(dp),
      reason: leaf.reason ?? '',
      kind: leaf.kind,
    };
  });
  const total = sum([num(score), ...rows.filter((r) => r.role === 'indicator').map((r) => num(r.score))]);
  return {
    variant: 'anhui',
    id: spec.id,
    title: '绩效目标自评表',
    yearLine: `（${spec.year}年度）`,
    year: spec.year,
    projectName: spec.projectName,
    leader: spec.leader,
    authority: spec.authority,
    unit: spec.unit,
    fundsLabel: '资金情况(万元)',
    funds,
    goals: spec.goals,
    rows,
    total: { weight: '100', score: total.toFixed(dp) },
    footnote: ANHUI_FOOTNOTE,
  };
}

export function anhuiTable(form: AnhuiForm): TableSpec {
  const rows: SpecCell[][] = [
    [c('项目名称'), c(form.projectName, 3), c('项目负责人及电话', 2), c(form.leader, 3)],
    [c('主管部门'), c(form.authority, 3), c('实施单位', 2), c(form.unit, 3)],
    [c(form.fundsLabel, 1, form.funds.length + 1), c('', 3), ...['全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'].map((h) => c(h))],
    ...form.funds.map((l) => [c(l.label, 3), ...[l.budget, l.executed, l.weight, l.rate, l.score].map((v) => c(v))]),
    [c('年度总体目标', 1, 2), c('年初设定目标', 4), c('年度总体目标完成情况综述', 4)],
    [c(form.goals.set, 4), c(form.goals.summary, 4)],
  ];
  const inds = form.rows;
  rows.push([c('绩效指标', 1, inds.length + 1), ...['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因及拟采取的改进措施'].map((h) => c(h))]);
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
    cells.push(...[r.level3, r.weight, r.target, r.actual, r.score, r.reason].map((v) => c(v)));
    rows.push(cells);
  });
  rows.push([c('总分', 4), c(form.total.weight), c(form.total.score, 4)]);
  return { cols: 9, rows };
}

export function anhuiPage(form: AnhuiForm): PrintedPage {
  return { above: [form.title, form.yearLine], table: anhuiTable(form), below: [form.footnote] };
}
