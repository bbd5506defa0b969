/**
 * Opening up a layout table (src/parse/unwrap.ts): its cells' paragraphs become free paragraphs and its
 * nested tables top-level tables, in document order (a paragraph after a nested table stays after it);
 * the tables and paragraphs after it are renumbered; a table not opened is untouched.
 */
import { describe, expect, it } from 'vitest';
import { htmlToGrid } from '../../src/parse/grid.js';
import { holdsTables, tableOrigins, unwrapTables } from '../../src/parse/unwrap.js';

const HTML =
  '<p>before</p>' +
  '<table><tr><td>first</td></tr></table>' +
  '<table><tr><td>nav</td><td><p>title</p><table><tr><td>a</td><td><p>b1</p><p>b2</p></td></tr></table><p>note</p><table><tr><td>c</td></tr></table></td></tr></table>' +
  '<p>between</p>' +
  '<table><tr><td>last</td><td>x<table><tr><td>kept nested</td></tr></table></td></tr></table>' +
  '<p>after</p>';

describe('unwrapTables', () => {
  const grid = htmlToGrid(HTML);

  it('records where each nested table sits among its cell paragraphs', () => {
    const cell = grid.tables[1]!.cells[1]!;
    expect(cell.paragraphs).toEqual(['title', 'note']);
    expect(cell.nestedAt).toEqual([1, 2]);
    expect(grid.tables[1]!.cells[0]!.nestedAt).toBeUndefined();
    expect(grid.tables.map(holdsTables)).toEqual([false, true, true]);
  });

  it('opens the chosen table in document order and renumbers what follows', () => {
    const opened = unwrapTables(grid, new Set([1]));
    expect(opened.tables.map((t) => t.cells.map((c) => c.text))).toEqual([['first'], ['a', 'b1\nb2'], ['c'], ['last', 'x']]);
    expect(opened.tables.map((t) => t.index)).toEqual([0, 1, 2, 3]);
    for (const t of opened.tables) {
      for (const c of t.cells) expect(c.table).toBe(t.index);
      for (const row of t.slots) for (const s of row) if (s) expect(t.cells).toContain(s);
    }
    expect(opened.blocks.map((b) => [b.index, b.text, b.cell ? `${b.cell.table}:${b.cell.row}:${b.cell.col}` : null])).toEqual([
      [0, 'before', null],
      [1, 'first', '0:0:0'],
      [2, 'nav', null],
      [3, 'title', null],
      [4, 'a', '1:0:0'],
      [5, 'b1', '1:0:1'],
      [6, 'b2', '1:0:1'],
      [7, 'note', null],
      [8, 'c', '2:0:0'],
      [9, 'between', null],
      [10, 'last', '3:0:0'],
      [11, 'x', '3:0:1'],
      [12, 'after', null],
    ]);
    // A table not opened keeps its nested table in its cell.
    expect(opened.tables[3]!.cells[1]!.nested[0]!.cells[0]!.text).toBe('kept nested');
    // The first table keeps its object; the document's grid is not changed.
    expect(opened.tables[0]).toBe(grid.tables[0]);
    expect(grid.tables[2]!.index).toBe(2);
    expect(grid.tables[2]!.cells[0]!.table).toBe(2);
  });

  it('opens nothing when no table is chosen', () => {
    const same = unwrapTables(grid, new Set());
    expect(same.tables).toEqual(grid.tables);
    expect(same.blocks).toEqual(grid.blocks);
  });

  it('knows which table as parsed each table comes from, over successive openings', () => {
    expect(tableOrigins(grid)).toEqual([0, 1, 2]);
    const once = unwrapTables(grid, new Set([1]));
    expect(tableOrigins(once)).toEqual([0, 1, 1, 2]);
    const twice = unwrapTables(once, new Set([3]));
    expect(twice.tables.map((t) => t.cells.map((c) => c.text))).toEqual([['first'], ['a', 'b1\nb2'], ['c'], ['kept nested']]);
    expect(tableOrigins(twice)).toEqual([0, 1, 1, 2]);
    expect(twice.blocks.filter((b) => !b.cell).map((b) => b.text)).toEqual(['before', 'nav', 'title', 'note', 'between', 'last', 'x', 'after']);
  });
});
