/**
 * Print the Markdown tables of a stored run again (and add what newer code derives from its samples):
 * `node --import tsx bench/render.ts [bench/results.json]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pairedRatios, renderMarkdown, type Results } from './results.js';

const file = process.argv[2] ?? new URL('./results.json', import.meta.url).pathname;
const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
results.paired = pairedRatios(results.measurements);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(renderMarkdown(results));
