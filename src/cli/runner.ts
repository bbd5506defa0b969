/**
 * A pool of worker threads, each running one document at a time with the next one queued inside it
 * (see worker.ts). A document that runs past the time limit (counted from when its worker starts it)
 * is stopped together with its worker (worker.terminate()), the worker is replaced, and the document
 * is recorded as failed with code `timeout`; a worker that dies (crash, out of memory) is replaced the
 * same way. The document queued behind it never started: it goes to another worker. Workers are
 * reused, so start-up is paid once per worker. A worker renders a document's files and this thread
 * writes them (see document-files.ts), so the worker goes straight on with its next document.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { commitDocumentFiles } from '../output/document-files.js';
import type { JobOutcome, JobSettings, RunnerJob } from './job.js';
import type { FromWorker, ToWorker } from './worker.js';

export type { JobOutcome, RunnerJob } from './job.js';

/**
 * The per-document job (and with it the whole pipeline: mammoth, htmlparser2, the templates) is loaded by
 * the workers only; the main thread needs it just to record a document whose worker was stopped.
 */
async function failureOutcome(...args: Parameters<typeof import('./job.js').failureOutcome>): Promise<JobOutcome> {
  const job = await import('./job.js');
  return job.failureOutcome(...args);
}

/**
 * An error that stops the batch on one document: names it, and keeps a system error's code (the command
 * line then states it in one line, not as a stack trace).
 */
function jobError(what: string, message: string, errno: { code?: string; syscall?: string }, cause?: unknown): Error {
  return Object.assign(new Error(`${what} failed: ${message}`, { cause }), errno.code ? { code: errno.code, syscall: errno.syscall } : {});
}

/** Write a document's files. */
async function writeFiles(file: string, outcome: JobOutcome): Promise<JobOutcome> {
  if (!outcome.files) return outcome;
  try {
    await commitDocumentFiles(outcome.files, outcome.partJson);
    return outcome;
  } catch (e) {
    throw jobError(`writing the outputs of ${file}`, (e as Error).message, e as NodeJS.ErrnoException, e);
  }
}

export interface Runner {
  /** How many documents the workers hold at once: keep more runs than this going to keep every worker busy. */
  readonly capacity: number;
  run(job: RunnerJob): Promise<JobOutcome>;
  close(): Promise<void>;
}

export interface RunnerOptions extends JobSettings {
  jobs: number;
  timeoutSec: number;
  /** Workers started earlier (prestartWorkers): taken when their heap limits are the pool's, stopped otherwise. */
  prestarted?: PrestartedWorkers;
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

/**
 * Worker heaps. A larger young generation lets the many short-lived objects of a conversion die young
 * (garbage collection was ~23% of a worker's time with V8's default 16 MB): a worker alone gets 96 MB
 * (32 MB semi-spaces; V8 rounds a semi-space to a power of two, so 48 and 96 are the only sizes here),
 * which makes one worker ~7% faster than 48 MB at ~40 MB more memory. Several workers get 48 MB each:
 * their heaps add up, and with 96 MB two workers peaked at 400–450 MB over 10,000 .docx, against
 * 310 MB with 48 MB (297 MB at 1,000), for ~12–20% more time at `--jobs 2`. That keeps the run within
 * the README's memory figure. SELFEVAL_WORKER_YOUNG_MB overrides both. The old generation is capped so
 * that a runaway document fails as too-large instead of swapping the machine.
 */
export function workerLimits(workers: number, env: NodeJS.ProcessEnv = process.env): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number } {
  const young = Number(env.SELFEVAL_WORKER_YOUNG_MB);
  return { maxYoungGenerationSizeMb: Number.isFinite(young) && young >= 1 ? young : workers > 1 ? 48 : 96, maxOldGenerationSizeMb: workerMemoryMb(env) };
}

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

function spawnWorker(limits: ReturnType<typeof workerLimits>): Worker {
  const { entry, eval: isCode } = workerEntry();
  return new Worker(entry, { eval: isCode, resourceLimits: limits });
}

type WorkerEvent = { event: 'message'; value: FromWorker } | { event: 'error'; value: Error } | { event: 'exit'; value: number };

/**
 * A worker started before its pool exists. What it sends meanwhile (its `ready`, or an error if it
 * cannot start) is kept for the pool's slot to replay; until then it does not keep the process alive.
 */
class EarlyWorker {
  readonly worker: Worker;
  private readonly events: WorkerEvent[] = [];
  private readonly listeners: [WorkerEvent['event'], (value: unknown) => void][] = [];

  constructor(limits: ReturnType<typeof workerLimits>) {
    this.worker = spawnWorker(limits);
    for (const event of ['message', 'error', 'exit'] as const) {
      const listener = (value: unknown): void => void this.events.push({ event, value } as WorkerEvent);
      this.worker.on(event, listener);
      this.listeners.push([event, listener]);
    }
    this.worker.unref();
  }

