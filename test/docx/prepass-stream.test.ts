import { describe, expect, it } from 'vitest';
import { prepassPart } from '../../src/convert/docx/prepass.js';
import { applyEdits } from '../../src/convert/docx/stream.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const doc = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const marker = (id: number, key: string) => `<w:bookmarkStart w:id="${900_000_000 + id}" w:name="_selfeval_cell_${key}"/>`;

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'ok';
}

describe('docx pre-pass: one streaming pass of splice edits', () => {
  it('puts the cell marker after the tcPr, at the start of a cell without one, and opens a self-closing cell', () => {
    const r = prepassPart(doc('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc/></w:tr></w:tbl>'), 'p');
    expect(r.xml).toBe(
      DECL +
        doc(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${marker(0, '0_0')}<w:p/></w:tc><w:tc>${marker(1, '0_1')}<w:p/></w:tc><w:tc>${marker(2, '0_2')}</w:tc></w:tr></w:tbl>`),
    );
    expect(r.tables[0]!.rows[0]!.cells.map((c) => c.span)).toEqual([2, 1, 1]);
  });

  it('leaves a deleted row untouched even when its trPr comes after the cells', () => {
    const row = '<w:tr><w:tc><w:p/></w:tc><w:bookmarkEnd w:id="1"/><w:trPr><w:del w:id="2"/></w:trPr></w:tr>';
    const r = prepassPart(doc(`<w:tbl>${row}<w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`), 'p', 5);
    expect(r.xml).toBe(DECL + doc(`<w:tbl>${row}<w:tr><w:tc>${marker(0, '5_0')}<w:p/></w:tc></w:tr></w:tbl>`));
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.rows).toHaveLength(1);
  });

  it('drops a drawing without a text box with everything recorded inside it, keeps one with a text box', () => {
    const inner = '<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>';
    const r = prepassPart(doc(`<w:p><w:r><w:drawing><a:x xmlns:a="a">${inner}</a:x></w:drawing><w:drawing><w:txbxContent>${inner}</w:txbxContent></w:drawing></w:r></w:p>`), 'p');
    expect(r.xml).toBe(DECL + doc(`<w:p><w:r><w:drawing><w:txbxContent><w:tbl><w:tr><w:tc>${marker(0, '0_0')}<w:p/></w:tc></w:tr></w:tbl></w:txbxContent></w:drawing></w:r></w:p>`));
    expect(r.tables.map((t) => t.id)).toEqual([0]);
  });

  it('maps symbol text by the run font wherever the rPr is, and normalises comments and CDATA', () => {
    const r = prepassPart(`<?xml version="1.0"?><!--a-->${doc('<w:p><w:r><w:t>&#xF0A8;<![CDATA[<&>]]></w:t><w:rPr><w:rFonts w:ascii="Wingdings"/></w:rPr><!--b--><w:sym w:font="Wingdings 2" w:char="F052"/></w:r></w:p>')}\n<!--c-->`, 'p', 0, { slim: false });
    expect(r.xml).toBe(DECL + doc('<w:p><w:r><w:t>□&lt;&amp;&gt;</w:t><w:rPr><w:rFonts w:ascii="Wingdings"/></w:rPr><w:t>☑</w:t></w:r></w:p>'));
  });

  it('resolves namespaces by scope, with the document prefix for what it writes', () => {
    const x = `<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><w:tbl xmlns:w="other"/><y:p xmlns:y="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><y:r><y:sym y:font="Wingdings" y:char="F0FE"/></y:r></y:p></x:body></x:document>`;
    const r = prepassPart(x, 'p');
    expect(r.tables).toEqual([]);
    expect(r.xml).toContain('<y:r><x:t>☑</x:t></y:r>');
  });

  it('refuses malformed parts as corrupt, a DOCTYPE with its own code', () => {
    expect(codeOf(() => prepassPart('<w:document><w:body>', 'p'))).toBe('corrupt-zip');
    expect(codeOf(() => prepassPart(doc('<q:x/>'), 'p'))).toBe('corrupt-zip');
    expect(codeOf(() => prepassPart(doc('<w:p q:a="1"/>'), 'p'))).toBe('corrupt-zip');
    expect(codeOf(() => prepassPart(doc('<w:p a="1" a="2"/>'), 'p'))).toBe('corrupt-zip');
    expect(codeOf(() => prepassPart(`<!DOCTYPE x>${doc('')}`, 'p'))).toBe('xml-doctype');
    expect(codeOf(() => prepassPart(`<!-- <x> --><!DOCTYPE x>${doc('')}`, 'p'))).toBe('xml-doctype');
  });

  it('applies edits in order, insertions before a range at the same place, nothing inside a replaced range', () => {
    expect(
      applyEdits('abcdefgh', [
        { start: 2, end: 6, text: 'X' },
        { start: 3, end: 4, text: 'Y' },
        { start: 2, end: 2, text: '<' },
        { start: 6, end: 6, text: '>' },
      ]),
    ).toBe('ab<X>gh');
  });
});
