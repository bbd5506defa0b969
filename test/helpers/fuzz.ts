/**
 * Hostile inputs made from the seed by a seeded generator: truncations, bit flips (with the zip's
 * CRCs left as they were, or fixed so that the damage is the content), XML mutations, zip tricks, other
 * formats and junk. Input i depends only on the seed and i, so a failure is reproduced by its seed.
 */
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { mulberry32 } from '../../bench/prng.js';
import { crc32 } from '../../src/ingest/crc32.js';
import { SEED_DOCX, SEED_TXT } from './corpus.js';
import { writeZip, type RawEntry } from './zip-writer.js';

/** mulberry32 (the bench corpus's generator): small, fast and good enough to pick mutations. */
export const prng = mulberry32;

const enc = new TextEncoder();
const dec = new TextDecoder();
const SEED_ENTRIES: RawEntry[] = Object.entries(unzipSync(SEED_DOCX)).map(([name, data]) => ({ name, data }));
const DOC = 'word/document.xml';
const DOC_XML = dec.decode(SEED_ENTRIES.find((e) => e.name === DOC)!.data as Uint8Array);
const SEED_BYTES = enc.encode(SEED_TXT);

export interface Mutant {
  /** File name (extension as an archive would have it; the content decides the format). */
  name: string;
  bytes: Uint8Array;
  kind: string;
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;

function flipBits(r: Rand, bytes: Uint8Array, flips: number, from = 0, to = bytes.length): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < flips; i++) out[from + int(r, to - from)]! ^= 1 << int(r, 8);
  return out;
}

function withDocument(xml: string | Uint8Array, method: 0 | 8 = 8): Uint8Array {
  return writeZip(SEED_ENTRIES.map((e) => ({ ...e, method, data: e.name === DOC ? xml : e.data })));
}

/** Byte range of one entry's data in a stored zip written by writeZip. */
function storedRange(zip: Uint8Array, name: string): [number, number] {
  const nameLen = enc.encode(name).length;
  const dv = new DataView(zip.buffer, zip.byteOffset);
  let at = -1;
  for (let o = Buffer.from(zip).indexOf(Buffer.from(name)); o >= 0; o = Buffer.from(zip).indexOf(Buffer.from(name), o + 1)) {
    if (o >= 30 && dv.getUint32(o - 30, true) === 0x04034b50) {
      at = o;
      break;
    }
  }
  if (at < 0) throw new Error(`no local header for ${name}`);
  const size = new DataView(zip.buffer, zip.byteOffset).getUint32(at - 30 + 18, true);
  return [at + nameLen, at + nameLen + size];
}

const XML_MUTATIONS: ((r: Rand, xml: string) => string)[] = [
  (r, x) => {
    const a = int(r, x.length);
    return x.slice(0, a) + x.slice(a + 1 + int(r, 200));
  },
  (r, x) => {
    const a = int(r, x.length);
    const b = a + int(r, 2000);
    return x.slice(0, b) + x.slice(a, b) + x.slice(b);
  },
  (r, x) => x.replace('<w:document', `<!DOCTYPE w:document [<!ENTITY e "${'x'.repeat(int(r, 50))}">]><w:document`),
  (r, x) => {
    const a = x.indexOf('<w:p>', int(r, x.length));
    return a < 0 ? x : `${x.slice(0, a)}<w:tbl><w:tr><w:tc>${x.slice(a)}`;
  },
  // Amounts become very long numbers (exactness, never exponent notation).
  (r, x) => x.replace(/>(\d+(?:\.\d+)?)</gu, (m, d: string) => (r() < 0.3 ? `>${'9'.repeat(30 + int(r, 40))}${d}<` : m)),
  (r, x) => {
    const depth = 400 + int(r, 400);
    const at = x.indexOf('<w:body>') + 8;
    return `${x.slice(0, at)}${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(depth)}${x.slice(at)}`;
  },
  (r, x) => {
    const a = x.indexOf('<w:t', int(r, x.length));
    return a < 0 ? x : `${x.slice(0, a)}<w:r><w:t>${pick(r, ['&#0;', '&#xD800;', '&unknown;', '&amp', ']]>', '&#x110000;'])}</w:t></w:r>${x.slice(a)}`;
  },
  (r, x) => x.replace(/w:(tc|tr)>/gu, (m) => (r() < 0.02 ? 'w:p>' : m)),
  (r, x) => x.replace(/w:gridSpan w:val="\d+"/gu, (m) => (r() < 0.5 ? `w:gridSpan w:val="${pick(r, ['0', '-3', '999999', 'x', '65536'])}"` : m)),
  (r, x) => x.replace(/w:vMerge w:val="restart"/gu, (m) => (r() < 0.5 ? 'w:vMerge' : m)),
];

/** Bytes of `size` as a central-directory field. */
function patchCentral(zip: Uint8Array, r: Rand, field: 16 | 20 | 24 | 42, value: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const offsets: number[] = [];
  for (let o = 0; o + 46 < out.length; o++) if (dv.getUint32(o, true) === 0x02014b50) offsets.push(o);
  dv.setUint32(pick(r, offsets) + field, value >>> 0, true);
  return out;
}

