/**
 * One generated report: who, how much, how scored, and (sometimes) one injected fault. Amounts are kept
 * in integer hundredths of 万元 and scores in integer hundredths of a point, so every sum is exact.
 */
import type { Rng } from '../prng.js';
import { SOURCE_KEYS, type SeedLayout, type SourceKey } from './layout.js';
import type { DocEdits } from './cells.js';

/** The faults a report may carry, named after the rule expected to report them. */
export const FAULTS = [
  'funds-balance',
  'funds-source-sum',
  'funds-detail-total',
  'rubric-total',
  'headline-score',
  'grade-band',
  'rubric-score-range',
  'date-invalid',
  'cost-overrun',
  'narrative-amount',
] as const;
export type Fault = (typeof FAULTS)[number];

/** planned, arrived, spent, balance — hundredths of 万元. */
export type Funds = [number, number, number, number];

export interface ReportSpec {
  index: number;
  fault: Fault | null;
  city: string;
  name: string;
  unit: string;
  phone: string;
  reportDate: string;
  period: string;
  totals: Funds;
  sources: Partial<Record<SourceKey, Funds>>;
  detailAmount: number;
  detailInYuan: boolean;
  narrativeSpent: number;
  /** Self-scores per rubric item, hundredths of a point. */
  scores: number[];
  claimedTotal: number;
  headline: number;
  grade: string;
  /** Cost ceiling in whole 万元 and the actual cost in hundredths of 万元. */
  costTarget: number;
  costActual: number;
}

const CITIES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市'];
const DEPARTMENTS = ['政务服务中心', '农业农村局', '交通运输局', '教育局', '卫生健康委员会', '水利局', '文化旅游广电局', '住房和城乡建设局', '民政局', '生态环境局'];
const TOPICS = [
  '基层公共服务（一门式）信息化管理平台',
  '农村饮水安全巩固提升',
  '城区道路提质改造',
  '中小学校舍维修改造',
  '高标准农田建设',
  '农村公路养护',
  '乡镇卫生院设备购置',
  '公共文化服务体系建设',
  '城乡环卫一体化',
  '河道综合治理',
  '智慧政务云平台',
  '老旧小区改造',
];
const PHASES = ['', '一期', '二期', '（2021年度）', '建设'];
const GRADES: [number, string[]][] = [
  [9000, ['优秀', '优']],
  [8000, ['良好', '良']],
  [6000, ['合格', '中']],
  [0, ['差', '不合格']],
];

export function formatHundredths(v: number): string {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  const frac = String(a % 100).padStart(2, '0').replace(/0+$/u, '');
  return `${sign}${Math.floor(a / 100)}${frac ? `.${frac}` : ''}`;
}

function gradeFor(score: number, rng: Rng, wrong = false): string {
  const band = GRADES.findIndex(([min]) => score >= min);
  const chosen = wrong ? (band === 0 ? 1 : band - 1) : band;
  return rng.pick(GRADES[chosen]![1]);
}

function splitFunds(totals: Funds, keys: SourceKey[], rng: Rng): Partial<Record<SourceKey, Funds>> | null {
  const weights = keys.map(() => rng.int(1, 9));
  const sum = weights.reduce((s, w) => s + w, 0);
  const [p, a, , b] = totals;
  const rows: Partial<Record<SourceKey, Funds>> = {};
  const used: Funds = [0, 0, 0, 0];
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const share = (v: number, u: number) => (last ? v - u : Math.floor((v * weights[i]!) / sum));
    const ai = share(a, used[1]);
    const unplanned = share(p - a, used[0] - used[1]);
    const bi = share(b, used[3]);
    const row: Funds = [ai + unplanned, ai, ai - bi, bi];
    row.forEach((v, k) => (used[k] = used[k]! + v));
    rows[key] = row;
  });
  return Object.values(rows).every((r) => r.every((v) => v >= 0)) ? rows : null;
}

