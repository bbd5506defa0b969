/**
 * Worker-thread entry: receives documents from the pool in runner.ts and runs the whole per-document
 * job (process + render its outputs, which the main thread writes) for each, one at a time, in the order received. The pool posts the
 * next document while this one runs, so it waits here and starts as soon as this one is done. Start-up
 * work happens once, when the module loads.
 */
import { parentPort } from 'node:worker_threads';
import { transferables } from '../output/document-files.js';
import { runJob, type JobSettings, type RunnerJob } from './job.js';

/** The settings come first (a worker may be started before the batch has them), then the documents. */
export type ToWorker = { type: 'settings'; settings: JobSettings } | { type: 'job'; id: number; job: RunnerJob };
export type FromWorker =
  | { type: 'ready' }
  /** Sent as a document starts: its time limit counts from here. */
  | { type: 'started'; id: number }
  | { type: 'done'; id: number; outcome: Awaited<ReturnType<typeof runJob>> } | { type: 'fatal'; id: number; message: string; code?: string; syscall?: string };

/**
 * Test hooks (environment, never set in normal use): a document whose path contains the value of
 * SELFEVAL_TEST_HANG_ON spins forever (a runaway document); SELFEVAL_TEST_CRASH_ON makes the worker die;
 * SELFEVAL_TEST_HOG_ON allocates memory until the worker's cap stops it.
 */
async function testHooks(file: string): Promise<void> {
  const hang = process.env.SELFEVAL_TEST_HANG_ON;
  if (hang && file.includes(hang)) for (;;);
  const hog = process.env.SELFEVAL_TEST_HOG_ON;
  if (hog && file.includes(hog)) {
    const kept: string[][] = [];
    for (let i = 0; ; i++) kept.push(Array.from({ length: 100_000 }, (_, j) => `${i}:${j}`));
  }
  const crash = process.env.SELFEVAL_TEST_CRASH_ON;
  if (crash && file.includes(crash)) {
    setImmediate(() => {
      throw new Error(`test crash on ${file}`);
    });
    await new Promise<never>(() => {});
  }
}

if (parentPort) {
  const port = parentPort;
  let settings: JobSettings | undefined;
  const queued: Extract<ToWorker, { type: 'job' }>[] = [];
  let running = false;
  const runQueued = async (): Promise<void> => {
    running = true;
    for (let msg = queued.shift(); msg; msg = queued.shift()) {
      // One turn of the event loop between documents: V8 runs its pending garbage-collection tasks
      // there, and a worker going straight from one document to the next held ~40 MB more at its peak.
      await new Promise((resolve) => setImmediate(resolve));
      port.postMessage({ type: 'started', id: msg.id } satisfies FromWorker);
      try {
        await testHooks(msg.job.file);
        if (!settings) throw new Error('a document arrived before the settings');
        const outcome = await runJob(settings, msg.job);
        port.postMessage({ type: 'done', id: msg.id, outcome } satisfies FromWorker, transferables(outcome.files));
      } catch (e) {
        // A system error (too many open files) keeps its code, so that the command line states it in
        // one line like its own system errors, instead of printing a stack trace.
        const { code, syscall } = e as NodeJS.ErrnoException;
        const system = typeof code === 'string' && typeof syscall === 'string';
        const message = e instanceof Error ? (system ? e.message : (e.stack ?? e.message)) : String(e);
        port.postMessage({ type: 'fatal', id: msg.id, message, ...(system ? { code, syscall } : {}) } satisfies FromWorker);
      }
    }
    running = false;
  };
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'settings') {
      settings = msg.settings;
      return;
    }
    queued.push(msg);
    if (!running) void runQueued();
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
