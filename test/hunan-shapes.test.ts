/**
 * Hunan-family reports in shapes the seed does not show (test/helpers/hunan-shapes.ts): each shape is read
 * as a reader of the report would, and the seed's own shape keeps its reading.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../src/model/evaluation.js';
import type { Finding } from '../src/model/finding.js';
import { readHunanText, type HunanEvaluation } from './helpers/hunan-read.js';
import { fundsMatrix } from './helpers/seed-variants.js';
import { SEED_TEXT, replaceOnce } from './helpers/tika.js';
import { expenditureAllQizhong, reportDateAs, headlineLabels, headlineParagraph, rubricTotalParagraph, coverAsTable, expenditureBreakdown, expenditureHeaderRepeated, expenditureSubtotal, fundsWording, expenditureUnitInHeading, unitLineBesideHeaderUnits, unitStatedOnce } from './helpers/hunan-shapes.js';

const read = readHunanText;

const totals = (ev: Evaluation) => {
  const t = ev.funds?.lines.find((l) => l.role === 'total');
  return [t?.budget?.value, t?.arrived?.value, t?.executed?.value, t?.balance?.value];
};
const municipal = (ev: Evaluation) => {
  const m = ev.funds?.lines.find((l) => l.source === 'municipal');
  return [m?.budget?.value, m?.arrived?.value, m?.executed?.value, m?.balance?.value];
};
const detail = (ev: HunanEvaluation) => [ev.hunan.expenditures?.lines.map((l) => l.amount?.value), ev.hunan.expenditures?.total?.value];
/**
 * Findings of the funds rules that are errors or warnings (the seed's 20% execution rate is an info of
 * its own; its narrative and rubric have findings of their own that these shapes leave as they are).
 */
const funds = (findings: Finding[]) => findings.filter((f) => f.severity !== 'info' && f.rule.startsWith('funds-'));
const rules = (findings: Finding[]) => funds(findings).map((f) => f.rule).sort();

describe('a unit stated once for the table', () => {
  it.each(['line-above', 'heading', 'row'] as const)('applies to every amount without its own unit (%s)', async (place) => {
    const { ev, findings } = await read(unitStatedOnce(place));
    expect(totals(ev)).toEqual(['868', '868', '173.6', '694.4']);
    expect(municipal(ev)).toEqual(['868', '868', '173.6', '694.4']);
    expect(ev.funds?.lines[0]?.budget).toMatchObject({ raw: '8,680,000', unit: '元' });
    expect(detail(ev)).toEqual([['173.6'], '173.6']);
    expect(rules(findings)).toEqual([]);
  });

  it('gives way to a header that states its own unit', async () => {
    const { ev } = await read(unitLineBesideHeaderUnits());
    expect(totals(ev)).toEqual(['868', '868', '173.6', '694.4']);
    expect(ev.funds?.lines[0]?.budget?.unit).toBe('万元');
    // The seed's detail cells say 万元 themselves.
    expect(detail(ev)).toEqual([['173.6'], '173.6']);
  });

  it('stated for part 二 only, applies there and not to the funds grid', async () => {
    const { ev, findings } = await read(expenditureUnitInHeading());
    expect(totals(ev)).toEqual(['868', '868', '173.6', '694.4']);
    expect(detail(ev)).toEqual([['173.6'], '173.6']);
    expect(rules(findings)).toEqual([]);
  });

  it('is 万元 where nothing states a unit, as the seed has it', async () => {
    const { ev } = await read(SEED_TEXT.replaceAll('\n（万元）\n', '\n'));
    expect(totals(ev)).toEqual(['868', '868', '173.6', '694.4']);
    expect(ev.funds?.lines[0]?.budget?.unit).toBe('万元');
  });
});

describe('expenditure lines that are no lines of their own', () => {
  it('reads 其中 rows as the breakdown of the line above', async () => {
    const { ev, findings } = await read(expenditureBreakdown());
    expect(ev.hunan.expenditures?.lines.map((l) => [l.content.value, l.amount?.value, l.kind ?? 'line'])).toEqual([
      ['软件开发', '120', 'line'],
      ['其中：设计', '70', 'breakdown'],
      ['其中：编码', '50', 'breakdown'],
      ['硬件采购', '53.6', 'line'],
    ]);
    expect(rules(findings)).toEqual([]);
  });

  it('reports a breakdown larger than its line', async () => {
    const { findings } = await read(expenditureBreakdown('80万元'));
    expect(funds(findings).map((f) => [f.rule, f.expected, f.actual, f.location.path])).toEqual([
      ['funds-detail-sum', '120', '130', '/hunan/expenditures/lines/0/amount'],
    ]);
  });

  it('reads 其中 rows with no line above them as lines, and checks them', async () => {
    const ok = await read(expenditureAllQizhong());
    expect(ok.ev.hunan.expenditures?.lines.map((l) => l.kind ?? 'line')).toEqual(['line', 'line']);
    expect(rules(ok.findings)).toEqual([]);
    const wrong = await read(expenditureAllQizhong('183.6万元'));
    expect(funds(wrong.findings).filter((f) => f.rule === 'funds-detail-sum').map((f) => [f.expected, f.actual])).toEqual([['183.6', '173.6']]);
  });

  it('reads a 小计 row as a subtotal and checks it', async () => {
    const ok = await read(expenditureSubtotal());
    expect(ok.ev.hunan.expenditures?.lines.map((l) => l.kind ?? 'line')).toEqual(['line', 'line', 'subtotal']);
    expect(rules(ok.findings)).toEqual([]);
    const wrong = await read(expenditureSubtotal('183.6万元'));
    expect(funds(wrong.findings).map((f) => [f.rule, f.expected, f.actual])).toEqual([['funds-detail-sum', '183.6', '173.6']]);
  });

  it('keeps the seed’s single line as a line', async () => {
    const { ev } = await read(SEED_TEXT);
    expect(ev.hunan.expenditures?.lines.map((l) => [l.content.value, l.kind])).toEqual([['项目支出', undefined]]);
  });
});

