/**
 * A sheet's cells → the HTML of what it prints: the sheet name, then each table with its title lines
 * above and its notes below (one table, unless forms are stacked on the sheet).
 * - Covered cells of a merged range are not shown (Excel shows only the top-left one); the range
 *   becomes colspan/rowspan, clipped to the printed area.
 * - Empty rows and columns around the content are dropped (they are margin, not table).
 * - Title lines above the table (附件2, the form's title, （2023年度）) and note lines below it are
 *   paragraphs, as in the Word copy of the same form: a row with a single non-empty cell that is merged
 *   over at least half the table's width, or is the only cell the row writes, or — on a sheet that
 *   frames its table with borders — draws no border (a title centred across the table without a merge,
 *   its row's other cells styled). On such a sheet an unbordered row of several cells above or below the
 *   table (填报单位：… | 金额单位：元) is a line too, its cells joined. Rows inside the table
 *   are never moved, except that a line naming a table (…自评表) between tables starts a new one: forms
 *   stacked on one sheet print as one table each, under their own title lines.
 */
import { DocumentError } from '../../model/errors.js';
import type { MergeRange, SheetCell, SheetContent } from './sheet.js';

/** Grid slots of one sheet's table above which the sheet is refused (a form has a few hundred). */
export const MAX_SLOTS = 2_000_000;

const esc = (s: string): string => s.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function paragraph(text: string): string {
  return `<p>${text.split(/\r\n|\r|\n/u).map(esc).join('<br/>')}</p>`;
}

function cellBody(text: string): string {
  const lines = text.split(/\r\n|\r|\n/u);
  return lines.length === 1 ? esc(text) : lines.map((l) => `<p>${esc(l)}</p>`).join('');
}

interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function boundsOf(cells: readonly SheetCell[]): Bounds | null {
  if (!cells.length) return null;
  const b = { top: Infinity, bottom: -1, left: Infinity, right: -1 };
  for (const c of cells) {
    b.top = Math.min(b.top, c.row);
    b.bottom = Math.max(b.bottom, c.row);
    b.left = Math.min(b.left, c.col);
    b.right = Math.max(b.right, c.col);
  }
  return b;
}

/** Merges clipped to the bounds (a range anchored outside keeps its part inside, anchored at its corner). */
function clip(merges: readonly MergeRange[], b: Bounds): MergeRange[] {
  const out: MergeRange[] = [];
  for (const m of merges) {
    const top = Math.max(m.row, b.top);
    const left = Math.max(m.col, b.left);
    const bottom = Math.min(m.row + m.rowspan - 1, b.bottom);
    const right = Math.min(m.col + m.colspan - 1, b.right);
    if (bottom < top || right < left) continue;
    if (bottom > top || right > left) out.push({ row: top, col: left, rowspan: bottom - top + 1, colspan: right - left + 1 });
  }
  return out;
}

export interface SheetHtml {
  html: string;
  /** How many tables the sheet printed (an empty sheet prints only its name). */
  tables: number;
}

/**
 * A line that names a table ("2023年度项目支出绩效自评表", "部门整体支出绩效自评表（2023年度）"): inside a
 * sheet's table it starts another table stacked below the first (a workbook that prints several forms on
 * one sheet), where a row of one cell that names nothing (an item with its amounts blank) stays a row.
 */
function namesTable(text: string): boolean {
  const name = text.replace(/\s+/gu, '').replace(/[(（][^()（）]*[)）]$/u, '');
  return name.length >= 4 && name.endsWith('表') && !/^(注|说明|备注)/u.test(name);
}

