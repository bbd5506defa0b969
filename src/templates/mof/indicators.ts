/**
 * The indicator block: 一级 / 二级 / 三级指标 with target (one cell "≥95%", or 指标性质 | 指标值 | 度量单位
 * under a two-row header), actual, 分值, 得分 and 偏差原因, down to the 总分 row. It may continue in the
 * tables that follow (a form split over pages or tables).
 */
import { Dec } from '../../model/decimal.js';
import type { Indicator, IndicatorLevel, TargetParts, Totals, Verdict } from '../../model/evaluation.js';
import type { GridCell, GridTable } from '../../model/grid.js';
import { foldTraditional, foldWidth, isEmptyMarker } from '../../model/normalize.js';
import type { MeasureValue, TextValue } from '../../model/values.js';
import { cellKey, cellSrc, rowAnchors } from '../../parse/locate.js';
import { measureValue } from '../../parse/values.js';
import { labelWeight, levelName, num, text } from './cells.js';
import { alignRow, isSubHeader, leafColumns, leafIndex, type LeafColumn } from './columns.js';
import { GRADE, GRADE_RESULT, INDICATORS, TOTAL, TOTAL_SCORE } from './labels.js';

interface Columns {
  level1: number;
  level2: number;
  level3: number;
  target: number;
  nature: number;
  unit: number;
  actual: number;
  weight: number;
  score: number;
  reason: number;
}

export interface IndicatorBlock {
  indicators: Indicator[];
  totals: Pick<Totals, 'weight' | 'indicatorsWeight' | 'score' | 'grade'>;
  /** A 总分 row was met: the block is whole. */
  closed: boolean;
}

/** The indicator header row of a table: 三级指标 next to a weight, score or target header. */
export function indicatorHeaderRow(table: GridTable, from = 0): number {
  for (let r = from; r < table.rowCount; r++) {
    const keys = rowAnchors(table, r).filter((c) => c.row === r).map(cellKey);
    if (keys.some(INDICATORS.level3) && keys.some((k) => INDICATORS.weight(k) || INDICATORS.score(k) || INDICATORS.target(k))) return r;
  }
  return -1;
}

/** The MoF indicator header proper: 三级指标 beside a target or actual column (年度指标值, 实际完成值), not a bare score sheet. */
export function targetHeaderRow(table: GridTable): number {
  for (let r = indicatorHeaderRow(table); r >= 0; r = indicatorHeaderRow(table, r + 1)) {
    const keys = rowAnchors(table, r).filter((c) => c.row === r).map(cellKey);
    if (keys.some((k) => INDICATORS.target(k) || INDICATORS.actual(k))) return r;
  }
  return -1;
}

/** The 总分 row: its label first in the row, or left of the 三级指标 column. */
function isTotalRow(own: GridCell[], level3Col: number): boolean {
  const first = own.find((c) => c.text.trim() !== '');
  return TOTAL(cellKey(first)) || own.some((c) => TOTAL(cellKey(c)) && c.col <= level3Col);
}

const blank = (cell: GridCell | null | undefined) => !cell || isEmptyMarker(cell.text);

/**
 * Whether a table without a header of its own reads as more rows of the block headed in `headerTable`
 * (a form split over pages without its header repeated): every row sits in the block's columns and is an
 * indicator row (a 三级 name, numbers or nothing under 分值 and 得分) or a level label, down to a 总分 row.
 * 'closed' when the table holds the 总分 row, 'open' when it holds indicator rows only, null when it is
 * anything else — a 决算 table or a note is never read as indicators.
 */
export function continuesBlock(table: GridTable, headerTable: GridTable): 'open' | 'closed' | null {
  const header = indicatorHeaderRow(headerTable);
  if (header < 0) return null;
  const { leaves, cols } = blockLayout(headerTable, header);
  let indicatorRows = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const own = rowAnchors(table, r).filter((c) => c.row === r && c.text.trim() !== '');
    if (own.length === 0) continue;
    if (isTotalRow(own, leaves[cols.level3]?.col ?? 0)) return 'closed';
    // Word and HTML keep the block's grid; a text dump's row has one cell per leaf column.
    if (table.colCount !== headerTable.colCount && rowAnchors(table, r).length !== leaves.length) return null;
    const cells = alignRow(table, r, leaves);
    const ownAt = (i: number) => {
      const cell = i >= 0 ? (cells[i] ?? null) : null;
      return cell && cell.row === r ? cell : null;
    };
    const levels = [cols.level1, cols.level2, cols.level3].map(ownAt);
    const name = levels[2];
    if (blank(name)) {
      // A first- or second-level label with nothing under it yet.
      if (own.every((c) => c === levels[0] || c === levels[1])) continue;
      return null;
    }
    const scored = [cols.weight, cols.score].map(ownAt);
    // An unused slot ("指标2:", "……") left empty is part of the block, as it is above the break.
    if (UNUSED_SLOT.test(name!.text.replace(/\s+/gu, '')) && scored.every(blank)) continue;
    // A bare number where the 三级 name stands (a 行次 or an amount) is another table's row; a name
    // with a number in it ("65岁及以上老年人健康管理人数", "12345热线办结率") is an indicator.
    if (BARE_NUMBER.test(foldWidth(name!.text).replace(/\s+/gu, ''))) return null;
    if (scored.some((c) => !blank(c) && num(c)?.value == null)) return null;
    indicatorRows++;
  }
  return indicatorRows > 0 ? 'open' : null;
}

