/**
 * A batch split into 3 shards (--shard K/N, each its own CLI process) and put back together with
 * `selfeval merge` gives the files of one run over the whole corpus, byte for byte (manifest.json
 * apart from timestamps, timings and the merge record), for Hunan reports and MoF forms alike; a
 * shard killed with SIGKILL and resumed gives the same; mismatched, unfinished and missing shards are
 * refused with exit 2 naming the shard; an input given twice is counted once and reported.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { SEED_DOCX, variantReport } from '../helpers/corpus.js';
import { CLEAN_FORMS, MOF_DOCUMENTS, renderDocx, renderHtml, renderTika } from '../helpers/mof/index.js';
import { expectSameOutputs, finished, readManifest, removeDir, runCli, startCli, tempDir, type CliRun } from './cli.js';

let root: string;
let full: CliRun;
let shards: CliRun[];
let english: CliRun;

function put(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/**
 * Hunan reports (text and the seed docx), every clean MoF form in one of its three renderings, the
 * multi-form MoF documents, a failing input, and two inputs whose output names clash ("a/dup.txt" and
 * "a__dup.txt" both flatten to a__dup): first in the sorted list, so they fall in shards 0 and 1.
 */
function writeCorpus(dir: string): void {
  put(join(dir, 'a', 'dup.txt'), variantReport(101));
  put(join(dir, 'a__dup.txt'), variantReport(102));
  for (let i = 0; i < 5; i++) put(join(dir, 'hunan', `report-${i}.txt`), variantReport(i));
  put(join(dir, 'hunan', 'seed.docx'), SEED_DOCX);
  for (const [i, form] of CLEAN_FORMS.entries()) {
    if (i % 3 === 0) put(join(dir, 'mof', `${form.id}.docx`), renderDocx(form));
    else if (i % 3 === 1) put(join(dir, 'mof', `${form.id}.txt`), renderTika(form));
    else put(join(dir, 'mof', `${form.id}.html`), renderHtml(form));
  }
  for (const doc of MOF_DOCUMENTS) put(join(dir, 'mof-documents', `${doc.id}.docx`), renderDocx(doc.parts));
  put(join(dir, 'zz-empty.txt'), '');
}

/**
 * `selfeval merge` in this process (the shards are the separate processes; a merge only reads their
 * folders), with its exit code and what it wrote to stderr.
 */
async function merge(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const cwd = process.cwd();
  try {
    process.chdir(root);
    return { code: await main(['merge', ...args]), stderr };
  } finally {
    process.chdir(cwd);
    spy.mockRestore();
  }
}

const shardArgs = (k: number, out: string, extra: string[] = []) => ['-q', '-j', '1', '--shard', `${k}/3`, '-o', out, ...extra, 'docs'];
const equal = (x: unknown, y: unknown, what: string) => expect(x, what).toEqual(y);
const runRecord = (out: string) => JSON.parse(readFileSync(join(root, out, '.selfeval', 'run.json'), 'utf8')) as { complete: boolean; inputs: { index: number; file: string; name: string }[] };

function partsWritten(out: string): number {
  const dir = join(root, out, '.selfeval', 'parts');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!condition()) throw new Error(`gave up waiting for ${what}`);
}

beforeAll(async () => {
  root = tempDir('shard');
  writeCorpus(join(root, 'docs'));
  // The whole corpus, the three shards and a shard with other options, all at once as separate processes.
  [full, english, ...shards] = await Promise.all([
    runCli(['-q', '-j', '1', '-o', 'full', 'docs'], { cwd: root }),
    runCli(shardArgs(2, 's2-en', ['--lang', 'en']), { cwd: root }),
    ...[0, 1, 2].map((k) => runCli(shardArgs(k, `s${k}`), { cwd: root })),
  ]);
}, 120_000);

afterAll(() => removeDir(root), 60_000);

