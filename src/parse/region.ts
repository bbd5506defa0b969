/** A view of a document restricted to some of its tables: what one template may read of it. */
import type { DocumentGrid } from '../model/grid.js';

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
