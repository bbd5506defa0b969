/**
 * A cell's value as Excel displays it: numbers and dates through their number format (built-in id or
 * custom code), with numfmt (see the README, "Dependencies"): it rounds as Excel does (0.961425 with
 * 0.00% is "96.14%", 1.005 with 0.00 is "1.01"), implements General's 11-character rule, sections,
 * conditions, elapsed time, [DBNum] and the 1900 leap-year bug.
 */
import { dateToSerial, delocalize, format, getFormatFromId } from 'numfmt';

/** Built-in ids are shown as a Chinese (zh-CN) Excel shows them: id 14 is yyyy/m/d, not m/d/yyyy. */
const LOCALE = 'zh-CN';

/** The zh-CN built-in date and time formats (ECMA-376 Part 1, §18.8.30), which numfmt leaves generic. */
const YM = 'yyyy"年"m"月"';
const MD = 'm"月"d"日"';
const HM = 'h"时"mm"分"';
const HMS = 'h"时"mm"分"ss"秒"';
const ZH_CN_BUILT_IN: Record<number, string> = {
  27: YM, 28: MD, 29: MD, 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: HM, 33: HMS, 34: `上午/下午${HM}`, 35: `上午/下午${HMS}`, 36: YM,
  50: YM, 51: MD, 52: YM, 53: MD, 54: MD, 55: `上午/下午${HM}`, 56: `上午/下午${HMS}`, 57: YM, 58: MD,
};

export function formatCode(numFmtId: number, custom: ReadonlyMap<number, string>): string {
  const code = custom.get(numFmtId);
  if (code !== undefined && code.trim() !== '') return code;
  if (numFmtId === 0) return 'General';
  if (ZH_CN_BUILT_IN[numFmtId]) return ZH_CN_BUILT_IN[numFmtId];
  try {
    return getFormatFromId(numFmtId, LOCALE) || 'General';
  } catch {
    return 'General';
  }
}

export interface DisplayOptions {
  /** The workbook counts dates from 1904-01-01 (Mac Excel before 2011). */
  date1904: boolean;
  /** Called with a format code that could not be rendered (the number is then shown in General). */
  unrenderable?: (code: string) => void;
}

function render(code: string, serial: number): string {
  // Chinese Excel writes its 12-hour marker as 上午/下午; numfmt knows it as AM/PM.
  const chineseAmPm = code.includes('上午/下午');
  const shown = format(chineseAmPm ? code.replaceAll('上午/下午', 'AM/PM') : code, serial, { throws: true, dateErrorNumber: true, nbsp: false });
  return chineseAmPm ? shown.replace(/AM|PM/u, (m) => (m === 'AM' ? '上午' : '下午')) : shown;
}

/**
 * A stored number as displayed. A code written with the keywords of a Chinese Excel's dialog
 * ([红色] for [Red], G/通用格式 for General — as a program that copies them from there writes it) is read
 * in the invariant form numfmt knows; a format that still cannot be rendered falls back to General,
 * which can show more or fewer decimals than the form prints, so it is reported through `unrenderable`.
 */
export function displayNumber(value: number, code: string, options: DisplayOptions): string {
  let serial = value;
  // numfmt formats 1900-based serials; a 1904-based date is 1462 days later in 1900 terms.
  if (options.date1904 && isDateLike(code)) serial += 1462;
  try {
    return render(code, serial);
  } catch {
    try {
      return render(delocalize(code, LOCALE) || code, serial);
    } catch {
      options.unrenderable?.(code);
      return format('General', value);
    }
  }
}

function isDateLike(code: string): boolean {
  // Outside quotes and brackets: d, m, y, h, s, e or 年/月/日 tokens make a date/time format.
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./gu, '');
  return /[dmyhse年月日]/iu.test(bare) && !/^general$/iu.test(bare.trim());
}

/** A t="d" cell (ISO 8601 date-time text) as displayed through its format. */
export function displayIsoDate(iso: string, code: string, options: DisplayOptions): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/u.exec(iso);
  if (!m) return iso;
  const parts = m.slice(1).map((s) => (s === undefined ? 0 : Number(s)));
  const serial = dateToSerial([parts[0]!, parts[1]!, parts[2]!, parts[3]!, parts[4]!, parts[5]!]);
  if (serial === null || serial === undefined || Number.isNaN(serial)) return iso;
  return displayNumber(serial - (options.date1904 ? 1462 : 0), code === 'General' ? 'yyyy-mm-dd' : code, options);
}
