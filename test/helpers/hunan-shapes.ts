/**
 * Hunan-family reports in shapes the seed does not show but other units' reports take: the unit stated
 * once for the table, expenditure breakdowns, other wordings of the funds columns, a cover written as a
 * table, repeated headers, score and grade as paragraphs. Each returns a whole Tika text dump built from
 * the seed's text, with the seed's figures (868 / 868 / 173.6 / 694.4 万元) unless it says otherwise.
 */
import { SEED_TEXT, fundsSourceRow, replaceOnce, tikaRow } from './tika.js';

const FUNDS_HEADER_ROW =
  '\t计划安排资金\n（万元）\n\t868\n\t实际到位资金\n（万元）\n\t868\n\t实际支出\n（万元）\n\t173.6\n\t结余\n（万元）\n\t694.4\n\n';
const SEED_EXPENDITURES = tikaRow(['项目支出', '173.6万元', '2020年12月34#', '']) + tikaRow(['支出合计', '173.6万元', '', '']);
const OVERVIEW_HEADING = '\t一、项 目 基 本 概 况\n';
const EXPENDITURE_HEADING = '\t二、项目支出明细情况\n';

/** The funds header row in the seed's paired layout, with the given header texts and values. */
export function fundsHeaderRow(headers: [string, string, string, string], values: [string, string, string, string]): string {
  return tikaRow(headers.flatMap((h, i) => [h, values[i]!]));
}

/** The seed's expenditure lines and 支出合计 row replaced by `rows` (content, amount, voucher, note). */
export function withExpenditures(rows: string[][], text = SEED_TEXT): string {
  return replaceOnce(text, SEED_EXPENDITURES, rows.map((r) => tikaRow(r)).join(''));
}

export type UnitPlace = 'line-above' | 'heading' | 'row';

/**
 * Every amount written in 元 without a unit of its own (headers without （万元）, cells without 元), the
 * unit stated once: on a line above the table, in the 一、项目基本概况 heading, or as a 单位：元 row.
 */
export function unitStatedOnce(place: UnitPlace, text = SEED_TEXT): string {
  let t = replaceOnce(text, FUNDS_HEADER_ROW, fundsHeaderRow(['计划安排资金', '实际到位资金', '实际支出', '结余'], ['8,680,000', '8,680,000', '1,736,000', '6,944,000']));
  t = replaceOnce(t, fundsSourceRow('市财政', ['868', '868', '173.6', '694.4']), fundsSourceRow('市财政', ['8,680,000', '8,680,000', '1,736,000', '6,944,000']));
  t = withExpenditures([['项目支出', '1,736,000', '2020年12月34#', ''], ['支出合计', '1,736,000', '', '']], t);
  if (place === 'line-above') return replaceOnce(t, OVERVIEW_HEADING, `金额单位：元\n${OVERVIEW_HEADING}`);
  if (place === 'heading') return replaceOnce(t, OVERVIEW_HEADING, '\t一、项 目 基 本 概 况（单位：元）\n');
  return replaceOnce(t, '\t计划安排资金\n', `${tikaRow(['单位：元'])}\t计划安排资金\n`);
}

/** A unit line above the table that the funds headers' own unit （万元） overrides. */
export function unitLineBesideHeaderUnits(text = SEED_TEXT): string {
  return replaceOnce(text, OVERVIEW_HEADING, `金额单位：元\n${OVERVIEW_HEADING}`);
}

/** A unit stated for part 二 only (its heading), the funds grid keeping its （万元） headers. */
export function expenditureUnitInHeading(text = SEED_TEXT): string {
  const t = withExpenditures([['项目支出', '1,736,000', '2020年12月34#', ''], ['支出合计', '1,736,000', '', '']], text);
  return replaceOnce(t, EXPENDITURE_HEADING, '\t二、项目支出明细情况（金额单位：元）\n');
}

/** 软件开发 120 itemised by two 其中 rows (70 + 50), 硬件采购 53.6; 支出合计 173.6. `design` changes the first 其中. */
export function expenditureBreakdown(design = '70万元', text = SEED_TEXT): string {
  return withExpenditures(
    [
      ['软件开发', '120万元', '2020年12月34#', ''],
      ['其中：设计', design, '', ''],
      ['其中：编码', '50万元', '', ''],
      ['硬件采购', '53.6万元', '2020年12月35#', ''],
      ['支出合计', '173.6万元', '', ''],
    ],
    text,
  );
}

