/** A Word table's grid as the pre-pass records it, and the markers that tie mammoth's cells to it. */

export type MergeState = 'restart' | 'continue' | null;

export interface CellModel {
  /** Marker key `<table id>_<cell ordinal>`; the HTML cell carries `<a id="_selfeval_cell_<key>">`. */
  key: string;
  span: number;
  vMerge: MergeState;
  hMerge: MergeState;
}

export interface RowModel {
  gridBefore: number;
  gridAfter: number;
  cells: CellModel[];
}

export interface TableModel {
  /** Pre-pass id, in document order over all tables (nested ones included). */
  id: number;
  /** Columns declared by w:tblGrid. */
  gridCols: number;
  /** Their widths in twips (0 where a width is missing or unreadable); absent when not recorded. */
  gridWidths?: number[];
  rows: RowModel[];
  /** The table this one is nested in, if any. */
  parent: number | null;
}

/** Bookmark name prefix of the cell markers (a leading underscore makes a bookmark hidden in Word). */
export const MARKER_PREFIX = '_selfeval_cell_';
