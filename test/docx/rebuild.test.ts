import { describe, expect, it } from 'vitest';
import { MARKER_PREFIX, type CellModel, type TableModel } from '../../src/convert/docx/table-model.js';
import { rebuildTables } from '../../src/convert/docx/rebuild.js';

const cell = (key: string, extra: Partial<CellModel> = {}): CellModel => ({ key, span: 1, vMerge: null, hMerge: null, ...extra });
const table = (id: number, rows: CellModel[][], parent: number | null = null, gridCols = 2): TableModel => ({
  id,
  gridCols,
  parent,
  rows: rows.map((cells) => ({ gridBefore: 0, gridAfter: 0, cells })),
});
const td = (key: string, content: string, attrs = '') => `<td${attrs}><a id="${MARKER_PREFIX}${key}"></a>${content}</td>`;

describe('table rebuild on mammoth HTML', () => {
  it('takes spans from the Word layout and content from the marked cells, keeping the content as written', () => {
    // mammoth lost the rowspan (as it does after a bookmark in a row); the layout restores it.
    const html = `<p>前</p><table><tr>${td('0_0', '<p>A &amp; B<br /></p>')}${td('0_1', '<p>x</p>')}</tr><tr><td></td>${td('0_3', '<p>y</p>')}</tr></table>`;
    const model = table(0, [[cell('0_0', { vMerge: 'restart' }), cell('0_1')], [cell('0_2', { vMerge: 'continue' }), cell('0_3')]]);
    const r = rebuildTables(html, [model]);
    expect(r.html).toBe('<p>前</p><table data-docx-table="0"><tr><td rowspan="2"><p>A &amp; B<br /></p></td><td><p>x</p></td></tr><tr><td><p>y</p></td></tr></table>');
    expect(r.problems).toEqual([]);
  });

  it('reports a cell whose content the converter lost, but not a merge continuation', () => {
    const html = `<table><tr>${td('0_0', 'a')}</tr></table><table><tr>${td('1_0', 'b')}<td>no marker</td></tr></table>`;
    const models = [table(0, [[cell('0_0'), cell('0_1')]], null, 2), table(1, [[cell('1_0'), cell('1_1', { vMerge: 'continue' })]], null, 2)];
    const r = rebuildTables(html, models);
    expect(r.problems).toEqual([{ table: 0, message: "row 1, column 2: the converter lost this cell's content" }]);
    expect(r.html).toContain('<table data-docx-table="1"><tr><td>b</td><td></td></tr></table>');
  });

  it('rebuilds nested tables first, reports their problems against the outer table, and leaves unmarked tables as they are', () => {
    const inner = `<table><tr>${td('1_0', 'in')}</tr></table>`;
    const html = `<table><tr><td>plain</td></tr></table><table><tr>${td('0_0', `<p>外</p>${inner}`)}</tr></table><table></table>`;
    const models = [table(0, [[cell('0_0')]], null, 1), table(1, [[cell('1_0'), cell('1_1')]], 0, 2)];
    const r = rebuildTables(html, models);
    expect(r.html).toBe(
      '<table><tr><td>plain</td></tr></table><table data-docx-table="0"><tr><td><p>外</p><table data-docx-table="1"><tr><td>in</td><td></td></tr></table></td></tr></table><table></table>',
    );
    expect(r.problems).toEqual([
      { table: 1, message: "row 1, column 2: the converter lost this cell's content (nested table)" },
      { table: 0, message: 'table structure could not be matched with the Word table grid; spans are as the converter made them' },
    ]);
  });

  it('turns checkbox inputs into ☑ / □ and leaves other inputs alone', () => {
    const r = rebuildTables('<p>甲<input type="checkbox" checked="checked" /> 乙<input type="checkbox" /> <input type="text" /></p>', []);
    expect(r.html).toBe('<p>甲☑ 乙□ <input type="text" /></p>');
  });
});
