/**
 * 部门整体支出绩效自评表 as provinces publish them (mof-family §3): titled 部门整体绩效自评表 as often as
 * 部门整体支出绩效自评表, printed without a 部门（单位）名称 row, or with the department's name in the label's
 * own cell or on a line above the table. Each is read as one department form by its labels.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import { buildForm, D } from '../helpers/mof/build.js';
import { AGRI_BUREAU } from '../helpers/mof/catalogue-department.js';
import { formById, fundsLabel, type DocPart, type MofForm } from '../helpers/mof/index.js';
import { formTable, type SpecCell } from '../helpers/mof/layout.js';
import { PRINTABLE_FORMATS, serious } from '../helpers/mof/read.js';
import { formRows, splitFormParts } from '../helpers/mof/split.js';

const AGRI = 'department-agri-bureau';

/** The form's table under its title lines, its first (部门（单位）名称) row replaced by `nameRow` or left out. */
function departmentTable(form: MofForm, lines: string[], nameRow?: SpecCell[]): DocPart {
  const table = formTable(form);
  return { kind: 'table', lines, table: { ...table, rows: [...(nameRow ? [nameRow] : []), ...table.rows.slice(1)] } };
}

describe.each(PRINTABLE_FORMATS)('部门整体 forms in a $name file', ({ ext, render }) => {
  const read = async (parts: DocPart[]) => {
    const result = await processDocument({ bytes: render(parts), file: `department.${ext}` });
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    return result;
  };

  it('a form titled 部门整体绩效自评表 without a 部门（单位）名称 row is a department form, read whole and without findings', async () => {
    const form = formById(AGRI);
    const result = await read([departmentTable(form, ['2023年度部门整体绩效自评表'])]);
    expect(result.evaluations.map((ev) => [ev.template, ev.kind])).toEqual([['mof-department', 'department']]);
    const [ev] = result.evaluations;
    expect(ev!.identity.year?.value).toBe('2023');
    expect(ev!.funds?.lines.find((l) => l.role === 'total')?.budget?.value).toBe(form.funds[0]!.budget);
    expect(ev!.totals.score?.value).toBe(form.total.score);
    expect(serious(result)).toEqual([]);
  });

  it('the full title without a name row stays a department form, and a project title does not become one', async () => {
    const form = formById(AGRI);
    const full = await read([departmentTable(form, ['部门整体支出绩效自评表', '（2023年度）'])]);
    expect(full.evaluations.map((ev) => ev.template)).toEqual(['mof-department']);
    // A Sichuan-style 部门预算项目… title names a project form, never a department one.
    const project = await processDocument({ bytes: render([departmentTable(form, ['2023年度部门预算项目支出绩效自评表'])]), file: `p.${ext}` });
    expect(project.evaluations.filter((ev) => ev.kind === 'department')).toEqual([]);
  });
});

describe.each(PRINTABLE_FORMATS)('the department’s name in a $name file', ({ ext, render }) => {
  const unitOf = async (parts: DocPart[]) => {
    const result = await processDocument({ bytes: render(parts), file: `name.${ext}` });
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    expect(result.evaluations.map((ev) => ev.template)).toEqual(['mof-department']);
    expect(serious(result)).toEqual([]);
    return result.evaluations[0]!.identity.unit;
  };
  const form = () => formById(AGRI);
  const title = ['部门整体支出绩效自评表', '（2023年度）'];

  it('is read from a name row that prints label and name in one merged cell', async () => {
    const f = form();
    const unit = await unitOf([departmentTable(f, title, [{ text: `部门（单位）名称：${f.department}`, colspan: formTable(f).cols }])]);
    expect(unit?.value).toBe(f.department);
    expect(unit?.raw).toBe(`部门（单位）名称：${f.department}`);
  });

  it('such a cell makes the form a department form without a 部门整体 title', async () => {
    const f = form();
    const unit = await unitOf([departmentTable(f, ['（2023年度）'], [{ text: `部门名称：${f.department}`, colspan: formTable(f).cols }])]);
    expect(unit?.value).toBe(f.department);
  });

  it('is read from a line above the table, up to the gap before 填报日期', async () => {
    const f = form();
    const unit = await unitOf([departmentTable(f, [...title, `部门（单位）名称：${f.department}\u3000\u3000\u3000\u3000填报日期：2024年3月20日`])]);
    expect(unit?.value).toBe(f.department);
  });

  it('a name row of label and value cells is read as before, and an empty inline name is none', async () => {
    const f = form();
    expect((await unitOf([{ kind: 'form', form: f }]))?.value).toBe(f.department);
    expect((await unitOf([departmentTable(f, [...title, '部门（单位）名称：\u3000\u3000\u3000\u3000填报日期：2024年3月20日'])]))?.value ?? null).toBeNull();
  });
});

