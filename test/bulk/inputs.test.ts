/** Ways to name inputs: folders, stdin, --files-from (file or stdin), and the usage errors around them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_TXT, variantReport } from '../helpers/corpus.js';
import { readManifest, removeDir, runCli, tempDir } from './cli.js';

let root: string;

beforeAll(() => {
  root = tempDir('inputs');
  mkdirSync(join(root, 'docs', 'sub'), { recursive: true });
  writeFileSync(join(root, 'docs', 'b.txt'), variantReport(1));
  writeFileSync(join(root, 'docs', 'sub', 'a.txt'), variantReport(2));
  writeFileSync(join(root, 'docs', 'c.txt'), variantReport(3));
});

afterAll(() => removeDir(root));

describe('inputs', () => {
  it('an empty folder is a run of nothing that says so (exit 0); a folder with files does not say it', async () => {
    mkdirSync(join(root, 'empty'), { recursive: true });
    const run = await runCli(['-o', 'out-empty', 'empty'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('注意：所给的文件夹中没有可处理的文件');
    expect(readManifest(join(root, 'out-empty')).inputs).toEqual([]);
    const some = await runCli(['-o', 'out-some', '--format', 'csv', 'docs/sub'], { cwd: root });
    expect(some.stderr).not.toContain('没有可处理的文件');
  }, 60_000);

  it('a folder that cannot be read is recorded in the manifest and makes the exit 3; the rest is processed', async () => {
    // Tests may run as root, which reads any folder: listing one is refused through a preload instead.
    mkdirSync(join(root, 'locked-archive', 'locked'), { recursive: true });
    writeFileSync(join(root, 'locked-archive', 'a.txt'), variantReport(4));
    writeFileSync(join(root, 'locked-archive', 'locked', 'b.txt'), variantReport(5));
    const preload = join(root, 'refuse-locked.mjs');
    writeFileSync(
      preload,
      `import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
const readdir = fsp.readdir;
fsp.readdir = async (path, options) => {
  if (String(path).endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  return readdir(path, options);
};
syncBuiltinESMExports();
`,
    );
    const env = { NODE_OPTIONS: `--import=${preload}` };
    const run = await runCli(['-o', 'out-locked', 'locked-archive'], { cwd: root, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('无法读取文件夹，其中的文件未处理：locked-archive/locked（没有读取权限（EACCES）');
    const m = readManifest(join(root, 'out-locked')) as unknown as { inputs: { file: string; status: string }[]; skipped: { unreadableFolders?: unknown } };
    expect(m.inputs.map((i) => [i.file, i.status])).toEqual([['locked-archive/a.txt', 'ok']]);
    expect(m.skipped.unreadableFolders).toEqual([{ folder: 'locked-archive/locked', reason: 'EACCES' }]);
    // Nothing else to read: still exit 3, not an empty success.
    const alone = await runCli(['-o', 'out-locked-alone', '--lang', 'en', 'locked-archive/locked'], { cwd: root, env });
    expect(alone.code).toBe(3);
    expect(alone.stderr).toContain('folder could not be read, its files not processed: locked-archive/locked (permission denied (EACCES)');
    // Without the refusal the same folder is read and the run is a success.
    expect((await runCli(['-o', 'out-unlocked', 'locked-archive'], { cwd: root })).code).toBe(0);
  }, 60_000);

  it('reads one document from stdin with "-"', async () => {
    const run = await runCli(['-o', 'out-stdin', '-'], { cwd: root, stdin: SEED_TXT });
    expect(run.code).toBe(0);
    const m = readManifest(join(root, 'out-stdin'));
    expect(m.inputs).toHaveLength(1);
    expect(m.inputs[0]).toMatchObject({ file: '<stdin>', name: 'stdin', status: 'ok', format: 'text' });
  }, 60_000);

  it('fails a document on stdin over the input size limit as too-large, without holding all of it', async () => {
    const run = await runCli(['-o', 'out-stdin-big', '-'], { cwd: root, stdin: new Uint8Array(51 * 1024 * 1024).fill(0x41) });
    expect(run.code).toBe(3);
    expect(readManifest(join(root, 'out-stdin-big')).inputs[0]).toMatchObject({ file: '<stdin>', status: 'failed', errorCode: 'too-large', sha256: null });
  }, 60_000);

  it('reads a --files-from list (comments, blank lines, folders); a stale line is a failed input, not a usage error', async () => {
    writeFileSync(join(root, 'list.txt'), '\uFEFF# archive list\r\ndocs/c.txt\r\n\r\ndocs/sub\r\ndocs/gone.txt\r\ndocs/c.txt\r\n');
    const run = await runCli(['-o', 'out-list', '--files-from', 'list.txt'], { cwd: root });
    expect(run.code).toBe(3);
    const m = readManifest(join(root, 'out-list'));
    expect(m.inputs.map((i) => [i.file, i.status, i.errorCode])).toEqual([
      ['docs/c.txt', 'ok', null],
      ['docs/gone.txt', 'failed', 'read-failed'],
      ['docs/sub/a.txt', 'ok', null],
    ]);
  }, 60_000);

  it('takes a relative path of a --files-from list from the working folder, not from the list\'s folder (as the README says)', async () => {
    // The list lies in a folder of its own: the docs folder is walked whole by other tests.
    mkdirSync(join(root, 'lists', 'docs'), { recursive: true });
    writeFileSync(join(root, 'lists', 'list.txt'), 'docs/c.txt\n');
    const run = await runCli(['-o', 'out-list-rel', '--format', 'csv', '--files-from', 'lists/list.txt'], { cwd: root });
    expect(run.code).toBe(0);
    expect(readManifest(join(root, 'out-list-rel')).inputs.map((i) => [i.file, i.status])).toEqual([['docs/c.txt', 'ok']]);
  }, 60_000);

  it('reads the list from stdin with --files-from -, merged with positional inputs', async () => {
    const run = await runCli(['-o', 'out-list-stdin', '--files-from', '-', 'docs/b.txt'], { cwd: root, stdin: 'docs/sub/a.txt\ndocs/b.txt\n' });
    expect(run.code).toBe(0);
    expect(readManifest(join(root, 'out-list-stdin')).inputs.map((i) => i.file)).toEqual(['docs/b.txt', 'docs/sub/a.txt']);
  }, 60_000);

  it('walks folders recursively in stable sorted order and keeps a file given twice once', async () => {
    const run = await runCli(['-o', 'out-walk', 'docs/sub/a.txt', 'docs', './docs/c.txt'], { cwd: root });
    expect(run.code).toBe(0);
    expect(readManifest(join(root, 'out-walk')).inputs.map((i) => i.file)).toEqual(['docs/b.txt', 'docs/c.txt', 'docs/sub/a.txt']);
  }, 60_000);

  it('exits 2 on usage errors: a missing input, stdin used twice, a bad option value, nothing to do', async () => {
    const missing = await runCli(['-o', 'out-x', 'docs/nope.txt'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到输入：docs/nope.txt');
    const twice = await runCli(['-o', 'out-x', '--files-from', '-', '-'], { cwd: root, stdin: '' });
    expect(twice.code).toBe(2);
    const jobs = await runCli(['-o', 'out-x', '--jobs', '0', 'docs'], { cwd: root });
    expect(jobs.code).toBe(2);
    const none = await runCli(['-o', 'out-x', '--lang', 'en'], { cwd: root });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no input files or folders given');
  }, 60_000);

  it('exits 70 at once, without starting workers or a stack trace, when the output folder cannot be written', async () => {
    const run = await runCli(['-o', '/sys/selfeval-out', 'docs'], { cwd: root }); // EPERM even for root
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(/^selfeval: 无法完成（系统错误：.*(ENOENT|EACCES|EROFS|EPERM)/u);
    expect(run.stderr).not.toMatch(/^\s+at /mu);
  }, 60_000);

  it('exits 2 when the output folder is a file (a usage error)', async () => {
    writeFileSync(join(root, 'a-file'), 'not a folder');
    const run = await runCli(['-o', 'a-file/out', 'docs'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a-file 是一个文件，不是文件夹');
  }, 60_000);
});
