/**
 * The fast XML reader (xml-lexer.ts) against saxes: on every part of every docx and xlsx the tests
 * build, on hand-written edge cases and on thousands of mutated parts, the stream makes the same handler
 * calls and edits, or fails with the same error, whichever reader reads the part. And the fast reader
 * does read the parts Word writes (otherwise the comparison would only ever test saxes against itself).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEntry, corpusEntry } from '../../bench/corpus/generate.js';
import { ALL_CONSTRUCTS } from '../../scripts/fixtures/docx-constructs.js';
import { XmlStream } from '../../src/convert/docx/stream.js';
import { MAX_FAST_CHARS, lexXml } from '../../src/convert/docx/xml-lexer.js';
import { decodeXml } from '../../src/convert/docx/xml.js';
import { listZipEntries, readZipEntry } from '../../src/ingest/zip.js';
import { MAX_NESTING_DEPTH } from '../../src/model/limits.js';
import { prng } from '../helpers/fuzz.js';
import { CLEAN_FORMS } from '../helpers/mof/catalogue.js';
import { renderDocx } from '../helpers/mof/docx.js';
import { renderXlsx } from '../helpers/mof/xlsx.js';

function record(xml: string, reader: 'fast' | 'saxes'): unknown {
  const calls: unknown[] = [];
  const stream = new XmlStream(xml, 'part.xml', reader);
  try {
    const edits = stream.run({
      open: (t) => calls.push(['open', t.name, t.uri, t.local, { ...t.attrs }, t.start, t.end, t.selfClosing, stream.attr(t, 'val', 'http://schemas.openxmlformats.org/wordprocessingml/2006/main') ?? null]),
      close: (t, start, end) => calls.push(['close', t.name, start, end]),
      text: (text) => calls.push(['text', text]),
    });
    return { calls: mergeTexts(calls), edits };
  } catch (e) {
    const err = e as Error & { code?: unknown; detail?: unknown };
    return { error: { name: err.name, message: err.message, code: err.code, detail: err.detail } };
  }
}

/** Adjacent text calls as one: how a run of text is cut into calls is not part of the contract. */
function mergeTexts(calls: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const c of calls) {
    const last = out.at(-1) as unknown[] | undefined;
    if ((c as unknown[])[0] === 'text' && last?.[0] === 'text') last[1] = `${last[1] as string}${(c as unknown[])[1] as string}`;
    else out.push(c);
  }
  return out;
}

function expectSame(xml: string, label = xml.slice(0, 100)): unknown {
  const fast = record(xml, 'fast');
  expect(fast, label).toStrictEqual(record(xml, 'saxes'));
  return fast;
}

/** Every XML part of an OOXML package. */
function xmlParts(zip: Uint8Array): string[] {
  return listZipEntries(zip)
    .filter((e) => /\.(xml|rels)$/u.test(e.name))
    .map((e) => decodeXml(readZipEntry(zip, e)));
}

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

