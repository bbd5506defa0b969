/**
 * The rule catalogue probed on generated forms: a variant is a clean MoF form (or the Hunan seed) with a
 * few printed cells changed, and the findings it must give are worked out here from the contract
 * (SPEC.md "Rules", mof-family.md §5–§7) in decimal arithmetic — never read back from the rules.
 */
import { expect } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { D } from './mof/build.js';
import { formById, renderDocx, renderTika, type IndicatorRow, type MofForm } from './mof/index.js';

export { D };

/** What a rule concluded; `expected` undefined means any expected value (the test pins it elsewhere). */
export interface Expect {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  expected?: string | null;
  actual: string | null;
}

export type Format = 'txt' | 'docx';

export async function readForm(form: MofForm, format: Format = 'txt'): Promise<DocumentResult> {
  const bytes = format === 'docx' ? renderDocx(form) : new TextEncoder().encode(renderTika(form));
  const result = await processDocument({ bytes, file: `${form.id}.${format}` });
  expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
  expect(result.evaluations).toHaveLength(1);
  return result;
}

const order = (a: { rule: string; actual: string | null }, b: { rule: string; actual: string | null }) =>
  `${a.rule}\u0000${a.actual}`.localeCompare(`${b.rule}\u0000${b.actual}`);

/** The findings (of `rules` only, when given) are exactly the expected ones, in any order. */
export function expectFindings(findings: readonly Finding[], expected: Expect[], rules?: readonly string[]): void {
  const got = findings
    .filter((f) => !rules || rules.includes(f.rule))
    .map((f) => ({ rule: f.rule, severity: f.severity, expected: f.expected, actual: f.actual }))
    .sort(order);
  const want = [...expected].sort(order);
  const shown = got.map((g, i) => (want[i] && want[i]!.expected === undefined ? { ...g, expected: undefined } : g));
  expect(shown, findings.map((f) => `${f.rule}: ${f.message}`).join('\n')).toEqual(want.map((w) => ({ ...w, expected: w.expected })));
}

/** A decimal as the rules print it: no trailing zeros ("9", "8.62"). */
export const plain = (x: D | string): string => new D(x).toString();
/** Printed with exactly `d` decimals, rounded half up ("9", "8.62", "9.20"). */
export const printed = (x: D, d: number): string => x.toFixed(d, D.ROUND_HALF_UP);
/** The score tolerance of the contract: half a unit of the printed decimals, never below 0.01. */
export const tolerance = (d: number): D => D.max(new D(10).pow(-d).div(2), '0.01');

export const ROAD = 'project-road-wan';
export const road = (change: (f: MofForm) => void = () => {}): MofForm => {
  const form = formById(ROAD);
  change(form);
  return form;
};

export function indicator(form: MofForm, name: string): IndicatorRow {
  const row = form.indicators.find((i) => i.level3 === name);
  if (!row) throw new Error(`no indicator ${name} in ${form.id}`);
  return row;
}

const decimalsOf = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
const isNumber = (s: string) => /^-?\d+(?:\.\d+)?$/u.test(s);

const BANDS: [number, string][] = [
  [90, '优'],
  [80, '良'],
  [60, '中'],
  [0, '差'],
];
/** The default band of a score (优 ≥ 90 > 良 ≥ 80 > 中 ≥ 60 > 差). */
export const bandOf = (score: D | string): string => BANDS.find(([min]) => new D(score).gte(min))![1];
/** The band a printed grade or synonym names (SPEC grade-band). */
export const SYNONYMS: Record<string, string> = { 优: '优', 优秀: '优', 良: '良', 良好: '良', 中: '中', 中等: '中', 合格: '中', 一般: '中', 差: '差', 较差: '差', 不合格: '差' };

/**
 * The 总分 re-derived from the printed scores (the execution score once, every indicator score), at the
 * largest number of decimals printed, and the grade from it: a changed score is then the only fault.
 */
export function retotal(form: MofForm): MofForm {
  const scores = [form.funds[0]!.score, ...form.indicators.map((i) => i.score)].filter(isNumber);
  const d = Math.max(0, ...scores.map(decimalsOf));
  const total = scores.reduce((s, x) => s.plus(x), new D(0));
  form.total.score = printed(total, d);
  if (form.grade) form.grade.value = bandOf(total);
  return form;
}

/**
 * Every indicator made qualitative without a stated verdict (target 好, actual 较好, a reason given): its
 * score follows no formula, so totals and grades can be set freely.
 */
export function neutral(form: MofForm): MofForm {
  for (const row of form.indicators) Object.assign(row, { target: '好', actual: '较好', reason: '按评分细则酌情扣分' });
  return form;
}

/** Indicator scores that add up to `sum`, each at most its weight, filled in order (2 decimals where needed). */
export function spread(form: MofForm, sum: D): void {
  let left = sum;
  for (const row of form.indicators) {
    const s = D.min(new D(row.weight), left);
    row.score = s.isInteger() ? s.toFixed(0) : s.toFixed(2);
    left = left.minus(s);
  }
  if (!left.isZero()) throw new Error(`cannot spread ${sum.toString()}`);
}
