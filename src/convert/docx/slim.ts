/**
 * What mammoth never reads. Most of a Word part is formatting (fonts, sizes, widths, alignment, borders)
 * that mammoth's HTML has no place for, yet mammoth parses all of it into a DOM first: removing it in
 * the pre-pass roughly halves mammoth's time. Only children of property elements and elements mammoth
 * skips by name are removed; everything mammoth reads is kept, so its HTML is the same (tested in
 * test/docx/slim.test.ts by converting with and without slimming).
 */

/** Property elements, and the children of each that mammoth reads (body-reader.js, mammoth 1.13). */
const READ_CHILDREN: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  // Paragraph style and numbering; the paragraph mark's rPr (for w:del, a deleted paragraph mark).
  ['pPr', new Set(['pStyle', 'numPr', 'rPr'])],
  // Run style and the formatting mammoth turns into HTML; w:del for a paragraph mark's rPr.
  ['rPr', new Set(['rStyle', 'b', 'i', 'u', 'strike', 'vertAlign', 'caps', 'smallCaps', 'highlight', 'del'])],
  // Spans and merges (mammoth's rowspans and colspans).
  ['tcPr', new Set(['gridSpan', 'vMerge', 'hMerge'])],
  // Deleted rows (dropped) and header rows (th).
  ['trPr', new Set(['del', 'tblHeader'])],
  ['tblPr', new Set(['tblStyle'])],
]);

/** Elements mammoth ignores wherever they are (its ignoreElements list), without a warning. */
const IGNORED = new Set(['sectPr', 'proofErr', 'lastRenderedPageBreak', 'tblGrid']);

/** A property element (pPr, rPr, tcPr, trPr, tblPr): removed too when nothing mammoth reads is left in it. */
export const isPropertyElement = (local: string): boolean => READ_CHILDREN.has(local);

/** Whether an element in the WordprocessingML namespace, inside a parent in it, can be removed. */
export function mammothSkips(parentLocal: string, local: string): boolean {
  if (IGNORED.has(local)) return true;
  const read = READ_CHILDREN.get(parentLocal);
  return read !== undefined && !read.has(local);
}
