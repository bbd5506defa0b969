/** Small helpers over htmlparser2/domhandler nodes for the grid parser. */
import type { AnyNode, Element } from 'domhandler';

export function isTag(node: AnyNode, ...names: string[]): boolean {
  return node.type === 'tag' && names.includes((node as Element).name);
}

/** Direct rows of a table, looking through thead/tbody/tfoot but not into nested tables. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (isTag(child, 'tr')) rows.push(child as Element);
    else if (isTag(child, 'thead', 'tbody', 'tfoot')) {
      for (const r of (child as Element).children) if (isTag(r, 'tr')) rows.push(r as Element);
    }
  }
  return rows;
}
