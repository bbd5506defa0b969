/** Text helpers shared by the rules: width folding for matching, label keys, sentence splitting. */
import { foldWidth, foldTraditional } from '../model/normalize.js';

/** Whitespace-free, width-folded key for matching names ("服务\n对象\n满意度" → "服务对象满意度"). */
export function nameKey(text: string | null | undefined): string {
  return foldTraditional(foldWidth(text ?? '')).replace(/\s+/gu, '');
}

/**
 * Full-width digits, point and percent sign folded to ASCII, one UTF-16 unit for one, so offsets stay
 * valid. The full-width comma is kept: in prose "，" separates clauses, it is no thousands separator.
 */
export function foldNumerals(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e\uff05]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export interface Sentence {
  text: string;
  /** Offset of the sentence in its paragraph. */
  index: number;
}

/** Sentences of a paragraph: split after 。！？；!?; and at line breaks; blanks trimmed. */
export function sentences(paragraph: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。！？；!?;\n]+[。！？；!?;]?/gu;
  for (const m of paragraph.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (text !== '') out.push({ text, index: m.index + lead });
  }
  return out;
}

/** The sentence of a paragraph that contains the offset. */
export function sentenceAt(paragraph: string, offset: number): Sentence {
  return sentences(paragraph).find((s) => offset >= s.index && offset < s.index + s.text.length) ?? { text: paragraph.trim(), index: 0 };
}

export { foldWidth };
