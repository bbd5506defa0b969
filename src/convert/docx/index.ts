/**
 * .docx → HTML. mammoth converts paragraphs and text; our pre-pass over word/document.xml fixes what
 * mammoth gets wrong or loses in government forms (checkbox glyphs, table grids with gridBefore/
 * gridAfter, bookmarks inside rows) and the post-pass rebuilds every table from the real OOXML grid.
 */
import { zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { DocumentError } from '../../model/errors.js';
import { listZipEntries, readZipEntries, type ZipLimits } from '../../ingest/zip.js';
import { prepassDocument, type TableModel } from './prepass.js';
import { rebuildTables } from './rebuild.js';
import { NS, attr, decodeXml, elementChildren, hasDoctype, parseXml, serializeXml } from './xml.js';

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

/** The main document part named by _rels/.rels, when it exists in the package. */
function mainPartName(files: Record<string, Uint8Array>): string | null {
  const rels = files['_rels/.rels'];
  if (rels) {
    const root = parseXml(decodeXml(rels), '_rels/.rels');
    for (const rel of elementChildren(root)) {
      if (rel.uri !== NS.rels || rel.local !== 'Relationship') continue;
      if (!(attr(rel, 'Type') ?? '').endsWith('/officeDocument')) continue;
      const target = (attr(rel, 'Target') ?? '').replace(/^\/+/u, '');
      if (files[target]) return target;
    }
  }
  return files[MAIN_PART] ? MAIN_PART : null;
}

export async function convertDocx(bytes: Uint8Array, options: DocxOptions = {}): Promise<DocxConversion> {
  const entries = listZipEntries(bytes, options.limits);
  if (!entries.some((e) => e.name === MAIN_PART)) throw new DocumentError('not-a-report', { zh: `文件包中没有 ${MAIN_PART}`, en: `no ${MAIN_PART} in the package` });
  const { files } = readZipEntries(bytes, wanted, options.limits);
  const main = mainPartName(files);
  if (!main) throw new DocumentError('not-a-report', { zh: `文件包中没有 ${MAIN_PART}`, en: `no ${MAIN_PART} in the package` });

  const parts: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (name !== main && hasDoctype(decodeXml(data))) {
      throw new DocumentError('not-a-report', `${name}: DOCTYPE declarations are not allowed`);
    }
    parts[name] = [data, { level: 0 }];
  }
  // The main part, then the parts mammoth renders after it (notes, comments), which may hold tables too.
  const tables: TableModel[] = [];
  for (const name of [main, ...NOTE_PARTS.filter((n) => files[n])]) {
    const root = parseXml(decodeXml(files[name]!), name);
    tables.push(...prepassDocument(root, tables.length).tables);
    parts[name] = [new TextEncoder().encode(serializeXml(root)), { level: 0 }];
  }
  const repacked = zipSync(parts);

  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: false },
    );
  } catch (e) {
    throw new DocumentError('corrupt-zip', e instanceof Error ? e.message : String(e));
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
