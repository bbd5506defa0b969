/**
 * .docx → HTML. mammoth converts paragraphs and text; our pre-pass over word/document.xml fixes what
 * mammoth gets wrong or loses in government forms (checkbox glyphs, table grids with gridBefore/
 * gridAfter, bookmarks inside rows) and the post-pass rebuilds every table from the real OOXML grid.
 */
import mammoth from 'mammoth';
import { DocumentError } from '../../model/errors.js';
import { MAX_NESTING_DEPTH, MAX_TABLE_CELLS, MAX_TABLE_NESTING, isStackOverflow, tooDeep, tooManyCells, tooManyTablesNested } from '../../model/limits.js';
import { unsupported, zipKind } from '../../ingest/formats.js';
import { listZipEntries, readZipEntries, type ZipLimits } from '../../ingest/zip.js';
import { prepassPart } from './prepass.js';
import type { TableModel } from './table-model.js';
import { rebuildTables } from './rebuild.js';
import { MAYBE_GLYPH } from './symbols.js';
import { XmlStream } from './stream.js';
import { NS, decodeXml, hasDoctype } from './xml.js';

export interface ConverterMessage {
  rule: string;
  message: string;
  /** Table index in the converted HTML, when the message concerns one table. */
  table?: number;
}

export interface DocxConversion {
  html: string;
  messages: ConverterMessage[];
}

export interface DocxOptions {
  /** Zip-bomb limits (defaults: 200 MB uncompressed, 10,000 entries). */
  limits?: ZipLimits;
  /** Remove what mammoth never reads before it parses the XML (default true; see slim.ts). */
  slim?: boolean;
}

const MAIN_PART = 'word/document.xml';
const NOTE_PARTS = ['word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml'];

/** Parts mammoth may read: package/content types, relationships and XML under word/ (no media). */
function wanted(name: string): boolean {
  const n = name.toLowerCase();
  if (n === '[content_types].xml' || n.endsWith('.rels')) return true;
  if (!n.startsWith('word/') || !n.endsWith('.xml')) return false;
  return !/^word\/(media|embeddings|glossary)\//u.test(n);
}

/** True when the prolog of an XML part declares a DOCTYPE (decoding only the start when it holds the root). */
function partHasDoctype(data: Uint8Array): boolean {
  const head = decodeXml(data.subarray(0, 4096));
  return hasDoctype(data.length > 4096 && !/<[A-Za-z_]/u.test(head) ? decodeXml(data) : head);
}

/**
 * Whether a note part may need the pre-pass: tables, symbols, drawings, images, symbol fonts or glyphs,
 * character references, comments or CDATA (which the pre-pass normalises), or UTF-16 text.
 */
function notePartNeedsPrepass(data: Uint8Array): boolean {
  if (data[0] === 0xff || data[0] === 0xfe) return true;
  const text = decodeXml(data);
  return /tbl|sym|drawing|imagedata|ingdings|&#|<!--|<!\[CDATA\[/u.test(text) || MAYBE_GLYPH.test(text);
}

/** The main document part named by _rels/.rels, when it exists in the package. */
function mainPartName(files: Record<string, Uint8Array>): string | null {
  const rels = files['_rels/.rels'];
  let main: string | null = null;
  if (rels) {
    const stream = new XmlStream(decodeXml(rels), '_rels/.rels');
    let depth = 0;
    stream.run({
      open(rel) {
        if (depth++ !== 1 || main || rel.uri !== NS.rels || rel.local !== 'Relationship') return;
        if (!(stream.attr(rel, 'Type', NS.w) ?? '').endsWith('/officeDocument')) return;
        const target = (stream.attr(rel, 'Target', NS.w) ?? '').replace(/^\/+/u, '');
        if (files[target]) main = target;
      },
      close() {
        depth--;
      },
      text() {},
    });
  }
  return main ?? (files[MAIN_PART] ? MAIN_PART : null);
}

