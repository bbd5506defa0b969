/** Running one rule on a model in tests. */
import { checkReport, resolveConfig, type CheckConfig, type Rule } from '../../src/check/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';

export function run(rule: Rule, report: Report, config: Partial<CheckConfig> = {}, lang: 'zh' | 'en' = 'zh'): Finding[] {
  return checkReport(report, 'test.txt', lang, resolveConfig(config), [rule]);
}

/** The part of a finding a table test pins down. */
export function brief(f: Finding): { expected: string | null; actual: string | null; path: string } {
  return { expected: f.expected, actual: f.actual, path: f.location.path };
}
