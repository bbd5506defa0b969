/** Shared test inputs: the seed's real result, and findings made by hand at real grid coordinates. */
import type { Finding } from '../../src/model/finding.js';
import type { DocumentGrid, GridCell } from '../../src/model/grid.js';
import type { ReportPageInput } from '../../src/output/html/index.js';
import { processDocument, type DocumentResult } from '../../src/process.js';

export interface Seed {
  result: DocumentResult;
  html: string;
  grid: DocumentGrid;
}

let cached: Promise<Seed> | null = null;

export function loadSeed(): Promise<Seed> {
  cached ??= processDocument('fixtures/seed.txt', { keepHtml: true }).then((result) => {
    if (result.status !== 'ok' || result.html === undefined) throw new Error(`seed failed: ${result.error}`);
    if (!result.grid) throw new Error('seed: no grid kept');
    return { result, html: result.html, grid: result.grid };
  });
  return cached;
}

/** The seed's report page input with the given name and findings. */
export function seedPageInput(seed: Seed, findings: Finding[], name = seed.result.name): ReportPageInput {
  return { file: seed.result.file, name, html: seed.html, evaluations: seed.result.evaluations, findings, status: 'ok', error: null, lang: 'zh' };
}

const squash = (s: string) => s.replace(/\s+/gu, '');

/** The top-level anchor cell whose text (whitespace ignored) equals `text`; `nth` for repeats. */
export function findCell(grid: DocumentGrid, text: string, nth = 0): GridCell {
  const hits = grid.tables.flatMap((t) => t.cells).filter((c) => squash(c.text) === squash(text));
  const cell = hits[nth];
  if (!cell) throw new Error(`no cell ${JSON.stringify(text)}`);
  return cell;
}

/** The cell in the same row as `label`, in the column headed `header` (same table). */
export function cellInRow(grid: DocumentGrid, label: string, header: string): GridCell {
  const row = findCell(grid, label);
  const table = grid.tables[row.table]!;
  const head = table.cells.find((c) => squash(c.text) === squash(header));
  if (!head) throw new Error(`no header ${header}`);
  const cell = table.slots[row.row]?.[head.col];
  if (!cell) throw new Error(`no cell at ${row.row}/${head.col}`);
  return cell;
}

export function findBlock(grid: DocumentGrid, text: string) {
  const block = grid.blocks.find((b) => b.text.includes(text));
  if (!block) throw new Error(`no block with ${text}`);
  return block;
}

export const DATE_SENTENCE = '新点公司于2020年9月31日初步完成项目所有系统软件的设计、开发、测试、部署等工作。';

/** Findings like the rule catalogue's, pointing at real coordinates of the seed grid. */
export function handMadeFindings(grid: DocumentGrid, file = 'fixtures/seed.txt'): Finding[] {
  const block = findBlock(grid, '2020年9月31日');
  const env = cellInRow(grid, '环境\n效益', '自评\n得分');
  const sustain = cellInRow(grid, '可持续\n影响', '自评\n得分');
  const total = cellInRow(grid, '总分', '自评\n得分');
  const c = (cell: GridCell, path: string) => ({ path, table: cell.table, row: cell.row, col: cell.col, text: cell.text });
  return [
    {
      file,
      part: 1,
      rule: 'date-invalid',
      severity: 'error',
      message: '日期“2020年9月31日”不存在',
      expected: null,
      actual: '2020年9月31日',
      location: { path: '/narrative/5/paragraphs/1', block: block.index, ...(block.line ? { line: block.line } : {}), excerpt: DATE_SENTENCE },
      related: [],
    },
    {
      file,
      part: 1,
      rule: 'score-without-evidence',
      severity: 'warning',
      message: '“环境效益”自评得分为8分，但绩效指标表中没有对应的目标值和实际值',
      expected: '0',
      actual: '8',
      location: c(env, '/indicators/19/score'),
      related: [],
    },
    {
      file,
      part: 1,
      rule: 'score-without-evidence',
      severity: 'warning',
      message: '“可持续影响”自评得分为8分，但绩效指标表中没有对应的目标值和实际值',
      expected: '0',
      actual: '8',
      location: c(sustain, '/indicators/20/score'),
      related: [],
    },
    {
      file,
      part: 1,
      rule: 'rubric-total',
      severity: 'info',
      message: '评分表总分（手工示例）',
      expected: '98',
      actual: '98',
      location: c(total, '/totals/score'),
      related: [c(env, '/indicators/19/score')],
    },
  ];
}
