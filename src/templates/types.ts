import type { DocumentGrid } from '../model/grid.js';
import type { Report } from '../model/report.js';
import type { SourceRef } from '../model/source.js';

/** A problem met while reading the document (becomes an extract-… finding). */
export interface ExtractNote {
  rule: string;
  path: string;
  src: SourceRef;
  text: string;
  message: { zh: string; en: string };
}

export interface Extraction {
  report: Report;
  notes: ExtractNote[];
}

/**
 * One report template: how to recognise it and how to locate its fields. Adding a template is adding
 * a folder with one of these and listing it in ./index.ts.
 */
export interface Template {
  id: string;
  /** How many of the template's landmarks the document shows (0 = not this template). */
  recognize(grid: DocumentGrid): number;
  extract(grid: DocumentGrid): Extraction;
}
