/**
 * The indicator tree: first-level groups, their second-level groups, and the scored leaves. A first- or
 * second-level label repeated after a page break ("项目管理 25" again) is the same group.
 */
import type { Evaluation, Indicator } from '../model/evaluation.js';
import type { NumberValue } from '../model/values.js';
import { perEvaluation } from './derived.js';
import { pointer } from './locate.js';
import { nameKey } from './text.js';

export interface RubricLeaf {
  item: Indicator;
  index: number;
  /** Deepest level present: 3, 2 or 1. */
  depth: 1 | 2 | 3;
  name: string;
  weight: NumberValue | null;
  weightPath: string;
}

export interface RubricGroup {
  key: string;
  name: string;
  /** The first printed weight of the group, with its pointer. */
  weight: NumberValue | null;
  weightPath: string;
  /** Leaves (for second-level groups) or second-level groups (for first-level ones), in order. */
  children: RubricGroup[];
  leaves: RubricLeaf[];
}

export function leafOf(item: Indicator, index: number): RubricLeaf {
  const depth: 1 | 2 | 3 = item.level3 ? 3 : item.level2 ? 2 : 1;
  const level = depth === 3 ? item.level3 : depth === 2 ? item.level2 : item.level1;
  return { item, index, depth, name: nameKey(level?.name.value), weight: item.weight, weightPath: pointer('indicators', index, 'weight') };
}

export const rubricLeaves = perEvaluation((ev): readonly RubricLeaf[] => ev.indicators.map(leafOf));

function group(map: Map<string, RubricGroup>, key: string, name: string, weight: NumberValue | null, weightPath: string): RubricGroup {
  let g = map.get(key);
  if (!g) {
    g = { key, name, weight: null, weightPath, children: [], leaves: [] };
    map.set(key, g);
  }
  if (g.weight?.value == null && weight?.value != null) {
    g.weight = weight;
    g.weightPath = weightPath;
  }
  return g;
}

/** First-level groups with their second-level groups; leaves hang under the deepest group above them. */
export const rubricTree = perEvaluation(readTree);

function readTree(ev: Evaluation): readonly RubricGroup[] {
  const top = new Map<string, RubricGroup>();
  const second = new Map<string, RubricGroup>();
  for (const leaf of rubricLeaves(ev)) {
    const { item, index } = leaf;
    if (leaf.depth === 1 || !item.level1) continue;
    const l1 = nameKey(item.level1.name.value);
    const g1 = group(top, l1, l1, item.level1.weight, pointer('indicators', index, 'level1', 'weight'));
    if (leaf.depth === 2 || !item.level2) {
      g1.leaves.push(leaf);
      continue;
    }
    const l2 = nameKey(item.level2.name.value);
    const key = `${l1}\u0000${l2}`;
    const g2 = group(second, key, l2, item.level2.weight, pointer('indicators', index, 'level2', 'weight'));
    if (!g1.children.includes(g2)) g1.children.push(g2);
    g2.leaves.push(leaf);
  }
  return [...top.values()];
}
