/** One line of the audit index: what the index needs of a processed (or failed) input. */
import type { Finding, Severity } from '../../model/finding.js';
import type { Evaluation } from '../../model/evaluation.js';
import { formName } from '../log-text.js';

export interface IndexRow {
  /** The input path as shown to users. */
  file: string;
  /** Output name; the row links to `<name>.html`. */
  name: string;
  status: 'ok' | 'failed';
  error: string | null;
  project: string | null;
  unit: string | null;
  grade: string | null;
  /** Headline score as a decimal string (绩效自评综合得分), else the rubric's claimed total. */
  score: string | null;
  counts: Record<Severity, number>;
  /** Rule id → number of findings, keys sorted. */
  rules: Record<string, number>;
}

export interface IndexRowSource {
  file: string;
  name: string;
  status: 'ok' | 'failed';
  error: string | null;
  evaluations: readonly Evaluation[];
  findings: readonly Finding[];
}

const value = (v: { value: string | null; raw: string } | null | undefined): string | null => {
  if (!v) return null;
  const s = v.value ?? v.raw.trim();
  return s === '' ? null : s;
};

/** Build the index row of one input (a DocumentResult, or a part's manifest + summary + findings). */
export function indexRowOf(src: IndexRowSource): IndexRow {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const hits = new Map<string, number>();
  for (const f of src.findings) {
    counts[f.severity]++;
    hits.set(f.rule, (hits.get(f.rule) ?? 0) + 1);
  }
  const rules: Record<string, number> = {};
  for (const k of [...hits.keys()].sort()) rules[k] = hits.get(k)!;
  const r = src.evaluations[0] ?? null;
  const many = src.evaluations.length > 1;
  const names = src.evaluations.map(formName).filter((n): n is string => n !== null);
  return {
    file: src.file,
    name: src.name,
    status: src.status,
    error: src.error,
    // A file of several forms lists their names; its score and grade are each form's own, not the file's.
    project: many ? names.join('；') || null : value(r?.identity.projectName),
    unit: many ? null : value(r?.identity.unit),
    grade: many ? null : value(r?.totals.grade),
    score: many ? null : (r?.totals.headline?.value ?? r?.totals.score?.value ?? null),
    counts,
    rules,
  };
}
