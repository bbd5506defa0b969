import { describe, expect, it } from 'vitest';
import * as F from '../../scripts/fixtures/docx-constructs.js';
import { buildDocx, p, tbl } from '../../scripts/fixtures/ooxml.js';
import { htmlToGrid } from '../../src/parse/grid.js';
import { anchors, convert, paragraphs } from './helpers.js';

describe('field results are kept as Word displays them', () => {
  it('keeps simple-field results (w:fldSimple) in cells and in the body, nested ones too', async () => {
    const { grid, messages } = await convert(F.fieldResults());
    expect(messages).toEqual([]);
    expect(paragraphs(grid)).toEqual(['编制日期：2021年3月5日']);
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x1 项目名称', '0,1 1x1 智慧岳阳平台', '0,2 1x1 金额', '1,0 1x1 预算数', '1,1 1x1 120.50', '1,2 1x1 共3页']);
  });

  it('keeps complex-field results (begin, separate, end) and not the field code', async () => {
    const field = F.complexField('DOCPROPERTY Budget \\* MERGEFORMAT', '1,234.00');
    const { grid } = await convert(buildDocx(tbl(2, [{ cells: ['预算', { text: p('合计', field, '元') }] }])));
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x1 预算', '0,1 1x1 合计1,234.00元']);
  });
});

describe('lists: every paragraph of a list item is a line of its own', () => {
  it('splits a two-level numbered list in a cell into lines, numbers never fused', async () => {
    const { grid } = await convert(F.nestedLists());
    const cell = grid.tables[0]!.cells[0]!;
    expect(cell.paragraphs).toEqual(['Within cell 1', 'Cell a', 'Cell b', '100', '200']);
    expect(cell.text).toBe('Within cell 1\nCell a\nCell b\n100\n200');
    expect(grid.blocks.filter((b) => b.cell).map((b) => b.text)).toEqual(['Within cell 1', 'Cell a', 'Cell b', '100', '200', 'x']);
  });

  it('splits a nested list in the body into one block per paragraph', async () => {
    const { grid } = await convert(F.nestedLists());
    expect(paragraphs(grid)).toEqual(['一、总体', '资金 50', '支出 30', '正文']);
  });

  it('keeps paragraphs inside an HTML list item apart, and an empty item as an empty paragraph', () => {
    const grid = htmlToGrid('<ul><li><p>甲</p><p>乙</p></li><li></li></ul><table><tr><td><ol><li>a<ul><li>b</li></ul>c</li></ol></td></tr></table>');
    expect(paragraphs(grid)).toEqual(['甲', '乙', '']);
    expect(grid.tables[0]!.cells[0]!.paragraphs).toEqual(['a', 'b', 'c']);
  });
});

describe('symbol characters (w:sym) are mapped or kept, never dropped', () => {
  it('maps box glyphs to ☑/□, known symbols to Unicode, and keeps unknown codes visible with an info message', async () => {
    const { grid, messages } = await convert(F.symbolGlyphs());
    expect(paragraphs(grid)).toEqual(['甲☑ 乙□']);
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x1 \uF094', '0,1 1x1 是✓', '0,2 1x1 √2', '0,3 1x1 \uF0FE否']);
    expect(messages).toEqual([
      { rule: 'extract-symbol', message: 'word/document.xml: symbol F094 of font "Symbol" has no Unicode equivalent; kept as U+F094' },
      { rule: 'extract-symbol', message: 'word/document.xml: symbol F0FE of font "Wingdings 2" has no Unicode equivalent; kept as U+F0FE' },
    ]);
  });

  it('writes a symbol given as an ordinary Unicode code as that character', async () => {
    const { grid, messages } = await convert(buildDocx(p('<w:r><w:sym w:font="Segoe UI Symbol" w:char="2713"/></w:r>', '完成')));
    expect(paragraphs(grid)).toEqual(['✓完成']);
    expect(messages).toEqual([]);
  });
});
