import type { InputFormat } from '../model/document.js';
import { unsupportedByMagic } from './formats.js';
import { findMainPart } from './package.js';
import { listZipEntries, readZipEntries } from './zip.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export type SniffedKind = InputFormat | 'zip' | 'ole2';

/**
 * What the bytes are, by content, never by extension. A zip is reported as `zip` here; the docx
 * converter decides whether it holds word/document.xml (see also `sniffContainer`). OLE2 is either a
 * legacy .doc or an encrypted OOXML package; `classifyOle2` tells them apart.
 */
export function sniffBytes(bytes: Uint8Array): SniffedKind {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY_MAGIC)) return 'zip';
  if (startsWith(bytes, OLE2_MAGIC)) return 'ole2';
  if (unsupportedByMagic(bytes) === null && isPrefixedZip(bytes)) return 'zip';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^\xEF\xBB\xBF/u, '');
  if (/^\s*(<!doctype html|<html|<body|<table)/iu.test(head)) return 'html';
  return 'text';
}

/** A zip archive behind other data (its directory readable where its end record says). */
function isPrefixedZip(bytes: Uint8Array): boolean {
  const tail = Math.max(0, bytes.length - 22 - 0xffff);
  let found = false;
  for (let i = bytes.length - 22; i >= tail && !found; i--) found = bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06;
  if (!found) return false;
  try {
    listZipEntries(bytes, { maxEntries: Number.POSITIVE_INFINITY, maxUncompressedBytes: Number.POSITIVE_INFINITY });
    return true;
  } catch {
    return false;
  }
}

/**
 * A finer look at zip and OLE2 containers (reads directories, and inflates only `_rels/.rels`):
 * - `docx`: a zip with a main document part (named by `_rels/.rels`, else word/document.xml); `xlsx`: a
 *   zip with xl/workbook.xml; `zip`: any other zip; `corrupt-zip`: a zip whose central directory cannot
 *   be read (limits are not checked here — the converter does that);
 * - `doc`: OLE2 with a WordDocument stream; `xls`: OLE2 with a Workbook (BIFF8) or Book (BIFF5) stream;
 *   `encrypted`: an encrypted OOXML package (EncryptionInfo + EncryptedPackage streams) or a
 *   password-protected .doc; `ole2`: any other OLE2 file (msg…).
 */
export type ContainerKind = 'docx' | 'xlsx' | 'zip' | 'corrupt-zip' | 'doc' | 'xls' | 'encrypted' | 'ole2';

export function sniffContainer(bytes: Uint8Array): ContainerKind | null {
  const kind = sniffBytes(bytes);
  if (kind === 'zip') {
    try {
      const unlimited = { maxEntries: Number.POSITIVE_INFINITY, maxUncompressedBytes: Number.POSITIVE_INFINITY };
      const names = new Set(listZipEntries(bytes, unlimited).map((e) => e.name));
      const rels = names.has('_rels/.rels') ? readZipEntries(bytes, (n) => n === '_rels/.rels', unlimited).files['_rels/.rels'] : undefined;
      // A workbook's package relationships name xl/workbook.xml as its main part too.
      const main = findMainPart(rels ? new TextDecoder().decode(rels) : null, (n) => names.has(n));
      if (main === 'xl/workbook.xml' || (!main && names.has('xl/workbook.xml'))) return 'xlsx';
      return main ? 'docx' : 'zip';
    } catch {
      return 'corrupt-zip';
    }
  }
  if (kind === 'ole2') return classifyOle2(bytes);
  return null;
}

/**
 * The input format of a zip or OLE2 file: a workbook is `xlsx`/`xls`, everything else goes to the Word
 * converters (`docx`/`doc`), which report a zip without word/document.xml (or a corrupt one), an
 * encrypted package or a foreign OLE2 file with their own codes.
 */
export function containerFormat(bytes: Uint8Array, kind: 'zip' | 'ole2'): InputFormat {
  const container = sniffContainer(bytes);
  if (kind === 'zip') return container === 'xlsx' ? 'xlsx' : 'docx';
  return container === 'xls' ? 'xls' : 'doc';
}

