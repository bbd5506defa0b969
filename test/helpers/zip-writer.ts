/**
 * A small zip writer for hostile-input tests: what fflate will not write (two entries of one name,
 * a CRC that does not match, data before the archive), entry by entry.
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../../src/ingest/crc32.js';

export interface RawEntry {
  name: string;
  data: Uint8Array | string;
  /** 0 stored (default), 8 deflated. */
  method?: 0 | 8;
  /** The CRC-32 written in both headers (default: the true one). */
  crc?: number;
  /** The uncompressed size written in both headers (default: the true one). */
  size?: number;
  /** Keep only this many bytes of the (deflated) body, as a cut-off download would. */
  cut?: number;
}

const enc = new TextEncoder();

export function writeZip(entries: RawEntry[], prefix: Uint8Array = new Uint8Array(0)): Uint8Array {
  const chunks: Uint8Array[] = [prefix];
  const central: Uint8Array[] = [];
  let offset = prefix.length;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    const method = e.method ?? 0;
    const full = method === 8 ? deflateSync(data) : data;
    const body = e.cut === undefined ? full : full.subarray(0, e.cut);
    const crc = e.crc ?? crc32(data);
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, e.size ?? data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, e.size ?? data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset - prefix.length, true);
    cd.set(name, 46);
    chunks.push(local, body);
    central.push(cd);
    offset += local.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset - prefix.length, true);
  const all = [...chunks, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of all) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** The entries of a zip (via fflate), in directory order, to be written again with `writeZip`. */
export { unzipSync } from 'fflate';
