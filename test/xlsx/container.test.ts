/** .xlsx and .xls as containers: recognised by content, the docx limits, legacy .xls through LibreOffice. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOle2, fakeDoc } from '../../scripts/fixtures/ole2.js';
import { buildDocx, p } from '../../scripts/fixtures/ooxml.js';
import { buildXlsx, type XSheet } from '../../scripts/fixtures/spreadsheetml.js';
import { convertLegacyXls } from '../../src/convert/legacy-xls.js';
import { findSoffice, sofficeHasComponent } from '../../src/convert/soffice.js';
import { convertXlsx } from '../../src/convert/xlsx/index.js';
import { ingestBytes } from '../../src/ingest/index.js';
import { classifyOle2, sniffContainer, sniffFormat } from '../../src/ingest/sniff.js';
import { errorMessage } from '../../src/model/errors.js';
import { processDocument } from '../../src/process.js';
import { rejectionCode } from '../docx/helpers.js';
import { formById, renderDocx, renderXlsx } from '../helpers/mof/index.js';

const small: XSheet[] = [{ name: 'S', cells: { A1: { t: 'string', text: '项目名称' }, B1: { t: 'string', text: '乡村道路' } } }];

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

const sync = async (f: () => unknown) => f();

describe('recognising workbooks by content', () => {
  it('a zip with xl/workbook.xml is xlsx, whatever its name; one with word/document.xml stays docx', () => {
    const xlsx = buildXlsx(small);
    expect(sniffContainer(xlsx)).toBe('xlsx');
    expect(sniffFormat(xlsx)).toBe('xlsx');
    expect(ingestBytes(xlsx, 'reports/form.docx').format).toBe('xlsx');
    expect(ingestBytes(buildDocx(p('x')), 'reports/form.xlsx').format).toBe('docx');
    // Any other zip goes to the docx converter, which refuses it as before.
    expect(ingestBytes(buildDocx('', { omitDocument: true }), 'x.zip').format).toBe('docx');
  });

  it('an OLE2 file with a Workbook or Book stream (any case) is xls; WordDocument is doc', () => {
    for (const name of ['Workbook', 'WORKBOOK', 'workbook', 'Book']) expect(classifyOle2(buildOle2([{ name, data: new Uint8Array(600) }]))).toBe('xls');
    expect(classifyOle2(fakeDoc())).toBe('doc');
    expect(ingestBytes(buildOle2([{ name: 'Workbook', data: new Uint8Array(600) }]), 'old.doc').format).toBe('xls');
    expect(ingestBytes(fakeDoc(), 'old.xls').format).toBe('doc');
  });
});

describe('xlsx container limits, as for docx', () => {
  it('refuses more than 200 MB declared uncompressed before inflating', async () => {
    const bomb = patchDeclaredSize(buildXlsx(small), 'xl/worksheets/sheet1.xml', 201 * 1024 * 1024);
    expect(await rejectionCode(sync(() => convertXlsx(bomb)))).toBe('too-large');
    const result = await processDocument({ bytes: bomb, file: 'bomb.xlsx' });
    expect([result.format, result.errorCode]).toEqual(['xlsx', 'too-large']);
  });

  it('refuses more than 10,000 entries', async () => {
    const extra: Record<string, Uint8Array> = {};
    for (let i = 0; i <= 10_000; i++) extra[`xl/media/f${i}`] = new Uint8Array(0);
    const many = buildXlsx(small, { extra });
    expect(await rejectionCode(sync(() => convertXlsx(many)))).toBe('too-large');
    expect((await processDocument({ bytes: many, file: 'many.xlsx' })).errorCode).toBe('too-large');
  });

  it('refuses a DOCTYPE in any part it reads, and a part that is not well-formed', async () => {
    const entity = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&x;</t></si></sst>';
    expect(await rejectionCode(sync(() => convertXlsx(buildXlsx(small, { extra: { 'xl/sharedStrings.xml': entity } }))))).toBe('xml-doctype');
    const broken = buildXlsx(small, { extra: { 'xl/worksheets/sheet1.xml': '<worksheet><sheetData>' } });
    expect(await rejectionCode(sync(() => convertXlsx(broken)))).toBe('corrupt-zip');
    const cut = buildXlsx(small);
    expect((await processDocument({ bytes: cut.subarray(0, cut.length - 30), file: 'cut.xlsx' })).errorCode).toBe('corrupt-zip');
  });

  it('a workbook with no form in it is not a report', async () => {
    const result = await processDocument({ bytes: buildXlsx(small), file: 'list.xlsx' });
    expect([result.status, result.errorCode]).toEqual(['failed', 'not-a-report']);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'selfeval-xls-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('legacy .xls', () => {
  const xls = buildOle2([{ name: 'Workbook', data: new Uint8Array(4096) }]);

  it('without LibreOffice: a clear per-file code, in Chinese and English', async () => {
    expect(await rejectionCode(convertLegacyXls(xls, { soffice: null }))).toBe('legacy-xls-needs-libreoffice');
    expect(errorMessage('legacy-xls-needs-libreoffice', '', 'zh')).toMatch(/\.xls.*LibreOffice.*soffice/u);
    expect(errorMessage('legacy-xls-needs-libreoffice', '', 'en')).toMatch(/legacy \.xls needs LibreOffice.*soffice on PATH/u);
    const path = process.env.PATH;
    process.env.PATH = dir; // no soffice here
    try {
      const result = await processDocument({ bytes: xls, file: 'old.xls' }, { lang: 'en' });
      expect([result.format, result.status, result.errorCode]).toEqual(['xls', 'failed', 'legacy-xls-needs-libreoffice']);
      expect(result.error).toContain('legacy .xls needs LibreOffice');
    } finally {
      process.env.PATH = path;
    }
  });

  it('a LibreOffice without Calc (a Writer-only install) gives the same clear code, naming Calc', async () => {
    const program = join(dir, 'lo', 'program');
    mkdirSync(program, { recursive: true });
    const soffice = join(program, 'soffice');
    writeFileSync(soffice, '#!/bin/sh\necho "Error: source file could not be loaded" >&2\n');
    chmodSync(soffice, 0o755);
    writeFileSync(join(program, 'libmergedlo.so'), '');
    writeFileSync(join(program, 'libswlo.so'), '');
    expect(sofficeHasComponent(soffice, 'sclo')).toBe(false);
    const error = await convertLegacyXls(xls, { soffice }).catch((e: unknown) => e as { code: string; detail: { en: string } });
    expect([(error as { code: string }).code, (error as { detail: { en: string } }).detail.en]).toEqual(['legacy-xls-needs-libreoffice', 'the installed LibreOffice has no Calc']);
    writeFileSync(join(program, 'libsclo.so'), '');
    expect(sofficeHasComponent(soffice, 'sclo')).toBe(true);
    // A wrapper script outside a LibreOffice program folder: soffice itself decides.
    expect(sofficeHasComponent(join(dir, 'lo', 'none'), 'sclo')).toBe(true);
  });

  it('a .doc is never handed to the xls converter, nor an .xls to the doc converter', async () => {
    expect(await rejectionCode(convertLegacyXls(fakeDoc(), { soffice: null }))).toBe('not-a-report');
  });

  it.skipIf(!findSoffice() || !sofficeHasComponent(findSoffice()!, 'sclo'))('an .xls saved by a real LibreOffice reads the same values as the .xlsx and the .docx', { timeout: 180_000 }, async () => {
    const form = formById('project-school-yuan');
    writeFileSync(join(dir, 'form.xlsx'), renderXlsx(form));
    execFileSync(findSoffice()!, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'xls', '--outdir', join(dir, 'out'), join(dir, 'form.xlsx')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const name = readdirSync(join(dir, 'out')).find((f) => f.endsWith('.xls'))!;
    const bytes = new Uint8Array(readFileSync(join(dir, 'out', name)));
    expect(sniffFormat(bytes)).toBe('xls');
    const fromXls = await processDocument({ bytes, file: 'form.docx' }, { converterTimeoutMs: 120_000 });
    const fromDocx = await processDocument({ bytes: renderDocx(form), file: 'form.docx' });
    expect(fromXls.format).toBe('xls');
    expect(fromXls.status).toBe('ok');
    const values = (r: typeof fromXls) => JSON.stringify(r.evaluations, (k, v: unknown) => (k === 'src' ? undefined : v));
    expect(values(fromXls)).toBe(values(fromDocx));
    expect(fromXls.findings.map((f) => [f.rule, f.severity, f.message])).toEqual(fromDocx.findings.map((f) => [f.rule, f.severity, f.message]));
  });
});
