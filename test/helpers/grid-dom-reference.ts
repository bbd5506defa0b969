/**
 * The DOM-walking htmlToGrid that src/parse/grid.ts replaced (cheerio in htmlparser2 mode, then walks
 * over the tree), kept verbatim as the reference the streaming builder must equal on every input
 * (test/parse/grid-stream.test.ts). Not used by the product.
 */
import * as cheerio from 'cheerio/slim'; // htmlparser2 only: no parse5, no undici to load
import type { AnyNode, Element } from 'domhandler';
import type { Block, DocumentGrid, GridCell, GridTable } from '../../src/model/grid.js';
import { MAX_NESTING_DEPTH, MAX_TABLE_CELLS, MAX_TABLE_NESTING, tooDeep, tooManyCells, tooManyTablesNested } from '../../src/model/limits.js';
import { isUndisplayed, visibleText } from '../../src/parse/visibility.js';

const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote']);
const LIST_TAGS = new Set(['ol', 'ul']);

function isTag(node: AnyNode, ...names: string[]): boolean {
  return node.type === 'tag' && names.includes((node as Element).name);
}

/** Direct rows of a table, looking through thead/tbody/tfoot but not into nested tables. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (isTag(child, 'tr')) rows.push(child as Element);
    else if (isTag(child, 'thead', 'tbody', 'tfoot')) {
      for (const r of (child as Element).children) if (isTag(r, 'tr')) rows.push(r as Element);
    }
  }
  return rows;
}

/**
 * The paragraphs of a list item: its own text, then each paragraph of the lists and paragraphs
 * inside it (mammoth nests a sub-level's items in the item above), each a line of its own, so that
 * "1. Cell a" and "2. Cell b" never run together into one line or one number.
 */
function listItemParagraphs($: $, li: Element): { text: string; line?: number }[] {
  const out: { text: string; line?: number }[] = [];
  let text = '';
  const flush = () => {
    if (text.trim() !== '') out.push({ text, line: lineOf(li) });
    text = '';
  };
  for (const c of li.children) {
    const el = c.type === 'tag' ? (c as Element) : null;
    if (el && LIST_TAGS.has(el.name)) {
      flush();
      for (const item of el.children) if (isTag(item, 'li')) out.push(...listItemParagraphs($, item as Element));
    } else if (el && el.name === 'li') {
      flush();
      out.push(...listItemParagraphs($, el));
    } else if (el && PARAGRAPH_TAGS.has(el.name)) {
      flush();
      out.push({ text: textWithBreaks($, el), line: lineOf(el) ?? lineOf(li) });
    } else text += textWithBreaks($, c);
  }
  flush();
  // An empty item is still a paragraph, as any empty paragraph is.
  if (out.length === 0) out.push({ text: '', line: lineOf(li) });
  return out;
}

type $ = cheerio.CheerioAPI;

function lineOf(el: Element): number | undefined {
  const v = el.attribs?.['data-line'];
  return v ? Number(v) : undefined;
}

interface CellContent {
  paragraphs: { text: string; line?: number }[];
  nested: Element[];
  /** How many paragraphs come before each nested table. */
  nestedAt: number[];
}

/** Paragraphs of a cell (nested tables excluded, returned separately). */
function cellContent($: $, td: Element): CellContent {
  const paragraphs: { text: string; line?: number }[] = [];
  const nested: Element[] = [];
  const nestedAt: number[] = [];
  let loose = '';
  const flushLoose = () => {
    if (loose.trim() !== '') paragraphs.push({ text: loose });
    loose = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      loose += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    if (el.name === 'table') {
      flushLoose();
      nestedAt.push(paragraphs.length);
      nested.push(el);
      return;
    }
    if (el.name === 'br') {
      loose += '\n';
      return;
    }
    if (el.name === 'li') {
      flushLoose();
      paragraphs.push(...listItemParagraphs($, el));
      return;
    }
    if (PARAGRAPH_TAGS.has(el.name)) {
      flushLoose();
      paragraphs.push({ text: textWithBreaks($, el), line: lineOf(el) });
      return;
    }
    for (const c of el.children) walk(c);
  };
  for (const c of td.children) walk(c);
  flushLoose();
  return { paragraphs, nested, nestedAt };
}

function textWithBreaks($: $, el: AnyNode): string {
  let out = '';
  const walk = (node: AnyNode) => {
    if (node.type === 'text') out += (node as unknown as { data: string }).data;
    else if (node.type === 'tag') {
      const e = node as Element;
      if (e.name === 'br') out += '\n';
      else if (e.name === 'input' && (e.attribs.type ?? '').toLowerCase() === 'checkbox') {
        out += e.attribs.checked !== undefined ? '☑' : '☐';
      } else for (const c of e.children) walk(c);
    }
  };
  walk(el);
  return out;
}

