/**
 * Where the values the generator varies sit in the seed: cell indices found by their labels, so that a
 * change to the seed fails loudly here instead of silently producing a corpus of unedited copies.
 */

export const SOURCE_LABELS = {
  central: '其中：中央财政',
  province: '省财政',
  city: '市财政',
  county: '县市区财政',
  other: '其它',
} as const;
export type SourceKey = keyof typeof SOURCE_LABELS;
export const SOURCE_KEYS = Object.keys(SOURCE_LABELS) as SourceKey[];

/** Four cells: planned, arrived, spent, balance. */
export type FundsCells = [number, number, number, number];

export interface RubricItemCells {
  label: string;
  weight: number;
  /** Cell index of the self-score. */
  score: number;
}

export interface SeedLayout {
  phone: number;
  period: number;
  totals: FundsCells;
  sources: Record<SourceKey, FundsCells>;
  detailAmount: number;
  detailTotal: number;
  costCriterion: number;
  costTarget: number;
  costActual: number;
  headline: number;
  grade: number;
  rubricItems: RubricItemCells[];
  rubricTotal: number;
  cellCount: number;
}

const norm = (s: string) => s.replace(/\s+/gu, '');

export function findLayout(cells: readonly string[]): SeedLayout {
  const n = cells.map(norm);
  const at = (label: string, from = 0): number => {
    const i = n.indexOf(norm(label), from);
    if (i < 0) throw new Error(`seed layout: no cell ${JSON.stringify(label)}`);
    return i;
  };
  const after = (label: string) => at(label) + 1;
  const sourceCells = (label: string): FundsCells => {
    const i = at(label);
    for (const k of [2, 4, 6]) if (n[i + k] !== norm(label)) throw new Error(`seed layout: funds row ${label} is not in paired layout`);
    return [i + 1, i + 3, i + 5, i + 7];
  };
  const cost = at('成本指标');

  let start = -1;
  for (let i = n.indexOf('一级指标'); i >= 0; i = n.indexOf('一级指标', i + 1)) {
    if (n[i + 1] === '分值') {
      start = i;
      break;
    }
  }
  if (start < 0) throw new Error('seed layout: no scoring table');
  const rubricItems: RubricItemCells[] = [];
  let rubricTotal = -1;
  for (let row = start; row + 9 <= n.length; row += 9) {
    if (n[row] === '一级指标') continue;
    if (n[row] === '总分') {
      rubricTotal = row + 8;
      break;
    }
    const weight = Number(n[row + 5]);
    if (!Number.isInteger(weight) || weight <= 0) throw new Error(`seed layout: scoring row at cell ${row} has no weight`);
    rubricItems.push({ label: n[row + 4]!, weight, score: row + 8 });
  }
  if (rubricTotal < 0) throw new Error('seed layout: no 总分 row');

  return {
    phone: after('联系电话'),
    period: after('项目起止时间'),
    totals: [after('计划安排资金（万元）'), after('实际到位资金（万元）'), after('实际支出（万元）'), after('结余（万元）')],
    sources: {
      central: sourceCells(SOURCE_LABELS.central),
      province: sourceCells(SOURCE_LABELS.province),
      city: sourceCells(SOURCE_LABELS.city),
      county: sourceCells(SOURCE_LABELS.county),
      other: sourceCells(SOURCE_LABELS.other),
    },
    detailAmount: after('项目支出'),
    detailTotal: after('支出合计'),
    costCriterion: cost + 1,
    costTarget: cost + 2,
    costActual: cost + 3,
    headline: after('绩效自评综合得分'),
    grade: after('评价等次'),
    rubricItems,
    rubricTotal,
    cellCount: n.length,
  };
}