/**
 * The package as mammoth reads it (its `{file}` input: `exists` and `read`), straight from the parts
 * already inflated and pre-passed, instead of zipping them again for mammoth to unzip. `read` with an
 * encoding returns text, so the pre-passed parts are never encoded and decoded again.
 */
function packageFile(files: Record<string, Uint8Array>, texts: ReadonlyMap<string, string>) {
  return {
    exists: (name: string) => texts.has(name) || Object.hasOwn(files, name),
    read: async (name: string, encoding?: string): Promise<string | Uint8Array> => {
      const text = texts.get(name);
      if (text !== undefined) return encoding ? text : new TextEncoder().encode(text);
      if (!Object.hasOwn(files, name)) throw new Error(`${name}: no such part in the package`);
      const data = files[name]!;
      if (encoding === 'base64') return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
}

/**
 * Cells and table nesting, counted on the pre-pass's models before mammoth builds its DOM (a
 * 100,000-cell table would take most of a gigabyte there).
 */
function checkTableLimits(tables: readonly TableModel[]): void {
  let cells = 0;
  for (const t of tables) for (const r of t.rows) cells += r.cells.length;
  if (cells > MAX_TABLE_CELLS) throw tooManyCells(cells);
  const depth = new Map<number, number>();
  for (const t of tables) {
    // Parents come first (ids are in document order), so each depth is known when it is needed.
    const d = t.parent === null ? 1 : (depth.get(t.parent) ?? 0) + 1;
    if (d > MAX_TABLE_NESTING) throw tooManyTablesNested();
    depth.set(t.id, d);
  }
}

export async function convertDocx(bytes: Uint8Array, options: DocxOptions = {}): Promise<DocxConversion> {
  const entries = listZipEntries(bytes, options.limits);
  if (!entries.some((e) => e.name === MAIN_PART)) throw unsupported(zipKind(entries.map((e) => e.name)));
  const { files } = readZipEntries(bytes, wanted, options.limits);
  const main = mainPartName(files);
  if (!main) throw new DocumentError('not-a-report', { zh: `文件包中没有 ${MAIN_PART}`, en: `no ${MAIN_PART} in the package` });

  for (const [name, data] of Object.entries(files)) {
    if (name !== main && partHasDoctype(data)) {
      throw new DocumentError('xml-doctype', { zh: `部件 ${name}`, en: `part ${name}` });
    }
  }
  // The main part, then the parts mammoth renders after it (notes, comments), which may hold tables too.
  const tables: TableModel[] = [];
  const texts = new Map<string, string>();
  for (const name of [main, ...NOTE_PARTS.filter((n) => files[n])]) {
    const data = files[name]!;
    if (name !== main && !notePartNeedsPrepass(data)) continue; // passed on as it is
    const done = prepassPart(decodeXml(data), name, tables.length, { slim: options.slim ?? true });
    tables.push(...done.tables);
    texts.set(name, done.xml);
  }
  checkTableLimits(tables);

  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml({ file: packageFile(files, texts) } as unknown as { buffer: Buffer }, {
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      ignoreEmptyParagraphs: false,
    });
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    if (isStackOverflow(e)) throw tooDeep(MAX_NESTING_DEPTH);
    const message = e instanceof Error ? e.message : String(e);
    throw new DocumentError('corrupt-zip', { zh: `Word 文档内容无法转换（mammoth：${message}）`, en: `the Word content cannot be converted (mammoth: ${message})` });
  }
  const rebuilt = rebuildTables(result.value, tables);
  const messages: ConverterMessage[] = result.messages.map((m) => ({ rule: 'extract-mammoth', message: `${m.type}: ${m.message}` }));
  for (const p of rebuilt.problems) {
    const m: ConverterMessage = { rule: 'extract-grid-mismatch', message: p.message };
    if (p.table !== undefined) m.table = p.table;
    messages.push(m);
  }
  return { html: `<html><body>${rebuilt.html}</body></html>`, messages };
}
