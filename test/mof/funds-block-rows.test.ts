/**
 * Rows inside and above an MoF form's funds block that are no form rows (mof-family §2): an empty spacer
 * row (Excel and WPS sheets, Word copies with a blank row left in) is skipped, and the block is read
 * whole; a unit statement printed in a row of the table above the funds (填报单位：… | 金额单位：元) governs
 * the amounts like the same line above the table. Each case is compared with the same form without the
 * extra row, in .docx and Tika text, and in .xlsx where the layout arises from Excel.
 */
import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../scripts/fixtures/spreadsheetml.js';
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
  const readSheet = (sheet: ReturnType<typeof formSheet>) => processDocument({ bytes: buildXlsx([sheet]), file: 'form.xlsx' });
  const rowOf = (sheet: ReturnType<typeof formSheet>, text: string) => refPos(findText(sheet, text)!)[0];
  const places: [string, (s: ReturnType<typeof formSheet>) => number][] = [
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
