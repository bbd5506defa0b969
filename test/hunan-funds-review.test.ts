/**
 * Funds grids, expenditure tables and dates as other cities' and counties' reports print them
 * (test/helpers/hunan-shapes.ts): each is read by its labels, and the shapes read before keep their reading.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../src/model/evaluation.js';
import type { Finding } from '../src/model/finding.js';
import type { HunanPart } from '../src/model/hunan.js';
import { buildDocx, p, tbl, type RowSpec } from '../scripts/fixtures/ooxml.js';
import { processDocument } from '../src/process.js';
import { fundsTable, reportDateAs, withExpenditures } from './helpers/hunan-shapes.js';
import { SEED_TEXT, bytesOf, fundsSourceRow, replaceOnce, tikaRow } from './helpers/tika.js';

type HunanEvaluation = Evaluation & { hunan: HunanPart };

async function read(text: string | Uint8Array): Promise<{ ev: HunanEvaluation; findings: Finding[] }> {
  const r = await processDocument(typeof text === 'string' ? { bytes: bytesOf(text), file: 'report.txt' } : { bytes: text, file: 'report.docx' });
  expect(r.status).toBe('ok');
  expect(r.evaluations).toHaveLength(1);
  return { ev: r.evaluations[0] as HunanEvaluation, findings: r.findings };
}

const lines = (ev: Evaluation) => ev.funds?.lines.map((l) => [l.role, l.source, l.budget?.value ?? null, l.arrived?.value ?? null, l.executed?.value ?? null, l.balance?.value ?? null]);
const fundsRules = (findings: Finding[]) => findings.filter((f) => f.severity !== 'info' && f.rule.startsWith('funds-')).map((f) => f.rule);

describe('a funds grid with the sources across and the funds columns down', () => {
  const across = (order: string[]) => {
    const values: Record<string, string[]> = { 中央财政: ['300', '300', '60', '240'], 市财政: ['568', '568', '113.6', '454.4'], 合计: ['868', '868', '173.6', '694.4'] };
    const names = ['计划安排资金', '实际到位资金', '实际支出', '结余'];
    return fundsTable(['项目（万元）', ...order], names.map((n, i) => [n, ...order.map((o) => values[o]![i]!)]));
  };

  it.each([
    ['合计 last', ['中央财政', '市财政', '合计']],
    ['合计 first', ['合计', '中央财政', '市财政']],
  ])('reads each amount under its source (%s)', async (_, order) => {
    const { ev, findings } = await read(across(order));
    expect(lines(ev)).toEqual([
      ['total', 'total', '868', '868', '173.6', '694.4'],
      ['component', 'central', '300', '300', '60', '240'],
      ['component', 'municipal', '568', '568', '113.6', '454.4'],
    ]);
    expect(fundsRules(findings)).toEqual([]);
  });

  it('still reads the matrix with sources down the side', async () => {
    const { ev } = await read(
      fundsTable(['资金来源', '计划安排资金（万元）', '实际到位资金（万元）', '实际支出（万元）', '结余（万元）'], [
        ['中央财政', '300', '300', '60', '240'],
        ['市财政', '568', '568', '113.6', '454.4'],
        ['合计', '868', '868', '173.6', '694.4'],
      ]),
    );
    expect(lines(ev)).toEqual([
      ['total', 'total', '868', '868', '173.6', '694.4'],
      ['component', 'central', '300', '300', '60', '240'],
      ['component', 'municipal', '568', '568', '113.6', '454.4'],
    ]);
  });
});

describe('a 小计 row in the funds grid', () => {
  const MATRIX_HEADER = ['资金来源', '计划安排资金（万元）', '实际到位资金（万元）', '实际支出（万元）', '结余（万元）'];

  it.each(['小计', '财政资金小计'])('is neither the total nor a source beside a 合计 (%s)', async (subtotal) => {
    const { ev, findings } = await read(
      fundsTable(MATRIX_HEADER, [
        ['合计', '868', '868', '173.6', '694.4'],
        ['中央财政', '300', '300', '60', '240'],
        ['省财政', '100', '100', '20', '80'],
        [subtotal, '400', '400', '80', '320'],
        ['自筹资金', '468', '468', '93.6', '374.4'],
      ]),
    );
    expect(lines(ev)).toEqual([
      ['total', 'total', '868', '868', '173.6', '694.4'],
      ['component', 'central', '300', '300', '60', '240'],
      ['component', 'provincial', '100', '100', '20', '80'],
      ['component', 'other', '468', '468', '93.6', '374.4'],
    ]);
    expect(fundsRules(findings)).toEqual([]);
  });

  it('in the paired layout leaves the header totals as they are', async () => {
    const { ev } = await read(
      replaceOnce(SEED_TEXT, fundsSourceRow('其它', ['', '', '', '']), fundsSourceRow('其它', ['', '', '', '']) + fundsSourceRow('小计', ['500', '500', '100', '400'])),
    );
    expect(lines(ev)?.[0]).toEqual(['total', 'total', '868', '868', '173.6', '694.4']);
    expect(lines(ev)?.some((l) => l[2] === '500')).toBe(false);
  });

  it('is the total where the grid prints no 合计', async () => {
    const { ev, findings } = await read(
      fundsTable(MATRIX_HEADER, [
        ['中央财政', '300', '300', '60', '240'],
        ['市财政', '568', '568', '113.6', '454.4'],
        ['小计', '868', '868', '173.6', '694.4'],
      ]),
    );
    expect(lines(ev)?.[0]).toEqual(['total', 'total', '868', '868', '173.6', '694.4']);
    expect(fundsRules(findings)).toEqual([]);
  });

  it('several 小计 without a 合计 leave the total unknown rather than take one for it', async () => {
    const { ev } = await read(
      fundsTable(MATRIX_HEADER, [
        ['中央财政', '300', '300', '60', '240'],
        ['财政资金小计', '300', '300', '60', '240'],
        ['自筹资金', '568', '568', '113.6', '454.4'],
        ['自筹资金小计', '568', '568', '113.6', '454.4'],
      ]),
    );
    expect(ev.funds?.lines.some((l) => l.role === 'total')).toBe(false);
  });
});

describe('the expenditure table with its 支出合计 printed first', () => {
  const details = (ev: HunanEvaluation) => [ev.hunan.expenditures?.lines.map((l) => [l.content.value, l.amount?.value ?? null]), ev.hunan.expenditures?.total?.value];

  it('reads the lines below the total and adds them up', async () => {
    const ok = await read(withExpenditures([['支出合计', '173.6万元', '', ''], ['软件开发', '120万元', '1#', ''], ['硬件采购', '53.6万元', '2#', '']]));
    expect(details(ok.ev)).toEqual([[['软件开发', '120'], ['硬件采购', '53.6']], '173.6']);
    expect(fundsRules(ok.findings)).toEqual([]);
    const off = await read(withExpenditures([['支出合计', '173.6万元', '', ''], ['软件开发', '120万元', '1#', ''], ['硬件采购', '50万元', '2#', '']]));
    expect(fundsRules(off.findings)).toEqual(['funds-detail-sum']);
  });

  it('printed last still ends the table', async () => {
    const { ev } = await read(withExpenditures([['软件开发', '120万元', '1#', ''], ['硬件采购', '53.6万元', '2#', ''], ['支出合计', '173.6万元', '', ''], ['注：单位为万元', '', '', '']]));
    expect(details(ev)).toEqual([[['软件开发', '120'], ['硬件采购', '53.6']], '173.6']);
  });
});

describe('the project period written in Chinese numerals', () => {
  const period = (ev: HunanEvaluation) => [ev.hunan.overview.period?.start?.value ?? null, ev.hunan.overview.period?.end?.value ?? null];
  const withPeriod = (p: string) => replaceOnce(SEED_TEXT, '\t2020年 8 月起至今\n', `\t${p}\n`);

  it('is read, and an end before the start is reported', async () => {
    expect(period((await read(withPeriod('二〇二〇年八月至二〇二一年三月'))).ev)).toEqual(['2020-08', '2021-03']);
    const reversed = await read(withPeriod('二〇二一年三月至二〇二〇年八月'));
    expect(reversed.findings.filter((f) => f.rule === 'date-order').map((f) => f.actual)).toEqual(['2020-08']);
  });

  it('an impossible day in it is reported, and digits keep their reading', async () => {
    const bad = await read(withPeriod('二〇二〇年九月三十一日至二〇二一年三月一日'));
    expect(bad.findings.filter((f) => f.rule === 'date-invalid').map((f) => f.actual)).toContain('二〇二〇年九月三十一日');
    expect(period((await read(withPeriod('2020.08-2021.03'))).ev)).toEqual(['2020-08', '2021-03']);
    expect(period((await read(withPeriod('2020年8月至二〇二一年三月'))).ev)).toEqual(['2020-08', '2021-03']);
  });
});

describe('cover labels with a bracketed note before the colon', () => {
  const coverLine = (label: string, line: string) => replaceOnce(SEED_TEXT, new RegExp(`${label}：[^\\n]*`, 'u').exec(SEED_TEXT)![0], line);

  it('reads 项目单位（盖章）and 主管部门(公章)', async () => {
    const unit = await read(coverLine('项目单位', '项目单位（盖章）：岳阳市政务服务中心'));
    expect(unit.ev.identity.unit?.value).toBe('岳阳市政务服务中心');
    expect(unit.findings.filter((f) => f.rule === 'field-missing').map((f) => f.location.path)).toEqual(['/identity/authority']);
    const authority = await read(coverLine('主管部门', '主管部门(公章): 岳阳市人民政府办公室'));
    expect(authority.ev.identity.authority?.value).toBe('岳阳市人民政府办公室');
    expect(authority.findings.filter((f) => f.rule === 'field-missing')).toEqual([]);
  });

  it('an empty marker after it is still no value, and the plain label keeps its reading', async () => {
    const dash = await read(coverLine('主管部门', '主管部门（盖章）：—'));
    expect(dash.ev.identity.authority?.value ?? null).toBeNull();
    expect(dash.findings.filter((f) => f.rule === 'field-missing').map((f) => f.location.path)).toEqual(['/identity/authority']);
    const plain = await read(coverLine('项目单位', '项目单位：岳阳市政务服务中心'));
    expect(plain.ev.identity.unit?.value).toBe('岳阳市政务服务中心');
  });
});

describe('a funds matrix with 其中 in a column of its own', () => {
  /** A county's report as Word writes it: 资金来源 over two columns, 其中 beside the source rows. */
  const report = (qizhong: 'merged' | 'cells' | 'none', municipal = ['568', '568', '113.6', '454.4']) => {
    const amounts = (v: string[]) => [v[0]!, v[1]!, v[2]!, v[3]!];
    const beside = (i: number): RowSpec['cells'][number] =>
      qizhong === 'merged' ? (i === 0 ? { text: '其中', vMerge: 'restart' } : { vMerge: 'continue' }) : qizhong === 'cells' ? (i === 0 ? '其中：' : '') : '';
    const rows: RowSpec[] = [
      { cells: [{ text: '一、项目基本概况', span: 6 }] },
      { cells: [{ text: '资金来源', span: 2 }, '计划安排资金（万元）', '实际到位资金（万元）', '实际支出（万元）', '结余（万元）'] },
      { cells: [{ text: '合计', span: 2 }, ...amounts(['868', '868', '173.6', '694.4'])] },
      { cells: [beside(0), '中央财政', ...amounts(['300', '300', '60', '240'])] },
      { cells: [beside(1), '市财政', ...amounts(municipal)] },
      { cells: [beside(2), '其它', '—', '—', '—', '—'] },
      { cells: [{ text: '二、项目支出明细情况', span: 6 }] },
    ];
    const cover = ['项目名称：乡村道路项目', '项目单位：某县交通运输局', '主管部门：某县人民政府', '报告日期：2021年6月8日'].map((t) => p(t)).join('');
    return buildDocx(cover + tbl(6, rows) + tbl(2, [{ cells: ['绩效自评综合得分', '90分'] }, { cells: ['评价等次', '优'] }]));
  };

  it.each(['merged', 'cells', 'none'] as const)('reads the source rows by their own labels (其中 %s)', async (qizhong) => {
    const { ev, findings } = await read(report(qizhong));
    expect(lines(ev)).toEqual([
      ['total', 'total', '868', '868', '173.6', '694.4'],
      ['component', 'central', '300', '300', '60', '240'],
      ['component', 'municipal', '568', '568', '113.6', '454.4'],
      ['component', 'other', null, null, null, null],
    ]);
    expect(fundsRules(findings)).toEqual([]);
  });

  it('sources that do not add up are reported', async () => {
    const { findings } = await read(report('merged', ['500', '500', '113.6', '386.4']));
    expect(findings.filter((f) => f.rule === 'funds-source-sum').map((f) => f.location.path)).toEqual(['/funds/lines/0/budget', '/funds/lines/0/arrived', '/funds/lines/0/balance']);
  });
});

