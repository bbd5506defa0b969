/**
 * HTML → cell grid. Each anchor cell appears once with its spans; every covered slot points to its
 * anchor (the HTML table model). Built in one pass over htmlparser2's parse events, with no DOM: the
 * element tree is the one htmlparser2's DOM would hold (its events already carry the implied closes:
 * a <td> without </td>, a <p> inside a <p>), and each open element is given a frame saying what its
 * content contributes to, kept on an explicit stack (no recursion, however deep the document).
 *
 * What the content of an element contributes to:
 * - at document level, a table is a top-level table, a list item its paragraphs and a paragraph
 *   (p, h1–h6, pre, blockquote) its text as blocks; other elements pass through, loose text is dropped;
 * - a table reads only its rows (its own tr, and those of its thead/tbody/tfoot) and a row only its
 *   td/th cells; anything else there is dropped;
 * - a cell's content is its paragraphs: text not in a paragraph or list item is a paragraph of its own
 *   (when it is not blank), a table in it is a nested table of the cell;
 * - a list item's text is a paragraph, and so is each paragraph, list item and list item of a list in
 *   it (mammoth nests a sub-level's items in the item above), so that "1. Cell a" and "2. Cell b" never
 *   run together into one line or one number; an empty item is still a paragraph;
 * - a paragraph's text is all the text inside it (tables and lists included), with <br> as a line break
 *   and checkboxes as ☑/☐;
 * - script and style elements contribute nothing, nor does what a reader does not see (visibility.ts).
 */
import { Parser } from 'htmlparser2';
import type { Block, DocumentGrid, GridCell, GridTable } from '../model/grid.js';
import { MAX_NESTING_DEPTH, MAX_TABLE_CELLS, MAX_TABLE_NESTING, tooDeep } from '../model/limits.js';
import { firstLimitError, isOpaqueElement } from './grid-limits.js';
import { isUndisplayed, visibleText } from './visibility.js';

const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote']);

type Attributes = Record<string, string>;

interface Paragraph {
  text: string;
  line?: number | undefined;
}

interface TextSink {
  text: string;
}

/** Content that contributes nothing; `hidden` also escapes the structure limits (script, style). */
interface PassiveFrame {
  kind: 'document' | 'ignored' | 'hidden';
}

/** Content flattened into a text: a paragraph's descendants, or a list item's non-list children. */
interface FlatFrame {
  kind: 'flat';
  sink: TextSink;
}

/** A paragraph element; it is its own sink. `out` null: a block of the document. */
interface ParagraphFrame extends TextSink {
  kind: 'paragraph';
  line: number | undefined;
  out: Paragraph[] | null;
}

/** A list item; its paragraphs go to `out` (shared with the item, cell or document around it). */
interface ItemFrame extends TextSink {
  kind: 'item';
  line: number | undefined;
  out: Paragraph[];
  /** Where this item's paragraphs begin in `out`. */
  start: number;
  /** A list item at document level: its paragraphs become blocks. */
  toBlocks: boolean;
  flat: FlatFrame | null;
}

/** An ol/ul inside a list item: only its items count. */
interface ListFrame {
  kind: 'list';
  item: ItemFrame;
}

interface TableFrame {
  kind: 'table';
  grid: GridTable;
  /** Anchor cells per row, rowspans not yet clipped to the rows the table has. */
  rows: GridCell[][];
  topLevel: boolean;
}

interface SectionFrame {
  kind: 'section';
  table: TableFrame;
}

interface RowFrame {
  kind: 'row';
  table: TableFrame;
  index: number;
}

interface CellFrame {
  kind: 'cell';
  table: TableFrame;
  row: number;
  line: number | undefined;
  rowspan: number;
  colspan: number;
  loose: string;
  paragraphs: Paragraph[];
  nested: GridTable[];
  nestedAt: number[];
}

type Frame = PassiveFrame | FlatFrame | ParagraphFrame | ItemFrame | ListFrame | TableFrame | SectionFrame | RowFrame | CellFrame;

const DOCUMENT: PassiveFrame = { kind: 'document' };
const IGNORED: PassiveFrame = { kind: 'ignored' };
const HIDDEN: PassiveFrame = { kind: 'hidden' };

/** Thrown from inside the parse to stop it at the first sign of a broken limit. */
class LimitBroken extends Error {}

function lineOf(attribs: Attributes): number | undefined {
  const v = attribs['data-line'];
  return v ? Number(v) : undefined;
}

