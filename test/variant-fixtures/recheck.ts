/**
 * An independent re-check of the variant forms by mof-family.md §5 and each variant's own rules (§4),
 * written apart from the generator (test/helpers/variants): it reads only the printed strings and
 * returns every violation as { rule, where, expected, actual }. A clean form gives none; a single-fault
 * form gives its own rule only.
 */
import { Decimal } from 'decimal.js';
import type { AnhuiForm, HubeiForm, RubricForm, SichuanForm } from '../helpers/variants/index.js';

const X = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type X = Decimal;

export interface Violation {
  rule: string;
  where: string;
  expected: string;
  actual: string;
}

const EMPTY = new Set(['', '—', '——', '-', '/', '无', '……']);
export const isEmpty = (s: string) => EMPTY.has(s.trim());
export const value = (s: string): X => new X(s.replace(/,/gu, '').replace(/%$/u, ''));
export const decimals = (s: string) => /\.(\d+)%?$/u.exec(s)?.[1]!.length ?? 0;
const half = (dp: number) => new X(10).pow(-dp).div(2);
/** Within half a unit of the printed last decimal. */
const within = (printed: string, exact: X) => value(printed).minus(exact).abs().lte(half(decimals(printed)));
const firstNumber = (s: string): X => new X(/\d+(?:\.\d+)?/u.exec(s.replace(/,/gu, ''))![0]);
const total = (xs: X[]) => xs.reduce((a, b) => a.plus(b), new X(0));

type Kind = 'positive' | 'reverse' | 'equal' | 'qualitative';

function kindOf(cmp: string): Kind {
  if (cmp === '≥') return 'positive';
  if (cmp === '≤') return 'reverse';
  if (cmp === '=') return 'equal';
  return 'qualitative';
}

/** A target text such as '≥95%' as comparator and number; a text without one is qualitative. */
export function parseTarget(text: string): { kind: Kind; a?: X } {
  const m = /^(≥|≤|=)(\d+(?:\.\d+)?)/u.exec(text);
  return m ? { kind: kindOf(m[1]!), a: new X(m[2]!) } : { kind: 'qualitative' };
}

/** One leaf's score rule (§5): returns the violation or null. */
export function checkLeaf(where: string, kind: Kind, a: X | undefined, actual: string, weight: X, score: string, reason: string): Violation[] {
  const s = value(score);
  const out: Violation[] = [];
  if (s.gt(weight) || s.lt(0)) return [{ rule: 'rubric-score-range', where, expected: weight.toString(), actual: score }];
  if (kind === 'qualitative') {
    const [lo, hi] = /^未达成/u.test(actual) ? [0, 0.6] : /^部分达成/u.test(actual) ? [0.6, 0.8] : [0.8, 1];
    if (s.lt(weight.times(lo)) || s.gt(weight.times(hi))) out.push({ rule: 'indicator-score', where, expected: `[${lo}w, ${hi}w]`, actual: score });
  } else {
    const b = firstNumber(actual);
    const met = kind === 'reverse' || (kind === 'equal' && a!.isZero()) ? b.lte(a!) : b.gte(a!);
    const dp = decimals(score);
    if (met) {
      if (!s.eq(weight)) out.push({ rule: 'indicator-score', where, expected: weight.toFixed(dp), actual: score });
    } else {
      const f = kind === 'reverse' ? a!.div(b).times(weight) : kind === 'equal' && a!.isZero() ? new X(0) : b.div(a!).times(weight);
      if (s.eq(weight) || !within(score, f)) out.push({ rule: 'indicator-score', where, expected: f.toFixed(dp), actual: score });
    }
  }
  if (s.lt(weight) && isEmpty(reason)) out.push({ rule: 'deviation-reason-missing', where, expected: 'a reason', actual: reason });
  return out;
}

/** 执行率 = B/A and its score = w × min(B/A, 1), both at their printed precision. */
function checkExecution(where: string, a: string, b: string, rate: string, w: X, score: string): Violation[] {
  const out: Violation[] = [];
  const ratio = value(b).div(value(a));
  if (!within(rate, ratio.times(100))) out.push({ rule: 'execution-rate', where, expected: `${ratio.times(100).toFixed(decimals(rate))}%`, actual: rate });
  const f = X.min(ratio, 1).times(w);
  if (!within(score, f)) out.push({ rule: 'execution-score', where, expected: f.toFixed(decimals(score)), actual: score });
  return out;
}

/** Each column of the total line equals the sum of the source lines. */
function checkSources(where: string, totalCell: string, parts: string[]): Violation[] {
  const sum = total(parts.map(value));
  return value(totalCell).eq(sum) ? [] : [{ rule: 'funds-source-sum', where, expected: totalCell, actual: sum.toFixed(decimals(totalCell)) }];
}

function checkTotal(where: string, printed: string, scores: string[]): Violation[] {
  const sum = total(scores.map(value));
  return value(printed).eq(sum) ? [] : [{ rule: 'rubric-total', where, expected: sum.toFixed(decimals(printed)), actual: printed }];
}

function checkWeights(where: string, printed: string, weights: string[]): Violation[] {
  const sum = total(weights.map(value));
  return value(printed).eq(sum) ? [] : [{ rule: 'rubric-weight-sum', where, expected: sum.toString(), actual: printed }];
}

const groupWeight = (label: string) => /\((\d+)分\)$/u.exec(label)?.[1];

