/**
 * The pre-pass's element stack (see prepass.ts): what an open element's children are read as, what the
 * element is for what happens at its end, and the table, row and cell it belongs to.
 */
import type { Edit, Tag } from './stream.js';
import type { CellModel, RowModel, TableModel } from './table-model.js';

// What an element's children are read as (the old tree walk's functions, as states).
export const WALK = 0; // generic content: body, cells, text boxes…
export const SKIP = 1; // not looked at
export const ROWS = 2; // collecting the rows of a table (through sdt/customXml/ins/moveTo wrappers)
export const CELLS = 3; // collecting the cells of a row
export const SDT = 4; // a content control in a table or row: its first sdtContent is collected
export const GRID = 5; // w:tblGrid: counting gridCol
export const TRPR = 6; // the first w:trPr of a row

// What an element is, for what happens at its end.
export const enum Role {
  None,
  Run,
  RunPr,
  Text,
  Sym,
  Drawing,
  Remove,
  Table,
  Row,
  Cell,
  CellPr,
  Unwrap,
  VMerge,
  Placeholder,
}

export interface Snapshot {
  edits: number;
  tables: number;
  markerId: number;
  ordinal: number;
}

export interface TableState {
  model: TableModel;
  ordinal: number;
  gridSeen: boolean;
  /** Its cells (of rows not deleted) that carry a vMerge continue, with where the w:vMerge is. */
  continuations: CellState[];
}

export interface RowState {
  model: RowModel;
  deleted: boolean;
  trPrSeen: boolean;
  seen: Set<string>;
  continuations: CellState[];
}

export interface CellState {
  model: CellModel;
  marker: number;
  tcPrEnd: number;
  tcPrSeen: boolean;
  seen: Set<string>;
  /** The w:vMerge element (removed when the layout keeps this continuation as a cell of its own). */
  vMergeAt: Edit | null;
}

/** An open element (all fields set up front: one object shape for all frames). */
export class Frame {
  mode = SKIP;
  role = Role.None;
  /** Id of the table whose cell this is in (walk mode). */
  tableId: number | null = null;
  table: TableState | undefined = undefined;
  row: RowState | undefined = undefined;
  cell: CellState | undefined = undefined;
  snap: Snapshot | undefined = undefined;
  /** Sdt: the mode its content is collected in, and whether its first sdtContent was seen. */
  want = SKIP;
  used = false;
  /** Drawing: whether it holds a text box. */
  txbx = false;
  /** Run: fonts of its first rPr's first rFonts, and its w:t to map once the run is complete. */
  rPrSeen = false;
  /** Run: its first rPr says w:vanish (hidden text); the tables recorded before it opened. */
  hidden = false;
  tableMark = 0;
  /** Sdt: it shows its placeholder (w:showingPlcHdr); sdtPr: the sdt it describes. */
  placeholder = false;
  sdt: Frame | undefined = undefined;
  fonts: [string | undefined, string | undefined] | undefined = undefined;
  texts: Edit[] | undefined = undefined;
  run: Frame | undefined = undefined;
  /** w:t text, w:sym replacement. */
  text = '';
  /** Children kept by slimming (a property element left empty is removed). */
  kept = 0;
  /** Edits recorded before this element opened (a removed element drops those made inside it). */
  editMark = 0;
  constructor(readonly tag: Tag) {}
}
