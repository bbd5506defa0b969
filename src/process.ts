/**
 * The library entry point: one document in, its report model and findings out. The CLI uses exactly
 * this function (in worker threads for batches).
 */
import { checkReport, resolveConfig, type CheckConfig } from './check/index.js';
import { convertToHtml } from './convert/index.js';
import { displayPath, ingestBytes, readInputBytes, sha256 } from './ingest/index.js';
import { outputName } from './ingest/names.js';
import type { DocumentContext } from './model/context.js';
import type { ErrorCode } from './model/document.js';
import type { DocumentResult } from './model/result.js';
import { DocumentError, errorMessage, type Lang } from './model/errors.js';
import { isStackOverflow } from './model/limits.js';
import { htmlToGrid } from './parse/grid.js';
import { findUnreadableValues } from './parse/unreadable.js';
import { recognizeTemplate } from './templates/index.js';

export interface ProcessOptions {
  lang?: Lang;
  config?: CheckConfig;
  /** Keep the converted HTML and its grid in the result (the audit view needs them). */
  keepHtml?: boolean;
  /** Time limit for an external converter (LibreOffice for legacy .doc), in milliseconds. */
  converterTimeoutMs?: number;
}

export type { DocumentResult } from './model/result.js';

/** A path, bytes with the name to report them under, or a path (its bytes, for a name that is not UTF-8) with that name. */
export type DocumentInput = string | { bytes: Uint8Array; file: string } | { path: string | Uint8Array; file: string };

const KIND_ZH = { amount: '金额', number: '数值', date: '日期' } as const;
const UNREADABLE: Record<Lang, (kind: keyof typeof KIND_ZH, raw: string) => string> = {
  zh: (kind, raw) => `无法读取${KIND_ZH[kind]}：“${raw}”`,
  en: (kind, raw) => `unreadable ${kind}: "${raw}"`,
};

const REPORT_WORDS = /绩效|自评|评价|预算|项目支出/u;

function timed<T>(ctx: DocumentContext, stage: string, fn: () => T): T {
  const t0 = performance.now();
  const record = () => (ctx.timings[stage] = Math.round((performance.now() - t0) * 100) / 100);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    record();
    throw e;
  }
  // A stage that returns a promise is timed until it settles.
  if (result instanceof Promise) return result.finally(record) as T;
  record();
  return result;
}

async function run(ctx: DocumentContext, options: ProcessOptions): Promise<void> {
  const lang = options.lang ?? 'zh';
  const converted = await timed(ctx, 'convert', () => convertToHtml(ctx, { timeoutMs: options.converterTimeoutMs }));
  ctx.html = converted.html;
  for (const m of converted.messages) {
    ctx.findings.push({
      file: ctx.file,
      rule: m.rule,
      severity: m.rule === 'extract-grid-mismatch' ? 'error' : 'info',
      message: m.message,
      expected: null,
      actual: null,
      location: m.table !== undefined ? { path: '', table: m.table } : { path: '' },
      related: [],
    });
  }
  const grid = timed(ctx, 'grid', () => htmlToGrid(converted.html));
  ctx.grid = grid;
  const template = recognizeTemplate(grid);
  if (!template) {
    const text = grid.blocks.map((b) => b.text).join('\n');
    throw new DocumentError(REPORT_WORDS.test(text) ? 'unrecognized-template' : 'not-a-report');
  }
  ctx.template = template.id;
  const { report, notes } = timed(ctx, 'parse', () => template.extract(grid));
  ctx.report = report;
  for (const n of notes) {
    ctx.findings.push({
      file: ctx.file,
      rule: n.rule,
      severity: 'warning',
      message: n.message[lang],
      expected: null,
      actual: null,
      location: { path: n.path, ...n.src, text: n.text },
      related: [],
    });
  }
  for (const u of findUnreadableValues(report)) {
    ctx.findings.push({
      file: ctx.file,
      rule: 'extract-unreadable',
      severity: 'warning',
      message: UNREADABLE[lang](u.kind, u.raw),
      expected: null,
      actual: u.raw,
      location: { path: u.path, ...u.src, text: u.raw },
      related: [],
    });
  }
  const findings = timed(ctx, 'check', () => checkReport(report, ctx.file, lang, options.config ?? resolveConfig(undefined)));
  ctx.findings.push(...findings);
  // Worst first, as the text log reads; the order within a severity (extraction, then rule catalogue) stays.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  ctx.findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

function failed(file: string, ctx: Partial<DocumentContext> | undefined, error: unknown, lang: Lang): DocumentResult {
  const overflow = isStackOverflow(error);
  const code: ErrorCode = error instanceof DocumentError ? error.code : overflow ? 'too-complex' : 'internal-error';
  const detail = error instanceof DocumentError ? error.detail : overflow ? '' : error instanceof Error ? error.message : String(error);
  return {
    file,
    name: ctx?.name ?? outputName(file),
    sha256: ctx?.sha256 ?? null,
    bytes: ctx?.bytes?.length ?? null,
    format: ctx?.format ?? null,
    encoding: ctx?.encoding ?? null,
    status: 'failed',
    errorCode: code,
    error: errorMessage(code, detail, lang),
    template: ctx?.template ?? null,
    report: null,
    findings: [],
    timingsMs: ctx?.timings ?? {},
  };
}

/** Process one document: a path (read from disk) or bytes with the name to report them under. */
export async function processDocument(input: DocumentInput, options: ProcessOptions = {}): Promise<DocumentResult> {
  const lang = options.lang ?? 'zh';
  const file = typeof input === 'string' ? displayPath(input) : input.file;
  let ctx: DocumentContext | undefined;
  try {
    const bytes = typeof input === 'string' ? await readInputBytes(input) : 'bytes' in input ? input.bytes : await readInputBytes(input.path);
    try {
      ctx = ingestBytes(bytes, file);
    } catch (e) {
      ctx = (e as { ctx?: DocumentContext }).ctx ?? { file, name: outputName(file), bytes, sha256: sha256(bytes), format: null, encoding: null, findings: [], timings: {} };
      throw e;
    }
    await run(ctx, options);
  } catch (e) {
    return failed(file, ctx, e, lang);
  }
  return {
    file,
    name: ctx.name,
    sha256: ctx.sha256,
    bytes: ctx.bytes.length,
    format: ctx.format,
    encoding: ctx.encoding,
    status: 'ok',
    errorCode: null,
    error: null,
    template: ctx.template ?? null,
    report: ctx.report ?? null,
    findings: ctx.findings,
    timingsMs: ctx.timings,
    ...(options.keepHtml && ctx.html !== undefined ? { html: ctx.html } : {}),
    ...(options.keepHtml && ctx.grid !== undefined ? { grid: ctx.grid } : {}),
  };
}