function spanOf(el: Element, attr: 'rowspan' | 'colspan'): number {
  const n = Number.parseInt(el.attribs[attr] ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

function buildTable($: $, table: Element, index: number, onCell?: (cell: GridCell, content: CellContent) => void): GridTable {
  const rows = tableRows(table);
  const slots: (GridCell | null)[][] = rows.map(() => []);
  const cells: GridCell[] = [];
  rows.forEach((tr, r) => {
    let c = 0;
    for (const child of tr.children) {
      if (!isTag(child, 'td', 'th')) continue;
      const td = child as Element;
      while (slots[r]![c]) c++;
      const rowspan = Math.min(spanOf(td, 'rowspan'), rows.length - r);
      const colspan = spanOf(td, 'colspan');
      const content = cellContent($, td);
      const cell: GridCell = {
        table: index,
        row: r,
        col: c,
        rowspan,
        colspan,
        paragraphs: content.paragraphs.map((p) => p.text),
        text: content.paragraphs.map((p) => p.text).join('\n'),
        nested: content.nested.map((t, i) => buildTable($, t, i)),
      };
      const line = lineOf(td) ?? content.paragraphs.find((p) => p.line !== undefined)?.line;
      if (line !== undefined) cell.line = line;
      if (content.nested.length) cell.nestedAt = content.nestedAt;
      cells.push(cell);
      onCell?.(cell, content);
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) slots[r + dr]![c + dc] = cell;
      c += colspan;
    }
  });
  const colCount = slots.reduce((m, row) => Math.max(m, row.length), 0);
  for (const row of slots) for (let c = 0; c < colCount; c++) row[c] ??= null;
  return { index, rowCount: rows.length, colCount, cells, slots };
}

/**
 * The structure limits, checked by one iterative walk before the grid is built (whose walks recurse
 * once per level: thousands of nested tables would overflow the stack).
 */
function checkLimits(root: AnyNode): void {
  let cells = 0;
  const stack: [AnyNode, number, number][] = [[root, 0, 0]];
  while (stack.length > 0) {
    const [node, depth, tables] = stack.pop()!;
    if (depth > MAX_NESTING_DEPTH) throw tooDeep(MAX_NESTING_DEPTH);
    if (tables > MAX_TABLE_NESTING) throw tooManyTablesNested();
    const children = (node as Element).children;
    if (!children) continue;
    for (const c of children) {
      if (c.type !== 'tag') continue;
      const name = (c as Element).name;
      if ((name === 'td' || name === 'th') && ++cells > MAX_TABLE_CELLS) throw tooManyCells(cells);
      stack.push([c, depth + 1, name === 'table' ? tables + 1 : tables]);
    }
  }
}

export function htmlToGridReference(html: string): DocumentGrid {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  // What a reader does not see is not in the tree at all (src/parse/visibility.ts), limits included.
  $('*')
    .filter((_i, el) => el.type === 'tag' && isUndisplayed(el.name, el.attribs))
    .remove();
  const pending: AnyNode[] = [...$.root()[0]!.children];
  while (pending.length) {
    const n = pending.pop()!;
    if (n.type === 'text') (n as unknown as { data: string }).data = visibleText((n as unknown as { data: string }).data);
    else if (n.type === 'tag') pending.push(...(n as Element).children);
  }
  checkLimits($.root()[0]!);
  const tables: GridTable[] = [];
  const blocks: Block[] = [];
  const addBlock = (text: string, line: number | undefined, cell?: Block['cell']) => {
    const block: Block = { index: blocks.length, text };
    if (line !== undefined) block.line = line;
    if (cell) block.cell = cell;
    blocks.push(block);
  };
  const walk = (node: AnyNode) => {
    if (node.type !== 'tag') return;
    const el = node as Element;
    if (el.name === 'table') {
      const index = tables.length;
      tables.push(
        buildTable($, el, index, (cell, content) => {
          for (const p of content.paragraphs) addBlock(p.text, p.line ?? cell.line, { table: index, row: cell.row, col: cell.col });
        }),
      );
      return;
    }
    if (el.name === 'li') {
      for (const p of listItemParagraphs($, el)) addBlock(p.text, p.line);
      return;
    }
    if (PARAGRAPH_TAGS.has(el.name)) {
      addBlock(textWithBreaks($, el), lineOf(el));
      return;
    }
    for (const c of el.children) walk(c);
  };
  const root = $.root()[0]!;
  for (const c of root.children) walk(c);
  return { tables, blocks };
}
