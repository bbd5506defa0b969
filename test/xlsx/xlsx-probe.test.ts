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
import { unzipSync } from 'fflate';
import { convertXlsx } from '../../src/convert/xlsx/index.js';
import { readSharedStrings, readStyles } from '../../src/convert/xlsx/parts.js';
import { readSheet } from '../../src/convert/xlsx/sheet.js';
import { htmlToGrid } from '../../src/parse/grid.js';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { formById, MOF_DOCUMENTS, renderDocx, type MofForm } from '../helpers/mof/index.js';
import { readingWithoutProvenance } from '../helpers/mof/read.js';
import { documentSheets, formSheet } from '../helpers/mof/xlsx.js';
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

/** What was read, without the raw texts (full-width digits, a format's padding): the values, findings and checks. */
function valuesOf(result: DocumentResult): unknown {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([k]) => !['raw', 'message', 'text'].includes(k)).map(([k, v]) => [k, strip(v)]));
    return x;
  };
  return strip(readingWithout(result));
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
    ['a print time far to the right, on rows of its own above and below (a system export)', (s) => {
      const moved = insertRows(s, 0, 1);
      const { rows, cols } = extent(moved);
      const stamp: XCell = { t: 'string', text: '打印时间：2024-03-01 10:32' };
      return { ...moved, cells: { ...moved.cells, [cellRef(0, cols + 14)]: stamp, [cellRef(rows + 1, cols + 20)]: stamp } };
    }],
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

  it('a row without borders above the table, 填报单位 at its left and 金额单位：元 at its right, states the unit of the amounts', async () => {
    const form: MofForm = { ...formById('project-school-yuan'), bareFundsLabel: true, unitLine: '金额单位：元' };
    const sheet = framed(formSheet(form));
    const at = rowOf(sheet, '金额单位：元');
    const { cols } = extent(sheet);
    const cells = Object.fromEntries(Object.entries(sheet.cells).filter(([ref]) => refPos(ref)[0] !== at));
    cells[cellRef(at, 0)] = { t: 'string', text: '填报单位：云岭县第一中学' };
    cells[cellRef(at, cols - 1)] = { t: 'string', text: '金额单位：元' };
    const merges = (sheet.merges ?? []).filter((m) => refPos(m.split(':')[0]!)[0] !== at);
    const reworked = { ...sheet, cells, merges };
    const { html } = convertXlsx(buildXlsx([reworked]));
    expect(html).toContain('<p>填报单位：云岭县第一中学\u3000\u3000金额单位：元</p>');
    const result = await readSheets([reworked]);
    expect(result.evaluations[0]!.funds!.unit).toBe('元');
    expect(valuesOf(result)).toEqual(valuesOf(await readDocx(form)));
  });

  it('a sheet whose table draws no border is not read by borders: a lone bordered box (单位盖章) below changes nothing', async () => {
    for (const form of FORMS) {
      const sheet = unmergedLines(formSheet(form), 'center');
      const { rows, cols } = extent(sheet);
      const stamp: XSheet = { ...sheet, cells: { ...sheet.cells, [cellRef(rows + 1, cols - 2)]: { t: 'string', text: '单位盖章', border: true }, [cellRef(rows + 1, cols - 1)]: { t: 'empty', border: true } } };
      const plain = tableRows(sheet);
      expect(tableRows(stamp).slice(0, plain.length)).toEqual(plain);
    }
  });

  it.each(FORMS.map((form) => ({ id: form.id, form })))('$id: on a sheet without borders, title lines centred across the table (跨列居中) read as merged', async ({ form }) => {
    expect(readingWithout(await readSheets([unmergedLines(formSheet(form), 'centerContinuous')]))).toEqual(readingWithout(await readDocx(form)));
  });

  it('on a sheet without borders, forms stacked with no empty row between under titles centred across: one evaluation each', async () => {
    const forms = [formById('project-road-wan'), formById('department-agri-bureau')];
    const result = await readSheets([stacked(forms.map((form) => unmergedLines(formSheet(form), 'centerContinuous')), 0)]);
    expect(readingWithout(result)).toEqual(readingWithout(await readSheets(forms.map((form) => formSheet(form)))));
  });

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

