import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/output/atomic.js';
import { commitDocumentFiles, utf8File, type DocumentFiles } from '../../src/output/document-files.js';
import { removeDir, tempDir } from './cli.js';

/** A document's files as a worker renders them, under `out`. */
function filesOf(out: string, name: string): DocumentFiles {
  return {
    writes: [
      utf8File(join(out, 'reports', `${name}.json`), '{"evaluations":[]}\n'),
      utf8File(join(out, 'html', `${name}.html`), '<p>审计</p>'),
    ],
    removes: [],
    partPath: join(out, '.selfeval', 'parts', `${name}.json`),
  };
}

describe("a document's files, written by the main thread", () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('docfiles');
  });
  afterAll(() => removeDir(root));

  it('writes a whole file, creating its folder, and leaves no temp file; a failed rename leaves none either', async () => {
    await writeFileAtomic(join(root, 'w', 'deep', 'x.json'), '{"中":1}');
    expect(readFileSync(join(root, 'w', 'deep', 'x.json'), 'utf8')).toBe('{"中":1}');
    mkdirSync(join(root, 'w', 'deep', 'dir.json', 'inner'), { recursive: true }); // a non-empty folder cannot be renamed over
    await expect(writeFileAtomic(join(root, 'w', 'deep', 'dir.json'), 'x')).rejects.toThrow();
    expect(readdirSync(join(root, 'w', 'deep')).sort()).toEqual(['dir.json', 'x.json']);
  });

  it('writes the report JSON, the audit page and the part, and removes a stale report', async () => {
    const out = join(root, 'ok');
    const stale = join(out, 'reports', 'old.json');
    mkdirSync(join(out, 'reports'), { recursive: true });
    writeFileSync(stale, '{}');
    await commitDocumentFiles({ ...filesOf(out, 'a'), removes: [stale] }, '{"key":"k"}');
    expect(readFileSync(join(out, 'reports', 'a.json'), 'utf8')).toBe('{"evaluations":[]}\n');
    expect(readFileSync(join(out, 'html', 'a.html'), 'utf8')).toBe('<p>审计</p>');
    expect(readFileSync(join(out, '.selfeval', 'parts', 'a.json'), 'utf8')).toBe('{"key":"k"}');
    expect(existsSync(stale)).toBe(false);
  });

  it('writes no part when another file fails (--resume then processes the document again), and keeps the system error', async () => {
    const out = join(root, 'blocked');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'html'), 'a file where the pages folder goes');
    const failure = await commitDocumentFiles(filesOf(out, 'b'), '{"key":"k"}').catch((e: unknown) => e as NodeJS.ErrnoException);
    expect(failure).toMatchObject({ code: expect.stringMatching(/ENOTDIR|EEXIST/u) as unknown, syscall: expect.any(String) as unknown });
    expect(existsSync(join(out, '.selfeval', 'parts', 'b.json'))).toBe(false);
    expect(readFileSync(join(out, 'reports', 'b.json'), 'utf8')).toBe('{"evaluations":[]}\n');
    expect(readdirSync(join(out, 'reports'))).toEqual(['b.json']);
  });
});
