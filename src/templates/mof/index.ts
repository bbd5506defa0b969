/**
 * The Ministry-of-Finance 绩效自评表 family (财预〔2020〕10号): the 项目支出绩效自评表 and the 部门整体支出绩效自评表,
 * and the factory its provincial variants use. A document may hold several forms (a 决算公开 document prints
 * one per project); a form is one table that carries its defining labels, or several in a row when page
 * or table breaks split it (extent.ts).
 */
import type { EvaluationKind } from '../../model/evaluation.js';
import type { DocumentGrid, GridTable } from '../../model/grid.js';
import type { Claim, ExtractNote, Template } from '../types.js';
import { blockSpans, formAt } from './extent.js';
import { readForm, titleOf } from './form.js';
import { sharedHeadingYear } from './heading-year.js';
import { unreadFormNote } from './stacked.js';

/** What sets a variant's forms apart from the others of the family (its title, a form number, a label). */
export type VariantTest = (grid: DocumentGrid, table: GridTable) => boolean;

/** The document's forms of `kind` that `accepts` picks out in any of their tables, each over the tables it spans. */
function claims(grid: DocumentGrid, kind: EvaluationKind, accepts: VariantTest): Claim[] {
  const out: Claim[] = [];
  const spans = blockSpans(grid);
  for (let i = 0; i < grid.tables.length; i++) {
    const form = formAt(grid, spans, i);
    if (!form) continue;
    // A form of another kind or variant is still one form: its later pieces start none of their own.
    i += form.tables.length - 1;
    if (form.kind !== kind || !form.tables.some((t) => accepts(grid, t))) continue;
    out.push({ tables: form.tables.map((t) => t.index), start: titleOf(grid, form.tables[0]!).start });
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
      const { evaluation, notes } = readForm(grid, claim, id, kind);
      const identity = evaluation.identity;
      if (!identity.title && !identity.year) identity.year = sharedHeadingYear(grid, grid.tables.find((t) => t.index === claim.tables[0])!);
      const unread = unreadFormNote(grid, claim);
      return { evaluation, notes: [...notes, ...(evaluation.complete ? [] : [cutNote(grid, claim)]), ...(unread ? [unread] : [])] };
    },
    rules: [],
  };
}

export const mofProject = mofFamilyTemplate('mof-project', 'project');
export const mofDepartment = mofFamilyTemplate('mof-department', 'department');
