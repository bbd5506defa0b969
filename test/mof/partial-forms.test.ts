/**
 * Forms that are not whole or not filled: weight-only forms (scores missing, not 0), cut forms (read as
 * far as they go, complete = false, totals not checked), and Traditional-character copies (labels
 * matched after folding, values kept as printed).
 */
import { describe, expect, it } from 'vitest';
import { foldTraditional } from '../../src/model/normalize.js';
import { processDocument } from '../../src/process.js';
import { formById, renderTika, type MofForm } from '../helpers/mof/index.js';

const enc = new TextEncoder();
const run = (text: string, file = 'form.txt') => processDocument({ bytes: enc.encode(text), file });

function weightOnly(): MofForm {
  const form = formById('project-road-wan');
  for (const row of form.indicators) Object.assign(row, { actual: '', score: '', reason: '' });
  Object.assign(form.funds[0]!, { executed: '', rate: '', score: '' });
  for (const row of form.funds.slice(1)) row.executed = '';
  form.total.score = '';
  delete form.grade;
  return form;
}

describe('a weight-only form', () => {
  it('reads its scores as missing, checks no total or score, and says once that it carries no self-scores', async () => {
    const r = await run(renderTika(weightOnly()));
    const ev = r.evaluations[0]!;
    expect(ev.indicators.every((i) => i.score === null || i.score.value === null)).toBe(true);
    expect(ev.indicators.map((i) => i.weight?.value)).toEqual(['15', '10', '10', '5', '10', '10', '10', '10', '10']);
    expect(ev.totals.weight?.value).toBe('100');
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['self-scores-missing', 'info']]);
    expect(r.findings[0]!.message).toContain('9项指标');
    expect(ev.checks!.notApplicable).toEqual(expect.arrayContaining(['rubric-total', 'grade-band', 'indicator-score', 'execution-score']));
    expect(ev.checks!.ran).toContain('rubric-weight-sum');
  });

  it('stays silent when the scores are there', async () => {
    const r = await run(renderTika(formById('project-road-wan')));
    expect(r.findings.filter((f) => f.rule === 'self-scores-missing')).toEqual([]);
  });
});

/** The Tika text of a form cut just before the row of the named indicator (a copy that lost its last page). */
function cutBefore(form: MofForm, indicator: string): string {
  const text = renderTika(form);
  const at = text.indexOf(`\t${indicator}\n`);
  const rowStart = text.lastIndexOf('\n\n', at) + 2;
  return text.slice(0, rowStart);
}

describe('a cut form', () => {
  it('is read as far as it goes, marked incomplete, and its totals are not checked as if whole', async () => {
    const r = await run(cutBefore(formById('project-road-wan'), '受益群众人数'));
    expect(r.status).toBe('ok');
    const ev = r.evaluations[0]!;
    expect(ev.complete).toBe(false);
    expect(ev.indicators.map((i) => i.level3?.name.value)).toEqual(['新改建农村公路里程', '危桥改造数量', '交工验收合格率', '按期完工率', '每公里平均建设成本', '沿线群众平均出行时间缩短']);
    expect(ev.totals.weight).toBeNull();
    // The 效益指标 group lost a leaf: its weights are not compared; the whole 产出指标 group still is.
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['extract-incomplete', 'info']]);
    expect(ev.checks!.notApplicable).toContain('rubric-total');
  });

  it('still reports what is wrong in the part that is there', async () => {
    const form = formById('project-road-wan');
    form.indicators.find((i) => i.level3 === '危桥改造数量')!.score = '12';
    const r = await run(cutBefore(form, '受益群众人数'));
    expect(r.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([
      ['rubric-score-range', '0–10', '12'],
      ['extract-incomplete', null, null],
    ]);
  });
});

describe('a Traditional-character copy', () => {
  /** Simplified → Traditional for the characters the folding knows, the way a mirror site converts a page. */
  function toTraditional(text: string): string {
    const pairs = new Map<string, string>();
    for (const ch of '項績評總萬執實級標預際資額當財撥結轉體門稱數質時經濟會態續響滿務對價優產調後權單來專戶問題負責類設綜電話決過節據縣農業護號編維運') pairs.set(foldTraditional(ch), ch);
    return [...text].map((c) => pairs.get(c) ?? c).join('');
  }

  it('is recognised and read with its values as printed', async () => {
    const text = toTraditional(renderTika(formById('project-road-wan')));
    expect(text).toContain('項目支出績效自評表');
    expect(text).toContain('萬元');
    const r = await run(text);
    expect(r.status).toBe('ok');
    const ev = r.evaluations[0]!;
    expect(ev.template).toBe('mof-project');
    expect(ev.identity.projectName?.value).toBe(toTraditional('2023年农村公路提质改造工程'));
    expect(ev.funds!.lines.map((l) => [l.source, l.label, l.budget?.value ?? null])).toEqual([
      ['total', '年度資金總額', '1435.7'],
      ['current', '其中：當年財政撥款', '1350.5'],
      ['carryover', '上年結轉資金', '85.2'],
      ['other', '其他資金', null],
    ]);
    expect(ev.indicators).toHaveLength(9);
    expect(ev.totals.score?.value).toBe('98');
    expect(ev.totals.grade?.value).toBe('優');
    expect(r.findings).toEqual([]);
  });

  it('finds the same faults', async () => {
    const form = formById('project-road-wan');
    form.grade!.value = '良';
    const r = await run(toTraditional(renderTika(form)));
    expect(r.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['grade-band', '优', '良']]);
  });
});
