/**
 * Anhui's 绩效目标自评表 (衔接资金 and many county project forms): 资金情况(万元) without 年初预算数, 分值 before
 * 年度指标值, 全年实际值, group weights in the 一级 labels (产出指标(50分)), unweighted 其中 sub-rows. Read by
 * the MoF family's reader.
 */
import { labelKey } from '../../model/normalize.js';
import { cellKey } from '../../parse/locate.js';
import { mofFamilyTemplate } from '../mof/index.js';
import { titleOf } from '../mof/form.js';

const TITLE = /^(?:\d{4}年度?)?绩效目标自评表/u;

export const anhuiProject = mofFamilyTemplate('anhui-project', 'project', (grid, table) => {
  const title = titleOf(grid, table).title;
  if (title && TITLE.test(labelKey(title.raw))) return true;
  return table.cells.some((c) => cellKey(c) === '全年实际值');
});
