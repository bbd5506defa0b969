import type { DocumentContext } from '../model/context.js';
import { DocumentError } from '../model/errors.js';
import { convertDocx, type ConverterMessage } from './docx/index.js';
import { tikaTextToHtml } from './tika-text.js';

export interface ConvertResult {
  html: string;
  messages: ConverterMessage[];
}

/** Stage 2: whatever came in → HTML. */
export async function convertToHtml(ctx: DocumentContext): Promise<ConvertResult> {
  switch (ctx.format) {
    case 'text':
      return { html: tikaTextToHtml(ctx.text ?? ''), messages: [] };
    case 'html':
      return { html: ctx.text ?? '', messages: [] };
    case 'docx':
      return convertDocx(ctx.bytes);
    case 'doc':
      throw new DocumentError('legacy-doc-needs-libreoffice');
    default:
      throw new DocumentError('not-a-report', `format ${String(ctx.format)}`);
  }
}
