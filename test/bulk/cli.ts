/** Running the CLI as a child process, and comparing output folders. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveConfig } from '../../src/check/index.js';
import { createRunner, type Runner, type RunnerOptions } from '../../src/cli/runner.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const MAIN_TS = join(REPO, 'src/cli/main.ts');
/** tsx by absolute URL: the CLI runs with the corpus folder as working folder, outside the repo. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  stdin?: string | Uint8Array;
  /** Run compiled JavaScript instead of the sources (path of dist/cli/main.js). */
  mainJs?: string;
}

export function startCli(args: string[], opts: CliOptions): ChildProcess {
  const argv = opts.mainJs ? [opts.mainJs, ...args] : ['--import', TSX, MAIN_TS, ...args];
  const child = spawn(process.execPath, argv, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin!.on('error', () => {}); // the CLI may stop reading early (EPIPE)
  if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
  else child.stdin!.end();
  return child;
}

export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: string[], opts: CliOptions): Promise<CliRun> {
  return finished(startCli(args, opts));
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `selfeval-${prefix}-`));
}

export function removeDir(dir: string): void {
  if (!process.env.SELFEVAL_KEEP_TEST_DIRS) rmSync(dir, { recursive: true, force: true });
}

/** All files under dir (relative, "/" separators), the internal state folder excluded. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (relative(dir, p) !== '.selfeval') walk(p);
      } else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface Manifest {
  startedAt: string;
  finishedAt: string;
  options: Record<string, unknown>;
  skipped: { hidden: number; lockFiles: number };
  inputs: { file: string; name: string; sha256: string | null; bytes: number | null; format: string | null; status: string; errorCode: string | null; error: string | null; timingsMs: unknown }[];
  totals: Record<string, number>;
  /** Present in the manifest of `selfeval merge` only: the shards it was made from. */
  merge?: unknown;
}

export function readManifest(out: string): Manifest {
  return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * The manifest without what legitimately differs between runs of the same inputs: timestamps,
 * timings, and how the run was made (jobs, resume, the shards a merge was made from).
 */
export function comparableManifest(out: string): unknown {
  const m = readManifest(out);
  const { startedAt: _s, finishedAt: _f, merge: _m, options, ...rest } = m;
  const { jobs: _j, resume: _r, ...kept } = options;
  return { ...rest, options: kept, inputs: m.inputs.map(({ timingsMs: _t, ...i }) => i) };
}

/** Every output file byte for byte (manifest.json compared without timestamps and timings). */
export function expectSameOutputs(a: string, b: string, expectEqual: (x: unknown, y: unknown, what: string) => void): number {
  const files = listFiles(a);
  expectEqual(listFiles(b), files, 'file list');
  for (const f of files) {
    if (f === 'manifest.json') expectEqual(comparableManifest(b), comparableManifest(a), f);
    else if (!readFileSync(join(a, f)).equals(readFileSync(join(b, f)))) expectEqual(`${f} differs`, `${f} identical`, f);
  }
  return files.length;
}

export function tempFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp-\d+-/u.test(f));
}

/** A worker pool in this process (English, JSON/CSV/log outputs, one worker unless told), closed after `use`. */
export async function withPool<T>(opts: Partial<RunnerOptions> & { out: string }, use: (runner: Runner) => Promise<T>): Promise<T> {
  const runner = await createRunner({
    jobs: 1,
    timeoutSec: 3,
    formats: ['json', 'csv', 'log'],
    lang: 'en',
    config: resolveConfig(undefined),
    version: 'test',
    optionsFingerprint: 'x',
    resume: false,
    ...opts,
  });
  try {
    return await use(runner);
  } finally {
    await runner.close();
  }
}
