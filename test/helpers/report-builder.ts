/**
 * Small report models for rule-level tests, built through the real value parsers so empty markers,
 * units and full-width digits behave as they do on parsed documents.
 */
import type { FundsRow, FundsSourceKey, Indicator, Report, RubricItem } from '../../src/model/report.js';
import type { SourceRef } from '../../src/model/source.js';
import { dateValue, measureValue, moneyValue, nameValue, numberValue, textValue } from '../../src/parse/values.js';

let row = 0;
const cell = (table: number, col: number, r = row): SourceRef => ({ table, row: r, col });

export function emptyReport(): Report {
  return {
    template: 'hunan-project-v1',
    title: null,
    cover: { evaluationType: null, projectName: null, projectUnit: null, authority: null, evaluationMethod: null, evaluationAgency: null, reportDate: null },
    overview: { projectLead: null, phone: null, address: null, postcode: null, period: null },
    funds: null,
    expenditures: null,
    goals: null,
    indicators: [],
    headline: { score: null, grade: null },
    evaluators: [],
    narrative: [],
    rubric: null,
  };
}

/** Cover fields, a report date and a headline, all filled (field-missing stays silent). */
export function completeReport(): Report {
  const r = emptyReport();
  r.cover.projectName = textValue('某项目', { line: 1 });
  r.cover.projectUnit = textValue('某单位', { line: 2 });
  r.cover.authority = textValue('某局', { line: 3 });
  r.cover.reportDate = dateValue('2021年6月8日', { line: 4 });
  r.headline = { score: numberValue('98分', cell(0, 1, 40)), grade: textValue('优秀', cell(0, 1, 41)) };
  r.funds = funds(['868', '868', '173.6', '694.4']);
  return r;
}

type Quad = [string, string, string, string];

export function fundsRow(source: FundsSourceKey, label: string, values: Quad, r: number): FundsRow {
  const [planned, arrived, spent, balance] = values.map((v, i) => moneyValue(v, cell(0, 2 * i + 1, r)));
  return { source, label, planned: planned!, arrived: arrived!, spent: spent!, balance: balance! };
}

/** The total row and optional source rows (label, four raw cells). */
export function funds(total: Quad, sources: [FundsSourceKey, string, Quad][] = []): NonNullable<Report['funds']> {
  return {
    total: fundsRow('total', '合计', total, 4),
    sources: sources.map(([key, label, values], i) => fundsRow(key, label, values, 5 + i)),
  };
}

export function expenditures(lines: string[], total: string): NonNullable<Report['expenditures']> {
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

export function indicator(level2: string, content: string, target: string, actual: string): Indicator {
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

export function rubricItem(spec: ItemSpec, r: number): RubricItem {
  const level = (v: [string, string] | undefined, col: number) =>
    v ? { name: nameValue(v[0], cell(5, col, r)), weight: numberValue(v[1], cell(5, col + 1, r)) } : null;
  return {
    level1: level(spec.l1, 0),
    level2: level(spec.l2, 2),
    level3: level(spec.l3, 4),
    indicator: spec.indicator === undefined ? null : textValue(spec.indicator, cell(5, 6, r)),
    criteria: spec.criteria === undefined ? null : textValue(spec.criteria, cell(5, 7, r)),
    score: numberValue(spec.score, cell(5, 8, r)),
  };
}

export function rubric(items: ItemSpec[], totalWeight = '100', claimedTotal = ''): NonNullable<Report['rubric']> {
  return {
    items: items.map((s, i) => rubricItem(s, i + 1)),
    totalWeight: numberValue(totalWeight, cell(5, 1, items.length + 1)),
    claimedTotal: numberValue(claimedTotal, cell(5, 8, items.length + 1)),
  };
}

/** One narrative section (五（二）…) whose paragraphs are the given texts, on lines 300, 301 … */
export function narrative(...paragraphs: string[]): Report['narrative'] {
  return [
    {
      key: '二',
      title: '项目资金使用及管理情况',
      src: { block: 200, line: 299 },
      paragraphs: paragraphs.map((text, i) => ({ text, src: { block: 201 + i, line: 300 + i } })),
    },
  ];
}
