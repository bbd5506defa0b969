/**
 * SpreadsheetML parts read with the streaming XML pass of the docx converter (DOCTYPE refused):
 * the workbook's sheet list, relationships, shared strings and the number format of each cell style.
 * Both the transitional and the strict (ISO 29500) namespaces are accepted.
 */
import { XmlStream, type Tag } from '../docx/stream.js';
import { decodeXml } from '../docx/xml.js';

export const SML = new Set(['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main']);
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Streams a part, calling `open`/`close` for SpreadsheetML elements and `text` for all character data. */
export function streamPart(
  data: Uint8Array,
  name: string,
  h: { open?: (tag: Tag, stream: XmlStream) => void; close?: (tag: Tag) => void; text?: (text: string) => void },
): void {
  const stream = new XmlStream(decodeXml(data), name);
  stream.run({
    open: (tag) => {
      if (SML.has(tag.uri) || tag.uri === PKG_RELS) h.open?.(tag, stream);
    },
    close: (tag) => {
      if (SML.has(tag.uri) || tag.uri === PKG_RELS) h.close?.(tag);
    },
    text: (t) => h.text?.(t),
  });
}

/** An XML Schema boolean attribute that is set ("1" or "true"). */
export function isXmlTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

export interface SheetRef {
  name: string;
  /** Part name of the worksheet in the package, or null when its relationship is missing. */
  part: string | null;
  hidden: boolean;
}

/** Relationship id → [type, target part] of a .rels part; targets resolved against `baseDir`. */
export function readRels(data: Uint8Array | undefined, name: string, baseDir: string): Map<string, { type: string; part: string }> {
  const out = new Map<string, { type: string; part: string }>();
  if (!data) return out;
  streamPart(data, name, {
    open(tag, stream) {
      if (tag.local !== 'Relationship' || stream.attr(tag, 'TargetMode', PKG_RELS) === 'External') return;
      const id = stream.attr(tag, 'Id', PKG_RELS);
      const target = stream.attr(tag, 'Target', PKG_RELS);
      if (id && target) out.set(id, { type: stream.attr(tag, 'Type', PKG_RELS) ?? '', part: resolvePart(baseDir, target) });
    },
  });
  return out;
}

