import { describe, expect, it } from 'vitest';
import { processDocument } from '../src/process.js';
import type { Evaluation } from '../src/model/evaluation.js';
import type { HunanPart } from '../src/model/hunan.js';
import { SEED_PATH, SEED_TEXT } from './helpers/tika.js';

const seedLines = SEED_TEXT.split('\n');
const lineText = (line: number | undefined) => (line ? seedLines[line - 1]! : '');

async function seed(): Promise<Evaluation & { hunan: HunanPart }> {
  const r = await processDocument(SEED_PATH);
  expect(r.status).toBe('ok');
  expect(r.evaluations).toHaveLength(1);
  const ev = r.evaluations[0]!;
  expect(ev).toMatchObject({ part: 1, template: 'hunan-project-v1', kind: 'project', complete: true });
  expect(ev.hunan).toBeDefined();
  return ev as Evaluation & { hunan: HunanPart };
}

describe('seed report (Tika text dump)', () => {
  it('reads the cover', async () => {
    const { identity, hunan } = await seed();
    const cover = hunan.cover;
    expect(identity.projectName?.value).toBe('智慧岳阳基层公共服务（一门式）信息化管理平台项目');
    expect(identity.unit?.value).toBe('岳阳市政务服务中心');
    expect(identity.authority?.value).toBeNull();
    expect(cover.evaluationMethod?.value).toBe('部门（单位）绩效自评');
    expect(cover.evaluationAgency?.value).toBe('部门（单位）评价组');
    expect(identity.reportDate).toMatchObject({ value: '2021-06-08', valid: true });
    expect(lineText(identity.reportDate?.src.line)).toContain('报告日期：2021年6月8日');
  });

  it('infers the evaluation type the text dump lost the tick of', async () => {
    const { cover } = (await seed()).hunan;
    expect(cover.evaluationType?.selected).toBe('项目实施过程评价');
    expect(cover.evaluationType?.inferred).toBe(true);
    expect(cover.evaluationType?.options.map((o) => [o.label, o.checked])).toEqual([
      ['项目实施过程评价', null],
      ['项目完成结果评价', false],
    ]);
  });

  it('reads the overview with an open-ended period', async () => {
    const { overview } = (await seed()).hunan;
    expect(overview.projectLead?.value).toBe('谭昕');
    expect(overview.phone?.value).toBe('07308880113');
    expect(overview.postcode?.value).toBe('414000');
    expect(overview.address?.value).toBe('岳阳市政务服务中心');
    expect(overview.period).toMatchObject({ ongoing: true, end: null });
    expect(overview.period?.start?.value).toBe('2020-08');
  });

  it('reads the funds grid: totals and 市财政 as the only non-empty source', async () => {
    const { funds } = await seed();
    const [t, ...sources] = funds!.lines;
    expect(t).toMatchObject({ role: 'total', source: 'total' });
    expect([t!.budget?.value, t!.arrived?.value, t!.executed?.value, t!.balance?.value]).toEqual(['868', '868', '173.6', '694.4']);
    expect(sources.map((s) => [s.role, s.source])).toEqual(['central', 'provincial', 'municipal', 'county', 'other'].map((k) => ['component', k]));
    const filled = sources.filter((s) => [s.budget, s.arrived, s.executed, s.balance].some((v) => v?.value != null));
    expect(filled.map((s) => s.source)).toEqual(['municipal']);
    expect(filled[0]!.executed).toMatchObject({ value: '173.6', unit: '万元', decimals: 1 });
    expect(funds!.columns).toEqual({ budget: '计划安排资金', arrived: '实际到位资金', executed: '实际支出', balance: '结余' });
    // Provenance: the spent total is the cell after the 实际支出（万元） label.
    expect(lineText(t!.executed!.src.line)).toBe('\t173.6');
    expect(lineText(t!.executed!.src.line! - 2)).toBe('\t实际支出');
  });

  it('reads expenditure lines and 支出合计', async () => {
    const { expenditures } = (await seed()).hunan;
    expect(expenditures!.lines).toHaveLength(1);
    expect(expenditures!.lines[0]!.content.value).toBe('项目支出');
    expect(expenditures!.lines[0]!.amount).toMatchObject({ value: '173.6', unit: '万元' });
    expect(expenditures!.lines[0]!.voucher?.value).toBe('2020年12月34#');
    expect(expenditures!.total?.value).toBe('173.6');
  });

  it('reads goals and indicators, keeping the comparator of a target', async () => {
    const {
      goals,
      hunan: { indicators },
    } = await seed();
    expect(goals!.expected?.value).toMatch(/^项目目标\n智慧岳阳/u);
    expect(goals!.actual?.value).toBe('按期完成招投标；\n按期完成试运行；\n系统尚未验收；');
    expect(indicators.map((i) => i.level2?.value)).toEqual([
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
      '经济效益指标',
      '社会效益指标',
      '生态效益指标',
      '服务对象满意度指标',
    ]);
    expect(indicators.map((i) => i.level1?.value)).toEqual([...Array(4).fill('项目产出指标'), ...Array(4).fill('项目效益指标')]);
    const cost = indicators[3]!;
    expect(cost.content?.value).toBe('总成本不超过870万');
    expect(cost.target).toMatchObject({ number: '870', unit: '万' });
    expect(cost.actual).toMatchObject({ number: '868', unit: '万' });
    expect(indicators[6]).toMatchObject({ content: { value: null }, target: { value: null }, actual: { value: null } });
  });

  it('reads the headline score, grade and evaluators', async () => {
    const {
      totals,
      hunan: { evaluators },
    } = await seed();
    expect(totals.headline).toMatchObject({ value: '98', raw: '98分' });
    expect(totals.grade?.value).toBe('优秀');
    expect(evaluators.map((e) => [e.name.value, e.title?.value, e.unit?.value])).toEqual([
      ['杨胜', '副主任', '市政务服务中心'],
      ['谭昕', '科长', '市政务服务中心'],
      ['李琳', '副科长', '市政务服务中心'],
    ]);
  });

  it('reads the narrative sections (一)–(六)', async () => {
    const { narrative } = await seed();
    expect(narrative.map((s) => s.key)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(narrative[1]!.paragraphs[0]!.text).toContain('已使用20%，即173.6万元');
    const six = narrative[5]!.paragraphs.map((p) => p.text).join('');
    expect(six).toContain('2020年9月31日');
    expect(lineText(narrative[5]!.paragraphs[0]!.src.line)).toContain('2020年9月31日');
  });

  it('reads the scoring table: 22 items, first-level weights 20/25/55 once each', async () => {
    const { indicators: items, totals } = await seed();
    expect(items).toHaveLength(22);
    const firstLevel = new Map(items.map((i) => [i.level1!.name.value, i.level1!.weight?.value]));
    expect([...firstLevel]).toEqual([
      ['项目决策', '20'],
      ['项目管理', '25'],
      ['项目绩效', '55'],
    ]);
    // The repeated 项目管理 row is the same group, not a second one.
    const mgmt = items.filter((i) => i.level1!.name.value === '项目管理');
    expect(mgmt).toHaveLength(8);
    expect(new Set(mgmt.map((i) => i.level1)).size).toBe(1);
    expect(totals.score?.value).toBe('98');
    expect(totals.weight?.value).toBe('100');
    const scores = items.map((i) => Number(i.score!.value));
    expect(scores.reduce((a, b) => a + b, 0)).toBe(98);
    const allocation = items[4]!;
    // The deepest level's 分值 is the item's own weight.
    expect([allocation.level2?.name.value, allocation.level3?.name.value, allocation.weight?.value, allocation.score?.value]).toEqual(['资金分配', '分配结果', '5', '3']);
    expect(allocation.level3?.weight).toBeNull();
    expect(allocation.criteria?.value).toContain('②分配公平合理（3分）');
  });

  it('points provenance at the right cells', async () => {
    const { indicators: items, totals } = await seed();
    const total = totals.score!;
    expect(lineText(total.src.line)).toBe('\t98');
    expect(lineText(total.src.line! - 8)).toBe('\t总分');
    const item = items[4]!.score!;
    expect(item.src).toMatchObject({ col: 8 });
    expect(lineText(item.src.line)).toBe('\t3');
    // The same grid cell addresses: the 总分 row is the last row of its table.
    expect(total.src).toMatchObject({ col: 8 });
  });
});
