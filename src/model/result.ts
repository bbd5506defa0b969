import type { ErrorCode, InputFormat } from './document.js';
import type { Finding } from './finding.js';
import type { DocumentGrid } from './grid.js';
import type { Evaluation } from './evaluation.js';

/** What processing one document gives: its model and findings, or why it failed. */
export interface DocumentResult {
  file: string;
  name: string;
  sha256: string | null;
  bytes: number | null;
  format: InputFormat | null;
  encoding: string | null;
  status: 'ok' | 'failed';
  errorCode: ErrorCode | null;
  error: string | null;
  template: string | null;
  evaluations: Evaluation[];
  findings: Finding[];
  timingsMs: Record<string, number>;
  html?: string;
  grid?: DocumentGrid;
}
