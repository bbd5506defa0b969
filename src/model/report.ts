import { z } from 'zod';
import { SourceRef } from './source.js';
import { DateValue, MeasureValue, MoneyValue, NumberValue, TextValue } from './values.js';

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

export const Cover = z
  .object({
    evaluationType: EvaluationType.nullable(),
    projectName: TextValue.nullable(),
    projectUnit: TextValue.nullable(),
    authority: TextValue.nullable().describe('主管部门'),
    evaluationMethod: TextValue.nullable(),
    evaluationAgency: TextValue.nullable(),
    reportDate: DateValue.nullable(),
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

export const FundsSourceKey = z.enum(['total', 'central', 'provincial', 'municipal', 'county', 'other']);
export type FundsSourceKey = z.infer<typeof FundsSourceKey>;

export const FundsRow = z
  .object({
    source: FundsSourceKey,
    label: z.string().describe('The row label as printed (其中：中央财政, 市财政 …)'),
    planned: MoneyValue.nullable(),
    arrived: MoneyValue.nullable(),
    spent: MoneyValue.nullable(),
    balance: MoneyValue.nullable(),
  })
  .strict();
export type FundsRow = z.infer<typeof FundsRow>;

export const Funds = z
  .object({
    total: FundsRow.nullable(),
    sources: z.array(FundsRow),
  })
  .strict();

export const ExpenditureLine = z
  .object({
    content: TextValue,
    amount: MoneyValue.nullable(),
    voucher: TextValue.nullable(),
    note: TextValue.nullable(),
  })
  .strict();

export const Expenditures = z
  .object({
    lines: z.array(ExpenditureLine),
    total: MoneyValue.nullable().describe('支出合计'),
  })
  .strict();

export const Goals = z
  .object({
    expected: TextValue.nullable(),
    actual: TextValue.nullable(),
  })
  .strict();

export const Indicator = z
  .object({
    level1: TextValue.nullable(),
    level2: TextValue.nullable(),
    content: TextValue.nullable(),
    target: MeasureValue.nullable(),
    actual: MeasureValue.nullable(),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

export const Headline = z
  .object({
    score: NumberValue.nullable().describe('绩效自评综合得分'),
    grade: TextValue.nullable().describe('评价等次'),
  })
  .strict();

export const Evaluator = z
  .object({
    name: TextValue,
    title: TextValue.nullable(),
    unit: TextValue.nullable(),
  })
  .strict();

export const Paragraph = z
  .object({
    text: z.string(),
    src: SourceRef,
  })
  .strict();
export type Paragraph = z.infer<typeof Paragraph>;

export const NarrativeSection = z
  .object({
    key: z.string().describe('Section numeral: 一 … 六'),
    title: z.string(),
    paragraphs: z.array(Paragraph),
    src: SourceRef,
  })
  .strict();
export type NarrativeSection = z.infer<typeof NarrativeSection>;

export const RubricLevel = z
  .object({
    name: TextValue,
    weight: NumberValue.nullable(),
  })
  .strict();

export const RubricItem = z
  .object({
    level1: RubricLevel.nullable(),
    level2: RubricLevel.nullable(),
    level3: RubricLevel.nullable(),
    indicator: TextValue.nullable().describe('具体指标'),
    criteria: TextValue.nullable().describe('评价标准'),
    score: NumberValue.nullable().describe('自评得分'),
  })
  .strict();
export type RubricItem = z.infer<typeof RubricItem>;

export const Rubric = z
  .object({
    items: z.array(RubricItem),
    totalWeight: NumberValue.nullable().describe('The 总分 row’s weight (usually 100)'),
    claimedTotal: NumberValue.nullable().describe('The 总分 row’s 自评得分'),
  })
  .strict();

export const Report = z
  .object({
    template: z.string(),
    title: TextValue.nullable(),
    cover: Cover,
    overview: Overview,
    funds: Funds.nullable(),
    expenditures: Expenditures.nullable(),
    goals: Goals.nullable(),
    indicators: z.array(Indicator),
    headline: Headline,
    evaluators: z.array(Evaluator),
    narrative: z.array(NarrativeSection),
    rubric: Rubric.nullable(),
  })
  .strict();
export type Report = z.infer<typeof Report>;
