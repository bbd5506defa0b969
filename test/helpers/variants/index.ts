/**
 * Issue 12's form variants in one import: the printed-form types, the clean forms and the single-fault
 * forms of each provincial variant and of the rubric tables, the incomplete and Traditional MoF forms,
 * and the three renderers (the MoF ones of test/helpers/mof, fed with each variant's page).
 */
import type { MofForm } from '../mof/form.js';
import { renderDocx } from '../mof/docx.js';
import { renderHtml, type PageOptions } from '../mof/html.js';
import type { Printable } from '../mof/parts.js';
import { renderTika } from '../mof/tika.js';
import { anhuiPage, type AnhuiForm } from './anhui.js';
import { ANHUI_FAULTS, ANHUI_FORMS } from './anhui-forms.js';
import { partsOfPage, type PrintedPage, type TableSpec } from './common.js';
import type { VariantFault } from './fault.js';
import { hubeiPage, type HubeiForm } from './hubei.js';
import { HUBEI_FAULTS, HUBEI_FORMS } from './hubei-forms.js';
import { CUT_MOF, cutPage, TRADITIONAL_MOF, traditionalPage, WEIGHT_ONLY_MOF, type CutMofForm, type TraditionalMofForm, type WeightOnlyMofForm } from './mof-incomplete.js';
import { rubricPage, type RubricForm } from './rubric.js';
import { RUBRIC_FAULTS, RUBRIC_FORMS } from './rubric-forms.js';
import { sichuanPage, type SichuanForm } from './sichuan.js';
import { SICHUAN_FAULTS, SICHUAN_FORMS, SICHUAN_WEIGHT_ONLY } from './sichuan-forms.js';

export type { AnhuiForm, AnhuiFundsLine, AnhuiRow } from './anhui.js';
export type { HubeiForm, HubeiFundsLine, HubeiIndicator } from './hubei.js';
export type { RubricForm, RubricRow } from './rubric.js';
export type { SichuanForm, SichuanFundsLine, SichuanIndicator } from './sichuan.js';
export type { CutMofForm, TraditionalMofForm, WeightOnlyMofForm } from './mof-incomplete.js';
export type { VariantFault } from './fault.js';
export type { PrintedPage } from './common.js';
export { ANHUI_FAULTS, ANHUI_FORMS, HUBEI_FAULTS, HUBEI_FORMS, RUBRIC_FAULTS, RUBRIC_FORMS, SICHUAN_FAULTS, SICHUAN_FORMS };
export { CUT_MOF, SICHUAN_WEIGHT_ONLY, TRADITIONAL_MOF, WEIGHT_ONLY_MOF };
export { sichuanWeightOnly } from './sichuan-forms.js';
export { cutForm, traditionalCopy, weightOnly } from './mof-incomplete.js';
export { toTraditional, TRADITIONAL_PAIRS } from './traditional.js';
export { anhuiTable, ANHUI_FOOTNOTE, ANHUI_GROUP_WEIGHTS } from './anhui.js';
export { hubeiHeaderLine, hubeiTable, HUBEI_CATEGORIES } from './hubei.js';
export { EXECUTION_CRITERIA, rubricTable } from './rubric.js';
export { SICHUAN_COMPONENTS, SICHUAN_RATE_RULE, SICHUAN_REPORT_NO, sichuanTable } from './sichuan.js';

export type VariantForm = SichuanForm | HubeiForm | AnhuiForm | RubricForm | WeightOnlyMofForm | CutMofForm | TraditionalMofForm;
export type Variant = VariantForm['variant'];

/** The clean forms of each variant (the weight-only and cut forms are "clean": nothing printed is wrong). */
export const CLEAN_VARIANT_FORMS: readonly VariantForm[] = [...SICHUAN_FORMS, ...HUBEI_FORMS, ...ANHUI_FORMS, ...RUBRIC_FORMS, WEIGHT_ONLY_MOF, SICHUAN_WEIGHT_ONLY, CUT_MOF, TRADITIONAL_MOF];

/** Every single-fault form with the rule it must trigger and the expected / actual values. */
export const VARIANT_FAULTS: readonly VariantFault<VariantForm>[] = [...SICHUAN_FAULTS, ...HUBEI_FAULTS, ...ANHUI_FAULTS, ...RUBRIC_FAULTS];

export const ALL_VARIANT_FORMS: readonly VariantForm[] = [...CLEAN_VARIANT_FORMS, ...VARIANT_FAULTS.map((f) => f.form)];

export function variantById(id: string): VariantForm {
  const form = ALL_VARIANT_FORMS.find((f) => f.id === id);
  if (!form) throw new Error(`no variant form ${id}`);
  return structuredClone(form);
}

/** The page a form prints (lines above, the table, notes below); the weight-only form prints as a MoF form. */
export function variantPage(form: VariantForm): PrintedPage | { mof: MofForm } {
  switch (form.variant) {
    case 'sichuan':
      return sichuanPage(form);
    case 'hubei':
      return hubeiPage(form);
    case 'anhui':
      return anhuiPage(form);
    case 'rubric':
      return rubricPage(form);
    case 'mof-cut':
      return cutPage(form);
    case 'mof-traditional':
      return traditionalPage(form);
    case 'mof-weight-only':
      return { mof: form.form };
  }
}

/** The form's table as the renderers print it. */
export function variantTable(form: VariantForm): TableSpec {
  const page = variantPage(form);
  return 'mof' in page ? formTableOf(page.mof) : page.table;
}

import { formTable as formTableOf } from '../mof/layout.js';

/** What the MoF renderers take: the form itself (weight-only) or the page as document parts. */
export function variantPrintable(form: VariantForm): Printable {
  const page = variantPage(form);
  return 'mof' in page ? page.mof : partsOfPage(page);
}

/** The title line of the form (the page headline on the HTML page). */
export function variantTitle(form: VariantForm): string {
  switch (form.variant) {
    case 'mof-weight-only':
    case 'mof-cut':
      return form.form.title;
    case 'mof-traditional':
      return form.lines.find((l) => l.includes('表')) ?? form.lines[0]!;
    default:
      return form.title;
  }
}

export const renderVariantDocx = (form: VariantForm): Uint8Array => renderDocx(variantPrintable(form));
export const renderVariantTika = (form: VariantForm): string => renderTika(variantPrintable(form));
export const renderVariantHtml = (form: VariantForm, options: PageOptions = {}): string => renderHtml(variantPrintable(form), { headline: variantTitle(form), ...options });