const ZIP_TRICKS: ((r: Rand) => Uint8Array)[] = [
  () => writeZip([...SEED_ENTRIES, SEED_ENTRIES.find((e) => e.name === DOC)!]),
  (r) => writeZip(SEED_ENTRIES, enc.encode('x'.repeat(1 + int(r, 3000)))),
  () => writeZip(SEED_ENTRIES.map((e) => (e.name === DOC ? { ...e, name: 'Word/Document.xml' } : e)).concat([SEED_ENTRIES.find((e) => e.name === DOC)!])),
  (r) => patchCentral(writeZip(SEED_ENTRIES), r, 24, 0xfff00000),
  (r) => patchCentral(writeZip(SEED_ENTRIES), r, 42, int(r, 0xffffffff)),
  (r) => patchCentral(writeZip(SEED_ENTRIES), r, 20, 0xffffffff),
  (r) => patchCentral(writeZip(SEED_ENTRIES.map((e) => ({ ...e, method: 8 as const }))), r, 16, int(r, 0xffffffff)),
  () => {
    const z = writeZip(SEED_ENTRIES).slice();
    new DataView(z.buffer).setUint16(z.length - 22 + 10, 0xffff, true); // zip64 marker without zip64 records
    return z;
  },
  () => {
    const z = writeZip(SEED_ENTRIES).slice();
    for (let o = 0; o + 4 < z.length; o++) if (new DataView(z.buffer).getUint32(o, true) === 0x02014b50) z[o + 8]! |= 1; // "encrypted"
    return z;
  },
  () => Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]),
  () => writeZip([{ name: DOC, data: DOC_XML, crc: crc32(enc.encode(DOC_XML)) ^ 0x80 }]),
  (r) => writeZip(SEED_ENTRIES.map((e) => ({ ...e, method: 8 as const }))).subarray(0, int(r, 4000)),
];

const OTHERS: ((r: Rand) => Uint8Array)[] = [
  (r) => Uint8Array.from({ length: 1 + int(r, 5000) }, () => int(r, 256)),
  () => new Uint8Array(0),
  (r) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: int(r, 500) }, () => int(r, 256))]),
  (r) => enc.encode(`%PDF-1.${int(r, 8)}\n${'x'.repeat(int(r, 500))}`),
  (r) => iconv.encode(SEED_TXT, 'utf-16le').subarray(0, 1 + 2 * int(r, 5000) + int(r, 2)),
  (r) => iconv.encode(SEED_TXT.slice(0, int(r, SEED_TXT.length)), 'gb18030'),
  (r) => enc.encode(`<html><body>${'<table><tr><td>'.repeat(int(r, 3000))}x</body></html>`),
  (r) => enc.encode(SEED_TXT.replace(/\t(\d+(?:\.\d+)?)\n/gu, (m, d: string) => (r() < 0.3 ? `\t${'1'.repeat(41 + int(r, 30))}.${d}\n` : m))),
];

/** The i-th hostile input for a seed. */
export function mutant(seed: number, i: number): Mutant {
  const r = prng(seed * 100_003 + i);
  const family = int(r, 8);
  const n = String(i).padStart(4, '0');
  switch (family) {
    case 0:
      return { name: `${n}-truncated.docx`, bytes: SEED_DOCX.subarray(0, int(r, SEED_DOCX.length)), kind: 'truncated docx' };
    case 1:
      return { name: `${n}-truncated.txt`, bytes: SEED_BYTES.subarray(0, int(r, SEED_BYTES.length)), kind: 'truncated text' };
    case 2: {
      const stored = writeZip(SEED_ENTRIES);
      const [from, to] = storedRange(stored, DOC);
      const inContent = r() < 0.7;
      return { name: `${n}-flipped.docx`, bytes: flipBits(r, stored, 1 + int(r, 4), inContent ? from : 0, inContent ? to : stored.length), kind: 'bit flips, CRC as it was' };
    }
    case 3:
      return { name: `${n}-flipped-crc-fixed.docx`, bytes: withDocument(flipBits(r, enc.encode(DOC_XML), 1 + int(r, 6)), r() < 0.5 ? 0 : 8), kind: 'bit flips, CRC fixed' };
    case 4:
      return { name: `${n}-flipped.bin`, bytes: flipBits(r, r() < 0.5 ? SEED_DOCX : SEED_BYTES, 1 + int(r, 30)), kind: 'bit flips' };
    case 5: {
      const m = int(r, XML_MUTATIONS.length);
      return { name: `${n}-xml-${m}.docx`, bytes: withDocument(XML_MUTATIONS[m]!(r, DOC_XML)), kind: `XML mutation ${m}` };
    }
    case 6: {
      const t = int(r, ZIP_TRICKS.length);
      return { name: `${n}-zip-${t}.docx`, bytes: ZIP_TRICKS[t]!(r), kind: `zip trick ${t}` };
    }
    default: {
      const o = int(r, OTHERS.length);
      return { name: `${n}-other-${o}.txt`, bytes: OTHERS[o]!(r), kind: `other ${o}` };
    }
  }
}
