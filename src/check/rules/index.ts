import type { Rule } from '../types.js';
import { deviationReasonMissing } from './deviation-reason-missing.js';
import { executionRate } from './execution-rate.js';
import { executionScore } from './execution-score.js';
import { indicatorOvershoot } from './indicator-overshoot.js';
import { indicatorScore } from './indicator-score.js';
import { indicatorUnit } from './indicator-unit.js';
import { fundsBalance } from './funds-balance.js';
import { fundsOverrun } from './funds-overrun.js';
import { fundsSourceSum } from './funds-source-sum.js';
import { gradeBand } from './grade-band.js';
import { headlineScore } from './headline-score.js';
import { narrativeAmount } from './narrative-amount.js';
import { narrativeContradiction } from './narrative-contradiction.js';
import { narrativePercent } from './narrative-percent.js';
import { rubricCriteriaSum } from './rubric-criteria-sum.js';
import { rubricScoreRange } from './rubric-score-range.js';
import { rubricTotal } from './rubric-total.js';
import { rubricWeightSum } from './rubric-weight-sum.js';
import { selfScoresMissing } from './self-scores-missing.js';

/**
 * The general rule catalogue, in SPEC order: every rule here reads only the template-neutral model, so it
 * runs on every form that has its data. Rules for one family's own data live in that template's folder.
 */
export const RULES: readonly Rule[] = [
  fundsBalance,
  fundsSourceSum,
  fundsOverrun,
  rubricWeightSum,
  rubricScoreRange,
  rubricTotal,
  headlineScore,
  gradeBand,
  rubricCriteriaSum,
  narrativeContradiction,
  narrativePercent,
  narrativeAmount,
  executionRate,
  executionScore,
  indicatorScore,
  deviationReasonMissing,
  indicatorUnit,
  indicatorOvershoot,
  selfScoresMissing,
];
