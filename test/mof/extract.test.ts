/**
 * Every clean MoF 绩效自评表 (CLEAN_FORMS) and every multi-form document (MOF_DOCUMENTS), rendered as a
 * .docx, an Apache Tika text dump and a government web page, read by processDocument: each value is
 * compared with what the form prints, interpreted by mof-family.md and SPEC (expected.ts), never with
 * what the reader happens to return. Also: a Hunan report is never read as MoF, an MoF form never as
 * Hunan, a document of 决算 tables only is not-a-report, and a clean form carries no error or warning
 * but the overrun its own figures show.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { CLEAN_FORMS, MOF_DOCUMENTS, renderDocx, renderHtml, renderTika, type MofForm, type Printable } from '../helpers/mof/index.js';
import {
  actuals,
  eachIndicator,
  expectEvaluation,
  expectFunds,
  expectGoals,
  expectIdentity,
  expectIndicatorNames,
  expectShape,
  expectTotals,
  levels,
  scores,
  targets,
  units,
} from './check.js';
import { expectedEvaluation, type ExpEvaluation } from './expected.js';
import { expectProvenance } from './provenance.js';
import { PRINTABLE_FORMATS } from '../helpers/mof/read.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

const FORMATS = PRINTABLE_FORMATS;
type Format = (typeof FORMATS)[number];

interface Read {
  result: DocumentResult;
  /** The Tika dump's lines (text input only), for line provenance. */
  lines: string[] | null;
}

/** Each document is rendered and read once per format; the tests share the result. */
const cache = new Map<string, Promise<Read>>();
function read(id: string, x: Printable, format: Format): Promise<Read> {
  const key = `${id}.${format.ext}`;
  if (!cache.has(key)) {
    const bytes = format.render(x);
    const lines = format.ext === 'txt' ? new TextDecoder().decode(bytes).split('\n') : null;
    cache.set(
      key,
      processDocument({ bytes, file: key }, { keepHtml: true }).then((result) => ({ result, lines })),
    );
  }
  return cache.get(key)!;
}

/** The one evaluation of a single-form document. */
async function single(form: MofForm, format: Format): Promise<{ ev: Evaluation; read: Read }> {
  const r = await read(form.id, form, format);
  expect(r.result.status, `${r.result.errorCode}: ${r.result.error}`).toBe('ok');
  expect(r.result.evaluations).toHaveLength(1);
  return { ev: r.result.evaluations[0]!, read: r };
}

/** Errors and warnings a clean form may carry: funds-overrun exactly when it spent more than its budget. */
function expectCleanFindings(result: DocumentResult, expected: ExpEvaluation[]): void {
  const serious = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const wanted = expected.flatMap((e, i) => (e.overrun ? [{ rule: 'funds-overrun', severity: 'warning', part: i + 1 }] : []));
  expect(
    serious.map((f) => ({ rule: f.rule, severity: f.severity, part: f.part })),
    serious.map((f) => `${f.rule} (part ${f.part}): ${f.message}`).join('\n'),
  ).toEqual(wanted);
  for (const f of serious) {
    // The overrun names the total line's 全年执行数 against its 全年预算数.
    const line = result.evaluations[f.part! - 1]!.funds!.lines[0]!;
    expect(f.location).toMatchObject({ path: '/funds/lines/0/executed', ...line.executed!.src });
    expect(f.actual).toBe(line.executed!.value);
  }
}

const OVERRUN_FORMS = CLEAN_FORMS.filter((f) => expectedEvaluation(f).overrun).map((f) => f.id);

describe('the catalogue states which clean forms overrun their budget', () => {
  it('exactly the 部门整体 form whose execution exceeds its budget (mof-family §3)', () => {
    expect(OVERRUN_FORMS).toEqual(['department-education-overrun']);
  });
});

describe.each(FORMATS)('clean MoF forms as $name', (format) => {
  describe.each(CLEAN_FORMS.map((form) => ({ id: form.id, form })))('$id', ({ form }) => {
    const exp = expectedEvaluation(form);

    it(`is read as one ${exp.template} evaluation, whole`, async () => {
      const { ev, read: r } = await single(form, format);
      expect(r.result.template).toBe(exp.template);
      expect(ev.part).toBe(1);
      expectShape(ev, exp);
    });

    it('identity: title, year, project name, unit, authority', async () => {
      expectIdentity((await single(form, format)).ev, exp);
    });

    it('funds: unit, columns and the four lines (万元, empty markers null)', async () => {
      expectFunds((await single(form, format)).ev, exp);
    });

    it('goals: expected and actual', async () => {
      expectGoals((await single(form, format)).ev, exp);
    });

    it('indicator rows: 一级/二级/三级 names and printed group weights', async () => {
      const { ev } = await single(form, format);
      expectIndicatorNames(ev, exp);
      eachIndicator(ev, exp, levels);
    });

    it('indicator weights, scores and deviation reasons', async () => {
      eachIndicator((await single(form, format)).ev, exp, scores);
    });

    it('indicator targets: text, number, comparator (and the three cells of a split target)', async () => {
      eachIndicator((await single(form, format)).ev, exp, targets);
    });

    it('indicator actuals: text, number, stated verdict', async () => {
      eachIndicator((await single(form, format)).ev, exp, actuals);
    });

    it('indicator units: the unit printed after the number, in target and actual', async () => {
      eachIndicator((await single(form, format)).ev, exp, units);
    });

    it('totals: weight, score, grade', async () => {
      expectTotals((await single(form, format)).ev, exp);
    });

    it('provenance: every value names the cell (and line) it was read from', async () => {
      const { ev, read: r } = await single(form, format);
      const tables = expectProvenance(ev, r.result.grid!, r.lines);
      expect([...tables]).toHaveLength(1);
    });

    it(exp.overrun ? 'findings: the funds-overrun warning and no other error or warning' : 'findings: no error or warning', async () => {
      const { read: r } = await single(form, format);
      expectCleanFindings(r.result, [exp]);
    });
  });
});

