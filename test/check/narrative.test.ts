import { describe, expect, it } from 'vitest';
import { dateInvalid } from '../../src/templates/hunan-project-v1/rules/date-invalid.js';
import { dateOrder } from '../../src/templates/hunan-project-v1/rules/date-order.js';
import { fieldMissing } from '../../src/templates/hunan-project-v1/rules/field-missing.js';
import { narrativeAmount } from '../../src/check/rules/narrative-amount.js';
import { narrativePercent } from '../../src/check/rules/narrative-percent.js';
import { dateValue, textValue } from '../../src/parse/values.js';
import { completeReport, emptyReport, funds, narrative, rubric, setRubric } from '../helpers/report-builder.js';
import { brief, run } from './run.js';

const SEED_SENTENCE = '本项目资金预算为868万元，已使用20%，即173.6万元，剩余部分在完成项目验收后按合同支付。';
const withText = (...paragraphs: string[]) => {
  const r = emptyReport();
  r.funds = funds(['868', '868', '173.6', '694.4']);
  r.narrative = narrative(...paragraphs);
  return r;
};

describe('narrative-percent', () => {
  it('a wrong percentage between two amounts', () => {
    const found = run(narrativePercent, withText(SEED_SENTENCE.replace('20%', '25%')));
    expect(found.map(brief)).toEqual([{ expected: '20%', actual: '25%', path: '/narrative/0/paragraphs/0' }]);
    expect(found[0]!.location).toMatchObject({ line: 300, text: '25%', excerpt: SEED_SENTENCE.replace('20%', '25%') });
    expect(found[0]!.message).toBe('报告文字称25%，按173.6万元/868万元计算应为20%');
  });
  it('the computed percentage at the printed precision', () => {
    const found = run(narrativePercent, withText('合同金额900万元，已付款30.5%，即300万元。'));
    expect(found.map((f) => [f.expected, f.actual])).toEqual([['33.3%', '30.5%']]);
  });
  it.each([
    ['the seed’s sentence', SEED_SENTENCE],
    ['full-width digits', '本项目资金预算为８６８万元，已使用２０％，即１７３．６万元。'],
    ['元 and 万元 mixed', '本项目资金预算为8680000元，已使用20%，即173.6万元。'],
    ['rounded percentage', '预算为900万元，已使用33%，即300万元。'],
    ['a rate of change is another relation', '今年投入120万元，比上年100万元增长20%。'],
    ['three amounts are ambiguous', '预算868万元，其中设备300万元，已使用50%，即434万元。'],
    ['two percentages are ambiguous', '预算868万元，已使用20%，即173.6万元，完成进度30%。'],
    ['no amounts', '满意度达到95%。'],
  ])('silent: %s', (_, text) => expect(run(narrativePercent, withText(text))).toEqual([]));
  it('a sentence whose amount contradicts the table is narrative-amount’s, reported once', () => {
    const text = SEED_SENTENCE.replace('173.6万元', '137.6万元');
    expect(run(narrativePercent, withText(text))).toEqual([]);
    expect(run(narrativeAmount, withText(text)).map((f) => [f.expected, f.actual])).toEqual([['173.6', '137.6']]);
  });
});

describe('narrative-amount', () => {
  it('a budget restated wrongly', () => {
    const found = run(narrativeAmount, withText(SEED_SENTENCE.replace('868万元', '886万元')));
    expect(found.map(brief)).toEqual([{ expected: '868', actual: '886', path: '/narrative/0/paragraphs/0' }]);
    expect(found[0]!.related.map((r) => r.path)).toEqual(['/funds/lines/0/budget']);
    expect(found[0]!.message).toBe('报告文字称计划安排资金为886万元（886万元），表中为868万元');
  });
  it('元 in prose converted to 万元', () => {
    const found = run(narrativeAmount, withText('项目实际支出1,836,000元。'));
    expect(found.map((f) => [f.expected, f.actual, f.location.text])).toEqual([['173.6', '183.6', '1,836,000元']]);
  });
  it.each([
    ['the seed’s sentence', SEED_SENTENCE],
    ['8680000元 = 868万元 under a budget label', '项目预算为8680000元。'],
    ['中标价格 restates no table figure', '中标单位为江苏国泰新点软件有限公司，中标价格为8680000元。'],
    ['a different 中标价格 is no restatement either', '中标价格为8600000元。'],
    ['a part of the spending', '其中设备购置支出50万元。'],
    ['a source row’s figure is not the total’s', '市财政到位资金800万元。'],
    ['full-width', '本项目资金预算为８６８万元。'],
    ['an amount per person', '补助标准为支出500元/人。'],
    ['two amounts under one label are ambiguous', '已使用100万元和73.6万元。'],
  ])('silent: %s', (_, text) => expect(run(narrativeAmount, withText(text))).toEqual([]));
  it('亿元 in prose is compared at its printed precision (1.2亿元 = 12,000 ± 500 万元)', () => {
    const r = (text: string) => {
      const report = withText(text);
      report.funds = funds(['12034', '12034', '34', '12000']);
      return report;
    };
    expect(run(narrativeAmount, r('项目资金预算为1.2亿元。'))).toEqual([]);
    expect(run(narrativeAmount, r('项目资金预算为1.5亿元。')).map((f) => [f.expected, f.actual])).toEqual([['12034', '15000']]);
  });
  it('an empty table figure is unknown', () => {
    const r = withText('项目结余694.4万元。');
    r.funds = funds(['868', '868', '173.6', '']);
    expect(run(narrativeAmount, r)).toEqual([]);
  });
});

