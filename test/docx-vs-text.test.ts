import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../src/process.js';
import type { Evaluation } from '../src/model/evaluation.js';
import { withoutProvenance } from './helpers/values.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const values = withoutProvenance;

async function model(path: string | { bytes: Uint8Array; file: string }): Promise<Evaluation> {
  const r = await processDocument(path);
  expect(r.error).toBeNull();
  expect(r.evaluations).toHaveLength(1);
  return r.evaluations[0]!;
}

describe('seed.docx and seed.txt', () => {
  it('give equal report models, except what the text dump lost (the ticked box)', async () => {
    const docx = await model(fixture('seed.docx'));
    const text = await model(fixture('seed.txt'));
    // The docx shows the tick; the text dump only lets us infer the choice by elimination.
    expect(docx.hunan!.cover.evaluationType).toMatchObject({ selected: '项目实施过程评价', inferred: false });
    expect(docx.hunan!.cover.evaluationType!.options.map((o) => o.checked)).toEqual([true, false]);
    expect(text.hunan!.cover.evaluationType).toMatchObject({ selected: '项目实施过程评价', inferred: true });
    expect(text.hunan!.cover.evaluationType!.options.map((o) => o.checked)).toEqual([null, false]);
    const withoutType = (r: Evaluation) => values({ ...r, hunan: { ...r.hunan!, cover: { ...r.hunan!.cover, evaluationType: null } } });
    expect(withoutType(docx)).toEqual(withoutType(text));
  });

  it('give the same findings (rules, expected, actual, paths)', async () => {
    const summary = async (p: string) =>
      (await processDocument(p)).findings.filter((f) => !f.rule.startsWith('extract-')).map((f) => [f.rule, f.expected, f.actual, f.location.path]);
    expect(await summary(fixture('seed.docx'))).toEqual(await summary(fixture('seed.txt')));
  });

  it('are read by content whatever their extension', async () => {
    const docxBytes = new Uint8Array(readFileSync(fixture('seed.docx')));
    const textBytes = new Uint8Array(readFileSync(fixture('seed.txt')));
    const docxNamedTxt = await processDocument({ bytes: docxBytes, file: 'seed-really-docx.txt' });
    const txtNamedDocx = await processDocument({ bytes: textBytes, file: 'seed-really-text.docx' });
    expect([docxNamedTxt.format, txtNamedDocx.format]).toEqual(['docx', 'text']);
    expect(docxNamedTxt.evaluations).toHaveLength(1);
    expect(txtNamedDocx.evaluations).toHaveLength(1);
    expect(docxNamedTxt.evaluations[0]!.funds).not.toBeNull();
    expect(values(docxNamedTxt.evaluations[0]!.funds)).toEqual(values(txtNamedDocx.evaluations[0]!.funds));
    expect(docxNamedTxt.evaluations[0]!.indicators).toHaveLength(22);
  });
});
