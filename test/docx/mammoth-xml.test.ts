/**
 * mammoth's element trees made from the fast reader's events (mammoth-xml.ts) against the ones its own
 * reader makes (xmldom): equal on every XML part of the packages the tests build, on what the pre-pass
 * hands mammoth, and on mutated parts; a part the fast reader does not take is read by mammoth itself.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildEntry, corpusEntry } from '../../bench/corpus/generate.js';
import { ALL_CONSTRUCTS } from '../../scripts/fixtures/docx-constructs.js';
import { loadMammoth } from '../../src/convert/docx/mammoth-load.js';
import { fastReadString, mammothTree, type MammothNodes, type ReadString } from '../../src/convert/docx/mammoth-xml.js';
import { prepassPart } from '../../src/convert/docx/prepass.js';
import { lexXml } from '../../src/convert/docx/xml-lexer.js';
import { decodeXml } from '../../src/convert/docx/xml.js';
import { listZipEntries, readZipEntry } from '../../src/ingest/zip.js';
import { prng } from '../helpers/fuzz.js';
import { CLEAN_FORMS } from '../helpers/mof/catalogue.js';
import { renderDocx } from '../helpers/mof/docx.js';
import { renderXlsx } from '../helpers/mof/xlsx.js';

const require = createRequire(import.meta.url);
const original = (require('mammoth/lib/xml/reader.js') as { readString: ReadString }).readString;
const nodes = require('mammoth/lib/xml/nodes.js') as MammothNodes;

/** Part of the map mammoth's office-xml-reader uses (it is not exported), and a namespace outside it. */
const MAP = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'relationships',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
};

async function expectSameTree(xml: string, label: string): Promise<boolean> {
  const fast = mammothTree(xml, MAP, nodes);
  if (fast === null) return false;
  expect(fast, label).toStrictEqual(await original(xml, MAP));
  expect(mammothTree(xml, {}, nodes), `${label} (no map)`).toStrictEqual(await original(xml, {}));
  return true;
}

function xmlParts(zip: Uint8Array): [string, string][] {
  return listZipEntries(zip)
    .filter((e) => /\.(xml|rels)$/u.test(e.name))
    .map((e) => [e.name, decodeXml(readZipEntry(zip, e))]);
}

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));

describe("mammoth's XML read from the fast reader's events", () => {
  it('makes the tree mammoth makes, on every part and on what the pre-pass gives mammoth', async () => {
    const packages = [fixture('seed.docx'), ...Object.values(ALL_CONSTRUCTS).map((build) => build()), ...CLEAN_FORMS.flatMap((f) => [renderDocx(f), renderXlsx(f)])];
    for (let i = 0; i < 30; i++) packages.push(buildEntry(corpusEntry(i), 'docx'));
    let fast = 0;
    let prepassed = 0;
    for (const [p, zip] of packages.entries()) {
      for (const [name, xml] of xmlParts(zip)) {
        if (await expectSameTree(xml, `package ${p} ${name}`)) fast++;
        if (name !== 'word/document.xml') continue;
        if (await expectSameTree(prepassPart(xml, name).xml, `package ${p} pre-passed`)) prepassed++;
      }
    }
    expect(fast).toBeGreaterThan(packages.length * 3);
    expect(prepassed).toBeGreaterThan(packages.length / 2);
  });

  it.each([
    ['namespaces declared and redeclared below the root', '<a:r xmlns:a="urn:a" xmlns="urn:d" x="1" a:y="2" xml:space="preserve"><b xmlns="urn:e"><a:c xmlns:a="urn:f" a:z="3"/></b><d/></a:r>'],
    ['no namespace at all', '<r a="1"><c>t</c></r>'],
    ['an empty default namespace', '<r xmlns="urn:d"><c xmlns=""><d/></c></r>'],
    ['text, references and comments', '<r xmlns="urn:d">a &amp; b<!-- c --> d &#x4E2D; <e f="g&#10;h\ti"/>\n</r>'],
  ])('%s', async (_, xml) => {
    expect(await expectSameTree(xml, xml)).toBe(true);
  });

  it('leaves mammoth to read what the fast reader does not take', async () => {
    const read = fastReadString(original, nodes);
    const xmldomOnly = [
      '<r>a\u2028b\u0085c</r>',
      '<r a="\u2028|\u0085"/>',
      '<r><q></q><q></q ></r>',
      '<r hasOwnProperty="1" b="2"/>',
      '<r xmlns:__proto__="urn:u"><__proto__:a/></r>',
      '<r><xmlns:a/></r>',
    ];
    for (const xml of ['<r><![CDATA[x]]></r>', '<x:r/>', '<r>a\r\nb</r>', '<r><a></b></r>', ...xmldomOnly]) {
      expect(mammothTree(xml, MAP, nodes), xml).toBeNull();
      const [mine, theirs] = await Promise.allSettled([read(xml, MAP), original(xml, MAP)]);
      expect(mine, xml).toStrictEqual(theirs);
    }
  });

  it('agrees with mammoth on 1,000 mutated parts it takes', async () => {
    const base = xmlParts(fixture('seed.docx')).find(([name]) => name === 'word/document.xml')![1];
    const pieces = [' ', '\t', '\n', '&amp;', '&#x41;', 'x', '中', '<w:p/>', '<w:t>a</w:t>', '<!--c-->', ' w:x="1"', ' xmlns:w="urn:other"', ' xmlns="urn:d"'];
    const random = prng(1130);
    const rootTag = base.slice(base.indexOf('<w:document'), base.indexOf('>', base.indexOf('<w:document')) + 1);
    /** A well-formed run of the document's paragraphs (and tables), under its own root tag. */
    const window = (): string => {
      for (let attempt = 0; attempt < 10_000; attempt++) {
        const start = base.indexOf('<w:p', Math.floor(random() * (base.length - 2000)));
        if (start < 0 || !/[ >]/u.test(base[start + 4]!)) continue;
        const end = base.indexOf('</w:p>', start + Math.floor(random() * 1500)) + 6;
        const xml = `${rootTag}<w:body>${base.slice(start, end)}</w:body></w:document>`;
        if (end > 6 && lexXml(xml) !== null) return xml;
      }
      throw new Error('no well-formed window of the seed document');
    };
    let taken = 0;
    for (let i = 0; i < 1000; i++) {
      let xml = window();
      for (let k = 0; k < 3; k++) {
        const at = xml.indexOf('>', Math.floor(random() * xml.length));
        if (at < 0) continue;
        const piece = pieces[Math.floor(random() * pieces.length)]!;
        // Inside a tag (before its ">") only attributes fit; after it, content.
        xml = piece.startsWith(' ') && piece.includes('=') ? xml.slice(0, at - (xml[at - 1] === '/' ? 1 : 0)) + piece + xml.slice(at - (xml[at - 1] === '/' ? 1 : 0)) : xml.slice(0, at + 1) + piece + xml.slice(at + 1);
      }
      if (await expectSameTree(xml, `mutant ${i}`)) taken++;
    }
    expect(taken).toBeGreaterThan(500);
  });

  it('is what mammoth uses once loaded', async () => {
    await loadMammoth();
    const xml = require('mammoth/lib/xml/index.js') as { readString: ReadString };
    expect(xml.readString).not.toBe(original);
    expect(await xml.readString('<r a="1"/>', {})).toStrictEqual(await original('<r a="1"/>', {}));
  });
});
