import type { DocumentGrid, GridCell, GridTable } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import type { Funds, FundsLine, FundsSourceKey, MoneyColumn } from '../../model/evaluation.js';
import type { HunanPart } from '../../model/hunan.js';
import type { MoneyUnit, MoneyValue } from '../../model/values.js';
import { cellKey, cellSrc, findCell, findCells, ownCells, rightOf, rowAnchors, type CellHit, type LabelMatch } from '../../parse/locate.js';
import { statedUnit, unitInForce } from '../../parse/units.js';
import { moneyValue, textValue, unitInHeader } from '../../parse/values.js';
import { emptyFundsLine } from '../funds-line.js';
import type { ExtractNote } from '../types.js';
import { tableContinuedBelow } from './continued-table.js';
import { EXPENDITURE, FUNDS_COLUMNS, PART_HEADING, PLANNED_BESIDE_OTHERS, isOtherPartLabel } from './labels.js';

type FundsColumn = keyof typeof FUNDS_COLUMNS;
const COLUMNS = Object.keys(FUNDS_COLUMNS) as FundsColumn[];

/** What each of this form's columns means in the neutral model, and what the form calls it. */
const MEANING: Record<FundsColumn, { column: MoneyColumn; name: string }> = {
  planned: { column: 'budget', name: '计划安排资金' },
  arrived: { column: 'arrived', name: '实际到位资金' },
  spent: { column: 'executed', name: '实际支出' },
  balance: { column: 'balance', name: '结余' },
};

/**
 * Funds source from a row label: 其中：中央财政 → central, 湖南省财政 → provincial, 岳阳市财政 → municipal,
 * 县市区财政 → county, 合计 → total. A label that names none of them (上级专项补助, 本级财政 …) is an
 * `other` source, kept with its printed label; null only for what is no funds row at all.
 */
export function fundsSourceKey(text: string): FundsSourceKey | null {
  const key = labelKey(text).replace(/^其中/u, '');
  if (key === '' || PART_HEADING.test(key) || /^\d/u.test(key)) return null;
  if (/^(合计|总计|小计|资金总额|总额)/u.test(key) || isSubtotal(key)) return 'total';
  if (/中央/u.test(key)) return 'central';
  if (/县|区/u.test(key)) return 'county';
  if (/市/u.test(key)) return 'municipal';
  if (/省/u.test(key)) return 'provincial';
  return 'other';
}

/** 小计, 财政资金小计: the sum of some sources, a total only where the grid prints no 合计 of its own. */
function isSubtotal(text: string): boolean {
  return labelKey(text).includes('小计');
}

/**
 * The grid's total among the rows (or columns) read as totals: its 合计 (the last when printed twice), else
 * its one 小计; several 小计 without a 合计 leave the total unknown. A 小计 is no source either: it is dropped.
 */
function pickTotal(totals: FundsLine[]): FundsLine | null {
  const own = totals.filter((l) => !isSubtotal(l.label));
  if (own.length > 0) return own[own.length - 1]!;
  return totals.length === 1 ? totals[0]! : null;
}

interface HeaderCell {
  column: FundsColumn;
  cell: GridCell;
  unit: MoneyUnit | null;
}

function headerColumn(cell: GridCell): FundsColumn | null {
  const key = cellKey(cell);
  return COLUMNS.find((c) => FUNDS_COLUMNS[c](key)) ?? (PLANNED_BESIDE_OTHERS(key) ? 'planned' : null);
}

/**
 * The funds grids' budget column headers: 计划安排资金 and its like, else 预算数 in a row with two other
 * funds columns. A row headed 支出内容 is the expenditure table's, whose lines may print a budget, a
 * spending and a balance each: no funds grid.
 */
export function plannedHeaders(grid: DocumentGrid): CellHit[] {
  const hits = findCells(grid, FUNDS_COLUMNS.planned);
  if (hits.length > 0) return hits;
  return findCells(grid, PLANNED_BESIDE_OTHERS).filter((budget) => {
    const row = rowAnchors(budget.table, budget.cell.row);
    if (row.some((c) => EXPENDITURE.header(cellKey(c)))) return false;
    const others = new Set(row.map(headerColumn).filter((c) => c !== null && c !== 'planned'));
    return others.size >= 2;
  });
}