export function sheetHtml(name: string, sheet: SheetContent): SheetHtml {
  const parts = [paragraph(name)];
  const all = boundsOf(sheet.cells);
  if (!all) return { html: parts.join(''), tables: 0 };
  // Only a merged range's top-left cell is shown; overlapping ranges (invalid) keep the first.
  const merges: MergeRange[] = [];
  const covered = new Set<string>();
  for (const m of clip(sheet.merges, all)) {
    let overlaps = false;
    for (let r = m.row; r < m.row + m.rowspan && !overlaps; r++) for (let c = m.col; c < m.col + m.colspan && !overlaps; c++) overlaps = covered.has(`${r},${c}`) || false;
    if (overlaps) continue;
    merges.push(m);
    for (let r = m.row; r < m.row + m.rowspan; r++) for (let c = m.col; c < m.col + m.colspan; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
  }
  const shown = sheet.cells.filter((c) => !covered.has(`${c.row},${c.col}`));
  const mergeAt = new Map(merges.map((m) => [`${m.row},${m.col}`, m]));

  // Title lines from the top, note lines from the bottom.
  const byRow = new Map<number, SheetCell[]>();
  for (const c of shown) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  // The table's width, for telling a title merged across it: the columns its rows of several cells span.
  // A stray note far to the right on a row of its own (打印时间：…) widens the sheet, not the table.
  const spanned = { left: Infinity, right: -1 };
  for (const [row, cells] of byRow) {
    if (cells.length < 2) continue;
    for (const c of cells) {
      spanned.left = Math.min(spanned.left, c.col);
      spanned.right = Math.max(spanned.right, c.col + (mergeAt.get(`${row},${c.col}`)?.colspan ?? 1) - 1);
    }
  }
  const width = spanned.right >= 0 ? spanned.right - spanned.left + 1 : all.right - all.left + 1;
  // Only a sheet that draws its table with borders tells a line by having none: most of its rows of
  // several cells are framed. Without borders (or with a lone bordered box, a stamp's) every row looks alike.
  const tableRows = rows.filter((r) => byRow.get(r)!.length > 1);
  const framesTable = tableRows.filter((r) => sheet.framed.has(r)).length * 2 > tableRows.length;
  const unframed = (row: number) => framesTable && !sheet.framed.has(row);
  const reachesInto = (row: number) => merges.some((m) => m.row < row && m.row + m.rowspan > row);
  const isLine = (row: number) => {
    const cells = byRow.get(row)!;
    if (cells.length !== 1) return false;
    const m = mergeAt.get(`${row},${cells[0]!.col}`);
    if ((m && m.rowspan > 1) || reachesInto(row)) return false;
    return (m !== undefined && m.colspan * 2 >= width) || (sheet.written.get(row) ?? 1) === 1 || unframed(row);
  };
  /**
   * Above or below the table, a row that draws no border on a sheet that frames its table is a line
   * even when it holds several cells (填报单位：… at the left, 金额单位：元 at the right): it is printed
   * outside the table, as the Word copy prints it in a paragraph.
   */
  const edgeLine = (row: number) => isLine(row) || (unframed(row) && !reachesInto(row) && byRow.get(row)!.every((c) => (mergeAt.get(`${row},${c.col}`)?.rowspan ?? 1) === 1));
  // A line of several cells reads left to right with a wide gap between them, as a Word line spaces them.
  const lineText = (row: number) =>
    byRow
      .get(row)!
      .slice()
      .sort((a, b) => a.col - b.col)
      .map((c) => c.text)
      .join('\u3000\u3000');
  const hasTable = (from: number, to: number) => rows.slice(from, to + 1).some((r) => byRow.get(r)!.length > 1);

  // Sections of the sheet: each from a line naming a table (the sheet's top for the first) to the next.
  const starts = [0];
  // A title merged across the table, set apart by an empty row or outside the tables' borders: not an
  // item row left sparse.
  const titleAt = (i: number) => {
    const row = rows[i]!;
    const m = mergeAt.get(`${row},${byRow.get(row)![0]!.col}`);
    return isLine(row) && namesTable(lineText(row)) && ((m !== undefined && m.colspan * 2 >= width) || rows[i - 1]! < row - 1 || unframed(row));
  };
  for (let i = 1; i < rows.length; i++) {
    if (!titleAt(i)) continue;
    // Only where the table above has begun and another follows: a title above the first table, or a
    // note below the last, is a line of that table.
    if (hasTable(starts[starts.length - 1]!, i - 1) && hasTable(i + 1, rows.length - 1)) starts.push(i);
  }
  let tables = 0;
  starts.forEach((from, k) => {
    const to = k + 1 < starts.length ? starts[k + 1]! - 1 : rows.length - 1;
    let first = from;
    while (first < to && edgeLine(rows[first]!)) first++;
    let last = to;
    while (last > first && edgeLine(rows[last]!)) last--;
    // A sheet of single-cell lines has no table to set them apart from: it stays one table.
    if (!hasTable(first, last)) [first, last] = [from, to];
    const above = rows.slice(from, first);
    const below = rows.slice(last + 1, to + 1);
    const limit = below.length ? below[0]! - 1 : k + 1 < starts.length ? rows[starts[k + 1]!]! - 1 : all.bottom;
    parts.push(...above.map((r) => paragraph(lineText(r))), tableHtml(name, shown, merges, mergeAt, rows[first]!, rows[last]!, limit, all.right), ...below.map((r) => paragraph(lineText(r))));
    tables++;
  });
  return { html: parts.join('\n'), tables };
}

/** The table of the sheet's rows `top`…`bottom`; a merged cell's range may reach down to `limit`. */
function tableHtml(name: string, shown: readonly SheetCell[], merges: readonly MergeRange[], mergeAt: ReadonlyMap<string, MergeRange>, top: number, bottom: number, limit: number, right: number): string {
  const inTable = shown.filter((c) => c.row >= top && c.row <= bottom);
  const b = boundsOf(inTable)!;
  // A merged cell with text occupies its whole range: a label merged over rows that are otherwise
  // empty keeps them (up to the note lines and the sheet's content).
  for (const c of inTable) {
    const m = mergeAt.get(`${c.row},${c.col}`);
    if (!m) continue;
    b.bottom = Math.max(b.bottom, Math.min(m.row + m.rowspan - 1, limit));
    b.right = Math.max(b.right, Math.min(m.col + m.colspan - 1, right));
  }
  const slots = (b.bottom - b.top + 1) * (b.right - b.left + 1);
  if (slots > MAX_SLOTS) throw new DocumentError('too-large', { zh: `工作表“${name}”的表格有 ${slots} 个单元格位置`, en: `the table of sheet ${name} spans ${slots} cells` });
  const text = new Map(inTable.map((c) => [`${c.row},${c.col}`, c.text]));
  const spans = new Map(clip(merges, b).map((m) => [`${m.row},${m.col}`, m]));
  const hidden = new Set<string>();
  for (const m of spans.values()) for (let r = m.row; r < m.row + m.rowspan; r++) for (let c = m.col; c < m.col + m.colspan; c++) if (r !== m.row || c !== m.col) hidden.add(`${r},${c}`);

  const trs: string[] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const tds: string[] = [];
    for (let c = b.left; c <= b.right; c++) {
      const key = `${r},${c}`;
      if (hidden.has(key)) continue;
      const m = spans.get(key);
      const attrs = `${m && m.colspan > 1 ? ` colspan="${m.colspan}"` : ''}${m && m.rowspan > 1 ? ` rowspan="${m.rowspan}"` : ''}`;
      tds.push(`<td${attrs}>${cellBody(text.get(key) ?? '')}</td>`);
    }
    trs.push(`<tr>${tds.join('')}</tr>`);
  }
  return `<table>${trs.join('')}</table>`;
}
