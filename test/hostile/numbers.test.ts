import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import { DecimalString } from '../../src/model/values.js';
import { moneyValue, numberValue, measureValue } from '../../src/parse/values.js';
import { processText } from '../helpers/faults.js';
import { SEED } from '../helpers/faults.js';

const src = { table: 0, row: 0, col: 0 };
const digits = (n: number, d = '7') => `9${d.repeat(n - 1)}`;

describe('numbers of any length stay exact decimal strings', () => {
  it.each([41, 60, 200, 5000])('a %i-digit amount, in 万元 and in 元', (n) => {
    const big = digits(n);
    expect(moneyValue(big, src).value).toBe(big);
    expect(moneyValue(`${big}.25万元`, src).value).toBe(`${big}.25`);
    const yuan = moneyValue(`${big}元`, src).value!;
    expect(yuan).toBe(`${big.slice(0, -4)}.${big.slice(-4)}`);
    for (const v of [moneyValue(big, src).value, yuan, moneyValue(`${big}亿元`, src).value, numberValue(big, src).value, measureValue(`${big}人`, src).number]) {
      expect(v).not.toMatch(/e/iu);
      expect(DecimalString.safeParse(v).success).toBe(true);
    }
  });

  it('tiny amounts too: 0.000…1 元 has no exponent', () => {
    expect(moneyValue(`0.${'0'.repeat(50)}1元`, src).value).toBe(`0.${'0'.repeat(54)}1`);
  });

  it('sums beyond 40 significant digits are exact', () => {
    const a = new Dec(`1${'0'.repeat(45)}`);
    expect(a.plus('0.01').toString()).toBe(`1${'0'.repeat(45)}.01`);
    expect(a.times(10).toString()).toBe(`1${'0'.repeat(46)}`);
  });

  it('a report with 41-digit amounts is read exactly and validates', async () => {
    const big = `1${'0'.repeat(40)}`;
    const text = SEED.replaceAll('\t868\n', `\t${big}\n`);
    expect(text).not.toBe(SEED);
    const r = await processText(text, 'big.txt');
    expect(r.status).toBe('ok');
    const json = JSON.stringify(r.evaluations);
    expect(json.includes(`"value":"${big}"`)).toBe(true);
    expect(/\d[eE][+-]?\d/u.test(json)).toBe(false); // (not toMatch: a failure would print the whole report)
    for (const f of r.findings) for (const v of [f.expected, f.actual]) expect(v ?? '').not.toMatch(/\d[eE][+-]\d/u);
  });
});
