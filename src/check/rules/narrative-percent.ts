import { Dec } from '../../model/decimal.js';
import type { MoneyValue } from '../../model/values.js';
import { dec, fmtRounded, halfUnit } from '../arith.js';
import { columnsIn, fundsLinks, partialFrom, type FundsColumn } from '../funds-links.js';
import { loc } from '../locate.js';
import { amountsIn, narrativeSentences, percentsIn, type ProseAmount, type ProsePercent, type ProseSentence } from '../prose.js';
import type { Evaluation } from '../../model/evaluation.js';
import type { Rule, RuleFinding } from '../types.js';
import { columnLabel, totalRow } from './funds-rows.js';

/** Rates of change (增长20%) relate two amounts differently; not checked. */
const CHANGE = /增长|下降|增加|减少|提高|降低|同比|环比|比上年|较上年/u;
/** Words that make a percentage a share of money even without a funds verb (占总投资的30%). */
const SHARE = /占|比例|比重|执行率|到位率|使用率|支付率|拨付率/u;
const CLAUSE = /[，,；;：:]/gu;
const RESTATES = /^\s*(即|也就是|亦即|计|合计|共计|折合)/u;

interface Operand {
  value: Dec;
  /** Half a unit of its printed precision: prose rounds; a whole number in a table is exact. */
  half: Dec;
  label: { zh: string; en: string };
  figure?: { path: string; value: MoneyValue };
}

interface Reading {
  part: Operand;
  whole: Operand;
}

function prose(a: ProseAmount): Operand {
  return { value: a.value, half: halfUnit(a.decimals), label: { zh: a.raw, en: a.raw } };
}

/** The total row's figure of a column as an operand, or null when it is empty. */
function table(ev: Evaluation, column: FundsColumn): Operand | null {
  const total = totalRow(ev);
  const figure = total?.row[column];
  const value = dec(figure);
  if (!total || !figure || !value) return null;
  const label = columnLabel(ev, column);
  return {
    value,
    half: figure.decimals === 0 ? new Dec(0) : halfUnit(figure.decimals),
    label: { zh: `${label.zh}${figure.value}万元`, en: `${label.en} ${figure.value}` },
    figure: { path: `${total.path}/${column}`, value: figure },
  };
}

/** Does the percentage, ± half its last printed unit, overlap part/whole over the operands' rounding? */
function fits(pct: ProsePercent, r: Reading): boolean {
  const low = Dec.max(r.part.value.minus(r.part.half), 0).div(r.whole.value.plus(r.whole.half)).times(100);
  const below = r.whole.value.minus(r.whole.half);
  const high = below.lte(0) ? null : r.part.value.plus(r.part.half).div(below).times(100);
  const hp = halfUnit(pct.decimals);
  return pct.value.plus(hp).gte(low) && (high === null || pct.value.minus(hp).lte(high));
}

/** The clause a percentage sits in, and the next one when it only restates it ("，即173.6万元"). */
function clauseOf(text: string, pct: ProsePercent): { before: string; start: number } {
  let start = 0;
  for (const m of text.matchAll(CLAUSE)) if (m.index < pct.index) start = m.index + 1;
  return { before: text.slice(start, pct.index), start };
}

/**
 * Every plausible reading of a percentage: two amounts of its sentence (smaller over larger); an amount
 * of its sentence over an amount stated earlier in the paragraph or over the total row's planned or
 * arrived figure; the table figure its words name (使用 → 实际支出, 到位, 结余) over the same bases.
 */
function readings(ev: Evaluation, s: ProseSentence, earlier: ProseAmount[], words: string): Reading[] {
  const stop = partialFrom(s.text);
  const own = amountsIn(s.text).filter((a) => a.index < stop).map(prose);
  const stated = earlier.map(prose);
  const bases = (['budget', 'initialBudget', 'arrived'] as const).map((c) => table(ev, c)).filter((o): o is Operand => o !== null);
  const out: Reading[] = [];
  const add = (part: Operand, whole: Operand) => {
    // An amount over the table figure it restates (868万元 / 计划安排资金868万元) is no reading.
    const restated = part.value.eq(whole.value) && (part.figure !== undefined) !== (whole.figure !== undefined);
    if (part !== whole && !restated && whole.value.gt(0) && !out.some((r) => r.part.value.eq(part.value) && r.whole.value.eq(whole.value))) out.push({ part, whole });
  };
  for (let i = 0; i < own.length; i++) {
    for (let j = i + 1; j < own.length; j++) {
      const [a, b] = [own[i]!, own[j]!];
      if (a.value.lte(b.value)) add(a, b);
      else add(b, a);
    }
  }
  for (const part of own) for (const whole of [...stated, ...bases]) if (whole.value.gte(part.value)) add(part, whole);
  const named = columnsIn(words).filter((c) => c === 'executed' || c === 'arrived' || c === 'balance');
  for (const column of named) {
    const part = table(ev, column);
    if (!part) continue;
    // A figure over itself says nothing; over another figure of the same value it is 100% (到位率).
    for (const whole of [...bases, ...stated, ...own]) if (whole.figure?.path !== part.figure!.path) add(part, whole);
  }
  return out;
}

