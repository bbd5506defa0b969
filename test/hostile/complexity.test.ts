import { describe, expect, it } from 'vitest';
import { buildDocx, p } from '../../scripts/fixtures/ooxml.js';
import { MAX_TABLE_CELLS } from '../../src/model/limits.js';
import { htmlToGrid } from '../../src/parse/grid.js';
import { processDocument } from '../../src/process.js';
import { SEED_DOCX } from '../helpers/corpus.js';

const enc = new TextEncoder();

function nestedWordTables(n: number): string {
  let inner = p('x');
  for (let i = 0; i < n; i++) inner = `<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>${inner}<w:p/></w:tc></w:tr></w:tbl>`;
  return inner;
}

async function outcome(bytes: Uint8Array, file: string) {
  const r = await processDocument({ bytes, file }, { lang: 'en' });
  return { code: r.errorCode, error: r.error ?? '' };
}

describe('nesting and size limits fail clearly as too-complex', () => {
  it('10,000 nested HTML tables (was: Maximum call stack size exceeded, internal-error)', async () => {
    const html = `<html><body>${'<table><tr><td>'.repeat(10_000)}x${'</td></tr></table>'.repeat(10_000)}</body></html>`;
    const r = await outcome(enc.encode(html), 'deep.html');
    expect(r.code).toBe('too-complex');
    expect(r.error).toMatch(/tables nested more than 50 deep/u);
  });

  it('20,000 nested HTML elements of any kind', async () => {
    const html = `<html><body><table><tr><td>${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}</td></tr></table></body></html>`;
    expect(() => htmlToGrid(html)).toThrow(/too-complex: elements nested more than 500 deep/u);
  });

  it('20,000 nested Word tables (was: corrupt-zip)', async () => {
    const r = await outcome(buildDocx(nestedWordTables(20_000)), 'deep.docx');
    expect(r.code).toBe('too-complex');
  });

  it('Word elements nested deeper than mammoth can read', async () => {
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(5000)}${p('x')}${'</w:sdtContent></w:sdt>'.repeat(5000)}`;
    expect((await outcome(buildDocx(deep), 'sdt.docx')).code).toBe('too-complex');
  });

  it('more table cells than any report, before mammoth reads them', async () => {
    const cells = MAX_TABLE_CELLS + 10;
    const row = `<w:tr>${'<w:tc><w:p/></w:tc>'.repeat(10)}</w:tr>`;
    const table = `<w:tbl><w:tblGrid>${'<w:gridCol w:w="100"/>'.repeat(10)}</w:tblGrid>${row.repeat(cells / 10)}</w:tbl>`;
    const r = await outcome(buildDocx(table), 'wide.docx');
    expect(r.code).toBe('too-complex');
    expect(r.error).toMatch(/more than 20000 table cells/u);
    const html = `<html><body><table>${`<tr>${'<td>1</td>'.repeat(10)}</tr>`.repeat(cells / 10)}</table></body></html>`;
    expect((await outcome(enc.encode(html), 'wide.html')).code).toBe('too-complex');
  });

  it('leaves real reports and modest nesting alone', async () => {
    expect((await outcome(SEED_DOCX, 'seed.docx')).code).toBeNull();
    expect((await outcome(buildDocx(nestedWordTables(20)), 'nested.docx')).code).toBe('not-a-report');
  });
});
