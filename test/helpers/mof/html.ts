/**
 * MofForm / document parts → a 信息公开 page of a government CMS: site header, navigation (a list, or
 * on older sites a small layout table), breadcrumb, article header, the content with every form as an
 * HTML table (rowspan/colspan) under its title and year, related links, and a footer with 版权所有
 * and the ICP 备案号.
 */
import type { MofForm } from './form.js';
import type { TableSpec } from './layout.js';
import { blocksOfPrintable, type Block, type Printable } from './parts.js';

export interface PageOptions {
  /** The site's name in the header and footer, e.g. '云岭县人民政府'. */
  site?: string;
  /** The article headline; defaults to the first heading, or the form's title with its name. */
  headline?: string;
  /** Navigation as a one-row layout table (older sites) instead of a list. */
  navTable?: boolean;
  published?: string;
  /**
   * The page laid out with tables (older CMS templates): 'cell' puts the article's content in the one
   * cell of a full-width frame table; 'chrome' makes the whole page a table (header row, a row of the
   * navigation cell, itself a nested link table, beside the article cell, footer row).
   */
  frame?: 'cell' | 'chrome';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

function cellHtml(text: string, colspan: number, rowspan: number): string {
  const attrs = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
  const paras = text.split('\n');
  const body =
    text === ''
      ? '&nbsp;'
      : paras.length === 1
        ? `<span style="font-family:宋体;font-size:12px">${escapeHtml(text)}</span>`
        : paras.map((t) => `<p style="text-align:center;margin:0">${escapeHtml(t)}</p>`).join('');
  return `<td${attrs} valign="middle" style="border:1px solid #000">${body}</td>`;
}

export function tableHtml(table: TableSpec): string {
  const rows = table.rows.map((cells) => `<tr>${cells.map((cell) => cellHtml(cell.text, cell.colspan ?? 1, cell.rowspan ?? 1)).join('')}</tr>`);
  return `<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function blockHtml(block: Block): string {
  if (block.kind === 'table') return tableHtml(block.table);
  const text = escapeHtml(block.text);
  switch (block.role) {
    case 'heading':
      return `<h3>${text}</h3>`;
    case 'title':
      return `<p style="text-align:center"><strong><span style="font-size:20px">${text}</span></strong></p>`;
    case 'year':
      return `<p style="text-align:center">${text}</p>`;
    case 'caption':
      return `<p style="text-align:left">${text}</p>`;
    case 'note':
      return `<p style="font-size:12px">${text}</p>`;
    case 'text':
      return text === '' ? '' : `<p style="text-indent:2em">${text}</p>`;
  }
}

/** Two ideographic spaces, as CMS footers separate their items. */
const WIDE = '\u3000\u3000';

const NAV = ['首页', '政务公开', '政务服务', '互动交流', '走进本县'];

function navHtml(table: boolean): string {
  const links = NAV.map((n, i) => `<a href="/${i === 0 ? '' : `c${100 + i}/`}">${n}</a>`);
  if (table) {
    return `<table class="nav" width="100%" border="0" cellspacing="0" cellpadding="0"><tr>${links.map((a) => `<td align="center">${a}</td>`).join('')}</tr></table>`;
  }
  return `<div class="nav"><ul>${links.map((a) => `<li>${a}</li>`).join('')}</ul></div>`;
}

function defaultHeadline(x: Printable): string {
  if (Array.isArray(x)) {
    const first = x.find((p) => p.kind === 'heading' || p.kind === 'form');
    if (first?.kind === 'heading') return first.text;
    if (first?.kind === 'form') return formHeadline(first.form);
    return '财政预决算信息公开';
  }
  return formHeadline(x);
}

function formHeadline(form: MofForm): string {
  const who = form.kind === 'project' ? (form.projectName ?? '') : (form.department ?? '');
  return `${form.year}年度${who}${form.kind === 'project' ? '项目支出' : '部门整体支出'}绩效自评结果公开`;
}

/** The whole page. */
export function renderHtml(x: Printable, options: PageOptions = {}): string {
  const site = options.site ?? '云岭县人民政府';
  const headline = options.headline ?? defaultHeadline(x);
  const content = blocksOfPrintable(x).map(blockHtml).filter((s) => s !== '').join('\n');
  const framed = options.frame === 'cell' ? `<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td>\n${content}\n</td></tr></table>` : content;
  const header = `<div class="top"><div class="w1200"><span>无障碍浏览</span> | <span>长者模式</span> | <a href="/sjb/">手机版</a></div></div>
<div class="header"><div class="logo"><a href="/">${escapeHtml(site)}</a></div>
<div class="search"><form action="/search" method="get"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div></div>`;
  const article = `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/c101/">政务公开</a> &gt; <a href="/c101/czyjs/">财政预决算</a> &gt; 正文</div>
<div class="article">
<h1 class="article-title">${escapeHtml(headline)}</h1>
<div class="article-info"><span>发布时间：${options.published ?? '2024-06-28'}</span> <span>来源：${escapeHtml(site)}</span> <span>浏览次数：<em id="hits"></em></span> <span>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="article-content" id="zoom">
${framed}
</div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h4>相关链接</h4><ul><li><a href="http://www.mof.gov.cn/">中华人民共和国财政部</a></li><li><a href="/c101/czyjs/">财政预决算公开</a></li></ul></div>`;
  const footer = `<div class="footer">
<p>主办单位：${escapeHtml(site)}办公室${WIDE}承办单位：${escapeHtml(site)}电子政务中心</p>
<p>版权所有：${escapeHtml(site)}${WIDE}网站标识码：5325000001</p>
<p>备案号：<a href="https://beian.miit.gov.cn/">滇ICP备05001234号-1</a>${WIDE}滇公网安备 53250002000123号</p>
</div>`;
  const body =
    options.frame === 'chrome'
      ? `<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="2">${header}</td></tr>
<tr><td width="200" valign="top">${navHtml(true)}</td><td valign="top">${article}</td></tr>
<tr><td colspan="2">${footer}</td></tr>
</table>`
      : `${header}\n${navHtml(options.navTable ?? false)}\n${article}\n${footer}`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="${escapeHtml(site)}">
<meta name="ArticleTitle" content="${escapeHtml(headline)}">
<title>${escapeHtml(headline)}_${escapeHtml(site)}</title>
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery.min.js"></script>
</head>
<body>
${body}
</body>
</html>
`;
}
