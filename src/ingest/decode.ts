import { DocumentError } from '../model/errors.js';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Binary data decoded by accident: more than a stray control character here and there (a text dump
 * may hold a few; TAB, LF, VT, FF and CR are ordinary).
 */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x08 || (c >= 0x0e && c <= 0x1f)) controls++;
  }
  return controls > 8 && controls * 200 > text.length;
}

/**
 * Strict decoding, except that an incomplete character at the very end (a file cut short in the
 * middle of a multi-byte character) is dropped rather than failing the whole document.
 */
function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

/**
 * Decoding where the encoding is declared by a BOM: strict, but a few damaged bytes (at most one
 * replacement character per 1,000, an archive's bit rot) are tolerated and show as U+FFFD in raw text.
 */
function decodeDeclared(label: string, bytes: Uint8Array, what: string): string {
  const strict = decodeStrict(label, bytes);
  if (strict !== null) return strict;
  const loose = new TextDecoder(label, { ignoreBOM: true }).decode(bytes, { stream: true });
  let bad = 0;
  for (const ch of loose) if (ch === '\uFFFD') bad++;
  if (bad * 1000 <= loose.length) return loose;
  throw new DocumentError('decode-failed', { zh: `字节顺序标记（BOM）后的 ${what} 内容无效`, en: `invalid ${what} after its byte-order mark` });
}

/**
 * BOM-less UTF-16: text dumps hold ASCII (digits, TAB, line breaks) between the CJK characters, and
 * ASCII in UTF-16 has its NUL byte always on the same side of each pair.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 64 * 1024) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  const nul = evenNul + oddNul;
  if (nul < pairs * 0.02) return null;
  if (oddNul >= nul * 0.95) return 'utf-16le';
  if (evenNul >= nul * 0.95) return 'utf-16be';
  return null;
}

/**
 * Text by BOM (UTF-8, UTF-16LE/BE), then by detection: BOM-less UTF-16, strict UTF-8, strict GB18030
 * (a superset of GBK and GB2312, which archived Windows dumps often are); anything else (binary data,
 * other encodings) is `decode-failed`.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeDeclared('utf-8', bytes.subarray(3), 'UTF-8'), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeDeclared('utf-16le', bytes.subarray(2), 'UTF-16LE'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeDeclared('utf-16be', bytes.subarray(2), 'UTF-16BE'), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = decodeStrict(utf16, bytes);
    if (text !== null && !looksBinary(text)) return { text, encoding: utf16 };
  }
  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null && !looksBinary(utf8)) return { text: utf8, encoding: 'utf-8' };
  const gb = decodeStrict('gb18030', bytes);
  if (gb !== null && !looksBinary(gb)) return { text: gb, encoding: 'gb18030' };
  throw new DocumentError('decode-failed', utf8 !== null || gb !== null ? { zh: '二进制数据，不是文本', en: 'binary data' } : { zh: '既不是 UTF-8、UTF-16，也不是 GB18030', en: 'not UTF-8, UTF-16 or GB18030' });
}
