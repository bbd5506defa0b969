/**
 * A spreadsheet's error value copied into a form (#DIV/0! where a rate divides by a zero budget, #N/A, #VALUE!):
 * written but no number — "#DIV/0!" holds a 0 that is no rate of 0 — so it is reported as unreadable and
 * checked as unknown, never as 0.
 */
import { describe, expect, it } from 'vitest';
import { formById, type MofForm } from '../helpers/mof/index.js';
import { readOneForm, serious } from '../helpers/mof/read.js';

/** project-road-wan with its 其他资金 line (no money) printed with 0 budget and execution and a rate cell of `rate`. */
function road(change: (form: MofForm) => void): MofForm {
  const form = formById('project-road-wan');
  change(form);
  return form;
}
const otherFundsRate = (rate: string) => road((f) => Object.assign(f.funds[3]!, { initial: '0', budget: '0', executed: '0', rate }));

describe.each(['txt', 'docx'] as const)('a spreadsheet error in a rate cell (%s)', (format) => {
  it.each(['#DIV/0!', '#N/A', '#VALUE!'])('%s is unreadable, not a rate of 0, and raises no rate finding', async (error) => {
    const r = await readOneForm(otherFundsRate(error), format);
    const line = r.evaluations[0]!.funds!.lines.find((l) => l.label.includes('其他资金'))!;
    expect(line.rate).toMatchObject({ value: null, raw: error });
    expect(serious(r).filter((f) => f.rule !== 'extract-unreadable')).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'extract-unreadable').map((f) => f.actual)).toEqual([error]);
  });

  it('a rate of 0 written as such is still read as 0', async () => {
    const r = await readOneForm(otherFundsRate('0'), format);
    const line = r.evaluations[0]!.funds!.lines.find((l) => l.label.includes('其他资金'))!;
    expect(line.rate?.value).toBe('0');
  });
});

describe('a spreadsheet error in an amount or score cell', () => {
  it('is unreadable, so the total is not compared with a 0 for it', async () => {
    const r = await readOneForm(road((f) => (f.indicators[0]!.score = '#REF!')), 'txt');
    expect(r.evaluations[0]!.indicators[0]!.score).toMatchObject({ value: null, raw: '#REF!' });
    expect(r.findings.filter((f) => f.rule === 'extract-unreadable').map((f) => f.actual)).toEqual(['#REF!']);
    expect(serious(r).filter((f) => f.rule === 'rubric-total')).toEqual([]);
  });
});
