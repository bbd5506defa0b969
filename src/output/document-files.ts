/**
 * The files one document contributes to the output folder: rendered by its worker thread, written by
 * the main thread. A worker that wrote them itself spent a quarter of its time in file system calls
 * (~2 ms per document here, three files each made as a temp file and renamed); the main thread is idle
 * most of a run, and its writes go through libuv's thread pool while the worker converts the next
 * document.
 */
import { rm } from 'node:fs/promises';
import { writeFileAtomic } from './atomic.js';

export interface DocumentFiles {
  /**
   * The report JSON and the audit page, UTF-8. Encoded by the worker and transferred: posting the
   * strings themselves cost ~1.5 ms per document in the worker (a rendered page is a long rope of
   * concatenated pieces, flattened and copied by the structured clone), the bytes ~0.3 ms.
   */
  writes: { path: string; data: Uint8Array }[];
  /** A report JSON of an earlier run, when this document has none now. */
  removes: string[];
  /** Where the part goes: written last, since --resume takes a document whose part exists as done. */
  partPath: string;
}

const utf8 = new TextEncoder();

export function utf8File(path: string, text: string): DocumentFiles['writes'][number] {
  return { path, data: utf8.encode(text) };
}

/** The buffers to transfer with a document's files. */
export function transferables(files: DocumentFiles | null): ArrayBuffer[] {
  return files ? files.writes.map((w) => w.data.buffer as ArrayBuffer) : [];
}

/** Write a document's files, each atomically, and its part (partJson) after the others. */
export async function commitDocumentFiles(files: DocumentFiles, partJson: string): Promise<void> {
  const settled = await Promise.allSettled([...files.writes.map((w) => writeFileAtomic(w.path, w.data)), ...files.removes.map((path) => rm(path, { force: true }))]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  await writeFileAtomic(files.partPath, partJson);
}
