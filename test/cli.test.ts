import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { RULE_CATALOGUE } from '../src/templates/index.js';
import { ruleName } from '../src/output/rule-names.js';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('command line', () => {
  it('prints help in Chinese by default and in English with --lang en', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(out).toContain('用法');
    out = '';
    expect(await main(['--help', '--lang', 'en'])).toBe(0);
    expect(out).toContain('Usage');
  });

  it('prints the version and the JSON Schema', async () => {
    expect(await main(['--version'])).toBe(0);
    expect(out).toMatch(/^selfeval \d+\.\d+\.\d+/u);
    out = '';
    expect(await main(['schema'])).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.properties.evaluations.items.properties.funds).toBeDefined();
  });

  it('lists the rules', async () => {
    expect(await main(['rules'])).toBe(0);
    // The catalogue, then the findings that come from reading a document (not configurable).
    const listed = out.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(listed.slice(0, RULE_CATALOGUE.length)).toEqual(RULE_CATALOGUE.map((r) => r.id));
    expect(listed).toContain('check-failed');
    // Every reading finding the code can give is listed, with a short name for the CSV and workbook.
    const emitted = new Set<string>();
    for (const file of readdirSync('src', { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      for (const m of readFileSync(join('src', file), 'utf8').matchAll(/'(extract-[a-z-]+)'/gu)) emitted.add(m[1]!);
    }
    expect(emitted.size).toBeGreaterThan(8);
    for (const id of emitted) {
      expect(listed, id).toContain(id);
      expect(ruleName(id, 'zh'), id).not.toBe(id);
    }
  });

  it('lists exit code 70 in --help', async () => {
    await main(['--help']);
    expect(out).toMatch(/70 工具自身出错/u);
    out = '';
    await main(['--help', '--lang', 'en']);
    expect(out).toMatch(/70 internal error/u);
  });

  it.each([
    [['--lang', 'fr', 'x']],
    [['--jobs', '0', 'x']],
    [['--format', 'pdf', 'x']],
    [['--bogus']],
    [[]],
  ])('exits 2 on a usage error %j', async (args) => {
    expect(await main(args)).toBe(2);
    expect(err).toContain('selfeval');
  });

  it('exits 2 when an input does not exist, naming it', async () => {
    expect(await main(['--quiet', '/nonexistent/report.docx'])).toBe(2);
    expect(err).toContain('/nonexistent/report.docx');
  });

  it('names a --files-from list that cannot be read as the list, not as a missing input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-cli-'));
    expect(await main(['--quiet', '-o', join(dir, 'out'), '--files-from', dir])).toBe(2);
    expect(err).toContain(`无法读取输入列表 ${dir}（是文件夹，不是文件）`);
    expect(err).not.toContain('找不到输入');
    err = '';
    expect(await main(['--quiet', '--lang', 'en', '-o', join(dir, 'out'), '--files-from', join(dir, 'list.txt')])).toBe(2);
    expect(err).toContain(`cannot read the input list ${join(dir, 'list.txt')} (no such file)`);
  });

  it.each([['rules'], ['schema']])('refuses inputs given to %s rather than ignore them', async (command) => {
    expect(await main([command, 'report.docx'])).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`selfeval ${command} 不接受输入文件（实际为 report.docx）`);
    err = '';
    expect(await main(['--lang', 'en', command, 'a.docx', 'b.docx'])).toBe(2);
    expect(err).toContain(`selfeval ${command} takes no input files (got a.docx b.docx)`);
  });

  it.each([
    [['-o', 'x']],
    [['--out=x']],
    [['--format', 'csv']],
    [['--files-from', 'list.txt']],
    [['--shard', '0/2']],
    [['-j', '2']],
    [['--resume']],
  ])('refuses %j with tables, whose only output is standard output, rather than ignore it', async (option) => {
    expect(await main(['tables', ...option, 'fixtures/seed.txt'])).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`选项 ${option[0]!.replace(/=.*/u, '')} 不适用于 tables`);
  });

  it('says a switch given a value (--resume=yes) takes none, rather than that it needs one', async () => {
    expect(await main(['--resume=yes', 'fixtures/seed.txt'])).toBe(2);
    expect(err).toContain('选项 --resume 不带取值（实际为 --resume=yes）');
    expect(err).not.toContain('需要一个取值');
    err = '';
    expect(await main(['--lang', 'en', '--quiet=1', 'fixtures/seed.txt'])).toBe(2);
    expect(err).toContain('option --quiet takes no value (got --quiet=1)');
    err = '';
    expect(await main(['-o'])).toBe(2);
    expect(err).toContain('选项 -o 需要一个取值');
  });

  it('exits 3 when an input cannot be processed, after finishing the batch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-cli-'));
    await writeFile(join(dir, 'junk.txt'), '随便写点什么');
    expect(await main(['--quiet', '-o', join(dir, 'out'), '--format', 'csv', join(dir, 'junk.txt')])).toBe(3);
    expect(err).toContain('失败');
  });
});

