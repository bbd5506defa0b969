/**
 * The Ministry-of-Finance 绩效自评表 family (财预〔2020〕10号): the 项目支出绩效自评表 and the 部门整体支出绩效自评表,
 * and the factory its provincial variants use. A document may hold several forms (a 决算公开 document prints
 * one per project); each table that carries the form's defining labels is one form, with any headerless
 * tables right after it that continue its indicator block.
 */
import type { EvaluationKind } from '../../model/evaluation.js';
import type { DocumentGrid, GridTable } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import { cellKey } from '../../parse/locate.js';
import type { Claim, ExtractNote, Template } from '../types.js';
import { readForm, titleOf } from './form.js';
import { fundsHeaderRow } from './funds.js';
import { indicatorHeaderRow } from './indicators.js';
import { IDENTITY, TITLE, TOTAL } from './labels.js';
import { unreadFormNote } from './stacked.js';

/** Every template of the family asks this of every table: answered once per table. */
const kinds = new WeakMap<GridTable, EvaluationKind | null>();

/** Which kind of MoF-style form a table is, from its defining labels; null when it is none. */
export function mofKindOf(grid: DocumentGrid, table: GridTable): EvaluationKind | null {
  let kind = kinds.get(table);
  if (kind === undefined) {
    kind = readKind(grid, table);
    kinds.set(table, kind);
  }
  return kind;
}

function readKind(grid: DocumentGrid, table: GridTable): EvaluationKind | null {
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

/** What sets a variant's forms apart from the others of the family (its title, a form number, a label). */
export type VariantTest = (grid: DocumentGrid, table: GridTable) => boolean;

function claims(grid: DocumentGrid, kind: EvaluationKind, accepts: VariantTest): Claim[] {
  const out: Claim[] = [];
  const tables = grid.tables;
  for (let i = 0; i < tables.length; i++) {
    const table = tables[i]!;
    if (mofKindOf(grid, table) !== kind || !accepts(grid, table)) continue;
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

/** A form whose table ends before its 总分 row: read as far as it goes, and said so. */
function cutNote(grid: DocumentGrid, claim: Claim): ExtractNote {
  const last = grid.tables.find((t) => t.index === claim.tables[claim.tables.length - 1])!;
  const cell = last.cells[last.cells.length - 1];
  return {
    rule: 'extract-incomplete',
    severity: 'info',
    path: '',
    src: cell ? { table: cell.table, row: cell.row, col: cell.col, ...(cell.line !== undefined ? { line: cell.line } : {}) } : { table: last.index },
    text: cell?.text.trim() ?? '',
    message: {
      zh: '表格在总分行之前中断（表格不完整）：已读取现有内容，权重合计与总分不按完整表核对',
      en: 'the table stops before its 总分 row (the form is cut): what is there was read; weight and score totals are not checked as for a whole form',
    },
  };
}

/**
 * A template of the MoF family: the forms of `kind` that `accepts` picks out. Variants are listed before
 * the general forms in the registry, so each form is read under its most specific id.
 */
export function mofFamilyTemplate(id: string, kind: EvaluationKind, accepts: VariantTest = () => true): Template {
  return {
    id,
    claim: (grid) => claims(grid, kind, accepts),
    extract: (grid, claim) => {
      const evaluation = readForm(grid, claim, id, kind);
      const unread = unreadFormNote(grid, claim);
      return { evaluation, notes: [...(evaluation.complete ? [] : [cutNote(grid, claim)]), ...(unread ? [unread] : [])] };
    },
    rules: [],
  };
}

export const mofProject = mofFamilyTemplate('mof-project', 'project');
export const mofDepartment = mofFamilyTemplate('mof-department', 'department');
