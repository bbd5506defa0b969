/**
 * One worksheet part → its cells as displayed, and its merged ranges. Only what Excel shows is kept:
 * a formula's cached result (never the formula), a shared or inline string, a number through its
 * cell style's number format. Hidden rows and columns are not shown, so they are left out and the
 * grid closes up over them (hidden.ts); the ones that held text are listed to be reported.
 */
import { DocumentError } from '../../model/errors.js';
import { displayIsoDate, displayNumber, formatCode, type DisplayOptions } from './display.js';
import { closeUp, columnLetters, hiddenColumns } from './hidden.js';
import { isXmlTrue, streamPart, unescapeOoxml } from './parts.js';

export interface SheetCell {
  row: number;
  col: number;
  text: string;
}

export interface MergeRange {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface SheetContent {
  cells: SheetCell[];
  merges: MergeRange[];
  /** Cells (A1 references) with a formula but no cached result: shown empty, as nothing can be read. */
  uncached: string[];
  /** Number format codes that could not be rendered → the cells (A1) shown in General instead. */
  unrendered: Map<string, string[]>;
  /** How many <c> elements each row writes, empty (styled) ones included. */
  written: Map<number, number>;
  /**
   * Rows where a cell draws a border: a sheet that frames its table tells its rows from the title and
   * note lines around it, which have none.
   */
  framed: Set<number>;
  /** Hidden rows and columns (A1 numbers and letters) that hold text, left out of the cells. */
  hidden: { rows: string[]; cols: string[] };
}

export interface SheetContext extends DisplayOptions {
  sharedStrings: readonly string[];
  formats: ReadonlyMap<number, string>;
  xfFormat: readonly number[];
  /** Whether each cell style draws a border. */
  xfBordered?: readonly boolean[];
  /** Whether each cell style centres across the cells to its right (跨列居中). */
  xfAcross?: readonly boolean[];
  /** The workbook asks to be recalculated when opened: its saved formula results may be placeholders. */
  resultsStale?: boolean;
}

/** Excel's last row and column (1,048,576 × 16,384). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** "C12" → [11, 2] (0-based); null when it is no cell reference inside Excel's grid. */
export function parseRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return null;
  return [row - 1, col - 1];
}

