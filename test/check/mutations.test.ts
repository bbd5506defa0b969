/**
 * Mutation tests: the seed with exactly one fault injected (by editing its text) yields exactly that
 * rule's finding — no other new error — with the right numbers. Warning rules get a few too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { RULES } from '../../src/check/index.js';
import { hunanProjectV1 } from '../../src/templates/hunan-project-v1/index.js';
import { edit, edits, FAULTS, fullWidthDigits, processText, SEED, type FaultRule } from '../helpers/faults.js';

const key = (f: Finding) => `${f.rule}|${f.location.path}|${f.expected}|${f.actual}`;
let baseline: Set<string>;
/** The rules that had their data on the seed's one evaluation and ran. */
let ranOnSeed: string[];
beforeAll(async () => {
  const seed = await processText(SEED, 'seed.txt');
  baseline = new Set(seed.findings.map(key));
  ranOnSeed = seed.evaluations[0]!.checks!.ran;
});

async function newFindings(text: string): Promise<Finding[]> {
  const r = await processText(text);
  expect(r.status).toBe('ok');
  return r.findings.filter((f) => !baseline.has(key(f)));
}

describe('one fault per error rule', () => {
  it('covers every error-severity rule that checks a Hunan report', () => {
    const errorRules = [...RULES, ...hunanProjectV1.rules].filter((r) => r.severity === 'error').map((r) => r.id);
    expect(Object.keys(FAULTS).sort()).toEqual(errorRules.filter((id) => ranOnSeed.includes(id)).sort());
    // The rest read what only MoF forms print (执行率, the execution item): their faults are in test/mof.
    expect(errorRules.filter((id) => !ranOnSeed.includes(id))).toEqual(['execution-rate', 'execution-score']);
  });

  it.each(Object.keys(FAULTS) as FaultRule[])('%s', async (rule) => {
    const fault = FAULTS[rule];
    const found = await newFindings(fault.text());
    const errors = found.filter((f) => f.severity === 'error');
    expect(errors.map((f) => ({ rule: f.rule, path: f.location.path, expected: f.expected, actual: f.actual }))).toEqual([{ rule, ...fault.expect }]);
  });

  it('rubric-total names every addend', async () => {
    const [f] = (await newFindings(FAULTS['rubric-total'].text())).filter((x) => x.rule === 'rubric-total');
    expect(f!.message).toBe('评分表总分98与各项自评得分之和97不一致');
    expect(f!.location).toMatchObject({ table: 5, row: 24, col: 8, text: '98' });
    expect(f!.related).toHaveLength(22);
    expect(f!.related[4]).toMatchObject({ path: '/indicators/4/score', table: 5, row: 5, col: 8, text: '2' });
  });
});