/** The block's columns under its header row (one row, or two with 指标性质 | 指标值 | 度量单位 below), and its first data row. */
function blockLayout(table: GridTable, header: number): { leaves: LeafColumn[]; cols: Columns; start: number } {
  const twoRows = isSubHeader(table, header + 1, [INDICATORS.nature, INDICATORS.target, INDICATORS.unit, INDICATORS.actual]);
  const leaves = leafColumns(table, twoRows ? [header, header + 1] : [header]);
  return { leaves, cols: columnsOf(leaves), start: header + (twoRows ? 2 : 1) };
}

function columnsOf(leaves: LeafColumn[]): Columns {
  const level3 = leafIndex(leaves, INDICATORS.level3);
  const nature = leafIndex(leaves, INDICATORS.nature);
  return {
    level1: leafIndex(leaves, INDICATORS.level1),
    level2: leafIndex(leaves, INDICATORS.level2),
    level3,
    target: leafIndex(leaves, INDICATORS.target, level3 + 1),
    nature,
    unit: leafIndex(leaves, INDICATORS.unit),
    actual: leafIndex(leaves, INDICATORS.actual, level3 + 1),
    weight: leafIndex(leaves, INDICATORS.weight, level3 + 1),
    score: leafIndex(leaves, INDICATORS.score, level3 + 1),
    reason: leafIndex(leaves, INDICATORS.reason, level3 + 1),
  };
}

const COMPARATOR_SIGNS = /^(?:[≥≧>＞≤≦<＜=＝﹦═]|不低于|不少于|不超过|不高于|达到)$/u;

/** 指标性质 | 指标值 | 度量单位 joined as a reader says them ("≥" "95" "%" → "≥95%"; 定性 adds nothing). */
function splitTarget(nature: GridCell | null, value: GridCell | null, unit: GridCell | null): { target: MeasureValue | null; parts: TargetParts | null } {
  if (!value) return { target: null, parts: null };
  const n = text(nature);
  const v = text(value)!;
  const u = text(unit);
  const sign = n?.value && COMPARATOR_SIGNS.test(n.value) ? n.value : '';
  const joined = v.value === null ? '' : `${sign}${v.value}${u?.value && !v.value.endsWith(u.value) ? u.value : ''}`;
  // The 度量单位 cell names the unit whole ("元/平方米"): it wins over what the joined text suggests.
  const target = { ...measureValue(joined, cellSrc(value)), ...(u?.value && v.value !== null ? { unit: u.value } : {}) };
  const blankText: TextValue = { value: null, raw: '', src: cellSrc(value) };
  return { target, parts: { nature: n ?? blankText, value: v, unit: u ?? blankText } };
}

/** A qualitative actual's verdict, when it states one (达成 / 部分达成 / 未达成). */
export function verdictOf(target: MeasureValue | null, actual: MeasureValue | null): Verdict | null {
  // "无未完成事项" says nothing was missed: a negated 未完成 is no verdict of its own.
  const a = actual?.value ? foldTraditional(actual.value).replace(/\s+/gu, '').replace(NO_SHORTFALL, '') : null;
  if (!a) return null;
  // "未全部完成", "未完全达到", "未完成部分结转": some of it was done, not none of it.
  if (/未(?:能)?(?:全部|完全)(?:完成|达成|达到|达标)|未完成部分|部分未完成/u.test(a)) return 'partial';
  if (/未达成|未完成|未达到|没有达到|没有完成|未能(?:完成|达成|达到)|[未不]达标|未达预期|效果较差/u.test(a)) return 'missed';
  if (/部分达成|基本达成|部分完成|基本完成|基本达标/u.test(a)) return 'partial';
  if (/达成|达到|达标|效果明显|已完成|全部完成|显著/u.test(a)) return 'met';
  if (target?.value && foldTraditional(target.value).replace(/\s+/gu, '') === a) return 'met';
  return null;
}

