import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeEncryptedOoxml } from '../../scripts/fixtures/ole2.js';
import { buildDocx, p, tbl, toStrict, withMainPart } from '../../scripts/fixtures/ooxml.js';
import { convertToHtml } from '../../src/convert/index.js';
import { convertDocx } from '../../src/convert/docx/index.js';
import { ingestBytes } from '../../src/ingest/index.js';
import { classifyOle2, sniffContainer } from '../../src/ingest/sniff.js';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { anchors, convert } from './helpers.js';

const seed = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/seed.docx', import.meta.url))));

/** What must not depend on how the package was saved: status, values and findings. */
const essence = (r: DocumentResult) => ({ status: r.status, error: r.error, template: r.template, evaluations: r.evaluations, findings: r.findings });

describe('the main part is wherever the package relationships say', () => {
  const moved = withMainPart(seed, 'word/document2.xml');

  it('sniffs and converts a package whose main part is word/document2.xml', async () => {
    expect(sniffContainer(moved)).toBe('docx');
    const { html } = await convertDocx(withMainPart(buildDocx(p('正文') + tbl(2, [{ cells: ['A', 'B'] }])), 'word/document2.xml'));
    expect(html).toContain('正文');
    expect(html).toContain('<table data-docx-table="0"><tr><td><p>A</p></td><td><p>B</p></td></tr></table>');
  });

  it('gives the seed saved with word/document2.xml the same values and findings as seed.docx', async () => {
    const [a, b] = await Promise.all([processDocument({ bytes: seed, file: 'seed.docx' }), processDocument({ bytes: moved, file: 'seed.docx' })]);
    expect(a.status).toBe('ok');
    expect(essence(b)).toEqual(essence(a));
  });

  it('refuses a package whose main part is not a Word document (a theme) as not-a-report', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const theme = zipSync({
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="theme/theme/themeManager.xml"/></Relationships>',
      ),
      'theme/theme/themeManager.xml': strToU8('<a:themeManager xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>'),
    });
    const r = await processDocument({ bytes: theme, file: 'x.thmx' }, { lang: 'en' });
    expect(r.errorCode).toBe('not-a-report');
    expect(r.error).toContain('theme/theme/themeManager.xml is not a Word document body');
  });

  it('still refuses a zip with no main part at all', async () => {
    const r = await processDocument({ bytes: buildDocx('', { omitDocument: true }), file: 'x.docx' });
    expect(r.errorCode).toBe('not-a-report');
  });
});

describe('Strict OOXML', () => {
  const strict = toStrict(seed);

  it('reads the Strict namespaces in the pre-pass: gridBefore, checkboxes and the table rebuild', async () => {
    const doc = buildDocx(
      p('评价类型：', '甲', '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>') +
        tbl(3, [{ cells: ['A', { text: 'B', vMerge: 'restart' }, 'C'] }, { before: 1, cells: [{ vMerge: 'continue' }, 'D'] }]),
    );
    const [t, s] = await Promise.all([convert(doc), convert(toStrict(doc))]);
    expect(s.messages).toEqual([]);
    expect(anchors(s.grid.tables[0]!)).toEqual(anchors(t.grid.tables[0]!));
    expect(anchors(s.grid.tables[0]!)).toEqual(['0,0 1x1 A', '0,1 2x1 B', '0,2 1x1 C', '1,0 1x1 ', '1,2 1x1 D']);
    expect(s.grid.blocks[0]!.text).toBe('评价类型：甲☑');
  });

  it('gives the seed saved as Strict OOXML the same values and findings as seed.docx', async () => {
    const [a, b] = await Promise.all([processDocument({ bytes: seed, file: 'seed.docx' }), processDocument({ bytes: strict, file: 'seed.docx' })]);
    expect(essence(b)).toEqual(essence(a));
  });

  it('reads a Strict package whose main part is word/document2.xml', async () => {
    const both = withMainPart(strict, 'word/document2.xml');
    expect(sniffContainer(both)).toBe('docx');
    const a = await processDocument({ bytes: seed, file: 'seed.docx' });
    expect(essence(await processDocument({ bytes: both, file: 'seed.docx' }))).toEqual(essence(a));
  });
});

describe('OLE2 stream names compare case-insensitively', () => {
  const upper = fakeEncryptedOoxml(true);

  it('recognises an encrypted package with upper-case stream names', async () => {
    expect(classifyOle2(upper)).toBe('encrypted');
    const r = await processDocument({ bytes: upper, file: 'locked.docx' });
    expect(r.errorCode).toBe('encrypted-document');
  });

  it('rejects an upper-case encrypted package before looking for LibreOffice', async () => {
    await expect(convertToHtml(ingestBytes(upper, 'locked.docx'))).rejects.toMatchObject({ code: 'encrypted-document' });
  });
});
