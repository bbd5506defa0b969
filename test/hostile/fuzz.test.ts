/**
 * A seeded fuzz run of the whole CLI over hostile inputs (test/helpers/fuzz.ts), special files and odd
 * names. Invariants: the batch ends; every input appears once in the manifest with a status and, when
 * failed, an error code and message (never internal-error); every report JSON validates against the
 * schema; every CSV parses; nothing is written outside the output folder.
 * SELFEVAL_FUZZ_SEED and SELFEVAL_FUZZ_N change the seed and the number of generated inputs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeBytes } from '../../src/ingest/walk.js';
import { ErrorCode } from '../../src/model/document.js';
import { reportJsonSchema } from '../../src/model/schema.js';
import { SEED_DOCX, SEED_TXT } from '../helpers/corpus.js';
import { parseCsv } from '../helpers/csv.js';
import { mutant } from '../helpers/fuzz.js';
import { readManifest, removeDir, runCli, tempDir, type CliRun } from '../bulk/cli.js';

const SEED = Number(process.env.SELFEVAL_FUZZ_SEED ?? 20_261_130);
const N = Number(process.env.SELFEVAL_FUZZ_N ?? 160);

let root: string;
/** Every input the batch must list, as the manifest shows it. */
const expected = new Set<string>();
const kinds = new Map<string, string>();
let before: string[];
let run: CliRun;

/** Every path under dir except the output folder, with size and modification time. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: Buffer) => {
    for (const e of readdirSync(d, { withFileTypes: true, encoding: 'buffer' })) {
      const p = Buffer.concat([d, Buffer.from('/'), e.name]);
      if (e.name.toString() === 'out' && d.equals(Buffer.from(dir))) continue;
      const s = e.isFile() || e.isDirectory() ? statSync(p) : null;
      out.push(`${p.toString('latin1')} ${s ? `${s.size} ${s.mtimeMs}` : 'special'}`);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(Buffer.from(dir));
  return out.sort();
}

beforeAll(async () => {
  root = tempDir('fuzz');
  const docs = join(root, 'docs');
  mkdirSync(docs);
  const put = (name: string | Buffer, bytes: Uint8Array | string, kind: string) => {
    const path = typeof name === 'string' ? join(docs, name) : Buffer.concat([Buffer.from(`${docs}/`), name]);
    writeFileSync(path, bytes);
    const shown = `docs/${typeof name === 'string' ? name : escapeBytes(name)}`;
    expected.add(shown);
    kinds.set(shown, kind);
  };
  for (let i = 0; i < N; i++) {
    const m = mutant(SEED, i);
    put(m.name, m.bytes, m.kind);
  }
  // Odd names: not UTF-8, a line break, a leading dash, a very long one, case twins, Windows-unsafe characters.
  put(Buffer.from([0xb1, 0xa8, 0xb8, 0xe6, 0x2e, 0x74, 0x78, 0x74]), SEED_TXT, 'GBK name');
  put('line\nbreak.txt', SEED_TXT, 'name with a line break');
  put('-dash.docx', SEED_DOCX, 'name with a leading dash');
  put(`${'长'.repeat(80)}.txt`, SEED_TXT, 'long name');
  put('Case.txt', SEED_TXT, 'case twin');
  put('case.txt', SEED_TXT, 'case twin');
  put('a:b*c?"<>|.txt', SEED_TXT, 'unsafe characters');
  // Special files: skipped inside the folder, failed when listed.
  execFileSync('mkfifo', [join(docs, 'pipe.docx'), join(root, 'listed-pipe.docx')]);
  symlinkSync('nowhere', join(docs, 'dangling.docx'));
  writeFileSync(join(root, 'list.txt'), 'listed-pipe.docx\n/dev/zero\nmissing.docx\n');
  for (const f of ['listed-pipe.docx', '/dev/zero', 'missing.docx']) expected.add(f);
  before = snapshot(root);
  run = await runCli(['-q', '-j', '2', '--timeout', '20', '-o', 'out', 'docs', '--files-from', 'list.txt'], { cwd: root });
}, 120_000);

afterAll(() => removeDir(root));

describe(`fuzz (seed ${SEED}, ${N} generated inputs)`, () => {
  it('the batch ends with exit code 3 (some inputs failed) and no stack trace', () => {
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).not.toMatch(/^\s+at /mu);
  });

  it('every input appears once in the manifest with a status and an honest code', () => {
    const m = readManifest(join(root, 'out'));
    const files = m.inputs.map((i) => i.file);
    expect(new Set(files).size).toBe(files.length);
    expect([...files].sort()).toEqual([...expected].sort());
    for (const i of m.inputs) {
      const what = `${i.file} (${kinds.get(i.file) ?? 'listed'})`;
      if (i.status === 'ok') expect(i.errorCode, what).toBeNull();
      else {
        expect(i.status, what).toBe('failed');
        expect(ErrorCode.options, what).toContain(i.errorCode);
        expect(i.errorCode, `${what}: ${i.error}`).not.toBe('internal-error');
        expect(i.error, what).toBeTruthy();
      }
    }
    const by = (f: string) => m.inputs.find((i) => i.file === f)!;
    expect(by('listed-pipe.docx').errorCode).toBe('not-a-regular-file');
    expect(by('/dev/zero').errorCode).toBe('not-a-regular-file');
    expect(by('missing.docx').errorCode).toBe('read-failed');
    expect(m.skipped).toMatchObject({ specialFiles: 1, danglingLinks: 1 });
    expect(m.inputs.filter((i) => i.status === 'ok').length).toBeGreaterThan(10);
  });

  it('every report JSON validates against the schema', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(reportJsonSchema());
    const reports = readdirSync(join(root, 'out', 'reports'));
    expect(reports.length).toBe(readManifest(join(root, 'out')).totals.ok);
    for (const f of reports) {
      const json: unknown = JSON.parse(readFileSync(join(root, 'out', 'reports', f), 'utf8'));
      expect(validate(json), `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('every CSV parses, with as many fields in each row as in its header', () => {
    const csvs = readdirSync(join(root, 'out')).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBe(6);
    for (const f of csvs) {
      const [header, ...rows] = parseCsv(readFileSync(join(root, 'out', f), 'utf8'));
      for (const r of rows) expect(r.length, f).toBe(header!.length);
    }
    for (const line of readFileSync(join(root, 'out', 'discrepancies.jsonl'), 'utf8').split('\n').filter(Boolean)) JSON.parse(line);
  });

  it('writes nothing outside the output folder', () => {
    expect(snapshot(root)).toEqual(before);
  });
});
