/**
 * An independent reading of the tables of a .docx, for differential tests: straight from the XML
 * (unzip, a namespace-aware tree, the table grid as ECMA-376 defines it), sharing no code with the
 * converter (no pre-pass, no mammoth, no HTML). Deliberately plain: vertical merges join only cells
 * that line up exactly, and the text is what the runs say.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

const W = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

interface Node {
  uri: string;
  local: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

export interface IndependentCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  tables: IndependentTable[];
}

export interface IndependentTable {
  rows: number;
  cols: number;
  cells: IndependentCell[];
}

function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const root: Node = { uri: '', local: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  parser.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(t.attributes)) attrs[a.local] = a.value;
    const n: Node = { uri: t.uri ?? '', local: t.local ?? t.name, attrs, children: [] };
    stack[stack.length - 1]!.children.push(n);
    stack.push(n);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (s) => void stack[stack.length - 1]!.children.push(s));
  parser.on('cdata', (s) => void stack[stack.length - 1]!.children.push(s));
  parser.write(xml).close();
  return root;
}

const isW = (n: Node | string, local: string): boolean => typeof n !== 'string' && n.local === local && W.has(n.uri);
const elements = (n: Node) => n.children.filter((c): c is Node => typeof c !== 'string');
const first = (n: Node, local: string) => elements(n).find((c) => isW(c, local));
const val = (n: Node | undefined) => n?.attrs.val;

/** Children through the wrappers Word may put around rows, cells or content. */
function unwrap(n: Node, want: string): Node[] {
  const out: Node[] = [];
  for (const c of elements(n)) {
    if (isW(c, want)) out.push(c);
    else if (isW(c, 'sdt')) {
      const content = first(c, 'sdtContent');
      if (content) out.push(...unwrap(content, want));
    } else if (isW(c, 'customXml') || isW(c, 'ins') || isW(c, 'moveTo')) out.push(...unwrap(c, want));
  }
  return out;
}

/** A run formatted as hidden text (w:vanish on, in its run properties): Word does not show it. */
function hiddenRun(r: Node): boolean {
  const vanish = first(first(r, 'rPr') ?? { uri: '', local: '', attrs: {}, children: [] }, 'vanish');
  return vanish !== undefined && !['false', '0', 'off'].includes(vanish.attrs.val ?? '');
}

/** A content control showing its placeholder prompt (w:showingPlcHdr on): it holds no text. */
function showsPlaceholder(sdt: Node): boolean {
  const flag = first(first(sdt, 'sdtPr') ?? { uri: '', local: '', attrs: {}, children: [] }, 'showingPlcHdr');
  return flag !== undefined && !['false', '0', 'off'].includes(flag.attrs.val ?? '');
}

/** Text of a paragraph as the runs say it; field codes, deleted and hidden text are not text. */
function paragraphText(p: Node, fieldDepth: { code: number[] }): string {
  let out = '';
  const walk = (n: Node) => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.uri === MC && c.local === 'Choice') continue;
      if (!W.has(c.uri)) {
        walk(c);
        continue;
      }
      if (c.local === 'r' && hiddenRun(c)) continue;
      if (c.local === 'sdt' && showsPlaceholder(c)) continue;
      switch (c.local) {
        case 'fldChar': {
          const type = c.attrs.fldCharType;
          if (type === 'begin') fieldDepth.code.push(1);
          else if (type === 'separate') fieldDepth.code[fieldDepth.code.length - 1] = 0;
          else if (type === 'end') fieldDepth.code.pop();
          continue;
        }
        case 't':
          if (!fieldDepth.code.some((x) => x === 1)) out += c.children.filter((x) => typeof x === 'string').join('');
          continue;
        case 'tab':
        case 'ptab':
          out += '\t';
          continue;
        case 'br':
        case 'cr':
          out += '\n';
          continue;
        case 'noBreakHyphen':
          out += '-';
          continue;
        case 'sym':
          out += '\uFFFC'; // a symbol: compared as "some symbol", not by its mapping
          continue;
        case 'txbxContent': // its paragraphs are paragraphs of their own (see blocks)
        case 'del':
        case 'moveFrom':
        case 'instrText':
        case 'delText':
        case 'tbl':
        case 'pPr':
        case 'rPr':
          continue;
        default:
          walk(c);
      }
    }
  };
  walk(p);
  return out;
}

