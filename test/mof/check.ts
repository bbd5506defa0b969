/**
 * Field-by-field comparison of a read Evaluation with the expectation of expected.ts. Every mismatch is
 * reported (expect.soft) with the field's path, so one run lists every wrong value of a form.
 */
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { MeasureValue, MoneyValue, NumberValue, TextValue } from '../../src/model/values.js';
import type { ExpEvaluation, ExpMeasure, ExpMoney, ExpNumber, ExpText } from './expected.js';

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/u;

/** A decimal string equal to `expected` exactly (no binary float on the way). */
function expectDecimal(actual: string | null | undefined, expected: string, at: string): void {
  expect.soft(actual, `${at} is a decimal string`).toMatch(DECIMAL_STRING);
  if (typeof actual === 'string' && DECIMAL_STRING.test(actual)) expect.soft(new Decimal(actual).eq(expected), `${at}: ${actual} = ${expected}`).toBe(true);
}

/** Raw text as read; an empty cell may come through as '' or as a layout blank. */
function expectRaw(actual: string | undefined, expected: string, at: string): void {
  if (expected === '') expect.soft((actual ?? '').trim(), `${at}.raw`).toBe('');
  else expect.soft(actual, `${at}.raw`).toBe(expected);
}

export function expectText(actual: TextValue | null | undefined, exp: ExpText | null, at: string): void {
  if (exp === null) {
    expect.soft(actual ?? null, at).toBeNull();
    return;
  }
  if (exp.value === null) {
    // Unknown: no value object, or one whose value is null.
    expect.soft(actual?.value ?? null, `${at}.value`).toBeNull();
    if (actual) expectRaw(actual.raw, exp.raw, at);
    return;
  }
  expect.soft(actual?.value, `${at}.value`).toBe(exp.value);
  expectRaw(actual?.raw, exp.raw, at);
}

export function expectNumber(actual: NumberValue | null | undefined, exp: ExpNumber | null, at: string): void {
  if (exp === null || exp.value === null) {
    expect.soft(actual?.value ?? null, `${at}.value`).toBeNull();
    if (exp && actual) expectRaw(actual.raw, exp.raw, at);
    return;
  }
  expectDecimal(actual?.value, exp.value, `${at}.value`);
  expect.soft(actual?.decimals, `${at}.decimals`).toBe(exp.decimals);
  expectRaw(actual?.raw, exp.raw, at);
}

export function expectMoney(actual: MoneyValue | null | undefined, exp: ExpMoney, at: string): void {
  expectNumber(actual, exp, at);
  if (exp.value !== null) expect.soft(actual?.unit, `${at}.unit`).toBe(exp.unit);
}

/** Text, number and comparator of a target or actual (the unit is compared apart, see expectUnit). */
export function expectMeasure(actual: MeasureValue | null | undefined, exp: ExpMeasure, at: string): void {
  expect.soft(actual?.value, `${at}.value`).toBe(exp.value);
  expectRaw(actual?.raw, exp.raw, at);
  if (exp.number === null) expect.soft(actual?.number, `${at}.number`).toBeNull();
  else expectDecimal(actual?.number, exp.number, `${at}.number`);
  expect.soft(actual?.comparator, `${at}.comparator`).toBe(exp.comparator);
}

export function expectUnit(actual: MeasureValue | null | undefined, exp: ExpMeasure, at: string): void {
  expect.soft(actual?.unit, `${at}.unit of ${JSON.stringify(exp.raw)}`).toBe(exp.unit);
}

export function expectShape(ev: Evaluation, exp: ExpEvaluation): void {
  expect.soft(ev.template, 'template').toBe(exp.template);
  expect.soft(ev.kind, 'kind').toBe(exp.kind);
  expect.soft(ev.complete, 'complete').toBe(true);
  expect.soft(ev.narrative, 'narrative').toEqual([]);
  expect.soft(ev.hunan, 'hunan part').toBeUndefined();
  expect.soft(ev.identity.reportDate, 'identity.reportDate').toBeNull();
  expect.soft(ev.totals.headline, 'totals.headline').toBeNull();
}

export function expectIdentity(ev: Evaluation, exp: ExpEvaluation): void {
  const id = ev.identity;
  expectText(id.title, exp.identity.title, 'identity.title');
  expectText(id.year, exp.identity.year, 'identity.year');
  expect.soft(id.year?.value, 'identity.year is four digits').toMatch(/^\d{4}$/u);
  expectText(id.projectName, exp.identity.projectName, 'identity.projectName');
  expectText(id.unit, exp.identity.unit, 'identity.unit');
  if (exp.identity.authority === null) expect.soft(id.authority?.value ?? null, 'identity.authority').toBeNull();
  else expectText(id.authority, exp.identity.authority, 'identity.authority');
}

