import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assembler } from '../../src/output/assemble.js';
import { renderIndexPage } from '../../src/output/html/index.js';
import { buildPart, type Part } from '../../src/output/parts.js';
import { processDocument } from '../../src/process.js';
import { SEED_TEXT } from '../helpers/tika.js';

// The assembler writes the audit index and the manifest from their spill files row by row (a large
// run's page is never held in memory); what it writes must be what the whole-page renderer gives.
let dir: string;
let parts: Part[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selfeval-streamed-index-'));
  const text = (s: string) => new TextEncoder().encode(s);
  const seed = await processDocument({ bytes: text(SEED_TEXT), file: 'seed.txt' });
  // A score that leaves the seed's grade band, a message with characters a script element must not
  // hold raw (</script>, U+2028), and an input that is not a report at all.
  const lower = await processDocument({ bytes: text(SEED_TEXT.replace('98', '78')), file: 'lower.txt' });
  const odd = await processDocument({ bytes: text(SEED_TEXT.replace('智慧岳阳', '</script>\u2028智慧')), file: 'odd.txt' });
  const none = await processDocument({ bytes: text('会议纪要\n今天天气很好。\n'), file: 'notes.txt' });
  parts = [seed, lower, odd, none].map((r, i) => buildPart(r, `k${i}`, 'zh'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function assemble(out: string, lang: 'zh' | 'en'): Promise<void> {
  const assembler = await Assembler.open(out, ['html', 'csv'], lang);
  for (const p of parts) await assembler.add(structuredClone(p));
  await assembler.finish({ version: 'test', startedAt: 's', finishedAt: 'f', options: {}, skipped: { hidden: 0, lockFiles: 0 } });
}

describe('the audit index and the manifest, streamed from their spill files', () => {
  it.each(['zh', 'en'] as const)('the index page is the page rendered from all rows at once (%s)', async (lang) => {
    const out = join(dir, lang);
    await assemble(out, lang);
    expect(parts.map((p) => p.manifest.status)).toEqual(['ok', 'ok', 'ok', 'failed']);
    const page = await readFile(join(out, 'html', 'index.html'), 'utf8');
    expect(page).toBe(renderIndexPage(parts.map((p) => p.summary.index), lang));
    expect(page).not.toContain('</script>\u2028');
  });
  it('the manifest lists every input in input order, one entry each', async () => {
    const out = join(dir, 'manifest');
    await assemble(out, 'zh');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { inputs: { file: string }[]; totals: { files: number } };
    expect(manifest.inputs.map((i) => i.file)).toEqual(['seed.txt', 'lower.txt', 'odd.txt', 'notes.txt']);
    expect(manifest.inputs).toEqual(parts.map((p) => JSON.parse(JSON.stringify(p.manifest))));
  });
});
