import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { docxCells, textCells } from '../../bench/corpus/cells.js';
import { buildReport, generateCorpus, loadSeed, reportSpec } from '../../bench/corpus/generate.js';
import { formatHundredths } from '../../bench/corpus/report.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'selfeval-corpus-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const documentXml = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!);
const squash = (s: string) => s.replace(/\s+/gu, '');

describe('bench corpus generator', () => {
  it('gives the same bytes for the same seed and index, in both formats', () => {
    for (const i of [0, 7, 123]) {
      for (const format of ['docx', 'txt'] as const) {
        expect(Buffer.from(buildReport(reportSpec(i, 42), format))).toEqual(Buffer.from(buildReport(reportSpec(i, 42), format)));
      }
    }
  });

  it('gives distinct reports for distinct indices and seeds', () => {
    const texts = new Set<string>();
    for (let i = 0; i < 30; i++) texts.add(new TextDecoder().decode(buildReport(reportSpec(i), 'txt')));
    texts.add(new TextDecoder().decode(buildReport(reportSpec(0, 1), 'txt')));
    expect(texts.size).toBe(31);
  });

  it('writes a smaller corpus as a prefix of a larger one', () => {
    const small = generateCorpus({ dir: tempDir(), n: 3 });
    const large = generateCorpus({ dir: tempDir(), n: 5 });
    for (const format of ['docx', 'txt'] as const) {
      const files = readdirSync(small.dirs[format]!).sort();
      expect(files).toHaveLength(3);
      expect(readdirSync(large.dirs[format]!)).toHaveLength(5);
      for (const f of files) expect(readFileSync(join(large.dirs[format]!, f))).toEqual(readFileSync(join(small.dirs[format]!, f)));
    }
  });

  it('keeps document.xml well-formed and both formats cell for cell alike', () => {
    const { layout } = loadSeed();
    for (let i = 0; i < 40; i++) {
      const spec = reportSpec(i);
      const xml = documentXml(buildReport(spec, 'docx'));
      const parser = new SaxesParser();
      parser.on('error', (e) => {
        throw e;
      });
      parser.write(xml).close();
      const fromDocx = docxCells(xml);
      const fromText = textCells(new TextDecoder().decode(buildReport(spec, 'txt')));
      expect(fromDocx).toHaveLength(layout.cellCount);
      expect(fromText).toHaveLength(layout.cellCount);
      fromText.forEach((c, k) => expect(squash(fromDocx[k]!).startsWith(squash(c))).toBe(true));
      expect(fromDocx[layout.totals[0]]).toBe(formatHundredths(spec.totals[0]));
      expect(fromDocx[layout.rubricTotal]).toBe(formatHundredths(spec.claimedTotal));
      expect(xml).toContain(spec.name);
    }
  });

  it('keeps the amounts and scores of reports without a fault consistent', () => {
    const { layout } = loadSeed();
    let faults = 0;
    for (let i = 0; i < 300; i++) {
      const spec = reportSpec(i);
      if (spec.fault) {
        faults++;
        continue;
      }
      const [planned, arrived, spent, balance] = spec.totals;
      expect(balance).toBe(arrived - spent);
      expect(spent).toBeLessThanOrEqual(arrived);
      expect(arrived).toBeLessThanOrEqual(planned);
      for (let k = 0; k < 4; k++) expect(Object.values(spec.sources).reduce((s, row) => s + row[k]!, 0)).toBe(spec.totals[k]);
      expect(spec.detailAmount).toBe(spent);
      expect(spec.claimedTotal).toBe(spec.scores.reduce((s, v) => s + v, 0));
      expect(spec.headline).toBe(spec.claimedTotal);
      spec.scores.forEach((v, k) => expect(v).toBeLessThanOrEqual(layout.rubricItems[k]!.weight * 100));
    }
    expect(faults).toBeGreaterThan(15);
    expect(faults).toBeLessThan(90);
  });
});
