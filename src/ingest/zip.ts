/**
 * Zip container handling for .docx input: read the central directory (never trusting local headers
 * for sizes), enforce size limits BEFORE anything is inflated, then inflate only the parts we need and
 * verify each against the directory's size and CRC-32. A name that occurs twice is refused: which copy
 * a reader takes differs between readers, so the document would not have one meaning.
 */
import { inflateRawSync } from 'node:zlib';
import { DocumentError } from '../model/errors.js';
import { crc32 } from './crc32.js';

/** Uncompressed total of all entries above which a package is refused (zip-bomb guard). */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Entry count above which a package is refused. */
export const MAX_ZIP_ENTRIES = 10_000;

export interface ZipEntryInfo {
  name: string;
  method: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header in the bytes given (any data before the archive included). */
  localOffset: number;
}

export interface ZipLimits {
  maxUncompressedBytes?: number;
  maxEntries?: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

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

function corrupt(detail: string | { zh: string; en: string }): DocumentError {
  return new DocumentError('corrupt-zip', detail);
}

function findEocd(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let e = bytes.length - 22; e >= min; e--) {
    if (u32(bytes, e) === SIG_EOCD) return e;
  }
  throw corrupt({ zh: '找不到 ZIP 中央目录的结尾（文件不完整）', en: 'no end of central directory (the file is incomplete)' });
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
  if (bytes.length < 22) throw corrupt({ zh: '文件过短', en: 'too short' });
  const eocd = findEocd(bytes);
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_ZIP64_LOCATOR) throw corrupt({ zh: '缺少 zip64 定位记录', en: 'zip64 locator missing' });
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== SIG_ZIP64_EOCD) throw corrupt({ zh: '缺少 zip64 目录', en: 'zip64 directory missing' });
    count = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
  }
  if (count > maxEntries) throw new DocumentError('too-large', { zh: `压缩包有 ${count} 个条目（上限 ${maxEntries}）`, en: `${count} zip entries (limit ${maxEntries})` });
  // Data before the archive (a self-extractor stub, a mail gateway's header) shifts every offset by
  // its length; the directory then ends where the end record starts, as zip readers assume.
  let shift = 0;
  if (u32(bytes, cdOffset) !== SIG_CENTRAL && eocd - cdSize > cdOffset && u32(bytes, eocd - cdSize) === SIG_CENTRAL) shift = eocd - cdSize - cdOffset;
  cdOffset += shift;
  if (cdOffset + cdSize > bytes.length) throw corrupt({ zh: '中央目录超出文件范围', en: 'central directory out of bounds' });

  const entries: ZipEntryInfo[] = [];
  const seen = new Set<string>();
  let total = 0;
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== SIG_CENTRAL) throw corrupt({ zh: `中央目录第 ${i + 1} 项无效`, en: `bad central directory entry ${i + 1}` });
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    const crc = u32(bytes, o + 16);
    let localOffset = u32(bytes, o + 42);
    let compressedSize = u32(bytes, o + 20);
    let uncompressedSize = u32(bytes, o + 24);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    const next = o + 46 + nameLen + extraLen + commentLen;
    if (next > bytes.length) throw corrupt({ zh: `中央目录第 ${i + 1} 项超出文件范围`, en: `central directory entry ${i + 1} out of bounds` });
    const rawName = bytes.subarray(o + 46, o + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
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
          if (compressedSize === 0xffffffff && p + 8 <= e + 4 + len) {
            compressedSize = u64(bytes, p);
            p += 8;
          }
          if (localOffset === 0xffffffff && p + 8 <= e + 4 + len) localOffset = u64(bytes, p);
          break;
        }
        e += 4 + len;
      }
    }
    total += uncompressedSize;
    if (total > maxBytes) {
      throw new DocumentError('too-large', { zh: `解压后超过 ${Math.round(maxBytes / 1024 / 1024)} MB`, en: `more than ${Math.round(maxBytes / 1024 / 1024)} MB uncompressed` });
    }
    // Part names compare case-insensitively in a package (OPC), so "Word/Document.xml" repeats "word/document.xml".
    const key = name.toLowerCase();
    if (seen.has(key)) throw corrupt({ zh: `条目名重复：${name}`, en: `duplicated entry name: ${name}` });
    seen.add(key);
    entries.push({ name, method, flags, crc32: crc, compressedSize, uncompressedSize, localOffset: localOffset + shift });
    o = next;
  }
  return entries;
}

/** The content of one entry, inflated or stored, checked against the directory's size and CRC-32. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const { name, localOffset: o } = entry;
  if (entry.flags & 1) throw new DocumentError('encrypted-document', { zh: `条目已加密：${name}`, en: `encrypted entry: ${name}` });
  if (o + 30 > bytes.length || u32(bytes, o) !== SIG_LOCAL) throw corrupt({ zh: `${name} 的本地文件头缺失`, en: `local header of ${name} missing` });
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt({ zh: `${name} 的数据超出文件末尾`, en: `data of ${name} runs past the end of the file` });
  let data: Uint8Array;
  if (entry.method === 0) data = bytes.subarray(start, end);
  else if (entry.method === 8) {
    try {
      // zlib's native inflate (no JavaScript to warm up in every worker), capped at the declared size: a
      // lying size cannot make it grow (past the cap zlib stops with an error; short of it, the length
      // check below refuses the entry).
      data = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
    } catch (e) {
      throw corrupt({ zh: `${name} 无法解压（${(e as Error).message}）`, en: `${name} cannot be inflated (${(e as Error).message})` });
    }
  } else throw corrupt({ zh: `${name} 使用了不支持的压缩方法 ${entry.method}`, en: `${name} uses unsupported compression method ${entry.method}` });
  if (data.length !== entry.uncompressedSize) throw corrupt({ zh: `${name} 的长度与目录不符`, en: `size mismatch in ${name}` });
  if (crc32(data) !== entry.crc32) throw corrupt({ zh: `${name} 的 CRC-32 校验失败（内容已被改动或损坏）`, en: `CRC-32 mismatch in ${name} (its content was altered or damaged)` });
  return data;
}

/**
 * Read the entries accepted by `want` (after the limits were checked on the central directory), each
 * verified by its CRC-32.
 */
export function readZipEntries(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: ZipLimits = {},
): { entries: ZipEntryInfo[]; files: Record<string, Uint8Array> } {
  const entries = listZipEntries(bytes, limits);
  const files: Record<string, Uint8Array> = {};
  for (const entry of entries) if (want(entry.name)) files[entry.name] = readZipEntry(bytes, entry);
  return { entries, files };
}
