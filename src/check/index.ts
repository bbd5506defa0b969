import type { Lang } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { CheckRecord, Evaluation } from '../model/evaluation.js';
import { resolveConfig } from './config.js';
import { RULES } from './rules/index.js';
import type { CheckConfig, Param, Rule } from './types.js';

export { RULES } from './rules/index.js';
export { DEFAULT_CONFIG, parseUserConfig, resolveConfig } from './config.js';
export type { CheckConfig, Rule, RuleFinding, GradeBand, Param } from './types.js';

export function renderMessage(template: string, params: Record<string, Param>, lang: Lang = 'zh'): string {
  return template.replace(/\{(\w+)\}/gu, (m, k: string) => {
    const v = params[k];
    if (v === undefined) return m;
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

export interface CheckResult {
  findings: Finding[];
  checks: CheckRecord;
}

/**
 * Stage 4: run every enabled rule on one evaluation. A rule whose data the form lacks is recorded as not
 * applicable; a rule turned off by the configuration is neither.
 */
export function checkEvaluation(ev: Evaluation, file: string, lang: Lang, config: CheckConfig = resolveConfig(undefined), rules: readonly Rule[] = RULES): CheckResult {
  const out: Finding[] = [];
  const checks: CheckRecord = { ran: [], notApplicable: [] };
  const part = ev.part;
  for (const rule of rules) {
    const configured = config.severity[rule.id];
    if (configured === 'off') continue;
    let found: ReturnType<Rule['check']>;
    try {
      if (!rule.applies(ev)) {
        checks.notApplicable.push(rule.id);
        continue;
      }
      checks.ran.push(rule.id);
      found = rule.check(ev, { config });
    } catch (e) {
      // One rule's bug must not cost the document its other findings: report it as such.
      out.push({
        file,
        part,
        rule: 'check-failed',
        severity: 'warning',
        message: lang === 'zh' ? `规则 ${rule.id} 无法检查本文件：${(e as Error).message}` : `rule ${rule.id} could not check this file: ${(e as Error).message}`,
        expected: null,
        actual: null,
        location: { path: '' },
        related: [],
      });
      continue;
    }
    for (const f of found) {
      const { params, messageId, severity: own, ...rest } = f;
      const template = rule.messages[messageId ?? 'default']?.[lang] ?? rule.description[lang];
      out.push({ file, part, rule: rule.id, severity: configured ?? own ?? rule.severity, message: renderMessage(template, params, lang), ...rest });
    }
  }
  return { findings: out, checks };
}
