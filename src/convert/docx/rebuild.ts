/**
 * Post-pass over mammoth's HTML: every table is rebuilt from the OOXML layout (spans and positions from
 * the pre-pass, cell content from mammoth, matched through the cell markers), and checkbox inputs
 * become ☑ / □ text.
 *
 * Works on the HTML text, not on a DOM: mammoth's writer escapes `<` and `>` in text and attribute
 * values, so every `<` in its output starts a tag, and the table tags alone give the structure. Cell
 * content is kept exactly as mammoth wrote it.
 */
import { layoutTable } from './layout.js';
import { MARKER_PREFIX, type TableModel } from './table-model.js';
import { CHECKED, UNCHECKED } from './symbols.js';

export interface RebuildResult {
  html: string;
  /** Problems per top-level table index of the returned HTML (as htmlToGrid counts tables). */
  problems: { table: number | undefined; message: string }[];
  /** Decisions on doubtful merges (see layout.ts), per top-level table index, in document order. */
  notes: { table: number; message: string }[];
}

interface HtmlCell {
  /** Offsets of the cell's content (between its open and close tags). */
  start: number;
  end: number;
  /** Tables directly inside this cell. */
  tables: HtmlTable[];
}

interface HtmlTable {
  /** Offsets of the whole table, `<table` to the end of `</table>`. */
  start: number;
  end: number;
  rows: HtmlCell[][];
  /** Top-level table index in the document (nested tables share their outer table's). */
  top: number;
}

const TABLE_TAG = /<(\/?)(table|tr|td|th)\b[^>]*>/giu;
const INPUT_TAG = /<input\b([^>]*)>/giu;
const MARKER = new RegExp(`<a id="${MARKER_PREFIX}(\\d+_\\d+)"></a>`, 'u');

function checkboxesToText(html: string): string {
  return html.replace(INPUT_TAG, (tag, attrs: string) => {
    if (!/\btype\s*=\s*"checkbox"/iu.test(attrs)) return tag;
    return /\bchecked\b/iu.test(attrs) ? CHECKED : UNCHECKED;
  });
}

/** The table structure of the HTML: top-level tables, each with rows of cells and nested tables. */
function scanTables(html: string): HtmlTable[] {
  const top: HtmlTable[] = [];
  const tables: HtmlTable[] = [];
  const cells: (HtmlCell | null)[] = []; // the open cell of each open table, if any
  TABLE_TAG.lastIndex = 0;
  for (let m = TABLE_TAG.exec(html); m; m = TABLE_TAG.exec(html)) {
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const table = tables[tables.length - 1];
    if (name === 'table') {
      if (!closing) {
        const outerCell = cells[cells.length - 1] ?? null;
        const t: HtmlTable = { start: m.index, end: -1, rows: [], top: outerCell || table ? table!.top : top.length };
        if (outerCell) outerCell.tables.push(t);
        else if (!table) top.push(t);
        tables.push(t);
        cells.push(null);
      } else if (table) {
        table.end = m.index + m[0].length;
        tables.pop();
        cells.pop();
      }
    } else if (!table) continue;
    else if (name === 'tr') {
      if (!closing) table.rows.push([]);
    } else if (!closing) {
      const cell: HtmlCell = { start: m.index + m[0].length, end: -1, tables: [] };
      (table.rows[table.rows.length - 1] ?? (table.rows[0] = [])).push(cell);
      cells[cells.length - 1] = cell;
    } else {
      const cell = cells[cells.length - 1];
      if (cell) cell.end = m.index;
      cells[cells.length - 1] = null;
    }
  }
  return top;
}

interface Problem {
  /** Top-level table index in the returned HTML. */
  table: number;
  message: string;
  /** Where the table starts in mammoth's HTML (problems are reported from the last table back). */
  at: number;
}

class Rebuilder {
  readonly problems: Problem[] = [];
  readonly notes: Problem[] = [];
  readonly unknownTop = new Set<number>();
  private readonly byId: Map<number, TableModel>;

  constructor(
    private readonly html: string,
    models: TableModel[],
  ) {
    this.byId = new Map(models.map((m) => [m.id, m]));
  }

  /** A range of the HTML with the tables in it rebuilt. */
  splice(start: number, end: number, tables: HtmlTable[]): string {
    let out = '';
    let at = start;
    for (const t of tables) {
      out += this.html.slice(at, t.start) + this.table(t);
      at = t.end;
    }
    return out + this.html.slice(at, end);
  }

  /** A table rebuilt from its Word layout, or as mammoth made it (inner tables rebuilt) without markers. */
  table(t: HtmlTable): string {
    if (t.end < 0) t.end = this.html.length;
    const contents = new Map<string, string>();
    let tableId: number | null = null;
    let hasCells = false;
    for (const row of t.rows) {
      for (const cell of row) {
        hasCells = true;
        if (cell.end < 0) cell.end = t.end;
        let content = this.splice(cell.start, cell.end, cell.tables);
        const marker = MARKER.exec(content);
        if (!marker) continue;
        content = content.slice(0, marker.index) + content.slice(marker.index + marker[0].length);
        contents.set(marker[1]!, content);
        tableId ??= Number.parseInt(marker[1]!.split('_')[0]!, 10);
      }
    }
    const model = tableId === null ? undefined : this.byId.get(tableId);
    if (!model) {
      if (hasCells) this.unknownTop.add(t.top);
      const inner = t.rows.flatMap((r) => r.flatMap((c) => c.tables));
      return this.splice(t.start, t.end, inner);
    }
    const nested = model.parent !== null ? ' (nested table)' : '';
    const problem = (message: string) => this.problems.push({ table: t.top, message: `${message}${nested}`, at: t.start });
    const layout = layoutTable(model);
    const continuations = new Set(model.rows.flatMap((r) => r.cells.filter((c) => c.vMerge === 'continue').map((c) => c.key)));
    for (const message of layout.problems) problem(message);
    for (const message of layout.notes) this.notes.push({ table: t.top, message: `${message}${nested}`, at: t.start });
    const out: string[] = [`<table data-docx-table="${model.id}">`];
    for (const row of layout.rows) {
      out.push('<tr>');
      for (const cell of row) {
        const span = `${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}`;
        const mark = cell.placeholder ? ` data-grid="${cell.placeholder}"` : '';
        let content = '';
        if (cell.key !== null) {
          const found = contents.get(cell.key);
          // A vertical-merge continuation has no content of its own; mammoth may have dropped it.
          if (found === undefined && !continuations.has(cell.key)) {
            problem(`row ${cell.row + 1}, column ${cell.col + 1}: the converter lost this cell's content`);
          }
          content = found ?? '';
        }
        out.push(`<td${span}${mark}>${content}</td>`);
      }
      out.push('</tr>');
    }
    out.push('</table>');
    return out.join('');
  }
}

export function rebuildTables(mammothHtml: string, models: TableModel[]): RebuildResult {
  const html = checkboxesToText(mammothHtml);
  const rebuilder = new Rebuilder(html, models);
  const rebuilt = rebuilder.splice(0, html.length, scanTables(html));
  const problems: RebuildResult['problems'] = rebuilder.problems.sort((a, b) => b.at - a.at).map(({ table, message }) => ({ table, message }));
  for (const t of [...rebuilder.unknownTop].sort((a, b) => a - b)) {
    problems.push({ table: t, message: 'table structure could not be matched with the Word table grid; spans are as the converter made them' });
  }
  const notes = rebuilder.notes.sort((a, b) => a.at - b.at).map(({ table, message }) => ({ table, message }));
  return { html: rebuilt, problems, notes };
}
