/**
 * Structure limits. Real reports nest tables two or three deep and hold a few hundred cells; far
 * beyond that a document is either generated junk or an attack on the parsers (whose recursion would
 * overflow the stack, or whose memory would grow to gigabytes). Such a document fails as `too-complex`
 * before the expensive stages run.
 */
import { DocumentError } from './errors.js';

/** Elements open at once in an XML part or an HTML document (mammoth handles ~1,200). */
export const MAX_NESTING_DEPTH = 500;
/** Tables inside tables. */
export const MAX_TABLE_NESTING = 50;
/** Table cells in one document, all tables together. */
export const MAX_TABLE_CELLS = 20_000;

export function tooDeep(depth: number): DocumentError {
  return new DocumentError('too-complex', { zh: `元素嵌套超过 ${depth} 层`, en: `elements nested more than ${depth} deep` });
}

export function tooManyTablesNested(): DocumentError {
  return new DocumentError('too-complex', { zh: `表格嵌套超过 ${MAX_TABLE_NESTING} 层`, en: `tables nested more than ${MAX_TABLE_NESTING} deep` });
}

export function tooManyCells(cells: number): DocumentError {
  return new DocumentError('too-complex', { zh: `表格单元格超过 ${MAX_TABLE_CELLS} 个（至少 ${cells} 个）`, en: `more than ${MAX_TABLE_CELLS} table cells (at least ${cells})` });
}

/** A stack overflow that escaped the limits above (a parser's recursion): still the document's fault. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/iu.test(e.message);
}
