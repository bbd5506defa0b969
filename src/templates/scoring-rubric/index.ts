/**
 * A 决策/管理(过程)/产出/效益 scoring table used as a project's 自评表 on its own (a city's weights such as
 * 10/25/30/35, 预算执行率 as an item under 管理): read as one indicator tree with its 总分 row, and a total
 * stated above or below the table ("自评得分：92分") as the form's headline score.
 */
import type { Block, DocumentGrid } from '../../model/grid.js';
import type { SourceRef } from '../../model/source.js';
import type { TextValue } from '../../model/values.js';
import { labelKey } from '../../model/normalize.js';
import { blockSrc } from '../../parse/locate.js';
import { numberValue, textValue } from '../../parse/values.js';
import type { FormModel, Template } from '../types.js';
import { STATED_SCORE } from './labels.js';
import { extractRubric } from './reader.js';
import { ownsBlock, RUBRIC_TITLE as TITLE, rubricClaims } from './forms.js';

function title(grid: DocumentGrid): FormModel['identity']['title'] {
  const block = grid.blocks.find((b: Block) => !b.cell && TITLE.test(labelKey(b.text)));
  return block ? textValue(block.text, blockSrc(block)) : null;
}

/**
 * "label：value" statements in the paragraphs outside the table; a line may hold several, set apart by
 * ideographic or repeated spaces ("项目名称：X", spaces, "实施单位：Y").
 */
function statements(grid: DocumentGrid): { key: string; value: string; src: SourceRef }[] {
  const out: { key: string; value: string; src: SourceRef }[] = [];
  for (const block of grid.blocks) {
    if (block.cell) continue;
    for (const part of block.text.split(/\s{2,}|\u3000+/u)) {
      const m = /^\s*([^:：]{2,10})[:：]\s*(.+?)\s*$/u.exec(part);
      if (m) out.push({ key: labelKey(m[1]!), value: m[2]!, src: blockSrc(block) });
    }
  }
  return out;
}

function stated(all: ReturnType<typeof statements>, labels: string[]): TextValue | null {
  const keys = labels.map(labelKey);
  const hit = all.find((s) => keys.includes(s.key));
  return hit ? textValue(hit.value, hit.src) : null;
}

export const scoringRubric: Template = {
  id: 'scoring-rubric',
  claim: rubricClaims,
  extract(grid, claim) {
    const own = new Set(claim.tables);
    const view = { tables: grid.tables.filter((t) => own.has(t.index)), blocks: grid.blocks.filter(ownsBlock(claim)) };
    const rubric = extractRubric(view);
    const said = statements(view);
    const score = stated(said, STATED_SCORE);
    const heading = title(view);
    const year = heading ? /(\d{4})\s*年/u.exec(heading.raw)?.[1] : undefined;
    const evaluation: FormModel = {
      template: 'scoring-rubric',
      kind: 'project',
      complete: rubric?.totals.weight != null || rubric?.totals.score != null,
      identity: {
        title: heading,
        year: heading && year ? { value: year, raw: heading.raw, src: heading.src } : null,
        projectName: stated(said, ['项目名称']),
        unit: stated(said, ['项目单位', '实施单位', '评价单位', '单位名称']),
        authority: stated(said, ['主管部门']),
        reportDate: null,
      },
      funds: null,
      goals: null,
      indicators: rubric?.items ?? [],
      totals: {
        weight: rubric?.totals.weight ?? null,
        indicatorsWeight: null,
        score: rubric?.totals.score ?? null,
        headline: score ? numberValue(score.raw, score.src) : null,
        grade: null,
      },
      narrative: [],
    };
    return { evaluation, notes: [] };
  },
  rules: [],
};
