/**
 * Hubei's 财政项目绩效自评表: 预算执行情况(万元)(20分) with 预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率),
 * 年度绩效目标(80分) with 年初目标值(A) | 实际完成值(B) (the 分值 column may be absent), and 自评总分. Read by the
 * MoF family's reader.
 */
import { labelKey } from '../../model/normalize.js';
import { cellKey } from '../../parse/locate.js';
import { mofFamilyTemplate } from '../mof/index.js';
import { titleOf } from '../mof/form.js';

const TITLE = /财政项目绩效自评表/u;

export const hubeiProject = mofFamilyTemplate('hubei-project', 'project', (grid, table) => {
  const title = titleOf(grid, table).title;
  if (title && TITLE.test(labelKey(title.raw)) && !/部门预算/u.test(labelKey(title.raw))) return true;
  return table.cells.some((c) => cellKey(c) === '年初目标值' || cellKey(c) === '年度财政资金总额');
});
