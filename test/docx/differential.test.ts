/**
 * Differential test: the tables we read against an independent reading of the document XML
 * (test/helpers/ooxml-tables.ts). Always on the constructs built by code (also saved as Strict OOXML
 * and with the main part at word/document2.xml) and the seed; on a folder of third-party .docx files
 * too when SELFEVAL_DOCX_CORPUS names one (they are not kept in the repository).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CONSTRUCTS } from '../../scripts/fixtures/docx-constructs.js';
import { toStrict, withMainPart } from '../../scripts/fixtures/ooxml.js';
import { differences } from '../helpers/differential.js';

const seed = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/seed.docx', import.meta.url))));
const HAIRLINE = /offset from the cell above by \d+ twips/u;

/** Where we deliberately read differently (a tolerance merge, a note) the plain reader cannot agree. */
const deliberate = (notes: string[]) => notes.some((n) => HAIRLINE.test(n));

// Every construct with a table (with-picture has none).
const cases: [string, () => Uint8Array][] = [['seed', () => seed], ...Object.entries(ALL_CONSTRUCTS).filter(([name]) => name !== 'with-picture')];

describe('tables agree with an independent reading of the XML', () => {
  it.each(cases)('%s, as written, as Strict OOXML and with word/document2.xml', async (name, build) => {
    const bytes = build();
    for (const [variant, b] of [
      ['transitional', bytes],
      ['strict', toStrict(bytes)],
      ['document2', withMainPart(bytes, 'word/document2.xml')],
    ] as const) {
      const r = await differences(b, `${name} (${variant})`);
      expect(r.skipped).toBeUndefined();
      expect(r.tables).toBeGreaterThan(0);
      if (deliberate(r.notes)) expect(r.differences.length).toBeGreaterThan(0);
      else expect(r.differences).toEqual([]);
    }
  });

  const corpus = process.env.SELFEVAL_DOCX_CORPUS;
  it.skipIf(!corpus)('on every .docx of SELFEVAL_DOCX_CORPUS', { timeout: 600_000 }, async () => {
    const unexplained: string[] = [];
    let tables = 0;
    for (const name of readdirSync(corpus!).filter((n) => n.toLowerCase().endsWith('.docx')).sort()) {
      const r = await differences(new Uint8Array(readFileSync(join(corpus!, name))), name);
      tables += r.tables;
      if (!deliberate(r.notes)) unexplained.push(...r.differences.map((d) => `${d.table}: ${d.what}`));
    }
    expect(tables).toBeGreaterThan(0);
    expect(unexplained).toEqual([]);
  });
});
