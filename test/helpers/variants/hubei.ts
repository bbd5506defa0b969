/**
 * Hubei YYYY年度财政项目绩效自评表 (mof-family.md §4): 单位名称 and 填报日期 on one line above the table,
 * 预算执行情况(万元)(20分) scored 20 × min(B/A, 1), 年度绩效目标(80分) with or without a 分值 column, 自评总分.
 *
 * Grid: 9 columns with 分值 (8 without). Column 0 holds the block labels (预算执行情况(万元)(20分),
 * 年度绩效目标(80分)) merged down their blocks. Funds: row label (3) | 预算数(A) | 执行数(B) |
 * 执行率(B/A) | 得分(20分*执行率) (2 with 分值, 1 without). Indicators: 一级 | 二级 | 三级 | 年初目标值(A) |
 * 实际完成值(B) | [分值] | 得分 | 未完成原因分析. 自评总分 (6) | [100] | total | ''.
 */
import { c, D, nestedKeys, num, percent, runs, scoreLeaf, sum, type LeafSpec, type PrintedPage, type SpecCell, type TableSpec } from './common.js';

export interface HubeiFundsLine {
  label: string;
  budget: string;
  executed: string;
  rate: string;
  score: string;
}

export interface HubeiIndicator {
  level1: string;
  level2: string;
  level3: string;
  /** 年初目标值(A), comparator and unit included: '≥95%'. */
  target: string;
  /** 实际完成值(B) as printed: '98%'. */
  actual: string;
  /** 分值; '' when the form has no 分值 column. */
  weight: string;
  score: string;
  reason: string;
  kind: LeafSpec['kind'];
}

export interface HubeiForm {
  variant: 'hubei';
  id: string;
  title: string; // '2023年度财政项目绩效自评表'
  year: string;
  /** The line above the table: 单位名称：…（盖章）, two ideographic spaces, 填报日期：…. */
  unitName: string;
  filledDate: string;
  projectName: string;
  authority: string;
  unit: string;
  /** 项目类别 options as printed, ☑ on the chosen one. */
  category: string;
  fundsLabel: string; // '预算执行情况(万元)(20分)'
  /** 年度财政资金总额, then optional 其中 rows (rate and score '—'). */
  funds: HubeiFundsLine[];
  indicatorLabel: string; // '年度绩效目标(80分)'
  /** Whether the indicator block prints a 分值 column. */
  weightColumn: boolean;
  /** Without a 分值 column, each 三级 is worth 80 / n (not printed). */
  implicitWeight?: string;
  indicators: HubeiIndicator[];
  /** 自评总分: weight ('' without a 分值 column) and score. */
  total: { weight: string; score: string };
}

export interface HubeiSpec {
  id: string;
  year: string;
  unitName: string;
  filledDate: string;
  projectName: string;
  authority: string;
  unit: string;
  category: string;
  /** 其中 rows (label, A, B) in 万元; the total row is their sum. Without them, the total's own A and B. */
  components?: { label: string; budget: string; executed: string }[];
  total?: { budget: string; executed: string };
  weightColumn: boolean;
  indicators: LeafSpec[];
}

export const HUBEI_CATEGORIES = ['一般性项目', '专项项目', '基本建设项目', '其他'];
export const hubeiCategory = (chosen: string) => HUBEI_CATEGORIES.map((x) => `${x === chosen ? '☑' : '□'}${x}`).join('  ');

