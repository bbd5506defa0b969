/**
 * How a CSV cell becomes a workbook cell. Numbers: a cell's XML holds the number as text (`<v>12.5</v>`),
 * and exceljs writes there the shortest text that reads back as the same double. A decimal string is
 * written as a number only when that text denotes exactly the same decimal (true for up to 15
 * significant digits); anything else stays text, so no printed digit is ever lost or altered. The number
 * format shows as many decimals as were printed (12.50 stays 12.50). Text is always a string cell, never
 * a formula, so `=1+1` reads `=1+1` and needs no guard quote.
 */
import { Dec } from '../../model/decimal.js';
import type { Column } from '../csv.js';

const DECIMAL = /^-?\d+(?:\.(\d+))?$/u;
/** Excel's limit for one cell's text. */
export const MAX_TEXT = 32_767;
/** Columns in 万元: a thousands separator. */
const AMOUNT_KEYS = new Set(['planned', 'arrived', 'spent', 'balance', 'budget_initial', 'amount']);

export interface NumberCell {
  value: number;
  numFmt: string | undefined;
}

/** The number a decimal string denotes, when a spreadsheet can hold it exactly; else null. */
export function exactNumber(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  // Up to 15 digits in all (leading zeros counted, so that nothing lies beyond a double's range, where
  // 0.000…01 would read as 0) a double keeps every decimal exactly: no decimal arithmetic needed.
  if (text.length - (text.startsWith('-') ? 1 : 0) - (text.includes('.') ? 1 : 0) <= 15) return n;
  return new Dec(String(n)).eq(new Dec(text)) ? n : null;
}

export function numberCell(text: string, columnKey: string): NumberCell | null {
  const value = exactNumber(text);
  if (value === null) return null;
  const decimals = DECIMAL.exec(text)![1]?.length ?? 0;
  const amount = AMOUNT_KEYS.has(columnKey);
  if (!amount && decimals === 0) return { value, numFmt: undefined };
  return { value, numFmt: `${amount ? '#,##0' : '0'}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}` };
}

/** Text within Excel's limit; a longer one is cut with a marker rather than make the file unreadable. */
export function textCell(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

const WIDE = new Set(['message', 'location', 'criteria', 'text', 'error', 'indicator', 'content', 'deviation_reason']);
const MEDIUM = new Set(['file', 'project_name', 'project_unit', 'authority', 'path', 'level1', 'level2', 'level3', 'label', 'source', 'target', 'actual', 'rule', 'rule_name']);

/** A column's width in characters: by what it holds, never narrower than its header (CJK counts double). */
export function columnWidth(column: Column<never>, header: string): number {
  const headerWidth = [...header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2;
  const byKind = WIDE.has(column.key) ? 50 : MEDIUM.has(column.key) ? 28 : column.kind === 'number' ? 10 : 14;
  return Math.max(byKind, headerWidth);
}
