/**
 * Variants of the seed report built from its text, for robustness tests: layout noise the template must
 * survive, and the shapes other reports of the same template take. Each returns a whole Tika text dump.
 */
import { SEED_TEXT, fundsSourceRow, replaceAll, replaceOnce, tikaRow } from './tika.js';

const FULL_WIDTH_DIGITS = (s: string) => s.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

export function spacedLabels(text = SEED_TEXT): string {
  let t = text;
  t = replaceOnce(t, '项目名称：', '项 目 名 称：');
  t = replaceOnce(t, '项目单位：', '项  目  单  位：');
  t = replaceOnce(t, '报告日期：', '报 告 日 期 ：');
  t = replaceOnce(t, '\t项目负责人\n', '\t项 目 负 责 人\n');
  t = replaceOnce(t, '\t项目起止时间\n', '\t项目起止\n时间\n');
  t = replaceOnce(t, '\t计划安排资金\n（万元）', '\t计 划 安 排 资 金\n（万元）');
  t = replaceOnce(t, '\t绩效自评综合得分\n', '\t绩效自评\n综合得分\n');
  t = replaceOnce(t, '\t评价等次\n', '\t评 价 等 次\n');
  t = replaceOnce(t, '\t支出合计\n', '\t支 出 合 计\n');
  t = replaceAll(t, '\t具体指标\n', '\t具 体 指 标\n');
  return t;
}

export function fullWidth(text = SEED_TEXT): string {
  let t = text;
  t = replaceOnce(t, '报告日期：2021年6月8日', `报告日期:${FULL_WIDTH_DIGITS('2021')}年${FULL_WIDTH_DIGITS('6')}月${FULL_WIDTH_DIGITS('8')}日`);
  t = replaceOnce(t, '项目名称：', '项目名称:');
  t = replaceOnce(t, '\t计划安排资金\n（万元）\n\t868\n', `\t计划安排资金\n(万元)\n\t${FULL_WIDTH_DIGITS('868')}\n`);
  t = replaceOnce(t, '\t实际支出\n（万元）\n\t173.6\n', `\t实际支出\n(万元)\n\t${FULL_WIDTH_DIGITS('173')}．${FULL_WIDTH_DIGITS('6')}\n`);
  t = replaceOnce(t, '\t绩效自评综合得分\n\t98分\n', `\t绩效自评综合得分\n\t${FULL_WIDTH_DIGITS('98')}分\n`);
  return t;
}

export function crlf(text = SEED_TEXT): string {
  return text.replace(/\r?\n/gu, '\r\n');
}

const RUBRIC_HEADER = tikaRow(['一级\n指标', '分值', '二级\n指标', '分值', '三级\n指标', '分值', '具体指标', '评价标准', '自评\n得分']);

/** The scoring table over three pages: a second repeated header and a repeated first-level label. */
export function rubricThreePages(text = SEED_TEXT): string {
  const effects = '\t\n\t\n\t项目效果\n\t40\n\t经济\n效益\n';
  return replaceOnce(text, effects, `${RUBRIC_HEADER}\t项目绩效\n\t55\n\t项目效果\n\t40\n\t经济\n效益\n`);
}

/** Units inside cells: 万元 and 元 with thousands separators. */
export function unitsInCells(text = SEED_TEXT): string {
  let t = text;
  t = replaceOnce(t, '（万元）\n\t868\n\t实际到位资金', '（万元）\n\t868万元\n\t实际到位资金');
  t = replaceOnce(t, '\t实际支出\n（万元）\n\t173.6\n', '\t实际支出\n（万元）\n\t1,736,000元\n');
  t = replaceOnce(t, '\t项目支出\n\t173.6万元\n', '\t项目支出\n\t1736000元\n');
  t = replaceOnce(t, '\t结余\n（万元）\n\t694.4\n', '\t结余\n（万元）\n\t0.06944亿元\n');
  return t;
}

