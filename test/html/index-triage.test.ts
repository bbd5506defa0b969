/**
 * The audit index as an auditor uses it on a 200-report run, in headless Chromium (Debian's chromium via
 * playwright-core): worst first, the findings list across reports, state kept across Back, keyboard
 * sorting, a phone-width screen and printing.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexRowOf, type IndexRow } from '../../src/output/html/index.js';
import { writeIndexPage, writeReportPage } from './write-pages.js';
import { handMadeFindings, loadSeed, seedPageInput } from './seed.js';
import { syntheticRows } from './synthetic.js';

const SKIP = process.env.SELFEVAL_SKIP_BROWSER === '1';
const CHROMIUM = process.env.SELFEVAL_CHROMIUM ?? '/usr/bin/chromium';
const OUT = join(resolve('test-artifacts'), 'html-triage');

const seed = await loadSeed();
const findings = handMadeFindings(seed.grid);
const input = seedPageInput(seed, findings, 'seed-hand');

/** The comparator the index promises by default: failed first, then errors, warnings, info; input order. */
function worstFirst(rows: IndexRow[]): IndexRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        Number(b.r.status === 'failed') - Number(a.r.status === 'failed') ||
        b.r.counts.error - a.r.counts.error ||
        b.r.counts.warning - a.r.counts.warning ||
        b.r.counts.info - a.r.counts.info ||
        a.i - b.i,
    )
    .map((x) => x.r);
}

describe.skipIf(SKIP)('audit index triage (200 reports)', () => {
  let browser: Browser;
  let page: Page;
  let rows: IndexRow[];
  let indexUrl: string;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    await mkdir(OUT, { recursive: true });
    writeReportPage(OUT, input);
    rows = [...syntheticRows(120), indexRowOf(input), ...syntheticRows(199).slice(120)];
    expect(rows).toHaveLength(200);
    writeIndexPage(OUT, rows, 'zh');
    indexUrl = pathToFileURL(join(OUT, 'html', 'index.html')).href;
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(/^(?!file:)/u, (route) => {
      errors.push(`network: ${route.request().url()}`);
      void route.abort();
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const names = () => page.locator('#rows-body tr').evaluateAll((trs) => trs.map((tr) => (tr as unknown as { getAttribute(n: string): string }).getAttribute('data-name')));

  it('opens worst first, rows tinted by their worst finding, rule chips named in the run language', async () => {
    await page.goto(indexUrl);
    expect(await names()).toEqual(worstFirst(rows).slice(0, 100).map((r) => r.name));
    const firstOk = worstFirst(rows).find((r) => r.status === 'ok')!;
    const tr = page.locator(`#rows-body tr[data-name="${firstOk.name}"]`);
    expect(await tr.getAttribute('class')).toBe('has-error');
    expect(await tr.locator('td.sev-error').count()).toBe(1);
    // Chips show the rule's Chinese name, the id in the tooltip.
    const chip = page.locator('#rows-body .rule-chip[data-rule="date-invalid"]').first();
    expect(await chip.textContent()).toMatch(/^日期无效/u);
    expect(await chip.getAttribute('title')).toBe('date-invalid');
  });

  it('lists findings across reports by rule; an entry opens its report on the marked cell', async () => {
    await page.goto(indexUrl);
    const rule = findings.find((f) => f.location.table !== undefined)!.rule;
    const total = rows.reduce((n, r) => n + (r.hits ?? []).filter((h) => h[1] === rule).length, 0);
    const group = page.locator(`#rule-groups details[data-rule="${rule}"]`);
    expect(await group.locator('summary').textContent()).toContain(String(total));
    await group.locator('summary').click();
    // The list is filled when the group opens: wait for it rather than count at once (flaky under load).
    await expect.poll(() => group.locator('ol.hits > li.hit').count(), { timeout: 10_000 }).toBe(Math.min(total, 200));
    // Filtering by severity narrows the list as it narrows the table.
    const link = group.locator('a[href*="seed-hand.html#f"]').first();
    const href = (await link.getAttribute('href'))!;
    const id = /#(f\d+)$/u.exec(href)![1]!;
    await link.click();
    await page.waitForURL(/seed-hand\.html#f\d+$/u);
    const marked = page.locator(`[data-f~="${id}"].active`).first();
    expect(await marked.count()).toBe(1);
    expect(await page.locator(`.finding[data-id="${id}"]`).getAttribute('class')).toContain('active');
    const box = await marked.boundingBox();
    expect(box !== null && box.y >= 0 && box.y + box.height <= 900).toBe(true);
  });

  it('sorts from the keyboard and keeps filters and sort across Back', async () => {
    await page.goto(indexUrl);
    await page.selectOption('#f-severity', 'error');
    await page.selectOption('#f-grade', '中');
    // 中 includes 合格 (and 中等, 一般).
    const band = rows.filter((r) => r.counts.error > 0 && (r.grade === '合格' || r.grade === '中' || r.grade === '中等' || r.grade === '一般'));
    expect(band.length).toBeGreaterThan(0);
    expect(await page.locator('#count').getAttribute('data-shown')).toBe(String(band.length));
    // Tab to the score header's button and press Enter twice: descending by score.
    await page.locator('th[data-sort="score"] button').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.locator('th[data-sort="score"]').getAttribute('aria-sort')).toBe('descending');
    const top = band.map((r) => Number(r.score)).sort((a, b) => b - a)[0]!;
    expect(Number(await page.locator('#rows-body tr').first().locator('td').nth(4).textContent())).toBe(top);
    const before = await names();
    // A chart bar is a button too.
    await page.locator('.chart g[data-rule="funds-balance"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#f-rule').inputValue()).toBe('funds-balance');
    await page.selectOption('#f-rule', '');

    // Leave for a report page (the synthetic rows have none) and come Back.
    await page.goto(pathToFileURL(join(OUT, 'html', 'seed-hand.html')).href);
    await page.goBack();
    await page.waitForURL(/index\.html#/u);
    expect(await page.locator('#f-severity').inputValue()).toBe('error');
    expect(await page.locator('#f-grade').inputValue()).toBe('中');
    expect(await page.locator('th[data-sort="score"]').getAttribute('aria-sort')).toBe('descending');
    expect(await names()).toEqual(before);
  });

  it('does not scroll sideways at 390 px', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(indexUrl);
    const widths = await phone.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
    const [scroll, client] = widths as [number, number];
    expect(scroll).toBeLessThanOrEqual(client);
    await phone.close();
  });

  it('prints every row of the view, not one page', async () => {
    await page.goto(indexUrl);
    expect(await page.locator('#rows-body tr').count()).toBe(100);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('#rows-body tr').count()).toBe(200);
    expect(await page.locator('.pager').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => page.locator('#rows-body tr').count()).toBe(100);
  });

  it('ran without script errors or network requests', () => {
    expect(errors).toEqual([]);
  });
});
