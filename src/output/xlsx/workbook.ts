/**
 * reports.xlsx, written with exceljs's streaming writer: one sheet after the other, each from rows read
 * line by line from a spill file, so the workbook never holds a run in memory. The summary sheet comes
 * first; its counts are gathered while the parts arrive.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type { Lang } from '../../model/errors.js';
import { tempPath } from '../atomic.js';
import type { CellValue, Column } from '../csv.js';
import { columnWidth, numberCell, textCell } from './cells.js';
import { SHEET_NAMES, summaryRows, type SheetKey, type WorkbookSummary } from './summary.js';

export interface SheetSource {
  key: Exclude<SheetKey, 'summary'>;
  columns: Column<never>[];
  rows: AsyncIterable<CellValue[]>;
  /** Rewrites a cell for people (the findings sheet names severities in the run's language). */
  display?: (columnKey: string, value: string) => string;
}

/** Zip entries carry this date, and the workbook's properties too: the same run gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
/** Wait for the zip to catch up every so many rows: the writer itself never waits for it. */
const DRAIN_EVERY = 200;

interface SheetStream {
  /** exceljs's StreamBuf: the zip entry it is piped into once the archiver reaches it, and its own buffers. */
  pipes: NodeJS.WritableStream[];
  buffers: unknown[];
}

/**
 * Back-pressure exceljs does not apply: a worksheet's rows go into its StreamBuf, which writes them on to
 * the archiver without waiting, so a fast reader would pile the whole sheet up in memory. Until the
 * archiver takes the entry, wait while more than a few 64 KB buffers are held; then wait for every
 * destination that asks for a drain.
 */
async function caughtUp(ws: unknown): Promise<void> {
  const stream = (ws as { stream: SheetStream }).stream;
  while (stream.pipes.length === 0 && stream.buffers.length > 8) await new Promise((resolve) => setTimeout(resolve, 2));
  // archiver's entry streams come from readable-stream 2, which has no writableNeedDrain.
  for (const pipe of stream.pipes as unknown as (NodeJS.EventEmitter & { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } })[]) {
    if (pipe.writableNeedDrain ?? pipe._writableState?.needDrain) await once(pipe, 'drain');
  }
}

/**
 * Only exceljs's streaming writer, not the package's entry, which also loads its readers (unzipper,
 * fast-csv, …): half the load time (~90 against ~200 ms, paid on the main thread near the end of a run
 * while the workers wait for their next documents) and ~8 MB less heap. exceljs has no exports map, so
 * the module is reachable; its type is the package's own.
 */
const WorkbookWriter = createRequire(import.meta.url)('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;

type ZipAppend = (source: unknown, data: { name: string; date?: Date }) => unknown;

/**
 * exceljs gives its zip entries no date, so the archiver stamps the time of writing. The writer's
 * constructor already adds two entries (through addThemes, its first call), so the zip is given the
 * fixed date there, before any entry.
 */
class DatedWorkbookWriter extends WorkbookWriter {
  override addThemes(): Promise<void> {
    // Called once, by the constructor (no class field here: fields are set only after it returns).
    const zip = (this as unknown as { zip: { append: ZipAppend } }).zip;
    const append = zip.append.bind(zip);
    zip.append = (source, data) => append(source, { ...data, date: FIXED_DATE });
    return super.addThemes();
  }
}

export async function writeWorkbook(path: string, lang: Lang, summary: WorkbookSummary, sheets: SheetSource[]): Promise<void> {
  const tmp = tempPath(path);
  const out = createWriteStream(tmp);
  try {
    const wb = new DatedWorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 6 } } });
    wb.created = FIXED_DATE;
    wb.modified = FIXED_DATE;
    wb.creator = 'selfeval';
    wb.lastModifiedBy = 'selfeval';

    writeSummarySheet(wb, lang, summary);
    for (const sheet of sheets) await writeDataSheet(wb, lang, sheet);
    await Promise.all([wb.commit(), once(out, 'close')]);
    await rename(tmp, path);
  } catch (e) {
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}

function writeSummarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, lang: Lang, summary: WorkbookSummary): void {
  const ws = wb.addWorksheet(SHEET_NAMES.summary[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ width: 30 }, { width: 34 }, { width: 12 }, { width: 12 }];
  for (const { cells, heading } of summaryRows(summary, lang)) {
    const row = ws.addRow(cells.map((c) => (typeof c === 'string' ? textCell(c) : c)));
    if (heading) row.font = { bold: true };
    row.commit();
  }
  ws.commit();
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

async function writeDataSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, lang: Lang, sheet: SheetSource): Promise<void> {
  const headers = sheet.columns.map((c) => (lang === 'zh' ? c.zh : c.en));
  const ws = wb.addWorksheet(SHEET_NAMES[sheet.key][lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({ width: columnWidth(c, headers[i]!) }));
  const header = ws.addRow(headers);
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  for await (const cells of sheet.rows) {
    const row = ws.getRow(rows + 2);
    sheet.columns.forEach((column, i) => {
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
        cell.value = textCell(sheet.display ? sheet.display(column.key, text) : text);
      }
    });
    row.commit();
    if (++rows % DRAIN_EVERY === 0) await caughtUp(ws);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: sheet.columns.length } };
  ws.commit();
}
