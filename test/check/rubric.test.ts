import { describe, expect, it } from 'vitest';
import { gradeBand } from '../../src/check/rules/grade-band.js';
import { headlineScore } from '../../src/check/rules/headline-score.js';
import { rubricCriteriaSum } from '../../src/check/rules/rubric-criteria-sum.js';
import { rubricFormula } from '../../src/templates/hunan-project-v1/rules/rubric-formula.js';
import { rubricScoreRange } from '../../src/check/rules/rubric-score-range.js';
import { rubricTotal } from '../../src/check/rules/rubric-total.js';
import { rubricWeightSum } from '../../src/check/rules/rubric-weight-sum.js';
import { numberValue, textValue } from '../../src/parse/values.js';
import { emptyReport, funds, indicator, rubric, setRubric, type ItemSpec } from '../helpers/report-builder.js';
import { brief, run } from './run.js';

const D: [string, string] = ['项目决策', '20'];
const M: [string, string] = ['项目管理', '80'];
/** A balanced three-level table: 4 + (8 + 8) = 20, 80 = 80, 20 + 80 = 100. */
function items(): ItemSpec[] {
  return [
    { l1: D, l2: ['项目目标', '4'], l3: ['目标内容', '4'], score: '4' },
    { l1: D, l2: ['资金分配', '16'], l3: ['分配办法', '8'], score: '8' },
    { l1: D, l2: ['资金分配', '16'], l3: ['分配结果', '8'], score: '6' },
    { l1: M, l2: ['组织实施', '80'], l3: ['管理制度', '80'], score: '80' },
  ];
}
const withRubric = (specs: ItemSpec[], totalWeight = '100', claimed = '98') => {
  return setRubric(emptyReport(), rubric(specs, totalWeight, claimed));
};

describe('rubric-weight-sum', () => {
  it('silent on a balanced table', () => expect(run(rubricWeightSum, withRubric(items()))).toEqual([]));
  it('third-level weights not adding up to the second level', () => {
    const specs = items();
    specs[2]!.l3 = ['分配结果', '7'];
    const found = run(rubricWeightSum, withRubric(specs));
    expect(found.map(brief)).toEqual([{ expected: '15', actual: '16', path: '/indicators/1/level2/weight' }]);
    expect(found[0]!.related.map((r) => r.path)).toEqual(['/indicators/1/weight', '/indicators/2/weight']);
    // Issue 13: the message names both sums rather than implying the parent is the wrong one.
    expect(found[0]!.message).toBe('三级指标分值之和为15，二级指标“资金分配”分值为16');
  });
  it('first-level weights against the total row', () => {
    const found = run(rubricWeightSum, withRubric(items(), '90'));
    expect(found.map(brief)).toEqual([{ expected: '100', actual: '90', path: '/totals/weight' }]);
  });
  it('a first-level label repeated after a page break is the same group, not a second one', () => {
    const specs = items();
    specs.push({ l1: M, l2: ['组织实施', '80'], l3: ['管理制度', '80'], score: '80' });
    specs[3] = { l1: M, l2: ['组织实施', '80'], l3: ['组织机构', '40'], score: '40' };
    specs[4] = { l1: M, l2: ['组织实施', '80'], l3: ['管理制度', '40'], score: '40' };
    expect(run(rubricWeightSum, withRubric(specs))).toEqual([]);
  });
  it('a child without a weight leaves the sum unknown', () => {
    const specs = items();
    specs[2]!.l3 = ['分配结果', ''];
    expect(run(rubricWeightSum, withRubric(specs))).toEqual([]);
  });
  it('a written 0 weight is a value', () => {
    const specs = items();
    specs[2]!.l3 = ['分配结果', '0'];
    expect(run(rubricWeightSum, withRubric(specs)).map((f) => f.expected)).toEqual(['8']);
  });
  it('full-width weights', () => {
    const specs = items();
    specs[0]!.l2 = ['项目目标', '４'];
    expect(run(rubricWeightSum, withRubric(specs, '１００'))).toEqual([]);
  });
});

describe('rubric-score-range', () => {
  it.each<[string, string, { expected: string; actual: string } | null]>([
    ['above the weight', '9', { expected: '0–8', actual: '9' }],
    ['negative', '-1', { expected: '0–8', actual: '-1' }],
    ['exactly the weight', '8', null],
    ['a 0 is a value and in range', '0', null],
    ['empty score', '', null],
    ['empty marker', '—', null],
    ['full-width', '８', null],
    ['within 0.01 of the weight', '8.005', null],
  ])('%s', (_, score, want) => {
    const specs = items();
    specs[2]!.score = score;
    expect(run(rubricScoreRange, withRubric(specs)).map(brief)).toEqual(want ? [{ ...want, path: '/indicators/2/score' }] : []);
  });
});

