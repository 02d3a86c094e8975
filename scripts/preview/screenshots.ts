/**
 * `npm run screenshots`: the README's pictures and the Marketplace listing images, taken from the
 * preview page (`npm start`'s spreadsheet with the add-on installed) in headless Chromium, so they
 * show what a user sees. The page runs in its picture mode (?shot=1: no development banner); each
 * sheet is inserted from Extensions > Kling Cost and each picture is cropped, by the labels of its
 * block (labels.ts), to the sheet's column header, its frozen rows and the block, at most 1,600 px
 * wide, grid text 13 px at scale 1. Listing images are the whole page at 1,280 x 800, with the
 * icons and banner drawn from docs/listing/icon.svg. Run by scripts/screenshots.mjs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import { find, findAll, LABELS, type Label } from './labels';

const MAX_WIDTH = 1600;
const WAIT = { timeout: 60_000 };

interface Block {
  /** The block's first row: a label in it, or 1 for the sheet's top. */
  readonly from: Label | 1;
  /** The block's last row: a label in it (the block's end found below it otherwise: two empty rows). */
  readonly to?: Label;
  /** Rows after the last (a few empty input rows show where to type). */
  readonly extra?: number;
  /** The last column: the column of a label (default: as far as the block holds something). */
  readonly toColumn?: Label;
  /** The number of columns from the first (instead of toColumn). */
  readonly width?: number;
  /** Empty rows in a row that end the block (default 2). */
  readonly gap?: number;
}

type Api = {
  klingPreview: {
    isBusy(): boolean;
    find(sheet: string, text: string, regex: boolean): [number, number][];
    app: {
      grid: { ensureRow(row: number): void; sheet: { getFrozenRows(): number; getName(): string } };
      workbook: { shownBlock(sheet: unknown, r: number, c: number, rows: number, cols: number): { text: string }[][] };
      spreadsheet: { getSheetByName(name: string): unknown };
    };
  };
};

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as Api;
      const running = document.getElementById('running') as HTMLElement;
      return !w.klingPreview.isBusy() && (running.hidden || running.classList.contains('error'));
    },
    null,
    WAIT,
  );
  const error = await page.evaluate(() => {
    const running = document.getElementById('running') as HTMLElement;
    return !running.hidden && running.classList.contains('error') ? running.textContent : null;
  });
  if (error) throw new Error(`the page says: ${error}`);
}

async function menu(page: Page, caption: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
  await page.locator('.menu').getByRole('menuitem', { name: 'Kling Cost' }).hover();
  await page.locator('.menu .menu').getByRole('menuitem', { name: caption, exact: true }).click();
  await idle(page);
  await page.mouse.move(1, 1);
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.locator('#tabs [role="tab"]', { hasText: name }).first().click();
  await idle(page);
}

/** Types text into a cell, as a person does: the name box to get there, then the text and Enter. */
async function typeInto(page: Page, a1: string, text: string): Promise<void> {
  await page.locator('#name-box').fill(a1);
  await page.locator('#name-box').press('Enter');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await idle(page);
}

/** Pastes tab-separated rows at a cell, as a person pasting from another spreadsheet does. */
async function pasteAt(page: Page, a1: string, rows: readonly (readonly (string | number)[])[]): Promise<void> {
  await page.locator('#name-box').fill(a1);
  await page.locator('#name-box').press('Enter');
  const text = rows.map((r) => r.join('\t')).join('\n');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
  await idle(page);
}

