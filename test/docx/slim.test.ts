import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ALL_CONSTRUCTS, wordFormatting } from '../../scripts/fixtures/docx-constructs.js';
import { convertDocx } from '../../src/convert/docx/index.js';
import { prepassPart } from '../../src/convert/docx/prepass.js';
import { mammothSkips } from '../../src/convert/docx/slim.js';
import { buildReport, reportSpec } from '../../bench/corpus/generate.js';

const seedDocx = () => new Uint8Array(readFileSync(new URL('../../fixtures/seed.docx', import.meta.url)));
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

describe('docx slimming: what mammoth never reads is removed before it parses the XML', () => {
  const documents: [string, () => Uint8Array][] = [['seed', seedDocx], ...Object.entries(ALL_CONSTRUCTS)];
  // Generated reports of the seed's template (varied numbers, sources, scores, some with faults).
  for (const i of [0, 1, 2, 3, 4, 5]) documents.push([`corpus report ${i}`, () => buildReport(reportSpec(i), 'docx')]);

  it.each(documents)('%s: the same HTML and the same messages with and without slimming', async (_name, build) => {
    const bytes = build();
    const slim = await convertDocx(bytes, { slim: true });
    const full = await convertDocx(bytes, { slim: false });
    expect(slim.html).toBe(full.html);
    expect(slim.messages).toEqual(full.messages);
  });

  it('keeps everything mammoth turns into HTML in the Word-formatted fixture', async () => {
    const { html } = await convertDocx(wordFormatting());
    for (const tag of ['<h1>', '<strong>', '<em>', '<s>', '<sup>', '<li>']) expect(html, tag).toContain(tag);
    expect(html).toContain('前半后半'); // the deleted paragraph mark joins the two paragraphs
    expect(html).not.toContain('删除的行');
    expect(html).toContain('<td rowspan="2"><p>产出</p></td>');
    expect(html).toContain('<td colspan="2"><p>分值</p></td>');
  });

  it('removes formatting and empty property elements, and keeps what mammoth reads', () => {
    const xml = documentXml(wordFormatting());
    const { xml: slim } = prepassPart(xml, 'word/document.xml');
    const { xml: full } = prepassPart(xml, 'word/document.xml', 0, { slim: false });
    expect(slim.length).toBeLessThan(full.length * 0.6);
    for (const gone of ['<w:sz ', '<w:rFonts', '<w:tcW', '<w:tblGrid', '<w:sectPr', '<w:proofErr', '<w:jc ', '<w:lastRenderedPageBreak', '<w:pPrChange', '<w:rPrChange']) {
      expect(full, gone).toContain(gone);
      expect(slim, gone).not.toContain(gone);
    }
    // Property elements left empty go too: only the three cells with a span or a merge keep a tcPr.
    expect(slim).not.toMatch(/<w:(pPr|rPr|tcPr|trPr|tblPr)><\/w:\1>/u);
    expect(slim.split('<w:tcPr>').length - 1).toBe(3);
    for (const kept of ['<w:b/>', '<w:i/>', '<w:u w:val', '<w:strike/>', '<w:vertAlign', '<w:caps/>', '<w:smallCaps/>', '<w:highlight', '<w:rStyle', '<w:pStyle', '<w:numPr>', '<w:ilvl', '<w:numId', '<w:tblHeader/>', '<w:del ', '<w:gridSpan', '<w:vMerge', '<w:tblStyle']) {
      expect(slim, kept).toContain(kept);
    }
  });

  it('leaves elements outside property elements alone', () => {
    expect(mammothSkips('rPr', 'sz')).toBe(true);
    expect(mammothSkips('rPr', 'b')).toBe(false);
    expect(mammothSkips('p', 'r')).toBe(false);
    expect(mammothSkips('r', 'sz')).toBe(false);
    expect(mammothSkips('body', 'sectPr')).toBe(true);
  });
});
