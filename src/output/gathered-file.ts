import { open, type FileHandle } from 'node:fs/promises';

/**
 * Bytes are gathered in buffers of this size before they go to the file: the assembler adds a few
 * small chunks per document to each of a dozen files, and a write per chunk (a system call each) was a
 * quarter of the main thread's time.
 */
const GATHER_BYTES = 64 * 1024;

/**
 * A file written from many small chunks. Each chunk is copied (strings encoded) into a buffer as it
 * arrives; a full buffer is written while the next fills, and is used again once written, so a file
 * keeps two buffers in the usual case. Nothing of a chunk outlives the call: chunks kept as strings or
 * as Buffers of their own until written lived long enough on the main thread to reach V8's old
 * generation, which only a full collection frees, and a long batch's heap and external memory grew by
 * tens of MB between two of those. Each write goes to its own position, taken when it starts, so
 * writes under way together still land in order.
 */
export class GatheredFile {
  private current: Buffer = Buffer.allocUnsafe(GATHER_BYTES);
  private used = 0;
  /** Buffers written and free to fill again. */
  private readonly free: Buffer[] = [];
  private readonly writing = new Set<Promise<void>>();
  private position = 0;
  private failed: Error | null = null;
  private closed = false;

  private readonly file: Promise<FileHandle>;

  /** Opens (creates or empties) the file; chunks are taken at once, and written once it is open. */
  constructor(path: string) {
    this.file = open(path, 'w');
    this.file.catch((e: Error) => void (this.failed ??= e));
  }

  /** A file already open: opening it is where a missing or read-only folder is found. */
  static async open(path: string): Promise<GatheredFile> {
    const gathered = new GatheredFile(path);
    await gathered.file;
    return gathered;
  }

  /** Takes a copy of the chunk (the caller may reuse its bytes at once). Throws once a write has failed. */
  write(chunk: string | Uint8Array): void {
    if (this.failed) throw this.failed;
    if (this.closed) throw new Error('write after close');
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair: 4 bytes for 2 units).
    const most = typeof chunk === 'string' ? chunk.length * 3 : chunk.length;
    if (this.used + most > GATHER_BYTES) this.flush();
    if (most > GATHER_BYTES) {
      this.send(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    } else if (typeof chunk === 'string') {
      this.used += this.current.write(chunk, this.used, 'utf8');
    } else {
      this.current.set(chunk, this.used);
      this.used += chunk.length;
    }
  }

  /**
   * Resolves once at most one buffer is being written: a producer that waits here cannot let buffers
   * pile up in memory when the disk is slower than it. Rejects once a write has failed.
   */
  async drained(): Promise<void> {
    while (this.writing.size > 1) await Promise.race(this.writing);
    if (this.failed) throw this.failed;
  }

  /** Writes what is gathered and closes the file; rejects when any write failed. */
  async close(): Promise<void> {
    if (!this.failed) this.flush();
    await this.stop();
    if (this.failed) throw this.failed;
  }

  /** Closes the file without writing what is gathered, and without failing. */
  async discard(): Promise<void> {
    this.used = 0;
    await this.stop().catch(() => undefined);
  }

  private async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.writing);
    await (await this.file).close();
  }

  private flush(): void {
    if (this.used === 0) return;
    const full = this.current;
    const bytes = full.subarray(0, this.used);
    this.current = this.free.pop() ?? Buffer.allocUnsafe(GATHER_BYTES);
    this.used = 0;
    this.send(bytes, full);
  }

  private send(bytes: Uint8Array, reuse?: Buffer): void {
    const at = this.position;
    this.position += bytes.length;
    const done: Promise<void> = this.writeAt(bytes, at).then(
      () => {
        if (reuse) this.free.push(reuse);
      },
      (e: Error) => void (this.failed ??= e),
    );
    this.writing.add(done);
    void done.then(() => this.writing.delete(done));
  }

  private async writeAt(bytes: Uint8Array, at: number): Promise<void> {
    const file = await this.file;
    for (let done = 0; done < bytes.length; ) done += (await file.write(bytes, done, bytes.length - done, at + done)).bytesWritten;
  }
}