function letters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** The rows (first, last) and last column of a block of the shown sheet. */
async function blockOf(
  page: Page,
  sheet: string,
  block: Block,
): Promise<{ first: number; last: number; firstCol: number; lastCol: number }> {
  const start = block.from === 1 ? { row: 1, col: 1 } : await find(page, sheet, block.from);
  const first = start.row;
  const firstCol = start.col;
  const texts = await page.evaluate(
    ([name, from]) => {
      const app = (window as unknown as Api).klingPreview.app;
      const s = app.spreadsheet.getSheetByName(name);
      return app.workbook.shownBlock(s, from, 1, 400, 80).map((line) => line.map((c) => c.text));
    },
    [sheet, first] as const,
  );
  // The block's own columns: from its label's column on.
  const own = (line: string[] | undefined) => (line ?? []).slice(firstCol - 1);
  const gap = block.gap ?? 2;
  let last = first;
  if (block.to) {
    const candidates = (await findAll(page, sheet, block.to)).filter(([r]) => r >= first);
    if (!candidates[0])
      throw new Error(`no cell of "${sheet}" below row ${first} shows ${String(block.to)}: update scripts/preview/labels.ts`);
    last = candidates[0][0];
  } else {
    // Down to `gap` empty rows in a row.
    for (let i = 1; i < texts.length - gap; i++) {
      if (texts.slice(i, i + gap).every((line) => own(line).every((t) => t === ''))) break;
      last = first + i;
    }
  }
  last += block.extra ?? 0;
  let lastCol = 1;
  if (block.width) lastCol = firstCol + block.width - 1;
  else if (block.toColumn) lastCol = (await find(page, sheet, block.toColumn)).col;
  else {
    for (const line of texts.slice(0, last - first + 1)) {
      line.forEach((t, c) => {
        if (t !== '' && c + 1 >= firstCol) lastCol = Math.max(lastCol, c + 1);
      });
    }
  }
  return { first, last, firstCol, lastCol };
}

/** Scrolls the grid so a block's first row sits right below the frozen rows and its first column at the left. */
async function scrollTo(page: Page, row: number, col: number): Promise<void> {
  await page.evaluate(
    ([from, left]) => {
      const grid = (window as unknown as Api).klingPreview.app.grid;
      // Rows enough below the block that the grid can scroll it to the top.
      grid.ensureRow(from + 160);
      const frozen = grid.sheet.getFrozenRows();
      const scroller = document.getElementById('grid-scroll') as HTMLElement;
      const cell = (r: number, c?: number) =>
        document.querySelector<HTMLElement>(`#grid tbody tr[data-r="${r}"] td${c === undefined ? '' : `[data-c="${c}"]`}`);
      const top = cell(from);
      const firstFree = cell(frozen + 1);
      scroller.scrollTop = from > frozen + 1 && top && firstFree ? top.offsetTop - firstFree.offsetTop : 0;
      const a = cell(1, 1);
      const b = document.querySelector<HTMLElement>(`#grid tbody tr[data-r="1"] td[data-c="${left}"]`);
      scroller.scrollLeft = a && b ? b.offsetLeft - a.offsetLeft : 0;
    },
    [row, col] as const,
  );
}

/**
 * A picture of a block of a sheet: the grid scrolled so the block sits right below the frozen rows
 * and its first column at the left, then cropped to the column header, the frozen rows and the
 * block (and the charts anchored in it). At most 1,600 px wide: without the row numbers when that
 * makes it fit, else cut at the right.
 */
async function pictureOf(page: Page, sheet: string, block: Block, file: string, charts = false): Promise<void> {
  await showSheet(page, sheet);
  const { first, last, firstCol, lastCol } = await blockOf(page, sheet, block);
  await page.evaluate(() => document.body.classList.add('picture'));
  // A chart wider than the picture allows: the block's first columns give way (the chart has its own labels).
  let clip: { x: number; y: number; width: number; height: number; fits: boolean } | null = null;
  let from = firstCol;
  for (; from <= Math.max(firstCol, lastCol); from++) {
    await scrollTo(page, first, from);
    clip = await page.evaluate(
      ([to, col, withCharts, max]) => {
        const scroller = (document.getElementById('grid-scroll') as HTMLElement).getBoundingClientRect();
        const row = document.querySelector(`#grid tbody tr[data-r="${to}"]`)?.getBoundingClientRect();
        const headers = Array.from(document.querySelectorAll<HTMLElement>('#grid thead th[data-c]'));
        const lastHeader = headers
          .filter((th) => Number(th.dataset.c) <= col)
          .pop()
          ?.getBoundingClientRect();
        let right = lastHeader ? lastHeader.right : scroller.right;
        let bottom = row ? row.bottom : scroller.bottom;
        if (withCharts) {
          for (const chart of Array.from(document.querySelectorAll('#charts-layer .chart'))) {
            const r = chart.getBoundingClientRect();
            if (r.top < bottom && r.bottom > scroller.top) {
              right = Math.max(right, r.right + 8);
              bottom = Math.max(bottom, r.bottom + 8);
            }
          }
        }
        right = Math.min(right, scroller.right);
        const gutter = (document.querySelector('#grid thead th.corner') as HTMLElement).getBoundingClientRect().width;
        const wide = right - scroller.left;
        // Without the row numbers when only that makes it fit.
        const x = wide > max && wide - gutter <= max ? scroller.left + gutter : scroller.left;
        const y = scroller.top;
        const height = Math.round(Math.min(bottom, scroller.bottom) - y);
        return { x, y, width: Math.min(max, Math.round(right - x)), height, fits: right - x <= max };
      },
      [last, lastCol, charts, MAX_WIDTH] as const,
    );
    if (clip.fits || !charts) break;
  }
  if (!clip) throw new Error(`no picture of "${sheet}"`);
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file, clip: { x: clip.x, y: clip.y, width: clip.width, height: clip.height } });
  await page.evaluate(() => document.body.classList.remove('picture'));
  console.log(
    `wrote ${file} (${clip.width} x ${clip.height}): "${sheet}" rows ${first} to ${last}, columns ${letters(Math.min(from, lastCol))} to ${letters(lastCol)}`,
  );
}

