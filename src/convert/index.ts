import type { DocumentContext } from '../model/context.js';
import { DocumentError } from '../model/errors.js';
import { convertDocx, type ConverterMessage } from './docx/index.js';
import { convertLegacyDoc } from './legacy-doc.js';
import { tikaTextToHtml } from './tika-text.js';
import { convertLegacyXls } from './legacy-xls.js';
import { convertXlsx } from './xlsx/index.js';

/**
 * How much a converter message weighs as a finding: a table grid that could not be made to add up is
 * an error (values read from it may be misplaced); everything else (mammoth's notes, symbols kept
 * without a Unicode equivalent, deliberate merge decisions) is information.
 */
export function messageSeverity(rule: string): 'error' | 'info' {
  return rule === 'extract-grid-mismatch' ? 'error' : 'info';
}

export interface ConvertResult {
  html: string;
  messages: ConverterMessage[];
}

/** Stage 2: whatever came in → HTML. */
export interface ConvertOptions {
  /** Time limit for an external converter (LibreOffice), in milliseconds. */
  timeoutMs?: number;
}

export async function convertToHtml(ctx: DocumentContext, options: ConvertOptions = {}): Promise<ConvertResult> {
  switch (ctx.format) {
    case 'text':
      return { html: tikaTextToHtml(ctx.text ?? ''), messages: [] };
    case 'html':
      return { html: ctx.text ?? '', messages: [] };
    case 'docx':
      return convertDocx(ctx.bytes);
    case 'doc':
      return convertLegacyDoc(ctx.bytes, { timeoutMs: options.timeoutMs ?? 60_000 });
    case 'xlsx':
      return convertXlsx(ctx.bytes);
    case 'xls':
      return convertLegacyXls(ctx.bytes, { timeoutMs: options.timeoutMs ?? 60_000 });
    default:
      throw new DocumentError('not-a-report', { zh: `格式 ${String(ctx.format)}`, en: `format ${String(ctx.format)}` });
  }
}
