import { convertDocx, type ConverterMessage } from '../../src/convert/docx/index.js';
import type { DocumentGrid, GridTable } from '../../src/model/grid.js';
import { htmlToGrid } from '../../src/parse/grid.js';

export interface Converted {
  html: string;
  messages: ConverterMessage[];
  grid: DocumentGrid;
}

export async function convert(bytes: Uint8Array): Promise<Converted> {
  const { html, messages } = await convertDocx(bytes);
  return { html, messages, grid: htmlToGrid(html) };
}

/** Anchors as compact strings "row,col rowspan×colspan text" for exact comparisons. */
export function anchors(t: GridTable): string[] {
  return t.cells.map((c) => `${c.row},${c.col} ${c.rowspan}x${c.colspan} ${c.text}`);
}

/** The text at a slot (through its anchor). */
export function at(t: GridTable, row: number, col: number): string | undefined {
  return t.slots[row]?.[col]?.text;
}

/** Free-standing paragraph texts. */
export function paragraphs(g: DocumentGrid): string[] {
  return g.blocks.filter((b) => !b.cell).map((b) => b.text);
}

export async function rejectionCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? `not a DocumentError: ${String(e)}`;
  }
  return 'resolved';
}
