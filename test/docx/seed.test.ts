import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tikaTextToHtml } from '../../src/convert/tika-text.js';
import type { DocumentGrid, GridTable } from '../../src/model/grid.js';
import { htmlToGrid } from '../../src/parse/grid.js';
import { anchors, convert, paragraphs, type Converted } from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

/**
 * The cells of each row as Word stores them (w:tc order; a vertically merged continuation is an empty
 * cell), which is what a Tika dump lists. A cell's text is cut at its first empty paragraph: in the dump
 * an empty paragraph is a blank line, which ends the row there.
 */
function tcRows(t: GridTable): string[][] {
  const norm = (ps: string[]) => {
    const out: string[] = [];
    for (const [i, para] of ps.entries()) {
      if (i > 0 && para.trim() === '') break;
      out.push(para.trim());
    }
    return out.join('\n');
  };
  return t.slots.map((row, r) => {
    const cells: string[] = [];
    row.forEach((a, c) => {
      if (a && a.col === c) cells.push(a.row === r ? norm(a.paragraphs) : '');
    });
    return cells;
  });
}

const allRows = (g: DocumentGrid) => g.tables.flatMap(tcRows);

describe('fixtures/seed.docx', () => {
  let docx: Converted;
  let tika: DocumentGrid;
  beforeAll(async () => {
    docx = await convert(readFileSync(fixture('seed.docx')));
    tika = htmlToGrid(tikaTextToHtml(readFileSync(fixture('seed.txt'), 'utf8')));
  });

  it('converts without grid problems', () => {
    expect(docx.messages.filter((m) => m.rule === 'extract-grid-mismatch')).toEqual([]);
  });

  it('gives the same table cells as the Tika text dump, row by row', () => {
    const fromDocx = allRows(docx.grid);
    const fromTika = allRows(tika);
    expect(fromDocx.length).toBeGreaterThan(60);
    expect(fromDocx).toEqual(fromTika);
  });

  it('reads the ticked Wingdings box on the cover', () => {
    expect(paragraphs(docx.grid)).toContain('评价类型：项目实施过程评价☑   项目完成结果评价□');
  });

  it('gives the 附件3-2 scoring table 9 columns with the right rowspans', () => {
    const t = docx.grid.tables.find((x) => x.colCount === 9 && x.cells[0]?.text === '一级\n指标');
    expect(t).toBeDefined();
    const scoring = t!;
    expect(scoring.rowCount).toBe(25);
    const spans = anchors(scoring).filter((a) => /^\d+,[0-3] /u.test(a));
    expect(spans).toEqual([
      '0,0 1x1 一级\n指标',
      '0,1 1x1 分值',
      '0,2 1x1 二级\n指标',
      '0,3 1x1 分值',
      '1,0 5x1 项目决策',
      '1,1 5x1 20',
      '1,2 1x1 项目目标',
      '1,3 1x1 4',
      '2,2 2x1 决策过程',
      '2,3 2x1 8',
      '4,2 2x1 资金分配',
      '4,3 2x1 8',
      '6,0 4x1 项目管理 ',
      '6,1 4x1 25',
      '6,2 2x1 资金到位',
      '6,3 2x1 5',
      '8,2 2x1 资金管理',
      '8,3 2x1 10',
      // the page-split repeats 项目管理 for its second half
      '10,0 4x1 项目管理 ',
      '10,1 4x1 25',
      '10,2 4x1 组织实施',
      '10,3 4x1 10',
      '14,0 1x1 一级\n指标',
      '14,1 1x1 分值',
      '14,2 1x1 二级\n指标',
      '14,3 1x1 分值',
      '15,0 9x1 项目绩效',
      '15,1 9x1 55',
      '15,2 4x1 项目产出',
      '15,3 4x1 15',
      '19,2 5x1 项目效果',
      '19,3 5x1 40',
      '24,0 1x1 总分',
      '24,1 1x1 100',
      '24,2 1x1 ',
      '24,3 1x1 100',
    ]);
    // Every row has an anchor or a covering cell in all 9 columns.
    for (const row of scoring.slots) expect(row.every((s) => s !== null)).toBe(true);
    // Self-scores sit in the last column of each item row.
    expect(scoring.slots[1]![8]!.text).toBe('4');
    expect(scoring.slots[24]![8]!.row).toBe(24);
  });

  it('gives the overview table its merged indicator groups', () => {
    const t = docx.grid.tables[0]!;
    const merged = anchors(t).filter((a) => !a.includes(' 1x'));
    expect(merged.map((a) => a.split(' ').slice(0, 2).join(' '))).toEqual(
      expect.arrayContaining(['17,0 17x2', '18,2 8x1', '26,2 8x1', '18,3 2x1', '32,3 2x1']),
    );
  });
});
