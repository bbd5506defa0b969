/**
 * Pre-pass over word/document.xml before mammoth sees it:
 *  - checkbox glyphs (Wingdings / Wingdings 2 `w:sym`, symbol-font text) become ☑ / □ text;
 *  - images are dropped (no reading, no base64, no "unsupported image" warnings);
 *  - every table's OOXML grid is recorded (gridBefore/gridAfter, gridSpan, vMerge, hMerge, deleted rows)
 *    and every cell gets an invisible marker (a bookmark) so that the HTML cell mammoth makes of it
 *    can be found again, whatever mammoth did to the table's spans;
 *  - bookmarks and similar markup placed directly in a table or row (where they make mammoth drop
 *    all rowspans of the table) are removed.
 */
import { symCheckbox, mapRunText, isSymbolFont } from './symbols.js';
import {
  NS,
  attr,
  elementChildren,
  firstW,
  isW,
  makeW,
  prefixFor,
  replaceNode,
  type XmlElement,
} from './xml.js';

export type MergeState = 'restart' | 'continue' | null;

export interface CellModel {
  /** Marker key `<table id>_<cell ordinal>`; the HTML cell carries `<a id="_selfeval_cell_<key>">`. */
  key: string;
  span: number;
  vMerge: MergeState;
  hMerge: MergeState;
}

export interface RowModel {
  gridBefore: number;
  gridAfter: number;
  cells: CellModel[];
}

export interface TableModel {
  /** Pre-pass id, in document order over all tables (nested ones included). */
  id: number;
  /** Columns declared by w:tblGrid. */
  gridCols: number;
  rows: RowModel[];
  /** The table this one is nested in, if any. */
  parent: number | null;
}

/** Bookmark name prefix of the cell markers (a leading underscore makes a bookmark hidden in Word). */
export const MARKER_PREFIX = '_selfeval_cell_';

/** Elements that may sit directly in a w:tbl / w:tr but carry no content; mammoth mishandles them. */
const STRUCTURE_NOISE = new Set([
  'bookmarkStart',
  'bookmarkEnd',
  'permStart',
  'permEnd',
  'proofErr',
  'commentRangeStart',
  'commentRangeEnd',
  'moveFromRangeStart',
  'moveFromRangeEnd',
  'moveToRangeStart',
  'moveToRangeEnd',
  'tblPrEx',
]);

function intAttr(el: XmlElement | undefined, name: string, fallback: number): number {
  const v = attr(el, name);
  const n = v === undefined ? Number.NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 1000) : fallback;
}

function mergeState(el: XmlElement | undefined): MergeState {
  if (!el) return null;
  // A vMerge without val continues the cell above (ECMA-376 17.4.85).
  return attr(el, 'val') === 'restart' ? 'restart' : 'continue';
}

function containsW(el: XmlElement, local: string): boolean {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (isW(c, local) || containsW(c, local)) return true;
  }
  return false;
}

export interface PrepassResult {
  tables: TableModel[];
}

/**
 * Transform a part (document, footnotes, endnotes, comments) in place and return its tables' models.
 * `firstTableId` keeps ids unique when several parts are processed.
 */
