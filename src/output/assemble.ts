/** Final output files, assembled from the per-document parts in input order (streamed). */
import { join } from 'node:path';
import type { WalkSkipped } from '../ingest/walk.js';
import type { Lang } from '../model/errors.js';
import { AtomicStream } from './atomic.js';
import { BOM, csvHeader, csvLines, guardCells, type Column } from './csv.js';
import { EXPENDITURE_COLUMNS, FINDING_COLUMNS, FUNDS_COLUMNS, INDICATOR_COLUMNS, REPORT_COLUMNS, RUBRIC_COLUMNS } from './columns.js';
import { IndexTally, indexRowData } from './html/index-page.js';
import { HTML_DIR } from './html/write.js';
import { textLogSummary, type LogTotals } from './log-text.js';
import type { Part } from './parts.js';
import { SEVERITY_NAMES, type WorkbookSummary } from './xlsx/summary.js';
import type { RunWorkbook, SheetSpec } from './xlsx/workbook.js';

import type { OutputFormat } from './formats.js';
export { ALL_FORMATS, type OutputFormat } from './formats.js';

export interface RunInfo {
  version: string;
  startedAt: string;
  finishedAt: string;
  options: Record<string, unknown>;
  /** A merged run of several lists may know only the hidden and lock-file counts. */
  skipped: Pick<WalkSkipped, 'hidden' | 'lockFiles'> & Partial<WalkSkipped>;
  /** For a merged run: the shards it was made from and what the merge noticed. */
  merge?: unknown;
}

const CSV_FILES: { file: string; rows: keyof Part['rows']; columns: Column<never>[] }[] = [
  { file: 'reports.csv', rows: 'reports', columns: REPORT_COLUMNS as Column<never>[] },
  { file: 'funds.csv', rows: 'funds', columns: FUNDS_COLUMNS as Column<never>[] },
  { file: 'expenditures.csv', rows: 'expenditures', columns: EXPENDITURE_COLUMNS as Column<never>[] },
  { file: 'indicators.csv', rows: 'indicators', columns: INDICATOR_COLUMNS as Column<never>[] },
  { file: 'rubric.csv', rows: 'rubric', columns: RUBRIC_COLUMNS as Column<never>[] },
];

/** The workbook's data sheets in order, written while the parts arrive. */
const XLSX_SHEETS: { key: SheetSpec['key']; rows: keyof Part['rows']; columns: Column<never>[] }[] = [
  { key: 'reports', rows: 'reports', columns: REPORT_COLUMNS as Column<never>[] },
  { key: 'findings', rows: 'findings', columns: FINDING_COLUMNS as Column<never>[] },
  { key: 'funds', rows: 'funds', columns: FUNDS_COLUMNS as Column<never>[] },
  { key: 'expenditures', rows: 'expenditures', columns: EXPENDITURE_COLUMNS as Column<never>[] },
  { key: 'indicators', rows: 'indicators', columns: INDICATOR_COLUMNS as Column<never>[] },
  { key: 'rubric', rows: 'rubric', columns: RUBRIC_COLUMNS as Column<never>[] },
];
const GRADE_CELL = REPORT_COLUMNS.findIndex((c) => c.key === 'grade');
const STATUS_CELL = REPORT_COLUMNS.findIndex((c) => c.key === 'status');
/**
 * The final files, written while the batch runs: parts are added in input order as they arrive, so
 * the main thread assembles while the workers convert, and only the manifest, the audit index (from
 * rows spilled to temporary files meanwhile) and the workbook's summary sheet are written at the end.
 */
export class Assembler {
  private readonly streams: AtomicStream[] = [];
  private csvStreams: AtomicStream[] = [];
  private jsonl: AtomicStream | null = null;
  private findingsCsv: AtomicStream | null = null;
  private text: AtomicStream | null = null;
  /**
   * Manifest entries and audit-index rows, needed only at the end: spilled to temporary files rather
   * than kept in memory while the workers run (≈ 5 KB of heap per document otherwise).
   */
  private manifestSpill: AtomicStream | null = null;
  private indexSpill: AtomicStream | null = null;
  private readonly indexTally = new IndexTally();
  /**
   * The workbook, and the summary sheet's counts. exceljs (its streaming writer and zip stack, ~0.1 s
   * to load) is loaded without waiting for it: the first part comes only after a worker has loaded the
   * pipeline and run a document.
   */
  private workbook: Promise<RunWorkbook> | null = null;
  private readonly ruleCounts: WorkbookSummary['rules'] = new Map();
  private readonly gradeCounts: WorkbookSummary['grades'] = new Map();
  readonly totals: LogTotals = { files: 0, ok: 0, failed: 0, error: 0, warning: 0, info: 0, withErrors: 0 };

  private constructor(
    private readonly outDir: string,
    private readonly formats: readonly OutputFormat[],
    private readonly lang: Lang,
  ) {}

  static async open(outDir: string, formats: readonly OutputFormat[], lang: Lang): Promise<Assembler> {
    const a = new Assembler(outDir, formats, lang);
    try {
      await a.start();
    } catch (e) {
      await a.abort();
      throw e;
    }
    return a;
  }

  private async open(file: string): Promise<AtomicStream> {
    const s = await AtomicStream.open(join(this.outDir, file));
    this.streams.push(s);
    return s;
  }

