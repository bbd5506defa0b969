/**
 * A document as an ordered list of parts (headings, paragraphs, forms, unrelated tables), and the flat
 * block sequence every renderer prints: paragraphs and tables in document order.
 */
import type { MofForm } from './form.js';
import { formTable, type TableSpec } from './layout.js';

export type DocPart =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'form'; form: MofForm }
  /** A table that is not a self-evaluation form (收入支出决算总表 …), with its own title lines above it. */
  | { kind: 'table'; lines: string[]; table: TableSpec };

export type BlockRole = 'heading' | 'caption' | 'title' | 'year' | 'text' | 'note';

export type Block = { kind: 'p'; role: BlockRole; text: string } | { kind: 'table'; table: TableSpec; form?: MofForm };

/** The paragraphs around a form and its table, as the form prints them. */
export function formBlocks(form: MofForm): Block[] {
  const out: Block[] = [];
  if (form.caption) out.push({ kind: 'p', role: 'caption', text: form.caption });
  out.push({ kind: 'p', role: 'title', text: form.title });
  if (form.yearLine) out.push({ kind: 'p', role: 'year', text: form.yearLine });
  if (form.unitLine) out.push({ kind: 'p', role: 'caption', text: form.unitLine });
  out.push({ kind: 'table', table: formTable(form), form });
  if (form.footnote) out.push({ kind: 'p', role: 'note', text: form.footnote });
  return out;
}

export function blocksOf(parts: DocPart[]): Block[] {
  return parts.flatMap((part): Block[] => {
    switch (part.kind) {
      case 'heading':
        return [{ kind: 'p', role: 'heading', text: part.text }];
      case 'paragraph':
        return [{ kind: 'p', role: 'text', text: part.text }];
      case 'form':
        return formBlocks(part.form);
      case 'table':
        return [...part.lines.map((text): Block => ({ kind: 'p', role: 'caption', text })), { kind: 'table', table: part.table }];
    }
  });
}

/** A form or a document: the renderers take either. */
export type Printable = MofForm | DocPart[];

/** Word always ends a body that ends with a table with an empty paragraph; so do we, in every format. */
export function blocksOfPrintable(x: Printable): Block[] {
  const blocks = Array.isArray(x) ? blocksOf(x) : formBlocks(x);
  if (blocks.at(-1)?.kind === 'table') blocks.push({ kind: 'p', role: 'text', text: '' });
  return blocks;
}
