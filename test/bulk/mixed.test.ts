/**
 * The mixed archive: good reports next to every kind of junk. The batch must finish, give each bad
 * file its code and a clear message, leave the good files exactly as they are alone, and exit 3.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../src/model/errors.js';
import type { ErrorCode } from '../../src/model/document.js';
import { writeMixedFolder, type Expected } from '../helpers/corpus.js';
import { readManifest, removeDir, runCli, tempDir, type CliRun, type Manifest } from './cli.js';
import { csvRecords } from '../helpers/csv.js';

let root: string;
let expected: Map<string, Expected>;
let skipped: { hidden: number; lockFiles: number };
let run: CliRun;
let manifest: Manifest;
let env: Record<string, string>;

beforeAll(async () => {
  root = tempDir('mixed');
  ({ expected, skipped } = writeMixedFolder(join(root, 'archive')));
  // No LibreOffice on PATH, whatever this machine has: legacy .doc must say how to enable it.
  const emptyBin = join(root, 'bin');
  mkdirSync(emptyBin);
  env = { PATH: emptyBin };
  run = await runCli(['-o', 'out', 'archive'], { cwd: root, env });
  manifest = readManifest(join(root, 'out'));
}, 180_000);

afterAll(() => removeDir(root));

describe('a batch over a mixed archive', () => {
  it('finishes and exits 3 because some inputs failed', () => {
    expect(run.stderr).not.toMatch(/selfeval: Error|at .*\.ts:\d+/u);
    expect(run.code).toBe(3);
  });

  it('lists every input exactly once, in sorted order, in manifest.json and reports.csv', () => {
    const files = [...expected.keys()].map((f) => `archive/${f}`).sort();
    expect(manifest.inputs.map((i) => i.file)).toEqual(files);
    const rows = csvRecords(readFileSync(join(root, 'out', 'reports.csv'), 'utf8'));
    expect(rows.map((r) => r['文件'])).toEqual(files);
    expect(manifest.totals).toMatchObject({ files: files.length, failed: [...expected.values()].filter((e) => e.status === 'failed').length });
  });

  it('counts the hidden files and Office lock files it skipped, and the symlink loop adds nothing', () => {
    expect(manifest.skipped).toEqual({ ...skipped, specialFiles: 0, danglingLinks: 0, details: [] });
    expect(manifest.inputs.some((i) => i.file.includes('loop'))).toBe(false);
  });

  it('gives each bad file its error code and a clear message', () => {
    const rows = new Map(csvRecords(readFileSync(join(root, 'out', 'reports.csv'), 'utf8')).map((r) => [r['文件'], r]));
    const wrong: string[] = [];
    for (const [rel, want] of expected) {
      const got = manifest.inputs.find((i) => i.file === `archive/${rel}`)!;
      const row = rows.get(`archive/${rel}`)!;
      if (got.status !== want.status || (want.code ?? null) !== got.errorCode) wrong.push(`${rel}: expected ${want.status} ${want.code ?? ''}, got ${got.status} ${got.errorCode ?? ''} ${got.error ?? ''}`);
      if (want.status === 'failed') {
        expect(got.error, rel).toBeTruthy();
        if (want.code === got.errorCode) expect(got.error!.startsWith(errorMessage(want.code as ErrorCode, '', 'zh')), rel).toBe(true);
        expect([row['状态'], row['错误代码'], row['错误信息']]).toEqual(['failed', got.errorCode, got.error]);
      } else {
        expect(row['状态']).toBe('ok');
        if (want.format) expect(got.format, rel).toBe(want.format);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('records sha256 and size for failed inputs it could read, and detects text encodings', () => {
    const gb = manifest.inputs.find((i) => i.file === 'archive/good/gb18030.txt')!;
    expect(gb.sha256).toMatch(/^[0-9a-f]{64}$/u);
    for (const [rel, want] of expected) {
      if (!want.encoding) continue;
      const json = JSON.parse(readFileSync(join(root, 'out', 'reports', `${manifest.inputs.find((i) => i.file === `archive/${rel}`)!.name}.json`), 'utf8')) as { source: { encoding: string } };
      expect(json.source.encoding, rel).toBe(want.encoding);
    }
  });

  it('writes no report JSON for failed inputs, one per good input', () => {
    for (const i of manifest.inputs) {
      const path = join(root, 'out', 'reports', `${i.name}.json`);
      let exists = true;
      try {
        readFileSync(path);
      } catch {
        exists = false;
      }
      expect(exists, i.file).toBe(i.status === 'ok');
    }
  });

  it('leaves the good files exactly as a batch of the good files alone makes them', async () => {
    const alone = await runCli(['-o', 'out-good', 'archive/good'], { cwd: root, env });
    expect(alone.code).toBe(0);
    const good = readManifest(join(root, 'out-good'));
    for (const i of good.inputs) {
      expect(readFileSync(join(root, 'out', 'reports', `${i.name}.json`), 'utf8'), i.file).toBe(readFileSync(join(root, 'out-good', 'reports', `${i.name}.json`), 'utf8'));
    }
    const mixedRows = readFileSync(join(root, 'out', 'reports.csv'), 'utf8').split('\r\n');
    const goodRows = readFileSync(join(root, 'out-good', 'reports.csv'), 'utf8').split('\r\n').slice(1);
    for (const row of goodRows) expect(mixedRows).toContain(row);
  }, 120_000);

  it('prints a final summary line on stderr and no progress display when stderr is not a terminal', () => {
    const lines = run.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^完成：\d+ 个文件，成功 \d+，失败 \d+/u);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).toContain('已跳过隐藏文件 2 个、Office 锁文件 1 个');
  });

  it('speaks English with --lang en', async () => {
    const en = await runCli(['-o', 'out-en', '--lang', 'en', 'archive/bad/empty.docx', 'archive/bad/legacy.doc'], { cwd: root, env });
    expect(en.code).toBe(3);
    const m = readManifest(join(root, 'out-en'));
    expect(m.inputs.map((i) => i.error)).toEqual([errorMessage('empty-file', '', 'en'), errorMessage('legacy-doc-needs-libreoffice', '', 'en')]);
    expect(en.stderr.trim().split('\n').at(-1)).toMatch(/^done: 2 files, 0 ok, 2 failed/u);
  }, 60_000);
});
