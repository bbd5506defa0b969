/**
 * `selfeval merge -o OUT <shard…>`: the final files of one run over all inputs, assembled from the
 * per-document parts of shard runs by the same Assembler a run uses, in the order of the full input
 * list, with the per-document files (reports/*.json, html/<name>.html) copied. Shards made by another
 * version or with other options, unfinished shards and missing shards are refused (exit 2) before
 * anything is written; an input found in two shards is counted once and reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Lang } from '../model/errors.js';
import { Assembler, type RunInfo } from '../output/assemble.js';
import { writeFileAtomicSync } from '../output/atomic.js';
import { reportPagePath } from '../output/html/index.js';
import { partKey, partPath, readPart, writePart, type Part } from '../output/parts.js';
import { reportJsonPath } from '../output/report-json.js';
import { compareCodepoints } from '../ingest/walk.js';
import { STDIN_FILE } from '../ingest/names.js';
import type { CliOptions } from './args.js';
import { UsageError } from './args.js';
import { MERGE_TEXT } from './merge-text.js';
import { TEXT } from './messages.js';
import { listSha256, readRunRecord, writeRunRecord, type RunRecord } from './shard.js';
import { VERSION } from './version.js';

/** A merge that cannot give the outputs of one run: every reason, each naming its shard. */
export class MergeRefused extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('\n'));
  }
}

interface Shard {
  /** As given on the command line (how messages name it). */
  dir: string;
  path: string;
  record: RunRecord;
}

interface Entry {
  shard: Shard;
  index: number;
  file: string;
  name: string;
}

export interface MergeResult {
  run: RunInfo;
  totals: Awaited<ReturnType<Assembler['finish']>>;
  duplicates: { file: string; kept: string; dropped: string }[];
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readShards(dirs: string[], out: string, lang: Lang): Promise<Shard[]> {
  const t = MERGE_TEXT[lang];
  const shards: Shard[] = [];
  const reasons: string[] = [];
  for (const dir of dirs) {
    const path = resolve(dir);
    if (path === out) throw new UsageError(t.outIsShard(dir));
    try {
      const record = await readRunRecord(path);
      if (record) shards.push({ dir, path, record });
      else reasons.push(existsSync(path) ? t.notAnOutput(dir) : t.missing(dir));
    } catch (e) {
      reasons.push(t.unreadableRecord(dir, (e as Error).message));
    }
  }
  if (reasons.length > 0) throw new MergeRefused(reasons);
  return shards;
}

/** Same version as this tool, and the options of the first shard. */
function checkAlike(shards: Shard[], lang: Lang): void {
  const t = MERGE_TEXT[lang];
  const first = shards[0]!;
  const reasons: string[] = [];
  for (const s of shards) {
    const r = s.record;
    if (r.version !== VERSION) reasons.push(t.otherVersion(s.dir, r.version, VERSION));
    else if (r.lang !== first.record.lang) reasons.push(t.otherOptions(s.dir, first.dir, '--lang', r.lang, first.record.lang));
    else if (r.formats.join(',') !== first.record.formats.join(',')) reasons.push(t.otherOptions(s.dir, first.dir, '--format', r.formats.join(','), first.record.formats.join(',')));
    else if (r.optionsFingerprint !== first.record.optionsFingerprint) reasons.push(t.otherOptions(s.dir, first.dir, '--config', r.optionsFingerprint, first.record.optionsFingerprint));
  }
  if (reasons.length > 0) throw new MergeRefused(reasons);
}

/** Every shard finished with all its parts; with one input list, every position of it covered. */
async function checkComplete(shards: Shard[], oneList: boolean, lang: Lang): Promise<void> {
  const t = MERGE_TEXT[lang];
  const reasons: string[] = [];
  for (const s of shards) {
    const present = await Promise.all(s.record.inputs.map((i) => exists(partPath(s.path, i.name))));
    const missing = s.record.inputs.filter((_, j) => !present[j]);
    if (!s.record.complete) reasons.push(t.unfinished(s.dir, s.record.inputs.length - missing.length, s.record.inputs.length));
    else if (missing.length > 0) reasons.push(t.missingParts(s.dir, missing.length, missing.slice(0, 3).map((i) => i.file).join(', ') + (missing.length > 3 ? ' …' : '')));
  }
  if (oneList) {
    const { total } = shards[0]!.record;
    const covered = new Set(shards.flatMap((s) => s.record.inputs.map((i) => i.index)));
    const n = shards[0]!.record.shard?.n ?? 1;
    if (covered.size < total) {
      const sameSplit = shards.every((s) => (s.record.shard?.n ?? 1) === n);
      const ks = new Set(shards.map((s) => s.record.shard?.k ?? 0));
      const absent = sameSplit ? [...Array(n).keys()].filter((k) => !ks.has(k) && k < total) : [];
      reasons.push(absent.length > 0 ? t.missingShards(absent.map((k) => `${k}/${n}`).join(', '), n) : t.uncovered(total - covered.size, total));
    }
  }
  if (reasons.length > 0) throw new MergeRefused(reasons);
}

/**
 * The documents to assemble, each once, in the order one run over all inputs takes them: by position
 * in the list when the shards split one list, else sorted as a run sorts its inputs.
 */
function orderEntries(shards: Shard[], oneList: boolean, lang: Lang): { entries: Entry[]; duplicates: MergeResult['duplicates'] } {
  const t = MERGE_TEXT[lang];
  const byFile = new Map<string, Entry>();
  const byName = new Map<string, Entry>();
  const duplicates: MergeResult['duplicates'] = [];
  for (const shard of shards) {
    for (const i of shard.record.inputs) {
      const seen = byFile.get(i.file);
      if (seen) {
        duplicates.push({ file: i.file, kept: seen.shard.dir, dropped: shard.dir });
        continue;
      }
      const entry: Entry = { shard, ...i };
      const clash = byName.get(i.name.toLowerCase());
      if (clash) throw new MergeRefused([t.nameClash(i.name, clash.shard.dir, clash.file, shard.dir, i.file)]);
      byFile.set(i.file, entry);
      byName.set(i.name.toLowerCase(), entry);
    }
  }
  const stdinFirst = (a: Entry, b: Entry) => Number(b.file === STDIN_FILE) - Number(a.file === STDIN_FILE);
  const entries = [...byFile.values()].sort(oneList ? (a, b) => a.index - b.index : (a, b) => stdinFirst(a, b) || compareCodepoints(a.file, b.file));
  return { entries, duplicates };
}

/** Copy a per-document file of a shard into the merged folder (atomically, as a run writes it). */
function copyInto(from: string, to: string, onMissing: () => never): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(from);
  } catch {
    onMissing();
  }
  writeFileAtomicSync(to, bytes);
}

