/** The funds block of an MoF-style form: 年度资金总额 and its 其中 rows under 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分. */
import type { Funds, FundsLine, FundsSourceKey, MoneyColumn } from '../../model/evaluation.js';
import type { GridCell, GridTable } from '../../model/grid.js';
import type { MoneyUnit } from '../../model/values.js';
import { cellKey, rowAnchors, type LabelMatch } from '../../parse/locate.js';
import { unitInHeader } from '../../parse/values.js';
import { labelWeight, money, num, rateValue } from './cells.js';
import { alignRow, leafColumns, leafIndex } from './columns.js';
import { FUNDS, FUNDS_ROWS, GOALS, INDICATORS } from './labels.js';

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

function sourceOf(key: string): { role: FundsLine['role']; source: FundsSourceKey | null } | null {
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

/** The unit the block prints amounts in: from its label cell (项目资金（元）) or a column header, else 万元. */
function blockUnit(table: GridTable, headerRow: number, heads: (GridCell | null)[]): MoneyUnit {
  const label = blockLabel(table, headerRow);
  if (label && unitInHeader(label.text)) return unitInHeader(label.text)!;
  for (const head of heads) if (head && unitInHeader(head.text)) return unitInHeader(head.text)!;
  return '万元';
}

export function readFunds(table: GridTable): Funds | null {
  const r0 = fundsHeaderRow(table);
  if (r0 < 0) return null;
  const leaves = leafColumns(table, [r0]);
  const cols = {
    initialBudget: leafIndex(leaves, FUNDS.initialBudget),
    budget: leafIndex(leaves, FUNDS.budget),
    executed: leafIndex(leaves, FUNDS.executed),
    weight: leafIndex(leaves, FUNDS.weight),
    rate: leafIndex(leaves, FUNDS.rate),
    score: leafIndex(leaves, FUNDS.score),
  };
  const firstMoney = Math.min(...MONEY.map(([c]) => cols[c as keyof typeof cols]).filter((i) => i >= 0));
  const unit = blockUnit(table, r0, leaves.map((l) => l.head));
  const columns: Funds['columns'] = {};
  for (const [c] of MONEY) if (cols[c as keyof typeof cols] >= 0) columns[c] = leaves[cols[c as keyof typeof cols]]!.head!.text.replace(/\s+/gu, '').replace(/[(（].*$/u, '');
  const lines: FundsLine[] = [];
  // Without a 分值 column the block's label states the execution weight: 预算执行情况(万元)(20分).
  const blockWeight = cols.weight < 0 ? (blockLabel(table, r0) ?? null) : null;
  for (let r = r0 + 1; r < table.rowCount; r++) {
    const cells = alignRow(table, r, leaves);
    // The row's label: the last filled cell before the amounts (the block's own label cell spans it).
    const labelCell = cells.slice(0, firstMoney).reverse().find((c) => c && c.text.trim() !== '' && !FUNDS.block(cellKey(c))) ?? null;
    const key = cellKey(labelCell);
    if (!labelCell || GOALS.block(key) || INDICATORS.block(key) || INDICATORS.level1(key)) break;
    const kind = sourceOf(key);
    if (!kind) break;
    const at = (i: number) => (i >= 0 ? (cells[i] ?? null) : null);
    const own = (i: number) => {
      const cell = at(i);
      // A cell merged down from the row above (Word, HTML) is that row's value, not this one's.
      return cell && cell.row === r ? cell : null;
    };
    lines.push({
      role: kind.role,
      source: kind.source,
      label: labelCell.text.replace(/\s+/gu, ''),
      initialBudget: money(own(cols.initialBudget), unit),
      budget: money(own(cols.budget), unit),
      arrived: null,
      executed: money(own(cols.executed), unit),
      balance: null,
      rate: rateValue(own(cols.rate)),
      weight: kind.role === 'total' && blockWeight ? labelWeight(blockWeight) : num(own(cols.weight)),
      score: num(own(cols.score)),
    });
  }
  return lines.length ? { unit, columns, lines } : null;
}
