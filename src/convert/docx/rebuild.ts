/**
 * Post-pass over mammoth's HTML: every table is rebuilt from the OOXML layout (spans and positions from
 * the pre-pass, cell content from mammoth, matched through the cell markers), and checkbox inputs
 * become ☑ / □ text.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { layoutTable } from './layout.js';
import { MARKER_PREFIX, type TableModel } from './prepass.js';
import { CHECKED, UNCHECKED } from './symbols.js';
import { isTag, tableRows } from '../dom.js';

export interface TableProblem {
  /** Pre-pass table id. */
  tableId: number;
  message: string;
}

export interface RebuildResult {
  html: string;
  /** Problems per top-level table index of the returned HTML (as htmlToGrid counts tables). */
  problems: { table: number | undefined; message: string }[];
}

/** The marker key of an HTML cell (the bookmark anchor the pre-pass put first in the w:tc). */
function markerOf(td: Element): { key: string; el: Element } | null {
  for (const c of td.children) {
    const id = isTag(c, 'a') ? ((c as Element).attribs.id ?? '') : '';
    if (id.startsWith(MARKER_PREFIX)) return { key: id.slice(MARKER_PREFIX.length), el: c as Element };
    if (c.type === 'text' && (c as unknown as { data: string }).data.trim() !== '') break;
  }
  return null;
}

export function rebuildTables(mammothHtml: string, models: TableModel[]): RebuildResult {
  // Entities are kept as mammoth wrote them (no decoding, no re-encoding of every CJK character).
  const $ = cheerio.load(mammothHtml, { xml: { xmlMode: false, decodeEntities: false } });
  const byId = new Map(models.map((m) => [m.id, m]));
  const problems: TableProblem[] = [];

  $('input').each((_, el) => {
    if ((el.attribs.type ?? '').toLowerCase() !== 'checkbox') return;
    $(el).replaceWith(el.attribs.checked !== undefined ? CHECKED : UNCHECKED);
  });

  // Deepest tables first (reverse document order), so that a rebuilt nested table is part of the
  // content taken from its outer cell.
  const tables = $('table').toArray().reverse();
  for (const table of tables) {
    const contents = new Map<string, string>();
    let tableId: number | null = null;
    for (const tr of tableRows(table)) {
      for (const child of tr.children) {
        if (!isTag(child, 'td', 'th')) continue;
        const td = child as Element;
        const marker = markerOf(td);
        if (!marker) continue;
        $(marker.el).remove();
        contents.set(marker.key, $(td).html() ?? '');
        tableId ??= Number.parseInt(marker.key.split('_')[0]!, 10);
      }
    }
    const model = tableId === null ? undefined : byId.get(tableId);
    if (!model) continue;
    const layout = layoutTable(model);
    const continuations = new Set(model.rows.flatMap((r) => r.cells.filter((c) => c.vMerge === 'continue').map((c) => c.key)));
    for (const message of layout.problems) problems.push({ tableId: model.id, message });
    const out: string[] = [`<table data-docx-table="${model.id}">`];
    for (const row of layout.rows) {
      out.push('<tr>');
      for (const cell of row) {
        const span = `${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}`;
        const mark = cell.placeholder ? ` data-grid="${cell.placeholder}"` : '';
        let content = '';
        if (cell.key !== null) {
          const found = contents.get(cell.key);
          // A vertical-merge continuation has no content of its own; mammoth may have dropped it.
          if (found === undefined && !continuations.has(cell.key)) {
            problems.push({
              tableId: model.id,
              message: `row ${cell.row + 1}, column ${cell.col + 1}: the converter lost this cell's content`,
            });
          }
          content = found ?? '';
        }
        out.push(`<td${span}${mark}>${content}</td>`);
      }
      out.push('</tr>');
    }
    out.push('</table>');
    $(table).replaceWith(out.join(''));
  }

  // Map pre-pass ids to top-level table indexes of the final HTML.
  const topIndex = new Map<number, number>();
  const unknownTop: number[] = [];
  let index = 0;
  const walk = (node: AnyNode, top: number | null) => {
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    let here = top;
    if (el.name === 'table') {
      here = top ?? index++;
      const id = Number.parseInt(el.attribs['data-docx-table'] ?? '', 10);
      if (Number.isFinite(id)) topIndex.set(id, here);
      else if (!unknownTop.includes(here) && $(el).find('td, th').length > 0) unknownTop.push(here);
    }
    for (const c of el.children ?? []) walk(c, here);
  };
  walk($.root()[0]!, null);

  const out: RebuildResult['problems'] = [];
  for (const p of problems) {
    const model = byId.get(p.tableId);
    const nested = model && model.parent !== null ? ' (nested table)' : '';
    out.push({ table: topIndex.get(p.tableId), message: `${p.message}${nested}` });
  }
  for (const t of unknownTop) {
    out.push({ table: t, message: 'table structure could not be matched with the Word table grid; spans are as the converter made them' });
  }
  return { html: $('body').html() ?? $.html(), problems: out };
}