describe('a funds matrix with a 序号 column before the source labels', () => {
  const HEADER = ['序号', '资金来源', '计划安排资金（万元）', '实际到位资金（万元）', '实际支出（万元）', '结余（万元）'];
  it('reads each source by its label, not by the number before it', async () => {
    const { ev, findings } = await read(fundsTable(HEADER, [['', '合计', '868', '868', '173.6', '694.4'], ['1', '中央财政', '300', '300', '60', '240'], ['2', '市财政', '568', '568', '113.6', '454.4']]));
    expect(lines(ev)).toEqual([
      ['total', 'total', '868', '868', '173.6', '694.4'],
      ['component', 'central', '300', '300', '60', '240'],
      ['component', 'municipal', '568', '568', '113.6', '454.4'],
    ]);
    expect(fundsRules(findings)).toEqual([]);
    const bad = await read(fundsTable(HEADER, [['', '合计', '868', '868', '173.6', '694.4'], ['1', '中央财政', '300', '300', '60', '240'], ['2', '市财政', '500', '568', '113.6', '454.4']]));
    expect(fundsRules(bad.findings).sort()).toEqual(['funds-overrun', 'funds-source-sum']);
  });
});

describe('a report date whose 〇 is typed as O or 0', () => {
  it.each(['二O二一年六月八日', '二0二一年六月八日', '二Ｏ二一年六月八日', '二〇二一年六月八日'])('reads %s', async (date) => {
    const { ev, findings } = await read(reportDateAs(date));
    expect(ev.identity.reportDate?.value).toBe('2021-06-08');
    expect(findings.filter((f) => f.rule === 'extract-unreadable')).toEqual([]);
  });
  it('an impossible day so typed is reported', async () => {
    const { findings } = await read(reportDateAs('二O二一年二月三十日'));
    expect(findings.filter((f) => f.rule === 'date-invalid').map((f) => f.actual)).toContain('二O二一年二月三十日');
  });
});

