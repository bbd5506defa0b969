import { Dec } from '../../model/decimal.js';
import { fmtRounded, halfUnit } from '../arith.js';
import { fundsLinks } from '../funds-links.js';
import { loc } from '../locate.js';
import { amountsIn, narrativeSentences, percentsIn } from '../prose.js';
import type { Rule, RuleFinding } from '../types.js';

/** Rates of change (增长20%) relate two amounts differently; not checked. */
const CHANGE = /增长|下降|增加|减少|提高|降低|同比|环比|比上年|较上年/u;

/**
 * "预算868万元，已使用20%，即173.6万元": one percentage and two amounts in a sentence; the percentage
 * must be the smaller amount over the larger, at its printed precision (the amounts' own rounding
 * widens the range). A sentence whose amount disagrees with the table is narrative-amount's finding.
 */
export const narrativePercent: Rule = {
  id: 'narrative-percent',
  severity: 'warning',
  description: { zh: '报告文字中与金额并列的百分比与按金额计算的结果一致（按所印精度）', en: 'a percentage stated next to amounts in the narrative matches the computed one at the printed precision' },
  needs: { zh: '报告文字', en: 'narrative text' },
  messages: {
    default: {
      zh: '报告文字称{actual}，按{part}/{whole}计算应为{expected}',
      en: 'the narrative says {actual}; {part}/{whole} gives {expected}',
    },
  },
  applies: (ev) => ev.narrative.length > 0,
  check(ev) {
    const out: RuleFinding[] = [];
    for (const s of narrativeSentences(ev)) {
      const percents = percentsIn(s.text);
      const amounts = amountsIn(s.text);
      if (percents.length !== 1 || amounts.length !== 2 || CHANGE.test(s.text)) continue;
      if (fundsLinks(ev, s).some((l) => !l.agrees)) continue;
      const pct = percents[0]!;
      const [a, b] = amounts as [(typeof amounts)[0], (typeof amounts)[0]];
      const [part, whole] = a.value.lte(b.value) ? [a, b] : [b, a];
      if (whole.value.isZero()) continue;
      const ha = halfUnit(part.decimals);
      const hw = halfUnit(whole.decimals);
      const low = Dec.max(part.value.minus(ha), 0).div(whole.value.plus(hw)).times(100);
      const high = whole.value.minus(hw).lte(0) ? null : part.value.plus(ha).div(whole.value.minus(hw)).times(100);
      const hp = halfUnit(pct.decimals);
      const fits = pct.value.plus(hp).gte(low) && (high === null || pct.value.minus(hp).lte(high));
      if (fits) continue;
      const computed = part.value.div(whole.value).times(100);
      const expected = `${fmtRounded(computed, pct.decimals)}%`;
      out.push({
        expected,
        actual: `${pct.value.toString()}%`,
        params: { expected, actual: pct.raw, part: part.raw, whole: whole.raw },
        location: { ...loc(s.paragraph.path, null), ...s.paragraph.src, text: pct.raw, excerpt: s.text },
        related: [],
      });
    }
    return out;
  },
};
