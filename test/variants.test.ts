import { describe, expect, it } from 'vitest';
import { processDocument } from '../src/process.js';
import type { Evaluation, FundsLine } from '../src/model/evaluation.js';
import type { HunanPart } from '../src/model/hunan.js';
import * as v from './helpers/seed-variants.js';
import { SEED_TEXT, bytesOf } from './helpers/tika.js';
import { withoutProvenance } from './helpers/values.js';

type HunanEvaluation = Evaluation & { hunan: HunanPart };

async function extract(text: string | Uint8Array): Promise<HunanEvaluation> {
  const r = await processDocument({ bytes: typeof text === 'string' ? bytesOf(text) : text, file: 'variant.txt' });
  expect(r.error).toBeNull();
  expect(r.evaluations).toHaveLength(1);
  expect(r.evaluations[0]!.hunan).toBeDefined();
  return r.evaluations[0] as HunanEvaluation;
}

const values = withoutProvenance;

/** The funds block's total line (the first, role total) and its source lines. */
function totalLine(r: Evaluation): FundsLine {
  const [first] = r.funds!.lines;
  expect(first?.role).toBe('total');
  return first!;
}
const sourceLines = (r: Evaluation): FundsLine[] => r.funds!.lines.filter((l) => l.role === 'component');
const fundsTotals = (r: Evaluation) => (['budget', 'arrived', 'executed', 'balance'] as const).map((k) => totalLine(r)[k]?.value ?? null);
/** The scoring table as read: its items and the 总分 row. */
const rubricOf = (r: Evaluation) => ({ items: r.indicators, weight: r.totals.weight, score: r.totals.score });

describe('layout noise leaves the values unchanged', () => {
  it('CRLF line ends', async () => {
    expect(values(await extract(v.crlf()))).toEqual(values(await extract(SEED_TEXT)));
  });

  it('spaced labels and labels split over lines', async () => {
    const r = await extract(v.spacedLabels());
    expect(r.identity.projectName?.value).toBe('智慧岳阳基层公共服务（一门式）信息化管理平台项目');
    expect(r.identity.unit?.value).toBe('岳阳市政务服务中心');
    expect(r.identity.reportDate?.value).toBe('2021-06-08');
    expect(r.hunan.overview.projectLead?.value).toBe('谭昕');
    expect(r.hunan.overview.period?.start?.value).toBe('2020-08');
    expect(fundsTotals(r)).toEqual(['868', '868', '173.6', '694.4']);
    expect(r.totals.headline?.value).toBe('98');
    expect(r.totals.grade?.value).toBe('优秀');
    expect(r.hunan.expenditures!.total?.value).toBe('173.6');
    expect(r.indicators).toHaveLength(22);
  });

  it('full-width digits, colons and brackets', async () => {
    const r = await extract(v.fullWidth());
    expect(r.identity.reportDate?.value).toBe('2021-06-08');
    expect(r.identity.projectName?.value).toBe('智慧岳阳基层公共服务（一门式）信息化管理平台项目');
    expect(fundsTotals(r)).toEqual(['868', '868', '173.6', '694.4']);
    expect(r.totals.headline?.value).toBe('98');
  });

  it('a scoring table split over three pages', async () => {
    const seed = await extract(SEED_TEXT);
    const r = await extract(v.rubricThreePages());
    expect(r.indicators).toHaveLength(22);
    expect(values(rubricOf(r))).toEqual(values(rubricOf(seed)));
    expect([...new Set(r.indicators.map((i) => `${i.level1!.name.value}:${i.level1!.weight?.value}`))]).toEqual(['项目决策:20', '项目管理:25', '项目绩效:55']);
  });
});

