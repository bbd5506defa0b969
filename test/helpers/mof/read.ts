/** Reading a rendered MoF form back for a test, the same way in every test file. */
import { expect } from 'vitest';
import type { Finding } from '../../../src/model/finding.js';
import { processDocument, type DocumentResult } from '../../../src/process.js';
import type { MofForm } from './form.js';
import { renderDocx, renderHtml, renderTika, type Printable } from './index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** One form as the bytes of a Tika dump, a web page or a .docx. */
export const RENDER = {
  txt: (form: MofForm) => utf8(renderTika(form)),
  html: (form: MofForm) => utf8(renderHtml(form)),
  docx: (form: MofForm) => renderDocx(form),
} as const;
export type RenderFormat = keyof typeof RENDER;

/** The three renderings of a form or a document of several, named for test titles. */
export const PRINTABLE_FORMATS = [
  { name: 'docx', ext: 'docx', render: (x: Printable) => renderDocx(x) },
  { name: 'Tika text', ext: 'txt', render: (x: Printable) => utf8(renderTika(x)) },
  { name: 'HTML page', ext: 'html', render: (x: Printable) => utf8(renderHtml(x)) },
] as const;

/** A form rendered in `format` and read: it must read as one evaluation. */
export async function readOneForm(form: MofForm, format: RenderFormat): Promise<DocumentResult> {
  const result = await processDocument({ bytes: RENDER[format](form), file: `${form.id}.${format}` });
  expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
  expect(result.evaluations).toHaveLength(1);
  return result;
}

/** A finding without its message and location: what a rule concluded. */
export const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, expected: f.expected, actual: f.actual });
/** The errors and warnings of a result, briefly. */
export const serious = (r: DocumentResult) => r.findings.filter((f) => f.severity !== 'info').map(brief);

/** What was read, without provenance (table and row numbers differ between layouts of one form) and timings. */
export function readingWithoutProvenance(result: DocumentResult): unknown {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([k]) => !['src', 'location', 'related'].includes(k)).map(([k, v]) => [k, strip(v)]));
    return x;
  };
  return strip({ status: result.status, errorCode: result.errorCode, template: result.template, evaluations: result.evaluations, findings: result.findings });
}
