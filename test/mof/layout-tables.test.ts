/**
 * MoF forms on pages laid out with tables: the form (its title paragraphs included) in the one cell of
 * a frame table, or in the article cell of a page that is a table (header, navigation, footer cells).
 * Each reads exactly as on the same page without the frame; provenance points into the grid the forms
 * were read from, where the frame is opened up. A table nested in a form's own cell stays in that form,
 * and a document without a frame keeps its own grid.
 */
import { describe, expect, it } from 'vitest';
import { htmlToGrid } from '../../src/parse/grid.js';
import { processDocument } from '../../src/process.js';
import { recognizeDocument } from '../../src/templates/index.js';
import { SEED_DOCX } from '../helpers/corpus.js';
import { convertDocx } from '../../src/convert/docx/index.js';
import { expectProvenance } from './provenance.js';
import { readingWithoutProvenance } from '../helpers/mof/read.js';
import { CLEAN_FORMS, documentById, formById, MOF_DOCUMENTS, renderHtml, type PageOptions, type Printable } from '../helpers/mof/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

const reading = readingWithoutProvenance;

const page = (x: Printable, options: PageOptions = {}) => processDocument({ bytes: utf8(renderHtml(x, options)), file: 'page.html' }, { keepHtml: true });

describe('a form inside a layout table', () => {
  const cases = [
    ...CLEAN_FORMS.slice(0, 4).map((f) => ({ id: f.id, x: f as Printable })),
    ...MOF_DOCUMENTS.filter((d) => d.expected === 'forms').map((d) => ({ id: d.id, x: d.parts as Printable })),
  ];

  it.each(cases.flatMap((c) => (['cell', 'chrome'] as const).map((frame) => ({ ...c, frame }))))('$id in a $frame frame reads as without it', async ({ x, frame }) => {
    const plain = await page(x);
    const framed = await page(x, { frame });
    expect(plain.status).toBe('ok');
    expect(framed.errorCode).toBeNull();
    expect(reading(framed)).toEqual(reading(plain));
    // The title and its year come from the paragraphs above the form inside the frame's cell.
    expect(framed.evaluations.every((e) => e.identity.title?.raw && e.identity.year?.value)).toBe(true);
    for (const ev of framed.evaluations) expectProvenance(ev, framed.grid!, null);
  });

  it('the frame is opened up only where it reveals a form: a frame around 决算 tables stays not-a-report', async () => {
    const framed = await page(documentById('final-accounts-tables-only').parts, { frame: 'cell' });
    expect(framed.status).toBe('failed');
    expect(framed.errorCode).toBe('not-a-report');
  });

  it('a frame in a frame is opened level by level', async () => {
    const form = formById(CLEAN_FORMS[0]!.id);
    const inner = renderHtml(form, { frame: 'cell' });
    const body = /<body>([\s\S]*)<\/body>/u.exec(inner)![1]!;
    const html = `<html><body><table><tr><td><p>上一篇</p></td></tr><tr><td>${body}</td></tr></table></body></html>`;
    const nested = await processDocument({ bytes: utf8(html), file: 'nested.html' });
    const plain = await page(form);
    expect(nested.errorCode).toBeNull();
    expect(reading(nested)).toEqual(reading(plain));
  });
});

describe('documents without a layout frame keep their grid', () => {
  it('a form whose cell holds a table is read from the grid as parsed, the nested table left in its cell', async () => {
    const form = CLEAN_FORMS[0]!;
    const html = renderHtml(form).replace(/(<td[^>]*>)(<span[^>]*>其他资金<\/span>)/u, '$1$2<table><tr><td>附表</td><td>1</td></tr></table>');
    expect(html).toContain('<td>附表</td>');
    const grid = htmlToGrid(html);
    const read = recognizeDocument(grid);
    expect(read.grid).toBe(grid);
    expect(read.forms).toHaveLength(1);
    const nestedIn = grid.tables[read.forms[0]!.claim.tables[0]!]!.cells.filter((c) => c.nested.length > 0);
    expect(nestedIn.map((c) => c.text)).toEqual(['其他资金']);
    const result = await processDocument({ bytes: utf8(html), file: 'nested-in-form.html' });
    expect(reading(result)).toEqual(reading(await page(form)));
  });

  it('the Hunan seed report and the multi-form documents read from their own grid', async () => {
    const seed = htmlToGrid((await convertDocx(SEED_DOCX)).html);
    expect(recognizeDocument(seed).grid).toBe(seed);
    for (const doc of MOF_DOCUMENTS) {
      const grid = htmlToGrid(renderHtml(doc.parts, { navTable: true }));
      expect(recognizeDocument(grid).grid, doc.id).toBe(grid);
    }
  });
});
