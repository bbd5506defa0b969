import { executionItem } from '../execution.js';
import type { Rule } from '../types.js';

/**
 * A form whose weights are filled but every 得分 is empty (weights set, scores not yet): its scores are
 * missing, not 0, so no total, grade or score check can run; this says so once instead of staying silent.
 */
export const selfScoresMissing: Rule = {
  id: 'self-scores-missing',
  severity: 'info',
  description: { zh: '表中填有分值但没有任何自评得分：得分、总分与等次无从核对', en: 'the form has weights but no self-scores at all: scores, total and grade cannot be checked' },
  needs: { zh: '带分值的指标', en: 'indicators with weights' },
  messages: {
    default: {
      zh: '本表{count}项指标填有分值，但所有得分均为空，未作自评打分，得分、总分和等次无法核对',
      en: '{count} indicators have weights but every score is empty: the form carries no self-scores, so scores, total and grade cannot be checked',
    },
  },
  applies: (ev) => ev.indicators.some((i) => i.weight?.value != null),
  check(ev) {
    const weighted = ev.indicators.filter((i) => i.weight?.value != null);
    const scored = ev.indicators.some((i) => i.score?.value != null) || executionItem(ev)?.score?.value != null || ev.totals.score?.value != null;
    if (scored || weighted.length === 0) return [];
    return [{ expected: null, actual: null, params: { count: weighted.length }, location: { path: '/indicators' }, related: [] }];
  },
};
