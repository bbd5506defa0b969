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
    // Since issue 13 付款 restates 实际支出, so the table must say 300 for the percentage to be the question.
    const r = withText('合同金额900万元，已付款30.5%，即300万元。');
    r.funds = funds(['900', '900', '300', '600']);
    const found = run(narrativePercent, r);
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

describe('narrative-percent: every plausible reading (issue 13)', () => {
  const withFundsText = (quad: [string, string, string, string], ...paragraphs: string[]) => {
    const r = withText(...paragraphs);
    r.funds = funds(quad);
    return r;
  };
  it.each([
    ['0 decimals', '预算868万元，已使用25%，即173.6万元。', '20%', '25%'],
    ['1 decimal', '预算868万元，已使用20.5%，即173.6万元。', '20.0%', '20.5%'],
    ['2 decimals stay two', '预算868万元，已使用20.05%，即173.6万元。', '20.00%', '20.05%'],
  ])('fires at the printed precision: %s', (_, text, expected, actual) => {
    expect(run(narrativePercent, withText(text)).map((f) => [f.expected, f.actual])).toEqual([[expected, actual]]);
  });
  it.each([
    ['2 decimals within the amounts’ rounding', '预算868万元，已使用20.00%，即173.6万元。'],
    ['one decimal', '预算868万元，已使用20.0%，即173.6万元。'],
  ])('silent: %s', (_, text) => expect(run(narrativePercent, withText(text))).toEqual([]));
  it('a percentage that fits one of two bases (arrived, not planned) is silent', () => {
    const r = withFundsText(['1000', '868', '173.6', '694.4'], '实际支出173.6万元，占到位资金的20%。');
    expect(run(narrativePercent, r)).toEqual([]);
    expect(run(narrativePercent, withFundsText(['1000', '868', '173.6', '694.4'], '资金使用率为17.36%。'))).toEqual([]);
    expect(run(narrativePercent, withFundsText(['1000', '868', '173.6', '694.4'], '资金使用率为20%。'))).toEqual([]);
  });
  it('an amount stated earlier in the paragraph is a base', () => {
    expect(run(narrativePercent, withText('项目合同金额为500万元。截至目前已支付173.6万元，占合同金额的34.72%。'))).toEqual([]);
    const found = run(narrativePercent, withText('项目合同金额为500万元。截至目前已支付173.6万元，占合同金额的40%。'));
    expect(found.map((f) => [f.expected, f.actual])).toEqual([['35%', '40%']]);
    // Every reading was tried, and the message says which one the expected value comes from.
    expect(found[0]!.message).toContain('按173.6万元/500万元计算应为35%');
    expect(found[0]!.message).toContain('173.6万元/计划安排资金868万元=20%');
  });
  it('the table figure its words name, when the sentence states no amount', () => {
    const found = run(narrativePercent, withText('资金使用率为50%。'));
    expect(found.map(brief)).toEqual([{ expected: '20%', actual: '50%', path: '/narrative/0/paragraphs/0' }]);
    expect(found[0]!.message).toBe('报告文字称50%，按实际支出173.6万元/计划安排资金868万元计算应为20%');
    expect(found[0]!.related.map((x) => x.path)).toEqual(['/funds/lines/0/executed', '/funds/lines/0/budget']);
  });
  it('two readings that give different values: both named when neither fits', () => {
    const found = run(narrativePercent, withFundsText(['1000', '868', '173.6', '694.4'], '资金使用率为30%。'));
    expect(found.map((f) => [f.expected, f.actual])).toEqual([['17%', '30%']]);
    expect(found[0]!.message).toBe('报告文字称30%，按实际支出173.6万元/计划安排资金1000万元计算应为17%；其他1种读法（实际支出173.6万元/实际到位资金868万元=20%）亦不相符');
  });
  it('到位率 100% when arrived equals planned', () => expect(run(narrativePercent, withText('资金到位率为100%。'))).toEqual([]));
  it.each([
    ['a progress rate', '预算868万元，工程形象进度达到90%。'],
    ['after 其中', '预算868万元，其中设备购置占35%。'],
    ['a change', '支出较上年增长35%。'],
  ])('silent, no share of money: %s', (_, text) => expect(run(narrativePercent, withText(text))).toEqual([]));
});

