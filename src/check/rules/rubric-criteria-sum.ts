import { Dec } from '../../model/decimal.js';
import { dec, fmt, scoresAgree, sum } from '../arith.js';
import { loc, pointer } from '../locate.js';
import { rubricLeaves } from '../rubric-tree.js';
import { foldNumerals } from '../text.js';
import type { Rule, RuleFinding } from '../types.js';

/** Numbered parts of a criteria text: ①… or (1)… or 1.…, each up to the next number. */
const PART_START = /(?:^|\n|\s)(?=[①-⑳]|[(（]\d{1,2}[)）]|\d{1,2}[.、．](?!\d))/gu;
const POINTS = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/gu;
/** Wording that makes the parts alternatives or deductions rather than additive points. */
const NOT_ADDITIVE = /扣|否则|若|如未|未及时|不及时|或|以下|以上的?得|得\d/u;

export interface CriteriaParts {
  parts: { text: string; points: Dec }[];
  additive: boolean;
}

/** The points of an item's numbered criteria, when each part carries exactly one "（n分）". */
export function criteriaPoints(criteria: string): CriteriaParts | null {
  const text = foldNumerals(criteria);
  const cuts = [...text.matchAll(PART_START)].map((m) => m.index + (m[0].length > 0 && /\s/u.test(text[m.index]!) ? 1 : 0));
  const starts = [...new Set(cuts)].filter((c) => c < text.length).sort((a, b) => a - b);
  if (starts.length < 2) return null;
  const parts: { text: string; points: Dec }[] = [];
  for (const [i, s] of starts.entries()) {
    const partText = text.slice(s, starts[i + 1] ?? text.length);
    const points = [...partText.matchAll(POINTS)];
    if (points.length !== 1) return null;
    parts.push({ text: partText.trim(), points: new Dec(points[0]![1]!) });
  }
  return { parts, additive: !parts.some((p) => NOT_ADDITIVE.test(p.text)) };
}

export const rubricCriteriaSum: Rule = {
  id: 'rubric-criteria-sum',
  severity: 'warning',
  description: { zh: '评价标准中各要点的分数（①…（1分））之和等于该项分值（仅限可累加的标准）', en: 'the points printed in an item’s criteria (①…(1分)) add up to its weight, where they are additive' },
  needs: { zh: '印有分数要点的评价标准及该项分值', en: 'criteria printing points, and the item’s weight' },
  messages: {
    default: {
      zh: '“{name}”评价标准各要点分数之和为{expected}，该项分值为{actual}',
      en: 'the points in “{name}”’s criteria add up to {expected}, its weight is {actual}',
    },
  },
  applies: (ev) => ev.indicators.some((i) => i.criteria?.value != null && i.weight?.value != null),
  check(ev) {
    const out: RuleFinding[] = [];
    for (const leaf of rubricLeaves(ev)) {
      const weight = dec(leaf.weight);
      const criteria = leaf.item.criteria;
      if (!weight || !criteria?.value) continue;
      const parsed = criteriaPoints(criteria.value);
      if (!parsed || !parsed.additive) continue;
      const total = sum(parsed.parts.map((p) => p.points));
      if (scoresAgree(total, weight)) continue;
      // Parts worth at most the weight each, one of which is the weight, are alternatives.
      if (parsed.parts.some((p) => scoresAgree(p.points, weight))) continue;
      out.push({
        expected: fmt(total),
        actual: fmt(weight),
        params: { name: leaf.name, expected: fmt(total), actual: fmt(weight) },
        location: loc(leaf.weightPath, leaf.weight),
        related: [loc(pointer('indicators', leaf.index, 'criteria'), criteria)],
      });
    }
    return out;
  },
};