/** Paragraphs and tables of a cell (or any block container), in order; text boxes' paragraphs too. */
function blocks(n: Node, onTable: (t: Node) => void, paragraphs: string[], fields: { code: number[] }): void {
  for (const c of elements(n)) {
    if (c.uri === MC && c.local === 'Choice') continue;
    if (isW(c, 'tbl')) onTable(c);
    else if (isW(c, 'p')) {
      paragraphs.push(paragraphText(c, fields));
      // Text boxes of the paragraph (outside mc:Choice): their paragraphs and tables follow it.
      const inner = (x: Node) => {
        for (const d of elements(x)) {
          if (isW(d, 'txbxContent')) blocks(d, onTable, paragraphs, fields);
          else if (!(d.uri === MC && d.local === 'Choice')) inner(d);
        }
      };
      inner(c);
    } else if (isW(c, 'del') || isW(c, 'moveFrom')) continue;
    else blocks(c, onTable, paragraphs, fields);
  }
}

function readTable(tbl: Node): IndependentTable {
  const rows = unwrap(tbl, 'tr').filter((tr) => !first(first(tr, 'trPr') ?? { uri: '', local: '', attrs: {}, children: [] }, 'del'));
  const slots: (IndependentCell | null)[][] = [];
  const cells: IndependentCell[] = [];
  const placeholders = new Set<IndependentCell>();
  const empty = (row: number, col: number, colspan: number) => {
    const cell = { row, col, rowspan: 1, colspan, text: '', tables: [] };
    placeholders.add(cell);
    place(cell);
  };
  const place = (cell: IndependentCell) => {
    cells.push(cell);
    for (let c = cell.col; c < cell.col + cell.colspan; c++) slots[cell.row]![c] = cell;
  };
  rows.forEach((tr, r) => {
    slots.push([]);
    const trPr = first(tr, 'trPr');
    const before = Number(val(trPr && first(trPr, 'gridBefore')) ?? 0) || 0;
    const after = Number(val(trPr && first(trPr, 'gridAfter')) ?? 0) || 0;
    let col = 0;
    if (before > 0) {
      empty(r, 0, before);
      col = before;
    }
    let last: IndependentCell | null = null;
    for (const tc of unwrap(tr, 'tc')) {
      const tcPr = first(tc, 'tcPr');
      const span = Math.max(1, Number(val(tcPr && first(tcPr, 'gridSpan')) ?? 1) || 1);
      const vMerge = tcPr && first(tcPr, 'vMerge');
      const hMerge = tcPr && first(tcPr, 'hMerge');
      if (hMerge && val(hMerge) !== 'restart' && last && last.row === r && last.rowspan === 1 && !placeholders.has(last)) {
        last.colspan += span;
        for (let c = col; c < col + span; c++) slots[r]![c] = last;
        col += span;
        continue;
      }
      if (vMerge && val(vMerge) !== 'restart' && r > 0) {
        const above = slots[r - 1]![col];
        if (above && !placeholders.has(above) && above.col === col && above.colspan === span) {
          above.rowspan++;
          for (let c = col; c < col + span; c++) slots[r]![c] = above;
          col += span;
          last = above;
          continue;
        }
      }
      const tables: IndependentTable[] = [];
      const paragraphs: string[] = [];
      blocks(tc, (t) => tables.push(readTable(t)), paragraphs, { code: [] });
      const cell: IndependentCell = { row: r, col, rowspan: 1, colspan: span, text: paragraphs.join('\n'), tables };
      place(cell);
      last = cell;
      col += span;
    }
    if (after > 0) empty(r, col, after);
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { rows: rows.length, cols: slots.reduce((m, s) => Math.max(m, s.length), 0), cells };
}

/** The main part's top-level tables in document order, or null when the package has none readable. */
export function readTablesIndependently(docx: Uint8Array): { tables: IndependentTable[]; notesHaveTables: boolean } | null {
  const files = unzipSync(docx, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  const rels = files['_rels/.rels'] ? strFromU8(files['_rels/.rels']) : '';
  const target = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/u.exec(rels);
  const main = target ? (target[1] ?? target[2])! : 'word/document.xml';
  if (!files[main]) return null;
  const root = parse(strFromU8(files[main]));
  const body = elements(root)[0] && first(elements(root)[0]!, 'body');
  if (!body) return null;
  const tables: IndependentTable[] = [];
  blocks(body, (t) => tables.push(readTable(t)), [], { code: [] });
  const notesHaveTables = ['word/footnotes.xml', 'word/endnotes.xml'].some((n) => files[n] && /<(\w+:)?tbl\b/u.test(strFromU8(files[n])));
  return { tables, notesHaveTables };
}
