/**
 * Linking an amount written in the narrative to the funds-table figure it restates, by its label
 * ("资金预算为868万元" → 计划安排资金 of the total row). Ambiguous labels link to nothing.
 */
import type { Evaluation, FundsLine } from '../model/evaluation.js';
import type { MoneyValue } from '../model/values.js';
import { amountsAgree, dec } from './arith.js';
import { pointer } from './locate.js';
import { amountsIn, type ProseAmount, type ProseSentence } from './prose.js';

export type FundsColumn = 'budget' | 'arrived' | 'executed' | 'balance';

const COLUMN_WORDS: [FundsColumn, RegExp][] = [
  ['budget', /预算|计划安排|安排资金|计划投入|批复资金|下达资金/u],
  ['arrived', /到位|到账/u],
  ['executed', /支出|使用|已用|花费|执行/u],
  ['balance', /结余|剩余|余额|结转/u],
];
/** Words that make an amount a part (其中…, 用于…) or another quantity (增长, 同比) — never linked. */
const PARTIAL = /其中|用于|部分资金|一期|二期|首付|预付|增长|增加|减少|下降|同比|上年|去年|每/u;
/** A source name in the clause makes the figure a source row's, which is not linked (ambiguous). */
const SOURCE_WORDS = /中央|省级|省财政|市级|市财政|县|区财政|其它资金|其他资金|自筹/u;
/** A clause that restates the one before it ("已使用20%，即173.6万元"). */
const RESTATES = /^\s*(即|也就是|亦即|计|合计|共计|折合)/u;

export interface FundsLink {
  amount: ProseAmount;
  column: FundsColumn;
  figure: MoneyValue;
  path: string;
  agrees: boolean;
}

function clauseStarts(sentence: string): number[] {
  const starts = [0];
  for (const m of sentence.matchAll(/[，,、：:（(]/gu)) starts.push(m.index + 1);
  return starts;
}

function columnsIn(text: string): FundsColumn[] {
  return COLUMN_WORDS.filter(([, re]) => re.test(text)).map(([c]) => c);
}

/** The single funds column the clause before the amount names, or null. */
function columnFor(sentence: string, amount: ProseAmount): FundsColumn | null {
  const starts = clauseStarts(sentence).filter((s) => s <= amount.index);
  const at = starts[starts.length - 1] ?? 0;
  let clause = sentence.slice(at, amount.index);
  let columns = columnsIn(clause);
  if (columns.length === 0 && RESTATES.test(clause)) {
    const prev = starts[starts.length - 2];
    if (prev === undefined) return null;
    clause = sentence.slice(prev, at);
    columns = columnsIn(clause);
  }
  if (SOURCE_WORDS.test(clause)) return null;
  return columns.length === 1 ? columns[0]! : null;
}

/** Links of a sentence's amounts to the total row; an amount named twice in one sentence is ambiguous. */
export function fundsLinks(ev: Evaluation, s: ProseSentence): FundsLink[] {
  const index = ev.funds?.lines.findIndex((l) => l.role === 'total') ?? -1;
  const total: FundsLine | undefined = ev.funds?.lines[index];
  if (!total || PARTIAL.test(s.text)) return [];
  const links: FundsLink[] = [];
  for (const amount of amountsIn(s.text)) {
    const column = columnFor(s.text, amount);
    if (!column) continue;
    const figure = total[column];
    const value = dec(figure);
    if (!figure || !value) continue;
    links.push({
      amount,
      column,
      figure,
      path: pointer('funds', 'lines', index, column),
      agrees: amountsAgree(amount.value, { value: amount.value.toString(), decimals: amount.decimals }, value, [figure], { wholeNumbersExact: false }),
    });
  }
  return links.filter((l) => links.filter((o) => o.column === l.column).length === 1);
}
