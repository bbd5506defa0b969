/** Cell and paragraph text → typed values (SPEC "Values"). Pure functions. */
import { Dec, printedDecimals } from '../model/decimal.js';
import { cleanValue, foldTraditional, foldWidth, isEmptyMarker } from '../model/normalize.js';
import type { SourceRef } from '../model/source.js';
import type { Comparator, DateValue, MeasureValue, MoneyUnit, MoneyValue, NumberValue, TextValue } from '../model/values.js';

export function textValue(raw: string, src: SourceRef): TextValue {
  const cleaned = cleanValue(raw);
  return { value: isEmptyMarker(cleaned) ? null : cleaned, raw, src };
}

/** A label-like cell ("经济效益\n指标", "目 标") whose line breaks and blanks are layout only. */
export function nameValue(raw: string, src: SourceRef): TextValue {
  const joined = cleanValue(raw)
    .replace(/\s*\n\s*/gu, '')
    .replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/gu, '');
  return { value: isEmptyMarker(joined) ? null : joined, raw, src };
}

/** Fold width, drop thousands separators and blanks between digits. */
function numericText(raw: string): string {
  // Traditional 萬/億 name the same units as 万/亿.
  return foldTraditional(foldWidth(raw))
    // Minus signs Word and typists use (−, –, —, and the hyphens ‐ ‑ ‒ ﹣: Word's non-breaking hyphen
    // w:noBreakHyphen is U+2011) before a digit are a minus.
    .replace(/[\u2212\u2010-\u2014\ufe63](?=\s*\d)/gu, '-')
    .replace(/[，,](?=\d{3}(?:\D|$))/gu, '')
    // Digit groups split by spaces ("8 680 000"), never across lines.
    .replace(/(\d)[ \t\u00a0]+(?=\d{3}(?:\D|$)|\.)/gu, '$1')
    .replace(/。(?=\d)/gu, '.');
}

const NUMBER = /-?\d+(?:\.\d+)?/gu;

/**
 * The error a spreadsheet shows where a formula could not be computed (#DIV/0! for a rate over a zero
 * budget, #N/A, #VALUE! …), also when a copy of the sheet was pasted into Word: no number, though
 * "#DIV/0!" holds a 0. Written, so unreadable rather than empty.
 */
const SPREADSHEET_ERROR = /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/iu;

export function isSpreadsheetError(text: string): boolean {
  return SPREADSHEET_ERROR.test(foldWidth(text).replace(/\s+/gu, ''));
}

/** The only number in the text, or null when there is none or more than one. */
function soleNumber(text: string): { digits: string; index: number; end: number } | null {
  const matches = [...text.matchAll(NUMBER)];
  if (matches.length !== 1) return null;
  const m = matches[0]!;
  return { digits: m[0], index: m.index, end: m.index + m[0].length };
}

const UNIT_SCALE: Record<MoneyUnit, { shift: number }> = {
  元: { shift: -4 },
  万元: { shift: 0 },
  亿元: { shift: 4 },
};

function moneyUnitAfter(text: string): MoneyUnit | null {
  const m = /^\s*(亿元|亿|万元|万|元)/u.exec(text);
  if (!m) return null;
  return m[1] === '亿' ? '亿元' : m[1] === '万' ? '万元' : (m[1] as MoneyUnit);
}

/**
 * The unit written in a header such as "计划安排资金（万元）". An OCR copy may print 兀 for 元 (the two are
 * look-alikes); in a header's bracketed unit it can only mean 元.
 */
export function unitInHeader(header: string): MoneyUnit | null {
  const m = /[(（]\s*(亿[元兀]|万[元兀]|[元兀])\s*[)）]/u.exec(foldWidth(header));
  return m ? (m[1]!.replace('兀', '元') as MoneyUnit) : null;
}

/** An amount alone in parentheses, "(5.00)" or "（5.00万元）", is negative, as accountants print it. */
function accountingNegative(text: string): string {
  const m = /^\(\s*(\d+(?:\.\d+)?)\s*((?:亿|万)?元?)\s*\)$/u.exec(text);
  return m ? `-${m[1]}${m[2]}` : text;
}

/** What follows a number that makes it a year, a date or a rate, not an amount. */
const NOT_MONEY_AFTER = /^\s*(?:年|月|日|号|%|％|‰|个百分点)/u;

/**
 * An amount in 万元. The unit comes from the cell ("173.6万元", "8,680,000元"), else the column header,
 * else the template's default. Empty markers are null, never 0.
 */
