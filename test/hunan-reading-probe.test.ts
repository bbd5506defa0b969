/**
 * Hunan reports in shapes a fresh-eyes probe met that the other fixtures do not show, each built from the
 * seed's text dump: what the report states is read, and nothing that belongs to another part is read as
 * part of the one before it.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../src/model/evaluation.js';
import type { Finding } from '../src/model/finding.js';
import { readHunanText, type HunanEvaluation } from './helpers/hunan-read.js';
import { fundsTable, withExpenditures } from './helpers/hunan-shapes.js';
import { SEED_TEXT, replaceOnce, tikaRow } from './helpers/tika.js';

const read = readHunanText;

const HEADLINE_ROWS = tikaRow(['绩效自评综合得分', '98分']) + tikaRow(['评价等次', '优秀']);
const indicatorNames = (ev: HunanEvaluation) => ev.hunan.indicators.map((i) => [i.level1?.value, i.level2?.value, i.content?.value]);

describe('the indicator table of a text dump', () => {
  it('ends at a headline stated in one cell (绩效自评综合得分：98分), the evaluators after it being no indicators', async () => {
    const seed = await read(SEED_TEXT);
    const { ev } = await read(replaceOnce(SEED_TEXT, HEADLINE_ROWS, tikaRow(['绩效自评综合得分：98分']) + tikaRow(['评价等次：优秀'])));
    expect(indicatorNames(ev)).toEqual(indicatorNames(seed.ev));
    expect(ev.totals.headline?.value).toBe('98');
    expect(ev.totals.grade?.value).toBe('优秀');
  });

  it('ends at the next part heading (四、评价人员) printed as a row of one cell, where no headline rows come first', async () => {
    const seed = await read(SEED_TEXT);
    const { ev } = await read(replaceOnce(SEED_TEXT, HEADLINE_ROWS, ''));
    expect(indicatorNames(ev)).toEqual(indicatorNames(seed.ev));
    expect(ev.hunan.indicators.some((i) => i.level1?.value === '职称/职务' || i.level1?.value === '姓名')).toBe(false);
  });
});

describe('a funds matrix with 其中： on a row of its own', () => {
  const header = ['资金来源', '计划安排资金（万元）', '实际到位资金（万元）', '实际支出（万元）', '结余（万元）'];
  const grid = (municipal: string[]) => fundsTable(header, [['合计', '868', '868', '173.6', '694.4'], ['其中：', '', '', '', ''], ['中央财政', '300', '300', '60', '240'], ['市财政', ...municipal]]);
  const sources = (ev: Evaluation) => ev.funds?.lines.filter((l) => l.role !== 'total').map((l) => [l.source, l.budget?.value, l.executed?.value]);

  it('reads the source rows below it', async () => {
    const { ev, findings } = await read(grid(['568', '568', '113.6', '454.4']));
    expect(sources(ev)).toEqual([
      ['central', '300', '60'],
      ['municipal', '568', '113.6'],
    ]);
    expect(findings.filter((f) => f.rule === 'funds-source-sum')).toEqual([]);
  });

  it('checks them against the total', async () => {
    const { findings } = await read(grid(['500', '500', '113.6', '386.4']));
    const sum = findings.filter((f) => f.rule === 'funds-source-sum');
    expect(sum.map((f) => [f.expected, f.actual])).toContainEqual(['868', '800']);
  });
});

describe('an expenditure table broken at a page, its header printed again at the top of the next table', () => {
  const software = ['软件开发', '120万元', '2020年12月34#', ''];
  const hardware = ['硬件采购', '50.5万元', '2020年12月35#', ''];
  const broken = (total: string) =>
    replaceOnce(
      withExpenditures([software, hardware, ['支出内容', '实际支出数', '会计凭证号', '备注'], ['培训', '3.1万元', '2020年12月36#', ''], ['支出合计', total, '', '']]),
      tikaRow(hardware),
      // A second blank line ends the table: the header row opens the next one.
      `${tikaRow(hardware)}\n`,
    );
  const detail = (ev: HunanEvaluation) => [ev.hunan.expenditures?.lines.map((l) => l.amount?.value), ev.hunan.expenditures?.total?.value];

  it('is read on into the next table, to its 支出合计', async () => {
    const { ev, findings } = await read(broken('173.6万元'));
    expect(detail(ev)).toEqual([['120', '50.5', '3.1'], '173.6']);
    expect(ev.hunan.expenditures?.total?.src.table).not.toBe(ev.hunan.expenditures?.lines[0]?.amount?.src.table);
    expect(findings.filter((f) => f.rule.startsWith('funds-detail'))).toEqual([]);
  });

  it('has its lines checked against that 支出合计', async () => {
    const { findings } = await read(broken('180万元'));
    expect(findings.filter((f) => f.rule === 'funds-detail-sum').map((f) => [f.expected, f.actual])).toEqual([['180', '173.6']]);
  });
});

describe('a funds grid whose corner cell states the unit (单位：元), its headers none', () => {
  const yuan = ['8680000', '8680000', '1736000', '6944000'];
  const values = (ev: Evaluation, source: string) => {
    const l = ev.funds?.lines.find((x) => x.source === source);
    return [l?.budget?.value, l?.arrived?.value, l?.executed?.value, l?.balance?.value];
  };

  it.each([
    ['单位：元', yuan, ['868', '868', '173.6', '694.4']],
    ['金额单位：万元', ['868', '868', '173.6', '694.4'], ['868', '868', '173.6', '694.4']],
  ])('reads the amounts of a matrix in that unit (%s)', async (corner, printed, wan) => {
    const { ev, findings } = await read(fundsTable([corner, '计划安排资金', '实际到位资金', '实际支出', '结余'], [['合计', ...printed], ['市财政', ...printed]]));
    expect(values(ev, 'total')).toEqual(wan);
    expect(values(ev, 'municipal')).toEqual(wan);
    expect(findings.filter((f) => f.rule === 'funds-detail-total' || f.rule === 'narrative-amount')).toEqual([]);
  });

  it('reads the amounts of a grid with the sources across in that unit', async () => {
    const rows = ['计划安排资金', '实际到位资金', '实际支出', '结余'].map((name, i) => [name, yuan[i]!, '', yuan[i]!]);
    const { ev, findings } = await read(fundsTable(['单位：元', '合计', '中央财政', '市财政'], rows));
    expect(values(ev, 'total')).toEqual(['868', '868', '173.6', '694.4']);
    expect(values(ev, 'municipal')).toEqual(['868', '868', '173.6', '694.4']);
    expect(findings.filter((f) => f.rule === 'funds-detail-total' || f.rule === 'narrative-amount')).toEqual([]);
  });
});

describe('an indicator table across a page', () => {
  const INDICATOR_HEADER = tikaRow(['项目绩效定量目标（指标）及完成情况', '一级指标', '二级指标', '指标内容', '指标（目标）值', '实际完成值']);
  // The seed's 社会效益 row, where the header is printed again when the table crosses a page.
  const SOCIAL = tikaRow(['', '', '社会效益\n指标', '71个事项实现镇街道可受理，32个事项实现村社区可受理', '103', '103']);

  it('with its header printed again in the table, reads no indicator from that header', async () => {
    const seed = await read(SEED_TEXT);
    const { ev } = await read(replaceOnce(SEED_TEXT, SOCIAL, INDICATOR_HEADER + SOCIAL));
    expect(indicatorNames(ev)).toEqual(indicatorNames(seed.ev));
  });

  it('broken into a second table that opens with the header again, reads on into it', async () => {
    const seed = await read(SEED_TEXT);
    // A second blank line ends the table: the header opens the next one, the 一级指标 cell left empty.
    const { ev, findings } = await read(replaceOnce(SEED_TEXT, SOCIAL, `\n${INDICATOR_HEADER}${SOCIAL}`));
    expect(indicatorNames(ev)).toEqual(indicatorNames(seed.ev));
    expect(ev.hunan.indicators.find((i) => i.level2?.value === '社会效益指标')?.level1?.value).toBe('项目效益指标');
    const evidence = (f: Finding[]) => f.filter((x) => x.rule === 'score-without-evidence').map((x) => x.message);
    expect(evidence(findings)).toEqual(evidence(seed.findings));
  });
});

describe('a grade written in quotation marks (“优秀”)', () => {
  const withGrade = (score: string, grade: string) => replaceOnce(SEED_TEXT, HEADLINE_ROWS, tikaRow(['绩效自评综合得分', score]) + tikaRow(['评价等次', grade]));
  const gradeRules = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith('grade-')).map((f) => [f.rule, f.expected]);

  it.each(['“优秀”', '「优」', '"优秀"'])('names its band (%s)', async (grade) => {
    const { findings } = await read(withGrade('98分', grade));
    expect(gradeRules(findings)).toEqual([]);
  });

  it('is checked against the score', async () => {
    const { findings } = await read(withGrade('98分', '“良好”'));
    expect(gradeRules(findings)).toEqual([['grade-band', '优']]);
  });
});

describe('a headline score written with a note (98分（扣2分）, 98分（满分100分）)', () => {
  const withScore = (score: string) => replaceOnce(SEED_TEXT, HEADLINE_ROWS, tikaRow(['绩效自评综合得分', score]) + tikaRow(['评价等次', '优秀']));
  const about = (findings: Finding[]) => findings.filter((f) => f.location.path === '/totals/headline').map((f) => f.rule);

  it('is reported as unreadable, not as missing, when the note holds another number', async () => {
    const { ev, findings } = await read(withScore('98分（扣2分）'));
    expect(ev.totals.headline?.value).toBeNull();
    expect(about(findings)).toEqual(['extract-unreadable']);
  });

  it('is read when the note states the maximum', async () => {
    const { ev, findings } = await read(withScore('98分（满分100分）'));
    expect(ev.totals.headline?.value).toBe('98');
    expect(about(findings)).toEqual([]);
  });

  it.each(['', '—', '/'])('is missing where the cell is blank or an empty marker (%j)', async (score) => {
    const { findings } = await read(withScore(score));
    expect(about(findings)).toEqual(['field-missing']);
  });
});
