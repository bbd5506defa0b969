import { Dec, dec, fmt, fmtRounded, scoreAgrees, SCORE_TOLERANCE } from '../arith.js';
import { foldWidth } from '../../model/normalize.js';
import { loc, pointer } from '../locate.js';
import { attainment, comparable, directionOf, verdictBand } from '../measure.js';
import type { Rule, RuleFinding } from '../types.js';
import { nameKey } from '../text.js';
import { indicatorWeights } from '../weights.js';

const VERDICT = {
  met: { zh: '达成', en: 'met' },
  partial: { zh: '部分达成', en: 'partly met' },
  missed: { zh: '未达成', en: 'missed' },
};

/** The whole actual is a statement that the target was missed ("未完成", "未达到目标"), nothing more. */
const MISSED_ONLY = /^(?:未完成|未达成|未达到|没有达到|没有完成|未达标)(?:目标|年度目标|年度指标|指标|目标值)?[。.]?$/u;

function statesMissed(actual: string | null | undefined): boolean {
  return !!actual && MISSED_ONLY.test(foldWidth(actual).replace(/\s+/gu, ''));
}

/**
 * Each scored indicator follows its formula (templates document §5): ≥ and = score B/A × w when missed,
 * ≤ scores A/B × w or (1 − (B−A)/A) × w (either is in use), a met target scores w; a qualitative actual
 * that states a verdict falls in its band. Full marks on a missed quantitative target is an error, also
 * when the actual only states that it was missed.
 */
export const indicatorScore: Rule = {
  id: 'indicator-score',
  severity: 'warning',
  description: {
    zh: '指标得分符合其计分方法（正向/反向/等于/定性）；未完成的定量指标得满分为错误',
    en: 'an indicator’s score follows its formula (positive, reverse, equal, qualitative); full marks on a missed quantitative target is an error',
  },
  needs: { zh: '指标的分值、得分，以及可比的指标值与实际完成值（或定性结论）', en: 'an indicator’s weight and score, with comparable target and actual (or a stated verdict)' },
  messages: {
    default: {
      zh: '“{name}”得分{actual}，按目标{target}、实际{value}计算应为{expected}',
      en: '“{name}” scores {actual}; target {target} and actual {value} give {expected}',
    },
    fullMarks: {
      zh: '“{name}”未达到目标{target}（实际{value}），却得满分{actual}，按计分方法应为{expected}',
      en: '“{name}” missed its target {target} (actual {value}) yet has full marks {actual}; its formula gives {expected}',
    },
    lostPoints: {
      zh: '“{name}”已达到目标{target}（实际{value}），得分{actual}低于分值{expected}',
      en: '“{name}” met its target {target} (actual {value}) but scores {actual}, below its weight {expected}',
    },
    statedMissed: {
      zh: '“{name}”实际完成为“{value}”，未达到目标{target}，却得满分{actual}',
      en: '“{name}” is stated as “{value}”, short of its target {target}, yet has full marks {actual}',
    },
    qualitative: {
      zh: '“{name}”实际完成为“{value}”（{verdict}），得分{actual}不在{expected}之间',
      en: '“{name}” is stated as “{value}” ({verdict}); its score {actual} is outside {expected}',
    },
  },
  applies: (ev) => ev.indicators.some((i, k) => indicatorWeights(ev)[k]!.weight?.value != null && i.score?.value != null && (comparable(i) !== null || i.verdict !== null)),
  check(ev) {
    const out: RuleFinding[] = [];
    const weights = indicatorWeights(ev);
    ev.indicators.forEach((ind, i) => {
      const weight = weights[i]!;
      const w = dec(weight.weight);
      const s = dec(ind.score);
      // A score above the weight (or below 0) is rubric-score-range's finding.
      if (!w || !s || s.gt(w.plus(SCORE_TOLERANCE)) || s.isNegative()) return;
      const name = nameKey(ind.level3?.name.value ?? ind.level2?.name.value ?? '');
      const where = { location: loc(pointer('indicators', i, 'score'), ind.score), related: [loc(pointer('indicators', i, 'target'), ind.target), loc(pointer('indicators', i, 'actual'), ind.actual), loc(weight.path, weight.weight)] };
      const base = { name, actual: fmt(s), target: ind.target?.value ?? '', value: ind.actual?.value ?? '' };
      // The band of a stated verdict (达成 / 部分达成 / 未达成), for an actual that states one.
      const inBand = () => {
        if (!ind.verdict) return;
        const band = verdictBand(ind.verdict, w);
        const inside = s.gte(band.low.minus(SCORE_TOLERANCE)) && (band.highOpen ? s.lt(band.high) : s.lte(band.high.plus(SCORE_TOLERANCE)));
        if (inside) return;
        const expected = `[${fmt(band.low)}, ${fmt(band.high)}${band.highOpen ? ')' : ']'}`;
        out.push({ expected, actual: fmt(s), messageId: 'qualitative', params: { ...base, expected, verdict: VERDICT[ind.verdict] }, ...where });
      };
      const direction = directionOf(ind);
      if (direction === 'qualitative') return inBand();
      const c = comparable(ind);
      if (!c) {
        // An actual that only states a verdict against a target with a number ("未完成", "部分达成…",
        // "达成年度指标" against "覆盖3个行政村"): no formula gives its score, and whether the band of the
        // verdict or the formula's full marks for a met target applies is open. What both rule out is
        // reported: full marks on a stated shortfall, and less than the 达成 band on a stated success.
        const shortfall = statesMissed(ind.actual?.value) || ind.verdict === 'missed' || ind.verdict === 'partial';
        if (shortfall && scoreAgrees(w, ind.score!)) {
          const expected = `< ${fmt(w)}`;
          out.push({ expected, actual: fmt(s), severity: 'error', messageId: 'statedMissed', params: { ...base, expected }, ...where });
          return;
        }
        if (ind.verdict === 'met') inBand();
        return;
      }
      const { met, scores } = attainment(direction, c, w);
      // Full marks on a missed target is the error even when a whole-number score could be the formula
      // rounded up (4.74 printed as 5): the weight is the score of a met target only.
      const fullOnMiss = !met && s.eq(w);
      if (!fullOnMiss && scores.some((f) => scoreAgrees(f, ind.score!))) return;
      const formula = scores.map((f) => fmtRounded(Dec.max(f, 0), 2)).filter((x, k, all) => all.indexOf(x) === k).join(' / ');
      if (fullOnMiss || (!met && scoreAgrees(w, ind.score!))) {
        out.push({ expected: formula, actual: fmt(s), severity: 'error', messageId: 'fullMarks', params: { ...base, expected: formula }, ...where });
        return;
      }
      if (met) {
        out.push({ expected: fmt(w), actual: fmt(s), messageId: 'lostPoints', params: { ...base, expected: fmt(w) }, ...where });
        return;
      }
      out.push({ expected: formula, actual: fmt(s), params: { ...base, expected: formula }, ...where });
    });
    return out;
  },
};
