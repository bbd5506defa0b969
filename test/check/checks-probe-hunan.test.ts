/**
 * A probe of the rules on Hunan reports the project has not seen: variants of the seed's funds grid,
 * scoring table, headline and narrative, each with the findings the contract expects worked out here.
 * Only the rules under probe are compared (the seed's own findings — an impossible date, scores without
 * evidence, a missing 主管部门, a low execution rate — stay as they are and are not at issue here).
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import { D, SYNONYMS, bandOf, expectFindings, plain, type Expect } from '../helpers/checks-probe.js';
import { SEED_TEXT, bytesOf, fundsSourceRow, replaceOnce, tikaRow } from '../helpers/tika.js';

const PROBED = ['funds-balance', 'funds-source-sum', 'funds-overrun', 'rubric-total', 'rubric-score-range', 'rubric-weight-sum', 'headline-score', 'grade-band', 'grade-unknown', 'narrative-amount', 'narrative-percent'];

async function findingsOf(text: string) {
  const r = await processDocument({ bytes: bytesOf(text), file: 'report.txt' });
  expect(r.status).toBe('ok');
  expect(r.evaluations).toHaveLength(1);
  return r.findings;
}

const expectProbed = async (text: string, expected: Expect[]) => expectFindings(await findingsOf(text), expected, PROBED);

type Quad = [string, string, string, string];
const SEED_FUNDS: Quad = ['868', '868', '173.6', '694.4'];
const FUNDS_HEADER = (v: Quad) => `\t计划安排资金\n（万元）\n\t${v[0]}\n\t实际到位资金\n（万元）\n\t${v[1]}\n\t实际支出\n（万元）\n\t${v[2]}\n\t结余\n（万元）\n\t${v[3]}\n\n`;
const SEED_SENTENCE = '本项目资金预算为868万元，已使用20%，即173.6万元，剩余部分在完成项目验收后按合同支付。';

/** The seed with its 合计 and 市财政 rows replaced (县市区财政 too, when given), and its funds sentence. */
function withFunds(total: Quad, city: Quad, county?: Quad, sentence = '本项目资金全部由市财政安排。'): string {
  let t = replaceOnce(SEED_TEXT, FUNDS_HEADER(SEED_FUNDS), FUNDS_HEADER(total));
  t = replaceOnce(t, fundsSourceRow('市财政', SEED_FUNDS), fundsSourceRow('市财政', city));
  if (county) t = replaceOnce(t, fundsSourceRow('县市区财政', ['', '', '', '']), fundsSourceRow('县市区财政', county));
  return replaceOnce(t, SEED_SENTENCE, sentence);
}

const decimalsOf = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

describe('funds-balance: 结余 = 到位 − 支出 on the total and the source row, exact after rounding to the printed decimals', () => {
  const cases = ['173.6', '173.55', '694', '868'].flatMap((spent) => {
    const balance = new D(868).minus(spent);
    const d = decimalsOf(spent);
    const unit = new D(10).pow(-d);
    return [
      { spent, balance: balance.toFixed(d), wrong: false },
      { spent, balance: balance.plus(unit).toFixed(d), wrong: true },
      { spent, balance: balance.minus(unit).toFixed(d), wrong: true },
      // Fewer decimals than the operands: the difference rounded half up to them. (A whole number in a
      // table is taken as exact by design — README "Rules" — so 694 for 694.4 is not probed here.)
      ...(d > 1 ? [{ spent, balance: balance.toFixed(d - 1, D.ROUND_HALF_UP), wrong: false }] : []),
    ];
  });
  it.each(cases)('spent $spent, balance $balance', async ({ spent, balance, wrong }) => {
    const quad: Quad = ['868', '868', spent, balance];
    const finding: Expect = { rule: 'funds-balance', severity: 'error', expected: plain(new D(868).minus(spent)), actual: plain(balance) };
    await expectProbed(withFunds(quad, quad), wrong ? [finding, finding] : []);
  });

  it('spending above what arrived is an overrun, once for the total and its one source', async () => {
    const quad: Quad = ['868', '868', '900', '-32'];
    await expectProbed(withFunds(quad, quad), [{ rule: 'funds-overrun', severity: 'warning', expected: '≤868', actual: '900' }]);
  });

  it('more arrived than planned is an overrun', async () => {
    const quad: Quad = ['868', '900', '173.6', '726.4'];
    await expectProbed(withFunds(quad, quad), [{ rule: 'funds-overrun', severity: 'warning', expected: '≤868', actual: '900' }]);
  });
});