function spanOf(attribs: Attributes, attr: 'rowspan' | 'colspan'): number {
  const n = Number.parseInt(attribs[attr] ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

/**
 * A <br> or checkbox inside flattened text: its characters go to the sink and whatever it holds is
 * dropped. Null for any other element.
 */
function flatLeaf(sink: TextSink, name: string, attribs: Attributes): Frame | null {
  if (name === 'br') {
    sink.text += '\n';
    return IGNORED;
  }
  if (name === 'input' && (attribs.type ?? '').toLowerCase() === 'checkbox') {
    sink.text += attribs.checked !== undefined ? '☑' : '☐';
    return IGNORED;
  }
  return null;
}

function flushItem(item: ItemFrame): void {
  if (item.text.trim() !== '') item.out.push({ text: item.text, line: item.line });
  item.text = '';
}

function flushLoose(cell: CellFrame): void {
  if (cell.loose.trim() !== '') cell.paragraphs.push({ text: cell.loose });
  cell.loose = '';
}

function newItem(attribs: Attributes, out: Paragraph[], toBlocks: boolean): ItemFrame {
  return { kind: 'item', text: '', line: lineOf(attribs), out, start: out.length, toBlocks, flat: null };
}

function newParagraph(line: number | undefined, out: Paragraph[] | null): ParagraphFrame {
  return { kind: 'paragraph', text: '', line, out };
}

/** Lays out each table's slots once the whole document is read (rowspans clip to the rows there are). */
function layOut(table: TableFrame): void {
  const { rows, grid } = table;
  const slots: (GridCell | null)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (slots[r]![c]) c++;
      cell.col = c;
      cell.rowspan = Math.min(cell.rowspan, rows.length - r);
      for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) slots[r + dr]![c + dc] = cell;
      c += cell.colspan;
    }
  });
  const colCount = slots.reduce((m, row) => Math.max(m, row.length), 0);
  for (const row of slots) for (let c = 0; c < colCount; c++) row[c] ??= null;
  grid.rowCount = rows.length;
  grid.colCount = colCount;
  grid.slots = slots;
}

class GridBuilder {
  readonly tables: GridTable[] = [];
  readonly blocks: Block[] = [];
  /** Every table, nested ones too, to lay out at the end. */
  private readonly allTables: TableFrame[] = [];
  /** Block positions whose column is known only after layout. */
  private readonly blockCells: [NonNullable<Block['cell']>, GridCell][] = [];
  /** One frame per open element, under the document's. */
  private readonly stack: Frame[] = [DOCUMENT];
  private openTables = 0;
  private cellCount = 0;

  open(name: string, attribs: Attributes): void {
    const stack = this.stack;
    const top = stack[stack.length - 1] ?? HIDDEN;
    if (top === HIDDEN || isOpaqueElement(name) || isUndisplayed(name, attribs)) {
      stack.push(HIDDEN);
      return;
    }
    if (stack.length > MAX_NESTING_DEPTH) throw new LimitBroken();
    if (name === 'table' && ++this.openTables > MAX_TABLE_NESTING) throw new LimitBroken();
    if ((name === 'td' || name === 'th') && ++this.cellCount > MAX_TABLE_CELLS) throw new LimitBroken();
    stack.push(this.frameFor(top, name, attribs));
  }

  close(name: string): void {
    const stack = this.stack;
    if (stack.length <= 1) return; // an unfinished tag at the very end is closed without being opened
    const frame = stack.pop()!;
    if (name === 'table' && frame !== HIDDEN) this.openTables--;
    if (frame === stack[stack.length - 1]) return; // a descendant sharing its ancestor's frame
    if (frame.kind === 'paragraph') {
      if (frame.out) frame.out.push({ text: frame.text, line: frame.line });
      else this.addBlock(frame.text, frame.line);
    } else if (frame.kind === 'item') this.closeItem(frame);
    else if (frame.kind === 'cell') this.closeCell(frame);
  }

  text(raw: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    const data = visibleText(raw);
    if (top.kind === 'paragraph' || top.kind === 'item') top.text += data;
    else if (top.kind === 'flat') top.sink.text += data;
    else if (top.kind === 'cell') top.loose += data;
  }

  finish(): DocumentGrid {
    for (const t of this.allTables) layOut(t);
    for (const [at, cell] of this.blockCells) at.col = cell.col;
    return { tables: this.tables, blocks: this.blocks };
  }

