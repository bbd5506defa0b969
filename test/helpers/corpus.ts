/**
 * Test folders for batch runs: many report variants made from the seed text, and a "mixed archive"
 * with every kind of junk a real archive holds, each file with the outcome the batch must give it.
 */
import { mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import { fakeDoc, fakeEncryptedOoxml } from '../../scripts/fixtures/ole2.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const SEED_TXT = readFileSync(join(FIXTURES, 'seed.txt'), 'utf8');
export const SEED_DOCX = new Uint8Array(readFileSync(join(FIXTURES, 'seed.docx')));

const SEED_NAME = '项目名称： 智慧岳阳基层公共服务（一门式）信息化管理平台项目';

/** Tenths as a decimal string: 3264 → "326.4", 5000 → "500". */
function tenths(n: number): string {
  return n % 10 === 0 ? String(n / 10) : `${Math.trunc(n / 10)}.${Math.abs(n % 10)}`;
}

/**
 * The seed report as another project would have written it: its own name and budget (the balance
 * follows), and every tenth one with a balance that does not add up (so findings vary too).
 */
export function variantReport(i: number): string {
  const planned = 500 + ((i * 37) % 900);
  const balance = planned * 10 - 1736 + (i % 10 === 9 ? 10 : 0);
  if (!SEED_TXT.includes(SEED_NAME)) throw new Error('seed text changed: project name line not found');
  return SEED_TXT.replace(SEED_NAME, `项目名称： 第${i}号基层公共服务信息化项目`)
    .replaceAll('8680000元', `${planned * 10000}元`)
    .replaceAll('868', String(planned))
    .replaceAll('694.4', tenths(balance));
}

/** Write `count` variant reports as UTF-8 text under dir (two sub-folders, to exercise the walk). */
export function writeVariantFolder(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const sub = join(dir, i % 2 === 0 ? 'even' : 'odd');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `report-${String(i).padStart(5, '0')}.txt`), variantReport(i));
  }
}

// ---------------------------------------------------------------------------------------------------
// Compound File Binary (OLE2) containers: legacy .doc and encrypted OOXML packages (scripts/fixtures/ole2.ts).

/** An Office document encrypted with a password: OLE2 with EncryptionInfo and EncryptedPackage. */
export function encryptedOoxml(): Uint8Array {
  return fakeEncryptedOoxml();
}

/** A legacy Word 97-2003 document (no encryption streams). */
export function legacyDoc(): Uint8Array {
  return fakeDoc();
}

// ---------------------------------------------------------------------------------------------------
// Zip containers.

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A well-formed .docx with the given paragraphs (no tables). */
export function simpleDocx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8(doc) });
}

/**
 * A zip bomb as archives meet them: a small package whose central directory declares gigabytes of
 * uncompressed content (nothing may be inflated before the sizes are checked).
 */
export function zipBombBySize(): Uint8Array {
  const zip = simpleDocx(['x']).slice();
  const view = new DataView(zip.buffer);
  for (let o = 0; o + 46 <= zip.length; o++) {
    if (view.getUint32(o, true) === 0x02014b50) view.setUint32(o + 24, 0xfff00000, true); // ~4 GB each
  }
  return zip;
}

/** A zip bomb by entry count: more entries than any report package has. */
export function zipBombByEntries(count = 10_050): Uint8Array {
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8('<w:document/>') };
  for (let i = 0; i < count; i++) files[`word/media/f${i}.bin`] = new Uint8Array(0);
  return zipSync(files, { level: 0 });
}

// ---------------------------------------------------------------------------------------------------
// The mixed archive.

export interface Expected {
  status: 'ok' | 'failed';
  code?: string;
  format?: string;
  encoding?: string;
}

/** A very large file made cheaply (sparse): bigger than the 50 MB input limit. */
function sparseFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/** A long but genuine report: the seed with its narrative repeated to a few MB. */
export function largeReport(targetBytes = 3 * 1024 * 1024): string {
  const at = SEED_TXT.indexOf('五、');
  const paragraph = '项目实施过程中，各参建单位严格落实项目管理制度，按期推进软件开发、系统集成与试运行工作。\n';
  const filler = paragraph.repeat(Math.ceil(targetBytes / Buffer.byteLength(paragraph)));
  return at > 0 ? `${SEED_TXT.slice(0, at)}${filler}${SEED_TXT.slice(at)}` : `${SEED_TXT}${filler}`;
}