describe('funds figures as pairs of label and value over several rows', () => {
  const replaceGrid = (rows: string[][]) => {
    const start = SEED_TEXT.indexOf('\t计划安排资金\n');
    const end = SEED_TEXT.indexOf('\t二、项目支出明细情况');
    return SEED_TEXT.slice(0, start) + rows.map((r) => tikaRow(r)).join('') + SEED_TEXT.slice(end);
  };
  const H = ['计划安排资金（万元）', '实际到位资金（万元）', '实际支出（万元）', '结余（万元）'];

  it.each([
    ['one pair a row', H.map((h, i) => [h, ['868', '868', '173.6', '694.4'][i]!])],
    ['two pairs a row', [[H[0]!, '868', H[1]!, '868'], [H[2]!, '173.6', H[3]!, '694.4']]],
  ])('are the total (%s), whatever the row above says', async (_, rows) => {
    const { ev, findings } = await read(replaceGrid(rows));
    expect(lines(ev)).toEqual([['total', 'total', '868', '868', '173.6', '694.4']]);
    expect(findings.filter((f) => f.rule === 'field-missing' && f.location.path === '/funds')).toEqual([]);
    const over = await read(replaceGrid([[H[0]!, '868', H[1]!, '800'], [H[2]!, '850', H[3]!, '-50']]));
    expect(over.findings.filter((f) => f.rule === 'funds-overrun').map((f) => f.actual)).toEqual(['850']);
  });
});

