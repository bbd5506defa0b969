/**
 * Hidden rows and columns. Excel neither shows nor prints them, so the sheet's grid closes up over them
 * as it does on screen: their cells are left out, the cells after them move up or left, and a merged
 * range keeps its visible part (its text in that part's first slot, even when the range's own first row
 * or column is the hidden one). A helper column of codes or formulas hidden beside a form, or an old row
 * hidden inside it, is no part of the printed form; the hidden rows and columns that held text are
 * named so the converter can say what it did not read.
 */
import type { MergeRange, SheetCell, SheetContent } from './sheet.js';

/** Column letters of a 0-based column (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let letters = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** The 0-based columns of a <col min max> element (1-based, inclusive), within the sheet's width. */
export function hiddenColumns(min: string | undefined, max: string | undefined, width: number): number[] {
  const from = Number(min);
  const to = Number(max ?? min);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1) return [];
  const out: number[] = [];
  for (let c = from; c <= Math.min(to, width); c++) out.push(c - 1);
  return out;
}

/** Index after closing up: how many visible rows (columns) come before `i`. */
function shifter(hidden: ReadonlySet<number>): { shift: (i: number) => number; hiddenIn: (from: number, to: number) => number } {
  const sorted = [...hidden].sort((a, b) => a - b);
  /** How many hidden indices are below `i`. */
  const below = (i: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { shift: (i) => i - below(i), hiddenIn: (from, to) => below(to + 1) - below(from) };
}

type Content = Omit<SheetContent, 'hidden'>;

/** Cell × merged-range tests allowed for telling covered hidden slots from cells with text of their own. */
const MAX_COVERED_TESTS = 4_000_000;

export function closeUp(content: Content, hiddenRows: ReadonlySet<number>, hiddenCols: ReadonlySet<number>): SheetContent {
  if (hiddenRows.size === 0 && hiddenCols.size === 0) return { ...content, hidden: { rows: [], cols: [] } };
  const rows = shifter(hiddenRows);
  const cols = shifter(hiddenCols);
  const isHidden = (c: { row: number; col: number }) => hiddenRows.has(c.row) || hiddenCols.has(c.col);

  const merges: MergeRange[] = [];
  const keptAnchors = new Set<string>();
  for (const m of content.merges) {
    const rowspan = m.rowspan - rows.hiddenIn(m.row, m.row + m.rowspan - 1);
    const colspan = m.colspan - cols.hiddenIn(m.col, m.col + m.colspan - 1);
    if (rowspan < 1 || colspan < 1) continue;
    keptAnchors.add(`${m.row},${m.col}`);
    if (rowspan > 1 || colspan > 1) merges.push({ row: rows.shift(m.row), col: cols.shift(m.col), rowspan, colspan });
  }
  const cells: SheetCell[] = [];
  const hiddenCells: SheetCell[] = [];
  for (const c of content.cells) {
    if (!isHidden(c) || keptAnchors.has(`${c.row},${c.col}`)) cells.push({ row: rows.shift(c.row), col: cols.shift(c.col), text: c.text });
    else hiddenCells.push(c);
  }
  // A slot inside a merged range (not its anchor) is no text of its own. Which hidden cells those are only
  // shapes the info's list, so on a sheet where testing every hidden cell against every range would be
  // slow (a hostile file's many ranges and hidden cells) they are all listed instead.
  const coveredTestable = hiddenCells.length * content.merges.length <= MAX_COVERED_TESTS;
  const covered = (c: SheetCell) => coveredTestable && content.merges.some((m) => c.row >= m.row && c.row < m.row + m.rowspan && c.col >= m.col && c.col < m.col + m.colspan && (c.row !== m.row || c.col !== m.col));
  const textRows = new Set<number>();
  const textCols = new Set<number>();
  for (const c of hiddenCells) {
    if (covered(c)) continue;
    if (hiddenRows.has(c.row)) textRows.add(c.row);
    if (hiddenCols.has(c.col)) textCols.add(c.col);
  }
  const written = new Map<number, number>();
  for (const [row, n] of content.written) if (!hiddenRows.has(row)) written.set(rows.shift(row), n);
  const framed = new Set([...content.framed].filter((row) => !hiddenRows.has(row)).map(rows.shift));
  return {
    cells,
    merges,
    uncached: content.uncached,
    unrendered: content.unrendered,
    written,
    framed,
    hidden: { rows: [...textRows].sort((a, b) => a - b).map((r) => String(r + 1)), cols: [...textCols].sort((a, b) => a - b).map(columnLetters) },
  };
}