describe('--shard K/N and selfeval merge', () => {
  it('splits the sorted list K, K+N, … with the names of the full run', () => {
    expect(full.code).toBe(3); // zz-empty.txt fails, and the batch goes on
    const inputs = readManifest(join(root, 'full')).inputs;
    const records = [0, 1, 2].map((k) => runRecord(`s${k}`));
    for (const [k, r] of records.entries()) {
      expect(shards[k]!.stderr).toContain(`分片 ${k}/3：处理全部 ${inputs.length} 个输入中的 ${r.inputs.length} 个`);
      expect(r.complete).toBe(true);
      expect(r.inputs).toEqual(inputs.map((input, index) => ({ index, file: input.file, name: input.name })).filter((_, index) => index % 3 === k));
    }
    // The clashing names are resolved over the whole list, though the two inputs are in different shards.
    expect(records[0]!.inputs[0]).toMatchObject({ file: 'docs/a/dup.txt', name: 'docs__a__dup.txt' });
    expect(records[1]!.inputs[0]).toMatchObject({ file: 'docs/a__dup.txt', name: 'docs__a__dup.txt~2' });
    // Both families are in the corpus and read: a Hunan template and a MoF one, multi-form documents too.
    const entries = inputs as (typeof inputs[number] & { template: string | null; evaluations: number })[];
    const templates = new Set(entries.map((i) => i.template).filter(Boolean));
    expect([...templates].some((t) => /hunan/u.test(String(t)))).toBe(true);
    expect([...templates].some((t) => /mof/u.test(String(t)))).toBe(true);
    expect(entries.some((i) => i.evaluations > 1)).toBe(true);
  });

  it('merges three shards into the files of one run over all inputs, byte for byte', async () => {
    const merged = await merge(['-o', 'merged', 's0', 's1', 's2']);
    expect(merged.code, merged.stderr).toBe(3); // as the run: one input failed
    expect(merged.stderr).toMatch(/已合并 3 个分片/u);
    // Its summary line ends as a run's does, with the files with error findings.
    expect(merged.stderr).toMatch(/；有错误级发现的文件 \d+ 个\n$/u);
    const compared = expectSameOutputs(join(root, 'full'), join(root, 'merged'), equal);
    expect(compared).toBeGreaterThan(40); // CSVs, logs, manifest, index, a page and a JSON per input
    const manifest = readManifest(join(root, 'merged')) as ReturnType<typeof readManifest> & { merge: unknown };
    expect(manifest.merge).toEqual({
      shards: [0, 1, 2].map((k) => ({ folder: `s${k}`, shard: `${k}/3`, inputs: runRecord(`s${k}`).inputs.length })),
      duplicates: [],
    });
    expect(manifest.options).not.toHaveProperty('shard');
  }, 60_000);

  it('counts an input found in two shards once and reports it', async () => {
    const merged = await merge(['-o', 'merged-dup', 's0', 's1', 's2', 's1']);
    expect(merged.code, merged.stderr).toBe(3);
    const again = runRecord('s1').inputs;
    for (const i of again) expect(merged.stderr).toContain(`重复输入：${i.file} 同时出现在分片 s1 与 s1 中`);
    expectSameOutputs(join(root, 'full'), join(root, 'merged-dup'), equal);
    const manifest = readManifest(join(root, 'merged-dup')) as ReturnType<typeof readManifest> & { merge: { duplicates: unknown[] } };
    expect(manifest.merge.duplicates).toHaveLength(again.length);
  }, 60_000);

  it('refuses shards of another version or other options with exit 2, naming the shard', async () => {
    expect(english.stderr).toContain('shard 2/3: ');
    const lang = await merge(['-o', 'refused', 's0', 's1', 's2-en']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('分片 s2-en 的 --lang 为 en，与分片 s0 的 zh 不同');

    cpSync(join(root, 's2'), join(root, 's2-old'), { recursive: true });
    const record = join(root, 's2-old', '.selfeval', 'run.json');
    writeFileSync(record, readFileSync(record, 'utf8').replace(/"version":"[^"]+"/u, '"version":"0.0.1-old"'));
    const version = await merge(['--lang', 'en', '-o', 'refused', 's0', 's1', 's2-old']);
    expect(version.code).toBe(2);
    expect(version.stderr).toMatch(/merge refused: shard s2-old was made by selfeval 0\.0\.1-old, this is \S+/u);

    const missing = await merge(['-o', 'refused', 's0', 's2']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少分片 1/3');
    const notShard = await merge(['-o', 'refused', 's0', 'docs']);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain('分片 docs 不是 selfeval 的输出文件夹');
    const absent = await merge(['-o', 'refused', 's0', 'no-such-shard']);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('分片 no-such-shard 不存在');
    expect(absent.stderr).not.toContain('不是 selfeval 的输出文件夹');
    expect(existsSync(join(root, 'refused', 'manifest.json'))).toBe(false);
  }, 60_000);

  it('refuses a shard that lacks a part or holds one from another run, naming the shard and the input', async () => {
    const [lost, stale] = runRecord('s1').inputs;
    cpSync(join(root, 's1'), join(root, 's1-lost'), { recursive: true });
    rmSync(join(root, 's1-lost', '.selfeval', 'parts', `${lost!.name}.json`));
    const missing = await merge(['-o', 'refused', 's0', 's1-lost', 's2']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`分片 s1-lost 缺少 1 个文档的结果（${lost!.file}）`);

    cpSync(join(root, 's1'), join(root, 's1-stale'), { recursive: true });
    const part = join(root, 's1-stale', '.selfeval', 'parts', `${stale!.name}.json`);
    writeFileSync(part, readFileSync(part, 'utf8').replace(/"key":"[0-9a-f]+"/u, `"key":"${'0'.repeat(64)}"`));
    const mixed = await merge(['-o', 'refused', 's0', 's1-stale', 's2']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain(`分片 s1-stale 中 ${stale!.file} 的结果与该分片的版本或选项不符`);
    expect(existsSync(join(root, 'refused', 'manifest.json'))).toBe(false);
  });

  it('gives the same result when a shard is killed (SIGKILL) and resumed before the merge', async () => {
    // Shard 1 starts with a__dup.txt, made to hang, so the run is certainly unfinished when killed.
    const child = startCli(shardArgs(1, 'k1', ['-j', '2', '--timeout', '600']), { cwd: root, env: { SELFEVAL_TEST_HANG_ON: 'a__dup' } });
    const done = finished(child);
    await until(() => partsWritten('k1') >= 3, 'three documents of the shard');
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');

    const early = await merge(['-o', 'merged-k', 's0', 'k1', 's2']);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/分片 k1 没有运行完（可能被中断）：已有 \d+\/\d+ 个文档的结果；请以相同选项加 --resume 重新运行该分片后再合并/u);
    expect(existsSync(join(root, 'merged-k', 'manifest.json'))).toBe(false);

    const resumed = await runCli(shardArgs(1, 'k1', ['--resume']), { cwd: root });
    expect(resumed.code).toBe(3);
    expect(resumed.stderr).toMatch(/沿用上次结果 \d+ 个/u);
    const merged = await merge(['-o', 'merged-k', 's0', 'k1', 's2']);
    expect(merged.code, merged.stderr).toBe(3);
    expectSameOutputs(join(root, 'full'), join(root, 'merged-k'), equal);
  }, 90_000);
});