describe('rubric-total', () => {
  it('fires with the itemised sum as expected', () => {
    const found = run(rubricTotal, withRubric(items(), '100', '97'));
    expect(found.map(brief)).toEqual([{ expected: '98', actual: '97', path: '/totals/score' }]);
    expect(found[0]!.related).toHaveLength(4);
    expect(found[0]!.message).toBe('评分表总分97与各项自评得分之和98不一致');
  });
  it.each([
    ['equal', '98'],
    ['within 0.01', '98.01'],
    ['empty claimed total', ''],
  ])('silent: %s', (_, claimed) => expect(run(rubricTotal, withRubric(items(), '100', claimed))).toEqual([]));
  it('an empty item score is unknown, not 0', () => {
    const specs = items();
    specs[2]!.score = '';
    expect(run(rubricTotal, withRubric(specs, '100', '98'))).toEqual([]);
  });
  it('known scores above the claim fire even with an empty one', () => {
    const specs = items();
    specs[0]!.score = '';
    expect(run(rubricTotal, withRubric(specs, '100', '90')).map(brief)).toEqual([{ expected: '94', actual: '90', path: '/totals/score' }]);
  });
  it('a 0 score is a value', () => {
    const specs = items();
    specs[2]!.score = '0';
    expect(run(rubricTotal, withRubric(specs, '100', '98'))[0]!.expected).toBe('92');
  });
});

describe('headline-score', () => {
  const build = (headline: string, claimed: string) => {
    const r = withRubric(items(), '100', claimed);
    r.totals.headline = numberValue(headline, { table: 0, row: 34, col: 1 });
    return r;
  };
  it('fires when the headline differs from 总分', () => {
    expect(run(headlineScore, build('99分', '98')).map(brief)).toEqual([{ expected: '98', actual: '99', path: '/totals/headline' }]);
  });
  it.each([
    ['equal', '98分', '98'],
    ['full-width', '９８分', '98'],
    ['decimal forms', '98.0', '98'],
    ['no 总分', '98分', ''],
    ['no headline', '', '98'],
    ['a whole headline rounding the total', '96分', '96.4'],
    ['a whole headline at half a unit', '96', '96.5'],
  ])('silent: %s', (_, h, c) => expect(run(headlineScore, build(h, c))).toEqual([]));
  it.each([
    ['a whole headline more than half a unit off', '96', '96.51'],
    ['a headline more precise than the total', '98.5', '98'],
    ['a one-decimal headline rounding wrongly', '96.3', '96.38'],
  ])('fires: %s', (_, h, c) => expect(run(headlineScore, build(h, c)).map(brief)).toEqual([{ expected: c, actual: h, path: '/totals/headline' }]));
});

describe('grade-band', () => {
  const build = (score: string, grade: string) => {
    const r = emptyReport();
    r.totals.headline = numberValue(score, { table: 0, row: 34, col: 1 });
    r.totals.grade = textValue(grade, { table: 0, row: 35, col: 1 });
    return r;
  };
  it.each<[string, string, string | null]>([
    ['98', '优秀', null],
    ['90', '优', null],
    ['89.99', '良好', null],
    ['85', '优秀', '良'],
    ['60', '合格', null],
    ['59', '中等', '差'],
    ['50', '不合格', null],
    ['98', '良', '优'],
  ])('%s %s', (score, grade, expected) => {
    const found = run(gradeBand, build(score, grade));
    expect(found.map((f) => [f.expected, f.actual])).toEqual(expected ? [[expected, grade]] : []);
  });
  it('an unrecognised grade word or an empty score is left alone', () => {
    expect(run(gradeBand, build('85', 'A'))).toEqual([]);
    expect(run(gradeBand, build('', '优秀'))).toEqual([]);
  });
  it('bands are configurable', () => {
    const bands = [
      { grade: '优', min: 95, synonyms: ['优秀'] },
      { grade: '良', min: 0, synonyms: ['良好'] },
    ];
    expect(run(gradeBand, build('92', '优秀'), { gradeBands: bands }).map((f) => f.expected)).toEqual(['良']);
  });
  it('falls back to the scoring table’s total when the headline score is missing', () => {
    const r = withRubric(items(), '100', '85');
    r.totals.grade = textValue('优秀', { table: 0, row: 35, col: 1 });
    expect(run(gradeBand, r).map(brief)).toEqual([{ expected: '良', actual: '优秀', path: '/totals/grade' }]);
  });
});

describe('rubric-criteria-sum', () => {
  const build = (criteria: string, weight: string) => withRubric([{ l1: D, l2: ['项目目标', weight], l3: ['目标内容', weight], criteria, score: '1' }]);
  it('additive points that fall short of the weight', () => {
    const found = run(rubricCriteriaSum, build('①设有目标（1分）\n②目标明确（1分）\n③目标细化（1分）', '4'));
    expect(found.map(brief)).toEqual([{ expected: '3', actual: '4', path: '/indicators/0/weight' }]);
  });
  it.each([
    ['points that add up', '①设有目标（1分）\n②目标明确（1分）\n③目标细化（1分）\n④目标量化（1分）', '4'],
    ['alternatives (the seed’s 到位时效)', '①到位及时（2分）\n②不及时但未影响项目进度 （1分）\n③不及时并影响项目进度（0.5分）', '2'],
    ['deductions', '①虚列套取扣4-7分 \n②依据不合规扣2分', '7'],
    ['a single figure', '根据项目资金的实际到位率计算得分（3分）', '3'],
    ['a note after the parts', '①有相应的资金管理办法（1分）\n②办法健全、规范（1分）\n③因素全面合理（1分）\n以上①需提供佐证资料。', '3'],
    ['full-width points', '①符合分配办法（２分）\n②分配公平合理（３分）', '5'],
  ])('silent: %s', (_, criteria, weight) => expect(run(rubricCriteriaSum, build(criteria, weight))).toEqual([]));
});

