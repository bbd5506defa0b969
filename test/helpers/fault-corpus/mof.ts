/**
 * Fault corpus of the MoF 绩效自评表 family: each clean catalogue spec with random amounts per source
 * (build.ts re-derives totals, 执行率, scores, 总分 and grade), then exactly one injected fault, cycling
 * over every fault kind the rules cover — blank 其中 rows included, since several specs print a source
 * row as '—' or '/' in every cell.
 */
import { createRng, mixSeed, type Rng } from '../../../bench/prng.js';
import { buildForm, D, fmtAmount, type ComponentSpec, type FormSpec } from '../mof/build.js';
import { DEPARTMENT_SPECS } from '../mof/catalogue-department.js';
import { PROJECT_SPECS } from '../mof/catalogue-project.js';
import type { IndicatorRow, MofForm } from '../mof/form.js';

const SPECS: readonly FormSpec[] = [...PROJECT_SPECS, ...DEPARTMENT_SPECS];

/** A printed number's decimals and thousands separators, to write a changed one the same way. */
function reprint(printed: string, change: (x: D) => D): string {
  const m = /\d[\d,]*(?:\.(\d+))?/u.exec(printed);
  if (!m) throw new Error(`no number in ${printed}`);
  const value = change(new D(m[0].replace(/,/gu, '')));
  return printed.slice(0, m.index) + fmtAmount(value, m[1]?.length ?? 0, m[0].includes(',')) + printed.slice(m.index + m[0].length);
}

const isNumber = (s: string) => /\d/u.test(s);

/** The spec with each filled source's amounts scaled at random (build.ts derives everything else). */
function randomSpec(spec: FormSpec, rng: Rng): FormSpec {
  const dp = spec.funds.decimals;
  const scale = (s: string | undefined, f: D) => (s === undefined ? undefined : new D(s).times(f).toFixed(dp));
  const components = spec.funds.components.map((c): ComponentSpec => {
    if (typeof c === 'string') return c;
    const f = new D(rng.int(50, 200)).div(100);
    const budget = scale(c.budget, f)!;
    const over = new D(c.executed).gt(c.budget);
    const executed = over ? scale(c.executed, f)! : new D(budget).times(rng.int(60, 100)).div(100).toFixed(dp);
    return { ...(c.initial !== undefined ? { initial: scale(c.initial, f) } : {}), budget, executed };
  }) as FormSpec['funds']['components'];
  return { ...spec, funds: { ...spec.funds, components } };
}

/** A built form from spec `k` with random amounts; the catalogue's own values when no draw builds cleanly. */
function randomForm(k: number, rng: Rng): MofForm {
  const spec = SPECS[k % SPECS.length]!;
  for (let i = 0; i < 10; i++) {
    try {
      return buildForm(randomSpec(spec, rng));
    } catch {
      // build.ts refuses an inconsistent draw (a whole-number score that disagrees with the printed rate).
    }
  }
  return buildForm(spec);
}

const scored = (f: MofForm) => f.indicators.filter((i) => i.weight !== '' && i.score !== '');
const addTotal = (f: MofForm, delta: D) => (f.total.score = reprint(f.total.score, (x) => x.plus(delta)));
const quantitative = (i: IndicatorRow) => i.kind === 'positive' || i.kind === 'reverse' || i.kind === 'equal';

