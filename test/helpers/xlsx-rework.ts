/**
 * Reworking a fixture sheet (scripts/fixtures/spreadsheetml.ts) the way other writers lay out the same
 * form: rows and columns inserted, every column split into several narrow ones (a sheet converted from
 * Word by WPS), cells re-stored (numbers as text, other number formats). Each function returns a new
 * sheet; merged ranges move with their cells.
 */
import { cellRef, type Align, type XCell, type XSheet } from '../../scripts/fixtures/spreadsheetml.js';

export function refPos(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/u.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

type Move = (row: number, col: number) => [number, number];

function rangeOf(range: string): [number, number, number, number] {
  const [a, b] = range.split(':');
  const [r0, c0] = refPos(a!);
  const [r1, c1] = refPos(b ?? a!);
  return [r0, c0, r1, c1];
}

/** Every cell and merge moved by `move` (a range by its two corners). */
function moved(sheet: XSheet, move: Move, moveEnd: Move = move): XSheet {
  const cells: Record<string, XCell> = {};
  for (const [ref, cell] of Object.entries(sheet.cells)) {
    const [r, c] = move(...refPos(ref));
    cells[cellRef(r, c)] = cell;
  }
  const merges = (sheet.merges ?? []).map((m) => {
    const [r0, c0, r1, c1] = rangeOf(m);
    const [a, b] = move(r0, c0);
    const [y, z] = moveEnd(r1, c1);
    return `${cellRef(a, b)}:${cellRef(y, z)}`;
  });
  return { ...sheet, cells, merges };
}

/** `n` empty rows inserted before row `at` (0-based); a merge across the insertion grows. */
export function insertRows(sheet: XSheet, at: number, n = 1): XSheet {
  return moved(sheet, (r, c) => [r >= at ? r + n : r, c]);
}

/** `n` empty columns inserted before column `at` (0-based); a merge across the insertion grows. */
export function insertCols(sheet: XSheet, at: number, n = 1): XSheet {
  return moved(sheet, (r, c) => [r, c >= at ? c + n : c]);
}

/** The whole sheet moved down and right. */
export function offset(sheet: XSheet, rows: number, cols: number): XSheet {
  return moved(sheet, (r, c) => [r + rows, c + cols]);
}

/**
 * Every column split into `k` narrow ones: each cell becomes a merge over its k columns (a merge over
 * k times its columns), as a sheet laid out on a fine grid prints the same table.
 */
export function widen(sheet: XSheet, k: number): XSheet {
  const out = moved(sheet, (r, c) => [r, c * k], (r, c) => [r, c * k + k - 1]);
  const merged = new Set<string>();
  for (const m of out.merges ?? []) {
    const [r0, c0, r1, c1] = rangeOf(m);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) merged.add(cellRef(r, c));
  }
  const merges = [...(out.merges ?? [])];
  const cells = { ...out.cells };
  for (const ref of Object.keys(out.cells)) {
    if (merged.has(ref)) continue;
    const [r, c] = refPos(ref);
    merges.push(`${ref}:${cellRef(r, c + k - 1)}`);
  }
  for (const m of merges) {
    const [r0, c0, r1, c1] = rangeOf(m);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[cellRef(r, c)] ??= { t: 'empty' };
  }
  return { ...out, cells, merges };
}

/** Every cell passed through `fn` (its reference and cell; undefined removes it). */
export function mapCells(sheet: XSheet, fn: (cell: XCell, ref: string) => XCell | undefined): XSheet {
  const cells: Record<string, XCell> = {};
  for (const [ref, cell] of Object.entries(sheet.cells)) {
    const next = fn(cell, ref);
    if (next) cells[ref] = next;
  }
  return { ...sheet, cells };
}

/** The reference of the cell whose text is `text` (the first in row order), or undefined. */
export function findText(sheet: XSheet, text: string | RegExp): string | undefined {
  const hits = Object.entries(sheet.cells).filter(([, c]) => c.t === 'string' && (typeof text === 'string' ? c.text === text : text.test(c.text)));
  hits.sort(([a], [b]) => {
    const [ra, ca] = refPos(a);
    const [rb, cb] = refPos(b);
    return ra - rb || ca - cb;
  });
  return hits[0]?.[0];
}

/** Rows (0-based) and columns the sheet writes, to the last one. */
export function extent(sheet: XSheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const ref of Object.keys(sheet.cells)) {
    const [r, c] = refPos(ref);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  return { rows, cols };
}

function rowsOf(sheet: XSheet): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  for (const ref of Object.keys(sheet.cells)) {
    const [r] = refPos(ref);
    rows.set(r, [...(rows.get(r) ?? []), ref]);
  }
  return rows;
}

/**
 * The rows of the sheet that are title or note lines (one cell, or one cell merged across the sheet's
 * width on its own row), as the form writer puts them around the table.
 */
export function lineRows(sheet: XSheet): number[] {
  const { cols } = extent(sheet);
  const wide = new Set((sheet.merges ?? []).map(rangeOf).filter(([r0, c0, r1, c1]) => r0 === r1 && c0 === 0 && c1 === cols - 1).map(([r]) => r));
  return [...rowsOf(sheet)].filter(([r, refs]) => refs.length === 1 || wide.has(r)).map(([r]) => r);
}

/** The table's rows framed with a thin border on every slot of its width, as a form filled in Excel is. */
export function framed(sheet: XSheet): XSheet {
  const lines = new Set(lineRows(sheet));
  const { cols } = extent(sheet);
  const cells = { ...sheet.cells };
  for (const r of rowsOf(sheet).keys()) {
    if (lines.has(r)) continue;
    for (let c = 0; c < cols; c++) cells[cellRef(r, c)] = { ...(cells[cellRef(r, c)] ?? { t: 'empty' }), border: true };
  }
  return { ...sheet, cells };
}

/**
 * Title lines no longer merged: the text stays in the row's first cell and every other cell of the
 * row is written with the same alignment — Excel's 跨列居中 (centerContinuous), or centred cells as a
 * whole-row style leaves them.
 */
export function unmergedLines(sheet: XSheet, align: Align): XSheet {
  const lines = new Set(lineRows(sheet));
  const { cols } = extent(sheet);
  const merges = (sheet.merges ?? []).filter((m) => !lines.has(rangeOf(m)[0]));
  const cells = { ...sheet.cells };
  for (const r of lines) {
    for (let c = 0; c < cols; c++) cells[cellRef(r, c)] = { ...(cells[cellRef(r, c)] ?? { t: 'empty' }), align };
  }
  return { ...sheet, cells, merges };
}
