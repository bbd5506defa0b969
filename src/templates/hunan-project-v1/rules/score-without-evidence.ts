import { dec, fmt } from '../../../check/arith.js';
import { categoryOfItem, hasValue, rowsOf } from './evidence.js';
import { loc, pointer } from '../../../check/locate.js';
import { rubricLeaves } from '../../../check/rubric-tree.js';
import type { Rule, RuleFinding } from '../../../check/types.js';

/**
 * An effect or satisfaction item (经济/社会/环境效益, 可持续影响, 服务对象满意度) scoring above 0 needs a
 * target or an actual value in its indicator row. A score of 0 is a value and needs nothing; an empty
 * score is unknown and is left alone. A file without any indicator table is not judged.
 */
export const scoreWithoutEvidence: Rule = {
  id: 'score-without-evidence',
  severity: 'warning',
  description: { zh: '效益/满意度评分项得分大于0，但对应的绩效指标没有目标值和实际完成值，或没有该指标', en: 'an effect/satisfaction item scores above 0 while its indicator row has no target and no actual value, or is missing' },
  needs: { zh: '评分表与报告绩效指标表', en: 'the scoring table and the report’s indicator table' },
  messages: {
    empty: {
      zh: '评分表“{name}”自评{actual}分，但绩效指标中的“{row}”没有指标值和实际完成值',
      en: 'scoring item “{name}” scores {actual}, but the indicator “{row}” has no target and no actual value',
    },
    missing: {
      zh: '评分表“{name}”自评{actual}分，但绩效指标中没有{category}',
      en: 'scoring item “{name}” scores {actual}, but there is no {category} row among the indicators',
    },
  },
  applies: (ev) => ev.indicators.length > 0 && (ev.hunan?.indicators.length ?? 0) > 0,
  check(ev) {
    // No indicator table at all (a file with only the scoring table): evidence cannot be judged here.
    if (ev.indicators.length === 0 || (ev.hunan?.indicators.length ?? 0) === 0) return [];
    const out: RuleFinding[] = [];
    for (const leaf of rubricLeaves(ev)) {
      const score = dec(leaf.item.score);
      if (!score || !score.gt(0)) continue;
      const category = categoryOfItem(leaf.name);
      if (!category) continue;
      const rows = rowsOf(ev, category);
      if (rows.some(({ row }) => hasValue(row))) continue;
      const location = loc(pointer('indicators', leaf.index, 'score'), leaf.item.score);
      const base = { expected: null, actual: fmt(score), location };
      if (rows.length === 0) {
        out.push({ ...base, messageId: 'missing', params: { name: leaf.name, actual: fmt(score), category: { zh: category.zh, en: category.en } }, related: [] });
        continue;
      }
      out.push({
        ...base,
        messageId: 'empty',
        params: { name: leaf.name, actual: fmt(score), row: rows[0]!.row.level2?.value ?? category.zh },
        related: rows.flatMap(({ row, index }) => [
          loc(pointer('hunan', 'indicators', index, 'target'), row.target),
          loc(pointer('hunan', 'indicators', index, 'actual'), row.actual),
        ]),
      });
    }
    return out;
  },
};
