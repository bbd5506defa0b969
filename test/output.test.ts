import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { outputName } from '../src/ingest/names.js';
import { reportJsonSchema } from '../src/model/schema.js';
import { guardText } from '../src/output/csv.js';
import { parseCsv } from './helpers/csv.js';
import { SEED_TEXT, replaceOnce } from './helpers/tika.js';
import { expenditureBreakdown, expenditureSubtotal } from './helpers/hunan-shapes.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selfeval-out-'));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

async function inputFolder(files: Record<string, string>): Promise<string> {
  const input = join(dir, 'in');
  await mkdir(input, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(input, name), text);
  return input;
}

const run = (...args: string[]) => main(['--quiet', '--format', 'json,csv,log', '-j', '1', ...args]);

describe('output folder', () => {
  it('writes every file of SPEC for the seed', async () => {
    const input = await inputFolder({ 'seed.txt': SEED_TEXT });
    expect(await run('-o', join(dir, 'out'), input)).toBe(0);
    const files = (await readdir(join(dir, 'out'))).filter((f) => f !== '.selfeval').sort();
    expect(files).toEqual(
      ['discrepancies.csv', 'discrepancies.jsonl', 'discrepancies.txt', 'expenditures.csv', 'funds.csv', 'indicators.csv', 'manifest.json', 'reports', 'reports.csv', 'rubric.csv'].sort(),
    );
    expect(files.some((f) => f.includes('.tmp-'))).toBe(false);
    const csv = await readFile(join(dir, 'out', 'reports.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF文件,表序号,状态,错误代码')).toBe(true);
    const row = csv.split('\r\n')[1]!;
    expect(parseCsv(csv)[1]!.slice(1, 3)).toEqual(['1', 'ok']);
    expect(row).toContain(',868,868,173.6,694.4,98,优秀,98,98,22,');
    for (const [file, width] of [['reports.csv', 31], ['funds.csv', 12], ['expenditures.csv', 8], ['indicators.csv', 16], ['rubric.csv', 12], ['discrepancies.csv', 17]] as const) {
      const records = parseCsv(await readFile(join(dir, 'out', file), 'utf8'));
      expect(records.every((r) => r.length === width), file).toBe(true);
      if (file === 'rubric.csv') {
        expect(records).toHaveLength(23);
        // Multi-line criteria stay one quoted field.
        expect(records[1]![10]).toBe('①设有目标（1分）\n②目标明确（1分）\n③目标细化（1分）\n④目标量化（1分）');
      }
    }
  });

  it('uses English headers with --lang en', async () => {
    const input = await inputFolder({ 'seed.txt': SEED_TEXT });
    await run('--lang', 'en', '-o', join(dir, 'out'), input);
    const csv = await readFile(join(dir, 'out', 'reports.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFfile,part,status,error_code,error,format,template,project_name,project_unit,authority,report_date,planned,arrived,spent,balance,headline_score,grade,rubric_total,rubric_itemised_sum,rubric_items,kind,year,budget_initial,execution_rate,execution_weight,execution_score,weight_total,complete,errors,warnings,infos',
    );
  });

  it('guards text cells against formula injection, never numbers', async () => {
    expect(guardText('=1+1')).toBe("'=1+1");
    expect(guardText('＋86')).toBe("'＋86");
    expect(guardText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardText('项目')).toBe('项目');
    const evil = replaceOnce(SEED_TEXT, '项目名称： 智慧岳阳', '项目名称：=HYPERLINK("http://x")智慧岳阳');
    const input = await inputFolder({ 'evil.txt': evil });
    await run('-o', join(dir, 'out'), input);
    const csv = await readFile(join(dir, 'out', 'reports.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")智慧岳阳`);
    expect(csv).toContain(',868,868,173.6,694.4,');
  });

  it('is byte-identical across runs (manifest aside)', async () => {
    const input = await inputFolder({ 'a.txt': SEED_TEXT, 'b.txt': replaceOnce(SEED_TEXT, '\t98分\n', '\t97分\n'), 'c.txt': 'not a report' });
    await run('-o', join(dir, 'o1'), input);
    await run('-o', join(dir, 'o2'), input);
    for (const f of ['reports.csv', 'funds.csv', 'expenditures.csv', 'indicators.csv', 'rubric.csv', 'discrepancies.jsonl', 'discrepancies.csv', 'discrepancies.txt']) {
      expect(await readFile(join(dir, 'o2', f), 'utf8'), f).toBe(await readFile(join(dir, 'o1', f), 'utf8'));
    }
    for (const f of await readdir(join(dir, 'o1', 'reports'))) {
      expect(await readFile(join(dir, 'o2', 'reports', f), 'utf8')).toBe(await readFile(join(dir, 'o1', 'reports', f), 'utf8'));
    }
  });

  it('lists every input in the manifest, failed ones with code and message', async () => {
    const input = await inputFolder({ 'a.txt': SEED_TEXT, 'empty.txt': '', 'other.txt': '会议纪要\n今天天气很好。' });
    expect(await run('-o', join(dir, 'out'), input)).toBe(3);
    const manifest = JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.inputs.map((e: { file: string; status: string; errorCode: string | null }) => [e.file.split('/').pop(), e.status, e.errorCode])).toEqual([
      ['a.txt', 'ok', null],
      ['empty.txt', 'failed', 'empty-file'],
      ['other.txt', 'failed', 'not-a-report'],
    ]);
    expect(manifest.inputs[1].error).toBe('文件为空');
    expect(manifest.totals).toMatchObject({ files: 3, ok: 1, failed: 2 });
  });
});

describe('JSON Schema', () => {
  it('validates every reports/*.json the tool writes', async () => {
    const input = await inputFolder({ 'seed.txt': SEED_TEXT, 'crlf.txt': SEED_TEXT.replace(/\n/gu, '\r\n') });
    await run('-o', join(dir, 'out'), input);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(reportJsonSchema());
    const files = await readdir(join(dir, 'out', 'reports'));
    expect(files).toHaveLength(2);
    for (const f of files) {
      const doc = JSON.parse(await readFile(join(dir, 'out', 'reports', f), 'utf8'));
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
    // And it really constrains: a float amount is rejected.
    const doc = JSON.parse(await readFile(join(dir, 'out', 'reports', files[0]!), 'utf8'));
    expect(doc.evaluations[0].funds.lines[0].executed.value).toBe('173.6');
    doc.evaluations[0].funds.lines[0].executed.value = 173.6;
    expect(validate(doc)).toBe(false);
  });
});

describe('output names', () => {
  it.each(['../../etc/passwd', '/abs/path/x.docx', 'C:\\dir\\x.docx', 'a/../../b.txt', '..', '.hidden'])('%s stays inside the output folder', (file) => {
    const name = outputName(file);
    expect(name).not.toMatch(/[/\\]/u);
    expect(name).not.toMatch(/^\.\.?$/u);
    expect(name.startsWith('.')).toBe(false);
  });
});

describe('audit view from a batch', () => {
  it('writes html/index.html and one page per input, failed ones included', async () => {
    const input = await inputFolder({ 'seed.txt': SEED_TEXT, 'junk.txt': '随便写点什么' });
    expect(await main(['--quiet', '-j', '1', '-o', join(dir, 'out'), input])).toBe(3);
    const pages = (await readdir(join(dir, 'out', 'html'))).sort();
    expect(pages).toHaveLength(3);
    const seedPage = pages.find((p) => p.endsWith('__in__seed.txt.html'))!;
    const junkPage = pages.find((p) => p.endsWith('__in__junk.txt.html'))!;
    expect(pages).toContain('index.html');
    const page = await readFile(join(dir, 'out', 'html', seedPage), 'utf8');
    expect(page).toContain('智慧岳阳基层公共服务（一门式）信息化管理平台项目');
    expect(page).toContain('date-invalid');
    const index = await readFile(join(dir, 'out', 'html', 'index.html'), 'utf8');
    expect(index).toContain(seedPage);
    expect(index.includes('\u0000')).toBe(false);
    expect(index).toContain(junkPage);
    expect(await readFile(join(dir, 'out', 'html', junkPage), 'utf8')).toContain('失败');
  });
});

describe('expenditures.csv', () => {
  it('says which rows add up: lines, and not the 其中 breakdowns, 小计 subtotals or the total', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-exp-'));
    const input = await inputFolder({ 'a-breakdown.txt': expenditureBreakdown(), 'b-subtotal.txt': expenditureSubtotal() });
    await run('-o', join(dir, 'out'), input);
    const rows = parseCsv(await readFile(join(dir, 'out', 'expenditures.csv'), 'utf8'));
    const kind = rows[0]!.indexOf('行类型');
    const amount = rows[0]!.indexOf('实际支出数(万元)');
    expect(kind).toBeGreaterThan(0);
    for (const prefix of ['a-', 'b-']) {
      const mine = rows.slice(1).filter((r) => r[0]!.includes(prefix));
      expect(new Set(mine.map((r) => r[kind]))).toContain('line');
      expect(mine.some((r) => r[kind] === (prefix === 'a-' ? 'breakdown' : 'subtotal'))).toBe(true);
      // The lines alone add up to the total row.
      const lines = mine.filter((r) => r[kind] === 'line').reduce((n, r) => n + Number(r[amount]) * 10, 0) / 10;
      expect(lines).toBe(Number(mine.find((r) => r[kind] === 'total')![amount]));
    }
  });
});
