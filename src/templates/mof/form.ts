/** One MoF-style form read from its table(s): identity, funds, goals, indicators and totals. */
import type { EvaluationKind, Identity } from '../../model/evaluation.js';
import type { DocumentGrid, GridCell, GridTable } from '../../model/grid.js';
import { isEmptyMarker, labelKey } from '../../model/normalize.js';
import type { NumberValue, TextValue } from '../../model/values.js';
import { blockSrc, cellKey, cellSrc, rightOf, rowAnchors, type LabelMatch } from '../../parse/locate.js';
import { linesAbove } from '../../parse/region.js';
import { arabicYears, numberValue, textValue } from '../../parse/values.js';
import type { Claim, Extraction, FormModel } from '../types.js';
import { text } from './cells.js';
import { fundsHeaderRow, readFunds } from './funds.js';
import { readIndicators } from './indicators.js';
import { GOALS, GRADE, IDENTITY, INDICATORS, TITLE, TOTAL_SCORE } from './labels.js';

function findIn(table: GridTable, match: LabelMatch): GridCell | null {
  return table.cells.find((c) => match(cellKey(c))) ?? null;
}

/** The value a label cell introduces: the next cell to its right. */
function valueRightOf(table: GridTable, match: LabelMatch): TextValue | null {
  const label = findIn(table, match);
  if (!label) return null;
  const value = rightOf(table, label);
  return value ? text(value) : { value: null, raw: '', src: cellSrc(label) };
}

/**
 * A department's name printed with its label in one cell or line, "部门（单位）名称：云岭县农业农村局" (a merged
 * name row, or a line above the table beside 填报日期): the text after the colon, up to a wide gap.
 */
export function inlineDepartment(raw: string): string | null {
  const m = /^([^:：\n]{1,12})[:：](.*)$/su.exec(raw.trim());
  if (!m || !IDENTITY.department(labelKey(m[1]!))) return null;
  // A wide gap right after the colon is the blank left for the name, then the next field.
  const name = m[2]!.replace(/^[ \t]/u, '').split(/\s{2,}|\u3000|\n/u)[0]!.trim();
  return name === '' || isEmptyMarker(name) ? null : name;
}

/**
 * The department named at the head of the form's title: "云岭县农业农村局2023年度部门整体支出绩效自评表". An
 * attachment mark, a heading number or a year before it (附件3：, 七、, 2023年) is no name, nor is a prefix with
 * digits in it.
 */
function titleDepartment(title: TextValue | null): TextValue | null {
  const m = /^(.+?)(?:\d{4}\s*年度?)?部门整体/u.exec(title?.value?.replace(/\s+/gu, '') ?? '');
  const name = m?.[1]!.replace(/^(?:附件\d*[:：]?|[一二三四五六七八九十\d]+[、.．])?(?:\d{4}年度?)?/u, '') ?? '';
  return name.length >= 2 && !/[\d０-９表:：]/u.test(name) ? { value: name, raw: title!.raw, src: title!.src } : null;
}

/** The department's name where no label cell introduces it: a cell of the form, else a line just above it. */
function inlineDepartmentOf(grid: DocumentGrid, tables: GridTable[]): TextValue | null {
  for (const table of tables) {
    for (const cell of table.cells) {
      const name = inlineDepartment(cell.text);
      if (name) return { value: name, raw: cell.text.trim(), src: cellSrc(cell) };
    }
  }
  const first = grid.blocks.findIndex((b) => b.cell?.table === tables[0]!.index);
  for (const [b] of linesAbove(grid.blocks, first, 4)) {
    const name = inlineDepartment(b.text);
    if (name) return { value: name, raw: b.text.trim(), src: blockSrc(b) };
  }
  return null;
}

/** The form's title: a paragraph just above its table, or a title row inside it. */
export function titleOf(grid: DocumentGrid, table: GridTable): { title: TextValue | null; year: TextValue | null; start: number } {
  const first = grid.blocks.findIndex((b) => b.cell?.table === table.index);
  let start = first < 0 ? 0 : grid.blocks[first]!.index;
  let title: TextValue | null = null;
  let year: TextValue | null = null;
  const matches = (t: string) => TITLE.any.test(labelKey(t));
  // Paragraphs between the previous table and this one, nearest first; at most a few lines up.
  for (const [b, i] of linesAbove(grid.blocks, first, 4)) {
    // A year line of its own ("（2023年度）"), not a date elsewhere (填报日期：2024年3月20日).
    if (!year && isYearLine(b.text)) {
      year = yearValue(b.text, blockSrc(b));
      start = b.index;
    }
    if (matches(b.text)) {
      title = textValue(b.text, blockSrc(b));
      start = b.index;
      // The year may also stand on the line just above the title ("2023年度" over "项目支出绩效自评表").
      const above = year ? undefined : grid.blocks.slice(0, i).reverse().find((a) => a.cell || a.text.trim() !== '');
      if (above && !above.cell && isYearLine(above.text)) {
        year = yearValue(above.text, blockSrc(above));
        start = above.index;
      }
      break;
    }
  }
  if (!title) {
    const cell = table.cells.find((c) => c.row <= 1 && matches(c.text));
    if (cell) {
      title = text(cell);
      // A title printed in the table's first rows may have its year line in a row of its own beneath.
      const yearCell = year ? undefined : table.cells.find((c) => c.row <= cell.row + 1 && c !== cell && isYearLine(c.text));
      const yearText = yearCell ? text(yearCell) : null;
      if (yearText) year = yearValue(yearText.raw, yearText.src);
    }
  }
  // The title's own year wins over a year line.
  if (title && /\d{4}\s*年/u.test(arabicYears(title.raw))) year = yearValue(title.raw, title.src);
  return { title, year, start };
}

