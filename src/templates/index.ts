import type { DocumentGrid } from '../model/grid.js';
import { gridView } from '../parse/region.js';
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
