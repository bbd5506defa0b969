/**
 * The batch run (`selfeval [options] inputs…`): reads the rule configuration, lists the inputs, runs the
 * batch and reports. Loaded by main.ts only for this command, after it has started the workers.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseUserConfig, resolveConfig } from '../check/config.js';
import type { CheckConfig } from '../check/types.js';
import { MAX_INPUT_BYTES } from '../ingest/index.js';
import { STDIN_FILE, displayPath } from '../ingest/names.js';
import { walkInputs, type WalkResult } from '../ingest/walk.js';
import { detailText, readErrorDetail, type Lang } from '../model/errors.js';
import { optionsFingerprint, STATE_DIR } from '../output/parts.js';
import { UsageError, type CliOptions } from './args.js';
import { assignNames, BatchInterrupted, runBatch, type BatchInput } from './batch.js';
import { EXIT } from './exit.js';
import { TEXT } from './messages.js';
import { Progress } from './progress.js';
import type { PrestartedWorkers } from './runner.js';
import { readStdin } from './stdin.js';
import { VERSION } from './version.js';
import { listSha256, shardIndices, writeRunRecord, type RunRecord } from './shard.js';

async function loadConfig(path: string | null, lang: Lang): Promise<{ config: CheckConfig; json: string }> {
  if (!path) return { config: resolveConfig(undefined), json: '' };
  let json: string;
  try {
    // Notepad and WPS save UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = (await readFile(path, 'utf8')).replace(/^\uFEFF/u, '');
  } catch (e) {
    throw new UsageError(TEXT[lang].configUnreadable(path, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new UsageError(TEXT[lang].configError(TEXT[lang].configNotJson((e as Error).message)));
  }
  try {
    const { RULE_CATALOGUE } = await import('../templates/index.js'); // every template's rules: only with a config
    return { config: resolveConfig(parseUserConfig(parsed, RULE_CATALOGUE.map((r) => r.id), lang)), json };
  } catch (e) {
    throw new UsageError(TEXT[lang].configError((e as Error).message));
  }
}

/** Paths listed in a --files-from file: one per line, blank lines and # comments ignored. */
export function parseFileList(text: string): string[] {
  return text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** The output folder, or the nearest folder above it that exists, must be a folder (-o naming a file is a usage error). */
async function checkOutDir(out: string, t: (typeof TEXT)[Lang]): Promise<void> {
  for (let dir = resolve(out); ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info) {
      if (!info.isDirectory()) throw new UsageError(t.outNotFolder(out, dir === resolve(out) ? out : dir));
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

/** Positional inputs must exist (a typo is a usage error); a stale line in a list is a failed input. */
async function listInputs(opts: CliOptions, t: (typeof TEXT)[Lang]): Promise<WalkResult> {
  const outDir = resolve(opts.out);
  const exclude = await realpath(outDir).catch(() => outDir);
  if (opts.filesFrom === '-' && opts.inputs.includes('-')) throw new UsageError(t.stdinTwice);
  const walked = await walkInputs(opts.inputs, { exclude, outputMarker: STATE_DIR });
  if (walked.missing.length > 0) throw new UsageError(walked.missing.map(t.missing).join('\n'));
  if (!opts.filesFrom) return walked;
  let text: string;
  try {
    text = opts.filesFrom === '-' ? new TextDecoder().decode(await readStdin()) : await readFile(opts.filesFrom, 'utf8');
  } catch (e) {
    throw new UsageError(t.listUnreadable(opts.filesFrom, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  const listed = parseFileList(text);
  const all = await walkInputs([...opts.inputs, ...listed], { keepMissing: true, exclude, outputMarker: STATE_DIR });
  return all;
}

/** Exit codes after a signal, as a shell reports a process it stopped (128 + the signal's number). */
const EXIT_ON_SIGNAL: Record<NodeJS.Signals, number> = { SIGINT: 130, SIGTERM: 143 } as Record<NodeJS.Signals, number>;

export async function runCommand(opts: CliOptions, prestarted?: PrestartedWorkers): Promise<number> {
  const t = TEXT[opts.lang];
  const { config, json } = await loadConfig(opts.config, opts.lang);
  if (opts.inputs.length === 0 && !opts.filesFrom) throw new UsageError(t.noInputs);
  await checkOutDir(opts.out, t);
  const walked = await listInputs(opts, t);
  // The reason in words with its system code (没有读取权限（EACCES）); the manifest keeps the code alone.
  for (const u of walked.unreadable) process.stderr.write(`${t.unreadable(u.path, detailText(readErrorDetail(u.reason), opts.lang))}\n`);
  // An empty folder (or a typo'd one that exists) is not an error, but a run of nothing should say so.
  if (walked.files.length === 0 && walked.unreadable.length === 0) process.stderr.write(`${t.noFilesFound}\n`);
  // A shard takes its inputs, and their output names, from the full sorted list (see shard.ts).
  const files = walked.files.map((path) => (path === '-' ? STDIN_FILE : displayPath(path)));
  const names = assignNames(files);
  const picked = shardIndices(files.length, opts.shard);
  const stdinBytes = picked.some((i) => walked.files[i] === '-') ? await readStdin(MAX_INPUT_BYTES) : undefined;
  // A name that is not UTF-8 is listed escaped and read by its bytes (walked.byteNames).
  const inputs: BatchInput[] = picked.map((i) => ({ path: walked.byteNames.get(walked.files[i]!) ?? walked.files[i]!, file: files[i]!, name: names[i]!, ...(walked.files[i] === '-' ? { bytes: stdinBytes } : {}) }));
  if (opts.shard) process.stderr.write(`${t.shard(opts.shard.k, opts.shard.n, inputs.length, files.length)}\n`);
  const fingerprint = optionsFingerprint(opts.lang, json);
  const record: RunRecord = { record: 1, version: VERSION, optionsFingerprint: fingerprint, lang: opts.lang, formats: opts.formats, shard: opts.shard, total: files.length, listSha256: listSha256(files), inputs: inputs.map((input, j) => ({ index: picked[j]!, file: input.file, name: input.name! })), complete: false };
  writeRunRecord(resolve(opts.out), record);
  const progress = new Progress(inputs.length, opts.lang, opts.quiet);
  // Ctrl-C (or a TERM from a job scheduler) stops the batch cleanly: a second one stops it at once.
  const stop = new AbortController();
  let signalled: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) process.exit(EXIT_ON_SIGNAL[signal]);
    signalled = signal;
    stop.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  let summary: Awaited<ReturnType<typeof runBatch>>;
  try {
    summary = await runBatch(inputs, {
      out: resolve(opts.out),
      jobs: opts.jobs,
      prestarted,
      formats: opts.formats,
      lang: opts.lang,
      timeoutSec: opts.timeoutSec,
      resume: opts.resume,
      quiet: opts.quiet,
      config,
      optionsFingerprint: fingerprint,
      version: VERSION,
      skipped: {
        ...walked.skipped,
        details: walked.skipped.details.map((d) => ({ ...d, file: displayPath(d.file) })),
        ...(walked.unreadable.length > 0 ? { unreadableFolders: walked.unreadable.map((u) => ({ folder: u.path, reason: u.reason })) } : {}),
      },
      runOptions: { failOn: opts.failOn, config: opts.config ? { file: opts.config, ...config } : null, ...(opts.shard ? { shard: `${opts.shard.k}/${opts.shard.n}` } : {}) },
      progress,
      onFailure: (r) => progress.failure(t.failedFile(r.file, r.error ?? '')),
      signal: stop.signal,
    });
  } catch (e) {
    if (!(e instanceof BatchInterrupted) || !signalled) throw e;
    process.stderr.write(`${t.interrupted(opts.out, progress.finished, inputs.length)}\n`);
    return EXIT_ON_SIGNAL[signalled];
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  writeRunRecord(resolve(opts.out), { ...record, complete: true, startedAt: summary.run.startedAt, options: summary.run.options, skipped: summary.run.skipped });
  if (walked.skipped.hidden + walked.skipped.lockFiles > 0) process.stderr.write(`${t.skipped(walked.skipped.hidden, walked.skipped.lockFiles)}\n`);
  if (walked.skipped.outputFolders) process.stderr.write(`${t.skippedOutput(walked.skipped.details.filter((d) => d.reason === 'output-folder').map((d) => displayPath(d.file)))}\n`);
  if (walked.skipped.specialFiles + walked.skipped.danglingLinks > 0) process.stderr.write(`${t.skippedSpecial(walked.skipped.specialFiles, walked.skipped.danglingLinks)}\n`);
  const reused = summary.reused > 0 ? `${opts.lang === 'en' ? '; ' : '；'}${t.reused(summary.reused)}` : '';
  const sep = opts.lang === 'en' ? '; ' : '；';
  process.stderr.write(`${t.summary(summary.files, summary.ok, summary.failed, summary.error, summary.warning, summary.info, summary.seconds.toFixed(1), opts.out)}${sep}${t.withErrors(summary.withErrors)}${reused}\n`);
  const over = opts.failOn === 'error' ? summary.error : opts.failOn === 'warning' ? summary.error + summary.warning : 0;
  // A folder that could not be read is inputs not processed, as a file that could not be: exit 3.
  const exit = summary.failed > 0 || walked.unreadable.length > 0 ? EXIT.failedInputs : over > 0 ? EXIT.findings : EXIT.ok;
  if (over > 0) process.stderr.write(`${t.failOn(opts.failOn, over, exit)}\n`);
  return exit;
}
