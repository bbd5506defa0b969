import { join } from 'node:path';
import type { ReportFile } from '../model/document.js';
import type { DocumentResult } from '../model/result.js';

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

/** The text of reports/<name>.json, or null when the document has no report (failed, or no form read). */
export function reportJsonText(r: DocumentResult, version: string): string | null {
  const file = reportFile(r, version);
  return file ? `${JSON.stringify(file)}\n` : null;
}
