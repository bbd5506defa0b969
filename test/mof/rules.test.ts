/**
 * The MoF rules on generated forms: each mutation injects one fault into a clean form and must give
 * exactly that rule's finding with the right expected and actual values; each silent case must give
 * nothing. Forms are rendered as Tika text (the fastest reader) unless a case is about another format.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { processDocument } from '../../src/process.js';
import { formById, renderDocx, renderHtml, renderTika, type MofForm } from '../helpers/mof/index.js';

const enc = new TextEncoder();

async function findingsOf(form: MofForm, format: 'txt' | 'docx' | 'html' = 'txt'): Promise<Finding[]> {
  const bytes = format === 'docx' ? renderDocx(form) : enc.encode(format === 'html' ? renderHtml(form) : renderTika(form));
  const r = await processDocument({ bytes, file: `${form.id}.${format}` });
  expect(r.status, r.error ?? '').toBe('ok');
  return r.findings;
}

const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, expected: f.expected, actual: f.actual });

function edit(id: string, change: (f: MofForm) => void): MofForm {
  const form = formById(id);
  change(form);
  return form;
}

const ind = (f: MofForm, name: string) => {
  const row = f.indicators.find((i) => i.level3 === name);
  if (!row) throw new Error(`no indicator ${name} in ${f.id}`);
  return row;
};

const ROAD = 'project-road-wan';
const SCHOOL = 'project-school-yuan';
const AGRI = 'project-agri-subsidy-yuan';

describe('clean forms give no finding', () => {
  it.each([ROAD, SCHOOL])('%s', async (id) => {
    expect((await findingsOf(formById(id))).map(brief)).toEqual([]);
  });
});

describe('one fault, one finding', () => {
  const cases: [string, () => MofForm, ReturnType<typeof brief>[]][] = [
    ['execution-rate: 93.99% printed for 91.99%', () => edit(ROAD, (f) => (f.funds[0]!.rate = '93.99%')), [{ rule: 'execution-rate', severity: 'error', expected: '91.99', actual: '93.99' }]],
    [
      'execution-rate alone when the score fits the rate the amounts give (97.08% printed, 9.61 = 96.08% × 10)',
      () => edit(SCHOOL, (f) => (f.funds[0]!.rate = '97.08%')),
      [{ rule: 'execution-rate', severity: 'error', expected: '96.08', actual: '97.08' }],
    ],
    [
      'execution-score: 8 for min(91.99%, 1) × 10',
      () => edit(ROAD, (f) => ((f.funds[0]!.score = '8'), (f.total.score = '97'))),
      [{ rule: 'execution-score', severity: 'error', expected: '9.2', actual: '8' }],
    ],
    [
      'funds-source-sum: a 其中 row off by 10',
      () => edit(ROAD, (f) => (f.funds[1]!.budget = '1360.500')),
      [{ rule: 'funds-source-sum', severity: 'error', expected: '1435.7', actual: '1445.7' }],
    ],
    [
      'funds-source-sum alone: the total’s 全年执行数 misprinted as 0 over filled 其中 rows (not a value to compute the rate with)',
      () => edit(ROAD, (f) => (f.funds[0]!.executed = '0')),
      [{ rule: 'funds-source-sum', severity: 'error', expected: '0', actual: '1320.644' }],
    ],
    [
      'execution-rate still: nothing spent on any row (a real 0) and 50% printed',
      () => edit(ROAD, (f) => (f.funds.slice(0, 3).forEach((l) => (l.executed = '0.000')), (f.funds[0]!.rate = '50%'), (f.funds[0]!.score = '0'), (f.total.score = '89'), (f.grade = { label: '自评等级', value: '良' }))),
      [{ rule: 'execution-rate', severity: 'error', expected: '0', actual: '50' }],
    ],
    [
      'execution-rate: a one-decimal fraction off by more than its last decimal (0.8 for 91.99%)',
      () => edit(ROAD, (f) => (f.funds[0]!.rate = '0.8')),
      [{ rule: 'execution-rate', severity: 'error', expected: '92', actual: '80' }],
    ],
    [
      'grade-band: a grade with its score in brackets that names the wrong band (良（98分）)',
      () => edit(ROAD, (f) => (f.grade = { label: '自评等级', value: '良（98分）' })),
      [{ rule: 'grade-band', severity: 'error', expected: '优', actual: '良（98分）' }],
    ],
    [
      'funds-overrun: executed above the full-year budget',
      () => edit(ROAD, (f) => ((f.funds[0]!.executed = '1500.000'), (f.funds[1]!.executed = '1414.800'), (f.funds[0]!.rate = '104.48%'), (f.funds[0]!.score = '10'), (f.total.score = '99'))),
      [{ rule: 'funds-overrun', severity: 'warning', expected: '≤1435.7', actual: '1500' }],
    ],
    [
      'rubric-score-range: 16 on a weight of 15',
      () => edit(ROAD, (f) => ((ind(f, '新改建农村公路里程').score = '16'), (f.total.score = '99'))),
      [{ rule: 'rubric-score-range', severity: 'error', expected: '0–15', actual: '16' }],
    ],
    [
      'rubric-weight-sum: the weights add up to 101',
      () => edit(ROAD, (f) => ((ind(f, '新改建农村公路里程').weight = '16'), (ind(f, '新改建农村公路里程').score = '16'), (f.total.score = '99'))),
      [{ rule: 'rubric-weight-sum', severity: 'error', expected: '101', actual: '100' }],
    ],
    [
      'rubric-weight-sum: the execution 分值 left empty and the indicators alone above the total (101)',
      () => edit(ROAD, (f) => ((f.funds[0]!.weight = ''), (ind(f, '新改建农村公路里程').weight = '26'), (ind(f, '新改建农村公路里程').score = '26'), (f.total.score = '109'))),
      [{ rule: 'rubric-weight-sum', severity: 'error', expected: '101', actual: '100' }],
    ],
    [
      'rubric-weight-sum: a printed group weight 产出指标(55分) over leaves of 50',
      () => edit(ROAD, (f) => f.indicators.filter((i) => i.level1 === '产出指标').forEach((i) => (i.level1 = '产出指标(55分)'))),
      // The group weight fits neither its leaves nor, with the others, the 总分 weight: both are said.
      [
        { rule: 'rubric-weight-sum', severity: 'error', expected: '50', actual: '55' },
        { rule: 'rubric-weight-sum', severity: 'error', expected: '105', actual: '100' },
      ],
    ],
    ['rubric-total: 总分 97 for 98', () => edit(ROAD, (f) => (f.total.score = '97')), [{ rule: 'rubric-total', severity: 'error', expected: '98', actual: '97' }]],
    ['grade-band: 良 for 98', () => edit(ROAD, (f) => (f.grade!.value = '良')), [{ rule: 'grade-band', severity: 'error', expected: '优', actual: '良' }]],
    [
      'indicator-score: a missed ≥ target scored 3 for 85/95 × 5',
      () => edit(ROAD, (f) => ((ind(f, '按期完工率').score = '3'), (f.total.score = '97'))),
      [{ rule: 'indicator-score', severity: 'warning', expected: '4.47', actual: '3' }],
    ],
    [
      'indicator-score: full marks on a missed target is an error',
      () => edit(ROAD, (f) => ((ind(f, '按期完工率').score = '5'), (f.total.score = '99'))),
      [{ rule: 'indicator-score', severity: 'error', expected: '4.47', actual: '5' }],
    ],
    [
      'indicator-score: a met target that lost points (with a reason given)',
      () => edit(ROAD, (f) => ((ind(f, '交工验收合格率').score = '9'), (ind(f, '交工验收合格率').reason = '资料归档滞后'), (f.total.score = '97'))),
      [{ rule: 'indicator-score', severity: 'warning', expected: '10', actual: '9' }],
    ],
    [
      'indicator-score: a qualitative 达成 scored below 0.8w',
      () => edit(ROAD, (f) => ((ind(f, '农村公路管护长效机制').score = '7'), (ind(f, '农村公路管护长效机制').reason = '管护经费未落实'), (f.total.score = '95'))),
      [{ rule: 'indicator-score', severity: 'warning', expected: '[8, 10]', actual: '7' }],
    ],
    [
      'indicator-score: a missed ≤ target (元/平方米) scored 7 for 7.78',
      () => edit(SCHOOL, (f) => ((ind(f, '校舍改造单价').score = '7.00'), (f.total.score = '98.29'))),
      [{ rule: 'indicator-score', severity: 'warning', expected: '7.78', actual: '7' }],
    ],
    [
      'deviation-reason-missing: a score below weight without a reason',
      () => edit(ROAD, (f) => (ind(f, '按期完工率').reason = '')),
      [{ rule: 'deviation-reason-missing', severity: 'warning', expected: null, actual: '4' }],
    ],
    [
      'deviation-reason-missing: the template\'s instruction left in the reason cell',
      () => edit(ROAD, (f) => (ind(f, '按期完工率').reason = '对照年度目标,说明偏差原因及改进措施(100字以内)')),
      [{ rule: 'deviation-reason-missing', severity: 'warning', expected: null, actual: '4' }],
    ],
    [
      'indicator-unit: 分 against %',
      () => edit(ROAD, (f) => (ind(f, '沿线群众满意度').actual = '93.5分')),
      [{ rule: 'indicator-unit', severity: 'warning', expected: '%', actual: '分' }],
    ],
    [
      'indicator-score: full marks on a deadline missed, the target followed by a verb (6月底前发放 against 7月)',
      () => edit(AGRI, (f) => Object.assign(ind(f, '补贴资金发放完成时间'), { target: '6月底前发放', actual: '7月', reason: '资金到位较晚' })),
      [{ rule: 'indicator-score', severity: 'error', expected: '8.57 / 8.33', actual: '10' }],
    ],
    [
      'indicator-score: full marks on a deadline missed into the next year (6月底前发放 against 次年1月), not read as month 1',
      () => edit(AGRI, (f) => Object.assign(ind(f, '补贴资金发放完成时间'), { target: '6月底前发放', actual: '次年1月', reason: '资金到位较晚' })),
      [{ rule: 'indicator-score', severity: 'error', expected: '4.62 / 0', actual: '10' }],
    ],
    [
      'indicator-score: full marks on 3万人 against ≥3.5万人, the actual in 人',
      () => edit(ROAD, (f) => Object.assign(ind(f, '受益群众人数'), { actual: '30000人', reason: '部分村组未通车' })),
      [{ rule: 'indicator-score', severity: 'error', expected: '8.57', actual: '10' }],
    ],
    [
      'indicator-score: full marks on a missed target, the actual with a full-width ％ (９０％ against ≥98%)',
      () => edit(ROAD, (f) => Object.assign(ind(f, '交工验收合格率'), { actual: '９０％', reason: '部分路段返工' })),
      [{ rule: 'indicator-score', severity: 'error', expected: '9.18', actual: '10' }],
    ],
    [
      'indicator-score: an actual that only says 未完成, with full marks, is an error',
      () => edit(ROAD, (f) => Object.assign(ind(f, '交工验收合格率'), { actual: '未完成', reason: '部分路段返工' })),
      [{ rule: 'indicator-score', severity: 'error', expected: '< 10', actual: '10' }],
    ],
    [
      'extract-unreadable: a weight fused with its score (1010 for 10 and 10) is no weight, and no sum is made with it',
      () => edit(ROAD, (f) => Object.assign(ind(f, '交工验收合格率'), { weight: '1010', score: '' })),
      [{ rule: 'extract-unreadable', severity: 'warning', expected: null, actual: '1010' }],
    ],
    [
      'indicator-overshoot: 60 km against ≥42 km, unexplained',
      () => edit(ROAD, (f) => (ind(f, '新改建农村公路里程').actual = '60公里')),
      [{ rule: 'indicator-overshoot', severity: 'info', expected: '<54.6', actual: '60公里' }],
    ],
  ];
  it.each(cases)('%s', async (_name, build, expected) => {
    expect((await findingsOf(build())).map(brief)).toEqual(expected);
  });

  it('funds-source-sum names a unit slip (a 其中 row restated in 元)', async () => {
    const [f] = await findingsOf(edit(ROAD, (form) => (form.funds[2]!.executed = '852000')));
    expect(brief(f!)).toEqual({ rule: 'funds-source-sum', severity: 'error', expected: '1320.644', actual: '853235.444' });
    expect(f!.message).toContain('上年结转资金');
    expect(f!.message).toContain('单位');
  });

  it('the finding points at the printed cell and carries its part', async () => {
    const [f] = await findingsOf(edit(ROAD, (form) => (form.total.score = '97')), 'docx');
    expect(f).toMatchObject({ part: 1, rule: 'rubric-total', location: { path: '/totals/score', text: '97' } });
    expect(f!.location.table).toBe(0);
    expect(f!.related.map((r) => r.path)).toContain('/funds/lines/0/score');
  });
});

describe('silent where the form is consistent at its printed precision', () => {
  const cases: [string, () => MofForm][] = [
    ['a rate printed with one decimal (92.0% for 91.99%)', () => edit(ROAD, (f) => (f.funds[0]!.rate = '92.0%'))],
    ['a grade with its score in brackets (优（98分）)', () => edit(ROAD, (f) => (f.grade = { label: '自评等级', value: '优（98分）' }))],
    ['a rate printed as a whole fraction (1 for 91.99%: the fraction rounds to 1)', () => edit(ROAD, (f) => (f.funds[0]!.rate = '1'))],
    ['a rate printed as a one-decimal fraction (0.9 for 91.99%)', () => edit(ROAD, (f) => (f.funds[0]!.rate = '0.9'))],
    ['a whole-number execution score rounding 9.199 to 9', () => formById(ROAD)],
    ['a 2-decimal reverse score within half a unit (7.78 for 7.784 / 7.778)', () => formById(SCHOOL)],
    ['a score cell left as —: unknown, not 0 (the known ones fall short)', () => edit(ROAD, (f) => (ind(f, '危桥改造数量').score = '—'))],
    ['the execution score repeated on the 当年财政拨款 row is counted once', () => edit(ROAD, (f) => Object.assign(f.funds[1]!, { weight: '10', rate: '91.99%', score: '9' }))],
    ['a met target with full marks and no reason', () => edit(ROAD, (f) => (ind(f, '交工验收合格率').reason = ''))],
    ['a real reason that refers to a note (说明见附件)', () => edit(ROAD, (f) => (ind(f, '按期完工率').reason = '受雨季影响2个标段延期（说明见附件，共3页）'))],
    ['a deadline met, the target followed by a verb (6月底前完成 against 5月完成)', () => edit(AGRI, (f) => ((ind(f, '补贴资金发放完成时间').target = '6月底前完成'), (ind(f, '补贴资金发放完成时间').actual = '5月完成')))],
    ['a deadline in the next year met (次年3月前 against 12月)', () => edit(AGRI, (f) => ((ind(f, '补贴资金发放完成时间').target = '次年3月前'), (ind(f, '补贴资金发放完成时间').actual = '12月')))],
    ['≥3.5万人 met by an actual in 人 (38000人)', () => edit(ROAD, (f) => (ind(f, '受益群众人数').actual = '38000人'))],
    ['a target in 百分比 against an actual in % (≥90百分比 against 93.5%)', () => edit(ROAD, (f) => (ind(f, '沿线群众满意度').target = '≥90百分比'))],
    ['an actual with a full-width ％ against a target in % (１００％ against ≥98%)', () => edit(ROAD, (f) => (ind(f, '交工验收合格率').actual = '１００％'))],
    ['an overshoot that is explained', () => edit(ROAD, (f) => ((ind(f, '新改建农村公路里程').actual = '60公里'), (ind(f, '新改建农村公路里程').reason = '追加了2条通村公路')))],
    ['the execution 分值 left empty while its score is printed: unknown, not 0', () => edit(ROAD, (f) => (f.funds[0]!.weight = ''))],
    ['an actual saying 未完成 with points taken off (no formula gives the score)', () => edit(ROAD, (f) => ((ind(f, '按期完工率').actual = '未完成'), (ind(f, '按期完工率').score = '4.47')))],
    ['full marks on an actual that says more than 未完成 (全部完成，无未完成事项)', () => edit(ROAD, (f) => (ind(f, '交工验收合格率').actual = '全部完成，无未完成事项'))],
    ['a group weight 产出指标(50分) equal to its leaves', () => edit(ROAD, (f) => f.indicators.filter((i) => i.level1 === '产出指标').forEach((i) => (i.level1 = '产出指标(50分)')))],
  ];
  it.each(cases)('%s', async (_name, build) => {
    expect((await findingsOf(build())).map(brief)).toEqual([]);
  });

  it('the same faults are found in the Word and HTML renderings', async () => {
    const form = edit(ROAD, (f) => (f.funds[0]!.rate = '93.99%'));
    for (const format of ['docx', 'html'] as const) expect((await findingsOf(form, format)).map(brief)).toEqual([{ rule: 'execution-rate', severity: 'error', expected: '91.99', actual: '93.99' }]);
  });
});

describe('rules that do not apply say so', () => {
  it('an MoF form records Hunan-only rules as not applicable and its own as run', async () => {
    const r = await processDocument({ bytes: enc.encode(renderTika(formById(ROAD))), file: 'road.txt' });
    const checks = r.evaluations[0]!.checks!;
    expect(checks.ran).toEqual(expect.arrayContaining(['execution-rate', 'execution-score', 'rubric-total', 'indicator-score', 'funds-source-sum']));
    expect(checks.notApplicable).toEqual(expect.arrayContaining(['narrative-percent', 'headline-score']));
    expect(checks.ran.filter((id) => checks.notApplicable.includes(id))).toEqual([]);
  });
});

it('grade-unknown names each known grade once', async () => {
  const [f] = await findingsOf(edit(ROAD, (form) => (form.grade = { label: '自评等级', value: '优秀A' })));
  expect(brief(f!)).toEqual({ rule: 'grade-unknown', severity: 'warning', expected: '优', actual: '优秀A' });
  expect(f!.message).toContain('（优/优秀/良/良好/中/中等/合格/一般/差/较差/不合格）');
});
