/**
 * Rows inside and above an MoF form's funds block that are no form rows (mof-family §2): an empty spacer
 * row (Excel and WPS sheets, Word copies with a blank row left in) is skipped, and the block is read
 * whole; a unit statement printed in a row of the table above the funds (填报单位：… | 金额单位：元) governs
 * the amounts like the same line above the table. Each case is compared with the same form without the
 * extra row, in .docx and Tika text, and in .xlsx where the layout arises from Excel.
 */
import { describe, expect, it } from 'vitest';
import { buildXlsx, cellRef, type XSheet } from '../../scripts/fixtures/spreadsheetml.js';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { formById, renderDocx, renderTika, type MofForm } from '../helpers/mof/index.js';
import { formTable, placeCells, type SpecCell, type TableSpec } from '../helpers/mof/layout.js';
import { readingWithoutProvenance, serious } from '../helpers/mof/read.js';
import { formSheet } from '../helpers/mof/xlsx.js';
import { findText, insertRows, refPos } from '../helpers/xlsx-rework.js';

const ROAD = 'project-road-wan';
const DEPARTMENT = 'department-agri-bureau';

/** The index of the first table row with a cell whose text matches. */
function rowWith(table: TableSpec, text: string | RegExp): number {
  const at = table.rows.findIndex((row) => row.some((c) => (typeof text === 'string' ? c.text === text : text.test(c.text))));
  if (at < 0) throw new Error(`no row with ${String(text)}`);
  return at;
}

/**
 * The table with an empty row inserted before row `at`: a cell reaching down across it (the funds
 * label, 绩效指标, 一级指标) reaches over it too, as a merge does in Word and Excel; every other slot is an
 * empty cell.
 */
function withEmptyRow(table: TableSpec, at: number): TableSpec {
  const placed = placeCells(table);
  const crossing = new Set<SpecCell>();
  for (const p of placed[at] ?? []) if (p.anchorRow < at) crossing.add(p.cell);
  const rows = table.rows.map((row) => row.map((cell) => (crossing.has(cell) ? { ...cell, rowspan: (cell.rowspan ?? 1) + 1 } : cell)));
  const covered = (placed[at] ?? []).filter((p) => p.anchorRow < at);
  const empty: SpecCell[] = [];
  for (let col = 0; col < table.cols; ) {
    const over = covered.find((p) => p.col === col);
    if (!over) empty.push({ text: '' });
    col += over?.cell.colspan ?? 1;
  }
  rows.splice(at, 0, empty);
  return { cols: table.cols, rows };
}

type Format = 'docx' | 'txt';
const FORMATS: Format[] = ['docx', 'txt'];

/** The form's table, reworked, printed under the form's title and year lines (and any lines given). */
async function readTable(form: MofForm, table: TableSpec, format: Format, lines: string[] = []): Promise<DocumentResult> {
  const parts = [{ kind: 'table' as const, lines: [form.title, form.yearLine, ...lines], table }];
  const bytes = format === 'docx' ? renderDocx(parts) : new TextEncoder().encode(renderTika(parts));
  const result = await processDocument({ bytes, file: `${form.id}.${format}` });
  expect(result.status, result.error ?? '').toBe('ok');
  expect(result.evaluations).toHaveLength(1);
  return result;
}

const plain = (form: MofForm, format: Format) => readTable(form, formTable(form), format);

/** The sheet row (0-based) of the cell whose text is `text`. */
const rowOf = (sheet: XSheet, text: string) => refPos(findText(sheet, text)!)[0];

