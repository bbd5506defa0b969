import type { InputFormat } from '../model/document.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export type SniffedKind = InputFormat | 'zip' | 'ole2';

/**
 * What the bytes are, by content, never by extension. A zip is reported as `zip` here; the docx
 * converter decides whether it holds word/document.xml. OLE2 is either a legacy .doc or an encrypted
 * OOXML package; the converter tells them apart.
 */
export function sniffBytes(bytes: Uint8Array): SniffedKind {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY_MAGIC)) return 'zip';
  if (startsWith(bytes, OLE2_MAGIC)) return 'ole2';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^\xEF\xBB\xBF/u, '');
  if (/^\s*(<!doctype html|<html|<body|<table)/iu.test(head)) return 'html';
  return 'text';
}
