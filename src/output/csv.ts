import { stringify } from 'csv-stringify/sync';

export const BOM = '\uFEFF';

export type CellValue = string | number | null | undefined;

/** Column kinds: text cells are formula-guarded, number cells are written as plain numbers. */
export interface Column<T> {
  key: string;
  zh: string;
  en: string;
  kind: 'text' | 'number';
  get: (row: T) => CellValue;
}

const FORMULA_START = /^[=+\-@＝＋－＠\t\r\n]/u;

/** Spreadsheet formula injection guard (OWASP): prefix a risky text cell with a quote. */
export function guardText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvHeader<T>(columns: Column<T>[], lang: 'zh' | 'en'): string {
  return stringify([columns.map((c) => (lang === 'zh' ? c.zh : c.en))], { record_delimiter: '\r\n' });
}

/** A row's cells as written: '' for unknown, numbers as their decimal text, text not yet guarded. */
export function rawCells<T>(columns: Column<T>[], row: T): string[] {
  return columns.map((c) => {
    const v = c.get(row);
    return v === null || v === undefined ? '' : String(v);
  });
}

/** Guards the text cells of raw cells for a CSV file (the workbook writes text cells as text instead). */
export function guardCells<T>(columns: Column<T>[], cells: CellValue[]): CellValue[] {
  return cells.map((v, i) => (columns[i]?.kind === 'text' && typeof v === 'string' ? guardText(v) : v));
}

export function csvCells<T>(columns: Column<T>[], row: T): CellValue[] {
  return guardCells(columns, rawCells(columns, row));
}

/** RFC 4180 lines (CRLF) for already-guarded cell arrays. */
export function csvLines(rows: CellValue[][]): string {
  return rows.length === 0 ? '' : stringify(rows.map((r) => r.map((v) => v ?? '')), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