export function expectFunds(ev: Evaluation, exp: ExpEvaluation): void {
  const funds = ev.funds;
  expect(funds, 'funds').not.toBeNull();
  expect.soft(funds!.unit, 'funds.unit').toBe(exp.funds.unit);
  expect.soft(funds!.columns, 'funds.columns').toEqual(exp.funds.columns);
  expect(funds!.lines.map((l) => l.label), 'funds line labels').toEqual(exp.funds.lines.map((l) => l.label));
  exp.funds.lines.forEach((e, i) => {
    const line = funds!.lines[i]!;
    const at = `funds.lines[${i}] ${e.label}`;
    expect.soft(line.role, `${at}.role`).toBe(e.role);
    expect.soft(line.source, `${at}.source`).toBe(e.source);
    expectMoney(line.initialBudget, e.initialBudget, `${at}.initialBudget`);
    expectMoney(line.budget, e.budget, `${at}.budget`);
    expectMoney(line.executed, e.executed, `${at}.executed`);
    expect.soft(line.arrived, `${at}.arrived`).toBeNull();
    expect.soft(line.balance, `${at}.balance`).toBeNull();
    expectNumber(line.rate, e.rate, `${at}.rate`);
    expectNumber(line.weight, e.weight, `${at}.weight`);
    expectNumber(line.score, e.score, `${at}.score`);
  });
}

export function expectGoals(ev: Evaluation, exp: ExpEvaluation): void {
  expect(ev.goals, 'goals').not.toBeNull();
  expectText(ev.goals!.expected, exp.goals.expected, 'goals.expected');
  expectText(ev.goals!.actual, exp.goals.actual, 'goals.actual');
}

/** The indicator list has the clean form's rows, in order (so that the per-row checks below line up). */
export function expectIndicatorNames(ev: Evaluation, exp: ExpEvaluation): void {
  expect(ev.indicators.map((i) => i.level3?.name.raw), 'indicator rows (三级指标, unused slots left out)').toEqual(exp.indicators.map((i) => i.level3.raw));
}

type IndicatorCheck = (ind: Evaluation['indicators'][number], e: ExpEvaluation['indicators'][number], at: string) => void;

export function eachIndicator(ev: Evaluation, exp: ExpEvaluation, check: IndicatorCheck): void {
  expectIndicatorNames(ev, exp);
  exp.indicators.forEach((e, i) => check(ev.indicators[i]!, e, `indicators[${i}] ${e.label}`));
}

export const levels: IndicatorCheck = (ind, e, at) => {
  expectText(ind.level1?.name, e.level1.name, `${at}.level1.name`);
  expectNumber(ind.level1?.weight, e.level1.weight, `${at}.level1.weight`);
  expectText(ind.level2?.name, e.level2, `${at}.level2.name`);
  expect.soft(ind.level2?.weight ?? null, `${at}.level2.weight`).toBeNull();
  expectText(ind.level3?.name, e.level3, `${at}.level3.name`);
  expect.soft(ind.level3?.weight ?? null, `${at}.level3.weight`).toBeNull();
  expect.soft(ind.indicator, `${at}.indicator`).toBeNull();
  expect.soft(ind.criteria, `${at}.criteria`).toBeNull();
};

export const scores: IndicatorCheck = (ind, e, at) => {
  expectNumber(ind.weight, e.weight, `${at}.weight`);
  expectNumber(ind.score, e.score, `${at}.score`);
  expectText(ind.deviationReason, e.deviationReason, `${at}.deviationReason`);
};

export const targets: IndicatorCheck = (ind, e, at) => {
  expectMeasure(ind.target, e.target, `${at}.target`);
  if (e.targetParts === null) {
    expect.soft(ind.targetParts, `${at}.targetParts`).toBeNull();
    return;
  }
  expectText(ind.targetParts?.nature, e.targetParts.nature, `${at}.targetParts.nature`);
  expectText(ind.targetParts?.value, e.targetParts.value, `${at}.targetParts.value`);
  expectText(ind.targetParts?.unit, e.targetParts.unit, `${at}.targetParts.unit`);
};

export const actuals: IndicatorCheck = (ind, e, at) => {
  expectMeasure(ind.actual, e.actual, `${at}.actual`);
  expect.soft(ind.verdict, `${at}.verdict`).toBe(e.verdict);
};

export const units: IndicatorCheck = (ind, e, at) => {
  expectUnit(ind.target, e.target, `${at}.target`);
  expectUnit(ind.actual, e.actual, `${at}.actual`);
};

export function expectTotals(ev: Evaluation, exp: ExpEvaluation): void {
  expectNumber(ev.totals.weight, exp.totals.weight, 'totals.weight');
  expectNumber(ev.totals.score, exp.totals.score, 'totals.score');
  expectText(ev.totals.grade, exp.totals.grade, 'totals.grade');
}

/** Every value the expectation names but the units, in one go (for the forms inside multi-form documents). */
export function expectEvaluation(ev: Evaluation, exp: ExpEvaluation): void {
  expectShape(ev, exp);
  expectIdentity(ev, exp);
  expectFunds(ev, exp);
  expectGoals(ev, exp);
  for (const check of [levels, scores, targets, actuals]) eachIndicator(ev, exp, check);
  expectTotals(ev, exp);
}
