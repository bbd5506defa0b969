/**
 * `npm run bench`: throughput and memory of selfeval against the unzip + SAX floor, mammoth alone (in one
 * and in two processes) and pandoc, on a generated corpus that mixes Hunan reports and MoF forms. Writes
 * bench/results.json and prints Markdown tables. Environment:
 *   BENCH_N (default 500)            documents per throughput corpus (docx and text each)
 *   BENCH_RUNS (5)                   rounds of throughput measurements (median, min–max)
 *   BENCH_RSS_N ("1000,10000")       corpus sizes for the peak-RSS runs ("" skips them)
 *   BENCH_PANDOC_N (50)              documents per pandoc run (pandoc starts once per file; 0 skips it)
 *   BENCH_SEED (20210608)            corpus seed
 *   BENCH_OUT (bench/results.json)   where to write the results
 *   BENCH_KEEP=1                     keep the temporary folder
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateCorpus } from './corpus/generate.js';
import { HAS_GNU_TIME, onPath, runMeasured, type ProcRun } from './measure.js';
import { buildResults, renderMarkdown, type Sample, type MeasurementInput } from './results.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function envInt(name: string, fallback: number, min = 1): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min} (got ${v})`);
  return n;
}

const N = envInt('BENCH_N', 500);
const RUNS = envInt('BENCH_RUNS', 5);
const PANDOC_N = Math.min(envInt('BENCH_PANDOC_N', 50, 0), N);
const SEED = envInt('BENCH_SEED', DEFAULT_SEED);
const RSS_NS = (process.env.BENCH_RSS_N ?? '1000,10000')
  .split(',')
  .filter((s) => s.trim() !== '')
  .map(Number);
const OUT = process.env.BENCH_OUT ?? join(ROOT, 'bench/results.json');

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/cli/main.js is missing: run npm run build first');
const work = mkdtempSync(join(tmpdir(), 'selfeval-bench-'));

/**
 * Measure a snapshot of the build, not dist/ itself: a rebuild during a long run (tsc rewrites dist/
 * file by file) would otherwise break or change the CLI between runs.
 */
function snapshotBuild(): string {
  const app = join(work, 'app');
  mkdirSync(app);
  cpSync(join(ROOT, 'dist'), join(app, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  return join(app, 'dist/cli/main.js');
}
const CLI = snapshotBuild();
const loadBefore = loadavg();

interface Manifest {
  totals?: { ok: number; failed: number };
  inputs?: { timingsMs?: Record<string, number> }[];
}

function readManifest(out: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Mean per-document time of each stage the CLI records in the manifest (convert, grid, parse, check). */
function stageMeans(m: Manifest | null): Record<string, number> | null {
  const inputs = m?.inputs ?? [];
  if (inputs.length === 0) return null;
  const sums: Record<string, number> = {};
  for (const i of inputs) for (const [k, v] of Object.entries(i.timingsMs ?? {})) sums[k] = (sums[k] ?? 0) + v;
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / inputs.length]));
}

function toSample(run: ProcRun, docs: number, failed: number | null, stagesMs: Record<string, number> | null = null): Sample {
  return {
    stagesMs,
    docs,
    seconds: run.wallSeconds,
    cpuSeconds: run.userSeconds !== null && run.sysSeconds !== null ? run.userSeconds + run.sysSeconds : null,
    maxRssKb: run.maxRssKb,
    treeHwmKb: run.treeHwmKb,
    processes: run.processes,
    failed,
  };
}

async function cli(input: string, docs: number, jobs: number, pollTree = false): Promise<Sample> {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  const run = await runMeasured(process.execPath, [CLI, '--quiet', '-o', out, '--jobs', String(jobs), input], { pollTree });
  if (run.exitCode !== 0 && run.exitCode !== 3) throw new Error(`selfeval exited with ${run.exitCode}: ${run.stderrTail}`);
  const manifest = readManifest(out);
  const totals = manifest?.totals;
  if (!totals || totals.ok + totals.failed !== docs) throw new Error(`selfeval did not process all ${docs} inputs: ${JSON.stringify(totals)}`);
  rmSync(out, { recursive: true, force: true });
  return toSample(run, docs, totals.failed, stageMeans(manifest));
}

