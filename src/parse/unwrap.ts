/**
 * Layout tables opened up: a government CMS page may put a whole form in a cell of an outer table (a
 * 1×1 frame, or page chrome with navigation and footer cells). Templates read top-level tables only, so
 * such a form is seen through the outer table's cell text alone. `unwrapTables` gives the document as
 * if the chosen outer tables were not there: each one's cell paragraphs become free paragraphs and its
 * nested tables top-level tables, in document order. Which tables are layout is decided by the caller
 * (templates/index.ts: only a table no template claims, and only when that reveals a form), so that a
 * table nested inside a form's cell stays part of that form.
 */
import type { Block, DocumentGrid, GridCell, GridTable } from '../model/grid.js';

/** Per opened grid: the top-level table of the document as parsed that each of its tables comes from. */
const origins = new WeakMap<DocumentGrid, readonly number[]>();

/**
 * For each table of `grid`, the index of the top-level table of the document as parsed that it is, or
 * that it was nested in: what a converter's message about a table (counted as parsed) refers to.
 */
export function tableOrigins(grid: DocumentGrid): readonly number[] {
  return origins.get(grid) ?? grid.tables.map((t) => t.index);
}

/** Whether a table holds tables in its cells (a candidate for unwrapping). */
export function holdsTables(table: GridTable): boolean {
  return table.cells.some((c) => c.nested.length > 0);
}

/** `table` with document-wide index `index`: the same object when it already has it, else a copy. */
function renumbered(table: GridTable, index: number): GridTable {
  if (table.index === index) return table;
  const copies = new Map<GridCell, GridCell>(table.cells.map((c) => [c, { ...c, table: index }]));
  return {
    index,
    rowCount: table.rowCount,
    colCount: table.colCount,
    cells: table.cells.map((c) => copies.get(c)!),
    slots: table.slots.map((row) => row.map((c) => (c ? (copies.get(c) ?? c) : null))),
  };
}

/** The grid with each top-level table of `wrappers` replaced by its cells' paragraphs and nested tables. */
export function unwrapTables(grid: DocumentGrid, wrappers: ReadonlySet<number>): DocumentGrid {
  const tables: GridTable[] = [];
  const blocks: Block[] = [];
  const from = tableOrigins(grid);
  const origin: number[] = [];
  const free = (b: Block) => {
    const block: Block = { index: blocks.length, text: b.text };
    if (b.line !== undefined) block.line = b.line;
    blocks.push(block);
  };
  const addTable = (table: GridTable, own: readonly Block[] | null, source: number) => {
    const t = renumbered(table, tables.length);
    tables.push(t);
    origin.push(from[source] ?? source);
    if (own) {
      for (const b of own) blocks.push({ ...b, index: blocks.length, cell: { ...b.cell!, table: t.index } });
      return;
    }
    // A table that was nested has no blocks yet: one per paragraph of its cells, as a top-level table has.
    for (const c of t.cells) {
      for (const text of c.paragraphs) {
        const b: Block = { index: blocks.length, text, cell: { table: t.index, row: c.row, col: c.col } };
        if (c.line !== undefined) b.line = c.line;
        blocks.push(b);
      }
    }
  };
  let next = 0;
  for (const table of grid.tables) {
    // Paragraphs before the table (a table without any text stays right after the one before it).
    let first = next;
    while (first < grid.blocks.length && !grid.blocks[first]!.cell) first++;
    if (grid.blocks[first]?.cell?.table === table.index) for (; next < first; next++) free(grid.blocks[next]!);
    const count = table.cells.reduce((n, c) => n + c.paragraphs.length, 0);
    const own = grid.blocks.slice(next, next + count);
    next += count;
    if (!wrappers.has(table.index)) {
      addTable(table, own, table.index);
      continue;
    }
    let at = 0;
    for (const cell of table.cells) {
      const mine = own.slice(at, at + cell.paragraphs.length);
      at += cell.paragraphs.length;
      let used = 0;
      cell.nested.forEach((inner, k) => {
        const before = cell.nestedAt?.[k] ?? cell.paragraphs.length;
        for (; used < before; used++) free(mine[used]!);
        addTable(inner, null, table.index);
      });
      for (; used < mine.length; used++) free(mine[used]!);
    }
  }
  for (; next < grid.blocks.length; next++) free(grid.blocks[next]!);
  const opened = { tables, blocks };
  origins.set(opened, origin);
  return opened;
}

/** The one-cell table a cell holds instead of its value (and no text of its own), or null. */
function valueWrapper(cell: GridCell): GridTable | null {
  if (cell.nested.length !== 1 || cell.paragraphs.some((p) => p.trim() !== '')) return null;
  const inner = cell.nested[0]!;
  return inner.cells.length === 1 && inner.cells[0]!.nested.length === 0 ? inner : null;
}

/**
 * Cells whose value sits in a one-cell table of its own (a value pasted as a table, a CMS editor's
 * box around each figure) read as if it were written in the cell: the cell takes the inner cell's
 * paragraphs. Otherwise such a cell read as empty and its amount was lost without a finding. Tables,
 * positions and blocks stay as they are, so provenance points at the outer cell.
 */
export function inlineValueTables(grid: DocumentGrid): DocumentGrid {
  if (!grid.tables.some((t) => t.cells.some((c) => valueWrapper(c) !== null))) return grid;
  const tables = grid.tables.map((table) => {
    if (!table.cells.some((c) => valueWrapper(c) !== null)) return table;
    const copies = new Map<GridCell, GridCell>();
    for (const c of table.cells) {
      const inner = valueWrapper(c)?.cells[0];
      if (!inner) continue;
      const { nestedAt: _nestedAt, ...rest } = c;
      const copy: GridCell = { ...rest, text: inner.text, paragraphs: inner.paragraphs, nested: [] };
      if (c.line === undefined && inner.line !== undefined) copy.line = inner.line;
      copies.set(c, copy);
    }
    return {
      ...table,
      cells: table.cells.map((c) => copies.get(c) ?? c),
      slots: table.slots.map((row) => row.map((c) => (c ? (copies.get(c) ?? c) : null))),
    };
  });
  const inlined = { tables, blocks: grid.blocks };
  const from = origins.get(grid);
  if (from) origins.set(inlined, from);
  return inlined;
}
