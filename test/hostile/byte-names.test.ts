/**
 * File names that are not valid UTF-8 (a GBK name from an old Windows archive, a stray byte) used to
 * fail as read-failed, garbled in the manifest: Node decodes them lossily and cannot open the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeBytes, walkInputs } from '../../src/ingest/walk.js';
import { SEED_TXT, variantReport } from '../helpers/corpus.js';
import { listFiles, readManifest, removeDir, runCli, tempDir } from '../bulk/cli.js';

let root: string;
const gbkName = Buffer.concat([Buffer.from('docs/'), iconv.encode('报告.txt', 'gbk')]);
const strayByte = Buffer.concat([Buffer.from('docs/sub-'), Buffer.from([0xff]), Buffer.from('/r.txt')]);

beforeAll(() => {
  root = tempDir('bytes');
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs', 'a.txt'), SEED_TXT);
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), gbkName]), variantReport(1));
  mkdirSync(Buffer.concat([Buffer.from(`${root}/docs/sub-`), Buffer.from([0xff])]));
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), strayByte]), variantReport(2));
});
afterAll(() => removeDir(root));

describe('file names that are not valid UTF-8', () => {
  it('escape each invalid byte as \\xHH and keep the rest readable', () => {
    expect(escapeBytes(iconv.encode('报告.txt', 'gbk'))).toBe('\\xB1\\xA8\\xB8\\xE6.txt');
    expect(escapeBytes(Buffer.concat([Buffer.from('中文'), Buffer.from([0xff]), Buffer.from('.txt')]))).toBe('中文\\xFF.txt');
    expect(escapeBytes(Buffer.from([0xed, 0xa0, 0x80]))).toBe('\\xED\\xA0\\x80'); // a lone surrogate is not UTF-8
  });

  it('are listed by the walk with their bytes kept', async () => {
    const r = await walkInputs([join(root, 'docs')]);
    const rel = r.files.map((f) => f.slice(root.length + 1));
    expect(rel).toEqual(['docs/\\xB1\\xA8\\xB8\\xE6.txt', 'docs/a.txt', 'docs/sub-\\xFF/r.txt']); // code point order: "\\" < "a"
    expect(Buffer.from(r.byteNames.get(join(root, 'docs/\\xB1\\xA8\\xB8\\xE6.txt'))!).equals(Buffer.concat([Buffer.from(`${root}/`), gbkName]))).toBe(true);
  });

  it('are processed, recorded escaped in the manifest, and written under safe names', async () => {
    const run = await runCli(['-q', '-o', 'out', 'docs'], { cwd: root });
    expect(run.code).toBe(0);
    const m = readManifest(join(root, 'out'));
    expect(m.inputs.map((i) => [i.file, i.status])).toEqual([
      ['docs/\\xB1\\xA8\\xB8\\xE6.txt', 'ok'],
      ['docs/a.txt', 'ok'],
      ['docs/sub-\\xFF/r.txt', 'ok'],
    ]);
    expect(listFiles(join(root, 'out')).filter((f) => f.startsWith('reports/'))).toEqual([
      'reports/docs__a.txt.json',
      'reports/docs__sub-__xFF__r.txt.json',
      'reports/docs__xB1__xA8__xB8__xE6.txt.json',
    ]);
  });
});
