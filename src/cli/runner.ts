/**
 * A pool of worker threads, each running one document at a time (see worker.ts). A document that
 * runs past the time limit is stopped together with its worker (worker.terminate()), the worker is
 * replaced, and the document is recorded as failed with code `timeout`; a worker that dies (crash,
 * out of memory) is replaced the same way. Workers are reused, so start-up is paid once per worker.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobOutcome, JobSettings, RunnerJob } from './job.js';
import type { FromWorker, ToWorker } from './worker.js';

export type { JobOutcome, RunnerJob } from './job.js';

/**
 * The per-document job (and with it the whole pipeline: mammoth, htmlparser2, the templates) is loaded by
 * the workers only; the main thread needs it just to record a document whose worker was stopped.
 */
async function writeFailure(...args: Parameters<typeof import('./job.js').writeFailure>): Promise<JobOutcome> {
  const job = await import('./job.js');
  return job.writeFailure(...args);
}

export interface Runner {
  run(job: RunnerJob): Promise<JobOutcome>;
  close(): Promise<void>;
}

export interface RunnerOptions extends JobSettings {
  jobs: number;
  timeoutSec: number;
}

/**
 * How to start a worker: worker.js beside this module in dist/; from sources (vitest, tsx) worker.ts,
 * which needs tsx registered inside the worker first. `--import tsx` in the worker's execArgv does not
 * take effect for the worker's own entry on Node 20, so a two-line bootstrap registers tsx through
 * its API and then imports the entry.
 */
