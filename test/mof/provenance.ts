/**
 * Provenance of every value of an evaluation: a value read from the form's table names its anchor cell
 * (table/row/col) and that cell holds the value's raw text; a value read from a paragraph (title, year)
 * names its block. In a Tika text dump each also names the 1-based line it was read from, and that
 * line prints it.
 */
import { expect } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { DocumentGrid } from '../../src/model/grid.js';
import type { SourceRef } from '../../src/model/source.js';

interface Located {
  path: string;
  raw: string;
  src: SourceRef;
}

/** Every value object (one with raw and src) under `node`, with its JSON path. */
export function valuesOf(node: unknown, path = ''): Located[] {
  if (node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((x, i) => valuesOf(x, `${path}/${i}`));
  const obj = node as Record<string, unknown>;
  const here = typeof obj.raw === 'string' && obj.src && typeof obj.src === 'object' ? [{ path, raw: obj.raw, src: obj.src as SourceRef }] : [];
  return [...here, ...Object.entries(obj).flatMap(([k, v]) => (k === 'src' ? [] : valuesOf(v, `${path}/${k}`)))];
}

const PARAGRAPH_VALUES = new Set(['/identity/title', '/identity/year']);
const isIndex = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;

/**
 * `tables`: the grid tables this evaluation may point into. `textLines`: the Tika dump's lines, when
 * the input was text. Returns the distinct tables the evaluation's cell values point into.
 */
export function expectProvenance(ev: Evaluation, grid: DocumentGrid, textLines: string[] | null): Set<number> {
  const values = valuesOf(ev);
  expect(values.length, 'values with provenance').toBeGreaterThan(20);
  const tables = new Set<number>();
  for (const { path, raw, src } of values) {
    const at = `${path} (${JSON.stringify(raw.slice(0, 30))})`;
    if (textLines) {
      expect.soft(Number.isInteger(src.line) && src.line! >= 1, `${at}: src.line`).toBe(true);
    }
    if (PARAGRAPH_VALUES.has(path)) {
      expect.soft(isIndex(src.block), `${at}: src.block`).toBe(true);
      const block = grid.blocks.find((b) => b.index === src.block);
      expect.soft(block?.text.trim(), `${at}: the block holds the value`).toBe(raw.trim());
      if (textLines && src.line) expect.soft(textLines[src.line - 1]!.trim(), `${at}: line ${src.line}`).toBe(raw.trim());
      continue;
    }
    const ok = isIndex(src.table) && isIndex(src.row) && isIndex(src.col);
    expect.soft(ok, `${at}: src has table/row/col ${JSON.stringify(src)}`).toBe(true);
    if (!ok) continue;
    tables.add(src.table!);
    const cell = grid.tables.find((t) => t.index === src.table)?.cells.find((c) => c.row === src.row && c.col === src.col);
    expect.soft(cell, `${at}: an anchor cell at ${JSON.stringify(src)}`).toBeDefined();
    if (!cell) continue;
    // A split target's text joins three cells; its src is the 指标值 cell.
    const targetParts = /\/target$/u.test(path) ? (ev.indicators[Number(path.split('/')[2])]?.targetParts ?? null) : null;
    const cellRaw = targetParts ? targetParts.value.raw : raw;
    expect.soft(cell.text.trim(), `${at}: the cell at ${JSON.stringify(src)} holds the value`).toBe(cellRaw.trim());
    if (textLines && src.line) {
      expect.soft(cell.line, `${at}: the cell's line`).toBe(src.line);
      const first = cellRaw.trim().split('\n')[0]!;
      expect.soft(textLines[src.line - 1]!.trim(), `${at}: line ${src.line} prints the value`).toBe(first);
    }
  }
  return tables;
}
