import { describe, expect, it } from 'vitest';
import { costOverrun } from '../../src/templates/hunan-project-v1/rules/cost-overrun.js';
import { indicatorShortfall } from '../../src/templates/hunan-project-v1/rules/indicator-shortfall.js';
import { narrativeContradiction } from '../../src/check/rules/narrative-contradiction.js';
import { scoreWithoutEvidence } from '../../src/templates/hunan-project-v1/rules/score-without-evidence.js';
import { textValue } from '../../src/parse/values.js';
import { emptyReport, indicator, narrative, rubric, setRubric, type ItemSpec } from '../helpers/report-builder.js';
import { brief, run } from './run.js';

const effect = (name: string, score = '8'): ItemSpec => ({ l1: ['项目绩效', '55'], l2: ['项目效果', '40'], l3: [name, '8'], score });

describe('score-without-evidence', () => {
  const build = (items: ItemSpec[], rows: ReturnType<typeof indicator>[]) => {
    const r = emptyReport();
    setRubric(r, rubric(items));
    r.hunan.indicators = rows;
    return r;
  };
  it('an item whose indicator row is empty (环境效益 ↔ 生态效益指标)', () => {
    const found = run(scoreWithoutEvidence, build([effect('环境\n效益')], [indicator('生态效益\n指标', '', '', '')]));
    expect(found.map(brief)).toEqual([{ expected: null, actual: '8', path: '/indicators/0/score' }]);
    expect(found[0]!.related.map((r) => r.path)).toEqual(['/hunan/indicators/0/target', '/hunan/indicators/0/actual']);
    expect(found[0]!.message).toBe('评分表“环境效益”自评8分，但绩效指标中的“生态效益指标”没有指标值和实际完成值');
  });
  it('an item with no indicator row at all (可持续影响)', () => {
    const found = run(scoreWithoutEvidence, build([effect('可持续\n影响')], [indicator('社会效益指标', '事项', '103', '103')]));
    expect(found.map((f) => [f.actual, f.message])).toEqual([['8', '评分表“可持续影响”自评8分，但绩效指标中没有可持续影响指标']]);
  });
  it.each<[string, ItemSpec, ReturnType<typeof indicator>[]]>([
    ['a row with values', effect('社会效益'), [indicator('社会效益指标', '71个事项', '103', '103')]],
    ['a target alone is evidence', effect('服务对象满意度'), [indicator('服务对象满意度指标', '满意度', '≥90%', '')]],
    ['an actual alone is evidence', effect('经济效益'), [indicator('经济效益\n指标', '覆盖', '', '95%')]],
    ['a score of 0 is a value that needs no evidence', effect('环境效益', '0'), [indicator('生态效益指标', '', '', '')]],
    ['an empty score is unknown', effect('环境效益', ''), [indicator('生态效益指标', '', '', '')]],
    ['an empty-marker score is unknown', effect('环境效益', '—'), [indicator('生态效益指标', '', '', '')]],
    ['not an effect item', { l1: ['项目决策', '20'], l2: ['项目目标', '4'], l3: ['目标内容', '4'], score: '4' }, [indicator('生态效益指标', '', '', '')]],
  ])('silent: %s', (_, item, rows) => expect(run(scoreWithoutEvidence, build([item], rows))).toEqual([]));
  it('the category in the content column', () => {
    expect(run(scoreWithoutEvidence, build([effect('社会效益')], [indicator('效益指标', '社会效益：办件效率提升', '30%', '35%')]))).toEqual([]);
  });
  it('no indicator table at all (only the scoring table in this file) is not judged', () => {
    expect(run(scoreWithoutEvidence, build([effect('可持续影响')], []))).toEqual([]);
  });
  it('a blank filler row next to a filled one of the same category is not missing evidence', () => {
    expect(run(scoreWithoutEvidence, build([effect('社会效益')], [indicator('社会效益指标', '', '', ''), indicator('社会效益指标', '事项', '103', '103')]))).toEqual([]);
  });
});

describe('narrative-contradiction', () => {
  const implementation = (score: string): ItemSpec => ({
    l1: ['项目管理', '25'],
    l2: ['组织实施', '10'],
    l3: ['项目实施', '3'],
    indicator: '项目按计划开工；按计划进度开展；按计划完工',
    criteria: '①按计划开工（1分）\n②按计划开展（1分）\n③按计划完工（1分）',
    score,
  });
  const build = (items: ItemSpec[], ...paragraphs: string[]) => {
    const r = emptyReport();
    setRubric(r, rubric(items));
    r.narrative = narrative(...paragraphs);
    return r;
  };
  it('“尚未完工” against full marks for 按计划完工', () => {
    const found = run(narrativeContradiction, build([implementation('3')], '项目已完成开发。项目尚未完工，预计年底完成。'));
    expect(found.map(brief)).toEqual([{ expected: '<3', actual: '3', path: '/narrative/0/paragraphs/0' }]);
    expect(found[0]!.location).toMatchObject({ line: 300, excerpt: '项目尚未完工，预计年底完成。' });
    expect(found[0]!.related.map((r) => r.path)).toEqual(['/indicators/0/score']);
  });
  it('“系统尚未验收” in 实际完成 against a full-marks item about 验收', () => {
    const r = build([{ l1: ['项目绩效', '55'], l2: ['项目产出', '15'], l3: ['产出质量', '4'], indicator: '项目通过验收', score: '4' }]);
    r.goals = { expected: null, actual: textValue('按期完成招投标；\n系统尚未验收；', { table: 0, row: 16, col: 2 }) };
    const found = run(narrativeContradiction, r);
    expect(found.map((f) => [f.location.path, f.location.excerpt, f.actual])).toEqual([['/goals/actual', '系统尚未验收；', '4']]);
  });
  it('one statement, one finding, even when it contradicts two items', () => {
    const timely: ItemSpec = { l1: ['项目绩效', '55'], l2: ['项目产出', '15'], l3: ['产出时效', '3'], indicator: '预定目标是否如期完成', score: '3' };
    const found = run(narrativeContradiction, build([implementation('3'), timely], '受疫情影响，项目延期两个月。'));
    expect(found).toHaveLength(1);
    expect(found[0]!.related).toHaveLength(2);
  });
  it.each<[string, ItemSpec[], string]>([
    ['not full marks', [implementation('2')], '项目尚未完工。'],
    ['a condition, not a fact', [implementation('3')], '若未完工，将按合同扣款。'],
    ['尚未验收 does not contradict 按计划完工 (the seed)', [implementation('3')], '系统尚未验收。'],
    ['a funds item is about money, not milestones', [{ l1: ['项目管理', '25'], l2: ['资金到位', '5'], l3: ['到位时效', '2'], criteria: '不及时并影响项目进度', score: '2' }], '项目延期。'],
    ['nothing said', [implementation('3')], '项目按计划完成。'],
    ['an empty score', [implementation('')], '项目尚未完工。'],
  ])('silent: %s', (_, items, text) => expect(run(narrativeContradiction, build(items, text))).toEqual([]));
});

