/**
 * What a reader must extract from a clean MofForm, derived from the form as printed and from the
 * meanings of mof-family.md §2–§3, §6 and SPEC "Values" / "Several forms per file" — never from the
 * reader's own output. Amounts are 万元 decimal strings (元 ÷ 10000), empty markers are null, numbers
 * keep the decimals they are printed with.
 */
import { D } from '../helpers/mof/build.js';
import type { FundsLine, IndicatorRow, MofForm } from '../helpers/mof/form.js';

export type Comparator = '<=' | '>=' | '<' | '>' | '=';

/** A text cell: value null for the empty markers of SPEC "Values". */
export interface ExpText {
  value: string | null;
  raw: string;
}
export interface ExpNumber {
  value: string | null;
  decimals: number | null;
  raw: string;
}
export interface ExpMoney extends ExpNumber {
  unit: '元' | '万元' | null;
}
export interface ExpMeasure {
  value: string | null;
  raw: string;
  number: string | null;
  unit: string | null;
  comparator: Comparator | null;
}

export interface ExpFundsLine {
  role: 'total' | 'component';
  source: 'total' | 'current' | 'carryover' | 'other';
  label: string;
  initialBudget: ExpMoney;
  budget: ExpMoney;
  executed: ExpMoney;
  rate: ExpNumber;
  weight: ExpNumber;
  score: ExpNumber;
}

export interface ExpIndicator {
  /** The printed 三级 label, for messages. */
  label: string;
  level1: { name: ExpText; weight: ExpNumber | null };
  level2: ExpText;
  level3: ExpText;
  weight: ExpNumber;
  score: ExpNumber;
  target: ExpMeasure;
  targetParts: { nature: ExpText; value: ExpText; unit: ExpText } | null;
  actual: ExpMeasure;
  deviationReason: ExpText;
  verdict: 'met' | 'partial' | 'missed' | null;
}

export interface ExpEvaluation {
  template: 'mof-project' | 'mof-department';
  kind: 'project' | 'department';
  identity: {
    title: ExpText;
    year: ExpText;
    projectName: ExpText | null;
    unit: ExpText;
    authority: ExpText | null;
  };
  funds: { unit: '元' | '万元'; columns: Record<string, string>; lines: ExpFundsLine[] };
  goals: { expected: ExpText; actual: ExpText };
  indicators: ExpIndicator[];
  totals: { weight: ExpNumber; score: ExpNumber; grade: ExpText | null };
  /** 全年执行数 > 全年预算数 on the total row: the one warning a clean form may carry (mof-family §3). */
  overrun: boolean;
}

/** SPEC "Values" empty markers (the ones the MoF fixtures print, and 无). */
const EMPTY = new Set(['', '—', '——', '-', '/', '无', '不适用']);
const isEmpty = (s: string) => EMPTY.has(s.trim());

export const canonical = (digits: string) => new D(digits).toString();
const decimalsOf = (digits: string) => (digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0);

export function text(printed: string): ExpText {
  return { value: isEmpty(printed) ? null : printed.trim(), raw: printed };
}

/** A printed plain number (weight, score, a rate without %). */
export function number(printed: string): ExpNumber {
  if (isEmpty(printed)) return { value: null, decimals: null, raw: printed };
  const digits = printed.replace(/[%,]/gu, '');
  if (!/^-?\d+(\.\d+)?$/u.test(digits)) throw new Error(`not a printed number: ${printed}`);
  return { value: canonical(digits), decimals: decimalsOf(digits), raw: printed };
}

/** A printed amount in the block's unit, as 万元 with its decimals expressed in 万元. */
export function money(printed: string, unit: '元' | '万元'): ExpMoney {
  if (isEmpty(printed)) return { value: null, decimals: null, unit: null, raw: printed };
  const digits = printed.replace(/,/gu, '');
  if (!/^\d+(\.\d+)?$/u.test(digits)) throw new Error(`not a printed amount: ${printed}`);
  const shift = unit === '元' ? 4 : 0;
  return { value: new D(digits).div(10 ** shift).toString(), decimals: decimalsOf(digits) + shift, unit, raw: printed };
}

/** Printed comparators (mof-family §6) and what they say. ＞ is strictly greater. */
const COMPARATORS: [string, Comparator][] = [
  ['不低于', '>='],
  ['不超过', '<='],
  ['≥', '>='],
  ['≧', '>='],
  ['＞', '>'],
  ['≤', '<='],
  ['=', '='],
  ['﹦', '='],
  ['═', '='],
];

const FIRST_NUMBER = /\d+(?:\.\d+)?/u;