describe('warning rules on the seed’s text', () => {
  const only = async (text: string) => (await newFindings(text)).map((f) => [f.rule, f.expected, f.actual]);

  it('narrative-percent: 已使用25%', async () => {
    expect(await only(edit(SEED, '已使用20%', '已使用25%'))).toEqual([['narrative-percent', '20%', '25%']]);
  });
  it('narrative-amount: 资金预算为886万元', async () => {
    expect(await only(edit(SEED, '资金预算为868万元', '资金预算为886万元'))).toEqual([['narrative-amount', '868', '886']]);
  });
  it('narrative-amount and not narrative-percent: 即137.6万元', async () => {
    expect(await only(edit(SEED, '即173.6万元', '即137.6万元'))).toEqual([['narrative-amount', '173.6', '137.6']]);
  });
  it('a different 中标价格 is no restatement: silent', async () => {
    expect(await only(edit(SEED, '中标价格为8680000元', '中标价格为8600000元'))).toEqual([]);
  });
  it('cost-overrun: 成本 880万 over 不超过870万', async () => {
    expect(await only(edit(SEED, '\t870万\n\t868万\n', '\t870万\n\t880万\n'))).toEqual([['cost-overrun', '≤870万', '880万']]);
  });
  it('indicator-shortfall: 经济效益 90% of 95%', async () => {
    expect(await only(edit(SEED, '\t95%\n\t95%\n', '\t95%\n\t90%\n'))).toEqual([['indicator-shortfall', '95%', '90%']]);
  });
  it('score-without-evidence goes away when the satisfaction row is filled, and rubric-formula checks the band', async () => {
    const filled = edit(SEED, '\t服务对象满意度指标\n\t\n\t\n\t\n', '\t服务对象满意度指标\n\t群众满意度\n\t≥90%\n\t85%\n');
    expect(await only(filled)).toEqual([
      ['rubric-formula', '6', '8'],
      ['indicator-shortfall', '≥90%', '85%'],
    ]);
    const found = (await processText(filled)).findings.filter((f) => f.rule === 'score-without-evidence').map((f) => f.location.path);
    expect(found).toEqual(['/indicators/19/score', '/indicators/20/score']);
  });
  it('narrative-contradiction: 项目尚未完工 against 项目实施 full marks', async () => {
    expect(await only(edit(SEED, '同期新点公司开始', '目前项目尚未完工。同期新点公司开始'))).toEqual([['narrative-contradiction', '<3', '3']]);
  });
  it('funds-overrun: spent more than arrived (and the balance follows)', async () => {
    const text = edits(SEED, [
      ['\t实际支出\n（万元）\n\t173.6\n\t结余\n（万元）\n\t694.4\n', '\t实际支出\n（万元）\n\t900\n\t结余\n（万元）\n\t-32\n'],
      ['\t市财政\n\t173.6\n\t市财政\n\t694.4\n', '\t市财政\n\t900\n\t市财政\n\t-32\n'],
      ['\t项目支出\n\t173.6万元\n', '\t项目支出\n\t900万元\n'],
      ['\t支出合计\n\t173.6万元\n', '\t支出合计\n\t900万元\n'],
    ]);
    const found = await newFindings(text);
    expect(found.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.expected, f.actual])).toEqual([
      ['funds-overrun', '≤868', '900'],
      ['narrative-amount', '900', '173.6'],
    ]);
  });
});

describe('layout variants of the seed stay silent', () => {
  it('full-width digits in the funds grid and the headline', async () => {
    const text = edits(SEED, [
      ['\t实际支出\n（万元）\n\t173.6\n', `\t实际支出\n（万元）\n\t${fullWidthDigits('173.6')}\n`],
      ['\t98分\n', `\t${fullWidthDigits('98')}分\n`],
      ['已使用20%', `已使用${fullWidthDigits('20%')}`],
    ]);
    expect(await newFindings(text)).toEqual([]);
  });
  it('amounts in 元 in the cells', async () => {
    const text = edits(SEED, [
      ['\t项目支出\n\t173.6万元\n', '\t项目支出\n\t1,736,000元\n'],
      ['\t支出合计\n\t173.6万元\n', '\t支出合计\n\t1736000元\n'],
    ]);
    expect(await newFindings(text)).toEqual([]);
  });
  it('a repeated page header and first-level label on a third page is not a second item', async () => {
    const header = '\t一级\n指标\n\t分值\n\t二级\n指标\n\t分值\n\t三级\n指标\n\t分值\n\t具体指标\n\t评价标准\n\t自评\n得分\n\n';
    const text = edit(SEED, '\t\n\t\n\t项目效果\n\t40\n\t经济\n效益\n', `${header}\t项目绩效\n\t55\n\t项目效果\n\t40\n\t经济\n效益\n`);
    const r = await processText(text);
    expect(r.evaluations).toHaveLength(1);
    expect(r.evaluations[0]!.indicators).toHaveLength(22);
    expect(r.findings.filter((f) => !baseline.has(key(f)))).toEqual([]);
  });
});
