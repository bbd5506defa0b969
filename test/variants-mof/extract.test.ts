/**
 * Issue 12's variant forms (Sichuan, Hubei, Anhui, rubric tables, the weight-only, cut and Traditional
 * MoF forms), each rendered as a .docx, an Apache Tika text dump and a government web page and read by
 * processDocument: every value is compared with what the form prints (expected.ts), never with what the
 * reader returns; the findings of a clean form, of a weight-only and of a cut form; and for each
 * single-fault form the one finding its fault must give, with the fault's expected and actual.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { DocumentResult } from '../../src/process.js';
import { D } from '../helpers/mof/build.js';
import { formById } from '../helpers/mof/catalogue.js';
import { CLEAN_VARIANT_FORMS, TRADITIONAL_MOF, VARIANT_FAULTS, type VariantForm } from '../helpers/variants/index.js';
import { expectedFacts, mofFacts, type Facts } from './expected.js';
import { FORMATS, XLSX, fundsFacts, identityFacts, indicatorFacts, readForm, targetPartsFacts, totalsFacts, type Format } from './read.js';

async function single(form: VariantForm, format: Format): Promise<{ ev: Evaluation; result: DocumentResult }> {
  const result = await readForm(form, format);
  expect(result.status, `${result.errorCode}: ${result.error}`).toBe('ok');
  expect(result.evaluations).toHaveLength(1);
  return { ev: result.evaluations[0]!, result };
}

const serious = (r: DocumentResult) => r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const describeFindings = (r: DocumentResult) => r.findings.map((f) => `${f.severity} ${f.rule} expected=${f.expected} actual=${f.actual}: ${f.message}`).join('\n');

/** Every value object (one with a raw text) carries its provenance. */
function expectEveryValueSourced(node: unknown, path = ''): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((x, i) => expectEveryValueSourced(x, `${path}/${i}`));
  const obj = node as Record<string, unknown>;
  if (typeof obj.raw === 'string') expect.soft(obj.src, `${path} has no provenance`).toBeTruthy();
  for (const [k, x] of Object.entries(obj)) if (k !== 'src') expectEveryValueSourced(x, `${path}/${k}`);
}

/**
 * Reader defects found by these tests (reported to the integrator): the assertion stands unchanged and
 * the case is expected to fail until the reader is fixed; vitest then reports it, and the entry goes.
 */
/** Reader defects known and not yet fixed, by form and field (each case then runs as it.fails). */
const KNOWN_READER_DEFECTS: Record<string, string[]> = {};

const caseOf = (form: VariantForm, field: string) => (KNOWN_READER_DEFECTS[form.id]?.includes(field) ? it.fails : it);

/** Compares the extracted values of one evaluation with the printed form's facts. */
function valueTests(form: VariantForm, format: Format, exp: Facts): void {
  it(`is read as one ${exp.template} ${exp.kind} evaluation (complete: ${exp.complete})`, async () => {
    const { ev, result } = await single(form, format);
    expect.soft(result.template).toBe(exp.template);
    expect.soft(ev.template).toBe(exp.template);
    expect.soft(ev.kind).toBe(exp.kind);
    expect.soft(ev.complete).toBe(exp.complete);
  });

  for (const k of Object.keys(exp.identity) as (keyof Facts['identity'])[]) {
    caseOf(form, `identity.${k}`)(`identity.${k}: ${exp.identity[k]}`, async () => {
      expect(identityFacts((await single(form, format)).ev)[k], `identity.${k}`).toBe(exp.identity[k]);
    });
  }

  if (exp.funds) {
    const funds = exp.funds;
    it(`funds: ${funds.length} lines, their source, amounts (万元), rate, weight and score ('/' and '—' null)`, async () => {
      const { ev } = await single(form, format);
      const got = fundsFacts(ev);
      expect(got, 'funds block').not.toBeNull();
      expect.soft(got!.length, 'funds lines').toBe(funds.length);
      funds.forEach(({ source: _, ...line }, i) => {
        const { source: __, ...read } = got![i] ?? { source: null };
        expect.soft(read, `funds line ${i}`).toEqual(line);
      });
    });
    caseOf(form, 'funds.source')(`funds: the source of each line (${funds.map((l) => l.source).join(', ')})`, async () => {
      const got = fundsFacts((await single(form, format)).ev);
      expect(got?.map((l) => [l.role, l.source])).toEqual(funds.map((l) => [l.role, l.source]));
    });
  }

  it(`indicators: ${exp.indicators.length} items with names, group weights, weight, score, target, actual, reason`, async () => {
    const { ev } = await single(form, format);
    const got = indicatorFacts(ev);
    expect.soft(got.map((i) => i.level3), 'the items, in order').toEqual(exp.indicators.map((i) => i.level3));
    exp.indicators.forEach((ind, i) => expect.soft(got[i], `indicator ${i} ${ind.level3}`).toEqual(ind));
  });

  if (exp.targetParts) {
    const parts = exp.targetParts;
    it('indicators: the three target cells 指标性质 | 指标值 | 度量单位', async () => {
      const got = targetPartsFacts((await single(form, format)).ev);
      parts.forEach((p, i) => expect.soft(got[i], `targetParts ${i}`).toEqual(p));
    });
  }

  it('totals: weight, block weight, score, stated score', async () => {
    const got = totalsFacts((await single(form, format)).ev);
    for (const k of Object.keys(exp.totals) as (keyof Facts['totals'])[]) expect.soft(got[k], `totals.${k}`).toBe(exp.totals[k]);
  });

  it('provenance: every value names where it was read', async () => {
    expectEveryValueSourced((await single(form, format)).ev);
  });
}

