/**
 * MofForm / document parts → .docx as Word writes such a form: title and year paragraphs above the
 * table, gridSpan for horizontal merges, a vMerge run (restart + continuations) for every vertical one.
 */
import { buildDocx, esc, tc, type CellSpec } from '../../../scripts/fixtures/ooxml.js';
import { paragraphsOf } from './form.js';
import { placeCells, type TableSpec } from './layout.js';
import { blocksOfPrintable, type BlockRole, type Printable } from './parts.js';

const FONT = (name: string) => `<w:rFonts w:ascii="${name}" w:eastAsia="${name}" w:hAnsi="${name}"/>`;

const ROLE_STYLE: Record<BlockRole, { jc?: string; rPr: string; indent?: boolean }> = {
  caption: { rPr: `${FONT('黑体')}<w:sz w:val="24"/>` },
  title: { jc: 'center', rPr: `${FONT('方正小标宋简体')}<w:b/><w:sz w:val="36"/>` },
  year: { jc: 'center', rPr: `${FONT('楷体_GB2312')}<w:sz w:val="28"/>` },
  heading: { rPr: `${FONT('黑体')}<w:b/><w:sz w:val="32"/>` },
  text: { rPr: `${FONT('仿宋_GB2312')}<w:sz w:val="32"/>`, indent: true },
  note: { rPr: `${FONT('宋体')}<w:sz w:val="18"/>` },
};

function paragraph(text: string, jc: string | undefined, rPr: string, indent = false): string {
  const pPr = [indent ? '<w:ind w:firstLine="640"/>' : '', jc ? `<w:jc w:val="${jc}"/>` : ''].join('');
  const body = text === '' ? '' : `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${body}</w:p>`;
}

const CELL_RPR = `${FONT('宋体')}<w:sz w:val="18"/>`;

/** Text width of an A4 page with Word's default margins, in twips: the table fills it. */
const TEXT_WIDTH = 9000;

/** The table with Word's merge encoding: each grid row lists its w:tc, continuations included. */
export function tableXml(table: TableSpec): string {
  const colWidth = Math.floor(TEXT_WIDTH / table.cols);
  const rows = placeCells(table).map((row) => {
    const cells = row.map((placed) => {
      const span = placed.cell.colspan ?? 1;
      const tall = (placed.cell.rowspan ?? 1) > 1;
      const spec: CellSpec =
        placed.anchorRow !== placed.row
          ? { span, vMerge: 'continue' }
          : { span, ...(tall ? { vMerge: 'restart' as const } : {}), text: paragraphsOf(placed.cell.text).map((t) => paragraph(t, 'center', CELL_RPR)) };
      return tc(spec)
        .replace('<w:tcW w:w="1000" w:type="dxa"/>', `<w:tcW w:w="${colWidth * span}" w:type="dxa"/>`)
        .replace('</w:tcPr>', '<w:vAlign w:val="center"/></w:tcPr>');
    });
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  const grid = Array.from({ length: table.cols }, () => `<w:gridCol w:w="${colWidth}"/>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${colWidth * table.cols}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

/** The body XML of a form or a document. */
export function bodyXml(x: Printable): string {
  return blocksOfPrintable(x)
    .map((block) => {
      if (block.kind === 'table') return tableXml(block.table);
      const style = ROLE_STYLE[block.role];
      return paragraph(block.text, style.jc, style.rPr, style.indent);
    })
    .join('');
}

/** A .docx of one form, or of a document's parts in order. */
export function renderDocx(x: Printable): Uint8Array {
  return buildDocx(bodyXml(x));
}
