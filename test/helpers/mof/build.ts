/**
 * Builds a clean MofForm from what a unit decides (amounts per source, indicators with target, actual
 * and weight) by the formulas of mof-family.md §5, in decimal arithmetic: totals are the sums of the
 * 其中 rows, 执行率 and the execution score follow from the totals, every indicator score from its
 * target and actual, the 总分 from the scores and the grade from the 总分. Anything a clean form may
 * not contain (a score below weight without a reason, weights not adding up to 100, a qualitative
 * score outside its band) throws, so the catalogue cannot drift into inconsistency.
 */
import { Decimal } from 'decimal.js';
import type { FundsLine, IndicatorRow, MofForm, MoneyUnit } from './form.js';

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type D = Decimal;

export interface Amounts {
  initial?: string;
  budget: string;
  executed: string;
}

/** A 其中 row: amounts in the form's unit, or an empty marker printed in each amount cell. */
export type ComponentSpec = Amounts | '—' | '/' | '';

export interface FundsSpec {
  unit: MoneyUnit;
  /** Decimals printed in amounts. */
  decimals: number;
  /** Thousands separators (1,256,000.00). */
  thousands?: boolean;
  rateDecimals: number;
  scoreDecimals: number;
  /** Budget-execution weight (default 10). */
  weight?: string;
  /** 年初预算数 left empty on every row (a project added during the year). */
  initialEmpty?: boolean;
  /** What the 分值/执行率/得分 cells of the 其中 rows print; 'repeat' repeats them on 当年财政拨款. */
  componentMarker: '—' | '/' | '' | 'repeat';
  /** 当年财政拨款, 上年结转资金, 其他资金. */
  components: [ComponentSpec, ComponentSpec, ComponentSpec];
  /** Printed labels of the four rows (default 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金). */
  labels?: [string, string, string, string];
}

export interface IndSpec {
  l1: string;
  l2: string;
  l3: string;
  kind: 'positive' | 'reverse' | 'equal' | 'qualitative' | 'deadline' | 'slot';
  /** Printed comparator of a quantitative target: ≥ ≧ ＞ 不低于 ≤ 不超过 = ﹦ ═. */
  cmp?: string;
  value?: string;
  unit?: string;
  /** Qualitative or deadline target text ('好', '10月前'). */
  target?: string;
  /** Printed actual; a quantitative one is read as its first number. */
  actual?: string;
  weight?: string;
  /** Qualitative score (checked against the band its verdict states). */
  score?: string;
  reason?: string;
}

export interface FormSpec {
  id: string;
  sector: string;
  kind: 'project' | 'department';
  year: string;
  /** 'plain': 项目支出绩效自评表 + （2023年度）; 'half': (2023年度); 'yearFirst': 2023年度项目支出绩效自评表 with no year line. */
  titleStyle?: 'plain' | 'half' | 'yearFirst';
  projectName?: string;
  authority?: string;
  unit?: string;
  department?: string;
  departmentLabel?: string;
  funds: FundsSpec;
  goals: { expected: string; actual: string };
  layout: 'single' | 'split';
  indicators: IndSpec[];
  /** The 偏差原因 cell of a row scored full: '', '无' or '/'. */
  fullReason?: string;
  /** Print each 一级 label with its weight: 产出指标(50分). */
  groupWeights?: boolean;
  grade?: { label: string; long?: boolean; placement?: 'row' | 'total' };
  caption?: string;
  brokenLabels?: boolean;
  footnote?: string;
}

const num = (s: string) => new D(s.replace(/,/gu, ''));

/** The first number in a printed value ('96.5%' → 96.5, '1,200.00元' → 1200). */
export function firstNumber(printed: string): D {
  const m = /\d[\d,]*(?:\.\d+)?/u.exec(printed);
  if (!m) throw new Error(`no number in ${JSON.stringify(printed)}`);
  return num(m[0]);
}

export function fmtAmount(x: D, decimals: number, thousands = false): string {
  const s = x.toFixed(decimals);
  if (!thousands) return s;
  const [int, frac] = s.split('.');
  return int!.replace(/\B(?=(\d{3})+(?!\d))/gu, ',') + (frac !== undefined ? `.${frac}` : '');
}

