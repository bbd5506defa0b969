/**
 * Short rule names for people (chips in the audit view, the workbook's findings sheet): the catalogue's
 * descriptions are whole sentences, too long for a column or a chip. An id not listed shows as itself.
 */
import type { Lang } from '../model/errors.js';

const NAMES: Record<string, { zh: string; en: string }> = {
  'funds-balance': { zh: '结余核对', en: 'Balance' },
  'funds-source-sum': { zh: '资金来源合计', en: 'Funds sources sum' },
  'funds-overrun': { zh: '超支/超拨', en: 'Funds overrun' },
  'funds-detail-sum': { zh: '支出明细合计', en: 'Expenditure detail sum' },
  'funds-detail-total': { zh: '支出合计与实际支出', en: 'Expenditure total vs spent' },
  'funds-execution-rate': { zh: '资金执行率偏低', en: 'Low execution rate' },
  'rubric-weight-sum': { zh: '分值合计', en: 'Weights sum' },
  'rubric-score-range': { zh: '得分超出分值', en: 'Score out of range' },
  'rubric-total': { zh: '总分合计', en: 'Rubric total' },
  'rubric-criteria-sum': { zh: '评分要点合计', en: 'Criteria points sum' },
  'rubric-formula': { zh: '计分公式', en: 'Scoring formula' },
  'headline-score': { zh: '综合得分与总分', en: 'Headline score' },
  'grade-band': { zh: '评价等次', en: 'Grade band' },
  'score-without-evidence': { zh: '得分无佐证', en: 'Score without evidence' },
  'narrative-contradiction': { zh: '文字与评分矛盾', en: 'Narrative contradiction' },
  'narrative-percent': { zh: '文字百分比', en: 'Narrative percentage' },
  'narrative-amount': { zh: '文字金额', en: 'Narrative amount' },
  'cost-overrun': { zh: '成本超标', en: 'Cost overrun' },
  'indicator-shortfall': { zh: '指标未达标', en: 'Indicator shortfall' },
  'indicator-score': { zh: '指标计分', en: 'Indicator score' },
  'indicator-unit': { zh: '计量单位不一致', en: 'Indicator unit' },
  'indicator-overshoot': { zh: '指标大幅超额', en: 'Indicator overshoot' },
  'execution-rate': { zh: '执行率计算', en: 'Execution rate' },
  'execution-score': { zh: '执行率得分', en: 'Execution score' },
  'deviation-reason-missing': { zh: '缺偏差原因', en: 'Deviation reason missing' },
  'date-invalid': { zh: '日期无效', en: 'Invalid date' },
  'date-order': { zh: '日期先后', en: 'Date order' },
  'field-missing': { zh: '必填项缺失', en: 'Missing field' },
  'extract-mammoth': { zh: '转换提示', en: 'Conversion note' },
  'extract-incomplete': { zh: '表格残缺', en: 'Form cut short' },
  'extract-unread-form': { zh: '未读取的后续表', en: 'Form not read' },
  'extract-merge': { zh: '合并单元格', en: 'Merged cells' },
  'extract-symbol': { zh: '符号字符', en: 'Symbol character' },
  'extract-xlsx-hidden-sheet': { zh: '隐藏工作表', en: 'Hidden sheet' },
  'extract-xlsx-hidden-cells': { zh: '隐藏行列', en: 'Hidden rows or columns' },
  'extract-xlsx-formula-uncached': { zh: '公式无结果', en: 'Formula without result' },
  'extract-xlsx-number-format': { zh: '数字格式无法显示', en: 'Number format not rendered' },
  'extract-grid-mismatch': { zh: '表格结构不符', en: 'Grid mismatch' },
  'extract-unreadable': { zh: '无法读取的值', en: 'Unreadable value' },
  'extract-funds-columns': { zh: '资金表列对不上', en: 'Funds columns unclear' },
  'extract-funds-rows': { zh: '资金来源行无法确定', en: 'Funds rows unclear' },
  'check-failed': { zh: '核查出错', en: 'Check failed' },
};

export function ruleName(id: string, lang: Lang): string {
  return NAMES[id]?.[lang] ?? id;
}

/** Every named rule id, for tests that compare against the catalogue. */
export const NAMED_RULES: readonly string[] = Object.keys(NAMES);