export function prepassDocument(root: XmlElement, firstTableId = 0): PrepassResult {
  const prefix = prefixFor(root, NS.w) ?? (root.name.includes(':') ? root.name.split(':')[0]! : '');
  const tables: TableModel[] = [];
  let markerId = 900_000_000;

  const runFont = (run: XmlElement | null): string | undefined => {
    const fonts = firstW(firstW(run ?? undefined, 'rPr'), 'rFonts');
    const ascii = attr(fonts, 'ascii');
    const hAnsi = attr(fonts, 'hAnsi');
    return isSymbolFont(ascii) ? ascii : isSymbolFont(hAnsi) ? hAnsi : undefined;
  };

  const visitRunChild = (el: XmlElement) => {
    if (el.local === 'sym') {
      const box = symCheckbox(attr(el, 'font'), attr(el, 'char'));
      if (box) replaceNode(el, [makeW(prefix, 't', {}, [{ type: 'text', text: box }])]);
      return;
    }
    if (el.local === 't') {
      const text = el.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
      const mapped = mapRunText(text, runFont(el.parent));
      if (mapped !== null) el.children = [{ type: 'text', text: mapped }];
    }
  };

  /** Generic walk of content (body, cells, text boxes…); tables are handed to readTable. */
  const walk = (el: XmlElement, tableParent: number | null) => {
    const kids = [...el.children];
    for (const c of kids) {
      if (c.type !== 'element') continue;
      if (c.uri === NS.mc && c.local === 'Choice') continue; // mammoth reads mc:Fallback only
      if (c.uri === NS.v && c.local === 'imagedata') {
        replaceNode(c, []);
        continue;
      }
      if (c.uri === NS.w) {
        if (c.local === 'drawing' && !containsW(c, 'txbxContent')) {
          replaceNode(c, []);
          continue;
        }
        if (c.local === 'tbl') {
          readTable(c, tableParent);
          continue;
        }
        if ((c.local === 'sym' || c.local === 't') && isW(c.parent, 'r')) {
          visitRunChild(c);
          continue;
        }
      }
      walk(c, tableParent);
    }
  };

  const readCell = (tc: XmlElement, table: TableModel, ordinal: number): CellModel => {
    const tcPr = firstW(tc, 'tcPr');
    const cell: CellModel = {
      key: `${table.id}_${ordinal}`,
      span: Math.max(1, intAttr(firstW(tcPr, 'gridSpan'), 'val', 1)),
      vMerge: mergeState(firstW(tcPr, 'vMerge')),
      hMerge: mergeState(firstW(tcPr, 'hMerge')),
    };
    const marker = makeW(prefix, 'bookmarkStart', { id: String(markerId++), name: `${MARKER_PREFIX}${cell.key}` });
    marker.parent = tc;
    tc.children.splice(tcPr ? tc.children.indexOf(tcPr) + 1 : 0, 0, marker);
    walk(tc, table.id);
    return cell;
  };

  /** Rows (or cells) of a table/row, looking through content controls and custom XML wrappers. */
  const collect = (el: XmlElement, want: 'tr' | 'tc', out: XmlElement[]) => {
    for (const c of [...el.children]) {
      if (c.type !== 'element') continue;
      if (isW(c, want)) out.push(c);
      else if (c.uri === NS.w && STRUCTURE_NOISE.has(c.local)) replaceNode(c, []);
      else if (isW(c, 'sdt')) {
        const content = firstW(c, 'sdtContent');
        if (content) collect(content, want, out);
      } else if (isW(c, 'customXml') || isW(c, 'ins') || isW(c, 'moveTo')) collect(c, want, out);
    }
  };

  function readTable(tbl: XmlElement, parent: number | null): void {
    const grid = firstW(tbl, 'tblGrid');
    const table: TableModel = {
      id: firstTableId + tables.length,
      gridCols: grid ? elementChildren(grid).filter((g) => isW(g, 'gridCol')).length : 0,
      rows: [],
      parent,
    };
    tables.push(table);
    const trs: XmlElement[] = [];
    collect(tbl, 'tr', trs);
    let ordinal = 0;
    for (const tr of trs) {
      const trPr = firstW(tr, 'trPr');
      if (firstW(trPr, 'del')) continue; // deleted row (tracked change): mammoth drops it too
      const tcs: XmlElement[] = [];
      collect(tr, 'tc', tcs);
      table.rows.push({
        gridBefore: intAttr(firstW(trPr, 'gridBefore'), 'val', 0),
        gridAfter: intAttr(firstW(trPr, 'gridAfter'), 'val', 0),
        cells: tcs.map((tc) => readCell(tc, table, ordinal++)),
      });
    }
  }

  walk(root, null);
  return { tables };
}
