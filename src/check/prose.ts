/**
 * Numbers in prose: amounts (元/万元/亿元 → 万元) and percentages, with their offsets in the sentence, and
 * the narrative paragraphs of a report with their JSON pointers.
 */
import { Dec } from '../model/decimal.js';
import type { SourceRef } from '../model/source.js';
import { perEvaluation } from './derived.js';
import { pointer } from './locate.js';
import { foldNumerals, sentences, type Sentence } from './text.js';

export interface ProseParagraph {
  path: string;
  text: string;
  src: SourceRef;
  /** Human section label ("五（二）项目资金使用及管理情况"). */
  section: string;
}

/** Every narrative paragraph (section 五) in document order. */
export const narrativeParagraphs = perEvaluation((ev): readonly ProseParagraph[] =>
  ev.narrative.flatMap((s, i) => s.paragraphs.map((p, j) => ({ path: pointer('narrative', i, 'paragraphs', j), text: p.text, src: p.src, section: s.title }))),
);

export interface ProseAmount {
  /** In 万元. */
  value: Dec;
  /** Printed decimals in 万元 terms (8680000元 → 0 − (−4) = 4; 1.2亿元 → 1 − 4 = −3). */
  decimals: number;
  raw: string;
  index: number;
  end: number;
  /**
   * Hedged ("约500万元", "近500万元", "超过500万元", "500万元左右"): a bound or an estimate, not the figure
   * itself, so it is no restatement of a table figure.
   */
  approximate: boolean;
}

export interface ProsePercent {
  value: Dec;
  decimals: number;
  raw: string;
  index: number;
  end: number;
}

const SHIFT: Record<string, number> = { 元: -4, 万元: 0, 亿元: 4 };
// A number (ASCII thousands commas allowed) followed by a money unit; not part of a longer number, not "元/人",
// and not an end of a range ("200-300万元", "200万元至300万元"), which states no single figure.
const AMOUNT =
  /(?<![\d.]|[\d.]\s*(?:亿元|万元|元)?\s*[-－~～至到]\s*)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元)(?!\s*[/／每]|\s*[-－~～至到]\s*\d)/gu;
const HEDGE_BEFORE = /(?:约|大约|约合|近|将近|接近|逾|超过|超|不足|不到|不少于|不低于|低于|高于|多于|少于)\s*$/u;
const HEDGE_AFTER = /^\s*(?:左右|上下|以上|以下|以内|之内)/u;
const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s*%/gu;

function decimalsOf(digits: string): number {
  const dot = digits.indexOf('.');
  return dot < 0 ? 0 : digits.length - dot - 1;
}

export function amountsIn(sentence: string): ProseAmount[] {
  const text = foldNumerals(sentence);
  return [...text.matchAll(AMOUNT)].map((m) => {
    const digits = m[1]!.replace(/,/gu, '');
    const shift = SHIFT[m[2]!]!;
    return {
      value: new Dec(digits).times(new Dec(10).pow(shift)),
      decimals: decimalsOf(digits) - shift, // negative for 亿元 (1.2亿元 → −3)
      raw: sentence.slice(m.index, m.index + m[0].length),
      index: m.index,
      end: m.index + m[0].length,
      approximate: HEDGE_BEFORE.test(text.slice(Math.max(0, m.index - 3), m.index)) || HEDGE_AFTER.test(text.slice(m.index + m[0].length)),
    };
  });
}

export function percentsIn(sentence: string): ProsePercent[] {
  const text = foldNumerals(sentence);
  return [...text.matchAll(PERCENT)].map((m) => ({
    value: new Dec(m[1]!),
    decimals: decimalsOf(m[1]!),
    raw: sentence.slice(m.index, m.index + m[0].length),
    index: m.index,
    end: m.index + m[0].length,
  }));
}

export interface ProseSentence extends Sentence {
  paragraph: ProseParagraph;
}

export const narrativeSentences = perEvaluation((ev): readonly ProseSentence[] => narrativeParagraphs(ev).flatMap((p) => sentences(p.text).map((s) => ({ ...s, paragraph: p }))));
