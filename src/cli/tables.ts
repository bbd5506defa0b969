/**
 * `selfeval tables <file…>`: the tables each input holds, as JSON Lines on stdout (one line per file,
 * in the walk's stable order). A file that cannot be read gives its error line and exit code 3.
 */
import { walkInputs } from '../ingest/walk.js';
import { readTables, tablesLine } from '../tables.js';
import type { CliOptions } from './args.js';

export async function runTables(opts: CliOptions): Promise<{ failed: number }> {
  // A named file that does not exist is a line of its own (read-failed), like any unreadable file.
  const walked = await walkInputs(opts.inputs, { keepMissing: true });
  let failed = 0;
  for (const path of walked.files) {
    const r = await readTables(path, { lang: opts.lang, converterTimeoutMs: opts.timeoutSec * 1000 });
    if ('error_code' in r) failed++;
    process.stdout.write(`${tablesLine(r)}\n`);
  }
  for (const u of walked.unreadable) {
    failed++;
    process.stdout.write(`${JSON.stringify({ file: u.path, error_code: 'read-failed', error: u.reason })}\n`);
  }
  return { failed };
}
