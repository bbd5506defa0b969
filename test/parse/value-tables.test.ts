/**
 * A value written in a one-cell table of its own inside a form's cell (a figure pasted as a table, a
 * CMS editor's box) is that cell's value. It read as an empty cell: every amount lost, no finding.
 */
import { describe, expect, it } from 'vitest';
import { htmlToGrid } from '../../src/parse/grid.js';
import { inlineValueTables } from '../../src/parse/unwrap.js';
import { processDocument } from '../../src/process.js';
import { readTables, type TablesRead } from '../../src/index.js';
import { formById } from '../helpers/mof/catalogue.js';
import { renderHtml } from '../helpers/mof/html.js';
import { readingWithoutProvenance } from '../helpers/mof/read.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const boxed = (page: string) =>
  page.replace(/<span style="font-family:宋体;font-size:12px">([≥≤=]?\d[\d.,]*%?)<\/span>/gu, (_m, t: string) => `<table width="100%"><tr><td>${t}</td></tr></table>`);

describe('values in one-cell tables of their own', () => {
  it('reads an MoF page whose every figure is boxed in a one-cell table exactly as the plain page, at the outer cells', async () => {
    const page = renderHtml(formById('project-road-wan'));
    expect(boxed(page)).not.toBe(page);
    const plain = await processDocument({ bytes: utf8(page), file: 'a.html' });
    const read = await processDocument({ bytes: utf8(boxed(page)), file: 'a.html' });
    expect(readingWithoutProvenance(read)).toEqual(readingWithoutProvenance(plain));
    expect(read.evaluations[0]!.funds!.lines[0]!.budget).toMatchObject({ value: '1435.7', src: plain.evaluations[0]!.funds!.lines[0]!.budget!.src });
  });

  it('inlines only a lone one-cell table in a cell without text of its own', () => {
    const grid = htmlToGrid(
      '<table><tr><td><table><tr><td>1200</td></tr></table></td>' +
        '<td>合计<table><tr><td>5</td></tr></table></td>' +
        '<td><table><tr><td>1</td><td>2</td></tr></table></td>' +
        '<td><table><tr><td>3</td></tr></table><table><tr><td>4</td></tr></table></td></tr></table>',
    );
    const t = inlineValueTables(grid).tables[0]!;
    expect(t.cells.map((c) => [c.text, c.nested.length])).toEqual([['1200', 0], ['合计', 1], ['', 1], ['', 2]]);
    expect(t.slots[0]![0]).toBe(t.cells[0]);
    expect(inlineValueTables(htmlToGrid('<table><tr><td>1</td></tr></table>'))).toEqual(htmlToGrid('<table><tr><td>1</td></tr></table>'));
  });

  it('leaves the tables of `selfeval tables` as they are: the nested table stays in its cell', async () => {
    const r = (await readTables({ bytes: utf8('<table><tr><td>预算</td><td><table><tr><td>1200</td></tr></table></td></tr></table>'), file: 'a.html' })) as TablesRead;
    expect(r.tables[0]!.cells[1]).toMatchObject({ text: '', tables: [{ rows: 1, cols: 1 }] });
  });
});
