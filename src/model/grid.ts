/** The cell grid built from converted HTML (stage 3a). Plain types: it never leaves the process as JSON. */

export interface GridCell {
  table: number;
  /** Row and column of the anchor slot (top-left), 0-based. */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** Paragraphs joined by "\n". */
  text: string;
  paragraphs: string[];
  /** 1-based line of the source text dump, when the input was text. */
  line?: number;
  /** Nested tables stay inside their cell. */
  nested: GridTable[];
  /**
   * Where each nested table sits among the cell's paragraphs: how many come before it. Set only when
   * the cell holds nested tables (a layout cell's tables are read in document order: parse/unwrap.ts).
   */
  nestedAt?: number[];
  /** The label key of `text`, set on first use (parse/locate.ts cellKey): lookups scan every cell. */
  key?: string;
}

export interface GridTable {
  index: number;
  rowCount: number;
  colCount: number;
  /** Each anchor cell once, in row-major order. */
  cells: GridCell[];
  /** slots[row][col] → the anchor covering that slot, or null where the row is short. */
  slots: (GridCell | null)[][];
}

/** A paragraph in document order: either free-standing or inside a table cell. */
export interface Block {
  index: number;
  text: string;
  line?: number;
  /** Set when the paragraph sits inside a (top-level) table cell. */
  cell?: { table: number; row: number; col: number };
}

export interface DocumentGrid {
  tables: GridTable[];
  blocks: Block[];
}