/** A fault: the rule that must report it, and the edit (false when the form has nothing to edit). */
export const MOF_FAULTS: { rule: string; inject: (f: MofForm, rng: Rng) => boolean }[] = [
  {
    rule: 'execution-rate',
    inject: (f, rng) => ((f.funds[0]!.rate = reprint(f.funds[0]!.rate, (x) => x.plus(rng.pick([-1, 1]) * rng.int(2, 6)))), true),
  },
  {
    rule: 'execution-score',
    inject: (f) => {
      const row = f.funds[0]!;
      if (new D(row.score).lt(1)) return false;
      row.score = reprint(row.score, (x) => x.minus(1));
      if (f.funds[1]!.score !== '' && isNumber(f.funds[1]!.score)) f.funds[1]!.score = row.score;
      addTotal(f, new D(-1));
      return true;
    },
  },
  {
    rule: 'funds-source-sum',
    inject: (f, rng) => {
      const rows = f.funds.slice(1).filter((l) => isNumber(l.budget) && new D(l.budget.replace(/,/gu, '')).gt(0));
      if (rows.length === 0) return false;
      const row = rng.pick(rows);
      row.budget = reprint(row.budget, (x) => x.plus(x.times(rng.int(5, 20)).div(100).ceil()));
      return true;
    },
  },
  { rule: 'rubric-total', inject: (f, rng) => (addTotal(f, new D(rng.pick([-1, 1]) * rng.int(1, 3))), true) },
  {
    rule: 'grade-band',
    inject: (f, rng) => {
      if (!f.grade) return false;
      const long = f.grade.value.length > 1;
      const bands = long ? ['优秀', '良好', '中等', '较差'] : ['优', '良', '中', '差'];
      f.grade.value = rng.pick(bands.filter((b) => b !== f.grade!.value));
      return true;
    },
  },
  {
    rule: 'grade-unknown',
    inject: (f, rng) => (f.grade ? ((f.grade.value = rng.pick(['优秀A', '良好B', '忧秀', '中等偏上'])), true) : false),
  },
  {
    rule: 'rubric-score-range',
    inject: (f, rng) => {
      const ind = rng.pick(scored(f));
      const before = new D(ind.score);
      ind.score = reprint(ind.score, () => new D(ind.weight).plus(1));
      addTotal(f, new D(ind.score).minus(before));
      return true;
    },
  },
  {
    rule: 'rubric-weight-sum',
    inject: (f, rng) => {
      const full = scored(f).filter((i) => new D(i.score).eq(i.weight));
      if (full.length === 0) return false;
      const ind = rng.pick(full);
      ind.weight = reprint(ind.weight, (x) => x.plus(1));
      ind.score = reprint(ind.score, (x) => x.plus(1));
      addTotal(f, new D(1));
      return true;
    },
  },
  {
    rule: 'indicator-score',
    inject: (f, rng) => {
      const met = scored(f).filter((i) => quantitative(i) && new D(i.score).eq(i.weight) && new D(i.weight).gte(2));
      if (met.length === 0) return false;
      const ind = rng.pick(met);
      ind.score = reprint(ind.score, (x) => x.minus(1));
      ind.reason = '资料归档滞后';
      addTotal(f, new D(-1));
      return true;
    },
  },
  {
    rule: 'deviation-reason-missing',
    inject: (f, rng) => {
      const below = scored(f).filter((i) => new D(i.score).lt(i.weight) && i.reason !== '');
      if (below.length === 0) return false;
      rng.pick(below).reason = '';
      return true;
    },
  },
  {
    rule: 'indicator-unit',
    inject: (f, rng) => {
      const pct = f.indicators.filter((i) => quantitative(i) && i.actual.endsWith('%'));
      if (pct.length === 0) return false;
      const ind = rng.pick(pct);
      ind.actual = ind.actual.replace(/%$/u, '分');
      return true;
    },
  },
];

export interface MofFaultForm {
  index: number;
  rule: string | null;
  form: MofForm;
}

/** Form `index`: spec and fault cycle independently; every `cleanEvery`-th form is left clean. */
export function mofFaultForm(index: number, seed = 20230101, cleanEvery = 8): MofFaultForm {
  const rng = createRng(mixSeed(seed, index));
  const form = randomForm(index, rng);
  form.id = `${form.id}-${index}`;
  if (index % cleanEvery === cleanEvery - 1) return { index, rule: null, form };
  // Kinds a spec cannot carry (no grade row, no score below weight) fall through to the next kind.
  for (let k = 0; k < MOF_FAULTS.length; k++) {
    const fault = MOF_FAULTS[(Math.floor(index / SPECS.length) + k + index) % MOF_FAULTS.length]!;
    const copy = structuredClone(form);
    if (fault.inject(copy, rng)) return { index, rule: fault.rule, form: copy };
  }
  throw new Error(`no fault fits form ${index}`);
}
