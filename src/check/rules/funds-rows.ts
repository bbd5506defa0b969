/** The funds block's lines with their JSON pointers, and the names a message gives them. */
import { MONEY_COLUMNS, type Evaluation, type FundsLine, type MoneyColumn } from '../../model/evaluation.js';
import { Dec } from '../arith.js';
import { perEvaluation } from '../derived.js';
import { pointer } from '../locate.js';

export interface PathedRow {
  row: FundsLine;
  path: string;
}

export const fundsRows = perEvaluation((ev): readonly PathedRow[] => (ev.funds?.lines ?? []).map((row, i) => ({ row, path: pointer('funds', 'lines', i) })));

/** The total line (合计 / 年度资金总额) with its pointer, or null. */
export function totalRow(ev: Evaluation): PathedRow | null {
  return fundsRows(ev).find((r) => r.row.role === 'total') ?? null;
}

const SOURCE_EN: Record<NonNullable<FundsLine['source']>, string> = {
  total: 'total',
  central: 'central government',
  provincial: 'provincial',
  municipal: 'municipal',
  county: 'county/district',
  current: 'current-year appropriation',
  carryover: 'carried over from last year',
  other: 'other',
};

/** The row's printed label ("其中：" dropped) and an English name. */
export function rowLabel(row: FundsLine): { zh: string; en: string } {
  const zh = row.label.replace(/^\s*其中[:：]\s*/u, '') || (row.role === 'total' ? '合计' : (row.source ?? ''));
  return { zh, en: row.source ? SOURCE_EN[row.source] : zh };
}

const COLUMN_EN: Record<MoneyColumn, string> = {
  initialBudget: 'initial budget',
  budget: 'planned funds',
  arrived: 'funds arrived',
  executed: 'spent',
  balance: 'balance',
};

/** A money column as the form names it (计划安排资金, 全年预算数 …), with an English name. */
export function columnLabel(ev: Evaluation, column: MoneyColumn): { zh: string; en: string } {
  return { zh: ev.funds?.columns[column] ?? column, en: COLUMN_EN[column] };
}

/**
 * Whether `row` is the total line printing 0 in `column` over 其中 lines that are not all 0: a misprint
 * that funds-source-sum reports (mof-family §6, "an error, not a value"), so no other rule computes with it.
 */
export function zeroOverComponents(ev: Evaluation, row: FundsLine, column: MoneyColumn): boolean {
  const value = row[column]?.value;
  if (row.role !== 'total' || value == null || !new Dec(value).isZero()) return false;
  return fundsRows(ev).some(({ row: r }) => r.role === 'component' && r[column]?.value != null && !new Dec(r[column].value).isZero());
}

/**
 * A column's full-year figure: the total line's, or — where the total prints a 0 over 其中 lines that are
 * not all 0 (zeroOverComponents) — the sum of those lines, a line blank in every column counting as an
 * absent source. Null when the total is empty, or when a 其中 line with amounts leaves this one blank.
 */
export function totalAmount(ev: Evaluation, column: MoneyColumn): Dec | null {
  const total = totalRow(ev)?.row;
  const value = total?.[column]?.value;
  if (!total || value == null) return null;
  if (!zeroOverComponents(ev, total, column)) return new Dec(value);
  const lines = fundsRows(ev).filter(({ row }) => row.role === 'component' && MONEY_COLUMNS.some((c) => row[c]?.value != null));
  if (lines.some(({ row }) => row[column]?.value == null)) return null;
  return lines.reduce((s, { row }) => s.plus(row[column]!.value!), new Dec(0));
}
