/**
 * The clean MoF forms really are clean: every printed number is re-derived here, independently of the
 * generator (test/helpers/mof/build.ts), by the formulas of mof-family.md §5; and the catalogue holds
 * the variety the readers are tested against.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { CLEAN_DEPARTMENT_FORMS, CLEAN_FORMS, CLEAN_PROJECT_FORMS } from '../helpers/mof/catalogue.js';
import { MOF_DOCUMENTS } from '../helpers/mof/documents.js';
import type { IndicatorRow, MofForm } from '../helpers/mof/form.js';

const X = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type X = Decimal;

const EMPTY = new Set(['', '—', '——', '-', '/', '无']);
const isEmpty = (s: string) => EMPTY.has(s.trim());
const value = (s: string): X | null => (isEmpty(s) ? null : new X(s.replace(/,/gu, '').replace(/%$/u, '')));
const decimals = (s: string) => {
  const m = /\.(\d+)/u.exec(s);
  return m ? m[1]!.length : 0;
};
const half = (s: string) => new X(10).pow(-decimals(s)).div(2);
/** |printed − exact| within half a unit of the printed last decimal. */
const within = (printed: string, exact: X) => value(printed)!.minus(exact).abs().lte(half(printed));
const firstNumber = (s: string): X => new X(/\d[\d,]*(?:\.\d+)?/u.exec(s)![0].replace(/,/gu, ''));

const ALL_FORMS: MofForm[] = [...CLEAN_FORMS, ...MOF_DOCUMENTS.flatMap((d) => d.forms)];
const scored = (f: MofForm) => f.indicators.filter((r) => r.weight !== '');

type Kind = 'positive' | 'reverse' | 'equal' | 'qualitative' | 'deadline';

/** The comparator as a reader finds it: in the target text, or in the 指标性质 cell. */
function kindOf(row: IndicatorRow): { kind: Kind; a?: X } {
  const nature = row.targetParts?.nature ?? '';
  const text = row.targetParts ? `${nature === '定性' ? '' : nature}${row.targetParts.value}${row.targetParts.unit}` : row.target;
  if (/^\d{1,2}月(底)?前$/u.test(text)) return { kind: 'deadline' };
  const m = /^(≥|≧|＞|>|不低于|≤|不超过|=|﹦|═)(\d+(?:\.\d+)?)/u.exec(text);
  if (!m) return { kind: 'qualitative' };
  const kind: Kind = /[≥≧＞>]|不低于/u.test(m[1]!) ? 'positive' : /[≤]|不超过/u.test(m[1]!) ? 'reverse' : 'equal';
  return { kind, a: new X(m[2]!) };
}

