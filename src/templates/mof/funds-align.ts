/**
 * Placing the cells of a funds row that has fewer cells than its block has columns. A text rendering of
 * a form (a Tika dump) prints a cell's text, not its place, and an empty cell may vanish from it: the
 * 年初预算数 of a project added during the year (mof-family §7.2), the blank 分值 / 执行率 / 得分 of a 其中 row.
 * Counting cells from the left would then put 全年预算数 under 年初预算数 and everything after it one column
 * off. Such a row is read by its structure instead: amounts only under amount columns, a percentage only
 * under 执行率, a printed 执行率 equal to 全年执行数 / 全年预算数, 得分 not above 分值 — and, where that leaves
 * more than one way, by the columns the block's other rows leave empty. When several placements still
 * fit, the cells they agree on are kept and the others are not read: the caller reports them.
 */
import { Dec } from '../../model/decimal.js';
import type { GridCell } from '../../model/grid.js';
import { foldWidth, isEmptyMarker } from '../../model/normalize.js';
import type { MoneyUnit } from '../../model/values.js';
import { money, num, rateValue } from './cells.js';

/** What a value column of the funds block holds. */
export type FundsMeaning = 'initialBudget' | 'budget' | 'executed' | 'weight' | 'rate' | 'score' | 'other';

const AMOUNT: ReadonlySet<FundsMeaning> = new Set(['initialBudget', 'budget', 'executed']);
/** The budget-execution item's columns, filled only on the total row (mof-family §2). */
const EXECUTION: ReadonlySet<FundsMeaning> = new Set(['weight', 'rate', 'score']);

type CellKind = 'empty' | 'percent' | 'number' | 'text';

/** What a cell prints: nothing (or an empty marker), a percentage, a plain number or amount, or text. */
export function cellKind(cell: GridCell | null): CellKind {
  if (!cell) return 'empty';
  const t = foldWidth(cell.text).replace(/[\s,]/gu, '');
  if (isEmptyMarker(t)) return 'empty';
  if (/^-?\d+(?:\.\d+)?%$/u.test(t)) return 'percent';
  if (/^-?\d+(?:\.\d+)?(?:亿元|万元|元|分)?$/u.test(t)) return 'number';
  return 'text';
}

/** One funds row as its reader found it: `cells` under every value column, or only its value cells in order (short). */
export interface FundsRowCells {
  role: 'total' | 'component';
  cells: (GridCell | null)[];
  short: boolean;
}

export interface PlacedRow {
  /** The cell under each value column (null: none, or not read). */
  cells: (GridCell | null)[];
  /** Value columns this row's cells fit under in more than one way (or in none): not read. */
  open: number[];
}

export interface Placement {
  rows: PlacedRow[];
  /** Amount columns left unread on every 其中 row, because one 其中 row's amount there is unknown. */
  withheld: number[];
}

/** A way to place a short row: its cells under the columns not in `skips`. */
interface Option {
  cells: (GridCell | null)[];
  /** The column sets left without a cell that give these cells (several when empty cells are interchangeable). */
  skips: number[][];
}

/** Index sets of size k from 0..n-1, in increasing order. */
function* subsets(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k; i++) for (const rest of subsets(n, k - 1, i + 1)) yield [i, ...rest];
}

/** Too many ways to place a row to try them all: it is left unread. */
const MAX_OPTIONS = 5000;

function binomial(n: number, k: number): number {
  let out = 1;
  for (let i = 1; i <= k; i++) out = (out * (n - k + i)) / i;
  return out;
}

/** Whether the cells placed under the columns make sense together. */
function fits(cells: (GridCell | null)[], meanings: FundsMeaning[], unit: MoneyUnit): boolean {
  for (let i = 0; i < cells.length; i++) {
    const kind = cellKind(cells[i]!);
    const meaning = meanings[i]!;
    if (kind === 'text' && meaning !== 'other') return false;
    if (kind === 'percent' && meaning !== 'rate' && meaning !== 'other') return false;
    // The execution item's weight is a positive number of points.
    if (meaning === 'weight' && kind === 'number' && !new Dec(num(cells[i])!.value ?? '0').gt(0)) return false;
  }
  const at = (m: FundsMeaning) => {
    const i = meanings.indexOf(m);
    return i >= 0 ? (cells[i] ?? null) : null;
  };
  const value = (s: string | null | undefined) => (s == null ? null : new Dec(s));
  const budget = value(money(at('budget'), unit)?.value);
  const executed = value(money(at('executed'), unit)?.value);
  const rate = rateValue(at('rate'));
  if (rate?.value != null) {
    // A printed rate is 全年执行数 / 全年预算数: both must be there and give it, to within one unit of its last printed digit.
    if (!budget || !executed) return false;
    const printed = new Dec(rate.value);
    if (budget.isZero()) return printed.isZero();
    const computed = executed.div(budget).times(100);
    if (computed.minus(printed).abs().gt(new Dec(10).pow(-(rate.decimals ?? 0)))) return false;
  }
  const weight = value(num(at('weight'))?.value);
  const score = value(num(at('score'))?.value);
  // An execution score is given out of its weight: printed without it (where the block has a 分值 column) it is misplaced.
  if (score && !weight && meanings.includes('weight')) return false;
  return !(weight && score && score.gt(weight));
}

