/**
 * MofForm / document parts → .xlsx as a unit fills the form in Excel: the title lines in merged rows
 * above the table, the table's merges as merged ranges (every covered slot written as an empty styled
 * cell, as Excel writes bordered cells), and every cell that is a number in the printed form stored as a
 * number with the number format that prints it: 1235.444 with 0.000, 3,024,587.36 with #,##0.00, 93.5%
 * as 0.935 with 0.0%. Each 执行率 is a formula (执行数/预算数) whose cached result is the full-precision
 * quotient, shown through a percent format, as Excel does; where the printed rate is not that quotient
 * rounded (a mutated form), the rate is a plain number instead.
 */
import { Decimal } from 'decimal.js';
import { buildXlsx, cellRef, type XCell, type XSheet } from '../../../scripts/fixtures/spreadsheetml.js';
import type { MofForm } from './form.js';
import { placeCells, type TableSpec } from './layout.js';
import { blocksOf, formBlocks, type Block, type DocPart, type Printable } from './parts.js';

const PLAIN = /^-?\d+(?:\.(\d+))?$/u;
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.(\d+))?$/u;
const PERCENT = /^-?\d+(?:\.(\d+))?%$/u;

function decimalsFormat(decimals: number, grouped: boolean): number | string {
  if (grouped) return decimals === 0 ? 3 : decimals === 2 ? 4 : `#,##0.${'0'.repeat(decimals)}`;
  return decimals === 0 ? 0 : decimals === 2 ? 2 : `0.${'0'.repeat(decimals)}`;
}

export function percentFormat(decimals: number): number | string {
  return decimals === 0 ? 9 : decimals === 2 ? 10 : `0.${'0'.repeat(decimals)}%`;
}

/** A printed text as the cell Excel would hold: a number with its format where the text is a plain number. */
export function cellOf(text: string): XCell {
  if (text === '') return { t: 'empty' };
  // A leading zero ("05") or a lone "-" is text in Excel too.
  if (/^-?0\d/u.test(text)) return { t: 'string', text };
  let m = PLAIN.exec(text);
  if (m) return { t: 'number', value: new Decimal(text).toString(), format: decimalsFormat(m[1]?.length ?? 0, false) };
  m = GROUPED.exec(text);
  if (m) return { t: 'number', value: new Decimal(text.replaceAll(',', '')).toString(), format: decimalsFormat(m[1]?.length ?? 0, true) };
  m = PERCENT.exec(text);
  if (m) return { t: 'number', value: new Decimal(text.slice(0, -1)).div(100).toString(), format: percentFormat(m[1]?.length ?? 0) };
  return { t: 'string', text };
}

const amountOf = (text: string): Decimal | null => (PLAIN.test(text) || GROUPED.test(text) ? new Decimal(text.replaceAll(',', '')) : null);

/**
 * The 执行率 cell of a funds row as a formula, when the printed rate is the quotient of the row's
 * printed amounts rounded half up (how the form was computed): cached result = the binary quotient.
 */
function rateFormula(rate: string, budget: string, executed: string, budgetRef: string, executedRef: string): XCell | null {
  const m = PERCENT.exec(rate);
  const b = amountOf(budget);
  const e = amountOf(executed);
  if (!m || !b || !e || b.isZero()) return null;
  const decimals = m[1]?.length ?? 0;
  if (e.div(b).times(100).toFixed(decimals) !== rate.slice(0, -1)) return null;
  return { t: 'formula', formula: `${executedRef}/${budgetRef}`, cached: e.toNumber() / b.toNumber(), format: percentFormat(decimals) };
}

class SheetWriter {
  readonly cells: Record<string, XCell> = {};
  readonly merges: string[] = [];
  row = 0;

  /** A title or note line: merged over the table's width, or (a caption such as 附件2) one cell alone. */
  line(text: string, width: number, merged: boolean): void {
    this.cells[cellRef(this.row, 0)] = { t: 'string', text };
    if (merged && width > 1) {
      for (let c = 1; c < width; c++) this.cells[cellRef(this.row, c)] = { t: 'empty' };
      this.merges.push(`${cellRef(this.row, 0)}:${cellRef(this.row, width - 1)}`);
    }
    this.row++;
  }

