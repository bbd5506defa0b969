/**
 * MoF forms as other writers lay them out in Excel (WPS, provincial finance systems, hand-made
 * workbooks): the same form must read to the same evaluation as its clean .docx, whatever the sheet
 * does around it — offsets, narrow-column grids, spacer rows, hidden helper rows and columns, title
 * lines that are not merged, other number formats, numbers typed as text. Where the workbook itself
 * says something the Word copy cannot (a hidden column, a format that cannot be rendered), the reading
 * is the same and an extraction info says so.
 */
import { describe, expect, it } from 'vitest';
import { buildXlsx, cellRef, type XCell, type XSheet } from '../../scripts/fixtures/spreadsheetml.js';
import { convertXlsx } from '../../src/convert/xlsx/index.js';
import { htmlToGrid } from '../../src/parse/grid.js';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { formById, renderDocx, type MofForm } from '../helpers/mof/index.js';
import { readingWithoutProvenance } from '../helpers/mof/read.js';
import { formSheet } from '../helpers/mof/xlsx.js';
import { extent, findText, framed, insertCols, insertRows, mapCells, offset, refPos, unmergedLines, widen } from '../helpers/xlsx-rework.js';

const docxReading = new Map<string, Promise<DocumentResult>>();
function readDocx(form: MofForm): Promise<DocumentResult> {
  if (!docxReading.has(form.id)) docxReading.set(form.id, processDocument({ bytes: renderDocx(form), file: `${form.id}.docx` }));
  return docxReading.get(form.id)!;
}

const readSheets = (sheets: XSheet[]) => processDocument({ bytes: buildXlsx(sheets), file: 'form.xlsx' });

/** The reading without the findings of `rules` (what the workbook adds about itself). */
function readingWithout(result: DocumentResult, rules: string[] = []): unknown {
  return readingWithoutProvenance({ ...result, findings: result.findings.filter((f) => !rules.includes(f.rule)) });
}

/** Texts of a converted sheet's first table, row by row (anchor cells only). */
function tableRows(sheet: XSheet): string[][] {
  const grid = htmlToGrid(convertXlsx(buildXlsx([sheet])).html);
  const out: string[][] = [];
  for (const c of grid.tables[0]!.cells) (out[c.row] ??= []).push(c.text);
  return out;
}

const FORMS = ['project-road-wan', 'project-school-yuan', 'project-it-platform-wan', 'department-agri-bureau'].map(formById);
const rowOf = (sheet: XSheet, text: string | RegExp) => refPos(findText(sheet, text)!)[0];

describe('the same form placed differently on the sheet', () => {
  const layouts: [string, (s: XSheet) => XSheet][] = [
    ['moved down and right', (s) => offset(s, 3, 2)],
    ['an empty spacer row above the funds, the goals, the indicators and the 总分', (s) => {
      let out = s;
      for (const label of ['总分', '绩效指标', /^年度\n?总体/u, /^(项目|预算)资金/u]) out = insertRows(out, rowOf(out, label), 1);
      return out;
    }],
    ['an empty column inside the table', (s) => insertCols(s, 1, 1)],
  ];
  for (const form of FORMS) {
    it.each(layouts.map(([name, layout]) => ({ name, layout })))(`${form.id}: $name`, async ({ layout }) => {
      expect(readingWithout(await readSheets([layout(formSheet(form))]))).toEqual(readingWithout(await readDocx(form)));
    });
  }
});

