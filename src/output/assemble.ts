/** Final output files, assembled from the per-document parts in input order (streamed). */
import { join } from 'node:path';
import type { Lang } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import { AtomicStream } from './atomic.js';
import { BOM, csvCells, csvHeader, csvLines, type Column } from './csv.js';
import { EXPENDITURE_COLUMNS, FINDING_COLUMNS, FUNDS_COLUMNS, INDICATOR_COLUMNS, REPORT_COLUMNS, RUBRIC_COLUMNS } from './columns.js';
import { writeIndexPage } from './html/write.js';
import type { IndexRow } from './html/index-row.js';
import { textLogSummary, type LogTotals } from './log-text.js';
import { readPart, type Part } from './parts.js';

export type OutputFormat = 'json' | 'csv' | 'log' | 'html';
export const ALL_FORMATS: readonly OutputFormat[] = ['json', 'csv', 'log', 'html'];

export interface RunInfo {
  version: string;
  startedAt: string;
  finishedAt: string;
  options: Record<string, unknown>;
  skipped: { hidden: number; lockFiles: number };
}

const CSV_FILES: { file: string; rows: keyof Part['rows']; columns: Column<never>[] }[] = [
  { file: 'reports.csv', rows: 'reports', columns: REPORT_COLUMNS as Column<never>[] },
  { file: 'funds.csv', rows: 'funds', columns: FUNDS_COLUMNS as Column<never>[] },
  { file: 'expenditures.csv', rows: 'expenditures', columns: EXPENDITURE_COLUMNS as Column<never>[] },
  { file: 'indicators.csv', rows: 'indicators', columns: INDICATOR_COLUMNS as Column<never>[] },
  { file: 'rubric.csv', rows: 'rubric', columns: RUBRIC_COLUMNS as Column<never>[] },
];

export interface AssembleHooks {
  /** Called with each part in order (the audit view builds its pages from here). */
  onPart?: (part: Part) => Promise<void>;
}

export async function assembleOutputs(outDir: string, names: string[], formats: readonly OutputFormat[], lang: Lang, run: RunInfo, hooks: AssembleHooks = {}): Promise<LogTotals> {
  const csv = formats.includes('csv');
  const log = formats.includes('log');
  const streams: AtomicStream[] = [];
  const open = async (file: string) => {
    const s = await AtomicStream.open(join(outDir, file));
    streams.push(s);
    return s;
  };
  try {
    const csvStreams = csv ? await Promise.all(CSV_FILES.map((c) => open(c.file))) : [];
    for (const [i, c] of CSV_FILES.entries()) if (csv) await csvStreams[i]!.write(BOM + csvHeader(c.columns, lang));
    const jsonl = log ? await open('discrepancies.jsonl') : null;
    const findingsCsv = log ? await open('discrepancies.csv') : null;
    const text = log ? await open('discrepancies.txt') : null;
    await findingsCsv?.write(BOM + csvHeader(FINDING_COLUMNS, lang));
    const manifest = await open('manifest.json');
    await manifest.write(`{\n  "tool": ${JSON.stringify({ name: 'selfeval', version: run.version })},\n  "startedAt": ${JSON.stringify(run.startedAt)},\n  "finishedAt": ${JSON.stringify(run.finishedAt)},\n  "options": ${JSON.stringify(run.options)},\n  "skipped": ${JSON.stringify(run.skipped)},\n  "inputs": [`);

    const totals: LogTotals = { files: 0, ok: 0, failed: 0, error: 0, warning: 0, info: 0 };
    // Index rows are a few hundred bytes each: 10,000 reports make a few MB, kept for the index page.
    const indexRows: IndexRow[] = [];
    for (const [i, name] of names.entries()) {
      const part = await readPart(outDir, name);
      if (!part) throw new Error(`missing result for ${name}`);
      totals.files++;
      totals[part.manifest.status === 'ok' ? 'ok' : 'failed']++;
      for (const f of part.findings) totals[f.severity]++;
      await manifest.write(`${i === 0 ? '' : ','}\n    ${JSON.stringify(part.manifest)}`);
      for (const [j, c] of CSV_FILES.entries()) if (csv) await csvStreams[j]!.write(csvLines(part.rows[c.rows]));
      if (log) {
        for (const f of part.findings) await jsonl!.write(`${JSON.stringify(f)}\n`);
        await findingsCsv!.write(csvLines(part.findings.map((f: Finding) => csvCells(FINDING_COLUMNS, f))));
        await text!.write(part.summary.textLog);
      }
      if (formats.includes('html')) indexRows.push(part.summary.index);
      await hooks.onPart?.(part);
    }
    await text?.write(textLogSummary(totals, lang));
    await manifest.write(`\n  ],\n  "totals": ${JSON.stringify(totals)}\n}\n`);
    if (formats.includes('html')) await writeIndexPage(outDir, indexRows, lang);
    for (const s of streams) await s.commit();
    return totals;
  } catch (e) {
    await Promise.all(streams.map((s) => s.abort()));
    throw e;
  }
}
