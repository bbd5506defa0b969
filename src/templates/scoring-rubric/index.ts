/**
 * A 决策/管理(过程)/产出/效益 scoring table used as a project's 自评表 on its own (a city's weights such as
 * 10/25/30/35, 预算执行率 as an item under 管理): read as one indicator tree with its 总分 row, and a total
 * stated above or below the table ("自评得分：92分") as the form's headline score.
 */
import type { Block, DocumentGrid } from '../../model/grid.js';
import { labelKey } from '../../model/normalize.js';
import { blockSrc, findLabelledBlock } from '../../parse/locate.js';
import { gridView } from '../../parse/region.js';
import { numberValue, textValue } from '../../parse/values.js';
import type { FormModel, Template } from '../types.js';
import { STATED_SCORE } from './labels.js';
import { extractRubric, rubricHeader } from './reader.js';

const TITLE = /评分表|自评表|评价表|评分细则/u;

function title(grid: DocumentGrid): FormModel['identity']['title'] {
  const block = grid.blocks.find((b: Block) => !b.cell && TITLE.test(labelKey(b.text)));
  return block ? textValue(block.text, blockSrc(block)) : null;
}

/** "项目名称：X　　实施单位：Y" — the value up to the next label on the same line. */
function labelled(grid: DocumentGrid, labels: string[]) {
  const hit = findLabelledBlock(grid, labels);
  if (!hit || hit.value.trim() === '') return null;
  const value = hit.value.split(/[\s\u3000]{2,}|\u3000|[，,；;]\s*(?=\S{2,8}[:：])/u)[0]!.trim();
  return { hit: { ...hit, value }, src: blockSrc(hit.block) };
}

export const scoringRubric: Template = {
  id: 'scoring-rubric',
  claim(grid) {
    const tables = grid.tables.filter((t) => t.slots.some((_, r) => rubricHeader(t, r))).map((t) => t.index);
    return tables.length ? [{ tables, start: 0 }] : [];
  },
  extract(grid, claim) {
    const own = new Set(claim.tables);
    const view = gridView(grid, (t) => own.has(t));
    const rubric = extractRubric(view);
    const stated = labelled(view, STATED_SCORE);
    const name = labelled(view, ['项目名称']);
    const unit = labelled(view, ['项目单位', '实施单位', '评价单位', '单位名称']);
    const evaluation: FormModel = {
      template: 'scoring-rubric',
      kind: 'project',
      complete: rubric?.totals.weight != null || rubric?.totals.score != null,
      identity: {
        title: title(view),
        year: null,
        projectName: name ? textValue(name.hit.value, name.src) : null,
        unit: unit ? textValue(unit.hit.value, unit.src) : null,
        authority: null,
        reportDate: null,
      },
      funds: null,
      goals: null,
      indicators: rubric?.items ?? [],
      totals: {
        weight: rubric?.totals.weight ?? null,
        indicatorsWeight: null,
        score: rubric?.totals.score ?? null,
        headline: stated ? numberValue(stated.hit.value, stated.src) : null,
        grade: null,
      },
      narrative: [],
    };
    return { evaluation, notes: [] };
  },
  rules: [],
};
