/**
 * The compiled CLI (dist/): the worker pool must start worker.js beside runner.js without tsx, and
 * give the same results as the sources. Built into test-artifacts/ so that dist/ is left alone.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DOCX, variantReport } from '../helpers/corpus.js';
import { readManifest, removeDir, REPO, runCli, tempDir } from './cli.js';

let root: string;
const build = join(REPO, 'test-artifacts', `build-${process.pid}`);

beforeAll(() => {
  root = tempDir('dist');
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs', 'a.txt'), variantReport(1));
  writeFileSync(join(root, 'docs', 'b.docx'), SEED_DOCX);
  writeFileSync(join(root, 'docs', 'c-hang-me.txt'), variantReport(2));
  writeFileSync(join(root, 'docs', 'd.txt'), variantReport(3));
  mkdirSync(build, { recursive: true });
  copyFileSync(join(REPO, 'package.json'), join(build, 'package.json')); // the version is read from ../package.json
  // Type errors elsewhere in a working tree must not hide this test's subject: tsc emits regardless.
  spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(REPO, 'tsconfig.build.json'), '--outDir', join(build, 'dist')], { cwd: REPO, stdio: 'ignore' });
}, 180_000);

afterAll(() => {
  removeDir(root);
  rmSync(build, { recursive: true, force: true });
});

describe('compiled CLI', () => {
  it('runs the worker pool from dist/ (timeouts included) with the same results as the sources', async () => {
    const mainJs = join(build, 'dist', 'cli', 'main.js');
    expect(existsSync(mainJs) && existsSync(join(build, 'dist', 'cli', 'worker.js'))).toBe(true);
    const env = { SELFEVAL_TEST_HANG_ON: 'hang-me' };
    const compiled = await runCli(['-o', 'out-dist', '-j', '2', '--timeout', '5', 'docs'], { cwd: root, env, mainJs });
    const sources = await runCli(['-o', 'out-src', '-j', '2', '--timeout', '5', 'docs'], { cwd: root, env });
    expect(compiled.code).toBe(3);
    expect(sources.code).toBe(3);
    expect(readManifest(join(root, 'out-dist')).inputs.map((i) => [i.file, i.status, i.errorCode])).toEqual([
      ['docs/a.txt', 'ok', null],
      ['docs/b.docx', 'ok', null],
      ['docs/c-hang-me.txt', 'failed', 'timeout'],
      ['docs/d.txt', 'ok', null],
    ]);
    for (const f of ['reports.csv', 'funds.csv', 'rubric.csv', 'discrepancies.jsonl']) {
      expect(readFileSync(join(root, 'out-dist', f), 'utf8'), f).toBe(readFileSync(join(root, 'out-src', f), 'utf8'));
    }
  }, 180_000);
});
