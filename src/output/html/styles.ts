/** Inline CSS of the audit view (no web fonts, no network: system CJK fonts first). */

const BASE = `
:root{--err:#c62828;--err-bg:#fdecea;--warn:#a55d00;--warn-bg:#fff3dc;--info:#1b5fb0;--info-bg:#e7f0fb;
--ink:#1f2328;--muted:#5c6670;--line:#d6dbe0;--panel:#f6f8fa;--accent:#6a1b9a;--active:#ffd54f}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC",
"Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",sans-serif}
a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
code{font:12px/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;background:var(--panel);
border:1px solid var(--line);border-radius:4px;padding:0 4px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:0 0 8px}
.top{padding:14px 24px;border-bottom:1px solid var(--line);background:var(--panel)}
.top .file{color:var(--muted);font-size:12px;word-break:break-all}
.back{font-size:13px;display:inline-block;margin-bottom:4px}
.badge{display:inline-block;min-width:36px;text-align:center;font-size:12px;line-height:18px;padding:0 6px;
border-radius:9px;color:#fff;font-weight:600}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}.badge.sev-info{background:var(--info)}
.badge.st-failed{background:#6d4c41}.badge.st-ok{background:#2e7d32}
.counts{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
.count{display:inline-flex;gap:4px;align-items:center;font-size:13px}
.error-box{margin:16px 24px;padding:12px 16px;border:1px solid var(--err);background:var(--err-bg);border-radius:6px}
.muted{color:var(--muted)}
button,select,input{font:inherit;font-size:13px}
button{cursor:pointer;border:1px solid var(--line);background:#fff;border-radius:6px;padding:2px 10px}
button[aria-pressed="true"]{background:var(--ink);color:#fff;border-color:var(--ink)}
button:disabled{opacity:.45;cursor:default}
`;

const REPORT = `
.summary{display:flex;flex-wrap:wrap;gap:12px 32px;padding:12px 24px;border-bottom:1px solid var(--line)}
.summary dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0}
.summary dt{color:var(--muted)}.summary dd{margin:0;font-weight:500}
.summary .form-title{flex-basis:100%;margin:0;font-size:16px}
.summary .checks{flex-basis:100%;margin:0;font-size:12px}
.findings .part-heading{list-style:none;margin:10px 0 4px;font-weight:600;color:var(--muted)}
.score-big{font-size:28px;font-weight:700;line-height:1.1}
.grade{font-size:15px;font-weight:600;margin-left:6px}
table.funds{border-collapse:collapse;font-size:13px}
table.funds th,table.funds td{border:1px solid var(--line);padding:2px 10px;text-align:right}
table.funds th{background:var(--panel);font-weight:500}
.layout{display:grid;grid-template-columns:minmax(300px,400px) 1fr;align-items:start}
.findings-panel{position:sticky;top:0;max-height:100vh;overflow:auto;padding:12px 16px 24px;
background:#fbfcfd}
.findings-panel .filters{display:flex;gap:6px;flex-wrap:wrap;margin-bottom:8px}
ol.findings{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:6px;padding:6px 10px;
margin-bottom:8px;cursor:pointer;background:#fff}
.finding:hover{box-shadow:0 1px 4px rgba(0,0,0,.12)}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn)}
.finding.sev-info{border-left-color:var(--info)}
.finding.active{outline:2px solid var(--accent);background:#f7f0fb}
.finding .head{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.finding .msg{margin:4px 0 2px}
.finding .ea{font-size:12px}.finding .ea b{font-weight:600}
.finding .loc{font-size:12px;color:var(--muted)}
.finding.unlocated{cursor:default}
.doc{padding:12px 24px 48px;min-width:0;min-height:100vh;border-left:1px solid var(--line)}
.doc-body p{margin:4px 0;white-space:pre-line;word-break:break-word}
.doc-body p.empty{min-height:.8em}
.table-wrap{margin:12px 0;overflow-x:auto}
.table-label{font-size:12px;color:var(--muted)}
.doc-body table{border-collapse:collapse;font-size:13px;max-width:100%}
.doc-body td{border:1px solid #b9c0c7;padding:3px 6px;vertical-align:top;min-width:2.5em}
.doc-body td p{margin:0}
.doc-body table.nested td{border-color:#d6dbe0}
.flagged.sev-error{background:var(--err-bg);box-shadow:inset 0 0 0 2px var(--err)}
.flagged.sev-warning{background:var(--warn-bg);box-shadow:inset 0 0 0 2px var(--warn)}
.flagged.sev-info{background:var(--info-bg);box-shadow:inset 0 0 0 2px var(--info)}
table.flagged{box-shadow:0 0 0 2px var(--err)}
mark.finding-excerpt{box-shadow:none;border-radius:2px;padding:0 1px;color:inherit}
mark.finding-excerpt.sev-error{background:#f8c9c4;border-bottom:2px solid var(--err)}
mark.finding-excerpt.sev-warning{background:#ffe2a8;border-bottom:2px solid var(--warn)}
mark.finding-excerpt.sev-info{background:#cfe1f7;border-bottom:2px solid var(--info)}
.flagged.active,mark.finding-excerpt.active{background:var(--active);box-shadow:inset 0 0 0 3px var(--accent);
animation:pulse 1.2s ease-out 1}
@keyframes pulse{0%{box-shadow:inset 0 0 0 3px var(--accent),0 0 0 6px rgba(106,27,154,.35)}
100%{box-shadow:inset 0 0 0 3px var(--accent),0 0 0 0 rgba(106,27,154,0)}}
[data-f]{cursor:help}
@media (max-width:900px){.layout{grid-template-columns:1fr}.findings-panel{position:static;max-height:none}.doc{border-left:0}}
@media print{.findings-panel{position:static;max-height:none}}
`;

const INDEX = `
.stats{display:flex;gap:24px;flex-wrap:wrap;padding:12px 24px;border-bottom:1px solid var(--line)}
.charts{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start;padding:12px 24px}
.chart{border:1px solid var(--line);border-radius:8px;padding:8px 12px;background:#fff}
.chart h2{font-size:14px}
.chart svg{display:block}
.chart svg text{font-size:11px;fill:var(--ink)}
.chart .bar{fill:#5b7db1}.chart .bar.failed{fill:#8d6e63}
.chart g[data-rule]{cursor:pointer}.chart g[data-rule]:hover .bar{fill:var(--accent)}
.controls{display:flex;gap:10px;flex-wrap:wrap;align-items:center;padding:8px 24px}
.controls label{display:inline-flex;gap:4px;align-items:center}
.controls input[type=search]{min-width:220px;padding:2px 8px;border:1px solid var(--line);border-radius:6px}
.table-box{padding:0 24px}
table.rows{border-collapse:collapse;width:100%;font-size:13px}
table.rows th,table.rows td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
table.rows th{background:var(--panel);position:sticky;top:0;cursor:pointer;user-select:none;white-space:nowrap}
table.rows th[aria-sort="ascending"]::after{content:" ▲"}table.rows th[aria-sort="descending"]::after{content:" ▼"}
table.rows td.num{text-align:right;font-variant-numeric:tabular-nums}
table.rows tr.failed td{background:#fbf4f2}
table.rows td.file{word-break:break-all;max-width:320px}
.rule-chip{display:inline-block;margin:0 4px 2px 0;font-size:11px;padding:0 5px;border:1px solid var(--line);border-radius:4px;background:var(--panel)}
.err-text{color:var(--err)}
.pager{display:flex;gap:10px;align-items:center;padding:10px 24px 32px}
`;

export const REPORT_CSS = BASE + REPORT;
export const INDEX_CSS = BASE + INDEX;
