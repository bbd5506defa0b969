/**
 * The MoF forms filled in Excel: the pipeline reads the same values and gives the same findings from a
 * form's .xlsx as from its .docx (provenance aside: a cell's place in its table may differ). The .xlsx
 * stores numbers as numbers with number formats and each 执行率 as a formula with a cached result.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { CLEAN_FORMS, cloneForm, formById, renderDocx, renderXlsx, type MofForm } from '../helpers/mof/index.js';

/** A result without provenance: every `src`, `location` and `related` removed, timings dropped. */
function withoutProvenance(result: DocumentResult): unknown {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([k]) => !['src', 'location', 'related'].includes(k)).map(([k, v]) => [k, strip(v)]));
    return x;
  };
  return strip({ status: result.status, errorCode: result.errorCode, template: result.template, evaluations: result.evaluations, findings: result.findings });
}

async function both(form: MofForm) {
  const docx = await processDocument({ bytes: renderDocx(form), file: `${form.id}.docx` });
  const xlsx = await processDocument({ bytes: renderXlsx(form), file: `${form.id}.docx` });
  return { docx, xlsx };
}

function sheetXml(bytes: Uint8Array): string {
  return new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
}

describe('MoF forms as .xlsx', () => {
  it.each(CLEAN_FORMS.map((f) => ({ id: f.id, form: f })))('$id: same evaluations and findings as its .docx', async ({ form }) => {
    const { docx, xlsx } = await both(form);
    expect(xlsx.format).toBe('xlsx');
    expect(docx.status).toBe('ok');
    expect(withoutProvenance(xlsx)).toEqual(withoutProvenance(docx));
  });

  it('the fixtures hold numbers, number formats and formula rates, not the printed text', () => {
    const xml = sheetXml(renderXlsx(formById('project-road-wan')));
    // 执行率 of 年度资金总额: a formula over the row's amounts, its cached value at full precision.
    const rate = /<c r="([A-Z]+\d+)" s="\d+"><f>([A-Z]+\d+\/[A-Z]+\d+)<\/f><v>([\d.]+)<\/v><\/c>/u.exec(xml);
    expect(rate).not.toBeNull();
    expect(rate![3]!.length).toBeGreaterThan(8);
    expect(xml).toContain('<v>1320.644</v>'); // 全年执行数 of the total row as a number
    expect(xml).not.toMatch(/<v>[\d.]+%<\/v>/u);
  });

  it('a formula rate with a full-precision cached result reads as the form prints it', async () => {
    const form = formById('project-road-wan');
    const xml = sheetXml(renderXlsx(form));
    const cached = /<f>[A-Z]+\d+\/[A-Z]+\d+<\/f><v>([\d.]+)<\/v>/u.exec(xml)![1]!;
    expect(`${(Number(cached) * 100).toFixed(2)}%`).toBe(form.funds[0]!.rate);
    expect(cached).not.toBe(String(Number(form.funds[0]!.rate.slice(0, -1)) / 100));
    const { xlsx } = await both(form);
    const rate = xlsx.evaluations[0]!.funds!.lines[0]!.rate!;
    expect([rate.raw, rate.value]).toEqual([form.funds[0]!.rate, form.funds[0]!.rate.slice(0, -1)]);
  });

  it('a mutated rate (not the quotient of the amounts) is kept as printed and found by the same rule', async () => {
    const form = cloneForm(formById('project-road-wan'));
    form.funds[0]!.rate = '99.00%';
    const { docx, xlsx } = await both(form);
    expect(sheetXml(renderXlsx(form))).toContain('<v>0.99</v>');
    expect(withoutProvenance(xlsx)).toEqual(withoutProvenance(docx));
    expect(xlsx.findings.map((f) => f.rule)).toContain('execution-rate');
  });
});