function buildFunds(f: FundsSpec): FundsLine[] {
  const labels = f.labels ?? ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'];
  const weight = f.weight ?? '10';
  const amount = (x: D) => fmtAmount(x, f.decimals, f.thousands);
  const sum = (pick: (a: Amounts) => string | undefined) =>
    f.components.reduce((acc: D, comp) => (typeof comp === 'string' ? acc : acc.plus(num(pick(comp) ?? '0'))), new D(0));
  const budget = sum((a) => a.budget);
  const executed = sum((a) => a.executed);
  const ratio = executed.div(budget);
  const rate = `${ratio.times(100).toFixed(f.rateDecimals)}%`;
  const score = D.min(ratio, 1).times(num(weight)).toFixed(f.scoreDecimals);
  // A clean form's score must also agree with the rate as printed, whichever of the two a checker uses.
  const fromPrinted = D.min(new D(rate.slice(0, -1)).div(100), 1).times(num(weight));
  if (fromPrinted.minus(score).abs().gt(new D(10).pow(-f.scoreDecimals).div(2))) throw new Error(`execution score ${score} disagrees with the printed rate ${rate}`);
  const total: FundsLine = {
    label: labels[0],
    initial: f.initialEmpty ? '' : amount(sum((a) => a.initial)),
    budget: amount(budget),
    executed: amount(executed),
    weight,
    rate,
    score,
  };
  const lines = f.components.map((comp, i): FundsLine => {
    const marker = f.componentMarker === 'repeat' ? '—' : f.componentMarker;
    const base = { label: labels[i + 1]!, weight: marker, rate: marker, score: marker };
    if (typeof comp === 'string') return { ...base, initial: comp, budget: comp, executed: comp };
    if (f.initialEmpty && comp.initial !== undefined) throw new Error('年初预算数 is empty on this form');
    const line = { ...base, initial: f.initialEmpty ? '' : amount(num(comp.initial ?? '0')), budget: amount(num(comp.budget)), executed: amount(num(comp.executed)) };
    if (i === 0 && f.componentMarker === 'repeat') {
      if (!num(comp.budget).eq(budget) || !num(comp.executed).eq(executed)) throw new Error('a repeated execution score needs 当年财政拨款 = 年度资金总额');
      return { ...line, weight, rate, score };
    }
    return line;
  });
  return [total, ...lines];
}

/** Score of a quantitative or deadline indicator at the printed precision. */
function formulaScore(ind: IndSpec, w: D, dp: number): D {
  if (ind.kind === 'deadline') {
    const due = firstNumber(ind.target!);
    const done = firstNumber(ind.actual!);
    if (done.gt(due)) throw new Error(`${ind.l3}: a missed deadline is not a clean row`);
    return w;
  }
  const a = num(ind.value!);
  const b = firstNumber(ind.actual!);
  const round = (x: D) => new D(x.toFixed(dp));
  switch (ind.kind) {
    case 'equal':
      if (a.isZero()) return b.lte(0) ? w : new D(0);
      return b.gte(a) ? w : round(b.div(a).times(w));
    case 'positive':
      return b.gte(a) ? w : round(b.div(a).times(w));
    case 'reverse': {
      if (b.lte(a)) return w;
      const notes = round(a.div(b).times(w));
      const system = b.gte(a.times(2)) ? new D(0) : D.max(0, new D(1).minus(b.minus(a).div(a))).times(w);
      const half = new D(10).pow(-dp).div(2);
      if (notes.minus(system).abs().gt(half)) throw new Error(`${ind.l3}: the two reverse formulas disagree at the printed precision`);
      return notes;
    }
    default:
      throw new Error(`${ind.l3}: not a formula kind`);
  }
}

/** Whether a quantitative target is missed (positive/equal: B < A; reverse: B > A; equal to 0: B > 0). */
function missed(ind: IndSpec): boolean {
  const a = num(ind.value!);
  const b = firstNumber(ind.actual!);
  if (ind.kind === 'reverse' || (ind.kind === 'equal' && a.isZero())) return b.gt(a);
  return b.lt(a);
}

/** The band a qualitative verdict states (mof-family §5). */
function band(actual: string, w: D): [D, D] {
  if (/^未达成/u.test(actual)) return [new D(0), w.times(0.6)];
  if (/^部分达成/u.test(actual)) return [w.times(0.6), w.times(0.8)];
  return [w.times(0.8), w];
}

