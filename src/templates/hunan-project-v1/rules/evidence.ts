/**
 * Linking scoring-table items to the indicator rows that evidence them, by category
 * (环境效益 ↔ 生态效益指标, 服务对象满意度 ↔ 服务对象满意度指标, …).
 */
import type { Evaluation } from '../../../model/evaluation.js';
import type { PerformanceIndicator as Indicator } from '../../../model/hunan.js';
import { nameKey } from '../../../check/text.js';

export interface Category {
  id: 'economic' | 'social' | 'environmental' | 'sustainable' | 'satisfaction';
  /** Matches the rubric item's name (its deepest level). */
  item: RegExp;
  /** Matches the indicator row's second-level name. */
  row: RegExp;
  zh: string;
  en: string;
}

export const CATEGORIES: Category[] = [
  { id: 'economic', item: /经济效益/u, row: /经济效益/u, zh: '经济效益指标', en: 'economic-benefit indicator' },
  { id: 'social', item: /社会效益/u, row: /社会效益/u, zh: '社会效益指标', en: 'social-benefit indicator' },
  { id: 'environmental', item: /环境效益|生态效益/u, row: /生态效益|环境效益/u, zh: '生态效益指标', en: 'ecological-benefit indicator' },
  { id: 'sustainable', item: /可持续/u, row: /可持续/u, zh: '可持续影响指标', en: 'sustainability indicator' },
  { id: 'satisfaction', item: /满意度|满意率/u, row: /满意度|满意率/u, zh: '服务对象满意度指标', en: 'beneficiary-satisfaction indicator' },
];

export function categoryOfItem(name: string): Category | null {
  const key = nameKey(name);
  return CATEGORIES.find((c) => c.item.test(key)) ?? null;
}

/** Indicator rows of a category, with their index in the report's indicator table. */
export function rowsOf(ev: Evaluation, category: Category): { row: Indicator; index: number }[] {
  const rows = (ev.hunan?.indicators ?? []).map((row, index) => ({ row, index }));
  const byLevel2 = rows.filter(({ row }) => category.row.test(nameKey(row.level2?.value ?? row.level2?.raw)));
  if (byLevel2.length > 0) return byLevel2;
  // Tables that put the category in the content column ("效益指标 | 社会效益：…").
  return rows.filter(({ row }) => category.row.test(nameKey(row.content?.value)));
}

export function hasValue(row: Indicator): boolean {
  return row.target?.value != null || row.actual?.value != null;
}
