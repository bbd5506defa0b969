/**
 * Print the Markdown tables of a stored run again, with what this version of the code derives from its
 * samples (e.g. the paired ratios): `node --import tsx bench/render.ts [FILE=bench/results.json] [--write]`.
 * The file is only rewritten (with the derived fields added) when `--write` is given.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pairedRatios, renderMarkdown, type Results } from './results.js';

const args = process.argv.slice(2);
const write = args.includes('--write');
const file = args.find((a) => a !== '--write') ?? new URL('./results.json', import.meta.url).pathname;
const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
results.paired = pairedRatios(results.measurements);
if (write) writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(renderMarkdown(results));
