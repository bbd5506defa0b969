/**
 * Every variant form renders in the three formats and the three give the same cells: the .docx through
 * the project's converter (and mammoth alone), the HTML page and the Tika text all hold one table
 * whose anchors are exactly the form's printed grid (text, position, spans); Tika prints a vertical
 * continuation as an empty cell and a horizontally merged cell once; the lines above and below the
 * table are paragraphs in each format; and the pipeline takes each file without an internal error.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { convertDocx } from '../../src/convert/docx/index.js';
import { tikaTextToHtml } from '../../src/convert/tika-text.js';
import type { DocumentGrid, GridTable } from '../../src/model/grid.js';
import { htmlToGrid } from '../../src/parse/grid.js';
import { processDocument } from '../../src/process.js';
import { placeCells, type TableSpec } from '../helpers/mof/layout.js';
import {
  ALL_VARIANT_FORMS,
  ANHUI_FORMS,
  CUT_MOF,
  HUBEI_FORMS,
  renderVariantDocx,
  renderVariantHtml,
  renderVariantTika,
  SICHUAN_FORMS,
  variantPage,
  variantTable,
  type VariantForm,
} from '../helpers/variants/index.js';

const anchors = (t: GridTable) => t.cells.map((c) => `${c.row},${c.col} ${c.rowspan}x${c.colspan} ${c.text}`);
const isNavTable = (t: GridTable) => t.cells.some((c) => c.text === '首页');

/** The anchors the printed grid must give, from the form's own table spec. */
function specAnchors(table: TableSpec): string[] {
  return placeCells(table)
    .flat()
    .filter((p) => p.anchorRow === p.row)
    .map((p) => `${p.row},${p.col} ${p.cell.rowspan ?? 1}x${p.cell.colspan ?? 1} ${p.cell.text}`);
}

/** Tika's rows derived from a grid: an anchored cell's text once, an empty cell where one reaches down. */
function tikaRowsFromGrid(t: GridTable): string[][] {
  return t.slots.map((slots, r) => {
    const out: string[] = [];
    for (let c = 0; c < slots.length; ) {
      const cell = slots[c];
      if (!cell) break;
      out.push(cell.row === r ? cell.text : '');
      c += cell.colspan;
    }
    return out;
  });
}

const rowsOf = (t: GridTable) => Array.from({ length: t.rowCount }, (_, r) => t.cells.filter((c) => c.row === r).map((c) => c.text));
const paragraphs = (g: DocumentGrid) => g.blocks.filter((b) => !b.cell).map((b) => b.text);

function linesOf(form: VariantForm): { above: string[]; below: string[] } {
  const page = variantPage(form);
  if ('mof' in page) return { above: [page.mof.title, page.mof.yearLine].filter((l) => l !== ''), below: [] };
  return { above: page.above, below: page.below };
}

describe('variant renderers', () => {
  it.each(ALL_VARIANT_FORMS.map((f) => [f.id, f] as const))('%s: docx, HTML and Tika text give the form’s cells', async (_id, form) => {
    const docx = renderVariantDocx(form);
    const converted = await convertDocx(docx);
    expect(converted.messages).toEqual([]);
    const docxGrid = htmlToGrid(converted.html);
    expect(docxGrid.tables.length).toBe(1);
    const table = docxGrid.tables[0]!;
    expect(anchors(table)).toEqual(specAnchors(variantTable(form)));

    const raw = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    expect(raw.messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(htmlToGrid(raw.value).tables.map(anchors)).toEqual([anchors(table)]);

    const htmlGrid = htmlToGrid(renderVariantHtml(form, { navTable: true }));
    const pageTables = htmlGrid.tables.filter((t) => !isNavTable(t));
    expect(htmlGrid.tables.length - pageTables.length).toBe(1);
    expect(pageTables.map(anchors)).toEqual([anchors(table)]);

    const tikaGrid = htmlToGrid(tikaTextToHtml(renderVariantTika(form)));
    expect(tikaGrid.tables.map(rowsOf)).toEqual([tikaRowsFromGrid(table)]);

    const { above, below } = linesOf(form);
    for (const g of [docxGrid, htmlGrid, tikaGrid]) {
      const ps = paragraphs(g);
      for (const line of [...above, ...below]) expect(ps, line).toContain(line);
    }
  });

  it('prints the Sichuan report number and title above the table, and 合计 as weight then score', () => {
    const form = SICHUAN_FORMS[0]!;
    const text = renderVariantTika(form);
    expect(text.startsWith(`报表编号:510000_0013zp\n部门预算项目支出绩效自评表\n（2023年度）\n\t项目基本情况\n`)).toBe(true);
    expect(text).toContain(`\t合计\n\t100\n\t${form.total.score}\n\t\n\n`);
    // The 原因 cell reaches down the 其中 rows: they end with 权重 '/', 得分 '/' and an empty continuation.
    expect(text).toContain('\t其中:财政资金\n');
    expect(text).toMatch(/\t\/\n\t\/\n\t\n\n\t\n\t财政专户管理资金\n/u);
  });

  it('prints Hubei without a 分值 column as one cell fewer per row', () => {
    const [withWeights, without] = [HUBEI_FORMS.find((f) => f.weightColumn)!, HUBEI_FORMS.find((f) => !f.weightColumn)!];
    expect(variantTable(withWeights).cols).toBe(9);
    expect(variantTable(without).cols).toBe(8);
    expect(renderVariantTika(without)).not.toContain('\t分值\n');
    expect(renderVariantTika(without)).toContain(`\t自评总分\n\t${without.total.score}\n\t\n\n`);
    expect(renderVariantTika(withWeights)).toContain(`\t自评总分\n\t100\n\t${withWeights.total.score}\n\t\n\n`);
  });

  it('prints Anhui 分值 before 年度指标值 and the footnote below the table', () => {
    const text = renderVariantTika(ANHUI_FORMS[0]!);
    expect(text).toContain('\t三级指标\n\t分值\n\t年度指标值\n\t全年实际值\n\t得分\n\t未完成原因及拟采取的改进措施\n');
    expect(text).not.toContain('年初预算数');
    expect(text.trimEnd().endsWith(ANHUI_FORMS[0]!.footnote)).toBe(true);
  });

  it('ends the cut form’s table on an indicator row', () => {
    const text = renderVariantTika(CUT_MOF);
    expect(text).not.toContain('总分');
    expect(text).toContain(`\t${CUT_MOF.form.indicators.at(-1)!.level3}\n`);
  });

  it.each(ALL_VARIANT_FORMS.map((f) => [f.id, f] as const))('%s: the pipeline processes all three formats without an internal error', async (_id, form) => {
    const enc = new TextEncoder();
    const inputs: [string, Uint8Array][] = [
      ['docx', renderVariantDocx(form)],
      ['txt', enc.encode(renderVariantTika(form))],
      ['html', enc.encode(renderVariantHtml(form))],
    ];
    for (const [ext, bytes] of inputs) {
      const result = await processDocument({ bytes, file: `${form.id}.${ext}` });
      expect(result.errorCode, `${ext}: ${result.error}`).not.toBe('internal-error');
    }
  });
});
