/**
 * .docx → HTML. mammoth converts paragraphs and text; our pre-pass over word/document.xml fixes what
 * mammoth gets wrong or loses in government forms (checkbox glyphs, table grids with gridBefore/
 * gridAfter, bookmarks inside rows) and the post-pass rebuilds every table from the real OOXML grid.
 */
import { DocumentError } from '../../model/errors.js';
import { MAX_NESTING_DEPTH, MAX_TABLE_CELLS, MAX_TABLE_NESTING, isStackOverflow, tooDeep, tooManyCells, tooManyTablesNested } from '../../model/limits.js';
import { unsupported, zipKind } from '../../ingest/formats.js';
import { findMainPart, folderOf, isRelationshipType, readRelationships, relationshipsPartOf, resolveTarget, transitionalRelationshipType } from '../../ingest/package.js';
import { readZipEntries, type ZipLimits } from '../../ingest/zip.js';
import { loadMammoth } from './mammoth-load.js';
import { prepassPart } from './prepass.js';
import type { TableModel } from './table-model.js';
import { rebuildTables } from './rebuild.js';
import { MAYBE_GLYPH } from './symbols.js';
import { NS, canonicalNamespace, decodeXml, hasDoctype } from './xml.js';

export interface ConverterMessage {
  rule: string;
  message: string;
  /** Table index in the converted HTML, when the message concerns one table. */
  table?: number;
  /** What the message is about, by name, where that is no table (a hidden sheet's name). */
  subject?: string;
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

/** The parts mammoth renders after the main part (tables may sit in them too), by relationship type. */
const NOTE_TYPES = ['footnotes', 'endnotes', 'comments'];

/**
 * Parts mammoth may read: content types, relationships and XML parts (the main part is wherever the
 * package relationships say), but no media, embedded files or glossary.
 */
function wanted(name: string): boolean {
  const n = name.toLowerCase();
  if (n === '[content_types].xml' || n.endsWith('.rels')) return true;
  return n.endsWith('.xml') && !/(^|\/)(media|embeddings|glossary)\//u.test(n);
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

/** The main part, and the note and comment parts its relationships name (else Word's usual names). */
function packageParts(files: Record<string, Uint8Array>): { main: string; notes: string[] } | null {
  const text = (name: string) => (files[name] ? decodeXml(files[name]) : null);
  const main = findMainPart(text('_rels/.rels'), (n) => Object.hasOwn(files, n));
  if (!main) return null;
  const rels = readRelationships(text(relationshipsPartOf(main)) ?? '');
  const notes = NOTE_TYPES.map((type) => {
    const rel = rels.find((r) => !r.external && isRelationshipType(r.type, type));
    const part = rel ? resolveTarget(folderOf(main), rel.target) : `word/${type}.xml`;
    return files[part] ? part : null;
  });
  return { main, notes: notes.filter((n): n is string => n !== null) };
}

/** Whether a part's root element is a WordprocessingML w:document (transitional or Strict). */
function isWordDocument(xml: string): boolean {
  const root = /<([A-Za-z_][\w.-]*:)?document\b([^>]*)>/uy;
  root.lastIndex = Math.max(0, xml.search(/<[A-Za-z_]/u));
  const m = root.exec(xml);
  if (!m) return false;
  const prefix = m[1] ? m[1].slice(0, -1) : '';
  const decl = new RegExp(`\\bxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`, 'u').exec(m[2]!);
  return decl !== null && canonicalNamespace(decl[1]!) === NS.w;
}

/**
 * Relationship parts as mammoth reads them: mammoth finds the main, style, numbering and note parts by
 * the transitional relationship types only, so the Strict ones are rewritten (their targets are kept).
 */
function transitionalRels(data: Uint8Array): string | null {
  const xml = decodeXml(data);
  if (!xml.includes('purl.oclc.org/ooxml/officeDocument/relationships/')) return null;
  return xml.replace(/(\bType\s*=\s*["'])([^"']*)/gu, (_, head: string, type: string) => head + transitionalRelationshipType(type));
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
  const { entries, files } = readZipEntries(bytes, wanted, options.limits);
  const parts = packageParts(files);
  if (!parts) {
    const kind = zipKind(entries.map((e) => e.name));
    throw kind ? unsupported(kind) : new DocumentError('not-a-report', { zh: 'Word 文件包中没有正文部件', en: 'the Word package has no main document part' });
  }
  const { main } = parts;
  const mainXml = decodeXml(files[main]!);

  for (const [name, data] of Object.entries(files)) {
    if (name !== main && partHasDoctype(data)) {
      throw new DocumentError('xml-doctype', { zh: `部件 ${name}`, en: `part ${name}` });
    }
  }
  // The main part, then the parts mammoth renders after it (notes, comments), which may hold tables too.
  const tables: TableModel[] = [];
  const symbolMessages: ConverterMessage[] = [];
  const texts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    const rels = name.endsWith('.rels') ? transitionalRels(data) : null;
    if (rels !== null) texts.set(name, rels);
  }
  for (const name of [main, ...parts.notes]) {
    const data = files[name]!;
    if (name !== main && !notePartNeedsPrepass(data)) continue; // passed on as it is
    const done = prepassPart(name === main ? mainXml : decodeXml(data), name, tables.length, { slim: options.slim ?? true });
    tables.push(...done.tables);
    texts.set(name, done.xml);
    for (const message of done.messages) symbolMessages.push({ rule: 'extract-symbol', message: `${name}: ${message}` });
  }
  checkTableLimits(tables);

  // A package whose main part is something else (a theme, a workbook) is not a Word document; checked
  // after the pre-pass, which reports a main part that is not well-formed XML as corrupt.
  if (!isWordDocument(mainXml)) {
    throw new DocumentError('not-a-report', { zh: `${main} 不是 Word 文档正文`, en: `${main} is not a Word document body` });
  }
  const mammoth = await loadMammoth();
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
  const messages: ConverterMessage[] = [...symbolMessages, ...result.messages.map((m) => ({ rule: 'extract-mammoth', message: `${m.type}: ${m.message}` }))];
  for (const n of rebuilt.notes) messages.push({ rule: 'extract-merge', message: n.message, table: n.table });
  for (const p of rebuilt.problems) {
    const m: ConverterMessage = { rule: 'extract-grid-mismatch', message: p.message };
    if (p.table !== undefined) m.table = p.table;
    messages.push(m);
  }
  return { html: `<html><body>${rebuilt.html}</body></html>`, messages };
}
