import type { DocumentGrid, GridCell, GridTable } from '../../model/grid.js';
import type { Evaluation, Totals } from '../../model/evaluation.js';
import type { HunanPart, PerformanceIndicator } from '../../model/hunan.js';
import type { TextValue } from '../../model/values.js';
import { cellKey, cellSrc, findCell, findCells, ownCellAt, rowAnchors, valueOf, type LabelMatch } from '../../parse/locate.js';
import { measureValue, nameValue, numberValue, textValue } from '../../parse/values.js';
import { EVALUATORS, GOALS, HEADLINE, INDICATORS } from './labels.js';

function headerCol(table: GridTable, row: number, match: LabelMatch): GridCell | null {
  return rowAnchors(table, row).find((c) => c.row === row && match(cellKey(c))) ?? null;
}

const name = (cell: GridCell | null): TextValue | null => (cell ? nameValue(cell.text, cellSrc(cell)) : null);
const text = (cell: GridCell | null): TextValue | null => (cell ? textValue(cell.text, cellSrc(cell)) : null);

/** 项目绩效定性目标及实施计划完成情况: the row under the 预期目标 / 实际完成 headers. */
export function extractGoals(grid: DocumentGrid): Evaluation['goals'] {
  const hit = findCell(grid, GOALS.header);
  if (!hit) return null;
  const { table, cell } = hit;
  const expectedHead = headerCol(table, cell.row, GOALS.expected);
  const actualHead = headerCol(table, cell.row, GOALS.actual);
  const r = cell.row + 1;
  return {
    expected: expectedHead ? text(ownCellAt(table, r, expectedHead.col)) : null,
    actual: actualHead ? text(ownCellAt(table, r, actualHead.col)) : null,
  };
}

/**
 * 项目绩效定量目标: one indicator per row under the headers. 一级/二级 labels carry down over empty or
 * merged cells; a row with nothing of its own is layout, not an indicator.
 */
export function extractIndicators(grid: DocumentGrid): PerformanceIndicator[] {
  const hit = findCells(grid, INDICATORS.level2).find((h) => headerCol(h.table, h.cell.row, INDICATORS.target));
  if (!hit) return [];
  const { table } = hit;
  const r0 = hit.cell.row;
  const cols = {
    level1: headerCol(table, r0, INDICATORS.level1),
    level2: hit.cell,
    content: headerCol(table, r0, INDICATORS.content),
    target: headerCol(table, r0, INDICATORS.target),
    actual: headerCol(table, r0, INDICATORS.actual),
  };
  const out: PerformanceIndicator[] = [];
  let level1: TextValue | null = null;
  let level2: TextValue | null = null;
  for (let r = r0 + 1; r < table.rowCount; r++) {
    const first = rowAnchors(table, r)[0];
    if (!first || HEADLINE.score(cellKey(first)) || HEADLINE.grade(cellKey(first))) break;
    if (first.colspan >= table.colCount - 1 && first.row === r) break;
    const own = (c: GridCell | null) => (c ? ownCellAt(table, r, c.col) : null);
    const l1 = name(own(cols.level1));
    const l2 = name(own(cols.level2));
    const content = own(cols.content);
    const target = own(cols.target);
    const actual = own(cols.actual);
    if (l1?.value) level1 = l1;
    if (l2?.value) {
      level2 = l2;
    }
    const hasOwn = [l2, text(content), text(target), text(actual)].some((v) => v?.value);
    if (!hasOwn) continue;
    out.push({
      level1,
      level2,
      content: text(content),
      target: target ? measureValue(target.text, cellSrc(target)) : null,
      actual: actual ? measureValue(actual.text, cellSrc(actual)) : null,
    });
  }
  return out;
}

export function extractHeadline(grid: DocumentGrid): Pick<Totals, 'headline' | 'grade'> {
  const score = valueOf(grid, HEADLINE.score);
  const grade = valueOf(grid, HEADLINE.grade);
  return {
    headline: score?.cell ? numberValue(score.cell.text, cellSrc(score.cell)) : null,
    grade: grade?.cell ? textValue(grade.cell.text, cellSrc(grade.cell)) : null,
  };
}

/** 四、评价人员: rows under 姓名 / 职称/职务 / 单位 until the signature lines. */
export function extractEvaluators(grid: DocumentGrid): HunanPart['evaluators'] {
  const hit = findCell(grid, EVALUATORS.name);
  if (!hit) return [];
  const { table } = hit;
  const r0 = hit.cell.row;
  const titleHead = headerCol(table, r0, EVALUATORS.title);
  const unitHead = headerCol(table, r0, EVALUATORS.unit);
  const out: HunanPart['evaluators'] = [];
  for (let r = r0 + 1; r < table.rowCount; r++) {
    const nameCell = ownCellAt(table, r, hit.cell.col);
    if (!nameCell || nameCell.colspan >= table.colCount - 1) break;
    const name = textValue(nameCell.text, cellSrc(nameCell));
    if (!name.value || /[:：]|签字|签章|意见/u.test(name.value)) break;
    out.push({
      name,
      title: titleHead ? text(ownCellAt(table, r, titleHead.col)) : null,
      unit: unitHead ? text(ownCellAt(table, r, unitHead.col)) : null,
    });
  }
  return out;
}
