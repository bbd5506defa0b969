/** Running one rule on a model in tests. */
import { checkEvaluation, resolveConfig, type CheckConfig, type Rule } from '../../src/check/index.js';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { Finding } from '../../src/model/finding.js';

export function run(rule: Rule, ev: Evaluation, config: Partial<CheckConfig> = {}, lang: 'zh' | 'en' = 'zh'): Finding[] {
  return checkEvaluation(ev, 'test.txt', lang, resolveConfig(config), [rule]).findings;
}

/** The part of a finding a table test pins down. */
export function brief(f: Finding): { expected: string | null; actual: string | null; path: string } {
  return { expected: f.expected, actual: f.actual, path: f.location.path };
}
