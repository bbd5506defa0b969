import { describe, expect, it } from 'vitest';
import { stripTikaMarkers, tikaTextToHtml } from '../src/convert/tika-text.js';
import { htmlToGrid } from '../src/parse/grid.js';

describe('Tika text → HTML', () => {
  it('makes cells of TAB lines, paragraphs of continuation lines, rows of blank lines', () => {
    const html = tikaTextToHtml('title\n\n\tA\n\tB\nmore of B\n\n\tC\n\tD\n\n\nafter');
    const grid = htmlToGrid(html);
    expect(grid.tables).toHaveLength(1);
    const t = grid.tables[0]!;
    expect(t.slots.map((r) => r.map((c) => c?.text ?? null))).toEqual([
      ['A', 'B\nmore of B'],
      ['C', 'D'],
    ]);
    expect(t.cells.map((c) => c.line)).toEqual([3, 4, 7, 8]);
    expect(grid.blocks.filter((b) => !b.cell).map((b) => [b.text, b.line])).toEqual([
      ['title', 1],
      ['after', 11],
    ]);
  });

  it('removes Tika markers and escapes HTML from the document', () => {
    expect(stripTikaMarkers('[bookmark: _Toc1]项目[footnoteRef: 2]目标[image: a.png]')).toBe('项目目标');
    const grid = htmlToGrid(tikaTextToHtml('\t<script>alert(1)</script>\n'));
    expect(grid.tables[0]!.cells[0]!.text).toBe('<script>alert(1)</script>');
  });

  it('handles CRLF and a BOM', () => {
    const grid = htmlToGrid(tikaTextToHtml('\uFEFFp\r\n\r\n\tX\r\n\tY\r\n'));
    expect(grid.blocks[0]!.text).toBe('p');
    expect(grid.tables[0]!.cells.map((c) => c.text)).toEqual(['X', 'Y']);
  });
});

describe('HTML → grid', () => {
  it('places rowspans and colspans: each anchor once, covered slots point to it', () => {
    const grid = htmlToGrid(
      '<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>C</td><td>D</td></tr><tr><td colspan="3">E</td></tr></table>',
    );
    const t = grid.tables[0]!;
    expect(t.cells.map((c) => [c.text, c.row, c.col, c.rowspan, c.colspan])).toEqual([
      ['A', 0, 0, 2, 1],
      ['B', 0, 1, 1, 2],
      ['C', 1, 1, 1, 1],
      ['D', 1, 2, 1, 1],
      ['E', 2, 0, 1, 3],
    ]);
    expect(t.slots[1]![0]).toBe(t.cells[0]);
    expect(t.slots[0]![2]).toBe(t.cells[1]);
    expect(t.colCount).toBe(3);
  });

  it('keeps nested tables inside their cell and joins paragraphs with \\n', () => {
    const grid = htmlToGrid('<table><tr><td><p>one</p><p>two</p><table><tr><td>inner</td></tr></table></td></tr></table>');
    expect(grid.tables).toHaveLength(1);
    const cell = grid.tables[0]!.cells[0]!;
    expect(cell.text).toBe('one\ntwo');
    expect(cell.nested[0]!.cells[0]!.text).toBe('inner');
  });

  it('renders checkbox inputs as ☑/☐ in the text', () => {
    const grid = htmlToGrid('<p>评价类型：A<input type="checkbox" checked> B<input type="checkbox"></p>');
    expect(grid.blocks[0]!.text).toBe('评价类型：A☑ B☐');
  });
});
