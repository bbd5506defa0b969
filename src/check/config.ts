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
