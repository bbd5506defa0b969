import * as cheerio from 'cheerio';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import {
  indexRowOf,
  renderIndexPage,
  renderReportPage,
  type IndexRow,
  type ReportPageInput,
} from '../../src/output/html/index.js';
import { writeIndexPage, writeReportPage } from './write-pages.js';
import { findExcerpt } from '../../src/output/html/locate.js';
import { DATE_SENTENCE, handMadeFindings, loadSeed, seedPageInput, type Seed } from './seed.js';

let seed: Seed;
let findings: Finding[];
let input: ReportPageInput;

beforeAll(async () => {
  seed = await loadSeed();
  findings = handMadeFindings(seed.grid);
  input = seedPageInput(seed, findings);
});

const finding = (over: Partial<Finding>): Finding => ({
  id: '0123456789abcdef',
  file: 'x.txt',
  part: 1,
  rule: 'test-rule',
  severity: 'warning',
  message: 'm',
  expected: null,
  actual: null,
  location: { path: '' },
  related: [],
  ...over,
});

describe('renderReportPage', () => {
  it('gives every anchor cell its grid coordinates and every paragraph its block index', () => {
    const $ = cheerio.load(renderReportPage(input));
    const cells = seed.grid.tables.flatMap((t) => t.cells);
    expect($('td[data-cell]').length).toBe(cells.length);
    for (const c of cells) {
      const td = $(`td[data-cell="${c.table}:${c.row}:${c.col}"]`);
      expect(td.length, `${c.table}/${c.row}/${c.col}`).toBe(1);
      if (c.rowspan > 1) expect(td.attr('rowspan')).toBe(String(c.rowspan));
      if (c.colspan > 1) expect(td.attr('colspan')).toBe(String(c.colspan));
    }
    expect($('[data-block]').length).toBe(seed.grid.blocks.length);
    for (const b of seed.grid.blocks) {
      const el = $(`[data-block="${b.index}"]`);
      expect(el.text()).toBe(b.text);
      if (b.line !== undefined) expect(el.attr('data-line')).toBe(String(b.line));
    }
  });

  it('shows the header: project, unit, date, funds, score, grade and counts', () => {
    const $ = cheerio.load(renderReportPage(input));
    expect($('h1').text()).toBe('智慧岳阳基层公共服务（一门式）信息化管理平台项目');
    const summary = $('.summary').text();
    for (const s of ['岳阳市政务服务中心', '2021-06-08', '868', '173.6', '694.4', '98', '优秀']) expect(summary).toContain(s);
    expect($('.summary .badge.sev-error').parent().text()).toBe('错误1');
    expect($('.summary .badge.sev-warning').parent().text()).toBe('警告2');
  });

  it('marks the cells of each finding (location and related) with its id and a hover title', () => {
    const $ = cheerio.load(renderReportPage(input));
    const list = $('li.finding');
    expect(list.length).toBe(findings.length);
    // errors first: the date finding is f0
    expect(list.first().attr('data-rule')).toBe('date-invalid');
    const swe = findings[1]!.location;
    const cell = $(`td[data-cell="${swe.table}:${swe.row}:${swe.col}"]`);
    expect(cell.hasClass('flagged')).toBe(true);
    // the 环境效益 score cell carries its own finding and the rubric-total's related location
    const ids = cell.attr('data-f')!.split(' ');
    expect(ids).toHaveLength(2);
    expect(cell.attr('title')).toContain('环境效益');
    expect(cell.hasClass('sev-warning')).toBe(true);
    // only its own finding names it as primary location (data-fp), not the rubric-total that relates to it
    expect(cell.attr('data-fp')).toBe(ids[0]);
    const total = findings[3]!.location;
    expect($(`td[data-cell="${total.table}:${total.row}:${total.col}"]`).attr('data-f')).toBe(ids[1]);
  });

  it('wraps a narrative finding’s sentence in <mark class="finding-excerpt">', () => {
    const $ = cheerio.load(renderReportPage(input));
    const mark = $('mark.finding-excerpt');
    expect(mark.length).toBe(1);
    expect(mark.text()).toBe(DATE_SENTENCE);
    expect(mark.attr('data-f')).toBe('f0');
    expect(mark.closest('[data-block]').attr('data-block')).toBe(String(findings[0]!.location.block));
  });

  it('finds an excerpt ignoring whitespace, and by line when the block is not given', () => {
    expect(findExcerpt('a b\nc', 'abc')).toEqual({ start: 0, end: 5 });
    expect(findExcerpt('xx 2020年 9月31日 yy', '2020年9月31日')).toEqual({ start: 3, end: 14 });
    const block = findings[0]!.location;
    const f = finding({ location: { path: '', line: block.line!, excerpt: '2020年9月31日' } });
    const $ = cheerio.load(renderReportPage({ ...input, findings: [f] }));
    expect($('mark.finding-excerpt').text()).toBe('2020年9月31日');
  });

  it('splits overlapping excerpts so both findings are on the shared text', () => {
    const b = findings[0]!.location.block!;
    const f1 = finding({ severity: 'error', location: { path: '', block: b, excerpt: '2020年9月31日初步完成' } });
    const f2 = finding({ location: { path: '', block: b, excerpt: '初步完成项目所有系统' } });
    const $ = cheerio.load(renderReportPage({ ...input, findings: [f1, f2] }));
    const marks = $('mark.finding-excerpt');
    expect(marks.map((_, m) => $(m).text()).get()).toEqual(['2020年9月31日', '初步完成', '项目所有系统']);
    expect(marks.eq(1).attr('data-f')).toBe('f0 f1');
    expect(marks.eq(1).hasClass('sev-error')).toBe(true);
  });

  it('resolves a covered slot to its anchor cell, and a table-only location to the table', () => {
    const html = '<table><tr><td colspan="2"><p>merged</p></td></tr><tr><td><p>a</p></td><td><p>b</p></td></tr></table>';
    const f1 = finding({ location: { path: '', table: 0, row: 0, col: 1 } });
    const f2 = finding({ rule: 'extract-grid-mismatch', severity: 'error', location: { path: '', table: 0 } });
    const $ = cheerio.load(renderReportPage({ ...input, html, evaluations: [], findings: [f1, f2] }));
    expect($('td[data-cell="0:0:0"]').attr('data-f')).toBe('f1');
    expect($('table[data-table="0"]').attr('data-f')).toBe('f0');
    expect($('li.finding.unlocated').length).toBe(0);
  });

  it('lists findings that point nowhere as unlocated', () => {
    const f = finding({ location: { path: '/identity/authority' } });
    const $ = cheerio.load(renderReportPage({ ...input, findings: [f] }));
    expect($('li.finding.unlocated').length).toBe(1);
    expect($('[data-f]').length).toBe(0);
  });

  it('escapes everything from the document, the findings and the file name', () => {
    const html =
      '<table><tr><td><p>&lt;script&gt;window.__xss=1&lt;/script&gt;</p></td><td><p>&lt;b&gt;bold&lt;/b&gt; &amp; "q" \'s\'</p></td></tr></table>' +
      '<p>&lt;img src=x onerror="window.__xss=2"&gt;</p>';
    const evil = '<img src=x onerror="window.__xss=3">';
    const f = finding({
      message: evil,
      expected: '</script><script>window.__xss=4</script>',
      actual: '"><svg onload=alert(1)>',
      rule: '<i>rule</i>',
      location: { path: '', table: 0, row: 0, col: 0, text: evil, excerpt: '<script>window' },
    });
    const page = renderReportPage({ ...input, file: '<script>window.__xss=5</script>.txt', html, evaluations: [], findings: [f] });
    expect(page.match(/<script/gu)).toHaveLength(1);
    expect(page).not.toMatch(/<img|<svg|<b>bold|<i>rule/u);
    const $ = cheerio.load(page);
    expect($('td[data-cell="0:0:0"]').text()).toBe('<script>window.__xss=1</script>');
    expect($('mark.finding-excerpt').text()).toBe('<script>window');
    expect($('td[data-cell="0:0:1"]').text()).toBe('<b>bold</b> & "q" \'s\'');
    expect($('.file').text()).toContain('<script>window.__xss=5</script>.txt');
    expect($('li.finding .msg').text()).toBe(evil);
  });

  it('shows a failed input with its error and no document', () => {
    const page = renderReportPage({ file: 'bad.docx', name: 'bad.docx', html: null, evaluations: [], findings: [], status: 'failed', error: '文件已损坏', lang: 'zh' });
    const $ = cheerio.load(page);
    expect($('.error-box').text()).toContain('文件已损坏');
    expect($('.doc').text()).toContain('没有可显示的原文');
    expect($('h1').text()).toBe('bad.docx');
  });

  it('speaks English with lang "en" and is deterministic', () => {
    const en = renderReportPage({ ...input, lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Findings');
    expect(renderReportPage(input)).toBe(renderReportPage(input));
  });

  it('marks every cell the real findings point to, when the rules have produced any', () => {
    const real = seed.result.findings;
    const $ = cheerio.load(renderReportPage({ ...input, findings: real }));
    real.forEach((f, i) => {
      for (const loc of [f.location, ...f.related]) {
        if (loc.table === undefined || loc.row === undefined || loc.col === undefined) continue;
        const anchor = seed.grid.tables[loc.table]?.slots[loc.row]?.[loc.col];
        if (!anchor) continue;
        const td = $(`td[data-cell="${anchor.table}:${anchor.row}:${anchor.col}"]`);
        expect(td.attr('data-f') ?? '', f.rule).toMatch(/\bf\d+\b/u);
      }
      void i;
    });
  });
});

describe('renderIndexPage', () => {
  const rows = (): IndexRow[] => [
    indexRowOf({ ...input, findings }),
    indexRowOf({ file: 'b/失败.doc', name: 'b__失败.doc', status: 'failed', error: '旧版 .doc 文件需要 LibreOffice', evaluations: [], findings: [] }),
  ];

  it('builds rows with counts and sorted rule hits', () => {
    const [ok, failed] = rows();
    expect(ok).toMatchObject({
      status: 'ok',
      project: '智慧岳阳基层公共服务（一门式）信息化管理平台项目',
      grade: '优秀',
      score: '98',
      counts: { error: 1, warning: 2, info: 1 },
    });
    expect(Object.keys(ok!.rules)).toEqual(['date-invalid', 'rubric-total', 'score-without-evidence']);
    expect(ok!.rules['score-without-evidence']).toBe(2);
    expect(failed).toMatchObject({ status: 'failed', error: '旧版 .doc 文件需要 LibreOffice', project: null, score: null });
  });

  it('embeds the rows as JSON that cannot close its script element', () => {
    const evil: IndexRow = { ...rows()[0]!, project: '</script><script>window.__xss=1</script><!--', file: '<b>x</b>' };
    const page = renderIndexPage([evil], 'zh');
    expect(page.match(/<script/gu)).toHaveLength(3);
    expect(page.match(/<\/script>/gu)).toHaveLength(3);
    const $ = cheerio.load(page);
    const data = JSON.parse($('#rows-data').text()) as (IndexRow & { href: string })[];
    expect(data[0]!.project).toBe(evil.project);
    expect(data[0]!.href).toBe(encodeURIComponent(evil.name) + '.html');
  });

  it('offers filters for status, grade, rule and severity, and draws both charts', () => {
    const $ = cheerio.load(renderIndexPage(rows(), 'zh'));
    expect($('#f-rule option').map((_, o) => $(o).attr('value')).get()).toEqual(['', 'date-invalid', 'rubric-total', 'score-without-evidence']);
    expect($('#f-grade option').map((_, o) => $(o).text()).get()).toEqual(['全部', '优（优秀）', '—']);
    expect($('#f-status option').length).toBe(3);
    expect($('#f-severity option').length).toBe(4);
    expect($('#chart-rules svg g[data-rule]').length).toBe(3);
    expect($('#chart-scores svg rect').length).toBe(8);
    expect(renderIndexPage(rows(), 'zh')).toBe(renderIndexPage(rows(), 'zh'));
  });
});

describe('writers', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'selfeval-html-'))));
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('write html/<name>.html and html/index.html atomically, leaving no temp files', async () => {
    const page = writeReportPage(dir, input);
    expect(page).toBe(join(dir, 'html', `${input.name}.html`));
    const index = writeIndexPage(dir, [indexRowOf(input)], 'zh');
    expect(index).toBe(join(dir, 'html', 'index.html'));
    expect((await readdir(join(dir, 'html'))).sort()).toEqual([`${input.name}.html`, 'index.html'].sort());
    expect(await readFile(page, 'utf8')).toBe(renderReportPage(input));
  });

  it('never lets a report named "index" replace the index page', async () => {
    const page = writeReportPage(dir, { ...input, name: 'index' });
    expect(page).toBe(join(dir, 'html', '_index.html'));
    const data = cheerio.load(renderIndexPage([indexRowOf({ ...input, name: 'index' })], 'zh'))('#rows-data').text();
    expect(data).toContain('"href":"_index.html"');
    expect(() => writeReportPage(dir, { ...input, name: '../x' })).toThrow(/unsafe/u);
  });
});
