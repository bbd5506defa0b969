/**
 * Each worker holds two documents: the one it runs and the next, queued inside it. The time limit of
 * a document counts from when its worker starts it, and when a worker is lost (timeout, crash, out of
 * memory) only the document it was running fails: the one queued behind it goes to the replacement
 * worker and is processed once, like any other. Test hooks (SELFEVAL_TEST_HANG_ON / _CRASH_ON, read by
 * the worker from its environment) make a named document hang or crash.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPart } from '../../src/output/parts.js';
import { variantReport } from '../helpers/corpus.js';
import { readManifest, removeDir, runCli, tempDir, withPool } from './cli.js';

const HOOKS = { SELFEVAL_TEST_HANG_ON: 'hang-me', SELFEVAL_TEST_CRASH_ON: 'crash-me' };
let root: string;
const saved: Record<string, string | undefined> = {};

beforeAll(() => {
  root = tempDir('in-flight');
  mkdirSync(join(root, 'docs'));
  // Workers copy the environment when they start: the in-process pools below see the hooks.
  for (const [k, v] of Object.entries(HOOKS)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});

afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  removeDir(root);
});

/** Write the named documents (each a distinct report) and return them as runner jobs. */
function docs(names: string[]): { path: string; file: string; name: string }[] {
  return names.map((name, i) => {
    writeFileSync(join(root, 'docs', name), variantReport(i + 10));
    return { path: join(root, 'docs', name), file: `docs/${name}`, name: name.replace('.txt', '') };
  });
}

describe('two documents in flight per worker', () => {
  it('does not charge a document queued behind a runaway one with its time: it runs in the replacement worker', async () => {
    const jobs = docs(['t1-hang-me.txt', 't2.txt', 't3.txt']);
    const out = join(root, 'out-timeout');
    // One worker: t2 is queued inside the worker that hangs on t1, t3 waits in the pool. Were t2's time
    // counted from when it was posted, it would time out together with t1.
    const outcomes = await withPool({ out }, (runner) => Promise.all(jobs.map((j) => runner.run(j))));
    expect(outcomes.map((o) => [o.file, o.status, o.errorCode])).toEqual([
      ['docs/t1-hang-me.txt', 'failed', 'timeout'],
      ['docs/t2.txt', 'ok', null],
      ['docs/t3.txt', 'ok', null],
    ]);
    expect(outcomes[0]!.error).toBe('processing timed out: 3 s');
    expect((await readPart(out, 't2'))?.manifest).toMatchObject({ file: 'docs/t2.txt', status: 'ok' });
  }, 60_000);

  it('records only the running document of a crashed worker; the queued one is processed once', async () => {
    const jobs = docs(['c1-crash-me.txt', 'c2.txt', 'c3-crash-me.txt', 'c4.txt']);
    const outcomes = await withPool({ out: join(root, 'out-crash') }, (runner) => Promise.all(jobs.map((j) => runner.run(j))));
    expect(outcomes.map((o) => [o.file, o.status, o.errorCode])).toEqual([
      ['docs/c1-crash-me.txt', 'failed', 'internal-error'],
      ['docs/c2.txt', 'ok', null],
      ['docs/c3-crash-me.txt', 'failed', 'internal-error'],
      ['docs/c4.txt', 'ok', null],
    ]);
    expect(outcomes[2]!.error).toContain('test crash on docs/c3-crash-me.txt');
  }, 60_000);

  it('settles what a runaway worker holds when the pool is closed, without waiting for the time limit', async () => {
    const jobs = docs(['s1-hang-me.txt', 's2.txt']);
    // Closed inside: closing it again on the way out does nothing.
    await withPool({ timeoutSec: 600, out: join(root, 'out-close'), formats: ['json'] }, async (runner) => {
      const runs = jobs.map((j) => runner.run(j).then(() => 'done', (e: Error) => e.message));
      await new Promise((r) => setTimeout(r, 500));
      await runner.close();
      expect(await Promise.all(runs)).toEqual(['the worker pool was closed', 'the worker pool was closed']);
      await expect(runner.run(jobs[1]!)).rejects.toThrow('the worker pool is closed');
    });
  }, 60_000);

  it('records every input once, in input order, with adjacent runaway and crashing documents (CLI, two workers)', async () => {
    const names = ['b01.txt', 'b02-hang-me.txt', 'b03-hang-me.txt', 'b04.txt', 'b05-crash-me.txt', 'b06.txt', 'b07.txt', 'b08-crash-me.txt', 'b09.txt', 'b10.txt'];
    mkdirSync(join(root, 'batch'));
    names.forEach((name, i) => writeFileSync(join(root, 'batch', name), variantReport(i + 40)));
    const run = await runCli(['-o', 'out-batch', '-j', '2', '--timeout', '3', 'batch'], { cwd: root, env: HOOKS });
    expect(run.code).toBe(3);
    const expected = names.map((name) => [`batch/${name}`, name.includes('hang') ? 'timeout' : name.includes('crash') ? 'internal-error' : null]);
    expect(readManifest(join(root, 'out-batch')).inputs.map((i) => [i.file, i.errorCode])).toEqual(expected);
    expect(run.stdout + run.stderr).toContain('完成：10 个文件，成功 6，失败 4');
  }, 120_000);
});
