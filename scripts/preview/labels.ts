/**
 * Where the inserted sheets put what the browser tests and the picture script look at, found by
 * the labels a person reads in the grid, never by fixed addresses: the layouts move. This is the
 * one place to update when a layout's labels change (each label may be a pattern, for wordings in
 * flux). Runs in node, against the preview page (window.klingPreview.find).
 */
import type { Page } from 'playwright-core';

export type Label = string | RegExp;

/** The labels the tests and pictures use, by sheet. */
export const LABELS = {
  budget: {
    sheet: 'Kling budget',
    title: 'Kling budget',
    /** The shot list's header row starts with it. */
    header: 'Scene',
    /** A header of the shot list: the input column of videos per month. */
    videos: 'Videos per month',
    perVideo: 'Credits per video',
    perMonth: 'Credits per month',
    /** An example row with no test takes. */
    shot: 'Product close-ups',
    /** Summary labels: each value is in the cell to the right. */
    billing: 'Billing of the one-month figures',
    credits: /^Credits with (buffer|retakes)$/,
    best: 'Best option, one month on its own',
    monthly: 'Cost of that month on its own (USD)',
    summary: 'Summary',
    /** The shot list's last computed column. */
    share: /^Share of monthly cost/,
    /** The title of the table of every channel (app, API, resellers), when the sheet has one. */
    channels: /^Every channel over/,
    /** Summary inputs and answers (each value in the cell to the right). */
    contingency: 'Contingency',
    notCompared: 'Channels without a figure',
    /** The title of the low / typical / high block, and the last row of the locked block. */
    cases: /^Low, typical and high/,
    priceChanges: 'Price changes (USD)',
  },
  plan: {
    sheet: 'Kling 12-month plan',
    title: 'Kling 12-month plan',
    firstMonth: 'First month',
    header: 'Scene',
    /** The last example row. */
    lastShot: 'Social cut-downs',
    spend: /^Spend per month/,
    actuals: /^Budget against actuals/,
    /** The column where the month's invoice is typed (its header). */
    invoiced: /^Invoiced by Kling/,
    decision: 'Change plan?',
    channels: /^Every channel over/,
    /** The last row of the locked block. */
    priceChanges: 'Price changes (USD)',
  },
  log: {
    sheet: 'Kling usage log',
    header: 'Date',
    byMonth: /^By month/,
    scenes: /^Retakes per scene/,
    /** The KLING_ACTUALS table's second column. */
    generations: 'Generations',
    /** The last line of the summary below the months. */
    lastSummary: /^(Buffer|Retake rate) (that covers|the budget sheets plan)/,
  },
  comparison: { sheet: 'Kling comparison', options: /^Options/ },
} as const;

/** A label as the page's finder takes it: exact text, or a pattern's source. */
function pattern(label: Label): [string, boolean] {
  return typeof label === 'string' ? [label, false] : [label.source, true];
}

/** Every cell of a sheet showing a label, [row, col] 1-based, in reading order. */
export async function findAll(page: Page, sheet: string, label: Label): Promise<[number, number][]> {
  const [text, regex] = pattern(label);
  return page.evaluate(
    ([s, t, r]) =>
      (window as unknown as { klingPreview: { find(s: string, t: string, r: boolean): [number, number][] } }).klingPreview.find(s, t, r),
    [sheet, text, regex] as const,
  );
}

/** The first cell showing a label; throws naming the label when the sheet has none. */
export async function find(page: Page, sheet: string, label: Label): Promise<{ row: number; col: number }> {
  const [first] = await findAll(page, sheet, label);
  if (!first) throw new Error(`no cell of "${sheet}" shows ${String(label)}: update scripts/preview/labels.ts`);
  return { row: first[0], col: first[1] };
}

export interface ShownCell {
  readonly text: string;
  readonly value: number | string | boolean | null;
  readonly kind: string;
  readonly error?: { label: string; message: string };
}

/** What a cell shows (its text, computed value, error). */
export async function shown(page: Page, sheet: string, row: number, col: number): Promise<ShownCell> {
  return page.evaluate(
    ([s, r, c]) =>
      (window as unknown as { klingPreview: { shown(s: string, r: number, c: number): ShownCell } }).klingPreview.shown(s, r, c),
    [sheet, row, col] as const,
  );
}

/** The value cell of a summary label: the cell to its right. */
export async function valueRightOf(page: Page, sheet: string, label: Label): Promise<ShownCell & { row: number; col: number }> {
  const at = await find(page, sheet, label);
  return { ...(await shown(page, sheet, at.row, at.col + 1)), row: at.row, col: at.col + 1 };
}
