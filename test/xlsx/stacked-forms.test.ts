/**
 * MoF forms stacked on one .xlsx sheet (a 决算公开 workbook printing its project forms one under another):
 * each is an evaluation of its own, part 1, 2, … in sheet order, read exactly as the same forms on a
 * sheet each. A form pasted under another without a title line between them cannot be told apart by
 * the sheet's layout: the first is read and the second is reported, never dropped without a word.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import { readingWithoutProvenance } from '../helpers/mof/read.js';
import { CLEAN_DEPARTMENT_FORMS, CLEAN_PROJECT_FORMS, cloneForm, renderXlsx, renderXlsxStacked, type DocPart, type MofForm } from '../helpers/mof/index.js';

const reading = readingWithoutProvenance;

const read = (bytes: Uint8Array) => processDocument({ bytes, file: 'forms.xlsx' });
const sheetEach = (forms: MofForm[]) => read(renderXlsx(forms.map((form): DocPart => ({ kind: 'form', form }))));

describe('forms stacked on one sheet', () => {
  const [a, b, c] = CLEAN_PROJECT_FORMS;
  const dept = CLEAN_DEPARTMENT_FORMS[0]!;
  const cases: { name: string; forms: MofForm[]; gap: number }[] = [
    { name: 'two project forms, two empty rows between', forms: [a!, b!], gap: 2 },
    { name: 'two project forms, no empty row between', forms: [a!, b!], gap: 0 },
    { name: 'a 部门整体 form, then two project forms', forms: [dept, c!, a!], gap: 1 },
  ];

  it.each(cases)('$name: one evaluation each, as on a sheet each', async ({ forms, gap }) => {
    const stacked = await read(renderXlsxStacked(forms, gap));
    expect(stacked.status, `${stacked.errorCode}: ${stacked.error}`).toBe('ok');
    expect(stacked.evaluations.map((e) => [e.part, e.kind, e.identity.projectName?.value ?? e.identity.unit?.value])).toEqual(
      forms.map((f, i) => [i + 1, f.kind, f.kind === 'project' ? f.projectName : f.department]),
    );
    expect(stacked.evaluations.every((e) => e.complete)).toBe(true);
    expect(reading(stacked)).toEqual(reading(await sheetEach(forms)));
    // Each form's values point into its own table.
    expect(stacked.evaluations.map((e) => e.funds!.lines[0]!.budget!.src.table)).toEqual(forms.map((_, i) => i));
  });

  it('a form under another without a title line is not dropped silently: it is reported where it starts', async () => {
    const second = cloneForm(b!);
    second.title = '';
    second.yearLine = '';
    delete second.caption;
    const result = await read(renderXlsxStacked([a!, second], 1));
    expect(result.evaluations).toHaveLength(1);
    expect(result.evaluations[0]!.identity.projectName?.value).toBe(a!.projectName);
    const unread = result.findings.filter((f) => f.rule === 'extract-unread-form');
    expect(unread.map((f) => [f.severity, f.part, f.location.text])).toEqual([['warning', 1, '项目名称']]);
    expect(unread[0]!.location.row).toBeGreaterThan(result.evaluations[0]!.totals.weight!.src.row!);
  });

  it('a single form on its sheet has no such finding', async () => {
    for (const form of [a!, dept]) {
      const result = await read(renderXlsx(form));
      expect(result.evaluations).toHaveLength(1);
      expect(result.findings.filter((f) => f.rule === 'extract-unread-form')).toEqual([]);
    }
  });
});
