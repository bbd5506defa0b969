import { readdirSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Assembler } from '../../src/output/assemble.js';
import { buildPart } from '../../src/output/parts.js';
import { processDocument } from '../../src/process.js';
import { Dec } from '../../src/model/decimal.js';
import { EXPENDITURE_COLUMNS, FINDING_COLUMNS, FUNDS_COLUMNS, INDICATOR_COLUMNS, REPORT_COLUMNS, RUBRIC_COLUMNS } from '../../src/output/columns.js';
import type { Column } from '../../src/output/csv.js';
import { exactNumber, numberCell } from '../../src/output/xlsx/cells.js';
import { parseCsv } from '../helpers/csv.js';
import { SEED_TEXT, replaceOnce } from '../helpers/tika.js';
import { columnNumber, columnOf, numFmtOf, readWorkbook } from './read.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selfeval-xlsx-'));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const PROJECT = '智慧岳阳基层公共服务（一门式）信息化管理平台项目';
const FORMULA = '=HYPERLINK("http://example.invalid","点击")';

async function runOn(lang: 'zh' | 'en'): Promise<string> {
  const input = join(dir, 'in');
  await mkdir(input, { recursive: true });
  await writeFile(join(input, 'a.txt'), replaceOnce(SEED_TEXT, PROJECT, FORMULA));
  await writeFile(join(input, 'b.txt'), replaceOnce(SEED_TEXT, '\t98分\n', '\t97分\n'));
  await writeFile(join(input, 'c.txt'), 'not a report');
  const out = join(dir, `out-${lang}`);
  await main(['--quiet', '--format', 'csv,xlsx,log', '-j', '1', '--lang', lang, '-o', out, input]);
  return out;
}

const SHEETS: [string, string, Column<never>[]][] = [
  ['reports.csv', '报告', REPORT_COLUMNS as Column<never>[]],
  ['discrepancies.csv', '核查发现', FINDING_COLUMNS as Column<never>[]],
  ['funds.csv', '资金', FUNDS_COLUMNS as Column<never>[]],
  ['expenditures.csv', '支出明细', EXPENDITURE_COLUMNS as Column<never>[]],
  ['indicators.csv', '绩效指标', INDICATOR_COLUMNS as Column<never>[]],
  ['rubric.csv', '评分表', RUBRIC_COLUMNS as Column<never>[]],
];

