import { fmt } from '../arith.js';
import { fundsLinks } from '../funds-links.js';
import { loc } from '../locate.js';
import { narrativeSentences } from '../prose.js';
import type { Rule, RuleFinding } from '../types.js';
import { columnLabel, totalRow } from './funds-rows.js';

/**
 * An amount the narrative states under a funds word — 预算/安排/下达, 到位/拨付, 支付/累计支付/兑付/付款/
 * 使用/支出, 结余/剩余/结转 — restates one of the table figures the word can mean (the total row's, or a
 * source row's when the clause names the source). 元, 万元 and 亿元 compare after conversion at the
 * printed precision; each amount of a sentence is checked. Amounts without such a word (中标价格), parts
 * (其中…, 用于…), changes (增长…), hedged amounts (约, 超过, …左右) and amounts after a named year other
 * than the form's are left alone.
 */
export const narrativeAmount: Rule = {
  id: 'narrative-amount',
  severity: 'warning',
  description: { zh: '报告文字中复述表内数字的金额（元、万元或亿元）与表内一致', en: 'an amount in the narrative (in 元, 万元 or 亿元) that restates a table figure matches it' },
  needs: { zh: '报告文字与资金合计行', en: 'narrative text and a funds total line' },
  messages: {
    default: {
      zh: '报告文字称{column}为{raw}（{actual}万元），表中为{expected}万元',
      en: 'the narrative gives {column} as {raw} ({actual} ×10k yuan), the table says {expected}',
    },
    several: {
      zh: '报告文字中的{raw}（{actual}万元）与表中{column}{expected}万元及{others}均不符',
      en: 'the narrative’s {raw} ({actual} ×10k yuan) matches neither {column} {expected} nor {others} in the table',
    },
  },
  applies: (ev) => ev.narrative.length > 0 && totalRow(ev) !== null,
  check(ev) {
    const out: RuleFinding[] = [];
    for (const s of narrativeSentences(ev)) {
      for (const link of fundsLinks(ev, s)) {
        if (link.match) continue;
        const [first, ...rest] = link.candidates as [(typeof link.candidates)[0], ...typeof link.candidates];
        const others = {
          zh: rest.map((c) => `${columnLabel(ev, c.column).zh}${c.figure.value}万元`).join('、'),
          en: rest.map((c) => `${columnLabel(ev, c.column).en} ${c.figure.value}`).join(', '),
        };
        out.push({
          expected: first.figure.value!,
          actual: fmt(link.amount.value),
          messageId: rest.length ? 'several' : 'default',
          params: { column: columnLabel(ev, first.column), raw: link.amount.raw, expected: first.figure.value!, actual: fmt(link.amount.value), others },
          location: { ...loc(s.paragraph.path, null), ...s.paragraph.src, text: link.amount.raw, excerpt: s.text },
          related: link.candidates.map((c) => loc(c.path, c.figure)),
        });
      }
    }
    return out;
  },
};
