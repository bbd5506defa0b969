import type { Finding, Severity } from '../model/finding.js';
import type { Lang } from '../model/errors.js';
import type { Evaluation } from '../model/evaluation.js';

/** Grade bands: a score at or above `min` earns `grade`; bands are tried from the highest min down. */
export interface GradeBand {
  grade: string;
  min: number;
  synonyms: string[];
}

export interface CheckConfig {
  severity: Record<string, Severity | 'off'>;
  gradeBands: GradeBand[];
  executionRateThreshold: number;
}

export type Param = string | number | Record<Lang, string>;

/** A finding as a rule produces it: everything but the file, the part and the rendered message. */
export type RuleFinding = Omit<Finding, 'file' | 'part' | 'rule' | 'severity' | 'message'> & {
  /** Values for the message template's {placeholders}; a {zh, en} pair is rendered in the message language. */
  params: Record<string, Param>;
  /** Picks one of the rule's message templates (default: "default"). */
  messageId?: string;
  /** A finding graver (or milder) than the rule's default; a configured severity still wins. */
  severity?: Severity;
};

export interface RuleContext {
  config: CheckConfig;
}

/**
 * One check: a pure function from an evaluation to findings. `applies` says whether the form has the
 * data the rule reads; a rule that does not apply is recorded as not applicable, so that no finding
 * from a rule that ran means "checked and consistent".
 */
export interface Rule {
  id: string;
  severity: Severity;
  description: { zh: string; en: string };
  /** The data the rule reads, in words (listed by `selfeval rules`). */
  needs: { zh: string; en: string };
  messages: Record<string, Record<Lang, string>>;
  applies(ev: Evaluation): boolean;
  check(ev: Evaluation, ctx: RuleContext): RuleFinding[];
}
