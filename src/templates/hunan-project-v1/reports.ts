/**
 * Where each Hunan report of a file starts and ends. A file usually holds one report (with its 附件3-2
 * scoring table after it), read as one form over the whole file. A collection may print several, each
 * under its own title ("…绩效评价自评报告") with its own funds table: each is then a form of its own,
 * owning the tables and paragraphs from its title (and the "附件2-2" line above it) to the next report's.
 * A report owns one scoring table: another one after it is a form of its own.
 */
import type { Block, DocumentGrid } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import { gridView, linesAbove, runStart } from '../../parse/region.js';
import { rubricClaims } from '../scoring-rubric/forms.js';
import type { Claim } from '../types.js';
import { plannedHeaders } from './funds.js';

export const REPORT_TITLE = /绩效(自评|评价)(自评)?报告|自评报告/u;

/** A title line is short: a sentence of the narrative that names the report is no title. */
const TITLE_CHARS = 30;

const isTitle = (b: Block) => !b.cell && labelKey(b.text).length <= TITLE_CHARS && REPORT_TITLE.test(labelKey(b.text));

/** The title lines that open a report of their own: a funds table follows before the next title. */
function reportTitles(grid: DocumentGrid): number[] {
  const fundsTables = new Set(plannedHeaders(grid).map((h) => h.table.index));
  const titles = grid.blocks.map((b, i) => (isTitle(b) ? i : -1)).filter((i) => i >= 0);
  return titles.filter((at, k) => {
    const next = titles[k + 1] ?? grid.blocks.length;
    return grid.blocks.slice(at, next).some((b) => b.cell && fundsTables.has(b.cell.table));
  });
}

/** A report's start: its title, or the attachment line ("附件2-2") just above it. */
function startAt(blocks: Block[], title: number): number {
  let i = title;
  for (const [b, j] of linesAbove(blocks, title, 2)) {
    if (!/^附件/u.test(labelKey(b.text))) break;
    i = j;
  }
  return blocks[i]!.index;
}

/**
 * A report's scoring table is the first one after it (over as many tables as it spans, to its 总分 row);
 * a further scoring table with a 总分 row of its own is another project's form, left to the
 * scoring-rubric template, and the paragraphs from its title on are not the report's either.
 */
function ownRubricOnly(grid: DocumentGrid, claim: Claim): Claim {
  const own = new Set(claim.tables);
  const rubrics = rubricClaims(gridView(grid, (t) => own.has(t)));
  if (rubrics.length <= 1) return claim;
  const others = new Set(rubrics.slice(1).flatMap((r) => r.tables));
  const from = claim.paragraphs?.from ?? 0;
  const until = Math.min(claim.paragraphs?.until ?? Infinity, rubrics[1]!.start);
  return { tables: claim.tables.filter((t) => !others.has(t)), start: claim.start, paragraphs: { from, until } };
}

/** The reports of the file as claims: one over every table, or one per titled report when there are several. */
export function reportClaims(grid: DocumentGrid): Claim[] {
  return reports(grid).map((claim) => ownRubricOnly(grid, claim));
}

function reports(grid: DocumentGrid): Claim[] {
  const titles = reportTitles(grid);
  if (titles.length <= 1) return [{ tables: grid.tables.map((t) => t.index), start: runStart(grid, grid.tables[0]?.index) }];
  const starts = titles.map((t, k) => (k === 0 ? Math.min(runStart(grid, grid.tables[0]?.index), startAt(grid.blocks, t)) : startAt(grid.blocks, t)));
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
