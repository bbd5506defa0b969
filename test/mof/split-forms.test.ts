/**
 * MoF forms split over several tables by page or table breaks (mof-family.md §7.13, §7.17; README "Several
 * forms per file"): identity rows as a table of their own, funds and goals apart from the indicator block,
 * the indicator block itself over three or four tables without its header repeated. Each is read as the
 * one form it is, with every value the whole form gives and no finding, as .docx, HTML page and Tika text.
 * And what must stay apart: a table after a cut form, the next form, a Hunan report, a funds table followed
 * by a bare score sheet.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/process.js';
import { processDocument } from '../../src/process.js';
import { incomeExpenditureTable } from '../helpers/mof/documents.js';
import { formById, type MofForm, type Printable } from '../helpers/mof/index.js';
import { formTable, type TableSpec } from '../helpers/mof/layout.js';
import type { DocPart } from '../helpers/mof/parts.js';
import { cutTable, formRows, splitFormParts } from '../helpers/mof/split.js';
import { rubricThreePages } from '../helpers/seed-variants.js';
import { expectEvaluation } from './check.js';
import { expectedEvaluation } from './expected.js';
import { PRINTABLE_FORMATS } from '../helpers/mof/read.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

const FORMATS = PRINTABLE_FORMATS;
type Format = (typeof FORMATS)[number];

const read = (x: Printable, format: Format, name = 'split'): Promise<DocumentResult> =>
  processDocument({ bytes: format.render(x), file: `${name}.${format.ext}` }, { keepHtml: true });

/** Where a form is cut, as row indices of its printed table. */
interface Cut {
  name: string;
  at: (form: MofForm) => number[];
  /** What stands between the pieces: nothing (an empty paragraph), a page marker, a continued title. */
  between?: (form: MofForm) => string;
}

const CUTS: Cut[] = [
  { name: 'identity rows in a table of their own', at: (f) => [formRows(f).funds] },
  { name: 'funds and goals, then the indicator block after a page marker', at: (f) => [formRows(f).indicatorHeader], between: () => '第 1 页' },
  { name: 'funds, then goals and the indicator block', at: (f) => [formRows(f).goals] },
  { name: 'identity | funds and goals | indicator block', at: (f) => [formRows(f).funds, formRows(f).indicatorHeader] },
  {
    name: 'the indicator block over three tables, its header not repeated',
    at: (f) => [third(f, 1), third(f, 2)],
    between: (f) => `${f.title}（续）`,
  },
  {
    name: 'funds and goals | indicator header and rows | rows | rows and 总分, header not repeated',
    at: (f) => [formRows(f).indicatorHeader, third(f, 1), third(f, 2)],
    between: () => '（续表）',
  },
];

/** The row a third (or two thirds) of the way down the indicator rows. */
function third(form: MofForm, k: 1 | 2): number {
  return formRows(form).indicators + Math.floor((form.indicators.length * k) / 3);
}

/** A single-target and a split-target project form (万元, 元 with a caption) and a 部门整体 form. */
const FORMS = ['project-road-wan', 'project-school-yuan', 'department-health-split'];

/** The grid tables the evaluation's values point into. */
function tablesOf(result: DocumentResult, part: number): number[] {
  const out = new Set<number>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const obj = node as Record<string, unknown>;
    const src = obj.src as { table?: number } | undefined;
    if (typeof obj.raw === 'string' && src && typeof src.table === 'number') out.add(src.table);
    for (const [k, v] of Object.entries(obj)) if (k !== 'src') walk(v);
  };
  walk(result.evaluations[part - 1]);
  return [...out].sort((a, b) => a - b);
}

