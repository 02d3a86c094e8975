import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from '../../scripts/chromium';
import { launchChromium } from '../../scripts/chromium';
import type { Preview } from '../../scripts/preview.mjs';
import { startPreview } from '../../scripts/preview.mjs';
import type { Comparison, Workload } from '../../src/pricing';
import { compareWorkload, DEFAULT_PRICE_BOOK, optionsBlock, PricingEngine } from '../../src/pricing';
import { count, spare, usd } from '../../src/sidebar/format';
import type { FakeSheet } from '../fakes/appsScript';
import { MESSY_LIST, SHOT_LIST } from '../support/harness';
import { DIST } from '../support/loadBundle';

/**
 * The sidebar in real headless Chromium, served by the local preview (in-process, on a free port)
 * with google.script.run bridged to dist/Code.js over the in-memory spreadsheet.
 */

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
/** Waiting for a server round trip: generous, since the machine may be busy; never a timing assertion. */
const POLL = { timeout: 15_000 };
const ROOT = join(DIST, '..');

let browser: Browser;
let preview: Preview;
let page: Page;
let sidebar: FrameLocator;
/** What the preview printed when it started. */
let logged: string[] = [];
/** Every URL the browser asked for during the current test. */
let requests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium({ width: 1280, height: 900 });
  browser.context.on('request', (request) => {
    requests.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
});

function sidebarFrame(): Frame {
  const frame = page.frame({ url: /\/sidebar$/ });
  if (!frame) throw new Error('sidebar frame not found');
  return frame;
}

const runCalls = () => requests.filter((url) => url.includes('/run/'));

/** The option rows as shown: label and every figure cell, in order. */
async function shownOptions() {
  return sidebarFrame().$$eval('#options tbody tr', (rows) =>
    rows.map((row) => ({
      option: row.getAttribute('data-option'),
      cheapest: row.classList.contains('cheapest'),
      cells: Object.fromEntries(Array.from(row.querySelectorAll('td')).map((td) => [td.getAttribute('data-col'), td.textContent])),
    })),
  );
}

/** What the sidebar must show for a comparison, formatted as it formats figures. */
function expectedOptions(c: Comparison) {
  return c.options.map((o) => ({
    option: o.label,
    cheapest: o.cheapest,
    cells: {
      monthly: usd(o.monthlyCost),
      'per-video': o.costPerVideo === null ? '-' : usd(o.costPerVideo),
      spare: spare(o.spare),
      credits: count(o.creditsIncluded),
      videos: count(o.videosDelivered),
      yearly: usd(o.yearCost),
      saving: usd(o.annualSaving),
    },
  }));
}

async function figure(name: string): Promise<string> {
  return (await sidebar.locator(`[data-figure="${name}"]`).textContent()) ?? '';
}

