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
