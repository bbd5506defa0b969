import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { DocumentContext } from '../model/context.js';
import { DocumentError, readErrorDetail } from '../model/errors.js';
import { decodeText } from './decode.js';
import { outputName } from './names.js';
import { unsupported, unsupportedByMagic } from './formats.js';
import { sniffBytes } from './sniff.js';

export { decodeText } from './decode.js';
export { sniffBytes } from './sniff.js';
export { outputName, displayPath } from './names.js';

/** Largest input read at all (a report is a few hundred KB; a 50 MB "report" is junk or a bomb). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/**
 * Read one input whole. Synchronous on purpose: it runs in a worker thread that has nothing else to do
 * meanwhile, and the promise-based calls cost ~3 ms a file under load against ~0.02 ms.
 */
export async function readInputBytes(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new DocumentError('read-failed', readErrorDetail((e as NodeJS.ErrnoException).code ?? String(e)));
  }
  if (size > MAX_INPUT_BYTES) throw new DocumentError('too-large', { zh: `${size} 字节，上限 ${MAX_INPUT_BYTES} 字节`, en: `${size} bytes, limit ${MAX_INPUT_BYTES}` });
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new DocumentError('read-failed', readErrorDetail((e as NodeJS.ErrnoException).code ?? String(e)));
  }
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
  if (kind === 'zip') ctx.format = 'docx';
  else if (kind === 'ole2') ctx.format = 'doc';
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
