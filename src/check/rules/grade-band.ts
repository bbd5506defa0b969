import { Dec } from '../../model/decimal.js';
import type { GradeBand } from '../types.js';
import { dec, fmt } from '../arith.js';
import { loc } from '../locate.js';
import { nameKey } from '../text.js';
import type { Rule } from '../types.js';

/** The band a score falls in: the highest `min` at or below it. */
export function bandFor(score: Dec, bands: GradeBand[]): GradeBand | null {
  return [...bands].sort((a, b) => b.min - a.min).find((b) => score.gte(new Dec(b.min))) ?? null;
}

const unquote = (text: string): string => text.replace(/^["'“”‘’「」『』《》]+|["'“”‘’「」『』《》]+$/gu, '');

/** The band a written grade names ("优秀" → 优; "良好等次" → 良; "优（98分）" → 优), or null when it names none. */
export function bandNamed(grade: string, bands: GradeBand[]): GradeBand | null {
  // A note in brackets after the grade (its score, its band's range) is not part of its name, nor are the
  // quotation marks prose puts around it (评价等次为“优秀”).
  const g = unquote(
    unquote(nameKey(grade))
      .replace(/[(（][^()（）]*[)）]$/u, '')
      .replace(/(等次|等级|级|等)$/u, ''),
  );
  return bands.find((b) => b.grade === g || b.synonyms.includes(g)) ?? null;
}

export const gradeBand: Rule = {
  id: 'grade-band',
  severity: 'error',
  description: { zh: '评价等次与综合得分所在分数段一致（默认 优≥90>良≥80>中≥60>差）', en: 'the grade matches the score’s band (default 优 ≥ 90 > 良 ≥ 80 > 中 ≥ 60 > 差)' },
  needs: { zh: '评价等次与综合得分（或总分）', en: 'a grade and an overall score (or total)' },
  messages: {
    default: {
      zh: '综合得分{score}应评为“{expected}”，报告评为“{actual}”',
      en: 'a score of {score} earns “{expected}”, the report says “{actual}”',
    },
  },
  applies: (ev) => ev.totals.grade?.value != null && (ev.totals.headline?.value != null || ev.totals.score?.value != null),
  check(ev, { config }) {
    const scoreCell = ev.totals.headline?.value != null ? ev.totals.headline : ev.totals.score;
    const scorePath = ev.totals.headline?.value != null ? '/totals/headline' : '/totals/score';
    const gradeCell = ev.totals.grade;
    const score = dec(scoreCell);
    if (!score || !gradeCell?.value) return [];
    const expected = bandFor(score, config.gradeBands);
    const named = bandNamed(gradeCell.value, config.gradeBands);
    if (!expected || !named || named.grade === expected.grade) return [];
    return [
      {
        expected: expected.grade,
        actual: gradeCell.value,
        params: { score: fmt(score), expected: expected.grade, actual: gradeCell.value },
        location: loc('/totals/grade', gradeCell),
        related: [loc(scorePath, scoreCell)],
      },
    ];
  },
};
