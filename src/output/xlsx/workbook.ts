/**
 * reports.xlsx, written with exceljs's streaming writer while the batch runs: each part's rows go into
 * their sheets as the part arrives, so the end of a run only writes the summary sheet (its counts are
 * known only then) and zips. Each sheet's XML is spooled to a temporary file of its own meanwhile: the
 * zip takes one entry at a time, and the sheets waiting for their turn would otherwise sit in memory.
 */
import { EventEmitter } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type { Lang } from '../../model/errors.js';
import { tempPath } from '../atomic.js';
import { GatheredFile } from '../gathered-file.js';
import type { CellValue, Column } from '../csv.js';
import { columnWidth, numberCell, textCell } from './cells.js';
import { SHEET_NAMES, summaryRows, type SheetKey, type WorkbookSummary } from './summary.js';

export interface SheetSpec {
  key: Exclude<SheetKey, 'summary'>;
  columns: Column<never>[];
  /** Rewrites a cell for people (the findings sheet names severities in the run's language). */
  display?: (columnKey: string, value: string) => string;
}

/** Zip entries carry this date, and the workbook's properties too: the same run gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
/** Wait for a sheet's file to catch up every so many rows: exceljs itself never waits for it. */
const DRAIN_EVERY = 200;

/**
 * Only exceljs's streaming writer, not the package's entry, which also loads its readers (unzipper,
 * fast-csv, …): half the load time (~90 against ~200 ms) and ~8 MB less heap. exceljs has no exports
 * map, so the modules are reachable; the writer's type is the package's own.
 */
