/** The funds block of an MoF-style form: 年度资金总额 and its 其中 rows under 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分. */
import type { Funds, FundsLine, FundsSourceKey, MoneyColumn } from '../../model/evaluation.js';
import type { DocumentGrid, GridCell, GridTable } from '../../model/grid.js';
import type { MoneyUnit } from '../../model/values.js';
import { cellKey, cellSrc, ownCells, rowAnchors, type LabelMatch } from '../../parse/locate.js';
import { statedUnit, unitAboveTable } from '../../parse/units.js';
import { unitInHeader } from '../../parse/values.js';
import { emptyFundsLine } from '../funds-line.js';
import type { ExtractNote } from '../types.js';
import { labelWeight, money, num, rateValue } from './cells.js';
import { leafColumns, leafIndex, type LeafColumn } from './columns.js';
import { cellKind, placeFundsRows, type FundsMeaning } from './funds-align.js';
import { FUNDS, FUNDS_ROWS, GOALS, INDICATORS, TOTAL } from './labels.js';
import { unitRowAbove } from './unit-row.js';

const MONEY: [MoneyColumn, LabelMatch][] = [
  ['initialBudget', FUNDS.initialBudget],
  ['budget', FUNDS.budget],
  ['executed', FUNDS.executed],
];

/** The row holding the funds column headers: a budget or executed header with at least one more. */
export function fundsHeaderRow(table: GridTable): number {
  for (let r = 0; r < table.rowCount; r++) {
    const keys = rowAnchors(table, r).filter((c) => c.row === r).map(cellKey);
    const money = keys.filter((k) => FUNDS.budget(k) || FUNDS.executed(k) || FUNDS.initialBudget(k)).length;
    const scored = keys.some((k) => FUNDS.rate(k) || FUNDS.score(k) || FUNDS.weight(k));
    if (money >= 2 || (money >= 1 && scored)) return r;
  }
  return -1;
}

function sourceOf(printed: string): { role: FundsLine['role']; source: FundsSourceKey | null } | null {
  // 按收入性质分：当年财政拨款 — the breakdown's heading printed before the first source's own label.
  const key = printed.replace(BREAKDOWN_HEADING, '');
  if (FUNDS_ROWS.total(key)) return { role: 'total', source: 'total' };
  if (FUNDS_ROWS.current(key)) return { role: 'component', source: 'current' };
  if (FUNDS_ROWS.carryover(key)) return { role: 'component', source: 'carryover' };
  if (FUNDS_ROWS.other(key)) return { role: 'component', source: 'other' };
  // Sources by level of government (中央财政资金, 省级财政资金, 市级…, 县级…), as other forms print them.
  if (/(资金|拨款)$/u.test(key)) {
    const level = /^(?:其中)?中央/u.test(key) ? 'central' : /^(?:其中)?省/u.test(key) ? 'provincial' : /^(?:其中)?市/u.test(key) ? 'municipal' : /^(?:其中)?(?:县|区)/u.test(key) ? 'county' : null;
    if (level) return { role: 'component', source: level };
  }
  // Other sources a variant prints (财政专户管理资金, 单位资金): a row named as funds is one more component.
  if (key.startsWith('其中') || /(资金|拨款)$/u.test(key)) return { role: 'component', source: null };
  return null;
}

/** The funds block's label cell (项目资金（万元）, 预算执行情况(10分)) on or above the header row. */
function blockLabel(table: GridTable, headerRow: number): GridCell | null {
  for (let r = headerRow; r >= Math.max(0, headerRow - 1); r--) {
    const cell = rowAnchors(table, r).find((c) => FUNDS.block(cellKey(c)));
    if (cell) return cell;
  }
  return null;
}

/**
 * The unit the block prints amounts in: from its label cell (项目资金（元）) or a column header, else from a
 * row of the table above the block that states it (填报单位：… | 金额单位：元), else from a line above the
 * table, else 万元.
 */
