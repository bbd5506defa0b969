/**
 * What a reader must extract from each printed variant form (issue 12), computed from the form as the
 * generator prints it and from the meanings of mof-family.md §4–§7 — never from the reader's output.
 * Values are plain decimal strings without trailing zeros (amounts in 万元), or null for an empty cell
 * and for the empty markers ('/', '—', '……'), never 0.
 */
import { D } from '../helpers/mof/build.js';
import type { FundsLine as MofFundsLine, IndicatorRow, MofForm } from '../helpers/mof/form.js';
import { toTraditional, type AnhuiForm, type HubeiForm, type RubricForm, type SichuanForm, type VariantForm } from '../helpers/variants/index.js';

export interface FundsFact {
  role: 'total' | 'component';
  source: string | null;
  initialBudget: string | null;
  budget: string | null;
  executed: string | null;
  rate: string | null;
  weight: string | null;
  score: string | null;
}

export interface IndicatorFact {
  level1: string | null;
  level1Weight: string | null;
  level2: string | null;
  level2Weight: string | null;
  level3: string | null;
  weight: string | null;
  score: string | null;
  target: string | null;
  targetNumber: string | null;
  actual: string | null;
  actualNumber: string | null;
  deviationReason: string | null;
  criteria: string | null;
}

export interface TargetPartsFact {
  nature: string | null;
  value: string | null;
  unit: string | null;
}

export interface Facts {
  template: string;
  kind: 'project';
  complete: boolean;
  identity: { projectName: string | null; unit: string | null; authority: string | null; year: string | null };
  /** null: the form prints no funds block the test asserts (the rubric states its amounts in a sentence). */
  funds: FundsFact[] | null;
  indicators: IndicatorFact[];
  /** Sichuan only: the three cells of a split target, per indicator. */
  targetParts: TargetPartsFact[] | null;
  totals: { weight: string | null; indicatorsWeight: string | null; score: string | null; headline: string | null };
}

const EMPTY = new Set(['', '—', '——', '-', '/', '无', '……', '不适用']);
const isEmpty = (s: string) => EMPTY.has(s.trim());

export const text = (s: string): string | null => (isEmpty(s) ? null : s.trim());

/** A printed number (amount, rate with %, weight, score) as a decimal string without trailing zeros. */
export function dec(s: string): string | null {
  if (isEmpty(s)) return null;
  const digits = s.replace(/[,%]/gu, '').trim();
  if (!/^-?\d+(\.\d+)?$/u.test(digits)) throw new Error(`not a printed number: ${s}`);
  return new D(digits).toString();
}

/** The first number of a measured text ('36.2公里' → 36.2); null for an empty cell or a text without one. */
export function firstNum(s: string): string | null {
  if (isEmpty(s)) return null;
  const m = /\d+(?:\.\d+)?/u.exec(s);
  return m ? new D(m[0]).toString() : null;
}

/** 产出指标(50分) → 产出指标 and 50. */
function groupLabel(printed: string): { name: string | null; weight: string | null } {
  const m = /^(.*?)[(（](\d+(?:\.\d+)?)分[)）]$/u.exec(printed);
  return m ? { name: m[1]!, weight: new D(m[2]!).toString() } : { name: text(printed), weight: null };
}

const blockWeight = (label: string): string | null => groupLabel(label).weight;

function indicatorFact(p: Partial<IndicatorFact>): IndicatorFact {
  return {
    level1: null,
    level1Weight: null,
    level2: null,
    level2Weight: null,
    level3: null,
    weight: null,
    score: null,
    target: null,
    targetNumber: null,
    actual: null,
    actualNumber: null,
    deviationReason: null,
    criteria: null,
    ...p,
  };
}

/** Sichuan 其中 rows: 财政资金 is the current appropriation, 其他资金 other; 财政专户 and 单位资金 name no source of the model. */
const SICHUAN_SOURCES = ['total', 'current', null, null, 'other'];

