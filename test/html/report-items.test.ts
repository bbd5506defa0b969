import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderReportPage } from '../../src/output/html/index.js';
import { REPORT_CSS } from '../../src/output/html/styles.js';
import { handMadeFindings, loadSeed, seedPageInput } from './seed.js';

const seed = await loadSeed();

describe('report page', () => {
  it('says a failed input was not processed and why, never that it has no findings', () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = renderReportPage({ file: 'a/b.docx', name: 'a__b.docx', html: null, evaluations: [], findings: [], status: 'failed', error: 'corrupt zip', lang });
      const $ = cheerio.load(html);
      expect($('.findings-panel .not-processed').text()).toBe(lang === 'zh' ? '此文件未能处理，因此没有核查：corrupt zip' : 'This file could not be processed, so it was not checked: corrupt zip');
      expect(html).not.toContain(lang === 'zh' ? '未发现问题' : 'No findings');
      // English UI: ASCII punctuation.
      if (lang === 'en') expect($('.top .file').text()).toMatch(/^File: a\/b\.docx/u);
    }
  });

  it('styles a finding’s own cell apart from its related cells and numbers the cells as the list', () => {
    const findings = handMadeFindings(seed.grid);
    const $ = cheerio.load(renderReportPage(seedPageInput(seed, findings, 'seed-hand')));
    const withRelated = $('li.finding').toArray().find((li) => {
      const id = $(li).attr('data-id')!;
      return $(`[data-f~="${id}"]:not([data-fp~="${id}"])`).length > 0 && $(`[data-fp~="${id}"]`).length > 0;
    });
    expect(withRelated).toBeDefined();
    const id = $(withRelated!).attr('data-id')!;
    const n = String(Number(id.slice(1)) + 1);
    expect($(withRelated!).find('.fno').text()).toBe(n);
    const main = $(`[data-fp~="${id}"]`).first();
    expect(main.hasClass('main')).toBe(true);
    expect(main.attr('data-n')!.split(',')).toContain(n);
    for (const el of $(`[data-f~="${id}"]`).toArray()) expect($(el).attr('data-n')!.split(',')).toContain(n);
    // Every marked element is either some finding's own place (main) or only involved in one (related).
    for (const el of $('.flagged').toArray()) expect($(el).hasClass('main')).toBe($(el).attr('data-fp') !== undefined);
    // A funds-balance-like finding involves cells that are nobody's own place: the rule catalogue's findings.
    const real = cheerio.load(renderReportPage(seedPageInput(seed, seed.result.findings, 'seed-real')));
    const related = real('.flagged.related');
    expect(related.length + $('.flagged.related').length).toBeGreaterThan(0);
    for (const el of related.toArray()) expect(real(el).attr('data-fp')).toBeUndefined();
    expect($('a.to-list').attr('href')).toBe('#findings');
    // Printed: the numbers after the marked cells.
    expect(REPORT_CSS).toMatch(/@media print\{[^]*\.flagged\[data-n\]::after\{content:" \[" attr\(data-n\) "\]"/u);
  });

  it('names fonts present offline on Windows, macOS and Linux for Chinese text', () => {
    const body = /body\{[^}]*font:[^}]*\}/u.exec(REPORT_CSS)![0];
    for (const font of ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'SimSun', 'sans-serif']) expect(body).toContain(font);
    expect(REPORT_CSS).not.toMatch(/@import|url\(/u);
  });
});