describe('funds-source-sum: the source rows add up to the total, per column', () => {
  const CITY: Quad = ['800', '800', '173.6', '626.4'];
  it.each([
    ['800 + 68, the county spending nothing (blank)', ['68', '68', '', '68'] as Quad, []],
    ['800 + 68, the county spending 0', ['68', '68', '0', '68'] as Quad, []],
    [
      '800 + 67 in every column but the spending',
      ['67', '67', '0', '67'] as Quad,
      [
        { rule: 'funds-source-sum', severity: 'error', expected: '868', actual: '867' },
        { rule: 'funds-source-sum', severity: 'error', expected: '868', actual: '867' },
        { rule: 'funds-source-sum', severity: 'error', expected: '694.4', actual: '693.4' },
      ],
    ],
    ['800 + 68.0: one decimal more, the same amount', ['68.0', '68.0', '', '68.0'] as Quad, []],
    [
      'the county’s plan restated in 元 (680000): a unit slip',
      ['680000', '68', '', '68'] as Quad,
      [{ rule: 'funds-source-sum', severity: 'error', expected: '868', actual: '680800' }],
    ],
  ] as [string, Quad, Expect[]][])('%s', async (_name, county, expected) => {
    await expectProbed(withFunds(SEED_FUNDS, CITY, county), expected);
  });
});

const TOTAL_ROW = tikaRow(['总分', '100', '', '100', '', '100', '', '', '98']);
const ALLOCATION = '\t①符合分配办法（2分）\n②分配公平合理（3分）\n此项需提供相应的资金分配方案。\n\t3\n';
const HEADLINE_ROWS = tikaRow(['绩效自评综合得分', '98分']) + tikaRow(['评价等次', '优秀']);

/** The seed with 分配结果 (5 points, scored 3) scored `score`, the 总分 printed `total`, headline and grade. */
function scoring(score: string, total: string, headline = '98分', grade = '优秀'): string {
  let t = replaceOnce(SEED_TEXT, ALLOCATION, ALLOCATION.replace('\t3\n', `\t${score}\n`));
  t = replaceOnce(t, TOTAL_ROW, tikaRow(['总分', '100', '', '100', '', '100', '', '', total]));
  return replaceOnce(t, HEADLINE_ROWS, tikaRow(['绩效自评综合得分', headline]) + tikaRow(['评价等次', grade]));
}

describe('the scoring table: items add up to the 总分 (within half a unit of its printed decimals), the headline equals it', () => {
  // The other items add up to 95.
  it.each([
    ['3', '98', []],
    ['2', '98', [{ rule: 'rubric-total', severity: 'error', expected: '97', actual: '98' }]],
    ['4', '98', [{ rule: 'rubric-total', severity: 'error', expected: '99', actual: '98' }]],
    ['2.5', '97.5', []],
    ['2.5', '97.4', [{ rule: 'rubric-total', severity: 'error', expected: '97.5', actual: '97.4' }]],
    ['6', '101', [{ rule: 'rubric-score-range', severity: 'error', expected: '0–5', actual: '6' }]],
    // An empty score is unknown but at most its weight (5): the others' 95 allow no more than 100.
    ['', '98', []],
    ['', '100', []],
    ['', '101', [{ rule: 'rubric-total', severity: 'error', expected: '≤100', actual: '101' }]],
  ] as [string, string, Expect[]][])('分配结果 %s, 总分 %s', async (score, total, expected) => {
    const headline = `${total}分`;
    await expectProbed(scoring(score, total, headline, bandOf(total) === '优' ? '优秀' : '良好'), expected);
  });

  it.each([
    ['98分', []],
    ['98.0分', []],
    ['97.99分', []],
    ['97分', [{ rule: 'headline-score', severity: 'error', expected: '98', actual: '97' }]],
    ['98.5分', [{ rule: 'headline-score', severity: 'error', expected: '98', actual: '98.5' }]],
  ] as [string, Expect[]][])('headline %s against the 总分 98', async (headline, expected) => {
    await expectProbed(scoring('3', '98', headline), expected);
  });
});