/** The distinct placements of a short row that fit: cells that are empty either way count as the same. */
function options(cells: GridCell[], meanings: FundsMeaning[], unit: MoneyUnit): Option[] | null {
  const n = meanings.length;
  const k = n - cells.length;
  if (binomial(n, k) > MAX_OPTIONS) return null;
  const byKey = new Map<string, Option>();
  for (const skips of subsets(n, k)) {
    const placed: (GridCell | null)[] = [];
    let next = 0;
    for (let i = 0; i < n; i++) placed.push(skips.includes(i) ? null : cells[next++]!);
    if (!fits(placed, meanings, unit)) continue;
    const key = placed.map((c) => (c && cellKind(c) !== 'empty' ? cells.indexOf(c) : '-')).join(',');
    const seen = byKey.get(key);
    if (seen) seen.skips.push(skips);
    else byKey.set(key, { cells: placed, skips: [skips] });
  }
  return [...byKey.values()];
}

const within = (skips: number[], allowed: ReadonlySet<number>) => skips.every((i) => allowed.has(i));

/** Columns left without a cell by every placement giving this option: the ones that surely vanished. */
function surelySkipped(option: Option): number[] {
  return option.skips[0]!.filter((i) => option.skips.every((s) => s.includes(i)));
}

/**
 * Every row of a funds block placed under the block's value columns (`meanings`, left to right). Rows
 * that are not short keep their cells. A short row takes the one placement that fits; else the one that
 * leaves empty only columns the block's other rows show empty (a column that vanished from one row
 * vanished from every row); on a 其中 row, else the one that leaves empty those and all of its execution
 * columns; else only what every fitting placement agrees on.
 */
export function placeFundsRows(rows: FundsRowCells[], meanings: FundsMeaning[], unit: MoneyUnit): Placement {
  const n = meanings.length;
  const opts = rows.map((row) => (row.short ? options(row.cells as GridCell[], meanings, unit) : null));
  // The columns the block leaves empty: those that surely vanished from a row placed one way only, and
  // the empty cells of a total row printed in full.
  const empty = new Set<number>();
  rows.forEach((row, i) => {
    const o = opts[i];
    if (row.short && o?.length === 1) for (const c of surelySkipped(o[0]!)) empty.add(c);
    if (!row.short && row.role === 'total') row.cells.forEach((c, j) => cellKind(c) === 'empty' && empty.add(j));
  });
  const execution = new Set(meanings.flatMap((m, i) => (EXECUTION.has(m) ? [i] : [])));
  const placed: PlacedRow[] = rows.map((row, i) => {
    if (!row.short) return { cells: row.cells, open: [] };
    const o = opts[i] ?? [];
    if (o.length === 1) return { cells: o[0]!.cells, open: [] };
    const tiers: ((skips: number[]) => boolean)[] = [(skips) => within(skips, empty)];
    // A 其中 row's execution cells are blank together or printed together ("—" in each): all of them vanish, or none.
    if (row.role === 'component') tiers.push((skips) => within(skips.filter((j) => !execution.has(j)), empty) && [...execution].every((j) => skips.includes(j)));
    for (const preferred of tiers) {
      const chosen = o.filter((opt) => opt.skips.some(preferred));
      if (chosen.length === 1) return { cells: chosen[0]!.cells, open: [] };
    }
    // Still more than one way (or none): keep the columns every placement fills with the same cell.
    const cells: (GridCell | null)[] = [];
    const open: number[] = [];
    for (let j = 0; j < n; j++) {
      const first = o[0]?.cells[j] ?? null;
      const same = o.length > 0 && o.every((opt) => (cellKind(opt.cells[j] ?? null) === 'empty' && cellKind(first) === 'empty') || opt.cells[j] === first);
      // An empty cell that is the same cell in every placement keeps its printed marker ("—").
      cells.push(same && (cellKind(first) !== 'empty' || o.every((opt) => opt.cells[j] === first)) ? first : null);
      if (!same) open.push(j);
    }
    return { cells, open };
  });
  // A 其中 row whose amount is unknown would count as an absent (0) source if it kept no amount at all:
  // the block's sources are then not added up in that column.
  const withheld = [...new Set(rows.flatMap((row, i) => (row.role === 'component' ? placed[i]!.open.filter((j) => AMOUNT.has(meanings[j]!)) : [])))].sort((a, b) => a - b);
  if (withheld.length) rows.forEach((row, i) => row.role === 'component' && withheld.forEach((j) => (placed[i]!.cells[j] = null)));
  return { rows: placed, withheld };
}