describe('fast XML reader', () => {
  it('reads what Word and Excel write, as saxes does', () => {
    const packages = [fixture('seed.docx'), ...Object.values(ALL_CONSTRUCTS).map((build) => build()), ...CLEAN_FORMS.flatMap((f) => [renderDocx(f), renderXlsx(f)])];
    for (let i = 0; i < 30; i++) packages.push(buildEntry(corpusEntry(i), 'docx'));
    let fastParts = 0;
    for (const zip of packages) {
      for (const xml of xmlParts(zip)) {
        expectSame(xml);
        if (lexXml(xml) !== null) fastParts++;
      }
    }
    const documentXml = xmlParts(fixture('seed.docx')).find((x) => x.includes('<w:document'))!;
    expect(lexXml(documentXml)).not.toBeNull();
    expect(fastParts).toBeGreaterThan(packages.length * 3);
  });

  const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const doc = (body: string) => `${DECL}<w:document ${W}><w:body>${body}</w:body></w:document>`;

  it.each([
    ['entities and character references in text', doc('<w:t>a &amp; b &lt;c&gt; &quot;d&apos; &#x4E2D;&#25991; &#128512;</w:t>')],
    ['attribute values: references, tabs and newlines', doc('<w:p w:val="a\tb\nc &#10; &#9; &amp;" w:x=\'q"\' w:y = "1"/>')],
    ['">" in an attribute value and in text', doc('<w:t w:val="a>b">x > y</w:t>')],
    ['comments before, inside and after the root', `${DECL}<!-- a --><w:document ${W}><!----><w:body><w:p/><!-- b - c --></w:body></w:document>\n<!-- d -->\n`],
    ['no declaration, a self-closing root', `<w:document ${W}/>`],
    ['declaration variants', `<?xml version='1.0'?><w:document ${W}/>`],
    ['white space in tags', `<w:document ${W} ><w:body ></w:body ></w:document\n>`],
    ['entities named like object properties', doc('<w:t>&constructor;&__proto__;</w:t><w:p w:val="&toString;"/>')],
    ['attributes named like object properties', doc('<w:p constructor="1" toString="2" __proto__="3" w:val="4"/>')],
    ['astral characters before tags', doc('<w:t>😀😀</w:t><w:p w:val="😀"/>')],
    ['CDATA (read by saxes)', doc('<w:t><![CDATA[a <b> & c]]></w:t>')],
    ['a processing instruction (read by saxes)', doc('<?pi data?><w:p/>')],
    ['carriage returns (read by saxes)', doc('<w:t>a\r\nb\rc</w:t><w:p w:val="a\r\nb"/>')],
    ['non-ASCII names (read by saxes)', doc('<w:段落 w:值="1"/>')],
    ['an unbound prefix', doc('<x:p/>')],
    ['a prefix declared after its use in the same tag', doc('<w:p x:a="1" xmlns:x="urn:x"/>')],
    ['strict OOXML namespace', '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'],
    ['mismatched tags', doc('<w:p></w:r>')],
    ['an unclosed element', `${DECL}<w:document ${W}><w:body>`],
    ['a duplicate attribute', doc('<w:p w:a="1" w:a="2"/>')],
    ['an undefined entity', doc('<w:t>&nbsp;</w:t>')],
    ['a bare ampersand', doc('<w:t>a & b</w:t>')],
    ['an invalid character reference', doc('<w:t>&#0;&#xD800;</w:t>')],
    ['"<" in an attribute value', doc('<w:p w:val="a<b"/>')],
    ['attributes without white space between them', doc('<w:p w:a="1"w:b="2"/>')],
    ['an unquoted attribute', doc('<w:p w:a=1/>')],
    ['text before the root', `${DECL}x<w:document ${W}/>`],
    ['text after the root', `<w:document ${W}/>x`],
    ['two roots', `<w:document ${W}/><w:document ${W}/>`],
    ['"--" in a comment', doc('<!-- a -- b -->')],
    ['"]]>" in text', doc('<w:t>a]]>b</w:t>')],
    ['a control character', doc('<w:t>a\u0001b</w:t>')],
    ['an unpaired surrogate', doc('<w:t>a\uD800b</w:t>')],
    ['a DOCTYPE', `<!DOCTYPE x><w:document ${W}/>`],
    ['a declaration not at the start', ` ${DECL}<w:document ${W}/>`],
    ['a bad declaration', `<?xml version="2.0"?><w:document ${W}/>`],
    ['no root', DECL],
    ['an empty part', ''],
    ['nesting beyond the limit', doc('<w:p>'.repeat(MAX_NESTING_DEPTH + 5) + '</w:p>'.repeat(MAX_NESTING_DEPTH + 5))],
  ])('%s', (_, xml) => {
    expectSame(xml);
  });

  it('leaves a part too long to hold its events at once to saxes, which streams it', () => {
    const paragraphs = Math.ceil(MAX_FAST_CHARS / 40);
    const big = doc('<w:p><w:r><w:t>一二三四五六七八九十</w:t></w:r></w:p>'.repeat(paragraphs));
    expect(big.length).toBeGreaterThan(MAX_FAST_CHARS);
    expect(lexXml(big)).toBeNull();
    let calls = 0;
    new XmlStream(big, 'big.xml').run({ open: () => calls++, close: () => calls++, text: () => calls++ });
    // Per paragraph: three elements opened and closed and one text; and the document and its body.
    expect(calls).toBe(paragraphs * 7 + 4);
  });

  it('reports what a handler throws as the saxes way does', () => {
    const xml = doc('<w:p/>');
    const outcome = (reader: 'fast' | 'saxes') => {
      try {
        new XmlStream(xml, 'part.xml', reader).run({
          open: (t) => {
            if (t.local === 'p') throw new RangeError('Invalid string length');
          },
          close: () => {},
          text: () => {},
        });
        return 'ok';
      } catch (e) {
        return `${(e as { code?: string }).code}: ${(e as Error).message}`;
      }
    };
    expect(outcome('fast')).toBe(outcome('saxes'));
    expect(outcome('fast')).toMatch(/^corrupt-zip: /u);
  });

  it('takes the fast way only on plain parts', () => {
    expect(lexXml(doc('<w:t>a &amp; b</w:t>'))).not.toBeNull();
    expect(lexXml(doc('<w:t><![CDATA[x]]></w:t>'))).toBeNull();
    expect(lexXml(doc('<w:p></w:r>'))).toBeNull();
    expect(lexXml(doc('<w:t>a\r\nb</w:t>'))).toBeNull();
  });

  it('agrees with saxes on 3,000 mutated parts', () => {
    const base = xmlParts(fixture('seed.docx')).find((x) => x.includes('<w:document'))!;
    // A window of the document (whole elements around it are cut through: most mutants are broken,
    // and some are still well-formed), then a few characters XML treats specially put in or taken out.
    const pieces = ['<', '>', '/', '&', ';', '&amp;', '&#x41;', '&#0;', '"', "'", '=', ' ', '\t', '\n', '\r', '!', '-', '--', '?', ':', 'w:', '</w:t>', '<w:t>', '<w:p/>', '<![CDATA[', ']]>', '中', '😀', '\uD800', '\u0001'];
    const random = prng(20261130);
    let fast = 0;
    let ok = 0;
    for (let i = 0; i < 3000; i++) {
      const start = base.indexOf('<w:p ', Math.floor(random() * (base.length - 2000)));
      const end = base.indexOf('</w:p>', start + Math.floor(random() * 1500)) + 6;
      let xml = `<w:document ${W}><w:body>${base.slice(start, end)}</w:body></w:document>`;
      const edits = 1 + Math.floor(random() * 3);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(random() * xml.length);
        const cut = random() < 0.5 ? Math.floor(random() * 4) : 0;
        const piece = random() < 0.8 ? pieces[Math.floor(random() * pieces.length)]! : '';
        xml = xml.slice(0, at) + piece + xml.slice(at + cut);
      }
      const result = expectSame(xml, `mutant ${i}`);
      if (lexXml(xml) !== null) fast++;
      if (!('error' in (result as object))) ok++;
    }
    // Both outcomes are exercised: mutants that stay well-formed (most through the fast reader) and
    // broken ones.
    expect(fast).toBeGreaterThan(300);
    expect(ok).toBeGreaterThan(300);
    expect(ok).toBeLessThan(2700);
  });
});