describe('the grade names the band of the headline score', () => {
  const cases = ['90', '89.5', '80', '79.5', '60', '59.5'].flatMap((score) => Object.keys(SYNONYMS).map((grade) => ({ score, grade })));
  it.each(cases)('headline $score分, graded $grade', async ({ score, grade }) => {
    const band = bandOf(score);
    const expected: Expect[] = [{ rule: 'headline-score', severity: 'error', expected: '98', actual: score }];
    if (SYNONYMS[grade] !== band) expected.push({ rule: 'grade-band', severity: 'error', expected: band, actual: grade });
    await expectProbed(scoring('3', '98', `${score}分`, grade), expected);
  });
});

/** The seed's funds sentence with the budget written `budget` and the share `percent`. */
const sentence = (budget: string, percent = '20%') => replaceOnce(SEED_TEXT, SEED_SENTENCE, `本项目资金预算为${budget}，已使用${percent}，即173.6万元，剩余部分在完成项目验收后按合同支付。`);

describe('narrative-amount: a budget restated in the narrative matches the table’s 868 at the precision it is printed with', () => {
  const amount = (actual: string): Expect[] => [{ rule: 'narrative-amount', severity: 'warning', expected: '868', actual }];
  it.each([
    ['868万元', []],
    ['868.0万元', []],
    // A whole 万元 in prose against the table's whole 868: rounding either cannot make them one apart.
    ['867万元', amount('867')],
    ['869万元', amount('869')],
    ['0.0869亿元', amount('869')],
    ['868.4万元', []],
    ['868.6万元', amount('868.6')],
    ['8680000元', []],
    ['8,680,000元', []],
    ['8,690,000元', amount('869')],
    ['0.0868亿元', []],
    ['0.09亿元', []],
    ['0.08亿元', amount('800')],
    ['886万元', amount('886')],
  ] as [string, Expect[]][])('%s', async (budget, expected) => {
    await expectProbed(sentence(budget), expected);
  });
});

describe('narrative-percent: 173.6 of 868 万元 is 20%, at the printed precision and the amounts’ own rounding', () => {
  const percent = (expected: string, actual: string): Expect[] => [{ rule: 'narrative-percent', severity: 'warning', expected, actual }];
  it.each([
    ['20%', []],
    ['20.0%', []],
    ['20.00%', []],
    ['20.01%', []],
    ['19.99%', []],
    ['21%', percent('20%', '21%')],
    ['19%', percent('20%', '19%')],
    ['20.1%', percent('20.0%', '20.1%')],
    ['19.9%', percent('20.0%', '19.9%')],
    ['20.05%', percent('20.00%', '20.05%')],
  ] as [string, Expect[]][])('已使用%s', async (pct, expected) => {
    await expectProbed(sentence('868万元', pct), expected);
  });

  it.each([
    ['20%', []],
    ['25%', percent('20%', '25%')],
  ] as [string, Expect[]][])('资金执行率为%s', async (pct, expected) => {
    await expectProbed(replaceOnce(SEED_TEXT, SEED_SENTENCE, `本项目资金预算为868万元，资金执行率为${pct}。`), expected);
  });
});
