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
