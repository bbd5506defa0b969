import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';
import { DocumentError } from '../../src/model/errors.js';
import { SEED_TXT } from '../helpers/corpus.js';

const TEXT = '项目名称：智慧岳阳\n\t计划安排资金\n（万元）\n\t868\n\n评价等次：优秀①②③\n';
const bytes = (...parts: (number[] | Uint8Array | Buffer)[]) => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p as Uint8Array))));

function failsWith(data: Uint8Array): string {
  try {
    decodeText(data);
  } catch (e) {
    if (e instanceof DocumentError) return e.code;
    throw e;
  }
  return 'decoded';
}

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(new TextEncoder().encode(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], new TextEncoder().encode(TEXT)))).toEqual({ text: TEXT, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE and UTF-16BE with BOM', () => {
    expect(decodeText(bytes([0xff, 0xfe], iconv.encode(TEXT, 'utf-16le')))).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(bytes([0xfe, 0xff], iconv.encode(TEXT, 'utf-16be')))).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('detects BOM-less UTF-16 of a Chinese report from where its ASCII NUL bytes sit', () => {
    expect(decodeText(bytes(iconv.encode(SEED_TXT, 'utf-16le')))).toEqual({ text: SEED_TXT, encoding: 'utf-16le' });
    expect(decodeText(bytes(iconv.encode(SEED_TXT, 'utf-16be')))).toEqual({ text: SEED_TXT, encoding: 'utf-16be' });
  });

  it('detects GB18030 and GBK (archived Windows dumps), including four-byte GB18030 characters', () => {
    expect(decodeText(bytes(iconv.encode(SEED_TXT, 'gbk')))).toEqual({ text: SEED_TXT, encoding: 'gb18030' });
    const rare = `${TEXT}㐀䶵€`; // CJK extension A and the euro sign: four-byte / two-byte GB18030 only
    expect(decodeText(bytes(iconv.encode(rare, 'gb18030')))).toEqual({ text: rare, encoding: 'gb18030' });
  });

  it('keeps a file cut off in the middle of its last character', () => {
    const utf8 = new TextEncoder().encode(`${TEXT}报告`);
    expect(decodeText(utf8.subarray(0, utf8.length - 1))).toEqual({ text: `${TEXT}报`, encoding: 'utf-8' });
    const le = bytes([0xff, 0xfe], iconv.encode(`${TEXT}报`, 'utf-16le'));
    expect(decodeText(le.subarray(0, le.length - 1)).text).toBe(TEXT);
  });

  it('tolerates a damaged byte under a BOM, shown as U+FFFD, but not a wrong encoding under it', () => {
    const long = new TextEncoder().encode(SEED_TXT);
    const damaged = bytes([0xef, 0xbb, 0xbf], long.subarray(0, 3000), [0xff], long.subarray(3000));
    const decoded = decodeText(damaged);
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text.split('\uFFFD')).toHaveLength(2);
    expect(failsWith(bytes([0xef, 0xbb, 0xbf], iconv.encode(SEED_TXT, 'gbk')))).toBe('decode-failed');
  });

  it('fails binary data with decode-failed', () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + (i >> 3)) % 256);
    expect(failsWith(binary)).toBe('decode-failed');
    expect(failsWith(new Uint8Array(1000))).toBe('decode-failed'); // NUL bytes only
    expect(failsWith(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], new Uint8Array(64)))).toBe('decode-failed');
  });

  it('accepts text with a stray control character or two', () => {
    const text = `${TEXT}\u0007\u001e${TEXT}`;
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
  });
});
