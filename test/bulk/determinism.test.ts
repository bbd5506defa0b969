/**
 * A 1,000-document batch gives byte-identical outputs with one worker and with two (manifest.json
 * compared without timestamps, timings and the run's own options).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeVariantFolder } from '../helpers/corpus.js';
import { expectSameOutputs, readManifest, removeDir, runCli, tempDir } from './cli.js';

const COUNT = 1000;
let root: string;

beforeAll(() => {
  root = tempDir('determinism');
  writeVariantFolder(join(root, 'docs'), COUNT);
});

afterAll(() => removeDir(root));

describe('determinism', () => {
  it(`writes identical outputs for ${COUNT} documents with --jobs 1 and --jobs 2`, async () => {
    const one = await runCli(['-o', 'out-1', '--jobs', '1', 'docs'], { cwd: root });
    expect(one.code).toBe(0);
    const two = await runCli(['-o', 'out-2', '--jobs', '2', 'docs'], { cwd: root });
    expect(two.code).toBe(0);
    const m = readManifest(join(root, 'out-1'));
    expect(m.inputs).toHaveLength(COUNT);
    expect(m.totals.error).toBeGreaterThan(0); // every tenth variant has a balance that does not add up
    const compared = expectSameOutputs(join(root, 'out-1'), join(root, 'out-2'), (x, y, what) => expect(x, what).toEqual(y));
    expect(compared).toBeGreaterThanOrEqual(COUNT);
    // Informative only (no timing assertions): how long each took.
    console.info(`${COUNT} documents: --jobs 1 ${/用时 ([\d.]+) 秒/u.exec(one.stderr)?.[1]} s, --jobs 2 ${/用时 ([\d.]+) 秒/u.exec(two.stderr)?.[1]} s`);
  }, 300_000);
});
