/**
 * Reading a block of a form table by its header: which cell of a data row sits under which header label.
 * Word and HTML grids carry real spans, so header and data cells share slot columns. A Tika text dump
 * carries none: a horizontally merged cell comes out once and a vertically merged one as an empty cell,
 * so a header cell spanning three sub-columns (年度指标值 over 指标性质 | 指标值 | 度量单位) shifts every cell
 * after it. Both are read by matching the row's cells to the header's leaf columns in order when their
 * counts agree, and by slot column otherwise.
 */
import type { GridCell, GridTable } from '../../model/grid.js';
import { cellKey, rowAnchors, type LabelMatch } from '../../parse/locate.js';

export interface LeafColumn {
  /** The header cell naming this column (a sub-header cell where the header has two rows). */
  head: GridCell | null;
  key: string;
  /** Slot column of the leaf in the (last) header row. */
  col: number;
}

const blank = (cell: GridCell | null | undefined) => !cell || cell.text.trim() === '';

/**
 * The header's leaf columns. `rows` is one header row, or two when the second holds sub-labels under a
 * spanning cell of the first.
 */
export function leafColumns(table: GridTable, rows: [number] | [number, number]): LeafColumn[] {
  const top = rowAnchors(table, rows[0]);
  if (rows.length === 1) return top.map((cell) => ({ head: cell, key: cellKey(cell), col: cell.col }));
  const bottom = rowAnchors(table, rows[1]);
  // Where the sub-labels sit in the bottom row: a run of own, labelled cells.
  const labelled = bottom.map((c, i) => (c.row === rows[1] && !blank(c) ? i : -1)).filter((i) => i >= 0);
  const first = labelled[0] ?? -1;
  const extra = bottom.length - top.length;
  return bottom.map((cell, i) => {
    if (cell.row === rows[1] && !blank(cell)) return { head: cell, key: cellKey(cell), col: cell.col };
    if (cell.row < rows[1]) return { head: cell, key: cellKey(cell), col: cell.col };
    // A text dump's empty continuation cell: its label is the top row's cell at the same place,
    // counting the sub-labelled run as one top cell.
    const j = extra > 0 && first >= 0 && i > first ? i - extra : i;
    const head = top[j] ?? null;
    return { head, key: cellKey(head), col: cell.col };
  });
}

/** Whether the row below a header row holds sub-labels (and is therefore part of the header). */
export function isSubHeader(table: GridTable, r: number, sub: LabelMatch[]): boolean {
  const own = rowAnchors(table, r).filter((c) => c.row === r && !blank(c));
  return own.length > 0 && own.every((c) => sub.some((m) => m(cellKey(c))));
}

/** The cells of data row r aligned to the leaf columns (null where the row has none). */
export function alignRow(table: GridTable, r: number, leaves: LeafColumn[]): (GridCell | null)[] {
  const anchors = rowAnchors(table, r);
  if (anchors.length === leaves.length) return anchors;
  return leaves.map((leaf) => table.slots[r]?.[leaf.col] ?? null);
}

/** Index of the first leaf whose header key matches, or -1. */
export function leafIndex(leaves: LeafColumn[], match: LabelMatch, from = 0): number {
  for (let i = from; i < leaves.length; i++) if (match(leaves[i]!.key)) return i;
  return -1;
}