export async function mergeShards(dirs: string[], outDir: string, lang: Lang): Promise<MergeResult> {
  const t = MERGE_TEXT[lang];
  if (dirs.length === 0) throw new UsageError(t.noShards);
  const shards = await readShards(dirs, outDir, lang);
  checkAlike(shards, lang);
  const first = shards[0]!.record;
  const oneList = shards.every((s) => s.record.listSha256 === first.listSha256 && s.record.total === first.total);
  await checkComplete(shards, oneList, lang);
  const { entries, duplicates } = orderEntries(shards, oneList, lang);

  const { formats, version, optionsFingerprint } = first;
  const assembler = await Assembler.open(outDir, formats, first.lang);
  try {
    for (const e of entries) {
      const part: Part | null = await readPart(e.shard.path, e.name);
      const refuse = (): never => {
        throw new MergeRefused([t.badPart(e.shard.dir, e.file)]);
      };
      if (!part || part.key !== partKey(part.manifest.sha256, version, optionsFingerprint) || part.manifest.file !== e.file || part.manifest.name !== e.name) refuse();
      await assembler.add(part!);
      writePart(outDir, part!);
      if (formats.includes('json') && part!.manifest.status === 'ok') copyInto(reportJsonPath(e.shard.path, e.name), reportJsonPath(outDir, e.name), refuse);
      if (formats.includes('html')) copyInto(reportPagePath(e.shard.path, e.name), reportPagePath(outDir, e.name), refuse);
    }
  } catch (e) {
    await assembler.abort();
    throw e;
  }
  const { shard: _shard, ...options } = first.options ?? {};
  const started = shards.map((s) => s.record.startedAt ?? '').filter(Boolean).sort();
  const run: RunInfo = {
    version,
    startedAt: started[0] ?? new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    options,
    // Every shard walks the whole list; shards of other lists each walked their own.
    skipped: oneList ? (first.skipped ?? { hidden: 0, lockFiles: 0 }) : shards.reduce((sum, s) => ({ hidden: sum.hidden + (s.record.skipped?.hidden ?? 0), lockFiles: sum.lockFiles + (s.record.skipped?.lockFiles ?? 0) }), { hidden: 0, lockFiles: 0 }),
    merge: {
      shards: shards.map((s) => ({ folder: s.dir, shard: s.record.shard ? `${s.record.shard.k}/${s.record.shard.n}` : null, inputs: s.record.inputs.length })),
      duplicates,
    },
  };
  const totals = await assembler.finish(run);
  // The merged folder is a complete run of its own: it can be resumed into or merged again.
  const files = entries.map((e) => e.file);
  writeRunRecord(outDir, {
    ...first,
    shard: null,
    total: oneList ? first.total : files.length,
    listSha256: oneList ? first.listSha256 : listSha256(files),
    inputs: entries.map((e, j) => ({ index: oneList ? e.index : j, file: e.file, name: e.name })),
    complete: true,
    startedAt: run.startedAt,
    options,
    skipped: run.skipped,
  });
  return { run, totals, duplicates };
}

/** The `merge` command: exit 0, 3 when some merged input had failed (as a run), 2 when refused. */
export async function mergeCommand(opts: CliOptions): Promise<number> {
  const t = MERGE_TEXT[opts.lang];
  const t0 = performance.now();
  try {
    const outDir = resolve(opts.out);
    const { totals, duplicates } = await mergeShards(opts.inputs, outDir, opts.lang);
    // All of them are in manifest.json (merge.duplicates); a folder given twice need not flood the terminal.
    for (const d of duplicates.slice(0, 20)) process.stderr.write(`selfeval merge: ${t.duplicate(d.file, d.kept, d.dropped)}\n`);
    if (duplicates.length > 20) process.stderr.write(`selfeval merge: ${t.moreDuplicates(duplicates.length - 20)}\n`);
    const sep = opts.lang === 'en' ? '; ' : '；';
    process.stderr.write(`${t.done(opts.inputs.length, totals.files)}${sep}`);
    const sec = ((performance.now() - t0) / 1000).toFixed(1);
    // The same line as a run's, so that whatever reads one reads the other.
    process.stderr.write(`${TEXT[opts.lang].summary(totals.files, totals.ok, totals.failed, totals.error, totals.warning, totals.info, sec, opts.out)}${sep}${TEXT[opts.lang].withErrors(totals.withErrors)}\n`);
    return totals.failed > 0 ? 3 : 0;
  } catch (e) {
    if (!(e instanceof MergeRefused)) throw e;
    for (const reason of e.reasons) process.stderr.write(`selfeval merge: ${t.refused}${reason}\n`);
    return 2;
  }
}
