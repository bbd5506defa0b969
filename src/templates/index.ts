import type { DocumentGrid } from '../model/grid.js';
import { MAX_TABLE_NESTING } from '../model/limits.js';
import { gridView } from '../parse/region.js';
import { holdsTables, inlineValueTables, unwrapTables } from '../parse/unwrap.js';
import { hunanProjectV1 } from './hunan-project-v1/index.js';
import { anhuiProject } from './anhui-project/index.js';
import { hubeiProject } from './hubei-project/index.js';
import { mofDepartment, mofProject } from './mof/index.js';
import { scoringRubric } from './scoring-rubric/index.js';
import { sichuanProject } from './sichuan-project/index.js';
import type { Claim, Template } from './types.js';

import { RULES } from '../check/rules/index.js';
import type { Rule } from '../check/types.js';

export type { Template, Extraction, ExtractNote, Claim, FormModel } from './types.js';

/** Every known template. */
export const TEMPLATES: readonly Template[] = [sichuanProject, hubeiProject, anhuiProject, mofProject, mofDepartment, hunanProjectV1, scoringRubric];

/** Every rule there is: the general catalogue, then each template's own (a shared id listed once). */
export const RULE_CATALOGUE: readonly Rule[] = [...RULES, ...TEMPLATES.flatMap((t) => t.rules)].filter(
  (rule, i, all) => all.findIndex((r) => r.id === rule.id) === i,
);

export interface RecognizedForm {
  template: Template;
  claim: Claim;
}

/**
 * The forms of a document in document order. Templates claim regions in the order listed, the most
 * specific first: each sees only the tables no template before it claimed, so no table is read twice
 * and a form defined by many labels (an MoF 自评表) is never taken for a looser one.
 */
export function recognizeForms(grid: DocumentGrid): RecognizedForm[] {
  const taken = new Set<number>();
  const forms: RecognizedForm[] = [];
  for (const template of TEMPLATES) {
    for (const claim of template.claim(gridView(grid, (t) => !taken.has(t)))) {
      claim.tables.forEach((t) => taken.add(t));
      forms.push({ template, claim });
    }
  }
  return forms.sort((a, b) => a.claim.start - b.claim.start);
}

export interface RecognizedDocument {
  /** The grid the forms were read from: the document's, or it with its layout tables opened up. */
  grid: DocumentGrid;
  forms: RecognizedForm[];
}

/**
 * The forms of a document, looking inside layout tables too: a table no template claims that holds
 * tables in its cells (a CMS page's frame around a form) is opened up (parse/unwrap.ts), one level of
 * nesting at a time, and the document is read from the opened grid when that holds more forms. A table
 * nested in a form's cell stays in its form, and a document without such a frame keeps its own grid.
 * A cell whose value is a one-cell table of its own reads that value (parse/unwrap.ts).
 */
export function recognizeDocument(parsed: DocumentGrid): RecognizedDocument {
  const grid = inlineValueTables(parsed);
  let best: RecognizedDocument = { grid, forms: recognizeForms(grid) };
  let current = best;
  for (let level = 0; level < MAX_TABLE_NESTING; level++) {
    const claimed = new Set(current.forms.flatMap((f) => f.claim.tables));
    const layout = new Set(current.grid.tables.filter((t) => !claimed.has(t.index) && holdsTables(t)).map((t) => t.index));
    if (layout.size === 0) break;
    const opened = unwrapTables(current.grid, layout);
    current = { grid: opened, forms: recognizeForms(opened) };
    if (current.forms.length > best.forms.length) best = current;
  }
  return best;
}
