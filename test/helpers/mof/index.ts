/** The MoF 绩效自评表 fixtures in one import: types, clean catalogue, documents and the three renderers. */
export type { FundsLine, IndicatorRow, MofForm, MoneyUnit } from './form.js';
export { fundsLabel } from './form.js';
export { CLEAN_DEPARTMENT_FORMS, CLEAN_FORMS, CLEAN_PROJECT_FORMS, cloneForm, formById } from './catalogue.js';
export { documentById, MOF_DOCUMENTS, type MofDocument } from './documents.js';
export type { DocPart, Printable } from './parts.js';
export { renderDocx } from './docx.js';
export { renderHtml, type PageOptions } from './html.js';
export { renderTika } from './tika.js';
export { documentSheets, formSheet, renderXlsx, renderXlsxStacked } from './xlsx.js';
