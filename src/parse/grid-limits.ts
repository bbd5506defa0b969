/**
 * Which structure limit a document breaks, decided exactly as the grid's contract states it: one
 * iterative depth-first walk over the element tree (children pushed in order, so taken last first),
 * checking each element's depth and table nesting when it is taken and counting the table cells among
 * its children. The grid builder only notices *that* a limit is broken while it streams; when it does,
 * this reads the document again into a bare tree of element names (no text, no attributes) to say
 * which error the walk meets first, so that a document breaking several limits always gets the same
 * one. Only documents that fail come here.
 */
import { Parser } from 'htmlparser2';
import type { DocumentError } from '../model/errors.js';
import { MAX_NESTING_DEPTH, MAX_TABLE_CELLS, MAX_TABLE_NESTING, tooDeep, tooManyCells, tooManyTablesNested } from '../model/limits.js';

/** An element the walks see: script and style (and anything inside them) are not among them. */
interface BareElement {
  name: string;
  children: BareElement[];
}

/** Elements whose content no walk reads (domhandler gives them a type of their own, not 'tag'). */
export function isOpaqueElement(name: string): boolean {
  return name === 'script' || name === 'style';
}

function bareTree(html: string): BareElement {
  const root: BareElement = { name: '', children: [] };
  // null: inside an opaque element.
  const open: (BareElement | null)[] = [root];
  const parser = new Parser(
    {
      onopentag(name) {
        const parent = open[open.length - 1];
        if (parent === null || parent === undefined || isOpaqueElement(name)) {
          open.push(null);
          return;
        }
        const el: BareElement = { name, children: [] };
        parent.children.push(el);
        open.push(el);
      },
      onclosetag() {
        open.pop();
      },
    },
    { xmlMode: false, decodeEntities: true },
  );
  parser.end(html);
  return root;
}

/** The first limit error the walk meets, or null when the document is within all limits. */
export function firstLimitError(html: string): DocumentError | null {
  let cells = 0;
  const stack: [BareElement, number, number][] = [[bareTree(html), 0, 0]];
  while (stack.length > 0) {
    const [node, depth, tables] = stack.pop()!;
    if (depth > MAX_NESTING_DEPTH) return tooDeep(MAX_NESTING_DEPTH);
    if (tables > MAX_TABLE_NESTING) return tooManyTablesNested();
    for (const c of node.children) {
      if ((c.name === 'td' || c.name === 'th') && ++cells > MAX_TABLE_CELLS) return tooManyCells(cells);
      stack.push([c, depth + 1, c.name === 'table' ? tables + 1 : tables]);
    }
  }
  return null;
}
