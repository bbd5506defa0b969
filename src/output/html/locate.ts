/**
 * Where each finding lands in the rendered document: anchor cells, whole tables, paragraphs, or a
 * sentence (excerpt) inside a paragraph. Pure; shared by the document renderer and the findings list.
 */
import type { Finding, FindingLocation, Severity } from '../../model/finding.js';
import type { DocumentGrid } from '../../model/grid.js';

export type Target =
  | { kind: 'cell'; table: number; row: number; col: number }
  | { kind: 'table'; table: number }
  | { kind: 'block'; block: number }
  | { kind: 'excerpt'; block: number; start: number; end: number };

export interface Range {
  start: number;
  end: number;
  ids: number[];
  /** The findings whose own location (not a related one) this is. */
  primary: number[];
}

export interface Marks {
  /** "table:row:col" of the anchor cell → finding ids. */
  cells: Map<string, number[]>;
  tables: Map<number, number[]>;
  blocks: Map<number, number[]>;
  /** Block index → highlighted ranges (may overlap; split when rendering). */
  excerpts: Map<number, Range[]>;
  /** Finding id → whether anything in the document was marked for it. */
  located: boolean[];
  /** targetKey(target) + "#" + id for each finding's own location (clicks scroll there first). */
  primary: Set<string>;
}

/** A stable key of a cell/table/block target (excerpts are keyed per range, see Range.primary). */
export function targetKey(t: Exclude<Target, { kind: 'excerpt' }>): string {
  if (t.kind === 'cell') return `c:${cellKey(t.table, t.row, t.col)}`;
  return t.kind === 'table' ? `t:${t.table}` : `b:${t.block}`;
}

export const cellKey = (table: number, row: number, col: number): string => `${table}:${row}:${col}`;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function worstSeverity(ids: readonly number[], findings: readonly Finding[]): Severity {
  let worst: Severity = 'info';
  for (const id of ids) {
    const s = findings[id]?.severity;
    if (s && SEVERITY_RANK[s] < SEVERITY_RANK[worst]) worst = s;
  }
  return worst;
}

/** Find `needle` in `hay`, exactly or ignoring whitespace; offsets into `hay`. */
export function findExcerpt(hay: string, needle: string): { start: number; end: number } | null {
  if (needle === '') return null;
  const exact = hay.indexOf(needle);
  if (exact >= 0) return { start: exact, end: exact + needle.length };
  const target = needle.replace(/\s+/gu, '');
  if (target === '') return null;
  const map: number[] = [];
  let stripped = '';
  for (let i = 0; i < hay.length; i++) {
    if (/\s/u.test(hay[i]!)) continue;
    stripped += hay[i];
    map.push(i);
  }
  const at = stripped.indexOf(target);
  if (at < 0) return null;
  return { start: map[at]!, end: map[at + target.length - 1]! + 1 };
}

function anchorCell(grid: DocumentGrid, table: number, row: number, col: number) {
  return grid.tables[table]?.slots[row]?.[col] ?? null;
}

/** The block holding `excerpt`, preferring the one the location names. */
function excerptTarget(grid: DocumentGrid, loc: FindingLocation, excerpt: string): Target | null {
  const tryBlock = (index: number): Target | null => {
    const block = grid.blocks[index];
    const hit = block ? findExcerpt(block.text, excerpt) : null;
    return hit ? { kind: 'excerpt', block: index, ...hit } : null;
  };
  if (loc.block !== undefined) {
    const t = tryBlock(loc.block);
    if (t) return t;
  }
  const candidates = grid.blocks.filter((b) => {
    if (loc.line !== undefined && b.line === loc.line) return true;
    if (loc.table !== undefined && b.cell?.table === loc.table) {
      const anchor = loc.row !== undefined && loc.col !== undefined ? anchorCell(grid, loc.table, loc.row, loc.col) : null;
      return !anchor || (b.cell.row === anchor.row && b.cell.col === anchor.col);
    }
    return false;
  });
  for (const b of candidates) {
    const t = tryBlock(b.index);
    if (t) return t;
  }
  for (const b of grid.blocks) {
    const t = tryBlock(b.index);
    if (t) return t;
  }
  return null;
}

/** Resolve one location to what should be marked, or null when it points nowhere in the grid. */
export function resolveTarget(grid: DocumentGrid, loc: FindingLocation): Target | null {
  if (loc.excerpt) {
    const t = excerptTarget(grid, loc, loc.excerpt);
    if (t) return t;
  }
  if (loc.table !== undefined) {
    if (loc.row !== undefined && loc.col !== undefined) {
      const anchor = anchorCell(grid, loc.table, loc.row, loc.col);
      if (anchor) return { kind: 'cell', table: anchor.table, row: anchor.row, col: anchor.col };
    }
    if (grid.tables[loc.table]) return { kind: 'table', table: loc.table };
  }
  if (loc.block !== undefined && grid.blocks[loc.block]) {
    const b = grid.blocks[loc.block]!;
    return b.cell ? { kind: 'cell', ...b.cell } : { kind: 'block', block: b.index };
  }
  if (loc.line !== undefined) {
    const b = grid.blocks.find((x) => x.line === loc.line);
    if (b) return b.cell ? { kind: 'cell', ...b.cell } : { kind: 'block', block: b.index };
  }
  return null;
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

export function computeMarks(grid: DocumentGrid, findings: readonly Finding[]): Marks {
  const marks: Marks = { cells: new Map(), tables: new Map(), blocks: new Map(), excerpts: new Map(), located: [], primary: new Set() };
  findings.forEach((f, id) => {
    let located = false;
    [f.location, ...f.related].forEach((loc, n) => {
      const t = resolveTarget(grid, loc);
      if (!t) return;
      located = true;
      if (n === 0 && t.kind !== 'excerpt') marks.primary.add(`${targetKey(t)}#${id}`);
      if (t.kind === 'cell') push(marks.cells, cellKey(t.table, t.row, t.col), id);
      else if (t.kind === 'table') push(marks.tables, t.table, id);
      else if (t.kind === 'block') push(marks.blocks, t.block, id);
      else {
        const ranges = marks.excerpts.get(t.block) ?? [];
        let range = ranges.find((r) => r.start === t.start && r.end === t.end);
        if (!range) ranges.push((range = { start: t.start, end: t.end, ids: [], primary: [] }));
        if (!range.ids.includes(id)) range.ids.push(id);
        if (n === 0 && !range.primary.includes(id)) range.primary.push(id);
        marks.excerpts.set(t.block, ranges);
      }
    });
    marks.located.push(located);
  });
  return marks;
}