  private frameFor(top: Frame, name: string, attribs: Attributes): Frame {
    switch (top.kind) {
      case 'document':
        if (name === 'table') return this.newTable(this.tables, true);
        if (name === 'li') return newItem(attribs, [], true);
        if (PARAGRAPH_TAGS.has(name)) return newParagraph(lineOf(attribs), null);
        return top;
      case 'paragraph':
        return flatLeaf(top, name, attribs) ?? top;
      case 'flat':
        return flatLeaf(top.sink, name, attribs) ?? top;
      case 'item':
        if (name === 'ol' || name === 'ul') {
          flushItem(top);
          return { kind: 'list', item: top };
        }
        if (name === 'li') {
          flushItem(top);
          return newItem(attribs, top.out, false);
        }
        if (PARAGRAPH_TAGS.has(name)) {
          flushItem(top);
          return newParagraph(lineOf(attribs) ?? top.line, top.out);
        }
        return flatLeaf(top, name, attribs) ?? (top.flat ??= { kind: 'flat', sink: top });
      case 'list':
        return name === 'li' ? newItem(attribs, top.item.out, false) : IGNORED;
      case 'cell':
        return this.cellChild(top, name, attribs);
      case 'table':
        if (name === 'tr') return this.newRow(top);
        if (name === 'thead' || name === 'tbody' || name === 'tfoot') return { kind: 'section', table: top };
        return IGNORED;
      case 'section':
        return name === 'tr' ? this.newRow(top.table) : IGNORED;
      case 'row':
        if (name !== 'td' && name !== 'th') return IGNORED;
        return {
          kind: 'cell',
          table: top.table,
          row: top.index,
          line: lineOf(attribs),
          rowspan: spanOf(attribs, 'rowspan'),
          colspan: spanOf(attribs, 'colspan'),
          loose: '',
          paragraphs: [],
          nested: [],
          nestedAt: [],
        };
      default:
        return IGNORED;
    }
  }

  private cellChild(cell: CellFrame, name: string, attribs: Attributes): Frame {
    if (name === 'table') {
      flushLoose(cell);
      cell.nestedAt.push(cell.paragraphs.length);
      return this.newTable(cell.nested, false);
    }
    if (name === 'br') {
      cell.loose += '\n';
      return IGNORED;
    }
    if (name === 'li') {
      flushLoose(cell);
      return newItem(attribs, cell.paragraphs, false);
    }
    if (PARAGRAPH_TAGS.has(name)) {
      flushLoose(cell);
      return newParagraph(lineOf(attribs), cell.paragraphs);
    }
    return cell;
  }

  /** A table whose grid is `into`'s next entry: the document's tables, or a cell's nested ones. */
  private newTable(into: GridTable[], topLevel: boolean): TableFrame {
    const grid: GridTable = { index: into.length, rowCount: 0, colCount: 0, cells: [], slots: [] };
    into.push(grid);
    const table: TableFrame = { kind: 'table', grid, rows: [], topLevel };
    this.allTables.push(table);
    return table;
  }

  private newRow(table: TableFrame): RowFrame {
    table.rows.push([]);
    return { kind: 'row', table, index: table.rows.length - 1 };
  }

  private closeItem(item: ItemFrame): void {
    flushItem(item);
    if (item.out.length === item.start) item.out.push({ text: '', line: item.line });
    if (item.toBlocks) for (const p of item.out) this.addBlock(p.text, p.line);
  }

  private closeCell(frame: CellFrame): void {
    flushLoose(frame);
    const { table, paragraphs } = frame;
    const texts = paragraphs.map((p) => p.text);
    const cell: GridCell = {
      table: table.grid.index,
      row: frame.row,
      col: 0, // set by layOut, with the clipped rowspan
      rowspan: frame.rowspan,
      colspan: frame.colspan,
      paragraphs: texts,
      text: texts.join('\n'),
      nested: frame.nested,
    };
    if (frame.nested.length) cell.nestedAt = frame.nestedAt;
    const line = frame.line ?? paragraphs.find((p) => p.line !== undefined)?.line;
    if (line !== undefined) cell.line = line;
    table.grid.cells.push(cell);
    table.rows[frame.row]!.push(cell);
    if (!table.topLevel) return;
    for (const p of paragraphs) {
      const at = { table: table.grid.index, row: cell.row, col: 0 };
      this.addBlock(p.text, p.line ?? cell.line, at);
      this.blockCells.push([at, cell]);
    }
  }

  private addBlock(text: string, line: number | undefined, cell?: Block['cell']): void {
    const block: Block = { index: this.blocks.length, text };
    if (line !== undefined) block.line = line;
    if (cell) block.cell = cell;
    this.blocks.push(block);
  }
}

export function htmlToGrid(html: string): DocumentGrid {
  const builder = new GridBuilder();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => builder.open(name, attribs),
      onclosetag: (name) => builder.close(name),
      ontext: (data) => builder.text(data),
    },
    { xmlMode: false, decodeEntities: true },
  );
  try {
    parser.end(html);
  } catch (e) {
    if (!(e instanceof LimitBroken)) throw e;
    // Which limit, decided over the whole document; the streaming check and the walk agree on
    // whether one is broken, so the fallback is never reached.
    throw firstLimitError(html) ?? tooDeep(MAX_NESTING_DEPTH);
  }
  return builder.finish();
}
