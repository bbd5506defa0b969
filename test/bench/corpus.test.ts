import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { docxCells, textCells } from '../../bench/corpus/cells.js';
import { buildEntry, buildReport, corpusEntry, generateCorpus, loadSeed, reportSpec } from '../../bench/corpus/generate.js';
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
    const small = generateCorpus({ dir: tempDir(), n: 6 });
    const large = generateCorpus({ dir: tempDir(), n: 9 });
    for (const format of ['docx', 'txt'] as const) {
      const files = readdirSync(small.dirs[format]!).sort();
      expect(files).toHaveLength(6);
      expect(readdirSync(large.dirs[format]!)).toHaveLength(9);
      for (const f of files) expect(readFileSync(join(large.dirs[format]!, f))).toEqual(readFileSync(join(small.dirs[format]!, f)));
    }
    const listed = (dir: string) => (JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as { reports: { index: number; family: string }[] }).reports;
    expect(listed(large.dir).slice(0, 6)).toEqual(listed(small.dir));
    expect(listed(large.dir).map((r) => r.family)).toEqual(Array.from({ length: 9 }, (_, i) => corpusEntry(i).family));
  });

  it('mixes Hunan reports and MoF documents about half and half, every MoF shape present', () => {
    const families = { hunan: 0, mof: 0 };
    const shapes = new Map<string, number>();
    const catalogueIds = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const e = corpusEntry(i);
      families[e.family]++;
      if (e.family === 'hunan') {
        // A Hunan document is exactly the Hunan generator's report i.
        expect(e.spec).toEqual(reportSpec(i));
        continue;
      }
      shapes.set(e.spec.shape, (shapes.get(e.spec.shape) ?? 0) + 1);
      e.spec.formIds.forEach((id) => catalogueIds.add(id));
      expect(e.spec.forms.length).toBe(e.spec.shape === 'form' ? 1 : e.spec.formIds.length);
      if (e.spec.shape !== 'form') expect(e.spec.forms.length).toBeGreaterThanOrEqual(2);
    }
    expect(families.mof).toBeGreaterThan(160);
    expect(families.hunan).toBeGreaterThan(160);
    expect([...shapes.keys()].sort()).toEqual(['department-plus-projects', 'final-accounts', 'form']);
    // Most of the catalogue is drawn: project and department forms alike.
    expect(catalogueIds.size).toBeGreaterThan(12);
    expect([...catalogueIds].some((id) => id.startsWith('department-'))).toBe(true);
  });

  it('gives distinct, internally consistent MoF documents (names, year and amounts vary)', () => {
    const texts = new Set<string>();
    let mof = 0;
    for (let i = 0; i < 120; i++) {
      const e = corpusEntry(i);
      if (e.family !== 'mof') continue;
      mof++;
      texts.add(new TextDecoder().decode(buildEntry(e, 'txt')));
      for (const form of e.spec.forms) {
        expect(form.year).toBe(e.spec.year);
        const name = form.kind === 'project' ? form.unit! : form.department!;
        expect(name.startsWith(e.spec.county)).toBe(true);
        expect(JSON.stringify(form)).not.toContain('云岭');
        // The total line is the sum of the 其中 rows, as printed (the builder derived it from scaled amounts).
        const amounts = (k: 'budget' | 'executed') => form.funds.slice(1).reduce((sum, l) => sum + (/^[\d,.]+$/u.test(l[k]) ? Math.round(Number(l[k].replace(/,/gu, '')) * 1000) : 0), 0);
        expect(amounts('budget')).toBe(Math.round(Number(form.funds[0]!.budget.replace(/,/gu, '')) * 1000));
        expect(amounts('executed')).toBe(Math.round(Number(form.funds[0]!.executed.replace(/,/gu, '')) * 1000));
      }
    }
    expect(mof).toBeGreaterThan(30);
    expect(texts.size).toBe(mof);
    // Amounts are scaled, not only relabelled: the same catalogue form appears with different totals.
    const totals = new Map<string, Set<string>>();
    for (let i = 0; i < 400; i++) {
      const e = corpusEntry(i);
      if (e.family === 'mof') for (const f of e.spec.forms) totals.set(f.id, (totals.get(f.id) ?? new Set()).add(f.funds[0]!.budget));
    }
    expect([...totals.values()].filter((s) => s.size > 3).length).toBeGreaterThan(5);
  });

  it('keeps MoF document.xml well-formed and the docx and the Tika text cell for cell alike', () => {
    let checked = 0;
    for (let i = 0; i < 80 && checked < 25; i++) {
      const e = corpusEntry(i);
      if (e.family !== 'mof') continue;
      checked++;
      const xml = documentXml(buildEntry(e, 'docx'));
      const parser = new SaxesParser();
      parser.on('error', (err) => {
        throw err;
      });
      parser.write(xml).close();
      const fromDocx = docxCells(xml).map(squash);
      const fromText = textCells(new TextDecoder().decode(buildEntry(e, 'txt'))).map(squash);
      expect(fromText).toEqual(fromDocx);
      for (const form of e.spec.forms) {
        expect(fromDocx).toContain(squash(form.funds[0]!.budget));
        expect(fromDocx).toContain(squash(form.total.score));
        if (form.projectName) expect(fromDocx).toContain(squash(form.projectName));
      }
    }
    expect(checked).toBe(25);
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