const YEAR_LINE = /^[\s(（]*\d{4}\s*年度?[\s)）]*$/u;
const isYearLine = (text: string): boolean => YEAR_LINE.test(arabicYears(text));

/** The year of a title or year line, in Arabic digits (2024 for 二〇二四年度), the text kept as printed. */
function yearValue(raw: string, src: TextValue['src']): TextValue | null {
  const m = /(\d{4})\s*年/u.exec(arabicYears(raw));
  return m ? { value: m[1]!, raw: raw.trim(), src } : null;
}

/**
 * Goals: 预期目标 / 实际完成情况 headers with their texts in the rows below — one row, or one numbered goal a
 * row ("1.…", "2.…") while the 年度总体目标 label spans them (a text dump leaves its continuation cells
 * empty) — or a text right of 年度总体目标.
 */
function readGoals(table: GridTable): FormModel['goals'] {
  const expectedHead = findIn(table, GOALS.expected);
  const actualHead = findIn(table, GOALS.actual);
  const block = findIn(table, GOALS.block);
  const cellBelow = (head: GridCell, r: number) =>
    table.slots[r]?.[head.col] ?? rowAnchors(table, r).filter((c) => c.row === r)[rowAnchors(table, head.row).indexOf(head)] ?? null;
  /** Whether row r still belongs to the 年度总体目标 block: its label cell spans it, or a text dump's empty continuation stands there. */
  const inBlock = (r: number) => {
    const slot = block ? table.slots[r]?.[block.col] : undefined;
    if (!slot || (slot !== block && (slot.row !== r || slot.text.trim() !== ''))) return false;
    return !rowAnchors(table, r).some((c) => INDICATORS.block(cellKey(c)) || INDICATORS.level1(cellKey(c)) || INDICATORS.level3(cellKey(c)));
  };
  const below = (head: GridCell | null) => {
    if (!head) return null;
    const first = head.row + head.rowspan;
    const cells: GridCell[] = [];
    for (let r = first; r < table.rowCount && (r === first || inBlock(r)); r++) {
      const cell = cellBelow(head, r);
      if (cell && cell !== head && (r === first || (cell.row === r && cell.text.trim() !== ''))) cells.push(cell);
    }
    const [top] = cells;
    if (!top) return null;
    if (cells.length === 1) return text(top);
    const joined = cells.map((c) => c.text.trim()).join('\n');
    return { ...textValue(joined, cellSrc(top)), raw: joined };
  };
  if (expectedHead || actualHead) return { expected: below(expectedHead), actual: below(actualHead) };
  if (!block) return null;
  const value = rightOf(table, block);
  return { expected: value ? text(value) : null, actual: null };
}

/**
 * What the form states in its header rows, above the funds block and apart from its 总分 row
 * ("自评得分 | 96 | 自评等级 | 优", mof-family §7.8): a score, which headline-score holds against the 总分,
 * and a grade.
 */
function headerTotals(table: GridTable): { headline: NumberValue | null; grade: TextValue | null } {
  const end = fundsHeaderRow(table);
  const valueOf = (match: LabelMatch) => {
    const label = table.cells.find((c) => c.row < end && match(cellKey(c)));
    const value = label ? rightOf(table, label) : null;
    return value && value.text.trim() !== '' ? value : null;
  };
  const score = valueOf(TOTAL_SCORE);
  const grade = valueOf(GRADE);
  return { headline: score ? numberValue(score.text, cellSrc(score)) : null, grade: grade ? text(grade) : null };
}

export function readForm(grid: DocumentGrid, claim: Claim, template: string, kind: EvaluationKind): Extraction {
  const tables = claim.tables.map((i) => grid.tables.find((t) => t.index === i)!);
  const main = tables[0]!;
  const { title, year } = titleOf(grid, main);
  // A form split over tables prints its identity, funds and goals in the first pieces that hold them.
  const holding = (match: LabelMatch) => tables.find((t) => findIn(t, match)) ?? main;
  const fundsTable = tables.find((t) => fundsHeaderRow(t) >= 0) ?? main;
  const { funds, notes } = readFunds(fundsTable, grid);
  const block = readIndicators(tables, main);
  const header = headerTotals(fundsTable);
  const valueOf = (match: LabelMatch) => valueRightOf(holding(match), match);
  const identity: Identity = {
    title,
    year,
    projectName: kind === 'project' ? valueOf(IDENTITY.projectName) : null,
    unit: kind === 'project' ? valueOf(IDENTITY.unit) : (valueOf(IDENTITY.department) ?? inlineDepartmentOf(grid, tables) ?? titleDepartment(title)),
    authority: valueOf(IDENTITY.authority),
    reportDate: null,
  };
  const evaluation: FormModel = {
    template,
    kind,
    complete: block.closed,
    identity,
    funds,
    goals: readGoals(holding((k) => GOALS.expected(k) || GOALS.actual(k) || GOALS.block(k))),
    indicators: block.indicators,
    totals: { weight: block.totals.weight, indicatorsWeight: block.totals.indicatorsWeight, score: block.totals.score, headline: header.headline, grade: block.totals.grade ?? header.grade },
    narrative: [],
  };
  return { evaluation, notes };
}
