/** One report's audit page: header, findings list, and the converted source with the findings marked. */
import type { Finding, FindingLocation, Severity } from '../../model/finding.js';
import type { DocumentGrid } from '../../model/grid.js';
import { totalLine, type Evaluation } from '../../model/evaluation.js';
import type { MoneyValue } from '../../model/values.js';
import { htmlToGrid } from '../../parse/grid.js';
import { renderDocument } from './document.js';
import { esc, pageHead } from './escape.js';
import { SEVERITIES, strings, type Lang, type Strings } from './i18n.js';
import { computeMarks, type Marks } from './locate.js';
import { REPORT_JS } from './report-script.js';
import { REPORT_CSS } from './styles.js';
import { ruleName } from '../rule-names.js';

export interface ReportPageInput {
  /** The input path as shown to users. */
  file: string;
  /** The output name: the page is `<name>.html`. */
  name: string;
  /** The converted HTML (DocumentResult.html with keepHtml), or null when conversion failed. */
  html: string | null;
  evaluations: Evaluation[];
  findings: Finding[];
  status: 'ok' | 'failed';
  error: string | null;
  lang: Lang;
  /** The grid of `html` when the caller already has it (saves parsing the HTML again). */
  grid?: DocumentGrid;
}

const text = (v: { value: string | null; raw: string } | null | undefined): string | null => {
  if (!v) return null;
  const s = v.value ?? v.raw.trim();
  return s === '' ? null : s;
};

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function countChips(counts: Record<Severity, number>, t: Strings): string {
  return SEVERITIES.map((s) => `<span class="count"><span class="badge sev-${s}">${esc(t.severity[s])}</span>${counts[s]}</span>`).join('');
}

function money(v: MoneyValue | null | undefined): string {
  if (!v) return '';
  return esc(v.value ?? v.raw.trim());
}

function renderSummary(report: Evaluation | null, findings: readonly Finding[], t: Strings, template: string | null, heading: string | null): string {
  const counts = countChips(severityCounts(findings), t);
  if (!report) return `<section class="summary"><div class="counts">${counts}</div></section>`;
  const date = report.identity.reportDate;
  const dl = [
    [t.unit, text(report.identity.unit)],
    [t.reportDate, date ? (date.value ?? date.raw.trim()) : null],
    [t.template, template],
  ]
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v ? esc(v) : '<span class="muted">—</span>'}</dd>`)
    .join('');
  const total = totalLine(report.funds);
  const funds = total
    ? `<table class="funds"><tr><th>${esc(t.planned)}</th><th>${esc(t.arrived)}</th><th>${esc(t.spent)}</th><th>${esc(t.balance)}</th></tr>` +
      `<tr><td>${money(total.budget)}</td><td>${money(total.arrived)}</td><td>${money(total.executed)}</td><td>${money(total.balance)}</td></tr></table>`
    : '<span class="muted">—</span>';
  const score = report.totals.headline?.value != null ? report.totals.headline : report.totals.score;
  const grade = text(report.totals.grade);
  const checks = report.checks ? `<p class="checks muted">${esc(t.checks(report.checks.ran.length, report.checks.notApplicable))}</p>` : '';
  return `<section class="summary" data-part="${report.part}">${heading ? `<h2 class="form-title">${esc(heading)}</h2>` : ''}
<dl>${dl}</dl>
<div><div class="muted">${esc(t.funds)}</div>${funds}</div>
<div><div class="muted">${esc(t.score)} / ${esc(t.grade)}</div><span class="score-big">${score ? esc(score.value ?? score.raw.trim()) : '—'}</span><span class="grade">${grade ? esc(grade) : ''}</span></div>
<div><div class="muted">${esc(t.findings)}</div><div class="counts">${counts}</div></div>
${checks}</section>`;
}

function locationLabel(loc: FindingLocation, t: Strings): string {
  const parts: string[] = [];
  if (loc.table !== undefined) parts.push(t.table(loc.table));
  if (loc.row !== undefined && loc.col !== undefined) parts.push(t.cell(loc.row, loc.col));
  if (loc.table === undefined && loc.block !== undefined) parts.push(t.block(loc.block));
  if (loc.line !== undefined) parts.push(t.line(loc.line));
  return parts.join(' ');
}

/** For cross-checking with discrepancies.jsonl: the JSON pointer and the raw 0-based coordinates. */
function pointerTitle(loc: FindingLocation): string {
  const coords = (['table', 'row', 'col', 'block', 'line'] as const).flatMap((k) => (loc[k] !== undefined ? [`${k}=${loc[k]}`] : []));
  return [loc.path, ...coords].filter((x) => x !== '').join(' ');
}

function renderFinding(f: Finding, id: number, located: boolean, t: Strings): string {
  const ea: string[] = [];
  if (f.expected !== null) ea.push(`${esc(t.expected)} <b>${esc(f.expected)}</b>`);
  if (f.actual !== null) ea.push(`${esc(t.actual)} <b>${esc(f.actual)}</b>`);
  const loc = locationLabel(f.location, t);
  const cls = `finding sev-${f.severity}${located ? '' : ' unlocated'}`;
  return `<li class="${cls}" data-id="f${id}" data-rule="${esc(f.rule)}" data-severity="${f.severity}" tabindex="0">
