import { describe, expect, it } from 'vitest';
import { checkReport, renderMessage, resolveConfig, RULES } from '../../src/check/index.js';
import { Finding } from '../../src/model/finding.js';
import { FAULTS, processText, SEED } from '../helpers/faults.js';

/** SPEC's rule table: ids and default severities, in its order. */
const SPEC_RULES: [string, string][] = [
  ['funds-balance', 'error'],
  ['funds-source-sum', 'error'],
  ['funds-detail-sum', 'error'],
  ['funds-detail-total', 'error'],
  ['funds-overrun', 'warning'],
  ['rubric-weight-sum', 'error'],
  ['rubric-score-range', 'error'],
  ['rubric-total', 'error'],
  ['headline-score', 'error'],
  ['grade-band', 'error'],
  ['rubric-criteria-sum', 'warning'],
  ['rubric-formula', 'warning'],
  ['score-without-evidence', 'warning'],
  ['narrative-contradiction', 'warning'],
  ['cost-overrun', 'warning'],
  ['indicator-shortfall', 'warning'],
  ['narrative-percent', 'warning'],
  ['narrative-amount', 'warning'],
  ['date-invalid', 'error'],
  ['date-order', 'warning'],
  ['field-missing', 'warning'],
  ['funds-execution-rate', 'info'],
];

describe('the rule catalogue', () => {
  it('has every SPEC rule, in SPEC order, with SPEC severities', () => {
    expect(RULES.map((r) => [r.id, r.severity])).toEqual(SPEC_RULES);
  });

  it('describes every rule and every message in zh and en', () => {
    for (const r of RULES) {
      expect(r.description.zh, r.id).toMatch(/\S/u);
      expect(r.description.en, r.id).toMatch(/\S/u);
      expect(Object.keys(r.messages).length, r.id).toBeGreaterThan(0);
      for (const m of Object.values(r.messages)) {
        expect(m.zh, r.id).toMatch(/\S/u);
        expect(m.en, r.id).toMatch(/\S/u);
      }
    }
  });

  it('renders placeholders, including {zh, en} pairs', () => {
    expect(renderMessage('{a} / {b} / {c}', { a: 1, b: { zh: '甲', en: 'A' } }, 'en')).toBe('1 / A / {c}');
  });
});

describe('configuration', () => {
  it('severity per rule, and off', async () => {
    const report = (await processText(SEED)).report!;
    const config = resolveConfig({ severity: { 'date-invalid': 'warning', 'score-without-evidence': 'off' } });
    const found = checkReport(report, 'seed.txt', 'zh', config);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['date-invalid', 'warning'],
      ['field-missing', 'warning'],
      ['funds-execution-rate', 'info'],
    ]);
  });
});

describe('findings follow SPEC’s record', () => {
  it.each(['seed', ...Object.keys(FAULTS)])('%s', async (name) => {
    const text = name === 'seed' ? SEED : FAULTS[name as keyof typeof FAULTS].text();
    for (const f of (await processText(text)).findings) {
      expect(() => Finding.parse(f)).not.toThrow();
      expect(f.location.path.startsWith('/') || f.location.path === '').toBe(true);
      // Money and scores are decimal strings, never float artefacts.
      for (const v of [f.expected, f.actual]) if (v !== null) expect(v).not.toMatch(/\d\.\d*0000\d|e[+-]?\d/u);
    }
  });
});
