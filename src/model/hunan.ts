/** The part of an evaluation that only the hunan-project-v1 family (附件2-2 自评报告) has. */
import { z } from 'zod';
import { SourceRef } from './source.js';
import { DateValue, MeasureValue, MoneyValue, TextValue } from './values.js';

export const CheckboxOption = z
  .object({
    label: z.string(),
    checked: z.boolean().nullable().describe('null when the source does not show the box state'),
    src: SourceRef,
  })
  .strict();

export const EvaluationType = z
  .object({
    options: z.array(CheckboxOption),
    selected: z.string().nullable().describe('The checked option, or the only one left unticked-box-free in a text dump'),
    inferred: z.boolean().describe('true when the choice was deduced by elimination (Tika drops ticked Wingdings boxes)'),
    raw: z.string(),
    src: SourceRef,
  })
  .strict();

export const HunanCover = z
  .object({
    evaluationType: EvaluationType.nullable(),
    evaluationMethod: TextValue.nullable(),
    evaluationAgency: TextValue.nullable(),
  })
  .strict();

export const Period = z
  .object({
    raw: z.string(),
    start: DateValue.nullable(),
    end: DateValue.nullable(),
    ongoing: z.boolean().describe('the end is written as 至今'),
    src: SourceRef,
  })
  .strict();

export const Overview = z
  .object({
    projectLead: TextValue.nullable(),
    phone: TextValue.nullable(),
    address: TextValue.nullable(),
    postcode: TextValue.nullable(),
    period: Period.nullable(),
  })
  .strict();

export const ExpenditureLine = z
  .object({
    content: TextValue,
    amount: MoneyValue.nullable(),
    voucher: TextValue.nullable(),
    note: TextValue.nullable(),
    kind: z
      .enum(['breakdown', 'subtotal'])
      .optional()
      .describe('breakdown: a 其中 row itemising the line above it; subtotal: a 小计 row; absent: a line of its own'),
  })
  .strict();

export const Expenditures = z
  .object({
    lines: z.array(ExpenditureLine),
    total: MoneyValue.nullable().describe('支出合计'),
  })
  .strict();

/** A row of the report's 定性/定量 indicator table (三 绩效自评): target and actual, not scored. */
export const PerformanceIndicator = z
  .object({
    level1: TextValue.nullable(),
    level2: TextValue.nullable(),
    content: TextValue.nullable(),
    target: MeasureValue.nullable(),
    actual: MeasureValue.nullable(),
  })
  .strict();
export type PerformanceIndicator = z.infer<typeof PerformanceIndicator>;

export const Evaluator = z
  .object({
    name: TextValue,
    title: TextValue.nullable(),
    unit: TextValue.nullable(),
  })
  .strict();

export const HunanPart = z
  .object({
    cover: HunanCover,
    overview: Overview,
    expenditures: Expenditures.nullable(),
    indicators: z.array(PerformanceIndicator).describe('The report’s indicator table; its scoring table is the evaluation’s indicators'),
    evaluators: z.array(Evaluator),
  })
  .strict();
export type HunanPart = z.infer<typeof HunanPart>;
