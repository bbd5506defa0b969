/** Deterministic synthetic index rows (for the 10,000-input index test). */
import type { Severity } from '../../src/model/finding.js';
import type { IndexRow } from '../../src/output/html/index.js';

const RULES = ['date-invalid', 'funds-balance', 'grade-band', 'rubric-total', 'score-without-evidence', 'field-missing'];
const GRADES = ['优秀', '良好', '合格', '不合格'];

/** A small linear congruential generator, so runs are reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticRows(n: number): IndexRow[] {
  const rnd = lcg(7);
  const rows: IndexRow[] = [];
  for (let i = 0; i < n; i++) {
    const name = `batch__r${String(i).padStart(5, '0')}.docx`;
    if (rnd() < 0.05) {
      rows.push({ file: name.replace('__', '/'), name, status: 'failed', error: '文件已损坏：不是完整的 ZIP/Word 文件', project: null, unit: null, grade: null, score: null, counts: { error: 0, warning: 0, info: 0 }, rules: {} });
      continue;
    }
    const rules: Record<string, number> = {};
    const counts = { error: 0, warning: 0, info: 0 };
    const hits: [Severity, string, string][] = [];
    for (const rule of RULES) {
      if (rnd() < 0.2) {
        const k = 1 + Math.floor(rnd() * 3);
        rules[rule] = k;
        const severity: Severity = rule === 'score-without-evidence' || rule === 'field-missing' ? 'warning' : 'error';
        counts[severity] += k;
        for (let j = 0; j < k; j++) hits.push([severity, rule, `${rule} #${j + 1} in report ${i}`]);
      }
    }
    const score = (55 + Math.floor(rnd() * 450) / 10).toFixed(1).replace(/\.0$/u, '');
    rows.push({
      file: name.replace('__', '/'),
      name,
      status: 'ok',
      error: null,
      project: `项目${i}`,
      unit: `单位${i % 37}`,
      grade: GRADES[Math.floor(rnd() * GRADES.length)]!,
      score,
      counts,
      rules,
      hits,
    });
  }
  return rows;
}
