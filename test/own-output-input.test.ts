/**
 * Tables that list reports are no report: selfeval's own reports.xlsx fed back in, and an analyst's summary
 * sheet whose columns carry a report's labels (计划安排资金, 绩效自评综合得分) in one header row.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildXlsx, type XCell } from '../scripts/fixtures/spreadsheetml.js';
import { processDocument } from '../src/process.js';
import { main } from '../src/cli/main.js';

const s = (text: string): XCell => ({ t: 'string', text });
const n = (value: string): XCell => ({ t: 'number', value });

const HEADER = ['项目名称', '计划安排资金（万元）', '实际支出（万元）', '绩效自评综合得分', '评价等次'];
const rows = [
  ['道路提质改造', '868', '173.6', '98', '优'],
  ['农村饮水安全', '500', '450', '92', '优'],
  ['职业技能培训', '120', '96', '85', '良'],
];

function listing(header: string[]) {
  const cells: Record<string, XCell> = {};
  const col = (i: number) => String.fromCharCode(65 + i);
  header.forEach((h, i) => (cells[`${col(i)}1`] = s(h)));
  rows.forEach((r, k) => r.forEach((v, i) => (cells[`${col(i)}${k + 2}`] = i === 0 || i === 4 ? s(v) : n(v))));
  return buildXlsx([{ name: '汇总', cells }]);
}

describe('a summary sheet listing reports', () => {
  it('is no Hunan report though its header row carries the funds and headline labels', async () => {
    const r = await processDocument({ bytes: listing(HEADER), file: 'summary.xlsx' });
    expect(r.status).toBe('failed');
    expect(r.errorCode).toBe('unrecognized-template');
  });
});

describe("selfeval's own reports.xlsx fed back in", () => {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-own-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is not a report, and says what it is', async () => {
    const out = join(dir, 'out');
    const seed = new URL('../fixtures/seed.txt', import.meta.url).pathname;
    expect(await main(['--quiet', '-j', '1', '--format', 'xlsx', '-o', out, seed])).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(out, 'reports.xlsx')));
    const r = await processDocument({ bytes, file: 'reports.xlsx' });
    expect(r.status).toBe('failed');
    expect(r.errorCode).toBe('not-a-report');
    expect(r.error).toContain('selfeval 输出的汇总工作簿');
  });
});
