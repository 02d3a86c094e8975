import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from '../../scripts/chromium';
import { launchChromium } from '../../scripts/chromium';
import type { AudioOption, Billing, ChannelFigure, Comparison, Mode, Workload } from '../../src/pricing';
import {
  budgetRange,
  channelFigures,
  channelsBlock,
  compareWorkload,
  DEFAULT_PRICE_BOOK,
  optionsBlock,
  PricingEngine,
  priceAgeText,
} from '../../src/pricing';
import { count, spare, usd, yearFigure } from '../../src/sidebar/format';
import type { FakeSheet, FakeSpreadsheet } from '../fakes/appsScript';
import { AddonHarness, MESSY_LIST, SHOT_LIST, seedExampleData } from '../support/harness';
import { DIST, readCode } from '../support/loadBundle';
import { ADDED_MODEL, bookWithModel, priceTableWithModel, SHOT_LIST_ROWS } from './fixtures';

/**
 * The sidebar in real headless Chromium at the size Sheets gives it (300 px wide), over
 * dist/Code.js running on the in-memory spreadsheet of the fakes: google.script.run is a stand-in
 * that hands each call to the harness through a Playwright binding (no network), and every request
 * the page makes is answered here (the page itself) or refused. Every figure shown is checked
 * against the core's compareWorkload and budgetRange for the same work.
 */

const engine = new PricingEngine(DEFAULT_PRICE_BOOK);
/** Waiting for a server round trip: generous, since the machine may be busy; never a timing assertion. */
const POLL = { timeout: 15_000 };
const SIDEBAR_HTML = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
const SIDEBAR_URL = 'http://sidebar.kling-cost.test/';
const DEFAULT_NOTE = `Prices: the default price book (checked against its sources on ${DEFAULT_PRICE_BOOK.asOf}).`;
const EDITED_NOTE = `Prices: the sheet "Kling prices" (edited prices, newest as of ${bookWithModel().asOf}).`;
/** The browser's clock in these tests, local time: 15 days after the plans' prices. */
const TODAY = '2026-10-20';
const SIDEBAR = { width: 300, height: 600 };

/** google.script.run over the binding __klingRun(name, argsJson): asynchronous, as the real one. */
const SHIM = `(() => {
  function makeRun(handlers) {
    return new Proxy({}, {
      get: (_target, name) => {
        if (name === 'withSuccessHandler') return (fn) => makeRun(Object.assign({}, handlers, { success: fn }));
        if (name === 'withFailureHandler') return (fn) => makeRun(Object.assign({}, handlers, { failure: fn }));
        if (typeof name !== 'string') return undefined;
        return (...args) => {
          window.__klingRun(name, JSON.stringify(args)).then((reply) => {
            if (reply.ok) { if (handlers.success) handlers.success(reply.value); }
            else if (handlers.failure) handlers.failure(new Error(reply.message));
          });
        };
      },
    });
  }
  window.google = { script: { run: makeRun({}), host: { close() {}, setHeight() {}, setWidth() {} } } };
})();`;

let browser: Browser;
let page: Page;
let harness: AddonHarness;
/** Every URL the page asked for during the current test. */
let requests: string[] = [];
/** Every server function the page called, in order. */
let calls: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium(SIDEBAR);
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(() => {
  requests = [];
  calls = [];
  pageErrors = [];
});

afterEach(async () => {
  await page?.close();
  expect(pageErrors).toEqual([]);
  // No request leaves the page: the only one is the page itself, which this test serves.
  expect(requests.filter((url) => url !== SIDEBAR_URL)).toEqual([]);
});

type Row = [model: string, mode: Mode, secs: number, audio: AudioOption, count: number, testTakes?: number, retakeRate?: number | null];

/**
 * A workload as the core takes it. Each line is named by its row of the sidebar (`rowNumbers`,
 * default 1, 2, ...), as the page names it; the sidebar's retake rate defaults to 20 %.
 */
function work(rows: Row[], billing: Billing = 'monthly', retakeRate = 0.2, images = 0, rowNumbers?: number[]): Workload {
  return {
    lines: rows.map(([model, mode, secs, audio, n, testTakes = 0, own = null], i) => ({
      clip: { model, mode, secs, audio },
      count: n,
      testTakes,
      retakeRate: own,
      row: rowNumbers?.[i] ?? i + 1,
    })),
    billing,
    retakeRate,
    images,
  };
}

