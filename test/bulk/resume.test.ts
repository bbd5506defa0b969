/**
 * kill -9 in the middle of a batch, then --resume: the batch completes and its outputs equal those of
 * an uninterrupted run (manifest.json apart from timestamps and timings). One document is made to hang
 * (test hook) so that the interrupted run is certainly still running when it is killed, while the
 * other worker keeps writing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeVariantFolder } from '../helpers/corpus.js';
import { expectSameOutputs, finished, readManifest, removeDir, runCli, startCli, tempDir, tempFilesIn } from './cli.js';

const COUNT = 80;
let root: string;

function partsWritten(out: string): number {
  const dir = join(out, '.selfeval', 'parts');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 6000 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!condition()) throw new Error(`gave up waiting for ${what}`);
}

beforeAll(() => {
  root = tempDir('resume');
  writeVariantFolder(join(root, 'docs'), COUNT);
  // A document that does not parse and one that fails: failures must survive the resume as well.
  writeFileSync(join(root, 'docs', 'empty.txt'), '');
  writeFileSync(join(root, 'docs', 'unrelated.txt'), '会议通知\n请各科室准时参会。\n');
});

afterAll(() => removeDir(root));

const equal = (x: unknown, y: unknown, what: string) => expect(x, what).toEqual(y);

describe('kill -9 and --resume', () => {
  it('finishes an interrupted batch with outputs identical to an uninterrupted one', async () => {
    const clean = await runCli(['-o', 'clean', '-j', '2', 'docs'], { cwd: root });
    expect(clean.code).toBe(3);

    const child = startCli(['-o', 'resumed', '-j', '2', '--timeout', '600', 'docs'], { cwd: root, env: { SELFEVAL_TEST_HANG_ON: 'report-00040' } });
    const done = finished(child);
    await until(() => partsWritten(join(root, 'resumed')) >= COUNT / 2, 'half of the documents');
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(root, 'resumed', 'manifest.json'))).toBe(false);

    // What a kill during the final assembly or a write leaves: temp files of a process that is gone.
    const dead = child.pid!;
    mkdirSync(join(root, 'resumed', 'reports'), { recursive: true });
    writeFileSync(join(root, 'resumed', `reports.csv.tmp-${dead}-abc-0`), 'half a CSV');
    writeFileSync(join(root, 'resumed', 'reports', `x.json.tmp-${dead}-abc-1`), '{"half":');

    const resumed = await runCli(['-o', 'resumed', '-j', '2', '--resume', 'docs'], { cwd: root });
    expect(resumed.code).toBe(3);
    expect(resumed.stderr).toMatch(/沿用上次结果 \d+ 个/u);
    expect(tempFilesIn(join(root, 'resumed'))).toEqual([]);
    const compared = expectSameOutputs(join(root, 'clean'), join(root, 'resumed'), equal);
    expect(compared).toBeGreaterThan(COUNT);
    expect(readManifest(join(root, 'resumed')).inputs).toHaveLength(COUNT + 2);
  }, 240_000);

  it('reuses everything when resuming a finished batch, and still writes the same outputs', async () => {
    const again = await runCli(['-o', 'resumed', '-j', '2', '--resume', 'docs'], { cwd: root });
    expect(again.code).toBe(3);
    expect(again.stderr).toContain(`沿用上次结果 ${COUNT + 2} 个`);
    expectSameOutputs(join(root, 'clean'), join(root, 'resumed'), equal);
  }, 120_000);

  it('processes a changed input again on --resume', async () => {
    writeFileSync(join(root, 'docs', 'empty.txt'), readFileSync(join(root, 'docs', 'even', 'report-00000.txt'), 'utf8'));
    const run = await runCli(['-o', 'resumed', '-j', '2', '--resume', 'docs'], { cwd: root });
    expect(run.code).toBe(3); // unrelated.txt still fails
    expect(run.stderr).toContain(`沿用上次结果 ${COUNT + 1} 个`);
    const entry = readManifest(join(root, 'resumed')).inputs.find((i) => i.file === 'docs/empty.txt');
    expect(entry).toMatchObject({ status: 'ok' });
  }, 120_000);
});
