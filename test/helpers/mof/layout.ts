/**
 * The printed table of a MofForm (mof-family.md §2) as an abstract grid of anchor cells with spans, the
 * HTML table model. Every renderer starts from this one grid: docx turns rowspans into vMerge runs,
 * Tika text prints a vMerge continuation as an empty cell, HTML keeps rowspan/colspan.
 */
import { fundsLabel, type IndicatorRow, type MofForm } from './form.js';

export interface SpecCell {
  /** Paragraphs separated by '\n'. */
  text: string;
  colspan?: number;
  rowspan?: number;
}

export interface TableSpec {
  cols: number;
  rows: SpecCell[][];
}

const c = (text: string, colspan = 1, rowspan = 1): SpecCell => ({ text, ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}) });

/** Column spans of each layout, so that both layouts fill their grid exactly. */
interface Spans {
  cols: number;
  header: [number, number, number, number]; // 项目名称 label/value; 主管部门 label, value, 实施单位 label, value
  rowLabel: number;
  amounts: [number, number, number, number, number, number]; // 年初 全年预算 全年执行 分值 执行率 得分
  goals: [number, number];
  reason: number;
  totalLabel: number;
  gradeValue: number;
}

const SINGLE: Spans = {
  cols: 10,
  header: [2, 3, 2, 3],
  rowLabel: 3,
  amounts: [1, 1, 1, 1, 1, 1],
  goals: [5, 4],
  reason: 2,
  totalLabel: 6,
  gradeValue: 4,
};

const SPLIT: Spans = {
  cols: 12,
  header: [2, 4, 2, 4],
  rowLabel: 3,
  amounts: [2, 2, 1, 1, 1, 1],
  goals: [6, 5],
  reason: 2,
  totalLabel: 8,
  gradeValue: 4,
};

/** Lengths of the runs of equal keys starting at each index (0 inside a run): the vertical merges. */
function runs(keys: string[]): number[] {
  const out = keys.map(() => 0);
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    out[i] = j - i;
    i = j;
  }
  return out;
}

function headerRows(form: MofForm, s: Spans): SpecCell[][] {
  const valueSpan = s.cols - s.header[0];
  if (form.kind === 'department') {
    return [[c(form.departmentLabel ?? '部门（单位）名称', s.header[0]), c(form.department ?? '', valueSpan)]];
  }
  return [
    [c('项目名称', s.header[0]), c(form.projectName ?? '', valueSpan)],
    [c('主管部门', s.header[0]), c(form.authority ?? '', s.header[1]), c('实施单位', s.header[2]), c(form.unit ?? '', s.header[3])],
  ];
}

function fundsRows(form: MofForm, s: Spans): SpecCell[][] {
  const label = form.brokenLabels ? fundsLabel(form).replace('（', '\n（') : fundsLabel(form);
  const heads = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
  const rows: SpecCell[][] = [[c(label, 1, form.funds.length + 1), c('', s.rowLabel), ...heads.map((h, i) => c(h, s.amounts[i]))]];
  form.funds.forEach((line, i) => {
    const values = [line.initial, line.budget, line.executed, line.weight, line.rate, line.score];
    // A 其中 cell of its own, merged down beside the component rows, takes one of the label's columns.
    const qizhong = form.qizhongCell && i > 0;
    const labelCells = qizhong ? [...(i === 1 ? [c('其中', 1, form.funds.length - 1)] : []), c(line.label, s.rowLabel - 1)] : [c(line.label, s.rowLabel)];
    rows.push([...labelCells, ...values.map((v, j) => c(v, s.amounts[j]))]);
  });
  return rows;
}

function goalRows(form: MofForm, s: Spans): SpecCell[][] {
  const label = form.brokenLabels ? '年度\n总体\n目标' : '年度总体目标';
  return [
    [c(label, 1, 2), c('预期目标', s.goals[0]), c('实际完成情况', s.goals[1])],
    [c(form.goals.expected, s.goals[0]), c(form.goals.actual, s.goals[1])],
  ];
}

function targetCells(row: IndicatorRow, split: boolean): SpecCell[] {
  if (!split) return [c(row.target)];
  const parts = row.targetParts ?? { nature: '', value: row.target, unit: '' };
  return [c(parts.nature), c(parts.value), c(parts.unit)];
}

