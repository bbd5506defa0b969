/**
 * The fault corpora of both families (test/helpers/fault-corpus/): a few hundred reports with random
 * values, each with one injected fault or none. Every fault must be reported under its rule; a clean
 * report must get no error — and, for the Hunan family, no narrative or grade finding either, since
 * its narrative restates the table consistently in every way the generator writes it. Reports are made
 * and checked in-process (processDocument on Tika text).
 */
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/model/result.js';
import { processDocument } from '../../src/process.js';
import { FAULT_KINDS, hunanFaultReport, UNITS, VERBS } from '../helpers/fault-corpus/hunan.js';
import { MOF_FAULTS, mofFaultForm } from '../helpers/fault-corpus/mof.js';
import { renderTika } from '../helpers/mof/index.js';

const HUNAN_REPORTS = 280;
const MOF_FORMS = 240;
const CHUNK = 40;
const enc = new TextEncoder();
const chunks = (n: number) => Array.from({ length: Math.ceil(n / CHUNK) }, (_, i) => [i * CHUNK, Math.min(n, (i + 1) * CHUNK)] as const);

/** What is wrong with one report's result: a missed fault, or a finding a clean report must not have. */
function problems(name: string, rule: string | null, r: DocumentResult, cleanMustNotHave: (rule: string) => boolean): string[] {
  if (r.status !== 'ok') return [`${name}: ${r.error}`];
  if (rule) return r.findings.some((f) => f.rule === rule) ? [] : [`${name}: ${rule} not reported (${r.findings.map((f) => f.rule).join(', ')})`];
  return r.findings.filter((f) => f.severity === 'error' || cleanMustNotHave(f.rule)).map((f) => `${name} (clean): ${f.rule} ${f.message}`);
}

describe('Hunan fault corpus', () => {
  it('injects every kind: each verb in 元, 万元 and 亿元, a second amount, percentages at 0/1/2 decimals, blank source rows, unknown grades', () => {
    const seen = new Set<string>();
    for (let i = 0; i < HUNAN_REPORTS; i++) {
      const f = hunanFaultReport(i).fault;
      if (f) seen.add(JSON.stringify(f));
    }
    expect(seen.size).toBe(FAULT_KINDS.length);
    const amounts = FAULT_KINDS.filter((k) => k.kind === 'amount' && !k.second);
    expect(amounts).toHaveLength(VERBS.length * UNITS.length);
    expect(FAULT_KINDS.filter((k) => k.kind === 'percent').map((k) => (k.kind === 'percent' ? k.decimals : -1))).toEqual(expect.arrayContaining([0, 1, 2]));
  });

  it.each(chunks(HUNAN_REPORTS))('reports %i–%i: every fault under its rule, clean ones silent', async (from, to) => {
    const found: string[] = [];
    for (let i = from; i < to; i++) {
      const report = hunanFaultReport(i);
      const r = await processDocument({ bytes: enc.encode(report.text), file: `hunan-${i}.txt` });
      found.push(...problems(`hunan ${i} ${JSON.stringify(report.fault)}`, report.fault?.rule ?? null, r, (rule) => rule.startsWith('narrative-') || rule === 'grade-unknown'));
    }
    expect(found).toEqual([]);
  }, 120_000);
});

describe('MoF fault corpus', () => {
  it('injects every fault kind, a source-sum fault next to a blank 其中 row among them', () => {
    const forms = Array.from({ length: MOF_FORMS }, (_, i) => mofFaultForm(i));
    expect(new Set(forms.map((f) => f.rule).filter((r) => r !== null))).toEqual(new Set(MOF_FAULTS.map((f) => f.rule)));
    const blank = forms.filter((f) => f.rule === 'funds-source-sum' && f.form.funds.slice(1).some((l) => !/\d/u.test(l.budget + l.executed + l.initial)));
    expect(blank.length).toBeGreaterThan(0);
  });

  it.each(chunks(MOF_FORMS))('forms %i–%i: every fault under its rule, clean ones without errors', async (from, to) => {
    const found: string[] = [];
    for (let i = from; i < to; i++) {
      const { rule, form } = mofFaultForm(i);
      const r = await processDocument({ bytes: enc.encode(renderTika(form)), file: `${form.id}.txt` });
      found.push(...problems(`mof ${form.id} ${rule}`, rule, r, (id) => id === 'grade-unknown'));
    }
    expect(found).toEqual([]);
  }, 120_000);
});