/** The funds column headers among row r's cells. */
function headerCells(table: GridTable, r: number, stated: MoneyUnit | null): HeaderCell[] {
  const headers = rowAnchors(table, r)
    .map((cell) => ({ cell, column: headerColumn(cell), unit: unitInHeader(cell.text) ?? stated }))
    .filter((h): h is HeaderCell => h.column !== null);
  // Beside a 计划安排资金 of its own, a 预算数 is some other column: left unknown (and reported), not read
  // over the budget.
  const ownBudget = headers.some((h) => FUNDS_COLUMNS.planned(cellKey(h.cell)));
  return ownBudget ? headers.filter((h) => h.column !== 'planned' || FUNDS_COLUMNS.planned(cellKey(h.cell))) : headers;
}

/**
 * A unit stated in the header row's corner, before the funds columns (单位：元 | 计划安排资金 | …): the unit of
 * every column whose header states none.
 */
function cornerUnit(table: GridTable, headerRow: number, firstCol: number): MoneyUnit | null {
  const corner = ownCells(table, headerRow).filter((c) => c.col < firstCol && headerColumn(c) === null);
  return corner.map((c) => statedUnit(c.text)).find((u) => u !== null) ?? null;
}

/** A header of the paired layout: the cell after it is its value, not another header. */
function followedByValue(table: GridTable, cell: GridCell): boolean {
  const next = rightOf(table, cell);
  return next !== null && headerColumn(next) === null;
}

/** An amount in the cell's own unit, else the column's or the table's (`unit`), else the form's 万元. */
function money(cell: GridCell | null, unit: MoneyUnit | null): MoneyValue | null {
  return cell ? moneyValue(cell.text, cellSrc(cell), unit ?? '万元') : null;
}

/**
 * The funds-by-source grid. Two layouts are read: the seed's paired one (each column header is followed
 * by its value; source rows repeat their label before each value) and a plain matrix (headers across,
 * a source label in the first column). Columns are located by their headers, rows by their labels.
 * A column's unit is its header's (计划安排资金（万元）), else the one stated for the table (金额单位：元
 * above it, 一、项目基本概况（单位：元）, a 单位：元 row).
 */
