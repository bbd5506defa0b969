import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx, p } from '../../scripts/fixtures/ooxml.js';
import { processDocument } from '../../src/process.js';
import { writeZip } from '../helpers/zip-writer.js';

const enc = new TextEncoder();
const cat = (...parts: (number[] | Uint8Array | string)[]) => new Uint8Array(Buffer.concat(parts.map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : Buffer.from(x as Uint8Array)))));
const noise = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + (i >> 3)) % 256);

async function outcome(bytes: Uint8Array, lang: 'zh' | 'en' = 'en') {
  const r = await processDocument({ bytes, file: 'input.bin' }, { lang });
  return { code: r.errorCode, error: r.error };
}

describe('unsupported-format says what the file is', () => {
  it.each([
    ['a PNG', cat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], noise(600)), 'image'],
    ['a JPEG', cat([0xff, 0xd8, 0xff, 0xe0], noise(600)), 'image'],
    ['a GIF', cat('GIF89a', noise(600)), 'image'],
    ['a PDF', cat('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', noise(600)), 'pdf'],
    ['a PDF after a few junk bytes', cat('\r\n  %PDF-1.4\n', noise(600)), 'pdf'],
    ['a gzip archive', cat([0x1f, 0x8b, 0x08, 0x00], noise(600)), 'archive'],
    ['a 7z archive', cat([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], noise(600)), 'archive'],
    ['an RTF document', cat('{\\rtf1\\ansi\\deff0 {\\fonttbl} 项目名称 }'), 'rtf'],
    ['a zip of other files', zipSync({ 'a.txt': enc.encode('x') }), 'archive'],
    ['a .pptx', zipSync({ '[Content_Types].xml': enc.encode('<Types/>'), 'ppt/presentation.xml': enc.encode('<p/>') }), 'presentation'],
    ['an .odt', zipSync({ mimetype: enc.encode('application/vnd.oasis.opendocument.text'), 'content.xml': enc.encode('<office/>') }), 'opendocument'],
    ['an OFD', zipSync({ 'OFD.xml': enc.encode('<ofd:OFD/>') }), 'ofd'],
    ['a zip of other files behind a prefix', writeZip([{ name: 'a.txt', data: 'x' }], enc.encode('#!/bin/sh\nexit 0\n')), 'archive'],
  ])('%s', async (_what, bytes, kind) => {
    const r = await outcome(bytes);
    expect(r.code).toBe('unsupported-format');
    expect(r.error).toContain(`(${kind}`);
  });

  it('in the run language', async () => {
    const r = await outcome(cat('%PDF-1.7\n', noise(100)), 'zh');
    expect(r.error).toBe('不支持的文件格式：PDF 文件（pdf, PDF）');
  });

  it('leaves text that merely starts like a magic number alone', async () => {
    expect((await outcome(enc.encode('BM 项目支出绩效自评报告\n'))).code).not.toBe('unsupported-format');
    expect((await outcome(enc.encode('项目支出绩效自评报告（附件为 %PDF-1.4 扫描件）\n'))).code).not.toBe('unsupported-format');
  });
});

describe('an XML DOCTYPE has its own code', () => {
  it('in document.xml and in any other part', async () => {
    const prolog = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
    expect((await outcome(buildDocx(p('&x;'), { prolog }))).code).toBe('xml-doctype');
    const rels = '<?xml version="1.0"?><!DOCTYPE r><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
    const r = await outcome(buildDocx(p('x'), { extra: { 'word/_rels/document.xml.rels': rels } }));
    expect(r.code).toBe('xml-doctype');
    expect(r.error).toContain('word/_rels/document.xml.rels');
  });
});
