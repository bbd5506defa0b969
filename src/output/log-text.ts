/**
 * discrepancies.txt: the log for a person — per file a one-line summary, then errors, warnings and
 * info, each with its message, expected vs actual, and where to look in the document's own terms.
 */
import { describeLocation } from '../check/describe.js';
import type { Lang } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { Evaluation } from '../model/evaluation.js';

export interface LogDocument {
  file: string;
  status: 'ok' | 'failed';
  error: string | null;
  evaluations: Evaluation[];
  findings: Finding[];
}

export interface LogTotals {
  files: number;
  ok: number;
  failed: number;
  error: number;
  warning: number;
  info: number;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
/** Related cells listed in full up to this many; beyond it the first few and a count. */
const RELATED_MAX = 6;

const T = {
  zh: {
    error: '错误',
    warning: '警告',
    info: '提示',
    expected: '应为',
    actual: '实为',
    where: '位置',
    related: '相关',
    more: (n: number) => `……另有${n}处`,
    failed: '处理失败',
    clean: '未发现问题',
    run: '全部',
    counts: (e: number, w: number, i: number) => `错误 ${e}，警告 ${w}，提示 ${i}`,
    files: (n: number, ok: number, failed: number) => `${n} 个文件（成功 ${ok}，失败 ${failed}）`,
    sep: '：',
    part: (n: number) => `第${n}张表`,
    file: '整份文件',
  },
  en: {
    error: 'error',
    warning: 'warning',
    info: 'info',
    expected: 'expected',
    actual: 'actual',
    where: 'where',
    related: 'related',
    more: (n: number) => `… and ${n} more`,
    failed: 'failed',
    clean: 'no findings',
    run: 'run',
    counts: (e: number, w: number, i: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info`,
    files: (n: number, ok: number, failed: number) => `${n} file${n === 1 ? '' : 's'} (${ok} ok, ${failed} failed)`,
    sep: ': ',
    part: (n: number) => `form ${n}`,
    file: 'whole file',
  },
};

function findingLines(f: Finding, report: Evaluation | null, lang: Lang): string[] {
  const t = T[lang];
  const lines = [`  [${t[f.severity]}] ${f.message}  (${f.rule})`];
  if (f.expected !== null || f.actual !== null) lines.push(`      ${t.expected}${t.sep}${f.expected ?? '—'}    ${t.actual}${t.sep}${f.actual ?? '—'}`);
  lines.push(`      ${t.where}${t.sep}${describeLocation(f.location, report, lang)}`);
  const related = f.related.length > RELATED_MAX ? f.related.slice(0, RELATED_MAX - 1) : f.related;
  for (const r of related) lines.push(`      ${t.related}${t.sep}${describeLocation(r, report, lang)}`);
  if (related.length < f.related.length) lines.push(`      ${t.related}${t.sep}${t.more(f.related.length - related.length)}`);
  return lines;
}

export function textLogForDocument(doc: LogDocument, lang: Lang): string {
  const t = T[lang];
  const single = doc.evaluations.length === 1 ? doc.evaluations[0]! : null;
  const title = single ? formName(single) : null;
  const lines = [`== ${doc.file}${title ? ` — ${title}` : ''}`];
  if (doc.status === 'failed') {
    lines.push(`   ${t.failed}${t.sep}${doc.error ?? ''}`, '');
    return lines.join('\n') + '\n';
  }
  const count = (s: Finding['severity']) => doc.findings.filter((f) => f.severity === s).length;
  lines.push(`   ${doc.findings.length === 0 ? t.clean : t.counts(count('error'), count('warning'), count('info'))}`);
  // Stable: within a severity, the rules' catalogue order as the findings arrive.
  const sorted = [...doc.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (single || doc.evaluations.length === 0) {
    for (const f of sorted) lines.push(...findingLines(f, single, lang));
  } else {
    // Several forms: the file's own findings, then each form under its heading with its own.
    const groups: [string, Evaluation | null, Finding[]][] = [
      [t.file, null, sorted.filter((f) => f.part === null)],
      ...doc.evaluations.map((ev): [string, Evaluation, Finding[]] => [`${t.part(ev.part)}${formName(ev) ? ` — ${formName(ev)}` : ''}`, ev, sorted.filter((f) => f.part === ev.part)]),
    ];
    for (const [heading, ev, findings] of groups) {
      if (!ev && findings.length === 0) continue;
      lines.push(` -- ${heading}${t.sep}${findings.length === 0 ? t.clean : t.counts(...severityCounts(findings))}`);
      for (const f of findings) lines.push(...findingLines(f, ev, lang));
    }
  }
  lines.push('');
  return lines.join('\n') + '\n';
}

/** What a form is called: its project, else its 部门（单位）. */
export function formName(ev: Evaluation): string | null {
  return ev.identity.projectName?.value ?? (ev.kind === 'department' ? (ev.identity.unit?.value ?? null) : null);
}

function severityCounts(findings: Finding[]): [number, number, number] {
  return [findings.filter((f) => f.severity === 'error').length, findings.filter((f) => f.severity === 'warning').length, findings.filter((f) => f.severity === 'info').length];
}

export function textLogSummary(totals: LogTotals, lang: Lang): string {
  const t = T[lang];
  return `== ${t.run}${t.sep}${t.files(totals.files, totals.ok, totals.failed)}${lang === 'zh' ? '；' : '; '}${t.counts(totals.error, totals.warning, totals.info)}\n`;
}
