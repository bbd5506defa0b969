/**
 * Several Sichuan 部门预算项目支出绩效自评表 in one file, only the first under its 报表编号 and title (the
 * others follow it as bare tables): each is read under the Sichuan template, by the labels its table
 * prints, and an MoF project form printed after them stays an MoF form.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import { formById } from '../helpers/mof/catalogue.js';
import type { DocPart } from '../helpers/mof/parts.js';
import { PRINTABLE_FORMATS } from '../helpers/mof/read.js';
import { SICHUAN_FORMS, variantPage } from '../helpers/variants/index.js';

const [first, second] = SICHUAN_FORMS.map((f) => variantPage(f)) as [ReturnType<typeof variantPage>, ReturnType<typeof variantPage>];
const page = (p: ReturnType<typeof variantPage>) => {
  if ('mof' in p) throw new Error('not a printed page');
  return p;
};

describe.each(PRINTABLE_FORMATS)('Sichuan forms without their own title, as $name', ({ ext, render }) => {
  it('the second of two Sichuan forms, printed as a bare table, is a Sichuan form; the MoF form after it is not', async () => {
    const parts: DocPart[] = [
      { kind: 'table', lines: page(first).above, table: page(first).table },
      { kind: 'paragraph', text: '' },
      { kind: 'table', lines: [], table: page(second).table },
      { kind: 'form', form: formById('project-road-wan') },
    ];
    const result = await processDocument({ bytes: render(parts), file: `sichuan-untitled.${ext}` });
    expect(result.evaluations.map((ev) => [ev.part, ev.template, ev.identity.projectName?.value])).toEqual([
      [1, 'sichuan-project', SICHUAN_FORMS[0]!.projectName],
      [2, 'sichuan-project', SICHUAN_FORMS[1]!.projectName],
      [3, 'mof-project', formById('project-road-wan').projectName],
    ]);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