function resolvePart(baseDir: string, target: string): string {
  const segments = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/**
 * The sheets in workbook order, whether dates count from 1904, and whether the saved formula results may
 * be placeholders: a workbook that asks to be recalculated in full when opened (calcPr fullCalcOnLoad, as
 * XlsxWriter writes it, saving 0 as every formula's result) may show other numbers in Excel than it stores.
 */
export function readWorkbook(data: Uint8Array, rels: Map<string, { type: string; part: string }>): { sheets: SheetRef[]; date1904: boolean; resultsStale: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  let resultsStale = false;
  streamPart(data, 'xl/workbook.xml', {
    open(tag, stream) {
      if (tag.local === 'workbookPr') {
        date1904 = isXmlTrue(stream.attr(tag, 'date1904', ''));
      } else if (tag.local === 'calcPr') {
        resultsStale = isXmlTrue(stream.attr(tag, 'fullCalcOnLoad', ''));
      } else if (tag.local === 'sheet') {
        const id = stream.attr(tag, 'id', REL_NS) ?? '';
        const rel = rels.get(id);
        const state = stream.attr(tag, 'state', '') ?? 'visible';
        sheets.push({ name: stream.attr(tag, 'name', '') ?? '', part: rel && /\/worksheet$/u.test(rel.type) ? rel.part : null, hidden: state !== 'visible' });
      }
    },
  });
  return { sheets, date1904, resultsStale };
}

/** The texts of the shared-string table: rich-text runs joined, phonetic guides (rPh) left out. */
export function readSharedStrings(data: Uint8Array | undefined, name: string): string[] {
  const out: string[] = [];
  if (!data) return out;
  let current: string[] | null = null;
  let inT = 0;
  let inPhonetic = 0;
  streamPart(data, name, {
    open(tag) {
      if (tag.local === 'si') current = [];
      else if (tag.local === 'rPh') inPhonetic++;
      else if (tag.local === 't' && !inPhonetic) inT++;
    },
    close(tag) {
      if (tag.local === 'si') {
        out.push(unescapeOoxml((current ?? []).join('')));
        current = null;
      } else if (tag.local === 'rPh') inPhonetic--;
      else if (tag.local === 't' && !inPhonetic) inT--;
    },
    text(t) {
      if (inT && current) current.push(t);
    },
  });
  return out;
}

/**
 * Number format code of each cell style (cellXfs index), custom codes from numFmts, built-in ids as
 * numbers; whether the style draws a border (any side of its <border> has a line style), and whether
 * it centres across the cells to its right.
 */
export function readStyles(data: Uint8Array | undefined, name: string): { formats: Map<number, string>; xfFormat: number[]; xfBordered: boolean[]; xfAcross: boolean[] } {
  const formats = new Map<number, string>();
  const xfFormat: number[] = [];
  const xfBorder: number[] = [];
  const borders: boolean[] = [];
  /** Whether the style centres its text across the empty cells to its right (跨列居中). */
  const xfAcross: boolean[] = [];
  if (!data) return { formats, xfFormat, xfBordered: [], xfAcross };
  let inCellXfs = false;
  let inBorders = false;
  let inNumFmts = false;
  streamPart(data, name, {
    open(tag, stream) {
      switch (tag.local) {
        case 'numFmts':
          inNumFmts = true;
          break;
        case 'numFmt': {
          // Cells take their codes from numFmts only: a differential format (dxf, for conditional
          // formatting) carries its own numFmt, whose id may be one numFmts gives another code.
          if (!inNumFmts) break;
          const id = Number(stream.attr(tag, 'numFmtId', ''));
          const code = stream.attr(tag, 'formatCode', '');
          if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
          break;
        }
        case 'borders':
          inBorders = true;
          break;
        case 'border':
          if (inBorders) borders.push(false);
          break;
        case 'left':
        case 'right':
        case 'top':
        case 'bottom':
        case 'start':
        case 'end': {
          const style = stream.attr(tag, 'style', '');
          if (inBorders && borders.length && style && style !== 'none') borders[borders.length - 1] = true;
          break;
        }
        case 'cellXfs':
          inCellXfs = true;
          break;
        case 'xf':
          if (inCellXfs) {
            const id = Number(stream.attr(tag, 'numFmtId', '') ?? '0');
            xfFormat.push(Number.isInteger(id) ? id : 0);
            const border = Number(stream.attr(tag, 'borderId', '') ?? '0');
            xfBorder.push(Number.isInteger(border) ? border : 0);
            xfAcross.push(false);
          }
          break;
        case 'alignment':
          if (inCellXfs && xfAcross.length) xfAcross[xfAcross.length - 1] = stream.attr(tag, 'horizontal', '') === 'centerContinuous';
          break;
      }
    },
    close(tag) {
      if (tag.local === 'cellXfs') inCellXfs = false;
      else if (tag.local === 'borders') inBorders = false;
      else if (tag.local === 'numFmts') inNumFmts = false;
    },
  });
  return { formats, xfFormat, xfBordered: xfBorder.map((b) => borders[b] ?? false), xfAcross };
}

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';

/** The package's author, dc:creator of its core properties (docProps/core.xml), or null. */
export function readCreator(data: Uint8Array | undefined, name: string): string | null {
  if (!data) return null;
  const text: string[] = [];
  let found = false;
  let inCreator = false;
  new XmlStream(decodeXml(data), name).run({
    open(tag) {
      inCreator = tag.uri === DUBLIN_CORE && tag.local === 'creator';
      found ||= inCreator;
    },
    close() {
      inCreator = false;
    },
    text(t) {
      if (inCreator) text.push(t);
    },
  });
  return found ? text.join('').trim() : null;
}
