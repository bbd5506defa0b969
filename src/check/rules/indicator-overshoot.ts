import { Dec, fmtRounded } from '../arith.js';
import { loc, pointer } from '../locate.js';
import { comparable, directionOf } from '../measure.js';
import { givesReason } from '../reason.js';
import type { Rule, RuleFinding } from '../types.js';
import { nameKey } from '../text.js';

const OVERSHOOT = new Dec('1.3');

/** A ≥ target beaten by 30% or more was likely set too low; an explanation is expected where none is given. */
export const indicatorOvershoot: Rule = {
  id: 'indicator-overshoot',
  severity: 'info',
  description: { zh: '正向指标实际完成值超出目标值30%及以上且未作说明', en: 'a ≥ target exceeded by 30% or more without an explanation' },
  needs: { zh: '可比的正向指标值与实际完成值', en: 'a comparable positive target and actual' },
  messages: {
    default: {
      zh: '“{name}”实际完成{value}，为目标{target}的{ratio}%，超出30%以上，未说明原因',
      en: '“{name}”: actual {value} is {ratio}% of the target {target}, 30% or more above it, with no explanation',
    },
  },
  applies: (ev) => ev.indicators.some((i) => directionOf(i) === 'positive' && comparable(i) !== null),
  check(ev) {
    const out: RuleFinding[] = [];
    ev.indicators.forEach((ind, i) => {
      // The form's instruction left in the cell, or a bare 无偏差, explains nothing.
      if (directionOf(ind) !== 'positive' || givesReason(ind.deviationReason?.value)) return;
      const c = comparable(ind);
      if (!c || c.target.lte(0) || c.actual.div(c.target).lt(OVERSHOOT)) return;
      const ratio = fmtRounded(c.actual.div(c.target).times(100), 0);
      out.push({
        expected: `<${fmtRounded(c.target.times(OVERSHOOT), 2)}`,
        actual: ind.actual!.value,
        params: { name: nameKey(ind.level3?.name.value ?? ''), value: ind.actual!.value ?? '', target: ind.target!.value ?? '', ratio },
        location: loc(pointer('indicators', i, 'actual'), ind.actual),
        related: [loc(pointer('indicators', i, 'target'), ind.target)],
      });
    });
    return out;
  },
};
