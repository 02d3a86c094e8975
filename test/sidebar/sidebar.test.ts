import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from '../../scripts/chromium';
import { launchChromium } from '../../scripts/chromium';
import type { Preview } from '../../scripts/preview.mjs';
import { startPreview } from '../../scripts/preview.mjs';
import type { AudioOption, Billing, Comparison, Mode, Workload } from '../../src/pricing';
import { compareWorkload, DEFAULT_PRICE_BOOK, optionsBlock, PricingEngine } from '../../src/pricing';
import { count, spare, usd, yearFigure } from '../../src/sidebar/format';
import type { FakeSheet, FakeSpreadsheet } from '../fakes/appsScript';
import { MESSY_LIST, SHOT_LIST } from '../support/harness';
import { DIST } from '../support/loadBundle';
import { ADDED_MODEL, bookWithModel, priceTableWithModel, SHOT_LIST_ROWS } from './fixtures';

/**
 * The sidebar in real headless Chromium, served by the local preview (in-process, on a free port)
 * with google.script.run bridged to dist/Code.js over the in-memory spreadsheet. Every figure
 * shown is checked against the core's compareWorkload for the same work.
 */

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
/** Waiting for a server round trip: generous, since the machine may be busy; never a timing assertion. */
const POLL = { timeout: 15_000 };
const ROOT = join(DIST, '..');
const DEFAULT_NOTE = `Prices: the default price book (as of ${DEFAULT_PRICE_BOOK.asOf}).`;

let browser: Browser;
let preview: Preview;
let page: Page;
let sidebar: FrameLocator;
/** What the preview printed when it started. */
let logged: string[] = [];
/** Every URL the browser asked for during the current test. */
let requests: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium({ width: 1280, height: 900 });
  browser.context.on('request', (request) => {
    requests.push(request.url());
  });
});

afterAll(async () => {
  await browser?.close();
});

type Row = [model: string, mode: Mode, secs: number, audio: AudioOption, count: number, testTakes?: number, buffer?: number | null];

/** A workload as the core takes it; each line named by its row of the sidebar, as the page names it. */
function work(rows: Row[], billing: Billing = 'monthly', buffer = 0.2, images = 0): Workload {
  return {
    lines: rows.map(([model, mode, secs, audio, n, testTakes = 0, own = null], i) => ({
      clip: { model, mode, secs, audio },
      count: n,
      testTakes,
      buffer: own,
      where: `row ${i + 1}`,
    })),
    billing,
    buffer,
    images,
  };
}

function sidebarFrame(): Frame {
  const frame = page.frame({ url: /\/sidebar$/ });
  if (!frame) throw new Error('sidebar frame not found');
  return frame;
}

const runCalls = () => requests.filter((url) => url.includes('/run/'));

/** The option cards as shown: label, marks and every figure, in order. */
function shownCards(frame: Frame = sidebarFrame()) {
  return frame.$$eval('#options > li', (cards) =>
    cards.map((li) => ({
      option: li.getAttribute('data-option'),
      cheapest: li.classList.contains('cheapest'),
      short: li.classList.contains('short'),
      figures: Object.fromEntries(
        Array.from(li.querySelectorAll('[data-figure]')).map((el) => [el.getAttribute('data-figure'), el.textContent]),
      ),
    })),
  );
}

/** What the cards must show for a comparison, formatted as the page formats figures. */
function expectedCards(c: Comparison) {
  return c.options.map((o) => ({
    option: o.label,
    cheapest: o.cheapest,
    short: !o.covers,
    figures: {
      monthly: usd(o.monthlyCost),
      'per-video': o.costPerVideo === null ? 'no videos' : `${usd(o.costPerVideo)} per video`,
      spare: spare(o.spare),
      credits: count(o.creditsIncluded),
      videos: count(o.videosDelivered),
      yearly: yearFigure(o.yearCost, o.covers),
      saving: yearFigure(o.annualSaving, o.covers),
    },
  }));
}

