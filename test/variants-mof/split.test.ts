/**
 * The provincial variants of the MoF form (Sichuan, Hubei, Anhui) split over tables as a page or table
 * break leaves them: funds apart from the indicator block, and the indicator block over three tables
 * without its header repeated. Each is read under its own template id with the values the whole form
 * gives (expected.ts) and no error or warning — what sets a variant apart may sit in any of its pieces.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import type { TableSpec } from '../helpers/mof/layout.js';
import type { DocPart } from '../helpers/mof/parts.js';
import { cutTable } from '../helpers/mof/split.js';
import { ANHUI_FORMS, HUBEI_FORMS, SICHUAN_FORMS, variantPage, type VariantForm } from '../helpers/variants/index.js';
import { expectedFacts } from './expected.js';
import { fundsFacts, identityFacts, indicatorFacts, totalsFacts } from './read.js';
import { PRINTABLE_FORMATS } from '../helpers/mof/read.js';


const FORMATS = PRINTABLE_FORMATS;

const flat = (text: string) => text.replace(/\s+/gu, '');

/** The row of the indicator header (三级指标) and of the total row (总分, 合计, 自评总分) in the form's table. */
function landmarks(table: TableSpec): { header: number; total: number } {
  const header = table.rows.findIndex((row) => row.some((c) => flat(c.text) === '三级指标'));
  const total = table.rows.findIndex((row, r) => r > header && /^(?:总分|合计|自评总分|总计)/u.test(flat(row[0]?.text ?? '')));
  if (header < 0 || total < 0) throw new Error('no indicator header or total row');
  return { header, total };
}

function splitPage(form: VariantForm, cuts: (table: TableSpec) => number[]): DocPart[] {
  const page = variantPage(form);
  if ('mof' in page) throw new Error('a variant page, not an MoF form');
  const pieces = cutTable(page.table, cuts(page.table));
  return [
    ...pieces.flatMap((table, i): DocPart[] => [...(i > 0 ? [{ kind: 'paragraph' as const, text: '' }] : []), { kind: 'table', lines: i === 0 ? page.above : [], table }]),
    ...page.below.map((text): DocPart => ({ kind: 'paragraph', text })),
  ];
}

const CUTS = [
  { name: 'funds and goals, then the indicator block', cuts: (t: TableSpec) => [landmarks(t).header] },
  {
    name: 'the indicator block over three tables, its header not repeated',
    cuts: (t: TableSpec) => {
      const { total } = landmarks(t);
      return [total - 4, total - 2];
    },
  },
];

const FORMS = [SICHUAN_FORMS[0]!, HUBEI_FORMS[0]!, ANHUI_FORMS[0]!];

describe.each(FORMATS)('variant forms split over tables, as $name', (format) => {
  describe.each(FORMS.map((form) => ({ id: form.id, form })))('$id', ({ form }) => {
    it.each(CUTS)('$name: read whole under its own template', async ({ cuts }) => {
      const exp = expectedFacts(form);
      const result = await processDocument({ bytes: format.render(splitPage(form, cuts)), file: `${form.id}.${format.ext}` });
      expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
      expect(result.evaluations.map((e) => [e.template, e.complete])).toEqual([[exp.template, exp.complete]]);
      const ev = result.evaluations[0]!;
      expect(identityFacts(ev)).toEqual(exp.identity);
      if (exp.funds) expect(fundsFacts(ev)).toEqual(exp.funds);
      expect(indicatorFacts(ev)).toEqual(exp.indicators);
      expect(totalsFacts(ev)).toEqual(exp.totals);
      expect(result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    });
  });
});
