/**
 * `npm start`'s page in headless Chromium, used as a person would: the spreadsheet opens on an
 * example shot list; Extensions > Kling Cost holds what the add-on's onOpen adds, and each item
 * runs its real handler from dist/Code.js; the inserted sheets show computed figures, never
 * formula text or an engine error; typing into an input cell moves the totals to what the same
 * functions give when called through Code.js in node; typed formulas compute, fail with #NAME? or
 * show a function's message; the sidebar inserts a comparison. Nothing leaves this machine.
 * Cells are found by their labels (scripts/preview/labels.ts), never by fixed addresses.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from '../../scripts/chromium';
import { find, findAll, LABELS, shown, valueRightOf } from '../../scripts/preview/labels';
import type { SpreadsheetPreview } from '../../scripts/preview.mjs';
import { startSpreadsheetPreview } from '../../scripts/preview.mjs';
import { createAppsScriptFakes } from '../fakes/appsScript';
import { callGlobal, loadBundle } from '../support/loadBundle';

/** Waiting for the page: generous (a busy machine), never a timing assertion. */
const POLL = { timeout: 20_000 };
/** What a cell may show only where the add-on means it. */
const ENGINE_ERRORS = /^#(NAME\?|REF!|ERROR!|VALUE!|N\/A|DIV\/0!|NUM!)$/;

let browser: Browser;
let preview: SpreadsheetPreview;
let page: Page;
const foreign: string[] = [];
const pageErrors: string[] = [];

/** Code.js in node, over fresh fakes: the same functions the page's cells call. */
const code = (() => {
  const fakes = createAppsScriptFakes();
  const context = loadBundle(fakes.services);
  callGlobal(context, 'onOpen');
  return { fakes, call: (name: string, ...args: unknown[]) => callGlobal(context, name, ...args) };
})();

/** The menu the add-on's onOpen builds: captions and functions, separators left out. */
const MENU = (code.fakes.menus[0]?.items ?? []).filter(([caption, fn]) => !(caption === '-' && fn === ''));

function usd(n: number): string {
  return `${n < 0 ? '-' : ''}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

async function idle(): Promise<void> {
  await page.waitForFunction(
    () => {
      const api = (window as unknown as { klingPreview?: { isBusy(): boolean } }).klingPreview;
      const running = document.getElementById('running') as HTMLElement;
      return api && !api.isBusy() && (running.hidden || running.classList.contains('error'));
    },
    null,
    POLL,
  );
}

/** Extensions > Kling Cost > caption, as a person clicks it; resolves when the script ran. */
async function menu(caption: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
  await page.locator('.menu').getByRole('menuitem', { name: 'Kling Cost' }).hover();
  await page.locator('.menu .menu').getByRole('menuitem', { name: caption, exact: true }).click();
  await idle();
  expect(await page.locator('#running.error:not([hidden])').count(), `${caption} ran without an error`).toBe(0);
}

async function activeTab(): Promise<string> {
  return (await page.locator('#tabs [aria-selected="true"]').textContent()) ?? '';
}

/** Every text the grid shows for the current sheet (the rows drawn). */
async function gridTexts(): Promise<string[]> {
  return page.locator('#grid td .v').allTextContents();
}

/** The shown sheet holds no formula text and no engine error. */
async function expectComputed(): Promise<void> {
  const texts = (await gridTexts()).map((t) => t.trim()).filter(Boolean);
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.filter((t) => t.startsWith('='))).toEqual([]);
  expect(texts.filter((t) => ENGINE_ERRORS.test(t))).toEqual([]);
}

function td(row: number, col: number) {
  return page.locator(`#grid td[data-r="${row}"][data-c="${col}"]`);
}

/** Goes to a cell with the name box, as a person can. */
async function goTo(a1: string): Promise<void> {
  await page.locator('#name-box').fill(a1);
  await page.locator('#name-box').press('Enter');
}

beforeAll(async () => {
  preview = await startSpreadsheetPreview({ port: 0, build: false, log: () => undefined });
  browser = await launchChromium({ width: 1400, height: 900 });
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['localhost', '127.0.0.1'].includes(url.hostname) || url.protocol === 'about:' || url.protocol === 'data:') return route.continue();
    foreign.push(url.href);
    return route.abort();
  });
  await page.goto(preview.url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, POLL);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

