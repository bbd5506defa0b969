/**
 * What a reader of a web page does not see is not read: Word's "save as web page" hidden text
 * (display:none; mso-hide:all), tracked deletions (<del>), footnote reference marks, soft hyphens and
 * zero-width characters inside numbers.
 */
import { describe, expect, it } from 'vitest';
import { htmlToGrid } from '../../src/parse/grid.js';
import { processDocument } from '../../src/process.js';
import { formById } from '../helpers/mof/catalogue.js';
import { renderHtml } from '../helpers/mof/html.js';
import { readingWithoutProvenance } from '../helpers/mof/read.js';

const cells = (html: string) => htmlToGrid(html).tables[0]!.cells.map((c) => c.text);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Every number cell of a rendered MoF page, rewritten by `edit`. */
const editNumbers = (page: string, edit: (text: string) => string) =>
  page.replace(/(<span style="font-family:宋体;font-size:12px">)([≥≤=]?\d[\d.,]*%?)(<\/span>)/gu, (_m, open: string, text: string, close: string) => open + edit(text) + close);

describe('the grid reads what a reader sees', () => {
  it('leaves out display:none / mso-hide:all / hidden elements, <del>, and note references', () => {
    const html =
      "<table><tr><td><span style='display:none;mso-hide:all'>888</span>1200</td>" +
      '<td><span style="mso-hide: all">9</span>85.2</td><td><span hidden>x</span>10</td>' +
      '<td><del cite="mailto:a" datetime="2023-01-01T00:00">777</del><ins>1435.7</ins></td>' +
      '<td>1320.644<a href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a></td>' +
      '<td>91.99%<sup><a href="#footnote-2" id="footnote-ref-2">[2]</a></sup></td>' +
      '</tr></table>';
    expect(cells(html)).toEqual(['1200', '85.2', '10', '1435.7', '1320.644', '91.99%']);
  });

  it('reads hidden rows and cells, as hidden rows and columns of a workbook: spans around them count them', () => {
    const html =
      '<table><tr><td rowspan="3">项目资金</td><td>年度资金总额</td><td>100</td></tr>' +
      "<tr style='display:none'><td>其中：当年财政拨款</td><td style='display:none'>60</td></tr><tr><td>上年结转资金</td><td>40</td></tr></table>";
    const t = htmlToGrid(html).tables[0]!;
    expect(t.rowCount).toBe(3);
    expect(t.cells.map((c) => `${c.row},${c.col} ${c.text}`)).toEqual(['0,0 项目资金', '0,1 年度资金总额', '0,2 100', '1,1 其中：当年财政拨款', '1,2 60', '2,1 上年结转资金', '2,2 40']);
  });

  it('drops soft hyphens and zero-width characters', () => {
    expect(cells('<table><tr><td>12&shy;00.000</td><td>14\u200b35.7</td><td>\ufeff执行率</td><td>年初&#8288;预算数</td></tr></table>')).toEqual(['1200.000', '1435.7', '执行率', '年初预算数']);
  });

  it('keeps what is shown: other styles, struck-out text, superscripts, ordinary links', () => {
    const html =
      '<table><tr><td><span style="display:inline;font-family:宋体">1200</span></td><td><s>旧</s>新</td>' +
      '<td>100m<sup>2</sup></td><td><a href="http://example.gov.cn/a.html">链接</a></td><td style="mso-hide:screen">打印</td></tr></table>';
    expect(cells(html)).toEqual(['1200', '旧新', '100m2', '链接', '打印']);
  });
});

describe('an MoF page with hidden text and tracked deletions reads as the plain page', () => {
  it.each([
    ['hidden spans', (t: string) => `<span style='display:none;mso-hide:all'>888</span>${t}`],
    ['tracked deletions', (t: string) => `<del cite="mailto:a" datetime="2023-01-01T00:00">777</del><ins cite="mailto:a">${t}</ins>`],
    ['soft hyphens', (t: string) => (t.length < 3 ? t : `${t.slice(0, 2)}&shy;${t.slice(2)}`)],
  ])('%s', async (_name, edit) => {
    const page = renderHtml(formById('project-road-wan'));
    const plain = await processDocument({ bytes: utf8(page), file: 'a.html' });
    const edited = await processDocument({ bytes: utf8(editNumbers(page, edit)), file: 'a.html' });
    expect(plain.evaluations[0]!.funds!.lines[0]!.initialBudget?.value).toBe('1200');
    expect(readingWithoutProvenance(edited)).toEqual(readingWithoutProvenance(plain));
  });
});
