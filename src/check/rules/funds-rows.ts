/** The funds grid's rows with their JSON pointers (total first, then each source). */
import type { FundsRow, Report } from '../../model/report.js';
import { pointer } from '../locate.js';

export interface PathedRow {
  row: FundsRow;
  path: string;
}

export function fundsRows(report: Report): PathedRow[] {
  const funds = report.funds;
  if (!funds) return [];
  const out: PathedRow[] = [];
  if (funds.total) out.push({ row: funds.total, path: pointer('funds', 'total') });
  funds.sources.forEach((row, i) => out.push({ row, path: pointer('funds', 'sources', i) }));
  return out;
}

const SOURCE_EN: Record<FundsRow['source'], string> = {
  total: 'total',
  central: 'central government',
  provincial: 'provincial',
  municipal: 'municipal',
  county: 'county/district',
  other: 'other',
};

/** The row's printed label ("其中：" dropped) and an English name. */
export function rowLabel(row: FundsRow): { zh: string; en: string } {
  const zh = row.label.replace(/^\s*其中[:：]\s*/u, '') || (row.source === 'total' ? '合计' : row.source);
  return { zh, en: SOURCE_EN[row.source] };
}

export const COLUMN_LABEL = {
  planned: { zh: '计划安排资金', en: 'planned funds' },
  arrived: { zh: '实际到位资金', en: 'funds arrived' },
  spent: { zh: '实际支出', en: 'spent' },
  balance: { zh: '结余', en: 'balance' },
} as const;