describe('a funds matrix with its units in a row of their own, or a blank row', () => {
  const HEADER = ['资金来源', '计划安排资金', '实际到位资金', '实际支出', '结余'];
  const ROWS = [['合计', '868', '868', '173.6', '694.4'], ['中央财政', '300', '300', '60', '240'], ['市财政', '568', '568', '113.6', '454.4']];
  const EXPECTED = [
    ['total', 'total', '868', '868', '173.6', '694.4'],
    ['component', 'central', '300', '300', '60', '240'],
    ['component', 'municipal', '568', '568', '113.6', '454.4'],
  ];
  const inYuan = (rows: string[][]) => rows.map((r) => [r[0]!, ...r.slice(1).map((v) => String(Number(v) * 10000))]);

  it.each([
    ['（万元） under each header', [['', '（万元）', '（万元）', '（万元）', '（万元）'], ...ROWS]],
    ['（元） under each header', [['', '（元）', '（元）', '（元）', '（元）'], ...inYuan(ROWS)]],
    ['a blank row after the total', [ROWS[0]!, ['', '', '', '', ''], ...ROWS.slice(1)]],
  ])('reads every row (%s)', async (_, rows) => {
    const { ev, findings } = await read(fundsTable(HEADER, rows));
    expect(lines(ev)).toEqual(EXPECTED);
    expect(fundsRules(findings)).toEqual([]);
  });

  it('a source that does not add up is still reported below a unit row', async () => {
    const { findings } = await read(fundsTable(HEADER, [['', '（万元）', '（万元）', '（万元）', '（万元）'], ROWS[0]!, ROWS[1]!, ['市财政', '500', '568', '113.6', '454.4']]));
    expect(findings.filter((f) => f.rule === 'funds-source-sum').map((f) => f.location.path)).toEqual(['/funds/lines/0/budget']);
  });
});

