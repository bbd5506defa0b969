/**
 * The library floor of the docx path: mammoth `convertToHtml` alone, in one process on one core, over
 * every .docx in a folder (sorted), with the options the pipeline uses. Prints one JSON line:
 * `{"docs":N,"seconds":S,"htmlChars":C}` (file reads are inside the timed loop, as in the pipeline).
 *
 * Usage: node --import tsx bench/mammoth-alone.ts DIR [K/M]
 * With K/M, only every M-th file from the K-th (0-based): M processes at once share the corpus.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import mammoth from 'mammoth';

const dir = process.argv[2];
if (!dir) throw new Error('usage: mammoth-alone.ts DIR');
const [k, m] = (process.argv[3] ?? '0/1').split('/').map(Number) as [number, number];
if (!(m >= 1 && k >= 0 && k < m)) throw new Error('usage: mammoth-alone.ts DIR [K/M]');
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.docx'))
  .sort()
  .filter((_, i) => i % m === k);
const options = { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: false };
let htmlChars = 0;
const start = process.hrtime.bigint();
for (const f of files) {
  const buffer = await readFile(join(dir, f));
  const result = await mammoth.convertToHtml({ buffer }, options);
  htmlChars += result.value.length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(`${JSON.stringify({ docs: files.length, seconds, htmlChars })}\n`);
