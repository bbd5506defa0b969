import type { Block, DocumentGrid, GridCell, GridTable } from '../../model/grid.js';
import type { Evaluation, Totals } from '../../model/evaluation.js';
import { foldWidth } from '../../model/normalize.js';
import type { SourceRef } from '../../model/source.js';
import type { NumberValue } from '../../model/values.js';
import type { HunanPart, PerformanceIndicator } from '../../model/hunan.js';
import type { TextValue } from '../../model/values.js';
import { blockSrc, cellKey, cellSrc, findCell, findCells, ownCellAt, ownCells, rowAnchors, valueOf, type CellHit, type LabelMatch } from '../../parse/locate.js';
import type { Rubric } from '../scoring-rubric/reader.js';
import { measureValue, nameValue, numberValue, textValue } from '../../parse/values.js';
import { tableContinuedBelow } from './continued-table.js';
import { EVALUATORS, GOALS, HEADLINE, HEADLINE_LABELS, INDICATORS, PART_HEADING, RUBRIC_TOTAL_LABELS } from './labels.js';

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

const HEADLINE_STATEMENT = statementPattern([...HEADLINE_LABELS.score, ...HEADLINE_LABELS.grade]);

/**
 * A row of one cell that no indicator row is: the headline stated in its cell (绩效自评综合得分：98分) or the
 * next part's heading (四、评价人员). A text dump prints such a row as one short cell, not one spanning the
 * table, so only its text tells that the indicators have ended.
 */
function endsIndicators(table: GridTable, r: number): boolean {
  const cells = ownCells(table, r);
  const only = cells.length === 1 ? cells[0]! : null;
  return only !== null && (PART_HEADING.test(only.text) || HEADLINE_STATEMENT.test(foldWidth(only.text)));
}

/**
 * 项目绩效定量目标: one indicator per row under the headers. 一级/二级 labels carry down over empty or
 * merged cells; a row with nothing of its own is layout, not an indicator. The header printed again (in
 * the table, or atop the next table where the table was broken at a page) is no indicator: the rows after
 * it go on with the same table.
 */
export function extractIndicators(grid: DocumentGrid): PerformanceIndicator[] {
  const hit = findCells(grid, INDICATORS.level2).find((h) => headerCol(h.table, h.cell.row, INDICATORS.target));
  const out: PerformanceIndicator[] = [];
  const carried: Carried = { level1: null, level2: null };
  for (let part = hit ?? null; part; part = tableContinuedBelow(grid, part.table, INDICATORS.level2, INDICATORS.target)) {
    if (readIndicatorRows(part, out, carried)) break;
  }
  return out;
}

interface Carried {
  level1: TextValue | null;
  level2: TextValue | null;
}

/** The rows under one indicator header into `out`; true when the table ended (the headline, the next part). */
function readIndicatorRows(hit: CellHit, out: PerformanceIndicator[], carried: Carried): boolean {
  const { table } = hit;
  const r0 = hit.cell.row;
  const cols = {
    level1: headerCol(table, r0, INDICATORS.level1),
    level2: hit.cell,
    content: headerCol(table, r0, INDICATORS.content),
    target: headerCol(table, r0, INDICATORS.target),
    actual: headerCol(table, r0, INDICATORS.actual),
  };
  for (let r = r0 + 1; r < table.rowCount; r++) {
    const first = rowAnchors(table, r)[0];
    if (!first || HEADLINE.score(cellKey(first)) || HEADLINE.grade(cellKey(first))) return true;
    if ((first.colspan >= table.colCount - 1 && first.row === r) || endsIndicators(table, r)) return true;
    const own = (c: GridCell | null) => (c ? ownCellAt(table, r, c.col) : null);
    if (INDICATORS.level2(cellKey(own(cols.level2))) && headerCol(table, r, INDICATORS.target)) continue;
    const l1 = name(own(cols.level1));
    const l2 = name(own(cols.level2));
    const content = own(cols.content);
    const target = own(cols.target);
    const actual = own(cols.actual);
    if (l1?.value) carried.level1 = l1;
    if (l2?.value) carried.level2 = l2;
    const hasOwn = [l2, text(content), text(target), text(actual)].some((v) => v?.value);
    if (!hasOwn) continue;
    out.push({
      level1: carried.level1,
      level2: carried.level2,
      content: text(content),
      target: target ? measureValue(target.text, cellSrc(target)) : null,
      actual: actual ? measureValue(actual.text, cellSrc(actual)) : null,
    });
  }
  return false;
}

/** "label：value" anywhere in a paragraph, the label's characters possibly spaced out. */
function statementPattern(labels: string[]): RegExp {
  const alternatives = [...labels].sort((a, b) => b.length - a.length).map((l) => [...l].join('\\s*'));
  // The label starts the paragraph or follows a blank or a punctuation mark (so 自评综合得分 is never found
  // inside 绩效自评综合得分); the value runs to a wide gap (a second statement on the line) or a stop.
  return new RegExp(`(?:^|[\\s，,；;。])(?:${alternatives.join('|')})\\s*[:：]\\s*([^\\s，,；;。][^，,；;。]*?)(?=\\s{2,}|\\s*[，,；;。]|\\s*$)`, 'u');
}

/**
 * The first paragraph stating "label：value" (绩效自评综合得分：92分      评价等次：优), in or out of table
 * cells, among `blocks`: a headline or total written as text rather than as a label cell and a value cell.
 */
export function statedInParagraph(blocks: Block[], labels: string[]): { raw: string; src: SourceRef } | null {
  const pattern = statementPattern(labels);
  for (const block of blocks) {
    const m = pattern.exec(foldWidth(block.text));
    if (m) return { raw: m[1]!.trim(), src: blockSrc(block) };
  }
  return null;
}

/**
 * 绩效自评综合得分 and 评价等次: a label cell and the cell to its right; where no cell holds the label, a
 * paragraph stating "label：value".
 */
export function extractHeadline(grid: DocumentGrid): Pick<Totals, 'headline' | 'grade'> {
  const score = valueOf(grid, HEADLINE.score);
  const grade = valueOf(grid, HEADLINE.grade);
  const scoreText = score ? null : statedInParagraph(grid.blocks, HEADLINE_LABELS.score);
  const gradeText = grade ? null : statedInParagraph(grid.blocks, HEADLINE_LABELS.grade);
  return {
    headline: score?.cell ? numberValue(score.cell.text, cellSrc(score.cell)) : scoreText ? numberValue(scoreText.raw, scoreText.src) : null,
    grade: grade?.cell ? textValue(grade.cell.text, cellSrc(grade.cell)) : gradeText ? textValue(gradeText.raw, gradeText.src) : null,
  };
}

/**
 * A scoring table without a 总分 row whose total is stated in a paragraph just below it (总分：92分):
 * the paragraphs between the table's last row and the next table, the first few that are not blank.
 */
export function totalBelowRubric(grid: DocumentGrid, rubric: Rubric): NumberValue | null {
  const last = Math.max(...rubric.items.map((i) => i.score?.src.table ?? i.level1?.name.src.table ?? -1));
  if (last < 0) return null;
  const end = grid.blocks.findLastIndex((b) => b.cell?.table === last);
  const below: Block[] = [];
  for (let i = end + 1; i < grid.blocks.length && below.length < 3; i++) {
    const b = grid.blocks[i]!;
    if (b.cell) break;
    if (b.text.trim() !== '') below.push(b);
  }
  const hit = statedInParagraph(below, RUBRIC_TOTAL_LABELS);
  return hit ? numberValue(hit.raw, hit.src) : null;
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
