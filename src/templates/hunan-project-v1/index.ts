import type { DocumentGrid } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import type { Report } from '../../model/report.js';
import { findCell, label } from '../../parse/locate.js';
import { textValue } from '../../parse/values.js';
import { blockSrc } from '../../parse/locate.js';
import type { Template } from '../types.js';
import { extractCover, extractOverview } from './cover.js';
import { extractExpenditures, extractFunds } from './funds.js';
import { FUNDS_COLUMNS, HEADLINE } from './labels.js';
import { extractNarrative } from './narrative.js';
import { extractEvaluators, extractGoals, extractHeadline, extractIndicators } from './performance.js';
import { extractRubric, rubricHeader } from './rubric.js';

export const TEMPLATE_ID = 'hunan-project-v1';

const TITLE = /绩效(自评|评价)(自评)?报告|自评报告/u;

function title(grid: DocumentGrid): Report['title'] {
  const block = grid.blocks.find((b) => !b.cell && TITLE.test(labelKey(b.text)));
  return block ? textValue(block.text, blockSrc(block)) : null;
}

export const hunanProjectV1: Template = {
  id: TEMPLATE_ID,
  recognize(grid) {
    let score = 0;
    if (findCell(grid, label([], ['项目基本概况', '一、项目基本概况']))) score++;
    if (findCell(grid, FUNDS_COLUMNS.planned)) score++;
    if (findCell(grid, HEADLINE.score)) score++;
    if (grid.tables.some((t) => t.slots.some((_, r) => rubricHeader(t, r)))) score += 2;
    return score >= 2 ? score : 0;
  },
  extract(grid) {
    const report: Report = {
      template: TEMPLATE_ID,
      title: title(grid),
      cover: extractCover(grid),
      overview: extractOverview(grid),
      funds: extractFunds(grid),
      expenditures: extractExpenditures(grid),
      goals: extractGoals(grid),
      indicators: extractIndicators(grid),
      headline: extractHeadline(grid),
      evaluators: extractEvaluators(grid),
      narrative: extractNarrative(grid),
      rubric: extractRubric(grid),
    };
    return { report, notes: [] };
  },
};
