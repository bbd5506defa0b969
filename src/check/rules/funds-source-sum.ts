import { MONEY_COLUMNS, type Evaluation, type FundsLine, type MoneyColumn } from '../../model/evaluation.js';
import type { MoneyValue } from '../../model/values.js';
import { amountsAgree, Dec, dec, fmt, sum } from '../arith.js';
import { loc } from '../locate.js';
import type { Rule, RuleFinding } from '../types.js';
import { columnLabel, fundsRows, rowLabel, totalRow } from './funds-rows.js';

interface Cell {
  cell: MoneyValue | null;
  path: string;
  row: FundsLine;
}

/** Powers of ten a restated unit explains: 元 ↔ 万元 (10⁴), and the slips of a misplaced decimal point. */
const SLIPS = [4, -4, 3, -3, 2, -2, 1, -1];

/** The one component whose amount, scaled by a power of ten, makes the column add up. */
function unitSlip(total: Dec, totalCell: MoneyValue, filled: Cell[]): { at: Cell; power: number } | null {
  const hits: { at: Cell; power: number }[] = [];
  for (const at of filled) {
    const rest = filled.filter((c) => c !== at);
    const others = rest.map((c) => dec(c.cell)!);
    // Where the others add up without this row, shrinking it until it vanishes in the rounding explains
    // nothing: the row is one too many (or wrong), not written in another unit.
    if (amountsAgree(total, totalCell, sum(others), rest.map((c) => c.cell!))) continue;
    for (const power of SLIPS) {
      const scaled = dec(at.cell)!.times(new Dec(10).pow(power));
      if (!scaled.isZero() && amountsAgree(total, totalCell, sum([...others, scaled]), filled.map((c) => c.cell!))) hits.push({ at, power });
    }
  }
  return hits.length === 1 ? hits[0]! : null;
}

/** A source row with no amount in any column: the source is absent (0), as a blank 中央财政 row says. */
function absent(row: FundsLine): boolean {
  return MONEY_COLUMNS.every((c) => row[c]?.value == null && !row.unread?.includes(c));
}

/** Columns where some source's amount is printed but unread: their sum is unknown, not a partial one. */
function unreadColumns(ev: Evaluation): Set<MoneyColumn> {
  return new Set(fundsRows(ev).flatMap(({ row }) => (row.role === 'component' ? MONEY_COLUMNS.filter((c) => row.unread?.includes(c)) : [])));
}

/** The columns that can be added up: the total prints an amount and no source's amount there is unread. */
function comparable(ev: Evaluation, total: FundsLine): MoneyColumn[] {
  const unread = unreadColumns(ev);
  return MONEY_COLUMNS.filter((c) => total[c]?.value != null && !unread.has(c));
}

/**
 * A source row blank in every column is an absent source and counts as 0. Within a row that has amounts
 * an empty cell is unknown, not 0: with every present source's cell of a column filled the sum must
 * equal the total; with some left empty the stated sources can still not exceed it (amounts are not
 * negative).
 */
export const fundsSourceSum: Rule = {
  id: 'funds-source-sum',
  severity: 'error',
  description: {
    zh: '各资金来源（中央/省/市/县市区/其它；当年财政拨款/上年结转/其他资金）之和等于合计（逐列）',
    en: 'the funds sources add up to the total, per column',
  },
  needs: { zh: '资金合计行与至少一个填有金额的来源行', en: 'a funds total line and at least one source line with an amount' },
  messages: {
    default: {
      zh: '{column}：各来源之和{actual}万元与合计{expected}万元不符',
      en: '{column}: the sources add up to {actual}, the total is {expected}',
    },
    exceeds: {
      zh: '{column}：已填来源之和{actual}万元超过合计{expected}万元',
      en: '{column}: the filled-in sources add up to {actual}, more than the total {expected}',
    },
    slip: {
      zh: '{column}：各来源之和{actual}万元与合计{expected}万元不符；“{row}”一行的金额按{factor}倍计即相符，疑为单位（元/万元）或小数点写错',
      en: '{column}: the sources add up to {actual}, the total is {expected}; the row “{row}” fits when scaled by {factor}, a likely unit (元/万元) or decimal-point slip',
    },
  },
  // With every source row blank the form gives no breakdown at all: nothing to add up. With a source
  // unread in every column the total has, the sources are not all known: adding up the others proves nothing.
  applies: (ev) => {
    const total = totalRow(ev);
    if (!total || !fundsRows(ev).some(({ row }) => row.role === 'component' && !absent(row))) return false;
    return unreadColumns(ev).size === 0 || comparable(ev, total.row).length > 0;
  },
  check(ev) {
    const total = totalRow(ev);
    if (!total) return [];
    const sources = fundsRows(ev).filter(({ row }) => row.role === 'component' && !absent(row));
    const out: RuleFinding[] = [];
    for (const col of comparable(ev, total.row)) {
      const t = dec(total.row[col]);
      if (!t) continue;
      const cells: Cell[] = sources.map(({ row, path }) => ({ cell: row[col], path: `${path}/${col}`, row }));
      const filled = cells.filter((c) => c.cell?.value != null);
      if (filled.length === 0) continue;
      const stated = sum(filled.map((c) => dec(c.cell)!));
      const complete = filled.length === cells.length;
      if (amountsAgree(t, total.row[col]!, stated, filled.map((c) => c.cell!))) continue;
      if (!complete && stated.lt(t)) continue;
      const slip = unitSlip(t, total.row[col]!, filled);
      const column = columnLabel(ev, col);
      out.push({
        expected: fmt(t),
        actual: fmt(stated),
        messageId: slip ? 'slip' : complete ? 'default' : 'exceeds',
        params: {
          column,
          expected: fmt(t),
          actual: fmt(stated),
          ...(slip ? { row: rowLabel(slip.at.row), factor: fmt(new Dec(10).pow(slip.power)) } : {}),
        },
        location: loc(`${total.path}/${col}`, total.row[col]),
        related: (slip ? [slip.at, ...filled.filter((c) => c !== slip.at)] : filled).map((c) => loc(c.path, c.cell)),
      });
    }
    return out;
  },
};
