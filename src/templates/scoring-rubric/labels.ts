/** Labels of 决策/过程/产出/效益 scoring tables (the Hunan 附件3-2 table is one). */
import { label } from '../../parse/locate.js';

export const RUBRIC = {
  level1: label(['一级指标', '一级']),
  level2: label(['二级指标', '二级']),
  level3: label(['三级指标', '三级']),
  weight: label(['分值', '权重', '分数']),
  indicator: label(['具体指标', '指标解释', '指标说明']),
  criteria: label(['评价标准', '评分标准']),
  score: label(['自评得分', '得分', '自评分']),
  total: label(['总分', '合计', '总计']),
  subtotal: label(['小计']),
};

/** A total stated above or below the table: "自评得分：92分", "综合得分 92". */
export const STATED_SCORE = ['自评得分', '自评总分', '综合得分', '评价得分', '总得分'];

/**
 * Target and actual columns of an MoF-family indicator block (年度指标值 | 实际完成值, Sichuan's 指标性质 |
 * 指标值 | 度量单位 | 完成值): a table with them and without a rubric's 具体指标 or 评价标准 is the indicator
 * part of an MoF form, never a scoring rubric of its own.
 */
export const MOF_TARGET_OR_ACTUAL = label(['年度指标值', '实际完成值', '年初目标值', '全年实际值', '指标性质', '度量单位', '完成值']);