/** The form's table with the six funds columns (年初预算数 … 得分) printed in `order` (indices into the MoF order). */
function fundsColumnsIn(form: MofForm, order: number[]): DocPart {
  const table = formTable(form);
  const header = table.rows.findIndex((row) => row.some((cell) => cell.text === '年初预算数'));
  const rows = table.rows.map((row, r) => {
    if (r < header || r > header + form.funds.length) return row;
    const values = row.slice(-6);
    return [...row.slice(0, -6), ...order.map((i) => values[i]!)];
  });
  return { kind: 'table', lines: [form.title, form.yearLine], table: { ...table, rows } };
}

describe.each(PRINTABLE_FORMATS)('funds columns in another order in a $name file', ({ ext, render }) => {
  const read = async (parts: DocPart[]) => {
    const result = await processDocument({ bytes: render(parts), file: `order.${ext}` });
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    expect(result.evaluations).toHaveLength(1);
    return result;
  };
  const lines = (result: Awaited<ReturnType<typeof read>>) =>
    result.evaluations[0]!.funds?.lines.map((l) => [l.label, l.initialBudget?.value, l.budget?.value, l.executed?.value, l.weight?.value, l.rate?.value, l.score?.value]);

  it('分值 printed before the amounts: the rows are read by their headers, as in the MoF order, with no finding', async () => {
    const form = formById(AGRI);
    const mof = await read([fundsColumnsIn(form, [0, 1, 2, 3, 4, 5])]);
    const weightFirst = await read([fundsColumnsIn(form, [3, 0, 1, 2, 4, 5])]);
    // The total row has every column read (amounts in 万元 as numbers, so compared with the MoF order's reading).
    expect(lines(mof)?.[0]?.[0]).toBe('年度资金总额');
    expect(lines(mof)?.[0]?.slice(1).every((v) => v != null)).toBe(true);
    expect(lines(weightFirst)).toEqual(lines(mof));
    expect(serious(weightFirst)).toEqual([]);
  });

  it('a wrong execution score is still found with 分值 first', async () => {
    const form = formById(AGRI);
    form.funds[0]!.score = '10.00';
    const result = await read([fundsColumnsIn(form, [3, 0, 1, 2, 4, 5])]);
    expect(serious(result).map((f) => f.rule)).toContain('execution-score');
  });
});

describe.each(PRINTABLE_FORMATS)('the funds total under another label in a $name file', ({ ext, render }) => {
  const read = async (form: MofForm) => {
    const result = await processDocument({ bytes: render(form), file: `total.${ext}` });
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    expect(result.evaluations).toHaveLength(1);
    return result;
  };
  const totalLine = (result: Awaited<ReturnType<typeof read>>) => result.evaluations[0]!.funds?.lines.find((l) => l.role === 'total');

  it.each(['年度预算资金总额', '资金合计', '总计'])('the first row of amounts, labelled %s, is the total with the execution item', async (label) => {
    const form = formById(AGRI);
    const standard = totalLine(await read(form));
    form.funds[0]!.label = label;
    const result = await read(form);
    const total = totalLine(result);
    expect(total?.label).toBe(label);
    expect([total?.budget?.value, total?.executed?.value, total?.weight?.value, total?.score?.value]).toEqual([standard?.budget?.value, standard?.executed?.value, standard?.weight?.value, standard?.score?.value]);
    expect(serious(result)).toEqual([]);
  });

  it('its sources are still added up against it', async () => {
    const form = formById(AGRI);
    form.funds[0]!.label = '资金合计';
    form.funds[0]!.budget = '9999.99';
    expect(serious(await read(form)).map((f) => f.rule)).toContain('funds-source-sum');
  });
});

