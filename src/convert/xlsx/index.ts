/**
 * .xlsx → HTML: every visible sheet, in workbook order, as a paragraph with its name and its table(s)
 * (layout.ts), each cell as Excel displays it (sheet.ts, display.ts). The package is read with the
 * same zip-bomb and size limits as a .docx, and only the parts that hold cells are inflated.
 */
import { DocumentError } from '../../model/errors.js';
import { listZipEntries, readZipEntries, type ZipLimits } from '../../ingest/zip.js';
import type { ConverterMessage } from '../docx/index.js';
import { sheetHtml } from './layout.js';
import { readCreator, readRels, readSharedStrings, readStyles, readWorkbook } from './parts.js';
import { readSheet } from './sheet.js';

export interface XlsxOptions {
  /** Zip-bomb limits (defaults: 200 MB uncompressed, 10,000 entries). */
  limits?: ZipLimits;
}

export interface XlsxConversion {
  html: string;
  messages: ConverterMessage[];
}

const WORKBOOK = 'xl/workbook.xml';
const CORE_PROPERTIES = 'docProps/core.xml';

/** Parts that hold cells, strings, styles or the links between them (no media, drawings, pivot caches…). */
function wanted(name: string): boolean {
  if (name === '_rels/.rels' || name === CORE_PROPERTIES) return true;
  if (!name.startsWith('xl/') || !(name.endsWith('.xml') || name.endsWith('.rels'))) return false;
  return !/^xl\/(media|drawings|charts|chartsheets|pivotCache|pivotTables|externalLinks|printerSettings|theme|embeddings|ctrlProps|richData|queryTables|tables|worksheets\/_rels)\//u.test(name);
}

/** The first ten of a list of cells, rows or columns, for a message ("B1, B2, …"). */
function firstTen(items: readonly string[]): string {
  return items.slice(0, 10).join(', ') + (items.length > 10 ? ', …' : '');
}

export function convertXlsx(bytes: Uint8Array, options: XlsxOptions = {}): XlsxConversion {
  const entries = listZipEntries(bytes, options.limits);
  if (!entries.some((e) => e.name === WORKBOOK)) throw new DocumentError('not-a-report', { zh: `文件包中没有 ${WORKBOOK}`, en: `no ${WORKBOOK} in the package` });
  const { files } = readZipEntries(bytes, wanted, options.limits);
  // selfeval's own reports.xlsx lists reports under their labels (计划安排资金, 绩效自评综合得分 …): fed back
  // in, it would read as one. It says who wrote it.
  if (readCreator(files[CORE_PROPERTIES], CORE_PROPERTIES) === 'selfeval') {
    throw new DocumentError('not-a-report', { zh: '这是 selfeval 输出的汇总工作簿（reports.xlsx），不是自评报告', en: 'this is a summary workbook selfeval wrote (reports.xlsx), not a self-evaluation report' });
  }
  const rels = readRels(files['xl/_rels/workbook.xml.rels'], 'xl/_rels/workbook.xml.rels', 'xl');
  const { sheets, date1904, resultsStale } = readWorkbook(files[WORKBOOK]!, rels);
  const partOf = (type: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.part ?? fallback;
  const stringsPart = partOf('sharedStrings', 'xl/sharedStrings.xml');
  const stylesPart = partOf('styles', 'xl/styles.xml');
  const sharedStrings = readSharedStrings(files[stringsPart], stringsPart);
  const { formats, xfFormat, xfBordered, xfAcross } = readStyles(files[stylesPart], stylesPart);

  const messages: ConverterMessage[] = [];
  const html: string[] = [];
  let tables = 0;
  for (const sheet of sheets) {
    if (sheet.hidden) {
      messages.push({ rule: 'extract-xlsx-hidden-sheet', message: `sheet "${sheet.name}" is hidden and was not read`, subject: sheet.name });
      continue;
    }
    const data = sheet.part ? files[sheet.part] : undefined;
    if (!data) continue; // a chart sheet, or a sheet whose part is missing: no cells to read
    const content = readSheet(data, sheet.part!, { sharedStrings, formats, xfFormat, xfBordered, xfAcross, date1904, resultsStale });
    if (content.uncached.length) {
      const shown = firstTen(content.uncached);
      const why = resultsStale ? 'without a saved result, or with 0 saved as every result in a workbook marked for recalculation when opened (fullCalcOnLoad),' : 'without a saved result';
      const message = `sheet "${sheet.name}": ${content.uncached.length} formula cell(s) ${why} (${shown}), read as empty; open and save the file in Excel to store the results`;
      messages.push({ rule: 'extract-xlsx-formula-uncached', message, table: tables });
    }
    for (const [code, refs] of content.unrendered) {
      const shown = firstTen(refs);
      const message = `sheet "${sheet.name}": ${refs.length} number cell(s) (${shown}) with the number format "${code}", which could not be rendered, are shown in General format, which may print more or fewer decimals than Excel`;
      messages.push({ rule: 'extract-xlsx-number-format', message, table: tables });
    }
    const { rows, cols } = content.hidden;
    if (rows.length || cols.length) {
      const list = (what: string, items: string[]) => `${items.length} hidden ${what}(s) (${firstTen(items)})`;
      const hidden = [rows.length ? list('row', rows) : '', cols.length ? list('column', cols) : ''].filter(Boolean).join(' and ');
      messages.push({ rule: 'extract-xlsx-hidden-cells', message: `sheet "${sheet.name}": ${hidden} hold text that was not read, as Excel does not show them`, table: tables });
    }
    const out = sheetHtml(sheet.name, content);
    html.push(out.html);
    tables += out.tables;
  }
  return { html: `<html><body>\n${html.join('\n')}\n</body></html>`, messages };
}
