/**
 * What a reader of a page does not see, so that the grid does not read it either: Word's "save as web
 * page" writes hidden text as `display:none` spans (with `mso-hide:all`) and tracked deletions as
 * <del>; footnote references are markers, not part of the cell's value (a Tika dump's
 * `[footnoteRef: …]` is removed too); soft hyphens and zero-width characters are invisible inside a
 * word or number ("12&shy;00" shows as 1200 unless the line breaks there).
 */

type Attributes = Record<string, string>;

const DISPLAY_NONE = /(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)\s*(?:;|!|$)/iu;
/** A footnote or endnote reference: mammoth's `#footnote-1` / `#endnote-1`, Word HTML's `#_ftn1` / `#_edn1`. */
const NOTE_REFERENCE = /^#(?:_ftn|_edn|footnote-|endnote-)\d+$/u;

/**
 * Table structure is read even when hidden, as hidden rows and columns of a workbook are: Excel's "save
 * as web page" counts a hidden row or column in the rowspan and colspan of the cells around it, so
 * leaving it out would shift every cell after it.
 */
const STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'col', 'colgroup']);

/** An element whose content is not shown: display:none, the `hidden` attribute, a deletion, a note reference. */
export function isUndisplayed(name: string, attribs: Attributes): boolean {
  if (STRUCTURE.has(name)) return false;
  if (name === 'del') return true;
  if (attribs.hidden !== undefined) return true;
  const style = attribs.style;
  if (style !== undefined && DISPLAY_NONE.test(style)) return true;
  return name === 'a' && NOTE_REFERENCE.test(attribs.href ?? '');
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

/** Text without the characters that show nothing: soft hyphen, zero-width space/joiners, word joiner, BOM. */
export function visibleText(data: string): string {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return data.replace(INVISIBLE, '');
  }
  return data;
}
