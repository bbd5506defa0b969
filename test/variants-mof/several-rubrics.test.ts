/**
 * Several 决策/管理/产出/效益 scoring tables in one file (SPEC "Several forms per file"): each table with its
 * own title and 总分 row is an evaluation of its own, numbered in document order, with its own statements
 * (项目名称, 自评得分) and no findings from adding one form's items to another's. A table split over pages,
 * with or without its header repeated, stays one form, and a file with one table reads as before.
 */
import { describe, expect, it } from 'vitest';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { D } from '../helpers/mof/build.js';
import { formById } from '../helpers/mof/catalogue.js';
import type { DocPart } from '../helpers/mof/parts.js';
import { PRINTABLE_FORMATS } from '../helpers/mof/read.js';
import { partsOfPage } from '../helpers/variants/common.js';
import { RUBRIC_FORMS } from '../helpers/variants/index.js';
import { rubricPage, type RubricForm } from '../helpers/variants/rubric.js';

const [OLD_COMMUNITIES, PUBLIC_CULTURE] = RUBRIC_FORMS as [RubricForm, RubricForm];

const read = (parts: DocPart[], render: (x: DocPart[]) => Uint8Array, file: string): Promise<DocumentResult> => processDocument({ bytes: render(parts), file });

const serious = (r: DocumentResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.part} ${f.rule}: ${f.message}`);

/** What each evaluation says of itself: part, template, project, items, weight and score totals, stated score. */
const summary = (r: DocumentResult) =>
  r.evaluations.map((ev) => ({
    part: ev.part,
    template: ev.template,
    project: ev.identity.projectName?.value ?? null,
    items: ev.indicators.length,
    weight: ev.totals.weight?.value ?? null,
    score: ev.totals.score?.value ?? null,
    headline: ev.totals.headline?.value ?? null,
  }));

const printed = (form: RubricForm, part: number) => ({
  part,
  template: 'scoring-rubric',
  project: form.projectName,
  items: form.rows.length,
  weight: new D(form.total.weight).toString(),
  score: new D(form.total.score).toString(),
  headline: new D(form.headlineScore).toString(),
});

/** The rubric page with its table cut before the second 一级 block; the second piece repeats the header or not. */
function splitPage(form: RubricForm, repeatHeader: boolean): DocPart[] {
  const page = rubricPage(form);
  const rows = page.table.rows;
  const cut = rows.findIndex((cells, i) => i > 1 && cells[0]?.text === form.rows.find((r) => r.level1 !== form.rows[0]!.level1)!.level1);
  expect(cut).toBeGreaterThan(1);
  return [
    { kind: 'table', lines: page.above, table: { cols: page.table.cols, rows: rows.slice(0, cut) } },
    { kind: 'paragraph', text: '续表' },
    { kind: 'table', lines: [], table: { cols: page.table.cols, rows: [...(repeatHeader ? [rows[0]!] : []), ...rows.slice(cut)] } },
  ];
}

describe.each(PRINTABLE_FORMATS)('scoring tables in one $name file', ({ ext, render }) => {
  it('two tables one after another are two evaluations, each with its own statements and totals', async () => {
    const parts = [...partsOfPage(rubricPage(OLD_COMMUNITIES)), { kind: 'paragraph', text: '附件2' } as DocPart, ...partsOfPage(rubricPage(PUBLIC_CULTURE))];
    const result = await read(parts, render, `two-rubrics.${ext}`);
    expect(summary(result)).toEqual([printed(OLD_COMMUNITIES, 1), printed(PUBLIC_CULTURE, 2)]);
    expect(serious(result)).toEqual([]);
  });

  it('a scoring table after an MoF form is part 2, also under a web page’s header', async () => {
    const parts: DocPart[] = [{ kind: 'heading', text: '2023年度项目支出绩效自评结果' }, { kind: 'form', form: formById('project-road-wan') }, ...partsOfPage(rubricPage(PUBLIC_CULTURE))];
    const result = await read(parts, render, `mof-then-rubric.${ext}`);
    expect(result.evaluations.map((ev) => [ev.part, ev.template])).toEqual([
      [1, 'mof-project'],
      [2, 'scoring-rubric'],
    ]);
    expect(summary(result)[1]).toEqual(printed(PUBLIC_CULTURE, 2));
  });

  it.each([true, false])('one table split over two pages (header repeated: %s) stays one form', async (repeatHeader) => {
    const result = await read(splitPage(OLD_COMMUNITIES, repeatHeader), render, `split-rubric.${ext}`);
    expect(summary(result)).toEqual([printed(OLD_COMMUNITIES, 1)]);
    expect(serious(result)).toEqual([]);
  });

  it('one table alone reads as before', async () => {
    const result = await read(partsOfPage(rubricPage(PUBLIC_CULTURE)), render, `one-rubric.${ext}`);
    expect(summary(result)).toEqual([printed(PUBLIC_CULTURE, 1)]);
    expect(serious(result)).toEqual([]);
  });
});
