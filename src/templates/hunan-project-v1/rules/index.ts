import type { Rule } from '../../../check/types.js';
import { costOverrun } from './cost-overrun.js';
import { dateInvalid } from './date-invalid.js';
import { dateOrder } from './date-order.js';
import { fieldMissing } from './field-missing.js';
import { fundsDetailSum } from './funds-detail-sum.js';
import { fundsDetailTotal } from './funds-detail-total.js';
import { fundsExecutionRate } from './funds-execution-rate.js';
import { indicatorShortfall } from './indicator-shortfall.js';
import { rubricFormula } from './rubric-formula.js';
import { scoreWithoutEvidence } from './score-without-evidence.js';

/** Rules that read what only the Hunan report has: its expenditure lines, indicator table, dates and cover. */
export const HUNAN_RULES: readonly Rule[] = [
  fundsDetailSum,
  fundsDetailTotal,
  rubricFormula,
  scoreWithoutEvidence,
  costOverrun,
  indicatorShortfall,
  dateInvalid,
  dateOrder,
  fieldMissing,
  fundsExecutionRate,
];
