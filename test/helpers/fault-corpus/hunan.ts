/**
 * Fault corpus of the seed's family (hunan-project-v1): reports with random values (bench/corpus draws
 * them) and a narrative paragraph that restates them with the verbs and nouns reports use, in 元, 万元
 * and 亿元, with percentages at 0, 1 and 2 decimals — and exactly one injected fault, cycling over every
 * fault kind the rules cover. Every number is kept in integer hundredths of 万元, so the generator's own
 * arithmetic is exact and independent of the checker's.
 */
import { editText } from '../../../bench/corpus/cells.js';
import { DEFAULT_SEED, loadSeed } from '../../../bench/corpus/generate.js';
import { drawReport, editsFor, FAULTS as BENCH_FAULTS, formatHundredths, SEED, type Fault as BenchFault, type ReportSpec } from '../../../bench/corpus/report.js';
import { SOURCE_KEYS, type SourceKey } from '../../../bench/corpus/layout.js';
import { createRng, mixSeed, type Rng } from '../../../bench/prng.js';

type Column = 'planned' | 'arrived' | 'spent' | 'balance';
const COLUMN_INDEX: Record<Column, number> = { planned: 0, arrived: 1, spent: 2, balance: 3 };

/** Each verb or noun with a phrase that states an amount under it, and the figures it may restate. */
export const VERBS: { word: string; phrase: (a: string) => string; columns: Column[] }[] = [
  { word: '预算', phrase: (a) => `本项目资金预算为${a}`, columns: ['planned'] },
  { word: '安排', phrase: (a) => `共安排项目资金${a}`, columns: ['planned'] },
  { word: '下达', phrase: (a) => `上级下达项目资金${a}`, columns: ['planned', 'arrived'] },
  { word: '到位', phrase: (a) => `实际到位资金${a}`, columns: ['arrived'] },
  { word: '拨付', phrase: (a) => `财政已拨付资金${a}`, columns: ['arrived', 'spent'] },
  { word: '支付', phrase: (a) => `已支付${a}`, columns: ['spent'] },
  { word: '累计支付', phrase: (a) => `截至目前累计支付${a}`, columns: ['spent'] },
  { word: '兑付', phrase: (a) => `已兑付${a}`, columns: ['spent'] },
  { word: '付款', phrase: (a) => `已付款${a}`, columns: ['spent'] },
  { word: '使用', phrase: (a) => `已使用资金${a}`, columns: ['spent'] },
  { word: '支出', phrase: (a) => `项目实际支出${a}`, columns: ['spent'] },
  { word: '结余', phrase: (a) => `资金结余${a}`, columns: ['balance'] },
  { word: '剩余', phrase: (a) => `剩余资金${a}`, columns: ['balance'] },
  { word: '结转', phrase: (a) => `结转资金${a}`, columns: ['balance'] },
];
export const UNITS = ['元', '万元', '亿元'] as const;
type Unit = (typeof UNITS)[number];

/** Percentage sentences: what the share is of, and how it is written. */
const PERCENT_FORMS = ['used-of-budget', 'rate-of-arrived', 'paid-of-contract', 'arrival-rate'] as const;
type PercentForm = (typeof PERCENT_FORMS)[number];

export type FaultKind =
  | { rule: BenchFault; kind: 'bench' }
  | { rule: 'narrative-amount'; kind: 'amount'; verb: string; unit: Unit; second: boolean }
  | { rule: 'narrative-percent'; kind: 'percent'; form: PercentForm; decimals: 0 | 1 | 2 }
  | { rule: 'funds-source-sum'; kind: 'blank-rows' }
  | { rule: 'grade-unknown'; kind: 'grade' };

/** Every fault kind, in a fixed order: report i carries kind i mod the count. */
export const FAULT_KINDS: FaultKind[] = [
  ...BENCH_FAULTS.map((rule): FaultKind => ({ rule, kind: 'bench' })),
  ...VERBS.flatMap((v) => UNITS.map((unit): FaultKind => ({ rule: 'narrative-amount', kind: 'amount', verb: v.word, unit, second: false }))),
  ...VERBS.map((v, i): FaultKind => ({ rule: 'narrative-amount', kind: 'amount', verb: v.word, unit: UNITS[i % 3]!, second: true })),
  ...PERCENT_FORMS.flatMap((form) => ([0, 1, 2] as const).map((decimals): FaultKind => ({ rule: 'narrative-percent', kind: 'percent', form, decimals }))),
  { rule: 'funds-source-sum', kind: 'blank-rows' },
  { rule: 'grade-unknown', kind: 'grade' },
];