describe('a note or a rate below the funds sources', () => {
  const HEADER = ['资金来源', '计划安排资金（万元）', '实际到位资金（万元）', '实际支出（万元）', '结余（万元）'];
  const ROWS = [['合计', '868', '868', '173.6', '694.4'], ['中央财政', '300', '300', '60', '240'], ['市财政', '568', '568', '113.6', '454.4']];
  const EXPECTED = [
    ['total', 'total', '868', '868', '173.6', '694.4'],
    ['component', 'central', '300', '300', '60', '240'],
    ['component', 'municipal', '568', '568', '113.6', '454.4'],
  ];

  it.each([
    ['a note', ['资金使用说明', '本项目资金由中央和市财政安排，2020年拨付到位']],
    ['a rate', ['资金执行率', '', '', '20%', '']],
  ])('is no source (%s)', async (_, extra) => {
    const { ev, findings } = await read(fundsTable(HEADER, [...ROWS, extra]));
    expect(lines(ev)).toEqual(EXPECTED);
    expect(fundsRules(findings)).toEqual([]);
  });

  it('a note merged over the amount columns in Word is no source either; a source below the total still is', async () => {
    const rows: RowSpec[] = [
      { cells: ['资金来源', ...HEADER.slice(1)] },
      ...ROWS.map((r) => ({ cells: r })),
      { cells: ['资金拨付', { text: '2020年12月拨付到位868万元', span: 4 }] },
    ];
    const cover = ['项目名称：乡村道路项目', '项目单位：某县交通运输局', '主管部门：某县人民政府', '报告日期：2021年6月8日', '一、项目基本概况'].map((t) => p(t)).join('');
    const { ev, findings } = await read(buildDocx(cover + tbl(5, rows) + tbl(2, [{ cells: ['绩效自评综合得分', '90分'] }, { cells: ['评价等次', '优'] }])));
    expect(lines(ev)).toEqual(EXPECTED);
    expect(fundsRules(findings)).toEqual([]);
  });
});

describe('an expenditure table with a 序号 column', () => {
  const HEADER = ['序号', '支出内容', '实际支出数（万元）', '会计凭证号', '备注'];
  const table = (rows: string[][]) => {
    const start = SEED_TEXT.indexOf('\t支出内容\n');
    const end = SEED_TEXT.indexOf('\t三、项目绩效自评情况');
    return SEED_TEXT.slice(0, start) + [HEADER, ...rows].map((r) => tikaRow(r)).join('') + SEED_TEXT.slice(end);
  };
  const details = (ev: HunanEvaluation) => [ev.hunan.expenditures?.lines.map((l) => [l.content.value, l.amount?.value ?? null, l.kind ?? 'line']), ev.hunan.expenditures?.total?.value ?? null];

  it.each([
    ['合计 in the 序号 column', ['合计', '', '173.6', '', '']],
    ['合计 in the 支出内容 column', ['', '合计', '173.6', '', '']],
  ])('reads the total row as the total (%s) and adds the lines up', async (_, totalRow) => {
    const ok = await read(table([['1', '软件开发', '120', '1#', ''], ['2', '硬件采购', '53.6', '2#', ''], totalRow]));
    expect(details(ok.ev)).toEqual([[['软件开发', '120', 'line'], ['硬件采购', '53.6', 'line']], '173.6']);
    expect(fundsRules(ok.findings)).toEqual([]);
    const off = await read(table([['1', '软件开发', '120', '1#', ''], ['2', '硬件采购', '50', '2#', ''], totalRow]));
    expect(fundsRules(off.findings)).toEqual(['funds-detail-sum']);
  });

  it('a line whose 支出内容 is empty stays a line, its number no content', async () => {
    const { ev } = await read(table([['1', '软件开发', '120', '1#', ''], ['2', '', '53.6', '2#', ''], ['合计', '', '173.6', '', '']]));
    expect(details(ev)).toEqual([[['软件开发', '120', 'line'], [null, '53.6', 'line']], '173.6']);
  });
});

