/**
 * Text folding shared by every stage. Full-width ASCII (！ … ～) and the ideographic space are folded to
 * ASCII; nothing else is touched — blanket NFKC would turn ①②③ into digits.
 */
export function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000 || code === 0xa0) out += ' ';
    else out += ch;
  }
  return out;
}

/** Key for label matching: width-folded, without whitespace, colons or bracketed units. */
export function labelKey(text: string): string {
  return foldWidth(text)
    .replace(/\s+/gu, '')
    .replace(/[:：]/gu, '')
    .replace(/[(（[【][^)）\]】]*[)）\]】]/gu, '');
}

/** Collapse runs of blanks inside a value and trim it (keeps line breaks between paragraphs). */
export function cleanValue(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000\u00a0]+/gu, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('\n')
    .trim();
}

const EMPTY_MARKERS = new Set(['', '—', '——', '-', '--', '/', '无', '不适用', '－', '—— ', '–']);

/** True for the written forms that mean "unknown": "", —, ——, -, /, 无, 不适用. */
export function isEmptyMarker(text: string): boolean {
  return EMPTY_MARKERS.has(foldWidth(text).replace(/\s+/gu, ''));
}
