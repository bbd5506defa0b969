/**
 * Formats the tool does not read, recognised so that a failure says what the file is
 * (`unsupported-format`) instead of a misleading decode or zip error.
 */
import { DocumentError } from '../model/errors.js';

export type UnsupportedKind = 'pdf' | 'image' | 'spreadsheet' | 'presentation' | 'archive' | 'rtf' | 'opendocument' | 'ofd' | 'ole2';

const LABEL: Record<UnsupportedKind, { zh: string; en: string }> = {
  pdf: { zh: 'PDF 文件', en: 'a PDF file' },
  image: { zh: '图片', en: 'an image' },
  spreadsheet: { zh: '电子表格', en: 'a spreadsheet' },
  presentation: { zh: '演示文稿', en: 'a presentation' },
  archive: { zh: '压缩包，不是 Word 文件', en: 'an archive, not a Word file' },
  rtf: { zh: 'RTF 文档，请另存为 .docx', en: 'an RTF document; save it as .docx' },
  opendocument: { zh: 'OpenDocument 文档，请另存为 .docx', en: 'an OpenDocument file; save it as .docx' },
  ofd: { zh: 'OFD 版式文件', en: 'an OFD file' },
  ole2: { zh: 'Office 二进制文件，但不是 Word 文档', en: 'an Office binary file that is not a Word document' },
};

export function unsupported(kind: UnsupportedKind, what?: string): DocumentError {
  const l = LABEL[kind];
  const extra = what ? `, ${what}` : '';
  return new DocumentError('unsupported-format', { zh: `${l.zh}（${kind}${extra}）`, en: `${l.en} (${kind}${extra})` });
}

const MAGIC: [UnsupportedKind, number[], string][] = [
  ['image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG'],
  ['image', [0xff, 0xd8, 0xff], 'JPEG'],
  ['image', [0x47, 0x49, 0x46, 0x38], 'GIF'],
  ['image', [0x49, 0x49, 0x2a, 0x00], 'TIFF'],
  ['image', [0x4d, 0x4d, 0x00, 0x2a], 'TIFF'],
  ['archive', [0x1f, 0x8b], 'gzip'],
  ['archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], '7z'],
  ['archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 'RAR'],
  ['archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz'],
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF'],
];

/** What a file is by its leading bytes, when it is a format the tool does not read; null otherwise. */
export function unsupportedByMagic(bytes: Uint8Array): { kind: UnsupportedKind; what: string } | null {
  for (const [kind, magic, what] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return { kind, what };
  // "%PDF-" may follow a few bytes of junk (readers look in the first 1,024 bytes), but not text: a
  // report that merely mentions "%PDF-" is no PDF.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (/^[\x00-\x20\xef\xbb\xbf]*%PDF-/u.test(head)) return { kind: 'pdf', what: 'PDF' };
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return { kind: 'image', what: 'WebP' };
  // BMP: "BM" and the file size in the header (a text that starts with "BM" does not have it).
  if (head.startsWith('BM') && bytes.length >= 14 && (bytes[2]! | (bytes[3]! << 8) | (bytes[4]! << 16) | (bytes[5]! << 24)) >>> 0 === bytes.length) return { kind: 'image', what: 'BMP' };
  return null;
}

/**
 * What a zip without a Word document is, by its entry names; null for a Word package that lacks its
 * main part (a damaged .docx, not another format).
 */
export function zipKind(names: readonly string[]): UnsupportedKind | null {
  const has = (re: RegExp) => names.some((n) => re.test(n));
  if (has(/^word\//iu)) return null;
  if (has(/^xl\//iu)) return 'spreadsheet';
  if (has(/^ppt\//iu)) return 'presentation';
  if (has(/^OFD\.xml$/iu)) return 'ofd';
  if (has(/^mimetype$/u) && has(/^content\.xml$/u)) return 'opendocument';
  return 'archive';
}

/** What an OLE2 file without a Word document is, by its stream names. */
export function ole2Kind(names: readonly string[]): UnsupportedKind {
  if (names.includes('Workbook') || names.includes('Book')) return 'spreadsheet';
  if (names.includes('PowerPoint Document')) return 'presentation';
  return 'ole2';
}
