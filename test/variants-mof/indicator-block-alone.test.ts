/**
 * An MoF form's indicator block without a readable funds part (a Tika copy that flattened the funds
 * rows onto one line, mof-family §7.10; a copy cut above the indicators, §7.13) is not a scoring rubric:
 * read as one, its 总分 100 and claimed total included the budget-execution item printed above it, so
 * rubric-weight-sum (90 against 100) and rubric-total (89 against 98) were false errors.
 */
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/process.js';
import { formById } from '../helpers/mof/catalogue.js';
import { renderTika } from '../helpers/mof/tika.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The Tika text of a form with its funds block (项目资金 … up to 年度总体目标) run together on one line. */
function fundsOnOneLine(text: string): string {
  const from = text.indexOf('\t项目资金');
  const to = text.indexOf('\t年度\n');
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  const flat = text
    .slice(from, to)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
  return `${text.slice(0, from)}${flat}\n\n${text.slice(to)}`;
}

describe('an MoF indicator block on its own', () => {
  it('is not read as a scoring rubric with false weight and total errors', async () => {
    const text = renderTika(formById('project-road-wan'));
    const whole = await processDocument({ bytes: utf8(text), file: 'a.txt' });
    expect(whole.evaluations.map((e) => e.template)).toEqual(['mof-project']);
    const flattened = await processDocument({ bytes: utf8(fundsOnOneLine(text)), file: 'a.txt' });
    expect(flattened.evaluations.map((e) => e.template)).not.toContain('scoring-rubric');
    expect(flattened.findings.filter((f) => f.rule === 'rubric-weight-sum' || f.rule === 'rubric-total')).toEqual([]);
  });

  it('still reads a scoring table with 评价标准 whose header also names a 指标值 column', async () => {
    const rubric = [
      '项目绩效自评评分表',
      '',
      '\t一级指标\n\t分值\n\t二级指标\n\t分值\n\t三级指标\n\t分值\n\t指标值\n\t评价标准\n\t自评得分\n',
      '\t决策\n\t40\n\t项目立项\n\t40\n\t立项依据充分性\n\t40\n\t充分\n\t依据充分得40分\n\t40\n',
      '\t产出\n\t60\n\t产出数量\n\t60\n\t完成率\n\t60\n\t100%\n\t完成率×60\n\t55\n',
      '\t总分\n\t100\n\t\n\t\n\t\n\t\n\t\n\t\n\t95\n',
    ].join('\n');
    const result = await processDocument({ bytes: utf8(rubric), file: 'r.txt' });
    expect(result.evaluations.map((e) => e.template)).toEqual(['scoring-rubric']);
    expect(result.evaluations[0]!.totals?.score?.value).toBe('95');
  });
});
