/**
 * Renders a variant form in each format once, reads it with processDocument, and projects the
 * evaluation onto the plain facts of expected.ts (value strings only; raw text and provenance are
 * asserted elsewhere) so that a mismatch prints as a readable diff.
 */
import type { Evaluation } from '../../src/model/evaluation.js';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { renderXlsx } from '../helpers/mof/xlsx.js';
import { renderVariantDocx, renderVariantHtml, renderVariantTika, variantPrintable, type VariantForm } from '../helpers/variants/index.js';
import type { Facts, FundsFact, IndicatorFact, TargetPartsFact } from './expected.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

export const FORMATS = [
  { name: 'docx', ext: 'docx', render: (f: VariantForm) => renderVariantDocx(f) },
  { name: 'Tika text', ext: 'txt', render: (f: VariantForm) => utf8(renderVariantTika(f)) },
  { name: 'HTML page', ext: 'html', render: (f: VariantForm) => utf8(renderVariantHtml(f)) },
] as const;
export type Format = { name: string; ext: string; render: (f: VariantForm) => Uint8Array };

export const XLSX: Format = { name: 'xlsx', ext: 'xlsx', render: (f: VariantForm) => renderXlsx(variantPrintable(f)) };

const cache = new Map<string, Promise<DocumentResult>>();

export function readForm(form: VariantForm, format: Format): Promise<DocumentResult> {
  const key = `${form.id}.${format.ext}`;
  if (!cache.has(key)) cache.set(key, processDocument({ bytes: format.render(form), file: key }));
  return cache.get(key)!;
}

type V = { value: string | null } | null | undefined;
const v = (x: V): string | null => x?.value ?? null;

export function fundsFacts(ev: Evaluation): FundsFact[] | null {
  if (!ev.funds) return null;
  return ev.funds.lines.map((l) => ({
    role: l.role,
    source: l.source,
    initialBudget: v(l.initialBudget),
    budget: v(l.budget),
    executed: v(l.executed),
    rate: v(l.rate),
    weight: v(l.weight),
    score: v(l.score),
  }));
}

export function indicatorFacts(ev: Evaluation): IndicatorFact[] {
  return ev.indicators.map((i) => ({
    level1: v(i.level1?.name),
    level1Weight: v(i.level1?.weight),
    level2: v(i.level2?.name),
    level2Weight: v(i.level2?.weight),
    level3: v(i.level3?.name),
    weight: v(i.weight),
    score: v(i.score),
    target: v(i.target),
    targetNumber: i.target?.number ?? null,
    actual: v(i.actual),
    actualNumber: i.actual?.number ?? null,
    deviationReason: v(i.deviationReason),
    criteria: v(i.criteria),
  }));
}

export function targetPartsFacts(ev: Evaluation): (TargetPartsFact | null)[] {
  return ev.indicators.map((i) => (i.targetParts ? { nature: v(i.targetParts.nature), value: v(i.targetParts.value), unit: v(i.targetParts.unit) } : null));
}

export function identityFacts(ev: Evaluation): Facts['identity'] {
  return { projectName: v(ev.identity.projectName), unit: v(ev.identity.unit), authority: v(ev.identity.authority), year: v(ev.identity.year) };
}

export function totalsFacts(ev: Evaluation): Facts['totals'] {
  return { weight: v(ev.totals.weight), indicatorsWeight: v(ev.totals.indicatorsWeight), score: v(ev.totals.score), headline: v(ev.totals.headline) };
}
