import { createReadStream, mkdirSync, renameSync, rmSync, statSync, writeFileSync, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { GatheredFile } from './gathered-file.js';

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

/** A streamed file that appears under its name only when committed (its bytes gathered: see GatheredFile). */
export class AtomicStream {
  private constructor(
    readonly path: string,
    private readonly tmp: string,
    private readonly file: GatheredFile,
  ) {}

  static async open(path: string): Promise<AtomicStream> {
    await makeDirs(dirname(path));
    const tmp = tempPath(path);
    return new AtomicStream(path, tmp, await GatheredFile.open(tmp));
  }

  /** Resolves once the chunk is taken (after earlier bytes are written, when the disk lags behind). */
  async write(chunk: string): Promise<void> {
    this.file.write(chunk);
    await this.file.drained();
  }

  async commit(): Promise<void> {
    await this.file.close();
    await rename(this.tmp, this.path);
  }

  /** Ends the stream, then yields what was written line by line and removes it: a large spill file. */
  async *readLinesAndRemove(): AsyncGenerator<string> {
    let input: ReadStream | null = null;
    try {
      // Inside the try: a spill whose last bytes fail to be written is removed too (the caller no longer
      // counts it among the files to abort).
      await this.file.close();
      input = createReadStream(this.tmp, { encoding: 'utf8' });
      for await (const line of createInterface({ input, crlfDelay: Infinity })) if (line !== '') yield line;
    } finally {
      input?.destroy();
      await rm(this.tmp, { force: true });
    }
  }

  async abort(): Promise<void> {
    await this.file.discard();
    await rm(this.tmp, { force: true });
  }
}
