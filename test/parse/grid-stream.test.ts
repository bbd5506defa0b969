/**
 * The streaming grid builder (src/parse/grid.ts) gives exactly the grid the DOM-walking one gave
 * (test/helpers/grid-dom-reference.ts): the whole DocumentGrid deep-equal (tables, cells, spans, slots,
 * nested tables, paragraphs, lines, blocks), every slot pointing at the same anchor, and the same
 * too-complex error where the reference throws one. Inputs: the fixtures and the HTML of every fixture
 * builder (docx through the project's converter, Tika text through its converter, xlsx, the MoF and
 * variant HTML pages), 60 documents of the bench corpus in both formats, hand-written tag soup, the
 * limit cases, and seeded random tag soup.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEntry, corpusEntry } from '../../bench/corpus/generate.js';
import { ALL_CONSTRUCTS } from '../../scripts/fixtures/docx-constructs.js';
import { convertDocx } from '../../src/convert/docx/index.js';
import { tikaTextToHtml } from '../../src/convert/tika-text.js';
import { convertXlsx } from '../../src/convert/xlsx/index.js';
import type { DocumentGrid, GridTable } from '../../src/model/grid.js';
import { MAX_NESTING_DEPTH, MAX_TABLE_CELLS, MAX_TABLE_NESTING } from '../../src/model/limits.js';
import { htmlToGrid } from '../../src/parse/grid.js';
import { prng } from '../helpers/fuzz.js';
import { htmlToGridReference } from '../helpers/grid-dom-reference.js';
import { CLEAN_FORMS } from '../helpers/mof/catalogue.js';
import { renderDocx } from '../helpers/mof/docx.js';
import { MOF_DOCUMENTS } from '../helpers/mof/documents.js';
import { renderHtml } from '../helpers/mof/html.js';
import { renderTika } from '../helpers/mof/tika.js';
import { renderXlsx } from '../helpers/mof/xlsx.js';
import * as seedVariants from '../helpers/seed-variants.js';
import { ALL_VARIANT_FORMS, renderVariantDocx, renderVariantHtml, renderVariantTika } from '../helpers/variants/index.js';

type Outcome = { grid: { blocks: DocumentGrid['blocks']; tables: unknown[] } } | { error: { name: string; message: string; code: unknown; detail: unknown } };

/**
 * The grid with each slot written as the index of its anchor in the table's cells (null for none, -2
 * for a cell not among them): deep-equal without comparing a cell once per slot it covers (which is
 * exponential in the nesting of tables).
 */
function plain(tables: GridTable[]): unknown[] {
  return tables.map((t) => ({
    ...t,
    cells: t.cells.map((c) => ({ ...c, nested: plain(c.nested) })),
    slots: t.slots.map((row) => row.map((c) => (c === null ? null : t.cells.indexOf(c) === -1 ? -2 : t.cells.indexOf(c)))),
  }));
}

function outcome(build: (html: string) => DocumentGrid, html: string): Outcome {
  try {
    const grid = build(html);
    return { grid: { blocks: grid.blocks, tables: plain(grid.tables) } };
  } catch (e) {
    const err = e as Error & { code?: unknown; detail?: unknown };
    return { error: { name: err.name, message: err.message, code: err.code, detail: err.detail } };
  }
}

function expectSame(html: string, label = html.slice(0, 120)): Outcome {
  const expected = outcome(htmlToGridReference, html);
  const actual = outcome(htmlToGrid, html);
  expect(actual, label).toStrictEqual(expected);
  return actual;
}

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const docxHtml = async (bytes: Uint8Array) => (await convertDocx(bytes)).html;