describe('date-invalid', () => {
  it('an impossible date in the narrative, located by its sentence', () => {
    const text = '项目于2020年8月正式动工建设，新点公司于2020年9月31日初步完成项目所有系统软件的设计。同期开始培训。';
    const found = run(dateInvalid, withText(text));
    expect(found.map(brief)).toEqual([{ expected: '2020-09-01..2020-09-30', actual: '2020年9月31日', path: '/narrative/0/paragraphs/0' }]);
    expect(found[0]!.location).toMatchObject({ line: 300, excerpt: '项目于2020年8月正式动工建设，新点公司于2020年9月31日初步完成项目所有系统软件的设计。' });
  });
  it('an impossible report date on the cover', () => {
    const r = emptyReport();
    r.identity.reportDate = dateValue('2021年2月29日', { line: 20 });
    expect(run(dateInvalid, r).map(brief)).toEqual([{ expected: '2021-02-01..2021-02-28', actual: '2021年2月29日', path: '/identity/reportDate' }]);
  });
  it('month 13', () => expect(run(dateInvalid, withText('2020年13月1日开工。')).map((f) => f.expected)).toEqual(['2020-01..2020-12']));
  it('the same wrong date twice is one finding, the second related', () => {
    const found = run(dateInvalid, withText('于2020年9月31日完成。', '截至2020年9月31日已培训。'));
    expect(found).toHaveLength(1);
    expect(found[0]!.related.map((r) => r.line)).toEqual([301]);
  });
  it('full-width digits', () => expect(run(dateInvalid, withText('于２０２０年９月３１日完成。')).map((f) => f.expected)).toEqual(['2020-09-01..2020-09-30']));
  it('a dotted date', () => expect(run(dateInvalid, withText('于2020.9.31完成。')).map((f) => f.actual)).toEqual(['2020.9.31']));
  it.each([
    ['a leap day', '于2020年2月29日完成。'],
    ['a month without a day', '于2020年9月完成。'],
    ['a voucher-like number is not a date', '凭证2020年12月34#。'],
    ['an amount with decimals is not a date', '已支付1736.15万元。'],
    ['a dotted year-like amount is not a date', '共计2020.15万元。'],
  ])('silent: %s', (_, text) => expect(run(dateInvalid, withText(text))).toEqual([]));
});

describe('date-order', () => {
  const build = (start: string | null, end: string | null, report: string | null) => {
    const r = emptyReport();
    const src = { table: 0, row: 3, col: 1 };
    r.hunan.overview.period = { raw: '', start: start ? dateValue(start, src) : null, end: end ? dateValue(end, src) : null, ongoing: end === null, src };
    r.identity.reportDate = report ? dateValue(report, { line: 20 }) : null;
    return r;
  };
  it('a period that ends before it starts', () => {
    expect(run(dateOrder, build('2020年8月', '2020年6月', null)).map(brief)).toEqual([{ expected: '≥2020-08', actual: '2020-06', path: '/hunan/overview/period/end' }]);
  });
  it('a report dated before the project started', () => {
    expect(run(dateOrder, build('2021年8月', null, '2021年6月8日')).map(brief)).toEqual([{ expected: '≥2021-08', actual: '2021-06-08', path: '/identity/reportDate' }]);
  });
  it.each<[string, string | null, string | null, string | null]>([
    ['the seed (至今, report later)', '2020年 8 月', null, '2021年6月8日'],
    ['same month at different precision', '2020年8月', '2020年8月20日', '2020年8月25日'],
    ['an impossible date is date-invalid’s', '2020年8月', '2020年6月31日', null],
    ['no start', null, '2020年6月', '2021年6月8日'],
  ])('silent: %s', (_, s, e, d) => expect(run(dateOrder, build(s, e, d))).toEqual([]));
});

describe('field-missing', () => {
  it('silent when everything is there', () => expect(run(fieldMissing, completeReport())).toEqual([]));
  it('a blank 主管部门 (the seed)', () => {
    const r = completeReport();
    r.identity.authority = textValue('                ', { block: 5, line: 12 });
    const found = run(fieldMissing, r);
    expect(found.map((f) => [f.location, f.message])).toEqual([[{ path: '/identity/authority', block: 5, line: 12 }, '缺少主管部门']]);
  });
  it('empty markers and absent labels', () => {
    const r = completeReport();
    r.identity.unit = textValue('无', { line: 2 });
    r.totals.grade = null;
    r.funds = funds(['', '', '', '']);
    expect(run(fieldMissing, r).map((f) => f.location.path)).toEqual(['/identity/unit', '/totals/grade', '/funds']);
  });
  it('an impossible report date is there (date-invalid reports it)', () => {
    const r = completeReport();
    r.identity.reportDate = dateValue('2021年2月30日', { line: 4 });
    expect(run(fieldMissing, r)).toEqual([]);
  });
  it('a 0 score is present', () => {
    const r = completeReport();
    r.totals.headline = textValue('0', { table: 0, row: 34, col: 1 }) as never;
    expect(run(fieldMissing, r)).toEqual([]);
  });
  it('a file with only the scoring table gets one finding, not seven', () => {
    const r = emptyReport();
    setRubric(r, rubric([{ l1: ['项目决策', '100'], score: '90' }], '100', '90'));
    const found = run(fieldMissing, r);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('未找到自评报告部分（仅有评分表），无法核对项目名称、项目单位、主管部门、报告日期、绩效自评综合得分、评价等次、资金情况表');
  });
});