export function refOf(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

interface RawCell {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string | null;
  inline: string | null;
  formula: boolean;
}

function display(cell: RawCell, ctx: SheetContext): string {
  const code = () => formatCode(ctx.xfFormat[cell.style] ?? 0, ctx.formats);
  switch (cell.type) {
    case 's': {
      const i = Number(cell.value);
      return Number.isInteger(i) ? (ctx.sharedStrings[i] ?? '') : '';
    }
    case 'inlineStr':
      return cell.inline ?? cell.value ?? '';
    case 'str':
      return unescapeOoxml(cell.value ?? '');
    case 'b':
      return cell.value === null ? '' : cell.value.trim() === '1' || cell.value.trim() === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.value ?? '';
    case 'd':
      return cell.value === null ? '' : displayIsoDate(cell.value.trim(), code(), ctx);
    default: {
      if (cell.value === null || cell.value.trim() === '') return '';
      const n = Number(cell.value);
      return Number.isFinite(n) ? displayNumber(n, code(), ctx) : cell.value;
    }
  }
}

export function readSheet(data: Uint8Array, name: string, ctx: SheetContext): SheetContent {
  let cells: SheetCell[] = [];
  const merges: MergeRange[] = [];
  const uncached: string[] = [];
  const written = new Map<number, number>();
  const framed = new Set<number>();
  const across = new Set<string>();
  const unrendered = new Map<string, string[]>();
  /** The format code the cell being displayed could not be rendered with. */
  let unrenderable: string | null = null;
  const displayCtx: SheetContext = { ...ctx, unrenderable: (code) => (unrenderable = code) };
  /** Formula cells of a workbook marked for recalculation when opened, judged once the sheet is read. */
  const recalculated: { ref: string; kept: SheetCell | null; shown: boolean; zero: boolean }[] = [];
  let rowIndex = -1;
  let nextCol = 0;
  let cell: RawCell | null = null;
  /** Which text is being collected: <v>, <t> of an inline string (not a phonetic guide), or none. */
  let into: 'v' | 't' | null = null;
  let inPhonetic = 0;
  let buffer: string[] = [];
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  streamPart(data, name, {
    open(tag, stream) {
      switch (tag.local) {
        case 'col':
          if (isXmlTrue(stream.attr(tag, 'hidden', ''))) for (const c of hiddenColumns(stream.attr(tag, 'min', ''), stream.attr(tag, 'max', ''), MAX_COL)) hiddenCols.add(c);
          break;
        case 'row': {
          const r = Number(stream.attr(tag, 'r', ''));
          rowIndex = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r - 1 : rowIndex + 1;
          nextCol = 0;
          if (isXmlTrue(stream.attr(tag, 'hidden', ''))) hiddenRows.add(rowIndex);
          break;
        }
        case 'c': {
          const ref = stream.attr(tag, 'r', '');
          const pos = ref ? parseRef(ref) : null;
          const row = pos ? pos[0] : Math.max(rowIndex, 0);
          const col = pos ? pos[1] : nextCol;
          nextCol = col + 1;
          const style = Number(stream.attr(tag, 's', '') ?? '0');
          if (!hiddenCols.has(col)) {
            written.set(row, (written.get(row) ?? 0) + 1);
            if (ctx.xfBordered?.[style]) framed.add(row);
            if (ctx.xfAcross?.[style]) across.add(`${row},${col}`);
          }
          cell = { row, col, type: stream.attr(tag, 't', '') ?? 'n', style: Number.isInteger(style) ? style : 0, value: null, inline: null, formula: false };
          break;
        }
        case 'f':
          if (cell) cell.formula = true;
          break;
        case 'v':
          if (cell) {
            into = 'v';
            buffer = [];
          }
          break;
        case 'is':
          if (cell) cell.inline = '';
          break;
        case 'rPh':
          inPhonetic++;
          break;
        case 't':
          if (cell && cell.inline !== null && !inPhonetic) {
            into = 't';
            buffer = [];
          }
          break;
        case 'mergeCell': {
          const [a, b] = (stream.attr(tag, 'ref', '') ?? '').split(':');
          const from = a ? parseRef(a) : null;
          const to = b ? parseRef(b) : from;
          if (!from || !to) break;
          const [r0, r1] = [Math.min(from[0], to[0]), Math.max(from[0], to[0])];
          const [c0, c1] = [Math.min(from[1], to[1]), Math.max(from[1], to[1])];
          if (r1 > r0 || c1 > c0) merges.push({ row: r0, col: c0, rowspan: r1 - r0 + 1, colspan: c1 - c0 + 1 });
          break;
        }
      }
    },
    close(tag) {
      switch (tag.local) {
        case 'v':
          if (cell && into === 'v') cell.value = buffer.join('');
          into = null;
          break;
        case 't':
          if (cell && into === 't') cell.inline = (cell.inline ?? '') + unescapeOoxml(buffer.join(''));
          into = null;
          break;
        case 'rPh':
          inPhonetic--;
          break;
        case 'c':
          if (cell) {
            const shown = !hiddenRows.has(cell.row) && !hiddenCols.has(cell.col);
            // No saved result: no <v>, or an empty one (openpyxl writes <v/> after every formula); only a
            // text result (t="str") can be the empty string.
            const noResult = cell.value === null || (cell.value.trim() === '' && cell.type !== 'str');
            if (cell.formula && noResult && cell.type !== 'inlineStr' && shown) uncached.push(refOf(cell.row, cell.col));
            unrenderable = null;
            const text = display(cell, displayCtx);
            const kept = text !== '' ? { row: cell.row, col: cell.col, text } : null;
            if (kept) cells.push(kept);
            if (cell.formula && !noResult && cell.type !== 'inlineStr' && ctx.resultsStale) {
              recalculated.push({ ref: refOf(cell.row, cell.col), kept, shown, zero: cell.type !== 'str' && Number(cell.value!.trim()) === 0 });
            }
            if (unrenderable !== null && shown) unrendered.set(unrenderable, [...(unrendered.get(unrenderable) ?? []), refOf(cell.row, cell.col)]);
          }
          cell = null;
          break;
      }
    },
    text(t) {
      if (into) buffer.push(t);
    },
  });
  // Results all 0 in a workbook to be recalculated when opened are a writer's placeholders (XlsxWriter
  // saves 0 for every formula), not what Excel will show: read as none. A writer that saved any other
  // result computed them, and they stand.
  if (recalculated.length > 0 && recalculated.every((r) => r.zero)) {
    const placeholders = new Set(recalculated.map((r) => r.kept));
    cells = cells.filter((c) => !placeholders.has(c));
    for (const r of recalculated) if (r.shown) uncached.push(r.ref);
  }
  if (cells.length > MAX_CELLS) throw new DocumentError('too-large', { zh: `工作表“${name}”有 ${cells.length} 个非空单元格`, en: `sheet ${name} has ${cells.length} non-empty cells` });
  // After the sheet's own merges, so that one of those wins where both would cover a cell.
  merges.push(...centredAcross(cells, across));
  return closeUp({ cells, merges, uncached, unrendered, written, framed }, hiddenRows, hiddenCols);
}

/**
 * Excel's 跨列居中 (centerContinuous): a text centred across the empty cells to its right that share the
 * alignment shows as one cell over them, as a merged range does — a title laid out so spans the table.
 */
function centredAcross(cells: readonly SheetCell[], across: ReadonlySet<string>): MergeRange[] {
  const text = new Set(cells.map((c) => `${c.row},${c.col}`));
  const out: MergeRange[] = [];
  for (const c of cells) {
    if (!across.has(`${c.row},${c.col}`)) continue;
    let end = c.col;
    while (across.has(`${c.row},${end + 1}`) && !text.has(`${c.row},${end + 1}`)) end++;
    if (end > c.col) out.push({ row: c.row, col: c.col, rowspan: 1, colspan: end - c.col + 1 });
  }
  return out;
}

/** Non-empty cells per sheet above which a workbook is no report form (a form has a few hundred). */
export const MAX_CELLS = 1_000_000;
