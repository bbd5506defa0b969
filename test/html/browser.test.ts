/**
 * End-to-end: the audit view in real headless Chromium (Debian's chromium, driven by playwright-core).
 * Fails loudly when the browser cannot be launched; SELFEVAL_SKIP_BROWSER=1 skips it on purpose.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { indexRowOf, type IndexRow, type ReportPageInput } from '../../src/output/html/index.js';
import { writeIndexPage, writeReportPage } from './write-pages.js';
import { handMadeFindings, loadSeed, seedPageInput } from './seed.js';
import { syntheticRows } from './synthetic.js';

const SKIP = process.env.SELFEVAL_SKIP_BROWSER === '1';
/** Debian's chromium; SELFEVAL_CHROMIUM points elsewhere on other systems. */
const CHROMIUM = process.env.SELFEVAL_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');
const OUT = join(ARTIFACTS, 'html-e2e');
const VIEWPORT = { width: 1400, height: 900 };

const seed = await loadSeed();
const real = seed.result.findings;
const variants: { label: string; name: string; findings: Finding[]; present: boolean }[] = [
  { label: 'hand-made findings', name: 'seed-hand', findings: handMadeFindings(seed.grid), present: true },
  {
    label: 'the rule catalogue’s findings',
    name: 'seed-real',
    findings: real,
    present: real.some((f) => f.rule === 'date-invalid') || real.some((f) => f.rule === 'score-without-evidence'),
  },
];

const pageInput = (name: string, findings: Finding[]): ReportPageInput => seedPageInput(seed, findings, name);

/** The little of the DOM these tests touch (the project compiles without the DOM lib). */
interface El {
  textContent: string | null;
  ownerDocument: { defaultView: { getComputedStyle(el: El): { backgroundColor: string } } };
}

async function inViewport(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height && box.x + box.width <= vp.width;
}

