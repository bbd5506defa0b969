/** --shard K/N: parsing, the split of a list, and the options a merge does not take. */
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../src/cli/args.js';
import { parseShardSpec, shardIndices } from '../src/cli/shard.js';

describe('--shard K/N', () => {
  it('reads K/N with K counted from 0', () => {
    expect(parseShardSpec('0/3')).toEqual({ k: 0, n: 3 });
    expect(parseShardSpec('2/3')).toEqual({ k: 2, n: 3 });
    expect(parseShardSpec('0/1')).toEqual({ k: 0, n: 1 });
    for (const bad of ['3/3', '1/0', '-1/3', '1', '1/3/4', 'a/3', '1.5/3', '']) expect(parseShardSpec(bad), bad).toBeNull();
  });

  it('splits a list into N disjoint shards that together take every position once', () => {
    for (const [total, n] of [[0, 3], [2, 3], [10, 3], [7, 1], [100, 7]] as const) {
      const shards = [...Array(n).keys()].map((k) => shardIndices(total, { k, n }));
      expect(shards.flat().sort((a, b) => a - b)).toEqual([...Array(total).keys()]);
      for (const [k, taken] of shards.entries()) expect(taken.every((i) => i % n === k)).toBe(true);
    }
    expect(shardIndices(5, null)).toEqual([0, 1, 2, 3, 4]);
  });

  it('is a usage error, in the language asked for, when K/N is not valid', () => {
    expect(() => parseCli(['--shard', '3/3', 'x'], 2)).toThrow(new UsageError('--shard 的取值应为 K/N，其中 0 ≤ K < N（K 从 0 开始计）（实际为 3/3）'));
    expect(() => parseCli(['--lang', 'en', '--shard=1', 'x'], 2)).toThrow(/--shard: expected K\/N with 0 ≤ K < N \(K counts from 0\) \(got 1\)/u);
    expect(parseCli(['--shard', '1/4', 'x'], 2)).toMatchObject({ command: 'run', shard: { k: 1, n: 4 }, inputs: ['x'] });
  });

  it('takes merge as a command and refuses run-only options with it', () => {
    expect(parseCli(['merge', '-o', 'all', 'a', 'b'], 2)).toMatchObject({ command: 'merge', out: 'all', inputs: ['a', 'b'] });
    for (const opt of [['--shard', '0/2'], ['--resume'], ['--config', 'c.json'], ['-j', '2'], ['--format', 'csv']]) {
      expect(() => parseCli(['merge', ...opt, '-o', 'all', 'a'], 2), opt.join(' ')).toThrow(/不适用于 merge/u);
    }
  });
});

describe('options that would write somewhere unexpected or nothing at all', () => {
  it('an empty -o is a usage error (it would write into the current folder, among the inputs)', () => {
    expect(() => parseCli(['-o', '', 'x'], 2)).toThrow(new UsageError('-o 的取值应为一个文件夹（实际为 ""）'));
    expect(() => parseCli(['--lang', 'en', '--out=  ', 'x'], 2)).toThrow(new UsageError('-o: expected a folder (got "")'));
    expect(parseCli(['-o', 'o', 'x'], 2)).toMatchObject({ out: 'o' });
  });
  it('an empty --format is a usage error (a run that writes no output)', () => {
    expect(() => parseCli(['--format', '', 'x'], 2)).toThrow(new UsageError('--format 的取值应为 json,csv,xlsx,log,html 中的一项或几项（实际为 ""）'));
    expect(() => parseCli(['--format', ',', 'x'], 2)).toThrow(UsageError);
    expect(parseCli(['--format', 'csv', 'x'], 2)).toMatchObject({ formats: ['csv'] });
  });
  it('"selfeval help" is help; "help" among other inputs is an input', () => {
    expect(parseCli(['help'], 2)).toMatchObject({ command: 'help' });
    expect(parseCli(['help', 'x'], 2)).toMatchObject({ command: 'run', inputs: ['help', 'x'] });
  });
});

describe('a negative number as an option value', () => {
  it('is a bad value, not a missing one', () => {
    expect(() => parseCli(['--timeout', '-1', 'x'], 2)).toThrow(new UsageError('--timeout 的取值应为大于 0、不超过 86400 的秒数（0 不表示不限时）（实际为 -1）'));
    expect(() => parseCli(['-j', '-2', 'x'], 2)).toThrow(new UsageError('--jobs 的取值应为 1 到 256 的整数（实际为 -2）'));
    expect(parseCli(['--jobs', '3', '--timeout', '5', 'x'], 2)).toMatchObject({ jobs: 3, timeoutSec: 5, inputs: ['x'] });
  });
});
