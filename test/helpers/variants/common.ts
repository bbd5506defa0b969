/**
 * What every provincial variant shares: cells of the abstract grid (test/helpers/mof/layout.ts), vertical
 * merge runs, the indicator scoring of mof-family.md §5 in decimal arithmetic, and the printed page around
 * a table (lines above, notes below) as the document parts the MoF renderers already print.
 */
import { D, firstNumber } from '../mof/build.js';
import type { SpecCell, TableSpec } from '../mof/layout.js';
import type { DocPart } from '../mof/parts.js';

export { D, firstNumber };
export type { SpecCell, TableSpec };

export const c = (text: string, colspan = 1, rowspan = 1): SpecCell => ({ text, ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}) });

/** Lengths of the runs of equal keys starting at each index (0 inside a run): the vertical merges. */
export function runs(keys: string[]): number[] {
  const out = keys.map(() => 0);
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    out[i] = j - i;
    i = j;
  }
  return out;
}

/** Run keys for a second level: a 二级 label only merges inside one run of its 一级. */
export function nestedKeys(level1: string[], level2: string[]): string[] {
  const r1 = runs(level1);
  let group = 0;
  return level2.map((l2, i) => {
    if (r1[i]) group++;
    return `${group}|${l2}`;
  });
}

export const num = (s: string): D => new D(s.replace(/,/gu, ''));
export const sum = (xs: D[]): D => xs.reduce((a, b) => a.plus(b), new D(0));
/** A percentage as printed: the ratio × 100 rounded half-up to `dp` decimals. */
export const percent = (ratio: D, dp: number): string => `${ratio.times(100).toFixed(dp)}%`;

/** One leaf as the unit decides it; the builders print it in their own columns and score it here. */
export interface LeafSpec {
  l1: string;
  l2: string;
  l3: string;
  kind: 'positive' | 'reverse' | 'equal' | 'qualitative';
  /** Comparator as printed (≥ ≤ =); absent on a qualitative leaf. */
  cmp?: string;
  value?: string;
  unit?: string;
  /** Qualitative target text. */
  target?: string;
  /** Printed actual; a quantitative one is read as its first number. */
  actual: string;
  weight: string;
  /** Qualitative score (checked against its verdict's band). */
  score?: string;
  reason?: string;
}

export const qn = (l1: string, l2: string, l3: string, cmp: '≥' | '≤' | '=', value: string, unit: string, actual: string, weight: string, reason?: string): LeafSpec => ({
  l1,
  l2,
  l3,
  kind: cmp === '≥' ? 'positive' : cmp === '≤' ? 'reverse' : 'equal',
  cmp,
  value,
  unit,
  actual,
  weight,
  ...(reason !== undefined ? { reason } : {}),
});

export const qt = (l1: string, l2: string, l3: string, target: string, actual: string, weight: string, score?: string, reason?: string): LeafSpec => ({
  l1,
  l2,
  l3,
  kind: 'qualitative',
  target,
  actual,
  weight,
  ...(score !== undefined ? { score } : {}),
  ...(reason !== undefined ? { reason } : {}),
});

/** Whether a quantitative leaf misses its target. */
export function missed(leaf: LeafSpec): boolean {
  if (leaf.kind === 'qualitative') return false;
  const a = num(leaf.value!);
  const b = firstNumber(leaf.actual);
  if (leaf.kind === 'reverse' || (leaf.kind === 'equal' && a.isZero())) return b.gt(a);
  return b.lt(a);
}

/**
 * The leaf's score at `dp` decimals by mof-family §5, with weight `w`. Throws on anything a clean form
 * may not print: a missed target rounding to full marks, the two reverse formulas disagreeing, a
 * qualitative score outside its verdict's band, a score below weight without a reason.
 */
export function scoreLeaf(leaf: LeafSpec, w: D, dp: number): D {
  const round = (x: D) => new D(x.toFixed(dp));
  let s: D;
  if (leaf.kind === 'qualitative') {
    s = num(leaf.score ?? w.toString());
    const [lo, hi] = /^未达成/u.test(leaf.actual) ? [0, 0.6] : /^部分达成/u.test(leaf.actual) ? [0.6, 0.8] : [0.8, 1];
    if (s.lt(w.times(lo)) || s.gt(w.times(hi)) || (hi < 1 && s.eq(w.times(hi)))) throw new Error(`${leaf.l3}: score outside the band of "${leaf.actual}"`);
  } else {
    const a = num(leaf.value!);
    const b = firstNumber(leaf.actual);
    if (!missed(leaf)) s = w;
    else if (leaf.kind === 'reverse') {
      s = round(a.div(b).times(w));
      const system = b.gte(a.times(2)) ? new D(0) : new D(1).minus(b.minus(a).div(a)).times(w);
      if (s.minus(system).abs().gt(new D(10).pow(-dp).div(2))) throw new Error(`${leaf.l3}: the two reverse formulas disagree at the printed precision`);
    } else if (leaf.kind === 'equal' && a.isZero()) s = new D(0);
    else s = round(b.div(a).times(w));
    if (missed(leaf) && s.gte(w)) throw new Error(`${leaf.l3}: a missed target rounds to full marks`);
    if (leaf.kind === 'positive' && !missed(leaf) && a.gt(0) && b.div(a).gte(1.3)) throw new Error(`${leaf.l3}: an overshoot is not clean`);
  }
  if (s.lt(w) && !leaf.reason) throw new Error(`${leaf.l3}: a score below weight needs a reason`);
  return s;
}

/** Line roles above a table; every renderer prints them as paragraphs in this order. */
export interface PrintedPage {
  /** Lines above the table (报表编号, title, year, 单位名称 …), top to bottom. */
  above: string[];
  table: TableSpec;
  /** Paragraphs below the table (footnotes, signatures). */
  below: string[];
}

/** The page as document parts for the MoF renderers (renderDocx / renderTika / renderHtml take DocPart[]). */
export function partsOfPage(page: PrintedPage): DocPart[] {
  return [{ kind: 'table', lines: page.above, table: page.table }, ...page.below.map((text): DocPart => ({ kind: 'paragraph', text }))];
}

/** Empty markers a form may print (mof-family §6); never zero. */
export const EMPTY_MARKERS = new Set(['', '—', '——', '-', '/', '无', '……']);
