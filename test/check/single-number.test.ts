/** A target's or actual's number in the outputs only when it holds exactly one: the first of a range is no target. */
import { describe, expect, it } from 'vitest';
import { singleNumber } from '../../src/check/measure.js';
import { INDICATOR_COLUMNS } from '../../src/output/columns.js';
import { measureValue } from '../../src/parse/values.js';

const src = { line: 1 };
const column = (key: string) => INDICATOR_COLUMNS.find((c) => c.key === key)!;
const rowWith = (target: string, actual: string) =>
  ({ item: { row: { target: measureValue(target, src), actual: measureValue(actual, src) }, scored: null } }) as never;

describe('single numbers of indicator values', () => {
  it.each([
    ['≥95%', '95'],
    ['3个月', '3'],
    ['1,200万元', '1200'],
    ['９５％', '95'],
    ['90%-95%', null],
    ['71个事项实现镇街道可受理，32个事项实现村社区可受理', null],
    ['达标', null],
    ['', null],
  ])('%s → %s', (text, expected) => {
    expect(singleNumber(measureValue(text, src))).toBe(expected);
  });
  it('the CSV columns leave a range empty and keep a single number', () => {
    const row = rowWith('90%-95%', '93%');
    expect([column('target').get(row), column('target_number').get(row), column('actual_number').get(row)]).toEqual(['90%-95%', null, '93']);
    expect(column('target_number').get(rowWith('≥95%', '93%'))).toBe('95');
  });
});
