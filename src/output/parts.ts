/**
 * One small "part" file per processed document under <out>/.selfeval/parts/: its manifest entry, its CSV
 * rows and findings. The final files are assembled from the parts in input order, so a batch never
 * holds its results in memory, and the parts are what --resume reuses.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { ManifestEntry } from '../model/document.js';
import type { DocumentResult } from '../model/result.js';
import { writeFileAtomicSync } from './atomic.js';
import { indexRowOf, type IndexRow } from './html/index-row.js';
import { textLogForDocument } from './log-text.js';
import { rawCells, type CellValue } from './csv.js';
import { EXPENDITURE_COLUMNS, FINDING_COLUMNS, FUNDS_COLUMNS, INDICATOR_COLUMNS, REPORT_COLUMNS, RUBRIC_COLUMNS, findingRows, itemRows, reportRows } from './columns.js';

export const STATE_DIR = '.selfeval';

export interface Part {
  /** What the part was made from: same content, same tool version, same options → reusable. */
  key: string;
  manifest: ManifestEntry;
  /** Cells as read, text not yet formula-guarded: the CSV files guard them, the workbook writes text as text. */
  rows: { reports: CellValue[][]; funds: CellValue[][]; expenditures: CellValue[][]; indicators: CellValue[][]; rubric: CellValue[][]; findings: CellValue[][] };
  findings: Finding[];
  /** This document's block of discrepancies.txt and its row of the audit index, rendered in the worker. */
  summary: { textLog: string; index: IndexRow };
}

export function partPath(outDir: string, name: string): string {
  return join(outDir, STATE_DIR, 'parts', `${name}.json`);
}

export function partKey(sha256: string | null, version: string, optionsFingerprint: string): string {
  return createHash('sha256').update(`${sha256 ?? ''}\u0000${version}\u0000${optionsFingerprint}`).digest('hex');
}

export function manifestEntry(r: DocumentResult): ManifestEntry {
  return {
    file: r.file,
    name: r.name,
    sha256: r.sha256,
    bytes: r.bytes,
    format: r.format,
    template: r.template,
    evaluations: r.evaluations.length,
    status: r.status,
    errorCode: r.errorCode,
    error: r.error,
    findings: {
      error: r.findings.filter((f) => f.severity === 'error').length,
      warning: r.findings.filter((f) => f.severity === 'warning').length,
      info: r.findings.filter((f) => f.severity === 'info').length,
    },
    timingsMs: r.timingsMs,
  };
}

export function buildPart(r: DocumentResult, key: string, lang: Lang): Part {
  const items = itemRows(r);
  return {
    key,
    manifest: manifestEntry(r),
    rows: {
      reports: reportRows(r).map((row) => rawCells(REPORT_COLUMNS, row)),
      funds: items.funds.map((row) => rawCells(FUNDS_COLUMNS, row)),
      expenditures: items.expenditures.map((row) => rawCells(EXPENDITURE_COLUMNS, row)),
      indicators: items.indicators.map((row) => rawCells(INDICATOR_COLUMNS, row)),
      rubric: items.rubric.map((row) => rawCells(RUBRIC_COLUMNS, row)),
      findings: findingRows(r, lang).map((row) => rawCells(FINDING_COLUMNS, row)),
    },
    findings: r.findings,
    summary: {
      textLog: textLogForDocument({ file: r.file, status: r.status, error: r.error, evaluations: r.evaluations, findings: r.findings }, lang),
      index: indexRowOf(r),
    },
  };
}

/** A part written on its own, synchronously (a merge copies its shards' parts; a run's are written by commitDocumentFiles). Returns the JSON written. */
export function writePart(outDir: string, part: Part): string {
  const json = JSON.stringify(part);
  writeFileAtomicSync(partPath(outDir, part.manifest.name), json);
  return json;
}

export async function readPart(outDir: string, name: string): Promise<Part | null> {
  try {
    return JSON.parse(await readFile(partPath(outDir, name), 'utf8')) as Part;
  } catch {
    return null;
  }
}

export function optionsFingerprint(lang: Lang, configJson: string): string {
  return createHash('sha256').update(`${lang}\u0000${configJson}`).digest('hex').slice(0, 16);
}