/** Two lines and a 小计 row (`subtotal`) before 支出合计 173.6. */
export function expenditureSubtotal(subtotal = '173.6万元', text = SEED_TEXT): string {
  return withExpenditures(
    [
      ['软件开发', '120万元', '2020年12月34#', ''],
      ['硬件采购', '53.6万元', '2020年12月35#', ''],
      ['小计', subtotal, '', ''],
      ['支出合计', '173.6万元', '', ''],
    ],
    text,
  );
}

/** The funds grid's four column headers written another way (each followed by its （万元）), `values` on the 合计 row. */
export function fundsWording(headers: [string, string, string, string], values: [string, string, string, string] = ['868', '868', '173.6', '694.4'], text = SEED_TEXT): string {
  return replaceOnce(text, FUNDS_HEADER_ROW, fundsHeaderRow(headers.map((h) => `${h}\n（万元）`) as [string, string, string, string], values));
}

const COVER_LINES = /^项目名称：.*\n项目单位：.*\n主管部门：.*\n/mu;

/** The cover's 项目名称 / 项目单位 / 主管部门 as a table of label cells and value cells (`authority` may be empty). */
export function coverAsTable(authority = '岳阳市人民政府办公室', text = SEED_TEXT): string {
  if (!COVER_LINES.test(text)) throw new Error('seed text changed: cover lines not found');
  const table = tikaRow(['项目名称', '智慧岳阳基层公共服务（一门式）信息化管理平台项目']) + tikaRow(['项目单位', '岳阳市政务服务中心']) + tikaRow(['主管部门', authority]);
  return text.replace(COVER_LINES, `\n${table}`);
}

/** Three expenditure lines (120 + 50.5 + 3.1) with the table's header row repeated after the first, as at a page break. */
export function expenditureHeaderRepeated(text = SEED_TEXT): string {
  return withExpenditures(
    [
      ['软件开发', '120万元', '2020年12月34#', ''],
      ['支出内容', '实际支出数', '会计凭证号', '备注'],
      ['硬件采购', '50.5万元', '2020年12月35#', ''],
      ['培训', '3.1万元', '2020年12月36#', ''],
      ['支出合计', '173.6万元', '', ''],
    ],
    text,
  );
}

const HEADLINE_ROWS = tikaRow(['绩效自评综合得分', '98分']) + tikaRow(['评价等次', '优秀']);

/** 绩效自评综合得分 and 评价等次 written as one paragraph between the indicator table and 四、评价人员. */
export function headlineParagraph(statement = '绩效自评综合得分：98分      评价等次：优秀', text = SEED_TEXT): string {
  return replaceOnce(text, HEADLINE_ROWS, `${statement}\n\n`);
}

/** The headline's label cells worded another way (综合评分, 自评等级 …). */
export function headlineLabels(score: string, grade: string, text = SEED_TEXT): string {
  return replaceOnce(text, HEADLINE_ROWS, tikaRow([score, '98分']) + tikaRow([grade, '优秀']));
}

/** The scoring table without its 总分 row, the total stated in a paragraph below it. */
export function rubricTotalParagraph(statement = '总分：98分', text = SEED_TEXT): string {
  return replaceOnce(text, tikaRow(['总分', '100', '', '100', '', '100', '', '', '98']), `\n${statement}\n`);
}

/** The cover's report date written another way (二〇二一年六月八日, a blank 年 月 日). */
export function reportDateAs(date: string, text = SEED_TEXT): string {
  return replaceOnce(text, '报告日期：2021年6月8日', `报告日期：${date}`);
}

/** Expenditure rows that all begin with 其中 (no line above them to itemise): 120 + 53.6, 支出合计 `total`. */
export function expenditureAllQizhong(total = '173.6万元', text = SEED_TEXT): string {
  return withExpenditures(
    [
      ['其中：软件开发', '120万元', '2020年12月34#', ''],
      ['其中：硬件采购', '53.6万元', '2020年12月35#', ''],
      ['支出合计', total, '', ''],
    ],
    text,
  );
}

/**
 * The seed's funds grid replaced by a table of `header` and `rows` as a unit lays it out (a matrix with
 * sources down the side, or the sources across and the funds columns down), `before` on the lines above it.
 */
export function fundsTable(header: string[], rows: string[][], before = '', text = SEED_TEXT): string {
  const start = text.indexOf('\t计划安排资金\n');
  const end = text.indexOf('\t二、项目支出明细情况');
  if (start < 0 || end < start) throw new Error('seed text changed: funds grid not found');
  return text.slice(0, start) + before + tikaRow(header) + rows.map((r) => tikaRow(r)).join('') + text.slice(end);
}
