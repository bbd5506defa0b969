/**
 * Several forms per file, through the command line: one reports.csv row per form with its part, the
 * other CSVs and every finding carrying the part, the report JSON's evaluations[] valid against the
 * schema, the text log and the audit page showing each form with its own findings.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/model/schema.js';
import { removeDir, runCli, tempDir, type CliRun } from '../bulk/cli.js';
import { csvRecords } from '../helpers/csv.js';
import { documentById, formById, renderDocx, renderTika } from '../helpers/mof/index.js';

let dir: string;
let out: string;
let run: CliRun;
const read = (name: string) => readFileSync(join(out, name), 'utf8');

beforeAll(async () => {
  dir = tempDir('mof-out');
  out = join(dir, 'out');
  mkdirSync(join(dir, 'in'));
  const finals = documentById('final-accounts-4-projects');
  // One fault in the third project of the 决算公开 document: its 总分 is one point high.
  const third = finals.parts.find((p) => p.kind === 'form' && p.form.id === finals.forms[2]!.id);
  if (third?.kind !== 'form') throw new Error('no third form');
  third.form.total.score = String(Number(third.form.total.score) + 1);
  writeFileSync(join(dir, 'in', 'final-accounts.docx'), renderDocx(finals.parts));
  writeFileSync(join(dir, 'in', 'road.txt'), renderTika(formById('project-road-wan')));
  writeFileSync(join(dir, 'in', 'tables-only.docx'), renderDocx(documentById('final-accounts-tables-only').parts));
  run = await runCli(['-q', '-o', out, 'in'], { cwd: dir });
}, 120_000);

afterAll(() => removeDir(dir));

describe('a 决算公开 document with four project forms', () => {
  it('exits 3 for the tables-only document and names it not-a-report', () => {
    expect(run.code).toBe(3);
    const rows = csvRecords(read('reports.csv'));
    expect(rows.find((r) => r['文件'] === 'in/tables-only.docx')).toMatchObject({ 状态: 'failed', 错误代码: 'not-a-report', 表序号: '', 错误数: '' });
  });

  it('gives one reports.csv row per form, numbered in document order', () => {
    const rows = csvRecords(read('reports.csv')).filter((r) => r['文件'] === 'in/final-accounts.docx');
    expect(rows.map((r) => r['表序号'])).toEqual(['1', '2', '3', '4']);
    expect(rows.map((r) => r['项目名称'])).toEqual(documentById('final-accounts-4-projects').forms.map((f) => f.projectName));
    expect(rows.every((r) => r['模板'] === 'mof-project' && r['表类型'] === 'project' && r['年度'] === '2023' && r['表格完整'] === 'true')).toBe(true);
    // Only the third form has the fault, and only its row counts it.
    expect(rows.map((r) => r['错误数'])).toEqual(['0', '0', '1', '0']);
  });

  it('keys every item row and finding by its part', () => {
    const funds = csvRecords(read('funds.csv')).filter((r) => r['文件'] === 'in/final-accounts.docx');
    expect([...new Set(funds.map((r) => r['表序号']))]).toEqual(['1', '2', '3', '4']);
    expect(funds.filter((r) => r['表序号'] === '1').map((r) => r['资金来源'])).toEqual(['total', 'current', 'carryover', 'other']);
    const indicators = csvRecords(read('indicators.csv')).filter((r) => r['文件'] === 'in/final-accounts.docx');
    expect(indicators.every((r) => r['分值'] !== '' && r['表序号'] !== '')).toBe(true);
    const findings = read('discrepancies.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { file: string; part: number | null; rule: string });
    expect(findings.filter((f) => f.file === 'in/final-accounts.docx').map((f) => [f.part, f.rule])).toEqual([[3, 'rubric-total']]);
    const csv = csvRecords(read('discrepancies.csv')).filter((r) => r['文件'] === 'in/final-accounts.docx');
    expect(csv.map((r) => [r['表序号'], r['规则']])).toEqual([['3', 'rubric-total']]);
  });

  it('writes evaluations[] that validate against the schema, with the rules each form ran', () => {
    const json = JSON.parse(read('reports/in__final-accounts.docx.json')) as { evaluations: { part: number; checks: { ran: string[]; notApplicable: string[] } }[] };
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(reportJsonSchema());
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(json.evaluations.map((e) => e.part)).toEqual([1, 2, 3, 4]);
    expect(json.evaluations[0]!.checks.ran).toContain('execution-score');
    expect(json.evaluations[0]!.checks.notApplicable).toContain('narrative-amount');
  });

  it('groups the text log by form', () => {
    const log = read('discrepancies.txt');
    const block = log.slice(log.indexOf('== in/final-accounts.docx'), log.indexOf('== in/road.txt'));
    const heads = block.split('\n').filter((l) => l.startsWith(' -- '));
    expect(heads).toHaveLength(4);
    expect(heads[2]).toContain('第3张表');
    expect(heads[2]).toContain('错误 1');
    expect(heads[0]).toContain('未发现问题');
    expect(block.indexOf('(rubric-total)')).toBeGreaterThan(block.indexOf(heads[2]!));
  });

  it('shows each form on the audit page with its own findings and checks', () => {
    const page = read('html/in__final-accounts.docx.html');
    expect(page.match(/<section class="summary" data-part="\d">/gu)).toHaveLength(4);
    expect(page.match(/class="checks muted"/gu)).toHaveLength(4);
    expect(page).toContain('第3张表');
    const heading = page.indexOf('<li class="part-heading">第3张表');
    expect(heading).toBeGreaterThan(0);
    expect(page.indexOf('data-rule="rubric-total"')).toBeGreaterThan(heading);
  });

  it('keeps a single-form file as before: one row, part 1', () => {
    const rows = csvRecords(read('reports.csv')).filter((r) => r['文件'] === 'in/road.txt');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 表序号: '1', 项目名称: '2023年农村公路提质改造工程' });
    expect(rows[0]!['执行率(%)']).toBe('91.99');
    expect(rows[0]!['预算执行得分']).toBe('9');
    expect(rows[0]!['各项自评得分之和']).toBe('98');
    expect(rows[0]!['评分项数']).toBe('9');
    expect(rows[0]!['年初预算数(万元)']).toBe('1200');
  });
});
