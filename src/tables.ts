/**
 * The tables a reader sees in a document, before any template: the exact grids of Word (docx, and .doc
 * through LibreOffice), HTML and Tika-text tables. `selfeval tables` prints these as JSON Lines.
 */
import { convertToHtml, messageSeverity } from './convert/index.js';
import { displayPath, ingestBytes, readInputBytes } from './ingest/index.js';
import type { ErrorCode, InputFormat } from './model/document.js';
import { DocumentError, errorMessage, type Lang } from './model/errors.js';
import type { Severity } from './model/finding.js';
import type { GridTable } from './model/grid.js';
import { htmlToGrid } from './parse/grid.js';
import type { DocumentInput } from './process.js';

export interface TableCellJson {
  /** Position of the anchor slot (top-left), 0-based. */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** The cell's text as Word displays it, paragraphs joined by "\n" (nested tables not included). */
  text: string;
  /** Tables nested in this cell. */
  tables: TableJson[];
}

export interface TableJson {
  rows: number;
  cols: number;
  /** Each anchor cell once, in row-major order. */
  cells: TableCellJson[];
}

export interface TablesMessage {
  rule: string;
  severity: Severity;
  message: string;
}

export interface TablesRead {
  file: string;
  format: InputFormat;
  /** Top-level tables in document order. */
  tables: TableJson[];
  messages: TablesMessage[];
}

export interface TablesFailure {
  file: string;
  error_code: ErrorCode;
  error: string;
}

export type TablesResult = TablesRead | TablesFailure;

export interface ReadTablesOptions {
  /** Language of the error text (default zh); converter messages are technical English. */
  lang?: Lang;
  /** Time limit for an external converter (LibreOffice for legacy .doc), in milliseconds. */
  converterTimeoutMs?: number;
}

function tableJson(t: GridTable): TableJson {
  return {
    rows: t.rowCount,
    cols: t.colCount,
    cells: t.cells.map((c) => ({ row: c.row, col: c.col, rowspan: c.rowspan, colspan: c.colspan, text: c.text, tables: c.nested.map(tableJson) })),
  };
}

/** The tables of one document (a path, or bytes with the name to report them under). Never throws. */
export async function readTables(input: DocumentInput, options: ReadTablesOptions = {}): Promise<TablesResult> {
  const file = typeof input === 'string' ? displayPath(input) : input.file;
  try {
    const bytes = typeof input === 'string' ? await readInputBytes(input) : 'bytes' in input ? input.bytes : await readInputBytes(input.path);
    const ctx = ingestBytes(bytes, file);
    const converted = await convertToHtml(ctx, { timeoutMs: options.converterTimeoutMs });
    const grid = htmlToGrid(converted.html);
    return {
      file,
      format: ctx.format!,
      tables: grid.tables.map(tableJson),
      messages: converted.messages.map((m) => ({
        rule: m.rule,
        severity: messageSeverity(m.rule),
        message: m.table !== undefined ? `table ${m.table + 1}: ${m.message}` : m.message,
      })),
    };
  } catch (e) {
    const code: ErrorCode = e instanceof DocumentError ? e.code : 'internal-error';
    const detail = e instanceof DocumentError ? e.detail : e instanceof Error ? e.message : String(e);
    return { file, error_code: code, error: errorMessage(code, detail, options.lang ?? 'zh') };
  }
}

/** One JSON Lines line of `selfeval tables`, keys in the order SPEC shows them. */
export function tablesLine(r: TablesResult): string {
  return JSON.stringify(r);
}
