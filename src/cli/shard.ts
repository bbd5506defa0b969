/**
 * Shards of one batch: `--shard K/N` picks every N-th input of the sorted input list, starting at K
 * (0-based, so a Kubernetes JOB_COMPLETION_INDEX can be used as it is), and every run records in
 * <out>/.selfeval/run.json which inputs it took, under which output names, with which version and
 * options, and whether it finished. `selfeval merge` reads these records to put shards back together.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../model/errors.js';
import { writeFileAtomicSync } from '../output/atomic.js';
import type { OutputFormat, RunInfo } from '../output/assemble.js';
import { STATE_DIR } from '../output/parts.js';
import type { ShardSpec } from './shard-spec.js';

export { parseShardSpec, shardIndices, type ShardSpec } from './shard-spec.js';

/** What a run (a shard, or a whole batch as shard 0/1) records about itself for `selfeval merge`. */
export interface RunRecord {
  /** Layout of this file. */
  record: 1;
  version: string;
  optionsFingerprint: string;
  lang: Lang;
  formats: OutputFormat[];
  shard: ShardSpec | null;
  /** Length of the full input list, and a hash of it: shards of one list share both. */
  total: number;
  listSha256: string;
  /** This run's inputs: position in the full list, file as shown, output name. */
  inputs: { index: number; file: string; name: string }[];
  /** Set once the final files are written; a shard killed before that is not complete. */
  complete: boolean;
  /** What the manifest records about the run, kept here so that a merge need not read it. */
  startedAt?: string;
  options?: Record<string, unknown>;
  skipped?: RunInfo['skipped'];
}

export const RUN_RECORD = 'run.json';

export function runRecordPath(out: string): string {
  return join(out, STATE_DIR, RUN_RECORD);
}

export function listSha256(files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f}\n`);
  return h.digest('hex');
}

export function writeRunRecord(out: string, record: RunRecord): void {
  writeFileAtomicSync(runRecordPath(out), `${JSON.stringify(record)}\n`);
}

/** The record of an output folder, null when there is none; throws when it cannot be parsed. */
export async function readRunRecord(out: string): Promise<RunRecord | null> {
  let text: string;
  try {
    text = await readFile(runRecordPath(out), 'utf8');
  } catch {
    return null;
  }
  const r = JSON.parse(text) as RunRecord;
  if (r.record !== 1 || !Array.isArray(r.inputs)) throw new Error(`unknown layout of ${RUN_RECORD}`);
  return r;
}