export function extractFunds(grid: DocumentGrid, notes: ExtractNote[] = []): Funds | null {
  const planned = plannedHeaders(grid)[0];
  if (!planned) return null;
  const { table } = planned;
  const headerRow = planned.cell.row;
  const across = sourcesAcross(grid, table, planned.cell);
  if (across) return across;
  const stated = cornerUnit(table, headerRow, planned.cell.col) ?? unitInForce(grid, table, headerRow)?.unit ?? null;
  const headers = headerCells(table, headerRow, stated);
  const paired = headers.every((h) => followedByValue(table, h.cell));
  // Pairs over several rows (计划安排资金 | 868 above 实际支出 | 173.6, or one pair a row) are one total.
  let lastHeaderRow = headerRow;
  for (let r = headerRow + 1; paired && r < table.rowCount; r++) {
    const more = headerCells(table, r, stated);
    if (more.length === 0 || !more.every((h) => followedByValue(table, h.cell)) || more.some((m) => headers.some((h) => h.column === m.column))) break;
    headers.push(...more);
    lastHeaderRow = r;
  }

  const unknown = unknownColumns(table, headerRow, headers, paired);

  const sources: FundsLine[] = [];
  const totals: FundsLine[] = [];
  if (paired) {
    const header = emptyFundsLine('total', '合计');
    for (const h of headers) header[MEANING[h.column].column] = money(rightOf(table, h.cell), h.unit);
    totals.push(header);
  }
  const firstValueCol = Math.min(...headers.map((h) => h.cell.col));
  // Source rows repeat each header's label in its column: with headers over several rows they could not
  // say which one they restate, so only the single-row layout has them.
  for (let r = lastHeaderRow + 1; lastHeaderRow === headerRow && r < table.rowCount; r++) {
    const cells = ownCells(table, r);
    if (!paired && cells.every((c) => c.text.trim() === '')) continue;
    if (!paired && r === headerRow + 1 && isUnitRow(cells)) {
      // （万元） | （万元） … under the headers: each column's unit.
      for (const h of headers) {
        const unit = /亿元|万元|元/u.exec(table.slots[r]?.[h.cell.col]?.text ?? '')?.[0] as MoneyUnit | undefined;
        if (unit) h.unit = unit;
      }
      continue;
    }
    const first = paired ? cells[0] : matrixLabel(cells, firstValueCol);
    // "其中：" on a row of its own, no amounts beside it, introduces the source rows below it.
    if (first && isQizhongHeading(first) && cells.every((c) => c === first || c.text.trim() === '')) continue;
    const source = first ? fundsSourceKey(first.text) : null;
    if (!first || !source || isOtherPartLabel(cellKey(first)) || headerColumn(first) !== null) break;
    // A note (资金使用说明, 备注, text merged over the amount columns) or a rate (资金执行率 | 20%) below the
    // sources is no source: its numbers are no amounts to add up.
    if (NOT_AMOUNTS.test(cellKey(first)) || (!paired && spansAmountColumns(table, r, first, headers))) break;
    const row = emptyFundsLine(source, first.text.replace(/\s+/gu, ''));
    for (const h of headers) {
      const column = MEANING[h.column].column;
      if (paired) {
        const labelCell = table.slots[r]?.[h.cell.col] ?? null;
        row[column] = labelCell && fundsSourceKey(labelCell.text) ? money(rightOf(table, labelCell, r), h.unit) : null;
      } else {
        row[column] = money(table.slots[r]?.[h.cell.col] ?? null, h.unit);
      }
    }
    if (!paired) for (const u of unknown) if (money(table.slots[r]?.[u.header.col] ?? null, null)?.value != null) u.amounts = true;
    if (source === 'total') totals.push(row);
    else sources.push(row);
  }
  const total = pickTotal(totals);
  for (const u of unknown) if (u.amounts) notes.push(unknownColumnNote(u.header));
  return { unit: headers[0]?.unit ?? null, columns: columnNames(), lines: total ? [total, ...sources] : sources };
}

/** A label that is 其中 alone (其中：, 其 中): no source of its own. */
function isQizhongHeading(cell: GridCell): boolean {
  return /^其中[:：]?$/u.test(cellKey(cell));
}

/** Whether row r has one cell over several amount columns, or its label cell reaching into them. */
function spansAmountColumns(table: GridTable, r: number, label: GridCell, headers: HeaderCell[]): boolean {
  const cells = headers.map((h) => table.slots[r]?.[h.cell.col] ?? null);
  return cells.some((c, i) => c !== null && (c === label || cells.indexOf(c) !== i));
}

/** A row below the headers that holds nothing but units: （万元）, (元), 单位：万元. */
function isUnitRow(cells: GridCell[]): boolean {
  const filled = cells.filter((c) => c.text.trim() !== '');
  return filled.length > 0 && filled.every((c) => /^[（(]?\s*(?:单位[:：]\s*)?(?:亿元|万元|元)\s*[)）]?$/u.test(c.text.trim()));
}

/**
 * A matrix row's label: the last cell before the amounts that names a source. A 其中 printed in a column of
 * its own (merged down the source rows, or "其中：" before 中央财政) is no label; without any, the first cell.
 */
function matrixLabel(cells: GridCell[], firstValueCol: number): GridCell | undefined {
  const before = cells.filter((c) => c.col < firstValueCol);
  return before.findLast((c) => fundsSourceKey(c.text) !== null) ?? cells[0];
}

const NAMED_SOURCES = new Set<FundsSourceKey | null>(['total', 'central', 'provincial', 'municipal', 'county']);

/** What the form calls each column, for messages. */
function columnNames(): Funds['columns'] {
  const columns: Funds['columns'] = {};
  for (const c of COLUMNS) columns[MEANING[c].column] = MEANING[c].name;
  return columns;
}

/**
 * The grid turned the other way: the sources across (中央财政 | 市财政 | 合计 in the row above), one row per
 * column of the model (计划安排资金, 实际到位资金 … down the first column). Recognised when the cell below
 * 计划安排资金 names another funds column; each amount is read under its source's header, so the order of
 * the sources (合计 first or last) does not matter, and a header that names no source is not read.
 */
