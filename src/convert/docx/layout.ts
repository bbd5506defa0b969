/**
 * The true cell layout of a Word table, computed from its OOXML grid (not from mammoth's guess):
 * rows starting late (w:gridBefore) or ending early (w:gridAfter) get empty placeholder cells, cells are
 * placed on grid columns by w:gridSpan, vertical merges (w:vMerge) extend the anchor above only when
 * they line up with it exactly, legacy horizontal merges (w:hMerge) widen the cell on their left.
 */
import type { TableModel } from './table-model.js';

export interface LayoutCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** Marker key of the w:tc whose content this cell shows; null for a placeholder. */
  key: string | null;
  /** Set for placeholder cells standing for w:gridBefore / w:gridAfter. */
  placeholder?: 'before' | 'after' | 'gap';
}

export interface TableLayout {
  rows: LayoutCell[][];
  /** Anchors in row-major order. */
  cells: LayoutCell[];
  colCount: number;
  /** Problems that could not be corrected, in words. */
  problems: string[];
}

export function layoutTable(model: TableModel): TableLayout {
  const slots: (LayoutCell | null)[][] = [];
  const cells: LayoutCell[] = [];
  const problems: string[] = [];
  const place = (cell: LayoutCell) => {
    cells.push(cell);
    for (let c = cell.col; c < cell.col + cell.colspan; c++) slots[cell.row]![c] = cell;
  };

  model.rows.forEach((row, r) => {
    slots.push([]);
    let col = 0;
    if (row.gridBefore > 0) {
      place({ row: r, col: 0, rowspan: 1, colspan: row.gridBefore, key: null, placeholder: 'before' });
      col = row.gridBefore;
    }
    let last: LayoutCell | null = null;
    for (const tc of row.cells) {
      if (tc.hMerge === 'continue' && last && last.row === r && last.rowspan === 1 && last.placeholder === undefined) {
        last.colspan += tc.span;
        for (let c = col; c < col + tc.span; c++) slots[r]![c] = last;
        col += tc.span;
        continue;
      }
      if (tc.vMerge === 'continue' && r > 0) {
        const above = slots[r - 1]![col];
        if (above && above.placeholder === undefined && above.col === col && above.colspan === tc.span) {
          above.rowspan++;
          for (let c = col; c < col + tc.span; c++) slots[r]![c] = above;
          col += tc.span;
          last = above;
          continue;
        }
        if (above && above.placeholder === undefined) {
          problems.push(
            `row ${r + 1}, column ${col + 1}: a vertically merged cell does not line up with the cell above ` +
              `(columns ${col + 1}–${col + tc.span} vs ${above.col + 1}–${above.col + above.colspan}); kept as a separate cell`,
          );
        }
        // Nothing above (first row, a row above that starts late or ends early): a cell of its own.
      }
      const cell: LayoutCell = { row: r, col, rowspan: 1, colspan: tc.span, key: tc.key };
      place(cell);
      last = cell;
      col += tc.span;
    }
    if (row.gridAfter > 0) {
      place({ row: r, col, rowspan: 1, colspan: row.gridAfter, key: null, placeholder: 'after' });
    }
  });

  // A gap can only come from an inconsistent table; fill it with an empty cell rather than let the
  // HTML table model pull the cells on its right one column to the left.
  const colCount = slots.reduce((m, s) => Math.max(m, s.length), 0);
  slots.forEach((s, r) => {
    for (let c = 0; c < s.length; c++) {
      if (s[c]) continue;
      let end = c;
      while (end < s.length && !s[end]) end++;
      problems.push(`row ${r + 1}: columns ${c + 1}–${end} are not covered by any cell; filled with an empty cell`);
      place({ row: r, col: c, rowspan: 1, colspan: end - c, key: null, placeholder: 'gap' });
      c = end - 1;
    }
  });

  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const rows: LayoutCell[][] = model.rows.map(() => []);
  for (const cell of cells) rows[cell.row]!.push(cell);
  return { rows, cells, colCount, problems };
}
