import { join } from 'node:path';
import type { ReportFile } from '../model/document.js';
import type { DocumentResult } from '../model/result.js';
import { writeFileAtomicSync } from './atomic.js';

export function reportFile(r: DocumentResult, version: string): ReportFile | null {
  if (r.status !== 'ok' || r.evaluations.length === 0) return null;
  return {
    tool: { name: 'selfeval', version },
    source: { file: r.file, name: r.name, sha256: r.sha256 ?? '', bytes: r.bytes ?? 0, format: r.format, encoding: r.encoding },
    evaluations: r.evaluations,
    findings: r.findings,
  };
}

export function reportJsonPath(outDir: string, name: string): string {
  return join(outDir, 'reports', `${name}.json`);
}

/** Synchronous: written by the document's worker thread (see writeFileAtomicSync). */
export function writeReportJson(outDir: string, r: DocumentResult, version: string): void {
  const file = reportFile(r, version);
  if (file) writeFileAtomicSync(reportJsonPath(outDir, r.name), `${JSON.stringify(file)}\n`);
}
