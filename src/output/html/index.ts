/** The HTML audit view (SPEC: html/index.html and html/<name>.html). */
export { renderReportPage, severityCounts, type ReportPageInput } from './report-page.js';
export { renderIndexPage } from './index-page.js';
export { indexRowOf, type IndexRow, type IndexRowSource } from './index-row.js';
export { reportPagePath, HTML_DIR } from './write.js';
export { esc, jsonForScript, pageHref, pageFileName } from './escape.js';
