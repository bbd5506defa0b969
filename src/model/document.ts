import { z } from 'zod';
import { Finding } from './finding.js';
import { Evaluation } from './evaluation.js';

export const InputFormat = z.enum(['docx', 'doc', 'xlsx', 'xls', 'html', 'text']);
export type InputFormat = z.infer<typeof InputFormat>;

export const SourceInfo = z
  .object({
    file: z.string().describe('Input path as given, relative to the working folder, with / separators'),
    name: z.string().describe('Safe output name derived from the file'),
    sha256: z.string(),
    bytes: z.number().int().nonnegative(),
    format: InputFormat.nullable(),
    encoding: z.string().nullable().describe('Text encoding detected for text input'),
  })
  .strict();
export type SourceInfo = z.infer<typeof SourceInfo>;

/** The content of reports/<name>.json. */
export const ReportFile = z
  .object({
    tool: z.object({ name: z.literal('selfeval'), version: z.string() }).strict(),
    source: SourceInfo,
    evaluations: z.array(Evaluation).describe('One per self-evaluation form in the file, in document order (part 1, 2, …)'),
    findings: z.array(Finding).describe('Every finding of the file; each names its part (null for the file as a whole)'),
  })
  .strict();
export type ReportFile = z.infer<typeof ReportFile>;

export const ErrorCode = z.enum([
  'empty-file',
  'corrupt-zip',
  'not-a-report',
  'unrecognized-template',
  'encrypted-document',
  'legacy-doc-needs-libreoffice',
  'legacy-xls-needs-libreoffice',
  'too-large',
  'timeout',
  'decode-failed',
  'read-failed',
  'internal-error',
  'unsupported-format',
  'xml-doctype',
  'not-a-regular-file',
  'too-complex',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ManifestEntry = z
  .object({
    file: z.string(),
    name: z.string(),
    sha256: z.string().nullable(),
    bytes: z.number().int().nonnegative().nullable(),
    format: InputFormat.nullable(),
    template: z.string().nullable().describe('The template of each form, distinct ids joined by ", "'),
    evaluations: z.number().int().nonnegative().describe('How many forms were read'),
    status: z.enum(['ok', 'failed']),
    errorCode: ErrorCode.nullable(),
    error: z.string().nullable(),
    findings: z.object({ error: z.number(), warning: z.number(), info: z.number() }).strict(),
    timingsMs: z.record(z.string(), z.number()),
  })
  .strict();
export type ManifestEntry = z.infer<typeof ManifestEntry>;