describe('the streaming grid equals the DOM-walking grid', () => {
  it('on the fixtures and the seed variants', async () => {
    const seedText = fixture('seed.txt').toString('utf8');
    expectSame(tikaTextToHtml(seedText), 'seed.txt');
    expectSame(await docxHtml(new Uint8Array(fixture('seed.docx'))), 'seed.docx');
    const variants = Object.entries(seedVariants).filter(([name, fn]) => typeof fn === 'function' && name !== 'customRubric');
    expect(variants.length).toBeGreaterThan(5);
    for (const [name, fn] of variants) expectSame(tikaTextToHtml((fn as (t?: string) => string)()), name);
  });

  it('on every docx construct', async () => {
    for (const [name, build] of Object.entries(ALL_CONSTRUCTS)) expectSame(await docxHtml(build()), name);
  });

  it('on the MoF forms and documents as docx, HTML page, Tika text and xlsx', async () => {
    const printables = [...CLEAN_FORMS, ...MOF_DOCUMENTS.map((d) => d.parts)];
    for (const p of printables) {
      expectSame(await docxHtml(renderDocx(p)));
      expectSame(renderHtml(p, { navTable: true }));
      expectSame(tikaTextToHtml(renderTika(p)));
      expectSame(convertXlsx(renderXlsx(p)).html);
    }
  });

  it('on the provincial and rubric variant forms as docx, HTML page and Tika text', async () => {
    for (const form of ALL_VARIANT_FORMS) {
      expectSame(await docxHtml(renderVariantDocx(form)), form.id);
      expectSame(renderVariantHtml(form, { navTable: true }), form.id);
      expectSame(tikaTextToHtml(renderVariantTika(form)), form.id);
    }
  });

  it('on 60 bench-corpus documents, docx and Tika text', async () => {
    const dec = new TextDecoder();
    let tables = 0;
    for (let i = 0; i < 60; i++) {
      const entry = corpusEntry(i);
      const fromDocx = expectSame(await docxHtml(buildEntry(entry, 'docx')), `corpus ${i} docx`);
      expectSame(tikaTextToHtml(dec.decode(buildEntry(entry, 'txt'))), `corpus ${i} txt`);
      if ('grid' in fromDocx) tables += fromDocx.grid.tables.length;
    }
    expect(tables).toBeGreaterThan(60);
  });
});

const SNIPPETS: string[] = [
  '',
  'loose text only',
  '<p>a</p>text between<p>b</p>',
  '<p>one<p>two<p>three',
  '<p>a<br>b<br/>c</br>d</p>',
  '</p>after a stray close',
  '<h1>h</h1><h2>x<h3>y</h2>z',
  '<pre>  kept\n  spaces </pre><blockquote>q<p>inner</p></blockquote>',
  '<p data-line="4">four</p><p data-line="">empty</p><p data-line="x">nan</p><p data-line="0">zero</p>',
  '<p>&amp; &lt;b&gt; &nbsp;&#x4E2D;&#25991; &unknown; &amp</p>',
  '<P CLASS="x">upper</P><TABLE><TR><TD ROWSPAN=2>A<TD>B<TR><TD>C</TABLE>',
  '<p>评价类型：A<input type="checkbox" checked> B<input type="CheckBox"> C<input type="text"></p>',
  '<table><tr><td>a<input type="checkbox" checked>b</td><td><p>x<input type="checkbox">y</p></td></tr></table>',
  '<ul><li>one</li><li>two<ul><li>two.a</li><li>two.b<ol><li>deep</li></ol></li></ul>tail</li><li></li><li>  </li></ul>',
  '<ul><li><p>甲</p><p>乙</p></li><li></li></ul><table><tr><td><ol><li>a<ul><li>b</li></ul>c</li></ol></td></tr></table>',
  '<ul>text in list<li>item</li><p>para in list</p><b>bold</b></ul>',
  '<li data-line="3">x<p>p without line</p><p data-line="9">p with line</p><li data-line="5">sibling</li></li>',
  '<ol><li>a<li>b<li>c</ol>',
  '<li>item<table><tr><td>cell in item</td></tr></table>after</li>',
  '<li><div>div<ul><li>nested in div</li></ul></div><span>s<br>t</span></li>',
  '<li><ul></ul></li><li><ul><li></li></ul></li>',
  '<table><tr><td>a</td><td>b</td></tr><tr><td colspan="5">wide</td></tr></table>',
  '<table><tr><td rowspan="9">tall</td><td>b</td></tr><tr><td>c</td></tr></table>',
  '<table><tr><td rowspan="0">z</td><td colspan="-1">n</td><td colspan="abc">x</td><td colspan="2.7">f</td><td colspan="5000">big</td></tr></table>',
  '<table><tr><td rowspan="2" colspan="2">A</td><td>B</td></tr><tr><td>C</td></tr><tr><td>D</td><td>E</td><td>F</td></tr></table>',
  '<table><thead><tr><th>h1</th><th>h2</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
  '<table><caption>cap</caption><colgroup><col></colgroup><tr><td>a</td></tr>loose<p>para in table</p><div><tr><td>row in div</td></tr></div></table>',
  '<table><tbody><tbody><tr><td>section in section</td></tr></tbody></tbody></table>',
  '<table><tr><td>a<td>b<tr><td>c<td>d</table>',
  '<table><tr><td>unclosed cell<p>unclosed para<table><tr><td>inner',
  '<table><tr><td>x</td></tr></table><table><tr><td>y</td></tr></table>',
  '<table><tr><td>1<table><tr><td>1.1</td><td>1.2<table><tr><td>1.2.1</td></tr></table></td></tr></table>mid<table><tr><td>second nested</td></tr></table></td></tr></table>',
  '<table><tr><td><div>loose<span> more</span></div><p>para</p>tail<br>after br</td></tr></table>',
  '<table><tr><td>  \n </td><td><p></p></td><td></td></tr></table>',
  '<table><tr><td data-line="0">zero</td><td data-line="-3"><p data-line="0">p</p></td><td><p data-line="0">only p</p></td></tr></table>',
  '<table><tr><td data-line="7">a</td><td><p data-line="8">b</p><p>c</p></td><td>loose<p data-line="10">d</p></td></tr></table>',
  '<table><tr><td><ul><li data-line="2">x</li><li>y</li></ul>after list</td></tr></table>',
  '<table><tr><td><li>bare item</li><li>second</li></td></tr></table>',
  '<table><tr><th>head</th><td><th>th in td</th></td></tr></table>',
  '<table><tr><td><div><td>td in div in td</td></div></td></tr></table>',
  '<table><tr><td><tr><td>tr in td</td></tr></td></tr></table>',
  '<div><table><tr><td>in div</td></tr></table></div><span><p>p in span</p></span>',
  '<p>table in p<table><tr><td>cell</td></tr></table>after</p>',
  '<p><b>table in b in p<table><tr><td>cell</td></tr></table></b>after</p>',
  '<h2><li>li in heading</li></h2>',
  '<table><tr><td><script>var x = "<td>not a cell</td>";</script><style>td{}</style>visible</td></tr></table>',
  '<script><p>not a paragraph</p></script><style>p{}</style><p>real</p>',
  '<svg><style><p>in foreign style</p></style><p>in svg</p></svg><p>after</p>',
  '<li><script>x</script>item<style>y</style></li>',
  '<!-- comment --><p>a<!-- inner -->b</p><![CDATA[cdata]]><!doctype html><?xml version="1.0"?>',
  '<html><head><title>title <p> text</title></head><body><p>body</p></body></html>',
  '<textarea><p>in textarea</p></textarea><xmp><b>x</b></xmp><p>after</p>',
  '<table><tr><td>a</td></tr></table></td></tr></table><p>extra closes</p></div></li>',
  '<table><tr><td>cut in the middle<span class="x',
  '<p>cut in a tag name<spa',
  '<table><tr><td>a</td></tr><tr></tr><tr><td>c</td></tr></table>',
  '<table></table><table><tr></tr></table>',
  '<table><tr><td colspan="3" rowspan="3">big</td></tr><tr></tr><tr><td>x</td></tr><tr><td>y</td></tr></table>',
  '<select><option>a<option>b</select><input><button><p>in button</p></button>',
  '<dl><dt>t<dd>d<dt>t2</dl><p>x</p>',
  '<table><tr><td>1</td></tr><tbody><tr><td>2</td></tr></tbody><tr><td>3</td></tr><tfoot><tr><td>4</td></tr></tfoot></table>',
  '<table><tr><td rowspan="3">A</td><td rowspan="2">B</td><td>C</td></tr><tr><td colspan="2">D</td></tr><tr><td>E</td><td>F</td><td>G</td></tr></table>',
];

