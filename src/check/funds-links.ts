/**
 * Linking an amount written in the narrative to the funds-table figures it can restate, by the verb or
 * noun before it ("资金预算为868万元" → 计划安排资金; "累计支付173.6万元" → 实际支出; "拨付" → 到位 or 支出).
 * Every figure a word can mean is a candidate: the amount agrees when it matches any of them.
 */
import type { Evaluation, FundsLine, FundsSourceKey } from '../model/evaluation.js';
import type { MoneyValue } from '../model/values.js';
import { amountsAgree, dec } from './arith.js';
import { pointer } from './locate.js';
import { amountsIn, type ProseAmount, type ProseSentence } from './prose.js';
import { foldNumerals } from './text.js';

export type FundsColumn = 'initialBudget' | 'budget' | 'arrived' | 'executed' | 'balance';

/**
 * Words that name a funds figure, and the columns each can mean. 拨付 is money passed on — to the
 * project (到位) or by it (支出); 下达 is money allotted — planned or arrived. Longer words first.
 */
const TERMS: [RegExp, FundsColumn[]][] = [
  [/预算|计划安排|计划投入|批复资金/u, ['budget', 'initialBudget']],
  [/安排/u, ['budget', 'initialBudget']],
  [/下达/u, ['budget', 'arrived']],
  [/到位|到账/u, ['arrived']],
  [/拨付/u, ['arrived', 'executed']],
  [/支付|兑付|付款|支出|使用|已用|花费|执行/u, ['executed']],
  [/结余|剩余|余额|结转/u, ['balance']],
];
/**
 * From one of these words on, amounts in the sentence are a part (其中…, 用于…) or another quantity
 * (增长, 同比, 上年, per person) — never a restatement of a total.
 */
const PARTIAL = /其中|用于|部分资金|一期|二期|首付|预付|增长|增加|减少|下降|同比|环比|上年|去年|每/u;
/** A source named in the clause: the amount restates that source's row. */
const SOURCES: [RegExp, FundsSourceKey[]][] = [
  [/中央/u, ['central']],
  [/省级|省财政/u, ['provincial']],
  [/市级|市财政/u, ['municipal']],
  [/县级|县市区|县财政|区财政/u, ['county']],
  [/其它资金|其他资金|自筹/u, ['other']],
  [/当年财政拨款/u, ['current']],
];
/** A clause that restates the one before it ("已使用20%，即173.6万元"). */
const RESTATES = /^\s*(即|也就是|亦即|计|合计|共计|折合)/u;

export interface Candidate {
  column: FundsColumn;
  figure: MoneyValue;
  path: string;
}

export interface FundsLink {
  amount: ProseAmount;
  /** The figures the amount can restate (each with a value); the first is the one a message names. */
  candidates: Candidate[];
  /** The candidate the amount agrees with, or null when it agrees with none. */
  match: Candidate | null;
}

