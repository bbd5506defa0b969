/**
 * The budget-execution item of an MoF-style form: 分值, 执行率 and 得分 printed on the funds total line.
 * Some units repeat them on a 其中 line; that is the same item, counted once.
 */
import type { Evaluation, FundsLine } from '../model/evaluation.js';
import { foldWidth } from '../model/normalize.js';
import type { NumberValue } from '../model/values.js';
import { Dec, halfUnit } from './arith.js';
import { pointer } from './locate.js';

/**
 * A rate printed as a fraction without "%" ("1", "0.9", "0.9614") is precise to its own last decimal:
 * "1" stands for any rate from 50% up, "0.9" for 85%–95%. Half a unit of that decimal, in percent (0 for
 * a rate printed with "%", which is read at its printed decimals).
 */
export function fractionTolerance(raw: string): Dec {
  const m = /^\s*[01](?:\.(\d+))?\s*$/u.exec(foldWidth(raw));
  return m ? halfUnit(m[1]?.length ?? 0).times(100) : new Dec(0);
}

export interface ExecutionItem {
  line: FundsLine;
  path: string;
  weight: NumberValue | null;
  score: NumberValue | null;
  rate: NumberValue | null;
}

const filled = (v: NumberValue | null) => v?.value != null;

/**
 * Whether the execution item's weight or score is printed but was not read (a text copy fused its cells,
 * and an extract-funds-columns finding says so): unknown, not absent, so sums that include it cannot be
 * made from the other items alone.
 */
export function executionUnread(ev: Evaluation, column: 'weight' | 'score'): boolean {
  const item = executionItem(ev);
  if (item?.[column]?.value != null) return false;
  const lines = item ? [item.line] : (ev.funds?.lines ?? []).filter((l) => l.role === 'total');
  return lines.some((l) => l.unread?.includes(column) ?? false);
}

/** The execution item, from the total line, or from the first line that prints it when the total does not. */
export function executionItem(ev: Evaluation): ExecutionItem | null {
  const indexed = [...(ev.funds?.lines ?? []).entries()];
  const totalFirst = [...indexed.filter(([, l]) => l.role === 'total'), ...indexed.filter(([, l]) => l.role !== 'total')];
  const found = totalFirst.find(([, line]) => filled(line.weight) || filled(line.score));
  if (!found) return null;
  const [i, line] = found;
  return { line, path: pointer('funds', 'lines', i), weight: line.weight, score: line.score, rate: line.rate };
}