describe.each(PRINTABLE_FORMATS)('a funds block that cannot be read in a $name file', ({ ext, render }) => {
  const read = async (form: MofForm) => {
    const result = await processDocument({ bytes: render(form), file: `unread.${ext}` });
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    expect(result.evaluations).toHaveLength(1);
    return result;
  };
  /** The total row under a label no reader knows, one of its amounts with words in it: not readable as the total. */
  const unreadable = () => {
    const form = formById(AGRI);
    form.funds[0]!.label = '部门收支总额';
    form.funds[0]!.budget = `${form.funds[0]!.budget}（含追加）`;
    return form;
  };

  it('leaves the execution item unknown: no total or weight sum is made without it, and a warning says why', async () => {
    const result = await read(unreadable());
    const rules = result.findings.map((f) => f.rule);
    expect(rules).not.toContain('rubric-total');
    expect(rules).not.toContain('rubric-weight-sum');
    expect(result.findings.filter((f) => f.rule === 'extract-funds-rows').map((f) => f.severity)).toEqual(['warning']);
    expect(result.evaluations[0]!.checks?.notApplicable).toEqual(expect.arrayContaining(['rubric-total']));
  });

  it('the indicators are still checked', async () => {
    const form = unreadable();
    const i = form.indicators.findIndex((ind) => ind.weight !== '');
    form.indicators[i]!.score = String(Number(form.indicators[i]!.weight) + 5);
    expect((await read(form)).findings.map((f) => f.rule)).toContain('rubric-score-range');
  });
});

describe.each(PRINTABLE_FORMATS)('a funds block in 元 in a $name file', ({ ext, render }) => {
  /** The agriculture bureau's form with its amounts in 元 (×10,000), under the funds label `label`. */
  const inYuan = (label: string): DocPart => {
    const spec = structuredClone(AGRI_BUREAU);
    spec.funds.unit = '元';
    spec.funds.components = spec.funds.components.map((comp) =>
      typeof comp === 'string' ? comp : { initial: new D(comp.initial ?? '0').times(10000).toFixed(2), budget: new D(comp.budget).times(10000).toFixed(2), executed: new D(comp.executed).times(10000).toFixed(2) },
    ) as typeof spec.funds.components;
    const form = buildForm(spec);
    const table = formTable(form);
    const rows = table.rows.map((row) => row.map((cell) => (cell.text === fundsLabel(form) ? { ...cell, text: label } : cell)));
    return { kind: 'table', lines: [form.title, form.yearLine], table: { ...table, rows } };
  };
  const budget = async (label: string) => {
    const result = await processDocument({ bytes: render([inYuan(label)]), file: `yuan.${ext}` });
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    expect(serious(result)).toEqual([]);
    return result.evaluations[0]!.funds?.lines.find((l) => l.role === 'total')?.budget?.value;
  };

  it('the unit stated as （单位：元） in the funds label converts the amounts to 万元, as （元） does', async () => {
    const expected = buildForm(AGRI_BUREAU).funds[0]!.budget;
    expect(await budget('预算资金（元）')).toBe(new D(expected).toString());
    expect(await budget('预算资金（单位：元）')).toBe(new D(expected).toString());
  });
});

describe.each(PRINTABLE_FORMATS)('the department named in the title in a $name file', ({ ext, render }) => {
  const unitOf = async (lines: string[]) => {
    const result = await processDocument({ bytes: render([departmentTable(formById(AGRI), lines)]), file: `title.${ext}` });
    expect(result.evaluations.map((ev) => ev.template)).toEqual(['mof-department']);
    return result.evaluations[0]!.identity.unit?.value ?? null;
  };

  it('is read when no name row names it', async () => {
    expect(await unitOf(['云岭县农业农村局2023年度部门整体支出绩效自评表'])).toBe('云岭县农业农村局');
    expect(await unitOf(['附件3：云岭县农业农村局部门整体绩效自评表', '（2023年度）'])).toBe('云岭县农业农村局');
    expect(await unitOf(['2023年度云岭县农业农村局部门整体支出绩效自评表'])).toBe('云岭县农业农村局');
  });

  it('a title with a year, an attachment mark or a heading number only names none', async () => {
    expect(await unitOf(['2023年度部门整体支出绩效自评表'])).toBeNull();
    expect(await unitOf(['附件3：2023年度部门整体支出绩效自评表'])).toBeNull();
    expect(await unitOf(['七、部门整体支出绩效自评表', '（2023年度）'])).toBeNull();
  });
});

