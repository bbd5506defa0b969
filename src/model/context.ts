import type { InputFormat } from './document.js';
import type { Finding } from './finding.js';
import type { DocumentGrid } from './grid.js';
import type { Evaluation } from './evaluation.js';

/**
 * The one structure that flows through the pipeline: each stage reads what the stages before it left
 * and adds its own part.
 */
export interface DocumentContext {
  /** Input path relative to the working folder, with / separators ("-" for stdin). */
  file: string;
  /** Safe output name (no folder can be escaped with it). */
  name: string;
  bytes: Uint8Array;
  sha256: string;
  /** ingest */
  format: InputFormat | null;
  encoding: string | null;
  text?: string;
  /** convert */
  html?: string;
  /** parse */
  grid?: DocumentGrid;
  evaluations?: Evaluation[];
  /** extraction findings (extract-…) are added by convert/parse, rule findings by check */
  findings: Finding[];
  timings: Record<string, number>;
}
