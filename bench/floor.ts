/**
 * The I/O floor of reading a .docx: read the file, unzip its main part with fflate and make one SAX pass
 * over it with saxes (the libraries the project already uses), collecting the text of every table cell.
 * Nothing is converted or checked: this is what any reader of the same documents must at least do. One
 * process, one core, every .docx in a folder (sorted); prints one JSON line
 * `{"docs":N,"seconds":S,"cells":C,"chars":K}` (file reads inside the timed loop, module loading outside).
 *
 * Usage: node --import tsx bench/floor.ts DIR [K/M]   (K/M as in mammoth-alone.ts)
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

const dir = process.argv[2];
if (!dir) throw new Error('usage: floor.ts DIR [K/M]');
const [k, m] = (process.argv[3] ?? '0/1').split('/').map(Number) as [number, number];
if (!(m >= 1 && k >= 0 && k < m)) throw new Error('usage: floor.ts DIR [K/M]');
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.docx'))
  .sort()
  .filter((_, i) => i % m === k);

const RELS = '_rels/.rels';
const OFFICE_DOCUMENT = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/u;

/** The main part's bytes: the officeDocument relationship's target (word/document.xml as a rule). */
function mainPart(buffer: Uint8Array): Uint8Array {
  const wanted = new Set([RELS, 'word/document.xml']);
  let parts = unzipSync(buffer, { filter: (f) => wanted.has(f.name) });
  const target = /Target="\/?([^"]+)"/u.exec(OFFICE_DOCUMENT.exec(strFromU8(parts[RELS] ?? new Uint8Array()))?.[0] ?? '')?.[1] ?? 'word/document.xml';
  if (!parts[target]) parts = unzipSync(buffer, { filter: (f) => f.name === target });
  const xml = parts[target];
  if (!xml) throw new Error(`no main part ${target}`);
  return xml;
}

/** Texts of the table cells (w:tc), nested tables flattened into their own cells. */
function cellTexts(xml: string): string[] {
  const cells: string[] = [];
  const open: string[] = [];
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    if (t.name === 'w:tc') open.push('');
    else if (t.name === 'w:t') inText = true;
  });
  parser.on('closetag', (t) => {
    if (t.name === 'w:tc') cells.push(open.pop()!);
    else if (t.name === 'w:t') inText = false;
  });
  parser.on('text', (text) => {
    if (inText && open.length > 0) open[open.length - 1] += text;
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return cells;
}

let cells = 0;
let chars = 0;
const start = process.hrtime.bigint();
for (const f of files) {
  const texts = cellTexts(strFromU8(mainPart(await readFile(join(dir, f)))));
  cells += texts.length;
  for (const t of texts) chars += t.length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(`${JSON.stringify({ docs: files.length, seconds, cells, chars })}\n`);
