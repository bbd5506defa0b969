#!/usr/bin/env node
/**
 * The command line. Only what every command needs is loaded up front; a batch run starts its worker
 * threads first, so that they load the pipeline while this thread loads the rest and lists the inputs.
 */
import { realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { langOf, parseCli, UsageError, type CliOptions } from './args.js';
import { EXIT } from './exit.js';
import { HELP, OTHER_FINDINGS, TEXT } from './messages.js';
import { prestartWorkers } from './runner.js';
import { VERSION } from './version.js';

export { EXIT } from './exit.js';

/**
 * How many workers the batch will want, as far as the command line tells without listing folders: a
 * folder or a list of files may hold any number of documents (assume --jobs); a file is one.
 */
function expectedWorkers(opts: CliOptions): number {
  if (opts.filesFrom) return opts.jobs;
  let n = 0;
  for (const input of opts.inputs) {
    if (n >= opts.jobs) break;
    try {
      n += input !== '-' && statSync(input).isDirectory() ? opts.jobs : 1;
    } catch {
      // A missing input is a usage error, reported once the inputs are listed.
    }
  }
  return Math.min(n, opts.jobs);
}

export async function main(argv: string[]): Promise<number> {
  const langGuess = langOf(argv);
  let opts: CliOptions;
  try {
    opts = parseCli(argv, availableParallelism());
  } catch (e) {
    process.stderr.write(`selfeval: ${TEXT[langGuess].usage}${(e as Error).message}\n${TEXT[langGuess].seeHelp}\n`);
    return EXIT.usage;
  }
  const t = TEXT[opts.lang];
  if (opts.command === 'help') {
    process.stdout.write(HELP[opts.lang]);
    return EXIT.ok;
  }
  if (opts.command === 'version') {
    process.stdout.write(`selfeval ${VERSION}\n`);
    return EXIT.ok;
  }
  if (opts.command === 'schema') {
    const { reportJsonSchema } = await import('../model/schema.js'); // zod's JSON Schema: this command only
    process.stdout.write(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
    return EXIT.ok;
  }
  if (opts.command === 'rules') {
    const { RULE_CATALOGUE } = await import('../templates/index.js');
    for (const r of RULE_CATALOGUE) process.stdout.write(`${r.id}\t${r.severity}\t${r.description[opts.lang]}\n`);
    for (const r of OTHER_FINDINGS) process.stdout.write(`${r.id}\t${r.severity}\t${r.description[opts.lang]}\n`);
    return EXIT.ok;
  }
  try {
    if (opts.command === 'tables') {
      if (opts.inputs.length === 0) throw new UsageError(t.noInputs);
      const { runTables } = await import('./tables.js');
      return (await runTables(opts)).failed > 0 ? EXIT.failedInputs : EXIT.ok;
    }
    if (opts.command === 'merge') return await (await import('./merge.js')).mergeCommand(opts);
    const wanted = expectedWorkers(opts);
    const prestarted = wanted > 0 ? prestartWorkers(wanted) : undefined;
    try {
      return await (await import('./run.js')).runCommand(opts, prestarted);
    } finally {
      await prestarted?.discard();
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`selfeval: ${t.usage}${e.message}\n${t.seeHelp}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

/** True when this module is the program (also through an npm bin symlink), false when imported. */
function isEntryPoint(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(resolve(arg)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // `selfeval schema | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A system error (the output folder cannot be written, the disk is full) is stated, not traced;
      // a stack trace is printed only for what must be a bug of the tool.
      const system = (e as NodeJS.ErrnoException).code !== undefined && (e as NodeJS.ErrnoException).syscall !== undefined;
      process.stderr.write(`selfeval: ${system ? TEXT[langOf(process.argv.slice(2))].systemError((e as Error).message) : ((e as Error).stack ?? String(e))}\n`);
      process.exitCode = 70;
    },
  );
}
