/**
 * A batch: every input processed exactly once by the worker pool, each document's outputs written as
 * it finishes (rendered by its worker, written by the pool on this thread while the worker goes on),
 * and the final files assembled meanwhile from the per-document parts, in input order (a part that
 * arrives early waits in memory for the ones before it). The queue is fed in bounded steps, whatever
 * the number of inputs.
 */
import { join } from 'node:path';
import PQueue from 'p-queue';
import { outputName } from '../ingest/names.js';
import type { Lang } from '../model/errors.js';
import { Assembler, type OutputFormat, type RunInfo } from '../output/assemble.js';
import { sweepTempFiles } from '../output/atomic.js';
import type { LogTotals } from '../output/log-text.js';
import { STATE_DIR, type Part } from '../output/parts.js';
import type { CheckConfig } from '../check/index.js';
import { InOrderFeed } from './in-order.js';
import { Progress } from './progress.js';
import { createRunner, type JobOutcome, type PrestartedWorkers, type Runner } from './runner.js';

export interface BatchInput {
  /** Path to read (its bytes when it is not valid UTF-8), or "-" with `bytes` given. */
  path: string | Uint8Array;
  file: string;
  bytes?: Uint8Array;
  /** Output name, when given by the caller (a shard takes the names of the full list). */
  name?: string;
}

export interface BatchOptions {
  out: string;
  jobs: number;
  formats: OutputFormat[];
  lang: Lang;
  timeoutSec: number;
  resume: boolean;
  quiet: boolean;
  config: CheckConfig;
  optionsFingerprint: string;
  version: string;
  skipped: RunInfo['skipped'];
  /** Further run options recorded in the manifest (rule configuration, --fail-on). */
  runOptions?: Record<string, unknown>;
  /** Called for each input that could not be processed (the batch goes on). */
  onFailure?: (r: JobOutcome) => void;
  /** Progress display (a TTY-aware one is made from `quiet` when absent). */
  progress?: Progress;
  /** Workers started before the batch (see prestartWorkers in runner.ts). */
  prestarted?: PrestartedWorkers;
  /** Aborting it (Ctrl-C) stops the batch: finished documents keep their outputs, no temp file is left, and runBatch throws BatchInterrupted. */
  signal?: AbortSignal;
}

/** The batch was stopped through its signal before it finished; `--resume` goes on from its outputs. */
export class BatchInterrupted extends Error {
  constructor() {
    super('the batch was interrupted');
    this.name = 'BatchInterrupted';
  }
}

export interface BatchSummary extends LogTotals {
  seconds: number;
  reused: number;
  /** What the manifest records about the run. */
  run: RunInfo;
}

/** Names unique within the batch, in input order (a clash gets ~2, ~3 …). */
export function assignNames(files: string[]): string[] {
  const used = new Set<string>();
  return files.map((file) => {
    const base = outputName(file);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}~${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Folders where interrupted writes can leave temp files. */
function outputDirs(out: string): string[] {
  return [out, join(out, 'reports'), join(out, 'html'), join(out, STATE_DIR, 'parts')];
}

export async function runBatch(inputs: BatchInput[], opts: BatchOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const assigned = assignNames(inputs.map((i) => i.file));
  const names = inputs.map((input, i) => input.name ?? assigned[i]!);
  await sweepTempFiles(outputDirs(opts.out));
  const progress = opts.progress ?? new Progress(inputs.length, opts.lang, opts.quiet);
  // No more workers than documents: each worker pays the start-up (module loading) once.
  const workers = Math.max(1, Math.min(opts.jobs, inputs.length));
  // Opened before the workers start: an output folder that cannot be written fails here, at once.
  const assembler = await Assembler.open(opts.out, opts.formats, opts.lang);
  const runner: Runner = await createRunner({
    jobs: workers,
    timeoutSec: opts.timeoutSec,
    out: opts.out,
    formats: opts.formats,
    lang: opts.lang,
    config: opts.config,
    version: opts.version,
    optionsFingerprint: opts.optionsFingerprint,
    resume: opts.resume,
    prestarted: opts.prestarted,
  }).catch(async (e: unknown) => {
    await assembler.abort();
    throw e;
  });
  // As many documents in flight as the workers hold (each runs one and has the next queued), and one
  // more per worker waiting in the pool: while a finished document's files are written, the worker
  // goes on with its queued one and the waiting one takes its place at once.
  const queue = new PQueue({ concurrency: runner.capacity + workers });
  let reused = 0;
  let fatal: unknown = null;
  const feed = new InOrderFeed<Part>((part) => assembler.add(part));
  const interrupt = (): void => {
    fatal ??= new BatchInterrupted();
    queue.clear();
    void runner.close();
  };
  if (opts.signal?.aborted) interrupt();
  else opts.signal?.addEventListener('abort', interrupt, { once: true });

  const handle = async (i: number): Promise<void> => {
    const input = inputs[i]!;
    const outcome = await runner.run({ path: input.path, file: input.file, name: names[i]!, bytes: input.bytes });
    if (outcome.reused) reused++;
    if (outcome.status === 'failed') opts.onFailure?.(outcome);
    progress.tick(outcome.status === 'failed');
    // Not awaited: this worker goes on with the next document while earlier ones are still running.
    // Parts wait here at most as long as the slowest document (the --timeout bounds it).
    feed.put(i, JSON.parse(outcome.partJson) as Part).catch((e: unknown) => {
      fatal ??= e; // the final files cannot be written: stop feeding the workers
      queue.clear();
    });
  };

  try {
    try {
      // Bounded feeding: at most a few tasks wait in the queue, whatever the number of inputs.
      for (let i = 0; i < inputs.length && fatal === null; i++) {
        if (queue.size >= runner.capacity) await queue.onSizeLessThan(workers);
        if (fatal !== null) break;
        queue.add(() => handle(i)).catch((e: unknown) => {
          fatal ??= e;
          queue.clear();
        });
      }
      await queue.onIdle();
      await feed.settled();
    } finally {
      opts.signal?.removeEventListener('abort', interrupt);
      await runner.close();
      progress.end();
    }
    if (fatal !== null) throw fatal;
    if (feed.consumed !== inputs.length) throw new Error(`${inputs.length - feed.consumed} results are missing from the assembled outputs`);
  } catch (e) {
    await assembler.abort();
    // A temp file of this process whose removal failed after a failed write is not left behind.
    if (e instanceof BatchInterrupted) await sweepTempFiles(outputDirs(opts.out), true);
    throw e;
  }
  // Per-document files whose temp file could not be removed after a failed write (not in the output
  // folder itself, where the assembler's files are still open).
  await sweepTempFiles(outputDirs(opts.out).slice(1), true);
  const run: RunInfo = {
    version: opts.version,
    startedAt,
    finishedAt: new Date().toISOString(),
    options: { formats: opts.formats, lang: opts.lang, jobs: opts.jobs, timeoutSec: opts.timeoutSec, resume: opts.resume, ...opts.runOptions },
    skipped: opts.skipped,
  };
  const totals = await assembler.finish(run);
  return { ...totals, seconds: (performance.now() - t0) / 1000, reused, run };
}
