/**
 * A probe of the MoF rules on forms they have never seen: each block generates variants of a clean
 * 项目支出绩效自评表 around one formula of mof-family.md §5 (execution score, the indicator formulas, the
 * qualitative bands; the other formulas and the §7 irregularities are in checks-probe-forms.test.ts),
 * works out the findings the contract expects in decimal arithmetic, runs the whole pipeline on the
 * rendered form and compares. Consistent variants must be silent.
 */
import { describe, expect, it } from 'vitest';
import { D, expectFindings, indicator, plain, printed, readForm, retotal, road, tolerance, type Expect } from '../helpers/checks-probe.js';
import type { MofForm } from '../helpers/mof/index.js';

const BUDGET = new D('1435.7');
const CARRIED = new D('85.2');

/**
 * The road form with a full-year execution of `rate` × its budget (当年财政拨款 takes what 上年结转 does
 * not), the rate printed as `rateText(true rate)`, the execution score as `score(true score)`.
 */
function execution(rate: string, rateText: (r: D) => string, score: (f: D, rateCell: string) => string): MofForm {
  return road((f) => {
    const executed = BUDGET.times(rate).toDecimalPlaces(3, D.ROUND_HALF_UP);
    const carried = D.min(CARRIED, executed);
    const r = executed.div(BUDGET);
    const rateCell = rateText(r);
    Object.assign(f.funds[0]!, { executed: executed.toFixed(3), rate: rateCell, score: score(D.min(r, 1).times(10), rateCell) });
    f.funds[1]!.executed = executed.minus(carried).toFixed(3);
    f.funds[2]!.executed = carried.toFixed(3);
    retotal(f);
  });
}

const RATE_FORMATS: Record<string, (r: D) => string> = {
  'a two-decimal percent': (r) => `${printed(r.times(100), 2)}%`,
  'a whole percent': (r) => `${printed(r.times(100), 0)}%`,
};
/** A bare fraction where the rate rounds to a whole one: "1" from 50% up, "0" below (mof-family §5). */
const fraction = (r: D) => printed(r, 0);

/** The funds-overrun warning an execution above the full-year budget gives. */
function overrun(f: MofForm): Expect[] {
  const executed = new D(f.funds[0]!.executed);
  return executed.gt(BUDGET) ? [{ rule: 'funds-overrun', severity: 'warning', expected: `≤${plain(BUDGET)}`, actual: plain(executed) }] : [];
}

/** A score at `d` decimals that fits none of `formulas` (below them when it can be, else above), within [0, w]. */
function offScore(formulas: D[], d: number, w: D): D | null {
  const unit = new D(10).pow(-d);
  const fits = (s: D) => formulas.some((f) => s.minus(f).abs().lte(tolerance(d)));
  for (let s = D.min(...formulas).toDecimalPlaces(d, D.ROUND_FLOOR); s.gte(0); s = s.minus(unit)) if (!fits(s)) return s;
  for (let s = D.max(...formulas).toDecimalPlaces(d, D.ROUND_CEIL); s.lte(w); s = s.plus(unit)) if (!fits(s) && !s.eq(w)) return s;
  return null;
}