/** The chart anchored in a block (its title's row): the chart alone, as Sheets draws it over the grid. */
async function chartPicture(page: Page, sheet: string, label: Label, file: string): Promise<void> {
  await showSheet(page, sheet);
  const { row, col } = await find(page, sheet, label);
  await scrollTo(page, row, col);
  const chart = page.locator('#charts-layer .chart').first();
  await chart.scrollIntoViewIfNeeded();
  await chart.screenshot({ path: file });
  const box = await chart.boundingBox();
  console.log(`wrote ${file} (${Math.round(box?.width ?? 0)} x ${Math.round(box?.height ?? 0)}): the chart of "${sheet}"`);
}

/** The whole page at the listing's 1,280 x 800, the grid scrolled to a block. */
async function listingShot(page: Page, file: string, scroll?: { sheet: string; label: Label }): Promise<void> {
  if (scroll) {
    await showSheet(page, scroll.sheet);
    const { row } = await find(page, scroll.sheet, scroll.label);
    await scrollTo(page, row, 1);
  }
  await page.mouse.move(1, 1);
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1280, height: 800 } });
  console.log(`wrote ${file} (1280 x 800)`);
}

/** Dates of the current month, `offset` months on, as ISO text. */
function isoDay(offset: number, day: number): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() + offset, day, 12);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Generations of the two months before this one, as a person pastes them into the usage log. */
function logRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const add = (offset: number, day: number, scene: string, model: string, mode: string, secs: number, audio: string, outcome: string) =>
    rows.push([
      `${isoDay(offset, day)} ${String(9 + (rows.length % 9)).padStart(2, '0')}:${String((rows.length * 17) % 60).padStart(2, '0')}`,
      scene,
      model,
      mode,
      secs,
      audio,
      outcome,
    ]);
  for (let i = 0; i < 6; i++) add(-2, 3 + i, 'Launch film', 'Kling 2.6', 'professional', 10, 'no', i % 3 === 0 ? 'discarded' : 'kept');
  for (let i = 0; i < 32; i++) add(-2, 2 + (i % 25), 'Product shots', 'Kling 2.6', 'standard', 5, 'no', i % 6 === 0 ? 'discarded' : 'kept');
  for (let i = 0; i < 12; i++) add(-2, 5 + i, 'Social cut-downs', 'Kling 3.0', 'standard', 8, 'no', i % 5 === 0 ? 'failed' : 'kept');
  for (let i = 0; i < 4; i++) add(-1, 2 + i, 'Launch film', 'Kling 2.6', 'professional', 10, 'no', i % 2 === 0 ? 'discarded' : 'kept');
  for (let i = 0; i < 36; i++) add(-1, 1 + (i % 27), 'Product shots', 'Kling 2.6', 'standard', 5, 'no', i % 7 === 0 ? 'discarded' : 'kept');
  for (let i = 0; i < 14; i++) add(-1, 3 + i, 'Social cut-downs', 'Kling 3.0', 'standard', 8, 'no', 'kept');
  return rows;
}

