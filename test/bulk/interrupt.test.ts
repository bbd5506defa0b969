/**
 * Ctrl-C (SIGINT) or SIGTERM during a batch: the run stops, says how to go on, leaves no temp file, and
 * `--resume` then finishes it from the documents already done.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variantReport } from '../helpers/corpus.js';
import { finished, readManifest, removeDir, runCli, startCli, tempDir } from './cli.js';

const N = 60;
let root: string;
beforeAll(() => {
  root = tempDir('interrupt');
  mkdirSync(join(root, 'docs'));
  for (let i = 0; i < N; i++) writeFileSync(join(root, 'docs', `r${String(i).padStart(3, '0')}.txt`), variantReport(i + 100));
});
afterAll(() => removeDir(root));

/** Every file under dir, relative. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

async function until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('an interrupted batch', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: stops with exit %i, leaves no temp file, and --resume finishes it', async (signal, code) => {
    const out = join(root, `out-${signal}`);
    const child = startCli(['-j', '1', '-o', out, 'docs'], { cwd: root });
    const run = finished(child);
    const reports = join(out, 'reports');
    await until(() => existsSync(reports) && readdirSync(reports).length >= 3);
    child.kill(signal);
    const stopped = await run;
    expect(stopped.code).toBe(code);
    expect(stopped.stderr).toContain('已中断');
    expect(stopped.stderr).toContain('--resume');
    expect(files(out).filter((f) => /\.tmp-\d+-/u.test(f))).toEqual([]);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const resumed = await runCli(['-j', '1', '--resume', '-o', out, 'docs'], { cwd: root });
    expect(resumed.code).toBe(0);
    const manifest = readManifest(out);
    expect(manifest.inputs).toHaveLength(N);
    expect(resumed.stderr).toMatch(/沿用|复用|reused/u);
  }, 120_000);
});
