import type { NumberValue } from '../../model/values.js';
import { Dec, dec, fmt, scoresAgree, sum } from '../arith.js';
import { executionItem, executionUnread } from '../execution.js';
import { loc } from '../locate.js';
import { rubricLeaves, rubricTree, type RubricGroup, type RubricLeaf } from '../rubric-tree.js';
import type { Param, Rule, RuleFinding } from '../types.js';

const LEVEL = {
  1: { zh: '一级', en: 'first-level' },
  2: { zh: '二级', en: 'second-level' },
  3: { zh: '三级', en: 'third-level' },
} as const;

interface Weighted {
  weight: NumberValue | null;
  weightPath: string;
}

/** A node's weight: as printed, else the sum of its children's when every one is known. */
interface Effective {
  value: Dec;
  cells: Weighted[];
}

function effective(node: RubricGroup | RubricLeaf | Weighted): Effective | null {
  const printed = dec(node.weight);
  if (printed) return { value: printed, cells: [node] };
  if (!('children' in node)) return null;
  return combine([...node.children, ...node.leaves]);
}

function combine(nodes: (RubricGroup | RubricLeaf | Weighted)[]): Effective | null {
  if (nodes.length === 0) return null;
  const parts = nodes.map(effective);
  if (parts.some((p) => p === null)) return null;
  return { value: sum(parts.map((p) => p!.value)), cells: parts.flatMap((p) => p!.cells) };
}

/** "绩效指标(90分)" → 绩效指标. */
function blockName(raw: string): string {
  return raw.replace(/\s+/gu, '').replace(/[(（][^)）]*[)）]/gu, '');
}

/**
 * Weights of the children add up to the parent's: third-level to second-level, second-level to
 * first-level (a group weight printed in a label, 产出指标(50分), included), and the first level — with
 * the budget-execution item's 分值 where the form has one — to the 总分 row's weight. A child without a
 * weight leaves the sum unknown; a group without a printed weight counts as the sum of its own children.
 */
export const rubricWeightSum: Rule = {
  id: 'rubric-weight-sum',
  severity: 'error',
  description: {
    zh: '下级指标分值之和等于上级指标分值；一级指标（及预算执行率）分值之和等于总分分值（100）',
    en: 'child weights add up to the parent weight; first-level weights (and the budget-execution weight) add up to the total weight (100)',
  },
  needs: {
    zh: '印出的上级或总分分值及其下级分值（预算执行分值印出却未能读取时，总分分值不核对）',
    en: 'a printed group or total weight and the weights under it (the total weight not when the budget-execution weight is printed but unread)',
  },
  // Both sums are named side by side: the rule cannot tell whether the parent or a child is misprinted.
  messages: {
    default: {
      zh: '{childLevel}指标分值之和为{expected}，{parentLevel}指标“{name}”分值为{actual}',
      en: 'the {childLevel} weights under “{name}” add up to {expected}; the {parentLevel} weight of “{name}” is {actual}',
    },
    block: {
      zh: '各指标分值之和为{expected}，“{name}”分值为{actual}',
      en: 'the indicators under “{name}” add up to {expected}; its weight is {actual}',
    },
    total: {
      zh: '一级指标分值之和为{expected}，总分分值为{actual}',
      en: 'the first-level weights add up to {expected}; the total weight is {actual}',
    },
    totalWithExecution: {
      zh: '预算执行率与各指标分值之和为{expected}，总分分值为{actual}',
      en: 'budget execution and the indicators add up to {expected}; the total weight is {actual}',
    },
  },
  // An execution weight printed but unread leaves the total's sum unknown: without group weights to
  // check, the rule does not apply (rather than compare the indicators alone with 100).
  applies: (ev) => {
    const groups = rubricTree(ev).some((g) => g.weight?.value != null || g.children.some((c) => c.weight?.value != null));
    const totals = ev.totals.weight?.value != null && !executionUnread(ev, 'weight');
    return groups || (ev.complete && (totals || ev.totals.indicatorsWeight?.value != null) && (ev.indicators.length > 0 || executionItem(ev) !== null));
  },
  check(ev) {
    const out: RuleFinding[] = [];
    const compare = (parent: Weighted, children: (RubricGroup | RubricLeaf | Weighted)[], params: Record<string, Param>, messageId: string) => {
      const p = dec(parent.weight);
      const total = p ? combine(children) : null;
      if (!p || !total || scoresAgree(total.value, p)) return;
      out.push({
        expected: fmt(total.value),
        actual: fmt(p),
        messageId,
        params: { ...params, expected: fmt(total.value), actual: fmt(p) },
        location: loc(parent.weightPath, parent.weight),
        related: total.cells.map((c) => loc(c.weightPath, c.weight)),
      });
    };
    const tree = rubricTree(ev);
    // A cut form's last group may have lost leaves: only the groups before it are whole.
    for (const g1 of ev.complete ? tree : tree.slice(0, -1)) {
      for (const g2 of g1.children) compare(g2, g2.leaves, { name: g2.name, parentLevel: LEVEL[2], childLevel: LEVEL[3] }, 'default');
      compare(g1, [...g1.children, ...g1.leaves], { name: g1.name, parentLevel: LEVEL[1], childLevel: LEVEL[2] }, 'default');
    }
    // The indicator block's own weight (绩效指标(90分)) covers every indicator.
    const indicatorNodes = [...tree, ...rubricLeaves(ev).filter((l) => l.depth === 1)];
    const block: Weighted | null = ev.totals.indicatorsWeight?.value != null ? { weight: ev.totals.indicatorsWeight, weightPath: '/totals/indicatorsWeight' } : null;
    if (block && ev.complete) compare(block, indicatorNodes, { name: blockName(ev.totals.indicatorsWeight!.raw) }, 'block');
    const totalWeight = ev.totals.weight;
    // A cut form lacks part of what the total weighs: its total is not compared as if it were whole.
    if (!totalWeight || !ev.complete || executionUnread(ev, 'weight')) return out;
    const exec = executionItem(ev);
    const execNode: Weighted[] = exec?.weight?.value != null ? [{ weight: exec.weight, weightPath: `${exec.path}/weight` }] : [];
    // An execution item scored with its 分值 cell left empty: that weight is unknown, not 0, so the
    // indicators falling short of the total proves nothing; exceeding it does.
    if (exec && execNode.length === 0) {
      const known = combine(block ? [block] : indicatorNodes);
      if (!known || known.value.lte(dec(totalWeight)!)) return out;
    }
    compare({ weight: totalWeight, weightPath: '/totals/weight' }, [...execNode, ...(block ? [block] : indicatorNodes)], {}, execNode.length ? 'totalWithExecution' : 'total');
    return out;
  },
};