describe('--config', () => {
  it('switches a rule off, changes a severity and the execution-rate threshold', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-config-'));
    const seed = new URL('../fixtures/seed.txt', import.meta.url).pathname;
    const findings = async (config: object | null) => {
      const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
      const args = ['--quiet', '-j', '1', '--format', 'log', '-o', out];
      if (config) {
        await writeFile(join(dir, 'c.json'), JSON.stringify(config));
        args.push('--config', join(dir, 'c.json'));
      }
      expect(await main([...args, seed])).toBe(0);
      const { readFile } = await import('node:fs/promises');
      return (await readFile(join(out, 'discrepancies.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { rule: string; severity: string });
    };
    const plain = await findings(null);
    expect(plain.some((f) => f.rule === 'funds-execution-rate')).toBe(true);
    const tuned = await findings({ severity: { 'funds-execution-rate': 'off', 'field-missing': 'error' } });
    expect(tuned.some((f) => f.rule === 'funds-execution-rate')).toBe(false);
    expect(tuned.find((f) => f.rule === 'field-missing')?.severity).toBe('error');
    const lowThreshold = await findings({ executionRateThreshold: 10 });
    expect(lowThreshold.some((f) => f.rule === 'funds-execution-rate')).toBe(false);
  });

  it.each([['{ not json'], ['{"severity":{"no-such-rule":"off"}}'], ['{"severity":{"date-invalid":"fatal"}}'], ['{"threshold":5}']])('exits 2 on a bad config %s', async (text) => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-config-'));
    await writeFile(join(dir, 'bad.json'), text);
    expect(await main(['--quiet', '--config', join(dir, 'bad.json'), 'fixtures/seed.txt'])).toBe(2);
    expect(err).toContain('配置文件无效');
  });

  it('states what is wrong with a config in the run language (zod\'s messages included)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-config-'));
    await writeFile(join(dir, 'bad.json'), '{"executionRateThreshold":200,"threshold":5}');
    await writeFile(join(dir, 'rule.json'), '{"severity":{"no-such-rule":"off"}}');
    await writeFile(join(dir, 'broken.json'), '{ not json');
    const run = async (...args: string[]) => {
      err = '';
      expect(await main(['--quiet', ...args, 'fixtures/seed.txt'])).toBe(2);
      return err;
    };
    const zh = await run('--config', join(dir, 'bad.json'));
    expect(zh).toContain('executionRateThreshold: 数值过大');
    expect(zh).toContain('未知的键');
    expect(zh).not.toMatch(/too big|unrecognized/iu);
    expect(await run('--config', join(dir, 'rule.json'))).toContain('severity：未知的规则 no-such-rule');
    expect(await run('--config', join(dir, 'broken.json'))).toMatch(/配置文件无效：不是有效的 JSON（.+）/u);
    const en = await run('--lang', 'en', '--config', join(dir, 'bad.json'));
    expect(en).toMatch(/executionRateThreshold: Too big/u);
    expect(en).toMatch(/Unrecognized key/u);
    expect(await run('--lang', 'en', '--config', join(dir, 'broken.json'))).toMatch(/invalid config file: not valid JSON \(.+\)/u);
  });

  it('reads a config saved with a byte-order mark (Notepad, WPS) and names a missing one as missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-config-'));
    await writeFile(join(dir, 'bom.json'), '\uFEFF{"severity":{"funds-execution-rate":"off"}}');
    expect(await main(['--quiet', '--format', 'log', '-o', join(dir, 'o'), '--config', join(dir, 'bom.json'), 'fixtures/seed.txt'])).toBe(0);
    expect(await main(['--quiet', '--config', join(dir, 'none.json'), 'fixtures/seed.txt'])).toBe(2);
    expect(err).toContain('无法读取配置文件');
    expect(err).toContain('文件不存在');
  });
});

describe('--fail-on', () => {
  it('says why it fails the run and records the run options in the manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-failon-'));
    const seed = new URL('../fixtures/seed.txt', import.meta.url).pathname;
    expect(await main(['--quiet', '-j', '1', '--format', 'log', '--fail-on', 'error', '-o', join(dir, 'o'), seed])).toBe(1);
    expect(err).toContain('--fail-on error');
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile(join(dir, 'o', 'manifest.json'), 'utf8'));
    expect(manifest.options).toMatchObject({ failOn: 'error', config: null, lang: 'zh' });
    expect(await main(['--quiet', '-j', '1', '--format', 'log', '--fail-on', 'never', '-o', join(dir, 'o2'), seed])).toBe(0);
  });

  it('still says the threshold was met when a failed input makes the exit 3, and counts files with errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'selfeval-failon3-'));
    const seed = new URL('../fixtures/seed.txt', import.meta.url).pathname;
    await writeFile(join(dir, 'junk.txt'), '随便写点什么');
    expect(await main(['-j', '1', '--format', 'log', '--fail-on', 'error', '--lang', 'en', '-o', join(dir, 'o'), seed, join(dir, 'junk.txt')])).toBe(3);
    expect(err).toMatch(/--fail-on error: 1 finding at or above error; exit code 3/u);
    expect(err).toContain('; 1 file with error findings');
    // stderr is not a terminal here: the failed file is named on a line of its own.
    expect(err).toMatch(/^failed: .*junk\.txt: /mu);
  });
});

describe('English counts', () => {
  it('say "1 file", "1 error" and "2 files", "0 warnings"', async () => {
    const { TEXT } = await import('../src/cli/messages.js');
    expect(TEXT.en.summary(1, 1, 0, 1, 0, 2, '0.5', 'out')).toBe('done: 1 file, 1 ok, 0 failed; findings: 1 error, 0 warnings, 2 info; 0.5 s; output in out');
    expect(TEXT.en.summary(2, 2, 0, 3, 1, 0, '0.5', 'out')).toContain('2 files, 2 ok, 0 failed; findings: 3 errors, 1 warning, 0 info');
    expect(TEXT.en.skipped(1, 0)).toBe('skipped 1 hidden file and 0 Office lock files');
    expect(TEXT.en.failOn('error', 1, 1)).toBe('--fail-on error: 1 finding at or above error; exit code 1');
    expect(TEXT.en.failOn('warning', 25, 3)).toContain('--fail-on warning: 25 findings at or above warning; exit code 3');
    expect(TEXT.en.skippedOutput(['a'])).toMatch(/^skipped 1 output folder of earlier runs /u);
    expect(TEXT.en.skippedOutput(['a', 'b'])).toMatch(/^skipped 2 output folders of earlier runs /u);
  });
});
