/**
 * The year of a form printed without a title of its own under a heading that several forms share: a
 * 决算公开 document may print "七、2023年度项目支出绩效自评表" once and one table per project below it.
 * Each of those forms is of the heading's year, not only the first (whose title the heading is).
 */
import type { DocumentGrid, GridTable } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import type { TextValue } from '../../model/values.js';
import { blockSrc } from '../../parse/locate.js';
import { TITLE } from './labels.js';

/** How many other paragraphs (page furniture, a short note) may stand between the heading and the forms under it. */
const OTHER_LINES = 4;

/**
 * The year of the nearest form-title paragraph above `table`, going back over the tables of the forms
 * before it; null when that paragraph states no year, when more than a few other paragraphs come first,
 * or when there is none.
 */
export function sharedHeadingYear(grid: DocumentGrid, table: GridTable): TextValue | null {
  const first = grid.blocks.findIndex((b) => b.cell?.table === table.index);
  let others = 0;
  for (let i = first - 1; i >= 0; i--) {
    const b = grid.blocks[i]!;
    if (b.cell || b.text.trim() === '') continue;
    if (TITLE.any.test(labelKey(b.text))) {
      const m = /(\d{4})\s*年/u.exec(b.text);
      return m ? { value: m[1]!, raw: b.text.trim(), src: blockSrc(b) } : null;
    }
    if (++others > OTHER_LINES) return null;
  }
  return null;
}
