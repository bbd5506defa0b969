/**
 * The MoF renderers print what the MofForm says, in all three formats: the .docx converts with mammoth
 * and with the project's converter, and the project's grid finds one table per form with every label
 * and value in its place; our HTML page gives the same grid; the Tika text gives the same cells, with
 * a vertically merged continuation as an empty cell and a horizontally merged cell once.
 */
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { convertDocx } from '../../src/convert/docx/index.js';
import { tikaTextToHtml } from '../../src/convert/tika-text.js';
import type { DocumentGrid, GridTable } from '../../src/model/grid.js';
import { htmlToGrid } from '../../src/parse/grid.js';
import { processDocument } from '../../src/process.js';
import { CLEAN_FORMS } from '../helpers/mof/catalogue.js';
import { renderDocx } from '../helpers/mof/docx.js';
import { MOF_DOCUMENTS } from '../helpers/mof/documents.js';
import { fundsLabel, type MofForm } from '../helpers/mof/form.js';
import { renderHtml } from '../helpers/mof/html.js';
import { formTable } from '../helpers/mof/layout.js';
import type { Printable } from '../helpers/mof/parts.js';
import { renderTika } from '../helpers/mof/tika.js';

const flat = (s: string) => s.replace(/\n/gu, '');
const isFormTable = (t: GridTable) => t.cells.some((c) => c.text === '三级指标');
const isNavTable = (t: GridTable) => t.cells.some((c) => c.text === '首页');

/** Anchors as "row,col rowspan×colspan text" for exact comparisons between formats. */
const anchors = (t: GridTable) => t.cells.map((c) => `${c.row},${c.col} ${c.rowspan}x${c.colspan} ${c.text}`);

/**
 * The rows Tika must print for a table, derived from the docx grid: left to right, an anchored cell's
 * text once whatever its colspan, and an empty cell where a cell from above reaches down.
 */
function tikaRowsFromGrid(t: GridTable): string[][] {
  return t.slots.map((slots, r) => {
    const out: string[] = [];
    for (let c = 0; c < slots.length; ) {
      const cell = slots[c];
      if (!cell) break;
      out.push(cell.row === r ? cell.text : '');
      c += cell.colspan;
    }
    return out;
  });
}

const rowsOf = (t: GridTable) => Array.from({ length: t.rowCount }, (_, r) => t.cells.filter((c) => c.row === r).map((c) => c.text));

/** Texts of the cells anchored right of the (unique) cell `label`, in its row. */
function after(t: GridTable, label: string): string[] {
  const hits = t.cells.filter((c) => flat(c.text) === label);
  expect(hits.length, `label ${label}`).toBe(1);
  const at = hits[0]!;
  return t.cells.filter((c) => c.row === at.row && c.col > at.col).map((c) => c.text);
}

const LABELS = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '年度总体目标', '预期目标', '实际完成情况', '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '总分'];

/** Every label and every printed value of `form` sits where the form puts it. */
function checkFormTable(t: GridTable, form: MofForm): void {
  const texts = new Set(t.cells.map((c) => flat(c.text)));
  const labels = [...LABELS, fundsLabel(form), ...form.funds.map((l) => l.label)];
  if (form.kind === 'project') labels.push('项目名称', '主管部门', '实施单位');
  else labels.push(form.departmentLabel ?? '部门（单位）名称');
  if (form.targetLayout === 'split') labels.push('指标性质', '指标值', '度量单位');
  for (const label of labels) expect(texts.has(label), label).toBe(true);

  if (form.kind === 'project') {
    expect(after(t, '项目名称')).toEqual([form.projectName]);
    expect(after(t, '主管部门')).toEqual([form.authority, '实施单位', form.unit]);
  } else {
    expect(after(t, form.departmentLabel ?? '部门（单位）名称')).toEqual([form.department]);
  }
  for (const line of form.funds) expect(after(t, line.label)).toEqual([line.initial, line.budget, line.executed, line.weight, line.rate, line.score]);
  const goalHead = t.cells.find((c) => c.text === '预期目标')!;
  expect(t.cells.filter((c) => c.row === goalHead.row + 1).map((c) => c.text)).toEqual([form.goals.expected, form.goals.actual]);

  for (const row of form.indicators) {
    const cell = t.cells.find((c) => c.text === row.level3)!;
    const target = form.targetLayout === 'split' ? [row.targetParts!.nature, row.targetParts!.value, row.targetParts!.unit] : [row.target];
    expect(after(t, row.level3)).toEqual([...target, row.actual, row.weight, row.score, row.reason]);
    // 一级 and 二级 reach this row through their vertical merges.
    expect(t.slots[cell.row]![cell.col - 1]!.text).toBe(row.level2);
    expect(t.slots[cell.row]![cell.col - 2]!.text).toBe(row.level1);
  }
  const inTotal = form.grade && form.gradePlacement === 'total' ? form.grade.value : '';
  expect(after(t, '总分')).toEqual([form.total.weight, form.total.score, inTotal]);
  if (form.grade && form.gradePlacement !== 'total') expect(after(t, form.grade.label)).toEqual([form.grade.value]);
}

/** Free-standing paragraphs (outside tables). */
const paragraphs = (g: DocumentGrid) => g.blocks.filter((b) => !b.cell).map((b) => b.text);

interface Case {
  id: string;
  printable: Printable;
  forms: MofForm[];
  /** Tables that are not self-evaluation forms. */
  others: number;
}