<div class="head"><span class="fno">${id + 1}</span><span class="badge sev-${f.severity}">${esc(t.severity[f.severity])}</span><span class="rule-name">${esc(ruleName(f.rule, t.htmlLang === 'en' ? 'en' : 'zh'))}</span><code>${esc(f.rule)}</code> <code class="finding-id" title="id">${esc(f.id)}</code></div>
<div class="msg">${esc(f.message)}</div>${ea.length > 0 ? `<div class="ea">${ea.join(' · ')}</div>` : ''}
<div class="loc" title="${esc(pointerTitle(f.location))}">${located ? '' : `${esc(t.noLocation)} `}${esc(loc)}${f.location.text ? ` · “${esc(f.location.text)}”` : ''}</div>
</li>`;
}

/** Each form's findings under its own heading when the file holds several (the file's own first). */
function renderFindingItems(findings: readonly Finding[], marks: Marks | null, t: Strings, evaluations: readonly Evaluation[]): string {
  const item = (f: Finding) => renderFinding(f, findings.indexOf(f), marks?.located[findings.indexOf(f)] ?? false, t);
  if (evaluations.length <= 1) return findings.map(item).join('\n');
  const groups: [string, Finding[]][] = [
    [t.wholeFile, findings.filter((f) => f.part === null)],
    ...evaluations.map((ev): [string, Finding[]] => [formHeading(ev, t), findings.filter((f) => f.part === ev.part)]),
  ];
  return groups
    .filter(([, list]) => list.length > 0)
    .map(([heading, list]) => `<li class="part-heading">${esc(heading)}</li>\n${list.map(item).join('\n')}`)
    .join('\n');
}

function formHeading(ev: Evaluation, t: Strings): string {
  const name = text(ev.identity.projectName) ?? text(ev.identity.unit);
  return `${t.form(ev.part)}${name ? ` — ${name}` : ''}`;
}

function renderFindings(findings: readonly Finding[], marks: Marks | null, t: Strings, evaluations: readonly Evaluation[], failure: string | null): string {
  const filters = `<div class="filters" role="group" aria-label="${esc(t.filterSeverity)}"><button type="button" data-sev="" aria-pressed="true">${esc(t.all)}</button>${SEVERITIES.map(
    (s) => `<button type="button" data-sev="${s}" aria-pressed="false">${esc(t.severity[s])}</button>`,
  ).join('')}</div>`;
  const items = renderFindingItems(findings, marks, t, evaluations);
  // A file that was not processed was not checked: say so, never "no findings".
  const none = failure !== null ? `<p class="not-processed err-text">${esc(t.notProcessed)}${esc(t.sep)}${esc(failure)}</p>` : `<p class="muted">${esc(t.noFindings)}</p>`;
  const body = findings.length > 0 ? `${filters}<ol class="findings" id="findings">${items}</ol>` : none;
  return `<aside class="findings-panel"><h2>${esc(t.findings)}（${findings.length}）</h2>${body}</aside>`;
}

/** Severity first (errors on top), then document order of the findings as given. */
function ordered(findings: readonly Finding[]): Finding[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

export function renderReportPage(input: ReportPageInput): string {
  const t = strings(input.lang);
  const findings = ordered(input.findings);
  const grid = input.html !== null ? (input.grid ?? htmlToGrid(input.html)) : null;
  const marks = grid ? computeMarks(grid, findings) : null;
  const evs = input.evaluations;
  const title = (evs.length === 1 ? text(evs[0]!.identity.projectName) : null) ?? input.file;
  const summaries = evs.length === 0
    ? renderSummary(null, findings, t, null, null)
    : evs.map((ev) => renderSummary(ev, findings.filter((f) => f.part === ev.part || (evs.length === 1 && f.part === null)), t, ev.template, evs.length > 1 ? formHeading(ev, t) : null)).join('\n');
  const failed = input.status === 'failed'
    ? `<div class="error-box" role="alert"><b>${esc(t.failed)}</b>${esc(t.sep)}${esc(input.error ?? '')}</div>`
    : '';
  const doc = grid && marks
    ? `<div class="doc-body">${renderDocument(grid, findings, marks, t)}</div>`
    : `<p class="muted">${esc(t.noSource)}</p>`;
  return `${pageHead(t.htmlLang, `${title} · ${t.appTitle}`, REPORT_CSS)}
<body class="report-page">
<header class="top"><a class="back" href="index.html">${esc(t.backToIndex)}</a>
<h1>${esc(title)}</h1><div class="file">${esc(t.file)}${esc(t.sep)}${esc(input.file)} <span class="badge st-${input.status}">${esc(t.status[input.status] ?? input.status)}</span></div></header>
${failed}${summaries}
<div class="layout">
${renderFindings(findings, marks, t, evs, input.status === 'failed' ? (input.error ?? '') : null)}
<main class="doc"><h2>${esc(t.source)}</h2>${doc}${findings.length > 0 ? `<a class="to-list" href="#findings">${esc(t.toList)}</a>` : ''}</main>
</div>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