/** Opens the sidebar over a spreadsheet with the example data, `setup` run first; waits for the prices in force. */
async function open(
  options: { setup?: (ss: FakeSpreadsheet) => void; note?: string; viewport?: { width: number; height: number }; now?: string } = {},
): Promise<Frame> {
  calls = [];
  const spreadsheet = seedExampleData();
  options.setup?.(spreadsheet);
  spreadsheet.getRange(`'${SHOT_LIST}'!A1:E4`).activate();
  spreadsheet.writes.length = 0;
  harness = new AddonHarness({ code: readCode(), files: { Sidebar: SIDEBAR_HTML }, spreadsheet });
  page = await browser.context.newPage();
  await page.setViewportSize(options.viewport ?? SIDEBAR);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    requests.push(request.url());
  });
  await page.clock.setFixedTime(new Date(`${options.now ?? TODAY}T12:00:00`));
  await page.route('**/*', (route) =>
    route.request().url() === SIDEBAR_URL
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: withShim(SIDEBAR_HTML) })
      : route.abort(),
  );
  await page.exposeBinding('__klingRun', (_source, name: string, argsJson: string) => {
    calls.push(name);
    try {
      return { ok: true, value: JSON.parse(harness.runJson(name, argsJson)) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  });
  await page.goto(SIDEBAR_URL);
  await page.locator('#channels > li').first().waitFor();
  await expect.poll(() => page.locator('#book-note').textContent(), POLL).toBe(options.note ?? DEFAULT_NOTE);
  return page.mainFrame();
}

function withShim(html: string): string {
  const at = html.indexOf('<head>') + '<head>'.length;
  return `${html.slice(0, at)}\n<script>${SHIM}</script>${html.slice(at)}`;
}

const withPrices = (ss: FakeSpreadsheet) => {
  const rows = priceTableWithModel();
  ss.insertSheet('Kling prices').getRange(1, 1, rows.length, 8).setValues(rows);
};

// ---------------------------------------------------------------------------------------------
// What the page shows, and what it must show for a comparison.

/** Every channel as shown, in order: its label and total (and the rest), or its "Not compared" line; and where it is. */
function shownChannels(frame: Frame = page.mainFrame()) {
  return frame.$$eval('#answer li.channel', (items) =>
    items.map((li) => ({
      channel: li.getAttribute('data-channel'),
      total: li.querySelector('.total')?.textContent ?? null,
      detail: li.querySelector('.detail')?.textContent ?? null,
      text: li.querySelector('.na-text')?.textContent ?? null,
      cheapest: li.classList.contains('cheapest'),
      collapsed: !!li.closest('details'),
    })),
  );
}

/**
 * The channels in the order the page must show them, worked out here from the core's figures: the
 * cheapest first, then the others with a figure by total (ties in the core's order), then those
 * without a figure in the core's order; beyond the fourth, collapsed.
 */
function expectedChannels(c: Comparison) {
  const all = c.channels.channels.map((ch, i) => ({ ch, i, f: channelFigures(c.channels, ch) }));
  const priced = all.filter((x) => x.f !== null).sort((a, b) => (a.f?.total as number) - (b.f?.total as number) || a.i - b.i);
  const ordered = [...priced, ...all.filter((x) => x.f === null)];
  return ordered.map(({ ch, f }, n) => {
    const detail = f
      ? [`${usd(f.average)} a month`, ...(f.perVideo === null ? [] : [`${usd(f.perVideo)} a video`])].join(', ') +
        (ch.boughtAs ? `; ${ch.boughtAs}` : '')
      : null;
    return {
      channel: ch.label,
      total: f ? usd(f.total) : null,
      detail,
      text: f ? null : `Not compared: ${ch.label} (${(ch.reason as string).replace(/^n\/a: /, '')})`,
      cheapest: ch === c.channels.cheapest,
      collapsed: n >= 4,
    };
  });
}

/** The option cards as shown: label, marks and every figure, in order. */
function shownCards(frame: Frame = page.mainFrame()) {
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

/** The one-month figures as shown (the items' own figures, not the text around them). */
async function shownMonth(frame: Frame = page.mainFrame()): Promise<Record<string, string>> {
  const all = await frame.$$eval('#summary [data-figure]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-figure'), el.textContent ?? ''])),
  );
  for (const item of ['credits-needed', 'month']) delete all[item];
  return all;
}

/** What one month on its own must show: the core's budget under the chosen billing, or why the app cannot price it. */
function expectedMonth(c: Comparison): Record<string, string> {
  const b = c.budget;
  if (typeof b.creditsWithRetakes !== 'number' || !b.best || b.monthlyCost === null) {
    return { 'credits-with-retakes': String(b.creditsWithRetakes), videos: count(b.videos), 'month-option': String(b.credits) };
  }
  return {
    'credits-with-retakes': count(b.creditsWithRetakes),
    'credits-work': count(b.credits as number),
    videos: count(b.videos),
    'month-option': b.best.label,
    'month-cost': usd(b.monthlyCost),
  };
}

/** The range line of a workload, as the core gives it: 12 equal months, cheapest billing, no contingency. */
function rangeOf(w: Workload, on: PricingEngine = engine): string {
  return budgetRange(on, { lines: w.lines, images: w.images, billing: 'cheapest', retakeRate: w.retakeRate }, { contingency: 0 }).line;
}

/** Every figure of the page against the core's comparison and range of the same work. */
async function expectFigures(w: Workload, on: { engine?: PricingEngine; frame?: Frame; today?: string } = {}) {
  const core = on.engine ?? engine;
  const c = compareWorkload(core, w);
  const frame = on.frame ?? page.mainFrame();
  expect(await shownChannels(frame)).toEqual(expectedChannels(c));
  const more = c.channels.channels.length - 4;
  expect(await frame.$$eval('#more-channels > summary', (s) => s.map((x) => x.textContent))).toEqual(
    more > 0 ? [`More channels (${more})`] : [],
  );
  expect(await frame.locator('#range').textContent()).toBe(rangeOf(w, core));
  expect(await frame.locator('#price-age').textContent()).toBe(priceAgeText(c.asOf, on.today ?? TODAY));
  expect(await shownMonth(frame)).toEqual(expectedMonth(c));
  expect(await shownCards(frame)).toEqual(expectedCards(c));
  return c;
}

async function figure(name: string): Promise<string> {
  return (await page.locator(`#summary [data-figure="${name}"]`).textContent()) ?? '';
}

/** Selects a range of the in-memory spreadsheet, as a user would. */
function select(a1: string): void {
  harness.spreadsheet.getRange(a1).activate();
}

/** Where the answer's parts are in the first screen, and whether anything runs off the side. */
function firstScreen(frame: Frame = page.mainFrame()) {
  return frame.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    };
    const range = document.getElementById('range') as HTMLElement;
    const text = document.createRange();
    text.selectNodeContents(range);
    const root = document.scrollingElement as Element;
    return {
      scrollY: window.scrollY,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      channels: Array.from(document.querySelectorAll('#channels > li')).map(box),
      more: box(document.querySelector('#more-channels > summary')),
      range: box(range),
      rangeText: range.textContent ?? '',
      rangeLines: text.getClientRects().length,
      rangeFits: range.scrollWidth <= range.clientWidth,
      age: box(document.getElementById('price-age')),
      form: box(document.getElementById('rows')),
      outside: Array.from(document.querySelectorAll('main *'))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.left < -0.5 || r.right > root.clientWidth + 0.5);
        })
        .map((el) => `${el.tagName}#${el.id}.${el.className}`),
    };
  });
}