const CASES: Case[] = [
  ...CLEAN_FORMS.map((form) => ({ id: form.id, printable: form, forms: [form], others: 0 })),
  ...MOF_DOCUMENTS.map((doc) => ({ id: doc.id, printable: doc.parts, forms: doc.forms, others: doc.parts.filter((p) => p.kind === 'table').length })),
];

describe('MoF renderers', () => {
  it.each(CASES.map((c) => [c.id, c] as const))('%s: docx, HTML and Tika text give the same tables with every value in place', async (_id, c) => {
    const docx = renderDocx(c.printable);
    const raw = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    expect(raw.messages.filter((m) => m.type === 'error')).toEqual([]);
    const rawGrid = htmlToGrid(raw.value);

    const converted = await convertDocx(docx);
    expect(converted.messages).toEqual([]);
    const docxGrid = htmlToGrid(converted.html);
    const htmlGrid = htmlToGrid(renderHtml(c.printable, { navTable: true }));
    const tikaGrid = htmlToGrid(tikaTextToHtml(renderTika(c.printable)));

    const docxTables = docxGrid.tables;
    expect(docxTables.filter(isFormTable).length).toBe(c.forms.length);
    expect(docxTables.length).toBe(c.forms.length + c.others);
    docxTables.filter(isFormTable).forEach((t, i) => checkFormTable(t, c.forms[i]!));

    // mammoth alone and our HTML page give the same grid as the project's docx converter.
    expect(rawGrid.tables.map(anchors)).toEqual(docxTables.map(anchors));
    const pageTables = htmlGrid.tables.filter((t) => !isNavTable(t));
    expect(htmlGrid.tables.length - pageTables.length).toBe(1);
    expect(pageTables.map(anchors)).toEqual(docxTables.map(anchors));

    // Tika: the same cells row by row, continuations empty, merged cells once.
    expect(tikaGrid.tables.length).toBe(docxTables.length);
    expect(tikaGrid.tables.map(rowsOf)).toEqual(docxTables.map(tikaRowsFromGrid));

    // Title and year lines (and every heading) are paragraphs above the tables in each format.
    const expectedLines = c.forms.flatMap((f) => [f.title, ...(f.yearLine ? [f.yearLine] : [])]);
    for (const g of [docxGrid, htmlGrid, tikaGrid]) {
      const ps = paragraphs(g);
      for (const line of expectedLines) expect(ps, line).toContain(line);
    }
  });

  it('prints a vertical merge as empty Tika cells and the split header over two rows', () => {
    const form = CLEAN_FORMS.find((f) => f.targetLayout === 'split')!;
    const text = renderTika(form);
    const header = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
    const subHeader = ['', '', '', '', '指标性质', '指标值', '度量单位', '', '', '', ''];
    const row = (cells: string[]) => cells.map((x) => `\t${x}\n`).join('') + '\n';
    expect(text).toContain(row(header) + row(subHeader));
    // The funds label is printed once; the four rows below it start with an empty cell.
    expect(text).toContain(`\t${fundsLabel(form)}\n\t\n\t年初预算数\n`);
    expect(text).toContain(`\t\n\t年度资金总额\n\t${form.funds[0]!.initial}\n`);
  });

  it.each(CLEAN_FORMS.map((f) => [f.id, f] as const))('%s: the docx writes Word merges (vMerge restart + continuations, gridSpan)', (_id, form) => {
    const xml = strFromU8(unzipSync(renderDocx(form))['word/document.xml']!);
    const cells = formTable(form).rows.flat();
    const tall = cells.filter((c) => (c.rowspan ?? 1) > 1);
    expect(tall.length).toBeGreaterThan(3);
    expect(xml.split('<w:vMerge w:val="restart"/>').length - 1).toBe(tall.length);
    expect(xml.split('<w:vMerge/>').length - 1).toBe(tall.reduce((n, c) => n + (c.rowspan ?? 1) - 1, 0));
    // Every grid row of the table has as many w:tc as anchored and continued cells.
    const rows = xml.split('<w:tr>').slice(1);
    expect(rows.length).toBe(formTable(form).rows.length);
    const wide = cells.filter((c) => (c.colspan ?? 1) > 1);
    expect(xml.split('<w:gridSpan ').length - 1).toBeGreaterThanOrEqual(wide.length);
  });

  it('ends each Tika table with a blank line after the last row, as Tika does', () => {
    const form = CLEAN_FORMS[0]!;
    const text = renderTika(form);
    expect(text.startsWith(`${form.title}\n${form.yearLine}\n\t项目名称\n`)).toBe(true);
    expect(text.endsWith('\n\n\n')).toBe(true);
  });

  it('puts the form inside 信息公开 chrome on the HTML page', () => {
    const form = CLEAN_FORMS[0]!;
    const page = renderHtml(form);
    for (const part of ['当前位置', '版权所有', '备案号', '<ul>', 'rowspan=', 'colspan=']) expect(page).toContain(part);
    expect(htmlToGrid(page).tables.length).toBe(1);
    expect(htmlToGrid(renderHtml(form, { navTable: true })).tables.length).toBe(2);
  });

  it.each(CASES.map((c) => [c.id, c] as const))('%s: the pipeline processes all three formats without an internal error', async (_id, c) => {
    const enc = new TextEncoder();
    const inputs: [string, Uint8Array][] = [
      ['docx', renderDocx(c.printable)],
      ['txt', enc.encode(renderTika(c.printable))],
      ['html', enc.encode(renderHtml(c.printable))],
    ];
    for (const [ext, bytes] of inputs) {
      const result = await processDocument({ bytes, file: `${c.id}.${ext}` });
      expect(result.errorCode, `${ext}: ${result.error}`).not.toBe('internal-error');
    }
  });
});
