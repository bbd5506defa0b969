import { z } from 'zod';
import type { Lang } from '../model/errors.js';
import type { CheckConfig } from './types.js';

export const DEFAULT_CONFIG: CheckConfig = {
  severity: {},
  gradeBands: [
    { grade: '优', min: 90, synonyms: ['优', '优秀'] },
    { grade: '良', min: 80, synonyms: ['良', '良好'] },
    { grade: '中', min: 60, synonyms: ['中', '中等', '合格', '一般'] },
    { grade: '差', min: 0, synonyms: ['差', '较差', '不合格'] },
  ],
  executionRateThreshold: 60,
};

/** Merge a user config (from --config JSON) over the defaults. */
export function resolveConfig(user: Partial<CheckConfig> | undefined): CheckConfig {
  return {
    severity: { ...DEFAULT_CONFIG.severity, ...(user?.severity ?? {}) },
    gradeBands: user?.gradeBands ?? DEFAULT_CONFIG.gradeBands,
    executionRateThreshold: user?.executionRateThreshold ?? DEFAULT_CONFIG.executionRateThreshold,
  };
}

const UserConfig = z
  .object({
    severity: z.record(z.string(), z.enum(['error', 'warning', 'info', 'off'])).optional(),
    gradeBands: z
      .array(z.object({ grade: z.string().min(1), min: z.number().min(0).max(100), synonyms: z.array(z.string()) }).strict())
      .min(1)
      .optional(),
    executionRateThreshold: z.number().min(0).max(100).optional(),
  })
  .strict();

/** zod's own messages in the run's language (it ships a Simplified Chinese locale). */
const ZOD_MESSAGES: Record<Lang, z.core.$ZodErrorMap> = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

/**
 * A --config file's content, checked: unknown keys, unknown rule ids and bad values are errors (a typo
 * must not silently leave a rule at its default). Messages are in `lang`.
 */
export function parseUserConfig(json: unknown, ruleIds: readonly string[], lang: Lang = 'zh'): Partial<CheckConfig> {
  const parsed = UserConfig.safeParse(json, { error: ZOD_MESSAGES[lang] });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || (lang === 'zh' ? '（顶层）' : '(root)')}: ${i.message}`).join(lang === 'zh' ? '；' : '; '));
  const unknown = Object.keys(parsed.data.severity ?? {}).filter((id) => !ruleIds.includes(id));
  if (unknown.length > 0) throw new Error(lang === 'zh' ? `severity：未知的规则 ${unknown.join('、')}` : `severity: unknown rule ${unknown.join(', ')}`);
  return parsed.data;
}