describe.each(FORMATS)('an empty row inside an MoF form (%s)', (format) => {
  const places: [string, (t: TableSpec) => number][] = [
    ['between the funds header and 年度资金总额', (t) => rowWith(t, '年初预算数') + 1],
    ['between two 其中 rows', (t) => rowWith(t, '年初预算数') + 3],
    ['after the last 其中 row, before 年度总体目标', (t) => rowWith(t, /^年度\n?总体/u)],
    ['between the goals and the indicator header', (t) => rowWith(t, '一级指标')],
    ['between the indicator header and the first indicator', (t) => rowWith(t, '一级指标') + 1],
    ['between two indicator rows', (t) => rowWith(t, '一级指标') + 3],
  ];
  for (const id of [ROAD, DEPARTMENT]) {
    it.each(places.map(([name, at]) => ({ name, at })))(`${id}: $name is skipped, the form read as without it`, async ({ at }) => {
      const form = formById(id);
      const table = formTable(form);
      const spaced = await readTable(form, withEmptyRow(table, at(table)), format);
      expect(spaced.evaluations[0]!.funds).not.toBeNull();
      expect(serious(spaced)).toEqual(serious(await plain(form, format)));
      expect(readingWithoutProvenance(spaced)).toEqual(readingWithoutProvenance(await plain(form, format)));
    });
  }
});

describe('an empty row inside the funds block of an Excel sheet (.xlsx)', () => {
  const readSheet = (sheet: XSheet) => processDocument({ bytes: buildXlsx([sheet]), file: 'form.xlsx' });
  const places: [string, (s: XSheet) => number][] = [
    ['between the funds header and 年度资金总额', (s) => rowOf(s, '年初预算数') + 1],
    ['between two 其中 rows', (s) => rowOf(s, '年初预算数') + 3],
  ];
  for (const id of [ROAD, DEPARTMENT]) {
    it.each(places.map(([name, at]) => ({ name, at })))(`${id}: $name is skipped, the form read as without it`, async ({ at }) => {
      const sheet = formSheet(formById(id));
      const spaced = await readSheet(insertRows(sheet, at(sheet), 1));
      expect(spaced.evaluations[0]!.funds).not.toBeNull();
      expect(readingWithoutProvenance(spaced)).toEqual(readingWithoutProvenance(await readSheet(sheet)));
    });
  }
});

/** A row of statements printed as the table's first row, its texts spread over the table's width. */
function withFirstRow(table: TableSpec, texts: string[]): TableSpec {
  const widths = texts.map((_, i) => Math.floor(table.cols / texts.length) + (i < table.cols % texts.length ? 1 : 0));
  return { cols: table.cols, rows: [texts.map((text, i) => ({ text, ...(widths[i]! > 1 ? { colspan: widths[i]! } : {}) })), ...table.rows] };
}

/** project-school-yuan prints its amounts in 元; without the unit in its funds label, only the unit row states it. */
const schoolInYuan = (): MofForm => ({ ...formById('project-school-yuan'), bareFundsLabel: true });
const unitOf = (r: DocumentResult) => r.evaluations[0]!.funds!.unit;
const budgets = (r: DocumentResult) => r.evaluations[0]!.funds!.lines.map((l) => l.budget?.value ?? null);

describe.each(FORMATS)('a unit row at the top of the form\'s table (%s)', (format) => {
  const rows: [string, string[]][] = [
    ['填报单位 at the left, 金额单位：元 at the right', ['填报单位：云岭县第一中学', '金额单位：元']],
    ['单位：元 alone at the right, the other cells empty', ['', '', '单位：元']],
    ['（单位：元） in one cell over the whole row', ['（单位：元）']],
    ['填报单位, 填报日期 and 金额单位 in one row', ['填报单位：云岭县第一中学', '填报日期：2024年3月1日', '金额单位：元']],
  ];
  it.each(rows.map(([name, texts]) => ({ name, texts })))('$name: the amounts are read in 元, as with the same line above the table', async ({ texts }) => {
    const form = schoolInYuan();
    const inTable = await readTable(form, withFirstRow(formTable(form), texts), format);
    const above = await readTable(form, formTable(form), format, ['金额单位：元']);
    expect(unitOf(inTable)).toBe('元');
    expect(budgets(inTable)).toEqual(budgets(above));
    expect(serious(inTable)).toEqual(serious(above));
  });

  it('a unit in the funds label still wins over a unit row: 项目资金（元） under 单位：万元', async () => {
    const form = formById('project-school-yuan');
    const r = await readTable(form, withFirstRow(formTable(form), ['', '单位：万元']), format);
    expect(unitOf(r)).toBe('元');
    expect(budgets(r)).toEqual(budgets(await plain(form, format)));
  });

  it('a unit row in the table wins over a line above it: it is nearer the amounts', async () => {
    const form = schoolInYuan();
    const r = await readTable(form, withFirstRow(formTable(form), ['填报单位：云岭县第一中学', '金额单位：元']), format, ['单位：万元']);
    expect(unitOf(r)).toBe('元');
  });
});

