import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Assembler } from '../../src/output/assemble.js';
import { buildPart } from '../../src/output/parts.js';
import { processDocument } from '../../src/process.js';
import { SEED_TEXT } from '../helpers/tika.js';

describe('a spill file whose last bytes cannot be written', () => {
  const root = mkdtempSync(join(tmpdir(), 'selfeval-spill-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails the run and leaves nothing in the output folder, not even the spill file', async () => {
    const out = join(root, 'out');
    const result = await processDocument({ bytes: new TextEncoder().encode(SEED_TEXT), file: 'seed.txt' });
    const assembler = await Assembler.open(out, ['csv'], 'zh');
    await assembler.add(buildPart(result, 'k0', 'zh'));
    // Close the manifest spill's file under it: its gathered entry fails to be written when the spill is
    // read back (as on a full or lost disk).
    const spill = (assembler as unknown as { manifestSpill: { file: { file: Promise<{ close(): Promise<void> }> } } }).manifestSpill;
    await (await spill.file.file).close();
    const now = new Date().toISOString();
    await expect(assembler.finish({ version: 'test', startedAt: now, finishedAt: now, options: {}, skipped: { hidden: 0, lockFiles: 0 } })).rejects.toThrow();
    expect(readdirSync(out)).toEqual([]);
  });
});