function sichuan(form: SichuanForm): Facts {
  return {
    template: 'sichuan-project',
    kind: 'project',
    complete: true,
    identity: { projectName: form.projectName, unit: form.unit, authority: form.authority, year: form.year },
    funds: form.funds.map((l, i) => ({
      role: i === 0 ? 'total' : 'component',
      source: SICHUAN_SOURCES[i]!,
      initialBudget: dec(l.initial),
      budget: dec(l.adjusted),
      executed: dec(l.executed),
      rate: dec(l.rate),
      weight: dec(l.weight),
      score: dec(l.score),
    })),
    indicators: form.indicators.map((r) => {
      const quantitative = r.kind !== 'qualitative';
      return indicatorFact({
        level1: r.level1,
        level2: r.level2,
        level3: r.level3,
        weight: dec(r.weight),
        score: dec(r.score),
        // The three cells read as one target: nature, value, unit ('≥' '1.2' '万亩' → ≥1.2万亩); a 定性 row's target is its text.
        target: quantitative ? `${r.nature}${r.value}${r.unit}` : r.value,
        targetNumber: quantitative ? firstNum(r.value) : null,
        actual: text(r.actual),
        actualNumber: quantitative ? firstNum(r.actual) : null,
        deviationReason: text(r.reason),
      });
    }),
    targetParts: form.indicators.map((r) => ({ nature: text(r.nature), value: text(r.value), unit: text(r.unit) })),
    totals: { weight: dec(form.total.weight), indicatorsWeight: blockWeight(form.indicatorLabel), score: dec(form.total.score), headline: null },
  };
}

/** Hubei 其中 rows name the level of government: 中央 central, 省级 provincial, 县级 county. */
function hubeiSource(label: string): string | null {
  if (/总额|合计/u.test(label)) return 'total';
  if (/中央/u.test(label)) return 'central';
  if (/省/u.test(label)) return 'provincial';
  if (/市/u.test(label)) return 'municipal';
  if (/县/u.test(label)) return 'county';
  return null;
}

function hubei(form: HubeiForm): Facts {
  const execWeight = blockWeight(form.fundsLabel);
  return {
    template: 'hubei-project',
    kind: 'project',
    complete: true,
    // The year the form evaluates is the title's (2023年度…); 填报日期 (2024年…) is the filling date.
    identity: { projectName: form.projectName, unit: form.unit, authority: form.authority, year: form.year },
    funds: form.funds.map((l, i) => ({
      role: i === 0 ? 'total' : 'component',
      source: hubeiSource(l.label),
      initialBudget: null,
      budget: dec(l.budget),
      executed: dec(l.executed),
      rate: dec(l.rate),
      // No 分值 column: the execution item's weight is the block's (20分), for the total line only.
      weight: i === 0 ? execWeight : null,
      score: dec(l.score),
    })),
    indicators: form.indicators.map((r) => {
      const quantitative = r.kind !== 'qualitative';
      return indicatorFact({
        level1: r.level1,
        level2: r.level2,
        level3: r.level3,
        // Without a 分值 column no weight is printed: null, not the implicit 80 / n.
        weight: form.weightColumn ? dec(r.weight) : null,
        score: dec(r.score),
        target: text(r.target),
        targetNumber: quantitative ? firstNum(r.target) : null,
        actual: text(r.actual),
        actualNumber: quantitative ? firstNum(r.actual) : null,
        deviationReason: text(r.reason),
      });
    }),
    targetParts: null,
    totals: { weight: dec(form.total.weight), indicatorsWeight: blockWeight(form.indicatorLabel), score: dec(form.total.score), headline: null },
  };
}

function anhui(form: AnhuiForm): Facts {
  const sources = ['total', 'current', 'other'];
  return {
    template: 'anhui-project',
    kind: 'project',
    complete: true,
    identity: { projectName: form.projectName, unit: form.unit, authority: form.authority, year: form.year },
    funds: form.funds.map((l, i) => ({
      role: i === 0 ? 'total' : 'component',
      source: sources[i]!,
      initialBudget: null,
      budget: dec(l.budget),
      executed: dec(l.executed),
      rate: dec(l.rate),
      weight: dec(l.weight),
      score: dec(l.score),
    })),
    // 其中 sub-rows and '……' placeholders are not indicators (mof-family §4).
    indicators: form.rows
      .filter((r) => r.role === 'indicator')
      .map((r) => {
        const quantitative = r.kind !== 'qualitative';
        const g = groupLabel(r.level1);
        return indicatorFact({
          level1: g.name,
          level1Weight: g.weight,
          level2: r.level2,
          level3: r.level3,
          weight: dec(r.weight),
          score: dec(r.score),
          target: text(r.target),
          targetNumber: quantitative ? firstNum(r.target) : null,
          actual: text(r.actual),
          actualNumber: quantitative ? firstNum(r.actual) : null,
          deviationReason: text(r.reason),
        });
      }),
    targetParts: null,
    // The block label 绩效指标 prints no weight.
    totals: { weight: dec(form.total.weight), indicatorsWeight: null, score: dec(form.total.score), headline: null },
  };
}

