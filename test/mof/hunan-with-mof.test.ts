/**
 * A Hunan report and an MoF 自评表 in one file (SPEC "Several forms per file"): two evaluations numbered
 * in document order, whichever comes first, also when a heading stands above the first form.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import { formById, renderTika, type DocPart } from '../helpers/mof/index.js';
import { bytesOf, SEED_TEXT } from '../helpers/tika.js';

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
