/** Labels of the 湖南 project self-evaluation template (附件2-2 report, 附件3-2 scoring table). */
import { label } from '../../parse/locate.js';

export const COVER = {
  evaluationType: ['评价类型'],
  projectName: ['项目名称'],
  projectUnit: ['项目单位'],
  authority: ['主管部门'],
  evaluationMethod: ['评价方式'],
  evaluationAgency: ['评价机构'],
  reportDate: ['报告日期'],
};

export const OVERVIEW = {
  projectLead: label(['项目负责人']),
  phone: label(['联系电话']),
  address: label(['项目地址']),
  postcode: label(['邮编', '邮政编码']),
  period: label(['项目起止时间', '项目实施时间', '项目起止日期']),
};

const PLANNED = ['计划安排资金', '计划安排', '计划安排数', '计划资金', '预算安排资金', '预算安排', '预算资金', '年初预算数'];

/** The funds grid's columns, with the wordings units' reports use for each. */
export const FUNDS_COLUMNS = {
  planned: label(PLANNED),
  arrived: label(['实际到位资金', '实际到位', '实际到位数', '到位资金', '到位数', '资金到位数', '资金到位', '已到位资金', '实际到位金额']),
  spent: label(['实际支出', '实际支出资金', '实际支出数', '实际支出金额', '已支出资金', '已支出', '支出资金', '支出数', '已使用资金', '实际使用资金']),
  balance: label(['结余', '结余资金', '结余数', '结余金额', '结转结余', '结转结余资金', '资金结余']),
} as const;

/**
 * A funds grid's budget column may also be headed 预算数 (预算数 | 到位数 | 支出数 | 结余数). The word is
 * Hubei's and the MoF forms' too, so it counts only as a header beside other funds columns, never as a
 * landmark of this template.
 */
export const PLANNED_BESIDE_OTHERS = label([...PLANNED, '预算数', '预算金额']);

export const EXPENDITURE = {
  header: label(['支出内容', '支出项目']),
  amount: label(['实际支出数', '实际支出', '支出金额', '金额']),
  voucher: label(['会计凭证号', '凭证号']),
  note: label(['备注']),
  total: label(['支出合计', '合计', '总计']),
  /** 其中：土建 — part of the line above, not a line of its own. */
  breakdown: label([], ['其中']),
  subtotal: label(['小计', '支出小计'], ['小计']),
};

export const GOALS = {
  header: label([], ['项目绩效定性目标']),
  expected: label(['预期目标']),
  actual: label(['实际完成', '实际完成情况']),
};

export const INDICATORS = {
  level1: label(['一级指标']),
  level2: label(['二级指标']),
  content: label(['指标内容', '三级指标']),
  target: label(['指标值', '目标值', '指标目标值']),
  actual: label(['实际完成值', '实际值', '完成值']),
};

export const HEADLINE_LABELS = {
  score: ['绩效自评综合得分', '自评综合得分', '综合得分', '绩效自评综合评分', '自评综合评分', '综合评分', '绩效自评得分'],
  grade: ['评价等次', '评价等级', '自评等次', '自评等级', '绩效等级', '绩效等次', '绩效评价等级', '绩效评价等次'],
};

export const HEADLINE = {
  score: label(HEADLINE_LABELS.score),
  grade: label(HEADLINE_LABELS.grade),
};

/** A scoring table's total stated in a paragraph below it (总分：92分). */
export const RUBRIC_TOTAL_LABELS = ['总分', '自评总分', '总得分', '合计得分', '自评得分合计'];

export const EVALUATORS = {
  name: label(['姓名']),
  title: label(['职称/职务', '职务/职称', '职称', '职务']),
  unit: label(['单位', '工作单位']),
};

export const NARRATIVE_START = label([], ['五、评价报告综述', '评价报告综述']);
/** "三、项目绩效自评情况": a numbered part of the report. */
export const PART_HEADING = /^\s*[一二三四五六七八九十]+\s*[、.．]/u;
/** Labels of later parts: a table without its closing row (支出合计 …) must not run into them. */
export const isOtherPartLabel = (key: string): boolean => HEADLINE.score(key) || HEADLINE.grade(key) || key.startsWith('项目绩效') || key === '姓名';
/** "（六）主要经验及做法…": a numbered section of the narrative. */
export const SECTION_HEADING = /^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.*)$/u;
export const APPENDIX = /^\s*附\s*件\s*\d/u;
