/**
 * The clean MoF forms: every number consistent with the formulas of mof-family.md §5 (build.ts derives
 * them). Tests that mutate one value start from a deep copy (`cloneForm`).
 */
import { buildForm } from './build.js';
import { DEPARTMENT_SPECS } from './catalogue-department.js';
import { PROJECT_SPECS } from './catalogue-project.js';
import type { MofForm } from './form.js';

export const CLEAN_PROJECT_FORMS: readonly MofForm[] = PROJECT_SPECS.map(buildForm);
export const CLEAN_DEPARTMENT_FORMS: readonly MofForm[] = DEPARTMENT_SPECS.map(buildForm);
export const CLEAN_FORMS: readonly MofForm[] = [...CLEAN_PROJECT_FORMS, ...CLEAN_DEPARTMENT_FORMS];

export function formById(id: string): MofForm {
  const form = CLEAN_FORMS.find((f) => f.id === id);
  if (!form) throw new Error(`no clean MoF form ${id}`);
  return cloneForm(form);
}

/** A deep copy to mutate. */
export function cloneForm(form: MofForm): MofForm {
  return structuredClone(form) as MofForm;
}
