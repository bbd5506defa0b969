import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertDocx } from '../../src/convert/docx/index.js';
import { crc32, crc32Table } from '../../src/ingest/crc32.js';
import { listZipEntries, readZipEntry } from '../../src/ingest/zip.js';
import { processDocument } from '../../src/process.js';
import { SEED_DOCX } from '../helpers/corpus.js';
import { writeZip, type RawEntry } from '../helpers/zip-writer.js';
import { rejectionCode } from '../docx/helpers.js';
import { prng } from '../helpers/fuzz.js';

const enc = new TextEncoder();
const seedEntries = (): RawEntry[] => Object.entries(unzipSync(SEED_DOCX)).map(([name, data]) => ({ name, data }));

/** Replace the first occurrence of `find` in the bytes (same length), as one damaged byte would. */
function patchBytes(bytes: Uint8Array, find: string, replacement: string): Uint8Array {
  const f = enc.encode(find);
  const r = enc.encode(replacement);
  const at = Buffer.from(bytes).indexOf(Buffer.from(f));
  if (at < 0 || f.length !== r.length) throw new Error(`cannot patch ${find}`);
  const out = bytes.slice();
  out.set(r, at);
  return out;
}

const balanceOf = (r: Awaited<ReturnType<typeof processDocument>>) => r.evaluations[0]?.funds?.lines[0]?.balance?.value;

describe('zip entries are verified by CRC-32', () => {
  it('reads a stored .docx whose entries are intact', async () => {
    const r = await processDocument({ bytes: writeZip(seedEntries()), file: 'stored.docx' });
    expect(r.status).toBe('ok');
    expect(balanceOf(r)).toBe('694.4');
  });

  it('refuses a stored .docx with one changed byte and the old CRC as corrupt-zip', async () => {
    const damaged = patchBytes(writeZip(seedEntries()), '694.4', '695.4');
    const r = await processDocument({ bytes: damaged, file: 'damaged.docx' }, { lang: 'en' });
    expect(r.status).toBe('failed');
    expect(r.errorCode).toBe('corrupt-zip');
    expect(r.error).toMatch(/CRC-32 mismatch in word\/document\.xml/u);
  });

  it('reads the changed amount when the CRC was fixed too (the change is then the content)', async () => {
    const entries = seedEntries().map((e) => (e.name === 'word/document.xml' ? { ...e, data: patchBytes(e.data as Uint8Array, '694.4', '695.4') } : e));
    const r = await processDocument({ bytes: writeZip(entries), file: 'edited.docx' });
    expect(r.status).toBe('ok');
    expect(balanceOf(r)).toBe('695.4');
  });

  it('refuses a deflated entry whose CRC does not match', async () => {
    const entries = seedEntries().map((e): RawEntry => ({ ...e, method: 8, crc: e.name === 'word/document.xml' ? crc32(e.data as Uint8Array) ^ 1 : undefined }));
    expect(await rejectionCode(convertDocx(writeZip(entries)))).toBe('corrupt-zip');
  });
});

describe('deflated entries are inflated within their declared size', () => {
  const text = '<w:t>694.4</w:t>'.repeat(500);
  const read = (e: Omit<RawEntry, 'name' | 'data' | 'method'>) => {
    const zip = writeZip([{ name: 'word/document.xml', data: text, method: 8, ...e }]);
    return () => new TextDecoder().decode(readZipEntry(zip, listZipEntries(zip)[0]!));
  };

  it('reads an intact entry, and an empty one', () => {
    expect(read({})()).toBe(text);
    const empty = writeZip([{ name: 'a.xml', data: '', method: 8 }]);
    expect(readZipEntry(empty, listZipEntries(empty)[0]!).length).toBe(0);
  });

  it.each([
    ['a declared size smaller than the data', { size: text.length - 1 }],
    ['a declared size larger than the data', { size: text.length + 1 }],
    ['a declared size of zero', { size: 0 }],
    ['a deflate stream cut short', { cut: 40 }],
  ])('refuses %s as a damaged entry', (_, e) => {
    expect(read(e)).toThrow(expect.objectContaining({ code: 'corrupt-zip' }));
  });
});

describe('duplicated entry names', () => {
  it('refuses two word/document.xml entries as corrupt-zip (instead of the last one winning)', async () => {
    const entries = seedEntries();
    const second: RawEntry = { name: 'word/document.xml', data: patchBytes(entries.find((e) => e.name === 'word/document.xml')!.data as Uint8Array, '694.4', '695.4') };
    const zip = writeZip([...entries, second]);
    expect(() => listZipEntries(zip)).toThrow(/duplicated entry name: word\/document\.xml/u);
    const r = await processDocument({ bytes: zip, file: 'twice.docx' });
    expect(r.errorCode).toBe('corrupt-zip');
  });

  it('compares names as a package does, ignoring case', () => {
    const zip = writeZip([...seedEntries(), { name: 'Word/Document.xml', data: '<x/>' }]);
    expect(() => listZipEntries(zip)).toThrow(/corrupt-zip/u);
  });
});

describe('data before the archive', () => {
  it('reads a .docx behind a prefix (offsets shifted), still verifying every entry', async () => {
    const prefix = enc.encode('MIME-Version: 1.0\r\n\r\n'.repeat(20));
    const r = await processDocument({ bytes: writeZip(seedEntries(), prefix), file: 'prefixed.docx' });
    expect(r.status).toBe('ok');
    expect(r.format).toBe('docx');
    expect(balanceOf(r)).toBe('694.4');
  });
});

describe('CRC-32', () => {
  it('is the zip CRC-32, natively and by table alike', () => {
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32Table(enc.encode('123456789'))).toBe(0xcbf43926);
    const random = prng(7);
    for (const size of [0, 1, 3, 1000, 70_000]) {
      const bytes = Uint8Array.from({ length: size }, () => Math.floor(random() * 256));
      expect(crc32(bytes), `${size} bytes`).toBe(crc32Table(bytes));
    }
  });
});
