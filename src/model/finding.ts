import { createHash } from 'node:crypto';
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const FindingLocation = z
  .object({
    path: z.string().describe('JSON Pointer into the evaluation (the part) the finding concerns'),
    table: z.number().int().nonnegative().optional(),
    row: z.number().int().nonnegative().optional(),
    col: z.number().int().nonnegative().optional(),
    block: z.number().int().nonnegative().optional(),
    line: z.number().int().positive().optional(),
    text: z.string().optional().describe('The cell or value text as printed'),
    excerpt: z.string().optional().describe('For narrative findings: the sentence'),
  })
  .strict();
export type FindingLocation = z.infer<typeof FindingLocation>;

export const Finding = z
  .object({
    id: z
      .string()
      .describe('Stable id: a hash of file, part, rule and location path, with an ordinal (#2, #3…) for a second finding of the same rule at the same path'),
    file: z.string(),
    part: z.number().int().positive().nullable().describe('The evaluation (form) the finding concerns; null for the file as a whole'),
    rule: z.string(),
    severity: Severity,
    message: z.string(),
    expected: z.string().nullable(),
    actual: z.string().nullable(),
    location: FindingLocation,
    related: z.array(FindingLocation),
  })
  .strict();
export type Finding = z.infer<typeof Finding>;

/** A finding before it has its id: what rules and extraction produce. */
export type UnnumberedFinding = Omit<Finding, 'id'>;

/**
 * Gives each finding its stable id: the first 16 hex digits of a SHA-256 over file, part, rule and the
 * location's JSON Pointer, so the same finding keeps its id between runs while its values change. Two
 * findings of one rule at one pointer (two sentences of a paragraph) are kept apart by their order in
 * the document, which is deterministic: the second gets "#2", and so on.
 */
export function numberFindings(findings: readonly UnnumberedFinding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = [f.file, f.part ?? '', f.rule, f.location.path].join('\u0000');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
    return { id: n === 1 ? hash : `${hash}#${n}`, ...f };
  });
}
