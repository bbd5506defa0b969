/**
 * htmlToGrid alone, the streaming builder (src/parse/grid.ts) against the DOM-walking one it replaced
 * (test/helpers/grid-dom-reference.ts), in one process over the converted HTML of the first N bench-corpus
 * documents (built in memory; docx through the project's converter, Tika text through its converter).
 * Conversion is outside the timing. After a warm-up, rounds alternate old and new (each round runs the
 * whole set several times) so that both see the same machine load; prints the median ms per document of
 * each and their ratio, per format, as one JSON line each.
 *
 * Usage: node --import tsx bench/grid.ts [N=300] [rounds=15] [passes per round=3]
 */
import { buildEntry, corpusEntry } from './corpus/generate.js';
import { convertDocx } from '../src/convert/docx/index.js';
import { tikaTextToHtml } from '../src/convert/tika-text.js';
import { htmlToGrid } from '../src/parse/grid.js';
import { htmlToGridReference } from '../test/helpers/grid-dom-reference.js';

const n = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 15);
const passes = Number(process.argv[4] ?? 3);

const txt: string[] = [];
const docx: string[] = [];
const dec = new TextDecoder();
for (let i = 0; i < n; i++) {
  const entry = corpusEntry(i);
  txt.push(tikaTextToHtml(dec.decode(buildEntry(entry, 'txt'))));
  docx.push((await convertDocx(buildEntry(entry, 'docx'))).html);
}

let sink = 0;
/** ms per document of one round. */
function round(build: (html: string) => { tables: unknown[]; blocks: unknown[] }, docs: string[]): number {
  const start = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) for (const html of docs) sink += build(html).blocks.length;
  return Number(process.hrtime.bigint() - start) / 1e6 / (passes * docs.length);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const [format, docs] of [['txt', txt], ['docx', docx]] as const) {
  for (let w = 0; w < 3; w++) {
    round(htmlToGridReference, docs);
    round(htmlToGrid, docs);
  }
  const dom: number[] = [];
  const stream: number[] = [];
  for (let r = 0; r < rounds; r++) {
    dom.push(round(htmlToGridReference, docs));
    stream.push(round(htmlToGrid, docs));
  }
  const chars = docs.reduce((s, h) => s + h.length, 0);
  const out = {
    format,
    docs: docs.length,
    htmlKiB: Math.round(chars / docs.length / 1024),
    domMs: +median(dom).toFixed(3),
    streamMs: +median(stream).toFixed(3),
    speedup: +(median(dom) / median(stream)).toFixed(2),
    domRange: [+Math.min(...dom).toFixed(3), +Math.max(...dom).toFixed(3)],
    streamRange: [+Math.min(...stream).toFixed(3), +Math.max(...stream).toFixed(3)],
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
if (sink < 0) process.stdout.write('unreachable\n');