describe('values as written', () => {
  it('reads units inside cells and converts 元 and 亿元 to 万元', async () => {
    const r = await extract(v.unitsInCells());
    const t = totalLine(r);
    expect(t.budget).toMatchObject({ value: '868', unit: '万元', raw: '868万元' });
    expect(t.executed).toMatchObject({ value: '173.6', unit: '元', decimals: 4 });
    expect(t.balance).toMatchObject({ value: '694.4', unit: '亿元' });
    expect(r.hunan.expenditures!.lines[0]!.amount).toMatchObject({ value: '173.6', unit: '元' });
  });

  it('reads empty markers (—, /, 无) as null, and a written 0 as 0', async () => {
    const r = await extract(v.emptyMarkers());
    const bySource = Object.fromEntries(sourceLines(r).map((s) => [s.source, s]));
    for (const source of ['central', 'provincial', 'other']) {
      const row = bySource[source]!;
      expect([row.budget, row.arrived, row.executed, row.balance].map((m) => m?.value ?? null)).toEqual([null, null, null, null]);
    }
    expect(bySource.central!.budget?.raw).toBe('—');
    expect(r.hunan.expenditures!.lines[0]!.voucher?.value).toBeNull();
    const zero = await extract(v.twoSources());
    expect(sourceLines(zero).find((s) => s.source === 'other')!.budget?.value).toBe('0');
  });
});

describe('other reports of the template', () => {
  it('other funding sources filled', async () => {
    const r = await extract(v.twoSources());
    const bySource = Object.fromEntries(sourceLines(r).map((s) => [s.source, s]));
    expect(bySource.provincial!.executed?.value).toBe('20');
    expect(bySource.municipal!.balance?.value).toBe('614.4');
  });

  it('several expenditure lines', async () => {
    const r = await extract(v.severalExpenditures());
    expect(r.hunan.expenditures!.lines.map((l) => [l.content.value, l.amount?.value, l.note?.value ?? null])).toEqual([
      ['软件开发', '120', null],
      ['硬件采购', '50.5', '首付款'],
      ['培训', '3.1', null],
    ]);
    expect(r.hunan.expenditures!.total?.value).toBe('173.6');
  });

  it('two indicators under one 二级 category', async () => {
    const r = await extract(v.twoIndicatorsOneCategory());
    const quantity = r.hunan.indicators.filter((i) => i.level2?.value === '数量指标');
    expect(quantity.map((i) => i.content?.value)).toEqual(['四端覆盖', '培训基层人员']);
    expect(quantity[1]!.target).toMatchObject({ number: '500', comparator: '>=' });
    expect(quantity[1]!.level1?.value).toBe('项目产出指标');
  });

  it("a unit's own rubric with fewer items, other weights and decimal scores", async () => {
    const text = v.customRubric(
      [
        { level1: '决策', weight1: '30', groups: [{ level2: '目标', weight2: '30', items: [{ level3: '目标设定', weight3: '12.5', score: '12.5' }, { level3: '依据', weight3: '17.5', score: '16.75' }] }] },
        {
          level1: '效果',
          weight1: '70',
          groups: [
            { level2: '产出', weight2: '40', items: [{ level3: '数量', weight3: '40', score: '38' }] },
            { level2: '效益', weight2: '30', items: [{ level3: '满意度', weight3: '30', score: '27.5' }] },
          ],
        },
      ],
      '94.75',
    );
    const r = await extract(text);
    const items = r.indicators;
    // The deepest level's 分值 is the item's own weight.
    expect(items.map((i) => [i.level1?.name.value, i.level2?.name.value, i.level3?.name.value, i.weight?.value, i.score?.value])).toEqual([
      ['决策', '目标', '目标设定', '12.5', '12.5'],
      ['决策', '目标', '依据', '17.5', '16.75'],
      ['效果', '产出', '数量', '40', '38'],
      ['效果', '效益', '满意度', '30', '27.5'],
    ]);
    expect(items[1]!.score).toMatchObject({ decimals: 2 });
    expect(items.map((i) => i.level3?.weight ?? null)).toEqual([null, null, null, null]);
    expect(r.totals.score?.value).toBe('94.75');
    expect(r.totals.weight?.value).toBe('100');
  });
});

