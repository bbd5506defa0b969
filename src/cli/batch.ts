/** A batch: every input processed once, parts written as results come, outputs assembled in order. */
import PQueue from 'p-queue';
import { readInputBytes, sha256 } from '../ingest/index.js';
import { outputName } from '../ingest/names.js';
import type { Lang } from '../model/errors.js';
import { assembleOutputs, type OutputFormat, type RunInfo } from '../output/assemble.js';
import type { LogTotals } from '../output/log-text.js';
import { buildPart, partKey, readPart, writePart } from '../output/parts.js';
import { writeReportJson } from '../output/report-json.js';
import type { CheckConfig } from '../check/index.js';
import type { DocumentResult } from '../process.js';
import { Progress } from './progress.js';
import { createRunner, type Runner } from './runner.js';

export interface BatchInput {
  /** Path to read, or "-" with `bytes` given. */
  path: string;
  file: string;
  bytes?: Uint8Array;
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
  onFailure?: (r: Pick<DocumentResult, 'file' | 'error'>) => void;
}

export interface BatchSummary extends LogTotals {
  seconds: number;
  reused: number;
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

export async function runBatch(inputs: BatchInput[], opts: BatchOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const names = assignNames(inputs.map((i) => i.file));
  const progress = new Progress(inputs.length, opts.lang, opts.quiet);
  const runner: Runner = await createRunner({ jobs: opts.jobs, timeoutSec: opts.timeoutSec, lang: opts.lang, config: opts.config });
  const queue = new PQueue({ concurrency: opts.jobs });
  let reused = 0;

  const handle = async (input: BatchInput, name: string) => {
    let bytes: Uint8Array | undefined = input.bytes;
    let hash: string | null = null;
    if (opts.resume) {
      try {
        bytes ??= await readInputBytes(input.path);
        hash = sha256(bytes);
      } catch {
        hash = null;
      }
      const previous = await readPart(opts.out, name);
      if (previous && hash && previous.key === partKey(hash, opts.version, opts.optionsFingerprint) && previous.manifest.file === input.file) {
        reused++;
        progress.tick(previous.manifest.status === 'failed');
        return;
      }
    }
    const result = await runner.run({ path: input.path, file: input.file, name, bytes });
    result.name = name;
    if (opts.formats.includes('json')) await writeReportJson(opts.out, result, opts.version);
    await writePart(opts.out, buildPart(result, partKey(result.sha256, opts.version, opts.optionsFingerprint)));
    if (result.status === 'failed') opts.onFailure?.(result);
    progress.tick(result.status === 'failed');
  };

  try {
    await Promise.all(inputs.map((input, i) => queue.add(() => handle(input, names[i]!))));
  } finally {
    await runner.close();
    progress.end();
  }
  const totals = await assembleOutputs(opts.out, names, opts.formats, opts.lang, {
    version: opts.version,
    startedAt,
    finishedAt: new Date().toISOString(),
    options: { formats: opts.formats, lang: opts.lang, jobs: opts.jobs, timeoutSec: opts.timeoutSec, resume: opts.resume },
    skipped: opts.skipped,
  });
  return { ...totals, seconds: (performance.now() - t0) / 1000, reused };
}
