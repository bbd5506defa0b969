import type { DocumentGrid } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import type { Identity } from '../../model/evaluation.js';
import { blockSrc, findCell, label } from '../../parse/locate.js';
import { gridView } from '../../parse/region.js';
import { textValue } from '../../parse/values.js';
import type { ExtractNote, FormModel, Template } from '../types.js';
import { extractCover, extractOverview } from './cover.js';
import { extractExpenditures, extractFunds } from './funds.js';
import { FUNDS_COLUMNS, HEADLINE } from './labels.js';
import { extractNarrative } from './narrative.js';
import { extractEvaluators, extractGoals, extractHeadline, extractIndicators, totalBelowRubric } from './performance.js';
import { extractRubric, rubricHeader } from '../scoring-rubric/reader.js';
import { HUNAN_RULES } from './rules/index.js';
import { REPORT_TITLE as TITLE, reportClaims } from './reports.js';

export const TEMPLATE_ID = 'hunan-project-v1';

function title(grid: DocumentGrid): Identity['title'] {
  const block = grid.blocks.find((b) => !b.cell && TITLE.test(labelKey(b.text)));
  return block ? textValue(block.text, blockSrc(block)) : null;
}

/**
 * How many of the report's landmarks the document shows: two make it this template, and one of them must
 * be the report's own (a scoring table alone is the scoring-rubric template's).
 */
function landmarks(grid: DocumentGrid): number {
  let report = 0;
  if (findCell(grid, label([], ['项目基本概况', '一、项目基本概况']))) report++;
  const funds = findCell(grid, FUNDS_COLUMNS.planned);
  const headline = findCell(grid, HEADLINE.score);
  if (funds) report++;
  // A report prints its funds grid and its headline apart; a summary sheet listing many reports prints
  // both as headers of one row of columns, which is one landmark, not two.
  if (headline && !(funds && funds.table === headline.table && funds.cell.row === headline.cell.row)) report++;
  const rubric = grid.tables.some((t) => t.slots.some((_, r) => rubricHeader(t, r))) ? 2 : 0;
  return report === 0 ? 0 : report + rubric;
}

export function extractHunan(grid: DocumentGrid, notes: ExtractNote[] = []): FormModel {
  const cover = extractCover(grid);
  const rubric = extractRubric(grid);
  if (rubric && rubric.totals.score?.value == null) rubric.totals.score = totalBelowRubric(grid, rubric) ?? rubric.totals.score;
  const headline = extractHeadline(grid);
  return {
    template: TEMPLATE_ID,
    kind: 'project',
    complete: true,
    identity: {
      title: title(grid),
      year: null,
      projectName: cover.projectName,
      unit: cover.projectUnit,
      authority: cover.authority,
      reportDate: cover.reportDate,
    },
    funds: extractFunds(grid, notes),
    goals: extractGoals(grid),
    indicators: rubric?.items ?? [],
    totals: { weight: rubric?.totals.weight ?? null, indicatorsWeight: null, score: rubric?.totals.score ?? null, ...headline },
    narrative: extractNarrative(grid),
    hunan: {
      cover: { evaluationType: cover.evaluationType, evaluationMethod: cover.evaluationMethod, evaluationAgency: cover.evaluationAgency },
      overview: extractOverview(grid),
      expenditures: extractExpenditures(grid),
      indicators: extractIndicators(grid),
      evaluators: extractEvaluators(grid),
    },
  };
}

/**
 * The Hunan 附件2-2 report with its 附件3-2 scoring table is one form for the whole file: it claims every
 * table left to it once its landmarks are there (a collection of several titled reports: one form each).
 */
export const hunanProjectV1: Template = {
  id: TEMPLATE_ID,
  claim(grid) {
    return landmarks(grid) >= 2 ? reportClaims(grid) : [];
  },
  extract(grid, claim) {
    const own = new Set(claim.tables);
    const range = claim.paragraphs;
    const view = gridView(grid, (t) => own.has(t));
    const notes: ExtractNote[] = [];
    const region = range ? { ...view, blocks: view.blocks.filter((b) => b.cell || (b.index >= range.from && b.index < range.until)) } : view;
    return { evaluation: extractHunan(region, notes), notes };
  },
  rules: HUNAN_RULES,
};
