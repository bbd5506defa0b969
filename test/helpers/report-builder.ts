/**
 * Small evaluation models for rule-level tests, built through the real value parsers so empty markers,
 * units and full-width digits behave as they do on parsed documents. The shape is what the Hunan template
 * gives: one part, the neutral fields plus an (empty unless filled) Hunan part.
 */
import type { Evaluation, Funds, FundsLine, FundsSourceKey, Indicator, Totals } from '../../src/model/evaluation.js';
import type { HunanPart, PerformanceIndicator } from '../../src/model/hunan.js';
import type { SourceRef } from '../../src/model/source.js';
import { dateValue, measureValue, moneyValue, nameValue, numberValue, textValue } from '../../src/parse/values.js';

let row = 0;
const cell = (table: number, col: number, r = row): SourceRef => ({ table, row: r, col });

/** An evaluation whose Hunan part is present (what the Hunan template always fills). */
export type HunanEvaluation = Evaluation & { hunan: HunanPart };

export function emptyReport(): HunanEvaluation {
  return {
    part: 1,
    template: 'hunan-project-v1',
    kind: 'project',
    complete: true,
    identity: { title: null, year: null, projectName: null, unit: null, authority: null, reportDate: null },
    funds: null,
    goals: null,
    indicators: [],
    totals: { weight: null, indicatorsWeight: null, score: null, headline: null, grade: null },
    narrative: [],
    hunan: {
      cover: { evaluationType: null, evaluationMethod: null, evaluationAgency: null },
      overview: { projectLead: null, phone: null, address: null, postcode: null, period: null },
      expenditures: null,
      indicators: [],
      evaluators: [],
    },
  };
}

/** Cover fields, a report date and a headline, all filled (field-missing stays silent). */
export function completeReport(): HunanEvaluation {
  const r = emptyReport();
  r.identity.projectName = textValue('某项目', { line: 1 });
  r.identity.unit = textValue('某单位', { line: 2 });
  r.identity.authority = textValue('某局', { line: 3 });
  r.identity.reportDate = dateValue('2021年6月8日', { line: 4 });
  r.totals.headline = numberValue('98分', cell(0, 1, 40));
  r.totals.grade = textValue('优秀', cell(0, 1, 41));
  r.funds = funds(['868', '868', '173.6', '694.4']);
  return r;
}

/** The four money cells of a Hunan funds row: 计划安排资金, 实际到位资金, 实际支出, 结余. */
type Quad = [string, string, string, string];

export function fundsRow(source: FundsSourceKey, label: string, values: Quad, r: number): FundsLine {
  const [budget, arrived, executed, balance] = values.map((v, i) => moneyValue(v, cell(0, 2 * i + 1, r)));
  return {
    role: source === 'total' ? 'total' : 'component',
    source,
    label,
    initialBudget: null,
    budget: budget!,
    arrived: arrived!,
    executed: executed!,
    balance: balance!,
    rate: null,
    weight: null,
    score: null,
  };
}

/** The total line and optional source lines (label, four raw cells), with the Hunan form's column names. */
export function funds(total: Quad, sources: [FundsSourceKey, string, Quad][] = []): Funds {
  return {
    unit: null,
    columns: { budget: '计划安排资金', arrived: '实际到位资金', executed: '实际支出', balance: '结余' },
    lines: [fundsRow('total', '合计', total, 4), ...sources.map(([key, label, values], i) => fundsRow(key, label, values, 5 + i))],
  };
}

export function expenditures(lines: string[], total: string): NonNullable<HunanPart['expenditures']> {
  return {
    lines: lines.map((amount, i) => ({
      content: textValue(`支出${i + 1}`, cell(0, 0, 12 + i)),
      amount: moneyValue(amount, cell(0, 1, 12 + i)),
      voucher: null,
      note: null,
    })),
    total: moneyValue(total, cell(0, 1, 12 + lines.length)),
  };
}

/** A row of the report's indicator table (ev.hunan.indicators). */
export function indicator(level2: string, content: string, target: string, actual: string): PerformanceIndicator {
  row++;
  return {
    level1: textValue('项目效益指标', cell(0, 1)),
    level2: nameValue(level2, cell(0, 2)),
    content: textValue(content, cell(0, 3)),
    target: measureValue(target, cell(0, 4)),
    actual: measureValue(actual, cell(0, 5)),
  };
}

export interface ItemSpec {
  l1: [string, string];
  l2?: [string, string];
  l3?: [string, string];
  criteria?: string;
  indicator?: string;
  score: string;
}

/**
 * A scored item of the 附件3-2 table (table 5, row r): each level's name and 分值 in adjacent cells. As the
 * template reads it, the deepest level's 分值 is the item's own weight and that level keeps none.
 */
export function rubricItem(spec: ItemSpec, r: number): Indicator {
  const level = (v: [string, string] | undefined, col: number): Indicator['level1'] =>
    v ? { name: nameValue(v[0], cell(5, col, r)), weight: numberValue(v[1], cell(5, col + 1, r)) } : null;
  const levels = [level(spec.l1, 0), level(spec.l2, 2), level(spec.l3, 4)];
  const depth = spec.l3 ? 2 : spec.l2 ? 1 : 0;
  const own = levels[depth]!;
  levels[depth] = { name: own.name, weight: null };
  return {
    level1: levels[0]!,
    level2: levels[1]!,
    level3: levels[2]!,
    weight: own.weight,
    score: numberValue(spec.score, cell(5, 8, r)),
    target: null,
    targetParts: null,
    actual: null,
    deviationReason: null,
    indicator: spec.indicator === undefined ? null : textValue(spec.indicator, cell(5, 6, r)),
    criteria: spec.criteria === undefined ? null : textValue(spec.criteria, cell(5, 7, r)),
    verdict: null,
  };
}

export interface Rubric {
  items: Indicator[];
  totals: Pick<Totals, 'weight' | 'score'>;
}

/** The scoring table's items and its 总分 row (分值, 自评得分). */
export function rubric(items: ItemSpec[], totalWeight = '100', claimedTotal = ''): Rubric {
  return {
    items: items.map((s, i) => rubricItem(s, i + 1)),
    totals: {
      weight: numberValue(totalWeight, cell(5, 1, items.length + 1)),
      score: numberValue(claimedTotal, cell(5, 8, items.length + 1)),
    },
  };
}

/** Puts a scoring table into an evaluation: its items are the indicators, its 总分 row the totals. */
export function setRubric<E extends Evaluation>(ev: E, table: Rubric): E {
  ev.indicators = table.items;
  ev.totals = { ...ev.totals, ...table.totals };
  return ev;
}

/** One narrative section (五（二）…) whose paragraphs are the given texts, on lines 300, 301 … */
export function narrative(...paragraphs: string[]): Evaluation['narrative'] {
  return [
    {
      key: '二',
      title: '项目资金使用及管理情况',
      src: { block: 200, line: 299 },
      paragraphs: paragraphs.map((text, i) => ({ text, src: { block: 201 + i, line: 300 + i } })),
    },
  ];
}