/** The summary's figures as shown (the items' own figures, not the text around them). */
async function shownSummary(frame: Frame = sidebarFrame()): Promise<Record<string, string>> {
  const all = await frame.$$eval('#summary [data-figure]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-figure'), el.textContent ?? ''])),
  );
  for (const item of ['credits-needed', 'month', 'year', 'average', 'api']) delete all[item];
  return all;
}

/** What the summary must show: the core's budget, 12 months, API and verdict. */
function expectedSummary(c: Comparison): Record<string, string> {
  const b = c.budget;
  return {
    'credits-with-buffer': count(b.creditsWithBuffer),
    'credits-work': count(b.credits),
    videos: count(b.videos),
    'month-option': b.best.label,
    'month-cost': usd(b.monthlyCost),
    'year-option': c.year ? c.year.label : 'nothing to buy',
    'year-cost': usd(b.yearCost),
    ...(b.costPerVideo === null ? {} : { 'video-cost': usd(b.costPerVideo) }),
    ...('problem' in c.api
      ? { 'api-cost': 'n/a', 'api-why': c.api.problem }
      : { 'api-cost': usd(c.api.yearCost), 'api-packs': c.api.packs || 'none' }),
    verdict: b.verdict,
  };
}

/** Every figure of the page against the core's comparison of the same work. */
async function expectFigures(w: Workload, on: { engine?: PricingEngine; frame?: Frame } = {}) {
  const c = compareWorkload(on.engine ?? engine, w);
  expect(await shownCards(on.frame)).toEqual(expectedCards(c));
  expect(await shownSummary(on.frame)).toEqual(expectedSummary(c));
  return c;
}

async function figure(name: string): Promise<string> {
  return (await sidebar.locator(`#summary [data-figure="${name}"]`).textContent()) ?? '';
}

/** Opens the preview; `setup` prepares the in-memory spreadsheet first (the shot list stays selected). */
async function open(setup?: (ss: FakeSpreadsheet) => void, note = DEFAULT_NOTE): Promise<void> {
  if (setup) {
    setup(preview.spreadsheet);
    preview.spreadsheet.getRange(`'${SHOT_LIST}'!A1:E4`).activate();
    preview.spreadsheet.writes.length = 0;
  }
  await page.goto(`http://127.0.0.1:${preview.port}/`);
  sidebar = page.frameLocator('#sidebar');
  // Ready: the comparison is drawn and the price book came from the server.
  await sidebar.locator('#options > li').first().waitFor();
  await expect.poll(() => sidebar.locator('#book-note').textContent(), POLL).toBe(note);
}

/** Selects a range in the preview's spreadsheet, as a user would. */
async function select(range: string, cells: number): Promise<void> {
  await page.locator('#selection').fill(range);
  await page.locator('#select-form button').click();
  await expect.poll(() => page.locator('td.selected').count(), POLL).toBe(cells);
}

const withPrices = (ss: FakeSpreadsheet) => {
  const rows = priceTableWithModel();
  ss.insertSheet('Kling prices').getRange(1, 1, rows.length, 8).setValues(rows);
};

