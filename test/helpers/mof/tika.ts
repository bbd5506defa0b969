/**
 * MofForm / document parts → the text Apache Tika writes for the same .docx (compare fixtures/seed.txt
 * with seed.docx): a paragraph is a line; a table cell is a TAB-led line, its further paragraphs follow
 * on lines of their own; a blank line ends a row and one more ends the table. A horizontally merged
 * cell (gridSpan) is printed once; a vertically merged continuation (vMerge) is an EMPTY cell.
 */
import { paragraphsOf } from './form.js';
import { placeCells, type TableSpec } from './layout.js';
import { blocksOfPrintable, type Printable } from './parts.js';

export function tableText(table: TableSpec): string {
  const rows = placeCells(table).map(
    (row) => row.map((placed) => `\t${placed.anchorRow === placed.row ? paragraphsOf(placed.cell.text).join('\n') : ''}\n`).join('') + '\n',
  );
  return rows.join('') + '\n';
}

/** The Tika text dump of a form, or of a document's parts in order. */
export function renderTika(x: Printable): string {
  return blocksOfPrintable(x)
    .map((block) => (block.kind === 'table' ? tableText(block.table) : `${block.text}\n`))
    .join('');
}
