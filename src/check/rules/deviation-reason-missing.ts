import { Dec, dec, fmt, scoreAgrees } from '../arith.js';
import type { Indicator } from '../../model/evaluation.js';
import { foldWidth } from '../../model/normalize.js';
import { loc, pointer } from '../locate.js';
import { attainment, comparable, directionOf } from '../measure.js';
import { givesReason } from '../reason.js';
import type { Rule, RuleFinding } from '../types.js';
import { nameKey } from '../text.js';
import { indicatorWeights } from '../weights.js';

/**
 * An indicator stated as not assessed (实际完成值 不适用 / 不涉及): it falls short of nothing, so no
 * deviation reason is due, though its score is 0 (不适用 is an empty marker, so the row says nothing more).
 */
function notAssessed(ind: Indicator): boolean {
  return [ind.actual?.raw, ind.target?.raw].some((raw) => raw != null && /^(?:不适用|不涉及)$/u.test(foldWidth(raw).replace(/\s+/gu, '')));
}

/** A score below the weight, or a missed target, needs its 偏差原因 filled. */
export const deviationReasonMissing: Rule = {
  id: 'deviation-reason-missing',
  severity: 'warning',
  description: { zh: '得分低于分值或未完成目标的指标须填写偏差原因', en: 'an indicator scored below its weight, or missing its target, states a deviation reason' },
  needs: { zh: '偏差原因一栏及指标的分值与得分（或目标与实际）', en: 'a deviation-reason column and the indicator’s weight and score (or target and actual)' },
  messages: {
    default: {
      zh: '“{name}”得分{actual}低于分值{weight}，未填写偏差原因',
      en: '“{name}” scores {actual}, below its weight {weight}, with no deviation reason',
    },
    missed: {
      zh: '“{name}”未达到目标{target}（实际{value}），未填写偏差原因',
      en: '“{name}” missed its target {target} (actual {value}) with no deviation reason',
    },
  },
  applies: (ev) => ev.indicators.some((i) => i.deviationReason !== null),
  check(ev) {
    const out: RuleFinding[] = [];
    ev.indicators.forEach((ind, i) => {
      // A template's instruction left in the cell ("说明偏差原因…(100字以内)") is no reason, nor is "无偏差"
      // written on a row that deviates: the rule only looks further when the row falls short.
      const reason = ind.deviationReason;
      if (!reason || givesReason(reason.value) || notAssessed(ind)) return;
      const weight = indicatorWeights(ev)[i]!;
      const w = dec(weight.weight);
      const s = dec(ind.score);
      const name = nameKey(ind.level3?.name.value ?? ind.level2?.name.value ?? '');
      const location = loc(pointer('indicators', i, 'deviationReason'), ind.deviationReason);
      if (w && s && s.lt(w) && !scoreAgrees(w, ind.score!)) {
        out.push({ expected: null, actual: fmt(s), params: { name, actual: fmt(s), weight: fmt(w) }, location, related: [loc(pointer('indicators', i, 'score'), ind.score), loc(weight.path, weight.weight)] });
        return;
      }
      const direction = directionOf(ind);
      const c = direction === 'qualitative' ? null : comparable(ind);
      // Whether the target was met does not depend on the weight.
      const missed = c && direction !== 'qualitative' ? !attainment(direction, c, w ?? new Dec(1)).met : ind.verdict === 'missed' || ind.verdict === 'partial';
      if (!missed) return;
      out.push({
        expected: null,
        actual: ind.actual?.value ?? null,
        messageId: 'missed',
        params: { name, target: ind.target?.value ?? '', value: ind.actual?.value ?? '' },
        location,
        related: [loc(pointer('indicators', i, 'target'), ind.target), loc(pointer('indicators', i, 'actual'), ind.actual)],
      });
    });
    return out;
  },
};
