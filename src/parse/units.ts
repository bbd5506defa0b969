/** Units of amounts stated once for a table or a part of it (金额单位：元), rather than in each cell or header. */
import type { DocumentGrid, GridTable } from '../model/grid.js';
import { foldWidth } from '../model/normalize.js';
import type { SourceRef } from '../model/source.js';
import type { MoneyUnit } from '../model/values.js';
import { blockSrc, cellSrc, rowAnchors } from './locate.js';

/**
 * A line that states the unit of a table's amounts: 金额单位：元, （单位：万元）, 单位：人民币元. 单位 followed by
 * a name (填报单位：元谋县财政局, 项目单位：…) is no unit. An OCR copy's 兀 (a look-alike of 元) is 元 here.
 */
const UNIT_LINE = /单位\s*[:\s]\s*(?:人民币)?\s*(亿[元兀]|万[元兀]|[元兀])(?![\p{L}\p{N}])/u;

export interface StatedUnit {
  unit: MoneyUnit;
  src: SourceRef;
  text: string;
}

/** The unit a text states for the amounts that follow it, or null. */
export function statedUnit(text: string): MoneyUnit | null {
  const m = UNIT_LINE.exec(foldWidth(text));
  return m ? (m[1]!.replace('兀', '元') as MoneyUnit) : null;
}

/** The unit stated on a line just above the table: the paragraphs between the previous table and this one, nearest first. */
export function unitAboveTable(grid: DocumentGrid, table: GridTable): StatedUnit | null {
  const first = grid.blocks.findIndex((b) => b.cell?.table === table.index);
  for (let i = first - 1, seen = 0; i >= 0 && seen < 4; i--) {
    const b = grid.blocks[i]!;
    if (b.cell) break;
    if (b.text.trim() === '') continue;
    seen++;
    const unit = statedUnit(b.text);
    if (unit) return { unit, src: blockSrc(b), text: b.text.trim() };
  }
  return null;
}

/**
 * The unit in force at `row` of `table`: the nearest row above it that states one (a 单位：元 row, a part
 * heading such as 一、项目基本概况（单位：元）), else a line just above the table. A row counts only when
 * it holds one cell of text (a heading or a note), so a label among values (项目单位 | 元谋县…) is never
 * read as one.
 */
export function unitInForce(grid: DocumentGrid, table: GridTable, row: number): StatedUnit | null {
  for (let r = row - 1; r >= 0; r--) {
    const own = rowAnchors(table, r).filter((c) => c.row === r && c.text.trim() !== '');
    if (own.length !== 1) continue;
    const unit = statedUnit(own[0]!.text);
    if (unit) return { unit, src: cellSrc(own[0]!), text: own[0]!.text.trim() };
  }
  return unitAboveTable(grid, table);
}