  /** Stop keeping events: the slot listens from now on. Returns what was kept, in order. */
  handOver(): WorkerEvent[] {
    for (const [event, listener] of this.listeners) this.worker.off(event, listener);
    this.worker.ref();
    return this.events.splice(0);
  }
}

/** Workers started ahead of a batch (see prestartWorkers). */
export interface PrestartedWorkers {
  readonly limits: ReturnType<typeof workerLimits>;
  /** The next worker not yet taken by a pool, if any. */
  take(): EarlyWorker | undefined;
  /** Stop the workers no pool took. */
  discard(): Promise<void>;
}

/**
 * Start `jobs` workers before the batch is set up: loading the pipeline's modules in a worker takes
 * ~0.3 s, and it overlaps with the main thread loading its own and listing the inputs. The settings
 * follow in the workers' first message, when the pool takes them.
 */
export function prestartWorkers(jobs: number, env: NodeJS.ProcessEnv = process.env): PrestartedWorkers {
  const limits = workerLimits(jobs, env);
  const waiting = Array.from({ length: jobs }, () => new EarlyWorker(limits));
  return {
    limits,
    take: () => waiting.shift(),
    discard: async () => {
      await Promise.all(waiting.splice(0).map((w) => stopWorker(w.worker)));
    },
  };
}

/**
 * How many documents a worker holds: the one it is running and one queued inside it, so that it
 * starts the next the moment it finishes one instead of idling until the main thread has handled the
 * outcome and posted another (~1 ms per document, of ~15 ms on the Tika-text path).
 */
export const DOCS_PER_WORKER = 2;

/** A document handed to the pool, until its outcome is known. */
interface Task {
  id: number;
  job: RunnerJob;
  resolve: (outcome: JobOutcome) => void;
  reject: (error: Error) => void;
}

/** How a worker was lost: stopped for running past the time limit, or it died (crash, out of memory). */
type Loss = { kind: 'timeout' } | { kind: 'died'; error: Error | null; exitCode: number };

/** One worker thread and the documents posted to it, in the order it runs them. */
class Slot {
  readonly worker: Worker;
  /** Posted and not finished: the first is running (or next to run), the others wait inside the worker. */
  readonly tasks: Task[] = [];
  /** The worker has loaded its modules and takes documents. */
  ready = false;
  /** Timed out or exited: what it still sends is ignored. */
  private lost = false;
  private timer: NodeJS.Timeout | undefined;
  private error: Error | null = null;

  /** What an early worker sent before this slot took it, to be handled by `start`. */
  private readonly kept: WorkerEvent[];

  constructor(
    settings: JobSettings,
    limits: ReturnType<typeof workerLimits>,
    private readonly timeoutMs: number,
    private readonly onLost: (slot: Slot, loss: Loss) => void,
    private readonly onFinished: () => void,
    early?: EarlyWorker,
  ) {
    this.worker = early?.worker ?? spawnWorker(limits);
    this.kept = early?.handOver() ?? [];
    this.worker.on('message', (m: FromWorker) => this.onMessage(m));
    this.worker.on('error', (e) => this.onError(e));
    this.worker.on('exit', (exitCode) => this.onExit(exitCode));
    this.worker.postMessage({ type: 'settings', settings } satisfies ToWorker);
  }

  /** Handle what the worker sent before this slot took it (called once the pool holds the slot). */
  start(): void {
    for (const e of this.kept.splice(0)) {
      if (e.event === 'message') this.onMessage(e.value);
      else if (e.event === 'error') this.onError(e.value);
      else this.onExit(e.value);
    }
  }

  private onMessage(m: FromWorker): void {
    if (this.lost) return;
    if (m.type === 'ready') {
      this.ready = true;
      return;
    }
    const head = this.tasks[0];
    if (head?.id !== m.id) return;
    if (m.type === 'started') {
      // The time limit counts from here: a document queued behind a slow one is not charged its time.
      this.timer = setTimeout(() => this.onLost(this, { kind: 'timeout' }), this.timeoutMs);
      return;
    }
    clearTimeout(this.timer);
    this.tasks.shift();
    if (m.type === 'done') head.resolve(m.outcome);
    // Workers write nothing: what fails in one is the processing (a system error, or a bug of the tool).
    else head.reject(jobError(`processing ${head.job.file}`, m.message, m));
    this.onFinished();
  }

  private onError(e: Error): void {
    this.error = e;
  }

  private onExit(exitCode: number): void {
    if (!this.lost) this.onLost(this, { kind: 'died', error: this.error, exitCode });
  }

  post(task: Task): void {
    this.tasks.push(task);
    // Copied, not transferred: the main thread may still need the bytes to record a timeout.
    this.worker.postMessage({ type: 'job', id: task.id, job: task.job } satisfies ToWorker);
  }