const load = createRequire(import.meta.url);
const WorkbookWriter = load('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;

/** exceljs's StreamBuf, which its writer still uses for the parts other than sheets. */
type StreamBuf = NodeJS.EventEmitter;

/** exceljs's StringBuf: a reused buffer and how much of it is filled. */
interface StringBufLike {
  buffer: Buffer;
  length: number;
}

/**
 * Where a sheet writer writes its XML: straight into a spool file's gathered buffers (see GatheredFile),
 * in place of exceljs's StreamBuf, which made a Buffer of every row and a new 64 KB buffer for every
 * 64 KB, each kept until written: over a long batch those reached the main thread's old generation and
 * piled up (with their external memory) until a full collection. The writer learns that the file is
 * written and closed from `done` (see _openStream), not from stream events.
 */
class SheetSpool extends EventEmitter {
  /** Settles once the spool file is written and closed; rejects when writing it failed. */
  readonly done: Promise<void>;
  private resolveEnd!: () => void;

  constructor(readonly file: GatheredFile) {
    super();
    const ended = new Promise<void>((resolve) => (this.resolveEnd = resolve));
    this.done = ended.then(() => file.close());
    // Looked at by the writer only when this sheet's turn to be zipped comes, which may be after it fails.
    this.done.catch(() => undefined);
  }

  /** exceljs pauses its streams so that they emit no 'data': this one never does. */
  pause(): void {}

  write(data: string | Buffer | StringBufLike): boolean {
    // Copied at once: exceljs fills its StringBuf again as soon as this returns.
    this.file.write(typeof data === 'string' || data instanceof Uint8Array ? data : data.buffer.subarray(0, data.length));
    return true;
  }

  end(): void {
    this.resolveEnd();
  }
}

type ZipAppend = (source: unknown, data: { name: string; date?: Date }) => unknown;
interface WriterInternals {
  zip: { append: ZipAppend };
  _openStream(path: string): StreamBuf;
}
const SHEET_PART = /^\/?xl\/worksheets\/sheet\d+\.xml$/u;

/**
 * exceljs gives its zip entries no date, so the archiver stamps the time of writing. The writer's
 * constructor already adds two entries (through addThemes, its first call), so the zip is given the
 * fixed date there, before any entry. Sheet parts are spooled (see the module's comment), each added
 * to the zip once its sheet is committed.
 */
class SpoolingWorkbookWriter extends WorkbookWriter {
  /** Spool file names start with `spoolBase`; set before the first sheet is added. */
  spoolBase = '';
  readonly spoolFiles: string[] = [];
  spoolError: Error | null = null;
  /**
   * Set when the workbook is abandoned: a sheet whose spool file finishes closing after that is not
   * zipped, since its file is being removed (the zip would fail to open it, with no one listening).
   */
  abandoned = false;
  /** Settles once every sheet opened so far is committed and in the zip's queue, in order. */
  zipTurn: Promise<void> = Promise.resolve();

  override addThemes(): Promise<void> {
    // Called once, by the constructor (no class field here: fields are set only after it returns).
    const zip = (this as unknown as WriterInternals).zip;
    const append = zip.append.bind(zip);
    zip.append = (source, data) => append(source, { ...data, date: FIXED_DATE });
    return super.addThemes();
  }

  /** Overrides exceljs's own (which appends every part's stream to the zip at once). */
  _openStream(path: string): StreamBuf {
    if (!SHEET_PART.test(path)) return (WorkbookWriter.prototype as unknown as WriterInternals)._openStream.call(this, path);
    const file = tempPath(`${this.spoolBase}.sheet${this.spoolFiles.length + 1}`);
    this.spoolFiles.push(file);
    const spool = new SheetSpool(new GatheredFile(file));
    const previous = this.zipTurn;
    // Once committed and on disk, each sheet goes to the zip in the order the sheets were added (the
    // same bytes every run); the writer's commit waits for 'zipped'.
    this.zipTurn = (async () => {
      await previous;
      // A spool file that failed is not zipped: spoolError fails the workbook.
      const written = await spool.done.then(
        () => true,
        (e: Error) => {
          this.spoolError ??= e;
          return false;
        },
      );
      if (written && !this.abandoned) (this as unknown as WriterInternals).zip.append(createReadStream(file), { name: path });
      spool.emit('zipped');
    })();
    return spool;
  }
}

/**
 * One style object per number format, shared by its cells: exceljs recognises a style object it has
 * seen and skips building its style record again (with a new object per cell, that was two thirds of
 * the time spent writing the workbook).
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
/** Text cells: no number format (exceljs gives a style without one "General" only for numbers). */
const TEXT_STYLE: Partial<ExcelJS.Style> = {};
function sharedStyle(numFmt: string): Partial<ExcelJS.Style> {
  let style = styles.get(numFmt);
  if (!style) styles.set(numFmt, (style = { numFmt }));
  return style;
}

type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

interface DataSheet {
  spec: SheetSpec;
  ws: SheetWriter;
  rows: number;
}

/** The workbook of a run: opened at its start, rows added part by part, finished (or aborted) at its end. */
export class RunWorkbook {
  private readonly tmp: string;
  private readonly out: ReturnType<typeof createWriteStream>;
  /** The workbook file written and closed; rejects when writing it failed (at any time in the run). */
  private readonly outDone: Promise<void>;
  private readonly wb: SpoolingWorkbookWriter;
  private readonly summarySheet: SheetWriter;
  private readonly sheets: DataSheet[];

  constructor(
    private readonly path: string,
    private readonly lang: Lang,
    specs: readonly SheetSpec[],
  ) {
    this.tmp = tempPath(path);
    this.out = createWriteStream(this.tmp);
    this.outDone = new Promise<void>((resolve, reject) => {
      this.out.on('close', resolve);
      this.out.on('error', reject);
    });
    this.outDone.catch(() => {}); // awaited by finish
    const wb = new SpoolingWorkbookWriter({ stream: this.out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 6 } } });
    wb.spoolBase = path;
    wb.created = FIXED_DATE;
    wb.modified = FIXED_DATE;
    wb.creator = 'selfeval';
    wb.lastModifiedBy = 'selfeval';
    this.wb = wb;
    // Sheets in tab order: the summary first, written last.
    this.summarySheet = wb.addWorksheet(SHEET_NAMES.summary[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheets = specs.map((spec) => {
      const headers = spec.columns.map((c) => (lang === 'zh' ? c.zh : c.en));
      const ws = wb.addWorksheet(SHEET_NAMES[spec.key][lang], { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = spec.columns.map((c, i) => ({ width: columnWidth(c, headers[i]!) }));
      const header = ws.addRow(headers);
      header.font = { bold: true };
      header.commit();
      return { spec, ws, rows: 0 };
    });
  }

  /** Rows of sheet `index` (in the order the sheets were given), in input order. */
  async addRows(index: number, rows: readonly CellValue[][]): Promise<void> {
    if (this.wb.spoolError) throw this.wb.spoolError;
    const sheet = this.sheets[index]!;
    for (const cells of rows) {
      writeRow(sheet, cells);
      if (sheet.rows % DRAIN_EVERY === 0) await caughtUp(sheet.ws);
    }
  }

  /** Writes the summary sheet, zips the spooled sheets and makes the workbook appear under its name. */
  async finish(summary: WorkbookSummary): Promise<void> {
    try {
      writeSummarySheet(this.summarySheet, this.lang, summary);
      for (const { ws, rows, spec } of this.sheets) {
        ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: spec.columns.length } };
        ws.commit();
      }
      // Every sheet in the zip's queue before the writer adds the parts that list them, and finalizes.
      await this.wb.zipTurn;
      if (this.wb.spoolError) throw this.wb.spoolError;
      await Promise.all([this.wb.commit(), this.outDone]);
      await rename(this.tmp, this.path);
    } catch (e) {
      await this.abort();
      throw e;
    } finally {
      await this.removeSpool();
    }
  }

  async abort(): Promise<void> {
    this.wb.abandoned = true;
    this.out.destroy();
    await rm(this.tmp, { force: true });
    await this.removeSpool();
  }

  private async removeSpool(): Promise<void> {
    for (const ws of [this.summarySheet, ...this.sheets.map((s) => s.ws)]) {
      // A sheet's spool file stays open until its sheet is committed.
      await (ws as unknown as { _stream?: SheetSpool })._stream?.file.discard();
    }
    await Promise.all(this.wb.spoolFiles.map((f) => rm(f, { force: true })));
  }
}

/**
 * Back-pressure exceljs does not apply: a sheet writer writes on to its spool file without waiting,
 * so a fast producer would pile the sheet up in memory. Waits until its spool file has at most one
 * buffer being written.
 */
async function caughtUp(ws: SheetWriter): Promise<void> {
  await (ws as unknown as { stream: SheetSpool }).stream.file.drained();
}

function writeRow(sheet: DataSheet, cells: readonly CellValue[]): void {
  const { spec, ws } = sheet;
  const row = ws.getRow(sheet.rows + 2);
  spec.columns.forEach((column, i) => {
    const raw = cells[i];
    if (raw === null || raw === undefined || raw === '') return;
    const text = String(raw);
    const cell = row.getCell(i + 1);
    const number = column.kind === 'number' ? numberCell(text, column.key) : null;
    if (number) {
      cell.value = number.value;
      cell.style = sharedStyle(number.numFmt ?? 'General');
    } else {
      cell.style = TEXT_STYLE;
      cell.value = textCell(spec.display ? spec.display(column.key, text) : text);
    }
  });
  row.commit();
  sheet.rows++;
}

function writeSummarySheet(ws: SheetWriter, lang: Lang, summary: WorkbookSummary): void {
  ws.columns = [{ width: 30 }, { width: 34 }, { width: 12 }, { width: 12 }];
  for (const { cells, heading } of summaryRows(summary, lang)) {
    const row = ws.addRow(cells.map((c) => (typeof c === 'string' ? textCell(c) : c)));
    if (heading) row.font = { bold: true };
    row.commit();
  }
  ws.commit();
}
