import { describe, expect, it } from 'vitest';
import { labelKey, foldTraditional, foldWidth, isTemplatePlaceholder } from '../src/model/normalize.js';
import { arabicYears, dateValue, findDates, measureValue, moneyValue, nameValue, numberValue, unitInHeader } from '../src/parse/values.js';
import { splitLabelled } from '../src/parse/locate.js';

const src = { line: 1 };

describe('money', () => {
  it.each([
    ['868', '868', '万元', 0],
    ['173.6万元', '173.6', '万元', 1],
    ['8,680,000元', '868', '元', 4],
    ['8680000元', '868', '元', 4],
    ['１７３．６', '173.6', '万元', 1],
    ['0.06944亿元', '694.4', '亿元', 1],
    // 亿元 to one decimal is printed to 1,000 万元, not exact to 1 万元
    ['1.2亿元', '12000', '亿元', -3],
    ['2亿元', '20000', '亿元', -4],
    ['0', '0', '万元', 0],
    ['-2.5', '-2.5', '万元', 1],
  ])('%s → %s 万元', (raw, value, unit, decimals) => {
    expect(moneyValue(raw, src)).toMatchObject({ value, unit, decimals, raw });
  });

  it.each(['', '—', '——', '-', '/', '无', '不适用', '  '])('empty marker %j is null, not 0', (raw) => {
    expect(moneyValue(raw, src).value).toBeNull();
  });

  it('takes the unit of the column header when the cell has none', () => {
    expect(moneyValue('8680000', src, '元')).toMatchObject({ value: '868', unit: '元' });
  });

  it('never turns two numbers into one', () => {
    expect(moneyValue('100或200', src).value).toBeNull();
  });

  it('never reads a year, a date or a rate in a sentence as an amount', () => {
    for (const raw of ['资金于2020年拨付到位', '2021年6月', '96.5%', '增长3个百分点']) expect(moneyValue(raw, src).value, raw).toBeNull();
    expect(moneyValue('868万元（已拨付）', src)).toMatchObject({ value: '868', unit: '万元' });
  });
});

describe('numbers, dates, measures, names', () => {
  it('scores', () => {
    expect(numberValue('98分', src)).toMatchObject({ value: '98', decimals: 0 });
    expect(numberValue('7.50', src)).toMatchObject({ value: '7.5', decimals: 2 });
    expect(numberValue('／', src).value).toBeNull();
  });

  it('years in Chinese digits become Arabic, one character for one', () => {
    expect(arabicYears('二〇二四年度项目支出绩效自评表')).toBe('2024年度项目支出绩效自评表');
    expect(arabicYears('（二○二三年度）')).toBe('（2023年度）');
    expect(arabicYears('二O二一 年')).toBe('2021 年');
    // Not a year: no 年 after it, or a count of years.
    expect(arabicYears('二〇二四')).toBe('二〇二四');
    expect(arabicYears('三年行动')).toBe('三年行动');
  });

  it('numbers: a closing note stating the maximum is not the value', () => {
    expect(numberValue('98分（满分100分）', src)).toMatchObject({ value: '98', decimals: 0, raw: '98分（满分100分）' });
    expect(numberValue('4.5 (总分：5分)', src)).toMatchObject({ value: '4.5', decimals: 1 });
    expect(numberValue('９８（满分１００）', src).value).toBe('98');
    // Other notes, and the maximum before the value, leave two numbers: not read.
    expect(numberValue('98分（扣2分）', src).value).toBeNull();
    // A spreadsheet's error value holds a 0 that is no number.
    for (const raw of ['#DIV/0!', '＃DIV/0！', '#div/0!', '#NUM!']) {
      expect(numberValue(raw, src).value, raw).toBeNull();
      expect(moneyValue(raw, src).value, raw).toBeNull();
      expect(measureValue(raw, src), raw).toMatchObject({ number: null, unit: null, comparator: null });
    }
    expect(numberValue('（满分100分）98分', src).value).toBeNull();
    expect(numberValue('（满分100分）', src).value).toBeNull();
  });

  it('dates: ISO, month precision, impossible dates kept raw and invalid', () => {
    expect(dateValue('2021年6月8日', src)).toMatchObject({ value: '2021-06-08', valid: true });
    expect(dateValue('2021.6', src)).toMatchObject({ value: '2021-06', valid: true });
    expect(dateValue('2020年9月31日', src)).toMatchObject({ value: null, valid: false, raw: '2020年9月31日' });
    expect(dateValue('2021年2月29日', src)?.valid).toBe(false);
    expect(dateValue('二〇二二年五月二十日', src)).toMatchObject({ value: '2022-05-20', valid: true });
    expect(dateValue('二○二一年十二月三十一日', src)).toMatchObject({ value: '2021-12-31', valid: true });
    expect(dateValue('二〇二二年十月', src)).toMatchObject({ value: '2022-10', valid: true });
    expect(dateValue('二〇二一年二月三十日', src)).toMatchObject({ value: null, valid: false });
    expect(dateValue('二〇二二年五月四十日', src)).toBeNull();
    expect(dateValue('2020年2月29日', src)?.valid).toBe(true);
    expect(findDates('于2020年8月正式动工，2020年9月31日完成').map((d) => [d.raw, d.value, d.valid])).toEqual([
      ['2020年8月', '2020-08', true],
      ['2020年9月31日', null, false],
    ]);
  });

  it('indicator values keep number, unit and comparator', () => {
    expect(measureValue('总成本不超过870万', src)).toMatchObject({ number: '870', unit: '万', comparator: '<=' });
    expect(measureValue('≥95%', src)).toMatchObject({ number: '95', unit: '%', comparator: '>=' });
    expect(measureValue('四端覆盖', src)).toMatchObject({ value: '四端覆盖', number: null, comparator: null });
    expect(measureValue('—', src).value).toBeNull();
  });

  it('label-like cells lose their layout breaks', () => {
    expect(nameValue('经济效益\n指标', src).value).toBe('经济效益指标');
    expect(nameValue('目 标', src).value).toBe('目标');
  });
});

