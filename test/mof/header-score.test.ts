/**
 * A score stated in the form's header rows ("自评得分 | 96", mof-family §7.8), apart from its 总分 row: read
 * as the form's headline and held against the 总分, so a header claiming more (or less) than the table
 * adds up to is reported, and one that agrees is silent.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import { formById, renderDocx, type MofForm } from '../helpers/mof/index.js';
import { formTable } from '../helpers/mof/layout.js';

const ROAD = 'project-road-wan';
/** The road form's 总分 as printed. */
const TOTAL = formById(ROAD).total.score;

/** The road form with a row "<label> | <value>" under its 主管部门 row (rows 0–1 are the identity rows). */
async function withHeaderRow(label: string, value: string, change: (f: MofForm) => void = () => {}) {
  const form: MofForm = formById(ROAD);
  change(form);
  const table = formTable(form);
  table.rows.splice(2, 0, [{ text: label, colspan: 2 }, { text: value, colspan: table.cols - 2 }]);
  const bytes = renderDocx([{ kind: 'table', lines: [form.title, form.yearLine], table }]);
  const r = await processDocument({ bytes, file: 'header-score.docx' });
  expect(r.status, r.error ?? '').toBe('ok');
  return { r };
}

const withHeaderScore = (score: string) => withHeaderRow('自评得分', score);

describe('a grade stated in the header rows of an MoF form', () => {
  it('is the form\'s grade when no row below the 总分 states one, and is held against the 总分', async () => {
    const { r } = await withHeaderRow('自评等级', '良', (f) => delete f.grade);
    expect(r.evaluations[0]!.totals.grade?.value).toBe('良');
    expect(r.findings.map((f) => ({ rule: f.rule, actual: f.actual }))).toEqual([{ rule: 'grade-band', actual: '良' }]);
  });

  it('agreeing with the 总分 (优 for 98), it gives no finding', async () => {
    const { r } = await withHeaderRow('自评等级', '优', (f) => delete f.grade);
    expect(r.evaluations[0]!.totals.grade?.value).toBe('优');
    expect(r.findings).toEqual([]);
  });
});

describe('a score stated in the header rows of an MoF form', () => {
  it('is the headline, and one that differs from the 总分 is reported with both cells', async () => {
    const { r } = await withHeaderScore('96');
    expect(r.evaluations[0]!.totals.headline?.value).toBe('96');
    const found = r.findings.filter((f) => f.rule === 'headline-score');
    expect(found.map((f) => ({ expected: f.expected, actual: f.actual }))).toEqual([{ expected: TOTAL, actual: '96' }]);
    expect(found[0]!.location).toMatchObject({ path: '/totals/headline', row: 2, text: '96' });
  });

  it('agreeing with the 总分, it gives no finding', async () => {
    const { r } = await withHeaderScore(TOTAL);
    expect(r.evaluations[0]!.totals.headline?.value).toBe(TOTAL);
    expect(r.findings.map((f) => f.rule)).toEqual([]);
  });

  it('left empty, it is no headline', async () => {
    const { r } = await withHeaderScore('');
    expect(r.evaluations[0]!.totals.headline).toBeNull();
    expect(r.findings.map((f) => f.rule)).toEqual([]);
  });
});
