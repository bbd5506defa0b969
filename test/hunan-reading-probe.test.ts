/**
 * Hunan reports in shapes a fresh-eyes probe met that the other fixtures do not show, each built from the
 * seed's text dump: what the report states is read, and nothing that belongs to another part is read as
 * part of the one before it.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../src/model/evaluation.js';
import type { Finding } from '../src/model/finding.js';
import type { HunanPart } from '../src/model/hunan.js';
import { processDocument } from '../src/process.js';
import { fundsTable } from './helpers/hunan-shapes.js';
import { SEED_TEXT, bytesOf, replaceOnce, tikaRow } from './helpers/tika.js';

type HunanEvaluation = Evaluation & { hunan: HunanPart };

async function read(text: string): Promise<{ ev: HunanEvaluation; findings: Finding[] }> {
  const r = await processDocument({ bytes: bytesOf(text), file: 'report.txt' });
  expect(r.status).toBe('ok');
  expect(r.evaluations).toHaveLength(1);
  return { ev: r.evaluations[0] as HunanEvaluation, findings: r.findings };
}

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
