/** A view of a document restricted to some of its tables: what one template may read of it. */
import type { Block, DocumentGrid } from '../model/grid.js';

/**
 * The grid with only the tables `keep` accepts; paragraphs inside the other tables are left out too.
 * Tables keep their document-wide index, so provenance stays that of the whole document.
 */
export function gridView(grid: DocumentGrid, keep: (table: number) => boolean): DocumentGrid {
  return {
    tables: grid.tables.filter((t) => keep(t.index)),
    blocks: grid.blocks.filter((b) => !b.cell || keep(b.cell.table)),
  };
}

/**
 * Where the run of blocks leading up to `table` starts in a view from `gridView`: after the last block the
 * view leaves out before the table (a table read as another form), else at the first block. A form's
 * paragraphs above its table (a cover, a title, "项目名称：…") are then never those of a form before it.
 */
export function runStart(grid: DocumentGrid, table: number | undefined): number {
  const blocks = grid.blocks;
  const end = table === undefined ? blocks.length - 1 : blocks.findIndex((b) => b.cell?.table === table);
  let start = blocks[0]?.index ?? 0;
  for (let i = 1; i <= end && i < blocks.length; i++) if (blocks[i]!.index !== blocks[i - 1]!.index + 1) start = blocks[i]!.index;
  return start;
}

/**
 * The paragraphs standing just above position `at` of `blocks`, nearest first: at most `limit` of them
 * with text (empty ones are passed over, not counted), and none beyond a table cell. With each, its
 * position in `blocks`. A form's title, year line or attachment line is looked for there.
 */
export function* linesAbove(blocks: readonly Block[], at: number, limit: number): Generator<[Block, number]> {
  for (let i = at - 1, seen = 0; i >= 0 && seen < limit; i--) {
    const b = blocks[i]!;
    if (b.cell) return;
    if (b.text.trim() === '') continue;
    seen++;
    yield [b, i];
  }
}