function blockUnit(table: GridTable, headerRow: number, heads: (GridCell | null)[], grid: DocumentGrid | undefined): MoneyUnit {
  // "项目资金（元）", or with the word 单位 in the brackets: "资金情况（单位：元）".
  const unitOf = (cell: GridCell | null) => (cell ? (unitInHeader(cell.text) ?? statedUnit(cell.text)) : null);
  const labelCell = blockLabel(table, headerRow);
  const label = unitOf(labelCell);
  if (label) return label;
  for (const head of heads) if (unitOf(head)) return unitOf(head)!;
  return unitRowAbove(table, Math.min(headerRow, labelCell?.row ?? headerRow)) ?? (grid && unitAboveTable(grid, table)?.unit) ?? '万元';
}

const filled = (cell: GridCell | null | undefined): cell is GridCell => !!cell && cell.text.trim() !== '';

/** A row none of whose own cells prints anything (cells reaching down from above, such as the block's label, are not its own). */
const emptyRow = (table: GridTable, r: number): boolean => !ownCells(table, r).some(filled);

/** The row label: the last filled cell before the amounts that is not the block's own label (which spans it). */
function lastLabel(cells: (GridCell | null | undefined)[]): GridCell | null {
  return cells.filter((c): c is GridCell => filled(c) && !FUNDS.block(cellKey(c))).at(-1) ?? null;
}

/** One funds row split into its label and the cells under the value columns (all of them, or only those it has). */
interface RowSplit {
  label: GridCell | null;
  cells: (GridCell | null)[];
  /** A text dump's row with fewer value cells than the block has value columns: `cells` are those it has, in order. */
  short: boolean;
}

/**
 * Word, HTML and Excel grids carry real spans: the row's cells are taken by position when it has as many
 * as the header has leaves, else by slot column. The label is then the last filled cell left of the
 * first amount column, so that a merged 其中 cell beside the source rows is not taken for their label.
 */
function splitGridRow(table: GridTable, r: number, leaves: LeafColumn[], first: number): RowSplit {
  const anchors = rowAnchors(table, r);
  if (anchors.length === leaves.length) return { label: lastLabel(anchors.slice(0, first)), cells: anchors.slice(first), short: false };
  const slots = table.slots[r] ?? [];
  return { label: lastLabel(slots.slice(0, leaves[first]!.col)), cells: leaves.slice(first).map((leaf) => slots[leaf.col] ?? null), short: false };
}

/**
 * A text dump has no spans: a merged cell is printed once, a vertical continuation as an empty cell, and
 * an empty cell may vanish, so cells are not counted from the left. The label is the last funds-row
 * label among the text cells before the first value (a 其中 cell of its own comes before it, a text
 * value such as 未填 after it); the value cells follow it. Fewer of them than the block has value
 * columns make a short row, placed by funds-align.ts.
 */
function splitTextRow(table: GridTable, r: number, leaves: LeafColumn[], first: number): RowSplit {
  const anchors = rowAnchors(table, r);
  const n = leaves.length - first;
  let at = -1;
  let text = -1;
  for (let i = 0; i < anchors.length; i++) {
    const cell = anchors[i]!;
    if (!filled(cell) || FUNDS.block(cellKey(cell))) continue;
    if (cellKind(cell) !== 'text') break;
    text = i;
    if (sourceOf(cellKey(cell))) at = i;
  }
  if (at < 0 && text < 0) return splitGridRow(table, r, leaves, first);
  // No funds-row label: the last text cell says what the row is; the caller decides by its values whether
  // it is one more source (其中：基本支出 / 项目支出 …) or ends the block.
  if (at < 0) at = text;
  const values = anchors.slice(at + 1);
  while (values.length > n && !filled(values.at(-1))) values.pop();
  if (values.length > n) return splitGridRow(table, r, leaves, first);
  return { label: anchors[at]!, cells: values, short: values.length < n };
}

function meaningsOf(cols: Record<Exclude<FundsMeaning, 'other'>, number>, leaves: LeafColumn[], first: number): FundsMeaning[] {
  const out = leaves.slice(first).map((): FundsMeaning => 'other');
  for (const m of ['score', 'rate', 'weight', 'executed', 'budget', 'initialBudget'] as const) if (cols[m] >= first) out[cols[m] - first] = m;
  return out;
}