describe('execution score = min(rate, 1) × 10, at the printed precision (mof-family §5)', () => {
  const RATES = ['0', '0.862', '0.9199', '1', '1.0347'];
  const cases = RATES.flatMap((rate) =>
    [0, 2].flatMap((d) => [
      ...Object.entries(RATE_FORMATS).map(([name, text]) => ({ rate, d, name, text })),
      { rate, d, name: 'a bare fraction', text: fraction },
    ]),
  );

  it.each(cases)('rate $rate printed as $name, score with $d decimals, rounded half up: silent', async ({ rate, d, text }) => {
    const form = execution(rate, text, (f) => printed(f, d));
    expectFindings((await readForm(form)).findings, overrun(form));
  });

  it.each(cases)('rate $rate printed as $name, a score with $d decimals that fits neither the amounts nor the printed rate: error', async ({ rate, d, text }) => {
    let expected: string[] = [];
    let wrong = '';
    const form = execution(rate, text, (fromAmounts, rateCell) => {
      // The printed rate as a fraction ("91.99%" → 0.9199, "1" → 1), the score it gives.
      const fromPrinted = D.min(new D(rateCell.replace('%', '')).div(rateCell.endsWith('%') ? 100 : 1), 1).times(10);
      const bases = [fromAmounts, fromPrinted];
      expected = bases.map((b) => b.toDecimalPlaces(Math.max(2, d), D.ROUND_HALF_UP).toString());
      wrong = printed(offScore(bases, d, new D(10))!, d);
      return wrong;
    });
    const findings = (await readForm(form)).findings;
    const found = findings.find((x) => x.rule === 'execution-score');
    expect(expected).toContain(found?.expected);
    expectFindings(findings, [{ rule: 'execution-score', severity: 'error', actual: plain(wrong) }, ...overrun(form)]);
  });
});

describe('execution score against a bare fraction rate: "1" or "0.9" is no rate to score by where the amounts give one', () => {
  // The score the amounts give, shown at 2 decimals (the rule prints its expected value so).
  it.each([
    ['0.862', '1', '10', '8.62'],
    ['0.9199', '1', '10', '9.2'],
    ['0.9199', '0.9', '9.0', '9.2'],
    ['0.3', '0', '0', '3'],
  ])('rate %s of the amounts printed as %s, scored %s: error, expected %s', async (rate, rateCell, score, expected) => {
    for (const format of ['txt', 'docx'] as const) {
      const form = execution(rate, () => rateCell, () => score);
      expectFindings((await readForm(form, format)).findings, [{ rule: 'execution-score', severity: 'error', expected, actual: plain(score) }]);
    }
  });

  // With no amounts printed, "1" is all there is: any rate from 50% to 150%, any score from 5 to 10.
  const noAmounts = (score: string) => road((f) => (f.funds.forEach((l) => Object.assign(l, { initial: '', budget: '', executed: '' })), Object.assign(f.funds[0]!, { rate: '1', score }), retotal(f)));
  it('no amounts, "1", scored 9.2: silent', async () => {
    expectFindings((await readForm(noAmounts('9.2'))).findings, []);
  });
  it('no amounts, "1", scored 4: error, the range of scores "1" allows', async () => {
    const [finding] = (await readForm(noAmounts('4'))).findings;
    expect(finding).toMatchObject({ rule: 'execution-score', severity: 'error', expected: '5–10', actual: '4', message: '预算执行率得分填为4，按执行率50–150%×分值10应为5–10' });
  });
});

type Kind = 'positive' | 'reverse' | 'equal';

interface FormulaCase {
  name: string;
  kind: Kind;
  target: string;
  a: string;
  b: string;
  unit: string;
  w: string;
}

/** The ≥, ≤ and = rows of the road form (weights 15, 10, 10), with actuals met, just missed and far off. */
const FORMULA_CASES: FormulaCase[] = [
  ...['42', '43.6', '41.9', '30'].map((b) => ({ name: '新改建农村公路里程', kind: 'positive' as const, target: '≥42公里', a: '42', b, unit: '公里', w: '15' })),
  ...['32', '31.2', '40', '48', '64', '70'].map((b) => ({ name: '每公里平均建设成本', kind: 'reverse' as const, target: '≤32万元', a: '32', b, unit: '万元', w: '10' })),
  ...['6', '7', '5'].map((b) => ({ name: '危桥改造数量', kind: 'equal' as const, target: '=6座', a: '6', b, unit: '座', w: '10' })),
  ...['0', '1'].map((b) => ({ name: '危桥改造数量', kind: 'equal' as const, target: '=0座', a: '0', b, unit: '座', w: '10' })),
];

/**
 * mof-family §5: ≥ and = (A > 0) score w when B ≥ A, else B/A × w; ≤ scores w when B ≤ A, else A/B × w or
 * (1 − (B−A)/A) × w, 0 when B ≥ 2A (either is accepted); = 0 scores w when B ≤ 0, else 0.
 */
