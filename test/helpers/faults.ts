/**
 * Fault variants of the seed: its Tika text with exactly one discrepancy injected, built by editing
 * the text, so the whole pipeline (convert, parse, check) runs on them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processDocument, type DocumentResult } from '../../src/process.js';

export const SEED_FILE = fileURLToPath(new URL('../../fixtures/seed.txt', import.meta.url));
export const SEED = readFileSync(SEED_FILE, 'utf8');

/** Replace the one occurrence of `find` (throws when it is missing or not unique). */
export function edit(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`not in text: ${JSON.stringify(find.slice(0, 60))}`);
  if (text.indexOf(find, at + 1) >= 0) throw new Error(`not unique: ${JSON.stringify(find.slice(0, 60))}`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

export function edits(text: string, pairs: [string, string][]): string {
  return pairs.reduce((t, [find, replacement]) => edit(t, find, replacement), text);
}

export const fullWidthDigits = (s: string): string => s.replace(/[0-9.%]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

export async function processText(text: string, file = 'variant.txt', lang: 'zh' | 'en' = 'zh'): Promise<DocumentResult> {
  return processDocument({ bytes: new TextEncoder().encode(text), file }, { lang });
}

/** A funds source row as the seed's text dump writes it: the label before each of the four values. */
export function fundsRowText(label: string, values: [string, string, string, string]): string {
  return values.map((v) => `\t${label}\n\t${v}\n`).join('') + '\n';
}
const MUNICIPAL_ROW = fundsRowText('市财政', ['868', '868', '173.6', '694.4']);
const blankRow = (label: string) => fundsRowText(label, ['', '', '', '']);
const ALLOCATION = '\t分配\n结果\n\t5\n';

/** One fault per error-severity rule: the edited text and the finding it must yield. */
export const FAULTS = {
  'funds-balance': {
    text: () => edit(SEED, MUNICIPAL_ROW, fundsRowText('市财政', ['868', '868', '173.6', '649.4'])),
    expect: { path: '/funds/lines/3/balance', expected: '694.4', actual: '649.4' },
  },
  'funds-source-sum': {
    // Every source filled (0 is a value): 0 + 0 + 800 + 0 + 0 ≠ 868.
    text: () =>
      edits(SEED, [
        [blankRow('其中：中央财政'), fundsRowText('其中：中央财政', ['0', '', '', ''])],
        [blankRow('省财政'), fundsRowText('省财政', ['0', '', '', ''])],
        [MUNICIPAL_ROW, fundsRowText('市财政', ['800', '868', '173.6', '694.4'])],
        [blankRow('县市区财政'), fundsRowText('县市区财政', ['0', '', '', ''])],
        [blankRow('其它'), fundsRowText('其它', ['0', '', '', ''])],
      ]),
    expect: { path: '/funds/lines/0/budget', expected: '868', actual: '800' },
  },
  'funds-detail-sum': {
    text: () => edit(SEED, '\t项目支出\n\t173.6万元\n', '\t项目支出\n\t137.6万元\n'),
    expect: { path: '/hunan/expenditures/total', expected: '173.6', actual: '137.6' },
  },
  'funds-detail-total': {
    text: () => edits(SEED, [['\t项目支出\n\t173.6万元\n', '\t项目支出\n\t137.6万元\n'], ['\t支出合计\n\t173.6万元\n', '\t支出合计\n\t137.6万元\n']]),
    expect: { path: '/hunan/expenditures/total', expected: '173.6', actual: '137.6' },
  },
  'rubric-weight-sum': {
    text: () => edit(SEED, ALLOCATION, '\t分配\n结果\n\t4\n'),
    expect: { path: '/indicators/3/level2/weight', expected: '7', actual: '8' },
  },
  'rubric-score-range': {
    // 分配结果 6 of 5, 资金使用 4 of 7: the total stays 98.
    text: () =>
      edits(SEED, [
        ['此项需提供相应的资金分配方案。\n\t3\n', '此项需提供相应的资金分配方案。\n\t6\n'],
        ['⑤超预算扣2-5分\n\t7\n', '⑤超预算扣2-5分\n\t4\n'],
      ]),
    expect: { path: '/indicators/4/score', expected: '0–5', actual: '6' },
  },
  'rubric-total': {
    text: () => edit(SEED, '此项需提供相应的资金分配方案。\n\t3\n', '此项需提供相应的资金分配方案。\n\t2\n'),
    expect: { path: '/totals/score', expected: '97', actual: '98' },
  },
  'headline-score': {
    text: () => edit(SEED, '\t98分\n', '\t99分\n'),
    expect: { path: '/totals/headline', expected: '98', actual: '99' },
  },
  'grade-band': {
    text: () => edit(SEED, '\t评价等次\n\t优秀\n', '\t评价等次\n\t良好\n'),
    expect: { path: '/totals/grade', expected: '优', actual: '良好' },
  },
  'date-invalid': {
    text: () => edit(SEED, '报告日期：2021年6月8日', '报告日期：2021年2月29日'),
    expect: { path: '/identity/reportDate', expected: '2021-02-01..2021-02-28', actual: '2021年2月29日' },
  },
} as const;

export type FaultRule = keyof typeof FAULTS;