describe('rubric-formula', () => {
  const arrival = (planned: string, arrived: string, score: string) => {
    const r = withRubric([{ l1: M, l2: ['资金到位', '5'], l3: ['到位率', '3'], indicator: '实际到位/计划到位*100%', score }]);
    r.funds = funds([planned, arrived, '', '']);
    return r;
  };
  // Issue 13: a whole-number score is accepted within half a point of the formula (3 for 2.765), as the MoF
  // rules accept printed scores; beyond that it is reported.
  it('a whole-number score is a rounding of 2.765, not of 2.07', () => {
    expect(run(rubricFormula, arrival('868', '800', '3'))).toEqual([]);
    expect(run(rubricFormula, arrival('868', '600', '3')).map((f) => [f.expected, f.actual])).toEqual([['2.07', '3']]);
    expect(run(rubricFormula, arrival('868', '600', '2'))).toEqual([]);
  });
  it('one printed decimal: within 0.05 (2.8 for 2.765 holds, 2.7 does not)', () => {
    expect(run(rubricFormula, arrival('868', '800', '2.8'))).toEqual([]);
    expect(run(rubricFormula, arrival('868', '800', '2.7')).map((f) => [f.expected, f.actual])).toEqual([['2.76', '2.7']]);
  });
  it('到位率 × weight', () => {
    const found = run(rubricFormula, arrival('868', '434', '3'));
    expect(found.map(brief)).toEqual([{ expected: '1.5', actual: '3', path: '/indicators/0/score' }]);
    expect(found[0]!.message).toBe('“到位率”按到位率50%（434/868）应得1.5分，自评3分');
  });
  it.each([
    ['full arrival, full marks', '868', '868', '3'],
    ['computed score given', '868', '434', '1.5'],
    ['a whole rate', '900', '600', '2'],
    ['within 0.01 (868/800 × 3 = 2.765)', '868', '800', '2.77'],
    ['rounded to the one printed decimal', '868', '800', '2.8'],
    ['more arrived than planned is capped at the weight', '800', '868', '3'],
    ['empty arrival', '868', '', '3'],
  ])('silent: %s', (_, p, a, s) => expect(run(rubricFormula, arrival(p, a, s))).toEqual([]));

  const satisfaction = (actual: string, score: string) => {
    const r = withRubric([
      {
        l1: ['项目绩效', '55'],
        l2: ['项目效果', '8'],
        l3: ['服务对象满意度', '8'],
        criteria: '满意率达90%（含）以上的得8分，80%（含）-90%得6分，70%（含）-80%得4分，60%（含）-70%得2分，60%以下不得分。',
        score,
      },
    ]);
    r.hunan.indicators = [indicator('服务对象满意度指标', '群众满意度', '≥90%', actual)];
    return r;
  };
  it('satisfaction bands', () => {
    expect(run(rubricFormula, satisfaction('85%', '8')).map(brief)).toEqual([{ expected: '6', actual: '8', path: '/indicators/0/score' }]);
    expect(run(rubricFormula, satisfaction('55%', '2')).map((f) => f.expected)).toEqual(['0']);
  });
  it.each([
    ['in the top band', '95%', '8'],
    ['at a band edge (含)', '80%', '6'],
    ['no satisfaction rate', '', '8'],
    ['full-width', '９２％', '8'],
  ])('silent: %s', (_, actual, score) => expect(run(rubricFormula, satisfaction(actual, score))).toEqual([]));
});

describe('satisfaction bands as printed', () => {
  it('read bands with and without （含）, and refuse bands that leave gaps', async () => {
    const { satisfactionBands } = await import('../../src/templates/hunan-project-v1/rules/rubric-formula.js');
    const withHan = satisfactionBands('满意率达90%（含）以上的得8分，80%（含）-90%得6分，70%（含）-80%得4分，60%以下不得分。');
    const without = satisfactionBands('满意率达90%以上的得8分，80%-90%得6分，70%-80%得4分，60%以下不得分。');
    expect(without.map((b) => [b.min.toString(), b.points.toString()])).toEqual(withHan.map((b) => [b.min.toString(), b.points.toString()]));
    expect(without.map((b) => b.min.toString())).toEqual(['90', '80', '70']);
    expect(satisfactionBands('90%以上的得8分，70%-80%得4分')).toEqual([]);
  });
});