const serious = (r: DocumentResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`);

describe.each(FORMATS)('a form split over tables, as $name', (format) => {
  describe.each(FORMS)('%s', (id) => {
    it.each(CUTS)('$name: one evaluation with every value of the whole form, no finding', async (cut) => {
      const form = formById(id);
      const exp = expectedEvaluation(form);
      const at = cut.at(form);
      const result = await read(splitFormParts(form, at, cut.between?.(form)), format);
      expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
      expect(result.grid!.tables).toHaveLength(at.length + 1);
      expect(result.evaluations.map((e) => [e.part, e.template, e.kind, e.complete])).toEqual([[1, exp.template, exp.kind, true]]);
      expectEvaluation(result.evaluations[0]!, exp);
      expect(result.findings.map((f) => f.rule), serious(result).join('\n')).toEqual([]);
    });
  });

  it('the values of each piece point into that piece', async () => {
    const form = formById('project-road-wan');
    const result = await read(splitFormParts(form, [formRows(form).funds, formRows(form).indicatorHeader, third(form, 2)]), format);
    expect(tablesOf(result, 1)).toEqual([0, 1, 2, 3]);
    const ev = result.evaluations[0]!;
    expect(ev.identity.projectName!.src.table).toBe(0);
    expect(ev.funds!.lines[0]!.budget!.src.table).toBe(1);
    expect(ev.goals!.expected!.src.table).toBe(1);
    expect(ev.indicators[0]!.score!.src.table).toBe(2);
    expect(ev.totals.score!.src.table).toBe(3);
  });

  it('a form broken just above an unused slot (a bare 指标2:), then the next form: each read whole', async () => {
    const [dept, project] = [formById('department-agri-bureau'), formById('project-road-wan')];
    const slot = dept.indicators.findIndex((i) => /^指标\d+[:：]$/u.test(i.level3));
    expect(slot).toBeGreaterThan(0);
    const parts: DocPart[] = [...splitFormParts(dept, [formRows(dept).indicators + slot], '第 2 页'), { kind: 'form', form: project }];
    const result = await read(parts, format);
    expect(result.evaluations.map((e) => [e.part, e.template, e.complete])).toEqual([
      [1, 'mof-department', true],
      [2, 'mof-project', true],
    ]);
    expectEvaluation(result.evaluations[0]!, expectedEvaluation(dept));
    expectEvaluation(result.evaluations[1]!, expectedEvaluation(project));
    expect(result.findings.map((f) => f.rule), serious(result).join('\n')).toEqual([]);
  });

  it('indicator names with a number in them below the break (65岁及以上…, 12345热线…), header not repeated', async () => {
    const health = formById('project-health-wan2');
    const road = formById('project-road-wan');
    road.indicators[5]!.level3 = '12345热线办结率';
    expect(health.indicators.some((i) => /^\d/u.test(i.level3))).toBe(true);
    for (const [form, at] of [
      [health, formRows(health).indicators + 1],
      [road, formRows(road).indicators + 4],
    ] as const) {
      const result = await read(splitFormParts(form, [at], '第 2 页'), format);
      expect(result.evaluations.map((e) => [e.part, e.complete, e.indicators.length])).toEqual([[1, true, form.indicators.length]]);
      expectEvaluation(result.evaluations[0]!, expectedEvaluation(form));
      expect(result.findings.map((f) => f.rule), serious(result).join('\n')).toEqual([]);
    }
  });

  it('two split forms in a row are two evaluations, each whole', async () => {
    const [a, b] = [formById('project-road-wan'), formById('project-school-yuan')];
    const parts: DocPart[] = [...splitFormParts(a, [formRows(a).indicatorHeader, third(a, 2)]), ...splitFormParts(b, [formRows(b).funds, third(b, 1)])];
    const result = await read(parts, format);
    expect(result.evaluations.map((e) => [e.part, e.template, e.identity.projectName?.value, e.complete])).toEqual([
      [1, 'mof-project', a.projectName, true],
      [2, 'mof-project', b.projectName, true],
    ]);
    expectEvaluation(result.evaluations[0]!, expectedEvaluation(a));
    expectEvaluation(result.evaluations[1]!, expectedEvaluation(b));
    expect(tablesOf(result, 1)).toEqual([0, 1, 2]);
    expect(tablesOf(result, 2)).toEqual([3, 4, 5]);
    expect(serious(result)).toEqual([]);
  });
});

/** The form's table cut after `keep` indicator rows, without its 总分 row (a copy that lost its last page). */
function cutForm(form: MofForm, keep: number): TableSpec {
  return cutTable(formTable(form), [formRows(form).indicators + keep])[0]!;
}

describe.each(FORMATS)('what a form does not swallow, as $name', (format) => {
  const form = formById('project-road-wan');
  const lines = [form.title, form.yearLine];

  it.each([
    ['under its own caption lines', incomeExpenditureTable('某县交通运输局')],
    ['right after the cut form', { ...(incomeExpenditureTable('某县交通运输局') as Extract<DocPart, { kind: 'table' }>), lines: [] }],
  ])('a cut form followed by a 决算 table with a 总计 row (%s): the form is read as far as it goes, the table is not its rows', async (_, juesuan) => {
    const parts: DocPart[] = [{ kind: 'table', lines, table: cutForm(form, 5) }, { kind: 'paragraph', text: '' }, juesuan];
    const result = await read(parts, format, 'cut-then-juesuan');
    expect(result.status).toBe('ok');
    expect(result.evaluations).toHaveLength(1);
    const ev = result.evaluations[0]!;
    expect(ev.complete).toBe(false);
    expect(ev.indicators.map((i) => i.level3?.name.value)).toEqual(form.indicators.slice(0, 5).map((i) => i.level3));
    expect(ev.totals.weight).toBeNull();
    expect(tablesOf(result, 1)).toEqual([0]);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['extract-incomplete', 'info']]);
  });

  it('a cut form followed by an expense list with a 合计 row, in columns of its own: the list is not its rows', async () => {
    const list: TableSpec = {
      cols: 4,
      rows: [
        ['序号', '金额（万元）', '支出单位', '用途'],
        ['1', '12.50', '某县公路管理段', '桥梁检测'],
        ['2', '8.30', '某县农村公路服务中心', '养护设备购置'],
        ['合计', '20.80', '', ''],
      ].map((row) => row.map((text) => ({ text }))),
    };
    const parts: DocPart[] = [{ kind: 'table', lines, table: cutForm(form, 5) }, { kind: 'paragraph', text: '' }, { kind: 'table', lines: [], table: list }];
    const result = await read(parts, format, 'cut-then-list');
    expect(result.evaluations.map((e) => [e.complete, e.indicators.length, e.totals.weight])).toEqual([[false, 5, null]]);
    expect(tablesOf(result, 1)).toEqual([0]);
  });

  it('a cut form followed by a table in its very columns with bare numbers where the 三级 name stands: not its rows', async () => {
    const row = (name: string, weight: string, score: string): TableSpec['rows'][number] => [...['', '', '', name, '3,120.48', '2,800.00', weight, score].map((text) => ({ text })), { text: '', colspan: 2 }];
    const numbers: TableSpec = { cols: 10, rows: [row('1', '10', '9'), row('2', '10', '8'), [{ text: '总计', colspan: 6 }, { text: '100' }, { text: '98' }, { text: '', colspan: 2 }]] };
    const parts: DocPart[] = [{ kind: 'table', lines, table: cutForm(form, 5) }, { kind: 'paragraph', text: '' }, { kind: 'table', lines: [], table: numbers }];
    const result = await read(parts, format, 'cut-then-numbers');
    expect(result.evaluations.map((e) => [e.complete, e.indicators.length, e.totals.weight])).toEqual([[false, 5, null]]);
    expect(tablesOf(result, 1)).toEqual([0]);
  });

  it('a cut form followed by the next form (its own title, identity and funds): two evaluations', async () => {
    const next = formById('project-school-yuan');
    const parts: DocPart[] = [{ kind: 'table', lines, table: cutForm(form, 5) }, { kind: 'paragraph', text: '' }, ...splitFormParts(next, [formRows(next).indicatorHeader])];
    const result = await read(parts, format, 'cut-then-next');
    expect(result.evaluations.map((e) => [e.identity.projectName?.value, e.complete, e.indicators.length])).toEqual([
      [form.projectName, false, 5],
      [next.projectName, true, next.indicators.filter((i) => i.weight !== '').length],
    ]);
    expectEvaluation(result.evaluations[1]!, expectedEvaluation(next));
  });

  it('indicator rows in a table of their own that never reach a 总分 row are not joined to a cut form', async () => {
    const [first, middle] = cutTable(formTable(form), [third(form, 1), third(form, 2)]);
    const parts: DocPart[] = [{ kind: 'table', lines, table: first! }, { kind: 'paragraph', text: '' }, { kind: 'table', lines: [], table: middle! }];
    const result = await read(parts, format, 'cut-over-two');
    expect(result.evaluations).toHaveLength(1);
    expect(result.evaluations[0]!.complete).toBe(false);
    expect(tablesOf(result, 1)).toEqual([0]);
  });
});

describe.each(FORMATS)('recognition still rests on the MoF labels, as $name', (format) => {
  const form = formById('project-road-wan');
  const rows = formRows(form);
  const [head, block] = cutTable(formTable(form), [rows.indicatorHeader]);

  /** The indicators as a bare score sheet: 一级/二级/三级指标 with 分值 and 得分, no target or actual column. */
  const scoreSheet: TableSpec = {
    cols: 6,
    rows: [
      ['一级指标', '二级指标', '三级指标', '分值', '得分', '扣分原因'].map((text) => ({ text })),
      ...form.indicators.map((i) => [i.level1, i.level2, i.level3, i.weight, i.score, ''].map((text) => ({ text }))),
      [{ text: '总分', colspan: 3 }, { text: form.total.weight }, { text: form.total.score }, { text: '' }],
    ],
  };

  it('funds with 项目名称, then a score sheet without 指标值 or 完成值: not an MoF form', async () => {
    const parts: DocPart[] = [{ kind: 'table', lines: [form.title, form.yearLine], table: head! }, { kind: 'paragraph', text: '' }, { kind: 'table', lines: [], table: scoreSheet }];
    const result = await read(parts, format, 'funds-then-score-sheet');
    expect(result.evaluations.filter((e) => e.template.startsWith('mof-'))).toEqual([]);
  });

  it('identity rows, then an indicator block with no funds header before it: not an MoF form', async () => {
    const [identity] = cutTable(formTable(form), [rows.funds]);
    const parts: DocPart[] = [{ kind: 'table', lines: [form.title, form.yearLine], table: identity! }, { kind: 'paragraph', text: '' }, { kind: 'table', lines: [], table: block! }];
    const result = await read(parts, format, 'identity-then-indicators');
    expect(result.evaluations.filter((e) => e.template.startsWith('mof-'))).toEqual([]);
  });
});

describe.each(FORMATS)('pieces apart in a report are not one form, as $name', (format) => {
  it("a funds table and an indicator table with a report's paragraphs between them", async () => {
    const form = formById('project-road-wan');
    const [head, block] = cutTable(formTable(form), [formRows(form).indicatorHeader]);
    const parts: DocPart[] = [
      { kind: 'table', lines: [form.title, form.yearLine], table: head! },
      { kind: 'heading', text: '二、绩效目标完成情况分析' },
      { kind: 'paragraph', text: '项目于2023年3月开工，11月底完成全部建设内容，经县交通运输局组织交工验收，工程质量合格，达到了年初设定的绩效目标。' },
      { kind: 'paragraph', text: '各项绩效指标完成情况如下表所示，其中沿线群众平均出行时间缩短指标超额完成。' },
      { kind: 'table', lines: [], table: block! },
    ];
    const result = await read(parts, format, 'report-with-tables');
    expect(result.evaluations.filter((e) => e.template.startsWith('mof-'))).toEqual([]);
  });
});

describe('a Hunan report is still read as Hunan', () => {
  const seed = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

  it.each([
    ['the seed report (docx)', () => processDocument(seed('seed.docx'))],
    ['the seed report (Tika text)', () => processDocument(seed('seed.txt'))],
    ['its scoring table over three pages', () => processDocument({ bytes: utf8(rubricThreePages()), file: 'rubric-three-pages.txt' })],
  ])('%s: one hunan-project-v1 evaluation', async (_, run) => {
    const result = await run();
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    expect(result.evaluations.map((e) => [e.part, e.template])).toEqual([[1, 'hunan-project-v1']]);
  });
});
