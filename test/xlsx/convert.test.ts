/** The .xlsx reader: every cell as Excel displays it, merges as spans, sheets in order, title lines. */
import { describe, expect, it } from 'vitest';
import { buildXlsx, type XCell, type XSheet } from '../../scripts/fixtures/spreadsheetml.js';
import { convertXlsx } from '../../src/convert/xlsx/index.js';
import { htmlToGrid } from '../../src/parse/grid.js';

const s = (text: string, extra: Partial<Extract<XCell, { t: 'string' }>> = {}): XCell => ({ t: 'string', text, ...extra });
const n = (value: number | string, format?: number | string): XCell => ({ t: 'number', value, ...(format !== undefined ? { format } : {}) });

function grid(sheets: XSheet[], options: Parameters<typeof buildXlsx>[1] = {}) {
  const { html, messages } = convertXlsx(buildXlsx(sheets, options));
  return { grid: htmlToGrid(html), html, messages };
}

/** Texts of a table's rows (anchor cells only). */
function rowsOf(table: ReturnType<typeof htmlToGrid>['tables'][number]): string[][] {
  const out: string[][] = [];
  for (const c of table.cells) (out[c.row] ??= []).push(c.text);
  return out;
}

describe('cell display', () => {
  // One row per case: [stored cell, text Excel shows]
  const cases: [XCell, string][] = [
    [n('0.961425', 10), '96.14%'], // built-in 0.00%
    [n('0.961425', 9), '96%'], // built-in 0%
    [n('0.9615', '0.0%'), '96.2%'], // custom code
    [n('1.005', 2), '1.01'], // Excel rounds the decimal it shows, not the binary float
    [n('2.675', '0.00'), '2.68'],
    [n('3024587.36', 4), '3,024,587.36'],
    [n('1235.444', '0.000'), '1235.444'],
    [n('1235.4', '0.000'), '1235.400'],
    [n('43.6'), '43.6'], // General
    [n('0.30000000000000004'), '0.3'], // General shows at most 11 characters
    [n('123456789012'), '1.23457E+11'],
    [n('45291', 14), '2023/12/31'], // built-in short date, as a Chinese Excel shows it
    [n('45291', 31), '2023年12月31日'],
    [n('45291', 'yyyy"年"m"月"d"日"'), '2023年12月31日'],
    [n('45291.75', 'yyyy-mm-dd hh:mm'), '2023-12-31 18:00'],
    [n('45291', '[$-804]yyyy"年"m"月"'), '2023年12月'],
    [n('-1234.5', '#,##0.00;[Red](#,##0.00)'), '(1,234.50)'],
    [n('0', '0.00;-0.00;"—"'), '—'],
    [{ t: 'formula', formula: 'E5/D5', cached: 0.9148148148148149, format: 10 }, '91.48%'],
    [{ t: 'formula', formula: 'B2&"万元"', cached: '12.5万元', str: true }, '12.5万元'],
    [{ t: 'formula', formula: 'A1', cached: 7, shared: true }, '7'],
    [{ t: 'date', iso: '2024-03-05T00:00:00', format: 'yyyy"年"m"月"d"日"' }, '2024年3月5日'],
    [{ t: 'bool', value: true }, 'TRUE'],
    [{ t: 'error', text: '#DIV/0!' }, '#DIV/0!'],
    [s('项目名称'), '项目名称'],
    [s('', { inline: true, runs: ['执行', '率'] }), '执行率'],
    [s('', { runs: ['预算', '执行', '数'] }), '预算执行数'],
    [s('社区', { phonetic: 'しゃく' }), '社区'],
    [s('A_x000D_B'), 'A\rB'],
    [s('项目资金\n（万元）'), '项目资金\n（万元）'],
    [s('不适用', { inline: true }), '不适用'],
  ];
  it.each(cases.map(([cell, shown], i) => ({ i, cell, shown })))('case $i shows $shown', ({ cell, shown }) => {
    const { grid: g } = grid([{ name: 'S', cells: { A1: s('值'), B1: cell } }]);
    const cells = g.tables[0]!.cells;
    expect(cells.map((c) => c.text)).toEqual(['值', shown.replace(/\r/gu, '\n')]);
  });

  it('dates of a 1904 workbook count from 1904', () => {
    const { grid: g } = grid([{ name: 'S', cells: { A1: s('日期'), B1: n(43829, 'yyyy-mm-dd') } }], { date1904: true });
    expect(g.tables[0]!.cells[1]!.text).toBe('2023-12-31');
  });

  it('a formula without a saved result is empty and reported, never computed', () => {
    const { grid: g, messages } = grid([{ name: '自评表', cells: { A1: s('执行率'), B1: { t: 'formula', formula: 'C1/D1', format: 10 }, C1: n(5), D1: n(10) } }]);
    expect(rowsOf(g.tables[0]!)).toEqual([['执行率', '', '5', '10']]);
    expect(messages).toEqual([{ rule: 'extract-xlsx-formula-uncached', message: expect.stringContaining('B1') as unknown as string, table: 0 }]);
  });

  describe('a workbook marked for recalculation when opened (fullCalcOnLoad)', () => {
    const formula = (f: string, cached: number): XCell => ({ t: 'formula', formula: f, cached, format: 10 });
    const pad = (rows: string[][]) => rows.map((r) => [...r, ...Array<string>(4 - r.length).fill('')]);
    const sheet = (b1: number, b2: number) => [{ name: '自评表', cells: { A1: s('执行率'), B1: formula('C1/D1', b1), C1: n(5), D1: n(10), A2: s('得分'), B2: formula('B1*10', b2) } }];

    it('with 0 saved as every result (XlsxWriter’s placeholders): the results are not read, and reported', () => {
      const stale = grid(sheet(0, 0), { fullCalcOnLoad: true });
      expect(rowsOf(stale.grid.tables[0]!)).toEqual(pad([['执行率', '', '5', '10'], ['得分', '']]));
      expect(stale.messages).toEqual([{ rule: 'extract-xlsx-formula-uncached', message: expect.stringMatching(/fullCalcOnLoad.*B1, B2/u) as unknown as string, table: 0 }]);
    });

    it('with any other result saved (the writer computed them): every result stands, a 0 included', () => {
      const computed = grid(sheet(0.5, 0), { fullCalcOnLoad: true });
      expect(rowsOf(computed.grid.tables[0]!)).toEqual(pad([['执行率', '50.00%', '5', '10'], ['得分', '0.00%']]));
      expect(computed.messages).toEqual([]);
    });

    it('without the mark, a saved 0 is what Excel shows', () => {
      const saved = grid(sheet(0, 0));
      expect(rowsOf(saved.grid.tables[0]!)).toEqual(pad([['执行率', '0.00%', '5', '10'], ['得分', '0.00%']]));
      expect(saved.messages).toEqual([]);
    });
  });

  it('the strict (ISO 29500) namespace reads the same', () => {
    const { grid: g } = grid([{ name: 'S', cells: { A1: s('执行率'), B1: n('0.5', 9) } }], { namespace: 'http://purl.oclc.org/ooxml/spreadsheetml/main' });
    expect(rowsOf(g.tables[0]!)).toEqual([['执行率', '50%']]);
  });
});