describe('narrative-amount: hedged amounts and other years', () => {
  const inYear = (year: string | null, text: string) => {
    const r = withText(text);
    if (year) r.identity.year = textValue(year, { line: 1 });
    return r;
  };
  it.each([
    ['约', '项目资金预算约900万元。'],
    ['近', '实际支出近180万元。'],
    ['超过', '累计支付超过180万元。'],
    ['左右', '已使用资金180万元左右。'],
    ['不足, in 元', '实际到位资金不足9,000,000元。'],
  ])('a hedged amount restates no figure: %s', (_, text) => expect(run(narrativeAmount, inYear(null, text))).toEqual([]));
  it('the same amounts without the hedge still fire', () => {
    const found = ['项目资金预算900万元。', '实际支出180万元。', '累计支付180万元。'].map((t) => run(narrativeAmount, inYear(null, t)).map((f) => f.actual));
    expect(found).toEqual([['900'], ['180'], ['180']]);
  });
  it('an amount of another year than the form’s is not compared; one of the form’s year is', () => {
    expect(run(narrativeAmount, inYear('2024', '2025年本项目预算资金为500万元。'))).toEqual([]);
    expect(run(narrativeAmount, inYear('2024', '2024年本项目预算资金为500万元，2025年预算资金为600万元。')).map((f) => f.actual)).toEqual(['500']);
    expect(run(narrativeAmount, inYear('2024', '本项目2024年3月支付资金137.6万元。')).map((f) => f.actual)).toEqual(['137.6']);
  });
  it('a form whose year is unknown compares every amount', () => {
    expect(run(narrativeAmount, inYear(null, '2025年本项目预算资金为500万元。')).map((f) => f.actual)).toEqual(['500']);
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
  it.each([
    ['累计支付', '截至目前累计支付183.6万元。', '173.6', '183.6'],
    ['兑付, 元 with separators', '已兑付1,836,000元。', '173.6', '183.6'],
    ['付款, 元 without separators', '已付款1836000元。', '173.6', '183.6'],
    ['支付', '已支付137.6万元。', '173.6', '137.6'],
    ['到位', '实际到位资金886万元。', '868', '886'],
    ['安排', '共安排项目资金886万元。', '868', '886'],
    ['结转, 亿元', '结转资金0.08亿元。', '694.4', '800'],
    ['剩余', '剩余资金649.4万元。', '694.4', '649.4'],
  ])('each word restates its figure: %s', (_, text, expected, actual) => {
    expect(run(narrativeAmount, withText(text)).map((f) => [f.expected, f.actual])).toEqual([[expected, actual]]);
  });
  it('a word with two meanings (下达: planned or arrived) is compared with both and names both', () => {
    const r = withText('上级下达项目资金900万元。');
    r.funds = funds(['1000', '868', '173.6', '694.4']);
    const found = run(narrativeAmount, r);
    expect(found.map((f) => [f.expected, f.actual])).toEqual([['1000', '900']]);
    expect(found[0]!.message).toBe('报告文字中的900万元（900万元）与表中计划安排资金1000万元及实际到位资金868万元均不符');
    expect(found[0]!.related.map((x) => x.path)).toEqual(['/funds/lines/0/budget', '/funds/lines/0/arrived']);
    expect(run(narrativeAmount, withText('上级下达项目资金868万元。'))).toEqual([]);
  });
  it.each([
    ['拨付 as arrived', '财政已拨付资金868万元。'],
    ['拨付 as spent', '财政已拨付资金173.6万元。'],
    ['亿元 at its printed precision', '剩余资金0.0694亿元。'],
    ['结余 in 元 with separators', '资金结余6,944,000元。'],
    ['a 中标价格 that differs from the budget', '中标价格为8,500,000元，资金预算为868万元。'],
    ['a 合同金额 is no table figure', '项目合同金额为900万元。'],
    ['a source the table does not list', '省财政到位资金300万元。'],
  ])('silent: %s', (_, text) => expect(run(narrativeAmount, withText(text))).toEqual([]));
  it('two amounts in one sentence are each checked', () => {
    expect(run(narrativeAmount, withText('实际到位资金868万元，已支付137.6万元。')).map((f) => [f.expected, f.actual])).toEqual([['173.6', '137.6']]);
    expect(run(narrativeAmount, withText('实际到位资金886万元，已支付137.6万元。')).map((f) => [f.expected, f.actual])).toEqual([
      ['868', '886'],
      ['173.6', '137.6'],
    ]);
  });
  it('a named source is compared with its own row', () => {
    const r = withText('市财政到位资金800万元。');
    r.funds = funds(['868', '868', '173.6', '694.4'], [['municipal', '市财政', ['868', '868', '173.6', '694.4']]]);
    const found = run(narrativeAmount, r);
    expect(found.map((f) => [f.expected, f.actual, f.related[0]!.path])).toEqual([['868', '800', '/funds/lines/1/arrived']]);
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