describe('Compare plans sidebar in Chromium', () => {
  beforeEach(async () => {
    requests = [];
    logged = [];
    pageErrors = [];
    preview = await startPreview({ port: 0, build: false, log: (line) => logged.push(line) });
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(async () => {
    await page?.close();
    await preview?.close();
    expect(pageErrors).toEqual([]);
    // No request leaves this machine: every one went to the preview server.
    const foreign = requests.filter((url) => !url.startsWith(`http://127.0.0.1:${preview.port}/`));
    expect(foreign).toEqual([]);
  });

  it('shows the core figures for the work, and recomputes on each input without calling the server', async () => {
    await open();
    await expectFigures(work([['Kling 2.6', 'professional', 10, 'audio', 20]]));
    const callsAtStart = runCalls().length;
    expect(callsAtStart).toBe(1); // sidebarInit only

    // 10 pro 10 s clips without audio and no buffer: 700 credits, the spec's examples.
    await sidebar.locator('#row0-audio').selectOption('silent');
    await sidebar.locator('#row0-count').fill('10');
    await sidebar.locator('#buffer').fill('0');
    expect(await figure('month-option')).toBe('Standard + 330-credit pack');
    expect(await figure('month-cost')).toBe('$13.80');
    expect(await figure('year-option')).toBe('Standard + 660-credit pack');
    expect(await figure('year-cost')).toBe('$115.60');
    // The API from its prepaid packs, named: never "cheaper" for a small user because of list prices.
    expect(await figure('api-cost')).toBe('$1,400.00');
    expect(await figure('api-packs')).toBe('2 x 5,000-unit pack');
    expect(await figure('verdict')).toMatch(/^Subscription \(API estimate \$1,400\.00 with 2 x 5,000-unit pack/);
    const spec = work([['Kling 2.6', 'professional', 10, 'silent', 10]], 'monthly', 0);
    // A small user is never told the API is cheaper because of its list prices: $7.00 a month at list, $1,400 in packs.
    expect(compareWorkload(engine, spec).lines[0]?.apiPerClip).toBe(0.7);
    await expectFigures(spec);
    // The chart leaves out what does not cover the work, and says so.
    const short = compareWorkload(engine, spec).options.filter((o) => !o.covers);
    expect(short.map((o) => o.label)).toEqual(['Standard']);
    expect(await sidebar.locator('#chart li').evaluateAll((li) => li.map((l) => l.getAttribute('data-option')))).not.toContain('Standard');
    expect(await sidebar.locator('#chart-left-out').textContent()).toBe('Left out, as they do not cover the work: Standard.');

    await sidebar.locator('#billing').selectOption('annual');
    await expectFigures({ ...spec, billing: 'annual' });

    // Kling 3.0: its own modes, lengths and audio, from its rows of the book.
    await sidebar.locator('#row0-model').selectOption('Kling 3.0');
    expect(await sidebar.locator('#row0-secs option').allTextContents()).toEqual(Array.from({ length: 13 }, (_, i) => `${i + 3} s`));
    expect(await sidebar.locator('#row0-mode option').allTextContents()).toEqual(['Standard', 'Professional', '4K']);
    expect(await sidebar.locator('#row0-audio option').allTextContents()).toEqual(['None', 'Native audio', 'Voice control']);
    await sidebar.locator('#row0-mode').selectOption('4k');
    expect(await sidebar.locator('#row0-audio option').allTextContents()).toEqual(['None', 'Native audio']);
    await sidebar.locator('#row0-secs').selectOption('15');
    const k30 = work([['Kling 3.0', '4k', 15, 'silent', 10]], 'annual', 0);
    await expectFigures(k30);
    expect(await sidebar.locator('#row0-credits').textContent()).toBe(
      '450 credits a clip (3.0 is priced per second); 4,500 a month before the buffer',
    );

    // An added row is empty and counts as nothing; with videos and test takes it adds up.
    await sidebar.locator('#add-row').click();
    expect(await sidebar.locator('#row1-count').inputValue()).toBe('');
    expect(await sidebar.locator('#row1-credits').textContent()).toContain('videos blank: counts as nothing');
    await expectFigures(k30);
    await sidebar.locator('#row1-count').fill('3');
    await sidebar.locator('#row1-takes').fill('2');
    const both = work(
      [
        ['Kling 3.0', '4k', 15, 'silent', 10],
        ['Kling 2.6', 'professional', 10, 'audio', 3, 2],
      ],
      'annual',
      0,
    );
    await expectFigures(both);
    // Its standard test takes with audio are not on the API: no API figure, with the reason.
    expect(await figure('api-why')).toMatch(/^row 2: audio TRUE: Kling's API for Kling 2.6 offers no standard clip with native audio/);
    await sidebar.locator('#images').fill('500');
    await expectFigures({ ...both, images: 500 });

    expect(runCalls().length, 'no server call while editing').toBe(callsAtStart);
  });

  it('0 videos gives what KLING_BEST_PLAN(0) gives: Free, $0', async () => {
    await open();
    for (const videos of ['0', '']) {
      await sidebar.locator('#row0-count').fill(videos);
      expect(await figure('month-option')).toBe('Free');
      expect(await figure('month-cost')).toBe('$0.00');
      expect(await figure('year-option')).toBe('nothing to buy');
      expect(await figure('verdict')).toBe('No credits needed: nothing to buy');
      expect(await sidebar.locator('#row0-count').getAttribute('aria-invalid')).toBeNull();
    }
    await expectFigures(work([]));
  });

  it('reads the buffer in percent and says how it read it', async () => {
    await open();
    const reads: [string, string, boolean, number | null][] = [
      ['20', 'Reads as 20 %.', false, 0.2],
      ['0.2', 'Reads as 0.2 %; for 20 % type 20.', true, 0.002],
      ['2000', 'Reads as 2,000 %: above 100 %, the buffer is more than the work itself. Is that meant?', true, 20],
      ['20%', 'Reads as 20 %.', false, 0.2],
      [' 35 % ', 'Reads as 35 %.', false, 0.35],
      ['', 'Empty: the default, 20 %.', false, 0.2],
      ['20000', '', false, null],
      ['abc', '', false, null],
    ];
    for (const [typed, readBack, warn, rate] of reads) {
      await sidebar.locator('#buffer').fill(typed);
      expect(await sidebar.locator('#buffer-readback').textContent(), typed).toBe(readBack);
      expect(await sidebar.locator('#buffer-readback').evaluate((el) => el.classList.contains('warn')), typed).toBe(warn);
      if (rate === null) {
        expect(await sidebar.locator('#buffer').getAttribute('aria-invalid')).toBe('true');
        expect(await sidebar.locator('#results').isHidden()).toBe(true);
      } else {
        await expectFigures(work([['Kling 2.6', 'professional', 10, 'audio', 20]], 'monthly', rate));
      }
    }
    expect(await sidebar.locator('#buffer-error').textContent()).toBe('The buffer "abc" is not a percentage; type one such as 20.');
    await sidebar.locator('#buffer').fill('20000');
    expect(await sidebar.locator('#buffer-error').textContent()).toBe('The buffer must be from 0 % to 10,000 %; this reads as 20,000 %.');
    expect(await sidebar.locator('label[for="buffer"]').textContent()).toBe('Buffer for retakes (%)');
  });

  it('marks a bad input, hides the figures and disables Insert until it is fixed', async () => {
    await open();
    await sidebar.locator('#row0-count').fill('-3');
    await expect.poll(() => sidebar.locator('#row0-count').getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await sidebar.locator('#row0-error').textContent()).toContain('Videos per month "-3" is not a whole number of videos');
    expect(await sidebar.locator('#results').isHidden()).toBe(true);
    expect(await sidebar.locator('#results-note').textContent()).toBe('Fix the marked inputs to see the comparison.');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(true);
    await sidebar.locator('#row0-takes').fill('101');
    expect(await sidebar.locator('#row0-error').textContent()).toContain('Test takes must be a whole number from 0 to 100');
    await sidebar.locator('#images').fill('lots');
    expect(await sidebar.locator('#images-error').textContent()).toBe('Images per month must be a whole number from 0 to 10,000,000.');
    await sidebar.locator('#row0-count').fill('4');
    await sidebar.locator('#row0-takes').fill('1');
    await sidebar.locator('#images').fill('');
    expect(await sidebar.locator('#row0-count').getAttribute('aria-invalid')).toBeNull();
    expect(await sidebar.locator('#insert').isEnabled()).toBe(true);
    await expectFigures(work([['Kling 2.6', 'professional', 10, 'audio', 4, 1]]));

    // Kling 3.0 makes a standard test take with voice control: the row stays valid.
    await sidebar.locator('#row0-model').selectOption('Kling 3.0');
    await sidebar.locator('#row0-audio').selectOption('voice');
    await expectFigures(work([['Kling 3.0', 'professional', 10, 'voice', 4, 1]]));
  });

  it('fits 300 px: no sideways scrolling, every card inside the page, details on demand', async () => {
    await open(withPrices, 'Prices: the sheet "Kling prices" (edited prices, newest as of 2026-11-20).');
    // In the preview's 300 px frame, beside the sheet, as in Sheets.
    const framed = await sidebarFrame().evaluate(() => {
      const root = document.scrollingElement as Element;
      return { scroll: root.scrollWidth, client: root.clientWidth, frame: window.innerWidth };
    });
    expect(framed.frame).toBe(300);
    expect(framed.scroll).toBeLessThanOrEqual(framed.client);
    const narrow = await browser.context.newPage();
    narrow.on('pageerror', (error) => pageErrors.push(error.message));
    await narrow.setViewportSize({ width: 300, height: 900 });
    await narrow.goto(`http://127.0.0.1:${preview.port}/sidebar`);
    await narrow.locator('#options > li').first().waitFor();
    await expect.poll(() => narrow.locator('#book-note').textContent(), POLL).toContain('Kling prices');
    // A busy month: rows of every model, the longest labels, every option card open.
    await narrow.locator('#add-row').click();
    await narrow.locator('#row1-model').selectOption(ADDED_MODEL);
    await narrow.locator('#row1-count').fill('1234567');
    await narrow.locator('#row1-count').fill('400');
    await narrow.locator('#row1-takes').fill('3');
    await narrow.locator('#add-row').click();
    await narrow.locator('#row2-model').selectOption('Kling 3.0');
    await narrow.locator('#row2-count').fill('25');
    await narrow.locator('#buffer').fill('0.2');
    const layout = async () =>
      narrow.evaluate(() => {
        const root = document.scrollingElement as Element;
        const outside = Array.from(document.querySelectorAll('main *'))
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.left < -0.5 || r.right > root.clientWidth + 0.5);
          })
          .map((el) => `${el.tagName}#${el.id}.${el.className}`);
        const cards = Array.from(document.querySelectorAll('#options > li')).map((li) => li.getBoundingClientRect());
        return {
          scrollWidth: root.scrollWidth,
          clientWidth: root.clientWidth,
          outside,
          cards: cards.length,
          cardsInside: cards.every((r) => r.left >= 0 && r.right <= root.clientWidth),
        };
      });
    const closed = await layout();
    expect(closed.clientWidth).toBeGreaterThan(250);
    expect(closed.scrollWidth).toBeLessThanOrEqual(closed.clientWidth);
    expect(closed.outside).toEqual([]);
    expect(closed.cards).toBeGreaterThanOrEqual(8);
    expect(closed.cardsInside).toBe(true);
    for (const summary of await narrow.locator('#options summary').all()) await summary.click();
    expect(await narrow.locator('#options details[open]').count()).toBe(closed.cards);
    const opened = await layout();
    expect(opened.scrollWidth).toBeLessThanOrEqual(opened.clientWidth);
    expect(opened.outside).toEqual([]);
    expect(opened.cardsInside).toBe(true);
    await expectFigures(
      work(
        [
          ['Kling 2.6', 'professional', 10, 'audio', 20],
          [ADDED_MODEL, 'professional', 10, 'audio', 400, 3],
          ['Kling 3.0', 'professional', 10, 'audio', 25],
        ],
        'monthly',
        0.002,
      ),
      { engine: new PricingEngine(bookWithModel()), frame: narrow.mainFrame() },
    );

    // docs/sidebar.png is refreshed with `npm run screenshots`; a plain test run leaves the tree as it is.
    if (process.env.UPDATE_SCREENSHOTS) {
      // The default work again, with the cheapest option's details open.
      await narrow.getByRole('button', { name: 'Remove row 3' }).click();
      await narrow.getByRole('button', { name: 'Remove row 2' }).click();
      await narrow.locator('#buffer').fill('');
      await narrow.$$eval('#options details', (all) => {
        for (const d of all) (d as HTMLDetailsElement).open = false;
      });
      await narrow.locator('#options .cheapest summary').click();
      await narrow.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      const png = await narrow.screenshot({ path: join(ROOT, 'docs', 'sidebar.png'), fullPage: true });
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
    await narrow.close();
  });

  it('offers a model the user added to the price table, with its own lengths, and prices it with its rows', async () => {
    await open(withPrices, 'Prices: the sheet "Kling prices" (edited prices, newest as of 2026-11-20).');
    expect(await sidebar.locator('#book-note').evaluate((el) => el.classList.contains('edited'))).toBe(true);
    expect(await sidebar.locator('#row0-model option').allTextContents()).toEqual(['Kling 2.6', 'Kling 3.0', ADDED_MODEL]);
    await sidebar.locator('#row0-model').selectOption(ADDED_MODEL);
    // Focus stays on the control the user changed, though the row was rebuilt.
    expect(await sidebarFrame().evaluate(() => document.activeElement?.id)).toBe('row0-model');
    expect(await sidebar.locator('#row0-secs option').allTextContents()).toEqual(Array.from({ length: 17 }, (_, i) => `${i + 4} s`));
    expect(await sidebar.locator('#row0-mode option').allTextContents()).toEqual(['Standard', 'Professional']);
    expect(await sidebar.locator('#row0-audio option').allTextContents()).toEqual(['None', 'Native audio', 'Voice control']);
    await sidebar.locator('#row0-secs').selectOption('20');
    await sidebar.locator('#row0-audio').selectOption('voice');
    const added = new PricingEngine(bookWithModel());
    const c = await expectFigures(work([[ADDED_MODEL, 'professional', 20, 'voice', 20]]), { engine: added });
    expect(await figure('api-cost')).toBe('n/a');
    expect(await figure('api-why')).toBe(`row 1: Kling publishes no API price for ${ADDED_MODEL}`);
    expect(c.budget.creditsWithBuffer).toBe(7200);
    expect(await sidebar.locator('#row0-credits').textContent()).toBe(
      '300 credits a clip (4.0 is priced per second); 6,000 a month before the buffer (estimate)',
    );
    // A standard test take of a voice-control clip: Kling 4.0 prices none, and the core says so at the row.
    await sidebar.locator('#row0-takes').fill('1');
    expect(await sidebar.locator('#row0-error').textContent()).toContain('Kling 4.0 offers no standard clip with voice control');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(true);
  });

  it('fills the rows from a copy of the budget template shot list, by its header names in any order', async () => {
    await open((ss) => {
      ss.insertSheet('Kling budget')
        .getRange(1, 1, SHOT_LIST_ROWS.length, (SHOT_LIST_ROWS[0] as unknown[]).length)
        .setValues(SHOT_LIST_ROWS);
    });
    await select(`'Kling budget'!A1:K${SHOT_LIST_ROWS.length}`, SHOT_LIST_ROWS.length * 11);
    await sidebar.locator('#fill').click();
    await expect
      .poll(() => sidebar.locator('#status').textContent(), POLL)
      .toBe("Filled 4 rows from 'Kling budget'!A1:K8, columns found by their header. 1 with blank videos counts as nothing.");
    expect(await sidebar.locator('fieldset.row').count()).toBe(4);
    const rows = await sidebarFrame().$$eval('fieldset.row', (sets) =>
      sets.map((set) => Array.from(set.querySelectorAll('select, input')).map((el) => (el as HTMLInputElement).value)),
    );
    expect(rows).toEqual([
      ['Kling 2.6', 'professional', '10', 'audio', '4', '2'],
      ['Kling 2.6', 'standard', '5', 'silent', '20', ''],
      ['Kling 3.0', 'professional', '8', 'voice', '6', '1'],
      ['Kling 2.6', 'standard', '10', 'silent', '', ''],
    ]);
    expect(await sidebar.locator('fieldset.row').nth(1).locator('.own-buffer').textContent()).toBe(
      'Own buffer from the shot list: 30 %. Use the common buffer',
    );
    const filled = work([
      ['Kling 2.6', 'professional', 10, 'audio', 4, 2],
      ['Kling 2.6', 'standard', 5, 'silent', 20, 0, 0.3],
      ['Kling 3.0', 'professional', 8, 'voice', 6, 1],
    ]);
    await expectFigures(filled);
    expect(await figure('credits-with-buffer')).toBe('3,620');
    expect(await figure('credits-needed')).toContain('for the work + the buffers');
    // The row's own buffer can be dropped for the common one.
    await sidebar.locator('fieldset.row').nth(1).getByRole('button', { name: 'Use the common buffer in row 2' }).click();
    await expectFigures(
      work([
        ['Kling 2.6', 'professional', 10, 'audio', 4, 2],
        ['Kling 2.6', 'standard', 5, 'silent', 20],
        ['Kling 3.0', 'professional', 8, 'voice', 6, 1],
      ]),
    );

    // A hostile value in a cell comes back as text inside a problem, never as markup.
    (preview.spreadsheet.getSheetByName(MESSY_LIST) as FakeSheet).getRange('A2').setValue('<img src=x onerror="window.__pwned=1">');
    await select(`'${MESSY_LIST}'!A1:D4`, 16);
    await sidebar.locator('#fill').click();
    await sidebar.locator('#fill-problems li').first().waitFor();
    const problems = await sidebar.locator('#fill-problems li').allTextContents();
    expect(problems.map((p) => p.split(':')[0])).toEqual(['A2', 'A3', 'B3', 'C4', 'D4']);
    expect(problems[0]).toContain('mode "<img src=x onerror="window.__pwned=1">" is not a Kling mode'.slice(0, 30));
    expect(await sidebar.locator('#fill-problems img').count()).toBe(0);
    expect(await sidebarFrame().evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await sidebar.locator('fieldset.row').count(), 'rows unchanged').toBe(4);
  });

  it('inserts the comparison into a new sheet of the in-memory spreadsheet, leaving earlier cells untouched', async () => {
    await open();
    const ss = preview.spreadsheet;
    const before = ss.getSheets().map((s) => ({ name: s.getName(), cells: s.snapshot() }));
    await sidebar.locator('#row0-count').fill('10');
    await sidebar.locator('#row0-audio').selectOption('silent');
    await sidebar.locator('#add-row').click(); // blank videos: not sent
    await sidebar.locator('#insert').click();
    await expect
      .poll(() => sidebar.locator('#status').textContent(), POLL)
      .toBe('Inserted the comparison into the new sheet "Kling comparison".');

    const sheet = ss.getSheetByName('Kling comparison') as FakeSheet;
    expect(
      ss
        .getSheets()
        .map((s) => ({ name: s.getName(), cells: s.snapshot() }))
        .slice(0, before.length),
    ).toEqual(before);
    expect(ss.writes.filter((w) => w.sheet !== 'Kling comparison')).toEqual([]);
    const c = compareWorkload(engine, work([['Kling 2.6', 'professional', 10, 'silent', 10]]));
    const expected = optionsBlock(c);
    const covering = expected.rows.filter((_, i) => c.options[i]?.covers);
    const values = sheet.getDataRange().getValues();
    const header = values.findIndex((r) => r[0] === 'Option');
    expect(values.slice(header + 1, header + 1 + expected.rows.length).map((r) => r.slice(0, 10))).toEqual([
      ...covering,
      ...expected.rows.filter((_, i) => !c.options[i]?.covers),
    ]);
    expect(values.filter((r) => r[0] === 'Kling 2.6')).toHaveLength(1);
    expect(sheet.getRange(header + 2, 5).getNumberFormats()[0]?.[0]).toBe('$#,##0.00');
    expect(sheet.getCharts().map((chart) => chart.type)).toEqual(['BAR']);

    // The preview shows the new sheet, with the formatted figures and a chart of the options that cover.
    await expect.poll(() => page.locator('#tabs button[aria-selected="true"]').textContent(), POLL).toBe('Kling comparison');
    expect(await page.locator('#grid td', { hasText: c.budget.best.label }).count()).toBeGreaterThan(0);
    expect(await page.locator('#charts figcaption').first().textContent()).toContain(
      'Chart (bar): Monthly cost of each option that covers the work',
    );
    expect(await page.locator('#charts .bar-label').allTextContents()).toEqual(covering.map((r) => String(r[0])));

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
  });

  it('shows the server error when an insert fails, and writes nothing', async () => {
    await open();
    // 1,000,000 4K clips a month: the page itself refuses, and the server refuses the same request.
    await sidebar.locator('#row0-model').selectOption('Kling 3.0');
    await sidebar.locator('#row0-mode').selectOption('4k');
    await sidebar.locator('#row0-count').fill('1000000');
    expect(await sidebar.locator('#results-note').textContent()).toMatch(/credits a month with the buffer, more than/);
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
              rows: [{ model: 'Kling 3.0', mode: '4k', secs: 10, audio: 'silent', count: 1000000, testTakes: 0, buffer: null }],
              billing: 'monthly',
              buffer: 0.2,
              images: 0,
            });
        }),
    );
    expect(reply).toMatch(/^Kling Cost cannot price this work: /);
    expect(preview.spreadsheet.getSheets()).toHaveLength(2);
  });

  it('is usable with a keyboard: labelled inputs, headings, tab order in reading order, live regions', async () => {
    await open();
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
    expect(await frame.$$eval('h1, h2, h3, h4', (hs) => hs.slice(0, 6).map((x) => `${x.tagName}:${x.textContent}`))).toEqual([
      'H1:Compare plans',
      'H2:Work per month',
      'H2:Billing and buffer',
      'H2:Comparison',
      'H3:Every option, monthly renewal',
      'H4:Standard does not cover',
    ]);
    const live = await frame.$$eval('[role="alert"], [role="status"], [aria-live]', (els) => els.map((el) => el.id).filter(Boolean));
    expect(live).toEqual(
      expect.arrayContaining([
        'book-note',
        'fill-problems',
        'images-error',
        'buffer-readback',
        'buffer-error',
        'results-note',
        'status',
        'error',
        'row0-error',
      ]),
    );

    // Tab through the sidebar from its top.
    await sidebar.locator('h1').click();
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      order.push(await frame.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
    }
    expect(order).toEqual([
      'row0-model',
      'row0-mode',
      'row0-secs',
      'row0-audio',
      'row0-count',
      'row0-takes',
      'add-row',
      'fill',
      'images',
      'billing',
      'buffer',
      'SUMMARY',
    ]);

    // Operate it by keyboard alone: type a count, add a row with Enter, open a card's details.
    await sidebar.locator('#row0-count').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await sidebar.locator('#add-row').focus();
    await page.keyboard.press('Enter');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('row1-model');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('row1-count');
    await page.keyboard.type('20');
    await expectFigures(
      work([
        ['Kling 2.6', 'professional', 10, 'audio', 7],
        ['Kling 2.6', 'professional', 10, 'audio', 20],
      ]),
    );
    await sidebar.locator('#options summary').first().focus();
    await page.keyboard.press('Enter');
    expect(await sidebar.locator('#options details').first().getAttribute('open')).toBe('');
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  });

  it('records every request, and each one stayed on the preview server', async () => {
    await open();
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
    await offline.locator('#options > li').first().waitFor();
    expect(await offline.locator('#book-note').textContent()).toBe(
      `Prices: the built-in price book (as of ${DEFAULT_PRICE_BOOK.asOf}). Not connected to a spreadsheet: Fill from selection and Insert need the add-on.`,
    );
    expect(await offline.locator('#fill').isDisabled()).toBe(true);
    expect(await offline.locator('#insert').isDisabled()).toBe(true);
    await offline.locator('#row0-count').fill('12');
    await expectFigures(work([['Kling 2.6', 'professional', 10, 'audio', 12]]), { frame: offline.mainFrame() });
    expect(seen.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await offline.close();
  });
});
