import { totalRow } from '../../../check/rules/funds-rows.js';
import { Dec } from '../../../model/decimal.js';
import { computedScoreAgrees, dec, fmt, fmtRounded } from '../../../check/arith.js';
import { CATEGORIES, rowsOf } from './evidence.js';
import { loc, pointer } from '../../../check/locate.js';
import { rubricLeaves, type RubricLeaf } from '../../../check/rubric-tree.js';
import { foldNumerals, nameKey } from '../../../check/text.js';
import type { Rule, RuleFinding } from '../../../check/types.js';
import type { FindingLocation } from '../../../model/finding.js';
import type { Evaluation } from '../../../model/evaluation.js';

interface Computed {
  expected: Dec;
  basis: { zh: string; en: string };
  related: FindingLocation[];
}

/** 到位率 × weight, capped at the weight. */
function arrivalRate(ev: Evaluation, leaf: RubricLeaf, weight: Dec): Computed | null {
  const key = nameKey(`${leaf.name}${leaf.item.indicator?.value ?? ''}`);
  if (!/到位率/u.test(key)) return null;
  const total = totalRow(ev);
  const planned = dec(total?.row.budget);
  const arrived = dec(total?.row.arrived);
  if (!planned || !arrived || planned.isZero()) return null;
  const rate = Dec.min(arrived.div(planned), 1);
  return {
    expected: rate.times(weight),
    basis: {
      zh: `到位率${fmtRounded(rate.times(100))}%（${fmt(arrived)}/${fmt(planned)}）`,
      en: `arrival rate ${fmtRounded(rate.times(100))}% (${fmt(arrived)}/${fmt(planned)})`,
    },
    related: [loc(`${total!.path}/arrived`, total!.row.arrived), loc(`${total!.path}/budget`, total!.row.budget)],
  };
}

/** Satisfaction bands in the criteria: "90%（含）以上的得8分，80%（含）-90%得6分 … 60%以下不得分". */
export function satisfactionBands(criteria: string): { min: Dec; points: Dec }[] {
  const text = foldNumerals(criteria).replace(/\s+/gu, '');
  const bands: { min: Dec; points: Dec }[] = [];
  // （含） is optional: "80%-90%得6分" reads the same band as "80%（含）-90%得6分".
  const re = /(\d+(?:\.\d+)?)%(?:[(（]?含[)）]?)?(?:以上|[-—~～至到](\d+(?:\.\d+)?)%)的?得(\d+(?:\.\d+)?)分/gu;
  const found: { min: Dec; max: Dec | null; points: Dec }[] = [];
  for (const m of text.matchAll(re)) found.push({ min: new Dec(m[1]!), max: m[2] ? new Dec(m[2]) : null, points: new Dec(m[3]!) });
  found.sort((a, b) => b.min.comparedTo(a.min));
  // Bands must tile: each band's upper bound is the next higher band's minimum. Gaps mean we misread.
  for (let i = 1; i < found.length; i++) if (found[i]!.max && !found[i]!.max!.eq(found[i - 1]!.min)) return [];
  for (const f of found) bands.push({ min: f.min, points: f.points });
  return bands;
}

function satisfaction(ev: Evaluation, leaf: RubricLeaf): Computed | null {
  if (!/满意/u.test(leaf.name) || !leaf.item.criteria?.value) return null;
  const bands = satisfactionBands(leaf.item.criteria.value);
  if (bands.length < 2) return null;
  const rows = rowsOf(ev, CATEGORIES.find((c) => c.id === 'satisfaction')!).filter(({ row }) => row.actual?.number != null && row.actual.unit === '%');
  if (rows.length !== 1) return null;
  const { row, index } = rows[0]!;
  const rate = new Dec(row.actual!.number!);
  const band = bands.find((b) => rate.gte(b.min));
  return {
    expected: band ? band.points : new Dec(0),
    basis: { zh: `满意率${fmt(rate)}%`, en: `satisfaction rate ${fmt(rate)}%` },
    related: [loc(pointer('hunan', 'indicators', index, 'actual'), row.actual)],
  };
}

export const rubricFormula: Rule = {
  id: 'rubric-formula',
  severity: 'warning',
  description: { zh: '可计算的评分项按其自身公式计分（到位率×分值；满意率分档）', en: 'items whose score is computable are scored by their own formula (arrival rate × weight; satisfaction bands)' },
  needs: { zh: '评分表得分及可计算其得分的数据（到位率、满意度）', en: 'item scores and the data their formula needs (arrival rate, satisfaction)' },
  messages: {
    default: {
      zh: '“{name}”按{basis}应得{expected}分，自评{actual}分',
      en: '“{name}” should score {expected} by its formula ({basis}), self-score {actual}',
    },
  },
  applies: (ev) => ev.indicators.some((i) => i.score?.value != null),
  check(ev) {
    const out: RuleFinding[] = [];
    for (const leaf of rubricLeaves(ev)) {
      const score = leaf.item.score;
      const weight = dec(leaf.weight);
      if (!dec(score) || !weight) continue;
      const computed = arrivalRate(ev, leaf, weight) ?? satisfaction(ev, leaf);
      if (!computed || computedScoreAgrees(computed.expected, score!)) continue;
      const expected = fmtRounded(computed.expected);
      out.push({
        expected,
        actual: fmt(dec(score)!),
        params: { name: leaf.name, basis: computed.basis, expected, actual: fmt(dec(score)!) },
        location: loc(pointer('indicators', leaf.index, 'score'), score),
        related: [...computed.related, loc(pointer('indicators', leaf.index, 'criteria'), leaf.item.criteria)],
      });
    }
    return out;
  },
};
