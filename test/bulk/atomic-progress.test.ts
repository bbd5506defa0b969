import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, Progress } from '../../src/cli/progress.js';
import { AtomicStream, sweepTempFiles, writeFileAtomicSync } from '../../src/output/atomic.js';
import { removeDir, tempDir } from './cli.js';

describe('atomic writes', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('atomic');
  });
  afterAll(() => removeDir(root));

  it('writes whole files only, leaving no temp file', () => {
    writeFileAtomicSync(join(root, 'a', 'x.json'), '{"a":1}');
    expect(readFileSync(join(root, 'a', 'x.json'), 'utf8')).toBe('{"a":1}');
    expect(readdirSync(join(root, 'a'))).toEqual(['x.json']);
  });

  it('replaces an old file, and leaves no temp file when the rename fails', () => {
    const target = join(root, 's', 'deep', 'x.json');
    writeFileAtomicSync(target, 'old');
    writeFileAtomicSync(target, '{"b":2}');
    expect(readFileSync(target, 'utf8')).toBe('{"b":2}');
    expect(readdirSync(join(root, 's', 'deep'))).toEqual(['x.json']);
    mkdirSync(join(root, 's', 'deep', 'dir.json', 'inner'), { recursive: true }); // a non-empty folder cannot be renamed over
    expect(() => writeFileAtomicSync(join(root, 's', 'deep', 'dir.json'), 'x')).toThrow();
    expect(readdirSync(join(root, 's', 'deep')).sort()).toEqual(['dir.json', 'x.json']);
  });

  it('shows a streamed file under its name only once committed', async () => {
    const s = await AtomicStream.open(join(root, 'b', 'big.csv'));
    await s.write('a,b\r\n');
    expect(existsSync(join(root, 'b', 'big.csv'))).toBe(false);
    await s.commit();
    expect(readFileSync(join(root, 'b', 'big.csv'), 'utf8')).toBe('a,b\r\n');
    const aborted = await AtomicStream.open(join(root, 'b', 'never.csv'));
    await aborted.write('x');
    await aborted.abort();
    expect(readdirSync(join(root, 'b'))).toEqual(['big.csv']);
  });

  it('keeps every chunk in order across many gathered writes, chunks too large to gather and multi-byte text', async () => {
    const chunks: string[] = [];
    // Small chunks of one, two, three and four UTF-8 bytes per character fill several buffers; every
    // 97th chunk is far larger than a buffer and is written on its own between them.
    for (let i = 0; i < 3000; i++) {
      if (i % 97 === 0) chunks.push(`<${i}:${'长'.repeat(40_000 + i)}>`);
      else chunks.push(`${i},项目${'a'.repeat(i % 7)}é𠀀${'经费'.repeat(i % 13)}\r\n`);
    }
    const path = join(root, 'order', 'rows.csv');
    const s = await AtomicStream.open(path);
    for (const chunk of chunks) await s.write(chunk);
    await s.commit();
    expect(readFileSync(path, 'utf8')).toBe(chunks.join(''));
    expect(readdirSync(join(root, 'order'))).toEqual(['rows.csv']);
  });

  it('fails to commit once a write failed, and an abort still removes the temp file', async () => {
    const s = await AtomicStream.open(join(root, 'fail', 'x.csv'));
    // Close the file under it: its next write fails (EBADF), as on a full or lost disk.
    await (await (s as unknown as { file: { file: Promise<{ close(): Promise<void> }> } }).file.file).close();
    await s.write('x'.repeat(100_000));
    await expect(s.commit()).rejects.toThrow();
    await expect(s.write('y')).rejects.toThrow();
    expect(existsSync(join(root, 'fail', 'x.csv'))).toBe(false);
    await s.abort();
    expect(readdirSync(join(root, 'fail'))).toEqual([]);
  });

  it('reads a spill file back line by line (only \\n ends a line) and removes it, never publishing it under its name', async () => {
    const s = await AtomicStream.open(join(root, 'spill', 'rows.jsonl'));
    await s.write('{"a":1}\n');
    await s.write('{"b":"\u2028\u0085"}\n');
    const lines: string[] = [];
    for await (const line of s.readLinesAndRemove()) lines.push(line);
    expect(lines).toEqual(['{"a":1}', '{"b":"\u2028\u0085"}']);
    expect(readdirSync(join(root, 'spill'))).toEqual([]);
  });

  it('sweeps temp files of processes that are gone, and its own only when asked', async () => {
    const dir = join(root, 'c');
    mkdirSync(dir);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, `reports.csv.tmp-${gone}-k1-0`), 'half');
    writeFileSync(join(dir, `mine.json.tmp-${process.pid}-k1-1`), 'half');
    writeFileSync(join(dir, 'keep.tmp-notes.txt'), 'not ours');
    expect(await sweepTempFiles([dir, join(root, 'missing')])).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['keep.tmp-notes.txt', `mine.json.tmp-${process.pid}-k1-1`]);
    expect(await sweepTempFiles([dir], true)).toBe(1);
    expect(readdirSync(dir)).toEqual(['keep.tmp-notes.txt']);
  });
});

describe('progress display', () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { isTTY, chunks, write: (c: string) => chunks.push(c) };
  };

  it('draws done/total, rate, ETA and failures on a terminal', () => {
    let now = 0;
    const tty = sink(true);
    const p = new Progress(10, 'en', false, tty, () => now);
    now = 2000;
    p.tick(false);
    p.tick(true);
    // No ETA from the first documents alone.
    expect(tty.chunks.at(-1)).toBe('\r\x1b[K1/10  0.5 docs/s  ETA estimating  failed 0');
    now = 4000;
    p.tick(false);
    expect(tty.chunks.at(-1)).toBe('\r\x1b[K3/10  0.8 docs/s  ETA 9s  failed 1');
    p.note('failed: x: y');
    expect(tty.chunks.slice(-2)).toEqual(['\r\x1b[Kfailed: x: y\n', '3/10  0.8 docs/s  ETA 9s  failed 1']);
    p.end();
    expect(tty.chunks.at(-1)).toBe('\r\x1b[K');
  });

  it('names the first 20 failed files without a terminal, then counts the rest', () => {
    const s = sink(false);
    const p = new Progress(30, 'en', false, s);
    for (let i = 0; i < 25; i++) p.failure(`failed: f${i}: bad`);
    p.end();
    expect(s.chunks).toHaveLength(21);
    expect(s.chunks[0]).toBe('failed: f0: bad\n');
    expect(s.chunks[19]).toBe('failed: f19: bad\n');
    expect(s.chunks[20]).toBe('... and 5 more failed files (see manifest.json)\n');
    const quiet = sink(false);
    const q = new Progress(3, 'en', true, quiet);
    q.failure('failed: x: y');
    q.end();
    expect(quiet.chunks).toEqual([]);
  });

  it('is silent when not a terminal or with --quiet', () => {
    for (const [isTTY, quiet] of [[false, false], [true, true]] as const) {
      const s = sink(isTTY);
      const p = new Progress(3, 'zh', quiet, s);
      p.tick(false);
      p.note('x');
      p.end();
      expect(s.chunks).toEqual([]);
    }
  });

  it('formats durations', () => {
    expect([formatDuration(0), formatDuration(42.4), formatDuration(65), formatDuration(7380)]).toEqual(['0s', '42s', '1m05s', '2h03m']);
    expect([formatDuration(42.4, 'zh'), formatDuration(65, 'zh'), formatDuration(7380, 'zh')]).toEqual(['42秒', '1分05秒', '2小时03分']);
  });
});
