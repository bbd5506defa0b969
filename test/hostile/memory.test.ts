/**
 * A per-worker memory cap: a document that needs more fails as too-large, its worker is replaced and
 * the batch goes on. SELFEVAL_TEST_HOG_ON (a test hook) makes a named document allocate without end;
 * SELFEVAL_WORKER_MEMORY_MB lowers the cap so that the test is quick.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerLimits, workerMemoryMb } from '../../src/cli/runner.js';
import { SEED_TXT, variantReport } from '../helpers/corpus.js';
import { readManifest, removeDir, runCli, tempDir } from '../bulk/cli.js';

let root: string;
beforeAll(() => {
  root = tempDir('memory');
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs', 'a.txt'), SEED_TXT);
  writeFileSync(join(root, 'docs', 'b-hog.txt'), variantReport(1));
  writeFileSync(join(root, 'docs', 'c.txt'), variantReport(2));
});
afterAll(() => removeDir(root));

describe('the per-worker memory cap', () => {
  it('is 512 MB unless configured', () => {
    expect(workerMemoryMb({})).toBe(512);
    expect(workerMemoryMb({ SELFEVAL_WORKER_MEMORY_MB: '128' })).toBe(128);
    expect(workerMemoryMb({ SELFEVAL_WORKER_MEMORY_MB: 'lots' })).toBe(512);
  });

  it('gives a worker alone a 96 MB young generation and several workers 48 MB each, unless configured', () => {
    expect(workerLimits(1, {})).toEqual({ maxYoungGenerationSizeMb: 96, maxOldGenerationSizeMb: 512 });
    expect(workerLimits(2, {}).maxYoungGenerationSizeMb).toBe(48);
    expect(workerLimits(8, { SELFEVAL_WORKER_YOUNG_MB: '96' }).maxYoungGenerationSizeMb).toBe(96);
    expect(workerLimits(1, { SELFEVAL_WORKER_YOUNG_MB: 'big' }).maxYoungGenerationSizeMb).toBe(96);
    expect(workerLimits(2, { SELFEVAL_WORKER_MEMORY_MB: '128' }).maxOldGenerationSizeMb).toBe(128);
  });

  it('stops a document that exceeds it as too-large and replaces the worker', { timeout: 120_000 }, async () => {
    const run = await runCli(['-q', '-j', '1', '--lang', 'en', '-o', 'out', 'docs'], { cwd: root, env: { SELFEVAL_TEST_HOG_ON: 'hog', SELFEVAL_WORKER_MEMORY_MB: '64' } });
    expect(run.code).toBe(3);
    const m = readManifest(join(root, 'out'));
    expect(m.inputs.map((i) => [i.file, i.status, i.errorCode])).toEqual([
      ['docs/a.txt', 'ok', null],
      ['docs/b-hog.txt', 'failed', 'too-large'],
      ['docs/c.txt', 'ok', null],
    ]);
    expect(m.inputs[1]!.error).toContain('more than the 64 MB memory limit of a worker');
  });
});
