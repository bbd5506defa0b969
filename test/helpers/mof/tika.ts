/**
 * MofForm / document parts → the text Apache Tika writes for the same .docx (compare fixtures/seed.txt
 * with seed.docx): a paragraph is a line; a table cell is a TAB-led line, its further paragraphs follow
 * on lines of their own; a blank line ends a row and one more ends the table. A horizontally merged
 * cell (gridSpan) is printed once; a vertically merged continuation (vMerge) is an EMPTY cell.
 */
import { paragraphsOf } from './form.js';
import { placeCells, type PlacedCell, type TableSpec } from './layout.js';
import { blocksOfPrintable, type Printable } from './parts.js';

/** Cells a text rendering leaves out, as some extractors drop empty cells: asked of every placed cell of every table. */
export type Vanishing = (cell: PlacedCell, table: TableSpec) => boolean;

/**
 * The empty cells of an MoF funds block's rows vanish (mof-family §7.2: "the 年初 column may then
 * collapse in text renderings"): those under the given column headers, or every empty one.
 */
export function emptyFundsCellsVanish(headers?: string[]): Vanishing {
  const grids = new WeakMap<TableSpec, PlacedCell[][]>();
  return (placed, table) => {
    if (!grids.has(table)) grids.set(table, placeCells(table));
    const grid = grids.get(table)!;
    const h = grid.findIndex((row) => row.some((p) => p.anchorRow === p.row && p.cell.text === '年初预算数'));
    if (h < 0 || placed.row <= h || placed.row >= h + (grid[h]![0]!.cell.rowspan ?? 1)) return false;
    if (placed.anchorRow !== placed.row || placed.cell.text !== '') return false;
    const head = grid[h]!.find((p) => p.col <= placed.col && placed.col < p.col + (p.cell.colspan ?? 1));
    return !headers || headers.includes(head?.cell.text ?? '');
  };
}

export function tableText(table: TableSpec, vanishing?: Vanishing): string {
  const rows = placeCells(table).map(
    (row) =>
      row
        .filter((placed) => !vanishing?.(placed, table))
        .map((placed) => `\t${placed.anchorRow === placed.row ? paragraphsOf(placed.cell.text).join('\n') : ''}\n`)
        .join('') + '\n',
  );
  return rows.join('') + '\n';
}

/** The Tika text dump of a form, or of a document's parts in order. */
export function renderTika(x: Printable, vanishing?: Vanishing): string {
  return blocksOfPrintable(x)
    .map((block) => (block.kind === 'table' ? tableText(block.table, vanishing) : `${block.text}\n`))
    .join('');
}

/**
 * A dump whose extractor fused the value cells of one table row into a single cell, printed without
 * separators (mof-family §7.10: "12.512.510100.00%10"): the row whose label cell is `label` keeps its
 * label, and its cells after the label become one.
 */
export function fuseRowCells(dump: string, label: string): string {
  const rows = dump.split('\n\n');
  const at = rows.findIndex((row) => row.split('\n').includes(`\t${label}`));
  if (at < 0) throw new Error(`no row labelled ${label} in the dump`);
  const lines = rows[at]!.split('\n');
  const i = lines.indexOf(`\t${label}`);
  const values = lines.slice(i + 1).filter((l) => l.startsWith('\t'));
  rows[at] = [...lines.slice(0, i + 1), `\t${values.map((l) => l.slice(1)).join('')}`].join('\n');
  return rows.join('\n\n');
}
