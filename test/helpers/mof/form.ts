/**
 * The Ministry-of-Finance 绩效自评表 family as test data: one MofForm is everything a form prints, cell
 * by cell, as strings. The catalogue builds them from arithmetic (build.ts); the renderers (docx.ts,
 * tika.ts, html.ts) turn one into a Word file, an Apache Tika text dump and a government web page.
 */

export type MoneyUnit = '万元' | '元';

/** One funds row as printed; '' means an empty cell, '—' or '/' an empty marker. */
export interface FundsLine {
  label: string;
  initial: string;
  budget: string;
  executed: string;
  weight: string;
  rate: string;
  score: string;
}

export interface IndicatorRow {
  level1: string;
  level2: string;
  level3: string;
  /** Target as a reader would say it, e.g. '≥95%', '≤202.6万元', '=8个', '好' */
  target: string;
  /** For the split layout: 指标性质 | 指标值 | 度量单位 cells (e.g. {nature:'≥', value:'95', unit:'%'}) */
  targetParts?: { nature: string; value: string; unit: string };
  actual: string;
  weight: string;
  score: string;
  reason: string;
  /**
   * How the generator scored the row (absent on an unused slot such as a bare "指标2:", whose weight and
   * score are empty): positive ≥, reverse ≤, equal =, qualitative, or a deadline ("10月前" against "8月").
   */
  kind?: 'positive' | 'reverse' | 'equal' | 'qualitative' | 'deadline';
}

export interface MofForm {
  id: string; // e.g. 'project-road-wan'
  kind: 'project' | 'department';
  title: string; // printed title, e.g. '项目支出绩效自评表' or '部门整体支出绩效自评表'
  yearLine: string; // e.g. '（2023年度）'
  year: string; // '2023'
  projectName?: string;
  authority?: string;
  unit?: string; // project forms: 项目名称, 主管部门, 实施单位
  department?: string; // department forms: 部门（单位）名称 value
  moneyUnit: MoneyUnit; // printed in the funds label: 项目资金（万元） / 项目资金（元） / 预算资金（万元）
  funds: FundsLine[]; // first row 年度资金总额, then 其中：当年财政拨款, 上年结转资金, 其他资金
  goals: { expected: string; actual: string };
  targetLayout: 'single' | 'split';
  indicators: IndicatorRow[];
  total: { weight: string; score: string };
  grade?: { label: string; value: string }; // optional extra row, e.g. 自评等级 | 优

  /** Where the grade is printed: its own row below 总分 (default) or the last cell of the 总分 row (label not printed). */
  gradePlacement?: 'row' | 'total';
  /** A line printed above the title, e.g. '公开14表' or '附件2'. */
  caption?: string;
  /** The label of the department row: '部门（单位）名称' (default) or '部门'. */
  departmentLabel?: string;
  /** Print the funds label and the 年度总体目标 label broken over paragraphs ('项目资金' / '（万元）'). */
  brokenLabels?: boolean;
  /** The 其中 rows under a merged 其中 cell of their own, beside labels printed without 其中： (当年财政拨款 …). */
  qizhongCell?: boolean;
  /** A line printed just above the table, e.g. '金额单位：元'. */
  unitLine?: string;
  /** The funds label without its unit (项目资金): the unit is stated elsewhere, or not at all. */
  bareFundsLabel?: boolean;
  /** A note printed below the table (the template's footnote). */
  footnote?: string;
  /** Sector, for people reading the catalogue (not printed). */
  sector?: string;
}

/** The printed funds label: 项目资金（万元） for projects, 预算资金（万元） for 部门整体. */
export function fundsLabel(form: MofForm): string {
  const label = form.kind === 'project' ? '项目资金' : '预算资金';
  return form.bareFundsLabel ? label : `${label}（${form.moneyUnit}）`;
}

/** Cell texts use '\n' between paragraphs; every renderer prints one paragraph per line. */
export function paragraphsOf(text: string): string[] {
  return text.split('\n');
}
