import { describe, expect, it } from 'vitest';
import * as F from '../../scripts/fixtures/docx-constructs.js';
import { anchors, convert } from './helpers.js';

describe('doubtful vertical merges are decided deliberately', () => {
  it('merges a continuation offset by a hairline column (≤ 30 twips) and says so as a note', async () => {
    const { grid, messages } = await convert(F.hairlineMerges());
    expect(grid.tables.map(anchors)).toEqual([
      ['0,0 2x2 A', '0,2 1x1 B', '1,2 1x1 C'],
      ['0,0 2x1 A', '0,1 1x2 B', '1,1 1x2 C'],
      ['0,0 1x1 X', '0,1 2x2 A', '0,3 1x1 Y', '1,0 1x1 P', '1,3 1x1 Q'],
      ['0,0 1x2 A', '0,2 1x1 B', '1,0 1x1 ', '1,1 1x2 C'],
    ]);
    const note = (table: number, column: number) => ({
      rule: 'extract-merge',
      table,
      message: `row 2, column ${column}: a vertically merged cell offset from the cell above by 15 twips (tolerance 30) was merged with it`,
    });
    expect(messages).toEqual([
      note(0, 1),
      note(1, 1),
      note(2, 3),
      { rule: 'extract-grid-mismatch', table: 3, message: 'row 2, column 1: a vertically merged cell does not line up with the cell above (columns 1–1 vs 1–2); kept as a separate cell' },
    ]);
  });

  it('keeps a continuation under a short row as a cell of its own, as a note, not an error', async () => {
    const { grid, messages } = await convert(F.gridBeforeAfter());
    expect(grid.tables[0]!.slots[4]![2]!.row).toBe(4);
    expect(messages.map((m) => m.rule)).toEqual(['extract-merge']);
  });
});