function indicatorRows(form: MofForm, s: Spans): SpecCell[][] {
  const split = form.targetLayout === 'split';
  const rows: SpecCell[][] = [];
  const inds = form.indicators;
  const headerHeight = split ? 2 : 1;
  const label = c('绩效指标', 1, inds.length + headerHeight);
  const rs = headerHeight;
  rows.push([
    label,
    c('一级指标', 1, rs),
    c('二级指标', 1, rs),
    c('三级指标', 1, rs),
    split ? c('年度指标值', 3) : c('年度指标值'),
    c('实际完成值', 1, rs),
    c('分值', 1, rs),
    c('得分', 1, rs),
    c('偏差原因分析及改进措施', s.reason, rs),
  ]);
  if (split) rows.push([c('指标性质'), c('指标值'), c('度量单位')]);
  const l1Runs = runs(inds.map((r) => r.level1));
  const l2Runs = runs(inds.map((r, i) => `${l1Runs.slice(0, i + 1).filter((n) => n > 0).length}|${r.level2}`));
  inds.forEach((row, i) => {
    const cells: SpecCell[] = [];
    if (l1Runs[i]) cells.push(c(row.level1, 1, l1Runs[i]));
    if (l2Runs[i]) cells.push(c(row.level2, 1, l2Runs[i]));
    cells.push(c(row.level3), ...targetCells(row, split), c(row.actual), c(row.weight), c(row.score), c(row.reason, s.reason));
    rows.push(cells);
  });
  return rows;
}

function totalRows(form: MofForm, s: Spans): SpecCell[][] {
  const inTotal = form.grade && form.gradePlacement === 'total' ? form.grade.value : '';
  const rows = [[c('总分', s.totalLabel), c(form.total.weight), c(form.total.score), c(inTotal, s.cols - s.totalLabel - 2)]];
  if (form.grade && form.gradePlacement !== 'total') rows.push([c(form.grade.label, s.totalLabel), c(form.grade.value, s.gradeValue)]);
  return rows;
}

/** The form's table, rows top to bottom, each row listing only the cells anchored in it. */
export function formTable(form: MofForm): TableSpec {
  const s = form.targetLayout === 'split' ? SPLIT : SINGLE;
  const rows = [...headerRows(form, s), ...fundsRows(form, s), ...goalRows(form, s), ...indicatorRows(form, s), ...totalRows(form, s)];
  const table = { cols: s.cols, rows };
  placeCells(table); // throws when a row does not fill the grid exactly
  return table;
}

export interface PlacedCell {
  cell: SpecCell;
  row: number;
  col: number;
  /** The row where the cell is anchored (differs from `row` on a vertical continuation). */
  anchorRow: number;
}

/**
 * Each row of the grid as Word stores it: left to right, the cells anchored in the row and, where a
 * cell from a row above reaches down, its continuation (vMerge) — Word writes one w:tc for each.
 */
export function placeCells(table: TableSpec): PlacedCell[][] {
  const covering: (PlacedCell | undefined)[][] = table.rows.map(() => []);
  return table.rows.map((cells, r) => {
    const out: PlacedCell[] = [];
    let next = 0;
    for (let col = 0; col < table.cols; ) {
      const above = covering[r]![col];
      if (above) {
        out.push({ ...above, row: r, col });
        col += above.cell.colspan ?? 1;
        continue;
      }
      const cell = cells[next++];
      if (!cell) throw new Error(`row ${r} of the table ends at column ${col} of ${table.cols}`);
      const placed: PlacedCell = { cell, row: r, col, anchorRow: r };
      out.push(placed);
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        if (!covering[r + dr]) throw new Error(`a cell of row ${r} reaches below the table`);
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) {
          if (dr > 0) covering[r + dr]![col + dc] = placed;
        }
      }
      col += cell.colspan ?? 1;
      if (col > table.cols) throw new Error(`row ${r} overflows the grid`);
    }
    if (next !== cells.length) throw new Error(`row ${r} has ${cells.length - next} cells beyond the grid`);
    return out;
  });
}
