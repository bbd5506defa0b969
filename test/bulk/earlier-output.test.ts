/**
 * An earlier run's output folder (it holds the .selfeval state folder) inside the inputs is never read
 * as inputs: its audit pages, workbook and JSON would otherwise come back as reports or failures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkInputs } from '../../src/ingest/walk.js';
import { SEED_TXT } from '../helpers/corpus.js';
import { readManifest, removeDir, runCli, tempDir } from './cli.js';

let root: string;
beforeAll(() => {
  root = tempDir('earlier-output');
  mkdirSync(join(root, 'arch'));
  writeFileSync(join(root, 'arch', 'seed.txt'), SEED_TXT);
});
afterAll(() => removeDir(root));

describe("an earlier run's output folder among the inputs", () => {
  it('is skipped with a note, and only the documents are read', async () => {
    const first = await runCli(['-o', 'arch/out', 'arch'], { cwd: root });
    expect(first.code).toBe(0);
    const second = await runCli(['--lang', 'en', '-o', 'out-en', 'arch'], { cwd: root });
    expect(second.code).toBe(0);
    expect(readManifest(join(root, 'out-en')).inputs.map((i) => i.file)).toEqual(['arch/seed.txt']);
    expect(second.stderr).toContain('skipped 1 output folder of earlier runs');
    expect(second.stderr).toContain('arch/out');
  }, 60_000);

  it('is walked like any folder when no marker is given (the library default)', async () => {
    const all = await walkInputs([join(root, 'arch')]);
    expect(all.files.some((f) => f.includes('/out/'))).toBe(true);
    const marked = await walkInputs([join(root, 'arch')], { outputMarker: '.selfeval' });
    expect(marked.files.map((f) => f.slice(root.length))).toEqual(['/arch/seed.txt']);
    expect(marked.skipped.outputFolders).toBe(1);
  }, 60_000);
});