  table(table: TableSpec): void {
    const top = this.row;
    const placed = placeCells(table);
    // The funds block: the row holding the 全年预算数 / 全年执行数 / 执行率 headers, and the lines below it.
    const headerRow = placed.findIndex((r) => r.some((p) => p.cell.text === '执行率') && r.some((p) => p.cell.text === '全年预算数'));
    const colOf = (text: string) => placed[headerRow]!.find((p) => p.cell.text === text)!.col;
    const fundsCols = headerRow >= 0 ? { budget: colOf('全年预算数'), executed: colOf('全年执行数'), rate: colOf('执行率') } : null;
    placed.forEach((cells, r) => {
      const textAt = (col: number) => cells.find((p) => p.col === col && p.anchorRow === r)?.cell.text ?? '';
      for (const p of cells) {
        const span = p.cell.colspan ?? 1;
        for (let dc = 0; dc < span; dc++) this.cells[cellRef(top + r, p.col + dc)] = { t: 'empty' };
        if (p.anchorRow !== r) continue;
        let cell = cellOf(p.cell.text);
        if (fundsCols && r > headerRow && p.col === fundsCols.rate) {
          const budgetRef = cellRef(top + r, fundsCols.budget);
          const executedRef = cellRef(top + r, fundsCols.executed);
          cell = rateFormula(p.cell.text, textAt(fundsCols.budget), textAt(fundsCols.executed), budgetRef, executedRef) ?? cell;
        }
        this.cells[cellRef(top + r, p.col)] = cell;
        const rows = p.cell.rowspan ?? 1;
        if (span > 1 || rows > 1) this.merges.push(`${cellRef(top + r, p.col)}:${cellRef(top + r + rows - 1, p.col + span - 1)}`);
      }
    });
    this.row = top + table.rows.length;
  }

  sheet(name: string): XSheet {
    return { name, cells: this.cells, merges: this.merges };
  }
}

/** Blocks from the writer's row down: lines above and below their table, merged across it, and the table. */
function writeBlocks(w: SheetWriter, blocks: Block[]): void {
  const width = blocks.find((b) => b.kind === 'table')?.table.cols ?? 1;
  for (const b of blocks) {
    if (b.kind === 'table') w.table(b.table);
    else if (b.text !== '') w.line(b.text, width, b.role !== 'caption');
  }
}

/** The blocks of one sheet. */
function writeSheet(name: string, blocks: Block[]): XSheet {
  const w = new SheetWriter();
  writeBlocks(w, blocks);
  return w.sheet(name);
}

/**
 * Forms stacked on one sheet, as a 决算公开 workbook may print them: each under its own title lines, with
 * `gap` empty rows between one form's last line and the next form's first.
 */
export function renderXlsxStacked(forms: readonly MofForm[], gap = 2): Uint8Array {
  const w = new SheetWriter();
  forms.forEach((form, i) => {
    if (i > 0) w.row += gap;
    writeBlocks(w, formBlocks(form));
  });
  return buildXlsx([w.sheet('自评表')]);
}

/** Splits a document into sheets: each form or table on its own sheet, with the paragraphs before it. */
function sheetsOf(parts: DocPart[]): Block[][] {
  const sheets: Block[][] = [];
  let pending: Block[] = [];
  for (const part of parts) {
    pending.push(...blocksOf([part]));
    if (part.kind === 'form' || part.kind === 'table') {
      sheets.push(pending);
      pending = [];
    }
  }
  if (pending.length && sheets.length) sheets.at(-1)!.push(...pending);
  return sheets;
}

/** A workbook of one form (one sheet), or of a document's forms and tables (one sheet each). */
export function renderXlsx(x: Printable): Uint8Array {
  if (!Array.isArray(x)) return buildXlsx([writeSheet(sheetName(x), formBlocks(x))]);
  return buildXlsx(sheetsOf(x).map((blocks, i) => writeSheet(`表${i + 1}`, blocks)));
}

/** One form's sheet, as renderXlsx writes it, for tests that rework it before building the workbook. */
export function formSheet(form: MofForm, name = sheetName(form)): XSheet {
  return writeSheet(name, formBlocks(form));
}

/** A document's sheets, as renderXlsx writes them. */
export function documentSheets(parts: DocPart[]): XSheet[] {
  return sheetsOf(parts).map((blocks, i) => writeSheet(`表${i + 1}`, blocks));
}

function sheetName(form: MofForm): string {
  return form.kind === 'project' ? '项目支出绩效自评表' : '部门整体支出绩效自评表';
}
