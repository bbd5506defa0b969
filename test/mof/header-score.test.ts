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

/** The road form with a row "自评得分 | <score>" under its 主管部门 row (rows 0–1 are the identity rows). */
async function withHeaderScore(score: string) {
  const form: MofForm = formById(ROAD);
  const table = formTable(form);
  table.rows.splice(2, 0, [{ text: '自评得分', colspan: 2 }, { text: score, colspan: table.cols - 2 }]);
  const bytes = renderDocx([{ kind: 'table', lines: [form.title, form.yearLine], table }]);
  const r = await processDocument({ bytes, file: 'header-score.docx' });
  expect(r.status, r.error ?? '').toBe('ok');
  return { r };
}

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