describe('hidden rows and columns are not read, as Excel does not show them', () => {
  /** A hidden column A of system codes beside every row of the form (a finance system's export). */
  function codesInHiddenColumn(s: XSheet): XSheet {
    const moved = insertCols(s, 0, 1);
    const cells = { ...moved.cells };
    for (let r = 0; r < extent(moved).rows; r++) cells[cellRef(r, 0)] = { t: 'string', text: `5300002310${String(r).padStart(4, '0')}` };
    return { ...moved, cells, hiddenCols: [0] };
  }
  /** An old indicator kept in a hidden row inside the indicator block, its weight and score filled. */
  function oldIndicatorInHiddenRow(s: XSheet): XSheet {
    const at = rowOf(s, '总分') - 1;
    const moved = insertRows(s, at, 1);
    const texts = ['旧指标：年度任务完成率', '≥90%', '95%', '5', '5'];
    const level3 = refPos(findText(moved, '三级指标')!)[1];
    const cells = { ...moved.cells };
    texts.forEach((text, i) => (cells[cellRef(at, level3 + i)] = { t: 'string', text }));
    return { ...moved, cells, hiddenRows: [at] };
  }

  it.each(FORMS.map((form) => ({ id: form.id, form })))('$id: a hidden column of codes and a hidden old indicator row', async ({ form }) => {
    const result = await readSheets([oldIndicatorInHiddenRow(codesInHiddenColumn(formSheet(form)))]);
    expect(readingWithout(result, ['extract-xlsx-hidden-cells'])).toEqual(readingWithout(await readDocx(form)));
    const hidden = result.findings.filter((f) => f.rule === 'extract-xlsx-hidden-cells');
    expect(hidden.map((f) => [f.severity, f.part])).toEqual([['info', null]]);
    expect(hidden[0]!.message).toMatch(/1 hidden row\(s\) \(\d+\) and 1 hidden column\(s\) \(A\)/u);
  });

  it('a merged range closes up over its hidden rows and columns, its text shown even when its first row is hidden', () => {
    const s = (text: string): XCell => ({ t: 'string', text });
    const rows = tableRows({
      name: 'S',
      cells: { A1: s('绩效指标'), B1: s('一级'), C1: s('x'), B2: s('旧'), C2: s('y'), B3: s('产出'), C3: s('z'), A4: s('总分'), B4: s('100'), D1: s('隐藏列') },
      merges: ['A1:A3', 'C3:D3'],
      hiddenRows: [1],
      hiddenCols: [3],
    });
    expect(rows).toEqual([['绩效指标', '一级', 'x'], ['产出', 'z'], ['总分', '100', '']]);
    const anchorHidden = tableRows({ name: 'S', cells: { A1: s('项目资金'), B1: s('a'), B2: s('b'), B3: s('c') }, merges: ['A1:A3'], hiddenRows: [0] });
    expect(anchorHidden).toEqual([['项目资金', 'b'], ['c']]);
  });

  it('hidden columns and rows that hold nothing (the unused rest of the sheet) are not reported', async () => {
    const form = formById('project-road-wan');
    const sheet = formSheet(form);
    const { rows, cols } = extent(sheet);
    const result = await readSheets([{ ...sheet, hiddenCols: Array.from({ length: 30 }, (_, i) => cols + i), hiddenRows: [rows + 2, rows + 3] }]);
    expect(readingWithout(result)).toEqual(readingWithout(await readDocx(form)));
  });
});

describe('title lines set apart by the table\'s borders, not by a merge', () => {
  /** Sheets one under another, `gap` empty rows apart. */
  function stacked(sheets: XSheet[], gap: number): XSheet {
    let top = 0;
    const out: XSheet = { name: '自评表', cells: {}, merges: [] };
    for (const sheet of sheets) {
      const moved = offset(sheet, top, 0);
      Object.assign(out.cells, moved.cells);
      out.merges!.push(...(moved.merges ?? []));
      top += extent(sheet).rows + gap;
    }
    return out;
  }

  for (const form of FORMS) {
    it.each([
      { name: 'centred across the table (跨列居中)', rework: (s: XSheet) => unmergedLines(framed(s), 'centerContinuous') },
      { name: 'in a row of centred cells (a whole-row style)', rework: (s: XSheet) => unmergedLines(framed(s), 'center') },
      { name: 'on a grid of narrow columns, the caption merged over a few of them', rework: (s: XSheet) => widen(framed(s), 3) },
    ])(`${form.id}: title lines $name`, async ({ rework }) => {
      expect(readingWithout(await readSheets([rework(formSheet(form))]))).toEqual(readingWithout(await readDocx(form)));
    });
  }

  it('forms stacked with no empty row between, their titles centred across without a merge: one evaluation each', async () => {
    const forms = [formById('department-agri-bureau'), formById('project-road-wan'), formById('project-school-yuan')];
    const sheet = stacked(forms.map((form) => unmergedLines(framed(formSheet(form)), 'centerContinuous')), 0);
    const result = await readSheets([sheet]);
    expect(result.evaluations.map((e) => e.identity.projectName?.value ?? e.identity.unit?.value)).toEqual(['云岭县农业农村局', forms[1]!.projectName, forms[2]!.projectName]);
    const separately = await readSheets(forms.map((form) => formSheet(form)));
    expect(readingWithout(result)).toEqual(readingWithout(separately));
  });
});

