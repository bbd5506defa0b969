/**
 * The variant forms are what they claim: every clean form passes an independent re-check of its
 * numbers (recheck.ts, written apart from the generator); every single-fault form differs from its
 * clean form only where the fault says and fails exactly its own rule with the stated expected and
 * actual values; the weight-only, cut and Traditional MoF forms are their sources blanked, cut and
 * converted and nothing else; and each variant prints the features issue 12 names.
 */
import { describe, expect, it } from 'vitest';
import { formById } from '../helpers/mof/catalogue.js';
import { formTable } from '../helpers/mof/layout.js';
import {
  ANHUI_FORMS,
  CLEAN_VARIANT_FORMS,
  CUT_MOF,
  HUBEI_FORMS,
  RUBRIC_FORMS,
  SICHUAN_FORMS,
  SICHUAN_RATE_RULE,
  SICHUAN_REPORT_NO,
  SICHUAN_WEIGHT_ONLY,
  TRADITIONAL_MOF,
  TRADITIONAL_PAIRS,
  VARIANT_FAULTS,
  WEIGHT_ONLY_MOF,
  type VariantForm,
} from '../helpers/variants/index.js';
import { isEmpty, recheckAnhui, recheckHubei, recheckRubric, recheckSichuan, value, type Violation } from './recheck.js';

function recheck(form: VariantForm): Violation[] {
  switch (form.variant) {
    case 'sichuan':
      return recheckSichuan(form);
    case 'hubei':
      return recheckHubei(form);
    case 'anhui':
      return recheckAnhui(form);
    case 'rubric':
      return recheckRubric(form);
    default:
      throw new Error(`${form.variant} is not rechecked here`);
  }
}

/** Paths (a.b.3.c) where two plain values differ. */
function diffPaths(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => diffPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
}

const PROVINCIAL = [...SICHUAN_FORMS, ...HUBEI_FORMS, ...ANHUI_FORMS, ...RUBRIC_FORMS];