function formulas(c: FormulaCase): { met: boolean; scores: D[] } {
  const [a, b, w] = [new D(c.a), new D(c.b), new D(c.w)];
  if (c.kind === 'equal' && a.isZero()) return b.lte(0) ? { met: true, scores: [w] } : { met: false, scores: [new D(0)] };
  if (c.kind === 'reverse') {
    if (b.lte(a)) return { met: true, scores: [w] };
    return { met: false, scores: [a.div(b).times(w), b.gte(a.times(2)) ? new D(0) : new D(1).minus(b.minus(a).div(a)).times(w)] };
  }
  return b.gte(a) ? { met: true, scores: [w] } : { met: false, scores: [b.div(a).times(w)] };
}

function scored(c: FormulaCase, score: string): MofForm {
  return road((f) => {
    const row = indicator(f, c.name);
    Object.assign(row, { target: c.target, actual: `${c.b}${c.unit}`, score, reason: new D(score).lt(c.w) || !formulas(c).met ? '受材料价格和工期影响' : '' });
    retotal(f);
  });
}

describe('indicator formulas: positive, reverse (either formula), equal, equal to 0 (mof-family §5)', () => {
  const cases = FORMULA_CASES.flatMap((c) => [0, 2].map((d) => ({ ...c, d })));

  // A missed target whose formula rounds to the weight (14.96 printed as 15) is still full marks on a miss.
  it.each(cases)('$target against $b: every formula’s score at $d decimals is silent (unless it rounds to full marks on a miss)', async (c) => {
    const { met, scores } = formulas(c);
    for (const s of scores) {
      const fullOnMiss = !met && new D(printed(s, c.d)).eq(c.w);
      expectFindings((await readForm(scored(c, printed(s, c.d)))).findings, fullOnMiss ? [{ rule: 'indicator-score', severity: 'error', actual: plain(c.w) }] : []);
    }
  });

  it.each(cases.filter((c) => !formulas(c).met))('$target against $b, missed, full marks: error', async (c) => {
    expectFindings((await readForm(scored(c, c.w))).findings, [{ rule: 'indicator-score', severity: 'error', actual: plain(c.w) }]);
  });

  it.each(cases.filter((c) => formulas(c).met))('$target against $b, met, a point lost (a reason given): warning', async (c) => {
    const s = new D(c.w).minus(c.d === 0 ? 1 : '0.5');
    expectFindings((await readForm(scored(c, printed(s, c.d)))).findings, [{ rule: 'indicator-score', severity: 'warning', expected: plain(c.w), actual: plain(s) }]);
  });

  it.each(cases.filter((c) => !formulas(c).met))('$target against $b, missed, a score at $d decimals no formula gives: warning', async (c) => {
    const s = offScore(formulas(c).scores, c.d, new D(c.w));
    if (s === null) return;
    expectFindings((await readForm(scored(c, printed(s, c.d)))).findings, [{ rule: 'indicator-score', severity: 'warning', actual: plain(s) }]);
  });
});

const QUALITATIVE = '农村公路管护长效机制';
const VERDICTS: { phrase: string; verdict: 'met' | 'partial' | 'missed' }[] = [
  { phrase: '达成年度指标', verdict: 'met' },
  { phrase: '达成预期指标', verdict: 'met' },
  { phrase: '效果明显', verdict: 'met' },
  { phrase: '（与年度指标值相同）', verdict: 'met' },
  { phrase: '部分达成年度指标并具有一定效果', verdict: 'partial' },
  { phrase: '未达成年度指标且效果较差', verdict: 'missed' },
];

/** 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w), bounds rounded to 2 decimals. */
function band(verdict: 'met' | 'partial' | 'missed', w: D): { low: D; high: D; open: boolean } {
  const at = (x: string) => w.times(x).toDecimalPlaces(2, D.ROUND_HALF_UP);
  if (verdict === 'met') return { low: at('0.8'), high: w, open: false };
  if (verdict === 'partial') return { low: at('0.6'), high: at('0.8'), open: true };
  return { low: new D(0), high: at('0.6'), open: true };
}