export function recheckSichuan(f: SichuanForm): Violation[] {
  const [t, ...parts] = f.funds;
  const out: Violation[] = [];
  const heads = { initial: '年初预算', adjusted: '调整后预算数', executed: '预算执行数' } as const;
  for (const col of ['initial', 'adjusted', 'executed'] as const) out.push(...checkSources(heads[col], t![col], parts.map((p) => p[col])));
  out.push(...checkExecution(t!.label, t!.adjusted, t!.executed, t!.rate, new X(t!.weight), t!.score));
  for (const p of parts) {
    const expected = value(p.adjusted).isZero() ? '0.00%' : `${value(p.executed).div(value(p.adjusted)).times(100).toFixed(2)}%`;
    if (p.rate !== expected) out.push({ rule: 'execution-rate', where: p.label, expected, actual: p.rate });
  }
  for (const r of f.indicators) out.push(...checkLeaf(r.level3, kindOf(r.nature), r.nature === '定性' ? undefined : value(r.value), r.actual, value(r.weight), r.score, r.reason));
  out.push(...checkWeights(f.indicatorLabel, groupWeight(f.indicatorLabel)!, f.indicators.map((r) => r.weight)));
  out.push(...checkWeights(f.fundsLabel, groupWeight(f.fundsLabel)!, [t!.weight]));
  out.push(...checkWeights('合计', f.total.weight, [t!.weight, ...f.indicators.map((r) => r.weight)]));
  out.push(...checkTotal('合计', f.total.score, [t!.score, ...f.indicators.map((r) => r.score)]));
  return out;
}

export function recheckHubei(f: HubeiForm): Violation[] {
  const [t, ...parts] = f.funds;
  const out: Violation[] = [];
  const heads = { budget: '预算数(A)', executed: '执行数(B)' } as const;
  if (parts.length) for (const col of ['budget', 'executed'] as const) out.push(...checkSources(heads[col], t![col], parts.map((p) => p[col])));
  out.push(...checkExecution(t!.label, t!.budget, t!.executed, t!.rate, new X(20), t!.score));
  const implicit = new X(80).div(f.indicators.length);
  for (const r of f.indicators) {
    const { kind, a } = parseTarget(r.target);
    out.push(...checkLeaf(r.level3, kind, a, r.actual, f.weightColumn ? value(r.weight) : implicit, r.score, r.reason));
  }
  if (f.weightColumn) {
    out.push(...checkWeights(f.indicatorLabel, groupWeight(f.indicatorLabel)!, f.indicators.map((r) => r.weight)));
    out.push(...checkWeights('自评总分', f.total.weight, ['20', ...f.indicators.map((r) => r.weight)]));
  }
  out.push(...checkTotal('自评总分', f.total.score, [t!.score, ...f.indicators.map((r) => r.score)]));
  return out;
}

export function recheckAnhui(f: AnhuiForm): Violation[] {
  const [t, ...parts] = f.funds;
  const out: Violation[] = [];
  const heads = { budget: '全年预算数(A)', executed: '全年执行数(B)' } as const;
  for (const col of ['budget', 'executed'] as const) out.push(...checkSources(heads[col], t![col], parts.map((p) => p[col])));
  out.push(...checkExecution(t!.label, t!.budget, t!.executed, t!.rate, value(t!.weight), t!.score));
  const leaves = f.rows.filter((r) => r.role === 'indicator');
  for (const r of leaves) {
    const { kind, a } = parseTarget(r.target);
    out.push(...checkLeaf(r.level3, kind, a, r.actual, value(r.weight), r.score, r.reason));
  }
  for (const label of new Set(leaves.map((r) => r.level1))) {
    out.push(
      ...checkWeights(
        label,
        groupWeight(label)!,
        leaves.filter((r) => r.level1 === label).map((r) => r.weight),
      ),
    );
  }
  out.push(...checkWeights('总分', f.total.weight, [t!.weight, ...leaves.map((r) => r.weight)]));
  out.push(...checkTotal('总分', f.total.score, [t!.score, ...leaves.map((r) => r.score)]));
  return out;
}

export function recheckRubric(f: RubricForm): Violation[] {
  const out: Violation[] = [];
  for (const r of f.rows) {
    const w = value(r.weight3);
    const s = value(r.score);
    if (s.gt(w) || s.lt(0)) out.push({ rule: 'rubric-score-range', where: r.level3, expected: r.weight3, actual: r.score });
    else if (r.execution) out.push(...checkExecution(r.level3, f.budget, f.executed, f.rate, w, r.score));
  }
  for (const l1 of new Set(f.rows.map((r) => r.level1))) {
    const rows = f.rows.filter((r) => r.level1 === l1);
    out.push(
      ...checkWeights(
        l1,
        rows[0]!.weight1,
        rows.map((r) => r.weight3),
      ),
    );
    for (const l2 of new Set(rows.map((r) => r.level2))) {
      const inner = rows.filter((r) => r.level2 === l2);
      out.push(
        ...checkWeights(
          l2,
          inner[0]!.weight2,
          inner.map((r) => r.weight3),
        ),
      );
    }
  }
  out.push(...checkWeights(f.total.label, f.total.weight, f.rows.map((r) => r.weight3)));
  out.push(...checkTotal(f.total.label, f.total.score, f.rows.map((r) => r.score)));
  const stated = /^自评得分：(\d+(?:\.\d+)?)分$/u.exec(f.headline)![1]!;
  if (!value(stated).eq(value(f.total.score))) out.push({ rule: 'headline-score', where: '自评得分', expected: f.total.score, actual: stated });
  return out;
}