describe('number formats written with a Chinese Excel\'s keywords', () => {
  const s = (text: string): XCell => ({ t: 'string', text });
  const shown = (cell: XCell) => {
    const { html, messages } = convertXlsx(buildXlsx([{ name: 'S', cells: { A1: s('值'), B1: cell } }]));
    return { text: htmlToGrid(html).tables[0]!.cells[1]!.text, rules: messages.map((m) => m.rule) };
  };

  it.each([
    ['0.00%;[红色]-0.00%', '0.961425', '96.14%'],
    ['#,##0.00;[红色]-#,##0.00', '-1234.5', '-1,234.50'],
    ['0.000_ ;[红色]\\-0.000\\ ', '1235.4444', '1235.444 '],
    ['[颜色10]0.0', '43.64', '43.6'],
    ['G/通用格式', '1320.644', '1320.644'],
  ])('%s shows %s as %s', (format, value, text) => {
    expect(shown({ t: 'number', value, format })).toEqual({ text, rules: [] });
  });

  it('a format that cannot be rendered at all is shown in General and reported with its cells', () => {
    const { html, messages } = convertXlsx(buildXlsx([{ name: '自评表', cells: { A1: s('执行率'), B1: { t: 'number', value: '0.961425', format: '0.00%[' }, C1: { t: 'number', value: '0.5', format: '0.00%[' } } }]));
    expect(htmlToGrid(html).tables[0]!.cells.map((c) => c.text)).toEqual(['执行率', '0.961425', '0.5']);
    expect(messages).toEqual([{ rule: 'extract-xlsx-number-format', message: expect.stringMatching(/2 number cell\(s\) \(B1, C1\) with the number format "0\.00%\["/u) as unknown as string, table: 0 }]);
  });

  it.each(FORMS.map((form) => ({ id: form.id, form })))('$id: amounts and rates formatted with [红色] for negatives read as printed', async ({ form }) => {
    const red = (code: string | number | undefined): string | number | undefined => {
      const codes: Record<number, string> = { 2: '0.00', 4: '#,##0.00', 9: '0%', 10: '0.00%' };
      const c = typeof code === 'number' ? codes[code] : code;
      return c && c !== 'General' ? `${c};[红色]-${c}` : code;
    };
    const sheet = mapCells(formSheet(form), (c) => (c.t === 'number' || c.t === 'formula' ? { ...c, format: red(c.format) } : c));
    expect(readingWithout(await readSheets([sheet]))).toEqual(readingWithout(await readDocx(form)));
  });
});

describe('cell styles', () => {
  it('a conditional format\'s own numFmt does not change the code a cell style names by the same id', async () => {
    const form = formById('project-road-wan');
    const bytes = buildXlsx([formSheet(form)]);
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const files = unzipSync(bytes);
    const styles = strFromU8(files['xl/styles.xml']!);
    const id = /<numFmt numFmtId="(\d+)" formatCode="0\.000"\/>/u.exec(styles)![1]!;
    // Conditional formatting's differential formats come after cellXfs, each with its own numFmt.
    files['xl/styles.xml'] = strToU8(styles.replace('</styleSheet>', `<dxfs count="1"><dxf><numFmt numFmtId="${id}" formatCode="0%"/></dxf></dxfs></styleSheet>`));
    const result = await processDocument({ bytes: zipSync(files), file: 'form.xlsx' });
    expect(readingWithout(result)).toEqual(readingWithout(await readDocx(form)));
  });
});