function sourcesAcross(grid: DocumentGrid, table: GridTable, planned: GridCell): Funds | null {
  const below = table.slots[planned.row + planned.rowspan]?.[planned.col] ?? null;
  if (!below || below.col !== planned.col || headerColumn(below) === null) return null;
  const rows: { column: FundsColumn; cell: GridCell }[] = [];
  for (let r = planned.row; r < table.rowCount; r++) {
    const cell = table.slots[r]?.[planned.col] ?? null;
    const column = cell && cell.row === r ? headerColumn(cell) : null;
    if (!cell || cell.row !== r) continue;
    if (!column) break;
    rows.push({ column, cell });
  }
  const headRow = planned.row - 1;
  const corner = headRow >= 0 ? (table.slots[headRow]?.[planned.col] ?? null) : null;
  const stated = (corner ? (unitInHeader(corner.text) ?? statedUnit(corner.text)) : null) ?? unitInForce(grid, table, Math.max(headRow, 0))?.unit ?? null;
  const heads = headRow >= 0 ? ownCells(table, headRow).filter((c) => c.col > planned.col) : [];
  // Without one header that names a source (合计, 中央财政 …) the row above is something else (项目起止时间 …)
  // and the funds labels down the side are pairs of label and value.
  if (!heads.some((h) => NAMED_SOURCES.has(fundsSourceKey(h.text)))) return null;
  const lines: FundsLine[] = [];
  for (const head of heads) {
    const source = fundsSourceKey(head.text);
    if (!source) continue;
    const line = emptyFundsLine(source, head.text.replace(/\s+/gu, ''));
    for (const { column, cell } of rows) {
      line[MEANING[column].column] = money(table.slots[cell.row]?.[head.col] ?? null, unitInHeader(cell.text) ?? stated);
    }
    lines.push(line);
  }
  const total = pickTotal(lines.filter((l) => l.role === 'total'));
  return { unit: stated, columns: columnNames(), lines: [...(total ? [total] : []), ...lines.filter((l) => l.role !== 'total')] };
}

/**
 * Header cells of the funds grid that name no column this form knows (已用资金, 拨付数 …). Their amounts
 * are not read, and a column left unread leaves the balance unchecked: one that holds amounts is reported.
 * In the paired layout a header holds amounts when the cell after it does; in the matrix, when a source
 * row has one in its column (`amounts` is set while the rows are read).
 */
/** Columns beside the amounts that hold no amount of their own: notes, rates, shares. */
const NOT_AMOUNTS = /备注|说明|率|比例|比重|序号|占比/u;

function unknownColumns(table: GridTable, headerRow: number, headers: HeaderCell[], paired: boolean): { header: GridCell; amounts: boolean }[] {
  const known = new Set<GridCell>(headers.map((h) => h.cell));
  const anchors = rowAnchors(table, headerRow).filter((c) => c.row === headerRow);
  const out: { header: GridCell; amounts: boolean }[] = [];
  anchors.forEach((cell, i) => {
    if (known.has(cell) || cellKey(cell) === '' || /\d/u.test(cellKey(cell)) || NOT_AMOUNTS.test(cellKey(cell))) return;
    if (paired) {
      const before = anchors[i - 1];
      const next = rightOf(table, cell);
      if (before && known.has(before)) return;
      if (next && !known.has(next) && money(next, null)?.value != null) out.push({ header: cell, amounts: true });
    } else if (i > 0) out.push({ header: cell, amounts: false });
  });
  return out;
}

function unknownColumnNote(header: GridCell): ExtractNote {
  const name = header.text.replace(/\s+/gu, '');
  return {
    rule: 'extract-funds-columns',
    path: '/funds',
    src: cellSrc(header),
    text: header.text,
    message: {
      zh: `资金表的列“${name}”无法确定是计划安排、实际到位、实际支出还是结余，该列金额未读取，相关核对未做`,
      en: `the funds column "${name}" is none of planned, arrived, spent or balance as far as can be told: its amounts were not read and the checks that need them were not made`,
    },
  };
}

