import type { Rule } from '../types.js';
import { dateInvalid } from './date-invalid.js';
import { dateOrder } from './date-order.js';
import { fieldMissing } from './field-missing.js';
import { fundsBalance } from './funds-balance.js';
import { fundsDetailSum } from './funds-detail-sum.js';
import { fundsDetailTotal } from './funds-detail-total.js';
import { fundsExecutionRate } from './funds-execution-rate.js';
import { fundsOverrun } from './funds-overrun.js';
import { fundsSourceSum } from './funds-source-sum.js';
import { costOverrun } from './cost-overrun.js';
import { gradeBand } from './grade-band.js';
import { headlineScore } from './headline-score.js';
import { indicatorShortfall } from './indicator-shortfall.js';
import { narrativeAmount } from './narrative-amount.js';
import { narrativeContradiction } from './narrative-contradiction.js';
import { narrativePercent } from './narrative-percent.js';
import { rubricCriteriaSum } from './rubric-criteria-sum.js';
import { rubricFormula } from './rubric-formula.js';
import { rubricScoreRange } from './rubric-score-range.js';
import { rubricTotal } from './rubric-total.js';
import { rubricWeightSum } from './rubric-weight-sum.js';
import { scoreWithoutEvidence } from './score-without-evidence.js';

/** The rule catalogue, in SPEC order. */
export const RULES: readonly Rule[] = [
  fundsBalance,
  fundsSourceSum,
  fundsDetailSum,
  fundsDetailTotal,
  fundsOverrun,
  rubricWeightSum,
  rubricScoreRange,
  rubricTotal,
  headlineScore,
  gradeBand,
  rubricCriteriaSum,
  rubricFormula,
  scoreWithoutEvidence,
  narrativeContradiction,
  costOverrun,
  indicatorShortfall,
  narrativePercent,
  narrativeAmount,
  dateInvalid,
  dateOrder,
  fieldMissing,
  fundsExecutionRate,
];
