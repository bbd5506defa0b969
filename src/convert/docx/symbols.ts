/**
 * Checkbox symbols of the Word symbol fonts. Chinese government forms tick options with Wingdings /
 * Wingdings 2 glyphs (a `w:sym`, or plain text in a run set in the symbol font); we turn them into
 * the two characters the rest of the pipeline understands.
 *
 * Every other `w:sym` is turned into text here too (mammoth drops the ones its table lacks): the
 * Unicode equivalent of the glyph when the symbol-font table mammoth uses knows one, the character
 * itself when the code is an ordinary Unicode character, else the private-use character Word stores
 * the glyph as (U+F0xx), kept visible and reported rather than dropped.
 */
import { hex as dingbatToUnicode } from 'dingbat-to-unicode';

export const CHECKED = '☑';
export const UNCHECKED = '□';

type Font = 'wingdings' | 'wingdings 2';

/** Symbol-font code (low byte) → checkbox state. Only box glyphs; check marks alone are left as they are. */
const BOXES: Record<Font, Record<number, boolean>> = {
  wingdings: {
    0xfe: true, // 🗹 ballot box with bold check
    0xfd: true, // 🗷 ballot box with bold script X
    0x78: true, // ⌧ X in a rectangle box
    0xa8: false, // 🞎 ballot box (white square)
    0x6f: false, // 🞏 white square
    0x70: false, // 🞐 white square
    0x71: false, // ❑ shadowed white square
    0x72: false, // ❒ shadowed white square
  },
  'wingdings 2': {
    0x52: true, // ☑
    0x54: true, // ☒
    0x51: true, // 🗵 ballot box with script X
    0x53: true, // ⮽ ballot box with light X
    0xa3: false, // □
    0x2a: false, // ☐ (glyph is an empty box)
    0x30: false, // 🗌 empty box
  },
};

/** Unicode renderings of the Wingdings boxes (as other converters write them) → our two characters. */
const LITERAL_BOXES: Record<string, string> = { '\u{1F5F9}': CHECKED, '\u{1F5F7}': CHECKED, '\u{1F78E}': UNCHECKED };

function normalizeFont(font: string | undefined): Font | null {
  const f = (font ?? '').trim().toLowerCase();
  if (f === 'wingdings') return 'wingdings';
  if (f === 'wingdings 2' || f === 'wingdings2') return 'wingdings 2';
  return null;
}

/** The low byte of a symbol code written as `F0FE`, `00FE`, `FE`, or a code point in U+F000–U+F0FF. */
function symbolByte(code: number): number | null {
  if (code >= 0xf000 && code <= 0xf0ff) return code - 0xf000;
  if (code >= 0 && code <= 0xff) return code;
  return null;
}

/** ☑ / □ for a `w:sym` (font, hex char), or null when it is not a checkbox glyph. */
export function symCheckbox(font: string | undefined, hexChar: string | undefined): string | null {
  const f = normalizeFont(font);
  if (!f || !hexChar || !/^[0-9a-f]{1,4}$/iu.test(hexChar)) return null;
  const b = symbolByte(Number.parseInt(hexChar, 16));
  if (b === null) return null;
  const state = BOXES[f][b];
  return state === undefined ? null : state ? CHECKED : UNCHECKED;
}

/** True when a run font name is one of the symbol fonts we map. */
export function isSymbolFont(font: string | undefined): boolean {
  return normalizeFont(font) !== null;
}

/** Chars that may be glyphs outside a symbol-font run: private-use symbol codes and the literal boxes. */
export const MAYBE_GLYPH = /[\uF000-\uF0FF\u{1F5F9}\u{1F5F7}\u{1F78E}]/u;

/**
 * Map the checkbox glyphs of a text run. In a run set in a symbol font every char is a glyph code;
 * elsewhere only private-use chars (U+F0xx, how Word stores symbol glyphs) are, read as Wingdings, and
 * the Unicode forms of the Wingdings boxes (🗹 🗷 🞎) that other converters write.
 * Returns null when nothing changed.
 */
export function mapRunText(text: string, runFont: string | undefined): string | null {
  const font = normalizeFont(runFont);
  if (!font && !MAYBE_GLYPH.test(text)) return null;
  let changed = false;
  let out = '';
  for (const ch of text) {
    const literal = LITERAL_BOXES[ch];
    if (literal) {
      out += literal;
      changed = true;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    const pua = cp >= 0xf000 && cp <= 0xf0ff;
    const f: Font | null = font ?? (pua ? 'wingdings' : null);
    const b = f && (font || pua) ? symbolByte(cp) : null;
    const state = f && b !== null ? BOXES[f][b] : undefined;
    if (state === undefined) out += ch;
    else {
      out += state ? CHECKED : UNCHECKED;
      changed = true;
    }
  }
  return changed ? out : null;
}

/** What a `w:sym` reads as: its text, and whether that is only the glyph's private-use code (unknown). */
export interface SymText {
  text: string;
  unknown: boolean;
}

/** The text of any `w:sym` (font, hex char); null only when its char attribute is not a hex code. */
export function symText(font: string | undefined, hexChar: string | undefined): SymText | null {
  if (!hexChar || !/^[0-9a-f]{1,6}$/iu.test(hexChar)) return null;
  const box = symCheckbox(font, hexChar);
  if (box) return { text: box, unknown: false };
  const code = Number.parseInt(hexChar, 16);
  const known = dingbatToUnicode(font ?? '', hexChar) ?? (/^F0[0-9a-f]{2}$/iu.test(hexChar) ? dingbatToUnicode(font ?? '', hexChar.slice(2)) : undefined);
  if (known) return { text: known.string, unknown: false };
  const byte = symbolByte(code);
  if (byte === null) return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? { text: String.fromCodePoint(code), unknown: false } : null;
  // A symbol-font code without a Unicode meaning: the private-use character Word itself stores.
  return { text: String.fromCodePoint(0xf000 + byte), unknown: true };
}