const NO_SHORTFALL = /(?:无|没有|不存在)(?:未达成|未完成|未达到|未达标|不达标)(?:的)?(?:事项|情况|部分|内容|任务)?/gu;
const UNUSED_SLOT = /^(?:指标\d*[:：]?|…+|\.{3,})$/u;
const BARE_NUMBER = /^[-−–]?[\d,.]+%?$/u;

function level(cell: GridCell | null, previous: IndicatorLevel | null): IndicatorLevel | null {
  const name = levelName(cell);
  if (!name?.value) return previous;
  // The same merged cell (Word, HTML) is the same level object: its weight is printed once.
  if (previous && previous.name.src.row === name.src.row && previous.name.src.col === name.src.col && previous.name.src.table === name.src.table) return previous;
  return { name, weight: labelWeight(cell) };
}

/** The 总分 row: its weight and score under their columns, else the numbers after the label in order. */
function totalRow(table: GridTable, r: number, cells: (GridCell | null)[], cols: Columns): Pick<Totals, 'weight' | 'score' | 'grade'> {
  const anchors = rowAnchors(table, r).filter((c) => c.row === r);
  const label = anchors.find((c) => TOTAL(cellKey(c)))!;
  const aligned = cells.length > 0 && cells[cols.weight] && cells[cols.weight] !== label && cells[cols.weight]!.row === r;
  let weightCell: GridCell | null;
  let scoreCell: GridCell | null;
  const after = anchors.filter((c) => c.col > label.col);
  if (aligned) {
    weightCell = cells[cols.weight] ?? null;
    scoreCell = cols.score >= 0 ? (cells[cols.score] ?? null) : null;
  } else {
    const numbers = after.filter((c) => num(c)?.value != null);
    // 自评总分 95 states the score alone; 总分 / 合计 print the weight, then the score.
    if (TOTAL_SCORE(cellKey(label)) && numbers.length === 1) [weightCell, scoreCell] = [null, numbers[0]!];
    else [weightCell = null, scoreCell = null] = numbers;
  }
  // A grade word, or a short cell that starts like one ("优秀A", "忧秀"): read, so that grade-unknown can say
  // it names no band instead of the grade silently going missing.
  const gradeCell = after.find((c) => c !== weightCell && c !== scoreCell && GRADE_WORD.test(cellKey(c))) ?? null;
  const grade = text(gradeCell) ?? firstOf(after.filter((c) => c !== weightCell && c !== scoreCell), labelledGrade) ?? (scoreCell ? gradeAfterScore(scoreCell) : null);
  return { weight: num(weightCell), score: num(scoreCell), grade };
}

const BAND_WORD = /^(优秀?|良好?|中等?|差|合格|不合格|一般|较差)$/u;
const GRADE_WORD = new RegExp(`${BAND_WORD.source}|^[优良中差忧][^\\d]{0,5}$`, 'u');

function firstOf<T, R>(items: T[], read: (item: T) => R | null): R | null {
  for (const item of items) {
    const out = read(item);
    if (out) return out;
  }
  return null;
}

/** The grade a cell states after its own label: "等级：良", "自评等级 优". */
function labelledGrade(cell: GridCell): TextValue | null {
  const m = /^(自评等级|评价等级|等级|自评等次|评价等次|等次)\s*[:：]?\s*(\S.*)$/su.exec(cell.text.trim());
  return m && GRADE(m[1]!) ? gradeValue(cell, m[2]!) : null;
}

/** The grade printed after the score in the score cell: "99.5（良）" (the score itself is read as 99.5). */
function gradeAfterScore(cell: GridCell): TextValue | null {
  const m = /^[\d.,\s]+分?\s*[(（]\s*([^()（）]+?)\s*[)）]$/u.exec(cell.text.trim());
  return m && GRADE_WORD.test(m[1]!.replace(/\s+/gu, '')) ? gradeValue(cell, m[1]!) : null;
}

/** A grade read from part of a cell: the grade as its value, the whole cell as printed. */
function gradeValue(cell: GridCell, grade: string): TextValue | null {
  const value = text({ ...cell, text: grade });
  return value?.value ? { ...value, raw: cell.text } : null;
}

