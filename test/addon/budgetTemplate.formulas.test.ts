/**
 * The budget template as "Insert budget template" writes it, every formula evaluated by a real
 * formula engine (HyperFormula) with our custom functions running from dist/Code.js. The key
 * figures are pinned to literal numbers worked out by hand from the price book (so a bug shared by
 * the engine and the sheet cannot pass), and the rest compared with the functions themselves.
 * Rows are edited in the engine as a user would: half-filled rows, invalid rows, a Kling 4.0 row
 * (resellers only), a retake rate per shot, test takes, images, a contingency, cases out of order,
 * an edited price table, a locked version.
 */
import type { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CASES_ROW,
  CHANGES_ROW,
  CHANNELS_ROW,
  COLUMNS,
  FIRST_SHOT_ROW,
  LABEL_COL,
  LOCKED_ROW,
  SUMMARY_CELL as S,
  SHOT_ROWS,
} from '../../src/addon/budgetLayout';
import { cell } from '../../src/addon/layout';
import { bookToRows, DEFAULT_PRICE_BOOK, isoDay } from '../../src/pricing';
import { KLING_FUNCTIONS, KLING_SIZES, registerKlingFunctions } from '../support/hyperformula';
import { LiveWorkbook } from '../support/liveWorkbook';
import { addon, BUDGET, customFunctionCells, PRICES, SheetView, workbook } from './sheets';

const INPUT_COLS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

/** A row of the shot list as a user fills it (blank where left out). */
interface Shot {
  readonly scene?: string;
  readonly model?: string | number;
  readonly mode?: string;
  readonly secs?: number | string;
  readonly audio?: string | boolean;
  readonly count?: number | string;
  readonly testTakes?: number | string;
  readonly retakeRate?: number | string;
}

/** Replaces the whole shot list and the given inputs. */
function fill(view: SheetView, shots: Readonly<Record<number, Shot>>, inputs: Readonly<Record<string, unknown>> = {}): void {
  const cells: Record<string, unknown> = {};
  for (let r = FIRST_SHOT_ROW; r < FIRST_SHOT_ROW + SHOT_ROWS; r++) {
    const s = shots[r] ?? {};
    const values = [s.scene, s.model, s.mode, s.secs, s.audio, s.count, s.testTakes, s.retakeRate];
    INPUT_COLS.forEach((col, i) => {
      cells[`${col}${r}`] = values[i] ?? null;
    });
  }
  const defaults = {
    billing: 'monthly',
    retakeRate: 0.2,
    images: 0,
    contingency: 0,
    lowRate: 0.1,
    highRate: 0.35,
    lowCpi: 0.2,
    highCpi: 1,
  };
  for (const [key, value] of Object.entries({ ...defaults, ...inputs })) cells[(S as Record<string, string>)[key] as string] = value;
  view.setAll(cells);
}

const close = (got: unknown, want: number, what: string) => {
  expect(typeof got, `${what}: ${JSON.stringify(got)}`).toBe('number');
  expect(got as number, what).toBeCloseTo(want, 6);
};

/** The visible channels table: rows of [label, total, average, per video, bought as], up to the Cheapest row. */
function channelsTable(view: SheetView): unknown[][] {
  const rows = view.block(CHANNELS_ROW, LABEL_COL, 16, 5);
  const end = rows.findIndex((r) => r[0] === 'Cheapest');
  return rows.slice(0, end + 1);
}

/** The cases block: low, typical, high rows (after the header). */
function cases(view: SheetView): unknown[][] {
  return view.block(CASES_ROW + 1, LABEL_COL, 3, 9);
}

const EXAMPLES = {
  6: { scene: 'Opening shot', model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'no', count: 4, testTakes: 2 },
  7: { scene: 'Product close-ups', model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'no', count: 20 },
  8: { scene: 'Talking head', model: 'Kling 2.6', mode: 'professional', secs: 5, audio: 'yes', count: 8 },
  9: { scene: 'Social teaser', model: 'Kling 3.0', mode: 'standard', secs: 8, audio: 'no', count: 6 },
} as const;

