import type { DocumentGrid, GridCell, GridTable } from '../../model/grid.js';
import type { Indicator, IndicatorLevel, Totals } from '../../model/evaluation.js';
import type { NumberValue, TextValue } from '../../model/values.js';
import { cellKey, cellSrc, ownCellAt, rowAnchors } from '../../parse/locate.js';
import { nameValue, numberValue, textValue } from '../../parse/values.js';
import { RUBRIC } from './labels.js';

type Level = IndicatorLevel;

interface Columns {
  level1?: number;
  weight1?: number;
  level2?: number;
  weight2?: number;
  level3?: number;
  weight3?: number;
  indicator?: number;
  criteria?: number;
  score?: number;
}

/** Columns of a scoring-table header row, or null when the row is no such header. Each 分值 belongs to the level before it. */
export function rubricHeader(table: GridTable, r: number): Columns | null {
  const cols: Columns = {};
  let lastLevel: 1 | 2 | 3 | null = null;
  for (const cell of rowAnchors(table, r)) {
    const key = cellKey(cell);
    if (RUBRIC.level1(key)) [cols.level1, lastLevel] = [cell.col, 1];
    else if (RUBRIC.level2(key)) [cols.level2, lastLevel] = [cell.col, 2];
    else if (RUBRIC.level3(key)) [cols.level3, lastLevel] = [cell.col, 3];
    else if (RUBRIC.weight(key) && lastLevel) cols[`weight${lastLevel}`] ??= cell.col;
    else if (RUBRIC.indicator(key)) cols.indicator = cell.col;
    else if (RUBRIC.criteria(key)) cols.criteria = cell.col;
    else if (RUBRIC.score(key)) cols.score = cell.col;
  }
  if (cols.level1 === undefined || cols.score === undefined) return null;
  // A two-row header: 一级指标 spans "指标 | 分值" on the row below; the name column is the first
  // of the span and the 分值 below it is that level's weight.
  if (isHeaderContinuation(table, r + 1)) {
    for (const cell of ownCellsOf(table, r + 1)) {
      if (!RUBRIC.weight(cellKey(cell))) continue;
      for (const level of [1, 2, 3] as const) {
        const head = cols[`level${level}`] === undefined ? null : table.slots[r]?.[cols[`level${level}`]!];
        if (head && cell.col > head.col && cell.col < head.col + head.colspan) cols[`weight${level}`] ??= cell.col;
      }
    }
  }
  return cols;
}

function ownCellsOf(table: GridTable, r: number): GridCell[] {
  return rowAnchors(table, r).filter((c) => c.row === r);
}

/** The second row of a two-row header: only "指标"/"名称" and "分值" cells of its own. */
function isHeaderContinuation(table: GridTable, r: number): boolean {
  const own = ownCellsOf(table, r);
  return own.length > 0 && own.every((c) => RUBRIC.weight(cellKey(c)) || /^(指标|名称|指标名称)$/u.test(cellKey(c)));
}

/** A table of the scoring table: its columns, and the row its items may start at (its header's, or 0 for a continuation). */
function rubricTables(grid: DocumentGrid): { table: GridTable; cols: Columns; start: number }[] {
  const out: { table: GridTable; cols: Columns; start: number }[] = [];
  for (const table of grid.tables) {
    let cols: Columns | null = null;
    let r = 0;
    for (; r < table.rowCount && !cols; r++) cols = rubricHeader(table, r);
    // Rows above the header (部门（单位）名称 | …, a title row) name the form; they are no items.
    if (cols) out.push({ table, cols, start: r - 1 });
    else if (out.length > 0 && out[out.length - 1]!.table.index === table.index - 1 && table.colCount === out[out.length - 1]!.table.colCount) {
      // A continuation table without its own header row (split by a section or page break).
      out.push({ table, cols: out[out.length - 1]!.cols, start: 0 });
    }
  }
  return out;
}

export interface Rubric {
  items: Indicator[];
  totals: Pick<Totals, 'weight' | 'score'>;
}

/** A scored leaf: its deepest level names it and that level's 分值 is the item's own weight. */
function leaf(level1: Level | null, level2: Level | null, level3: Level | null, rest: Pick<Indicator, 'score' | 'indicator' | 'criteria'>): Indicator {
  const levels = [level1, level2, level3];
  const depth = level3 ? 2 : level2 ? 1 : 0;
  const own = levels[depth] ?? null;
  if (own) levels[depth] = { name: own.name, weight: null };
  return {
    level1: levels[0] ?? null,
    level2: levels[1] ?? null,
    level3: levels[2] ?? null,
    weight: own?.weight ?? null,
    target: null,
    targetParts: null,
    actual: null,
    deviationReason: null,
    verdict: null,
    ...rest,
  };
}