describe('formulas without a saved result', () => {
  it('an empty <v/> after a formula (as openpyxl writes every formula) is no result: reported, not read as a blank cell', async () => {
    const form = formById('project-road-wan');
    const sheet = formSheet(form);
    const [ref, rate] = Object.entries(sheet.cells).find((e): e is [string, Extract<XCell, { t: 'formula' }>] => e[1].t === 'formula')!;
    const result = await readSheets([{ ...sheet, cells: { ...sheet.cells, [ref]: { ...rate, cached: '' } } }]);
    expect(result.evaluations[0]!.funds!.lines[0]!.rate?.value ?? null).toBeNull();
    expect(result.findings.filter((f) => f.rule === 'extract-xlsx-formula-uncached').map((f) => f.message)).toEqual([expect.stringContaining(`(${ref})`)]);
  });

  it('a formula whose saved text result is empty (t="str") is an empty cell, as Excel shows it', () => {
    const { messages } = convertXlsx(buildXlsx([{ name: 'S', cells: { A1: { t: 'string', text: '备注' }, B1: { t: 'formula', formula: 'IF(C1>0,"超支","")', cached: '', str: true } } }]));
    expect(messages).toEqual([]);
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

describe('cells stored as other writers store them', () => {
  const FW = (text: string) => text.replace(/[0-9.,]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  /** Each number or formula cell replaced by `f` of the text Excel shows there. */
  const asText = (sheet: XSheet, f: (shown: string, ref: string) => XCell) => {
    const files = unzipSync(buildXlsx([sheet]));
    const { formats, xfFormat } = readStyles(files['xl/styles.xml'], 'styles');
    const sharedStrings = readSharedStrings(files['xl/sharedStrings.xml'], 'strings');
    const { cells } = readSheet(files['xl/worksheets/sheet1.xml']!, 'sheet', { sharedStrings, formats, xfFormat, date1904: false });
    const shown = new Map(cells.map((c) => [cellRef(c.row, c.col), c.text]));
    return mapCells(sheet, (c, ref) => (c.t === 'number' || c.t === 'formula' ? f(shown.get(ref)!, ref) : c));
  };
  const stores: [string, (s: XSheet) => XSheet][] = [
    ['numbers typed as text (shared strings)', (s) => asText(s, (text) => ({ t: 'string', text }))],
    // The funds block's amounts, weights and scores (an indicator's 年度指标值 and 完成值 keep their printed text).
    ['funds typed in full-width digits, inline strings', (s) => {
      const indicators = rowOf(s, '绩效指标');
      return asText(s, (text, ref) => ({ t: 'string', text: refPos(ref)[0] < indicators ? FW(text) : text, inline: true }));
    }],
    ['labels in rich-text runs', (s) => mapCells(s, (c) => (c.t === 'string' && c.text.length > 2 ? { ...c, runs: [c.text.slice(0, 2), c.text.slice(2)] } : c))],
    ['amounts with padded formats (0.00_ ) and red negatives', (s) => mapCells(s, (c) => (c.t === 'number' && typeof c.format === 'string' && /^0\.0+$/u.test(c.format) ? { ...c, format: `${c.format}_ ;[Red]\\-${c.format}\\ ` } : c))],
  ];
  for (const form of FORMS) {
    it.each(stores.map(([name, store]) => ({ name, store })))(`${form.id}: $name`, async ({ store }) => {
      expect(valuesOf(await readSheets([store(formSheet(form))]))).toEqual(valuesOf(await readDocx(form)));
    });
  }

  it('a 完成值 stored as an Excel date shown as m"月" reads as the month the form prints', async () => {
    const form = formById('department-agri-bureau');
    const sheet = formSheet(form);
    const ref = findText(sheet, '8月')!;
    for (const cell of [{ t: 'number', value: 45169, format: 'm"月"' }, { t: 'date', iso: '2023-08-31T00:00:00', format: '[$-804]m"月"' }] as XCell[]) {
      expect(readingWithout(await readSheets([{ ...sheet, cells: { ...sheet.cells, [ref]: cell } }]))).toEqual(readingWithout(await readDocx(form)));
    }
  });

  it('print titles, a print area, page breaks and the indicator header repeated after a break change nothing', async () => {
    const form = formById('project-road-wan');
    const sheet = framed(formSheet(form));
    const header = rowOf(sheet, '一级指标');
    const repeated = insertRows(sheet, header + 4, 1);
    for (const [ref, cell] of Object.entries(sheet.cells)) if (refPos(ref)[0] === header && refPos(ref)[1] > 0) repeated.cells[cellRef(header + 4, refPos(ref)[1])] = cell;
    const names = [
      { name: '_xlnm.Print_Titles', sheet: 0, ref: `'${sheet.name}'!$1:$3` },
      { name: '_xlnm.Print_Area', sheet: 0, ref: `'${sheet.name}'!$A$1:$J$40` },
    ];
    const bytes = buildXlsx([{ ...repeated, rowBreaks: [header + 4] }], { definedNames: names });
    expect(readingWithout(await processDocument({ bytes, file: 'form.xlsx' }))).toEqual(readingWithout(await readDocx(form)));
  });
});

describe('workbooks of several sheets', () => {
  it.each(MOF_DOCUMENTS.map((doc) => ({ id: doc.id, doc })))('$id: a sheet per table under Chinese names, a hidden old copy left out', async ({ doc }) => {
    const sheets = documentSheets(doc.parts).map((sheet, i) => ({ ...sheet, name: i === 0 ? '公开01表' : `附表${i + 1}（${doc.id.startsWith('final') ? '决算' : '自评'}）` }));
    const withHidden = [...sheets, { ...sheets.at(-1)!, name: '旧版（勿删）', state: 'hidden' as const }];
    const result = await readSheets(withHidden);
    const docx = await processDocument({ bytes: renderDocx(doc.parts), file: `${doc.id}.docx` });
    expect(result.evaluations).toHaveLength(doc.forms.length);
    expect(readingWithout(result, ['extract-xlsx-hidden-sheet'])).toEqual(readingWithout(docx));
  });
});