const ICON_PAGE = (svg: string, width: number, height: number, body: string, style = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;width:${width}px;height:${height}px;overflow:hidden;background:#fff;font-family:Arial,Helvetica,sans-serif}${style}</style></head><body>${body.replace('%ICON%', svg)}</body></html>`;

/** The application icons (128, 32) and the banner (220 x 140) from docs/listing/icon.svg. */
async function icons(page: Page, root: string): Promise<void> {
  const out = join(root, 'docs/listing');
  const icon = readFileSync(join(out, 'icon.svg'), 'utf8');
  const sized = (size: number) => icon.replace('width="128" height="128"', `width="${size}" height="${size}"`);
  for (const size of [128, 32]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(ICON_PAGE(sized(size), size, size, '%ICON%'));
    await page.screenshot({ path: join(out, `icon-${size}.png`), clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`wrote docs/listing/icon-${size}.png`);
  }
  await page.setViewportSize({ width: 220, height: 140 });
  await page.setContent(
    ICON_PAGE(
      sized(84),
      220,
      140,
      '<div class="b">%ICON%<div><div class="t">Kling Cost</div><div class="s">What Kling AI video really costs, in Google Sheets</div></div></div>',
      '.b{display:flex;align-items:center;gap:10px;height:140px;padding:0 12px;box-sizing:border-box;background:#e8f0fe}.t{font-size:19px;font-weight:700;color:#202124}.s{font-size:11px;line-height:1.3;color:#3c4043;margin-top:4px}',
    ),
  );
  await page.screenshot({ path: join(out, 'banner-220x140.png'), clip: { x: 0, y: 0, width: 220, height: 140 } });
  console.log('wrote docs/listing/banner-220x140.png');
}

export async function takeScreenshots(url: string, root: string): Promise<void> {
  const browser = await launchChromium({ width: 1700, height: 2600 });
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return ['localhost', '127.0.0.1', ''].includes(host) ? route.continue() : route.abort();
    });
    const docs = (name: string) => join(root, 'docs', name);
    const listing = (name: string) => join(root, 'docs/listing', name);
    await page.goto(`${url}?shot=1`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, WAIT);

    // The budget template: its title, the shot list with its example rows, to the last computed column.
    const B = LABELS.budget;
    await menu(page, 'Insert budget template');
    await pictureOf(page, B.sheet, { from: 1, to: B.shot, extra: 4, toColumn: B.share }, docs('budget-template.png'));

    // The sidebar as it opens, its first screen: the answer (the cheapest channel over 12 months,
    // the others, the range line) above the form; then beside the budget, its shot list read by
    // Fill from selection.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await menu(page, 'Compare plans');
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#options > li').first().waitFor(WAIT);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('#sidebar-frame').evaluate((f) => {
      const doc = (f as HTMLIFrameElement).contentDocument;
      (f as HTMLIFrameElement).contentWindow?.scrollTo(0, 0);
      for (const el of Array.from(doc?.querySelectorAll('*') ?? [])) if (el.scrollTop > 0) el.scrollTop = 0;
    });
    await page.locator('#sidebar-panel').screenshot({ path: docs('sidebar.png') });
    console.log(`wrote ${docs('sidebar.png')} (the sidebar panel as it opens, 301 px wide)`);
    await page.setViewportSize({ width: 1280, height: 800 });
    const header = await find(page, B.sheet, B.header);
    const share = await find(page, B.sheet, B.share);
    await page.locator('#name-box').fill(`A${header.row}:${letters(share.col)}${header.row + 4}`);
    await page.locator('#name-box').press('Enter');
    await sidebar.locator('#fill').click();
    await sidebar.locator('#status').filter({ hasText: 'Filled' }).waitFor(WAIT);
    await listingShot(page, listing('screenshot-1-sidebar-1280x800.png'));
    await page.locator('#sidebar-close').click();
    await page.locator('#name-box').fill('A1');
    await page.locator('#name-box').press('Enter');
    await listingShot(page, listing('screenshot-2-budget-template-1280x800.png'), { sheet: B.sheet, label: B.title });

    // The 12-month plan: its inputs and shot rows by month; its spend chart.
    const P = LABELS.plan;
    await page.setViewportSize({ width: 1700, height: 2600 });
    await menu(page, 'Insert 12-month plan');
    await pictureOf(page, P.sheet, { from: 1, to: P.lastShot, extra: 3 }, docs('12-month-plan.png'));
    await chartPicture(page, P.sheet, P.spend, docs('spend-chart.png'));
    await pictureOf(page, P.sheet, { from: P.channels, to: P.priceChanges }, docs('plan-channels-and-cases.png'));
    await page.setViewportSize({ width: 1280, height: 800 });
    await listingShot(page, listing('screenshot-3-12-month-plan-1280x800.png'), { sheet: P.sheet, label: P.title });

    // Every channel, as channels.md's example 4: the budget's shot list made three 10 s Kling 3.0
    // professional clips with audio a month (typed over the example rows, as a person does), fal
    // cheapest. Then a 10 % contingency, Lock budget version, and a fourth clip a month: the
    // summary's answer, the low / typical / high cases and the work change against the locked version.
    await page.setViewportSize({ width: 1700, height: 2600 });
    await showSheet(page, B.sheet);
    const shotHeader = await find(page, B.sheet, B.header);
    const blankShot = ['', '', '', '', '', '', '', ''];
    await pasteAt(page, `A${shotHeader.row + 1}`, [
      ['Hero shot', 'Kling 3.0', 'professional', 10, 'yes', 3, '', ''],
      blankShot,
      blankShot,
      blankShot,
    ]);
    await pictureOf(page, B.sheet, { from: B.channels, to: 'Cheapest' }, docs('channels.png'));
    const contingency = await find(page, B.sheet, B.contingency);
    await typeInto(page, `${letters(contingency.col + 1)}${contingency.row}`, '10%');
    await page.locator('#name-box').fill('A1');
    await page.locator('#name-box').press('Enter');
    await menu(page, 'Lock budget version');
    await showSheet(page, B.sheet);
    const videos = await find(page, B.sheet, B.videos);
    await typeInto(page, `${letters(videos.col)}${shotHeader.row + 1}`, '4');
    await pictureOf(page, B.sheet, { from: B.summary, to: B.notCompared, width: 5 }, docs('budget-summary.png'));
    await pictureOf(page, B.sheet, { from: B.cases, to: B.priceChanges }, docs('range-and-lock.png'));

    // The usage log with two months of generations pasted in, and the plan started two months ago.
    const L = LABELS.log;
    await showSheet(page, L.sheet);
    const logHeader = await find(page, L.sheet, L.header);
    await pasteAt(page, `A${logHeader.row + 1}`, logRows());
    await page.setViewportSize({ width: 1700, height: 2600 });
    await pictureOf(page, L.sheet, { from: 1, to: L.lastSummary, extra: 1, toColumn: L.generations }, docs('usage-log.png'));
    await showSheet(page, P.sheet);
    const firstMonth = await find(page, P.sheet, P.firstMonth);
    await typeInto(page, `${letters(firstMonth.col + 1)}${firstMonth.row}`, isoDay(-2, 1));
    const invoiced = await find(page, P.sheet, P.invoiced);
    await typeInto(page, `${letters(invoiced.col)}${invoiced.row + 1}`, '58.5');
    await typeInto(page, `${letters(invoiced.col)}${invoiced.row + 2}`, '41.2');
    await pictureOf(page, P.sheet, { from: P.actuals, toColumn: P.invoiced }, docs('budget-against-actuals.png'));
    await page.setViewportSize({ width: 1280, height: 800 });
    await listingShot(page, listing('screenshot-4-budget-against-actuals-1280x800.png'), { sheet: P.sheet, label: P.actuals });
    await listingShot(page, listing('screenshot-5-usage-log-1280x800.png'), { sheet: L.sheet, label: L.header });

    await icons(page, root);
    writeFileSync(
      join(root, 'docs/listing/README.md'),
      `# Marketplace listing images

Made by \`npm run screenshots\` from the local preview (\`npm start\`'s spreadsheet with the add-on
installed) and \`icon.svg\`, at the sizes of the store listing: \`icon-128.png\` and \`icon-32.png\`
(application icons), \`banner-220x140.png\`, and \`screenshot-*-1280x800.png\`. See
[../publishing.md](../publishing.md).
`,
    );
  } finally {
    await browser.close();
  }
}