describe('cost-overrun', () => {
  const build = (content: string, target: string, actual: string, level2 = '成本指标') => {
    const r = emptyReport();
    r.hunan.indicators = [indicator(level2, content, target, actual)];
    return r;
  };
  it('actual above a 不超过 target (the seed’s row with 880万)', () => {
    const found = run(costOverrun, build('总成本不超过870万', '870万', '880万'));
    expect(found.map(brief)).toEqual([{ expected: '≤870万', actual: '880万', path: '/hunan/indicators/0/actual' }]);
  });
  it('quotes a target that writes its own comparator as written', () => {
    expect(run(costOverrun, build('总成本', '≤500万元', '520万元')).map((f) => f.expected)).toEqual(['≤500万元']);
    expect(run(costOverrun, build('总成本', '不超过500万元', '520万元')).map((f) => f.expected)).toEqual(['不超过500万元']);
    expect(run(costOverrun, build('总成本', '500万元', '520万元')).map((f) => f.expected)).toEqual(['≤500万元']);
  });
  it('元 vs 万元', () => {
    expect(run(costOverrun, build('总成本', '≤870万元', '8,800,000元')).map((f) => f.actual)).toEqual(['8,800,000元']);
    expect(run(costOverrun, build('总成本', '≤870万元', '8,680,000元'))).toEqual([]);
  });
  it.each([
    ['the seed: 868 ≤ 870', '总成本不超过870万', '870万', '868万'],
    ['equal', '总成本不超过870万', '870万', '870万'],
    ['empty actual', '总成本不超过870万', '870万', '——'],
    ['text only', '控制成本', '严格控制', '已控制'],
    ['full-width', '总成本不超过870万', '８７０万', '８６８万'],
    ['a 不低于 target is no ceiling', '投入不低于870万', '870万', '900万'],
  ])('silent: %s', (_, content, target, actual) => expect(run(costOverrun, build(content, target, actual))).toEqual([]));
  it('only cost indicators', () => expect(run(costOverrun, build('不超过3个月', '3个月', '4个月', '时效指标'))).toEqual([]));
});

describe('indicator-shortfall', () => {
  const build = (level2: string, target: string, actual: string, content = '指标') => {
    const r = emptyReport();
    r.hunan.indicators = [indicator(level2, content, target, actual)];
    return r;
  };
  it.each<[string, string, string, string, string | null]>([
    ['below a percentage target', '经济效益指标', '95%', '90%', 'default'],
    ['a 0 is a value', '数量指标', '10个', '0个', 'default'],
    ['full-width', '经济效益指标', '９５％', '９０％', 'default'],
    ['a time limit exceeded', '时效指标', '3个月', '4个月', 'over'],
    ['the seed: 95% = 95%', '经济效益指标', '95%', '95%', null],
    ['the seed: 103 = 103', '社会效益指标', '103', '103', null],
    ['the seed: 3个月 = 3个月', '时效指标', '3个月', '3个月', null],
    ['a time limit beaten', '时效指标', '3个月', '2个月', null],
    ['above target', '经济效益指标', '95%', '98%', null],
    ['empty actual', '经济效益指标', '95%', '—', null],
    ['text target', '数量指标', '四端覆盖', '四端覆盖', null],
    ['different units', '数量指标', '95%', '90个', null],
    ['cost rows are cost-overrun’s', '成本指标', '870万', '880万', null],
    ['two numbers in the target are ambiguous', '数量指标', '71个和32个', '50个', null],
  ])('%s', (_, level2, target, actual, messageId) => {
    const found = run(indicatorShortfall, build(level2, target, actual));
    if (!messageId) return expect(found).toEqual([]);
    expect(found.map(brief)).toEqual([{ expected: target, actual, path: '/hunan/indicators/0/actual' }]);
    expect(found[0]!.message).toContain(messageId === 'over' ? '超过' : '低于');
  });
  it('a ≤ target is a ceiling', () => {
    expect(run(indicatorShortfall, build('质量指标', '≤5%', '8%', '故障率')).map((f) => f.message)).toEqual(['绩效指标“故障率”实际完成值8%超过目标值≤5%']);
  });
});