function clauseStarts(sentence: string): number[] {
  const starts = [0];
  for (const m of sentence.matchAll(/[，,、：:（(；;]/gu)) starts.push(m.index + 1);
  return starts;
}

/** The columns the words of a text can mean, in TERMS order, without repeats. */
export function columnsIn(text: string): FundsColumn[] {
  return [...new Set(TERMS.filter(([re]) => re.test(text)).flatMap(([, c]) => c))];
}

function sourcesIn(text: string): FundsSourceKey[] {
  return SOURCES.filter(([re]) => re.test(text)).flatMap(([, s]) => s);
}

/** Where the partial reading begins in a sentence (its length when it has none). */
export function partialFrom(sentence: string): number {
  const m = PARTIAL.exec(sentence);
  return m ? m.index : sentence.length;
}

interface Naming {
  columns: FundsColumn[];
  sources: FundsSourceKey[];
}

/**
 * What the words before an amount name: the text from the start of its clause (or from the amount
 * before it, when that is later) to the amount; a bare "即…" clause takes the previous clause's words.
 * An amount that follows another in the same clause with no word of its own ("100万元和73.6万元") is
 * part of a list and names nothing.
 */
function namingFor(sentence: string, amount: ProseAmount, previous: ProseAmount | undefined): Naming | null {
  const starts = clauseStarts(sentence).filter((s) => s <= amount.index);
  const at = starts[starts.length - 1] ?? 0;
  const from = previous && previous.end > at ? previous.end : at;
  let text = sentence.slice(from, amount.index);
  let columns = columnsIn(text);
  if (columns.length === 0 && from !== at) return null;
  if (columns.length === 0 && RESTATES.test(text)) {
    const prev = starts[starts.length - 2];
    if (prev === undefined) return null;
    text = sentence.slice(prev, at);
    columns = columnsIn(text);
  }
  if (columns.length === 0) return null;
  return { columns, sources: sourcesIn(sentence.slice(at, amount.index)) };
}

function candidatesFor(ev: Evaluation, naming: Naming): Candidate[] {
  const lines = ev.funds?.lines ?? [];
  const rows: [FundsLine, number][] = naming.sources.length
    ? lines.flatMap((l, i): [FundsLine, number][] => (l.role === 'component' && l.source && naming.sources.includes(l.source) ? [[l, i]] : []))
    : lines.flatMap((l, i): [FundsLine, number][] => (l.role === 'total' ? [[l, i]] : []));
  const out: Candidate[] = [];
  for (const column of naming.columns) {
    for (const [line, index] of rows) {
      const figure = line[column];
      if (figure && dec(figure)) out.push({ column, figure, path: pointer('funds', 'lines', index, column) });
    }
  }
  return out;
}

/** Does a prose amount restate a table figure at the precision both are printed with? */
export function restates(amount: ProseAmount, figure: MoneyValue): boolean {
  const value = dec(figure);
  if (!value) return false;
  return amountsAgree(amount.value, { value: amount.value.toString(), decimals: amount.decimals }, value, [figure], { wholeNumbersExact: false });
}

/** Links of a sentence's amounts (a sentence of narrativeSentences(ev), which are made once per evaluation). */
const linksOf = new WeakMap<ProseSentence, readonly FundsLink[]>();

/** Links of a sentence's amounts to the table figures they can restate; amounts naming no figure are left out. */
export function fundsLinks(ev: Evaluation, s: ProseSentence): readonly FundsLink[] {
  let links = linksOf.get(s);
  if (!links) {
    links = readLinks(ev, s);
    linksOf.set(s, links);
  }
  return links;
}

function readLinks(ev: Evaluation, s: ProseSentence): FundsLink[] {
  if (!ev.funds) return [];
  const stop = partialFrom(s.text);
  const amounts = amountsIn(s.text);
  const links: FundsLink[] = [];
  const year = ev.identity.year?.value ?? null;
  amounts.forEach((amount, i) => {
    if (amount.index >= stop || amount.approximate || otherYear(s.text, amount, year)) return;
    const naming = namingFor(s.text, amount, amounts[i - 1]);
    if (!naming) return;
    const candidates = candidatesFor(ev, naming);
    if (candidates.length === 0) return;
    links.push({ amount, candidates, match: candidates.find((c) => restates(amount, c.figure)) ?? null });
  });
  // The first amount of a list ("已使用100万元和73.6万元") names the list, not a figure of its own.
  return links.filter((l) => !amounts.some((a, i) => i > 0 && amounts[i - 1] === l.amount && a.index < stop && listFollows(s.text, l.amount, a)));
}

/** A year as the narrative names one: "2023年", "2023年度" (not a date's month or day). */
const NAMED_YEAR = /((?:19|20)\d{2})\s*年/gu;

/**
 * The amount belongs to another year than the form's: the last year named before it in its sentence
 * is not the form's ("2025年本项目预算资金为500万元" in a 2024 form). A form whose year is not known is
 * compared as before: the year named is then most often its own.
 */
function otherYear(sentence: string, amount: ProseAmount, year: string | null): boolean {
  if (year === null) return false;
  let last: string | null = null;
  for (const m of foldNumerals(sentence.slice(0, amount.index)).matchAll(NAMED_YEAR)) last = m[1]!;
  return last !== null && last !== year;
}

/** The next amount continues a list: nothing but a joining word between them. */
function listFollows(sentence: string, a: ProseAmount, next: ProseAmount): boolean {
  return /^\s*(和|及|与|、|或)\s*$/u.test(sentence.slice(a.end, next.index));
}