  private async start(): Promise<void> {
    this.manifestSpill = await this.open('manifest-inputs.jsonl');
    if (this.formats.includes('html')) this.indexSpill = await this.open('index-rows.jsonl');
    if (this.formats.includes('csv')) {
      this.csvStreams = await Promise.all(CSV_FILES.map((c) => this.open(c.file)));
      for (const [i, c] of CSV_FILES.entries()) await this.csvStreams[i]!.write(BOM + csvHeader(c.columns, this.lang));
    }
    if (this.formats.includes('xlsx')) {
      const lang = this.lang;
      const specs: SheetSpec[] = XLSX_SHEETS.map((x) => ({
        key: x.key,
        columns: x.columns,
        display: x.key === 'findings' ? (key, v) => (key === 'severity' && v in SEVERITY_NAMES ? SEVERITY_NAMES[v as keyof typeof SEVERITY_NAMES][lang] : v) : undefined,
      }));
      this.workbook = import('./xlsx/workbook.js').then(({ RunWorkbook }) => new RunWorkbook(join(this.outDir, 'reports.xlsx'), lang, specs));
      this.workbook.catch(() => {}); // awaited (and its failure reported) by add and finish
    }
    if (this.formats.includes('log')) {
      this.jsonl = await this.open('discrepancies.jsonl');
      this.findingsCsv = await this.open('discrepancies.csv');
      this.text = await this.open('discrepancies.txt');
      await this.findingsCsv.write(BOM + csvHeader(FINDING_COLUMNS, this.lang));
    }
  }

  /** The next part in input order. */
  async add(part: Part): Promise<void> {
    const { totals } = this;
    totals.files++;
    totals[part.manifest.status === 'ok' ? 'ok' : 'failed']++;
    for (const f of part.findings) totals[f.severity]++;
    if (part.findings.some((f) => f.severity === 'error')) totals.withErrors++;
    await this.manifestSpill!.write(`${JSON.stringify(part.manifest)}\n`);
    for (const [j, stream] of this.csvStreams.entries()) {
      const c = CSV_FILES[j]!;
      await stream.write(csvLines(part.rows[c.rows].map((cells) => guardCells(c.columns, cells))));
    }
    if (this.workbook) await this.addToWorkbook(await this.workbook, part);
    if (this.text) {
      for (const f of part.findings) await this.jsonl!.write(`${JSON.stringify(f)}\n`);
      await this.findingsCsv!.write(csvLines(part.rows.findings.map((cells) => guardCells(FINDING_COLUMNS, cells))));
      await this.text.write(part.summary.textLog);
    }
    if (this.indexSpill) {
      this.indexTally.add(part.summary.index);
      await this.indexSpill.write(`${indexRowData(part.summary.index)}\n`);
    }
  }

  private async addToWorkbook(workbook: RunWorkbook, part: Part): Promise<void> {
    for (const [j, x] of XLSX_SHEETS.entries()) await workbook.addRows(j, part.rows[x.rows]);
    for (const f of part.findings) {
      const entry = this.ruleCounts.get(f.rule) ?? { severity: f.severity, count: 0 };
      entry.count++;
      this.ruleCounts.set(f.rule, entry);
    }
    for (const row of part.rows.reports) {
      if (row[STATUS_CELL] !== 'ok') continue;
      const grade = String(row[GRADE_CELL] ?? '');
      this.gradeCounts.set(grade, (this.gradeCounts.get(grade) ?? 0) + 1);
    }
  }

  private async writeWorkbook(workbook: RunWorkbook, run: RunInfo): Promise<void> {
    const summary: WorkbookSummary = { version: run.version, options: run.options, totals: this.totals, rules: this.ruleCounts, grades: this.gradeCounts };
    await workbook.finish(summary);
  }

  /** Writes the manifest and the audit index and makes every file appear under its name. */
  async finish(run: RunInfo): Promise<LogTotals> {
    try {
      await this.text?.write(textLogSummary(this.totals, this.lang));
      const manifest = await this.open('manifest.json');
      await manifest.write(`{\n  "tool": ${JSON.stringify({ name: 'selfeval', version: run.version })},\n  "startedAt": ${JSON.stringify(run.startedAt)},\n  "finishedAt": ${JSON.stringify(run.finishedAt)},\n  "options": ${JSON.stringify(run.options)},\n  "skipped": ${JSON.stringify(run.skipped)},${run.merge === undefined ? '' : `\n  "merge": ${JSON.stringify(run.merge)},`}\n  "inputs": [`);
      let first = true;
      for await (const entry of this.spilledLines(this.manifestSpill!)) {
        await manifest.write(`${first ? '' : ','}\n    ${entry}`);
        first = false;
      }
      await manifest.write(`\n  ],\n  "totals": ${JSON.stringify(this.totals)}\n}\n`);
      if (this.indexSpill) await this.writeIndexPage(this.indexSpill);
      // Before the other files appear: a run whose workbook fails publishes nothing, like any other failure.
      if (this.workbook) await this.writeWorkbook(await this.workbook, run);
      for (const s of this.streams) await s.commit();
      return this.totals;
    } catch (e) {
      await this.abort();
      throw e;
    }
  }

  /** The lines a spill file holds, read as they are used; it is no longer among the files to publish or remove. */
  private spilledLines(spill: AtomicStream): AsyncGenerator<string> {
    this.streams.splice(this.streams.indexOf(spill), 1);
    return spill.readLinesAndRemove();
  }

  /**
   * The audit index, its rows streamed from their spill file (each already in the page's form) between
   * the head and the tail the tally makes: the page of a large run is never held in memory.
   */
  private async writeIndexPage(spill: AtomicStream): Promise<void> {
    const { head, tail } = this.indexTally.page(this.lang);
    const page = await this.open(join(HTML_DIR, 'index.html'));
    await page.write(head);
    let first = true;
    for await (const row of this.spilledLines(spill)) {
      await page.write(first ? row : `,${row}`);
      first = false;
    }
    await page.write(tail);
  }

  async abort(): Promise<void> {
    const workbook = this.workbook;
    this.workbook = null;
    await Promise.all([...this.streams.map((s) => s.abort()), workbook?.then((w) => w.abort(), () => {})]);
  }
}
