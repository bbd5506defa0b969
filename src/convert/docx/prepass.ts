/**
 * Pre-pass over word/document.xml before mammoth sees it:
 *  - checkbox glyphs (Wingdings / Wingdings 2 `w:sym`, symbol-font text) become ☑ / □ text, and every
 *    other `w:sym` becomes the text it stands for (see symbols.ts), so none is dropped;
 *  - images are dropped (no reading, no base64, no "unsupported image" warnings);
 *  - carriage returns (w:cr) become line breaks and absolute-position tabs (w:ptab) tabs;
 *  - an empty content control's placeholder ("单击或点击此处输入文字。", w:showingPlcHdr) is dropped: it is
 *    the form's prompt, and read as text it became the project's name;
 *  - runs formatted as hidden text (w:vanish) are dropped: Word neither shows nor prints them, and
 *    mammoth would read them ("888" hidden before "1200" made 8881200);
 *  - simple fields (w:fldSimple, which mammoth skips with its content) are unwrapped: their result runs
 *    are what Word displays;
 *  - every table's OOXML grid is recorded (gridBefore/gridAfter, gridSpan, vMerge, hMerge, deleted rows)
 *    and every cell gets an invisible marker (a bookmark) so that the HTML cell mammoth makes of it
 *    can be found again, whatever mammoth did to the table's spans;
 *  - bookmarks and similar markup placed directly in a table or row (where they make mammoth drop
 *    all rowspans of the table) are removed.
 * One streaming pass records splice edits on the original text (no tree, no re-serialisation). What
 * is only known at an element's end (a drawing without a text box, a deleted row whose trPr comes
 * late) rolls back the edits, tables and markers recorded inside it.
 */
import { XmlStream, applyEdits, escText, type Edit, type Tag } from './stream.js';
import { isPropertyElement, mammothSkips } from './slim.js';
import { isSymbolFont, mapRunText, symText } from './symbols.js';
import { layoutTable } from './layout.js';
import { MARKER_PREFIX, intValue, mergeState, twips, type CellModel, type TableModel } from './table-model.js';
import { NS, wPrefix } from './xml.js';
import { CELLS, Frame, GRID, Role, ROWS, SDT, SKIP, TRPR, WALK, type Snapshot } from './prepass-frame.js';

/** A WordprocessingML on/off property: absent or any value but false/0/off means on. */
const isOn = (val: string | undefined): boolean => val === undefined || !['false', '0', 'off'].includes(val);

/** Elements that may sit directly in a w:tbl / w:tr but carry no content; mammoth mishandles them. */
const STRUCTURE_NOISE = new Set(
  'bookmarkStart bookmarkEnd permStart permEnd proofErr commentRangeStart commentRangeEnd moveFromRangeStart moveFromRangeEnd moveToRangeStart moveToRangeEnd tblPrEx'.split(' '),
);

export interface PrepassOptions {
  /** Remove what mammoth never reads (see slim.ts); default true. */
  slim?: boolean;
}

export interface PrepassResult {
  /** The transformed part (UTF-8 text with the standard XML declaration). */
  xml: string;
  tables: TableModel[];
  /** Symbols kept without a known Unicode equivalent (English; reported as info). */
  messages: string[];
}

/**
 * Transform a part (document, footnotes, endnotes, comments) in one streaming pass and return it with
 * its tables' models. `firstTableId` keeps ids unique when several parts are processed.
 */
