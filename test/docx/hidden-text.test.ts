/**
 * Text Word does not show is not read: runs formatted hidden (w:vanish), and footnote reference marks
 * after a number. Hidden text read as shown turned "1200" into "8881200" without any finding.
 */
import { describe, expect, it } from 'vitest';
import { buildDocx, footnoteRef, p, run, tbl } from '../../scripts/fixtures/ooxml.js';
import { processDocument } from '../../src/process.js';
import { formById } from '../helpers/mof/catalogue.js';
import { bodyXml } from '../helpers/mof/docx.js';
import { readingWithoutProvenance } from '../helpers/mof/read.js';
import { anchors, convert, paragraphs } from './helpers.js';

const hidden = (text: string, val = '') => run(text, `<w:vanish${val}/>`);

/** Every amount, rate and score cell of a rendered MoF form, rewritten by `edit` (its rPr and text). */
function editNumbers(xml: string, edit: (rPr: string, text: string) => string): string {
  return xml.replace(
    /<w:r><w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t xml:space="preserve">([≥≤=]?\d[\d.,]*%?)<\/w:t><\/w:r>/gu,
    (_m, rPr: string, text: string) => edit(rPr, text),
  );
}
const r = (rPr: string, text: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('hidden text (w:vanish) is not read', () => {
  it('drops hidden runs in cells and paragraphs; w:vanish w:val="0" or "false" is shown text', async () => {
    const { grid, messages } = await convert(
      buildDocx(
        p('报告', hidden('（内部）'), '正文') +
          tbl(3, [{ cells: [{ text: p(hidden('888'), '1200') }, { text: p('9', hidden('.5'), '0') }, { text: p(hidden('甲', ' w:val="0"'), hidden('乙', ' w:val="false"')) }] }]),
      ),
    );
    expect(messages).toEqual([]);
    expect(paragraphs(grid)).toEqual(['报告正文']);
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x1 1200', '0,1 1x1 90', '0,2 1x1 甲乙']);
  });

  it('reads an MoF form with a hidden number before every value exactly as the plain form', async () => {
    const form = formById('project-road-wan');
    const plain = await processDocument({ bytes: buildDocx(bodyXml(form)), file: 'a.docx' });
    const withHidden = await processDocument({ bytes: buildDocx(editNumbers(bodyXml(form), (rPr, t) => r(`${rPr}<w:vanish/>`, '888') + r(rPr, t))), file: 'a.docx' });
    expect(plain.evaluations[0]!.funds!.lines[0]!.budget?.value).toBe('1435.7');
    expect(readingWithoutProvenance(withHidden)).toEqual(readingWithoutProvenance(plain));
  });
});

describe('footnote references are not part of a cell value', () => {
  it('reads "1435.700" followed by a footnote reference as 1435.7, the note itself kept after the body', async () => {
    const form = formById('project-road-wan');
    const plain = await processDocument({ bytes: buildDocx(bodyXml(form)), file: 'a.docx' });
    const noted = await processDocument({
      bytes: buildDocx(editNumbers(bodyXml(form), (rPr, t) => r(rPr, t) + footnoteRef(1)), { footnotes: [p('注：调整后预算')] }),
      file: 'a.docx',
    });
    expect(noted.findings.filter((f) => f.rule === 'extract-unreadable')).toEqual([]);
    expect(readingWithoutProvenance(noted)).toEqual(readingWithoutProvenance(plain));
    const { grid } = await convert(buildDocx(tbl(1, [{ cells: [{ text: p('1435.700', footnoteRef(1)) }] }]), { footnotes: [p('注：调整后预算')] }));
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x1 1435.700']);
    expect(paragraphs(grid).some((t) => t.includes('注：调整后预算'))).toBe(true);
  });
});

describe('smart tags and custom XML wrappers', () => {
  it('reads the runs inside w:smartTag with its w:smartTagPr without an extract-mammoth message', async () => {
    const tagged = `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv"><w:smartTagPr><w:attr w:name="UnitName" w:val="万元"/></w:smartTagPr>${run('1200')}</w:smartTag>`;
    const custom = `<w:customXml w:element="amount"><w:customXmlPr><w:attr w:name="a" w:val="b"/></w:customXmlPr>${run('85.2')}</w:customXml>`;
    const { grid, messages } = await convert(buildDocx(tbl(2, [{ cells: [{ text: p(tagged, '万元') }, { text: p(custom) }] }])));
    expect(messages).toEqual([]);
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x1 1200万元', '0,1 1x1 85.2']);
  });
});
