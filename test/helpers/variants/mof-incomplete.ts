/**
 * MoF project forms that are not whole (mof-family.md §7.5, §7.13, §7.14): a weight-only form (weights
 * and 总分 100 filled, every 实际完成值 and 得分 empty), a cut form (the table stops inside the indicator
 * block, no 总分 row) and a Traditional-character copy of a clean form. Each starts from a clean MoF form
 * of test/helpers/mof and prints through its layout.
 */
import { formById } from '../mof/catalogue.js';
import type { MofForm } from '../mof/form.js';
import { formTable } from '../mof/layout.js';
import type { PrintedPage, TableSpec } from './common.js';
import { toTraditional } from './traditional.js';

export interface WeightOnlyMofForm {
  variant: 'mof-weight-only';
  id: string;
  /** The clean form it was blanked from. */
  source: string;
  /** As printed: amounts, 分值 and 执行率 kept; every 实际完成值, 得分, 偏差原因 and the total score empty. */
  form: MofForm;
}

export interface CutMofForm {
  variant: 'mof-cut';
  id: string;
  source: string;
  /** What is printed: the indicators above the cut; `total` and `grade` are not printed. */
  form: MofForm;
  /** How many indicator rows the whole form has. */
  wholeIndicators: number;
  table: TableSpec;
}

export interface TraditionalMofForm {
  variant: 'mof-traditional';
  id: string;
  /** The clean Simplified form it mirrors (values and layout). */
  source: MofForm;
  /** Caption, title and year lines, converted. */
  lines: string[];
  /** The source's table with every label and text converted. */
  table: TableSpec;
}

export function weightOnly(sourceId: string): WeightOnlyMofForm {
  const form = formById(sourceId);
  form.id = `mof-weight-only-${sourceId.replace(/^project-/u, '')}`;
  form.funds[0]!.score = '';
  form.indicators = form.indicators.map((r) => ({ ...r, actual: '', score: '', reason: '' }));
  form.total = { weight: '100', score: '' };
  if (form.grade) form.grade = { ...form.grade, value: '' };
  return { variant: 'mof-weight-only', id: form.id, source: sourceId, form };
}

/** The form cut after `keep` indicator rows: the table ends there, without the 总分 (and grade) rows. */
export function cutForm(sourceId: string, keep: number): CutMofForm {
  const whole = formById(sourceId);
  if (keep >= whole.indicators.length || keep < 1) throw new Error('a cut keeps some but not all indicators');
  const form: MofForm = { ...whole, id: `mof-cut-${sourceId.replace(/^project-/u, '')}`, indicators: whole.indicators.slice(0, keep), total: { weight: '', score: '' } };
  delete form.grade;
  delete form.gradePlacement;
  delete form.footnote;
  const full = formTable(form);
  const table = { cols: full.cols, rows: full.rows.slice(0, -1) }; // the 总分 row
  if (!table.rows.at(-1)!.some((cell) => cell.text === form.indicators.at(-1)!.level3)) throw new Error('the cut must end on an indicator row');
  return { variant: 'mof-cut', id: form.id, source: sourceId, form, wholeIndicators: whole.indicators.length, table };
}

export function traditionalCopy(sourceId: string): TraditionalMofForm {
  const source = formById(sourceId);
  const table = formTable(source);
  const converted: TableSpec = { cols: table.cols, rows: table.rows.map((row) => row.map((cell) => ({ ...cell, text: toTraditional(cell.text) }))) };
  const lines = [source.caption ?? '', source.title, source.yearLine].filter((l) => l !== '').map(toTraditional);
  return { variant: 'mof-traditional', id: `mof-traditional-${sourceId.replace(/^project-/u, '')}`, source, lines, table: converted };
}

export function cutPage(form: CutMofForm): PrintedPage {
  return { above: [form.form.title, form.form.yearLine].filter((l) => l !== ''), table: form.table, below: [] };
}

export function traditionalPage(form: TraditionalMofForm): PrintedPage {
  return { above: form.lines, table: form.table, below: form.source.footnote ? [toTraditional(form.source.footnote)] : [] };
}

export const WEIGHT_ONLY_MOF = weightOnly('project-reservoir-wan');
export const CUT_MOF = cutForm('project-health-wan2', 3);
export const TRADITIONAL_MOF = traditionalCopy('project-road-wan');