describe('the budget template with the default prices', () => {
  let hf: HyperFormula;
  let view: SheetView;
  let cells: string[];

  beforeAll(() => {
    const a = addon();
    a.run('insertBudgetTemplate');
    const sheet = a.spreadsheet.getSheetByName(BUDGET);
    if (!sheet) throw new Error('no budget sheet');
    cells = customFunctionCells(sheet);
    hf = workbook(a.spreadsheet, a.context);
    view = new SheetView(hf, BUDGET);
  });

  it('has 10 custom-function cells (at most 13), whatever the number of rows: one range call per column', () => {
    expect(cells.length).toBe(10);
    expect(cells.length).toBeLessThanOrEqual(13);
  });

  it('the example rows: literal figures worked out by hand from the price book', () => {
    fill(view, EXAMPLES);
    // Credits per month, no retakes: 4 x (70 + 2 x 20) + 20 x 10 + 8 x 100 + 6 x 8 x 6 = 440 + 200 + 800 + 288.
    expect(view.get(S.credits)).toBe(1728);
    // At a 20 % retake rate: 1,728 / 0.8 = 2,160 (not 1,728 x 1.2 = 2,073.6).
    expect(view.get(S.withRetakes)).toBe(2160);
    expect(view.get(S.best)).toBe('Pro');
    expect(view.get(S.monthly)).toBe(32.56);
    expect(view.get(S.videos)).toBe(38);
    // Over 12 months the app on annual billing: Pro's yearly price covers 2,160 a month.
    expect(view.get(S.cheapest)).toBe('Kling app (annual) (estimate)');
    expect(view.get(S.cheapestTotal)).toBe(293.04);
    expect(view.get(S.afterContingency)).toBe(293.04);
    expect(view.get(S.appBought)).toBe('Kling app (annual) (estimate): 12 x Pro');
    close(view.get(S.average), 24.42, 'average month');
    close(view.get(S.perVideo), 293.04 / (38 * 12), 'cost per video');
    // The resellers sell no Kling 2.6: not compared, each with its reason.
    expect(view.get(S.notCompared)).toBe(
      'Not compared: fal (pay as you go) (estimate) (row 1 (Kling 2.6 professional 10 s) is not sold there); Replicate (pay as you go) (estimate) (row 1 (Kling 2.6 professional 10 s) is not sold there); PiAPI (pay as you go) (estimate) (row 1 (Kling 2.6 professional 10 s) is not sold there)',
    );
    const table = channelsTable(view);
    expect(table[0]).toEqual(['Channel', 'Total (USD)', 'Average month (USD)', 'Cost per delivered video (USD)', 'Bought as']);
    expect(table[2]?.slice(0, 2)).toEqual(['Kling API (prepaid packs) (estimate)', 1400]);
    expect(table[table.length - 1]).toEqual(['Cheapest', 293.04, '', '', 'Kling app (annual) (estimate)']);
  });

  it('low, typical and high: each case a channel comparison, the range line, figures by hand', () => {
    fill(view, EXAMPLES);
    const [low, typical, high] = cases(view);
    // Low, 10 %: 1,728 / 0.9 = 1,920 a month; annual Standard ($79.20, 660) + one 16,000-credit pack ($200) for 12 x 1,260.
    expect(low?.slice(0, 7)).toEqual(['Low', 0.1, 0.2, 23040, 279.2, 'Kling app (annual) (estimate)', 279.2]);
    expect(typical?.slice(0, 7)).toEqual(['Typical (the sheet)', 0.2, 0.2, 25920, 293.04, 'Kling app (annual) (estimate)', 293.04]);
    // High, 35 %: 1,728 / 0.65 = 2,658.46..., rounded up to 2,659: still Pro on annual billing.
    expect(high?.slice(0, 7)).toEqual(['High', 0.35, 1, 31908, 293.04, 'Kling app (annual) (estimate)', 293.04]);
    expect(view.get(S.range)).toBe('Between $279.20 and $293.04, most likely $293.04');
  });

  it('a contingency is its own money line, on every case, before and after', () => {
    fill(view, EXAMPLES, { contingency: 0.1 });
    expect(view.get(cell(Number(/\d+/.exec(S.contingencyUsd)?.[0]), LABEL_COL))).toBe('Contingency 10 % (USD)');
    close(view.get(S.contingencyUsd), 29.304, 'contingency');
    close(view.get(S.afterContingency), 322.344, 'after contingency');
    const [low, typical, high] = cases(view);
    close(low?.[7], 27.92, 'low contingency');
    close(low?.[8], 307.12, 'low after');
    close(typical?.[8], 322.344, 'typical after');
    close(high?.[8], 322.344, 'high after');
    expect(view.get(S.range)).toBe('Between $307.12 and $322.34, most likely $322.34');
  });

  it('cases out of order show the message and no range (equal values allowed)', () => {
    fill(view, EXAMPLES, { lowRate: 0.25 });
    expect(view.get(S.range)).toBe('Cases out of order: low <= typical <= high is required for the retake rate');
    fill(view, EXAMPLES, { highCpi: 0.1 });
    expect(view.get(S.range)).toBe('Cases out of order: low <= typical <= high is required for credits per image');
    fill(view, EXAMPLES, { lowRate: 0.2, highRate: 0.2, lowCpi: 0.2, highCpi: 0.2 });
    expect(view.get(S.range)).toBe('Between $293.04 and $293.04, most likely $293.04');
  });

  it('a Kling 4.0 row is valid: no app credits, every app figure n/a naming it, and fal is the cheapest channel', () => {
    fill(view, {
      6: { scene: 'Hero', model: 'Kling 4.0', mode: 'professional', secs: 10, audio: 'yes', count: 10 },
    });
    expect(view.get(cell(FIRST_SHOT_ROW, COLUMNS.status))).toBe('no app credits: API/resellers only');
    const na = 'n/a: row 1 (Kling 4.0 professional 10 s with audio) has no app credits in the price book';
    for (const key of ['credits', 'withRetakes', 'best', 'monthly', 'appYear'] as const) expect(view.get(S[key]), key).toBe(na);
    expect(view.get(S.rowsOk)).toBe(1);
    expect(view.get(S.attention)).toBe('none');
    // fal: 10 x 10 s x $0.235 / 0.8 a month, 12 months: $352.50; PiAPI: $0.25: $375.
    expect(view.get(S.cheapest)).toBe('fal (pay as you go) (estimate)');
    close(view.get(S.cheapestTotal), 352.5, 'fal');
    const table = channelsTable(view);
    expect(table.find((r) => r[0] === 'PiAPI (pay as you go) (estimate)')?.[1]).toBe(375);
    expect(table[1]).toEqual(['Kling app (monthly)', 'n/a', 'n/a', 'n/a', na]);
  });

  it('three 10 s Kling 3.0 professional clips with audio a month: fal at $75.60 against $79.20 on annual billing', () => {
    fill(view, { 6: { model: 'Kling 3.0', mode: 'professional', secs: 10, audio: 'yes', count: 3 } });
    expect(view.get(S.withRetakes)).toBe(450);
    expect(view.get(S.cheapest)).toBe('fal (pay as you go) (estimate)');
    close(view.get(S.cheapestTotal), 75.6, 'fal');
    expect(channelsTable(view)[1]?.slice(0, 2)).toEqual(['Kling app (annual)', 79.2]);
  });

  it('a shot of its own retake rate, test takes and images count; 1 / (1 - r), never x (1 + r)', () => {
    fill(
      view,
      {
        6: { model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'no', count: 5, testTakes: 1, retakeRate: 0.5 },
        7: { model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'no', count: 10 },
      },
      { images: 100 },
    );
    // (70 + 20) x 5 / 0.5 = 900; 10 x 10 / 0.8 = 125; 100 x 0.2 / 0.8 = 25: 1,050.
    expect(view.get(S.withRetakes)).toBe(1050);
    expect(view.get(S.credits)).toBe(450 + 100 + 20);
    // Kling's API has an image price ($0.028): it is compared; resellers sell no images.
    const table = channelsTable(view);
    expect(typeof table[2]?.[1]).toBe('number');
  });

  it('half-filled and invalid rows say why in Status, are left out and named', () => {
    fill(view, {
      6: EXAMPLES[6],
      8: { mode: 'professional', count: 3 },
      9: { mode: 'pro', secs: 7, count: 2 },
      10: { mode: 'standard', secs: 5, count: 'ten' },
      11: { mode: 'standard', secs: 5, count: 2, retakeRate: 1 },
    });
    expect(view.get(cell(8, COLUMNS.status))).toBe('needs seconds');
    expect(String(view.get(cell(9, COLUMNS.status)))).toMatch(/^secs 7 is not a clip length Kling 2\.6 makes/);
    expect(view.get(cell(10, COLUMNS.status))).toBe('videos per month: use a whole number, 0 or more');
    expect(view.get(cell(11, COLUMNS.status))).toBe("retake rate: use 0 % up to but not 100 % (blank: the sheet's)");
    expect(view.get(S.rowsOk)).toBe(1);
    expect(view.get(S.attention)).toBe('4 rows need attention: 8, 9, 10, 11');
    expect(view.get(S.credits)).toBe(440);
  });

  it('an empty shot list buys nothing', () => {
    fill(view, {});
    expect(view.get(S.withRetakes)).toBe(0);
    expect(view.get(S.best)).toBe('Free');
    expect(view.get(S.cheapestTotal)).toBe(0);
  });

  it('shows how old the prices are', () => {
    expect(String(view.get('A4'))).toMatch(/^prices as of 2026-10-05(, \d+ days ago: check Kling's pages or Edit prices)?$/);
  });
});

describe('the budget template over an edited price table, locked and compared', () => {
  it('lock, edit a shot and a price: the work and price changes move by the amounts worked out by hand; lock again: " (2)"', () => {
    const a = addon();
    registerKlingFunctions(a.context, KLING_FUNCTIONS, KLING_SIZES);
    // The fake computed live by HyperFormula: what the lock reads is what the sheet shows.
    new LiveWorkbook(a.spreadsheet);
    a.run('editPrices');
    a.run('insertBudgetTemplate');
    const budget = a.spreadsheet.getSheetByName(BUDGET);
    const prices = a.spreadsheet.getSheetByName(PRICES);
    if (!budget || !prices) throw new Error('no budget or prices');
    // Three Kling 3.0 professional 10 s clips with audio a month: fal cheapest at $75.60.
    const rows = Array.from({ length: SHOT_ROWS }, (_, i) =>
      i === 0 ? ['Hero', 'Kling 3.0', 'professional', 10, 'yes', 3, '', ''] : ['', '', '', '', '', '', '', ''],
    );
    budget.getRange(FIRST_SHOT_ROW, 1, SHOT_ROWS, 8).setValues(rows);
    // Read through the fake, as the add-on and a person see the sheet: the engine's figures.
    const view = {
      get: (a1: string) => budget.getRange(a1).getValue(),
      block: (row: number, col: number, rows: number, cols: number) => budget.getRange(row, col, rows, cols).getValues(),
    };
    close(view.get(S.afterContingency), 75.6, 'now, before the lock');
    budget.activate();
    a.run('lockBudgetVersion');
    const day = isoDay(new Date(), a.spreadsheet.getSpreadsheetTimeZone());
    expect(budget.getRange(S.lockedSheet).getValue()).toBe(`${BUDGET} locked ${day}`);
    expect(budget.getRange(S.lockedPrices).getValue()).toBe(`Kling prices locked ${day}`);
    const lockedSheet = a.spreadsheet.getSheetByName(`${BUDGET} locked ${day}`);
    expect(lockedSheet?.getProtections('SHEET').map((p) => p.isWarningOnly())).toEqual([true]);
    expect(lockedSheet?.getRange(S.afterContingency).getFormulas()).toEqual([['']]);
    expect(lockedSheet?.getRange(S.afterContingency).getValue()).toBeCloseTo(75.6, 9);
    const locked = cell(LOCKED_ROW + 1, LABEL_COL + 1);
    const atLocked = cell(LOCKED_ROW + 2, LABEL_COL + 1);
    const now = cell(LOCKED_ROW + 3, LABEL_COL + 1);
    const work = cell(LOCKED_ROW + 4, LABEL_COL + 1);
    const price = cell(LOCKED_ROW + 5, LABEL_COL + 1);
    close(view.get(locked), 75.6, 'locked');
    close(view.get(atLocked), 75.6, 'now at locked prices');
    close(view.get(work), 0, 'work changes');
    close(view.get(price), 0, 'price changes');
    expect(view.get(cell(CHANGES_ROW, LABEL_COL))).toBe('Section');
    expect(view.get(cell(CHANGES_ROW + 1, LABEL_COL))).toBe('No price changed');

    // More work: a fourth clip a month. At the locked prices fal costs 4 x 1.68 / 0.8 x 12 = $100.80;
    // the app on annual billing is now cheaper: 600 credits a month, Standard's $79.20.
    budget.getRange(cell(FIRST_SHOT_ROW, COLUMNS.count)).setValue(4);
    close(view.get(atLocked), 79.2, 'now at locked prices');
    close(view.get(work), 79.2 - 75.6, 'work changes');
    close(view.get(price), 0, 'price changes');
    // A price moves: Standard's yearly price from $79.20 to $90.
    const book = bookToRows(DEFAULT_PRICE_BOOK);
    const yearly = book.findIndex((r) => r[0] === 'Plan' && r[1] === 'Standard' && r[2] === 'yearly');
    prices.getRange(yearly + 1, 4).setValue(90);
    // Now: fal $100.80 beats Standard at $90 + ... no: Standard annual $90 still beats fal's $100.80.
    close(view.get(now), 90, 'now');
    close(view.get(atLocked), 79.2, 'now at locked prices');
    close(view.get(work), 79.2 - 75.6, 'work changes');
    close(view.get(price), 90 - 79.2, 'price changes');
    close((view.get(work) as number) + (view.get(price) as number), 90 - 75.6, 'they add up to now - locked');
    expect(view.block(CHANGES_ROW, LABEL_COL, 3, 5)).toEqual([
      ['Section', 'Item', 'Field', 'Locked value', 'Value now'],
      ['Plan', 'Standard', 'yearly', 79.2, 90],
      ['', '', '', '', ''],
    ]);

    // A second lock the same day gets " (2)"; the cells name the new copies.
    budget.activate();
    a.run('lockBudgetVersion');
    expect(budget.getRange(S.lockedSheet).getValue()).toBe(`${BUDGET} locked ${day} (2)`);
    expect(budget.getRange(S.lockedPrices).getValue()).toBe(`Kling prices locked ${day} (2)`);
    close(view.get(locked), 90, 'locked again');
    close(view.get(work), 0, 'work changes after the new lock');
    close(view.get(price), 0, 'price changes after the new lock');
  });
});