/** The first screen holds the answer in order, above the form, nothing cut off or off the side. */
function expectAnswerFirst(s: Awaited<ReturnType<typeof firstScreen>>) {
  expect(s.viewport).toEqual(SIDEBAR);
  expect(s.scrollY).toBe(0);
  expect(s.scrollWidth).toBeLessThanOrEqual(s.clientWidth);
  expect(s.outside).toEqual([]);
  const parts = [...s.channels, ...(s.more ? [s.more] : []), s.range, s.age];
  for (const part of parts) {
    expect(part).not.toBeNull();
    expect(part?.top).toBeGreaterThanOrEqual(0);
    expect(part?.bottom).toBeLessThanOrEqual(SIDEBAR.height);
  }
  // In reading order: each part below the one before; the form after the answer.
  for (let i = 1; i < parts.length; i++) expect(parts[i]?.top).toBeGreaterThanOrEqual((parts[i - 1]?.bottom ?? 0) - 0.5);
  expect(s.form?.top).toBeGreaterThan(s.age?.bottom ?? 0);
  // The range on one line, every character visible.
  if (s.rangeText.startsWith('Between ')) {
    expect(s.rangeLines).toBe(1);
    expect(s.rangeFits).toBe(true);
  }
}

describe('Compare plans sidebar in Chromium, 300 px wide', () => {
  it('answers first: the cheapest channel over 12 months and its total, the others, the range on one line, the price age; then the form', async () => {
    await open();
    const w = work([['Kling 2.6', 'professional', 10, 'audio', 20]]);
    const c = await expectFigures(w);
    expect(calls).toEqual(['sidebarInit']);

    const cheapest = page.locator('#channels > li').first();
    expect(await cheapest.getAttribute('data-channel')).toBe(c.channels.cheapest?.label);
    expect(await cheapest.locator('.total').textContent()).toBe(
      usd(channelFigures(c.channels, c.channels.cheapest as ChannelFigure)?.total as number),
    );
    const box = await cheapest.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= SIDEBAR.height).toBe(true);
    // Kling 2.6: the app and Kling's API have a figure; no reseller sells it (their reasons, n/a last).
    expect((await shownChannels()).map((x) => x.channel)).toEqual([
      'Kling app (annual) (estimate)',
      'Kling API (prepaid packs) (estimate)',
      'fal (pay as you go) (estimate)',
      'Replicate (pay as you go) (estimate)',
      'PiAPI (pay as you go) (estimate)',
    ]);
    expect(await page.locator('#channels > li.na').first().textContent()).toBe(
      'Not compared: fal (pay as you go) (estimate) (row 1 (Kling 2.6 professional 10 s with audio) is not sold there)',
    );
    const s = await firstScreen();
    expectAnswerFirst(s);
    expect(s.channels).toHaveLength(4);
    // The range on one line at 300 px, every character of it visible.
    expect(await page.locator('#range').textContent()).toMatch(/^Between \$[\d,]+\.\d\d and \$[\d,]+\.\d\d, most likely \$[\d,]+\.\d\d$/);
    expect(s.rangeLines).toBe(1);
    expect(s.rangeFits).toBe(true);
    expect(s.range?.height).toBeLessThan(20);
    expect(await page.locator('#price-age').textContent()).toBe('prices as of 2026-10-05');

    // Beyond the fourth, collapsed: "More channels (1)"; opened, the fifth shows.
    const fifth = page.locator('#more-channels li');
    expect(await fifth.isVisible()).toBe(false);
    await page.locator('#more-channels > summary').click();
    expect(await fifth.isVisible()).toBe(true);
    // It stays open as the figures change.
    await page.locator('#row0-count').fill('21');
    expect(await page.locator('#more-channels').getAttribute('open')).toBe('');
    await expectFigures(work([['Kling 2.6', 'professional', 10, 'audio', 21]]));
  });

  it('recomputes every figure on each input without calling the server; billing sets the one-month figures only', async () => {
    await open();
    // 10 pro 10 s clips without audio and no retakes: 700 credits, the spec's examples.
    await page.locator('#row0-audio').selectOption('silent');
    await page.locator('#row0-count').fill('10');
    await page.locator('#retake').fill('0');
    expect(await figure('month-option')).toBe('Standard + 330-credit pack');
    expect(await figure('month-cost')).toBe('$13.80');
    const spec = work([['Kling 2.6', 'professional', 10, 'silent', 10]], 'monthly', 0);
    const c = await expectFigures(spec);
    // The API from its prepaid packs, named: never "cheaper" for a small user because of list prices.
    const api = page.locator('#channels > li[data-channel="Kling API (prepaid packs) (estimate)"]');
    expect(await api.locator('.total').textContent()).toBe('$1,400.00');
    expect(await api.locator('.detail').textContent()).toBe('$116.67 a month, $11.67 a video; 2 x 5,000-unit pack');
    expect(await page.locator('#range').textContent()).toBe('Cases out of order: low <= typical <= high is required for the retake rate');
    // The chart leaves out what does not cover the work, and says so.
    expect(c.options.filter((o) => !o.covers).map((o) => o.label)).toEqual(['Standard']);
    expect(await page.locator('#chart li').evaluateAll((li) => li.map((l) => l.getAttribute('data-option')))).not.toContain('Standard');
    expect(await page.locator('#chart-left-out').textContent()).toBe('Left out, as they do not cover the work: Standard.');

    // Billing: one month on its own changes; the channels over 12 months stay at the cheapest billing.
    const channels = await shownChannels();
    await page.locator('#billing').selectOption('annual');
    expect(await page.locator('#month-heading').textContent()).toBe('One month on its own, annual billing');
    await expectFigures({ ...spec, billing: 'annual' });
    expect(await shownChannels()).toEqual(channels);

    // Kling 3.0: its own modes, lengths and audio, from its rows of the book.
    await page.locator('#row0-model').selectOption('Kling 3.0');
    expect(await page.locator('#row0-secs option').allTextContents()).toEqual(Array.from({ length: 13 }, (_, i) => `${i + 3} s`));
    expect(await page.locator('#row0-mode option').allTextContents()).toEqual(['Standard', 'Professional', '4K']);
    expect(await page.locator('#row0-audio option').allTextContents()).toEqual(['None', 'Native audio', 'Voice control']);
    await page.locator('#row0-mode').selectOption('4k');
    expect(await page.locator('#row0-audio option').allTextContents()).toEqual(['None', 'Native audio']);
    await page.locator('#row0-secs').selectOption('15');
    const k30 = work([['Kling 3.0', '4k', 15, 'silent', 10]], 'annual', 0);
    await expectFigures(k30);
    expect(await page.locator('#row0-credits').textContent()).toBe(
      '450 credits a clip (3.0 is priced per second); 4,500 a month before retakes',
    );

    // An added row is empty and counts as nothing; with videos and test takes it adds up.
    await page.locator('#add-row').click();
    expect(await page.locator('#row1-count').inputValue()).toBe('');
    expect(await page.locator('#row1-credits').textContent()).toContain('videos blank: counts as nothing');
    await expectFigures(k30);
    await page.locator('#row1-count').fill('3');
    await page.locator('#row1-takes').fill('2');
    const both = work(
      [
        ['Kling 3.0', '4k', 15, 'silent', 10],
        ['Kling 2.6', 'professional', 10, 'audio', 3, 2],
      ],
      'annual',
      0,
    );
    await expectFigures(both);
    // Its standard test takes with audio are not on the API: no API figure, with the row and the reason.
    expect(await page.locator('li[data-channel="Kling API (prepaid packs) (estimate)"]').textContent()).toMatch(
      /^Not compared: Kling API \(prepaid packs\) \(estimate\) \(row 2 \(Kling 2\.6 professional 10 s with audio\): audio TRUE: Kling's API for Kling 2\.6 offers no standard clip/,
    );
    await page.locator('#images').fill('500');
    await page.locator('#retake').fill('');
    await expectFigures({ ...both, images: 500, retakeRate: 0.2 });

    expect(calls, 'no server call while editing').toEqual(['sidebarInit']);
  });

  it('a Kling 4.0 row (sold by resellers only): every model can be chosen, no app credits shown, the channels compared, fal cheapest', async () => {
    await open();
    // Every model of the book, app, API-only and reseller-only.
    const models = await page
      .locator('#row0-model option')
      .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(models).toEqual(engine.models.all().map((m) => [m.name, m.app ? m.name : `${m.name} (no app credits)`]));
    expect(models.map((m) => m[0])).toEqual(
      expect.arrayContaining([
        'Kling 2.6',
        'Kling 3.0',
        'Kling 3.0 Turbo',
        'Kling 3.0 Omni',
        'Kling 2.5 Turbo',
        'Kling O1',
        'Kling 4.0',
        'Kling 4.0 Flash',
      ]),
    );
    await page.locator('#row0-model').selectOption('Kling 4.0');
    // What fal and PiAPI make: 3 to 30 s, with audio.
    expect(await page.locator('#row0-mode option').allTextContents()).toEqual(['Standard', 'Professional']);
    expect(await page.locator('#row0-secs option').allTextContents()).toEqual(Array.from({ length: 28 }, (_, i) => `${i + 3} s`));
    expect(await page.locator('#row0-audio option').allTextContents()).toEqual(['Native audio']);
    expect(await page.locator('#row0-credits').textContent()).toBe(
      'No app credits in the price book: sold by fal and PiAPI, compared above',
    );
    await page.locator('#row0-count').fill('10');
    await page.locator('#retake').fill('0');
    // channels.md example 3 over 12 months: fal $282.00, PiAPI $300.00.
    const k40 = work([['Kling 4.0', 'professional', 10, 'audio', 10]], 'monthly', 0);
    const c = await expectFigures(k40);
    expect((await shownChannels()).map((x) => [x.channel, x.total])).toEqual([
      ['fal (pay as you go) (estimate)', '$282.00'],
      ['PiAPI (pay as you go) (estimate)', '$300.00'],
      ['Kling app (monthly)', null],
      ['Kling API (prepaid packs) (estimate)', null],
      ['Replicate (pay as you go) (estimate)', null],
    ]);
    expect(await page.locator('#channels > li').nth(2).textContent()).toBe(
      'Not compared: Kling app (monthly) (row 1 (Kling 4.0 professional 10 s with audio) has no app credits in the price book)',
    );
    // One month on its own: n/a with the reason; no option cards.
    expect(await figure('credits-with-retakes')).toBe(
      'n/a: row 1 (Kling 4.0 professional 10 s with audio) has no app credits in the price book',
    );
    expect(await page.locator('#options > li').count()).toBe(0);
    expect(await page.locator('#options-heading').isHidden()).toBe(true);
    expect(c.options).toEqual([]);
    expectAnswerFirst(await firstScreen());

    // Inserted: the sheet's channel table says the same, fal first.
    await page.locator('#insert').click();
    await expect
      .poll(() => page.locator('#status').textContent(), POLL)
      .toBe('Inserted the comparison into the new sheet "Kling comparison".');
    const values = (harness.spreadsheet.getSheetByName('Kling comparison') as FakeSheet).getDataRange().getValues();
    const header = values.findIndex((r) => r[0] === 'Channel');
    expect(values.slice(header + 1, header + 6).map((r) => [r[0], r[1]])).toEqual([
      ['fal (pay as you go) (estimate)', 282],
      ['PiAPI (pay as you go) (estimate)', 300],
      ['Kling app (monthly)', 'n/a'],
      ['Kling API (prepaid packs) (estimate)', 'n/a'],
      ['Replicate (pay as you go) (estimate)', 'n/a'],
    ]);

    // Images: no reseller sells them, and this model is sold by resellers only: no channel has a figure.
    await page.locator('#images').fill('100');
    await expectFigures({ ...k40, images: 100 });
    expect(await page.locator('#answer .lead').textContent()).toBe('No channel can make this work');
    expect(await page.locator('li[data-channel="fal (pay as you go) (estimate)"]').textContent()).toBe(
      'Not compared: fal (pay as you go) (estimate) (images are not sold there)',
    );
    await page.locator('#images').fill('');

    // An API-only model: Kling 3.0 Turbo, on Kling's API.
    await page.locator('#row0-model').selectOption('Kling 3.0 Turbo');
    expect(await page.locator('#row0-credits').textContent()).toBe("No app credits in the price book: sold by Kling's API, compared above");
    await expectFigures(work([['Kling 3.0 Turbo', 'professional', 10, 'audio', 10]], 'monthly', 0));
    expect((await shownChannels())[0]?.channel).toBe('Kling API (prepaid packs) (estimate)');
  });

  it('reads the retake rate in percent and says how it read it; 100 % or more is refused', async () => {
    await open();
    expect(await page.locator('label[for="retake"]').textContent()).toBe('Retake rate (%)');
    const help = (await page.locator('#retake-help').textContent()) ?? '';
    expect(help).toContain('share of paid, finished takes you throw away');
    expect(help).toContain('500 credits at 20 % are planned as 625');
    expect(help).toContain('"20 % buffer" is a retake rate of 1/6');
    const reads: [string, string, boolean, number | null][] = [
      ['20', 'Reads as 20 %.', false, 0.2],
      ['0.2', 'Reads as 0.2 %; for 20 % type 20.', true, 0.002],
      ['20%', 'Reads as 20 %.', false, 0.2],
      [' 35 % ', 'Reads as 35 %.', false, 0.35],
      ['12.5', 'Reads as 12.5 %.', false, 0.125],
      ['99.5', 'Reads as 99.5 %.', false, 0.995],
      ['0', 'Reads as 0 %.', false, 0],
      ['', 'Empty: the default, 20 %.', false, 0.2],
      ['100', '', false, null],
      ['250', '', false, null],
      ['-5', '', false, null],
      ['abc', '', false, null],
    ];
    for (const [typed, readBack, warn, rate] of reads) {
      await page.locator('#retake').fill(typed);
      expect(await page.locator('#retake-readback').textContent(), typed).toBe(readBack);
      expect(await page.locator('#retake-readback').evaluate((el) => el.classList.contains('warn')), typed).toBe(warn);
      if (rate === null) {
        expect(await page.locator('#retake').getAttribute('aria-invalid')).toBe('true');
        expect(await page.locator('#answer').isHidden()).toBe(true);
        expect(await page.locator('#insert').isDisabled()).toBe(true);
      } else {
        await expectFigures(work([['Kling 2.6', 'professional', 10, 'audio', 20]], 'monthly', rate));
      }
    }
    expect(await page.locator('#retake-error').textContent()).toBe('The retake rate "abc" is not a percentage; type one such as 20.');
    await page.locator('#retake').fill('100');
    expect(await page.locator('#retake-error').textContent()).toBe(
      'The retake rate must be from 0 % up to but not including 100 % (at 100 % every take is thrown away); this reads as 100 %.',
    );
    expect(await page.locator('#answer-note').textContent()).toBe('Fix the marked inputs to see the comparison.');
  });

  it('marks a bad input, hides the figures and disables Insert until it is fixed', async () => {
    await open();
    await page.locator('#row0-count').fill('-3');
    await expect.poll(() => page.locator('#row0-count').getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await page.locator('#row0-error').textContent()).toContain('Videos per month "-3" is not a whole number of videos');
    expect(await page.locator('#answer').isHidden()).toBe(true);
    expect(await page.locator('#month').isHidden()).toBe(true);
    expect(await page.locator('#answer-note').textContent()).toBe('Fix the marked inputs to see the comparison.');
    expect(await page.locator('#insert').isDisabled()).toBe(true);
    await page.locator('#row0-takes').fill('101');
    expect(await page.locator('#row0-error').textContent()).toContain('Test takes must be a whole number from 0 to 100');
    await page.locator('#images').fill('lots');
    expect(await page.locator('#images-error').textContent()).toBe('Images per month must be a whole number from 0 to 10,000,000.');
    await page.locator('#row0-count').fill('4');
    await page.locator('#row0-takes').fill('1');
    await page.locator('#images').fill('');
    expect(await page.locator('#row0-count').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#insert').isEnabled()).toBe(true);
    await expectFigures(work([['Kling 2.6', 'professional', 10, 'audio', 4, 1]]));

    // Kling 3.0 makes a standard test take with voice control: the row stays valid.
    await page.locator('#row0-model').selectOption('Kling 3.0');
    await page.locator('#row0-audio').selectOption('voice');
    await expectFigures(work([['Kling 3.0', 'professional', 10, 'voice', 4, 1]]));

    // Work beyond what the app plans for: the app has no figure, the other channels still compare.
    await page.locator('#row0-mode').selectOption('4k');
    await page.locator('#row0-count').fill('1000000');
    await page.locator('#row0-takes').fill('');
    await expectFigures(work([['Kling 3.0', '4k', 10, 'silent', 1_000_000]]));
    expect(await page.locator('li[data-channel^="Kling app"]').textContent()).toContain('month 1 needs more than 26,000,000 credits');
    // Seven-figure totals: the range still on one line at 300 px.
    await page.locator('#row0-count').fill('20000');
    await page.locator('#images').fill('100000');
    await expectFigures(work([['Kling 3.0', '4k', 10, 'silent', 20_000]], 'monthly', 0.2, 100_000));
    expect(await page.locator('#range').textContent()).toMatch(/^Between \$1,\d{3},\d{3}\.\d\d and \$\d,\d{3},\d{3}\.\d\d, most likely/);
    expectAnswerFirst(await firstScreen());
  });

  it('fits 300 px: no sideways scrolling, every card inside the page, details on demand', async () => {
    await open({ setup: withPrices, note: EDITED_NOTE });
    // A busy month: rows of several models, the longest labels, every option card open.
    await page.locator('#add-row').click();
    await page.locator('#row1-model').selectOption(ADDED_MODEL);
    await page.locator('#row1-count').fill('1234567');
    await page.locator('#row1-count').fill('400');
    await page.locator('#row1-takes').fill('3');
    await page.locator('#add-row').click();
    await page.locator('#row2-model').selectOption('Kling 3.0');
    await page.locator('#row2-count').fill('25');
    await page.locator('#retake').fill('0.2');
    const layout = async () =>
      page.evaluate(() => {
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
    for (const summary of await page.locator('#options summary').all()) await summary.click();
    await page.locator('#more-channels > summary').click();
    expect(await page.locator('#options details[open]').count()).toBe(closed.cards);
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
      { engine: new PricingEngine(bookWithModel()) },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#more-channels > summary').click();
    expectAnswerFirst(await firstScreen());
  });

  it('offers a model the user added to the price table, with its own lengths, and prices it with its rows', async () => {
    await open({ setup: withPrices, note: EDITED_NOTE });
    expect(await page.locator('#book-note').evaluate((el) => el.classList.contains('edited'))).toBe(true);
    const added = new PricingEngine(bookWithModel());
    expect(await page.locator('#row0-model option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(
      added.models.all().map((m) => m.name),
    );
    await page.locator('#row0-model').selectOption(ADDED_MODEL);
    // Focus stays on the control the user changed, though the row was rebuilt.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('row0-model');
    expect(await page.locator('#row0-secs option').allTextContents()).toEqual(Array.from({ length: 17 }, (_, i) => `${i + 4} s`));
    expect(await page.locator('#row0-mode option').allTextContents()).toEqual(['Standard', 'Professional']);
    expect(await page.locator('#row0-audio option').allTextContents()).toEqual(['None', 'Native audio', 'Voice control']);
    await page.locator('#row0-secs').selectOption('20');
    await page.locator('#row0-audio').selectOption('voice');
    const c = await expectFigures(work([[ADDED_MODEL, 'professional', 20, 'voice', 20]]), { engine: added });
    expect(await page.locator(`li[data-channel="Kling API (prepaid packs) (estimate)"]`).textContent()).toBe(
      `Not compared: Kling API (prepaid packs) (estimate) (row 1 (${ADDED_MODEL} professional 20 s with voice control) is not sold there)`,
    );
    // 15 x 20 = 300 credits a clip, 6,000 a month, 7,500 at 20 %.
    expect(c.budget.creditsWithRetakes).toBe(7500);
    expect(await page.locator('#row0-credits').textContent()).toBe(
      '300 credits a clip (5.0 is priced per second); 6,000 a month before retakes (estimate)',
    );
    // A standard test take of a voice-control clip: the model prices none, and the core says so at the row.
    await page.locator('#row0-takes').fill('1');
    expect(await page.locator('#row0-error').textContent()).toContain(`${ADDED_MODEL} offers no standard clip with voice control`);
    expect(await page.locator('#insert').isDisabled()).toBe(true);
  });

  it('fills the rows from a copy of the budget template shot list, its Retake rate column included; a Buffer column is reported', async () => {
    await open({
      setup: (ss) => {
        ss.insertSheet('Kling budget')
          .getRange(1, 1, SHOT_LIST_ROWS.length, (SHOT_LIST_ROWS[0] as unknown[]).length)
          .setValues(SHOT_LIST_ROWS);
      },
    });
    select(`'Kling budget'!A1:K${SHOT_LIST_ROWS.length}`);
    await page.locator('#fill').click();
    await expect
      .poll(() => page.locator('#status').textContent(), POLL)
      .toBe("Filled 4 rows from 'Kling budget'!A1:K8, columns found by their header. 1 with blank videos counts as nothing.");
    expect(await page.locator('fieldset.row').count()).toBe(4);
    const rows = await page.$$eval('fieldset.row', (sets) =>
      sets.map((set) => Array.from(set.querySelectorAll('select, input')).map((el) => (el as HTMLInputElement).value)),
    );
    expect(rows).toEqual([
      ['Kling 2.6', 'professional', '10', 'audio', '4', '2'],
      ['Kling 2.6', 'standard', '5', 'silent', '20', ''],
      ['Kling 3.0', 'professional', '8', 'voice', '6', '1'],
      ['Kling 2.6', 'standard', '10', 'silent', '', ''],
    ]);
    expect(await page.locator('fieldset.row').nth(1).locator('.own-rate').textContent()).toBe(
      'Own retake rate from the shot list: 30 %. Use the common rate',
    );
    const filled = work([
      ['Kling 2.6', 'professional', 10, 'audio', 4, 2],
      ['Kling 2.6', 'standard', 5, 'silent', 20, 0, 0.3],
      ['Kling 3.0', 'professional', 8, 'voice', 6, 1],
    ]);
    await expectFigures(filled);
    // (200 + 2 x 100) x 4 / 0.8 + 10 x 20 / 0.7 + (112 + 88) x 6 / 0.8 = 2,000 + 285.7 + 1,500, rounded up once.
    expect(await figure('credits-with-retakes')).toBe('3,786');
    expect(await figure('credits-needed')).toContain("for the work, at each row's retake rate");
    // The row's own rate can be dropped for the common one.
    await page.locator('fieldset.row').nth(1).getByRole('button', { name: 'Use the common retake rate in row 2' }).click();
    await expectFigures(
      work([
        ['Kling 2.6', 'professional', 10, 'audio', 4, 2],
        ['Kling 2.6', 'standard', 5, 'silent', 20],
        ['Kling 3.0', 'professional', 8, 'voice', 6, 1],
      ]),
    );

    // A shot list with the old Buffer column: reported, nothing filled.
    const old = harness.spreadsheet.insertSheet('Old budget');
    old.getRange(1, 1, 2, 5).setValues([
      ['Mode', 'Seconds', 'Audio', 'Videos per month', 'Buffer'],
      ['pro', 10, true, 3, 0.2],
    ]);
    select("'Old budget'!A1:E2");
    await page.locator('#fill').click();
    await page.locator('#fill-problems li').first().waitFor();
    expect(await page.locator('#fill-problems li').allTextContents()).toEqual([
      expect.stringMatching(/^E1: the column "Buffer" is no longer read: the buffer is now a retake rate/),
    ]);
    expect(await page.locator('fieldset.row').count(), 'rows unchanged').toBe(4);

    // A hostile value in a cell comes back as text inside a problem, never as markup.
    (harness.spreadsheet.getSheetByName(MESSY_LIST) as FakeSheet).getRange('A2').setValue('<img src=x onerror="window.__pwned=1">');
    select(`'${MESSY_LIST}'!A1:D4`);
    await page.locator('#fill').click();
    await expect.poll(() => page.locator('#fill-problems li').count(), POLL).toBe(5);
    const problems = await page.locator('#fill-problems li').allTextContents();
    expect(problems.map((p) => p.split(':')[0])).toEqual(['A2', 'A3', 'B3', 'C4', 'D4']);
    expect(problems[0]).toContain('mode "<img src=x onerror=');
    expect(await page.locator('#fill-problems img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('fieldset.row').count(), 'rows unchanged').toBe(4);
    expect(calls).toEqual(['sidebarInit', 'sidebarReadSelection', 'sidebarReadSelection', 'sidebarReadSelection']);
  });

  it('inserts the comparison into a new sheet with the channels table, leaving earlier cells untouched', async () => {
    await open();
    const ss = harness.spreadsheet;
    const before = ss.getSheets().map((s) => ({ name: s.getName(), cells: s.snapshot() }));
    await page.locator('#row0-count').fill('10');
    await page.locator('#row0-audio').selectOption('silent');
    await page.locator('#add-row').click(); // blank videos: not sent
    await page.locator('#insert').click();
    await expect
      .poll(() => page.locator('#status').textContent(), POLL)
      .toBe('Inserted the comparison into the new sheet "Kling comparison".');
    expect(calls).toEqual(['sidebarInit', 'sidebarInsertComparison']);

    const sheet = ss.getSheetByName('Kling comparison') as FakeSheet;
    expect(
      ss
        .getSheets()
        .map((s) => ({ name: s.getName(), cells: s.snapshot() }))
        .slice(0, before.length),
    ).toEqual(before);
    expect(ss.writes.filter((w) => w.sheet !== 'Kling comparison')).toEqual([]);
    const c = compareWorkload(engine, work([['Kling 2.6', 'professional', 10, 'silent', 10]]));
    const values = sheet.getDataRange().getValues();
    expect(values[1]?.[0]).toMatch(/^prices as of 2026-10-05/);
    // The channels table: the core's rows, cheapest first, n/a last.
    const channels = channelsBlock(c);
    const header = values.findIndex((r) => r[0] === 'Channel');
    const shown = values.slice(header + 1, header + 1 + channels.rows.length).map((r) => r.slice(0, 5));
    expect(shown.map((r) => r[0])).toEqual((await shownChannels()).map((x) => x.channel));
    expect([...shown].sort()).toEqual([...channels.rows].map((r) => [...r]).sort());
    // The options, those that cover first.
    const expected = optionsBlock(c);
    const covering = expected.rows.filter((_, i) => c.options[i]?.covers);
    const option = values.findIndex((r) => r[0] === 'Option');
    expect(values.slice(option + 1, option + 1 + expected.rows.length).map((r) => r.slice(0, 10))).toEqual([
      ...covering,
      ...expected.rows.filter((_, i) => !c.options[i]?.covers),
    ]);
    expect(values.filter((r) => r[0] === 'Kling 2.6')).toHaveLength(1);
    expect(sheet.getRange(option + 2, 5).getNumberFormats()[0]?.[0]).toBe('$#,##0.00');
    expect(sheet.getCharts().map((chart) => chart.type)).toEqual(['BAR']);

    // Again: a second, uniquely named sheet.
    await page.locator('#insert').click();
    await expect
      .poll(() => page.locator('#status').textContent(), POLL)
      .toBe('Inserted the comparison into the new sheet "Kling comparison 2".');
    expect(ss.getSheets().map((s) => s.getName())).toEqual([SHOT_LIST, MESSY_LIST, 'Kling comparison', 'Kling comparison 2']);
  });

  it('shows the server refusal in plain words when an insert fails, and writes nothing', async () => {
    await open({ setup: withPrices, note: EDITED_NOTE });
    // The price table breaks after the page has loaded: the server refuses, naming the cell.
    const cell = (harness.spreadsheet.getSheetByName('Kling prices') as FakeSheet).getRange('D4');
    const price = cell.getValue();
    cell.setValue('ask sales');
    await page.locator('#insert').click();
    await expect
      .poll(() => page.locator('#error').textContent(), POLL)
      .toMatch(/^Kling Cost cannot read the prices: the sheet "Kling prices", row 4, column D/);
    expect(harness.spreadsheet.getSheets().map((s) => s.getName())).toEqual([SHOT_LIST, MESSY_LIST, 'Kling prices']);
    expect(await page.locator('#insert').isEnabled()).toBe(true);
    cell.setValue(price);

    // Requests straight through google.script.run: every refusal is a plain sentence.
    const reply = (payload: unknown, withArgument = true) =>
      page.evaluate(
        ([p, pass]) =>
          new Promise<string>((resolve) => {
            type Run = { withFailureHandler(f: (e: Error) => void): { sidebarInsertComparison(...payload: unknown[]): void } };
            const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run.withFailureHandler((e) =>
              resolve(e.message),
            );
            if (pass) run.sidebarInsertComparison(p);
            else run.sidebarInsertComparison();
          }),
        [payload, withArgument] as const,
      );
    const row = { model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'silent', count: 1, testTakes: 0, retakeRate: null };
    expect(await reply(undefined, false)).toBe('Kling Cost refused the comparison: the request is missing');
    expect(await reply({ rows: [row], billing: 'monthly', retakeRate: 1, images: 0 })).toBe(
      'Kling Cost refused the comparison: retakeRate must be a fraction from 0 up to but not including 1 (0.2 is 20 %)',
    );
    expect(await reply({ rows: [row], billing: 'monthly', buffer: 0.2, images: 0 })).toBe(
      'Kling Cost refused the comparison: the request has an unexpected field "buffer"; expected only rows, billing, retakeRate, images',
    );
    expect(await reply({ rows: [{ ...row, count: '1' }], billing: 'monthly', retakeRate: 0.2, images: 0 })).toBe(
      'Kling Cost refused the comparison: rows[0].count must be a number, got a string',
    );
    expect(harness.spreadsheet.getSheets()).toHaveLength(3);
  });

  it('is usable with a keyboard: labelled inputs, headings, tab order in reading order, live regions', async () => {
    await open();
    const unlabelled = await page.$$eval('input, select', (els) =>
      els.filter((el) => (el as HTMLInputElement).labels?.length === 0).map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    const nameless = await page.$$eval(
      'button',
      (els) => els.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).length,
    );
    expect(nameless).toBe(0);
    expect(await page.$$eval('[tabindex]', (els) => els.filter((el) => Number(el.getAttribute('tabindex')) > 0).length)).toBe(0);
    expect(await page.$$eval('h1, h2, h3, h4', (hs) => hs.slice(0, 7).map((x) => `${x.tagName}:${x.textContent}`))).toEqual([
      'H1:Compare plans',
      'H2:Every channel over 12 months',
      'H2:Work per month',
      'H2:Billing and retake rate',
      'H2:One month on its own, monthly renewal',
      // Kling 2.6's credits are the guide's: the options carry the estimate badge, read after a space.
      'H3:Every option, monthly renewal estimate',
      'H4:Standard does not cover',
    ]);
    const live = await page.$$eval('[role="alert"], [role="status"], [aria-live]', (els) => els.map((el) => el.id).filter(Boolean));
    expect(live).toEqual(
      expect.arrayContaining([
        'book-note',
        'fill-problems',
        'images-error',
        'retake-readback',
        'retake-error',
        'answer-note',
        'status',
        'error',
        'row0-error',
      ]),
    );

    // Tab through the sidebar from its top: the collapsed channels, then the form in reading order.
    await page.locator('h1').click();
    const order: string[] = [];
    for (let i = 0; i < 13; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
    }
    expect(order).toEqual([
      'SUMMARY',
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
      'retake',
      'SUMMARY',
    ]);

    // Operate it by keyboard alone: type a count, add a row with Enter, open a card's details.
    await page.locator('#row0-count').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await page.locator('#add-row').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('row1-model');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('row1-count');
    await page.keyboard.type('20');
    await expectFigures(
      work([
        ['Kling 2.6', 'professional', 10, 'audio', 7],
        ['Kling 2.6', 'professional', 10, 'audio', 20],
      ]),
    );
    await page.locator('#options summary').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#options details').first().getAttribute('open')).toBe('');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  });

  it("says how old the prices are, from the browser's date: 60 days or more, with what to do", async () => {
    await open({ now: '2026-12-07' });
    expect(await page.locator('#price-age').textContent()).toBe("prices as of 2026-10-05, 63 days ago: check Kling's pages or Edit prices");
    expect(await page.locator('#price-age').evaluate((el) => el.classList.contains('old'))).toBe(true);
    await expectFigures(work([['Kling 2.6', 'professional', 10, 'audio', 20]]), { today: '2026-12-07' });
    expectAnswerFirst(await firstScreen());
    await page.close();
    await open({ now: '2026-12-03' });
    expect(await page.locator('#price-age').textContent()).toBe('prices as of 2026-10-05');
    expect(calls).toEqual(['sidebarInit']);
  });
});

describe('dist/Sidebar.html with no network and no Apps Script', () => {
  it('computes from its built-in price book when opened as a file, with every other request refused', async () => {
    const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/\binnerHTML\b|outerHTML|insertAdjacentHTML|document\.write/);
    expect(Buffer.byteLength(html)).toBeLessThan(80 * 1024);

    page = await browser.context.newPage();
    const seen: string[] = [];
    await page.route('**/*', (route) => {
      seen.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
    const file = pathToFileURL(join(DIST, 'Sidebar.html')).href;
    await page.goto(file);
    await page.locator('#options > li').first().waitFor();
    expect(await page.locator('#book-note').textContent()).toBe(
      `Prices: the built-in price book (as of ${DEFAULT_PRICE_BOOK.asOf}). Not connected to a spreadsheet: Fill from selection and Insert need the add-on.`,
    );
    expect(await page.locator('#fill').isDisabled()).toBe(true);
    expect(await page.locator('#insert').isDisabled()).toBe(true);
    await page.locator('#row0-count').fill('12');
    await expectFigures(work([['Kling 2.6', 'professional', 10, 'audio', 12]]));
    expectAnswerFirst(await firstScreen());
    expect(seen.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });
});
