/**
 * Workers started before the batch knows its settings (prestartWorkers): the pool takes them when their
 * heap limits are its own, stops them otherwise, and handles what a worker did before it was taken
 * (an exit included) as if it had been listening all along.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prestartWorkers, type PrestartedWorkers } from '../../src/cli/runner.js';
import { variantReport } from '../helpers/corpus.js';
import { readManifest, removeDir, runCli, tempDir, withPool } from './cli.js';

let root: string;
let jobs: { path: string; file: string; name: string }[];

beforeAll(() => {
  root = tempDir('prestart');
  mkdirSync(join(root, 'docs'));
  jobs = [1, 2, 3].map((i) => {
    writeFileSync(join(root, 'docs', `p${i}.txt`), variantReport(i + 60));
    return { path: join(root, 'docs', `p${i}.txt`), file: `docs/p${i}.txt`, name: `p${i}` };
  });
});

afterAll(() => removeDir(root));

/** The prestarted workers, counting how many the pool takes. */
function counted(real: PrestartedWorkers): { prestarted: PrestartedWorkers; taken: () => number } {
  let taken = 0;
  const prestarted: PrestartedWorkers = {
    limits: real.limits,
    take: () => {
      const w = real.take();
      if (w) taken++;
      return w;
    },
    discard: () => real.discard(),
  };
  return { prestarted, taken: () => taken };
}

describe('prestarted workers', () => {
  it('are taken by a pool of the same size and run its documents', async () => {
    const real = prestartWorkers(2);
    const { prestarted, taken } = counted(real);
    const outcomes = await withPool({ jobs: 2, prestarted, out: join(root, 'out-taken') }, (runner) => Promise.all(jobs.map((j) => runner.run(j))));
    expect(taken()).toBe(2);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['p1', 'ok'],
      ['p2', 'ok'],
      ['p3', 'ok'],
    ]);
  }, 60_000);

  it('are stopped, not taken, by a pool whose workers get other heap limits', async () => {
    const real = prestartWorkers(2); // 48 MB young generations; a pool of one worker gives it 96 MB
    const { prestarted, taken } = counted(real);
    const outcomes = await withPool({ jobs: 1, prestarted, out: join(root, 'out-other') }, async (runner) => {
      expect(real.take()).toBeUndefined(); // discarded as the pool was made
      return Promise.all(jobs.map((j) => runner.run(j)));
    });
    expect(taken()).toBe(0);
    expect(outcomes.every((o) => o.status === 'ok')).toBe(true);
  }, 60_000);

  it('that exited before the pool took them are replaced, and the documents run', async () => {
    const real = prestartWorkers(1);
    const early = real.take()!;
    await early.worker.terminate(); // its exit is kept, to be handled when the pool takes it
    let given = false;
    const prestarted: PrestartedWorkers = {
      limits: real.limits,
      take: () => (given ? undefined : ((given = true), early)),
      discard: async () => {},
    };
    const outcomes = await withPool({ jobs: 1, prestarted, out: join(root, 'out-exited') }, (runner) => Promise.all(jobs.map((j) => runner.run(j))));
    expect(given).toBe(true);
    expect(outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'ok']);
  }, 60_000);

  it('do not keep the command from ending when it stops early (a usage error after they started)', async () => {
    const run = await runCli(['-o', 'out-usage', '--config', 'missing.json', 'docs'], { cwd: root });
    expect(run.code).toBe(2);
    const ok = await runCli(['-o', 'out-cli', '-j', '2', 'docs'], { cwd: root });
    expect(ok.code).toBe(0);
    expect(readManifest(join(root, 'out-cli')).inputs.map((i) => i.status)).toEqual(['ok', 'ok', 'ok']);
  }, 60_000);
});
