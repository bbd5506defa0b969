import { loc, pointer } from '../locate.js';
import { measured } from '../measure.js';
import type { Rule, RuleFinding } from '../types.js';
import { nameKey } from '../text.js';

/** Target and actual in different units (人 against 户) cannot be compared; 元 and 万元 can. */
export const indicatorUnit: Rule = {
  id: 'indicator-unit',
  severity: 'warning',
  description: { zh: '指标值与实际完成值的计量单位一致', en: 'target and actual are in the same unit' },
  needs: { zh: '都写有单位的指标值与实际完成值', en: 'a target and an actual that both state a unit' },
  messages: {
    default: {
      zh: '“{name}”指标值单位为“{expected}”，实际完成值单位为“{actual}”，无法比较',
      en: '“{name}”: the target is in “{expected}”, the actual in “{actual}”; they cannot be compared',
    },
  },
  applies: (ev) => ev.indicators.some((i) => measured(i.target)?.unit && measured(i.actual)?.unit),
  check(ev) {
    const out: RuleFinding[] = [];
    ev.indicators.forEach((ind, i) => {
      const a = measured(ind.target);
      const b = measured(ind.actual);
      if (!a?.unit || !b?.unit || a.unit === b.unit) return;
      out.push({
        expected: ind.target!.unit,
        actual: ind.actual!.unit,
        params: { name: nameKey(ind.level3?.name.value ?? ''), expected: ind.target!.unit ?? '', actual: ind.actual!.unit ?? '' },
        location: loc(pointer('indicators', i, 'actual'), ind.actual),
        related: [loc(pointer('indicators', i, 'target'), ind.target)],
      });
    });
    return out;
  },
};