describe('unreadable cells', () => {
  it('are reported as extract-unreadable with their cell, never guessed', async () => {
    const text = SEED_TEXT.replace('\t实际支出\n（万元）\n\t173.6\n', '\t实际支出\n（万元）\n\t约一百七十万\n');
    const r = await processDocument({ bytes: bytesOf(text), file: 'x.txt' });
    expect(r.evaluations).toHaveLength(1);
    expect(totalLine(r.evaluations[0]!).executed?.value).toBeNull();
    const found = r.findings.filter((f) => f.rule === 'extract-unreadable');
    expect(found.map((f) => [f.location.path, f.actual])).toEqual([['/funds/lines/0/executed', '约一百七十万']]);
    expect(found[0]!.location.line).toBeGreaterThan(0);
  });

  it('stay silent on the seed', async () => {
    const r = await processDocument({ bytes: bytesOf(SEED_TEXT), file: 'x.txt' });
    expect(r.findings.filter((f) => f.rule === 'extract-unreadable')).toEqual([]);
  });
});

describe('funds grid as a matrix', () => {
  it('finds columns by their headers and rows by their labels', async () => {
    const r = await extract(v.fundsMatrix());
    expect(fundsTotals(r)).toEqual(['868', '868', '173.6', '694.4']);
    expect(sourceLines(r).map((s) => [s.source, s.budget?.value ?? null, s.executed?.value ?? null, s.balance?.value ?? null])).toEqual([
      ['central', '300', '60', '240'],
      ['municipal', '568', '113.6', '454.4'],
      ['other', null, null, null],
    ]);
    expect(r.hunan.overview.period?.start?.value).toBe('2020-08');
    expect(r.hunan.expenditures!.total?.value).toBe('173.6');
  });
});

describe('funds source labels as other reports print them', () => {
  it('reads place-name prefixes and keeps unknown sources as other, without dropping rows', async () => {
    const text = SEED_TEXT.split('\t市财政\n').join('\t岳阳市财政\n').split('\t其它\n').join('\t上级专项补助\n');
    const r = await extract(text);
    expect(sourceLines(r).map((s) => [s.source, s.label])).toEqual([
      ['central', '其中：中央财政'],
      ['provincial', '省财政'],
      ['municipal', '岳阳市财政'],
      ['county', '县市区财政'],
      ['other', '上级专项补助'],
    ]);
    expect(sourceLines(r)[2]!.executed?.value).toBe('173.6');
    expect(r.hunan.expenditures!.lines).toHaveLength(1);
  });
});

describe('a scoring table with a two-row header (HTML input)', () => {
  it('takes each level’s weight from the 分值 under its span', async () => {
    const html = `<html><body><p>附件3-2 项目支出绩效评价指标体系</p><table>
<tr><td colspan="2">一级指标</td><td colspan="2">二级指标</td><td colspan="2">三级指标</td><td rowspan="2">具体指标</td><td rowspan="2">评价标准</td><td rowspan="2">自评得分</td></tr>
<tr><td>指标</td><td>分值</td><td>指标</td><td>分值</td><td>指标</td><td>分值</td></tr>
<tr><td rowspan="2">项目决策</td><td rowspan="2">20</td><td rowspan="2">项目目标</td><td rowspan="2">20</td><td>目标内容</td><td>10</td><td>x</td><td>y</td><td>12</td></tr>
<tr><td>决策依据</td><td>10</td><td>x</td><td>y</td><td>8</td></tr>
<tr><td>总分</td><td>20</td><td></td><td>20</td><td></td><td>20</td><td></td><td></td><td>20</td></tr>
</table><table><tr><td>绩效自评综合得分</td><td>20</td></tr></table></body></html>`;
    const r = await processDocument({ bytes: bytesOf(html), file: 'two-row.html' });
    expect(r.error).toBeNull();
    expect(r.evaluations).toHaveLength(1);
    expect(r.evaluations[0]!.indicators.map((i) => [i.level1?.name.value, i.level1?.weight?.value, i.level2?.weight?.value, i.level3?.name.value, i.weight?.value, i.score?.value])).toEqual([
      ['项目决策', '20', '20', '目标内容', '10', '12'],
      ['项目决策', '20', '20', '决策依据', '10', '8'],
    ]);
    expect(r.findings.filter((f) => f.rule === 'rubric-score-range').map((f) => [f.expected, f.actual])).toHaveLength(1);
  });
});
