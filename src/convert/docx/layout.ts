/**
 * The true cell layout of a Word table, computed from its OOXML grid (not from mammoth's guess):
 * rows starting late (w:gridBefore) or ending early (w:gridAfter) get empty placeholder cells, cells are
 * placed on grid columns by w:gridSpan, vertical merges (w:vMerge) extend the anchor above when they
 * line up with it, legacy horizontal merges (w:hMerge) widen the cell on their left.
 *
 * Two merges are decided deliberately (both reported as notes, i.e. info):
 *  - a continuation whose edges are off the edges of the cell above only by hairline grid columns
 *    (together at most MERGE_TOLERANCE_TWIPS wide on each side: an edge dragged a few twips, invisible
 *    on the page) is merged with it, as Word and LibreOffice show it; the row's neighbouring cell gives
 *    up or takes the hairline. Wider offsets stay separate cells and are a problem, as before.
 *  - a continuation with no cell above it in its column (the row above ends early or starts late) is a
 *    cell of its own: the empty slot between breaks the merge, and joining it to a cell further up
 *    would claim a slot that is not part of it. (In the first row it is a table continued after a
 *    section break, and stays a cell of its own silently.)
 */
import type { TableModel } from './table-model.js';

/** Widest edge offset, in twips (1/20 pt), at which a vertical merge is still made: 30 twips = 0.53 mm. */
export const MERGE_TOLERANCE_TWIPS = 30;

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
  /** Decisions taken on doubtful structure (tolerance merges, continuations without a cell above). */
  notes: string[];
}

export function layoutTable(model: TableModel): TableLayout {
  const slots: (LayoutCell | null)[][] = [];
  const cells: LayoutCell[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const place = (cell: LayoutCell) => {
    cells.push(cell);
    for (let c = cell.col; c < cell.col + cell.colspan; c++) slots[cell.row]![c] = cell;
  };
  const widths = model.gridWidths ?? [];
  /** Width in twips of the grid columns between two edges; null when a width is unknown. */
  const between = (a: number, b: number): number | null => {
    let sum = 0;
    for (let c = Math.min(a, b); c < Math.max(a, b); c++) {
      if (!widths[c]) return null;
      sum += widths[c]!;
    }
    return sum;
  };

  /**
   * A continuation at [c0, c1) in row r under an anchor whose edges are off its own only by hairline
   * columns: the anchor grows a row, the cell on the left ends and the next cell starts at the anchor's
   * edges (giving up or taking the hairline). Returns the anchor and how much wider the next cell gets
   * (negative: narrower), or null when no anchor qualifies or the neighbours cannot absorb the offset.
   */
  const hairlineMerge = (r: number, c0: number, c1: number, next: { span: number } | undefined) => {
    const above = new Set(slots[r - 1]!.slice(c0, c1));
    for (const anchor of above) {
      if (!anchor || anchor.placeholder !== undefined || anchor.row + anchor.rowspan !== r) continue;
      const a0 = anchor.col;
      const a1 = anchor.col + anchor.colspan;
      const left = between(a0, c0);
      const right = between(a1, c1);
      if (left === null || right === null || left > MERGE_TOLERANCE_TWIPS || right > MERGE_TOLERANCE_TWIPS) continue;
      const prev = c0 > 0 ? slots[r]![c0 - 1] : null;
      const prevFree = prev && prev.row === r && prev.rowspan === 1 && prev.col + prev.colspan === c0 && prev.col < a0;
      if (a0 !== c0 && !prevFree) continue;
      if (a1 !== c1 && !(next && next.span + (c1 - a1) >= 1)) continue;
      if (prev && prevFree && a0 !== c0) {
        for (let c = prev.col; c < Math.max(a0, c0); c++) slots[r]![c] = null;
        prev.colspan = a0 - prev.col;
        for (let c = prev.col; c < a0; c++) slots[r]![c] = prev;
      }
      anchor.rowspan++;
      for (let c = a0; c < a1; c++) slots[r]![c] = anchor;
      notes.push(
        `row ${r + 1}, column ${c0 + 1}: a vertically merged cell offset from the cell above by ` +
          `${Math.max(left, right)} twips (tolerance ${MERGE_TOLERANCE_TWIPS}) was merged with it`,
      );
      return { anchor, nextCol: a1, grow: c1 - a1 };
    }
    return null;
  };

  model.rows.forEach((row, r) => {
    slots.push([]);
    let col = 0;
    if (row.gridBefore > 0) {
      place({ row: r, col: 0, rowspan: 1, colspan: row.gridBefore, key: null, placeholder: 'before' });
      col = row.gridBefore;
    }
    let last: LayoutCell | null = null;
    /** Columns the next cell gains (or, negative, loses) after a hairline merge to its left. */
    let grow = 0;
    row.cells.forEach((tc, i) => {
      const span = tc.span + grow;
      grow = 0;
      if (tc.hMerge === 'continue' && last && last.row === r && last.rowspan === 1 && last.placeholder === undefined) {
        last.colspan += span;
        for (let c = col; c < col + span; c++) slots[r]![c] = last;
        col += span;
        return;
      }
      if (tc.vMerge === 'continue' && r > 0) {
        const above = slots[r - 1]![col];
        if (above && above.placeholder === undefined && above.col === col && above.colspan === span) {
          above.rowspan++;
          for (let c = col; c < col + span; c++) slots[r]![c] = above;
          col += span;
          last = above;
          return;
        }
        const merged = hairlineMerge(r, col, col + span, row.cells[i + 1]);
        if (merged) {
          col = merged.nextCol;
          grow = merged.grow;
          last = merged.anchor;
          return;
        }
        if (above && above.placeholder === undefined) {
          problems.push(
            `row ${r + 1}, column ${col + 1}: a vertically merged cell does not line up with the cell above ` +
              `(columns ${col + 1}–${col + span} vs ${above.col + 1}–${above.col + above.colspan}); kept as a separate cell`,
          );
        } else {
          notes.push(`row ${r + 1}, column ${col + 1}: a vertically merged cell has no cell above it (the row above is short); kept as a cell of its own`);
        }
      }
      const cell: LayoutCell = { row: r, col, rowspan: 1, colspan: span, key: tc.key };
      place(cell);
      last = cell;
      col += span;
    });
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
  return { rows, cells, colCount, problems, notes };
}
