/**
 * Which tables one MoF-style form spans. A form is printed as one table, or split by page or table breaks
 * into several: its identity rows (项目名称 / 主管部门 / 实施单位) on their own, the funds and 年度总体目标
 * in one table and the indicator block in the next, or the indicator block itself over several tables
 * with or without its header repeated. The pieces follow one another in the form's order with nothing
 * but page furniture ("第 1 页", "续表", a unit line) between them.
 */
import type { EvaluationKind } from '../../model/evaluation.js';
import type { DocumentGrid, GridTable } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import { cellKey, rightOf } from '../../parse/locate.js';
import { inlineDepartment, titleOf } from './form.js';
import { fundsHeaderRow } from './funds.js';
import { continuesBlock, indicatorHeaderRow, targetHeaderRow } from './indicators.js';
import { GOALS, IDENTITY, TITLE, TOTAL } from './labels.js';

/** What a table holds of a form, by its defining labels; read once per table. */
interface Parts {
  project: boolean;
  department: boolean;
  funds: boolean;
  goals: boolean;
  /** The indicator header: 三级指标 beside 分值, 得分 or a target. */
  indicators: boolean;
  /** The indicator header with a target or actual column, as the MoF form prints it. */
  mofIndicators: boolean;
  total: boolean;
}

const partsCache = new WeakMap<GridTable, Parts>();

function partsOf(table: GridTable): Parts {
  let parts = partsCache.get(table);
  if (!parts) {
    const has = (match: (k: string) => boolean) => table.cells.some((c) => match(cellKey(c)));
    parts = {
      project: has(IDENTITY.projectName),
      department: has(IDENTITY.department) || table.cells.some((c) => inlineDepartment(c.text) !== null),
      funds: fundsHeaderRow(table) >= 0,
      goals: has(GOALS.block),
      indicators: indicatorHeaderRow(table) >= 0,
      mofIndicators: targetHeaderRow(table) >= 0,
      total: has(TOTAL),
    };
    partsCache.set(table, parts);
  }
  return parts;
}

export interface FormExtent {
  kind: EvaluationKind;
  /** The form's tables in document order; the first carries its title. */
  tables: GridTable[];
}

/** Where each table's paragraphs start and end among the document's blocks. */
type BlockSpans = Map<number, { first: number; last: number }>;

export function blockSpans(grid: DocumentGrid): BlockSpans {
  const spans: BlockSpans = new Map();
  grid.blocks.forEach((b, i) => {
    if (!b.cell) return;
    const span = spans.get(b.cell.table);
    if (span) span.last = i;
    else spans.set(b.cell.table, { first: i, last: i });
  });
  return spans;
}

/** A paragraph that names a table of its own (收入支出决算总表, 附表), unlike a continuation mark (续表). */
const TABLE_NAME = /表[\d一二三四五六七八九十]*[)）]?$/u;
const FURNITURE = { lines: 4, chars: 30 };

/**
 * Whether table `b` can be the next piece of the form that table `a` belongs to: the very next table, no
 * form title of its own, and at most a few short lines between them that name no other table.
 */
function follows(grid: DocumentGrid, spans: BlockSpans, a: GridTable, b: GridTable): boolean {
  if (b.index !== a.index + 1) return false;
  const title = titleOf(grid, b).title;
  if (title && !/续/u.test(title.raw)) return false;
  const from = spans.get(a.index)?.last ?? -1;
  const to = spans.get(b.index)?.first ?? from + 1;
  const between = grid.blocks.slice(from + 1, Math.max(from + 1, to)).map((x) => x.text.replace(/\s+/gu, '')).filter((t) => t !== '');
  if (between.length > FURNITURE.lines) return false;
  return between.every((t) => t.length <= FURNITURE.chars && (/续/u.test(t) || !TABLE_NAME.test(labelKey(t))));
}

