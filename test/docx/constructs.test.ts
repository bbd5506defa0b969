import { describe, expect, it } from 'vitest';
import * as F from '../../scripts/fixtures/docx-constructs.js';
import { buildDocx, p, tbl } from '../../scripts/fixtures/ooxml.js';
import { anchors, at, convert, paragraphs } from './helpers.js';

const gridMismatches = (messages: { rule: string; message: string; table?: number }[]) => messages.filter((m) => m.rule === 'extract-grid-mismatch');

describe('docx tables: the grid follows the Word table grid', () => {
  it('keeps horizontal, vertical and block merges', async () => {
    const { grid, messages } = await convert(F.mergedCells());
    expect(messages).toEqual([]);
    expect(grid.tables).toHaveLength(1);
    const t = grid.tables[0]!;
    expect([t.rowCount, t.colCount]).toEqual([4, 4]);
    expect(anchors(t)).toEqual([
      '0,0 1x2 横向合并',
      '0,2 1x1 C',
      '0,3 1x1 D',
      '1,0 3x1 纵向合并',
      '1,1 2x2 块合并',
      '1,3 1x1 H',
      '2,3 1x1 L',
      '3,1 1x1 N',
      '3,2 1x1 O',
      '3,3 1x1 P',
    ]);
    expect(t.slots[2]![2]).toBe(t.slots[1]![1]);
  });

  it('places cells of rows with gridBefore/gridAfter on their grid columns (mammoth shifts them)', async () => {
    const { grid, messages } = await convert(F.gridBeforeAfter());
    // The continuation under the short row 4 is kept as a cell of its own, deliberately and said so.
    expect(messages).toEqual([
      { rule: 'extract-merge', table: 0, message: 'row 5, column 3: a vertically merged cell has no cell above it (the row above is short); kept as a cell of its own' },
    ]);
    const t = grid.tables[0]!;
    expect(anchors(t)).toEqual([
      '0,0 1x1 A',
      '0,1 2x1 B', // the continuation in row 1 sits in column 1, after gridBefore=1
      '0,2 1x1 C',
      '1,0 1x1 ', // placeholder for gridBefore
      '1,2 1x1 D',
      '2,0 1x1 E',
      '2,1 1x1 F',
      '2,2 1x1 G', // row 3 ends early (gridAfter), so nothing continues G
      '3,0 1x1 H',
      '3,1 1x1 I',
      '3,2 1x1 ', // placeholder for gridAfter
      '4,0 1x1 J',
      '4,1 1x1 K',
      '4,2 1x1 L', // a continuation with nothing above: a cell of its own, with its content
    ]);
    expect(at(t, 1, 1)).toBe('B');
    expect(at(t, 1, 2)).toBe('D');
  });

  it('keeps rowspans when a bookmark sits directly in a row, without mammoth warning', async () => {
    const { grid, messages } = await convert(F.bookmarkInRow());
    expect(messages).toEqual([]);
    const t = grid.tables[0]!;
    expect(anchors(t)).toEqual(['0,0 3x1 一级指标', '0,1 1x1 二级', '0,2 1x1 得分', '1,1 1x1 二级b', '1,2 1x1 5', '2,1 1x1 二级c', '2,2 1x1 6']);
  });

  it('fixes nested tables too and keeps them inside their cell', async () => {
    const { grid, messages } = await convert(F.nestedTable());
    expect(messages).toEqual([]);
    expect(grid.tables).toHaveLength(1);
    const outer = grid.tables[0]!;
    expect(anchors(outer).map((a) => a.split('\n')[0])).toEqual(['0,0 2x1 外层', '0,1 1x1 内层表：', '1,1 1x1 后']);
    const cell = outer.slots[0]![1]!;
    expect(cell.nested).toHaveLength(1);
    expect(anchors(cell.nested[0]!)).toEqual(['0,0 2x1 x', '0,1 1x1 y', '1,1 1x1 z', '2,0 1x1 ', '2,1 1x1 w']);
  });

  it('reads text boxes once, in the body and inside a cell', async () => {
    const { grid, messages } = await convert(F.textBoxes());
    expect(messages).toEqual([]);
    expect(paragraphs(grid)).toEqual(['正文', '文本框内容']);
    const t = grid.tables[0]!;
    expect(anchors(t)).toEqual(['0,0 1x1 单元格\n格内文本框', '0,1 2x1 B', '1,0 1x1 C']);
  });

  it('gives a table continued in a second section as two tables, each with its own right grid', async () => {
    const { grid, messages } = await convert(F.tableAcrossSections());
    expect(messages).toEqual([]);
    expect(grid.tables).toHaveLength(2);
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x1 一级', '0,1 1x1 二级', '0,2 1x1 分值', '1,0 1x1 项目管理', '1,1 1x1 资金到位', '1,2 1x1 5']);
    // Word cannot merge across tables: the continuation opens a (blank) merged cell of the second table.
    expect(anchors(grid.tables[1]!)).toEqual(['0,0 2x1 ', '0,1 1x1 资金管理', '0,2 1x1 10', '1,1 1x1 组织实施', '1,2 1x1 10']);
  });

  it('reports a vertical merge that does not line up, naming the table, and shifts nothing', async () => {
    const { grid, messages } = await convert(F.misalignedMerge());
    const mismatches = gridMismatches(messages);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({ rule: 'extract-grid-mismatch', table: 1 });
    expect(mismatches[0]!.message).toMatch(/row 2, column 1/u);
    const t = grid.tables[1]!;
    expect(anchors(t)).toEqual(['0,0 1x2 AB', '0,2 1x1 C', '1,0 1x1 ', '1,1 1x1 D', '1,2 1x1 E']);
  });

  it('reads legacy horizontal merges (w:hMerge) and drops deleted rows', async () => {
    const { grid, messages } = await convert(F.hMergeAndDeletedRow());
    expect(messages).toEqual([]);
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x2 AB', '0,2 1x1 C', '1,0 1x1 D', '1,1 1x1 E', '1,2 1x1 F']);
  });

  it('fixes tables and checkboxes in footnotes too', async () => {
    const { html, messages } = await convert(F.footnoteTable());
    expect(messages).toEqual([]);
    // mammoth puts notes in an <ol> after the body; the note's table is rebuilt like any other.
    expect(html).toContain('<p>注：☑</p><table data-docx-table="1"><tr><td><p>n1</p></td><td><p>n2</p></td></tr><tr><td data-grid="before"></td><td><p>n3</p></td></tr></table>');
  });

  it('keeps empty paragraphs of cells and escapes markup-like text', async () => {
    const { grid } = await convert(buildDocx(tbl(2, [{ cells: [{ text: ['a', '', 'b'] }, { text: 'x<y> & "z"' }] }])));
    const t = grid.tables[0]!;
    expect(t.cells[0]!.paragraphs).toEqual(['a', '', 'b']);
    expect(t.cells[1]!.text).toBe('x<y> & "z"');
  });

  it('handles a table without tblGrid whose rows have different lengths', async () => {
    const rows = tbl(3, [{ cells: ['a', 'b', 'c'] }, { cells: ['d'] }]).replace(/<w:tblGrid>.*?<\/w:tblGrid>/u, '');
    const { grid, messages } = await convert(buildDocx(p('x') + rows));
    expect(messages).toEqual([]);
    const t = grid.tables[0]!;
    expect(anchors(t)).toEqual(['0,0 1x1 a', '0,1 1x1 b', '0,2 1x1 c', '1,0 1x1 d']);
    expect(t.slots[1]![1]).toBeNull();
  });
});

describe('docx checkboxes and images', () => {
  it('maps Wingdings/Wingdings 2 symbols, symbol-font text, content controls and form fields to ☑/□', async () => {
    const { grid, html } = await convert(F.checkboxes());
    expect(paragraphs(grid)).toEqual([
      '评价类型：项目实施过程评价☑   项目完成结果评价□',
      'W2：甲☑ 乙□ 丙☑',
      '字体：甲☑ 乙□ 丙☑',
      '控件：甲☑ 乙□',
      '域：甲☑ 乙□',
      '其他符号：☺ 甲☑ 乙□ 丙☐',
    ]);
    expect(grid.tables[0]!.cells[0]!.text).toBe('是☑ 否□');
    expect(html).not.toContain('<input');
  });

  it('skips pictures without inlining them and without messages', async () => {
    const { html, messages, grid } = await convert(F.withPicture());
    expect(messages).toEqual([]);
    expect(html).not.toMatch(/data:|base64|<img/u);
    expect(paragraphs(grid)).toEqual(['图片：后文']);
  });
});
