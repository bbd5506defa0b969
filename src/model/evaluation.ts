/**
 * The template-neutral evaluation: one self-evaluation form read from a file, whatever its family.
 * Every template maps into this; what only one family has lives in that family's part (see hunan.ts).
 */
import { z } from 'zod';
import { HunanPart } from './hunan.js';
import { SourceRef } from './source.js';
import { DateValue, MeasureValue, MoneyUnit, MoneyValue, NumberValue, TextValue } from './values.js';

export const EvaluationKind = z.enum(['project', 'department']);
export type EvaluationKind = z.infer<typeof EvaluationKind>;

export const Identity = z
  .object({
    title: TextValue.nullable().describe('The form’s title as printed (项目支出绩效自评表, …自评报告)'),
    year: TextValue.nullable().describe('The year the form evaluates (2023 for （2023年度）); value holds the four digits'),
    projectName: TextValue.nullable().describe('项目名称 (null for 部门整体 forms)'),
    unit: TextValue.nullable().describe('实施单位 / 项目单位; for 部门整体 forms the 部门（单位） name'),
    authority: TextValue.nullable().describe('主管部门'),
    reportDate: DateValue.nullable(),
  })
  .strict();
export type Identity = z.infer<typeof Identity>;

/**
 * Which source a funds line stands for. Hunan: 中央/省/市/县市区/其它; MoF: 当年财政拨款 (current),
 * 上年结转资金 (carryover), 其他资金 (other).
 */
export const FundsSourceKey = z.enum(['total', 'central', 'provincial', 'municipal', 'county', 'current', 'carryover', 'other']);
export type FundsSourceKey = z.infer<typeof FundsSourceKey>;

/** The money columns a funds block can print, by meaning. */
export const MONEY_COLUMNS = ['initialBudget', 'budget', 'arrived', 'executed', 'balance'] as const;
export type MoneyColumn = (typeof MONEY_COLUMNS)[number];

export const FundsLine = z
  .object({
    role: z.enum(['total', 'component']).describe('total: 合计 / 年度资金总额; component: a 其中 source row'),
    source: FundsSourceKey.nullable().describe('null when the label names no known source'),
    label: z.string().describe('The row label as printed'),
    initialBudget: MoneyValue.nullable().describe('年初预算数'),
    budget: MoneyValue.nullable().describe('计划安排资金 / 全年预算数 (调整后预算数, 预算数(A))'),
    arrived: MoneyValue.nullable().describe('实际到位资金'),
    executed: MoneyValue.nullable().describe('实际支出 / 全年执行数'),
    balance: MoneyValue.nullable().describe('结余'),
    rate: NumberValue.nullable().describe('执行率 as printed, in percent'),
    weight: NumberValue.nullable().describe('The budget-execution item’s 分值'),
    score: NumberValue.nullable().describe('The budget-execution item’s 得分'),
    unread: z
      .array(z.enum([...MONEY_COLUMNS, 'rate', 'weight', 'score']))
      .optional()
      .describe('Columns this line prints but the reader could not read (an extract-… finding says why): unknown, not absent'),
  })
  .strict();
export type FundsLine = z.infer<typeof FundsLine>;

export const Funds = z
  .object({
    unit: MoneyUnit.nullable().describe('The unit the block prints its amounts in (amounts themselves are in 万元)'),
    columns: z
      .partialRecord(z.enum(MONEY_COLUMNS), z.string())
      .describe('The printed header of each money column the block has (计划安排资金, 全年预算数 …)'),
    lines: z.array(FundsLine),
  })
  .strict();
export type Funds = z.infer<typeof Funds>;

/** The block's total line (合计 / 年度资金总额), when it has one. */
export function totalLine(funds: Funds | null | undefined): FundsLine | undefined {
  return funds?.lines.find((l) => l.role === 'total');
}

export const Goals = z
  .object({
    expected: TextValue.nullable(),
    actual: TextValue.nullable(),
  })
  .strict();

export const IndicatorLevel = z
  .object({
    name: TextValue,
    weight: NumberValue.nullable().describe('The group weight printed on this level (产出指标(50分), a 一级 分值 cell)'),
  })
  .strict();
export type IndicatorLevel = z.infer<typeof IndicatorLevel>;

export const TargetParts = z
  .object({
    nature: TextValue.describe('指标性质: ≥, ≤, =, 定性 …'),
    value: TextValue.describe('指标值'),
    unit: TextValue.describe('度量单位'),
  })
  .strict();
export type TargetParts = z.infer<typeof TargetParts>;

export const Verdict = z.enum(['met', 'partial', 'missed']);
export type Verdict = z.infer<typeof Verdict>;

/** One scored item of the indicator tree: a leaf with its level labels, target, actual, weight and score. */
export const Indicator = z
  .object({
    level1: IndicatorLevel.nullable(),
    level2: IndicatorLevel.nullable(),
    level3: IndicatorLevel.nullable(),
    weight: NumberValue.nullable().describe('The item’s own 分值 / 权重'),
    score: NumberValue.nullable().describe('The item’s self-score 得分 / 自评得分'),
    target: MeasureValue.nullable().describe('年度指标值 as a reader would say it (≥95%)'),
    targetParts: TargetParts.nullable().describe('When the form splits the target over three cells'),
    actual: MeasureValue.nullable().describe('实际完成值'),
    deviationReason: TextValue.nullable().describe('偏差原因分析及改进措施'),
    indicator: TextValue.nullable().describe('具体指标 (scoring tables)'),
    criteria: TextValue.nullable().describe('评价标准 (scoring tables)'),
    verdict: Verdict.nullable().describe('A qualitative actual’s stated verdict: 达成 / 部分达成 / 未达成'),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

export const Totals = z
  .object({
    weight: NumberValue.nullable().describe('The 总分 (合计) row’s 分值'),
    indicatorsWeight: NumberValue.nullable().describe('The indicator block’s printed weight: 绩效指标(90分), 年度绩效目标(80分)'),
    score: NumberValue.nullable().describe('The 总分 row’s 得分, or the form’s stated 自评得分'),
    headline: NumberValue.nullable().describe('A report’s 绩效自评综合得分, stated apart from its table'),
    grade: TextValue.nullable().describe('评价等次 / 自评等级'),
  })
  .strict();
export type Totals = z.infer<typeof Totals>;

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

export const CheckRecord = z
  .object({
    ran: z.array(z.string()).describe('Rules that had their data and ran: no finding from one of these means checked and consistent'),
    notApplicable: z.array(z.string()).describe('Rules whose data this form does not have'),
  })
  .strict();
export type CheckRecord = z.infer<typeof CheckRecord>;

export const Evaluation = z
  .object({
    part: z.number().int().positive().describe('1, 2, … in document order'),
    template: z.string(),
    kind: EvaluationKind,
    complete: z.boolean().describe('false when the form is visibly cut (no 总分 row, the table ends inside a block)'),
    identity: Identity,
    funds: Funds.nullable(),
    goals: Goals.nullable(),
    indicators: z.array(Indicator),
    totals: Totals,
    narrative: z.array(NarrativeSection),
    hunan: HunanPart.optional().describe('What only the hunan-project-v1 family has'),
    checks: CheckRecord.optional(),
  })
  .strict();
export type Evaluation = z.infer<typeof Evaluation>;
