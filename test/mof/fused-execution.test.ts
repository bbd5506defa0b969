/**
 * A text dump that fused the cells of the 年度资金总额 row (mof-family §7.10: "12.512.510100.00%10"): the
 * budget-execution item's 分值 and 得分 are printed but cannot be read, and extract-funds-columns says so.
 * They are then unknown, not absent: rubric-weight-sum and rubric-total do not compare the indicators
 * alone with the 总分 row (they are recorded as not applicable), while what does not depend on them is
 * still checked. The same forms with the row printed cell by cell are checked as before.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { fuseRowCells } from '../helpers/mof/tika.js';
import { formById, renderTika, type MofForm } from '../helpers/mof/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function read(text: string, file: string): Promise<DocumentResult> {
  const result = await processDocument({ bytes: utf8(text), file });
  expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
  expect(result.evaluations).toHaveLength(1);
  return result;
}

const fused = (form: MofForm) => read(fuseRowCells(renderTika(form), '年度资金总额'), `${form.id}-fused.txt`);
const plain = (form: MofForm) => read(renderTika(form), `${form.id}.txt`);

const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, expected: f.expected, actual: f.actual });
const serious = (r: DocumentResult) => r.findings.filter((f) => f.severity !== 'info').map(brief);
const rules = (r: DocumentResult) => r.findings.map((f) => f.rule);

/** project-road-wan: 年度资金总额 1200.000 | 1435.700 | 1320.644 | 10 | 91.99% | 9; 总分 100 | 98. */
const ROAD = 'project-road-wan';

describe('the 年度资金总额 row fused into one cell in a text dump', () => {
  it('the fixture: the row prints its label and one cell holding every value', () => {
    const text = fuseRowCells(renderTika(formById(ROAD)), '年度资金总额');
    expect(text).toContain('\t年度资金总额\n\t1200.0001435.7001320.6441091.99%9\n');
  });

  it('gives extract-funds-columns and no rubric-weight-sum or rubric-total error', async () => {
    const r = await fused(formById(ROAD));
    expect(serious(r)).toEqual([{ rule: 'extract-funds-columns', severity: 'warning', expected: null, actual: null }]);
    const total = r.evaluations[0]!.funds!.lines[0]!;
    expect(total).toMatchObject({ role: 'total', weight: null, score: null });
    expect(total.unread).toEqual(expect.arrayContaining(['weight', 'score']));
  });

  it('records rubric-weight-sum and rubric-total as not applicable', async () => {
    const r = await fused(formById(ROAD));
    expect(r.evaluations[0]!.checks!.notApplicable).toEqual(expect.arrayContaining(['rubric-weight-sum', 'rubric-total']));
    expect(r.evaluations[0]!.checks!.ran).not.toContain('rubric-total');
  });

  it('a wrong 总分 is not compared with the indicators alone (it may be right with the unread score)', async () => {
    const form = formById(ROAD);
    form.total.score = '97';
    expect(rules(await fused(form))).not.toContain('rubric-total');
  });

  it('a misprinted group weight is still reported; the 总分 weight is not compared', async () => {
    const form = formById(ROAD);
    form.indicators.filter((i) => i.level1 === '产出指标').forEach((i) => (i.level1 = '产出指标(55分)'));
    const r = await fused(form);
    expect(serious(r).filter((f) => f.rule === 'rubric-weight-sum')).toEqual([{ rule: 'rubric-weight-sum', severity: 'error', expected: '50', actual: '55' }]);
    expect(r.evaluations[0]!.checks!.ran).toContain('rubric-weight-sum');
  });
});

describe('the same forms printed cell by cell: checked as before', () => {
  it('a clean form gives nothing, with both rules run', async () => {
    const r = await plain(formById(ROAD));
    expect(serious(r)).toEqual([]);
    expect(r.evaluations[0]!.checks!.ran).toEqual(expect.arrayContaining(['rubric-weight-sum', 'rubric-total']));
  });

  it('a wrong 总分 is reported', async () => {
    const form = formById(ROAD);
    form.total.score = '97';
    expect(serious(await plain(form))).toEqual([{ rule: 'rubric-total', severity: 'error', expected: '98', actual: '97' }]);
  });

  it('an execution item printed as empty ("—") is absent, not unread: the indicators are compared with 总分', async () => {
    const form = formById(ROAD);
    Object.assign(form.funds[0]!, { weight: '—', rate: '—', score: '—' });
    const r = await plain(form);
    expect(r.evaluations[0]!.funds!.lines[0]!.unread).toBeUndefined();
    expect(serious(r)).toEqual([
      { rule: 'rubric-weight-sum', severity: 'error', expected: '90', actual: '100' },
      { rule: 'rubric-total', severity: 'error', expected: '89', actual: '98' },
    ]);
  });
});
