import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as F from '../scripts/fixtures/docx-constructs.js';
import { fakeDoc, fakeEncryptedOoxml } from '../scripts/fixtures/ole2.js';
import { buildDocx, p, tbl, toStrict } from '../scripts/fixtures/ooxml.js';
import { main } from '../src/cli/main.js';
import { readTables, type TablesRead, type TableJson } from '../src/index.js';
import { REPO, runCli } from './bulk/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const read = async (bytes: Uint8Array, file = 'a.docx') => (await readTables({ bytes, file })) as TablesRead;
const cell = (row: number, col: number, text: string, rowspan = 1, colspan = 1, tables: TableJson[] = []) => ({ row, col, rowspan, colspan, text, tables });

describe('readTables: the exact grids, before any template', () => {
  it('gives each anchor once with 0-based position and spans; gridBefore/gridAfter slots are empty cells', async () => {
    const r = await read(F.gridBeforeAfter());
    expect(Object.keys(r)).toEqual(['file', 'format', 'tables', 'messages']);
    expect(r.format).toBe('docx');
    expect(r.tables).toEqual([
      {
        rows: 5,
        cols: 3,
        cells: [
          cell(0, 0, 'A'), cell(0, 1, 'B', 2), cell(0, 2, 'C'),
          cell(1, 0, ''), cell(1, 2, 'D'),
          cell(2, 0, 'E'), cell(2, 1, 'F'), cell(2, 2, 'G'),
          cell(3, 0, 'H'), cell(3, 1, 'I'), cell(3, 2, ''),
          cell(4, 0, 'J'), cell(4, 1, 'K'), cell(4, 2, 'L'),
        ],
      },
    ]);
    expect(r.messages).toEqual([
      { rule: 'extract-merge', severity: 'info', message: 'table 1: row 5, column 3: a vertically merged cell has no cell above it (the row above is short); kept as a cell of its own' },
    ]);
  });

  it('keeps nested tables inside their cell, out of its text (the paragraph Word adds after one stays)', async () => {
    const r = await read(F.nestedTable());
    expect(r.tables).toHaveLength(1);
    const inner = { rows: 3, cols: 2, cells: [cell(0, 0, 'x', 2), cell(0, 1, 'y'), cell(1, 1, 'z'), cell(2, 0, ''), cell(2, 1, 'w')] };
    expect(r.tables[0]).toEqual({ rows: 2, cols: 2, cells: [cell(0, 0, '外层', 2), cell(0, 1, '内层表：\n', 1, 1, [inner]), cell(1, 1, '后')] });
  });

  it('gives the text as Word displays it: field results in, deleted text out, paragraphs joined by \\n', async () => {
    const deleted = '<w:del w:id="1" w:author="x" w:date="2021-01-01T00:00:00Z"><w:r><w:delText>旧值</w:delText></w:r></w:del>';
    const inserted = '<w:ins w:id="2" w:author="x" w:date="2021-01-01T00:00:00Z"><w:r><w:t>新值</w:t></w:r></w:ins>';
    const bytes = buildDocx(tbl(2, [{ cells: [{ text: [p(deleted, inserted), '第二段'] }, { text: p(F.simpleField('DOCPROPERTY Unit', '岳阳市')) }] }]));
    const r = await read(bytes);
    expect(r.tables[0]!.cells.map((c) => c.text)).toEqual(['新值\n第二段', '岳阳市']);
  });

  it('reads the same tables from a Strict copy', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('seed.docx')));
    const [a, b] = await Promise.all([read(bytes), read(toStrict(bytes))]);
    expect(a.tables.length).toBe(3);
    expect(b).toEqual(a);
  });

  it('reads HTML and Tika text tables', async () => {
    const html = await read(new TextEncoder().encode('<html><body><table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c<br>d</td></tr></table></body></html>'), 'a.html');
    expect(html.format).toBe('html');
    expect(html.tables).toEqual([{ rows: 2, cols: 2, cells: [cell(0, 0, 'a', 2), cell(0, 1, 'b'), cell(1, 1, 'c\nd')] }]);
    const text = await read(new TextEncoder().encode('前言\n\n\t项目\n\t金额\n\n\t甲\n\t100\n'), 'a.txt');
    expect(text.format).toBe('text');
    expect(text.tables).toEqual([{ rows: 2, cols: 2, cells: [cell(0, 0, '项目'), cell(0, 1, '金额'), cell(1, 0, '甲'), cell(1, 1, '100')] }]);
  });

  it('reads a legacy .doc through LibreOffice', async () => {
    const saved = process.env.PATH;
    const bin = mkdtempSync(join(tmpdir(), 'selfeval-fake-soffice-'));
    writeFileSync(
      join(bin, 'soffice'),
      `#!/bin/sh\nout=""; prev=""; last=""\nfor a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done\nmkdir -p "$out" && cp "${fixture('seed.docx')}" "$out/$(basename "$last" .doc).docx"\n`,
    );
    chmodSync(join(bin, 'soffice'), 0o755);
    process.env.PATH = `${bin}:${saved}`;
    try {
      const [doc, docx] = await Promise.all([read(fakeDoc(), 'old.doc'), read(new Uint8Array(readFileSync(fixture('seed.docx'))))]);
      expect(doc.format).toBe('doc');
      expect(doc.tables).toEqual(docx.tables);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('gives an error line for a file that cannot be read', async () => {
    expect(await readTables({ bytes: fakeEncryptedOoxml(), file: 'locked.docx' }, { lang: 'en' })).toEqual({
      file: 'locked.docx',
      error_code: 'encrypted-document',
      error: 'the document is encrypted; remove the password first',
    });
    expect(await readTables('/nonexistent/x.docx')).toMatchObject({ file: '/nonexistent/x.docx', error_code: 'read-failed' });
  });
});

describe('selfeval tables', () => {
  let out = '';
  beforeEach(() => {
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints one JSON line per file and exits 0 when all were read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-tables-'));
    writeFileSync(join(dir, 'a.docx'), F.mergedCells());
    writeFileSync(join(dir, 'b.html'), '<table><tr><td>x</td></tr></table>');
    expect(await main(['tables', join(dir, 'a.docx'), join(dir, 'b.html')])).toBe(0);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.format, l.tables.length])).toEqual([
      ['docx', 1],
      ['html', 1],
    ]);
    expect(lines[1].tables[0]).toEqual({ rows: 1, cols: 1, cells: [cell(0, 0, 'x')] });
  });

  it('exits 3 when a file cannot be read, after printing every line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-tables-'));
    writeFileSync(join(dir, 'empty.docx'), '');
    writeFileSync(join(dir, 'ok.txt'), '\tA\n');
    expect(await main(['tables', '--lang', 'en', join(dir, 'empty.docx'), join(dir, 'missing.docx'), join(dir, 'ok.txt')])).toBe(3);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error_code ?? l.format)).toEqual(['empty-file', 'read-failed', 'text']);
    expect(lines[0]).toEqual({ file: expect.stringContaining('empty.docx'), error_code: 'empty-file', error: 'the file is empty' });
  });

  it('exits 2 without inputs', async () => {
    expect(await main(['tables'])).toBe(2);
  });

  it('reads one document from standard input for -, named <stdin>', async () => {
    const run = await runCli(['tables', '-'], { cwd: REPO, stdin: F.mergedCells() });
    expect(run.code).toBe(0);
    const line = JSON.parse(run.stdout) as TablesRead;
    expect([line.file, line.format, line.tables.length]).toEqual(['<stdin>', 'docx', 1]);
    const empty = await runCli(['tables', '--lang', 'en', '-'], { cwd: REPO, stdin: '' });
    expect(empty.code).toBe(3);
    expect(JSON.parse(empty.stdout)).toEqual({ file: '<stdin>', error_code: 'empty-file', error: 'the file is empty' });
  }, 30_000);
});