describe('a funds grid headed 预算数 | 到位数 | 支出数 | 结余数', () => {
  const ROWS = [['合计', '868', '868', '173.6', '694.4'], ['中央财政', '300', '300', '60', '240'], ['市财政', '568', '568', '113.6', '454.4']];

  it.each([
    ['预算数', ['资金来源', '预算数（万元）', '到位数（万元）', '支出数（万元）', '结余数（万元）']],
    ['预算金额', ['资金来源', '预算金额', '实际到位', '实际支出', '结余']],
  ])('reads the grid by its other columns (%s)', async (_, header) => {
    const { ev, findings } = await read(fundsTable(header, ROWS));
    expect(lines(ev)).toEqual([
      ['total', 'total', '868', '868', '173.6', '694.4'],
      ['component', 'central', '300', '300', '60', '240'],
      ['component', 'municipal', '568', '568', '113.6', '454.4'],
    ]);
    expect(findings.filter((f) => f.rule === 'field-missing' && /funds/u.test(f.location.path ?? ''))).toEqual([]);
    expect(fundsRules(findings)).toEqual([]);
  });

  it('checks the figures read that way', async () => {
    const { findings } = await read(fundsTable(['资金来源', '预算数', '到位数', '支出数', '结余数'], [ROWS[0]!, ROWS[1]!, ['市财政', '500', '568', '113.6', '454.4']]));
    expect(findings.filter((f) => f.rule === 'funds-source-sum').map((f) => f.location.path)).toEqual(['/funds/lines/0/budget']);
  });

  it('takes 预算数 for no funds column without two other funds columns beside it', async () => {
    const { ev } = await read(fundsTable(['资金来源', '预算数', '备注'], [['合计', '868', ''], ['中央财政', '300', '']]));
    expect(ev.funds).toBeNull();
  });

  it('takes no expenditure table headed 支出内容 | 预算数 | 实际支出数 | 结余数 for the funds grid', async () => {
    // The funds grid is one this form does not read (执行数 is no column of it): the expenditure table
    // below, with a budget, a spending and a balance per line, must not be read in its place.
    const unread = fundsTable(['资金来源', '预算数', '执行数', '结余'], ROWS.map((r) => [r[0]!, r[1]!, r[3]!, r[4]!]));
    const seedLines = tikaRow(['支出内容', '实际支出数', '会计凭证号', '备注']) + tikaRow(['项目支出', '173.6万元', '2020年12月34#', '']) + tikaRow(['支出合计', '173.6万元', '', '']);
    const budgeted = [['支出内容', '预算数', '实际支出数', '结余数', '备注'], ['软件开发', '500', '120', '380', ''], ['硬件采购', '368', '53.6', '314.4', ''], ['支出合计', '868', '173.6', '694.4', '']];
    const { ev } = await read(replaceOnce(unread, seedLines, budgeted.map((r) => tikaRow(r)).join('')));
    expect(ev.hunan.expenditures?.lines.map((l) => [l.content.value, l.amount?.value])).toEqual([['软件开发', '120'], ['硬件采购', '53.6']]);
    expect(ev.funds).toBeNull();
  });
});

describe('a 预算数 column beside a 计划安排资金 column of its own', () => {
  it('is not read over the budget: it is reported as a column the reader does not know', async () => {
    const { ev, findings } = await read(
      fundsTable(['资金来源', '计划安排资金（万元）', '预算数（万元）', '实际到位资金（万元）', '实际支出（万元）', '结余（万元）'], [
        ['合计', '868', '900', '868', '173.6', '694.4'],
        ['中央财政', '300', '320', '300', '60', '240'],
        ['市财政', '568', '580', '568', '113.6', '454.4'],
      ]),
    );
    expect(lines(ev)).toEqual([
      ['total', 'total', '868', '868', '173.6', '694.4'],
      ['component', 'central', '300', '300', '60', '240'],
      ['component', 'municipal', '568', '568', '113.6', '454.4'],
    ]);
    expect(findings.filter((f) => f.rule === 'extract-funds-columns').map((f) => f.location.text)).toEqual(['预算数（万元）']);
  });
});