describe.skipIf(SKIP)('audit view in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let rows: IndexRow[];
  const errors: string[] = [];

  beforeAll(async () => {
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
    } catch (e) {
      throw new Error(
        `Cannot launch headless Chromium at ${CHROMIUM} (install it: apt-get install -y chromium; or set SELFEVAL_SKIP_BROWSER=1 to skip the browser tests): ${(e as Error).message}`,
      );
    }
    await mkdir(OUT, { recursive: true });
    for (const v of variants) writeReportPage(OUT, pageInput(v.name, v.findings));
    rows = [indexRowOf(pageInput('seed-hand', variants[0]!.findings)), ...syntheticRows(9_999)];
    writeIndexPage(OUT, rows, 'zh');
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    // No network at all: anything but file:// would be a bug.
    await page.route(/^(?!file:)/u, (route) => {
      errors.push(`network: ${route.request().url()}`);
      void route.abort();
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (name: string) => {
    await page.goto(pathToFileURL(join(OUT, 'html', `${name}.html`)).href);
  };

  for (const v of variants) {
    describe(`seed page with ${v.label}`, () => {
      const hasDate = v.findings.some((f) => f.rule === 'date-invalid');
      const hasScore = v.findings.some((f) => f.rule === 'score-without-evidence');

      it.runIf(v.present && hasDate)('clicking the date-invalid finding highlights the sentence with 2020年9月31日 and scrolls it into view', async () => {
        await open(v.name);
        const item = page.locator('li.finding[data-rule="date-invalid"]', { hasText: '2020年9月31日' }).first();
        const id = (await item.getAttribute('data-id'))!;
        const target = page.locator(`mark.finding-excerpt[data-f~="${id}"]`, { hasText: '2020年9月31日' }).first();
        expect(await target.count()).toBe(1);
        expect(await inViewport(page, target)).toBe(false);
        await item.click();
        expect(await item.getAttribute('class')).toMatch(/\bactive\b/u);
        expect(await target.getAttribute('class')).toMatch(/\bactive\b/u);
        expect(await target.isVisible()).toBe(true);
        expect(await inViewport(page, target)).toBe(true);
        const bg = await target.evaluate((el: El) => el.ownerDocument.defaultView.getComputedStyle(el).backgroundColor);
        expect(bg).toBe('rgb(255, 213, 79)');
        const paragraph = target.locator('xpath=ancestor::*[@data-block][1]');
        expect(await paragraph.textContent()).toContain('2020年9月31日');
        await page.screenshot({ path: join(ARTIFACTS, `report-${v.name}-date.png`), animations: 'disabled' });
        if (v.name === 'seed-hand') await page.screenshot({ path: join(ARTIFACTS, 'report-page.png'), animations: 'disabled' });
      });

      it.runIf(v.present && hasScore)('clicking a score-without-evidence finding marks its scoring-table cell', async () => {
        await open(v.name);
        const item = page.locator('li.finding[data-rule="score-without-evidence"]').first();
        const id = (await item.getAttribute('data-id'))!;
        const message = (await item.locator('.msg').textContent())!;
        await item.click();
        // the finding's own cell (data-fp), not a related one, is scrolled to and marked
        const active = page.locator(`td.active[data-fp~="${id}"]`);
        expect(await active.count()).toBe(1);
        const at = (await active.getAttribute('data-cell'))!.split(':').map(Number);
        const cell = page.locator(`td[data-cell="${at[0]}:${at[1]}:${at[2]}"]`);
        expect(await cell.getAttribute('class')).toMatch(/\bflagged\b/u);
        expect(await inViewport(page, cell)).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, `report-${v.name}-score.png`), animations: 'disabled' });
        const own = v.findings.filter((f) => f.rule === 'score-without-evidence').map((f) => f.location);
        expect(own.some((l) => l.table === at[0] && l.row === at[1] && l.col === at[2])).toBe(true);
        // related cells are marked too
        const f = v.findings.find((x) => x.rule === 'score-without-evidence' && x.message === message)!;
        for (const r of f.related) {
          if (r.table === undefined || r.row === undefined || r.col === undefined) continue;
          const anchor = seed.grid.tables[r.table]!.slots[r.row]![r.col]!;
          const rel = page.locator(`td[data-cell="${anchor.table}:${anchor.row}:${anchor.col}"]`);
          expect(await rel.getAttribute('class')).toMatch(/\bactive\b/u);
        }
        // the scoring table (评分表), in the 自评得分 column
        const table = seed.grid.tables[at[0]!]!;
        const header = table.cells.find((c) => c.col === at[2] && c.text.replace(/\s+/gu, '') === '自评得分');
        expect(header, 'a score cell of the rubric table').toBeDefined();
        // hovering the cell shows the findings on it
        await cell.hover();
        expect(await cell.getAttribute('title')).toContain(message);
        // and clicking a marked cell selects its finding in the list
        await page.locator('li.finding').last().click();
        expect(await item.getAttribute('class')).not.toMatch(/\bactive\b/u);
        await cell.click();
        expect(await item.getAttribute('class')).toMatch(/\bactive\b/u);
      });
    });
  }

  it('renders a document with <script> and HTML in its cells as text', async () => {
    const html = '<table><tr><td><p>&lt;script&gt;window.__xss=1&lt;/script&gt;</p></td><td><p>&lt;img src=x onerror="window.__xss=2"&gt;</p></td></tr></table>';
    const evil: ReportPageInput = {
      ...pageInput('evil', [
        {
          id: '<b>id</b>',
          file: '<script>window.__xss=3</script>',
          part: 1,
          rule: 'x',
          severity: 'error',
          message: '<img src=x onerror="window.__xss=4">',
          expected: '</script><script>window.__xss=5</script>',
          actual: null,
          location: { path: '', table: 0, row: 0, col: 0 },
          related: [],
        },
      ]),
      file: '<b onmouseover="window.__xss=6">x</b>',
      html,
      evaluations: [],
    };
    writeReportPage(OUT, evil);
    await open('evil');
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(await page.locator('td[data-cell="0:0:0"]').textContent()).toBe('<script>window.__xss=1</script>');
    expect(await page.locator('li.finding .msg').textContent()).toBe('<img src=x onerror="window.__xss=4">');
    expect(await page.locator('img, b[onmouseover]').count()).toBe(0);
    await page.locator('li.finding').click();
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
  });

  it('filters, sorts and pages the index of 10,000 inputs', async () => {
    await page.goto(pathToFileURL(join(OUT, 'html', 'index.html')).href);
    const count = page.locator('#count');
    expect(await count.getAttribute('data-shown')).toBe('10000');
    expect(await page.locator('#rows-body tr').count()).toBe(100);

    const rule = 'date-invalid';
    const expected = rows.filter((r) => (r.rules[rule] ?? 0) > 0).length;
    await page.selectOption('#f-rule', rule);
    expect(await count.getAttribute('data-shown')).toBe(String(expected));
    expect(await page.locator('#rows-body tr').count()).toBe(Math.min(expected, 100));
    // Chips name the rule in the run's language; the id is their data-rule.
    expect(await page.locator('#rows-body tr:has(.rule-chip[data-rule="date-invalid"])').count()).toBe(Math.min(expected, 100));
    expect(await page.locator('#rows-body tr').first().textContent()).toContain('日期无效');

    await page.selectOption('#f-status', 'failed');
    expect(await count.getAttribute('data-shown')).toBe('0');
    await page.selectOption('#f-rule', '');
    const failed = rows.filter((r) => r.status === 'failed').length;
    expect(await count.getAttribute('data-shown')).toBe(String(failed));
    expect(await page.locator('#rows-body tr.failed td.err-text').first().textContent()).toBeTruthy();
    await page.selectOption('#f-status', '');

    await page.selectOption('#f-grade', '良');
    await page.selectOption('#f-severity', 'error');
    const both = rows.filter((r) => (r.grade === '良好' || r.grade === '良') && r.counts.error > 0).length;
    expect(await count.getAttribute('data-shown')).toBe(String(both));
    await page.selectOption('#f-grade', '');
    await page.selectOption('#f-severity', '');

    // sort by score, descending on the second click; failed rows (no score) last
    await page.locator('th[data-sort="score"]').click();
    await page.locator('th[data-sort="score"]').click();
    const top = Math.max(...rows.flatMap((r) => (r.score === null ? [] : [Number(r.score)])));
    expect(Number(await page.locator('#rows-body tr').first().locator('td').nth(4).textContent())).toBe(top);
    await page.locator('#next').click();
    expect(await page.locator('#page-info').textContent()).toBe('第 2 / 100 页');
    await page.locator('th[data-sort="_i"]').click();

    await page.locator('#f-q').fill('seed.txt');
    expect(await count.getAttribute('data-shown')).toBe('1');
    await page.locator('#f-q').fill('');
    await page.screenshot({ path: join(ARTIFACTS, 'index-page.png'), animations: 'disabled' });

    // each row links to its page
    await page.locator('#f-q').fill('seed.txt');
    await page.locator('#rows-body a').first().click();
    await page.waitForURL(/seed-hand\.html$/u);
    expect(await page.locator('h1').textContent()).toContain('智慧岳阳');
  });

  it('ran without script errors, dialogs or network requests', () => {
    expect(errors).toEqual([]);
  });
});