describe('reports.xlsx', () => {
  it('holds a summary and one sheet per CSV, with the same rows, exact numbers and text kept as text', async () => {
    const out = await runOn('zh');
    const wb = readWorkbook(join(out, 'reports.xlsx'));
    expect(wb.sheets.map((s) => s.name)).toEqual(['汇总', ...SHEETS.map((s) => s[1])]);
    let numbers = 0;
    for (const [file, name, columns] of SHEETS) {
      const csv = parseCsv(await readFile(join(out, file), 'utf8'));
      const sheet = wb.sheets.find((s) => s.name === name)!;
      expect(sheet.rows.length, name).toBe(csv.length);
      expect(sheet.rows.length, name).toBeGreaterThan(1);
      expect(sheet.rows[0]!.map((c) => c.value), name).toEqual(csv[0]);
      expect(sheet.xml, name).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      expect(sheet.xml, name).toMatch(new RegExp(`<autoFilter ref="A1:[A-Z]+${csv.length}"/>`));
      for (const [r, record] of csv.slice(1).entries()) {
        const cells = new Map(sheet.rows[r + 1]!.map((c) => [columnNumber(columnOf(c.ref)) - 1, c]));
        columns.forEach((column, i) => {
          const want = record[i]!;
          const cell = cells.get(i);
          if (want === '') return expect(cell, `${name} ${r} ${column.key}`).toBeUndefined();
          if (column.kind === 'number') {
            // Written from the decimal string: the XML holds a numeral denoting exactly the CSV's value.
            expect(cell!.type, `${name} ${column.key}`).toBeUndefined();
            expect(new Dec(cell!.value).eq(new Dec(want)), `${name} ${column.key}: ${cell!.value} vs ${want}`).toBe(true);
            numbers++;
          } else if (!(name === '核查发现' && column.key === 'severity')) {
            expect(cell!.type, `${name} ${column.key}`).toBe('str');
            // The CSV guards formula-looking text with a quote; the workbook writes it as text instead.
            expect(cell!.value).toBe(want.startsWith("'=") ? want.slice(1) : want);
          }
        });
      }
    }
    expect(numbers).toBeGreaterThan(100);

    const reports = wb.sheets.find((s) => s.name === '报告')!;
    const col = (key: string) => REPORT_COLUMNS.findIndex((c) => c.key === key);
    const first = reports.rows[1]!;
    const at = (row: typeof first, i: number) => row.find((c) => columnNumber(columnOf(c.ref)) === i + 1);
    // A formula-looking project name is an inline string, never a formula.
    expect(at(first, col('project_name'))).toMatchObject({ type: 'str', value: FORMULA });
    expect(reports.xml).not.toContain('<f>');
    // Amounts keep the printed decimals in a thousands format; 173.6 reads back as written.
    const spent = at(first, col('spent'))!;
    expect(spent.value).toBe('173.6');
    expect(numFmtOf(wb.styles, spent.style)).toBe('#,##0.0');
    expect(numFmtOf(wb.styles, at(first, col('planned'))!.style)).toBe('#,##0');
    // The failed input's counts are empty, not 0.
    const failed = reports.rows.find((r) => r.some((c) => c.value === 'failed'))!;
    expect(at(failed, col('errors'))).toBeUndefined();

    // Findings: severity in the run's language, 1-based positions equal to the JSONL's 0-based ones + 1.
    const findings = wb.sheets.find((s) => s.name === '核查发现')!;
    const jsonl = (await readFile(join(out, 'discrepancies.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(findings.rows.length - 1).toBe(jsonl.length);
    const fcol = (key: string) => FINDING_COLUMNS.findIndex((c) => c.key === key) + 1;
    for (const [i, f] of jsonl.entries()) {
      const row = new Map(findings.rows[i + 1]!.map((c) => [columnNumber(columnOf(c.ref)), c.value]));
      expect(row.get(fcol('severity'))).toBe({ error: '错误', warning: '警告', info: '提示' }[f.severity as string]);
      if (f.location.table !== undefined) expect(row.get(fcol('table'))).toBe(String(f.location.table + 1));
      if (f.location.row !== undefined) expect(row.get(fcol('row'))).toBe(String(f.location.row + 1));
      if (f.part !== null) expect(row.get(fcol('project_name'))).toBe(f.file.endsWith('a.txt') ? FORMULA : PROJECT);
      expect(row.get(fcol('location'))!.length).toBeGreaterThan(2);
    }

    // Summary: counts by severity equal the findings; the run's options are listed.
    const summary = wb.sheets[0]!;
    const pairs = new Map(summary.rows.map((r) => [r[0]?.value, r[1]?.value]));
    expect(pairs.get('错误')).toBe(String(jsonl.filter((f) => f.severity === 'error').length));
    expect(pairs.get('输入文件')).toBe('3');
    expect(pairs.get('失败')).toBe('1');
    // Options as given on the command line: the flag, a list joined by commas, no option as the default.
    expect(pairs.get('选项 --lang')).toBe('zh');
    expect(pairs.get('选项 --format')).toBe('csv,xlsx,log');
    expect(pairs.get('选项 --config')).toBe('（默认）');
    const byRule = new Map(summary.rows.filter((r) => r.length === 4).map((r) => [r[0]!.value, r.map((c) => c.value)]));
    for (const rule of new Set(jsonl.map((f) => f.rule as string))) {
      expect(byRule.get(rule)?.[3], rule).toBe(String(jsonl.filter((f) => f.rule === rule).length));
    }
    expect(byRule.get('date-invalid')?.[1]).toBe('日期无效');
  });

  it('uses English sheet names and headers with --lang en, and the same bytes on a second run', async () => {
    const out = await runOn('en');
    const wb = readWorkbook(join(out, 'reports.xlsx'));
    expect(wb.sheets.map((s) => s.name)).toEqual(['summary', 'reports', 'findings', 'funds', 'expenditures', 'indicators', 'rubric']);
    expect(wb.sheets[1]!.rows[0]!.slice(0, 3).map((c) => c.value)).toEqual(['file', 'part', 'status']);
    expect(wb.sheets[2]!.rows[0]!.map((c) => c.value)).toEqual(FINDING_COLUMNS.map((c) => c.en));
    const again = await readFile(join(out, 'reports.xlsx'));
    const second = await runOn('en');
    expect((await readFile(join(second, 'reports.xlsx'))).equals(again)).toBe(true);
  });
});

describe('the workbook written while the parts arrive', () => {
  // Rows go into their sheets part by part, each sheet spooled to a temporary file until the end: what
  // must hold is every row in input order, the same bytes every time, and no spool file left behind.
  const assemble = async (out: string, parts: number, abort = false) => {
    const result = await processDocument({ bytes: new TextEncoder().encode(SEED_TEXT), file: 'seed.txt' });
    await mkdir(out, { recursive: true });
    const assembler = await Assembler.open(out, ['xlsx'], 'zh');
    for (let i = 0; i < parts; i++) await assembler.add(buildPart({ ...result, file: `seed-${i}.txt` }, `k${i}`, 'zh'));
    if (abort) return assembler.abort();
    const now = new Date().toISOString();
    await assembler.finish({ version: 'test', startedAt: now, finishedAt: now, options: {}, skipped: { hidden: 0, lockFiles: 0 } });
    return result;
  };
  it.each([0, 3, 120])('%i parts: every row in input order, nothing else left in the folder', async (parts) => {
    const out = join(dir, `assembled-${parts}`);
    const result = (await assemble(out, parts))!;
    const wb = readWorkbook(join(out, 'reports.xlsx'));
    expect(wb.sheets.map((s) => s.name)).toEqual(['汇总', '报告', '核查发现', '资金', '支出明细', '绩效指标', '评分表']);
    const reports = wb.sheets.find((s) => s.name === '报告')!;
    expect(reports.rows.length).toBe(1 + parts * result.evaluations.length);
    expect(reports.rows.slice(1).map((r) => r[0]!.value)).toEqual(Array.from({ length: parts }, (_, i) => `seed-${i}.txt`));
    // 120 parts give over a thousand rubric rows: several drains of a spool file.
    expect(wb.sheets.find((s) => s.name === '评分表')!.rows.length).toBe(1 + parts * 22);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'reports.xlsx']);
  });
  it('the same parts give the same bytes', async () => {
    await assemble(join(dir, 'again-1'), 40);
    await assemble(join(dir, 'again-2'), 40);
    expect((await readFile(join(dir, 'again-1', 'reports.xlsx'))).equals(await readFile(join(dir, 'again-2', 'reports.xlsx')))).toBe(true);
  });
  it('an aborted run leaves neither the workbook nor a spool file', async () => {
    const out = join(dir, 'aborted');
    await assemble(out, 30, true);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('workbook numbers', () => {
  it('writes a decimal as a number only when the cell holds exactly that decimal', () => {
    expect(exactNumber('173.6')).toBe(173.6);
    expect(exactNumber('0.1')).toBe(0.1);
    expect(exactNumber('-12.50')).toBe(-12.5);
    // 17 significant digits: no double holds this decimal, so it stays text.
    expect(exactNumber('12345678.123456789')).toBeNull();
    expect(exactNumber('9007199254740993')).toBeNull();
    expect(exactNumber('1e5')).toBeNull();
    // Below a double's range: no number holds it (it would read as 0).
    expect(exactNumber(`0.${'0'.repeat(400)}1`)).toBeNull();
    expect(exactNumber('0.000000000001234')).toBe(0.000000000001234);
    expect(exactNumber('12,5')).toBeNull();
    expect(numberCell('12.50', 'planned')).toEqual({ value: 12.5, numFmt: '#,##0.00' });
    expect(numberCell('98.5', 'headline_score')).toEqual({ value: 98.5, numFmt: '0.0' });
    expect(numberCell('3', 'part')).toEqual({ value: 3, numFmt: undefined });
  });
});
