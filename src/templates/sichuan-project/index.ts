/**
 * Sichuan's 部门预算项目支出绩效自评表 (报表编号 510000_0013zp): 预算执行情况(10分) with 年初预算 / 调整后预算数 /
 * 预算执行数 / 预算执行率 / 权重 / 得分, 绩效指标(90分) over 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分, and a
 * 合计 row with the weight total, then the score total. Read by the MoF family's reader.
 */
import { labelKey } from '../../model/normalize.js';
import { cellKey } from '../../parse/locate.js';
import { mofFamilyTemplate } from '../mof/index.js';
import { titleOf } from '../mof/form.js';

const TITLE = /部门预算项目支出绩效自评表/u;
const FORM_NUMBER = /510000_?0013zp/iu;
/** Labels only this form's table prints together (the MoF form says 全年预算数 and 分值, and has no such block). */
const OWN_LABELS = ['预算执行情况', '调整后预算数', '权重'];

export const sichuanProject = mofFamilyTemplate('sichuan-project', 'project', (grid, table) => {
  const { title, start } = titleOf(grid, table);
  if (title && TITLE.test(labelKey(title.raw))) return true;
  // The form number printed just above the title.
  const first = grid.blocks.findIndex((b) => b.index === start);
  if (grid.blocks.slice(Math.max(0, first - 3), first + 1).some((b) => !b.cell && FORM_NUMBER.test(b.text.replace(/\s+/gu, '')))) return true;
  // A form printed without its title and number (the next of several under one heading): its own labels.
  const keys = new Set(table.cells.map(cellKey));
  return OWN_LABELS.every((k) => keys.has(k));
});
