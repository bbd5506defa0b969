import { describe, expect, it } from 'vitest';
import { amountsIn } from '../../src/check/prose.js';

const raws = (s: string) => amountsIn(s).map((a) => a.raw);

describe('amountsIn and ranges', () => {
  it('leaves out both ends of a range, which states no single figure', () => {
    expect(raws('较计划支付进度约200-300万元有差距')).toEqual([]);
    expect(raws('预计需要200万元至300万元')).toEqual([]);
    expect(raws('投资额在1.5～2亿元之间')).toEqual([]);
  });
  it('still reads single amounts, lists and thousands separators', () => {
    expect(raws('预算为868万元，累计支付173.6万元')).toEqual(['868万元', '173.6万元']);
    expect(raws('已使用100万元和73.6万元')).toEqual(['100万元', '73.6万元']);
    expect(raws('资金预算为8,680,000元，到位资金2亿元')).toEqual(['8,680,000元', '2亿元']);
    expect(raws('支付到300万元')).toEqual(['300万元']);
  });
});
