import type { Rule } from '../check/types.js';
import type { Evaluation } from '../model/evaluation.js';
import type { DocumentGrid } from '../model/grid.js';
import type { SourceRef } from '../model/source.js';

/** A problem met while reading the document (becomes an extract-… finding). */
export interface ExtractNote {
  rule: string;
  path: string;
  src: SourceRef;
  text: string;
  message: { zh: string; en: string };
  severity?: 'error' | 'warning' | 'info';
}

/** A form as read, before it is numbered and checked. */
export type FormModel = Omit<Evaluation, 'part' | 'checks'>;

export interface Extraction {
  evaluation: FormModel;
  notes: ExtractNote[];
}

/** The region of a document that a template reads as one form. */
export interface Claim {
  /** Top-level tables the form occupies, in document order (may be empty for a form without tables). */
  tables: number[];
  /** Index of the block where the form starts: orders the forms of a file. */
  start: number;
  /**
   * The paragraphs (outside tables) this form owns, as block indices [from, until), when the same
   * template reads several forms of a file; absent, the form owns every paragraph.
   */
  paragraphs?: { from: number; until: number };
}

/**
 * One form template: which regions of a document it reads and how. Adding a template is adding a folder
 * with one of these and listing it in ./index.ts.
 */
export interface Template {
  id: string;
  /**
   * The forms this template sees, each only where its defining labels are present. `grid` holds only
   * the tables that templates listed before this one left unclaimed.
   */
  claim(grid: DocumentGrid): Claim[];
  extract(grid: DocumentGrid, claim: Claim): Extraction;
  /** Rules that only this template's forms have data for (run after the general catalogue). */
  rules: readonly Rule[];
}
