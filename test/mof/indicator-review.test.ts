/**
 * Indicator rules on target/actual shapes met in real forms: full marks hidden by whole-number rounding,
 * actuals printed as fractions against a percent target. Each fault case has a case nearby that must stay
 * silent.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { processDocument } from '../../src/process.js';
import { formById, renderTika, type MofForm } from '../helpers/mof/index.js';

const enc = new TextEncoder();
const ROAD = 'project-road-wan';

async function findingsOf(form: MofForm): Promise<Finding[]> {
  const r = await processDocument({ bytes: enc.encode(renderTika(form)), file: `${form.id}.txt` });
  expect(r.status, r.error ?? '').toBe('ok');
  return r.findings;
}

const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, expected: f.expected, actual: f.actual });

/** ROAD with one indicator changed; the printed total follows the score so only the indicator is at fault. */
function road(name: string, change: Partial<MofForm['indicators'][number]>): MofForm {
  const form = formById(ROAD);
  const row = form.indicators.find((i) => i.level3 === name)!;
  const before = Number(row.score);
  Object.assign(row, change);
  form.total.score = String(Number(form.total.score) + Number(row.score) - before);
  return form;
}

describe('full marks on a missed target', () => {
  it('is an error even when the formula rounds to the weight (94% against ≥95%, 5 of 5)', async () => {
    const form = road('按期完工率', { actual: '94%', score: '5' });
    expect((await findingsOf(form)).map(brief)).toEqual([{ rule: 'indicator-score', severity: 'error', expected: '4.95', actual: '5' }]);
  });

  it('stays silent when the whole-number score rounds the formula below the weight (85% → 4.47 printed 4)', async () => {
    expect((await findingsOf(formById(ROAD))).map(brief)).toEqual([]);
  });
});

describe('an actual printed as a fraction against a percent target', () => {
  it('1 against 100% and 0.99 against ≥98% are met: no finding', async () => {
    const form = road('交工验收合格率', { target: '100%', actual: '1' });
    expect((await findingsOf(form)).map(brief)).toEqual([]);
    expect((await findingsOf(road('交工验收合格率', { actual: '0.99' }))).map(brief)).toEqual([]);
  });

  it('0.9 against ≥98% with full marks is still a missed target (90%)', async () => {
    const form = road('交工验收合格率', { actual: '0.9', reason: '部分路段返工' });
    expect((await findingsOf(form)).map(brief)).toEqual([{ rule: 'indicator-score', severity: 'error', expected: '9.18', actual: '10' }]);
  });

  it('a bare number above 1 stays in the target’s unit (93.5 against ≥90% is 93.5%; 85 is a miss)', async () => {
    expect((await findingsOf(road('沿线群众满意度', { actual: '93.5' }))).map(brief)).toEqual([]);
    expect((await findingsOf(road('沿线群众满意度', { actual: '85', reason: '宣传不到位' }))).map(brief)).toEqual([
      { rule: 'indicator-score', severity: 'error', expected: '9.44', actual: '10' },
    ]);
  });
});

describe('a target of 0 with no comparator is a count to stay at', () => {
  it('0起 against 1起 with full marks is an error (the = 0 formula gives 0)', async () => {
    const form = road('危桥改造数量', { level3: '重大安全事故', target: '0起', actual: '1起', reason: '一处施工坍塌' });
    expect((await findingsOf(form)).map(brief)).toEqual([{ rule: 'indicator-score', severity: 'error', expected: '0', actual: '10' }]);
  });

  it('0起 against 0起, and 0次 against a bare 0, with full marks are met', async () => {
    expect((await findingsOf(road('危桥改造数量', { level3: '重大安全事故', target: '0起', actual: '0起' }))).map(brief)).toEqual([]);
    expect((await findingsOf(road('危桥改造数量', { level3: '有效投诉', target: '0次', actual: '0' }))).map(brief)).toEqual([]);
  });
});