function columnOf(table: GridTable, headerRow: number, match: LabelMatch): GridCell | null {
  return rowAnchors(table, headerRow).find((c) => match(cellKey(c))) ?? null;
}

/**
 * 二、项目支出明细情况: detail lines and the 支出合计 row, by their column headers. A 其中 row itemises the
 * line above it and a 小计 row sums the lines before it: both are kept, marked, and are no lines of their own.
 * A table that ends before its 支出合计 goes on in the next table when that one opens with the same
 * header (the table broken at a page, its header printed again).
 */
export function extractExpenditures(grid: DocumentGrid): HunanPart['expenditures'] {
  const header = findCell(grid, EXPENDITURE.header);
  if (!header) return null;
  const out: NonNullable<HunanPart['expenditures']> = { lines: [], total: null };
  let unit: MoneyUnit | null = null;
  for (let part: CellHit | null = header; part; part = tableContinuedBelow(grid, part.table, EXPENDITURE.header, EXPENDITURE.amount)) {
    const amountHead = columnOf(part.table, part.cell.row, EXPENDITURE.amount);
    unit = (amountHead ? unitInHeader(amountHead.text) : null) ?? (part === header ? (unitInForce(grid, part.table, part.cell.row)?.unit ?? null) : unit);
    if (readExpenditureRows(part, amountHead, unit, out)) break;
  }
  return out;
}

/**
 * The rows under one expenditure header into `out`, amounts from the column under `amountHead`; true when
 * the table ended (a 支出合计, another part).
 */
function readExpenditureRows(header: CellHit, amountHead: GridCell | null, unit: MoneyUnit | null, out: NonNullable<HunanPart['expenditures']>): boolean {
  const { table } = header;
  const r0 = header.cell.row;
  const voucherHead = columnOf(table, r0, EXPENDITURE.voucher);
  const noteHead = columnOf(table, r0, EXPENDITURE.note);
  const at = (r: number, head: GridCell | null) => (head ? (table.slots[r]?.[head.col] ?? null) : null);
  const { lines } = out;
  for (let r = r0 + 1; r < table.rowCount; r++) {
    const slot = table.slots[r]?.[header.cell.col] ?? null;
    // 合计 or 小计 may stand in a column before 支出内容 (the 序号 column), that one left empty.
    const sums = (c: GridCell) => EXPENDITURE.total(cellKey(c)) || EXPENDITURE.subtotal(cellKey(c));
    const first = slot && cellKey(slot) === '' ? (ownCells(table, r).findLast((c) => c.col < header.cell.col && sums(c)) ?? slot) : slot;
    if (!first || first.colspan >= table.colCount - 1 || PART_HEADING.test(first.text) || isOtherPartLabel(cellKey(first))) return true;
    // The header repeated where the table crosses a page is no line.
    if (EXPENDITURE.header(cellKey(first))) continue;
    if (EXPENDITURE.total(cellKey(first))) {
      // A 支出合计 printed above its lines (the first row) is followed by them; after lines it ends the table.
      const printedFirst = lines.length === 0 && out.total === null;
      out.total = money(at(r, amountHead), unit);
      if (printedFirst) continue;
      return true;
    }
    const amountCell = at(r, amountHead);
    const content = textValue(first.text, cellSrc(first));
    const amount = money(amountCell, unit);
    if (content.value === null && amount?.value == null) continue;
    const voucher = at(r, voucherHead);
    const note = at(r, noteHead);
    // A 其中 row with no line above it to itemise (the first row, after a 小计, or after 其中 rows that
    // were read as lines for that reason) is a line itself.
    const parent = lines.findLast((l) => l.kind !== 'breakdown');
    const itemises = parent !== undefined && parent.kind === undefined && !EXPENDITURE.breakdown(labelKey(parent.content.raw));
    const breakdown = EXPENDITURE.breakdown(cellKey(first)) && itemises;
    const kind = breakdown ? 'breakdown' : EXPENDITURE.subtotal(cellKey(first)) ? 'subtotal' : null;
    lines.push({
      content,
      amount,
      voucher: voucher ? textValue(voucher.text, cellSrc(voucher)) : null,
      note: note ? textValue(note.text, cellSrc(note)) : null,
      ...(kind ? { kind } : {}),
    });
  }
  return false;
}
