import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { DocumentContext } from '../model/context.js';
import { DocumentError, readErrorDetail, type Detail } from '../model/errors.js';
import { decodeText } from './decode.js';
import { outputName } from './names.js';
import { unsupported, unsupportedByMagic } from './formats.js';
import { containerFormat, sniffBytes } from './sniff.js';

export { decodeText } from './decode.js';
export { sniffBytes, sniffFormat } from './sniff.js';
export { outputName, displayPath } from './names.js';

/** Largest input read at all (a report is a few hundred KB; a 50 MB "report" is junk or a bomb). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Why standard input over the limit fails as `too-large` (it is read only up to the limit, so its size is unknown). */
export const STDIN_TOO_LARGE: Detail = { zh: `超过 ${MAX_INPUT_BYTES} 字节`, en: `> ${MAX_INPUT_BYTES} bytes` };

/** What a path that is not a regular file is, for the failure's detail. */
export function specialKind(info: Stats): { zh: string; en: string } {
  if (info.isFIFO()) return { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' };
  if (info.isSocket()) return { zh: '套接字', en: 'a socket' };
  if (info.isCharacterDevice()) return { zh: '字符设备', en: 'a character device' };
  if (info.isBlockDevice()) return { zh: '块设备', en: 'a block device' };
  if (info.isDirectory()) return { zh: '文件夹', en: 'a folder' };
  return { zh: '特殊文件', en: 'a special file' };
}

function readFailed(e: unknown): DocumentError {
  return new DocumentError('read-failed', readErrorDetail((e as NodeJS.ErrnoException).code ?? String(e)));
}

/**
 * Read one input whole. Only a regular file is read: the path is checked, then opened without blocking
 * (a FIFO would otherwise wait for a writer forever, and no timeout can stop a thread stuck in that
 * call) and checked again on the open descriptor, so it cannot be swapped for a device in between.
 * At most MAX_INPUT_BYTES + 1 bytes are read, whatever the file does meanwhile.
 * Synchronous on purpose: it runs in a worker thread that has nothing else to do meanwhile, and the
 * promise-based calls cost ~3 ms a file under load against ~0.02 ms.
 */
export async function readInputBytes(path: string | Uint8Array): Promise<Uint8Array> {
  const p = typeof path === 'string' ? path : Buffer.from(path);
  // Checked by path first, so that a FIFO is never opened at all (opening one for reading, even
  // without blocking, would release a writer waiting on it).
  let before: Stats | undefined;
  try {
    before = statSync(p, { throwIfNoEntry: false });
  } catch (e) {
    throw readFailed(e);
  }
  if (before && !before.isFile()) throw new DocumentError('not-a-regular-file', specialKind(before));
  let fd: number;
  try {
    fd = openSync(p, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    throw readFailed(e);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new DocumentError('not-a-regular-file', specialKind(info));
    if (info.size > MAX_INPUT_BYTES) throw tooLarge(info.size);
    // The declared size is a hint (a file may grow, /proc files say 0): read to the end or past the limit.
    let buffer = Buffer.allocUnsafeSlow(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafeSlow(Math.min(buffer.length * 2, MAX_INPUT_BYTES + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
      if (n === 0) break;
      if (length > MAX_INPUT_BYTES) throw tooLarge(length);
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (e) {
    throw e instanceof DocumentError ? e : readFailed(e);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number): DocumentError {
  return new DocumentError('too-large', { zh: `${size} 字节，上限 ${MAX_INPUT_BYTES} 字节`, en: `${size} bytes, limit ${MAX_INPUT_BYTES}` });
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stage 1: a context with the bytes, their hash and the format sniffed from content. */
export function ingestBytes(bytes: Uint8Array, file: string): DocumentContext {
  const ctx: DocumentContext = {
    file,
    name: outputName(file),
    bytes,
    sha256: sha256(bytes),
    format: null,
    encoding: null,
    findings: [],
    timings: {},
  };
  if (bytes.length === 0) throw Object.assign(new DocumentError('empty-file'), { ctx });
  const kind = sniffBytes(bytes);
  if (kind === 'zip' || kind === 'ole2') ctx.format = containerFormat(bytes, kind);
  else {
    const known = unsupportedByMagic(bytes);
    if (known) throw Object.assign(unsupported(known.kind, known.what), { ctx });
    const { text, encoding } = decodeText(bytes);
    if (text.trim() === '') throw Object.assign(new DocumentError('empty-file'), { ctx });
    ctx.format = kind;
    ctx.encoding = encoding;
    ctx.text = text;
  }
  return ctx;
}