/** A quantitative value: the number and the unit printed after it ('186万头（只）' → 186, 万头（只）). */
function measured(printed: string, comparator: Comparator | null): ExpMeasure {
  const m = FIRST_NUMBER.exec(printed);
  if (!m) throw new Error(`no number in ${printed}`);
  const unit = printed.slice(m.index + m[0].length).trim();
  return { value: printed, raw: printed, number: canonical(m[0]), unit: unit === '' ? null : unit, comparator };
}

function target(row: IndicatorRow): ExpMeasure {
  const kind = row.kind!;
  if (kind === 'qualitative') return { value: row.target, raw: row.target, number: null, unit: null, comparator: null };
  if (kind === 'deadline') {
    // "10月前": a month number; 前 is no comparator of §6, the row is read as a date target.
    return { value: row.target, raw: row.target, number: canonical(FIRST_NUMBER.exec(row.target)![0]), unit: '月', comparator: null };
  }
  const cmp = COMPARATORS.find(([sign]) => row.target.startsWith(sign));
  if (!cmp) throw new Error(`no comparator in ${row.target}`);
  return measured(row.target, cmp[1]);
}

function actual(row: IndicatorRow): ExpMeasure {
  const kind = row.kind!;
  if (kind === 'qualitative') return { value: row.actual, raw: row.actual, number: null, unit: null, comparator: null };
  if (kind === 'deadline') return { ...measured(row.actual, null), unit: '月' };
  return measured(row.actual, null);
}

/** A qualitative actual's stated verdict (mof-family §5: 效果明显 and an actual equal to its target mean 达成). */
function verdict(row: IndicatorRow): ExpIndicator['verdict'] {
  if (row.kind !== 'qualitative') return null;
  if (row.actual.startsWith('未达成')) return 'missed';
  if (row.actual.startsWith('部分达成')) return 'partial';
  if (/^达成|效果明显/u.test(row.actual) || row.actual === row.target) return 'met';
  throw new Error(`no stated verdict in ${row.actual}`);
}

/** 产出指标(40分) → 产出指标 with weight 40. */
function level1(printed: string): ExpIndicator['level1'] {
  const m = /^(.*?)[(（](\d+(?:\.\d+)?)分[)）]$/u.exec(printed);
  if (!m) return { name: text(printed), weight: null };
  return { name: { value: m[1]!, raw: printed }, weight: { ...number(m[2]!), raw: printed } };
}

function indicator(row: IndicatorRow): ExpIndicator {
  const parts = row.targetParts ? { nature: text(row.targetParts.nature), value: text(row.targetParts.value), unit: text(row.targetParts.unit) } : null;
  return {
    label: row.level3,
    level1: level1(row.level1),
    level2: text(row.level2),
    level3: text(row.level3),
    weight: number(row.weight),
    score: number(row.score),
    target: target(row),
    targetParts: parts,
    actual: actual(row),
    deviationReason: text(row.reason),
    verdict: verdict(row),
  };
}

const SOURCES = ['total', 'current', 'carryover', 'other'] as const;

function fundsLine(line: FundsLine, i: number, unit: '元' | '万元'): ExpFundsLine {
  return {
    role: i === 0 ? 'total' : 'component',
    source: SOURCES[i]!,
    label: line.label,
    initialBudget: money(line.initial, unit),
    budget: money(line.budget, unit),
    executed: money(line.executed, unit),
    // "96.14%" is 96.14 percent, printed to 2 decimals.
    rate: number(line.rate),
    weight: number(line.weight),
    score: number(line.score),
  };
}

export function expectedEvaluation(form: MofForm): ExpEvaluation {
  const project = form.kind === 'project';
  const total = form.funds[0]!;
  const amount = (s: string) => new D(s.replace(/,/gu, ''));
  return {
    template: project ? 'mof-project' : 'mof-department',
    kind: form.kind,
    identity: {
      title: text(form.title),
      // The year is printed on its own line ((2023年度)) or in the title (2022年度项目支出绩效自评表).
      year: { value: form.year, raw: form.yearLine || form.title },
      projectName: project ? text(form.projectName!) : null,
      unit: text(project ? form.unit! : form.department!),
      authority: project ? text(form.authority!) : null,
    },
    funds: {
      unit: form.moneyUnit,
      columns: { initialBudget: '年初预算数', budget: '全年预算数', executed: '全年执行数' },
      lines: form.funds.map((line, i) => fundsLine(line, i, form.moneyUnit)),
    },
    goals: { expected: text(form.goals.expected), actual: text(form.goals.actual) },
    // An unused slot ("指标2:" with nothing in it) is no indicator (mof-family §7.15).
    indicators: form.indicators.filter((row) => row.kind !== undefined).map(indicator),
    totals: { weight: number(form.total.weight), score: number(form.total.score), grade: form.grade ? text(form.grade.value) : null },
    overrun: amount(total.executed).gt(amount(total.budget)),
  };
}