describe('npm start: a spreadsheet with the add-on installed', () => {
  it('opens on the example shot list, selected, with Extensions > Kling Cost as onOpen builds it', async () => {
    expect(await activeTab()).toBe('Shot list');
    expect(await page.locator('#name-box').inputValue()).toBe('A1:E4');
    expect(await td(1, 1).textContent()).toBe('Mode');
    expect(MENU.length).toBeGreaterThanOrEqual(7);
    await page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
    await page.locator('.menu').getByRole('menuitem', { name: 'Kling Cost' }).hover();
    const items = await page
      .locator('.menu .menu .menu-item')
      .evaluateAll((els) => els.map((el) => [el.textContent, (el as HTMLElement).dataset.function]));
    expect(items).toEqual(MENU.map(([caption, fn]) => [caption, fn]));
    await page.keyboard.press('Escape');
    await page.mouse.click(700, 500);
  });

  it('Insert budget template: computed figures, formats, no formula text', async () => {
    await menu('Insert budget template');
    expect(await activeTab()).toBe(LABELS.budget.sheet);
    await expectComputed();
    const credits = await valueRightOf(page, LABELS.budget.sheet, LABELS.budget.credits);
    expect(credits.text).toMatch(/^\d{1,3}(,\d{3})*$/);
    const monthly = await valueRightOf(page, LABELS.budget.sheet, LABELS.budget.monthly);
    expect(monthly.text).toMatch(/^\$\d{1,3}(,\d{3})*\.\d\d$/);
  });

  it("typing a shot's videos per month moves the totals to what Code.js gives for the same inputs", async () => {
    const B = LABELS.budget;
    const header = await find(page, B.sheet, B.header);
    const columns = await findAll(page, B.sheet, B.videos);
    const videosCol = (columns.find(([r]) => r === header.row) ?? [])[1] as number;
    const perVideoCol = (await find(page, B.sheet, B.perVideo)).col;
    const perMonthCol = (await find(page, B.sheet, B.perMonth)).col;
    const shot = await find(page, B.sheet, B.shot);
    const rowText = async (col: number) => (await shown(page, B.sheet, shot.row, col)).value;
    const [model, mode, secs, audio] = await Promise.all([2, 3, 4, 5].map((c) => rowText(c)));
    const before = (await valueRightOf(page, B.sheet, B.credits)).value as number;

    await td(shot.row, videosCol).click();
    await page.keyboard.type('30');
    await page.keyboard.press('Enter');
    await expect.poll(() => rowText(videosCol), POLL).toBe(30);
    expect(await page.locator('#name-box').inputValue()).toBe(`${String.fromCharCode(64 + videosCol)}${shot.row + 1}`);

    const perClip = code.call('KLING_CREDITS', mode, secs, audio, model) as number;
    expect(await rowText(perVideoCol)).toBe(perClip);
    expect(await rowText(perMonthCol)).toBe(perClip * 30);
    const credits = (await valueRightOf(page, B.sheet, B.credits)).value as number;
    expect(credits).toBeGreaterThanOrEqual(before + perClip * 10);
    const billing = (await valueRightOf(page, B.sheet, B.billing)).value;
    expect((await valueRightOf(page, B.sheet, B.best)).text).toBe(code.call('KLING_BEST_PLAN', credits, billing, true));
    expect((await valueRightOf(page, B.sheet, B.monthly)).text).toBe(
      usd(code.call('KLING_MONTHLY_COST', credits, billing, true) as number),
    );
  });

  it('typed formulas: a custom function computes, an unknown function is #NAME?, a bad call shows its message', async () => {
    const last = Number(
      await page.evaluate(() =>
        (
          window as unknown as { klingPreview: { app: { grid: { sheet: { getLastRow(): number } } } } }
        ).klingPreview.app.grid.sheet.getLastRow(),
      ),
    );
    const row = last + 3;
    await goTo(`A${row}`);
    for (const formula of ['=KLING_CREDITS("professional",10,TRUE)', '=NOSUCHFN(1)', '=KLING_CREDITS("ultra",10,TRUE)']) {
      await page.keyboard.type(formula);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => td(row, 1).textContent(), POLL).toBe('200');
    expect(await td(row + 1, 1).textContent()).toBe('#NAME?');
    expect(await td(row + 2, 1).textContent()).toBe('#ERROR!');
    let message = '';
    try {
      code.call('KLING_CREDITS', 'ultra', 10, true);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    await td(row + 2, 1).click();
    expect(await page.locator('#formula').inputValue()).toBe('=KLING_CREDITS("ultra",10,TRUE)');
    await expect.poll(() => page.locator('#cell-card').textContent(), POLL).toBe(`Error${message}`);
    await td(row + 1, 1).click();
    expect(await page.locator('#cell-card').textContent()).toBe("ErrorUnknown function: 'nosuchfn'.");
    // Cleared again (drag over the three cells, Delete): the budget is locked below, as a person would.
    await td(row, 1).hover();
    await page.mouse.down();
    await td(row + 2, 1).hover();
    await page.mouse.up();
    expect(await page.locator('#name-box').inputValue()).toBe(`A${row}:A${row + 2}`);
    await page.keyboard.press('Delete');
    await expect.poll(() => td(row, 1).textContent(), POLL).toBe('');
    expect(await td(row + 2, 1).textContent()).toBe('');
  });

  it('Insert 12-month plan (with its usage log): figures and the spend chart drawn from them', async () => {
    await menu('Insert 12-month plan');
    expect(await activeTab()).toBe(LABELS.plan.sheet);
    await expectComputed();
    expect(await page.locator('#tabs [role="tab"]').allTextContents()).toContain(LABELS.log.sheet);
    const chart = page.locator('#charts-layer .chart').first();
    await expect.poll(() => chart.locator('rect[fill="#4285f4"]').count(), POLL).toBeGreaterThan(3);
    await page.locator('#tabs [role="tab"]', { hasText: LABELS.log.sheet }).click();
    await expectComputed();
  });

  it('every other menu item runs its handler: the usage log, the price table, Edit prices, Help, and any added later', async () => {
    const known = ['showSidebar', 'insertBudgetTemplate', 'insertTwelveMonthPlan', 'showHelp'];
    for (const [caption, fn] of MENU) {
      if (known.includes(fn)) continue;
      const sheets = await page.locator('#tabs [role="tab"]').count();
      // A lock applies to the budget: run it from there.
      if (/lock/i.test(caption)) await page.locator('#tabs [role="tab"]', { hasText: LABELS.budget.sheet }).first().click();
      await menu(caption);
      expect(await page.locator('#tabs [role="tab"]').count(), caption).toBeGreaterThanOrEqual(sheets);
      await expectComputed();
    }
    await menu('Help');
    const help = page.frameLocator('#modal-root iframe');
    await expect.poll(() => help.locator('body').textContent(), POLL).toContain('KLING_CREDITS');
    await page.locator('#modal-root').getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('#modal-root .overlay').count()).toBe(0);
  });

  it('a warning-only protection asks before an edit, a strict rule refuses a bad value, a dropdown offers its list', async () => {
    // A sheet the add-on protected with a warning (a locked version), when there is one.
    const guarded = await page.evaluate(() =>
      (
        window as unknown as {
          klingPreview: {
            spreadsheet: { getSheets(): { getName(): string; getProtections(t: string): { isWarningOnly(): boolean }[] }[] };
          };
        }
      ).klingPreview.spreadsheet
        .getSheets()
        .filter((sheet) => sheet.getProtections('SHEET').some((p) => p.isWarningOnly()))
        .map((sheet) => sheet.getName()),
    );
    if (guarded[0]) {
      await page.locator('#tabs [role="tab"]', { hasText: guarded[0] }).click();
      await goTo('A2');
      await page.keyboard.type('edited');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#modal-root [role="alertdialog"]').getAttribute('aria-label'), POLL).toBe('Heads up!');
      await page.locator('#modal-root').getByRole('button', { name: 'Cancel' }).click();
      expect(await td(2, 1).textContent()).not.toBe('edited');
    }
    // The price table's Confidence column takes only its list.
    await page.locator('#tabs [role="tab"]', { hasText: /^Kling prices$/ }).click();
    const confidence = await find(page, 'Kling prices', 'Confidence');
    const cell = td(confidence.row + 1, confidence.col);
    const before = await cell.textContent();
    await cell.click();
    await page.keyboard.type('bogus');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#modal-root [role="alertdialog"]').getAttribute('aria-label'), POLL).toBe('There was a problem');
    await page.locator('#modal-root').getByRole('button', { name: 'OK' }).click();
    expect(await cell.textContent()).toBe(before);
    await cell.locator('.dd').click();
    const choices = await page.locator('.picker [role="option"]').allTextContents();
    expect(choices.length).toBeGreaterThan(1);
    const other = choices.find((c) => c !== before?.replace('▼', '')) as string;
    await page.locator('.picker [role="option"]', { hasText: other }).first().click();
    await expect.poll(() => cell.locator('.v').textContent(), POLL).toBe(other);
  });

  it('the sidebar, 300 px beside the grid, inserts a comparison whose new sheet shows its figures', async () => {
    await menu('Compare plans');
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('#options > li').first().waitFor(POLL);
    expect(await page.locator('#sidebar-frame').evaluate((f) => (f as HTMLIFrameElement).contentWindow?.innerWidth)).toBe(300);
    await frame.locator('#insert').click();
    await expect
      .poll(() => frame.locator('#status').textContent(), POLL)
      .toMatch(/^Inserted the comparison into the new sheet "Kling comparison/);
    await expect.poll(activeTab, POLL).toMatch(/^Kling comparison/);
    await expectComputed();
    expect((await gridTexts()).some((t) => /^\$\d/.test(t))).toBe(true);
    expect(await page.locator('#charts-layer .chart').count()).toBe(1);
  });

  it('stays on this machine and throws nothing', () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
