import { dec } from '../arith.js';
import { loc } from '../locate.js';
import type { Rule } from '../types.js';
import { bandFor, bandNamed } from './grade-band.js';

/**
 * A grade that names no band — neither a band's name nor one of its synonyms (a typo, "优秀A") — cannot
 * be checked against the score; left alone it would look exactly like a grade that agrees with it.
 */
export const gradeUnknown: Rule = {
  id: 'grade-unknown',
  severity: 'warning',
  description: { zh: '评价等次是已知等次名称或同义词（优/良/中/差，优秀/良好/合格/中等/一般/不合格/较差…）', en: 'the grade is a known band name or synonym (优/良/中/差, 优秀/良好/合格/…)' },
  needs: { zh: '评价等次', en: 'a grade' },
  messages: {
    default: {
      zh: '评价等次“{actual}”不是已知的等次名称（{known}），无法与得分核对',
      en: 'the grade “{actual}” is no known band name ({known}) and cannot be checked against the score',
    },
  },
  applies: (ev) => ev.totals.grade?.value != null && ev.totals.grade.value.trim() !== '',
  check(ev, { config }) {
    const gradeCell = ev.totals.grade;
    if (!gradeCell?.value || bandNamed(gradeCell.value, config.gradeBands)) return [];
    const score = dec(ev.totals.headline?.value != null ? ev.totals.headline : ev.totals.score);
    const expected = score ? (bandFor(score, config.gradeBands)?.grade ?? null) : null;
    const known = [...new Set(config.gradeBands.flatMap((b) => [b.grade, ...b.synonyms]))].join('/');
    return [
      {
        expected,
        actual: gradeCell.value,
        params: { actual: gradeCell.value, known },
        location: loc('/totals/grade', gradeCell),
        related: [],
      },
    ];
  },
};
