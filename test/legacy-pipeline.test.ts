import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDoc } from '../scripts/fixtures/ole2.js';
import { processDocument } from '../src/process.js';

const seedDocx = fileURLToPath(new URL('../fixtures/seed.docx', import.meta.url));
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

/** A folder holding only a stand-in soffice that "converts" any .doc into the seed .docx. */
function pathWithFakeSoffice(): string {
  const bin = mkdtempSync(join(tmpdir(), 'selfeval-fake-soffice-'));
  const script = `#!/bin/sh
out=""; prev=""; last=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
mkdir -p "$out" && cp "${seedDocx}" "$out/$(basename "$last" .doc).docx"
`;
  writeFileSync(join(bin, 'soffice'), script);
  chmodSync(join(bin, 'soffice'), 0o755);
  return bin;
}

describe('legacy .doc through the whole pipeline', () => {
  it('fails with a message saying how to enable it when LibreOffice is missing', async () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'selfeval-empty-path-'));
    const r = await processDocument({ bytes: fakeDoc(), file: 'old.doc' });
    expect(r).toMatchObject({ status: 'failed', errorCode: 'legacy-doc-needs-libreoffice', format: 'doc' });
    expect(r.error).toContain('libreoffice-writer-nogui');
    const en = await processDocument({ bytes: fakeDoc(), file: 'old.doc' }, { lang: 'en' });
    expect(en.error).toMatch(/install/u);
  });

  it('converts through soffice when it is on PATH and extracts the report', async () => {
    process.env.PATH = `${pathWithFakeSoffice()}:${savedPath}`;
    const r = await processDocument({ bytes: fakeDoc(), file: 'old.doc' });
    expect(r.error).toBeNull();
    expect(r.format).toBe('doc');
    expect(r.evaluations).toHaveLength(1);
    expect(r.evaluations[0]!.identity.projectName?.value).toBe('智慧岳阳基层公共服务（一门式）信息化管理平台项目');
    expect(r.evaluations[0]!.indicators).toHaveLength(22);
  });
});

describe('per-file error details in the chosen language', () => {
  it('reads a failure in Chinese by default and in English with lang en', async () => {
    const { zipSync } = await import('fflate');
    const zip = zipSync({ 'a.txt': new TextEncoder().encode('x') });
    const zh = await processDocument({ bytes: zip, file: 'a.docx' });
    expect(zh.errorCode).toBe('unsupported-format');
    expect(zh.error).toBe('不支持的文件格式：压缩包，不是 Word 文件（archive）');
    const en = await processDocument({ bytes: zip, file: 'a.docx' }, { lang: 'en' });
    expect(en.error).toBe('unsupported file format: an archive, not a Word file (archive)');
    const missing = await processDocument('/nonexistent/x.docx');
    expect(missing.error).toBe('无法读取文件：文件不存在（ENOENT）');
  });
});
