/**
 * Legacy Excel 97–2003 .xls (BIFF in an OLE2 compound file): converted to .xlsx by LibreOffice
 * (`soffice --headless --convert-to xlsx`, which keeps number formats and cached formula results), then
 * read by the xlsx converter. Without LibreOffice the file fails with `legacy-xls-needs-libreoffice`.
 */
import { classifyOle2 } from '../ingest/sniff.js';
import { DocumentError } from '../model/errors.js';
import { convertWithSoffice, type SofficeOptions } from './soffice.js';
import { convertXlsx, type XlsxConversion, type XlsxOptions } from './xlsx/index.js';

export interface LegacyXlsOptions extends XlsxOptions, SofficeOptions {}

/** .xls bytes → .xlsx bytes through LibreOffice. */
export async function legacyXlsToXlsx(bytes: Uint8Array, options: LegacyXlsOptions = {}): Promise<Uint8Array> {
  const kind = classifyOle2(bytes);
  if (kind === 'encrypted') throw new DocumentError('encrypted-document');
  if (kind !== 'xls') throw new DocumentError('not-a-report', { zh: '这是 OLE2 文件，但不含 Excel 工作簿', en: 'an OLE2 file without an Excel workbook stream' });
  return convertWithSoffice(bytes, { from: 'xls', to: 'xlsx', missing: 'legacy-xls-needs-libreoffice', component: { library: 'sclo', name: 'Calc' } }, options);
}

/** .xls → HTML: LibreOffice to .xlsx, then the xlsx converter. */
export async function convertLegacyXls(bytes: Uint8Array, options: LegacyXlsOptions = {}): Promise<XlsxConversion> {
  return convertXlsx(await legacyXlsToXlsx(bytes, options), options);
}
