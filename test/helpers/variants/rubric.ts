/**
 * 决策/管理(过程)/产出/效益 rubric tables used as a project's 自评表 (mof-family.md §1): a city's own
 * 一级 weights (10/25/30/35, 20/25/55), 预算执行率 as a 三级 item under 管理, the amounts and the rate in a
 * line above the table, a "自评得分：NN分" line above the table and a 合计/总分 row.
 *
 * Grid of 8 columns: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评价标准 | 自评得分; 一级 and its 分值,
 * 二级 and its 分值 merged down their leaves. Total row: label (5) | 100 | '' | total.
 */
import { c, D, nestedKeys, num, percent, runs, sum, type PrintedPage, type SpecCell, type TableSpec } from './common.js';

export interface RubricRow {
  level1: string;
  weight1: string;
  level2: string;
  weight2: string;
  level3: string;
  weight3: string;
  criteria: string;
  score: string;
  /** The 预算执行率 item, scored weight × min(rate, 1). */
  execution?: boolean;
}

export interface RubricForm {
  variant: 'rubric';
  id: string;
  title: string;
  year: string;
  projectName: string;
  unit: string;
  /** 全年预算数, 全年执行数 (万元) and the printed rate, stated in `fundsLine`. */
  budget: string;
  executed: string;
  rate: string;
  fundsLine: string;
  /** The stated score above the table and its number. */
  headline: string;
  headlineScore: string;
  rows: RubricRow[];
  total: { label: '合计' | '总分'; weight: string; score: string };
}

export interface RubricLeafSpec {
  l3: string;
  weight: string;
  /** The unit's score; absent on the execution item (derived). */
  score?: string;
  execution?: boolean;
  criteria?: string;
}

export interface RubricSpec {
  id: string;
  year: string;
  projectName: string;
  unit: string;
  budget: string;
  executed: string;
  scoreDecimals: number;
  totalLabel: '合计' | '总分';
  groups: { l1: string; items: { l2: string; leaves: RubricLeafSpec[] }[] }[];
}

export const EXECUTION_CRITERIA = '预算执行率=实际支出资金/实际到位资金×100%；得分=预算执行率×该指标分值，最高不超过分值';
const defaultCriteria = (l3: string) => `${l3}符合要求的得满分，存在问题的酌情扣分`;

export function buildRubric(spec: RubricSpec): RubricForm {
  const dp = spec.scoreDecimals;
  const budget = num(spec.budget);
  const executed = num(spec.executed);
  const ratio = executed.div(budget);
  const rate = percent(ratio, 2);
  const rows: RubricRow[] = [];
  for (const g of spec.groups) {
    const w1 = sum(g.items.flatMap((i) => i.leaves.map((l) => num(l.weight))));
    for (const item of g.items) {
      const w2 = sum(item.leaves.map((l) => num(l.weight)));
      for (const leaf of item.leaves) {
        const w = num(leaf.weight);
        const s = leaf.execution ? new D(D.min(ratio, 1).times(w).toFixed(dp)) : num(leaf.score!);
        if (leaf.execution && D.min(new D(rate.slice(0, -1)).div(100), 1).times(w).minus(s).abs().gt(new D(10).pow(-dp).div(2))) throw new Error(`${spec.id}: execution score disagrees with ${rate}`);
        if (s.lt(0) || s.gt(w)) throw new Error(`${spec.id}: ${leaf.l3} scores ${s.toString()} of ${leaf.weight}`);
        rows.push({
          level1: g.l1,
          weight1: w1.toString(),
          level2: item.l2,
          weight2: w2.toString(),
          level3: leaf.l3,
          weight3: leaf.weight,
          criteria: leaf.criteria ?? (leaf.execution ? EXECUTION_CRITERIA : defaultCriteria(leaf.l3)),
          score: s.toFixed(dp),
          ...(leaf.execution ? { execution: true } : {}),
        });
      }
    }
  }
  const weights = sum(rows.map((r) => num(r.weight3)));
  if (!weights.eq(100)) throw new Error(`${spec.id}: weights add up to ${weights.toString()}`);
  if (rows.filter((r) => r.execution).length !== 1) throw new Error(`${spec.id}: one 预算执行率 item`);
  const total = sum(rows.map((r) => num(r.score))).toFixed(dp);
  return {
    variant: 'rubric',
    id: spec.id,
    title: `${spec.year}年度${spec.projectName}绩效自评表`,
    year: spec.year,
    projectName: spec.projectName,
    unit: spec.unit,
    budget: budget.toFixed(2),
    executed: executed.toFixed(2),
    rate,
    fundsLine: `资金情况：全年预算数${budget.toFixed(2)}万元，全年执行数${executed.toFixed(2)}万元，预算执行率${rate}。`,
    headline: `自评得分：${total}分`,
    headlineScore: total,
    rows,
    total: { label: spec.totalLabel, weight: '100', score: total },
  };
}

export function rubricTable(form: RubricForm): TableSpec {
  const rows: SpecCell[][] = [['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '评价标准', '自评得分'].map((h) => c(h))];
  const k1 = form.rows.map((r) => r.level1);
  const l1 = runs(k1);
  const l2 = runs(
    nestedKeys(
      k1,
      form.rows.map((r) => r.level2),
    ),
  );
  form.rows.forEach((r, i) => {
    const cells: SpecCell[] = [];
    if (l1[i]) cells.push(c(r.level1, 1, l1[i]), c(r.weight1, 1, l1[i]));
    if (l2[i]) cells.push(c(r.level2, 1, l2[i]), c(r.weight2, 1, l2[i]));
    cells.push(c(r.level3), c(r.weight3), c(r.criteria), c(r.score));
    rows.push(cells);
  });
  rows.push([c(form.total.label, 5), c(form.total.weight), c(''), c(form.total.score)]);
  return { cols: 8, rows };
}

export function rubricPage(form: RubricForm): PrintedPage {
  return {
    above: [form.title, `项目名称：${form.projectName}\u3000\u3000实施单位：${form.unit}`, form.fundsLine, form.headline],
    table: rubricTable(form),
    below: [],
  };
}
