/** Writers of the audit view: `<outDir>/html/<name>.html` and `<outDir>/html/index.html`, atomically. */
import { join } from 'node:path';
import { writeFileAtomicSync } from '../atomic.js';
import { pageFileName } from './escape.js';
import type { Lang } from './i18n.js';
import { renderIndexPage } from './index-page.js';
import type { IndexRow } from './index-row.js';
import { renderReportPage, type ReportPageInput } from './report-page.js';

export const HTML_DIR = 'html';

export function reportPagePath(outDir: string, name: string): string {
  if (name === '' || /[/\\]/u.test(name) || name.startsWith('.')) throw new Error(`unsafe page name: ${JSON.stringify(name)}`);
  return join(outDir, HTML_DIR, pageFileName(name));
}

/** Writes one report page (synchronously, from the document's worker thread); returns its path. */
export function writeReportPage(outDir: string, input: ReportPageInput): string {
  const path = reportPagePath(outDir, input.name);
  writeFileAtomicSync(path, renderReportPage(input));
  return path;
}

/** Writes the index of the run (rows in input order), synchronously; returns its path. */
export function writeIndexPage(outDir: string, rows: readonly IndexRow[], lang: Lang): string {
  const path = join(outDir, HTML_DIR, 'index.html');
  writeFileAtomicSync(path, renderIndexPage(rows, lang));
  return path;
}
