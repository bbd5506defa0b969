/**
 * Where the audit view's files go: `<outDir>/html/<name>.html` (written with each document's files, see
 * document-files.ts) and `<outDir>/html/index.html` (streamed by the assembler at the end of a run).
 */
import { join } from 'node:path';
import { pageFileName } from './escape.js';

export const HTML_DIR = 'html';

export function reportPagePath(outDir: string, name: string): string {
  if (name === '' || /[/\\]/u.test(name) || name.startsWith('.')) throw new Error(`unsafe page name: ${JSON.stringify(name)}`);
  return join(outDir, HTML_DIR, pageFileName(name));
}
