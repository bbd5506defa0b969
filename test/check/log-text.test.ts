import { beforeAll, describe, expect, it } from 'vitest';
import { describeLocation, describePath } from '../../src/check/describe.js';
import { textLogForDocument, textLogSummary } from '../../src/output/log-text.js';
import type { DocumentResult } from '../../src/process.js';
import { FAULTS, processText, SEED } from '../helpers/faults.js';

let seed: DocumentResult;
let faulty: DocumentResult;
beforeAll(async () => {
  seed = await processText(SEED, 'fixtures/seed.txt');
  faulty = await processText(FAULTS['rubric-total'].text(), 'fixtures/faulty.txt');
});
const log = (r: DocumentResult, lang: 'zh' | 'en' = 'zh') => textLogForDocument({ file: r.file, status: r.status, error: r.error, evaluations: r.evaluations, findings: r.findings }, lang);

describe('human labels for pointers', () => {
  it('scoring-table cells by their indicator names', () => {
    expect(describeLocation({ path: '/indicators/4/score', table: 5, row: 5, col: 8, text: '3' }, seed.evaluations[0]!, 'zh')).toBe(
      '评分表 › 项目决策 › 资金分配 › 分配结果 › 自评得分（表6 第6行 第9列） “3”',
    );
    expect(describePath('/indicators/4/level2/weight', seed.evaluations[0]!, 'zh')).toEqual(['评分表', '项目决策', '资金分配', '分值']);
    expect(describePath('/totals/score', seed.evaluations[0]!, 'en')).toEqual(['scoring table', 'total', 'self-score']);
  });
  it('narrative by section, line and sentence', () => {
    expect(describeLocation({ path: '/narrative/5/paragraphs/0', line: 326, excerpt: '新点公司于2020年9月31日初步完成。' }, seed.evaluations[0]!, 'zh')).toBe(
      '五、评价报告综述 › （六）主要经验及做法、存在问题和建议 第326行：“新点公司于2020年9月31日初步完成。”',
    );
  });
  it('funds, expenditures, indicators, cover', () => {
    expect(describePath('/funds/lines/3/balance', seed.evaluations[0]!, 'zh')).toEqual(['一、项目基本概况', '资金情况', '市财政', '结余']);
    expect(describePath('/funds/lines/0/executed', seed.evaluations[0]!, 'en')).toEqual(['I. Project overview', 'funds', 'total', 'spent']);
    expect(describePath('/hunan/expenditures/lines/0/amount', seed.evaluations[0]!, 'zh')).toEqual(['二、项目支出明细情况', '项目支出', '实际支出数']);
    expect(describePath('/hunan/indicators/6/target', seed.evaluations[0]!, 'zh')).toEqual(['三、项目绩效自评情况', '定量指标', '生态效益指标', '指标（目标）值']);
    expect(describeLocation({ path: '/identity/authority', block: 5, line: 12 }, seed.evaluations[0]!, 'zh')).toBe('封面 › 主管部门 第12行');
    expect(describePath('', null, 'zh')).toEqual(['整份文件']);
  });
});

describe('discrepancies.txt', () => {
  it('the seed: a summary line, then errors, warnings, info, each with where to look', () => {
    const text = log(seed);
    const lines = text.split('\n');
    expect(lines[0]).toBe('== fixtures/seed.txt — 智慧岳阳基层公共服务（一门式）信息化管理平台项目');
    expect(lines[1]).toBe('   错误 1，警告 4，提示 1');
    const order = lines.filter((l) => l.startsWith('  [')).map((l) => l.slice(3, 5));
    expect(order).toEqual(['错误', '警告', '警告', '警告', '警告', '提示']);
    expect(lines[2]).toBe('  [错误] 日期“2020年9月31日”不存在  (date-invalid)');
    expect(lines[3]).toBe('      应为：2020-09-01..2020-09-30    实为：2020年9月31日');
    expect(lines[4]).toMatch(/^ {6}位置：五、评价报告综述 › （六）主要经验及做法、存在问题和建议 第326行：“项目于2020年8月/u);
    expect(text).toContain('      位置：评分表 › 项目绩效 › 项目效果 › 环境效益 › 自评得分（表6 第22行 第9列） “8”\n');
    expect(text).toContain('      相关：三、项目绩效自评情况 › 定量指标 › 生态效益指标 › 指标（目标）值（表1 第31行 第5列）\n');
    expect(text).toContain('      位置：一、项目基本概况 › 资金情况 › 合计 › 实际支出（表1 第5行 第6列） “173.6”\n');
    expect(text.endsWith('\n\n')).toBe(true);
  });
  it('long related lists are shortened', () => {
    const text = log(faulty);
    expect(text).toContain('  [错误] 评分表总分98与各项自评得分之和97不一致  (rubric-total)\n      应为：97    实为：98\n      位置：评分表 › 总分 › 自评得分（表6 第25行 第9列） “98”\n');
    expect(text).toContain('      相关：……另有17处\n');
  });
  it('English', () => {
    const text = log(seed, 'en');
    expect(text.split('\n')[1]).toBe('   1 error, 4 warnings, 1 info');
    expect(text).toContain('      where: scoring table › 项目绩效 › 项目效果 › 环境效益 › self-score (table 6, row 22, col 9) “8”\n');
  });
  it('failed files and clean files', () => {
    expect(textLogForDocument({ file: 'x.doc', status: 'failed', error: '旧版 .doc 文件需要 LibreOffice', evaluations: [], findings: [] }, 'zh')).toBe('== x.doc\n   处理失败：旧版 .doc 文件需要 LibreOffice\n\n');
    expect(textLogForDocument({ file: 'ok.txt', status: 'ok', error: null, evaluations: [], findings: [] }, 'en')).toBe('== ok.txt\n   no findings\n\n');
  });
  it('a one-line run summary', () => {
    const totals = { files: 3, ok: 2, failed: 1, error: 1, warning: 4, info: 1 };
    expect(textLogSummary(totals, 'zh')).toBe('== 全部：3 个文件（成功 2，失败 1）；错误 1，警告 4，提示 1\n');
    expect(textLogSummary(totals, 'en')).toBe('== run: 3 files (2 ok, 1 failed); 1 error, 4 warnings, 1 info\n');
  });
});
