/** Cells that hold text where a number or date was expected: reported, never guessed. */
import { isEmptyMarker } from '../model/normalize.js';

import type { SourceRef } from '../model/source.js';

export interface UnreadableValue {
  path: string;
  kind: 'amount' | 'number' | 'date';
  raw: string;
  src: SourceRef;
}

type Node = Record<string, unknown>;

function kindOf(node: Node): UnreadableValue['kind'] | null {
  if (!('raw' in node) || !('src' in node) || !('value' in node)) return null;
  if ('unit' in node && 'decimals' in node) return 'amount';
  if ('decimals' in node) return 'number';
  if ('valid' in node) return 'date';
  return null;
}

/** Values of a model (an evaluation) whose text could not be read as the number or date it should be. */
export function findUnreadableValues(model: object): UnreadableValue[] {
  const out: UnreadableValue[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${path}/${i}`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    const obj = node as Node;
    const kind = kindOf(obj);
    if (kind) {
      const raw = String(obj.raw);
      // An impossible date is the date-invalid rule's business, not an unreadable cell.
      const unread = obj.value === null && !isEmptyMarker(raw.trim()) && !(kind === 'date' && obj.valid === false);
      if (unread) out.push({ path, kind, raw: raw.trim(), src: obj.src as SourceRef });
      return;
    }
    for (const [k, v] of Object.entries(obj)) if (k !== 'src') walk(v, `${path}/${k}`);
  };
  walk(model, '');
  return out;
}
