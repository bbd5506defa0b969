/**
 * The library entry point: one document in, its report model and findings out. The CLI uses exactly
 * this function (in worker threads for batches).
 */
import { checkEvaluation, resolveConfig, RULES, type CheckConfig } from './check/index.js';
import { convertToHtml, messageSeverity } from './convert/index.js';
import { displayPath, ingestBytes, readInputBytes, sha256 } from './ingest/index.js';
import { outputName } from './ingest/names.js';
import type { DocumentContext } from './model/context.js';
import type { Evaluation } from './model/evaluation.js';
import { numberFindings, type UnnumberedFinding } from './model/finding.js';
import type { ErrorCode } from './model/document.js';
import type { DocumentResult } from './model/result.js';
import { DocumentError, errorMessage, type Detail, type Lang } from './model/errors.js';
import { isStackOverflow } from './model/limits.js';
import { htmlToGrid } from './parse/grid.js';
import { findUnreadableValues } from './parse/unreadable.js';
import { tableOrigins } from './parse/unwrap.js';
import { recognizeDocument } from './templates/index.js';

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


function timed<T>(ctx: DocumentContext, stage: string, fn: () => T): T {
  const t0 = performance.now();
  // A stage run once per form (parse, check) adds up over the file's forms.
  const record = () => (ctx.timings[stage] = Math.round(((ctx.timings[stage] ?? 0) + performance.now() - t0) * 100) / 100);
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

/** Self-evaluation vocabulary: a document that has it but fits no template is an unrecognised form. */
const SELF_EVALUATION_WORDS = /绩效自评|自评表|自评报告|绩效评价|评价报告|绩效目标|自评得分/u;

/** A finding about reading the document (extract-…): no expected value, no related cells. */
function extractionFinding(
  ctx: DocumentContext,
  part: number | null,
  f: Pick<UnnumberedFinding, 'rule' | 'severity' | 'message' | 'location'> & { actual?: string | null },
): UnnumberedFinding {
  // Keys in the order every finding has them in the JSON.
  return { file: ctx.file, part, rule: f.rule, severity: f.severity, message: f.message, expected: null, actual: f.actual ?? null, location: f.location, related: [] };
}

/**
 * A workbook in which no form was found may hold it on a sheet that is hidden and so not read: the
 * failure names those sheets, since a failed document's other findings are not kept.
 */
function hiddenSheetsDetail(messages: { rule: string; subject?: string }[]): Detail {
  const names = messages.filter((m) => m.rule === 'extract-xlsx-hidden-sheet' && m.subject !== undefined).map((m) => m.subject!);
  if (names.length === 0) return '';
  const zh = names.map((n) => `“${n}”`).join('、');
  const en = names.map((n) => `"${n}"`).join(', ');
  return {
    zh: `工作簿中的隐藏工作表未读取（${zh}），报告可能在其中：取消隐藏后重试`,
    en: `the workbook's hidden sheets were not read (${en}); the report may be on one of them: unhide it and try again`,
  };
}

async function run(ctx: DocumentContext, options: ProcessOptions): Promise<void> {
  const lang = options.lang ?? 'zh';
  const config = options.config ?? resolveConfig(undefined);
  const converted = await timed(ctx, 'convert', () => convertToHtml(ctx, { timeoutMs: options.converterTimeoutMs }));
  ctx.html = converted.html;
  const parsed = timed(ctx, 'grid', () => htmlToGrid(converted.html));
  const { grid, forms } = timed(ctx, 'recognize', () => recognizeDocument(parsed));
  ctx.grid = grid;
  // A converter counts tables as parsed; a layout table opened up is its first table now.
  const origins = tableOrigins(grid);
  const tableOf = (parsedIndex: number) => (origins.indexOf(parsedIndex) >= 0 ? origins.indexOf(parsedIndex) : parsedIndex);
  for (const m of converted.messages) {
    ctx.findings.push(
      extractionFinding(ctx, null, {
        rule: m.rule,
        severity: messageSeverity(m.rule),
        message: m.message,
        location: m.table !== undefined ? { path: '', table: tableOf(m.table) } : { path: '' },
      }),
    );
  }
  if (forms.length === 0) {
    const text = grid.blocks.map((b) => b.text).join('\n');
    throw new DocumentError(SELF_EVALUATION_WORDS.test(text) ? 'unrecognized-template' : 'not-a-report', hiddenSheetsDetail(converted.messages));
  }
  ctx.evaluations = [];
  forms.forEach(({ template, claim }, i) => {
    const part = i + 1;
    const { evaluation: form, notes } = timed(ctx, 'parse', () => template.extract(grid, claim));
    const evaluation: Evaluation = { part, ...form };
    for (const n of notes) {
      ctx.findings.push(
        extractionFinding(ctx, part, {
          rule: n.rule,
          severity: n.severity ?? 'warning',
          message: n.message[lang],
          location: { path: n.path, ...n.src, text: n.text },
        }),
      );
    }
    for (const u of findUnreadableValues(form)) {
      ctx.findings.push(
        extractionFinding(ctx, part, {
          rule: 'extract-unreadable',
          severity: 'warning',
          message: UNREADABLE[lang](u.kind, u.raw),
          actual: u.raw,
          location: { path: u.path, ...u.src, text: u.raw },
        }),
      );
    }
    const checked = timed(ctx, 'check', () => checkEvaluation(evaluation, ctx.file, lang, config, [...RULES, ...template.rules]));
    evaluation.checks = checked.checks;
    ctx.findings.push(...checked.findings);
    ctx.evaluations!.push(evaluation);
  });
  // Worst first, as the text log reads; within a severity the order (part, then extraction, then the
  // rule catalogue) stays.
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
    template: null,
    evaluations: [],
    findings: [],
    timingsMs: ctx?.timings ?? {},
  };
}

/** The distinct templates of a file's forms, in order of appearance ("mof-department, mof-project"). */
export function templatesOf(evaluations: Evaluation[]): string | null {
  const ids = [...new Set(evaluations.map((e) => e.template))];
  return ids.length ? ids.join(', ') : null;
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
    template: templatesOf(ctx.evaluations ?? []),
    evaluations: ctx.evaluations ?? [],
    findings: numberFindings(ctx.findings),
    timingsMs: ctx.timings,
    ...(options.keepHtml && ctx.html !== undefined ? { html: ctx.html } : {}),
    ...(options.keepHtml && ctx.grid !== undefined ? { grid: ctx.grid } : {}),
  };
}