function rubric(form: RubricForm): Facts {
  return {
    template: 'scoring-rubric',
    kind: 'project',
    complete: true,
    // 项目名称 and 实施单位 are printed on the line above the table, the year in the title; no 主管部门.
    identity: { projectName: form.projectName, unit: form.unit, authority: null, year: form.year },
    funds: null,
    indicators: form.rows.map((r) =>
      indicatorFact({
        level1: r.level1,
        level1Weight: dec(r.weight1),
        level2: r.level2,
        level2Weight: dec(r.weight2),
        level3: r.level3,
        weight: dec(r.weight3),
        score: dec(r.score),
        criteria: r.criteria,
      }),
    ),
    targetParts: null,
    totals: { weight: dec(form.total.weight), indicatorsWeight: null, score: dec(form.total.score), headline: dec(form.headlineScore) },
  };
}

const MOF_SOURCES = ['total', 'current', 'carryover', 'other'];

function mofMoney(printed: string, unit: '元' | '万元'): string | null {
  const v = dec(printed);
  return v === null || unit === '万元' ? v : new D(v).div(10000).toString();
}

function mofFunds(line: MofFundsLine, i: number, unit: '元' | '万元'): FundsFact {
  return {
    role: i === 0 ? 'total' : 'component',
    source: MOF_SOURCES[i]!,
    initialBudget: mofMoney(line.initial, unit),
    budget: mofMoney(line.budget, unit),
    executed: mofMoney(line.executed, unit),
    rate: dec(line.rate),
    weight: dec(line.weight),
    score: dec(line.score),
  };
}

function mofIndicator(r: IndicatorRow, t: (s: string) => string): IndicatorFact {
  const g = groupLabel(r.level1);
  const numeric = r.kind !== 'qualitative';
  return indicatorFact({
    level1: g.name === null ? null : t(g.name),
    level1Weight: g.weight,
    level2: text(t(r.level2)),
    level3: text(t(r.level3)),
    weight: dec(r.weight),
    score: dec(r.score),
    target: text(t(r.target)),
    targetNumber: numeric ? firstNum(r.target) : null,
    actual: text(t(r.actual)),
    actualNumber: numeric ? firstNum(r.actual) : null,
    deviationReason: text(t(r.reason)),
  });
}

/** A MoF project form as printed; `t` converts printed text (identity for Simplified). */
function mof(form: MofForm, complete: boolean, t: (s: string) => string = (s) => s): Facts {
  return {
    template: 'mof-project',
    kind: 'project',
    complete,
    identity: { projectName: t(form.projectName!), unit: t(form.unit!), authority: t(form.authority!), year: form.year },
    funds: form.funds.map((l, i) => mofFunds(l, i, form.moneyUnit)),
    indicators: form.indicators.filter((r) => r.kind !== undefined).map((r) => mofIndicator(r, t)),
    targetParts: null,
    // The MoF form prints no block weight on 产出指标 … and none on the indicator block.
    totals: { weight: dec(form.total.weight), indicatorsWeight: null, score: dec(form.total.score), headline: null },
  };
}

export function expectedFacts(form: VariantForm): Facts {
  switch (form.variant) {
    case 'sichuan':
      return sichuan(form);
    case 'hubei':
      return hubei(form);
    case 'anhui':
      return anhui(form);
    case 'rubric':
      return rubric(form);
    case 'mof-weight-only':
      return mof(form.form, true);
    case 'mof-cut':
      return mof(form.form, false);
    case 'mof-traditional':
      return mof(form.source, true, toTraditional);
  }
}

/** Clean MoF form facts (for the xlsx source form). */
export const mofFacts = (form: MofForm): Facts => mof(form, true);
