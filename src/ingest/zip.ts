/**
 * Zip container handling for .docx input: read the central directory (never trusting local headers),
 * enforce size limits BEFORE anything is inflated, then inflate only the parts we need.
 */
import { unzipSync } from 'fflate';
import { DocumentError } from '../model/errors.js';

/** Uncompressed total of all entries above which a package is refused (zip-bomb guard). */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Entry count above which a package is refused. */
export const MAX_ZIP_ENTRIES = 10_000;

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ZipLimits {
  maxUncompressedBytes?: number;
  maxEntries?: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  // Sizes above 2^53 are absurd for us; the result is only compared against limits.
  return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
}

function corrupt(detail: string): DocumentError {
  return new DocumentError('corrupt-zip', detail);
}

function findEocd(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let e = bytes.length - 22; e >= min; e--) {
    if (u32(bytes, e) === SIG_EOCD) return e;
  }
  throw corrupt('no end of central directory');
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/**
 * The entries of a zip as its central directory declares them. Throws `too-large` as soon as the
 * declared entry count or the declared uncompressed total exceeds the limits, `corrupt-zip` when the
 * directory cannot be read.
 */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = {}): ZipEntryInfo[] {
  const maxBytes = limits.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES;
  const maxEntries = limits.maxEntries ?? MAX_ZIP_ENTRIES;
  if (bytes.length < 22) throw corrupt('too short');
  const eocd = findEocd(bytes);
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_ZIP64_LOCATOR) throw corrupt('zip64 locator missing');
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== SIG_ZIP64_EOCD) throw corrupt('zip64 directory missing');
    count = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
  }
  if (count > maxEntries) throw new DocumentError('too-large', { zh: `压缩包有 ${count} 个条目（上限 ${maxEntries}）`, en: `${count} zip entries (limit ${maxEntries})` });
  if (cdOffset + cdSize > bytes.length) throw corrupt('central directory out of bounds');

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== SIG_CENTRAL) throw corrupt(`bad central directory entry ${i}`);
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    let compressedSize = u32(bytes, o + 20);
    let uncompressedSize = u32(bytes, o + 24);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    const next = o + 46 + nameLen + extraLen + commentLen;
    if (next > bytes.length) throw corrupt(`central directory entry ${i} out of bounds`);
    const rawName = bytes.subarray(o + 46, o + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      // zip64 extended information extra field
      let e = o + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 0x0001) {
          let p = e + 4;
          if (uncompressedSize === 0xffffffff && p + 8 <= e + 4 + len) {
            uncompressedSize = u64(bytes, p);
            p += 8;
          }
          if (compressedSize === 0xffffffff && p + 8 <= e + 4 + len) compressedSize = u64(bytes, p);
          break;
        }
        e += 4 + len;
      }
    }
    total += uncompressedSize;
    if (total > maxBytes) {
      throw new DocumentError('too-large', { zh: `解压后超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, en: `more than ${Math.round(maxBytes / 1024 / 1024)} MB uncompressed` });
    }
    entries.push({ name, method, compressedSize, uncompressedSize });
    o = next;
  }
  return entries;
}

/**
 * Inflate the entries accepted by `want` (after the limits were checked on the central directory).
 * fflate inflates into a buffer of the declared size, so a lying size cannot make it grow.
 */
export function readZipEntries(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: ZipLimits = {},
): { entries: ZipEntryInfo[]; files: Record<string, Uint8Array> } {
  const entries = listZipEntries(bytes, limits);
  const declared = new Map(entries.map((e) => [e.name, e.uncompressedSize]));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => want(f.name) && (f.compression === 0 || f.compression === 8) });
  } catch (e) {
    throw corrupt(e instanceof Error ? e.message : String(e));
  }
  for (const [name, data] of Object.entries(files)) {
    if (declared.get(name) !== data.length) throw corrupt(`size mismatch in ${name}`);
  }
  return { entries, files };
}
