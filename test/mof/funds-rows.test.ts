/**
 * Funds rows under 年度资金总额 whose labels are not the standard sources (mof-family §2: "the 其中 rows
 * break 年度资金总额 down by source, so the columns add up"): 其中：基本支出 / 项目支出 (部门整体 forms broken
 * down by the nature of spending), 一般公共预算 / 政府性基金预算 (by the type of budget). They are sources of
 * the total like any other: every one is read, so that funds-source-sum adds up all of them, and a wrong
 * sum over them is still reported. Rows that cannot be read as one list of sources (a second breakdown of
 * the total, numbers mixed with text) are reported as extract-funds-rows, and the sources are not added up.
 * Each form is a clean catalogue form with its 其中 rows relabelled, rendered in three formats.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/process.js';
import { formById, type MofForm } from '../helpers/mof/index.js';
import { readOneForm, serious } from '../helpers/mof/read.js';

const read = readOneForm;

/**
 * project-road-wan: 年度资金总额 1200.000 | 1435.700 | 1320.644; 当年财政拨款 1200.000 | 1350.500 | 1235.444;
 * 上年结转资金 0.000 | 85.200 | 85.200; 其他资金 all "—". The labels are changed, the amounts kept.
 */
function relabelled(labels: [string, string, string]): MofForm {
  const form = formById('project-road-wan');
  labels.forEach((label, i) => (form.funds[i + 1]!.label = label));
  return form;
}

const BY_NATURE = () => relabelled(['其中：基本支出', '项目支出', '其他支出']);
const BY_BUDGET_TYPE = () => relabelled(['其中：一般公共预算', '政府性基金预算', '国有资本经营预算']);

const amounts = (r: DocumentResult) =>
  r.evaluations[0]!.funds!.lines.map((l) => ({ role: l.role, source: l.source, label: l.label, budget: l.budget?.value ?? null, executed: l.executed?.value ?? null }));

describe.each(['txt', 'html', 'docx'] as const)('其中 rows with other labels (%s)', (format) => {
  it('其中：基本支出 / 项目支出: every row is read as a source of the total, its label kept', async () => {
    const r = await read(BY_NATURE(), format);
    expect(amounts(r)).toEqual([
      { role: 'total', source: 'total', label: '年度资金总额', budget: '1435.7', executed: '1320.644' },
      { role: 'component', source: null, label: '其中：基本支出', budget: '1350.5', executed: '1235.444' },
      { role: 'component', source: null, label: '项目支出', budget: '85.2', executed: '85.2' },
      { role: 'component', source: null, label: '其他支出', budget: null, executed: null },
    ]);
    expect(r.evaluations[0]!.checks!.ran).toContain('funds-source-sum');
    expect(serious(r)).toEqual([]);
  });

  it('其中：一般公共预算 / 政府性基金预算: no funds-source-sum error on a breakdown that adds up', async () => {
    const r = await read(BY_BUDGET_TYPE(), format);
    expect(amounts(r).map((l) => l.label)).toEqual(['年度资金总额', '其中：一般公共预算', '政府性基金预算', '国有资本经营预算']);
    expect(serious(r)).toEqual([]);
  });

  it('a wrong sum over such rows is still reported, with every row added up', async () => {
    const form = BY_NATURE();
    form.funds[2]!.budget = '95.200';
    const r = await read(form, format);
    expect(serious(r)).toEqual([{ rule: 'funds-source-sum', severity: 'error', expected: '1435.7', actual: '1445.7' }]);
  });

  it('a second breakdown of the total (按收入性质分 … 按支出性质分 …) is reported and the sources are not added up', async () => {
    const form = formById('project-road-wan');
    form.funds = [
      form.funds[0]!,
      { ...form.funds[1]!, label: '按收入性质分：一般公共预算' },
      { ...form.funds[2]!, label: '单位资金' },
      { ...form.funds[1]!, label: '按支出性质分：基本支出', budget: '1000.000', executed: '900.000', initial: '1000.000' },
      { ...form.funds[2]!, label: '项目支出', budget: '435.700', executed: '420.644', initial: '200.000' },
    ];
    const r = await read(form, format);
    expect(serious(r)).toEqual([{ rule: 'extract-funds-rows', severity: 'warning', expected: null, actual: null }]);
    const note = r.findings.find((f) => f.rule === 'extract-funds-rows')!;
    expect(note.message).toContain('按支出性质分：基本支出');
    expect(note.location.path).toBe('/funds/lines/3');
    expect(r.evaluations[0]!.checks!.notApplicable).toContain('funds-source-sum');
  });

  it('a row of numbers mixed with text is reported, not taken for a source, and the sources are not added up', async () => {
    const form = BY_NATURE();
    form.funds[2]!.executed = '见附表';
    const r = await read(form, format);
    expect(serious(r)).toEqual([{ rule: 'extract-funds-rows', severity: 'warning', expected: null, actual: null }]);
    expect(r.evaluations[0]!.funds!.lines[2]).toMatchObject({ label: '项目支出', budget: null, executed: null, unread: ['initialBudget', 'budget', 'executed'] });
    expect(r.evaluations[0]!.checks!.notApplicable).toContain('funds-source-sum');
  });

  it('the standard 其中 rows are read as before', async () => {
    const r = await read(formById('project-road-wan'), format);
    expect(amounts(r).map((l) => l.source)).toEqual(['total', 'current', 'carryover', 'other']);
    expect(serious(r)).toEqual([]);
  });
});
