import { fmt } from '../arith.js';
import { fundsLinks } from '../funds-links.js';
import { loc } from '../locate.js';
import { narrativeSentences } from '../prose.js';
import type { Rule, RuleFinding } from '../types.js';
import { columnLabel, totalRow } from './funds-rows.js';

/**
 * An amount the narrative states under a funds label (预算 → 计划安排资金, 使用/支出 → 实际支出, 到位,
 * 结余/剩余) restates the total row's figure; 元 and 万元 compare after conversion at printed precision.
 * Amounts without such a label (中标价格) or with two of them are left alone.
 */
export const narrativeAmount: Rule = {
  id: 'narrative-amount',
  severity: 'warning',
  description: { zh: '报告文字中复述表内数字的金额（元或万元）与表内一致', en: 'an amount in the narrative (in 元 or 万元) that restates a table figure matches it' },
  needs: { zh: '报告文字与资金合计行', en: 'narrative text and a funds total line' },
  messages: {
    default: {
      zh: '报告文字称{column}为{raw}（{actual}万元），表中为{expected}万元',
      en: 'the narrative gives {column} as {raw} ({actual} ×10k yuan), the table says {expected}',
    },
  },
  applies: (ev) => ev.narrative.length > 0 && totalRow(ev) !== null,
  check(ev) {
    const out: RuleFinding[] = [];
    for (const s of narrativeSentences(ev)) {
      for (const link of fundsLinks(ev, s)) {
        if (link.agrees) continue;
        out.push({
          expected: link.figure.value!,
          actual: fmt(link.amount.value),
          params: { column: columnLabel(ev, link.column), raw: link.amount.raw, expected: link.figure.value!, actual: fmt(link.amount.value) },
          location: { ...loc(s.paragraph.path, null), ...s.paragraph.src, text: link.amount.raw, excerpt: s.text },
          related: [loc(link.path, link.figure)],
        });
      }
    }
    return out;
  },
};