export function prepassPart(xml: string, part: string, firstTableId = 0, options: PrepassOptions = {}): PrepassResult {
  const slim = options.slim ?? true;
  const stream = new XmlStream(xml, part);
  const tables: TableModel[] = [];
  const edits: Edit[] = [];
  const stack: Frame[] = [];
  const drawings: Frame[] = [];
  const symbols = new Set<string>();
  let markerId = 900_000_000;
  let q = (local: string) => local;
  const attr = (tag: Tag, local: string) => stream.attr(tag, local, NS.w);
  const isW = (tag: Tag, local: string) => tag.local === local && tag.uri === NS.w;
  const snapshot = (ordinal = 0): Snapshot => ({ edits: edits.length, tables: tables.length, markerId, ordinal });
  const rollback = (s: Snapshot) => {
    edits.length = s.edits;
    tables.length = s.tables;
    markerId = s.markerId;
  };
  /** The first child of each name among `names` is read once. */
  const firstOf = (seen: Set<string>, tag: Tag, names: readonly string[]) =>
    tag.uri === NS.w && names.includes(tag.local) && !seen.has(tag.local) && seen.add(tag.local) !== undefined;

  const walkChild = (parent: Frame, f: Frame) => {
    const t = f.tag;
    f.tableId = parent.tableId;
    if (t.uri === NS.mc && t.local === 'Choice') return; // mammoth reads mc:Fallback only
    if (t.uri === NS.v && t.local === 'imagedata') {
      f.role = Role.Remove;
      return;
    }
    f.mode = WALK;
    if (t.uri !== NS.w) return;
    const p = parent.tag;
    switch (t.local) {
      case 'drawing':
        f.role = Role.Drawing;
        f.snap = snapshot();
        drawings.push(f);
        return;
      case 'tbl': {
        const model: TableModel = { id: firstTableId + tables.length, gridCols: 0, gridWidths: [], rows: [], parent: parent.tableId };
        tables.push(model);
        f.table = { model, ordinal: 0, gridSeen: false, continuations: [] };
        f.role = Role.Table;
        f.mode = ROWS;
        return;
      }
      case 'sym':
      case 't':
        if (!isW(p, 'r')) return;
        f.mode = SKIP;
        f.run = parent;
        if (t.local === 't') {
          f.role = Role.Text;
        } else {
          const font = attr(t, 'font');
          const glyph = symText(font, attr(t, 'char'));
          if (!glyph) return;
          f.role = Role.Sym;
          const space = /^\s|\s$/u.test(glyph.text) ? ' xml:space="preserve"' : '';
          f.text = `<${q('t')}${space}>${escText(glyph.text)}</${q('t')}>`;
          if (glyph.unknown) symbols.add(`symbol ${attr(t, 'char')} of font "${font ?? ''}" has no Unicode equivalent; kept as U+${glyph.text.codePointAt(0)!.toString(16).toUpperCase()}`);
        }
        return;
      case 'cr':
      case 'ptab':
        // A carriage return is a line break and an absolute-position tab a tab, as Word shows them;
        // mammoth ignores both, which fused "1" and "2" into "12".
        if (!isW(p, 'r')) return;
        f.mode = SKIP;
        f.role = Role.Sym;
        f.text = `<${q(t.local === 'cr' ? 'br' : 'tab')}/>`;
        return;
      case 'r':
        f.role = Role.Run;
        f.tableMark = tables.length;
        return;
      case 'fldSimple':
        f.role = Role.Unwrap;
        edits.push({ start: t.start, end: t.end, text: '' });
        return;
      case 'rPr':
        if (parent.role === Role.Run && !parent.rPrSeen) {
          parent.rPrSeen = true;
          f.role = Role.RunPr;
          f.run = parent;
        }
        return;
      case 'rFonts':
        if (parent.role === Role.RunPr && !parent.run!.fonts) parent.run!.fonts = [attr(t, 'ascii'), attr(t, 'hAnsi')];
        return;
      case 'smartTagPr':
      case 'customXmlPr':
        // Properties of a wrapper whose runs mammoth reads; mammoth warns about them as unrecognised.
        f.role = Role.Remove;
        return;
      case 'sdtPr':
        if (isW(p, 'sdt')) f.sdt = parent;
        return;
      case 'showingPlcHdr':
        if (parent.sdt) parent.sdt.placeholder = isOn(attr(t, 'val'));
        return;
      case 'sdtContent':
        if (parent.placeholder) {
          f.role = Role.Placeholder;
          f.tableMark = tables.length;
        }
        return;
      case 'vanish':
        if (parent.role === Role.RunPr) parent.run!.hidden = isOn(attr(t, 'val'));
        return;
      case 'tcPr':
        if (parent.role === Role.Cell && !parent.cell!.tcPrSeen) {
          parent.cell!.tcPrSeen = true;
          f.role = Role.CellPr;
          f.cell = parent.cell!;
        }
        return;
    }
    if (parent.role === Role.CellPr && firstOf(parent.cell!.seen, t, ['gridSpan', 'vMerge', 'hMerge'])) {
      const cell = parent.cell!.model;
      if (t.local === 'gridSpan') cell.span = Math.max(1, intValue(attr(t, 'val'), 1));
      else if (t.local === 'vMerge') {
        cell.vMerge = mergeState(attr(t, 'val'));
        f.role = Role.VMerge;
        f.cell = parent.cell!;
      }
      else cell.hMerge = mergeState(attr(t, 'val'));
    }
  };

  const collectChild = (parent: Frame, f: Frame) => {
    const t = f.tag;
    const table = (f.table = parent.table!);
    if (parent.row) f.row = parent.row;
    f.tableId = parent.tableId;
    if (t.uri !== NS.w) return;
    if (t.local === (parent.mode === ROWS ? 'tr' : 'tc')) {
      if (parent.mode === ROWS) {
        f.role = Role.Row;
        f.mode = CELLS;
        f.snap = snapshot(table.ordinal);
        f.row = { model: { gridBefore: 0, gridAfter: 0, cells: [] }, deleted: false, trPrSeen: false, seen: new Set(), continuations: [] };
      } else {
        const model: CellModel = { key: `${table.model.id}_${table.ordinal++}`, span: 1, vMerge: null, hMerge: null };
        f.role = Role.Cell;
        f.mode = WALK;
        f.tableId = table.model.id;
        f.cell = { model, marker: markerId++, tcPrEnd: -1, tcPrSeen: false, seen: new Set(), vMergeAt: null };
      }
    } else if (STRUCTURE_NOISE.has(t.local)) f.role = Role.Remove;
    else if (t.local === 'sdt') {
      f.mode = SDT;
      f.want = parent.mode;
    } else if (t.local === 'customXml' || t.local === 'ins' || t.local === 'moveTo') f.mode = parent.mode;
    else if (parent.role === Role.Table && t.local === 'tblGrid' && !table.gridSeen) {
      table.gridSeen = true;
      f.mode = GRID;
    } else if (parent.role === Role.Row && t.local === 'trPr' && !parent.row!.trPrSeen) {
      parent.row!.trPrSeen = true;
      f.mode = TRPR;
    }
  };

  const open = (tag: Tag) => {
    const parent = stack[stack.length - 1];
    const f = new Frame(tag);
    f.editMark = edits.length;
    stack.push(f);
    if (!parent) {
      const prefix = wPrefix(tag.name, tag.attrs);
      q = (local) => (prefix ? `${prefix}:${local}` : local);
      f.mode = WALK;
      return;
    }
    if (drawings.length && isW(tag, 'txbxContent')) for (const d of drawings) d.txbx = true;
    switch (parent.mode) {
      case WALK:
        walkChild(parent, f);
        break;
      case ROWS:
      case CELLS:
        collectChild(parent, f);
        break;
      case SDT:
        if (isW(tag, 'sdtContent') && !parent.used) {
          parent.used = true;
          f.mode = parent.want;
          f.table = parent.table!;
          if (parent.row) f.row = parent.row;
          f.tableId = parent.tableId;
        }
        break;
      case GRID:
        if (isW(tag, 'gridCol')) {
          parent.table!.model.gridCols++;
          parent.table!.model.gridWidths!.push(twips(attr(tag, 'w')));
        }
        break;
      case TRPR: {
        const row = parent.row!;
        if (!firstOf(row.seen, tag, ['gridBefore', 'gridAfter', 'del'])) break;
        if (tag.local === 'del') row.deleted = true;
        else if (tag.local === 'gridBefore') row.model.gridBefore = intValue(attr(tag, 'val'), 0);
        else row.model.gridAfter = intValue(attr(tag, 'val'), 0);
        break;
      }
    }
    // After the element has been read above: its children are still visited (tblGrid's gridCol count).
    if (slim && f.role === Role.None && tag.uri === NS.w && parent.tag.uri === NS.w && mammothSkips(parent.tag.local, tag.local)) f.role = Role.Remove;
    else parent.kept++;
  };

  /** A property element left empty by slimming: removed, and no longer counted as kept in its parent. */
  const emptied = (f: Frame) => {
    if (!slim || f.kept !== 0 || f.tag.uri !== NS.w || !isPropertyElement(f.tag.local)) return false;
    stack[stack.length - 1]!.kept--;
    return true;
  };

  /** Removes an element; edits made inside it would be dropped by applyEdits anyway. */
  const remove = (f: Frame, end: number) => {
    edits.length = f.editMark;
    edits.push({ start: f.tag.start, end, text: '' });
  };

  const close = (tag: Tag, _start: number, end: number) => {
    const f = stack.pop()!;
    switch (f.role) {
      case Role.None:
      case Role.RunPr:
        if (emptied(f)) remove(f, end);
        return;
      case Role.Table: {
        // mammoth drops the content of every vMerge continuation; one that the layout keeps as a cell
        // of its own (nothing above, or not lined up) loses its w:vMerge, so its content is kept.
        const own = new Set(layoutTable(f.table!.model).cells.map((c) => c.key));
        for (const c of f.table!.continuations) if (c.vMergeAt && own.has(c.model.key)) edits.push(c.vMergeAt);
        return;
      }
      case Role.VMerge:
        f.cell!.vMergeAt = { start: tag.start, end, text: '' };
        return;
      case Role.Unwrap:
        if (!tag.selfClosing) edits.push({ start: _start, end, text: '' });
        return;
      case Role.Remove:
        remove(f, end);
        return;
      case Role.Placeholder:
        // An empty content control: what it shows is the form's prompt, not a value.
        if (tables.length === f.tableMark) remove(f, end);
        return;
      case Role.Sym:
        edits.push({ start: tag.start, end, text: f.text });
        return;
      case Role.Text:
        if (f.text) (f.run!.texts ??= []).push({ start: tag.end, end: _start, text: f.text });
        return;
      case Role.Run: {
        // A hidden run holding a table (in a text box) is kept: its table's model is recorded already.
        if (f.hidden && tables.length === f.tableMark) {
          remove(f, end);
          return;
        }
        if (!f.texts) return;
        const [ascii, hAnsi] = f.fonts ?? [];
        const font = isSymbolFont(ascii) ? ascii : isSymbolFont(hAnsi) ? hAnsi : undefined;
        for (const t of f.texts) {
          const mapped = mapRunText(t.text, font);
          if (mapped !== null) edits.push({ start: t.start, end: t.end, text: escText(mapped) });
        }
        return;
      }
      case Role.Drawing:
        drawings.pop();
        if (f.txbx) return;
        rollback(f.snap!);
        edits.push({ start: tag.start, end, text: '' });
        return;
      case Role.CellPr:
        if (emptied(f)) {
          remove(f, end);
          f.cell!.tcPrEnd = tag.start; // the marker is inserted before the removed range
        } else f.cell!.tcPrEnd = end;
        return;
      case Role.Cell: {
        const cell = f.cell!;
        const marker = `<${q('bookmarkStart')} ${q('id')}="${cell.marker}" ${q('name')}="${MARKER_PREFIX}${cell.model.key}"/>`;
        if (tag.selfClosing) edits.push({ start: tag.end - 2, end: tag.end, text: `>${marker}</${tag.name}>` });
        else {
          const at = cell.tcPrEnd >= 0 ? cell.tcPrEnd : tag.end;
          edits.push({ start: at, end: at, text: marker });
        }
        f.row!.model.cells.push(cell.model);
        if (cell.model.vMerge === 'continue') f.row!.continuations.push(cell);
        return;
      }
      case Role.Row:
        if (f.row!.deleted) {
          // A deleted row (tracked change): mammoth drops it too, and it is left as it is.
          rollback(f.snap!);
          f.table!.ordinal = f.snap!.ordinal;
        } else {
          f.table!.model.rows.push(f.row!.model);
          f.table!.continuations.push(...f.row!.continuations);
        }
        return;
    }
  };

  const text = (s: string) => {
    const top = stack[stack.length - 1];
    if (top?.role === Role.Text) top.text += s;
  };

  const normalising = stream.run({ open, close, text });
  return { xml: applyEdits(xml, [...normalising, ...edits]), tables, messages: [...symbols] };
}
