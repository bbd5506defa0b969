import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Column } from '../../src/output/csv.js';
import { RunWorkbook, type SheetSpec } from '../../src/output/xlsx/workbook.js';
import type { WorkbookSummary } from '../../src/output/xlsx/summary.js';

const columns = (n: number): Column<never>[] => Array.from({ length: n }, (_, i) => ({ key: `c${i}`, zh: `列${i}`, en: `c${i}`, kind: 'text', get: () => '' }));
const SPECS: SheetSpec[] = [
  { key: 'reports', columns: columns(3) },
  { key: 'findings', columns: columns(3) },
];
const SUMMARY: WorkbookSummary = {
  version: 'test',
  options: {},
  totals: { files: 1, ok: 1, failed: 0, error: 0, warning: 0, info: 0, withErrors: 0 },
  rules: new Map(),
  grades: new Map(),
};

interface FileHandleLike {
  close(): Promise<void>;
}
/** The file handle under a sheet's spool file (0: the summary sheet, then the data sheets in order). */
async function spoolHandle(workbook: RunWorkbook, sheet: number): Promise<FileHandleLike> {
  const internals = workbook as unknown as { summarySheet: unknown; sheets: { ws: unknown }[] };
  const ws = (sheet === 0 ? internals.summarySheet : internals.sheets[sheet - 1]!.ws) as { _stream: { file: { file: Promise<FileHandleLike> } } };
  return ws._stream.file.file;
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => [`${i}`, 'x'.repeat(600), '项目']);
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a workbook whose spool file fails', () => {
  const root = mkdtempSync(join(tmpdir(), 'selfeval-spool-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is not published when a sheet\'s last bytes cannot be written, and leaves no spool file', async () => {
    const dir = join(root, 'last-bytes');
    mkdirSync(dir);
    const workbook = new RunWorkbook(join(dir, 'reports.xlsx'), 'zh', SPECS);
    await workbook.addRows(0, rows(3));
    // Close the file under it: the bytes still gathered fail to be written at the end, as on a full or lost disk.
    await (await spoolHandle(workbook, 1)).close();
    await expect(workbook.finish(SUMMARY)).rejects.toThrow();
    await settle();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails the run cleanly when a sheet fails as the sheets are committed, while another is still closing', async () => {
    const dir = join(root, 'closing');
    mkdirSync(dir);
    const workbook = new RunWorkbook(join(dir, 'reports.xlsx'), 'zh', SPECS);
    // The summary sheet's file is slow to close (a slow disk): it is still closing when the run is aborted.
    const summary = await spoolHandle(workbook, 0);
    const close = summary.close.bind(summary);
    summary.close = async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return close();
    };
    // The findings sheet's writes fail after its last wait for them: committing it throws.
    await (await spoolHandle(workbook, 2)).close();
    await workbook.addRows(1, rows(150));
    await settle();
    // Vitest fails the run on an uncaught exception (a spool file removed before the zip reads it).
    await expect(workbook.finish(SUMMARY)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readdirSync(dir)).toEqual([]);
  });
});