describe('labels', () => {
  it('fold full-width ASCII but never circled digits', () => {
    expect(foldWidth('８６８，％（）')).toBe('868,%()');
    expect(foldWidth('①②③')).toBe('①②③');
  });

  it('fold the edges of the full-width range, the ideographic and no-break spaces, and nothing beside them', () => {
    const edges = String.fromCharCode(0xff00, 0xff01, 0xff5e, 0xff5f, 0x3000, 0x3001, 0xa0, 0xa1);
    expect(foldWidth(edges)).toBe(`${String.fromCharCode(0xff00)}!~${String.fromCharCode(0xff5f)} 、 ¡`);
    expect(foldWidth('𠀀ｘ𠀀')).toBe('𠀀x𠀀'); // a character outside the BMP is two code units, neither folded
  });

  it('fold Traditional characters of the forms to Simplified, anywhere in the text, and leave others', () => {
    expect(foldTraditional('項目支出績效自評表')).toBe('项目支出绩效自评表');
    expect(foldTraditional('（萬元）總分')).toBe('（万元）总分');
    expect(foldTraditional('项目支出绩效自评表 𠀀 ①')).toBe('项目支出绩效自评表 𠀀 ①');
    expect(foldTraditional('abc進')).toBe('abc进');
  });

  it('match spaced, split and bracketed labels', () => {
    expect(labelKey('项 目 基 本 概 况')).toBe('项目基本概况');
    expect(labelKey('计划安排资金\n（万元）')).toBe('计划安排资金');
    expect(labelKey('邮  编')).toBe('邮编');
    expect(splitLabelled('项 目 名 称： 某项目', ['项目名称'])).toEqual({ label: '项目名称', value: ' 某项目' });
    expect(splitLabelled('主管部门意见：', ['主管部门'])).toBeNull();
  });
});

describe('signs and separators found in review', () => {
  it.each([
    ['−5', '-5'],
    ['–5', '-5'],
    ['8 680 000元', '868'],
    // Word's non-breaking hyphen (w:noBreakHyphen), the hyphen, figure dash and small hyphen-minus
    ['\u20115.00', '-5'],
    ['\u20105', '-5'],
    ['\u20125', '-5'],
    ['\ufe635', '-5'],
  ])('%s reads as %s', (raw, value) => {
    expect(moneyValue(raw, src).value).toBe(value);
  });

  it('reads a hyphen before a score or rate as a minus too, and one between numbers as no number', () => {
    expect(numberValue('\u20113', src).value).toBe('-3');
    expect(moneyValue('2020\u20112022', src).value).toBeNull();
  });

  it('never joins numbers across lines', () => {
    expect(moneyValue('173.6\n20', src).value).toBeNull();
  });
});

describe('indicator units found in review', () => {
  it.each([
    ['100户以上', '100', '户', '>='],
    ['3天内', '3', '天', '<='],
    ['10个工作日内', '10', '个工作日', '<='],
    ['≥95%', '95', '%', '>='],
    ['620人次', '620', '人次', null],
    ['总成本不超过870万', '870', '万', '<='],
    // "百分比" is the unit as 度量单位 columns name %, whole (not its first two characters).
    ['≥90百分比', '90', '百分比', '>='],
  ])('%s → %s %s %s', (raw, number, unit, comparator) => {
    expect(measureValue(raw, src)).toMatchObject({ number, unit, comparator });
  });
});

describe('units in headers', () => {
  it('read 兀, the OCR look-alike of 元, as 元 inside a bracketed unit only', () => {
    expect(unitInHeader('项目资金（兀）')).toBe('元');
    expect(unitInHeader('计划安排资金(万兀)')).toBe('万元');
    expect(unitInHeader('计划安排资金（万元）')).toBe('万元');
    expect(unitInHeader('兀')).toBeNull();
  });
});

describe('template placeholders', () => {
  it.each(['对照年度目标,说明偏差原因及改进措施(100字以内)', '（200字左右）', '请填写偏差原因', '请简要说明'])('%s is an instruction, not an answer', (t) => {
    expect(isTemplatePlaceholder(t)).toBe(true);
  });
  it.each(['受雨季影响，工期延后', '已说明情况（见附件）', '控制在100字以内的说明稿已报送', '对照组数据缺失'])('%s is an answer', (t) => {
    expect(isTemplatePlaceholder(t)).toBe(false);
  });
});

describe('amounts in parentheses', () => {
  const src = { table: 0, row: 0, col: 0 };
  it('are negative when the parentheses hold the amount alone, as accountants print it', () => {
    expect(moneyValue('(5.00)', src).value).toBe('-5');
    expect(moneyValue('（5.00）', src).value).toBe('-5');
    expect(moneyValue('(50000元)', src).value).toBe('-5');
    expect(moneyValue('(1,234.50)', src).value).toBe('-1234.5');
  });
  it('keep their sign otherwise', () => {
    expect(moneyValue('5.00', src).value).toBe('5');
    expect(moneyValue('-5.00', src).value).toBe('-5');
    expect(moneyValue('5.00（调整后）', src).value).toBe('5');
    expect(moneyValue('(含税)5.00', src).value).toBe('5');
  });
});