describe('every clean MoF form satisfies the formulas of mof-family §5', () => {
  it.each(ALL_FORMS.map((f) => [f.id, f] as const))('%s', (_id, form) => {
    const [total, ...parts] = form.funds;
    expect(total!.label).toBe('年度资金总额');
    expect(parts.map((p) => p.label.replace(/^其中[：:]/u, ''))).toEqual(['当年财政拨款', '上年结转资金', '其他资金']);

    // Funds: each column of 年度资金总额 is the sum of the 其中 rows, at the same printed precision.
    for (const col of ['initial', 'budget', 'executed'] as const) {
      if (total![col] === '') {
        expect(parts.every((p) => p[col] === '')).toBe(true);
        continue;
      }
      const sum = parts.reduce((acc, p) => acc.plus(value(p[col]) ?? 0), new X(0));
      expect(value(total![col])!.eq(sum), `${col}: ${total![col]} vs Σ ${sum.toString()}`).toBe(true);
      for (const p of parts) if (!isEmpty(p[col])) expect(decimals(p[col])).toBe(decimals(total![col]));
    }

    // 执行率 = 全年执行数 / 全年预算数; score = min(rate, 1) × 10, at the printed precisions.
    const a = value(total!.budget)!;
    const b = value(total!.executed)!;
    expect(total!.rate).toMatch(/^\d+(\.\d+)?%$/u);
    expect(within(total!.rate, b.div(a).times(100))).toBe(true);
    expect(total!.weight).toBe('10');
    expect(within(total!.score, X.min(b.div(a), 1).times(10))).toBe(true);
    expect(value(total!.score)!.lte(10)).toBe(true);
    // 其中 rows leave 分值/执行率/得分 empty, or repeat the total row's exactly (to be counted once).
    for (const p of parts) {
      const repeated = p.weight === total!.weight && p.rate === total!.rate && p.score === total!.score;
      expect(repeated || [p.weight, p.rate, p.score].every(isEmpty)).toBe(true);
    }

    // Indicators.
    const rows = scored(form);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(14);
    const sp = decimals(total!.score);
    for (const row of rows) {
      const w = value(row.weight)!;
      const s = value(row.score)!;
      expect(decimals(row.score), row.level3).toBe(sp);
      expect(s.lte(w) && s.gte(0), row.level3).toBe(true);
      if (s.lt(w)) expect(isEmpty(row.reason), `${row.level3} needs a reason`).toBe(false);
      const { kind, a: target } = kindOf(row);
      expect(kind, row.level3).toBe(row.kind);
      if (kind === 'deadline') {
        expect(firstNumber(row.actual).lte(firstNumber(row.target))).toBe(true);
        expect(s.eq(w)).toBe(true);
        continue;
      }
      if (kind === 'qualitative') {
        const [lo, hi] = /^部分达成/u.test(row.actual) ? [0.6, 0.8] : /^未达成/u.test(row.actual) ? [0, 0.6] : [0.8, 1];
        expect(s.gte(w.times(lo)) && s.lte(w.times(hi)), row.level3).toBe(true);
        continue;
      }
      const B = firstNumber(row.actual);
      const A = target!;
      const met = kind === 'reverse' || (kind === 'equal' && A.isZero()) ? B.lte(A) : B.gte(A);
      if (met) {
        expect(s.eq(w), `${row.level3} met, full weight`).toBe(true);
        if (kind === 'positive' && A.gt(0)) expect(B.div(A).lt(1.3), `${row.level3} overshoot`).toBe(true);
        continue;
      }
      expect(s.lt(w), `${row.level3} missed, below weight`).toBe(true);
      if (kind === 'reverse') {
        // Accept either reverse formula (template notes or system rule), as the checker must.
        const notes = A.div(B).times(w);
        const system = B.gte(A.times(2)) ? new X(0) : new X(1).minus(B.minus(A).div(A)).times(w);
        expect(within(row.score, notes) && within(row.score, system), row.level3).toBe(true);
      } else {
        expect(within(row.score, B.div(A).times(w)), row.level3).toBe(true);
      }
    }

    // Σ leaf weights + 10 = 100 = printed 总分 weight; Σ printed scores = printed 总分.
    const weights = rows.reduce((acc, r) => acc.plus(r.weight), new X(0));
    expect(weights.plus(10).eq(100)).toBe(true);
    expect(form.total.weight).toBe('100');
    const scores = rows.reduce((acc, r) => acc.plus(r.score), value(total!.score)!);
    expect(value(form.total.score)!.eq(scores)).toBe(true);
    expect(decimals(form.total.score)).toBe(sp);

    // Printed group weights ("产出指标(40分)") equal the sum of their leaves.
    for (const label of new Set(rows.map((r) => r.level1))) {
      const m = /\((\d+)分\)$/u.exec(label);
      if (!m) continue;
      const sum = rows.filter((r) => r.level1 === label).reduce((acc, r) => acc.plus(r.weight), new X(0));
      expect(sum.eq(m[1]!), label).toBe(true);
    }

    // Grade band 优 ≥ 90 > 良 ≥ 80 > 中 ≥ 60 > 差.
    if (form.grade) {
      const t = value(form.total.score)!;
      const band = t.gte(90) ? '优' : t.gte(80) ? '良' : t.gte(60) ? '中' : '差';
      expect(form.grade.value.startsWith(band) || (band === '中' && form.grade.value === '中等')).toBe(true);
    }

    // Unused slots are bare: no target, actual, weight or score.
    for (const slot of form.indicators.filter((r) => r.weight === '')) {
      expect([slot.target, slot.actual, slot.score]).toEqual(['', '', '']);
    }
  });
});

