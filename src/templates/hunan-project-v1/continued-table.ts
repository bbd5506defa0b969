import type { DocumentGrid, GridTable } from '../../model/grid.js';
import { cellKey, ownCells, type CellHit, type LabelMatch } from '../../parse/locate.js';

/**
 * The table after `table` when its first row prints a header again: the cell `header` picks, with a
 * cell `column` picks beside it (a table broken at a page, its header repeated atop the next table).
 * Both are asked of the one row so that a stray label elsewhere starts no continuation.
 */
export function tableContinuedBelow(grid: DocumentGrid, table: GridTable, header: LabelMatch, column: LabelMatch): CellHit | null {
  const next = grid.tables[grid.tables.indexOf(table) + 1];
  if (!next) return null;
  const firstRow = ownCells(next, 0);
  const head = firstRow.find((c) => header(cellKey(c)));
  return head && firstRow.some((c) => column(cellKey(c))) ? { table: next, cell: head } : null;
}