  /** Stop listening to the worker and hand back its documents, the running one first. */
  giveUp(): Task[] {
    this.lost = true;
    clearTimeout(this.timer);
    return this.tasks.splice(0);
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

const sameLimits = (a: ReturnType<typeof workerLimits>, b: ReturnType<typeof workerLimits>): boolean =>
  a.maxYoungGenerationSizeMb === b.maxYoungGenerationSizeMb && a.maxOldGenerationSizeMb === b.maxOldGenerationSizeMb;

class WorkerPool implements Runner {
  readonly capacity: number;
  /** Documents not yet posted to a worker, in the order they are to be posted. */
  private readonly backlog: Task[] = [];
  private readonly slots = new Set<Slot>();
  private nextId = 1;
  private closed = false;
  private readonly limits: ReturnType<typeof workerLimits>;

  constructor(private readonly opts: RunnerOptions) {
    this.capacity = opts.jobs * DOCS_PER_WORKER;
    this.limits = workerLimits(opts.jobs);
    const early = opts.prestarted && sameLimits(opts.prestarted.limits, this.limits) ? opts.prestarted : undefined;
    for (let i = 0; i < opts.jobs; i++) this.spawn(early?.take());
    void opts.prestarted?.discard();
  }

  private get settings(): JobSettings {
    const { out, formats, lang, config, version, optionsFingerprint, resume, timeoutSec } = this.opts;
    // LibreOffice runs in its own process group: give it less time than the document so that it is
    // stopped by its own deadline, not orphaned when a timeout kills the worker.
    const converterTimeoutMs = Math.max(1000, Math.round(timeoutSec * 1000 * 0.9) - 500);
    return { out, formats, lang, config, version, optionsFingerprint, resume, converterTimeoutMs };
  }

  private spawn(early?: EarlyWorker): void {
    const onLost = (slot: Slot, loss: Loss): void => void this.lose(slot, loss);
    const slot = new Slot(this.settings, this.limits, this.opts.timeoutSec * 1000, onLost, () => this.pump(), early);
    this.slots.add(slot);
    slot.start();
  }

  /** Resolves once the document's files are written (by this thread, while its worker goes on). */
  run(job: RunnerJob): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<JobOutcome>((resolve, reject) => {
      const written = (outcome: JobOutcome): void => void writeFiles(job.file, outcome).then(resolve, reject);
      this.backlog.push({ id: this.nextId++, job, resolve: written, reject });
      this.pump();
    });
  }

  /** Post waiting documents to the workers that have room, the least busy first. */
  private pump(): void {
    while (this.backlog.length > 0) {
      let best: Slot | undefined;
      for (const slot of this.slots) if (slot.tasks.length < DOCS_PER_WORKER && (!best || slot.tasks.length < best.tasks.length)) best = slot;
      if (!best) return;
      best.post(this.backlog.shift()!);
    }
  }

  /**
   * A worker timed out or died: it is replaced; the document it was running (the first it holds) is
   * recorded as failed, and those it never started go back to the front of the backlog. A worker that
   * dies between two documents is charged with the next: charging one guarantees the batch progresses.
   */
  private async lose(slot: Slot, loss: Loss): Promise<void> {
    this.slots.delete(slot);
    const [running, ...unstarted] = slot.giveUp();
    // Stopped before anything is re-posted, so that no document ever runs in two workers at once.
    if (loss.kind === 'timeout') await stopWorker(slot.worker);
    if (this.closed) {
      for (const task of [running, ...unstarted]) task?.reject(new Error('the worker pool was closed'));
      return;
    }
    this.spawn();
    if (!slot.ready) {
      const why = loss.kind === 'died' ? (loss.error?.message ?? `worker exited with code ${loss.exitCode} before it started`) : 'timeout';
      for (const task of [running, ...unstarted]) task?.reject(new Error(`a worker thread could not start: ${why}`, { cause: loss }));
      return;
    }
    this.backlog.unshift(...unstarted);
    this.pump();
    if (running) await this.recordFailure(running, loss);
  }

  private async recordFailure(task: Task, loss: Loss): Promise<void> {
    try {
      if (loss.kind === 'timeout') {
        task.resolve(await failureOutcome(this.settings, task.job, 'timeout', { zh: `${this.opts.timeoutSec} 秒`, en: `${this.opts.timeoutSec} s` }));
        return;
      }
      const oom = (loss.error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const mb = this.limits.maxOldGenerationSizeMb;
      const detail = oom ? { zh: `超过每个工作线程 ${mb} MB 的内存上限`, en: `more than the ${mb} MB memory limit of a worker` } : (loss.error?.message ?? `worker exit code ${loss.exitCode}`);
      task.resolve(await failureOutcome(this.settings, task.job, oom ? 'too-large' : 'internal-error', detail));
    } catch (e) {
      task.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const closed = new Error('the worker pool was closed');
    for (const task of this.backlog.splice(0)) task.reject(closed);
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) for (const task of slot.giveUp()) task.reject(closed);
    await Promise.all(slots.map((s) => stopWorker(s.worker)));
  }
}

export async function createRunner(opts: RunnerOptions): Promise<Runner> {
  return new WorkerPool(opts);
}
