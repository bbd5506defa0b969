import { describe, expect, it } from 'vitest';
import { indicatorWeights } from '../../src/check/weights.js';
import type { Indicator } from '../../src/model/evaluation.js';
import { numberValue } from '../../src/parse/values.js';
import { emptyReport } from '../helpers/report-builder.js';

const src = { table: 0, row: 0, col: 0 };

function hubeiForm(indicators: number, block = '80', weight: string | null = null) {
  const ev = emptyReport();
  ev.template = 'hubei-project';
  ev.totals.indicatorsWeight = numberValue(block, src);
  const ind = (): Indicator => ({ level1: null, level2: null, level3: null, weight: weight === null ? null : numberValue(weight, src), score: numberValue('5', src), target: null, targetParts: null, actual: null, deviationReason: null, indicator: null, criteria: null, verdict: null });
  ev.indicators = Array.from({ length: indicators }, ind);
  return ev;
}

describe('implicit indicator weights (a Hubei form without 分值)', () => {
  it('each indicator is worth its equal share of the block, located at the block', () => {
    expect(indicatorWeights(hubeiForm(8)).map((w) => [w.weight?.value, w.path])).toEqual(Array.from({ length: 8 }, () => ['10', '/totals/indicatorsWeight']));
  });

  it('a share that does not end is taken to 2 decimals, as scores are printed (80 over 7: 11.43)', () => {
    expect(indicatorWeights(hubeiForm(7)).map((w) => w.weight?.value)).toEqual(Array.from({ length: 7 }, () => '11.43'));
  });

  it('printed weights are the weights; other templates get no implicit share', () => {
    expect(indicatorWeights(hubeiForm(8, '80', '12')).map((w) => [w.weight?.value, w.path])[0]).toEqual(['12', '/indicators/0/weight']);
    const hunan = hubeiForm(8);
    hunan.template = 'hunan-project-v1';
    expect(indicatorWeights(hunan).every((w) => w.weight === null)).toBe(true);
  });
});