/**
 * One process of a library loop (bench/mammoth-alone.ts or bench/floor.ts) over the corpus (or its share
 * K/M): the process run and its loop's time.
 */
async function libraryLoop(script: string, dir: string, share = '0/1'): Promise<{ run: ProcRun; docs: number; seconds: number }> {
  const run = await runMeasured(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', script), dir, share], { captureStdout: true, cwd: ROOT });
  if (run.exitCode !== 0) throw new Error(`${script} failed: ${run.stderrTail}`);
  const r = JSON.parse(run.stdout) as { docs: number; seconds: number };
  return { run, docs: r.docs, seconds: r.seconds };
}

const mammothLoop = (dir: string, share?: string) => libraryLoop('mammoth-alone.ts', dir, share);

/** One library loop over the whole corpus; seconds are the loop's own time (module loading is outside it). */
async function libraryAlone(script: string, dir: string, docs: number): Promise<Sample> {
  const loop = await libraryLoop(script, dir);
  if (loop.docs !== docs) throw new Error(`${script} saw ${loop.docs} documents, expected ${docs}`);
  return { ...toSample(loop.run, docs, 0), seconds: loop.seconds };
}

/**
 * mammoth alone in two processes at once, half of the corpus each: what two cores give this kind of
 * work on this machine (memory-bound JavaScript does not scale like arithmetic), the ceiling against
 * which --jobs 2 / --jobs 1 is read. Seconds: the slower process's loop.
 */
async function mammothPair(dir: string, docs: number): Promise<Sample> {
  const halves = await Promise.all([mammothLoop(dir, '0/2'), mammothLoop(dir, '1/2')]);
  const seen = halves.reduce((n, h) => n + h.docs, 0);
  if (seen !== docs) throw new Error(`the two mammoth-alone processes saw ${seen} documents, expected ${docs}`);
  const samples = halves.map((h) => toSample(h.run, h.docs, 0));
  const sum = (f: (s: Sample) => number | null) => (samples.every((s) => f(s) !== null) ? samples.reduce((a, s) => a + f(s)!, 0) : null);
  return { stagesMs: null, docs, seconds: Math.max(...halves.map((h) => h.seconds)), cpuSeconds: sum((s) => s.cpuSeconds), maxRssKb: sum((s) => s.maxRssKb), treeHwmKb: null, processes: 2, failed: 0 };
}

async function pandoc(files: string[]): Promise<Sample> {
  let seconds = 0;
  let cpu = 0;
  let rss = 0;
  for (const f of files) {
    const run = await runMeasured('pandoc', ['-f', 'docx', '-t', 'html', '-o', '/dev/null', f]);
    if (run.exitCode !== 0) throw new Error(`pandoc failed on ${f}: ${run.stderrTail}`);
    seconds += run.wallSeconds;
    cpu += (run.userSeconds ?? 0) + (run.sysSeconds ?? 0);
    rss = Math.max(rss, run.maxRssKb ?? 0);
  }
  return { stagesMs: null, docs: files.length, seconds, cpuSeconds: HAS_GNU_TIME ? cpu : null, maxRssKb: HAS_GNU_TIME ? rss : null, treeHwmKb: null, processes: null, failed: 0 };
}

/** The commit measured (with "+changes" when the work tree differs from it), or null outside git. */
function gitCommit(): string | null {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.stdout.trim() ? '+changes' : ''}`;
}

async function main(): Promise<void> {
  log(`work folder ${work}`);
  let t = Date.now();
  const corpus = generateCorpus({ dir: join(work, 'corpus'), n: N, seed: SEED });
  log(`generated ${N} documents (docx + text) in ${((Date.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(corpus.families)}, MoF shapes ${JSON.stringify(corpus.mofShapes)}, Hunan faults ${JSON.stringify(corpus.faults)}`);
  const docxDir = corpus.dirs.docx!;
  const txtDir = corpus.dirs.txt!;
  const hasPandoc = PANDOC_N > 0 && onPath('pandoc');
  const pandocFiles = readdirSync(docxDir).sort().slice(0, PANDOC_N).map((f) => join(docxDir, f));

  const samples: Record<string, Sample[]> = { floor: [], mammoth: [], mammoth2: [], jobs1: [], jobs2: [], text: [], pandoc: [] };
  // Round-robin over the measurements so that background load spreads over all of them alike.
  for (let r = 1; r <= RUNS; r++) {
    samples.floor!.push(await libraryAlone('floor.ts', docxDir, N));
    samples.mammoth!.push(await libraryAlone('mammoth-alone.ts', docxDir, N));
    samples.mammoth2!.push(await mammothPair(docxDir, N));
    samples.jobs1!.push(await cli(docxDir, N, 1));
    samples.jobs2!.push(await cli(docxDir, N, 2));
    samples.text!.push(await cli(txtDir, N, 1));
    if (hasPandoc) samples.pandoc!.push(await pandoc(pandocFiles));
    const last = (k: string) => samples[k]!.at(-1);
    const rate = (k: string) => (last(k) ? `${(last(k)!.docs / last(k)!.seconds).toFixed(1)}` : '-');
    log(`run ${r}/${RUNS}: docs/s floor ${rate('floor')}, mammoth ${rate('mammoth')}, mammoth ×2 ${rate('mammoth2')}, jobs1 ${rate('jobs1')}, jobs2 ${rate('jobs2')}, text ${rate('text')}, pandoc ${rate('pandoc')}; load ${loadavg()[0]!.toFixed(2)}`);
  }

  const rss: Record<string, Sample> = {};
  for (const n of RSS_NS) {
    t = Date.now();
    const dir = join(work, `rss-${n}`);
    const made = generateCorpus({ dir, n, seed: SEED, formats: ['docx'] });
    log(`generated ${n} docx for the memory run in ${((Date.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(made.families)}`);
    rss[String(n)] = await cli(join(dir, 'docx'), n, 2, true);
    rmSync(dir, { recursive: true, force: true });
    const s = rss[String(n)]!;
    log(`peak RSS at N=${n}: ${s.maxRssKb} kB (tree ${s.treeHwmKb} kB, ${s.processes} process(es)); ${(n / s.seconds).toFixed(1)} docs/s`);
  }

  const measurements: MeasurementInput[] = [
    { id: 'floor', label: 'floor: unzip (fflate) + SAX pass (saxes) collecting cell texts (in-process, 1 core)', samples: samples.floor! },
    { id: 'mammoth', label: 'mammoth convertToHtml alone (in-process, 1 core)', samples: samples.mammoth! },
    { id: 'mammoth2', label: 'mammoth alone, two processes at once (half the corpus each)', samples: samples.mammoth2! },
    { id: 'jobs1', label: 'selfeval docx, --jobs 1', samples: samples.jobs1! },
    { id: 'jobs2', label: 'selfeval docx, --jobs 2', samples: samples.jobs2! },
    { id: 'text', label: 'selfeval Tika text, --jobs 1', samples: samples.text! },
    hasPandoc
      ? { id: 'pandoc', label: `pandoc -f docx -t html, one process per file (${PANDOC_N} files/run)`, samples: samples.pandoc! }
      : { id: 'pandoc', label: 'pandoc -f docx -t html', samples: [], note: PANDOC_N === 0 ? 'skipped: BENCH_PANDOC_N=0' : 'skipped: pandoc is not on PATH' },
  ];
  const results = buildResults({
    params: { n: N, runs: RUNS, seed: SEED, pandocN: PANDOC_N, rssNs: RSS_NS, families: corpus.families, mofShapes: corpus.mofShapes, faultRate: corpus.faultRate, corpusBytes: corpus.bytes },
    machine: {
      commit: gitCommit(),
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryMb: Math.round(totalmem() / 2 ** 20),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadBefore: loadBefore.map((l) => Number(l.toFixed(2))),
      loadAfter: loadavg().map((l) => Number(l.toFixed(2))),
      gnuTime: HAS_GNU_TIME,
    },
    measurements,
    rss,
  });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(renderMarkdown(results));
  log(`results written to ${OUT}`);
}

try {
  await main();
} finally {
  if (process.env.BENCH_KEEP === '1') log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
