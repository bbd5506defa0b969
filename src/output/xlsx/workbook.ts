/**
 * reports.xlsx, written with exceljs's streaming writer: one sheet after the other, each from rows read
 * line by line from a spill file, so the workbook never holds a run in memory. The summary sheet comes
 * first; its counts are gathered while the parts arrive.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
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
/** Let the zip stream drain every so many rows: the writer itself does not wait for it. */
const YIELD_EVERY = 500;

type ZipAppend = (source: unknown, data: { name: string; date?: Date }) => unknown;

/**
 * exceljs gives its zip entries no date, so the archiver stamps the time of writing. The writer's
 * constructor already adds two entries (through addThemes, its first call), so the zip is given the
 * fixed date there, before any entry.
 */
class DatedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
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
        if (number.numFmt) cell.numFmt = number.numFmt;
      } else {
        cell.value = textCell(sheet.display ? sheet.display(column.key, text) : text);
      }
    });
    row.commit();
    if (++rows % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: sheet.columns.length } };
  ws.commit();
}
