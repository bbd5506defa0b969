/**
 * One document must never take the batch down: a runaway document is stopped with its worker (which
 * is replaced) and recorded as `timeout`; a worker that dies is recorded as `internal-error`.
 * The test hooks SELFEVAL_TEST_HANG_ON / SELFEVAL_TEST_CRASH_ON make a named document hang or crash.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPart } from '../../src/output/parts.js';
import { SEED_TXT, variantReport } from '../helpers/corpus.js';
import { readManifest, removeDir, runCli, tempDir, withPool } from './cli.js';

let root: string;

beforeAll(() => {
  root = tempDir('isolation');
  const docs = join(root, 'docs');
  mkdirSync(docs);
  writeFileSync(join(docs, 'a-seed.txt'), SEED_TXT);
  writeFileSync(join(docs, 'b-hang-me.txt'), variantReport(1));
  writeFileSync(join(docs, 'c-crash-me.txt'), variantReport(2));
  writeFileSync(join(docs, 'd-seed.txt'), variantReport(3));
  writeFileSync(join(docs, 'e-hang-me-too.txt'), variantReport(4));
  writeFileSync(join(docs, 'f-seed.txt'), variantReport(5));
});

afterAll(() => removeDir(root));

describe('failure isolation in the worker pool', () => {
  it('records a hung document as timeout, a crashed worker as internal-error, and processes the rest (CLI, one worker)', async () => {
    const run = await runCli(['-o', 'out', '-j', '1', '--timeout', '5', 'docs'], {
      cwd: root,
      env: { SELFEVAL_TEST_HANG_ON: 'hang-me', SELFEVAL_TEST_CRASH_ON: 'crash-me' },
    });
    expect(run.code).toBe(3);
    const m = readManifest(join(root, 'out'));
    expect(m.inputs.map((i) => [i.file, i.status, i.errorCode])).toEqual([
      ['docs/a-seed.txt', 'ok', null],
      ['docs/b-hang-me.txt', 'failed', 'timeout'],
      ['docs/c-crash-me.txt', 'failed', 'internal-error'],
      ['docs/d-seed.txt', 'ok', null],
      ['docs/e-hang-me-too.txt', 'failed', 'timeout'],
      ['docs/f-seed.txt', 'ok', null],
    ]);
    const hung = m.inputs[1]!;
    expect(hung.error).toBe('处理超时：5 秒');
    expect(hung.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(hung.format).toBe('text');
    expect(m.inputs[2]!.error).toContain('test crash on docs/c-crash-me.txt');
  }, 120_000);

  it('runs the pool in-process from the TypeScript sources (worker bootstrapped through tsx)', async () => {
    const out = join(root, 'out-pool');
    await withPool({ jobs: 2, timeoutSec: 5, out }, async (runner) => {
      const jobs = ['a-seed.txt', 'd-seed.txt', 'f-seed.txt'].map((f, i) => ({ path: join(root, 'docs', f), file: `docs/${f}`, name: `n${i}` }));
      const stdin = { path: '-', file: '-', name: 'stdin', bytes: new TextEncoder().encode(SEED_TXT) };
      const outcomes = await Promise.all([...jobs, stdin].map((j) => runner.run(j)));
      expect(outcomes.map((o) => [o.file, o.status, o.reused])).toEqual([
        ['docs/a-seed.txt', 'ok', false],
        ['docs/d-seed.txt', 'ok', false],
        ['docs/f-seed.txt', 'ok', false],
        ['-', 'ok', false],
      ]);
      const part = await readPart(out, 'stdin');
      expect(part?.manifest).toMatchObject({ file: '-', name: 'stdin', status: 'ok', format: 'text' });
    });
  }, 60_000);
});