export interface FundsReading {
  funds: Funds | null;
  /** Rows whose cells could not be placed under the block's columns one way only. */
  notes: ExtractNote[];
}

/** The funds block of `table`; `grid` gives the lines above it (a unit stated there). */
export function readFunds(table: GridTable, grid?: DocumentGrid): FundsReading {
  const r0 = fundsHeaderRow(table);
  if (r0 < 0) return { funds: null, notes: [] };
  const leaves = leafColumns(table, [r0]);
  const cols = {
    initialBudget: leafIndex(leaves, FUNDS.initialBudget),
    budget: leafIndex(leaves, FUNDS.budget),
    executed: leafIndex(leaves, FUNDS.executed),
    weight: leafIndex(leaves, FUNDS.weight),
    rate: leafIndex(leaves, FUNDS.rate),
    score: leafIndex(leaves, FUNDS.score),
  };
  // The value columns start at the first of them by meaning, whatever it is: some forms print 分值 before
  // the amounts, and the row's label stands left of all of them.
  const firstValue = Math.min(...Object.values(cols).filter((i) => i >= 0));
  const unit = blockUnit(table, r0, leaves.map((l) => l.head), grid);
  const columns: Funds['columns'] = {};
  for (const [c] of MONEY) if (cols[c as keyof typeof cols] >= 0) columns[c] = leaves[cols[c as keyof typeof cols]]!.head!.text.replace(/\s+/gu, '').replace(/[(（].*$/u, '');
  // Without a 分值 column the block's label states the execution weight: 预算执行情况(万元)(20分).
  const blockWeight = cols.weight < 0 ? (blockLabel(table, r0) ?? null) : null;
  const textDump = table.cells.some((c) => c.line !== undefined);
  const meanings = meaningsOf(cols, leaves, firstValue);
  const rows: { r: number; label: GridCell; kind: NonNullable<ReturnType<typeof sourceOf>>; split: RowSplit }[] = [];
  /** A row inside the block that could not be read as a source of the total: the sources are then not added up. */
  let unclear: { label: GridCell; split: RowSplit; why: UnclearWhy } | null = null;
  let headings = 0;
  /** The first row under the header, when it belongs to the block (it is no 年度总体目标 or indicator row). */
  let firstRow: RowSplit | null = null;
  for (let r = r0 + 1; r < table.rowCount; r++) {
    // An empty spacer row (a sheet's blank row, a blank row left in a Word copy) says nothing: the block goes on below it.
    if (emptyRow(table, r)) continue;
    const split = (textDump ? splitTextRow : splitGridRow)(table, r, leaves, firstValue);
    const key = cellKey(split.label);
    if (!split.label || GOALS.block(key) || INDICATORS.block(key) || INDICATORS.level1(key)) break;
    firstRow ??= split;
    let kind = sourceOf(key);
    // Below the total, a row of amounts under another label (其中：基本支出, 项目支出, 政府性基金预算 …) is one
    // more part of the breakdown: left out, the parts it has would be added up as if they were all.
    if (!kind && !TOTAL(key) && rows.some((row) => row.kind.role === 'total')) {
      const verdict = otherRow(split.cells, meanings);
      if (verdict === 'end') break;
      if (verdict === 'unclear') {
        unclear = { label: split.label, split, why: 'values' };
        break;
      }
      kind = { role: 'component', source: null };
    }
    // The first row under the header is the total whatever its label (年度预算资金总额, 资金合计, 总计 …) when it
    // prints amounts and no text: the sources follow it and it carries the execution item. Left unread, the
    // whole block would be, and the totals compared without that item.
    if (!kind && rows.length === 0 && !COLUMN_NUMBERS.test(key) && otherRow(split.cells, meanings) === 'source' && printsAmount(split.cells, meanings)) {
      kind = { role: 'total', source: 'total' };
    }
    if (!kind) break;
    // A second heading (按收入性质分：… then 按支出性质分：…) breaks the total down once more: the rows are two
    // breakdowns, not one list of sources, and which row belongs to which is not read with confidence.
    if (BREAKDOWN_HEADING.test(key) && ++headings > 1) {
      unclear = { label: split.label, split, why: 'breakdowns' };
      break;
    }
    rows.push({ r, label: split.label, kind, split });
  }
  const placement = placeFundsRows(
    rows.map(({ kind, split }) => ({ role: kind.role, cells: split.cells, short: split.short })),
    meanings,
    unit,
  );
  const lines: FundsLine[] = rows.map(({ r, label, kind }, i) => {
    const cells = placement.rows[i]!.cells;
    const own = (leaf: number) => {
      const cell = leaf >= firstValue ? (cells[leaf - firstValue] ?? null) : null;
      // A cell merged down from the row above (Word, HTML) is that row's value, not this one's.
      return cell && cell.row === r ? cell : null;
    };
    return {
      role: kind.role,
      source: kind.source,
      label: rowName(label),
      initialBudget: money(own(cols.initialBudget), unit),
      budget: money(own(cols.budget), unit),
      arrived: null,
      executed: money(own(cols.executed), unit),
      balance: null,
      rate: rateValue(own(cols.rate)),
      weight: kind.role === 'total' && blockWeight ? labelWeight(blockWeight) : num(own(cols.weight)),
      score: num(own(cols.score)),
      ...unreadOf([...placement.rows[i]!.open, ...(kind.role === 'component' ? placement.withheld : [])], meanings),
    };
  });
  const head = (j: number) => (leaves[firstValue + j]!.head?.text ?? '').replace(/\s+/gu, '').replace(/[(（].*$/u, '');
  const notes = rows.flatMap(({ label, kind, split }, i) => {
    const open = placement.rows[i]!.open;
    if (!open.length) return [];
    const withheld = kind.role === 'component' ? placement.withheld.map(head) : [];
    return [ambiguityNote(label, split.cells, leaves.length - firstValue, open.map(head), withheld, i)];
  });
  if (unclear) {
    // The row is kept, its amounts unread, so that the sources are known to be incomplete.
    const amounts = MONEY.flatMap(([c]) => (cols[c as keyof typeof cols] >= 0 ? [c] : []));
    lines.push({ ...emptyFundsLine(null, rowName(unclear.label)), unread: amounts });
    notes.push(unclearNote(unclear.label, unclear.split.cells, unclear.why, lines.length - 1));
  }
  if (lines.length === 0 && firstRow?.label) {
    // A block whose rows could not be read at all: its total, and the execution item on it, are unknown —
    // not absent — so that no sum is made without them.
    const unread = LINE_COLUMNS.filter((c) => meanings.some((m) => m === c));
    lines.push({ ...emptyFundsLine('total', rowName(firstRow.label)), ...(unread.length ? { unread } : {}) });
    notes.push(unreadBlockNote(firstRow.label, firstRow.cells));
  }
  return { funds: lines.length ? { unit, columns, lines } : null, notes };
}

function unreadBlockNote(label: GridCell, cells: (GridCell | null)[]): ExtractNote {
  return fundsRowNote('extract-funds-rows', label, cells, 0, (name, printed) => ({
    zh: `资金情况表头下的“${name}”一行（${printed}）无法读取为年度资金总额：资金与预算执行的分值、得分均未读取，总分与分值合计不作核对`,
    en: `the funds row “${name}” (${printed}) under the header cannot be read as the total: the funds and the budget-execution weight and score are not read, and the total score and weights are not checked`,
  }));
}

const LINE_COLUMNS = ['initialBudget', 'budget', 'arrived', 'executed', 'balance', 'rate', 'weight', 'score'] as const;

/** The columns of a line left unread (cells that fit more than one way): unknown, where an absent value would be null. */
function unreadOf(columns: number[], meanings: FundsMeaning[]): Pick<FundsLine, 'unread'> {
  const unread = LINE_COLUMNS.filter((c) => columns.some((j) => meanings[j] === c));
  return unread.length ? { unread } : {};
}

/** 按收入性质分：一般公共预算 — the heading of one breakdown of the total. */
const BREAKDOWN_HEADING = /^按.{1,8}分/u;

type UnclearWhy = 'values' | 'breakdowns';

/**
 * A row below the total whose label names no known source: one more source when its values are amounts
 * or the markers of a blank source ("—" in each cell); the end of the block when it prints only text or
 * nothing at all; not read with confidence when it mixes text with amounts.
 */
function otherRow(cells: (GridCell | null)[], meanings: FundsMeaning[]): 'source' | 'end' | 'unclear' {
  const kinds = cells.map(cellKind);
  const amounts = cells.length === meanings.length ? kinds.filter((_, i) => AMOUNT_MEANINGS.has(meanings[i]!)) : kinds;
  const numbers = amounts.some((k) => k === 'number');
  if (kinds.some((k) => k === 'text')) return numbers ? 'unclear' : 'end';
  return numbers || cells.some(filled) ? 'source' : 'end';
}

const AMOUNT_MEANINGS: ReadonlySet<FundsMeaning> = new Set(['initialBudget', 'budget', 'executed']);

/** A 栏次 / 行次 row numbers the columns; it is no total. */
const COLUMN_NUMBERS = /^(?:栏次|行次|序号|编号)$/u;

/** Whether a row prints a number under an amount column (any of its cells, for a text dump's short row). */
function printsAmount(cells: (GridCell | null)[], meanings: FundsMeaning[]): boolean {
  return cells.some((cell, i) => (cells.length !== meanings.length || AMOUNT_MEANINGS.has(meanings[i]!)) && cellKind(cell) === 'number');
}

/** A funds row's label as a name: its text without the blanks of the layout. */
const rowName = (label: GridCell): string => label.text.replace(/\s+/gu, '');

/** A reading note on one funds row: where it is, what it printed, and why it was not read. */
function fundsRowNote(rule: string, label: GridCell, cells: (GridCell | null)[], line: number, message: (name: string, printed: string) => ExtractNote['message']): ExtractNote {
  const printed = cells.map((c) => c?.text.trim() ?? '').join(' | ');
  return { rule, severity: 'warning', path: `/funds/lines/${line}`, src: cellSrc(label), text: printed, message: message(rowName(label), printed) };
}

function unclearNote(label: GridCell, cells: (GridCell | null)[], why: UnclearWhy, line: number): ExtractNote {
  return fundsRowNote('extract-funds-rows', label, cells, line, (name, printed) =>
    why === 'breakdowns'
      ? {
          zh: `资金情况自“${name}”一行起另按一种口径分列年度资金总额，各行分属哪一口径无法确定：自该行起未读取，各来源之和不作核对`,
          en: `from the funds row “${name}” on, the total is broken down a second way and which row belongs to which breakdown is unclear: those rows are not read and the sources are not added up`,
        }
      : {
          zh: `资金情况“${name}”一行（${printed}）既有数字又有文字，无法确定是否为资金来源：自该行起未读取，各来源之和不作核对`,
          en: `the funds row “${name}” (${printed}) mixes numbers and text and cannot be read as a source with confidence: it and the rows after it are not read and the sources are not added up`,
        },
  );
}

function ambiguityNote(label: GridCell, cells: (GridCell | null)[], columns: number, open: string[], withheld: string[], line: number): ExtractNote {
  const zhWithheld = withheld.length ? `；为免误判各来源之和，其中各行的${withheld.join('、')}均未读取` : '';
  const enWithheld = withheld.length ? `; ${withheld.join(', ')} of every 其中 row left unread too, so that the sources are not added up wrongly` : '';
  return fundsRowNote('extract-funds-columns', label, cells, line, (name, printed) => ({
    zh: `资金情况“${name}”一行有${cells.length}个数值（${printed}），表头有${columns}列，无法唯一确定各值所属的列：${open.join('、')}未读取${zhWithheld}`,
    en: `the funds row “${name}” has ${cells.length} values (${printed}) for ${columns} columns and they do not fit one way only: ${open.join(', ')} not read${enWithheld}`,
  }));
}
