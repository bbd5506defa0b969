/**
 * The audit view's pages written on their own, for tests that open them (a run writes report pages with
 * each document's files and streams the index at its end): atomically, at the paths a run uses.
 */
import { join } from 'node:path';
import { writeFileAtomicSync } from '../../src/output/atomic.js';
import { HTML_DIR, renderIndexPage, renderReportPage, reportPagePath, type IndexRow, type ReportPageInput } from '../../src/output/html/index.js';
import type { Lang } from '../../src/model/errors.js';

/** Writes one report page; returns its path. */
export function writeReportPage(outDir: string, input: ReportPageInput): string {
  const path = reportPagePath(outDir, input.name);
  writeFileAtomicSync(path, renderReportPage(input));
  return path;
}

/** Writes the index of the given rows (in input order); returns its path. */
export function writeIndexPage(outDir: string, rows: readonly IndexRow[], lang: Lang): string {
  const path = join(outDir, HTML_DIR, 'index.html');
  writeFileAtomicSync(path, renderIndexPage(rows, lang));
  return path;
}
