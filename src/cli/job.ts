/**
 * One document of a batch, end to end: read, (on --resume) reuse a previous result, process, render its
 * per-document outputs (reports/<name>.json, the audit page and the part the final files are assembled
 * from) for the main thread to write. Runs in a worker thread; the main thread only uses
 * `failureOutcome` for documents whose worker was stopped.
 */
import { stat } from 'node:fs/promises';
import type { CheckConfig } from '../check/index.js';
import { MAX_INPUT_BYTES, readInputBytes, sha256, sniffFormat, STDIN_TOO_LARGE } from '../ingest/index.js';
import type { ErrorCode, InputFormat } from '../model/document.js';
import { DocumentError, errorMessage, type Detail, type Lang } from '../model/errors.js';
import type { OutputFormat } from '../output/assemble.js';
import { utf8File, type DocumentFiles } from '../output/document-files.js';
import { buildPart, partKey, partPath, readPart, type Part } from '../output/parts.js';
import { renderReportPage, reportPagePath } from '../output/html/index.js';
import { reportJsonPath, reportJsonText } from '../output/report-json.js';
import { processDocument, type DocumentResult } from '../process.js';

/** What every document of a batch shares (sent to each worker once, at start-up). */
export interface JobSettings {
  out: string;
  formats: OutputFormat[];
  lang: Lang;
  config: CheckConfig;
  version: string;
  optionsFingerprint: string;
  resume: boolean;
  /** Time limit for LibreOffice (legacy .doc), kept below the document's own timeout. */
  converterTimeoutMs?: number;
}

export interface RunnerJob {
  /** Path to read (its bytes when it is not valid UTF-8), or "-" with `bytes` given. */
  path: string | Uint8Array;
  /** Input path as shown to users. */
  file: string;
  /** Output name, unique within the batch. */
  name: string;
  bytes?: Uint8Array;
}

/** What comes back to the main thread. */
export interface JobOutcome {
  file: string;
  name: string;
  status: 'ok' | 'failed';
  errorCode: ErrorCode | null;
  error: string | null;
  /** The previous run's result was reused (--resume). */
  reused: boolean;
  /** The document's part (what the final files are assembled from), as written to its file. */
  partJson: string;
  /** The files to write (commitDocumentFiles); null when a previous run's are reused. */
  files: DocumentFiles | null;
}

/** Failures that depend on the machine or the run, not on the content: retried by --resume. */
const NOT_REUSED: ReadonlySet<string> = new Set<ErrorCode>(['timeout', 'internal-error', 'read-failed']);

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The previous result of this input, when it was made from the same bytes, version and options. */
export async function reusablePart(settings: JobSettings, job: RunnerJob, hash: string): Promise<Part | null> {
  const part = await readPart(settings.out, job.name);
  if (!part || part.key !== partKey(hash, settings.version, settings.optionsFingerprint)) return null;
  if (part.manifest.file !== job.file || part.manifest.name !== job.name) return null;
  if (part.manifest.errorCode && NOT_REUSED.has(part.manifest.errorCode)) return null;
  if (part.manifest.status === 'ok' && settings.formats.includes('json') && !(await exists(reportJsonPath(settings.out, job.name)))) return null;
  if (settings.formats.includes('html') && !(await exists(reportPagePath(settings.out, job.name)))) return null;
  return part;
}

function outcomeOf(r: Pick<DocumentResult, 'file' | 'name' | 'status' | 'errorCode' | 'error'>, reused: boolean, partJson: string, files: DocumentFiles | null): JobOutcome {
  return { file: r.file, name: r.name, status: r.status, errorCode: r.errorCode, error: r.error, reused, partJson, files };
}

/** What one document contributes to the output folder (its part aside); a failed document has no report JSON. */
export function documentFiles(settings: JobSettings, result: DocumentResult): DocumentFiles {
  const files: DocumentFiles['writes'] = [];
  const removes: string[] = [];
  const jsonPath = reportJsonPath(settings.out, result.name);
  if (result.status === 'ok' && settings.formats.includes('json')) {
    const text = reportJsonText(result, settings.version);
    if (text !== null) files.push(utf8File(jsonPath, text));
  } else removes.push(jsonPath);
  if (settings.formats.includes('html')) {
    const page = renderReportPage({
      file: result.file,
      name: result.name,
      html: result.html ?? null,
      grid: result.grid,
      evaluations: result.evaluations,
      findings: result.findings,
      status: result.status,
      error: result.error,
      lang: settings.lang,
    });
    files.push(utf8File(reportPagePath(settings.out, result.name), page));
  }
  return { writes: files, removes, partPath: partPath(settings.out, result.name) };
}

function renderedOutcome(settings: JobSettings, result: DocumentResult): JobOutcome {
  const part = buildPart(result, partKey(result.sha256, settings.version, settings.optionsFingerprint), settings.lang);
  return outcomeOf(result, false, JSON.stringify(part), documentFiles(settings, result));
}

/** Process one document and render its outputs (the worker's whole job). */
export async function runJob(settings: JobSettings, job: RunnerJob): Promise<JobOutcome> {
  let bytes = job.bytes;
  if (!bytes) {
    try {
      bytes = await readInputBytes(job.path);
    } catch {
      // processDocument(path) below reports the read failure (read-failed, too-large) in the usual way.
    }
  }
  if (bytes && bytes.length > MAX_INPUT_BYTES) {
    // Only stdin gets here (files are checked before they are read); its bytes were cut at the limit.
    return failureOutcome(settings, { ...job, bytes: undefined }, 'too-large', STDIN_TOO_LARGE);
  }
  if (settings.resume && bytes) {
    const previous = await reusablePart(settings, job, sha256(bytes));
    if (previous) return outcomeOf(previous.manifest, true, JSON.stringify(previous), null);
  }
  const result = await processDocument(bytes ? { bytes, file: job.file } : { path: job.path, file: job.file }, {
    lang: settings.lang,
    config: settings.config,
    keepHtml: settings.formats.includes('html'),
    converterTimeoutMs: settings.converterTimeoutMs,
  });
  result.name = job.name;
  return renderedOutcome(settings, result);
}

/** What is known about an input without processing it (for failures recorded by the main thread). */
async function describeInput(job: RunnerJob): Promise<{ sha256: string | null; bytes: number | null; format: InputFormat | null }> {
  try {
    const bytes = job.bytes ?? (await readInputBytes(job.path));
    const format: InputFormat = sniffFormat(bytes);
    return { sha256: sha256(bytes), bytes: bytes.length, format };
  } catch (e) {
    if (e instanceof DocumentError) return { sha256: null, bytes: null, format: null };
    throw e;
  }
}

/** Record a document whose worker had to be stopped (timeout) or died (crash, out of memory). */
export async function failureOutcome(settings: JobSettings, job: RunnerJob, code: ErrorCode, detail: Detail): Promise<JobOutcome> {
  const info = await describeInput(job);
  const result: DocumentResult = {
    file: job.file,
    name: job.name,
    ...info,
    encoding: null,
    status: 'failed',
    errorCode: code,
    error: errorMessage(code, detail, settings.lang),
    template: null,
    evaluations: [],
    findings: [],
    timingsMs: {},
  };
  return renderedOutcome(settings, result);
}