export function moneyValue(raw: string, src: SourceRef, fallbackUnit: MoneyUnit | null = '万元'): MoneyValue {
  const text = accountingNegative(numericText(cleanValue(raw)));
  const empty: MoneyValue = { value: null, raw, unit: null, decimals: null, src };
  if (isEmptyMarker(text) || isSpreadsheetError(text)) return empty;
  const n = soleNumber(text);
  // A year, a date or a rate is no amount ("资金于2020年拨付到位" is not 2020 万元): left unread.
  if (!n || NOT_MONEY_AFTER.test(text.slice(n.end))) return empty;
  const unit = moneyUnitAfter(text.slice(n.end)) ?? fallbackUnit ?? '万元';
  const { shift } = UNIT_SCALE[unit];
  // Scaled by its exponent, not by multiplying: exact at any length (arithmetic rounds to the precision).
  const value = new Dec(`${n.digits}e${shift}`);
  return {
    value: value.toString(),
    raw,
    unit,
    // Negative for 亿元: "1.2亿元" is printed to 1,000 万元 (decimals −3), not exact to 1 万元.
    decimals: printedDecimals(n.digits) - shift,
    src,
  };
}

/** A closing note that states the maximum, not the value: "98分（满分100分）", "4（总分5分）". */
const MAXIMUM_NOTE = /[(（]\s*(?:满分|总分|分值)\s*[:：]?\s*\d+(?:\.\d+)?\s*分?\s*[)）]\s*$/u;

/** A plain number such as a score or weight ("98分", "4", "7.5", "98分（满分100分）"). */
export function numberValue(raw: string, src: SourceRef): NumberValue {
  const text = numericText(cleanValue(raw)).replace(MAXIMUM_NOTE, '');
  const n = isEmptyMarker(text) || isSpreadsheetError(text) ? null : soleNumber(text);
  if (!n) return { value: null, raw, decimals: null, src };
  return { value: new Dec(n.digits).toString(), raw, decimals: printedDecimals(n.digits), src };
}

const DATE = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])?\s*(?:(\d{1,2})\s*日?)?/u;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parse one date; an impossible date keeps its raw text with value null and valid=false. */
export function dateFromMatch(year: string, month: string, day: string | undefined): { value: string | null; valid: boolean } {
  const y = Number(year);
  const m = Number(month);
  if (m < 1 || m > 12) return { value: null, valid: false };
  const mm = String(m).padStart(2, '0');
  if (day === undefined) return { value: `${y}-${mm}`, valid: true };
  const d = Number(day);
  if (d < 1 || d > daysInMonth(y, m)) return { value: null, valid: false };
  return { value: `${y}-${mm}-${String(d).padStart(2, '0')}`, valid: true };
}

const CHINESE_DIGITS = '〇○零一二三四五六七八九';
/** 二〇二二年五月二十日: the year digit by digit (its 〇 also typed O or 0), month and day as numbers up to 三十一. */
const CHINESE_DATE = new RegExp(`([${CHINESE_DIGITS}0Oo]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月(?:\\s*([一二三四五六七八九十]{1,3})\\s*日)?`, 'u');

const digitOf = (ch: string): number => Math.max(0, CHINESE_DIGITS.indexOf(ch) - 2);
/** A year written digit by digit (二〇二四, 二O二四) in Arabic digits; an O or 0 typed for 〇 is 0 as well. */
const yearDigits = (year: string): string => [...year].map(digitOf).join('');

const CHINESE_YEAR = new RegExp(`[一二][${CHINESE_DIGITS}0Oo]{3}(?=\\s*年)`, 'gu');

/**
 * A year written digit by digit in Chinese (二〇二四年度, its 〇 also typed O or 0) in Arabic digits, one
 * character for one, so offsets into the text stay valid; the rest of the text unchanged.
 */
export function arabicYears(text: string): string {
  return text.replace(CHINESE_YEAR, yearDigits);
}

/** 五 → 5, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31; null for what is no such number. */
function chineseNumber(text: string): number | null {
  if (/^[一二三四五六七八九]$/u.test(text)) return digitOf(text);
  const m = /^([二三]?)十([一二三四五六七八九]?)$/u.exec(text);
  if (!m) return null;
  return (m[1] ? digitOf(m[1]) : 1) * 10 + (m[2] ? digitOf(m[2]) : 0);
}

function chineseDate(text: string): { value: string | null; valid: boolean } | null {
  const m = CHINESE_DATE.exec(text);
  if (!m) return null;
  // 二O二一年, 二0二一年: a zero typed as the letter O or the digit 0 among the Chinese numerals of a year.
  if (!/[一二三四五六七八九]/u.test(m[1]!)) return null;
  const year = yearDigits(m[1]!);
  const month = chineseNumber(m[2]!);
  const day = m[3] === undefined ? undefined : chineseNumber(m[3]);
  if (month === null || day === null) return null;
  return dateFromMatch(year, String(month), day === undefined ? undefined : String(day));
}