/**
 * Build the mixed archive under dir. Returns the expected outcome per file, keyed by the path
 * relative to dir (with "/"), and what the walk must skip.
 */
export function writeMixedFolder(dir: string): { expected: Map<string, Expected>; skipped: { hidden: number; lockFiles: number } } {
  const expected = new Map<string, Expected>();
  const put = (rel: string, data: string | Uint8Array, outcome: Expected) => {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    expected.set(rel, outcome);
  };
  const ok = (format: string, encoding?: string): Expected => ({ status: 'ok', format, ...(encoding ? { encoding } : {}) });
  const failed = (code: string): Expected => ({ status: 'failed', code });

  put('good/seed.docx', SEED_DOCX, ok('docx'));
  put('good/seed.txt', SEED_TXT, ok('text', 'utf-8'));
  put('good/variant-7.txt', variantReport(7), ok('text', 'utf-8'));
  put('good/utf8-bom.txt', `\uFEFF${variantReport(11)}`, ok('text', 'utf-8-bom'));
  put('good/gb18030.txt', iconv.encode(variantReport(12), 'gb18030'), ok('text', 'gb18030'));
  put('good/gbk.txt', iconv.encode(variantReport(13), 'gbk'), ok('text', 'gb18030'));
  put('good/utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(variantReport(14), 'utf-16le')]), ok('text', 'utf-16le'));
  put('good/utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(variantReport(15), 'utf-16be')]), ok('text', 'utf-16be'));
  put('good/crlf.txt', variantReport(16).replace(/\n/gu, '\r\n'), ok('text', 'utf-8'));
  put('good/docx-named.doc', SEED_DOCX, ok('docx')); // format by content, not by extension
  put('good/large-report.txt', largeReport(), ok('text', 'utf-8'));

  put('bad/empty.docx', new Uint8Array(0), failed('empty-file'));
  put('bad/blank.txt', ' \n\t\r\n  \n', failed('empty-file'));
  put('bad/truncated.docx', SEED_DOCX.subarray(0, Math.floor(SEED_DOCX.length * 0.6)), failed('corrupt-zip'));
  put('bad/not-docx.zip', zipSync({ 'readme.txt': strToU8('会议材料目录') }), failed('unsupported-format'));
  put('bad/encrypted.docx', encryptedOoxml(), failed('encrypted-document'));
  put('bad/zip-bomb.docx', zipBombBySize(), failed('too-large'));
  put('bad/zip-bomb-entries.docx', zipBombByEntries(), failed('too-large'));
  put('bad/minutes.docx', simpleDocx(['会议纪要', '时间：2021年3月2日', '出席：办公室全体人员', '议题：办公用品采购']), failed('not-a-report'));
  put('bad/shopping.txt', '购物清单\n苹果 3斤\n牛奶 2盒\n', failed('not-a-report'));
  put('bad/other-template.txt', '2021年度部门整体支出绩效自评报告\n\n一、部门基本情况\n本部门共有内设机构5个。\n', failed('unrecognized-template'));
  put('bad/legacy.doc', legacyDoc(), failed('legacy-doc-needs-libreoffice'));
  put('bad/binary.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + (i >> 3)) % 256), failed('decode-failed'));
  const huge = join(dir, 'bad/huge-report.txt');
  sparseFile(huge, 60 * 1024 * 1024);
  expected.set('bad/huge-report.txt', failed('too-large'));

  // Not inputs: hidden files and folders, Office lock files; a symlink loop must not hang the walk.
  put('.DS_Store', 'x', { status: 'ok' });
  put('good/.hidden-dir/seed.txt', SEED_TXT, { status: 'ok' });
  put('good/~$seed.docx', 'lock', { status: 'ok' });
  expected.delete('.DS_Store');
  expected.delete('good/.hidden-dir/seed.txt');
  expected.delete('good/~$seed.docx');
  mkdirSync(join(dir, 'bad', 'links'), { recursive: true });
  symlinkSync('../..', join(dir, 'bad', 'links', 'loop')); // back to the archive's root
  return { expected, skipped: { hidden: 2, lockFiles: 1 } };
}
