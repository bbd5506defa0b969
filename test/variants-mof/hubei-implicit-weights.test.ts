/**
 * Hubei forms without a 分值 column (mof-family §4): each 三级 is worth its equal share of 年度绩效目标(80分).
 * The model keeps the unprinted weight null; the checks score and bound each indicator against its share,
 * so full marks on a missed target and a score above the share are found, and a clean form stays silent.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/process.js';
import { clone } from '../helpers/variants/fault.js';
import type { HubeiForm } from '../helpers/variants/index.js';
import { HUBEI_FORMS } from '../helpers/variants/index.js';
import { FORMATS, readForm } from './read.js';

const base = HUBEI_FORMS.find((f) => !f.weightColumn)!;

function variant(id: string, change: (f: HubeiForm) => void): HubeiForm {
  const form = clone(base);
  form.id = `${base.id}-${id}`;
  change(form);
  return form;
}

const serious = (r: DocumentResult) => r.findings.filter((f) => f.severity !== 'info');
const brief = (r: DocumentResult) => serious(r).map((f) => ({ rule: f.rule, severity: f.severity, expected: f.expected, actual: f.actual, path: f.location.path }));
const plus = (a: string, b: string) => (Number(a) + Number(b)).toFixed(2);

describe.each(FORMATS)('a Hubei form without a 分值 column, as $name', (format) => {
  it('has no weight column and 8 indicators sharing 80: a clean form gives no finding', async () => {
    expect(base.implicitWeight).toBe('10');
    const result = await readForm(base, format);
    expect(result.evaluations[0]!.indicators.every((i) => i.weight === null)).toBe(true);
    expect(brief(result)).toEqual([]);
  });

  it('full marks on a missed target is an error against the indicator’s share', async () => {
    // A quantitative indicator that missed its target and lost points for it (供餐天数, 196 of ≥200 days).
    const missed = base.indicators.findIndex((r) => r.kind === 'positive' && Number(r.score) < 10);
    expect(missed).toBeGreaterThanOrEqual(0);
    const form = variant('full-missed', (f) => {
      f.total.score = plus(f.total.score, (10 - Number(f.indicators[missed]!.score)).toString());
      f.indicators[missed]!.score = '10.00';
    });
    const result = await readForm(form, format);
    expect(brief(result)).toEqual([{ rule: 'indicator-score', severity: 'error', expected: '9.8', actual: '10', path: `/indicators/${missed}/score` }]);
    expect(serious(result)[0]!.related.map((r) => r.path)).toContain('/totals/indicatorsWeight');
  });

  it('a score above the share is out of range', async () => {
    const full = base.indicators.findIndex((r) => r.score === '10.00');
    const form = variant('over-share', (f) => {
      f.indicators[full]!.score = '11.00';
      f.total.score = plus(f.total.score, '1');
    });
    const result = await readForm(form, format);
    expect(brief(result)).toEqual([{ rule: 'rubric-score-range', severity: 'error', expected: '0–10', actual: '11', path: `/indicators/${full}/score` }]);
  });
});