export function dateValue(raw: string, src: SourceRef): DateValue | null {
  const text = foldWidth(raw);
  const m = DATE.exec(text);
  const parsed = m ? dateFromMatch(m[1]!, m[2]!, m[3]) : chineseDate(text);
  if (!parsed) return null;
  return { value: parsed.value, raw: raw.trim(), valid: parsed.valid, src };
}

/** Every date written in a text, with its offsets (for periods and narrative checks). */
export function findDates(text: string): { raw: string; index: number; value: string | null; valid: boolean }[] {
  const folded = foldWidth(text);
  const re = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?(?!\d)/gu;
  const out: { raw: string; index: number; value: string | null; valid: boolean }[] = [];
  for (const m of folded.matchAll(re)) {
    const parsed = m[1] ? dateFromMatch(m[1], m[2]!, m[3]) : dateFromMatch(m[4]!, m[5]!, m[6]);
    out.push({ raw: text.slice(m.index, m.index + m[0].length), index: m.index, ...parsed });
  }
  // 二〇二〇年八月至二〇二一年三月: written in Chinese numerals, as a cover's dates often are.
  for (const m of folded.matchAll(new RegExp(CHINESE_DATE.source, 'gu'))) {
    const parsed = chineseDate(m[0]);
    if (parsed) out.push({ raw: text.slice(m.index, m.index + m[0].length), index: m.index, ...parsed });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Count and measure units, longest first, so that "人次" is not 人 and "100户以上" is 户, not 户以. */
const BASE_UNIT = '(?:个工作日|工作日|个月|人次|户次|平方米|平方公里|公里|千米|立方米|[户人天个次项家台套件座条所年月日周时分吨米亩册场㎡头只辆批])';
const NOT_UNIT = '[^\\d\\s,，。；;、:：()（）]';
/**
 * Units written after a number: a rate per base ("/10万"), money (元/平方米 before 元), a count or measure
 * with its 万/亿 scale and a bracketed alternative ("万人", "万头（只）"), a bare 万 or 亿, else the next one or
 * two characters that are no punctuation or qualifier.
 */
const UNIT = new RegExp(
  `^\\s*(%|‰|百分比|\\/\\s*\\d*\\s*[万亿千百]?${NOT_UNIT}{0,2}|亿元|万元|元\\/${NOT_UNIT}{1,3}|元|[万亿]?${BASE_UNIT}(?:[（(][^)）]{1,3}[)）])?|[万亿]|[^\\d\\s,，。；;、:：()（）以内上下及]{1,2})`,
  'u',
);

const COMPARATORS: [RegExp, Comparator][] = [
  // 最多/至少 only right before the number: "最多跑一次" names a reform, it sets no ceiling.
  [/不超过|不高于|不大于|不多于|≤|≦|<=|小于等于|以内|以下|控制在|(?:最多|至多)\s*\d|\d\s*\S{0,5}内$/u, '<='],
  [/不低于|不少于|不小于|≥|≧|>=|大于等于|以上|达到|(?:至少|最少)\s*\d/u, '>='],
  [/低于|小于|少于|</u, '<'],
  [/高于|大于|多于|超过|>/u, '>'],
  [/等于|=|﹦|═/u, '='],
];

/** The unit as printed ("万头（只）"), found in the text by its width-folded form. */
function printedAs(printed: string, folded: string): string {
  for (let i = printed.length - folded.length; i >= 0; i--) {
    const slice = printed.slice(i, i + folded.length);
    if (foldWidth(slice) === folded) return slice;
  }
  return folded;
}

/** An indicator target or actual value: text plus its number, unit and comparator. */
export function measureValue(raw: string, src: SourceRef): MeasureValue {
  const cleaned = cleanValue(raw);
  const base: MeasureValue = { value: null, raw, number: null, unit: null, comparator: null, src };
  if (isEmptyMarker(cleaned)) return base;
  if (isSpreadsheetError(cleaned)) return { ...base, value: cleaned };
  const text = numericText(cleaned);
  const first = /-?\d+(?:\.\d+)?/u.exec(text);
  let unit: string | null = null;
  if (first) {
    const after = text.slice(first.index + first[0].length);
    const u = UNIT.exec(after);
    unit = u ? printedAs(cleaned, u[1]!) : null;
  }
  const comparator = COMPARATORS.find(([re]) => re.test(text))?.[1] ?? null;
  return {
    ...base,
    value: cleaned,
    number: first ? new Dec(first[0]).toString() : null,
    unit,
    comparator,
  };
}
