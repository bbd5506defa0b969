/** The seed, end to end: exactly what an auditor finds by hand, nothing else. */
import { beforeAll, describe, expect, it } from 'vitest';
import { processDocument, type DocumentResult } from '../../src/process.js';
import { SEED_FILE } from '../helpers/faults.js';

let zh: DocumentResult;
let en: DocumentResult;
beforeAll(async () => {
  zh = await processDocument(SEED_FILE);
  en = await processDocument(SEED_FILE, { lang: 'en' });
});

describe('the seed', () => {
  it('yields exactly the auditor’s findings', () => {
    expect(zh.status).toBe('ok');
    // Worst first; within a severity, in catalogue order.
    expect(zh.findings.map((f) => [f.rule, f.severity, f.location.path, f.expected, f.actual])).toEqual([
      ['date-invalid', 'error', '/narrative/5/paragraphs/0', '2020-09-01..2020-09-30', '2020年9月31日'],
      ['score-without-evidence', 'warning', '/indicators/19/score', null, '8'],
      ['score-without-evidence', 'warning', '/indicators/20/score', null, '8'],
      ['score-without-evidence', 'warning', '/indicators/21/score', null, '8'],
      ['field-missing', 'warning', '/identity/authority', null, null],
      ['funds-execution-rate', 'info', '/funds/lines/0/executed', '≥60%', '20%'],
    ]);
  });

  it('names the three effect items without evidence', () => {
    expect(zh.findings.filter((f) => f.rule === 'score-without-evidence').map((f) => f.message)).toEqual([
      '评分表“环境效益”自评8分，但绩效指标中的“生态效益指标”没有指标值和实际完成值',
      '评分表“可持续影响”自评8分，但绩效指标中没有可持续影响指标',
      '评分表“服务对象满意度”自评8分，但绩效指标中的“服务对象满意度指标”没有指标值和实际完成值',
    ]);
  });

  it('locates the impossible date by line and sentence', () => {
    const f = zh.findings.find((x) => x.rule === 'date-invalid')!;
    expect(f.location).toEqual({
      path: '/narrative/5/paragraphs/0',
      block: 257,
      line: 326,
      text: '2020年9月31日',
      excerpt: '项目于2020年8月正式动工建设，新点公司于2020年9月31日初步完成项目所有系统软件的设计、开发、测试、部署等工作。',
    });
    expect(f.message).toBe('日期“2020年9月31日”不存在');
  });

  it('execution 173.6/868 = 20%', () => {
    const f = zh.findings.find((x) => x.rule === 'funds-execution-rate')!;
    expect(f.message).toBe('资金执行率20%（实际支出173.6万元/实际到位868万元），低于60%');
    expect(f.related).toEqual([{ path: '/funds/lines/0/arrived', table: 0, row: 4, col: 3, line: 45, text: '868' }]);
  });

  it('the scoring table adds up: 18 + 25 + 55 = 98 = 总分 = headline', () => {
    expect(zh.evaluations).toHaveLength(1);
    const items = zh.evaluations[0]!.indicators;
    expect(items).toHaveLength(22);
    const byL1 = new Map<string, number>();
    for (const it of items) byL1.set(it.level1!.name.value!, (byL1.get(it.level1!.name.value!) ?? 0) + Number(it.score!.value));
    expect([...byL1.entries()]).toEqual([
      ['项目决策', 18],
      ['项目管理', 25],
      ['项目绩效', 55],
    ]);
    for (const rule of ['rubric-total', 'headline-score', 'rubric-weight-sum', 'grade-band']) expect(zh.findings.filter((f) => f.rule === rule)).toEqual([]);
  });

  it('messages in English', () => {
    expect(en.findings.map((f) => f.message)).toEqual([
      'the date “2020年9月31日” does not exist',
      'scoring item “环境效益” scores 8, but the indicator “生态效益指标” has no target and no actual value',
      'scoring item “可持续影响” scores 8, but there is no sustainability indicator row among the indicators',
      'scoring item “服务对象满意度” scores 8, but the indicator “服务对象满意度指标” has no target and no actual value',
      'supervising department is missing',
      'execution rate 20% (spent 173.6 / arrived 868, 10k yuan) is below 60%',
    ]);
  });
});