describe.each(FORMATS)('multi-form documents as $name', (format) => {
  describe.each(MOF_DOCUMENTS.map((doc) => ({ id: doc.id, doc })))('$id', ({ doc }) => {
    if (doc.expected === 'not-a-report') {
      it('is not a report: status failed, errorCode not-a-report, no evaluation', async () => {
        const { result } = await read(doc.id, doc.parts, format);
        expect(result).toMatchObject({ status: 'failed', errorCode: 'not-a-report', template: null, evaluations: [] });
      });
      return;
    }
    const exps = doc.forms.map(expectedEvaluation);

    it(`gives ${doc.forms.length} evaluations, part 1..${doc.forms.length} in document order`, async () => {
      const { result } = await read(doc.id, doc.parts, format);
      expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
      expect(result.evaluations.map((e) => e.part)).toEqual(exps.map((_, i) => i + 1));
      expect(result.evaluations.map((e) => [e.template, e.kind])).toEqual(exps.map((e) => [e.template, e.kind]));
      expect(result.template).toBe([...new Set(exps.map((e) => e.template))].join(', '));
      expect(result.evaluations.map((e) => [e.identity.projectName?.value ?? null, e.identity.unit?.value])).toEqual(
        exps.map((e) => [e.identity.projectName?.value ?? null, e.identity.unit.value]),
      );
      expect(result.evaluations.map((e) => [e.totals.weight?.value, e.totals.score?.value, e.totals.grade?.value ?? null])).toEqual(
        exps.map((e) => [e.totals.weight.value, e.totals.score.value, e.totals.grade?.value ?? null]),
      );
    });

    it('every value of every form (units apart), as in a file of its own', async () => {
      const { result } = await read(doc.id, doc.parts, format);
      expect(result.evaluations).toHaveLength(exps.length);
      exps.forEach((e, i) => expectEvaluation(result.evaluations[i]!, e));
    });

    it('indicator units of every form', async () => {
      const { result } = await read(doc.id, doc.parts, format);
      expect(result.evaluations).toHaveLength(exps.length);
      exps.forEach((e, i) => eachIndicator(result.evaluations[i]!, e, (ind, x, at) => units(ind, x, `part ${i + 1} ${at}`)));
    });

    it('each form points into its own table, in document order', async () => {
      const { result, lines } = await read(doc.id, doc.parts, format);
      const tables = result.evaluations.map((ev) => [...expectProvenance(ev, result.grid!, lines)]);
      for (const t of tables) expect(t).toHaveLength(1);
      const order = tables.map((t) => t[0]!);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(new Set(order).size).toBe(order.length);
    });

    it('findings: no error or warning but a true overrun, each with its part', async () => {
      const { result } = await read(doc.id, doc.parts, format);
      expectCleanFindings(result, exps);
      for (const f of result.findings) expect(f.part === null || (f.part >= 1 && f.part <= exps.length), `${f.rule} part ${f.part}`).toBe(true);
    });
  });
});

describe('strict recognition between the Hunan and MoF families', () => {
  const seed = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

  it.each(['seed.txt', 'seed.docx'])('the Hunan seed %s is one hunan-project-v1 evaluation, never MoF', async (name) => {
    const result = await processDocument(seed(name));
    expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
    expect(result.template).toBe('hunan-project-v1');
    expect(result.evaluations.map((e) => [e.part, e.template])).toEqual([[1, 'hunan-project-v1']]);
  });

  it.each(FORMATS)('no MoF form or document read as $name is read as hunan-project-v1', async (format) => {
    const read1 = await Promise.all([
      ...CLEAN_FORMS.map((form) => read(form.id, form, format)),
      ...MOF_DOCUMENTS.map((doc) => read(doc.id, doc.parts, format)),
    ]);
    for (const { result } of read1) {
      expect(result.template ?? '', result.file).not.toContain('hunan');
      expect(result.evaluations.filter((e) => e.template === 'hunan-project-v1' || e.hunan !== undefined).map((e) => e.part), result.file).toEqual([]);
    }
  });
});

