/**
 * The Ministry-of-Finance 绩效自评表 family (财预〔2020〕10号): the 项目支出绩效自评表 and the 部门整体支出绩效自评表.
 * A document may hold several (a 决算公开 document prints one per project); each table that carries the
 * form's defining labels is one form, with any headerless tables right after it that continue its
 * indicator block.
 */
import type { EvaluationKind } from '../../model/evaluation.js';
import type { DocumentGrid, GridTable } from '../../model/grid.js';
import { cellKey } from '../../parse/locate.js';
import type { Claim, Template } from '../types.js';
import { readForm, titleOf } from './form.js';
import { fundsHeaderRow } from './funds.js';
import { indicatorHeaderRow } from './indicators.js';
import { IDENTITY, TITLE, TOTAL } from './labels.js';
import { labelKey } from '../../model/normalize.js';

/** Which kind of MoF form a table is, from its defining labels; null when it is none. */
export function mofKindOf(grid: DocumentGrid, table: GridTable): EvaluationKind | null {
  if (fundsHeaderRow(table) < 0 || indicatorHeaderRow(table) < 0) return null;
  const has = (match: (k: string) => boolean) => table.cells.some((c) => match(cellKey(c)));
  if (has(IDENTITY.projectName)) return 'project';
  const title = titleOf(grid, table).title?.raw ?? '';
  if (has(IDENTITY.department) || TITLE.department.test(labelKey(title))) return 'department';
  return null;
}

/** A table that continues a form's indicator block: no identity, no funds header, indicator rows or a 总分 row. */
function continues(table: GridTable): boolean {
  if (fundsHeaderRow(table) >= 0 || table.cells.some((c) => IDENTITY.projectName(cellKey(c)))) return false;
  return table.cells.some((c) => TOTAL(cellKey(c))) || indicatorHeaderRow(table) >= 0;
}

function claims(grid: DocumentGrid, kind: EvaluationKind): Claim[] {
  const out: Claim[] = [];
  const tables = grid.tables;
  for (let i = 0; i < tables.length; i++) {
    const table = tables[i]!;
    if (mofKindOf(grid, table) !== kind) continue;
    const claim: Claim = { tables: [table.index], start: titleOf(grid, table).start };
    const closed = table.cells.some((c) => TOTAL(cellKey(c)));
    // A form cut by a page or table break goes on in the next table, when that one starts no form of its own.
    for (let j = i + 1; !closed && j < tables.length && tables[j]!.index === tables[j - 1]!.index + 1 && continues(tables[j]!) && !titleOf(grid, tables[j]!).title; j++) {
      claim.tables.push(tables[j]!.index);
      if (tables[j]!.cells.some((c) => TOTAL(cellKey(c)))) break;
    }
    out.push(claim);
  }
  return out;
}

function mofTemplate(id: string, kind: EvaluationKind): Template {
  return {
    id,
    claim: (grid) => claims(grid, kind),
    extract: (grid, claim) => ({ evaluation: readForm(grid, claim, id, kind), notes: [] }),
    rules: [],
  };
}

export const mofProject = mofTemplate('mof-project', 'project');
export const mofDepartment = mofTemplate('mof-department', 'department');