const withCommas = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');

/**
 * An amount in hundredths of 万元, written in a unit: 元 exact (with or without separators), 亿元 to 1 万元.
 * A true amount under 1,000 万元 is not written in 亿元 (rounded to 1 万元 it would be a few percent off,
 * and reports do not write small sums so); a wrong one may be.
 */
export function writeAmount(hundredths: number, unit: Unit, rng: Rng, wrong = false): string {
  if (unit === '万元' || (unit === '亿元' && !wrong && hundredths < 100_000)) return `${formatHundredths(hundredths)}万元`;
  if (unit === '元') {
    const digits = String(hundredths * 100);
    return `${rng.chance(0.5) ? withCommas(digits) : digits}元`;
  }
  const wan = Math.round(hundredths / 100); // whole 万元; 4 decimals of 亿元
  return `${Math.floor(wan / 10000)}.${String(wan % 10000).padStart(4, '0')}亿元`;
}

/** part / whole × 100 rounded half up to `decimals`, as printed. */
export function writePercent(part: number, whole: number, decimals: number): string {
  const scaled = Math.round((part * 100 * 10 ** decimals) / whole);
  const s = String(scaled).padStart(decimals + 1, '0');
  return decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

/** A wrong amount: 7–40% off the true one and away from every table figure (so no reading fits it). */
function wrongAmount(right: number, figures: number[], rng: Rng): number {
  for (let i = 0; i < 100; i++) {
    const off = Math.max(200, Math.round((right * rng.int(7, 40)) / 100));
    const v = rng.chance(0.5) || right - off <= 100 ? right + off : right - off;
    // 亿元 rounds to whole 万元: stay more than 2 万元 from any figure.
    if (figures.every((f) => Math.abs(f - v) > 200)) return v;
  }
  // Figures crowded around the true one: far above all of them.
  return Math.max(...figures) * 2 + 1000;
}

/** A wrong percentage: at least 1.5 points from every ratio of two money figures of the report. */
function wrongPercent(right: string, figures: number[], decimals: number, rng: Rng): string {
  const ratios: number[] = [100];
  for (const a of figures) for (const b of figures) if (b > 0 && a !== b) ratios.push((a * 100) / b);
  for (let i = 0; i < 200; i++) {
    const delta = rng.int(3, 25) * (rng.chance(0.5) ? 1 : -1);
    const v = Number(right) + delta + (decimals ? rng.int(1, 9) / 10 ** decimals : 0);
    if (v <= 0 || v >= 100) continue;
    if (ratios.every((r) => Math.abs(r - v) > 1.5)) return v.toFixed(decimals);
  }
  throw new Error('no wrong percentage found');
}

export interface FaultReport {
  index: number;
  fault: FaultKind | null;
  text: string;
  spec: ReportSpec;
}

/**
 * Report `index`: random values and one fault, the kinds in turn, except that every `cleanEvery`-th
 * report carries none.
 */
export function hunanFaultReport(index: number, seed = DEFAULT_SEED, cleanEvery = 8): FaultReport {
  const { layout, text: seedText } = loadSeed();
  // Kinds cycle over the faulty reports only, so that every kind comes round whatever cleanEvery is.
  const faulty = index - Math.floor((index + 1) / cleanEvery);
  const fault = index % cleanEvery === cleanEvery - 1 ? null : FAULT_KINDS[faulty % FAULT_KINDS.length]!;
  const rng = createRng(mixSeed(seed, index));
  const spec = drawReport(index, rng, layout, 0, fault?.kind === 'bench' ? fault.rule : null);
  const narrativeRng = createRng(mixSeed(seed ^ 0x5eed, index));
  if (fault?.kind === 'blank-rows') blankRowsFault(spec, narrativeRng);
  if (fault?.kind === 'grade') spec.grade = narrativeRng.pick(['优秀A', '良好B', '忧秀', '中等偏上', '合格+']);
  const edits = editsFor(spec, layout);
  const narrative = narrativeFor(spec, fault, narrativeRng);
  const replace = edits.replace.map(([find, by]): [string, string] => (find === SEED.narrative ? [find, narrative] : [find, by]));
  // The seed's own impossible date (date-invalid), so that a clean report has no error at all.
  replace.push(['2020年9月31日', '2020年9月30日']);
  return { index, fault, text: editText(seedText, { ...edits, replace }), spec };
}

/** Sources: one or two rows filled, every other row blank in every cell, one filled amount off. */
function blankRowsFault(spec: ReportSpec, rng: Rng): void {
  const filled = rng.chance(0.5) ? [rng.pick(SOURCE_KEYS)] : SOURCE_KEYS.filter(() => rng.chance(0.4)).slice(0, 2);
  const keys: SourceKey[] = filled.length ? filled : ['city'];
  const [p, a, s, b] = spec.totals;
  const rows: ReportSpec['sources'] = {};
  if (keys.length === 1) rows[keys[0]!] = [p, a, s, b];
  else {
    const share = (v: number) => Math.floor(v / 2);
    rows[keys[0]!] = [share(p), share(a), share(a) - share(b), share(b)];
    rows[keys[1]!] = [p - share(p), a - share(a), a - share(a) - (b - share(b)), b - share(b)];
  }
  const row = rows[rng.pick(keys)]!;
  const col = rng.int(0, 3);
  row[col] = row[col]! + rng.pick([-1, 1]) * rng.int(100, 5000);
  if (row[col]! < 0) row[col] = row[col]! + 10000;
  // Keep the row's own balance identity: the fault is the sum, not funds-balance.
  if (col === 1) row[3] = row[1]! - row[2]!;
  if (col === 2) row[3] = row[1]! - row[2]!;
  if (col === 3) row[1] = row[2]! + row[3]!;
  spec.sources = rows;
}

/**
 * The narrative paragraph's opening: 2–4 statements with random verbs and units (each consistent with
 * the table), a percentage sentence, then the seed's own sentence shape ("…，即Y万元") that the rest of
 * the paragraph continues ("，剩余部分在完成项目验收后按合同支付。").
 */
function narrativeFor(spec: ReportSpec, fault: FaultKind | null, rng: Rng): string {
  const totals = spec.totals;
  const value = (c: Column) => totals[COLUMN_INDEX[c]]!;
  const figures = [...totals];
  const sentences: string[] = [];
  const statement = (verb: (typeof VERBS)[number], unit: Unit, wrong: boolean) => {
    const right = value(rng.pick(verb.columns));
    return verb.phrase(writeAmount(wrong ? wrongAmount(right, figures, rng) : right, unit, rng, wrong));
  };
  if (fault?.kind === 'amount') {
    const verb = VERBS.find((v) => v.word === fault.verb)!;
    if (fault.second) {
      const first = rng.pick(VERBS.filter((v) => v.word !== verb.word && v.columns.every((c) => value(c) > 0)));
      sentences.push(`${statement(first, rng.pick(UNITS), false)}，${statement(verb, fault.unit, true)}`);
    } else sentences.push(statement(verb, fault.unit, true));
  }
  for (let i = rng.int(2, 4); i > 0; i--) sentences.push(statement(rng.pick(VERBS), rng.pick(UNITS), false));
  sentences.push(percentSentence(spec, fault, rng));
  const [planned, , spent] = totals;
  // The seed's own sentence; the bench's narrative-amount fault misstates its last amount.
  return `${shuffle(sentences, rng).join('。')}。本项目资金预算为${formatHundredths(planned)}万元，已使用${writePercent(spent, planned, 0)}%，即${formatHundredths(spec.narrativeSpent)}万元`;
}

function percentSentence(spec: ReportSpec, fault: FaultKind | null, rng: Rng): string {
  const [planned, arrived, spent] = spec.totals;
  const form = fault?.kind === 'percent' ? fault.form : rng.pick(PERCENT_FORMS);
  const decimals = fault?.kind === 'percent' ? fault.decimals : rng.int(0, 2);
  const contract = Math.round((spent * 100) / rng.int(40, 90));
  const figures = [...spec.totals, contract];
  const pct = (part: number, whole: number) => {
    const right = writePercent(part, whole, decimals);
    return fault?.kind === 'percent' ? wrongPercent(right, figures, decimals, rng) : right;
  };
  const u = () => rng.pick(UNITS);
  switch (form) {
    case 'used-of-budget':
      return `全年计划安排资金${writeAmount(planned, u(), rng)}，已使用${pct(spent, planned)}%，即${writeAmount(spent, u(), rng)}`;
    case 'rate-of-arrived':
      return `实际到位资金${writeAmount(arrived, u(), rng)}，资金使用率为${pct(spent, arrived)}%`;
    case 'paid-of-contract':
      return `项目合同金额为${writeAmount(contract, u(), rng)}。截至目前已支付${writeAmount(spent, u(), rng)}，占合同金额的${pct(spent, contract)}%`;
    case 'arrival-rate':
      return `资金到位率为${pct(arrived, planned)}%`;
  }
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
