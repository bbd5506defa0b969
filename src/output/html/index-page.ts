/**
 * The audit index, triage first: the inputs worst first (failed, then most errors, then warnings), tinted
 * by their worst finding, filterable and sortable with the state kept in the URL; then the findings of
 * all reports grouped by rule, each linking to its marked cell; then two small charts.
 */
import { esc, jsonForScript, pageHead, pageHref } from './escape.js';
import { rulesChart, ScoreBins } from './charts.js';
import { SEVERITIES, strings, type Lang, type Strings } from './i18n.js';
import type { IndexRow } from './index-row.js';
import { INDEX_JS } from './index-script.js';
import { INDEX_CSS } from './styles.js';
import { ruleName } from '../rule-names.js';

/** Grade bands of the default grade-band rule; a printed grade outside them is offered as printed. */
export const GRADE_BANDS: Record<string, string> = {
  优: '优', 优秀: '优', 良: '良', 良好: '良', 中: '中', 中等: '中', 合格: '中', 一般: '中', 差: '差', 较差: '差', 不合格: '差',
};

const NONE = '(none)';

function options(values: readonly string[], t: Strings, withNone = false, label?: (v: string) => string): string {
  const all = `<option value="">${esc(t.all)}</option>`;
  const list = values.map((v) => `<option value="${esc(v)}">${esc(label ? label(v) : v)}</option>`).join('');
  return all + list + (withNone ? `<option value="${esc(NONE)}">—</option>` : '');
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The strings the inline script needs, with {placeholders} instead of functions. */
function scriptStrings(t: Strings, lang: Lang) {
  return {
    locale: lang === 'en' ? 'en' : 'zh-CN',
    status: t.status,
    rows: t.rows(-1, -2).replace('-1', '{shown}').replace('-2', '{total}'),
    page: t.page(-1, -2).replace('-1', '{p}').replace('-2', '{n}'),
    noRows: t.noRows,
    more: t.more(-1).replace('-1', '{n}'),
    sortBy: t.sortBy('{label}'),
    severity: t.severity,
    bands: GRADE_BANDS,
  };
}

/**
 * What the index's counts, filters and charts need of the rows, gathered one row at a time: a large run's
 * rows then go from their spill file into the page without ever being held together.
 */
export class IndexTally {
  count = 0;
  private readonly total = { ok: 0, failed: 0, error: 0, warning: 0, info: 0 };
  private readonly grades = new Set<string>();
  private readonly ruleTotals = new Map<string, number>();
  private readonly scores = new ScoreBins();

  add(r: IndexRow): void {
    this.count++;
    this.total[r.status]++;
    for (const s of SEVERITIES) this.total[s] += r.counts[s];
    if (r.grade !== null) this.grades.add(r.grade);
    for (const [rule, n] of Object.entries(r.rules)) this.ruleTotals.set(rule, (this.ruleTotals.get(rule) ?? 0) + n);
    this.scores.add(r.score);
  }

  /** The page around its rows' data: `head`, then the rows joined by commas (indexRowData), then `tail`. */
  page(lang: Lang): { head: string; tail: string } {
    const t = strings(lang);
    const total = this.total;
    const printed = sortedUnique(this.grades);
    const bands = ['优', '良', '中', '差'].filter((b) => printed.some((g) => GRADE_BANDS[g] === b));
    const others = printed.filter((g) => GRADE_BANDS[g] === undefined);
    const rules = sortedUnique(this.ruleTotals.keys());
    const names: Record<string, string> = Object.fromEntries(rules.map((id) => [id, ruleName(id, lang)]));
    const stats = [
      `<span class="count">${esc(t.inputs)} <b>${this.count}</b></span>`,
      `<span class="count"><span class="badge st-ok">${esc(t.okCount)}</span>${total.ok}</span>`,
      `<span class="count"><span class="badge st-failed">${esc(t.failedCount)}</span>${total.failed}</span>`,
      ...SEVERITIES.map((s) => `<span class="count"><span class="badge sev-${s}">${esc(t.severity[s])}</span>${total[s]}</span>`),
    ].join('');
    // A button in each sortable header: reachable and operable from the keyboard.
    const th = (key: string, label: string) =>
      `<th data-sort="${key}" scope="col"><button type="button" class="sort" aria-label="${esc(t.sortBy(label))}">${esc(label)}</button></th>`;
    const head = `${pageHead(t.htmlLang, `${t.indexTitle} · ${t.appTitle}`, INDEX_CSS)}
<body class="index-page">
<header class="top"><h1>${esc(t.indexTitle)}</h1><div class="muted">${esc(t.appTitle)}</div></header>
<section class="stats counts">${stats}</section>
<section class="controls">
<input type="search" id="f-q" placeholder="${esc(t.search)}" aria-label="${esc(t.search)}">
<label>${esc(t.status_)} <select id="f-status">${options(['ok', 'failed'], t, false, (v) => t.status[v] ?? v)}</select></label>
<label>${esc(t.grade)} <select id="f-grade">${options([...bands, ...others], t, true, (v) => t.bands[v] ?? v)}</select></label>
<label>${esc(t.rule)} <select id="f-rule">${options(rules, t, false, (v) => `${names[v]} (${v})`)}</select></label>
<label>${esc(t.severityLabel)} <select id="f-severity">${options([...SEVERITIES], t, false, (v) => t.severity[v as 'error'])}</select></label>
<label>${esc(t.perPage)} <select id="f-size"><option>50</option><option selected>100</option><option>500</option></select></label>
<button type="button" id="sort-worst">${esc(t.worstFirst)}</button>
<span id="count" class="muted" aria-live="polite"></span>
</section>
<div class="table-box"><table class="rows">
<thead><tr>${th('_i', '#')}${th('file', t.file)}${th('status', t.status_)}${th('project', t.project)}${th('score', t.score)}${th('grade', t.grade)}${th('error', t.severity.error)}${th('warning', t.severity.warning)}${th('info', t.severity.info)}<th scope="col">${esc(t.rules)}</th></tr></thead>
<tbody id="rows-body"></tbody>
</table></div>
<nav class="pager"><button type="button" id="prev">${esc(t.prev)}</button><span id="page-info"></span><button type="button" id="next">${esc(t.next)}</button></nav>
<section class="by-rule" id="by-rule"><h2>${esc(t.byRule)}</h2><p class="muted">${esc(t.byRuleHint)}</p><div id="rule-groups"></div></section>
<section class="charts">
<div class="chart" id="chart-rules"><h2>${esc(t.chartRules)}</h2>${rulesChart(this.ruleTotals, t, names)}</div>
<div class="chart" id="chart-scores"><h2>${esc(t.chartScores)}</h2>${this.scores.chart(t)}</div>
</section>
<script type="application/json" id="rows-data">[`;
    const tail = `]</script>
<script type="application/json" id="i18n-data">${jsonForScript({ ...scriptStrings(t, lang), ruleNames: names })}</script>
<script>${INDEX_JS}</script>
</body>
</html>
`;
    return { head, tail };
  }
}

/** One row as the page's script reads it (with the link to its report page), safe inside a script element. */
export function indexRowData(r: IndexRow): string {
  return jsonForScript({ ...r, href: pageHref(r.name) });
}

export function renderIndexPage(rows: readonly IndexRow[], lang: Lang): string {
  const tally = new IndexTally();
  for (const r of rows) tally.add(r);
  const { head, tail } = tally.page(lang);
  return head + rows.map(indexRowData).join(',') + tail;
}
