/**
 * A Hunan report and an MoF 自评表 in one file (SPEC "Several forms per file"): two evaluations numbered
 * in document order, whichever comes first, also when a heading stands above the first form. A collection
 * of two Hunan reports, each with its 附件3-2 scoring table: two evaluations, each with its own cover,
 * funds and scoring table. A report followed by another project's scoring table (its own title and 总分):
 * the report keeps its own scoring table, the other is a form of its own.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import { formById, renderTika, type DocPart } from '../helpers/mof/index.js';
import { RUBRIC_FORMS, variantPrintable } from '../helpers/variants/index.js';
import { bytesOf, replaceAll, SEED_TEXT } from '../helpers/tika.js';

const mofPart = (heading: string): string => renderTika([{ kind: 'heading', text: heading }, { kind: 'form', form: formById('project-road-wan') }] satisfies DocPart[]);

async function order(text: string): Promise<[number, string, string | null][]> {
  const result = await processDocument({ bytes: bytesOf(text), file: 'mixed.txt' });
  expect(result.status).toBe('ok');
  return result.evaluations.map((ev) => [ev.part, ev.template, ev.identity.projectName?.value ?? null]);
}

const HUNAN = 'hunan-project-v1';

describe('a Hunan report and an MoF form in one Tika text file', () => {
  it('an MoF form under a heading, then the report: the MoF form is part 1', async () => {
    const parts = await order(`${mofPart('2023年度项目绩效自评材料汇编')}\n\n${SEED_TEXT}`);
    expect(parts.map(([part, template]) => [part, template])).toEqual([
      [1, 'mof-project'],
      [2, HUNAN],
    ]);
    expect(parts[0]![2]).toBe('2023年农村公路提质改造工程');
  });

  it('the report, then an MoF form under a heading: the report is part 1', async () => {
    const parts = await order(`${SEED_TEXT}\n\n${mofPart('附件：2023年度项目支出绩效自评表')}`);
    expect(parts.map(([part, template]) => [part, template])).toEqual([
      [1, HUNAN],
      [2, 'mof-project'],
    ]);
  });

  it('the report alone is part 1', async () => {
    const parts = await order(SEED_TEXT);
    expect(parts.map(([part, template]) => [part, template])).toEqual([[1, HUNAN]]);
  });
});

describe('two Hunan reports in one Tika text file', () => {
  const NAME = '智慧岳阳基层公共服务（一门式）信息化管理平台项目';
  const OTHER = '岳阳市城区路灯节能改造项目';
  const second = replaceAll(SEED_TEXT, NAME, OTHER);
  /** What a finding concluded, without where (the second report's tables have other numbers). */
  const concluded = (f: { rule: string; severity: string; expected: unknown; actual: unknown }) => `${f.severity} ${f.rule} ${String(f.expected)} ${String(f.actual)}`;

  it('are two evaluations in document order, each read as the report alone is', async () => {
    const alone = await processDocument({ bytes: bytesOf(SEED_TEXT), file: 'one.txt' });
    const both = await processDocument({ bytes: bytesOf(`${SEED_TEXT}\n\n${second}`), file: 'two.txt' });
    expect(both.evaluations.map((ev) => [ev.part, ev.template, ev.identity.projectName?.value])).toEqual([
      [1, HUNAN, NAME],
      [2, HUNAN, OTHER],
    ]);
    const one = alone.evaluations[0]!;
    for (const ev of both.evaluations) {
      expect(ev.indicators).toHaveLength(one.indicators.length);
      expect(ev.totals.score?.value).toBe(one.totals.score?.value);
      const amounts = (e: typeof ev) => e.funds?.lines.map((l) => [l.budget?.value, l.arrived?.value, l.executed?.value, l.balance?.value]);
      expect(amounts(ev)).toEqual(amounts(one));
      expect(amounts(ev)?.[0]).toEqual(['868', '868', '173.6', '694.4']);
      expect(both.findings.filter((f) => f.part === ev.part).map(concluded)).toEqual(alone.findings.map(concluded));
    }
  });
});

describe('a Hunan report followed by another project’s scoring table', () => {
  it('the report keeps its own scoring table; the other is part 2', async () => {
    const other = RUBRIC_FORMS[1]!;
    const alone = await processDocument({ bytes: bytesOf(SEED_TEXT), file: 'one.txt' });
    const both = await processDocument({ bytes: bytesOf(`${SEED_TEXT}\n\n${renderTika(variantPrintable(other))}`), file: 'report-and-rubric.txt' });
    expect(both.evaluations.map((ev) => [ev.part, ev.template, ev.indicators.length, ev.totals.score?.value, ev.identity.projectName?.value])).toEqual([
      [1, HUNAN, alone.evaluations[0]!.indicators.length, alone.evaluations[0]!.totals.score?.value, alone.evaluations[0]!.identity.projectName?.value],
      [2, 'scoring-rubric', other.rows.length, String(Number(other.total.score)), other.projectName],
    ]);
    const concluded = (f: { rule: string; severity: string; expected: unknown; actual: unknown }) => `${f.severity} ${f.rule} ${String(f.expected)} ${String(f.actual)}`;
    expect(both.findings.filter((f) => f.part === 1).map(concluded)).toEqual(alone.findings.map(concluded));
    expect(both.findings.filter((f) => f.part === 2 && f.severity !== 'info')).toEqual([]);
  });
});
