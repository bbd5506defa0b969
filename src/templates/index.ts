import type { DocumentGrid } from '../model/grid.js';
import { hunanProjectV1 } from './hunan-project-v1/index.js';
import type { Template } from './types.js';

export type { Template, Extraction, ExtractNote } from './types.js';

/** Every known template; recognition picks the one that sees the most of its landmarks. */
export const TEMPLATES: readonly Template[] = [hunanProjectV1];

export function recognizeTemplate(grid: DocumentGrid): Template | null {
  let best: Template | null = null;
  let bestScore = 0;
  for (const t of TEMPLATES) {
    const score = t.recognize(grid);
    if (score > bestScore) [best, bestScore] = [t, score];
  }
  return best;
}
