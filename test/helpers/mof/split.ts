/**
 * A form printed as several tables (mof-family.md §7.13, §7.17): its table (layout.ts) cut at row
 * boundaries into pieces, as a page or table break leaves it. A cell merged across a cut is cut with it:
 * its text stays in the upper piece and the lower piece starts with an empty cell over the rest of its
 * rows, as Word leaves a vertical merge split by a table break.
 */
import type { MofForm } from './form.js';
import { formTable, placeCells, type SpecCell, type TableSpec } from './layout.js';
import type { DocPart } from './parts.js';

/** First rows of the parts of a form's table, as layout.ts prints them. */
export interface FormRows {
  identity: number;
  funds: number;
  goals: number;
  /** The indicator header (one row, or two for the split target). */
  indicatorHeader: number;
  /** The first indicator row; indicator i is at `indicators + i`. */
  indicators: number;
  total: number;
}

export function formRows(form: MofForm): FormRows {
  const funds = form.kind === 'project' ? 2 : 1;
  const goals = funds + 1 + form.funds.length;
  const indicatorHeader = goals + 2;
  const indicators = indicatorHeader + (form.targetLayout === 'split' ? 2 : 1);
  return { identity: 0, funds, goals, indicatorHeader, indicators, total: indicators + form.indicators.length };
}

/** The table cut before each row of `at` (ascending, inside the table). */
export function cutTable(table: TableSpec, at: number[]): TableSpec[] {
  const bounds = [0, ...at, table.rows.length];
  for (let i = 1; i < bounds.length; i++) if (bounds[i]! <= bounds[i - 1]!) throw new Error('cuts must be ascending and inside the table');
  const placed = placeCells(table);
  const pieces: TableSpec[] = [];
  for (let p = 0; p + 1 < bounds.length; p++) {
    const [from, to] = [bounds[p]!, bounds[p + 1]!];
    const rows: SpecCell[][] = [];
    for (let r = from; r < to; r++) {
      const row: SpecCell[] = [];
      for (const cell of placed[r]!) {
        const anchored = cell.anchorRow === r;
        // A cell reaching down from above the cut starts afresh, empty, in the piece's first row.
        if (!anchored && !(r === from && cell.anchorRow < from)) continue;
        const end = Math.min(cell.anchorRow + (cell.cell.rowspan ?? 1), to);
        const rowspan = end - r;
        const colspan = cell.cell.colspan ?? 1;
        row.push({ text: anchored ? cell.cell.text : '', ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}) });
      }
      rows.push(row);
    }
    const piece = { cols: table.cols, rows };
    placeCells(piece); // throws when a piece does not fill its grid
    pieces.push(piece);
  }
  return pieces;
}

/**
 * The form as document parts: its title lines, then its table cut before the rows `at`, the pieces
 * separated by `between` (a page marker such as "第 1 页"; Word needs at least an empty paragraph between
 * two tables, or they are one), then its footnote.
 */
export function splitFormParts(form: MofForm, at: number[], between = ''): DocPart[] {
  const pieces = cutTable(formTable(form), at);
  const lines = [form.caption ?? '', form.title, form.yearLine].filter((l) => l !== '');
  const parts: DocPart[] = [];
  pieces.forEach((table, i) => {
    if (i > 0) parts.push({ kind: 'paragraph', text: between });
    parts.push({ kind: 'table', lines: i === 0 ? lines : [], table });
  });
  if (form.footnote) parts.push({ kind: 'paragraph', text: form.footnote });
  return parts;
}
