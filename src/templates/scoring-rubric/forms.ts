/**
 * Which tables and paragraphs each scoring table of a document owns. A file may print several such
 * tables one after another (one per project, each under its own title and with its own 总分 row): each
 * is a form of its own. A table is split over pages or tables until its 总分 row, with or without its
 * header repeated; after the 总分 row, the next table with a header starts the next form.
 */
import type { Block, DocumentGrid, GridTable } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import { cellKey, rowAnchors } from '../../parse/locate.js';
import { linesAbove, runStart } from '../../parse/region.js';
import type { Claim } from '../types.js';
import { MOF_TARGET_OR_ACTUAL, RUBRIC } from './labels.js';
import { rubricHeader } from './reader.js';

/** A scoring table's title line ("2023年度…项目绩效自评表"). */
export const RUBRIC_TITLE = /评分表|自评表|评价表|评分细则/u;

/** How far above its first table a form's title and statements may stand. */
const LINES_ABOVE = 6;

function hasHeader(table: GridTable): boolean {
  for (let r = 0; r < table.rowCount; r++) {
    const cols = rubricHeader(table, r);
    if (!cols) continue;
    // An MoF form's indicator block (its funds part cut off or unreadable): its weights and total
    // include the budget-execution item printed above it, so read as a rubric it failed both checks.
    const mof = cols.indicator === undefined && cols.criteria === undefined && rowAnchors(table, r).some((c) => MOF_TARGET_OR_ACTUAL(cellKey(c)));
    return !mof;
  }
  return false;
}

/** Whether the table holds a 总分 (合计) row: the scoring table ends there. */
function hasTotalRow(table: GridTable): boolean {
  for (let r = 0; r < table.rowCount; r++) {
    const first = rowAnchors(table, r)[0];
    if (first && first.row === r && RUBRIC.total(cellKey(first))) return true;
  }
  return false;
}

/** The scoring tables of the document, grouped into forms, in document order. */
function groups(grid: DocumentGrid): GridTable[][] {
  const out: GridTable[][] = [];
  let open: GridTable[] | null = null;
  for (const table of grid.tables) {
    const last = open?.[open.length - 1];
    if (hasHeader(table)) {
      if (!open) out.push((open = []));
      open.push(table);
    } else if (open && last && last.index === table.index - 1 && table.colCount === last.colCount) {
      // A continuation without its own header row (split by a section or page break).
      open.push(table);
    } else {
      open = null;
      continue;
    }
    if (hasTotalRow(table)) open = null;
  }
  return out;
}

/** Where a form starts: its title line just above its first table, else the table itself. */
function startOf(blocks: Block[], table: GridTable): number {
  const first = blocks.findIndex((b) => b.cell?.table === table.index);
  if (first < 0) return 0;
  for (const [b] of linesAbove(blocks, first, LINES_ABOVE)) if (RUBRIC_TITLE.test(labelKey(b.text))) return b.index;
  return blocks[first]!.index;
}

/**
 * The forms as claims. Each form's paragraphs run from its start to where the next form starts; the
 * first form's from the top of the file, or from after a form of another template printed above it.
 */
export function rubricClaims(grid: DocumentGrid): Claim[] {
  const forms = groups(grid);
  const starts = forms.map((tables) => startOf(grid.blocks, tables[0]!));
  return forms.map((tables, k) => ({
    tables: tables.map((t) => t.index),
    start: starts[k]!,
    paragraphs: { from: k === 0 ? runStart(grid, tables[0]!.index) : starts[k]!, until: starts[k + 1] ?? Infinity },
  }));
}

/** Whether a paragraph (or a cell's block) is the claim's to read. */
export function ownsBlock(claim: Claim): (b: Block) => boolean {
  const own = new Set(claim.tables);
  const range = claim.paragraphs;
  return (b) => (b.cell ? own.has(b.cell.table) : !range || (b.index >= range.from && b.index < range.until));
}