/** Draw report `index` from its own generator: document i is the same whatever the corpus size. */
export function drawReport(index: number, rng: Rng, layout: SeedLayout, faultRate: number, forced?: Fault | null): ReportSpec {
  const drawn: Fault | null = rng.chance(faultRate) ? rng.pick(FAULTS) : null;
  // A caller that chooses the fault (the fault corpus) still draws, so the values are the same.
  const fault = forced === undefined ? drawn : forced;
  const city = rng.pick(CITIES);
  const short = city.replace(/市$/u, '');
  const name = `${short}${rng.pick(TOPICS)}${rng.pick(PHASES)}项目`;
  const unit = `${city}${rng.pick(DEPARTMENTS)}`;
  const year = rng.int(2019, 2023);
  const reportDate = fault === 'date-invalid' ? `${year}年2月30日` : `${year}年${rng.int(1, 12)}月${rng.int(1, 28)}日`;
  const period = `${year - 1}年 ${rng.int(1, 12)} 月起至今`;

  const planned = rng.int(20, 5000) * 100 + (rng.chance(0.5) ? rng.int(0, 99) : 0);
  const arrived = rng.chance(0.7) ? planned : Math.floor((planned * rng.int(80, 99)) / 100);
  const spent = Math.floor((arrived * rng.int(30, 100)) / 100);
  const totals: Funds = [planned, arrived, spent, arrived - spent];
  const keys = rng.chance(0.5) ? (['city'] as SourceKey[]) : SOURCE_KEYS.filter(() => rng.chance(0.4));
  const sources = splitFunds(totals, keys.length > 0 ? keys : ['city'], rng) ?? { city: [...totals] };

  let detailAmount = spent;
  let narrativeSpent = spent;
  if (fault === 'funds-balance') totals[3] += rng.pick([-1, 1]) * rng.int(1, 500);
  if (fault === 'funds-source-sum') {
    const first = Object.values(sources)[0]!;
    first[0] += rng.int(100, 5000);
  }
  if (fault === 'funds-detail-total') detailAmount += rng.pick([-1, 1]) * rng.int(10, 1000);
  if (fault === 'narrative-amount') narrativeSpent += rng.int(10, 1000);

  const scores = layout.rubricItems.map((item) => {
    if (item.label === '到位率') return Math.round((item.weight * 100 * arrived) / planned);
    return rng.chance(0.2) ? item.weight * 100 - rng.int(1, Math.min(4, item.weight * 2)) * 50 : item.weight * 100;
  });
  if (fault === 'rubric-score-range') {
    const i = rng.int(0, scores.length - 1);
    scores[i] = layout.rubricItems[i]!.weight * 100 + 100;
  }
  const sum = scores.reduce((s, v) => s + v, 0);
  const claimedTotal = fault === 'rubric-total' ? sum + rng.pick([-1, 1]) * rng.int(1, 3) * 100 : sum;
  const headline = fault === 'headline-score' ? claimedTotal - rng.int(1, 3) * 100 : claimedTotal;
  const grade = gradeFor(headline, rng, fault === 'grade-band');

  const costTarget = Math.ceil(planned / 100) + rng.int(0, 20);
  const costActual = fault === 'cost-overrun' ? (costTarget + rng.int(1, 50)) * 100 : planned;

  const phone = `0730${String(8_000_000 + index).padStart(7, '0')}`;
  return {
    index,
    fault,
    city,
    name,
    unit,
    phone,
    reportDate,
    period,
    totals,
    sources,
    detailAmount,
    detailInYuan: rng.chance(0.2),
    narrativeSpent,
    scores,
    claimedTotal,
    headline,
    grade,
    costTarget,
    costActual,
  };
}

/** The seed's own values that the edits replace. */
export const SEED = {
  name: '智慧岳阳基层公共服务（一门式）信息化管理平台项目',
  unit: '岳阳市政务服务中心',
  city: '岳阳市',
  date: '报告日期：2021年6月8日',
  narrative: '本项目资金预算为868万元，已使用20%，即173.6万元',
  bid: '中标价格为8680000元',
} as const;

export function editsFor(spec: ReportSpec, layout: SeedLayout): DocEdits {
  const wan = formatHundredths;
  const [planned, , spent] = spec.totals;
  const percent = Math.round((spent * 100) / planned);
  const replace: [string, string][] = [
    [SEED.name, spec.name],
    [SEED.unit, spec.unit],
    [SEED.date, `报告日期：${spec.reportDate}`],
    [SEED.narrative, `本项目资金预算为${wan(planned)}万元，已使用${percent}%，即${wan(spec.narrativeSpent)}万元`],
    [SEED.bid, `中标价格为${planned * 100}元`],
    [SEED.city, spec.city],
  ];
  const cells = new Map<number, string>();
  cells.set(layout.phone, spec.phone);
  cells.set(layout.period, spec.period);
  layout.totals.forEach((cell, k) => cells.set(cell, wan(spec.totals[k]!)));
  for (const key of Object.keys(layout.sources) as SourceKey[]) {
    const row = spec.sources[key];
    layout.sources[key].forEach((cell, k) => cells.set(cell, row ? wan(row[k]!) : ''));
  }
  const detail = spec.detailInYuan ? `${spec.detailAmount * 100}元` : `${wan(spec.detailAmount)}万元`;
  cells.set(layout.detailAmount, detail);
  cells.set(layout.detailTotal, detail);
  cells.set(layout.costCriterion, `总成本不超过${spec.costTarget}万`);
  cells.set(layout.costTarget, `${spec.costTarget}万`);
  cells.set(layout.costActual, `${wan(spec.costActual)}万`);
  cells.set(layout.headline, `${wan(spec.headline)}分`);
  cells.set(layout.grade, spec.grade);
  layout.rubricItems.forEach((item, i) => cells.set(item.score, wan(spec.scores[i]!)));
  cells.set(layout.rubricTotal, wan(spec.claimedTotal));
  return { replace, cells };
}
