/**
 * The converted source document as HTML: every anchor cell with data-cell="table:row:col" (0-based, the
 * grid's coordinates), every paragraph with data-block (and data-line when known), and the marks of the
 * findings on them. All document text is escaped. The markup is kept lean (one coordinate attribute, a
 * cell's line only when no paragraph of it carries one): it is most of the page, written per document.
 */
import type { Finding } from '../../model/finding.js';
import type { Block, DocumentGrid, GridCell, GridTable } from '../../model/grid.js';
import { esc } from './escape.js';
import type { Strings } from './i18n.js';
import { cellKey, targetKey, worstSeverity, type Marks, type Range } from './locate.js';

interface Ctx {
  grid: DocumentGrid;
  findings: readonly Finding[];
  marks: Marks;
  t: Strings;
  /** "table:row:col" → the blocks of that cell, in order. */
  cellBlocks: Map<string, Block[]>;
}

const ref = (ids: readonly number[]) => ids.map((id) => `f${id}`).join(' ');

/**
 * Attributes marking an element as carrying findings: class, data-f (every finding on it), data-fp (the
 * findings whose own location it is, as opposed to a related one) and a hover title.
 */
function markAttrs(ctx: Ctx, ids: readonly number[] | undefined, baseClass = '', primary: readonly number[] = []): string {
  if (!ids || ids.length === 0) return baseClass ? ` class="${baseClass}"` : '';
  const sev = worstSeverity(ids, ctx.findings);
  const title = [ctx.t.findingsOn, ...ids.map((id) => {
    const f = ctx.findings[id]!;
    return `[${ctx.t.severity[f.severity]}] ${f.message}`;
  })].join('\n');
  // "main": a finding's own cell; "related": only an addend or other cell it involves.
  const cls = `${baseClass ? `${baseClass} ` : ''}flagged sev-${sev} ${primary.length > 0 ? 'main' : 'related'}`;
  const fp = primary.length > 0 ? ` data-fp="${ref(primary)}"` : '';
  // The numbers of the findings list (1-based), printed on the cell where colours may not print.
  const numbers = ids.map((id) => id + 1).join(',');
  return ` class="${cls}" data-f="${ref(ids)}"${fp} data-n="${numbers}" title="${esc(title)}"`;
}

/** The ids among `ids` whose own location is the target with this key. */
function primaryOf(ctx: Ctx, key: string, ids: readonly number[] | undefined): number[] {
  return (ids ?? []).filter((id) => ctx.marks.primary.has(`${key}#${id}`));
}

/** Paragraph text with its excerpt ranges wrapped in <mark class="finding-excerpt">. */
function renderText(ctx: Ctx, text: string, ranges: readonly Range[] | undefined): string {
  if (!ranges || ranges.length === 0) return esc(text);
  const cuts = new Set<number>([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = esc(text.slice(a, b));
    const covering = ranges.filter((r) => r.start <= a && r.end >= b);
    const unique = [...new Set(covering.flatMap((r) => r.ids))].sort((x, y) => x - y);
    const primary = [...new Set(covering.flatMap((r) => r.primary))].sort((x, y) => x - y);
    out += unique.length > 0 ? `<mark${markAttrs(ctx, unique, 'finding-excerpt', primary)}>${piece}</mark>` : piece;
  }
  return out;
}

function renderBlock(ctx: Ctx, block: Block, tag: 'p' | 'div' = 'p'): string {
  const line = block.line !== undefined ? ` data-line="${block.line}"` : '';
  const empty = block.text.trim() === '' ? 'empty' : '';
  const ids = ctx.marks.blocks.get(block.index);
  const attrs = markAttrs(ctx, ids, empty, primaryOf(ctx, targetKey({ kind: 'block', block: block.index }), ids));
  return `<${tag} data-block="${block.index}"${line}${attrs}>${renderText(ctx, block.text, ctx.marks.excerpts.get(block.index))}</${tag}>`;
}

/** Nested tables carry no coordinates (findings never point into them). */
function renderNested(table: GridTable): string {
  const rows: string[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const cells = table.cells.filter((c) => c.row === r);
    rows.push(`<tr>${cells.map((c) => `<td${spans(c)}>${c.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}${c.nested.map(renderNested).join('')}</td>`).join('')}</tr>`);
  }
  return `<table class="nested">${rows.join('')}</table>`;
}

function spans(c: GridCell): string {
  return `${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;
}

function renderCell(ctx: Ctx, c: GridCell): string {
  const key = cellKey(c.table, c.row, c.col);
  const blocks = ctx.cellBlocks.get(key) ?? [];
  const body = blocks.length > 0 ? blocks.map((b) => renderBlock(ctx, b)).join('') : c.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('');
  const line = c.line !== undefined && blocks.length === 0 ? ` data-line="${c.line}"` : '';
  const ids = ctx.marks.cells.get(key);
  const attrs = markAttrs(ctx, ids, '', primaryOf(ctx, targetKey({ kind: 'cell', table: c.table, row: c.row, col: c.col }), ids));
  return `<td data-cell="${key}"${line}${spans(c)}${attrs}>${body}${c.nested.map(renderNested).join('')}</td>`;
}

function renderTable(ctx: Ctx, table: GridTable): string {
  const byRow: GridCell[][] = Array.from({ length: table.rowCount }, () => []);
  for (const c of table.cells) byRow[c.row]?.push(c);
  const rows = byRow.map((cells) => `<tr>${cells.map((c) => renderCell(ctx, c)).join('')}</tr>`);
  const ids = ctx.marks.tables.get(table.index);
  const attrs = markAttrs(ctx, ids, 'src-table', primaryOf(ctx, targetKey({ kind: 'table', table: table.index }), ids));
  return `<div class="table-wrap"><div class="table-label">${esc(ctx.t.table(table.index))}</div><table data-table="${table.index}"${attrs}><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Tables and free paragraphs in document order. */
export function renderDocument(grid: DocumentGrid, findings: readonly Finding[], marks: Marks, t: Strings): string {
  const cellBlocks = new Map<string, Block[]>();
  for (const b of grid.blocks) {
    if (!b.cell) continue;
    const key = cellKey(b.cell.table, b.cell.row, b.cell.col);
    const list = cellBlocks.get(key);
    if (list) list.push(b);
    else cellBlocks.set(key, [b]);
  }
  const ctx: Ctx = { grid, findings, marks, t, cellBlocks };
  const out: string[] = [];
  let nextTable = 0;
  for (const b of grid.blocks) {
    if (b.cell) {
      while (nextTable <= b.cell.table && nextTable < grid.tables.length) out.push(renderTable(ctx, grid.tables[nextTable++]!));
    } else out.push(renderBlock(ctx, b));
  }
  while (nextTable < grid.tables.length) out.push(renderTable(ctx, grid.tables[nextTable++]!));
  return out.join('\n');
}