/**
 * The qualitative row weighted `w` (受益群众人数 takes the rest of their 20, scored full), its target `target`,
 * its actual the verdict phrase (or the target's own text), scored `s` with 2 decimals and a reason given.
 */
function qualitative(w: string, target: string, phrase: string, s: D): MofForm {
  return road((f) => {
    const rest = new D(20).minus(w);
    Object.assign(indicator(f, '受益群众人数'), { weight: plain(rest), score: rest.toFixed(2) });
    Object.assign(indicator(f, QUALITATIVE), { weight: w, target, actual: phrase.startsWith('（') ? target : phrase, score: s.toFixed(2), reason: '管护经费部分未落实' });
    retotal(f);
  });
}

function bandCases(target: string) {
  return ['10', '7', '6.67'].flatMap((w) =>
    VERDICTS.flatMap(({ phrase, verdict }) => {
      const { low, high, open } = band(verdict, new D(w));
      const expected = `[${plain(low)}, ${plain(high)}${open ? ')' : ']'}`;
      const inside = [low, open ? high.minus('0.01') : high];
      const outside = [...(low.gt(0) ? [low.minus('0.02')] : []), ...(open ? [high] : [])];
      return [...inside.map((s) => ({ w, target, phrase, s, finding: null })), ...outside.map((s) => ({ w, target, phrase, s, finding: expected }))];
    }),
  );
}

async function expectBand(c: ReturnType<typeof bandCases>[number]): Promise<void> {
  const findings = (await readForm(qualitative(c.w, c.target, c.phrase, c.s))).findings;
  expectFindings(findings, c.finding ? [{ rule: 'indicator-score', severity: 'warning', expected: c.finding, actual: plain(c.s) }] : []);
}

describe('qualitative bands: the verdict the actual states, bounds rounded to 2 decimals (mof-family §5)', () => {
  it.each(bandCases('建立长效管护机制'))('weight $w, $phrase, score $s', expectBand);
});

/**
 * A target with a number answered by a verdict (覆盖3个行政村 against 达成年度指标): no formula gives the score,
 * and whether the verdict's band or a met target's full marks applies is open. What both readings rule
 * out must be reported — less than the 达成 band on a stated success, full marks on a stated shortfall —
 * and nothing else.
 */
describe('a target with a number answered by a verdict (覆盖3个行政村 against 达成年度指标)', () => {
  const TARGET = '覆盖3个行政村';
  const cases = ['10', '7', '6.67'].flatMap((w) =>
    VERDICTS.filter(({ phrase }) => !phrase.startsWith('（')).flatMap(({ phrase, verdict }) => {
      const weight = new D(w);
      const { low } = band(verdict, weight);
      if (verdict === 'met') {
        return [
          { w, phrase, s: low, finding: null },
          { w, phrase, s: weight, finding: null },
          { w, phrase, s: low.minus('0.02'), finding: { rule: 'indicator-score', severity: 'warning', expected: `[${plain(low)}, ${plain(weight)}]`, actual: plain(low.minus('0.02')) } as Expect },
        ];
      }
      // A shortfall: any score but full marks may be right (a formula could give 9.5 for 95% of it).
      return [
        { w, phrase, s: weight.times('0.9').toDecimalPlaces(2), finding: null },
        { w, phrase, s: low, finding: null },
        { w, phrase, s: weight, finding: { rule: 'indicator-score', severity: 'error', expected: `< ${plain(weight)}`, actual: plain(weight) } as Expect },
      ];
    }),
  );
  it.each(cases)('weight $w, $phrase, score $s', async ({ w, phrase, s, finding }) => {
    expectFindings((await readForm(qualitative(w, TARGET, phrase, s))).findings, finding ? [finding] : []);
  });
});