/**
 * "预算868万元，已使用20%，即173.6万元": a percentage of money is checked against every reading its
 * sentence and paragraph allow, at its printed precision (20.00% keeps two decimals). It is reported when
 * no reading fits; the finding names the reading its expected value comes from. A sentence whose amount
 * disagrees with the table is narrative-amount's finding.
 */
export const narrativePercent: Rule = {
  id: 'narrative-percent',
  severity: 'warning',
  description: {
    zh: '报告文字中的资金百分比至少与一种读法（句中或段中金额之比、计划/到位/支出/结余等表内数字之比）按所印精度相符',
    en: 'a percentage of money in the narrative fits at least one reading (amounts in its sentence or paragraph, the funds table’s figures) at the printed precision',
  },
  needs: { zh: '报告文字', en: 'narrative text' },
  messages: {
    default: {
      zh: '报告文字称{actual}，按{part}/{whole}计算应为{expected}',
      en: 'the narrative says {actual}; {part}/{whole} gives {expected}',
    },
    several: {
      zh: '报告文字称{actual}，按{part}/{whole}计算应为{expected}；其他{count}种读法（{others}）亦不相符',
      en: 'the narrative says {actual}; {part}/{whole} gives {expected}; {count} other readings ({others}) do not fit either',
    },
  },
  applies: (ev) => ev.narrative.length > 0,
  check(ev) {
    const out: RuleFinding[] = [];
    let paragraph = '';
    let earlier: ProseAmount[] = [];
    for (const s of narrativeSentences(ev)) {
      if (s.paragraph.path !== paragraph) [paragraph, earlier] = [s.paragraph.path, []];
      const amounts = amountsIn(s.text).filter((a) => a.index < partialFrom(s.text));
      if (!fundsLinks(ev, s).some((l) => !l.match)) {
        for (const pct of percentsIn(s.text)) {
          const finding = checkPercent(ev, s, pct, earlier);
          if (finding) out.push(finding);
        }
      }
      earlier = [...earlier, ...amounts];
    }
    return out;
  },
};

function checkPercent(ev: Evaluation, s: ProseSentence, pct: ProsePercent, earlier: ProseAmount[]): RuleFinding | null {
  if (pct.index >= partialFrom(s.text) || CHANGE.test(s.text.slice(0, pct.end))) return null;
  const { before, start } = clauseOf(s.text, pct);
  // The words of its clause name what the percentage is a share of; a bare "即…" clause leaves them to
  // the clause before.
  const words = RESTATES.test(before) ? s.text.slice(0, start) : before;
  if (columnsIn(words).length === 0 && !SHARE.test(words)) return null;
  const all = readings(ev, s, earlier, words);
  if (all.length === 0 || all.some((r) => fits(pct, r))) return null;
  const [used, ...rest] = all as [Reading, ...Reading[]];
  // Printed as the report prints it: "20.00%" for a two-decimal percentage.
  const expected = `${used.part.value.div(used.whole.value).times(100).toFixed(pct.decimals, Dec.ROUND_HALF_UP)}%`;
  const others = {
    zh: rest.map((r) => `${r.part.label.zh}/${r.whole.label.zh}=${fmtRounded(r.part.value.div(r.whole.value).times(100), Math.max(pct.decimals, 1))}%`).join('，'),
    en: rest.map((r) => `${r.part.label.en}/${r.whole.label.en}=${fmtRounded(r.part.value.div(r.whole.value).times(100), Math.max(pct.decimals, 1))}%`).join(', '),
  };
  return {
    expected,
    actual: `${pct.value.toFixed(pct.decimals)}%`,
    messageId: rest.length ? 'several' : 'default',
    params: { expected, actual: pct.raw, part: used.part.label, whole: used.whole.label, count: rest.length, others },
    location: { ...loc(s.paragraph.path, null), ...s.paragraph.src, text: pct.raw, excerpt: s.text },
    related: [used.part, used.whole].flatMap((o) => (o.figure ? [loc(o.figure.path, o.figure.value)] : [])),
  };
}