/** The info finding an incomplete form must carry, if any. */
function infoRule(form: VariantForm): string | null {
  if (form.variant === 'mof-weight-only') return 'self-scores-missing';
  if (form.variant === 'sichuan' && form.id.endsWith('-weight-only')) return 'self-scores-missing';
  if (form.variant === 'mof-cut') return 'extract-incomplete';
  return null;
}

const INFO_RULES = ['self-scores-missing', 'extract-incomplete'];

function findingTests(form: VariantForm, format: Format, info: string | null = infoRule(form)): void {
  it(info ? `findings: no error or warning, exactly one ${info} info` : 'findings: no error or warning', async () => {
    const { result } = await single(form, format);
    expect.soft(serious(result), describeFindings(result)).toEqual([]);
    const infos = result.findings.filter((f) => INFO_RULES.includes(f.rule));
    expect.soft(
      infos.map((f) => [f.rule, f.severity]),
      describeFindings(result),
    ).toEqual(info ? [[info, 'info']] : []);
  });
}

describe.each(FORMATS)('clean variant forms as $name', (format) => {
  describe.each(CLEAN_VARIANT_FORMS.map((form) => ({ id: form.id, form })))('$id', ({ form }) => {
    valueTests(form, format, expectedFacts(form));
    findingTests(form, format);
  });
});

/** Decimals compare by value: the reader prints 19.3 for a printed 19.30. */
function sameDecimal(got: string | null, want: string): boolean {
  if (got === null) return false;
  try {
    return new D(got.replace(/[,%]/gu, '')).eq(new D(want.replace(/[,%]/gu, '')));
  } catch {
    return got === want;
  }
}

/**
 * A score-range finding states the allowed range (0–10); its upper bound is the item's weight, which the
 * fault names as expected.
 */
function expectedMatches(rule: string, got: string | null, want: string): boolean {
  if (rule === 'rubric-score-range' && got !== null) {
    const m = /^0\s*[–-]\s*(\d+(?:\.\d+)?)$/u.exec(got);
    if (m) return sameDecimal(m[1]!, want);
  }
  return sameDecimal(got, want);
}

describe.each(FORMATS)('single-fault variant forms as $name', (format) => {
  describe.each(VARIANT_FAULTS.map((fault) => ({ id: fault.id, fault })))('$id', ({ fault }) => {
    it(`gives one ${fault.rule} finding: expected ${fault.expected}, actual ${fault.actual}`, async () => {
      const { result } = await single(fault.form, format);
      const found = serious(result);
      const max = fault.rule === 'rubric-weight-sum' ? 2 : 1;
      expect(found.length, describeFindings(result)).toBeGreaterThanOrEqual(1);
      expect(found.length, describeFindings(result)).toBeLessThanOrEqual(max);
      expect.soft(
        found.map((f) => f.rule),
        describeFindings(result),
      ).toEqual(found.map(() => fault.rule));
      const first = found[0]!;
      expect.soft(expectedMatches(fault.rule, first.expected, fault.expected), `expected ${first.expected} ≠ ${fault.expected}`).toBe(true);
      expect.soft(sameDecimal(first.actual, fault.actual), `actual ${first.actual} ≠ ${fault.actual}`).toBe(true);
    });

    it('still reads the template and the indicators', async () => {
      const { ev } = await single(fault.form, format);
      const exp = expectedFacts(fault.form);
      expect.soft(ev.template).toBe(exp.template);
      expect.soft(indicatorFacts(ev).map((i) => i.level3)).toEqual(exp.indicators.map((i) => i.level3));
    });
  });
});

describe('the Traditional copy keeps its values as printed', () => {
  it.each(FORMATS)('as $name: Traditional names, no Simplified fold in the values, no finding', async (format) => {
    const { ev, result } = await single(TRADITIONAL_MOF, format);
    expect.soft(ev.identity.title?.value).toBe('項目支出績效自評表');
    expect.soft(ev.identity.projectName?.value).toBe(identityOfTraditional().projectName);
    expect.soft(ev.funds?.lines[0]?.label).toBe('年度資金總額');
    expect.soft(result.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual([]);
  });
});

function identityOfTraditional() {
  return expectedFacts(TRADITIONAL_MOF).identity;
}

/** xlsx: the Traditional copy's source form and the copy itself, as workbooks. */
describe('MoF forms as xlsx workbooks', () => {
  const source = TRADITIONAL_MOF.source;
  const sourceForm = { variant: 'mof-weight-only', id: `xlsx-${source.id}`, source: source.id, form: formById(source.id) } as const satisfies VariantForm;
  describe('the clean source form', () => {
    valueTests(sourceForm, XLSX, mofFacts(source));
    findingTests(sourceForm, XLSX, null);
  });
  describe('its Traditional copy', () => {
    valueTests(TRADITIONAL_MOF, XLSX, expectedFacts(TRADITIONAL_MOF));
    findingTests(TRADITIONAL_MOF, XLSX);
  });
});
