import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignNames } from '../../src/cli/batch.js';
import { outputName } from '../../src/ingest/names.js';
import { walkInputs } from '../../src/ingest/walk.js';
import { removeDir, tempDir } from './cli.js';

describe('outputName', () => {
  const OUT = resolve('/srv/out/reports');
  const staysInside = (name: string) => {
    expect(name).not.toMatch(/[/\\]/u);
    expect(name).not.toMatch(/^\.\.?$/u);
    expect(resolve(OUT, `${name}.json`).startsWith(`${OUT}/`)).toBe(true);
  };

  it('can never leave the output folder', () => {
    for (const file of ['../../etc/passwd', '/etc/passwd', '..', '.', '', 'a/../../b', 'C:\\Windows\\system32\\x.docx', '\\\\server\\share\\a.docx', '..\\..\\x', '.hidden', '...', 'a/./b/../c', 'nul\u0000byte']) {
      staysInside(outputName(file));
    }
    expect(outputName('../../etc/passwd')).toBe('_up____up___etc__passwd');
    expect(outputName('archive/2021/报告.docx')).toBe('archive__2021__报告.docx');
    expect(outputName('-')).toBe('stdin');
  });

  it('neutralises characters Windows file names cannot hold and bounds the length', () => {
    expect(outputName('x/a:b*c?d"e<f>g|h.txt')).toBe('x__a_b_c_d_e_f_g_h.txt');
    expect(outputName(`${'长'.repeat(500)}.docx`).length).toBeLessThanOrEqual(200);
  });

  it('makes names unique within a batch, case-insensitively', () => {
    expect(assignNames(['a/b.txt', 'a__b.txt', 'A/B.txt', 'x.txt'])).toEqual(['a__b.txt', 'a__b.txt~2', 'A__B.txt~3', 'x.txt']);
  });
});

describe('walkInputs', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('walk');
    const mk = (rel: string) => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), 'x');
    };
    for (const f of ['t/b.txt', 't/a.txt', 't/sub/z.txt', 't/sub/a.docx', 't/.DS_Store', 't/~$a.docx', 't/.git/config', 't/Z.txt', 't/中文.txt']) mk(f);
    symlinkSync('..', join(root, 't', 'sub', 'up')); // a loop
    symlinkSync('sub', join(root, 't', 'same-sub')); // the same folder twice
    symlinkSync('nowhere', join(root, 't', 'dangling'));
    symlinkSync('b.txt', join(root, 't', 'a-link-to-b.txt')); // the same file twice
  });
  afterAll(() => removeDir(root));

  it('lists files recursively in code point order, skipping and counting hidden files and lock files, without looping', async () => {
    const r = await walkInputs([join(root, 't')]);
    const rel = r.files.map((f) => f.slice(root.length + 1));
    expect(rel).toEqual(['t/Z.txt', 't/a.txt', 't/b.txt', 't/sub/a.docx', 't/sub/z.txt', 't/中文.txt']);
    expect(r.skipped).toEqual({ hidden: 2, lockFiles: 1, specialFiles: 0, danglingLinks: 1, details: [{ file: join(root, 't', 'dangling'), reason: 'dangling-link' }] });
    expect(r.missing).toEqual([]);
  });

  it('reports missing inputs, or keeps them to be failed inputs', async () => {
    const gone = join(root, 'gone.txt');
    expect((await walkInputs([gone])).missing).toEqual([gone]);
    expect((await walkInputs([gone], { keepMissing: true })).files).toEqual([gone]);
  });

  it('takes explicitly named hidden files and stdin', async () => {
    const r = await walkInputs(['-', join(root, 't', '.DS_Store')]);
    expect(r.files).toEqual(['-', join(root, 't', '.DS_Store')]);
  });
});
