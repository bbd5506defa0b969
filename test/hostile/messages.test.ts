import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, p } from '../../scripts/fixtures/ooxml.js';
import { processDocument } from '../../src/process.js';
import { makeDirs, makeDirsSync } from '../../src/output/atomic.js';
import { SEED_DOCX, SEED_TXT } from '../helpers/corpus.js';
import { removeDir, runCli, tempDir } from '../bulk/cli.js';

let root: string;
beforeAll(() => {
  root = tempDir('messages');
  writeFileSync(join(root, 'seed.txt'), SEED_TXT);
  writeFileSync(join(root, 'a-file'), 'x');
  mkdirSync(join(root, 'docs'));
});
afterAll(() => removeDir(root));

const STACK = /^\s+at /mu;

describe('usage errors are stated, never traced', () => {
  it('-o naming a file (was: a stack trace and exit 70)', async () => {
    for (const out of ['a-file', 'a-file/sub']) {
      const run = await runCli(['-q', '--lang', 'en', '-o', out, 'seed.txt'], { cwd: root });
      expect(run.code).toBe(2);
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stderr).toContain(`output folder ${out} cannot be used:`);
      expect(run.stderr).toContain('is a file, not a folder');
    }
  });

  it('--timeout 0 says that 0 is not "no limit"', async () => {
    const zh = await runCli(['--timeout', '0', 'seed.txt'], { cwd: root });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--timeout 的取值应为大于 0、不超过 86400 的秒数（0 不表示不限时）（实际为 0）');
    const en = await runCli(['--lang', 'en', '--timeout', '0', 'seed.txt'], { cwd: root });
    expect(en.stderr).toContain('--timeout: expected seconds above 0 and at most 86400 (0 does not mean no limit) (got 0)');
    expect(en.stderr).not.toMatch(/expected 0 to/u);
  });
});

describe('system errors are stated in one line, never traced', () => {
  it('a worker that cannot write a report (reports is a file in the output folder): exit 70, in the run language', async () => {
    mkdirSync(join(root, 'out-blocked'));
    writeFileSync(join(root, 'out-blocked', 'reports'), 'not a folder');
    const run = await runCli(['-q', '-j', '1', '-o', 'out-blocked', 'seed.txt'], { cwd: root });
    expect(run.code).toBe(70);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr).toContain('无法完成（系统错误：');
    expect(run.stderr).toMatch(/ENOTDIR|EEXIST/u);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});

describe('an output folder that cannot be made', () => {
  it.runIf(existsSync('/proc/self'))('-o under /proc: exit 70 in one line, not a loop (Node\'s recursive mkdir spins there)', async () => {
    const run = await runCli(['-q', '-j', '1', '-o', '/proc/selfeval-test/out', 'seed.txt'], { cwd: root });
    expect(run.code).toBe(70);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('ENOENT');
  }, 60_000);

  it('makes missing parents one by one, and accepts a folder made meanwhile', async () => {
    const deep = join(root, 'mk', 'a', 'b', 'c');
    makeDirsSync(deep);
    await makeDirs(join(root, 'mk', 'a', 'b', 'd', 'e'));
    await Promise.all([makeDirs(join(root, 'mk', 'x', 'y')), makeDirs(join(root, 'mk', 'x', 'z'))]);
    expect(readdirSync(join(root, 'mk', 'a', 'b')).sort()).toEqual(['c', 'd']);
    expect(readdirSync(join(root, 'mk', 'x')).sort()).toEqual(['y', 'z']);
    writeFileSync(join(root, 'mk', 'file'), 'x');
    expect(() => makeDirsSync(join(root, 'mk', 'file'))).toThrow(/EEXIST/u);
  });
});

describe('library messages are wrapped in the run language', () => {
  const zhOf = async (bytes: Uint8Array) => (await processDocument({ bytes, file: 'x.docx' })).error ?? '';

  it('a part that is not well-formed XML', async () => {
    const bad = buildDocx(p('x'), { extra: { 'word/document.xml': '<w:document><w:body>' } });
    const zh = await zhOf(bad);
    expect(zh).toMatch(/^文件已损坏：不是完整的 ZIP\/Word 文件：word\/document\.xml 不是格式正确的 XML（.+）$/u);
  });

  it('a truncated package', async () => {
    expect(await zhOf(SEED_DOCX.subarray(0, 5000))).toBe('文件已损坏：不是完整的 ZIP/Word 文件：找不到 ZIP 中央目录的结尾（文件不完整）');
  });

  it('any other plain detail is quoted as the original text', async () => {
    const { errorMessage } = await import('../../src/model/errors.js');
    expect(errorMessage('internal-error', 'Cannot read properties of undefined', 'zh')).toBe('内部错误（请报告此问题）（原始信息：Cannot read properties of undefined）');
    expect(errorMessage('internal-error', 'Cannot read properties of undefined', 'en')).toBe('internal error (please report it): Cannot read properties of undefined');
  });
});