describe('sheets and tables', () => {
  const form: XSheet = {
    name: '项目自评表',
    cells: {
      B2: s('附件2'),
      B3: s('项目支出绩效自评表'),
      ...Object.fromEntries(['C3', 'D3', 'E3'].map((r) => [r, { t: 'empty' } as XCell])),
      B4: s('（2023年度）'),
      B6: s('项目名称'),
      C6: s('乡村道路'),
      D6: { t: 'empty' },
      E6: { t: 'empty' },
      B7: s('项目资金'),
      C7: s('预算数'),
      D7: s('执行数'),
      E7: s('执行率'),
      C8: n('100', '0.00'),
      D8: n('96.1425', '0.00'),
      E8: { t: 'formula', formula: 'D8/C8', cached: 0.961425, format: 10 },
      D9: s('covered text Excel does not show'),
      B10: s('注：金额单位为万元。'),
      C10: { t: 'empty' },
      H20: { t: 'empty' },
    },
    merges: ['B3:E3', 'B4:E4', 'C6:E6', 'B7:B9', 'C9:E9', 'B10:E10'],
  };

  it('merges become spans (covered cells omitted), title and note lines become paragraphs, margins go', () => {
    const { grid: g, html } = grid([form]);
    expect(g.tables).toHaveLength(1);
    const t = g.tables[0]!;
    expect([t.rowCount, t.colCount]).toEqual([4, 4]);
    expect(t.cells.map((c) => [c.row, c.col, c.rowspan, c.colspan, c.text])).toEqual([
      [0, 0, 1, 1, '项目名称'],
      [0, 1, 1, 3, '乡村道路'],
      [1, 0, 3, 1, '项目资金'],
      [1, 1, 1, 1, '预算数'],
      [1, 2, 1, 1, '执行数'],
      [1, 3, 1, 1, '执行率'],
      [2, 1, 1, 1, '100.00'],
      [2, 2, 1, 1, '96.14'],
      [2, 3, 1, 1, '96.14%'],
      [3, 1, 1, 3, ''],
    ]);
    expect(g.blocks.filter((b) => !b.cell).map((b) => b.text)).toEqual(['项目自评表', '附件2', '项目支出绩效自评表', '（2023年度）', '注：金额单位为万元。']);
    expect(html).not.toContain('covered text');
  });

  it('every visible sheet in workbook order, each after a paragraph with its name; hidden sheets are reported', () => {
    const { grid: g, messages } = grid([
      { name: '封面', cells: { A1: s('单位'), B1: s('云岭县') } },
      { name: '隐藏', cells: { A1: s('旧表'), B1: s('x') }, state: 'hidden' },
      { name: '空表', cells: {} },
      form,
    ]);
    expect(g.tables.map((t) => t.cells[0]!.text)).toEqual(['单位', '项目名称']);
    expect(g.blocks.filter((b) => !b.cell).map((b) => b.text).slice(0, 3)).toEqual(['封面', '空表', '项目自评表']);
    expect(messages.map((m) => m.rule)).toEqual(['extract-xlsx-hidden-sheet']);
  });

  it('a sheet of single-cell lines stays a table; a row with one cell inside the table stays in it', () => {
    const { grid: g } = grid([{ name: 'S', cells: { A1: s('一'), A2: s('二'), A3: s('三') } }]);
    expect(rowsOf(g.tables[0]!)).toEqual([['一'], ['二'], ['三']]);
    const inner = grid([{ name: 'S', cells: { A1: s('a'), B1: s('b'), A2: s('仅一格'), A3: s('c'), B3: s('d') } }]);
    expect(rowsOf(inner.grid.tables[0]!)).toEqual([['a', 'b'], ['仅一格', ''], ['c', 'd']]);
  });

  it('a line naming a table between two tables starts a table of its own, under its title lines', () => {
    const wide = (ref: string, text: string) => ({ [ref]: s(text), ...Object.fromEntries(['B', 'C'].map((col) => [`${col}${ref.slice(1)}`, { t: 'empty' } as XCell])) });
    const sheet: XSheet = {
      name: 'S',
      cells: {
        ...wide('A1', '项目支出绩效自评表'),
        A2: s('项目名称'), B2: s('甲'), C2: s('x'),
        A3: s('其他资金'), // a row of one cell inside a table stays in it
        A4: s('总分'), B4: s('100'), C4: s('95'),
        ...wide('A5', '填报人：张三'),
        ...wide('A7', '2023年度项目支出绩效自评表'),
        ...wide('A8', '（2023年度）'),
        A9: s('项目名称'), B9: s('乙'), C9: s('y'),
        ...wide('A10', '注：详见附表'),
      },
      merges: ['A1:C1', 'A5:C5', 'A7:C7', 'A8:C8', 'A10:C10'],
    };
    const { grid: g, messages } = grid([sheet, { name: 'T', cells: { A1: s('a'), B1: { t: 'formula', formula: 'A1*2' } } }]);
    expect(g.tables.map(rowsOf)).toEqual([
      [['项目名称', '甲', 'x'], ['其他资金', '', ''], ['总分', '100', '95']],
      [['项目名称', '乙', 'y']],
      [['a']],
    ]);
    expect(g.blocks.filter((b) => !b.cell).map((b) => b.text)).toEqual(['S', '项目支出绩效自评表', '填报人：张三', '2023年度项目支出绩效自评表', '（2023年度）', '注：详见附表', 'T']);
    // A converter message names its table by the document's count, stacked tables included.
    expect(messages.map((m) => [m.rule, m.table])).toEqual([['extract-xlsx-formula-uncached', 2]]);
  });

  it('a line naming a table starts one only when set apart: merged across, or after an empty row', () => {
    const { grid: g } = grid([{ name: 'S', cells: { A1: s('名称'), B1: s('值'), A2: s('部门收支总表'), A3: s('a'), B3: s('b'), A4: s('见附表') } }]);
    // The only cell its row writes, right under a table row: a row of the table (an item left sparse).
    expect(g.tables.map(rowsOf)).toEqual([[['名称', '值'], ['部门收支总表', ''], ['a', 'b']]]);
    expect(g.blocks.filter((b) => !b.cell).map((b) => b.text)).toEqual(['S', '见附表']);
    const apart = grid([{ name: 'S', cells: { A1: s('名称'), B1: s('值'), A3: s('部门收支总表'), A4: s('a'), B4: s('b'), A5: s('见附表') } }]);
    expect(apart.grid.tables.map(rowsOf)).toEqual([[['名称', '值']], [['a', 'b']]]);
    expect(apart.grid.blocks.filter((b) => !b.cell).map((b) => b.text)).toEqual(['S', '部门收支总表', '见附表']);
  });

  it('a huge merged range or a far-away stray cell cannot blow the table up', () => {
    const merged = grid([{ name: 'S', cells: { A1: s('a'), B1: s('b'), A2: s('c'), B2: s('d') }, merges: ['B2:XFD1048576'] }]);
    expect(merged.grid.tables[0]!.cells.map((c) => [c.rowspan, c.colspan])).toEqual([[1, 1], [1, 1], [1, 1], [1, 1]]);
    expect(() => convertXlsx(buildXlsx([{ name: 'S', cells: { A1: s('a'), B1: s('b'), A1048576: s('y'), XFD1048576: s('z') } }]))).toThrow(/too-large/u);
  });
});