export function workerEntry(moduleUrl: string = import.meta.url): { entry: URL | string; eval: boolean } {
  const fromSources = /\.[cm]?ts$/u.test(new URL(moduleUrl).pathname);
  if (!fromSources) return { entry: new URL('./worker.js', moduleUrl), eval: false };
  const require = createRequire(moduleUrl);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = require(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
  const worker = new URL('./worker.ts', moduleUrl).href;
  return { entry: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}

type Reply =
  | { kind: 'done'; outcome: JobOutcome }
  | { kind: 'fatal'; message: string }
  | { kind: 'died'; error: Error | null; exitCode: number }
  | { kind: 'timeout' };

/**
 * Worker heaps. A larger young generation lets the many short-lived objects of a conversion die young
 * (garbage collection was ~23% of a worker's time with V8's default 16 MB); 96 MB (32 MB semi-spaces)
 * does that as well as 192 MB did, at ~140 MB less peak memory with two workers (bench, 150 docx:
 * 335 MB against 472 MB at the same throughput). The old generation is capped so that a runaway
 * document fails as too-large instead of swapping the machine.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: Number(process.env.SELFEVAL_WORKER_YOUNG_MB ?? 96), maxOldGenerationSizeMb: workerMemoryMb() };

/**
 * The per-worker memory cap (V8's old generation), 512 MB unless SELFEVAL_WORKER_MEMORY_MB says
 * otherwise: a report takes tens of MB, the largest accepted input (50 MB of text) about 400; a
 * document that needs more fails as too-large and its worker is replaced, so that one file cannot
 * take the machine (with --jobs N, at most N times the cap).
 */
export function workerMemoryMb(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.SELFEVAL_WORKER_MEMORY_MB ?? 512);
  return Number.isFinite(mb) && mb >= 32 ? mb : 512;
}

/** One worker thread and the document it is working on, if any. */
class Slot {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  exited = false;
  private error: Error | null = null;
  private pending: { id: number; settle: (r: Reply) => void } | null = null;

  constructor(settings: JobSettings) {
    const { entry, eval: isCode } = workerEntry();
    this.worker = new Worker(entry, { workerData: settings, eval: isCode, resourceLimits: WORKER_LIMITS });
    let started: () => void = () => {};
    let failed: (e: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    this.ready.catch(() => {}); // observed in run(); an idle worker that never starts must not crash us
    this.worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') started();
      else if (this.pending && m.id === this.pending.id) this.settle(m.type === 'done' ? { kind: 'done', outcome: m.outcome } : { kind: 'fatal', message: m.message });
    });
    this.worker.on('error', (e) => {
      this.error = e;
    });
    this.worker.on('exit', (exitCode) => {
      this.exited = true;
      failed(this.error ?? new Error(`worker exited with code ${exitCode} before it started`));
      this.settle({ kind: 'died', error: this.error, exitCode });
    });
  }

  private settle(reply: Reply): void {
    const p = this.pending;
    this.pending = null;
    p?.settle(reply);
  }

  dispatch(id: number, job: RunnerJob, timeoutMs: number): Promise<Reply> {
    return new Promise<Reply>((resolve) => {
      const timer = setTimeout(() => this.settle({ kind: 'timeout' }), timeoutMs);
      this.pending = {
        id,
        settle: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      // Copied, not transferred: the main thread may still need the bytes to record a timeout.
      this.worker.postMessage({ type: 'job', id, job } satisfies ToWorker);
    });
  }
}

/**
 * Terminate a worker, waiting at most a few seconds: a thread stuck in a system call (a read from a
 * hung device) cannot be stopped, and must not stop the batch; it is left behind, unreferenced, and
 * ends with the process.
 */
async function stopWorker(worker: Worker, waitMs = 3000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([worker.terminate().catch(() => 0), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
  worker.unref();
}

class WorkerPool implements Runner {
  private readonly idle: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private readonly all = new Set<Slot>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: RunnerOptions) {
    for (let i = 0; i < opts.jobs; i++) this.idle.push(this.spawn());
  }

  private get settings(): JobSettings {
    const { out, formats, lang, config, version, optionsFingerprint, resume, timeoutSec } = this.opts;
    // LibreOffice runs in its own process group: give it less time than the document so that it is
    // stopped by its own deadline, not orphaned when a timeout kills the worker.
    const converterTimeoutMs = Math.max(1000, Math.round(timeoutSec * 1000 * 0.9) - 500);
    return { out, formats, lang, config, version, optionsFingerprint, resume, converterTimeoutMs };
  }

  private spawn(): Slot {
    const slot = new Slot(this.settings);
    this.all.add(slot);
    return slot;
  }

  private async acquire(): Promise<Slot> {
    const slot = this.idle.pop() ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)));
    if (!slot.exited) return slot;
    this.all.delete(slot);
    return this.spawn();
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  /** Stop a worker for good and put a fresh one in its place. */
  private async replace(slot: Slot): Promise<void> {
    this.all.delete(slot);
    await stopWorker(slot.worker);
    if (!this.closed) this.release(this.spawn());
  }

  async run(job: RunnerJob): Promise<JobOutcome> {
    const slot = await this.acquire();
    try {
      await slot.ready;
    } catch (e) {
      this.all.delete(slot);
      this.release(this.spawn());
      throw new Error(`a worker thread could not start: ${(e as Error).message}`, { cause: e });
    }
    const reply = await slot.dispatch(this.nextId++, job, this.opts.timeoutSec * 1000);
    switch (reply.kind) {
      case 'done':
        this.release(slot);
        return reply.outcome;
      case 'fatal':
        this.release(slot);
        throw new Error(`writing the outputs of ${job.file} failed: ${reply.message}`);
      case 'timeout':
        await this.replace(slot);
        return writeFailure(this.settings, job, 'timeout', { zh: `${this.opts.timeoutSec} 秒`, en: `${this.opts.timeoutSec} s` });
      case 'died': {
        await this.replace(slot);
        const oom = (reply.error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        const mb = WORKER_LIMITS.maxOldGenerationSizeMb;
        const detail = oom ? { zh: `超过每个工作线程 ${mb} MB 的内存上限`, en: `more than the ${mb} MB memory limit of a worker` } : (reply.error?.message ?? `worker exit code ${reply.exitCode}`);
        return writeFailure(this.settings, job, oom ? 'too-large' : 'internal-error', detail);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.all];
    this.all.clear();
    await Promise.all(slots.map((s) => stopWorker(s.worker)));
  }
}

export async function createRunner(opts: RunnerOptions): Promise<Runner> {
  return new WorkerPool(opts);
}
