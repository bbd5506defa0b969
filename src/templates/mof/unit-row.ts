/**
 * A unit stated in a row of the form's own table above its funds block: "填报单位：云岭县财政局 | 金额单位：元",
 * "单位：万元" alone at the right, "（单位：元）" — the line a Word copy prints above the table, pasted into it,
 * or a sheet read without borders. Such a row is no form row: every text it prints is a statement of
 * its own ("名称：值", or a bracketed unit), not a label beside its value (实施单位 | 云岭县交通运输局).
 */
import type { GridTable } from '../../model/grid.js';
import { foldWidth } from '../../model/normalize.js';
import type { MoneyUnit } from '../../model/values.js';
import { ownCells } from '../../parse/locate.js';
import { statedUnit } from '../../parse/units.js';

/** "填报单位：…", "金额单位：元", "填报日期：2024年3月1日": a short name, a colon, what it states. */
const STATEMENT = /^[\p{L}（）()]{1,12}\s*:/u;
/** "（单位：元）", "(金额单位:万元)": a unit in brackets, with nothing else. */
const BRACKETED_UNIT = /^[(（][^()（）]*单位[^()（）]*[)）]$/u;

function statement(text: string): boolean {
  const t = foldWidth(text).trim();
  return STATEMENT.test(t) || BRACKETED_UNIT.test(t);
}

/** The unit a row states when it is a row of statements only, one of them a unit; else null. */
export function unitRowUnit(table: GridTable, r: number): MoneyUnit | null {
  const texts = ownCells(table, r)
    .map((c) => c.text.trim())
    .filter((t) => t !== '');
  if (!texts.length || !texts.every(statement)) return null;
  return texts.map(statedUnit).find((u) => u !== null) ?? null;
}

/** The unit of the nearest unit row above row `above` of the table (the funds block's first row), or null. */
export function unitRowAbove(table: GridTable, above: number): MoneyUnit | null {
  for (let r = above - 1; r >= 0; r--) {
    const unit = unitRowUnit(table, r);
    if (unit) return unit;
  }
  return null;
}