describe('funds columns as other reports word them', () => {
  it.each<[string, [string, string, string, string]]>([
    ['资金到位数', ['计划安排资金', '资金到位数', '实际支出', '结余']],
    ['已支出资金', ['计划安排资金', '实际到位资金', '已支出资金', '结余']],
    ['到位资金 / 支出资金', ['计划安排资金', '到位资金', '支出资金', '结余']],
    ['预算安排资金 / 已到位资金 / 已使用资金 / 结余资金', ['预算安排资金', '已到位资金', '已使用资金', '结余资金']],
  ])('reads every column: %s', async (_, headers) => {
    const { ev, findings } = await read(fundsWording(headers));
    expect(totals(ev)).toEqual(['868', '868', '173.6', '694.4']);
    expect(findings.filter((f) => f.rule === 'extract-funds-columns')).toEqual([]);
  });

  it('checks the balance under another wording of 实际支出', async () => {
    const { findings } = await read(fundsWording(['计划安排资金', '实际到位资金', '已支出资金', '结余'], ['868', '868', '173.6', '649.4']));
    const balance = funds(findings).filter((f) => f.rule === 'funds-balance');
    expect(balance.map((f) => [f.expected, f.actual, f.location.path])).toEqual([['694.4', '649.4', '/funds/lines/0/balance']]);
  });

  it('says so when a column holding amounts cannot be identified', async () => {
    const { ev, findings } = await read(fundsWording(['计划安排资金', '实际到位资金', '已核销款项', '结余']));
    expect(totals(ev)).toEqual(['868', '868', undefined, '694.4']);
    const notes = findings.filter((f) => f.rule === 'extract-funds-columns');
    expect(notes.map((f) => [f.severity, f.location.path, f.location.text])).toEqual([['warning', '/funds', '已核销款项\n（万元）']]);
    expect(notes[0]!.message).toContain('已核销款项（万元）');
  });

  it('says so for a matrix column it cannot identify, not for a column of notes', async () => {
    const withColumn = (head: string, cells: string[]) => {
      let t = fundsMatrix();
      t = replaceOnce(t, '\t结余（万元）\n\n', `\t结余（万元）\n\t${head}\n\n`);
      t = replaceOnce(t, '\t694.4\n\n', `\t694.4\n\t${cells[0]}\n\n`);
      t = replaceOnce(t, '\t240\n\n', `\t240\n\t${cells[1]}\n\n`);
      return t;
    };
    const unknown = await read(withColumn('核销数（万元）', ['10', '']));
    expect(unknown.findings.filter((f) => f.rule === 'extract-funds-columns').map((f) => f.location.text)).toEqual(['核销数（万元）']);
    const note = await read(withColumn('备注', ['2021年', '']));
    expect(note.findings.filter((f) => f.rule === 'extract-funds-columns')).toEqual([]);
    expect(totals(note.ev)).toEqual(['868', '868', '173.6', '694.4']);
  });

  it('says nothing of the seed’s grid', async () => {
    const { findings } = await read(SEED_TEXT);
    expect(findings.filter((f) => f.rule === 'extract-funds-columns')).toEqual([]);
  });
});

describe('a cover written as a table', () => {
  it('reads each label cell’s value from the cell to its right', async () => {
    const { ev, findings } = await read(coverAsTable());
    expect([ev.identity.projectName?.value, ev.identity.unit?.value, ev.identity.authority?.value]).toEqual([
      '智慧岳阳基层公共服务（一门式）信息化管理平台项目',
      '岳阳市政务服务中心',
      '岳阳市人民政府办公室',
    ]);
    expect(ev.identity.projectName?.src).toMatchObject({ row: 0, col: 1 });
    expect(findings.filter((f) => f.rule === 'field-missing')).toEqual([]);
  });

  it('an empty value cell is a missing field, as an empty 主管部门： line is', async () => {
    const table = await read(coverAsTable(''));
    const seed = await read(SEED_TEXT);
    expect(table.ev.identity.authority?.value).toBeNull();
    expect(seed.ev.identity.authority?.value).toBeNull();
    const missing = (f: Finding[]) => f.filter((x) => x.rule === 'field-missing').map((x) => x.location.path);
    expect(missing(table.findings)).toEqual(['/identity/authority']);
    expect(missing(seed.findings)).toEqual(['/identity/authority']);
  });
});