describe.each(FORMATS)('rows that are no unit rows (%s)', (format) => {
  it('实施单位 | 元谋县… (a label containing 单位, a name starting with 元) and 填报单位：元谋县… state no unit', async () => {
    const form: MofForm = { ...formById('project-road-wan'), bareFundsLabel: true, unit: '元谋县交通运输局' };
    const r = await readTable(form, withFirstRow(formTable(form), ['填报单位：元谋县交通运输局', '']), format);
    expect(unitOf(r)).toBe('万元');
    expect(r.evaluations[0]!.identity.unit?.value).toBe('元谋县交通运输局');
    const without = await readTable(form, formTable(form), format);
    expect(budgets(r)).toEqual(budgets(without));
    expect(serious(r)).toEqual(serious(without));
  });

  it('a row of a label and a unit beside it (项目单位 | 单位：元) is a form row, not a unit statement', async () => {
    const form: MofForm = { ...formById('project-road-wan'), bareFundsLabel: true };
    const r = await readTable(form, withFirstRow(formTable(form), ['项目单位', '单位：元']), format);
    expect(unitOf(r)).toBe('万元');
  });

  it('a unit stated below the funds block, or in a table after the form, does not govern the funds', async () => {
    const form: MofForm = { ...formById('project-road-wan'), bareFundsLabel: true };
    const table = formTable(form);
    const at = rowWith(table, '总分') + 1;
    const spaced = withEmptyRow(table, at);
    spaced.rows[at] = [{ text: '金额单位：元', colspan: table.cols }];
    const other: TableSpec = { cols: 3, rows: [[{ text: '金额单位：元', colspan: 3 }], [{ text: '项目' }, { text: '预算数' }, { text: '执行数' }], [{ text: '合计' }, { text: '1000' }, { text: '900' }]] };
    const parts = [
      { kind: 'table' as const, lines: [form.title, form.yearLine], table: spaced },
      { kind: 'table' as const, lines: ['收入支出决算总表'], table: other },
    ];
    const bytes = format === 'docx' ? renderDocx(parts) : new TextEncoder().encode(renderTika(parts));
    const r = await processDocument({ bytes, file: `after.${format}` });
    expect(r.evaluations).toHaveLength(1);
    expect(unitOf(r)).toBe('万元');
    expect(budgets(r)).toEqual(budgets(await plain(form, format)));
  });
});

describe('a unit row above the table on a sheet without borders (.xlsx): the row is read as part of the table', () => {
  it('填报单位 at the left, 金额单位：元 at the right: the amounts are read in 元', async () => {
    const form = schoolInYuan();
    const sheet = formSheet(form);
    const top = rowOf(sheet, '项目名称');
    const moved = insertRows(sheet, top, 1);
    const cols = Math.max(...Object.keys(moved.cells).map((ref) => refPos(ref)[1])) + 1;
    const cells = { ...moved.cells, [cellRef(top, 0)]: { t: 'string' as const, text: '填报单位：云岭县第一中学' }, [cellRef(top, cols - 1)]: { t: 'string' as const, text: '金额单位：元' } };
    const r = await processDocument({ bytes: buildXlsx([{ ...moved, cells }]), file: 'unit-row.xlsx' });
    expect(unitOf(r)).toBe('元');
    const above = await processDocument({ bytes: buildXlsx([formSheet({ ...form, unitLine: '金额单位：元' })]), file: 'unit-line.xlsx' });
    expect(budgets(r)).toEqual(budgets(above));
    expect(serious(r)).toEqual(serious(above));
  });
});