/** The input format by content, as ingest sets it. */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  const kind = sniffBytes(bytes);
  return kind === 'zip' || kind === 'ole2' ? containerFormat(bytes, kind) : kind;
}

// ---- OLE2 (Compound File Binary) directory ------------------------------------------------------

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

interface Ole2Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

function u16(b: Uint8Array, o: number): number {
  return o + 2 <= b.length ? b[o]! | (b[o + 1]! << 8) : 0;
}
function u32(b: Uint8Array, o: number): number {
  return o + 4 <= b.length ? (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0 : FREE;
}

/** Directory entries of a compound file, or null when the structure cannot be read. */
export function readOle2Directory(bytes: Uint8Array): { entries: Ole2Entry[]; sectorSize: number; fat: number[] } | null {
  if (!startsWith(bytes, OLE2_MAGIC) || bytes.length < 512) return null;
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  const maxSectors = Math.ceil(bytes.length / sectorSize) + 1;

  // FAT sector list: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const numFat = Math.min(u32(bytes, 0x2c), maxSectors);
  for (let i = 0; i < 109 && fatSectors.length < numFat; i++) fatSectors.push(u32(bytes, 0x4c + i * 4));
  let difat = u32(bytes, 0x44);
  for (let guard = 0; difat < END_OF_CHAIN && fatSectors.length < numFat && guard < maxSectors; guard++) {
    const base = offsetOf(difat);
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < numFat; i++) fatSectors.push(u32(bytes, base + i * 4));
    difat = u32(bytes, base + sectorSize - 4);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    const base = offsetOf(s);
    if (base + sectorSize > bytes.length) break;
    for (let i = 0; i < sectorSize / 4; i++) fat.push(u32(bytes, base + i * 4));
  }

  const entries: Ole2Entry[] = [];
  let dir = u32(bytes, 0x30);
  for (let guard = 0; dir < END_OF_CHAIN && guard < maxSectors; guard++) {
    const base = offsetOf(dir);
    if (base + sectorSize > bytes.length) return entries.length ? { entries, sectorSize, fat } : null;
    for (let i = 0; i < sectorSize / 128; i++) {
      const e = base + i * 128;
      const nameLen = Math.min(u16(bytes, e + 0x40), 64);
      const type = bytes[e + 0x42]!;
      if (type === 0 || nameLen < 2) continue;
      const name = new TextDecoder('utf-16le').decode(bytes.subarray(e, e + nameLen - 2));
      entries.push({ name, type, start: u32(bytes, e + 0x74), size: u32(bytes, e + 0x78) });
    }
    dir = fat[dir] ?? END_OF_CHAIN;
  }
  return { entries, sectorSize, fat };
}

/**
 * Legacy .doc, legacy .xls, encrypted (OOXML package or password-protected .doc), or some other OLE2
 * file. Stream names are compared case-insensitively (writers differ: "Workbook", "WORKBOOK", "Book").
 */
export function classifyOle2(bytes: Uint8Array): 'doc' | 'xls' | 'encrypted' | 'ole2' {
  const d = readOle2Directory(bytes);
  if (!d) return 'ole2';
  // Compound-file names compare case-insensitively (MS-CFB 2.6.4): some writers upper-case them.
  const names = new Set(d.entries.filter((e) => e.type === 1 || e.type === 2).map((e) => e.name.toUpperCase()));
  if (names.has('ENCRYPTIONINFO') && names.has('ENCRYPTEDPACKAGE')) return 'encrypted';
  const word = d.entries.find((e) => e.type === 2 && e.name.toUpperCase() === 'WORDDOCUMENT');
  if (!word) return names.has('WORKBOOK') || names.has('BOOK') ? 'xls' : 'ole2';
  // FIB: fEncrypted is bit 8 of the flags word at offset 0x0A (the stream is never in the mini stream).
  if (word.size >= 4096 && word.start < END_OF_CHAIN) {
    const fib = (word.start + 1) * d.sectorSize;
    if (fib + 12 <= bytes.length && u16(bytes, fib) === 0xa5ec && u16(bytes, fib + 0x0a) & 0x0100) return 'encrypted';
  }
  return 'doc';
}