/**
 * The form that starts at `tables[i]`, or null when none does. A single table is a form when it carries
 * the funds header and the indicator header (and the kind's identity); a form split over tables needs the
 * MoF funds header followed by the MoF indicator header (with its target or actual column), each piece
 * adding what the form prints next and none starting a form of its own.
 */
export function formAt(grid: DocumentGrid, spans: BlockSpans, i: number): FormExtent | null {
  const tables = grid.tables;
  const first = tables[i]!;
  const p0 = partsOf(first);
  const group = [first];
  let funds = p0.funds;
  let indicators = p0.funds && p0.indicators;
  if (!indicators) {
    if (p0.indicators || !(p0.project || p0.department || p0.funds)) return null;
    // The parts before the indicator block: identity, funds, goals, in tables of their own.
    for (let j = i + 1; j < tables.length && follows(grid, spans, tables[j - 1]!, tables[j]!); j++) {
      const p = partsOf(tables[j]!);
      if (p.project || p.department || (p.funds && funds)) break;
      if (p.indicators) {
        if (!p.mofIndicators || !(funds || p.funds)) break;
        group.push(tables[j]!);
        funds = true;
        indicators = true;
        break;
      }
      if (!p.funds && !p.goals) break;
      group.push(tables[j]!);
      funds ||= p.funds;
    }
    if (!indicators) return null;
  }
  const kind = kindOf(grid, group);
  if (!kind) return null;
  continueBlock(grid, spans, group);
  return { kind, tables: group };
}

/** The kind from the identity rows (项目名称, or 部门（单位）名称 or a 部门整体 title), in any piece up to the indicators. */
function kindOf(grid: DocumentGrid, group: GridTable[]): EvaluationKind | null {
  if (group.some((t) => partsOf(t).project)) return 'project';
  const title = titleOf(grid, group[0]!).title?.raw ?? '';
  if (group.some((t) => partsOf(t).department) || TITLE.department.test(labelKey(title))) return 'department';
  return null;
}

/** The name a table's identity row gives (项目名称 or 部门（单位）名称 and the cell right of it), blanks dropped. */
function identityName(table: GridTable): string | null {
  const label = table.cells.find((c) => IDENTITY.projectName(cellKey(c)) || IDENTITY.department(cellKey(c)));
  const value = label ? rightOf(table, label) : null;
  const name = value?.text.replace(/\s+/gu, '') ?? '';
  return name === '' ? null : name;
}

/**
 * Whether `table` repeats the form's identity row, with the same name, above its continued indicators: a
 * copy made page by page (a PDF turned back into Word) prints the form's first rows again on every page.
 */
function repeatsIdentity(group: GridTable[], table: GridTable): boolean {
  const own = identityName(table);
  return own !== null && group.some((t) => identityName(t) === own);
}

/**
 * The indicator block goes on in the tables after it until its 总分 row: tables that repeat its header,
 * and tables without one whose rows are indicator rows in its columns — those only when the run of them
 * reaches a 总分 row or a repeated header, so that a table after a cut form is never read as its rows.
 */
function continueBlock(grid: DocumentGrid, spans: BlockSpans, group: GridTable[]): void {
  const tables = grid.tables;
  let headerTable = group[group.length - 1]!;
  if (partsOf(headerTable).total) return;
  const pending: GridTable[] = [];
  for (let j = tables.indexOf(headerTable) + 1; j < tables.length && follows(grid, spans, tables[j - 1]!, tables[j]!); j++) {
    const table = tables[j]!;
    const p = partsOf(table);
    if ((p.project || p.department) && !(p.indicators && !p.funds && !p.goals && repeatsIdentity(group, table))) return;
    if (p.funds || p.goals) return;
    if (p.indicators) {
      group.push(...pending.splice(0), table);
      headerTable = table;
      if (p.total) return;
      continue;
    }
    const rows = continuesBlock(table, headerTable);
    if (!rows) return;
    pending.push(table);
    if (rows === 'closed') {
      group.push(...pending);
      return;
    }
  }
}
