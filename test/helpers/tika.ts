/** Building and editing Apache Tika text dumps in tests (the seed's own format). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PATH = fileURLToPath(new URL('../../fixtures/seed.txt', import.meta.url));
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');

/** One table row: each cell a TAB-led line, extra paragraphs on lines of their own, then a blank line. */
export function tikaRow(cells: string[]): string {
  return cells.map((c) => `\t${c}`).join('\n') + '\n\n';
}

/** Replace exactly one occurrence (fails loudly when the seed no longer contains the text). */
export function replaceOnce(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`not in text: ${JSON.stringify(find.slice(0, 60))}`);
  if (text.indexOf(find, at + 1) >= 0) throw new Error(`more than one occurrence: ${JSON.stringify(find.slice(0, 60))}`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

export function replaceAll(text: string, find: string, replacement: string): string {
  if (!text.includes(find)) throw new Error(`not in text: ${JSON.stringify(find.slice(0, 60))}`);
  return text.split(find).join(replacement);
}

/** A funds source row in the seed's paired layout (label before each of the four values). */
export function fundsSourceRow(label: string, values: [string, string, string, string]): string {
  return tikaRow(values.flatMap((v) => [label, v]));
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
