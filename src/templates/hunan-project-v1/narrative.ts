import type { Block, DocumentGrid } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import type { NarrativeSection } from '../../model/evaluation.js';
import { blockSrc } from '../../parse/locate.js';
import { APPENDIX, NARRATIVE_START, SECTION_HEADING } from './labels.js';

/**
 * 五、评价报告综述: the sections (一)…(六) as paragraphs, in document order, whether the text dump put
 * them inside the heading's table cell or after it. Ends at the next appendix or another table.
 */
export function extractNarrative(grid: DocumentGrid): NarrativeSection[] {
  const startIndex = grid.blocks.findIndex((b) => NARRATIVE_START(labelKey(b.text)));
  if (startIndex < 0) return [];
  const startTable = grid.blocks[startIndex]!.cell?.table;
  const sections: NarrativeSection[] = [];
  let current: NarrativeSection | null = null;
  for (const block of grid.blocks.slice(startIndex + 1)) {
    if (APPENDIX.test(block.text)) break;
    if (block.cell && block.cell.table !== startTable) break;
    const text = block.text.trim();
    if (text === '') continue;
    const heading = SECTION_HEADING.exec(text);
    if (heading) {
      current = { key: heading[1]!, title: heading[2]!.trim(), paragraphs: [], src: blockSrc(block) };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { key: '', title: '', paragraphs: [], src: blockSrc(block) };
      sections.push(current);
    }
    current.paragraphs.push(paragraph(block, text));
  }
  return sections;
}

function paragraph(block: Block, text: string) {
  return { text, src: blockSrc(block) };
}