/**
 * A scoring table (the Hunan 附件3-2 table, a city's 决策/管理/产出/效益 table), possibly split over pages or tables with repeated header rows and
 * repeated first-level labels ("项目管理" emitted again is the same group). Names and weights of the
 * upper levels carry down over empty (text dump) or merged (docx) cells.
 */
export function extractRubric(grid: DocumentGrid): Rubric | null {
  const tables = rubricTables(grid);
  if (tables.length === 0) return null;
  const items: Indicator[] = [];
  let totalWeight: NumberValue | null = null;
  let claimedTotal: NumberValue | null = null;
  const groups1 = new Map<string, Level>();
  const groups2 = new Map<string, Level>();
  let level1: Level | null = null;
  let level2: Level | null = null;

  const at = (table: GridTable, r: number, c: number | undefined): GridCell | null => (c === undefined ? null : ownCellAt(table, r, c));
  const text = (cell: GridCell | null): TextValue | null => (cell ? textValue(cell.text, cellSrc(cell)) : null);
  const name = (cell: GridCell | null): TextValue | null => (cell ? nameValue(cell.text, cellSrc(cell)) : null);
  const num = (cell: GridCell | null): NumberValue | null => (cell ? numberValue(cell.text, cellSrc(cell)) : null);
  const level = (name: TextValue, weight: NumberValue | null, groups: Map<string, Level>, scope: string): Level => {
    const key = `${scope}\u0000${(name.value ?? '').replace(/\s+/gu, '')}`;
    const known = groups.get(key);
    if (known) return known;
    const created: Level = { name, weight };
    groups.set(key, created);
    return created;
  };

  for (const { table, cols, start } of tables) {
    for (let r = start; r < table.rowCount; r++) {
      if (rubricHeader(table, r) || (r > 0 && isHeaderContinuation(table, r) && rubricHeader(table, r - 1))) continue;
      const first = rowAnchors(table, r)[0];
      // A 小计 (subtotal) row repeats its group's sums: not an item, and not the 总分 row either.
      if (first && first.row === r && RUBRIC.subtotal(cellKey(first))) continue;
      if (first && first.row === r && RUBRIC.total(cellKey(first))) {
        // The label may span the weight's column (合计 merged over the level columns): that is no weight.
        const own = (c: number | undefined) => {
          const cell = at(table, r, c);
          return cell === first ? null : cell;
        };
        totalWeight = num(own(cols.weight1 ?? cols.weight2 ?? cols.weight3));
        claimedTotal = num(own(cols.score));
        // A text dump prints the row's merged cells once, so its cells sit left of their columns:
        // then the first number after the label is the weight and the last the score.
        if (claimedTotal?.value == null || totalWeight === null) {
          const numbers = rowAnchors(table, r).filter((c) => c.row === r && c !== first && numberValue(c.text, cellSrc(c)).value != null);
          if (numbers.length >= 2) [totalWeight, claimedTotal] = [num(numbers[0]!), num(numbers[numbers.length - 1]!)];
        }
        continue;
      }
      const l1 = name(at(table, r, cols.level1));
      if (l1?.value) {
        level1 = level(l1, num(at(table, r, cols.weight1)), groups1, '');
        level2 = null;
      }
      const l2 = name(at(table, r, cols.level2));
      if (l2?.value) level2 = level(l2, num(at(table, r, cols.weight2)), groups2, level1?.name.value ?? '');
      const l3 = name(at(table, r, cols.level3));
      const score = num(at(table, r, cols.score));
      const indicator = text(at(table, r, cols.indicator));
      const criteria = text(at(table, r, cols.criteria));
      const deepest = cols.level3 !== undefined ? l3 : cols.level2 !== undefined ? l2 : l1;
      if (!deepest?.value && score?.value == null && !indicator?.value && !criteria?.value) continue;
      const level3 = l3?.value && cols.level3 !== undefined ? { name: l3, weight: num(at(table, r, cols.weight3)) } : null;
      items.push(leaf(level1, cols.level2 !== undefined ? level2 : null, level3, { indicator, criteria, score }));
    }
  }
  return { items, totals: { weight: totalWeight, score: claimedTotal } };
}
