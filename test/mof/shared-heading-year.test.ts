/**
 * A 决算公开 document that prints the form title once as a heading ("七、2023年度项目支出绩效自评表") and one
 * table per project below it: every one of those forms is of the heading's year, not only the first.
 * Forms with their own title keep their own year, and a form with no year anywhere above it has none.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import { formById, type DocPart, type MofForm } from '../helpers/mof/index.js';
import { PRINTABLE_FORMATS } from '../helpers/mof/read.js';

const untitled = (id: string): MofForm => Object.assign(formById(id), { title: '', yearLine: '' });
const form = (f: MofForm): DocPart => ({ kind: 'form', form: f });

describe.each(PRINTABLE_FORMATS)('the year of forms in a $name file', ({ ext, render }) => {
  const years = async (parts: DocPart[]) => {
    const result = await processDocument({ bytes: render(parts), file: `years.${ext}` });
    expect(result.status).toBe('ok');
    return result.evaluations.map((ev) => ev.identity.year);
  };

  it('untitled forms under one heading all take the heading’s year', async () => {
    const heading = '七、2023年度项目支出绩效自评表';
    const found = await years([{ kind: 'heading', text: heading }, ...['project-road-wan', 'project-school-yuan', 'project-health-wan2'].map((id) => form(untitled(id)))]);
    expect(found.map((y) => y?.value ?? null)).toEqual(['2023', '2023', '2023']);
    expect(found.map((y) => y?.raw)).toEqual([heading, heading, heading]);
  });

  it('a form with its own title keeps its own year under another year’s heading', async () => {
    const agri = formById('project-agri-subsidy-yuan');
    expect(`${agri.title}${agri.yearLine}`).toContain('2022');
    const found = await years([{ kind: 'heading', text: '七、2023年度项目支出绩效自评表' }, form(untitled('project-road-wan')), form(agri)]);
    expect(found.map((y) => y?.value ?? null)).toEqual(['2023', '2022']);
  });

  it('untitled forms under a heading without a year, or under none, have no year', async () => {
    expect((await years([{ kind: 'heading', text: '项目支出绩效自评表' }, form(untitled('project-road-wan')), form(untitled('project-school-yuan'))])).map((y) => y?.value ?? null)).toEqual([null, null]);
    expect((await years([form(untitled('project-road-wan')), form(untitled('project-school-yuan'))])).map((y) => y?.value ?? null)).toEqual([null, null]);
  });
});