function buildIndicator(spec: FormSpec, ind: IndSpec, groupWeight: string | undefined): IndicatorRow {
  const l1 = groupWeight !== undefined ? `${ind.l1}(${groupWeight}分)` : ind.l1;
  if (ind.kind === 'slot') return { level1: l1, level2: ind.l2, level3: ind.l3, target: '', ...(spec.layout === 'split' ? { targetParts: { nature: '', value: '', unit: '' } } : {}), actual: '', weight: '', score: '', reason: '' };
  const dp = spec.funds.scoreDecimals;
  const w = num(ind.weight!);
  let score: D;
  if (ind.kind === 'qualitative') {
    score = num(ind.score ?? ind.weight!);
    const [lo, hi] = band(ind.actual!, w);
    if (score.lt(lo) || score.gt(hi) || (score.eq(hi) && hi.lt(w))) throw new Error(`${ind.l3}: score outside the band of "${ind.actual}"`);
  } else {
    score = formulaScore(ind, w, dp);
    if (ind.kind !== 'deadline' && missed(ind) && score.gte(w)) throw new Error(`${ind.l3}: a missed target rounds to full marks; choose other numbers`);
  }
  const reason = score.lt(w) ? ind.reason : (ind.reason ?? spec.fullReason ?? '');
  if (score.lt(w) && !reason) throw new Error(`${ind.l3}: a score below weight needs a deviation reason`);
  const quantitative = ind.kind === 'positive' || ind.kind === 'reverse' || ind.kind === 'equal';
  const target = quantitative ? `${ind.cmp}${ind.value}${ind.unit ?? ''}` : ind.target!;
  const row: IndicatorRow = { level1: l1, level2: ind.l2, level3: ind.l3, target, actual: ind.actual!, weight: ind.weight!, score: score.toFixed(dp), reason: reason!, kind: ind.kind as NonNullable<IndicatorRow['kind']> };
  if (spec.layout === 'split') row.targetParts = quantitative ? { nature: ind.cmp!, value: ind.value!, unit: ind.unit ?? '' } : { nature: '定性', value: ind.target!, unit: '' };
  return row;
}

const GRADES: [number, string, string][] = [
  [90, '优', '优秀'],
  [80, '良', '良好'],
  [60, '中', '中等'],
  [0, '差', '较差'],
];

export function gradeOf(total: D, long = false): string {
  const g = GRADES.find(([min]) => total.gte(min))!;
  return long ? g[2] : g[1];
}

export function buildForm(spec: FormSpec): MofForm {
  const funds = buildFunds(spec.funds);
  const groupWeights = new Map<string, D>();
  for (const ind of spec.indicators) if (ind.weight) groupWeights.set(ind.l1, (groupWeights.get(ind.l1) ?? new D(0)).plus(num(ind.weight)));
  const indicators = spec.indicators.map((ind) => buildIndicator(spec, ind, spec.groupWeights ? groupWeights.get(ind.l1)?.toString() : undefined));
  const weightSum = [...groupWeights.values()].reduce((a, b) => a.plus(b), num(funds[0]!.weight));
  if (!weightSum.eq(100)) throw new Error(`${spec.id}: weights add up to ${weightSum.toString()}, not 100`);
  const scored = [funds[0]!.score, ...indicators.map((r) => r.score)].filter((s) => s !== '');
  const total = scored.reduce((a, s) => a.plus(num(s)), new D(0));
  const dp = spec.funds.scoreDecimals;
  const titleText = spec.kind === 'project' ? '项目支出绩效自评表' : '部门整体支出绩效自评表';
  const style = spec.titleStyle ?? 'plain';
  const form: MofForm = {
    id: spec.id,
    kind: spec.kind,
    title: style === 'yearFirst' ? `${spec.year}年度${titleText}` : titleText,
    yearLine: style === 'yearFirst' ? '' : style === 'half' ? `(${spec.year}年度)` : `（${spec.year}年度）`,
    year: spec.year,
    moneyUnit: spec.funds.unit,
    funds,
    goals: spec.goals,
    targetLayout: spec.layout,
    indicators,
    total: { weight: '100', score: total.toFixed(dp) },
    sector: spec.sector,
  };
  if (spec.kind === 'project') Object.assign(form, { projectName: spec.projectName, authority: spec.authority, unit: spec.unit });
  else Object.assign(form, { department: spec.department, ...(spec.departmentLabel ? { departmentLabel: spec.departmentLabel } : {}) });
  if (spec.grade) {
    // A grade printed in the 总分 row has no label of its own.
    const inTotal = spec.grade.placement === 'total';
    form.grade = { label: inTotal ? '' : spec.grade.label, value: gradeOf(total, spec.grade.long) };
    if (spec.grade.placement) form.gradePlacement = spec.grade.placement;
  }
  if (spec.caption) form.caption = spec.caption;
  if (spec.brokenLabels) form.brokenLabels = true;
  if (spec.footnote) form.footnote = spec.footnote;
  return form;
}
