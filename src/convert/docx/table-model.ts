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

/** A count attribute (gridSpan, gridBefore…): a whole number capped at 1000, else the fallback. */
export function intValue(v: string | undefined, fallback: number): number {
  const n = v === undefined ? Number.NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 1000) : fallback;
}

/** Units of a Strict OOXML universal measure, in twips. */
const TWIPS_PER_UNIT: Record<string, number> = { in: 1440, pt: 20, pc: 240, pi: 240, cm: 1440 / 2.54, mm: 144 / 2.54 };

/** A width in twips: a plain number (twips), or a Strict universal measure such as "2.5cm"; 0 when unreadable. */
export function twips(v: string | undefined): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(in|pt|pc|pi|cm|mm)?\s*$/u.exec(v ?? '');
  return m ? Math.round(Number(m[1]) * (m[2] ? TWIPS_PER_UNIT[m[2]]! : 1)) : 0;
}

/** A vMerge without val continues the cell above (ECMA-376 17.4.85). */
export const mergeState = (val: string | undefined): MergeState => (val === 'restart' ? 'restart' : 'continue');
