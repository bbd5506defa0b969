/** discrepancies.txt: the log for a person — per file, errors then warnings then info. */
import type { Lang } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';

export interface LogDocument {
  file: string;
  status: 'ok' | 'failed';
  error: string | null;
  report: Report | null;
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
const T = {
  zh: { error: '错误', warning: '警告', info: '提示', expected: '应为', actual: '实为', where: '位置', failed: '处理失败', summary: '小结', run: '合计', files: '个文件', ok: '成功', none: '无' },
  en: { error: 'error', warning: 'warning', info: 'info', expected: 'expected', actual: 'actual', where: 'where', failed: 'failed', summary: 'summary', run: 'total', files: 'files', ok: 'ok', none: 'none' },
};

function where(f: Finding): string {
  const l = f.location;
  const parts: string[] = [l.path || '/'];
  if (l.table !== undefined) parts.push(`table ${l.table} row ${l.row ?? '?'} col ${l.col ?? '?'}`);
  if (l.line !== undefined) parts.push(`line ${l.line}`);
  if (l.excerpt) parts.push(`“${l.excerpt}”`);
  else if (l.text) parts.push(`“${l.text}”`);
  return parts.join(' · ');
}

export function textLogForDocument(doc: LogDocument, lang: Lang): string {
  const t = T[lang];
  const title = doc.report?.cover.projectName?.value;
  const lines = [`== ${doc.file}${title ? ` — ${title}` : ''}`];
  if (doc.status === 'failed') {
    lines.push(`  [${t.failed}] ${doc.error ?? ''}`, '');
    return lines.join('\n') + '\n';
  }
  const sorted = [...doc.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const f of sorted) {
    lines.push(`  [${t[f.severity]}] ${f.rule}  ${f.message}`);
    if (f.expected !== null || f.actual !== null) lines.push(`      ${t.expected}: ${f.expected ?? '—'}    ${t.actual}: ${f.actual ?? '—'}`);
    lines.push(`      ${t.where}: ${where(f)}`);
  }
  const count = (s: Finding['severity']) => doc.findings.filter((f) => f.severity === s).length;
  lines.push(`  ${t.summary}: ${t.error} ${count('error')}, ${t.warning} ${count('warning')}, ${t.info} ${count('info')}`, '');
  return lines.join('\n') + '\n';
}

export function textLogSummary(totals: LogTotals, lang: Lang): string {
  const t = T[lang];
  return `== ${t.run}: ${totals.files} ${t.files}, ${t.ok} ${totals.ok}, ${t.failed} ${totals.failed}; ${t.error} ${totals.error}, ${t.warning} ${totals.warning}, ${t.info} ${totals.info}\n`;
}