export function readIndicators(tables: GridTable[], firstTable: GridTable): IndicatorBlock {
  const out: IndicatorBlock = { indicators: [], totals: { weight: null, indicatorsWeight: null, score: null, grade: null }, closed: false };
  let leaves: LeafColumn[] | null = null;
  let cols: Columns | null = null;
  let level1: IndicatorLevel | null = null;
  let level2: IndicatorLevel | null = null;
  for (const table of tables) {
    const header = indicatorHeaderRow(table);
    let start = 0;
    if (header >= 0) {
      const layout = blockLayout(table, header);
      ({ leaves, cols, start } = layout);
      // 绩效指标(90分) / 年度绩效目标(80分): the block's own weight, on its label cell beside or above the header.
      const block = [...rowAnchors(table, header), ...(header > 0 ? rowAnchors(table, header - 1) : [])].find((c) => INDICATORS.block(cellKey(c)) && labelWeight(c));
      if (block && !out.totals.indicatorsWeight) out.totals.indicatorsWeight = labelWeight(block);
    } else if (table === firstTable || !leaves || !cols) {
      continue;
    }
    for (let r = start; r < table.rowCount; r++) {
      const own = rowAnchors(table, r).filter((c) => c.row === r);
      const firstKey = cellKey(own.find((c) => c.text.trim() !== ''));
      if (TOTAL(firstKey) || own.some((c) => TOTAL(cellKey(c)) && c.col <= (leaves![cols!.level3]?.col ?? 0))) {
        out.totals = { ...out.totals, ...totalRow(table, r, alignRow(table, r, leaves!), cols!) };
        out.closed = true;
        continue;
      }
      if (GRADE(firstKey)) {
        const value = own.find((c) => !GRADE(cellKey(c)) && c.text.trim() !== '');
        if (value) out.totals.grade = text(value);
        continue;
      }
      // 绩效等级 | 优, 自评结果 | 良: a grade when the row prints a grade word, not a sentence of conclusions.
      if (out.closed && !out.totals.grade && GRADE_RESULT(firstKey)) {
        const value = own.find((c) => !GRADE_RESULT(cellKey(c)) && c.text.trim() !== '');
        if (value && BAND_WORD.test(cellKey(value))) out.totals.grade = text(value);
        continue;
      }
      if (out.closed) break;
      // A header repeated after a page break.
      if (own.some((c) => INDICATORS.level3(cellKey(c)))) continue;
      const cells = alignRow(table, r, leaves!);
      const at = (i: number) => (i >= 0 ? (cells[i] ?? null) : null);
      const ownAt = (i: number) => {
        const cell = at(i);
        return cell && cell.row === r ? cell : null;
      };
      const before = level1;
      level1 = level(at(cols!.level1), level1);
      // A new first-level group starts its second level afresh.
      level2 = level(at(cols!.level2), level1 === before ? level2 : null);
      const l3 = levelName(ownAt(cols!.level3));
      const split = cols!.nature >= 0 || cols!.unit >= 0;
      const { target, parts } = split
        ? splitTarget(ownAt(cols!.nature), ownAt(cols!.target), ownAt(cols!.unit))
        : { target: ownAt(cols!.target) ? measureValue(ownAt(cols!.target)!.text, cellSrc(ownAt(cols!.target)!)) : null, parts: null };
      const actualCell = ownAt(cols!.actual);
      const actual = actualCell ? measureValue(actualCell.text, cellSrc(actualCell)) : null;
      const weight = num(ownAt(cols!.weight));
      const score = num(ownAt(cols!.score));
      const name = l3?.value?.replace(/^指标\d+[:：]\s*/u, '') ?? null;
      const hasData = [target?.value, actual?.value, weight?.value, score?.value].some((v) => v != null);
      // A "其中…" sub-row breaks down its parent's target or actual: no weight, no score, no indicator.
      if (/^其中/u.test(l3?.value ?? '') && weight?.value == null && score?.value == null) continue;
      // Empty slots ("指标2:", "……", a 二级 label with nothing under it) are no indicators.
      if (!hasData && (!name || UNUSED_SLOT.test(l3?.value ?? ''))) continue;
      if (!name && !hasData) continue;
      out.indicators.push({
        level1,
        level2,
        level3: l3 ? { name: l3, weight: null } : null,
        weight,
        score,
        target,
        targetParts: parts,
        actual,
        deviationReason: cols!.reason >= 0 ? (text(ownAt(cols!.reason)) ?? { value: null, raw: '', src: cellSrc(cells[cols!.level3] ?? own[0]!) }) : null,
        indicator: null,
        criteria: null,
        verdict: verdictOf(target, actual),
      });
    }
  }
  for (const ind of out.indicators) ind.weight = plausibleWeight(ind.weight, out.totals.weight);
  return out;
}

/**
 * A leaf's weight above the form's whole (the 总分 weight, else 100) is no weight: a text copy that
 * fused the 分值 and 得分 cells prints "2020" for 20 and 20. It is kept as printed but unread — an
 * extract-unreadable finding names it — so that no sum is made with it.
 */
function plausibleWeight(weight: Indicator['weight'], total: Totals['weight']): Indicator['weight'] {
  if (weight?.value == null) return weight;
  const whole = total?.value != null ? new Dec(total.value) : new Dec(100);
  return new Dec(weight.value).gt(whole) ? { ...weight, value: null } : weight;
}
