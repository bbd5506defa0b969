/**
 * Only regular files are read. A FIFO named on the command line used to hang the run for ever (even
 * with --timeout: a thread blocked in open() cannot be stopped), /dev/zero grew without bound, and
 * FIFOs, sockets, devices and dangling links inside folders vanished from the manifest.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputBytes } from '../../src/ingest/index.js';
import { walkInputs } from '../../src/ingest/walk.js';
import { SEED_TXT } from '../helpers/corpus.js';
import { readManifest, removeDir, runCli, tempDir } from '../bulk/cli.js';

let root: string;
let server: Server;

beforeAll(async () => {
  root = tempDir('special');
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs', 'a-seed.txt'), SEED_TXT);
  execFileSync('mkfifo', [join(root, 'docs', 'b-pipe.txt'), join(root, 'named-pipe.docx')]);
  symlinkSync('/dev/zero', join(root, 'docs', 'c-zero.txt'));
  symlinkSync('nowhere.txt', join(root, 'docs', 'd-dangling.txt'));
  server = createServer();
  await new Promise<void>((resolve) => server.listen(join(root, 'docs', 'e-socket.txt'), resolve));
  writeFileSync(join(root, 'list.txt'), `docs/a-seed.txt\nnamed-pipe.docx\n/dev/zero\n`);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  removeDir(root);
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'read';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe('special files', () => {
  it('are refused before a byte is read', async () => {
    expect(await codeOf(readInputBytes(join(root, 'named-pipe.docx')))).toBe('not-a-regular-file');
    expect(await codeOf(readInputBytes('/dev/zero'))).toBe('not-a-regular-file');
    expect(await codeOf(readInputBytes(join(root, 'docs', 'c-zero.txt')))).toBe('not-a-regular-file');
    expect(await codeOf(readInputBytes(join(root, 'docs', 'e-socket.txt')))).toBe('not-a-regular-file');
    expect(await codeOf(readInputBytes(join(root, 'docs', 'a-seed.txt')))).toBe('read');
  });

  it('are never opened: a writer waiting on a FIFO stays waiting', async () => {
    const fifo = join(root, 'watched-pipe');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `echo hello > '${fifo}'`], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await codeOf(readInputBytes(fifo))).toBe('not-a-regular-file');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // An open for reading would have let it go on (and die of SIGPIPE once we closed it).
      expect([writer.exitCode, writer.signalCode]).toEqual([null, null]);
    } finally {
      writer.kill();
    }
  });

  it('inside folders are skipped and counted with their reason', async () => {
    const r = await walkInputs([join(root, 'docs')]);
    expect(r.files.map((f) => f.slice(root.length + 1))).toEqual(['docs/a-seed.txt']);
    expect(r.skipped.specialFiles).toBe(3);
    expect(r.skipped.danglingLinks).toBe(1);
    expect(r.skipped.details.map((d) => [d.file.slice(root.length + 1), d.reason])).toEqual([
      ['docs/b-pipe.txt', 'fifo'],
      ['docs/c-zero.txt', 'character-device'],
      ['docs/d-dangling.txt', 'dangling-link'],
      ['docs/e-socket.txt', 'socket'],
    ]);
  });

  it('named on the command line or in --files-from are failed inputs, and the run ends under --timeout', { timeout: 60_000 }, async () => {
    const run = await runCli(['-o', 'out', '-j', '1', '--timeout', '5', '--lang', 'en', 'named-pipe.docx', 'docs', '--files-from', 'list.txt'], { cwd: root });
    expect(run.code).toBe(3);
    const m = readManifest(join(root, 'out'));
    expect(m.inputs.map((i) => [i.file, i.status, i.errorCode])).toEqual([
      ['/dev/zero', 'failed', 'not-a-regular-file'],
      ['docs/a-seed.txt', 'ok', null],
      ['named-pipe.docx', 'failed', 'not-a-regular-file'],
    ]);
    expect(m.inputs[2]!.error).toBe('not a regular file (a pipe, socket or device); not read: a named pipe (FIFO)');
    expect(m.skipped).toMatchObject({ specialFiles: 3, danglingLinks: 1 });
    expect((m.skipped as unknown as { details: { file: string; reason: string }[] }).details).toContainEqual({ file: 'docs/d-dangling.txt', reason: 'dangling-link' });
    expect(run.stderr).toContain('skipped 3 special files (pipes, sockets, devices) and 1 dangling link');
  });
});
