/**
 * Labels of the MoF 绩效自评表 family (财预〔2020〕10号 项目支出 and 部门整体 forms). Matched on label keys
 * (width-folded, without blanks, colons or bracketed units), so "项目资金（万元）" is 项目资金.
 */
import { label } from '../../parse/locate.js';

export const TITLE = {
  project: /项目支出绩效自评表/u,
  /** 部门整体支出绩效自评表, and the shorter 部门整体绩效自评表 many provinces print. */
  department: /部门整体[^表]{0,6}自评表/u,
  /** Any form title of the family and its variants (财政项目绩效自评表, 绩效目标自评表 …). */
  any: /自评表/u,
};

export const IDENTITY = {
  projectName: label(['项目名称']),
  authority: label(['主管部门', '主管部门及代码']),
  unit: label(['实施单位', '项目实施单位']),
  department: label(['部门', '部门名称', '部门单位名称', '单位名称', '部门单位', '预算部门', '部门(单位)名称']),
};

/** The funds block: its row label column header and the columns by meaning. */
export const FUNDS = {
  block: label(['项目资金', '预算资金', '资金情况', '年度预算数', '预算执行情况']),
  initialBudget: label(['年初预算数', '年初预算']),
  budget: label(['全年预算数', '调整后预算数', '预算数', '全年预算数A', '预算数A']),
  executed: label(['全年执行数', '执行数', '预算执行数', '全年执行数B', '执行数B']),
  weight: label(['分值', '权重']),
  rate: label(['执行率', '预算执行率', '执行率B/A']),
  score: label(['得分', '自评得分', '实际得分']),
};

/** Funds rows by their label: the total, then the sources it breaks down into. */
export const FUNDS_ROWS = {
  total: label(['年度资金总额', '总额', '年度财政资金总额', '资金总额', '合计']),
  current: label(['当年财政拨款', '本年财政拨款', '财政拨款', '财政资金', '其中当年财政拨款', '其中本年财政拨款', '其中财政拨款', '其中财政资金']),
  carryover: label(['上年结转资金', '上年结转', '其中上年结转资金']),
  other: label(['其他资金', '其中其他资金']),
};

export const GOALS = {
  block: label(['年度总体目标', '年度目标']),
  expected: label(['预期目标', '年初设定目标', '项目年度目标']),
  actual: label(['实际完成情况', '年度总体目标完成情况综述', '年度目标完成情况']),
};

/** Indicator block columns by meaning. */
export const INDICATORS = {
  block: label(['绩效指标', '年度绩效目标', '绩效目标']),
  level1: label(['一级指标']),
  level2: label(['二级指标']),
  level3: label(['三级指标']),
  target: label(['年度指标值', '指标值', '年初目标值', '目标值']),
  nature: label(['指标性质']),
  unit: label(['度量单位', '计量单位']),
  actual: label(['实际完成值', '完成值', '全年实际值', '实际值']),
  weight: label(['分值', '权重']),
  score: label(['得分', '自评得分', '实际得分']),
  reason: label([], ['偏差原因', '未完成原因', '原因分析']),
};

export const TOTAL = label(['总分', '自评总分', '自评得分', '总得分', '合计', '总计']);
/** A total row that states only the score (自评总分 95), not a weight and a score. */
export const TOTAL_SCORE = label(['自评总分', '自评得分', '总得分']);
export const GRADE = label(['自评等级', '评价等级', '等级', '自评等次', '评价等次', '等次']);
/** Rows that state the grade when they print one (绩效等级 | 优, 自评结果 | 良), and may as well hold a sentence. */
export const GRADE_RESULT = label(['绩效等级', '绩效评价等级', '自评结果', '评价结果', '自评结论', '评价结论']);