describe('clean variant forms satisfy their formulas (independent re-check)', () => {
  it.each(PROVINCIAL.map((f) => [f.id, f] as const))('%s', (_id, form) => {
    expect(recheck(form)).toEqual([]);
  });

  it('has 2 clean forms per variant and unique ids everywhere', () => {
    for (const list of [SICHUAN_FORMS, HUBEI_FORMS, ANHUI_FORMS, RUBRIC_FORMS]) expect(list.length).toBeGreaterThanOrEqual(2);
    const ids = [...CLEAN_VARIANT_FORMS, ...VARIANT_FAULTS.map((f) => f.form)].map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/** What each fault changes on its clean form: the faulty value, then the totals re-derived from the printed scores. */
const CHANGED: Record<string, string[]> = {
  'sichuan-fault-rate': ['funds.0.rate'],
  'sichuan-fault-total': ['total.score'],
  'hubei-fault-execution-score': ['funds.0.score', 'total.score'],
  'hubei-fault-indicator-score': ['indicators.3.score', 'total.score'],
  'anhui-fault-weight-sum': ['rows.3.weight', 'rows.3.score', 'total.score'],
  'anhui-fault-funds-source-sum': ['funds.1.executed'],
  'rubric-fault-headline': ['headline', 'headlineScore'],
  'rubric-fault-score-range': ['headline', 'headlineScore', 'rows.12.score', 'total.score'],
};

describe('single-fault forms', () => {
  const clean = new Map(CLEAN_VARIANT_FORMS.map((f) => [f.id, f]));

  it('has 2 single-fault forms per provincial variant and per rubric table', () => {
    for (const v of ['sichuan', 'hubei', 'anhui', 'rubric']) expect(VARIANT_FAULTS.filter((f) => f.form.variant === v).length, v).toBeGreaterThanOrEqual(2);
  });

  it.each(VARIANT_FAULTS.map((f) => [f.id, f] as const))('%s fails exactly its own rule with the stated values', (_id, fault) => {
    expect(fault.form.id).toBe(fault.id);
    const violations = recheck(fault.form);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.map((v) => v.rule).every((r) => r === fault.rule)).toBe(true);
    expect(violations).toContainEqual({ rule: fault.rule, where: fault.where, expected: fault.expected, actual: fault.actual });
    expect(fault.expected).not.toBe(fault.actual);
  });

  it.each(VARIANT_FAULTS.map((f) => [f.id, f] as const))('%s differs from its clean form only in the faulty value and what follows from it', (_id, fault) => {
    const base = clean.get(fault.base)!;
    expect(base.variant).toBe(fault.form.variant);
    expect(diffPaths(base, fault.form).filter((p) => p !== 'id')).toEqual(CHANGED[fault.id]);
  });
});

describe('Sichuan', () => {
  it('prints the report number, the year title, the 其中 rows with their own rates and the rule in 原因', () => {
    for (const f of SICHUAN_FORMS) {
      expect(f.reportNo).toBe(SICHUAN_REPORT_NO);
      expect(f.yearLine).toMatch(/^（\d{4}年度）$/u);
      expect(f.funds.map((l) => l.label)).toEqual(['总额', '其中:财政资金', '财政专户管理资金', '单位资金', '其他资金']);
      for (const p of f.funds.slice(1)) expect([p.weight, p.score]).toEqual(['/', '/']);
      expect(f.fundsReason.startsWith(SICHUAN_RATE_RULE)).toBe(true);
      if (value(f.funds[0]!.rate).lt(90)) expect(f.fundsReason.length).toBeGreaterThan(SICHUAN_RATE_RULE.length + 1);
      expect(f.total.weight).toBe('100');
    }
    const rows = SICHUAN_FORMS.flatMap((f) => f.funds.slice(1));
    expect(rows.some((l) => l.adjusted === '0.00' && l.rate === '0.00%')).toBe(true);
    expect(new Set(SICHUAN_FORMS.flatMap((f) => f.indicators.map((r) => r.nature)))).toEqual(new Set(['=', '≥', '≤', '定性']));
    expect(SICHUAN_FORMS.some((f) => value(f.funds[0]!.rate).lt(90))).toBe(true);
  });
});

describe('Hubei', () => {
  it('has 单位名称 and 填报日期, one form with 其中 rows and 分值, one with neither', () => {
    for (const f of HUBEI_FORMS) {
      expect(f.title).toMatch(/^\d{4}年度财政项目绩效自评表$/u);
      expect(f.unitName && f.filledDate).toBeTruthy();
      expect(f.category).toMatch(/☑/u);
    }
    const withWeights = HUBEI_FORMS.filter((f) => f.weightColumn);
    const without = HUBEI_FORMS.filter((f) => !f.weightColumn);
    expect(withWeights.some((f) => f.funds.length > 1)).toBe(true);
    expect(without.length).toBeGreaterThan(0);
    for (const f of without) {
      expect(f.indicators.every((r) => r.weight === '')).toBe(true);
      expect(f.total.weight).toBe('');
      expect(value(f.implicitWeight!).times(f.indicators.length).eq(80)).toBe(true);
    }
  });
});

describe('Anhui', () => {
  it('carries group weights, ★ rows, unweighted 其中 sub-rows and …… placeholders', () => {
    for (const f of ANHUI_FORMS) {
      expect(f.funds.map((l) => l.label)).toEqual(['年度资金总额:', '其中:本年财政拨款', '其他资金']);
      expect(new Set(f.rows.map((r) => r.level1))).toEqual(new Set(['产出指标(50分)', '效益指标(30分)', '满意度指标(10分)']));
      expect(f.rows.some((r) => r.role === 'indicator' && r.level3.startsWith('★'))).toBe(true);
      const subs = f.rows.filter((r) => r.role === 'sub');
      expect(subs.length).toBeGreaterThan(0);
      for (const s of subs) {
        expect(s.level3.startsWith('其中')).toBe(true);
        expect([s.weight, s.score]).toEqual(['', '']);
        expect(s.target && s.actual).toBeTruthy();
      }
      const slots = f.rows.filter((r) => r.role === 'placeholder');
      expect(slots.length).toBeGreaterThan(0);
      for (const s of slots) expect([s.level3, s.weight, s.target, s.actual, s.score]).toEqual(['……', '', '', '', '']);
      expect(f.footnote).toMatch(/产出指标50分/u);
    }
  });
});

describe('rubric tables', () => {
  it('use their own 一级 weights, score 预算执行率 under 管理/过程 and state the score above the table', () => {
    const splits = RUBRIC_FORMS.map((f) => [...new Map(f.rows.map((r) => [r.level1, r.weight1])).values()].join('/'));
    expect(splits).toEqual(['10/25/30/35', '20/25/55']);
    for (const f of RUBRIC_FORMS) {
      const exec = f.rows.filter((r) => r.execution);
      expect(exec.map((r) => r.level3)).toEqual(['预算执行率']);
      expect(exec[0]!.level1).toMatch(/过程|管理/u);
      expect(f.headline).toBe(`自评得分：${f.total.score}分`);
      expect(f.fundsLine).toContain(f.rate);
    }
  });
});

describe('incomplete and Traditional MoF forms', () => {
  it('weight-only: weights and 总分 100 kept, every 实际完成值 and 得分 empty', () => {
    const f = WEIGHT_ONLY_MOF.form;
    const source = formById(WEIGHT_ONLY_MOF.source);
    expect(f.indicators.map((r) => r.weight)).toEqual(source.indicators.map((r) => r.weight));
    expect(f.indicators.every((r) => r.actual === '' && r.score === '')).toBe(true);
    expect(f.funds[0]!.score).toBe('');
    expect(f.total).toEqual({ weight: '100', score: '' });
    const weights = f.indicators.reduce((a, r) => a.plus(isEmpty(r.weight) ? 0 : value(r.weight)), value(f.funds[0]!.weight));
    expect(weights.eq(100)).toBe(true);
  });

  it('Sichuan weight-only: 权重 and 合计 100 kept, every 完成值 and 得分 empty, 合计 shows only the weight', () => {
    const f = SICHUAN_WEIGHT_ONLY;
    const source = SICHUAN_FORMS.find((s) => f.id.startsWith(s.id))!;
    expect(f.indicators.map((r) => r.weight)).toEqual(source.indicators.map((r) => r.weight));
    expect(f.indicators.every((r) => r.actual === '' && r.score === '' && r.reason === '')).toBe(true);
    expect(f.funds[0]!.score).toBe('');
    expect(f.funds.map((l) => l.rate)).toEqual(source.funds.map((l) => l.rate));
    expect(f.total).toEqual({ weight: '100', score: '' });
  });

  it('cut: the table ends on an indicator row inside the block, without 总分', () => {
    const whole = formById(CUT_MOF.source);
    expect(CUT_MOF.form.indicators).toEqual(whole.indicators.slice(0, CUT_MOF.form.indicators.length));
    expect(CUT_MOF.form.indicators.length).toBeLessThan(CUT_MOF.wholeIndicators);
    const texts = CUT_MOF.table.rows.flat().map((c) => c.text);
    expect(texts).not.toContain('总分');
    expect(CUT_MOF.table.rows.at(-1)!.map((c) => c.text)).toContain(CUT_MOF.form.indicators.at(-1)!.level3);
    // The group above the cut continues below it on the whole form: the cut is inside a 一级 run.
    expect(whole.indicators[CUT_MOF.form.indicators.length]!.level1).toBe(CUT_MOF.form.indicators.at(-1)!.level1);
  });

  it('Traditional: every label and text converted, every number kept', () => {
    const source = formTable(TRADITIONAL_MOF.source);
    const texts = TRADITIONAL_MOF.table.rows.flat().map((c) => c.text);
    const all = [...TRADITIONAL_MOF.lines, ...texts].join('\n');
    for (const label of ['項目支出績效自評表', '項目資金', '（萬元）', '年初預算數', '全年預算數', '全年執行數', '執行率', '總分', '項目名稱', '主管部門', '實施單位', '年度資金總額', '其中：當年財政撥款', '上年結轉資金', '其他資金', '績效指標', '一級指標', '二級指標', '三級指標', '年度指標值', '實際完成值', '分值', '得分', '偏差原因分析及改進措施']) {
      expect(all, label).toContain(label);
    }
    for (const simplified of TRADITIONAL_PAIRS.keys()) expect(all.includes(simplified), simplified).toBe(false);
    const numbers = (s: string) => s.match(/[\d.%,]+/gu) ?? [];
    expect(texts.map(numbers)).toEqual(source.rows.flat().map((c) => numbers(c.text)));
    expect(TRADITIONAL_MOF.table.rows.map((r) => r.map((c) => [c.colspan, c.rowspan]))).toEqual(source.rows.map((r) => r.map((c) => [c.colspan, c.rowspan])));
  });
});