describe('hand-written tag soup', () => {
  it.each(SNIPPETS.map((s, i) => [i, s] as const))('snippet %i', (_i, html) => {
    expectSame(html);
  });
});

describe('the structure limits', () => {
  const nest = (open: string, close: string, n: number, inner = 'x') => `${open.repeat(n)}${inner}${close.repeat(n)}`;
  const cells = (n: number) => `<table><tr>${'<td>1</td>'.repeat(n)}</tr></table>`;
  const cases: [string, string, RegExp | null][] = [
    ['divs at the depth limit', nest('<div>', '</div>', MAX_NESTING_DEPTH), null],
    ['divs one past the depth limit', nest('<div>', '</div>', MAX_NESTING_DEPTH + 1), /elements nested more than 500 deep/u],
    ['20,000 divs, unclosed', nest('<div>', '', 20_000), /elements nested more than 500 deep/u],
    ['tables at the nesting limit', nest('<table><tr><td>', '</td></tr></table>', MAX_TABLE_NESTING), null],
    ['tables one past the nesting limit', nest('<table><tr><td>', '</td></tr></table>', MAX_TABLE_NESTING + 1), /tables nested more than 50 deep/u],
    ['10,000 nested tables', nest('<table><tr><td>', '</td></tr></table>', 10_000), /tables nested more than 50 deep/u],
    ['60 tables one after another, and 60 in one cell', nest('<table><tr><td>', '</td></tr></table>', 1).repeat(60) + `<table><tr><td>${cells(1).repeat(60)}</td></tr></table>`, null],
    ['cells at the limit', cells(MAX_TABLE_CELLS), null],
    ['header cells one past the limit', `<table><tr>${'<th>h</th>'.repeat(MAX_TABLE_CELLS + 1)}</tr></table>`, /more than 20000 table cells/u],
    ['cells one past the limit', cells(MAX_TABLE_CELLS + 1), /more than 20000 table cells/u],
    ['cells past the limit, then deep divs', cells(MAX_TABLE_CELLS + 5) + nest('<div>', '</div>', 600), /elements nested more than 500 deep/u],
    ['deep divs, then cells past the limit', nest('<div>', '</div>', 600) + cells(MAX_TABLE_CELLS + 5), /more than 20000 table cells/u],
    ['deep tables, then deep divs', nest('<table><tr><td>', '</td></tr></table>', 60) + nest('<div>', '</div>', 600), /elements nested more than 500 deep/u],
    ['deep divs, then deep tables', nest('<div>', '</div>', 600) + nest('<table><tr><td>', '</td></tr></table>', 60), /tables nested more than 50 deep/u],
    ['cells spread over rows, wide spans', `<table>${`<tr>${'<td colspan="1000">1</td>'.repeat(10)}</tr>`.repeat(MAX_TABLE_CELLS / 10 + 1)}</table>`, /more than 20000 table cells/u],
    ['deep nesting hidden in script', `<script>${'<div>'.repeat(600)}</script><p>ok</p>`, null],
    ['deep nesting inside a foreign style element', `<svg><style>${'<div>'.repeat(600)}</style></svg><p>ok</p>`, null],
    ['cells inside a foreign style element', `<svg><style>${cells(MAX_TABLE_CELLS + 1)}</style></svg>`, null],
    ['600 list items in a row (an item closes the one before)', `<ul>${nest('<li>', '</li>', 600)}</ul>`, null],
    ['deep nesting inside a paragraph and a list', `<p>${nest('<b>', '</b>', 300)}</p><ul>${nest('<li><ul>', '</ul></li>', 300)}</ul>`, /elements nested more than 500 deep/u],
    ['nested lists within the limit', `<ul>${nest('<li><ul>', '</ul></li>', 200)}</ul>`, null],
  ];
  it.each(cases)('%s', (_name, html, error) => {
    const got = expectSame(html, _name);
    if (error) expect('error' in got ? got.error.message : 'no error').toMatch(error);
    else expect('grid' in got ? 'grid' : got.error.message).toBe('grid');
  });
});

