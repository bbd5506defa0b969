/**
 * Characters Word shows that mammoth does not read: a carriage return (w:cr) is a line break, an
 * absolute-position tab (w:ptab) a tab, a non-breaking hyphen (w:noBreakHyphen) a minus before a digit.
 * Without them two numbers fused into one ("1" w:cr "2" read as 12) and a negative amount lost its sign.
 */
import { describe, expect, it } from 'vitest';
import { buildDocx, p, tbl } from '../../scripts/fixtures/ooxml.js';
import { moneyValue } from '../../src/parse/values.js';
import { anchors, convert } from './helpers.js';

const src = { table: 0, row: 0, col: 0 };

describe('breaks and hyphens inside runs', () => {
  it('reads w:cr as a line break and w:ptab as a tab, in cells and paragraphs; w:br and w:tab as before', async () => {
    const { grid, messages } = await convert(
      buildDocx(
        p('<w:r><w:t>报告</w:t><w:cr/><w:t>正文</w:t></w:r>') +
          tbl(4, [
            {
              cells: [
                { text: p('<w:r><w:t>1200.000</w:t><w:cr/><w:t>1350.500</w:t></w:r>') },
                { text: p('<w:r><w:t>12</w:t></w:r><w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>3</w:t></w:r>') },
                { text: p('<w:r><w:t>1</w:t><w:br/><w:t>2</w:t></w:r>') },
                { text: p('<w:r><w:t>10</w:t><w:tab/><w:t>分</w:t></w:r>') },
              ],
            },
          ]),
      ),
    );
    expect(messages).toEqual([]);
    expect(grid.blocks.filter((b) => !b.cell).map((b) => b.text)).toEqual(['报告\n正文']);
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x1 1200.000\n1350.500', '0,1 1x1 12\t3', '0,2 1x1 1\n2', '0,3 1x1 10\t分']);
    // Two amounts on two lines are no amount, never one fused number.
    expect(moneyValue(grid.tables[0]!.cells[0]!.text, src).value).toBeNull();
  });

  it('reads an amount written with a non-breaking hyphen as negative', async () => {
    const { grid } = await convert(buildDocx(tbl(2, [{ cells: ['结余', { text: p('<w:r><w:noBreakHyphen/><w:t>5.00</w:t></w:r>') }] }])));
    expect(moneyValue(grid.tables[0]!.cells[1]!.text, src).value).toBe('-5');
  });
});
