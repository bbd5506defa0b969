import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GatheredFile } from '../../src/output/gathered-file.js';

describe('a gathered file', () => {
  const root = mkdtempSync(join(tmpdir(), 'selfeval-gathered-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('copies each chunk when it is given: a caller may fill its buffer again at once', async () => {
    const path = join(root, 'reused.xml');
    const file = new GatheredFile(path);
    const scratch = Buffer.alloc(100_000);
    const expected: Buffer[] = [];
    for (let i = 0; i < 50; i++) {
      // Every other chunk is larger than a gathering buffer (written on its own), and buffers fill and are written while
      // the caller goes on overwriting the same scratch bytes.
      const text = `<row r="${i}">${'数'.repeat(i % 2 === 0 ? 25_000 : 30)}</row>`;
      const n = scratch.write(text, 0, 'utf8');
      file.write(scratch.subarray(0, n));
      expected.push(Buffer.from(text, 'utf8'));
      scratch.fill(0);
    }
    await file.close();
    expect(readFileSync(path).equals(Buffer.concat(expected))).toBe(true);
  });

  it('keeps the order of chunks written back to back, larger than a buffer, without waiting', async () => {
    const path = join(root, 'large.txt');
    const file = new GatheredFile(path);
    const chunks = Array.from({ length: 12 }, (_, i) => String.fromCharCode(65 + i).repeat(100_000 + i * 7_000));
    for (const chunk of chunks) file.write(chunk);
    await file.close();
    expect(readFileSync(path, 'utf8')).toBe(chunks.join(''));
  });

  it('lets a producer wait until at most one buffer is being written', async () => {
    const file = new GatheredFile(join(root, 'drain.txt'));
    for (let i = 0; i < 8; i++) file.write('x'.repeat(70_000));
    const writing = (file as unknown as { writing: Set<unknown> }).writing;
    expect(writing.size).toBeGreaterThan(1);
    await file.drained();
    expect(writing.size).toBeLessThanOrEqual(1);
    await file.close();
  });

  it('reports a folder it cannot write in when opened, and at close when made without waiting', async () => {
    await expect(GatheredFile.open(join(root, 'missing', 'x.txt'))).rejects.toThrow(/ENOENT/u);
    const file = new GatheredFile(join(root, 'missing', 'y.txt'));
    file.write('abc');
    await expect(file.close()).rejects.toThrow(/ENOENT/u);
  });
});
