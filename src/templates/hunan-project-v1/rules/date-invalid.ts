import type { FindingLocation } from '../../../model/finding.js';
import type { Evaluation } from '../../../model/evaluation.js';
import type { DateValue } from '../../../model/values.js';
import { daysInMonth, findDates } from '../../../parse/values.js';
import { loc } from '../../../check/locate.js';
import { narrativeParagraphs } from '../../../check/prose.js';
import { foldNumerals, nameKey, sentenceAt } from '../../../check/text.js';
import type { Rule, RuleFinding } from '../../../check/types.js';

/** The valid range a written date should fall in: the days of its month, or the twelve months. */
function validRange(raw: string): string | null {
  const m = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})/u.exec(foldNumerals(raw));
  if (!m) return null;
  const y = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `${y}-01..${y}-12`;
  const mm = String(month).padStart(2, '0');
  return `${y}-${mm}-01..${y}-${mm}-${String(daysInMonth(y, month)).padStart(2, '0')}`;
}

/**
 * Prose numbers that only look like dates are not dates: "1736.15万元" is no 15th month of 1736. A
 * date written with 年 counts; a dotted or dashed one only with a plausible year and no unit after it.
 */
function looksLikeDate(text: string, d: { raw: string; index: number }): boolean {
  const raw = foldNumerals(d.raw);
  const year = Number(/\d{4}/u.exec(raw)?.[0]);
  if (year < 1949 || year > 2099) return false;
  if (raw.includes('年')) return true;
  const after = foldNumerals(text.slice(d.index + d.raw.length, d.index + d.raw.length + 2));
  return !/^\s*(?:[\d.%万亿元个人户家项分米吨]|千米|公里)/u.test(after);
}

interface Hit {
  raw: string;
  location: FindingLocation;
}

function fieldDates(ev: Evaluation): Hit[] {
  const fields: [string, DateValue | null | undefined][] = [
    ['/identity/reportDate', ev.identity.reportDate],
    ['/hunan/overview/period/start', ev.hunan?.overview.period?.start],
    ['/hunan/overview/period/end', ev.hunan?.overview.period?.end],
  ];
  return fields.filter(([, d]) => d && !d.valid).map(([path, d]) => ({ raw: d!.raw.trim(), location: loc(path, d) }));
}

function textDates(ev: Evaluation): Hit[] {
  const texts = narrativeParagraphs(ev).map((p) => ({ path: p.path, text: p.text, src: p.src }));
  for (const key of ['expected', 'actual'] as const) {
    const v = ev.goals?.[key];
    if (v?.value) texts.push({ path: `/goals/${key}`, text: v.value, src: v.src });
  }
  return texts.flatMap((t) =>
    findDates(t.text)
      .filter((d) => !d.valid && looksLikeDate(t.text, d))
      .map((d) => ({ raw: d.raw, location: { ...loc(t.path, null), ...t.src, text: d.raw, excerpt: sentenceAt(t.text, d.index).text } })),
  );
}

/** Every date is a real calendar date. The same wrong date written twice is one finding. */
export const dateInvalid: Rule = {
  id: 'date-invalid',
  severity: 'error',
  description: { zh: '日期均为真实存在的日历日期', en: 'every date is a real calendar date' },
  needs: { zh: '报告中的日期', en: 'the dates in the report' },
  messages: {
    default: {
      zh: '日期“{actual}”不存在',
      en: 'the date “{actual}” does not exist',
    },
  },
  applies: () => true,
  check(ev) {
    const groups = new Map<string, Hit[]>();
    for (const hit of [...fieldDates(ev), ...textDates(ev)]) {
      const key = nameKey(foldNumerals(hit.raw));
      groups.set(key, [...(groups.get(key) ?? []), hit]);
    }
    const out: RuleFinding[] = [];
    for (const hits of groups.values()) {
      const [first, ...rest] = hits as [Hit, ...Hit[]];
      out.push({
        expected: validRange(first.raw),
        actual: first.raw,
        params: { actual: first.raw },
        location: first.location,
        related: rest.map((h) => h.location),
      });
    }
    return out;
  },
};
