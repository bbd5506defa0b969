/**
 * Where each Hunan report of a file starts and ends. A file usually holds one report (with its 附件3-2
 * scoring table after it), read as one form over the whole file. A collection may print several, each
 * under its own title ("…绩效评价自评报告") with its own funds table: each is then a form of its own,
 * owning the tables and paragraphs from its title (and the "附件2-2" line above it) to the next report's.
 */
import type { Block, DocumentGrid } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import { findCells } from '../../parse/locate.js';
import type { Claim } from '../types.js';
import { FUNDS_COLUMNS } from './labels.js';

export const REPORT_TITLE = /绩效(自评|评价)(自评)?报告|自评报告/u;

/** A title line is short: a sentence of the narrative that names the report is no title. */
const TITLE_CHARS = 30;

const isTitle = (b: Block) => !b.cell && labelKey(b.text).length <= TITLE_CHARS && REPORT_TITLE.test(labelKey(b.text));

/**
 * Where the file's first report starts: after the last table another form took before the report's first
 * table (its cells are missing from `grid`, a view without them), else at the top.
 */
function firstStart(grid: DocumentGrid): number {
  const blocks = grid.blocks;
  const first = grid.tables[0];
  const end = first ? blocks.findIndex((b) => b.cell?.table === first.index) : blocks.length - 1;
  let start = blocks[0]?.index ?? 0;
  for (let i = 1; i <= end && i < blocks.length; i++) if (blocks[i]!.index !== blocks[i - 1]!.index + 1) start = blocks[i]!.index;
  return start;
}

/** The title lines that open a report of their own: a funds table follows before the next title. */
function reportTitles(grid: DocumentGrid): number[] {
  const fundsTables = new Set(findCells(grid, FUNDS_COLUMNS.planned).map((h) => h.table.index));
  const titles = grid.blocks.map((b, i) => (isTitle(b) ? i : -1)).filter((i) => i >= 0);
  return titles.filter((at, k) => {
    const next = titles[k + 1] ?? grid.blocks.length;
    return grid.blocks.slice(at, next).some((b) => b.cell && fundsTables.has(b.cell.table));
  });
}

/** A report's start: its title, or the attachment line ("附件2-2") just above it. */
function startAt(blocks: Block[], title: number): number {
  let i = title;
  for (let j = title - 1, seen = 0; j >= 0 && seen < 2; j--) {
    const b = blocks[j]!;
    if (b.cell) break;
    if (b.text.trim() === '') continue;
    seen++;
    if (!/^附件/u.test(labelKey(b.text))) break;
    i = j;
  }
  return blocks[i]!.index;
}

/** The reports of the file as claims: one over every table, or one per titled report when there are several. */
export function reportClaims(grid: DocumentGrid): Claim[] {
  const titles = reportTitles(grid);
  if (titles.length <= 1) return [{ tables: grid.tables.map((t) => t.index), start: firstStart(grid) }];
  const starts = titles.map((t, k) => (k === 0 ? Math.min(firstStart(grid), startAt(grid.blocks, t)) : startAt(grid.blocks, t)));
  return starts.map((from, k) => {
    const until = starts[k + 1] ?? Infinity;
    const inside = (index: number) => index >= from && index < until;
    const tables = grid.tables.filter((t) => {
      const first = grid.blocks.find((b) => b.cell?.table === t.index);
      return first !== undefined && inside(first.index);
    });
    return { tables: tables.map((t) => t.index), start: from, paragraphs: { from, until } };
  });
}
