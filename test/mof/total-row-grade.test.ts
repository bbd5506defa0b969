/**
 * A grade printed inside the 总分 row (mof-family §2: "总分 | 100 | <total> | (grade, optional)"): after the
 * score in the score cell ("98（良）") or after its own label in a cell of that row ("等级：良"). It is the
 * form's printed grade, so grade-band checks it against the total, which stays the number before it.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/process.js';
import { formById, type MofForm } from '../helpers/mof/index.js';
import { readOneForm, serious } from '../helpers/mof/read.js';

const read = readOneForm;
const totals = (r: DocumentResult) => {
  const t = r.evaluations[0]!.totals;
  return { score: t.score?.value ?? null, grade: t.grade?.value ?? null, gradeRaw: t.grade?.raw ?? null };
};

/** project-road-wan: 总分 100 | 98, graded 优 in a 自评等级 row of its own. */
function road(change: (form: MofForm) => void): MofForm {
  const form = formById('project-road-wan');
  expect(form.total.score).toBe('98');
  change(form);
  return form;
}

/** The score cell prints the grade after the score; no grade row. */
const inScoreCell = (grade: string) => road((f) => ((f.total.score = `98（${grade}）`), delete f.grade));
/** A cell of the 总分 row states the grade after its label; no grade row. */
const labelledInRow = (grade: string) => road((f) => ((f.grade = { label: '', value: `等级：${grade}` }), (f.gradePlacement = 'total')));

describe.each(['txt', 'html', 'docx'] as const)('a grade inside the 总分 row (%s)', (format) => {
  it('"98（良）" in the score cell: grade 良, score 98, and grade-band reports it', async () => {
    const r = await read(inScoreCell('良'), format);
    expect(totals(r)).toEqual({ score: '98', grade: '良', gradeRaw: '98（良）' });
    expect(serious(r)).toEqual([{ rule: 'grade-band', severity: 'error', expected: '优', actual: '良' }]);
  });

  it('"98（优）" in the score cell: grade 优, nothing to report', async () => {
    const r = await read(inScoreCell('优'), format);
    expect(totals(r)).toEqual({ score: '98', grade: '优', gradeRaw: '98（优）' });
    expect(r.evaluations[0]!.checks!.ran).toContain('grade-band');
    expect(serious(r)).toEqual([]);
  });

  it('"等级：良" in a cell of the 总分 row: grade 良, and grade-band reports it', async () => {
    const r = await read(labelledInRow('良'), format);
    expect(totals(r)).toEqual({ score: '98', grade: '良', gradeRaw: '等级：良' });
    expect(serious(r)).toEqual([{ rule: 'grade-band', severity: 'error', expected: '优', actual: '良' }]);
  });

  it('"等级：优" in a cell of the 总分 row: grade 优, nothing to report', async () => {
    const r = await read(labelledInRow('优'), format);
    expect(totals(r).grade).toBe('优');
    expect(serious(r)).toEqual([]);
  });

  it('as before: a grade in its own 自评等级 row is read, a bare score has no grade', async () => {
    expect(totals(await read(formById('project-road-wan'), format))).toEqual({ score: '98', grade: '优', gradeRaw: '优' });
    const bare = await read(road((f) => delete f.grade), format);
    expect(totals(bare)).toEqual({ score: '98', grade: null, gradeRaw: null });
    expect(bare.evaluations[0]!.checks!.notApplicable).toContain('grade-band');
  });
});
