/**
 * Our tables (readTables) against the independent reading of the XML (ooxml-tables.ts): structure
 * exactly (rows, columns, anchors, spans, nesting), text with whitespace and symbols left out (the
 * converter maps glyphs and checkboxes; the plain reader cannot) and footnote markers removed.
 */
import { readTables, type TableJson } from '../../src/tables.js';
import { readTablesIndependently, type IndependentTable } from './ooxml-tables.js';

export interface Difference {
  table: string;
  what: string;
}

const squeeze = (s: string) => s.replace(/\[\d+\]/gu, '').replace(/(?!\uFFFC)[\s\p{So}\p{Co}\p{Sm}\u00AD\u2011-]/gu, '');
/** The non-empty lines of a cell, each without whitespace or symbols: fused paragraphs show up. */
export const normalize = (s: string) => s.split('\n').map(squeeze).filter(Boolean).join('¶');
/** Whether our text matches the plain reading, where each symbol (U+FFFC) stands for one character or none. */
function sameText(ours: string, theirs: string): boolean {
  const a = normalize(ours);
  const b = normalize(theirs);
  if (!b.includes('\uFFFC')) return a === b;
  const pattern = b.split('\uFFFC').map((x) => x.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('.?');
  return new RegExp(`^${pattern}$`, 'u').test(a);
}

function compare(path: string, ours: TableJson, theirs: IndependentTable, out: Difference[]): void {
  if (ours.rows !== theirs.rows || ours.cols !== theirs.cols) {
    out.push({ table: path, what: `size ${ours.rows}x${ours.cols} vs ${theirs.rows}x${theirs.cols}` });
    return;
  }
  const key = (c: { row: number; col: number; rowspan: number; colspan: number }) => `${c.row},${c.col} ${c.rowspan}x${c.colspan}`;
  const a = ours.cells.map(key).join(' ');
  const b = theirs.cells.map(key).join(' ');
  if (a !== b) {
    out.push({ table: path, what: `anchors differ: ${a} | ${b}` });
    return;
  }
  ours.cells.forEach((c, i) => {
    const t = theirs.cells[i]!;
    if (!sameText(c.text, t.text)) out.push({ table: path, what: `cell ${key(c)} text ${JSON.stringify(c.text)} vs ${JSON.stringify(t.text)}` });
    if (c.tables.length !== t.tables.length) out.push({ table: path, what: `cell ${key(c)}: ${c.tables.length} vs ${t.tables.length} nested tables` });
    else c.tables.forEach((n, j) => compare(`${path} > cell ${key(c)} table ${j + 1}`, n, t.tables[j]!, out));
  });
}

/** Differences between the two readings of a .docx; `skipped` when the plain reader cannot take it. */
export async function differences(bytes: Uint8Array, file: string): Promise<{ differences: Difference[]; tables: number; skipped?: string; notes: string[] }> {
  const ours = await readTables({ bytes, file }, { lang: 'en' });
  if ('error_code' in ours) return { differences: [], tables: 0, skipped: `${ours.error_code}: ${ours.error}`, notes: [] };
  let theirs: ReturnType<typeof readTablesIndependently>;
  try {
    theirs = readTablesIndependently(bytes);
  } catch (e) {
    return { differences: [], tables: 0, skipped: `the plain reader fails: ${(e as Error).message}`, notes: [] };
  }
  if (!theirs) return { differences: [], tables: 0, skipped: 'no main part', notes: [] };
  // Tables in notes come after the body in our output; the plain reader reads the body only.
  const oursBody = theirs.notesHaveTables ? ours.tables.slice(0, theirs.tables.length) : ours.tables;
  const out: Difference[] = [];
  if (oursBody.length !== theirs.tables.length) out.push({ table: file, what: `${oursBody.length} vs ${theirs.tables.length} tables` });
  else oursBody.forEach((t, i) => compare(`${file} table ${i + 1}`, t, theirs.tables[i]!, out));
  const count = (ts: TableJson[]): number => ts.reduce((n, t) => n + 1 + t.cells.reduce((m, c) => m + count(c.tables), 0), 0);
  return { differences: out, tables: count(oursBody), notes: ours.messages.map((m) => `${m.rule}: ${m.message}`) };
}
