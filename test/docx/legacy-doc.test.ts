import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOle2, fakeDoc, fakeEncryptedOoxml } from '../../scripts/fixtures/ole2.js';
import { buildDocx, p, tbl } from '../../scripts/fixtures/ooxml.js';
import { convertDocx } from '../../src/convert/docx/index.js';
import { convertLegacyDoc, findSoffice, legacyDocToDocx } from '../../src/convert/legacy-doc.js';
import { htmlToGrid } from '../../src/parse/grid.js';
import { rejectionCode } from './helpers.js';

const seedDocx = fileURLToPath(new URL('../../fixtures/seed.docx', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'selfeval-legacy-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for soffice: a shell script that behaves like `soffice --convert-to docx --outdir D in.doc`. */
function fakeSoffice(name: string, body: string): string {
  const bin = join(dir, name);
  writeFileSync(bin, `#!/bin/sh\n${body}\n`);
  chmodSync(bin, 0o755);
  return bin;
}

const converted = join(dir, 'converted.docx');
writeFileSync(converted, buildDocx(p('旧版文档') + tbl(2, [{ cells: [{ text: '合并', vMerge: 'restart' }, 'a'] }, { cells: [{ vMerge: 'continue' }, 'b'] }])));

const OUTDIR_SCRIPT = `
out=""; prev=""; last=""; sawHeadless=0; sawConvert=""
for a in "$@"; do
  [ "$prev" = "--outdir" ] && out="$a"
  [ "$prev" = "--convert-to" ] && sawConvert="$a"
  [ "$a" = "--headless" ] && sawHeadless=1
  prev="$a"; last="$a"
done
[ "$sawHeadless" = 1 ] && [ "$sawConvert" = docx ] || { echo "bad args: $*" >&2; exit 2; }
mkdir -p "$out"
base=$(basename "$last" .doc)
`;

describe('legacy .doc', () => {
  it('fails with legacy-doc-needs-libreoffice when soffice is not installed', async () => {
    expect(await rejectionCode(convertLegacyDoc(fakeDoc(), { soffice: null }))).toBe('legacy-doc-needs-libreoffice');
  });

  it('looks soffice up on PATH', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    expect(findSoffice(empty)).toBeNull();
    const withBin = mkdtempSync(join(dir, 'bin-'));
    writeFileSync(join(withBin, 'soffice'), '#!/bin/sh\n');
    chmodSync(join(withBin, 'soffice'), 0o755);
    expect(findSoffice(`${empty}:${withBin}`)).toBe(join(withBin, 'soffice'));
  });

  it('converts through soffice --headless --convert-to docx in a temp folder, then reads the docx', async () => {
    const bin = fakeSoffice('soffice-ok', `${OUTDIR_SCRIPT}cp "${converted}" "$out/$base.docx"`);
    const tmp = mkdtempSync(join(dir, 'work-'));
    const result = await convertLegacyDoc(fakeDoc(), { soffice: bin, tmpDir: tmp });
    expect(result.html).toContain('旧版文档');
    expect(result.html).toMatch(/<td rowspan="2"><p>合并<\/p><\/td>/u);
    expect(readdirSync(tmp)).toEqual([]); // the temp folder is removed
  });

  it('gives a timeout error when soffice hangs, and kills it', async () => {
    const bin = fakeSoffice('soffice-hang', 'sleep 30');
    const t0 = Date.now();
    expect(await rejectionCode(legacyDocToDocx(fakeDoc(), { soffice: bin, timeoutMs: 300 }))).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('reports a .doc LibreOffice cannot convert', async () => {
    const bin = fakeSoffice('soffice-fail', 'echo "Error: source file could not be loaded" >&2; exit 1');
    expect(await rejectionCode(legacyDocToDocx(fakeDoc(), { soffice: bin }))).toBe('corrupt-zip');
  });

  it('refuses encrypted files and OLE2 files that are not Word documents before running soffice', async () => {
    const bin = fakeSoffice('soffice-never', 'exit 3');
    expect(await rejectionCode(legacyDocToDocx(fakeEncryptedOoxml(), { soffice: bin }))).toBe('encrypted-document');
    expect(await rejectionCode(legacyDocToDocx(fakeDoc(true), { soffice: bin }))).toBe('encrypted-document');
    const xls = buildOle2([{ name: 'Workbook', data: new Uint8Array(10) }]);
    expect(await rejectionCode(legacyDocToDocx(xls, { soffice: bin }))).toBe('unsupported-format');
  });

  it.skipIf(!findSoffice())('reads the seed saved as .doc by a real LibreOffice', { timeout: 120_000 }, async () => {
    const work = mkdtempSync(join(dir, 'real-'));
    writeFileSync(join(work, 'seed.docx'), readFileSync(seedDocx));
    execFileSync(findSoffice()!, [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--convert-to', 'doc', '--outdir', work, join(work, 'seed.docx')], {
      timeout: 90_000,
      stdio: 'ignore',
    });
    const fromDoc = htmlToGrid((await convertLegacyDoc(new Uint8Array(readFileSync(join(work, 'seed.doc'))))).html);
    const fromDocx = htmlToGrid((await convertDocx(new Uint8Array(readFileSync(seedDocx)))).html);
    // LibreOffice writes the Wingdings tick as a private-use character in a Wingdings run.
    expect(fromDoc.blocks.map((b) => b.text)).toContain('评价类型：项目实施过程评价☑   项目完成结果评价□');
    // Same tables and cells; LibreOffice may re-derive the column grid from cell widths, so compare texts.
    const texts = (g: typeof fromDoc) => g.tables.map((t) => t.cells.map((c) => `${c.row} ${c.rowspan} ${c.text.trim()}`));
    expect(texts(fromDoc)).toEqual(texts(fromDocx));
  });
});
