import { createReadStream, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A folder and its missing parents, one level at a time. Node's recursive mkdir loops forever where a
 * parent exists but refuses children with ENOENT (/proc, /sys): there the first failure is final.
 */
export function makeDirsSync(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    makeDirsSync(parent);
    try {
      mkdirSync(dir);
    } catch (again) {
      // Made meanwhile by an asynchronous write of this run.
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}

/** makeDirsSync's asynchronous twin. */
export async function makeDirs(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    await makeDirs(parent);
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      // Made meanwhile by another write of this run (two files of one folder at once).
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

let counter = 0;
export function tempPath(path: string): string {
  return `${path}.tmp-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

const TEMP_NAME = /\.tmp-(\d+)-[0-9a-z]+-[0-9a-z]+$/u;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temp files an interrupted run left in these folders (not recursive): those of processes
 * no longer running, and this process's own when `own` is set (call that only when nothing of ours is
 * writing any more, e.g. after a killed worker). Returns how many were removed.
 */
export async function sweepTempFiles(dirs: string[], own = false): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m) continue;
      const pid = Number(m[1]);
      if (pid === process.pid ? !own : processAlive(pid)) continue;
      await rm(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Write a whole file atomically: a temp file beside it, then rename over the target. Synchronous, for
 * the files written one at a time outside a batch's stream of documents (a merge's copies, a shard's
 * records). The folder is
 * created on first use only (a mkdir per file costs more than the write).
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = tempPath(path);
  try {
    try {
      writeFileSync(tmp, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      makeDirsSync(dirname(path));
      writeFileSync(tmp, data);
    }
    renameSync(tmp, path);
  } catch (e) {
    // The write's own error is the one to report: removing the temp file may fail too (ENOTDIR, EROFS).
    try {
      rmSync(tmp, { force: true });
    } catch {
      // left for the next run's sweep of temp files
    }
    throw e;
  }
}

/**
 * writeFileAtomicSync's asynchronous twin, for the main thread, which writes each document's files
 * while its worker goes on with the next document (see commitDocumentFiles).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPath(path);
  try {
    try {
      await writeFile(tmp, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await makeDirs(dirname(path));
      await writeFile(tmp, data);
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined); // left for the next run's sweep of temp files
    throw e;
  }
}

/**
 * A streamed file's bytes are gathered in a buffer of this size before they go to the file: the
 * assembler adds a few small chunks per document to each of a dozen files, and a write per chunk (a
 * system call each) was a quarter of the main thread's time.
 */
const GATHER_BYTES = 64 * 1024;

/**
 * A streamed file that appears under its name only when committed.
 *
 * Each chunk is encoded into one of two buffers as it arrives, and a full buffer is written while the
 * other fills. The main thread keeps nothing else of a chunk: chunks gathered as strings (or queued in
 * a WriteStream) lived long enough to reach V8's old generation, which only a full collection frees,
 * and over a long batch the main thread's heap grew by ~30 MB between two of those.
 */
export class AtomicStream {
  private readonly tmp: string;
  private file: FileHandle | null = null;
  private failed: Error | null = null;
  private buffer = Buffer.allocUnsafe(GATHER_BYTES);
  private spare = Buffer.allocUnsafe(GATHER_BYTES);
  private used = 0;
  /** Where the next write goes in the file. */
  private position = 0;
  /** The write of the spare buffer under way, if any. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(readonly path: string) {
    this.tmp = tempPath(path);
  }

  static async open(path: string): Promise<AtomicStream> {
    await makeDirs(dirname(path));
    const stream = new AtomicStream(path);
    stream.file = await open(stream.tmp, 'w');
    return stream;
  }

  /** Resolves once the chunk is gathered (after the previous buffer is written when this one is full). */
  async write(chunk: string): Promise<void> {
    if (this.failed) throw this.failed;
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair: 4 bytes for 2 units).
    if (this.used + chunk.length * 3 > GATHER_BYTES) await this.flush();
    if (chunk.length * 3 <= GATHER_BYTES) {
      this.used += this.buffer.write(chunk, this.used, 'utf8');
      return;
    }
    // Too large to gather: written on its own, after what went before (see writeOut).
    await this.writeOut(Buffer.from(chunk, 'utf8'));
  }

  /** Starts writing the gathered bytes, once the write before has finished (its buffer is then free). */
  private async flush(): Promise<void> {
    await this.writing;
    if (this.failed) throw this.failed;
    if (this.used === 0) return;
    const full = this.buffer.subarray(0, this.used);
    [this.buffer, this.spare] = [this.spare, this.buffer];
    this.used = 0;
    this.writing = this.writeOut(full).catch((e: Error) => void (this.failed ??= e));
  }

  /** Writes at the file's next position, taken at once: writes under way together still land in order. */
  private async writeOut(bytes: Uint8Array): Promise<void> {
    const file = this.file!;
    const at = this.position;
    this.position += bytes.length;
    for (let done = 0; done < bytes.length; ) done += (await file.write(bytes, done, bytes.length - done, at + done)).bytesWritten;
  }

  private async end(): Promise<void> {
    await this.flush();
    await this.writing;
    await this.close();
    if (this.failed) throw this.failed;
  }

  private async close(): Promise<void> {
    const file = this.file;
    this.file = null;
    await file?.close();
  }

  async commit(): Promise<void> {
    await this.end();
    await rename(this.tmp, this.path);
  }

  /** Ends the stream, then yields what was written line by line and removes it: a large spill file. */
  async *readLinesAndRemove(): AsyncGenerator<string> {
    await this.end();
    const input = createReadStream(this.tmp, { encoding: 'utf8' });
    try {
      for await (const line of createInterface({ input, crlfDelay: Infinity })) if (line !== '') yield line;
    } finally {
      input.destroy();
      await rm(this.tmp, { force: true });
    }
  }

  async abort(): Promise<void> {
    this.used = 0;
    await this.writing;
    await this.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }
}
