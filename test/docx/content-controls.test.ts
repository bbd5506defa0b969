/**
 * An empty content control shows its placeholder ("单击或点击此处输入文字。", w:showingPlcHdr): the form's
 * prompt, not a value. Read as text it became the project's name. A filled control's text is read.
 */
import { describe, expect, it } from 'vitest';
import { buildDocx, p, run, tbl } from '../../scripts/fixtures/ooxml.js';
import { processDocument } from '../../src/process.js';
import { formById } from '../helpers/mof/catalogue.js';
import { bodyXml } from '../helpers/mof/docx.js';
import { anchors, convert } from './helpers.js';

const PROMPT = '单击或点击此处输入文字。';
const control = (text: string, showing: string | null) =>
  `<w:sdt><w:sdtPr><w:alias w:val="项目名称"/>${showing === null ? '' : `<w:showingPlcHdr${showing}/>`}<w:text/></w:sdtPr><w:sdtContent>${run(text, '<w:rStyle w:val="PlaceholderText"/>')}</w:sdtContent></w:sdt>`;

describe('content controls', () => {
  it('drops the placeholder of an empty control; keeps a filled one, and showingPlcHdr w:val="0"', async () => {
    const { grid } = await convert(
      buildDocx(
        tbl(4, [
          { cells: [{ text: p(control(PROMPT, '')) }, { text: p(control('智慧平台', null)) }, { text: p(control('12.5', ' w:val="0"')) }, { text: p('前', control(PROMPT, ' w:val="true"'), '后') }] },
        ]) + p(control(PROMPT, '')),
      ),
    );
    expect(anchors(grid.tables[0]!)).toEqual(['0,0 1x1 ', '0,1 1x1 智慧平台', '0,2 1x1 12.5', '0,3 1x1 前后']);
    expect(grid.blocks.some((b) => b.text.includes(PROMPT))).toBe(false);
  });

  it('reads an MoF form whose 实施单位 is an empty control as having no 实施单位, not the prompt', async () => {
    const form = formById('project-road-wan');
    const body = bodyXml(form).replace(`>${form.unit}<`, '><').replace(/<w:r>((?:(?!<\/w:r>).)*)<w:t xml:space="preserve"><\/w:t><\/w:r>/u, control(PROMPT, ''));
    expect(body).toContain(PROMPT);
    const result = await processDocument({ bytes: buildDocx(body), file: 'a.docx' });
    const identity = result.evaluations[0]!.identity;
    expect(JSON.stringify(identity)).not.toContain(PROMPT);
    expect(identity.projectName?.value).toBe(form.projectName);
  });
});
