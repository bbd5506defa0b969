/**
 * Peak memory of assembling the final files (CSV, log, reports.xlsx) for N documents, without the
 * workers: the seed report's part, renamed N times, fed to the Assembler as a batch would. The workers
 * are stopped before the workbook is written, so this is the main thread's share at the end of a run.
 * Usage: node --import tsx bench/assemble-rss.ts [N=10000] [outDir]; prints peak RSS sampled every 50 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Assembler } from '../src/output/assemble.js';
import { buildPart } from '../src/output/parts.js';
import { processDocument } from '../src/process.js';

const n = Number(process.argv[2] ?? 10_000);
const out = process.argv[3] ?? (await mkdtemp(join(tmpdir(), 'selfeval-assemble-')));
const result = await processDocument('fixtures/seed.docx');
const part = buildPart(result, 'k', 'zh');
const json = JSON.stringify(part);

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const assembler = await Assembler.open(out, ['csv', 'xlsx', 'log'], 'zh');
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  // A fresh copy per document, as the batch parses each part from its worker's JSON.
  const p = JSON.parse(json.replaceAll('fixtures/seed.docx', `in/${i}/seed.docx`));
  await assembler.add(p);
}
const t1 = performance.now();
await assembler.finish({ version: 'bench', startedAt: '', finishedAt: '', options: {}, skipped: { hidden: 0, lockFiles: 0 } });
const t2 = performance.now();
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(`${n} documents: add ${((t1 - t0) / 1000).toFixed(1)} s, finish (workbook) ${((t2 - t1) / 1000).toFixed(1)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
if (!process.argv[3]) await rm(out, { recursive: true, force: true });