/** Random tag soup from the elements the builder treats specially, with spans, lines, entities and cuts. */
function tagSoup(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const names = ['table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'p', 'h2', 'pre', 'blockquote', 'li', 'ul', 'ol', 'div', 'span', 'b', 'caption', 'script', 'style', 'svg', 'title'];
  const texts = ['a', ' ', '\n', '甲乙', '&amp;', '&lt;td&gt;', '&#x4E2D;', '  x  ', '1.5'];
  const parts: string[] = [];
  const open: string[] = [];
  const n = 5 + Math.floor(random() * 60);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.4) {
      const name = pick(names);
      let attrs = '';
      if (random() < 0.3) attrs += ` rowspan="${pick(['0', '1', '2', '3', '9', 'x', '-2'])}"`;
      if (random() < 0.3) attrs += ` colspan="${pick(['1', '2', '4', '1001', 'y'])}"`;
      if (random() < 0.3) attrs += ` data-line="${pick(['1', '17', '', 'z'])}"`;
      parts.push(`<${random() < 0.1 ? name.toUpperCase() : name}${attrs}>`);
      open.push(name);
    } else if (r < 0.6 && open.length > 0) {
      parts.push(`</${random() < 0.8 ? open.pop()! : pick(names)}>`);
    } else if (r < 0.67) {
      parts.push(pick(['<br>', '</br>', '<input type="checkbox" checked>', '<input type="checkbox">', '<!-- c -->', '</p>']));
    } else parts.push(pick(texts));
  }
  if (random() < 0.5) while (open.length > 0) parts.push(`</${open.pop()!}>`);
  if (random() < 0.1) parts.push(pick(['<td class="cut', '<p', '</td']));
  return parts.join('');
}

describe('seeded random tag soup', () => {
  it('3,000 documents', () => {
    const random = prng(20260611);
    for (let i = 0; i < 3000; i++) expectSame(tagSoup(random), `soup ${i}`);
  });
});
