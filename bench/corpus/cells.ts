/**
 * Editing the seed report in both of its forms through one model: the table cells in document order.
 *
 * The seed's Tika text dump and its .docx have the same 432 table cells in the same order (a TAB-led line
 * starts a cell in the text; a `w:tc` is a cell in the XML), so a cell index found once in the text
 * addresses the same cell in the docx. Free text (cover, narrative) is edited by exact substitution,
 * which in the docx works inside single `w:t` runs — every phrase substituted here is one run.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export interface DocEdits {
  /** Substitutions applied in order to the whole text (every occurrence); each must occur at least once. */
  replace: readonly (readonly [find: string, replacement: string])[];
  /** Cell index → new text of that cell (one paragraph). */
  cells: ReadonlyMap<number, string>;
}

const MARKER = /\[(?:bookmark|footnoteRef|endnoteRef|annotation)[^\]\n]*\]/gu;

/** Cell texts of a Tika text dump: lines joined with `\n`, markers removed, each line trimmed. */
export function textCells(text: string): string[] {
  const cells: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      if (current) cells.push(current.join('\n'));
      current = [clean(line.slice(1))];
    } else if (line.trim() === '') {
      if (current) cells.push(current.join('\n'));
      current = null;
    } else if (current) {
      current.push(clean(line));
    }
  }
  if (current) cells.push(current.join('\n'));
  return cells;
}

function clean(line: string): string {
  return line.replace(MARKER, '').trim();
}

function substitute(text: string, edits: DocEdits, hits: number[]): string {
  let t = text;
  edits.replace.forEach(([find, replacement], i) => {
    if (!t.includes(find)) return;
    const parts = t.split(find);
    hits[i]! += parts.length - 1;
    t = parts.join(replacement);
  });
  return t;
}

function checkHits(edits: DocEdits, hits: number[]): void {
  hits.forEach((n, i) => {
    if (n === 0) throw new Error(`substitution not applied: ${JSON.stringify(edits.replace[i]![0])}`);
  });
}

/** Apply the edits to a Tika text dump. An edited cell loses its continuation lines. */
export function editText(text: string, edits: DocEdits): string {
  const hits = edits.replace.map(() => 0);
  const lines = substitute(text, edits, hits).split('\n');
  checkHits(edits, hits);
  const out: string[] = [];
  let cell = -1;
  let skipping = false;
  for (const line of lines) {
    if (line.startsWith('\t')) {
      cell++;
      const value = edits.cells.get(cell);
      skipping = value !== undefined;
      out.push(value === undefined ? line : `\t${value}`);
    } else if (line.trim() === '') {
      skipping = false;
      out.push(line);
    } else if (!skipping) {
      out.push(line);
    }
  }
  const last = Math.max(...edits.cells.keys(), -1);
  if (last > cell) throw new Error(`cell ${last} does not exist (the text has ${cell + 1})`);
  return out.join('\n');
}

const RUN_TEXT = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu;
const CELL = /<w:tc(?:\s[^>]*)?>[\s\S]*?<\/w:tc>/gu;

export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/gu, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export function encodeXml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Cell texts of word/document.xml: the runs of each `w:tc` (tables are not nested in the seed). */
export function docxCells(xml: string): string[] {
  return [...xml.matchAll(CELL)].map((m) => {
    if (/<w:tc[\s>]/u.test(m[0].slice(5))) throw new Error('nested tables are not supported');
    return [...m[0].matchAll(RUN_TEXT)].map((r) => decodeXml(r[1]!)).join('').replace(MARKER, '').trim();
  });
}

function setCellText(tc: string, value: string): string {
  let first = true;
  const replaced = tc.replace(RUN_TEXT, () => {
    const body = first ? encodeXml(value) : '';
    first = false;
    return `<w:t xml:space="preserve">${body}</w:t>`;
  });
  if (!first) return replaced;
  if (value === '') return tc;
  const run = `<w:r><w:t xml:space="preserve">${encodeXml(value)}</w:t></w:r>`;
  const empty = tc.indexOf('<w:p/>');
  if (empty >= 0) return `${tc.slice(0, empty)}<w:p>${run}</w:p>${tc.slice(empty + 6)}`;
  const end = tc.indexOf('</w:p>');
  if (end < 0) throw new Error('a table cell without a paragraph');
  return tc.slice(0, end) + run + tc.slice(end);
}

/** Apply the edits to word/document.xml. */
export function editDocumentXml(xml: string, edits: DocEdits): string {
  const hits = edits.replace.map(() => 0);
  const substituted =
    edits.replace.length === 0
      ? xml
      : xml.replace(RUN_TEXT, (whole, body: string) => {
          const text = decodeXml(body);
          const next = substitute(text, edits, hits);
          return next === text ? whole : `<w:t xml:space="preserve">${encodeXml(next)}</w:t>`;
        });
  checkHits(edits, hits);
  let cell = -1;
  const out = substituted.replace(CELL, (tc) => {
    cell++;
    const value = edits.cells.get(cell);
    return value === undefined ? tc : setCellText(tc, value);
  });
  const last = Math.max(...edits.cells.keys(), -1);
  if (last > cell) throw new Error(`cell ${last} does not exist (the document has ${cell + 1})`);
  return out;
}

/** An unpacked .docx whose document.xml can be edited and re-packed many times. */
export class DocxTemplate {
  readonly documentXml: string;
  private readonly entries: Record<string, Uint8Array>;

  constructor(bytes: Uint8Array) {
    this.entries = unzipSync(bytes);
    const doc = this.entries['word/document.xml'];
    if (!doc) throw new Error('not a .docx: no word/document.xml');
    this.documentXml = strFromU8(doc);
  }

  /** Re-pack with edited document.xml; a fixed timestamp keeps the bytes reproducible. */
  build(edits: DocEdits): Uint8Array {
    const files: Zippable = { ...this.entries, 'word/document.xml': strToU8(editDocumentXml(this.documentXml, edits)) };
    return zipSync(files, { level: 6, mtime: new Date(2021, 5, 8, 12, 0, 0) });
  }
}
