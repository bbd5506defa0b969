/**
 * A deterministic corpus of N distinct documents, about half Hunan reports (the seed's template, edited;
 * 15% with one injected fault) and half MoF 绩效自评表 documents (clean catalogue forms, varied; see
 * mof.ts), each as .docx and as a Tika text dump, written to `<dir>/docx/rNNNNN.docx` and
 * `<dir>/txt/rNNNNN.txt`, with `<dir>/corpus.json` listing the family of each document, its forms or its
 * fault. Document i depends only on (seed, i), so a smaller corpus is a prefix of a larger one.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng, mixSeed } from '../prng.js';
import { DocxTemplate, docxCells, editText, textCells } from './cells.js';
import { findLayout, type SeedLayout } from './layout.js';
import { buildMof, drawMof, type MofShape, type MofSpec } from './mof.js';
import { drawReport, editsFor, type Fault, type ReportSpec } from './report.js';

export type CorpusFormat = 'docx' | 'txt';

export interface CorpusOptions {
  dir: string;
  n: number;
  seed?: number;
  formats?: readonly CorpusFormat[];
  /** Share of reports with one injected fault. */
  faultRate?: number;
}

export interface CorpusSummary {
  dir: string;
  n: number;
  seed: number;
  faultRate: number;
  dirs: Partial<Record<CorpusFormat, string>>;
  bytes: Partial<Record<CorpusFormat, number>>;
  /** Over the Hunan reports only (MoF documents are clean). */
  faults: Partial<Record<Fault | 'none', number>>;
  /** Documents per family. */
  families: Record<Family, number>;
  /** MoF documents per shape. */
  mofShapes: Partial<Record<MofShape, number>>;
}

export type Family = 'hunan' | 'mof';

/** Document i of a corpus: a Hunan report or an MoF document. */
export type CorpusEntry = { family: 'hunan'; spec: ReportSpec } | { family: 'mof'; spec: MofSpec };

/** Share of MoF documents in the corpus. */
export const MOF_SHARE = 0.5;

export const DEFAULT_SEED = 20210608;
export const DEFAULT_FAULT_RATE = 0.15;

export interface Seed {
  text: string;
  docx: DocxTemplate;
  layout: SeedLayout;
}

let cached: Seed | undefined;

/** Read fixtures/seed.{txt,docx} and check that both forms have the same cells. */
export function loadSeed(): Seed {
  if (cached) return cached;
  const text = readFileSync(new URL('../../fixtures/seed.txt', import.meta.url), 'utf8');
  const docx = new DocxTemplate(readFileSync(new URL('../../fixtures/seed.docx', import.meta.url)));
  const fromText = textCells(text).map((c) => c.replace(/\s+/gu, ''));
  const fromDocx = docxCells(docx.documentXml).map((c) => c.replace(/\s+/gu, ''));
  // A text cell ends at a blank line, so a multi-paragraph cell may only be a prefix of its docx cell.
  if (fromText.length !== fromDocx.length) throw new Error(`seed: ${fromText.length} cells in the text, ${fromDocx.length} in the docx`);
  const differ = fromText.findIndex((c, i) => !fromDocx[i]!.startsWith(c));
  if (differ >= 0) throw new Error(`seed: cell ${differ} differs: ${JSON.stringify(fromText[differ])} / ${JSON.stringify(fromDocx[differ])}`);
  cached = { text, docx, layout: findLayout(textCells(text)) };
  return cached;
}

export function reportSpec(index: number, seed = DEFAULT_SEED, faultRate = DEFAULT_FAULT_RATE): ReportSpec {
  return drawReport(index, createRng(mixSeed(seed, index)), loadSeed().layout, faultRate);
}

export function fileName(index: number, format: CorpusFormat): string {
  return `r${String(index + 1).padStart(5, '0')}.${format}`;
}

/**
 * Document `index`: the family is drawn from a stream of its own (seed and index mixed with a constant),
 * so a Hunan document is exactly the report reportSpec(index, seed) gives.
 */
export function corpusEntry(index: number, seed = DEFAULT_SEED, faultRate = DEFAULT_FAULT_RATE): CorpusEntry {
  const mof = createRng(mixSeed(seed ^ 0x4d6f46, index)).chance(MOF_SHARE);
  if (!mof) return { family: 'hunan', spec: reportSpec(index, seed, faultRate) };
  return { family: 'mof', spec: drawMof(createRng(mixSeed(seed ^ 0x6d6f66, index))) };
}

export function buildEntry(entry: CorpusEntry, format: CorpusFormat): Uint8Array {
  return entry.family === 'hunan' ? buildReport(entry.spec, format) : buildMof(entry.spec, format);
}

/** The bytes of Hunan report `spec` in one format. */
export function buildReport(spec: ReportSpec, format: CorpusFormat): Uint8Array {
  const s = loadSeed();
  const edits = editsFor(spec, s.layout);
  return format === 'docx' ? s.docx.build(edits) : new TextEncoder().encode(editText(s.text, edits));
}

export function generateCorpus(opts: CorpusOptions): CorpusSummary {
  const seed = opts.seed ?? DEFAULT_SEED;
  const faultRate = opts.faultRate ?? DEFAULT_FAULT_RATE;
  const formats = opts.formats ?? ['docx', 'txt'];
  const summary: CorpusSummary = { dir: opts.dir, n: opts.n, seed, faultRate, dirs: {}, bytes: {}, faults: {}, families: { hunan: 0, mof: 0 }, mofShapes: {} };
  for (const f of formats) {
    const d = join(opts.dir, f);
    mkdirSync(d, { recursive: true });
    summary.dirs[f] = d;
    summary.bytes[f] = 0;
  }
  const list: ({ index: number; family: 'hunan'; fault: Fault | null } | { index: number; family: 'mof'; shape: MofShape; forms: string[]; county: string; year: string; scale: string })[] = [];
  for (let i = 0; i < opts.n; i++) {
    const entry = corpusEntry(i, seed, faultRate);
    for (const f of formats) {
      const bytes = buildEntry(entry, f);
      writeFileSync(join(summary.dirs[f]!, fileName(i, f)), bytes);
      summary.bytes[f]! += bytes.length;
    }
    summary.families[entry.family]++;
    if (entry.family === 'hunan') {
      const key = entry.spec.fault ?? 'none';
      summary.faults[key] = (summary.faults[key] ?? 0) + 1;
      list.push({ index: i, family: 'hunan', fault: entry.spec.fault });
    } else {
      const m = entry.spec;
      summary.mofShapes[m.shape] = (summary.mofShapes[m.shape] ?? 0) + 1;
      list.push({ index: i, family: 'mof', shape: m.shape, forms: m.formIds, county: m.county, year: m.year, scale: m.scale });
    }
  }
  const meta = { seed, faultRate, mofShare: MOF_SHARE, n: opts.n, families: summary.families, mofShapes: summary.mofShapes, reports: list };
  writeFileSync(join(opts.dir, 'corpus.json'), `${JSON.stringify(meta)}\n`);
  return summary;
}
