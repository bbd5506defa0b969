/**
 * Regenerate every fixture the tests build in memory, as files to open and to try the tool on:
 * `npm run fixtures [DIR]` (default test-artifacts/fixtures, git-ignored). Writes
 *   variants/  the seed text with layout noise and other shapes of the template;
 *   faults/    the seed text with one injected fault per error rule;
 *   docx/      the Word constructs (merges, gridBefore/After, bookmarks in rows, nested tables, fields, lists,
 *              symbols …), the seed as Strict OOXML and with word/document2.xml, an encrypted package.
 *   mof/       every clean MoF 绩效自评表 and multi-form document as .docx, Tika .txt and .html page;
 *   variants-mof/  issue 12's variants (Sichuan, Hubei, Anhui, rubric tables, weight-only, cut, Traditional),
 *              clean and single-fault, in the same three formats, with faults.json (rule, expected, actual).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CONSTRUCTS } from './fixtures/docx-constructs.js';
import { fakeEncryptedOoxml } from './fixtures/ole2.js';
import { toStrict, withMainPart } from './fixtures/ooxml.js';
import { FAULTS } from '../test/helpers/faults.js';
import * as variants from '../test/helpers/seed-variants.js';
import { CLEAN_FORMS } from '../test/helpers/mof/catalogue.js';
import { MOF_DOCUMENTS } from '../test/helpers/mof/documents.js';
import { renderDocx } from '../test/helpers/mof/docx.js';
import { renderHtml } from '../test/helpers/mof/html.js';
import type { Printable } from '../test/helpers/mof/parts.js';
import { renderTika } from '../test/helpers/mof/tika.js';
import { ALL_VARIANT_FORMS, renderVariantDocx, renderVariantHtml, renderVariantTika, VARIANT_FAULTS } from '../test/helpers/variants/index.js';

const root = process.argv[2] ?? 'test-artifacts/fixtures';
const write = (sub: string, name: string, data: string | Uint8Array) => {
  mkdirSync(join(root, sub), { recursive: true });
  writeFileSync(join(root, sub, name), data);
};

const textVariants: Record<string, () => string> = {
  'spaced-labels': () => variants.spacedLabels(),
  'full-width': () => variants.fullWidth(),
  crlf: () => variants.crlf(),
  'rubric-three-pages': () => variants.rubricThreePages(),
  'units-in-cells': () => variants.unitsInCells(),
  'empty-markers': () => variants.emptyMarkers(),
  'two-sources': () => variants.twoSources(),
  'several-expenditures': () => variants.severalExpenditures(),
  'two-indicators-one-category': () => variants.twoIndicatorsOneCategory(),
  'funds-matrix': () => variants.fundsMatrix(),
};
for (const [name, build] of Object.entries(textVariants)) write('variants', `${name}.txt`, build());
for (const [rule, fault] of Object.entries(FAULTS)) write('faults', `${rule}.txt`, fault.text());
for (const [name, build] of Object.entries(ALL_CONSTRUCTS)) write('docx', `${name}.docx`, build());
// The seed as Word also saves it: Strict OOXML, and with the main part at word/document2.xml (Word Online).
const seed = new Uint8Array(readFileSync(new URL('../fixtures/seed.docx', import.meta.url)));
write('docx', 'seed-strict.docx', toStrict(seed));
write('docx', 'seed-document2.docx', withMainPart(seed, 'word/document2.xml'));
write('docx', 'encrypted-upper-case.docx', fakeEncryptedOoxml(true));
const mof: [string, Printable][] = [...CLEAN_FORMS.map((f): [string, Printable] => [f.id, f]), ...MOF_DOCUMENTS.map((d): [string, Printable] => [d.id, d.parts])];
for (const [name, x] of mof) {
  write('mof', `${name}.docx`, renderDocx(x));
  write('mof', `${name}.txt`, renderTika(x));
  write('mof', `${name}.html`, renderHtml(x));
}
for (const form of ALL_VARIANT_FORMS) {
  write('variants-mof', `${form.id}.docx`, renderVariantDocx(form));
  write('variants-mof', `${form.id}.txt`, renderVariantTika(form));
  write('variants-mof', `${form.id}.html`, renderVariantHtml(form));
}
const faultList = VARIANT_FAULTS.map(({ id, base, rule, where, expected, actual, description }) => ({ id, base, rule, where, expected, actual, description }));
write('variants-mof', 'faults.json', `${JSON.stringify(faultList, null, 2)}\n`);
console.log(
  `fixtures written to ${root}: ${Object.keys(textVariants).length} variants, ${Object.keys(FAULTS).length} faults, ` +
    `${Object.keys(ALL_CONSTRUCTS).length} docx constructs, ${mof.length} MoF forms and documents, ${ALL_VARIANT_FORMS.length} variant forms`,
);