describe('the catalogue covers what the MoF readers must handle', () => {
  const projects = CLEAN_PROJECT_FORMS;
  const amountDecimals = (f: MofForm) => decimals(f.funds[0]!.budget);
  const all = (pred: (f: MofForm) => boolean) => CLEAN_FORMS.filter(pred).map((f) => f.id);

  it('has at least 8 project forms across sectors and 3 部门整体 forms', () => {
    expect(projects.length).toBeGreaterThanOrEqual(8);
    expect(new Set(projects.map((f) => f.sector)).size).toBe(projects.length);
    expect(projects.every((f) => f.kind === 'project' && f.title.endsWith('项目支出绩效自评表'))).toBe(true);
    expect(CLEAN_DEPARTMENT_FORMS.length).toBe(3);
    expect(CLEAN_DEPARTMENT_FORMS.every((f) => f.kind === 'department' && f.department && f.title.endsWith('部门整体支出绩效自评表'))).toBe(true);
    expect(new Set(CLEAN_FORMS.map((f) => f.id)).size).toBe(CLEAN_FORMS.length);
  });

  it('mixes money units and precisions', () => {
    expect(all((f) => f.moneyUnit === '万元' && amountDecimals(f) === 3).length).toBeGreaterThan(0);
    expect(all((f) => f.moneyUnit === '万元' && amountDecimals(f) === 2).length).toBeGreaterThan(0);
    expect(all((f) => f.moneyUnit === '元' && f.funds[0]!.budget.includes(',')).length).toBeGreaterThan(0);
    expect(all((f) => f.moneyUnit === '元' && !f.funds[0]!.budget.includes(',')).length).toBeGreaterThan(0);
    expect(all((f) => decimals(f.total.score) === 0).length).toBeGreaterThan(0);
    expect(all((f) => decimals(f.total.score) === 2).length).toBeGreaterThan(0);
  });

  it('uses every comparator spelling, qualitative rows and both target layouts', () => {
    const printed = CLEAN_FORMS.flatMap((f) => f.indicators.map((r) => r.targetParts?.nature ?? /^(≥|≧|＞|不低于|≤|不超过|=|﹦|═)/u.exec(r.target)?.[1] ?? ''));
    for (const cmp of ['≥', '≧', '＞', '不低于', '≤', '不超过', '=', '﹦', '═']) expect(printed, cmp).toContain(cmp);
    const kinds = new Set(CLEAN_FORMS.flatMap((f) => f.indicators.map((r) => r.kind)));
    for (const k of ['positive', 'reverse', 'equal', 'qualitative', 'deadline']) expect(kinds).toContain(k);
    expect(all((f) => f.targetLayout === 'split').length).toBeGreaterThanOrEqual(2);
    expect(all((f) => f.targetLayout === 'single').length).toBeGreaterThanOrEqual(2);
    // Indicator counts vary, so nothing can be read from fixed positions.
    expect(new Set(CLEAN_FORMS.map((f) => f.indicators.length)).size).toBeGreaterThanOrEqual(6);
  });

  it('has the funds-row irregularities: — and / on 其中 rows, an empty 年初预算数, a repeated execution score', () => {
    const markers = new Set(CLEAN_FORMS.flatMap((f) => f.funds.slice(1).flatMap((l) => [l.budget, l.weight])));
    expect(markers).toContain('—');
    expect(markers).toContain('/');
    expect(all((f) => f.funds.every((l) => l.initial === '') && f.funds[0]!.budget !== '').length).toBeGreaterThan(0);
    expect(all((f) => f.funds[1]!.score !== '' && f.funds[1]!.score === f.funds[0]!.score).length).toBeGreaterThan(0);
  });

  it('has forms with a grade row, with the grade in the 总分 row, and without a grade', () => {
    expect(all((f) => !!f.grade && f.gradePlacement !== 'total').length).toBeGreaterThan(0);
    expect(all((f) => f.gradePlacement === 'total').length).toBeGreaterThan(0);
    expect(all((f) => !f.grade).length).toBeGreaterThan(0);
    const grades = new Set(CLEAN_FORMS.flatMap((f) => (f.grade ? [f.grade.value[0]] : [])));
    for (const g of ['优', '良', '中']) expect(grades).toContain(g);
  });

  it('has the 部门整体 features: deadlines, "三公"经费, a bare 指标2: slot, execution above 100%', () => {
    const dept = CLEAN_DEPARTMENT_FORMS;
    const rows = dept.flatMap((f) => f.indicators);
    expect(rows.some((r) => r.target === '10月前' && r.actual === '8月')).toBe(true);
    expect(rows.some((r) => r.level3.includes('三公') && r.kind === 'reverse')).toBe(true);
    expect(rows.some((r) => r.level3 === '指标2:' && r.weight === '')).toBe(true);
    expect(dept.some((f) => new X(f.funds[0]!.rate.slice(0, -1)).gt(100))).toBe(true);
  });
});