describe('qualitative actuals that negate their target', () => {
  const MECH = '农村公路管护长效机制';
  it.each([
    ['未达标', '[0, 6)'],
    ['不达标', '[0, 6)'],
    ['未达预期', '[0, 6)'],
    ['未能完成', '[0, 6)'],
    ['未全部完成', '[6, 8)'],
    ['未完全达到', '[6, 8)'],
  ])('%s with full marks is outside its band %s', async (actual, band) => {
    const form = road(MECH, { actual, reason: '管护经费未落实' });
    expect((await findingsOf(form)).map(brief)).toEqual([{ rule: 'indicator-score', severity: 'warning', expected: band, actual: '10' }]);
  });

  it('未全部完成 scored in the partial band (7 of 10) is consistent', async () => {
    expect((await findingsOf(road(MECH, { actual: '未全部完成', score: '7', reason: '管护经费未落实' }))).map(brief)).toEqual([]);
  });

  it.each(['已达标', '达标', '无未达标事项', '全部完成'])('%s with full marks stays silent', async (actual) => {
    expect((await findingsOf(road(MECH, { actual }))).map(brief)).toEqual([]);
  });
});

describe('one unit written two ways is one unit', () => {
  const ROAD_KM = '新改建农村公路里程';
  it.each(['43.6km', '43.6千米', '43.6KM'])('%s against ≥42公里 is met: no finding', async (actual) => {
    expect((await findingsOf(road(ROAD_KM, { actual }))).map(brief)).toEqual([]);
  });

  it('38km against ≥42公里 with full marks is compared and is an error', async () => {
    const form = road(ROAD_KM, { actual: '38km', reason: '2条线路调整' });
    expect((await findingsOf(form)).map(brief)).toEqual([{ rule: 'indicator-score', severity: 'error', expected: '13.57', actual: '15' }]);
  });

  it('a compound unit is read part by part (480元/㎡ against ≤500元/平方米)', async () => {
    expect((await findingsOf(road('每公里平均建设成本', { target: '≤500元/平方米', actual: '480元/㎡' }))).map(brief)).toEqual([]);
  });

  it('different units still cannot be compared (43.6公里 against ≥42座)', async () => {
    expect((await findingsOf(road(ROAD_KM, { target: '≥42座' }))).map(brief)).toEqual([{ rule: 'indicator-unit', severity: 'warning', expected: '座', actual: '公里' }]);
  });
});

describe('最多 / 至少 right before the number are comparators', () => {
  it('最多3次 against 5次 with full marks is a missed ceiling', async () => {
    const form = road('危桥改造数量', { level3: '返工次数', target: '最多3次', actual: '5次', reason: '部分路段返工' });
    expect((await findingsOf(form)).map(brief)).toEqual([{ rule: 'indicator-score', severity: 'error', expected: '6 / 3.33', actual: '10' }]);
  });

  it('“最多跑一次” in a target names a reform and sets no ceiling (98% against 100% scores 9.8)', async () => {
    const form = road('危桥改造数量', { level3: '审批事项', target: '实现“最多跑一次”事项100%', actual: '98%', score: '9.8', reason: '2项待整合' });
    expect((await findingsOf(form)).map(brief)).toEqual([]);
  });
});

describe('a reason that only denies any deviation', () => {
  it('无偏差 beside a score below the weight is no reason', async () => {
    const form = road('按期完工率', { reason: '无偏差' });
    expect((await findingsOf(form)).map(brief)).toEqual([{ rule: 'deviation-reason-missing', severity: 'warning', expected: null, actual: '4' }]);
  });

  it('无偏差 beside a met target with full marks, and a reason that names a deviation, stay silent', async () => {
    expect((await findingsOf(road('交工验收合格率', { reason: '无偏差' }))).map(brief)).toEqual([]);
    expect((await findingsOf(road('按期完工率', { reason: '无偏差的标段已完工，2个标段受雨季影响延期' }))).map(brief)).toEqual([]);
  });
});