describe('Compare plans sidebar in Chromium', () => {
  beforeEach(async () => {
    requests = [];
    logged = [];
    preview = await startPreview({ port: 0, build: false, log: (line) => logged.push(line) });
    page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${preview.port}/`);
    sidebar = page.frameLocator('#sidebar');
    // Ready: the comparison is drawn and the price book came from the server.
    await sidebar.locator('#options tbody tr').first().waitFor();
    await expect.poll(() => sidebar.locator('#book-note').textContent(), POLL).toBe('Prices: the default price book (as of 2026-08-12).');
    expect(errors).toEqual([]);
  });

  afterEach(async () => {
    await page?.close();
    await preview?.close();
    // No request leaves this machine: every one went to the preview server.
    const foreign = requests.filter((url) => !url.startsWith(`http://127.0.0.1:${preview.port}/`));
    expect(foreign).toEqual([]);
  });

  it('shows the engine figures for the default work, and recomputes on each input without calling the server', async () => {
    const defaults: Workload = {
      lines: [{ mode: 'professional', secs: 10, audio: true, count: 20, model: '2.6' }],
      billing: 'monthly',
      retakeRate: 0.2,
    };
    expect(await shownOptions()).toEqual(expectedOptions(compareWorkload(engine, defaults)));
    const callsAtStart = runCalls().length;
    expect(callsAtStart).toBe(1); // sidebarInit only

    // 10 pro 10 s clips without audio and no retakes: 700 credits, the spec's example.
    await sidebar.locator('#row0-audio').uncheck();
    await sidebar.locator('#row0-count').fill('10');
    await sidebar.locator('#retake').fill('0');
    expect(await figure('credits-needed')).toContain('700');
    expect(await figure('cheapest')).toBe('Standard + 330-credit pack');
    expect(await figure('cheapest-monthly')).toMatch(/^\$13\.80/);
    expect(await figure('api')).toMatch(/^\$7\.00 a month/);
    const spec: Workload = {
      lines: [{ mode: 'professional', secs: 10, audio: false, count: 10, model: '2.6' }],
      billing: 'monthly',
      retakeRate: 0,
    };
    expect(await shownOptions()).toEqual(expectedOptions(compareWorkload(engine, spec)));

    await sidebar.locator('#billing').selectOption('annual');
    expect(await shownOptions()).toEqual(expectedOptions(compareWorkload(engine, { ...spec, billing: 'annual' })));

    // Kling 3.0: seconds 3 to 15, and every figure marked as an estimate.
    await sidebar.locator('#row0-model').selectOption('3.0');
    expect(await sidebar.locator('#row0-secs option').allTextContents()).toEqual(Array.from({ length: 13 }, (_, i) => `${i + 3} s`));
    await sidebar.locator('#row0-mode').selectOption('4k');
    await sidebar.locator('#row0-secs').selectOption('15');
    const k30: Workload = { lines: [{ mode: '4k', secs: 15, audio: false, count: 10, model: '3.0' }], billing: 'annual', retakeRate: 0 };
    expect(await shownOptions()).toEqual(expectedOptions(compareWorkload(engine, k30)));
    expect(await sidebar.locator('#row0-credits').textContent()).toBe('4K: 450 credits per clip (estimate)');
    expect(await sidebar.locator('dd[data-figure="cheapest-monthly"] .estimate').count()).toBe(1);
    expect(await sidebar.locator('#options caption').textContent()).toContain('estimate');

    // A second row adds up with the first.
    await sidebar.locator('#add-row').click();
    await sidebar.locator('#row1-count').fill('3');
    const two: Workload = { ...k30, lines: [...k30.lines, { mode: 'professional', secs: 10, audio: true, count: 3, model: '2.6' }] };
    expect(await shownOptions()).toEqual(expectedOptions(compareWorkload(engine, two)));

    expect(runCalls().length, 'no server call while editing').toBe(callsAtStart);
  });

  it('marks a bad input, hides the figures and disables Insert until it is fixed', async () => {
    await sidebar.locator('#row0-count').fill('-3');
    await expect.poll(() => sidebar.locator('#row0-count').getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await sidebar.locator('#row0-error').textContent()).toContain('Videos per month "-3" is not a whole number of videos');
    expect(await sidebar.locator('#table-wrap').isHidden()).toBe(true);
    expect(await sidebar.locator('#insert').isDisabled()).toBe(true);
    await sidebar.locator('#retake').fill('100');
    expect(await sidebar.locator('#retake-error').textContent()).toBe(
      'Retake rate must be a percentage from 0 up to but not including 100, such as 20',
    );
    await sidebar.locator('#row0-count').fill('4');
    await sidebar.locator('#retake').fill('25');
    expect(await sidebar.locator('#row0-count').getAttribute('aria-invalid')).toBeNull();
    expect(await sidebar.locator('#insert').isEnabled()).toBe(true);
    const w: Workload = {
      lines: [{ mode: 'professional', secs: 10, audio: true, count: 4, model: '2.6' }],
      billing: 'monthly',
      retakeRate: 0.25,
    };
    expect(await shownOptions()).toEqual(expectedOptions(compareWorkload(engine, w)));
  });

  it('fills the rows from the selected cells, and reports bad cells by address without filling', async () => {
    await sidebar.locator('#fill').click();
    await expect
      .poll(() => sidebar.locator('#status').textContent(), POLL)
      .toBe("Filled 3 rows from 'Shot list'!A1:E4 (header row skipped).");
    expect(await sidebar.locator('fieldset.row').count()).toBe(3);
    expect(await sidebar.locator('#row2-model').inputValue()).toBe('3.0');
    expect(await sidebar.locator('#row2-secs').inputValue()).toBe('8');
    expect(await sidebar.locator('#row1-count').inputValue()).toBe('40');
    const filled: Workload = {
      lines: [
        { mode: 'professional', secs: 10, audio: true, count: 12, model: '2.6' },
        { mode: 'standard', secs: 5, audio: false, count: 40, model: '2.6' },
        { mode: 'professional', secs: 8, audio: false, count: 6, model: '3.0' },
      ],
      billing: 'monthly',
      retakeRate: 0.2,
    };
    expect(await shownOptions()).toEqual(expectedOptions(compareWorkload(engine, filled)));

    // A hostile value in a cell comes back as text inside a problem, never as markup.
    (preview.spreadsheet.getSheetByName(MESSY_LIST) as FakeSheet).getRange('A2').setValue('<img src=x onerror="window.__pwned=1">');
    await page.locator('#selection').fill(`'${MESSY_LIST}'!A1:D4`);
    await page.locator('#select-form button').click();
    await expect.poll(() => page.locator('td.selected').count(), POLL).toBe(16);
    await sidebar.locator('#fill').click();
    await sidebar.locator('#fill-problems li').first().waitFor();
    const problems = await sidebar.locator('#fill-problems li').allTextContents();
    expect(problems.map((p) => p.split(':')[0])).toEqual(['A2', 'A3', 'B3', 'C4', 'D4']);
    expect(problems[0]).toContain('mode "<img src=x onerror="window.__pwned=1">" is not a Kling mode'.slice(0, 30));
    expect(await sidebar.locator('#fill-problems img').count()).toBe(0);
    expect(await sidebarFrame().evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await sidebar.locator('fieldset.row').count(), 'rows unchanged').toBe(3);
  });

  it('inserts the comparison into a new sheet of the in-memory spreadsheet, leaving earlier cells untouched', async () => {
    const ss = preview.spreadsheet;
    const before = ss.getSheets().map((s) => ({ name: s.getName(), cells: s.snapshot() }));
    await sidebar.locator('#row0-count').fill('10');
    await sidebar.locator('#row0-audio').uncheck();
    await sidebar.locator('#retake').fill('0');
    await sidebar.locator('#insert').click();
    await expect
      .poll(() => sidebar.locator('#status').textContent(), POLL)
      .toBe('Inserted the comparison into the new sheet "Kling comparison".');

    const sheet = ss.getSheetByName('Kling comparison') as FakeSheet;
    expect(sheet).toBeTruthy();
    expect(
      ss
        .getSheets()
        .map((s) => ({ name: s.getName(), cells: s.snapshot() }))
        .slice(0, before.length),
    ).toEqual(before);
    expect(ss.writes.filter((w) => w.sheet !== 'Kling comparison')).toEqual([]);
    const expected = optionsBlock(
      compareWorkload(engine, {
        lines: [{ mode: 'professional', secs: 10, audio: false, count: 10, model: '2.6' }],
        billing: 'monthly',
        retakeRate: 0,
      }),
    );
    const values = sheet.getDataRange().getValues();
    const header = values.findIndex((r) => r[0] === 'Option');
    expect(values.slice(header + 1, header + 1 + expected.rows.length).map((r) => r.slice(0, 10))).toEqual(expected.rows);
    expect(sheet.getRange(header + 2, 5).getNumberFormats()[0]?.[0]).toBe('$#,##0.00');
    expect(sheet.getCharts().map((c) => c.type)).toEqual(['BAR']);

    // The preview shows the new sheet, with the formatted figures.
    await expect.poll(() => page.locator('#tabs button[aria-selected="true"]').textContent(), POLL).toBe('Kling comparison');
    expect(await page.locator('#grid td', { hasText: 'Standard + 330-credit pack' }).count()).toBeGreaterThan(0);
    expect(await page.locator('#grid td', { hasText: '$13.80' }).count()).toBeGreaterThan(0);
    expect(await page.locator('#charts figcaption').first().textContent()).toContain('Chart (bar): Monthly cost per option');
    expect(await page.locator('#charts .bar-line').count()).toBe(expected.rows.length);

    // Again: a second, uniquely named sheet.
    await sidebar.locator('#insert').click();
    await expect
      .poll(() => sidebar.locator('#status').textContent(), POLL)
      .toBe('Inserted the comparison into the new sheet "Kling comparison 2".');
    expect(ss.getSheets().map((s) => s.getName())).toEqual([SHOT_LIST, MESSY_LIST, 'Kling comparison', 'Kling comparison 2']);

    // The user's sheet in the preview shows cell text as text.
    await page.locator('#tabs button', { hasText: SHOT_LIST }).click();
    expect(await page.locator('#grid td', { hasText: '<script>alert(1)</script>' }).count()).toBe(1);
    expect(await page.locator('#grid td script').count()).toBe(0);

    // Screenshot for the README: the sheet written by the sidebar, and the sidebar's comparison.
    await page.locator('#tabs button', { hasText: 'Kling comparison' }).first().click();
    await sidebar.locator('#results-heading').evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await page.mouse.move(0, 0);
    // docs/sidebar.png is refreshed with `npm run screenshots`; a plain test run leaves the tree as it is.
    const target = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs') : mkdtempSync(join(tmpdir(), 'kling-shot-'));
    mkdirSync(target, { recursive: true });
    const png = await page.screenshot({ path: join(target, 'sidebar.png') });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows the server error when an insert fails, and writes nothing', async () => {
    // 1,000,000 4K clips a month: the page itself refuses, and the server refuses the same request.
    await sidebar.locator('#row0-model').selectOption('3.0');
    await sidebar.locator('#row0-mode').selectOption('4k');
    await sidebar.locator('#row0-count').fill('1000000');
    expect(await sidebar.locator('#results-note').textContent()).toMatch(/credits a month with retakes, more than/);
    expect(await sidebar.locator('#insert').isDisabled()).toBe(true);
    // The same request straight through google.script.run: the server recomputes and refuses.
    const reply = await sidebarFrame().evaluate(
      () =>
        new Promise<string>((resolve) => {
          type Run = { withFailureHandler(f: (e: Error) => void): { sidebarInsertComparison(payload: unknown): void } };
          const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
          run
            .withFailureHandler((e) => resolve(e.message))
            .sidebarInsertComparison({
              rows: [{ mode: '4k', secs: 10, audio: false, count: 1000000, model: '3.0' }],
              billing: 'monthly',
              retakeRate: 0.2,
            });
        }),
    );
    expect(reply).toMatch(/^Kling Cost cannot price this work: /);
    expect(preview.spreadsheet.getSheets()).toHaveLength(2);
  });

  it('is usable with a keyboard: labelled inputs, a real table, tab order in reading order', async () => {
    const frame = sidebarFrame();
    const unlabelled = await frame.$$eval('input, select', (els) =>
      els.filter((el) => (el as HTMLInputElement).labels?.length === 0).map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    const nameless = await frame.$$eval(
      'button',
      (els) => els.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).length,
    );
    expect(nameless).toBe(0);
    expect(await frame.$$eval('[tabindex]', (els) => els.filter((el) => Number(el.getAttribute('tabindex')) > 0).length)).toBe(0);

    const table = await frame.$eval('#options', (t) => ({
      tag: t.tagName,
      caption: t.querySelector('caption')?.textContent,
      cols: Array.from(t.querySelectorAll('thead th')).map((th) => th.getAttribute('scope')),
      rowHeaders: Array.from(t.querySelectorAll('tbody tr')).map(
        (tr) => `${tr.firstElementChild?.tagName}:${tr.firstElementChild?.getAttribute('scope')}`,
      ),
    }));
    expect(table.tag).toBe('TABLE');
    expect(table.caption).toContain('Every option');
    expect(table.cols).toEqual(Array(8).fill('col'));
    expect(new Set(table.rowHeaders)).toEqual(new Set(['TH:row']));

    // Tab through the sidebar from its top.
    await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await sidebar.locator('h1').click();
    const order: string[] = [];
    for (let i = 0; i < 11; i++) {
      await page.keyboard.press('Tab');
      order.push(await frame.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(order).toEqual([
      'row0-mode',
      'row0-secs',
      'row0-count',
      'row0-model',
      'row0-audio',
      'add-row',
      'fill',
      'billing',
      'retake',
      'table-wrap',
      'insert',
    ]);

    // Operate it by keyboard alone: type a count, add a row with Enter.
    await sidebar.locator('#row0-count').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await sidebar.locator('#add-row').focus();
    await page.keyboard.press('Enter');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('row1-mode');
    const w: Workload = {
      lines: [
        { mode: 'professional', secs: 10, audio: true, count: 7, model: '2.6' },
        { mode: 'professional', secs: 10, audio: true, count: 20, model: '2.6' },
      ],
      billing: 'monthly',
      retakeRate: 0.2,
    };
    expect(await shownOptions()).toEqual(expectedOptions(compareWorkload(engine, w)));
  });

  it('records every request, and each one stayed on the preview server', async () => {
    await sidebar.locator('#fill').click();
    await expect.poll(() => sidebar.locator('#status').textContent(), POLL).toContain('Filled');
    expect(logged[0]).toBe(`Kling Cost preview: http://localhost:${preview.port}/`);
    const paths = requests.map((url) => new URL(url).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/', '/sidebar', '/spreadsheet', '/run/sidebarInit', '/run/sidebarReadSelection']));
  });
});

describe('dist/Sidebar.html with no network and no Apps Script', () => {
  it('computes from its built-in price book when opened as a file, with every other request refused', async () => {
    const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/\binnerHTML\b|outerHTML|insertAdjacentHTML|document\.write/);
    expect(Buffer.byteLength(html)).toBeLessThan(80 * 1024);

    const offline = await browser.context.newPage();
    const seen: string[] = [];
    await offline.route('**/*', (route) => {
      seen.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort();
    });
    const errors: string[] = [];
    offline.on('pageerror', (e) => errors.push(e.message));
    await offline.goto(pathToFileURL(join(DIST, 'Sidebar.html')).href);
    await offline.locator('#options tbody tr').first().waitFor();
    expect(await offline.locator('#book-note').textContent()).toContain('Not connected to a spreadsheet');
    expect(await offline.locator('#fill').isDisabled()).toBe(true);
    expect(await offline.locator('#insert').isDisabled()).toBe(true);
    await offline.locator('#row0-count').fill('12');
    const w: Workload = {
      lines: [{ mode: 'professional', secs: 10, audio: true, count: 12, model: '2.6' }],
      billing: 'monthly',
      retakeRate: 0.2,
    };
    expect(await offline.locator('[data-figure="cheapest"]').textContent()).toBe(compareWorkload(engine, w).cheapest?.label);
    expect(seen.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await offline.close();
  });
});
