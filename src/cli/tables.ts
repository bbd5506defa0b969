/**
 * `selfeval tables <file…>`: the tables each input holds, as JSON Lines on stdout (one line per file,
 * in the walk's stable order; `-` reads one document from standard input). A file that cannot be read
 * gives its error line and exit code 3.
 */
import { MAX_INPUT_BYTES, STDIN_TOO_LARGE } from '../ingest/index.js';
import { STDIN_FILE } from '../ingest/names.js';
import { walkInputs } from '../ingest/walk.js';
import { errorMessage } from '../model/errors.js';
import { readTables, tablesLine, type TablesResult } from '../tables.js';
import type { CliOptions } from './args.js';
import { readStdin } from './stdin.js';

async function tablesOfStdin(opts: CliOptions): Promise<TablesResult> {
  const bytes = await readStdin(MAX_INPUT_BYTES);
  if (bytes.length > MAX_INPUT_BYTES) {
    return { file: STDIN_FILE, error_code: 'too-large', error: errorMessage('too-large', STDIN_TOO_LARGE, opts.lang) };
  }
  return readTables({ bytes, file: STDIN_FILE }, { lang: opts.lang, converterTimeoutMs: opts.timeoutSec * 1000 });
}

export async function runTables(opts: CliOptions): Promise<{ failed: number }> {
  // A named file that does not exist is a line of its own (read-failed), like any unreadable file.
  const walked = await walkInputs(opts.inputs, { keepMissing: true });
  let failed = 0;
  for (const path of walked.files) {
    const r = path === '-' ? await tablesOfStdin(opts) : await readTables(path, { lang: opts.lang, converterTimeoutMs: opts.timeoutSec * 1000 });
    if ('error_code' in r) failed++;
    process.stdout.write(`${tablesLine(r)}\n`);
  }
  for (const u of walked.unreadable) {
    failed++;
    process.stdout.write(`${JSON.stringify({ file: u.path, error_code: 'read-failed', error: u.reason })}\n`);
  }
  return { failed };
}