export function buildHubei(spec: HubeiSpec): HubeiForm {
  const parts = spec.components ?? [];
  const budget = parts.length ? sum(parts.map((p) => num(p.budget))) : num(spec.total!.budget);
  const executed = parts.length ? sum(parts.map((p) => num(p.executed))) : num(spec.total!.executed);
  const ratio = executed.div(budget);
  const rate = percent(ratio, 2);
  const score = D.min(ratio, 1).times(20).toFixed(2);
  const fromPrinted = D.min(new D(rate.slice(0, -1)).div(100), 1).times(20);
  if (fromPrinted.minus(score).abs().gt(0.005)) throw new Error(`${spec.id}: score ${score} disagrees with the printed rate ${rate}`);
  const funds: HubeiFundsLine[] = [
    { label: '年度财政资金总额', budget: budget.toFixed(2), executed: executed.toFixed(2), rate, score },
    ...parts.map((p) => ({ label: p.label, budget: num(p.budget).toFixed(2), executed: num(p.executed).toFixed(2), rate: '—', score: '—' })),
  ];
  const n = spec.indicators.length;
  const implicit = new D(80).div(n);
  if (!spec.weightColumn && !implicit.isInteger()) throw new Error(`${spec.id}: 80 / ${n} is not a whole weight`);
  const weights = spec.weightColumn ? sum(spec.indicators.map((l) => num(l.weight))) : new D(80);
  if (!weights.eq(80)) throw new Error(`${spec.id}: indicator weights add up to ${weights.toString()}, not 80`);
  const indicators = spec.indicators.map((leaf): HubeiIndicator => {
    const w = spec.weightColumn ? num(leaf.weight) : implicit;
    const s = scoreLeaf(leaf, w, 2);
    return {
      level1: leaf.l1,
      level2: leaf.l2,
      level3: leaf.l3,
      target: leaf.kind === 'qualitative' ? leaf.target! : `${leaf.cmp}${leaf.value}${leaf.unit ?? ''}`,
      actual: leaf.actual,
      weight: spec.weightColumn ? leaf.weight : '',
      score: s.toFixed(2),
      reason: leaf.reason ?? '',
      kind: leaf.kind,
    };
  });
  const total = sum([num(score), ...indicators.map((r) => num(r.score))]);
  return {
    variant: 'hubei',
    id: spec.id,
    title: `${spec.year}年度财政项目绩效自评表`,
    year: spec.year,
    unitName: spec.unitName,
    filledDate: spec.filledDate,
    projectName: spec.projectName,
    authority: spec.authority,
    unit: spec.unit,
    category: spec.category,
    fundsLabel: '预算执行情况(万元)(20分)',
    funds,
    indicatorLabel: '年度绩效目标(80分)',
    weightColumn: spec.weightColumn,
    ...(spec.weightColumn ? {} : { implicitWeight: implicit.toString() }),
    indicators,
    total: { weight: spec.weightColumn ? '100' : '', score: total.toFixed(2) },
  };
}

export function hubeiTable(form: HubeiForm): TableSpec {
  const cols = form.weightColumn ? 9 : 8;
  const rest = cols - 2;
  const rows: SpecCell[][] = [
    [c('项目名称', 2), c(form.projectName, rest)],
    [c('主管部门', 2), c(form.authority, 2), c('项目实施单位', 2), c(form.unit, cols - 6)],
    [c('项目类别', 2), c(form.category, rest)],
    [c(form.fundsLabel, 1, form.funds.length + 1), c('', 3), c('预算数(A)'), c('执行数(B)'), c('执行率(B/A)'), c('得分(20分*执行率)', cols - 7)],
    ...form.funds.map((l) => [c(l.label, 3), c(l.budget), c(l.executed), c(l.rate), c(l.score, cols - 7)]),
  ];
  const inds = form.indicators;
  const heads = ['一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', ...(form.weightColumn ? ['分值'] : []), '得分', '未完成原因分析'];
  rows.push([c(form.indicatorLabel, 1, inds.length + 1), ...heads.map((h) => c(h))]);
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
    cells.push(...[r.level3, r.target, r.actual, ...(form.weightColumn ? [r.weight] : []), r.score, r.reason].map((v) => c(v)));
    rows.push(cells);
  });
  rows.push([c('自评总分', 6), ...(form.weightColumn ? [c(form.total.weight)] : []), c(form.total.score), c('')]);
  return { cols, rows };
}

/** Two ideographic spaces between 单位名称 and 填报日期, as the printed header line. */
export const hubeiHeaderLine = (form: HubeiForm) => `单位名称：${form.unitName}（盖章）\u3000\u3000填报日期：${form.filledDate}`;

export function hubeiPage(form: HubeiForm): PrintedPage {
  return { above: [form.title, hubeiHeaderLine(form)], table: hubeiTable(form), below: [] };
}