describe.each(PRINTABLE_FORMATS)('the grade row under another label in a $name file', ({ ext, render }) => {
  const read = async (form: MofForm) => {
    const result = await processDocument({ bytes: render(form), file: `grade.${ext}` });
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    return result;
  };
  const graded = (label: string, value?: string) => {
    const form = formById(AGRI);
    form.grade = { label, value: value ?? form.grade!.value };
    return form;
  };

  it.each(['自评等级', '绩效等级', '自评结果'])('%s | 优 is the form’s grade', async (label) => {
    const form = graded(label);
    const result = await read(form);
    expect(result.evaluations[0]!.totals.grade?.value).toBe(form.grade!.value);
    expect(serious(result)).toEqual([]);
  });

  it('a grade under 评价结果 that does not match the total is found', async () => {
    const result = await read(graded('评价结果', '差'));
    expect(serious(result).map((f) => f.rule)).toEqual(['grade-band']);
  });

  it('a sentence under 评价结果 is no grade', async () => {
    const result = await read(graded('评价结果', '较好完成了年度绩效目标'));
    expect(result.evaluations[0]!.totals.grade).toBeNull();
    expect(result.findings.map((f) => f.rule)).not.toContain('grade-unknown');
  });
});

describe.each(PRINTABLE_FORMATS)('a breakdown heading before the first source in a $name file', ({ ext, render }) => {
  it('按收入性质分：当年财政拨款 is the 当年财政拨款 source, its label kept as printed', async () => {
    const form = formById(AGRI);
    form.funds[1]!.label = '按收入性质分：当年财政拨款';
    const result = await processDocument({ bytes: render(form), file: `heading.${ext}` });
    const lines = result.evaluations[0]!.funds!.lines;
    expect(lines.map((l) => l.source)).toEqual(['total', 'current', 'carryover', 'other']);
    expect(lines[1]!.label).toBe('按收入性质分：当年财政拨款');
    expect(serious(result)).toEqual([]);
  });
});

describe.each(PRINTABLE_FORMATS)('a form whose next page repeats its name row in a $name file', ({ ext, render }) => {
  /** The form cut after its fourth indicator, the next piece starting with `nameRow` and the indicator header again. */
  const pages = (form: MofForm, name: string): DocPart[] => {
    const parts = splitFormParts(form, [formRows(form).indicators + 4], '第 1 页');
    const next = parts[2] as Extract<DocPart, { kind: 'table' }>;
    const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].map((text) => ({ text }));
    next.table.rows.unshift(
      [{ text: '部门（单位）名称', colspan: 2 }, { text: name, colspan: 8 }],
      [{ text: '绩效指标' }, ...header, { text: '偏差原因分析及改进措施', colspan: 2 }],
    );
    return parts;
  };
  const read = async (parts: DocPart[]) => {
    const result = await processDocument({ bytes: render(parts), file: `pages.${ext}` });
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    return result;
  };

  it('is one whole form: every indicator and the 总分 row are read, with no finding', async () => {
    const form = formById(AGRI);
    const result = await read(pages(form, form.department!));
    expect(result.evaluations).toHaveLength(1);
    const [ev] = result.evaluations;
    expect(ev!.complete).toBe(true);
    expect(ev!.indicators).toHaveLength(form.indicators.filter((i) => i.weight !== '').length);
    expect(ev!.totals.score?.value).toBe(form.total.score);
    expect(serious(result)).toEqual([]);
  });

  it('a wrong total on the second page is found', async () => {
    const form = formById(AGRI);
    form.total.score = '90.00';
    expect(serious(await read(pages(form, form.department!))).map((f) => f.rule)).toContain('rubric-total');
  });

  it('a piece naming another department is not taken into the form', async () => {
    const form = formById(AGRI);
    const result = await read(pages(form, '云岭县林业和草原局'));
    expect(result.evaluations.map((ev) => ev.complete)).toEqual([false]);
  });
});