/** Empty cells written as —, / and 无: unknown, not zero. */
export function emptyMarkers(text = SEED_TEXT): string {
  let t = text;
  t = replaceOnce(t, fundsSourceRow('其中：中央财政', ['', '', '', '']), fundsSourceRow('其中：中央财政', ['—', '—', '—', '—']));
  t = replaceOnce(t, fundsSourceRow('省财政', ['', '', '', '']), fundsSourceRow('省财政', ['/', '/', '/', '/']));
  t = replaceOnce(t, fundsSourceRow('其它', ['', '', '', '']), fundsSourceRow('其它', ['无', '无', '无', '无']));
  t = replaceOnce(t, '\t2020年12月34#\n', '\t—\n');
  return t;
}

/** Province and city both fund the project; totals unchanged. */
export function twoSources(text = SEED_TEXT): string {
  let t = replaceOnce(text, fundsSourceRow('省财政', ['', '', '', '']), fundsSourceRow('省财政', ['100', '100', '20', '80']));
  t = replaceOnce(t, fundsSourceRow('市财政', ['868', '868', '173.6', '694.4']), fundsSourceRow('市财政', ['768', '768', '153.6', '614.4']));
  t = replaceOnce(t, fundsSourceRow('其它', ['', '', '', '']), fundsSourceRow('其它', ['0', '0', '0', '0']));
  return t;
}

/** Three expenditure lines instead of one. */
export function severalExpenditures(text = SEED_TEXT): string {
  return replaceOnce(
    text,
    tikaRow(['项目支出', '173.6万元', '2020年12月34#', '']),
    tikaRow(['软件开发', '120万元', '2020年12月34#', '']) + tikaRow(['硬件采购', '50.5万元', '2020年12月35#', '首付款']) + tikaRow(['培训', '3.1万元', '2020年12月36#', '']),
  );
}

/** A second indicator under 数量指标 (the seed leaves that row empty). */
export function twoIndicatorsOneCategory(text = SEED_TEXT): string {
  const quantity = tikaRow(['', '项目产出指标', '数量指标', '四端覆盖', '四端覆盖', '四端覆盖']);
  return replaceOnce(text, quantity + tikaRow(['', '', '', '', '', '']), quantity + tikaRow(['', '', '', '培训基层人员', '≥500人次', '620人次']));
}

export interface RubricSpec {
  level1: string;
  weight1: string;
  groups: { level2: string; weight2: string; items: { level3: string; weight3: string; score: string }[] }[];
}

/** A unit's own scoring table in place of the seed's, built from a spec; `claimed` is the 总分 row. */
export function customRubric(spec: RubricSpec[], claimed: string, text = SEED_TEXT): string {
  let table = RUBRIC_HEADER;
  for (const l1 of spec) {
    l1.groups.forEach((g, gi) =>
      g.items.forEach((item, ii) => {
        const first1 = gi === 0 && ii === 0;
        const first2 = ii === 0;
        table += tikaRow([
          first1 ? l1.level1 : '',
          first1 ? l1.weight1 : '',
          first2 ? g.level2 : '',
          first2 ? g.weight2 : '',
          item.level3,
          item.weight3,
          `${item.level3}的具体指标`,
          `${item.level3}的评价标准`,
          item.score,
        ]);
      }),
    );
  }
  const total = spec.reduce((s, l) => s + Number(l.weight1), 0);
  table += tikaRow(['总分', String(total), '', String(total), '', String(total), '', '', claimed]);
  const start = text.indexOf('\t一级\n指标\n');
  const end = text.indexOf('\n\n\n\n备注');
  return `${text.slice(0, start)}${table}${text.slice(end + 2)}`;
}

/** The funds grid as a plain matrix: headers across, one row per source, a 合计 row first. */
export function fundsMatrix(text = SEED_TEXT): string {
  const start = text.indexOf('\t计划安排资金\n');
  const end = text.indexOf('\t二、项目支出明细情况');
  const matrix =
    tikaRow(['资金来源', '计划安排资金（万元）', '实际到位资金（万元）', '实际支出（万元）', '结余（万元）']) +
    tikaRow(['合计', '868', '868', '173.6', '694.4']) +
    tikaRow(['其中：中央财政', '300', '300', '60', '240']) +
    tikaRow(['市财政', '568', '568', '113.6', '454.4']) +
    tikaRow(['其他', '—', '—', '—', '—']);
  return text.slice(0, start) + matrix + text.slice(end);
}
