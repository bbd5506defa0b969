/** How documents get processed: in-process here; a worker-thread pool replaces this for real batches. */
import type { CheckConfig } from '../check/index.js';
import type { Lang } from '../model/errors.js';
import { processDocument, type DocumentResult } from '../process.js';

export interface RunnerJob {
  path: string;
  file: string;
  name: string;
  bytes?: Uint8Array;
}

export interface Runner {
  run(job: RunnerJob): Promise<DocumentResult>;
  close(): Promise<void>;
}

export interface RunnerOptions {
  jobs: number;
  timeoutSec: number;
  lang: Lang;
  config: CheckConfig;
}

export async function createRunner(opts: RunnerOptions): Promise<Runner> {
  return {
    run: (job) => processDocument(job.bytes ? { bytes: job.bytes, file: job.file } : job.path, { lang: opts.lang, config: opts.config }),
    close: async () => {},
  };
}