describe('an expenditure table over two pages', () => {
  it('skips its repeated header row', async () => {
    const { ev, findings } = await read(expenditureHeaderRepeated());
    expect(ev.hunan.expenditures?.lines.map((l) => [l.content.value, l.amount?.value])).toEqual([
      ['软件开发', '120'],
      ['硬件采购', '50.5'],
      ['培训', '3.1'],
    ]);
    expect(findings.filter((f) => f.rule === 'extract-unreadable' && f.location.path.startsWith('/hunan/expenditures'))).toEqual([]);
    expect(rules(findings)).toEqual([]);
  });

  it('still reads a line whose amount cell holds text as unreadable', async () => {
    const { findings } = await read(expenditureBreakdown('七十万元'));
    expect(findings.filter((f) => f.rule === 'extract-unreadable').map((f) => [f.location.path, f.actual])).toEqual([['/hunan/expenditures/lines/1/amount', '七十万元']]);
  });
});

describe('headline score, grade and rubric total written as text', () => {
  const headline = (ev: Evaluation) => [ev.totals.headline?.value, ev.totals.grade?.value];
  const ran = (ev: Evaluation) => ev.checks?.ran ?? [];
  const missing = (findings: Finding[]) => findings.filter((f) => f.rule === 'field-missing').map((f) => f.location.path).sort();

  it('reads 绩效自评综合得分 and 评价等次 stated in one paragraph, and checks them', async () => {
    const { ev, findings } = await read(headlineParagraph());
    expect(headline(ev)).toEqual(['98', '优秀']);
    expect(ev.totals.headline?.src.block).toBeTypeOf('number');
    expect(ran(ev)).toEqual(expect.arrayContaining(['headline-score', 'grade-band']));
    expect(missing(findings)).toEqual(['/identity/authority']);
  });

  it('reports a paragraph’s grade that does not match its score', async () => {
    const { findings } = await read(headlineParagraph('绩效自评综合得分：98分      评价等次：良'));
    expect(findings.filter((f) => f.rule === 'grade-band').map((f) => f.actual)).toEqual(['良']);
  });

  it('leaves a narrative sentence that merely mentions a score alone', async () => {
    const { ev, findings } = await read(headlineParagraph('本项目绩效自评综合得分为98分，评价等次为优秀。'));
    expect(headline(ev)).toEqual([undefined, undefined]);
    expect(missing(findings)).toEqual(['/identity/authority', '/totals/grade', '/totals/headline']);
  });

  it.each([
    ['综合评分', '评价等级'],
    ['自评综合得分', '自评等级'],
  ])('reads the headline under the labels %s / %s', async (score, grade) => {
    const { ev } = await read(headlineLabels(score, grade));
    expect(headline(ev)).toEqual(['98', '优秀']);
  });

  it('reads a rubric total stated below the table', async () => {
    const { ev } = await read(rubricTotalParagraph());
    expect(ev.totals.score?.value).toBe('98');
    expect(ran(ev)).toContain('rubric-total');
    const wrong = await read(rubricTotalParagraph('总分：97分'));
    expect(wrong.findings.filter((f) => f.rule === 'rubric-total').map((f) => [f.expected, f.actual])).toEqual([['98', '97']]);
  });

  it('keeps the seed’s cells', async () => {
    const { ev } = await read(SEED_TEXT);
    expect(headline(ev)).toEqual(['98', '优秀']);
    expect(ev.totals.headline?.src).toMatchObject({ col: 1 });
    expect(ev.totals.score?.src).toMatchObject({ col: 8 });
  });
});

describe('a report date that cannot be read', () => {
  const about = (findings: Finding[]) =>
    findings.filter((f) => f.location.path === '/identity/reportDate').map((f) => f.rule).sort();

  it('is reported as unreadable, not also as missing', async () => {
    expect(about((await read(reportDateAs('21年6月8日'))).findings)).toEqual(['extract-unreadable']);
  });

  it('in Chinese numerals is read', async () => {
    const { ev, findings } = await read(reportDateAs('二〇二一年六月八日'));
    expect(ev.identity.reportDate).toMatchObject({ value: '2021-06-08', valid: true, raw: '二〇二一年六月八日' });
    expect(about(findings)).toEqual([]);
  });

  it('is missing when only the blank 年 月 日 of the template is there, or nothing', async () => {
    expect(about((await read(reportDateAs('    年   月   日'))).findings)).toContain('field-missing');
    expect(about((await read(reportDateAs(''))).findings)).toEqual(['field-missing']);
  });
});
