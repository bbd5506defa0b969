import type { Rule } from '../types.js';
import { rubricTotal } from './rubric-total.js';

/** The rule catalogue, in SPEC order. */
export const RULES: readonly Rule[] = [rubricTotal];
