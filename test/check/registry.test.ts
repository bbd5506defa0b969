import { describe, expect, it } from 'vitest';
import { checkEvaluation, renderMessage, resolveConfig, RULES } from '../../src/check/index.js';
import { Finding } from '../../src/model/finding.js';
import { RULE_CATALOGUE, TEMPLATES } from '../../src/templates/index.js';
import { FAULTS, processText, SEED } from '../helpers/faults.js';

/** SPEC's rule tables: ids and default severities, in their order (the MoF table's own rules after the first). */
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
  // Rules for the MoF family that the first table does not have (indicator-score's default is warning).
  ['execution-rate', 'error'],
  ['execution-score', 'error'],
  ['indicator-score', 'warning'],
  ['deviation-reason-missing', 'warning'],
  ['indicator-unit', 'warning'],
  ['indicator-overshoot', 'info'],
  // SPEC (MoF forms, "Empty cells are unknown"): a form with weights but no 得分 at all "says so".
  ['self-scores-missing', 'info'],
];

/** SPEC's rows for the given ids, in SPEC order. */
const specRows = (ids: string[]) => SPEC_RULES.filter(([id]) => ids.includes(id));

describe('the rule catalogue', () => {
  it('has every SPEC rule, once, with SPEC severities: the general rules, then each template’s own', () => {
    const general = RULES.map((r) => r.id);
    const own = [...new Set(TEMPLATES.flatMap((t) => t.rules.map((r) => r.id)))].filter((id) => !general.includes(id));
    expect(RULE_CATALOGUE.map((r) => r.id)).toEqual([...general, ...own]);
    expect([...RULE_CATALOGUE.map((r) => [r.id, r.severity])].sort()).toEqual([...SPEC_RULES].sort());
    // Each list keeps SPEC's order.
    expect(RULES.map((r) => [r.id, r.severity])).toEqual(specRows(general));
    for (const t of TEMPLATES) expect(t.rules.map((r) => [r.id, r.severity]), t.id).toEqual(specRows(t.rules.map((r) => r.id)));
  });

  it('says for every rule what data it needs and when it applies', () => {
    for (const r of RULE_CATALOGUE) {
      expect(r.needs.zh, r.id).toMatch(/\S/u);
      expect(r.needs.en, r.id).toMatch(/\S/u);
      expect(typeof r.applies, r.id).toBe('function');
      expect(typeof r.check, r.id).toBe('function');
    }
  });

  it('describes every rule and every message in zh and en', () => {
    for (const r of RULE_CATALOGUE) {
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
    const [ev, ...more] = (await processText(SEED)).evaluations;
    expect(more).toEqual([]);
    const config = resolveConfig({ severity: { 'date-invalid': 'warning', 'score-without-evidence': 'off' } });
    const { findings, checks } = checkEvaluation(ev!, 'seed.txt', 'zh', config, RULE_CATALOGUE);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['date-invalid', 'warning'],
      ['field-missing', 'warning'],
      ['funds-execution-rate', 'info'],
    ]);
    // A rule turned off is neither run nor "not applicable".
    expect([...checks.ran, ...checks.notApplicable]).not.toContain('score-without-evidence');
    expect(checks.ran).toContain('date-invalid');
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
