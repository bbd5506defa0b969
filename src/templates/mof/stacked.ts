/**
 * A form whose table goes on after its 总分 row into another form (two forms pasted into one Word table,
 * or stacked on a spreadsheet without a title line between them): the form is read down to its 总分 row,
 * so the other form would vanish without a word. It is said instead, where its identity is.
 */
import type { DocumentGrid, GridTable } from '../../model/grid.js';
import { cellKey, cellSrc } from '../../parse/locate.js';
import type { Claim, ExtractNote } from '../types.js';
import { IDENTITY, TITLE, TOTAL } from './labels.js';

/** The first row of `table` whose first non-empty cell is a 总分 label; -1 when there is none. */
function totalRowOf(table: GridTable): number {
  for (let r = 0; r < table.rowCount; r++) {
    const first = table.cells.find((c) => c.row === r && c.text.trim() !== '');
    if (first && TOTAL(cellKey(first))) return r;
  }
  return -1;
}

/** A note on the first cell after the form's 总分 row that begins another form (its title or identity), or null. */
export function unreadFormNote(grid: DocumentGrid, claim: Claim): ExtractNote | null {
  for (const index of claim.tables) {
    const table = grid.tables.find((t) => t.index === index);
    if (!table) continue;
    const total = totalRowOf(table);
    if (total < 0) continue;
    const next = table.cells.find((c) => {
      if (c.row <= total) return false;
      // Not the department label: a signature row (单位名称（盖章）) may follow a form's total.
      const key = cellKey(c);
      return IDENTITY.projectName(key) || (TITLE.any.test(key) && key.endsWith('表'));
    });
    if (!next) return null;
    return {
      rule: 'extract-unread-form',
      severity: 'warning',
      path: '',
      src: cellSrc(next),
      text: next.text.trim(),
      message: {
        zh: `表格在总分行之后还有另一张自评表（第${next.row + 1}行“${next.text.trim()}”起），未被读取：请将其拆为单独的表格`,
        en: `the table goes on after its 总分 row with another form (from row ${next.row + 1}, "${next.text.trim()}"), which was not read: split it into a table of its own`,
      },
    };
  }
  return null;
}
