/** One line of the audit index: what the index needs of a processed (or failed) input. */
import type { Finding, Severity } from '../../model/finding.js';
import type { Report } from '../../model/report.js';

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
  report: Report | null;
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
  const r = src.report;
  return {
    file: src.file,
    name: src.name,
    status: src.status,
    error: src.error,
    project: value(r?.cover.projectName),
    unit: value(r?.cover.projectUnit),
    grade: value(r?.headline.grade),
    score: r?.headline.score?.value ?? r?.rubric?.claimedTotal?.value ?? null,
    counts,
    rules,
  };
}
