import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildOle2, fakeDoc, fakeEncryptedOoxml } from '../../scripts/fixtures/ole2.js';
import { buildDocx, p } from '../../scripts/fixtures/ooxml.js';
import { convertDocx } from '../../src/convert/docx/index.js';
import { ingestBytes } from '../../src/ingest/index.js';
import { classifyOle2, sniffBytes, sniffContainer } from '../../src/ingest/sniff.js';
import { listZipEntries } from '../../src/ingest/zip.js';
import { rejectionCode } from './helpers.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)));

/** Overwrite the declared uncompressed size of one entry in the central directory. */
function patchDeclaredSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const name = new TextEncoder().encode(entry);
  for (let o = 0; o + 46 < out.length; o++) {
    if (dv.getUint32(o, true) !== 0x02014b50) continue;
    const len = dv.getUint16(o + 28, true);
    if (len === name.length && name.every((b, i) => out[o + 46 + i] === b)) {
      dv.setUint32(o + 24, size, true);
      return out;
    }
  }
  throw new Error(`no central directory entry ${entry}`);
}

describe('docx container checks', () => {
  it('refuses a zip that cannot be opened as corrupt-zip', async () => {
    const junk = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(100).fill(7)]);
    expect(await rejectionCode(convertDocx(junk))).toBe('corrupt-zip');
    const docx = buildDocx(p('x'));
    expect(await rejectionCode(convertDocx(docx.subarray(0, Math.floor(docx.length / 2))))).toBe('corrupt-zip');
  });

  it('refuses a zip without word/document.xml as unsupported-format, naming what it is (a Word package without its body: not-a-report)', async () => {
    expect(await rejectionCode(convertDocx(buildDocx('', { omitDocument: true })))).toBe('not-a-report');
    const xlsxLike = zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
    await expect(convertDocx(xlsxLike)).rejects.toThrow(/unsupported-format: a spreadsheet \(spreadsheet\)/u);
  });

  it('refuses more than 200 MB declared uncompressed, from the central directory, before inflating', async () => {
    const bomb = patchDeclaredSize(buildDocx(p('x')), 'word/media/image1.png', 201 * 1024 * 1024);
    expect(() => listZipEntries(bomb)).toThrow(/too-large/u);
    expect(await rejectionCode(convertDocx(bomb))).toBe('too-large');
  });

  it('refuses more than 10,000 entries', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 10_000; i++) files[`f/${i}`] = new Uint8Array(0);
    const many = buildDocx(p('x'), { extra: files });
    expect(await rejectionCode(convertDocx(many))).toBe('too-large');
  });

  it('never resolves entities: a DOCTYPE in any part is refused with its own code', async () => {
    const prolog = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
    expect(await rejectionCode(convertDocx(buildDocx(p('&x;'), { prolog })))).toBe('xml-doctype');
    const styles = '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">]><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';
    expect(await rejectionCode(convertDocx(buildDocx(p('x'), { extra: { 'word/styles.xml': styles } })))).toBe('xml-doctype');
    const padded = styles.replace('?>', `?><!--${'x'.repeat(10_000)}-->`);
    expect(await rejectionCode(convertDocx(buildDocx(p('x'), { extra: { 'word/styles.xml': padded } })))).toBe('xml-doctype');
  });

  it('reports a document.xml that is not well-formed as corrupt', async () => {
    const bad = buildDocx(p('x'), { extra: { 'word/document.xml': '<w:document><w:body>' } });
    expect(await rejectionCode(convertDocx(bad))).toBe('corrupt-zip');
  });
});

describe('sniffing by content', () => {
  it('tells docx, other zips, corrupt zips, .doc, encrypted packages and other OLE2 files apart', () => {
    expect(sniffContainer(buildDocx(p('x')))).toBe('docx');
    expect(sniffContainer(buildDocx('', { omitDocument: true }))).toBe('zip');
    expect(sniffContainer(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('corrupt-zip');
    expect(sniffContainer(fakeDoc())).toBe('doc');
    expect(sniffContainer(fakeDoc(true))).toBe('encrypted');
    expect(sniffContainer(fakeEncryptedOoxml())).toBe('encrypted');
    expect(classifyOle2(buildOle2([{ name: 'Workbook', data: new Uint8Array(10) }]))).toBe('xls');
    expect(classifyOle2(buildOle2([{ name: '__properties_version1.0', data: new Uint8Array(10) }]))).toBe('ole2');
    expect(sniffContainer(new TextEncoder().encode('plain text'))).toBeNull();
  });

  it('reads a .docx named .txt as docx and a Tika dump named .docx as text', () => {
    const docx = fixture('seed.docx');
    const text = fixture('seed.txt');
    expect(sniffBytes(docx)).toBe('zip');
    expect(sniffContainer(docx)).toBe('docx');
    expect(sniffBytes(text)).toBe('text');
    expect(ingestBytes(new Uint8Array(docx), 'reports/seed.txt').format).toBe('docx');
    expect(ingestBytes(new Uint8Array(text), 'reports/seed.docx').format).toBe('text');
  });
});
