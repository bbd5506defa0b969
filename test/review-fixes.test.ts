import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { outputName } from '../src/ingest/names.js';
import { SEED_TEXT } from './helpers/tika.js';

beforeEach(() => {
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe('long Chinese paths', () => {
  const path = '湖南省财政厅绩效评价资料汇总/2021年度项目支出绩效自评报告/岳阳市政务服务中心/智慧岳阳基层公共服务（一门式）信息化管理平台项目绩效自评报告（附件2-2及附件3-2）最终版定稿.docx';

  it('give names short enough for any file system, unique and keeping the file name', () => {
    const name = outputName(path);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(150);
    expect(name.endsWith('最终版定稿.docx')).toBe(true);
    expect(outputName(path.replace('2021', '2022'))).not.toBe(name);
    expect(outputName('a/b.docx')).toBe('a__b.docx');
  });

  it('are processed like any other input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-long-'));
    const file = join(dir, ...path.split('/')).replace(/\.docx$/u, '.txt');
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, SEED_TEXT);
    expect(await main(['--quiet', '-j', '1', '-o', join(dir, 'out'), dir])).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.inputs).toHaveLength(1);
    expect(manifest.inputs[0].status).toBe('ok');
  });
});

describe('the output folder inside the inputs', () => {
  it('is never read back as input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-self-'));
    await writeFile(join(dir, 'seed.txt'), SEED_TEXT);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await main(['--quiet', '-j', '1', '.'])).toBe(0);
      expect(await main(['--quiet', '-j', '1', '.'])).toBe(0);
      const manifest = JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8'));
      expect(manifest.inputs.map((i: { file: string }) => i.file)).toEqual(['seed.txt']);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('limits', () => {
  it('refuses a --timeout that timers cannot hold', async () => {
    expect(await main(['--quiet', '--timeout', '3000000', 'fixtures/seed.txt'])).toBe(2);
  });
});

describe('extraction edge cases found in review', () => {
  const run = async (text: string) => (await import('../src/process.js')).processDocument({ bytes: new TextEncoder().encode(text), file: 'x.txt' });

  it('a 小计 row in the scoring table is neither an item nor a crash', async () => {
    const subtotal = '\t小计\n\t20\n\t\n\t20\n\t\n\t20\n\t\n\t\n\t18\n\n';
    const text = SEED_TEXT.replace('\t项目管理 \n\t25\n\t资金到位', `${subtotal}\t项目管理 \n\t25\n\t资金到位`);
    expect(text).not.toBe(SEED_TEXT);
    const r = await run(text);
    expect(r.status).toBe('ok');
    expect(r.evaluations).toHaveLength(1);
    expect(r.evaluations[0]!.indicators).toHaveLength(22);
    expect(r.findings.filter((f) => f.rule === 'rubric-total' || f.rule === 'check-failed')).toEqual([]);
  });

  it('expenditure lines stop at the next part when 支出合计 is missing', async () => {
    const text = SEED_TEXT.replace('\t支出合计\n\t173.6万元\n\t\n\t\n\n', '');
    expect(text).not.toBe(SEED_TEXT);
    const r = await run(text);
    expect(r.evaluations).toHaveLength(1);
    const { expenditures } = r.evaluations[0]!.hunan!;
    expect(expenditures!.lines.map((l) => l.content.value)).toEqual(['项目支出']);
    expect(expenditures!.total).toBeNull();
  });
});