describe.each(PRINTABLE_FORMATS)('年度总体目标 one numbered goal a row in a $name file', ({ ext, render }) => {
  /** The form with its goals printed one a row, the 年度总体目标 label spanning them. */
  const goalRows = (form: MofForm, goals: [string, string][]): DocPart => {
    const table = formTable(form);
    const at = table.rows.findIndex((row) => row[0]?.text === '年度总体目标');
    const [head] = table.rows.slice(at, at + 1);
    const [exp, act] = [head![1]!.colspan ?? 1, head![2]!.colspan ?? 1];
    table.rows.splice(at, 2, [{ ...head![0]!, rowspan: goals.length + 1 }, head![1]!, head![2]!], ...goals.map(([e, a]) => [{ text: e, colspan: exp }, { text: a, colspan: act }]));
    return { kind: 'table', lines: [form.title, form.yearLine], table };
  };
  const goalsOf = async (part: DocPart) => {
    const result = await processDocument({ bytes: render([part]), file: `goals.${ext}` });
    expect(result.evaluations).toHaveLength(1);
    expect(serious(result)).toEqual([]);
    return result.evaluations[0]!.goals;
  };

  it('every row is read, in order', async () => {
    const goals = await goalsOf(goalRows(formById(AGRI), [['1.播种面积36万亩', '1.播种36.8万亩'], ['2.兑付惠农补贴', '2.全部兑付到户'], ['3.建设高标准农田', '3.建成1.2万亩']]));
    expect(goals?.expected?.value).toBe('1.播种面积36万亩\n2.兑付惠农补贴\n3.建设高标准农田');
    expect(goals?.actual?.value).toBe('1.播种36.8万亩\n2.全部兑付到户\n3.建成1.2万亩');
  });

  it('goals in one row stay that row, and the indicator block is never read as goals', async () => {
    const form = formById(AGRI);
    const goals = await goalsOf(goalRows(form, [[form.goals.expected, form.goals.actual]]));
    expect(goals?.expected?.raw.replace(/\s+/gu, '')).toBe(form.goals.expected.replace(/\s+/gu, ''));
    expect(goals?.actual?.raw.replace(/\s+/gu, '')).toBe(form.goals.actual.replace(/\s+/gu, ''));
  });
});

describe.each(PRINTABLE_FORMATS)('a weight × coefficient 部门整体 table (Chongqing style) in a $name file', ({ ext, render }) => {
  const c = (text: string, colspan = 1, rowspan = 1): SpecCell => ({ text, ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}) });
  const table = (nameRow: boolean): DocPart => ({
    kind: 'table',
    lines: ['2023年度部门整体支出绩效自评表'],
    table: {
      cols: 7,
      rows: [
        ...(nameRow ? [[c('部门（单位）名称', 2), c('云岭县住房和城乡建设局', 5)]] : []),
        ['一级指标', '二级指标', '三级指标', '指标权重', '评分标准', '得分系数', '得分'].map((t) => c(t)),
        [c('产出指标', 1, 2), c('数量指标'), c('完成重点项目数'), c('20'), c('完成得满分'), c('1'), c('20')],
        [c('质量指标'), c('验收通过率'), c('30'), c('按比例计分'), c('0.9'), c('27')],
        [c('效益指标'), c('社会效益'), c('群众满意度'), c('50'), c('按比例计分'), c('1'), c('50')],
        [c('合计', 3), c('100'), c(''), c(''), c('97')],
      ],
    },
  });
  const read = async (nameRow: boolean) => {
    const result = await processDocument({ bytes: render([table(nameRow)]), file: `cq.${ext}` });
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    return result;
  };

  it('the 部门（单位）名称 row above its header is no scored item', async () => {
    const [plain, named] = [await read(false), await read(true)];
    const names = (r: typeof plain) => r.evaluations[0]!.indicators.map((i) => i.level3?.name.value ?? null);
    expect(names(named)).toEqual(names(plain));
    expect(names(named)).toEqual(['完成重点项目数', '验收通过率', '群众满意度']);
    expect(named.findings.map((f) => f.rule)).toEqual(plain.findings.map((f) => f.rule));
    expect(named.findings.map((f) => f.rule)).not.toContain('extract-unreadable');
  });
});