describe('score columns headed 自评得分', () => {
  it('read the same scores as 得分 in the funds and the indicator header', async () => {
    const form = CLEAN_FORMS.find((f) => f.id === 'project-road-wan')!;
    const plain = renderHtml(form);
    const headed = plain.replaceAll('>得分</span>', '>自评得分</span>');
    expect(headed).not.toBe(plain);
    const [a, b] = await Promise.all([plain, headed].map((html, i) => processDocument({ bytes: utf8(html), file: `road-${i}.html` })));
    const scoresOf = (r: DocumentResult) => ({
      funds: r.evaluations[0]!.funds!.lines.map((l) => l.score?.value ?? null),
      indicators: r.evaluations[0]!.indicators.map((i) => i.score?.value ?? null),
      total: r.evaluations[0]!.totals?.score?.value ?? null,
    });
    expect(scoresOf(b!)).toEqual(scoresOf(a!));
    expect(scoresOf(a!).indicators.filter((s) => s !== null).length).toBe(form.indicators.length);
    expect(b!.findings.map((f) => f.rule)).toEqual(a!.findings.map((f) => f.rule));
  });
});

describe('the year of a form', () => {
  const road = () => structuredClone(CLEAN_FORMS.find((f) => f.id === 'project-road-wan')!);
  const yearOf = async (bytes: Uint8Array, file: string) => (await processDocument({ bytes, file })).evaluations[0]!.identity.year?.value ?? null;

  it('is read from a year line above the title', async () => {
    const form = Object.assign(road(), { caption: '2023年度', yearLine: '' });
    expect(await yearOf(utf8(renderTika(form)), 'above.txt')).toBe('2023');
    expect(await yearOf(renderDocx(form), 'above.docx')).toBe('2023');
  });

  it.each([
    ['二〇二三年度', '2023'],
    ['（二○二三年度）', '2023'],
    ['二0二三年', '2023'],
  ])('is read from a year written in Chinese digits (%s)', async (caption, year) => {
    const form = Object.assign(road(), { caption, yearLine: '' });
    expect(await yearOf(utf8(renderTika(form)), 'chinese.txt')).toBe(year);
    expect(await yearOf(renderDocx(form), 'chinese.docx')).toBe(year);
  });

  it('is not taken from a line above the title that is not a year line', async () => {
    const form = Object.assign(road(), { caption: '填报日期：2024年3月20日', yearLine: '' });
    expect(await yearOf(utf8(renderTika(form)), 'date.txt')).toBeNull();
  });

  it('is read from a row of its own under a title printed in the table', async () => {
    const html = renderHtml(road());
    const inTable = html
      .replace(/<p[^>]*><strong><span[^>]*>项目支出绩效自评表<\/span><\/strong><\/p>\n<p[^>]*>（2023年度）<\/p>\n/u, '')
      .replace('<tbody>\n', '<tbody>\n<tr><td colspan="10">项目支出绩效自评表</td></tr>\n<tr><td colspan="10">（2023年度）</td></tr>\n');
    expect(inTable).not.toContain('<p style="text-align:center">（2023年度）</p>');
    expect(inTable).toContain('<td colspan="10">（2023年度）</td>');
    const result = await processDocument({ bytes: utf8(inTable), file: 'in-table.html' });
    expect(result.evaluations.map((e) => e.template)).toEqual(['mof-project']);
    expect(result.evaluations[0]!.identity.year?.value).toBe('2023');
  });
});

describe('an OCR copy printing 兀 for 元', () => {
  it('reads 项目资金（兀） as 元, the same amounts as the printed 元', async () => {
    const text = renderTika(CLEAN_FORMS.find((f) => f.id === 'project-school-yuan')!);
    const ocr = text.replace('项目资金（元）', '项目资金（兀）');
    expect(ocr).not.toBe(text);
    const [a, b] = await Promise.all([text, ocr].map((t, i) => processDocument({ bytes: utf8(t), file: `school-${i}.txt` })));
    const amounts = (r: DocumentResult) => r.evaluations[0]!.funds!.lines.map((l) => [l.budget?.value ?? null, l.executed?.value ?? null]);
    expect(amounts(b!)).toEqual(amounts(a!));
    expect(amounts(a!)[0]![0]).not.toBeNull();
    expect(b!.findings.map((f) => f.rule)).toEqual(a!.findings.map((f) => f.rule));
  });

  it('reads 金额单位：兀 on the line above the table as 元', async () => {
    const base = CLEAN_FORMS.find((f) => f.id === 'project-school-yuan')!;
    const withLine = (unitLine: string): MofForm => ({ ...structuredClone(base), bareFundsLabel: true, unitLine });
    const [a, b] = await Promise.all(['金额单位：元', '金额单位：兀'].map((line, i) => processDocument({ bytes: utf8(renderHtml(withLine(line))), file: `line-${i}.html` })));
    const amounts = (r: DocumentResult) => r.evaluations[0]!.funds!.lines.map((l) => [l.budget?.value ?? null, l.executed?.value ?? null]);
    expect(amounts(b!)).toEqual(amounts(a!));
    expect(amounts(a!)).toEqual(amounts((await processDocument({ bytes: utf8(renderHtml(base)), file: 'label.html' }))));
  });
});
