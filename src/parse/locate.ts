/** Finding cells and paragraphs by their labels, independent of any template. */
import type { Block, DocumentGrid, GridCell, GridTable } from '../model/grid.js';
import { labelKey } from '../model/normalize.js';
import type { SourceRef } from '../model/source.js';

export type LabelMatch = (key: string) => boolean;

/** A matcher for label keys: exact key, or a key starting with one of the prefixes. */
export function label(exact: string[], prefixes: string[] = []): LabelMatch {
  const ex = new Set(exact.map(labelKey));
  const pre = prefixes.map(labelKey);
  return (key) => ex.has(key) || pre.some((p) => key.startsWith(p));
}

/** The label key of a cell, computed once per cell: every field lookup scans every cell of the grid. */
export function cellKey(cell: GridCell | null | undefined): string {
  if (!cell) return '';
  return (cell.key ??= labelKey(cell.text));
}

export function cellSrc(cell: GridCell): SourceRef {
  const src: SourceRef = { table: cell.table, row: cell.row, col: cell.col };
  if (cell.line !== undefined) src.line = cell.line;
  return src;
}

export function blockSrc(block: Block): SourceRef {
  const src: SourceRef = { block: block.index };
  if (block.cell) Object.assign(src, block.cell);
  if (block.line !== undefined) src.line = block.line;
  return src;
}

/** Distinct anchors met along row r, left to right (cells spanning from above included). */
export function rowAnchors(table: GridTable, r: number): GridCell[] {
  const out: GridCell[] = [];
  for (const cell of table.slots[r] ?? []) if (cell && out[out.length - 1] !== cell) out.push(cell);
  return out;
}

/** Anchors that start in row r (a rowspan continuation from above is not this row's own cell). */
export function ownCells(table: GridTable, r: number): GridCell[] {
  return rowAnchors(table, r).filter((c) => c.row === r);
}

/** The cell at (r, c) only when it starts in row r; covered continuation slots give null. */
export function ownCellAt(table: GridTable, r: number, c: number): GridCell | null {
  const cell = table.slots[r]?.[c] ?? null;
  return cell && cell.row === r ? cell : null;
}

/** The next distinct anchor to the right of `cell` in row r (default: the cell's own row). */
export function rightOf(table: GridTable, cell: GridCell, r = cell.row): GridCell | null {
  const row = table.slots[r] ?? [];
  for (let c = cell.col + cell.colspan; c < row.length; c++) {
    const next = row[c];
    if (next && next !== cell) return next;
  }
  return null;
}

export interface CellHit {
  table: GridTable;
  cell: GridCell;
}

/** Every anchor cell whose label key matches, in document order. */
export function findCells(grid: DocumentGrid, match: LabelMatch, from?: CellHit): CellHit[] {
  const hits: CellHit[] = [];
  for (const table of grid.tables) {
    if (from && table.index < from.table.index) continue;
    for (const cell of table.cells) {
      if (from && table.index === from.table.index && cell.row < from.cell.row) continue;
      if (match(cellKey(cell))) hits.push({ table, cell });
    }
  }
  return hits;
}

export function findCell(grid: DocumentGrid, match: LabelMatch, from?: CellHit): CellHit | null {
  return findCells(grid, match, from)[0] ?? null;
}

/** The value cell that a label cell introduces: the next anchor to its right. */
export function valueOf(grid: DocumentGrid, match: LabelMatch): { label: CellHit; cell: GridCell | null } | null {
  const hit = findCell(grid, match);
  return hit ? { label: hit, cell: rightOf(hit.table, hit.cell) } : null;
}

/**
 * Split "项 目 名 称：xxx" into label and value when the label (ignoring blanks, width and colons)
 * is one of `labels`. Returns the raw value text after the label and its colon.
 */
export function splitLabelled(text: string, labels: string[]): { label: string; value: string } | null {
  const keys = labels.map(labelKey);
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) continue;
    key = labelKey(key + ch);
    const found = keys.find((k) => k === key);
    if (found !== undefined) {
      const rest = text.slice(i + 1);
      if (/^\s*[:：]/u.test(rest) || rest.trim() === '' || /^\s/u.test(rest)) {
        return { label: labels[keys.indexOf(found)]!, value: rest.replace(/^\s*[:：]/u, '') };
      }
    }
    if (!keys.some((k) => k.startsWith(key))) return null;
  }
  return null;
}

/** The first paragraph (in or out of tables) that starts with one of the labels. */
export function findLabelledBlock(grid: DocumentGrid, labels: string[]): { block: Block; label: string; value: string } | null {
  for (const block of grid.blocks) {
    const hit = splitLabelled(block.text, labels);
    if (hit) return { block, ...hit };
  }
  return null;
}
