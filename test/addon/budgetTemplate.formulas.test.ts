/**
 * The budget template as "Insert budget template" writes it, every formula evaluated by a real
 * formula engine (HyperFormula) with our custom functions running from dist/Code.js; each figure a
 * user sees is compared with the pricing engine computing the same shot list on its own. Rows
 * are edited in the engine (setCell) as a user would: half-filled rows, invalid rows, clips the
 * API does not make, a buffer per shot, test takes, images, a currency rate and tax, a model the
 * user adds to the price table.
 */
import type { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiSpend,
  apiMonthMicroUsd,
  apiPacksLabel,
  apiSpendTable,
  type Billing,
  budgetSummary,
  DEFAULT_PRICE_BOOK,
  InputError,
  lineCredits,
  PricingEngine,
  planSpend,
  readClip,
  type ShotLine,
  testTakeOf,
  yearlyTable,
  yearlyView,
} from '../../src/pricing';
import { type FakeSheet, parseA1 } from '../fakes/appsScript';
import { addon, BUDGET, customFunctionCells, engineOf, KLING_4_ROWS, lastRow, PRICES, putRows, SheetView, workbook } from './sheets';

const FIRST = 6;
const ROWS = 30;
const INPUT_COLS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
/** The summary's value cells (column R), as the template lays them out. */
const S = {
  billing: 'R6',
  buffer: 'R7',
  images: 'R8',
  perImage: 'R9',
  currency: 'R10',
  rate: 'R11',
  tax: 'R12',
  rowsOk: 'R14',
  attention: 'R15',
  videos: 'R16',
  credits: 'R17',
  withBuffer: 'R18',
  best: 'R19',
  monthly: 'R20',
  yearIntro: 'R21',
  yearMonthly: 'R22',
  yearAnnual: 'R23',
  year: 'R24',
  average: 'R25',
  perVideo: 'R26',
  apiMonth: 'R27',
  apiYear: 'R28',
  apiPacks: 'R29',
  verdict: 'R30',
  inCurrency: 'R32',
  monthlyLocal: 'R33',
  yearLocal: 'R34',
  apiLocal: 'R35',
} as const;

/** A row of the shot list as a user fills it (blank where left out). */
interface Shot {
  readonly scene?: string;
  readonly model?: string | number;
  readonly mode?: string;
  readonly secs?: number | string;
  readonly audio?: string | boolean;
  readonly count?: number | string;
  readonly testTakes?: number | string;
  readonly buffer?: number | string;
}

interface Inputs {
  readonly billing?: Billing;
  readonly buffer?: number;
  readonly images?: number;
  readonly rate?: number;
  readonly tax?: number;
}

const EXAMPLES: Readonly<Record<number, Shot>> = {
  6: { scene: 'Opening shot', model: 'Kling 2.6', mode: 'professional', secs: 10, audio: 'no', count: 4, testTakes: 2 },
  7: { scene: 'Product close-ups', model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'no', count: 20 },
  8: { scene: 'Talking head', model: 'Kling 2.6', mode: 'professional', secs: 5, audio: 'yes', count: 8 },
  9: { scene: 'Social teaser', model: 'Kling 3.0', mode: 'standard', secs: 8, audio: 'no', count: 6 },
};

/** Replaces the whole shot list and the inputs (a blank cell is left out of `shots`). */
function fill(view: SheetView, shots: Readonly<Record<number, Shot>>, inputs: Inputs = {}): void {
  const cells: Record<string, unknown> = {};
  for (let r = FIRST; r < FIRST + ROWS; r++) {
    const s = shots[r] ?? {};
    const values = [s.scene, s.model, s.mode, s.secs, s.audio, s.count, s.testTakes, s.buffer];
    INPUT_COLS.forEach((col, i) => {
      cells[`${col}${r}`] = values[i] ?? null;
    });
  }
  cells[S.billing] = inputs.billing ?? 'monthly';
  cells[S.buffer] = inputs.buffer ?? 0.2;
  cells[S.images] = inputs.images ?? 0;
  cells[S.rate] = inputs.rate ?? 1;
  cells[S.tax] = inputs.tax ?? 0;
  view.setAll(cells);
}

const close = (got: unknown, want: number, what: string) => {
  expect(typeof got, `${what}: ${JSON.stringify(got)}`).toBe('number');
  expect(got as number, what).toBeCloseTo(want, 6);
};

/** API USD of one finished video with its test takes, or null where the API does not make it. */
function apiPerVideo(engine: PricingEngine, line: ShotLine): number | null {
  try {
    const clip = engine.apiMills(line.clip);
    const test = line.testTakes > 0 ? engine.apiMills(testTakeOf(line.clip)) : 0;
    return clip === null || test === null ? null : (clip + line.testTakes * test) / 1000;
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/**
 * Checks every computed cell of the sheet against the pricing engine: `status` gives each started
 * row's expected status ("ok" rows are priced; the others must be left out and listed).
 */
function check(
  view: SheetView,
  engine: PricingEngine,
  shots: Readonly<Record<number, Shot>>,
  status: Readonly<Record<number, string | RegExp>>,
  inputs: Inputs = {},
) {
  const billing = inputs.billing ?? 'monthly';
  const buffer = inputs.buffer ?? 0.2;
  const images = inputs.images ?? 0;
  const rate = inputs.rate ?? 1;
  const tax = inputs.tax ?? 0;
  const lines: { row: number; line: ShotLine }[] = [];
  for (let r = FIRST; r < FIRST + ROWS; r++) {
    const want = status[r];
    if (want === undefined) {
      expect(shots[r], `row ${r} is filled: give its status`).toBeUndefined();
      expect(view.text(`I${r}`), `I${r}`).toBe('');
      continue;
    }
    if (typeof want === 'string') expect(view.text(`I${r}`), `I${r}`).toBe(want);
    else expect(String(view.text(`I${r}`)), `I${r}`).toMatch(want);
    if (want !== 'ok') continue;
    const s = shots[r] as Shot;
    const clip = readClip(engine, { model: s.model ?? '', mode: s.mode, secs: s.secs, audio: s.audio ?? '' }, 'app').clip;
    const own = s.buffer === undefined || s.buffer === '' ? null : Number(s.buffer);
    lines.push({ row: r, line: { clip, count: Number(s.count), testTakes: Number(s.testTakes ?? 0), buffer: own, where: `row ${r}` } });
  }
  const summary = budgetSummary(engine, { lines: lines.map((l) => l.line), images, billing, buffer });

  // Rows: priced from the engine; every other row's computed cells blank.
  const priced = new Set(lines.map((l) => l.row));
  const apiLess: number[] = [];
  for (const { row, line } of lines) {
    const own = 1 + (line.buffer ?? buffer);
    const perMonth = lineCredits(engine, line);
    close(view.get(`J${row}`), lineCredits(engine, { ...line, count: 1 }), `J${row} credits per video`);
    close(view.get(`K${row}`), perMonth, `K${row} credits per month`);
    close(view.get(`L${row}`), perMonth * own, `L${row} with buffer`);
    close(
      view.get(`M${row}`),
      summary.creditsWithBuffer === 0 ? 0 : ((perMonth * own) / summary.creditsWithBuffer) * summary.monthlyCost,
      `M${row}`,
    );
    const api = apiPerVideo(engine, line);
    if (api === null) {
      apiLess.push(row);
      expect(view.get(`N${row}`), `N${row}`).toBe('n/a');
      expect(view.get(`O${row}`), `O${row}`).toBe('n/a');
    } else {
      close(view.get(`N${row}`), api, `N${row}`);
      close(view.get(`O${row}`), api * line.count * own, `O${row}`);
    }
  }
  for (let r = FIRST; r < FIRST + ROWS; r++) {
    if (priced.has(r)) continue;
    for (const col of ['J', 'K', 'L', 'M', 'N', 'O']) expect(view.text(`${col}${r}`), `${col}${r} of a row left out`).toBe('');
  }

  // The summary.
  const left = Object.entries(status)
    .filter(([, s]) => s !== 'ok')
    .map(([r]) => Number(r));
  expect(view.get(S.rowsOk)).toBe(lines.length);
  expect(view.get(S.attention)).toBe(
    left.length === 0 ? 'none' : `${left.length} ${left.length === 1 ? 'row needs' : 'rows need'} attention: ${left.join(', ')}`,
  );
  close(view.get(S.videos), summary.videos, 'videos');
  close(view.get(S.credits), summary.credits, 'credits');
  expect(view.get(S.withBuffer)).toBe(summary.creditsWithBuffer);
  expect(view.get(S.best)).toBe(summary.best.label);
  close(view.get(S.monthly), summary.monthlyCost, 'monthly cost');
  const yearOf = (b: Billing) =>
    summary.creditsWithBuffer === 0 ? 0 : planSpend(engine, new Array(12).fill(summary.creditsWithBuffer), b).schedule.totalCents / 100;
  const years = { intro: yearOf('intro'), monthly: yearOf('monthly'), annual: yearOf('annual') };
  close(view.get(S.yearIntro), years.intro, 'intro year');
  close(view.get(S.yearMonthly), years.monthly, 'monthly year');
  close(view.get(S.yearAnnual), years.annual, 'annual year');
  // The engine's own 12 months under the sheet's billing is its figure there, and the sheet shows the cheapest.
  if (billing !== 'list') close(years[billing], summary.yearCost, 'the year under the billing');
  const year = Math.min(years.intro, years.monthly, years.annual);
  close(view.get(S.year), year, 'cheapest year');
  close(view.get(S.average), year / 12, 'average month');
  if (summary.videos > 0) close(view.get(S.perVideo), year / 12 / summary.videos, 'cost per video');
  else expect(view.get(S.perVideo)).toBe('');

  // Kling's API: KLING_API_SCHEDULE's figure, or n/a naming the rows (never a partial sum).
  const micro = apiMonthMicroUsd(engine, { lines: lines.map((l) => l.line), images, billing, buffer });
  if (apiLess.length > 0) {
    const naming = `n/a: row${apiLess.length === 1 ? '' : 's'} ${apiLess.join(', ')} (Kling's API does not make these clips)`;
    expect(typeof micro).not.toBe('number');
    expect(view.get(S.apiMonth)).toBe(naming);
    expect(view.get(S.apiYear)).toBe(naming);
    expect(view.text(S.apiPacks)).toBe('');
    expect(view.get(S.apiLocal)).toBe('n/a');
    expect(view.get(S.verdict)).toBe(summary.creditsWithBuffer === 0 ? 'nothing to buy' : 'Subscription (no API figure)');
  } else if (images > 0) {
    expect(micro).toEqual({ problem: 'the price book has no API price for images' });
    expect(view.get(S.apiMonth)).toBe('n/a: the price book has no API price for images');
    expect(view.get(S.apiYear)).toBe('n/a: the price book has no API price for images');
  } else {
    const api = summary.api as ApiSpend;
    close(view.get(S.apiMonth), (micro as number) / 1e6, 'API per month');
    close(view.get(S.apiYear), api.result.totalCents / 100, 'API 12 months');
    expect(view.get(S.apiPacks)).toBe(apiPacksLabel(api));
    close(view.get(S.apiLocal), (api.result.totalCents / 100) * rate * (1 + tax), 'API local');
    const apiYear = api.result.totalCents / 100;
    expect(view.get(S.verdict)).toBe(
      summary.creditsWithBuffer === 0
        ? 'nothing to buy'
        : apiYear < year
          ? `Kling API (estimate, with ${apiPacksLabel(api)})`
          : `Subscription (the API estimate assumes ${apiPacksLabel(api)})`,
    );
    expectTable(view.block(49, 17, 3, 5), apiSpendTable(api).slice(1), 'API schedule');
  }
  // The API block never shows a sum it does not stand behind.
  if (apiLess.length > 0 || images > 0)
    expect(
      view
        .block(48, 17, 4, 5)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);

  // Money in the user's currency, tax included; and in USD with tax.
  close(view.get(S.monthlyLocal), summary.monthlyCost * rate * (1 + tax), 'monthly local');
  close(view.get(S.yearLocal), year * rate * (1 + tax), 'year local');
  close(view.get('S33'), summary.monthlyCost * (1 + tax), 'monthly USD with tax');
  close(view.get('S34'), year * (1 + tax), 'year USD with tax');

  // KLING_YEARLY of the credits with buffer: the engine's yearly view.
  expectTable(view.block(38, 17, 8, 6), yearlyTable(yearlyView(engine, summary.creditsWithBuffer, true)), 'yearly view');
  return summary;
}

function expectTable(got: unknown[][], want: readonly (readonly unknown[])[], what: string) {
  want.forEach((line, r) => {
    line.forEach((cell, c) => {
      const g = got[r]?.[c];
      if (typeof cell === 'number') close(g, cell, `${what} [${r},${c}]`);
      else expect(g, `${what} [${r},${c}]`).toBe(cell);
    });
  });
}

const ENGINE = new PricingEngine(DEFAULT_PRICE_BOOK);
const EXAMPLE_STATUS = { 6: 'ok', 7: 'ok', 8: 'ok', 9: 'ok' } as const;

describe('the budget template with the default prices', () => {
  let hf: HyperFormula;
  let view: SheetView;
  let sheet: FakeSheet;
  beforeAll(() => {
    const a = addon();
    a.run('insertBudgetTemplate');
    sheet = a.spreadsheet.getSheetByName(BUDGET) as FakeSheet;
    hf = workbook(a.spreadsheet, a.context);
    view = new SheetView(hf, BUDGET);
  });

  it('has at most 8 custom-function cells, whatever the number of rows (one range call per column)', () => {
    const cells = customFunctionCells(sheet);
    expect(cells.length).toBeLessThanOrEqual(8);
    // No per-row call: every call in the shot list sits in its first row and covers all 30 rows.
    const rowCalls = cells.filter((a1) => parseA1(a1).col <= 15 || parseA1(a1).col >= 27);
    for (const a1 of rowCalls) {
      expect(a1).toMatch(/^[A-Z]+6$/);
      expect(sheet.getRange(a1).getFormulas()[0]?.[0]).toContain(`${FIRST + ROWS - 1}`);
    }
    expect(rowCalls).toHaveLength(4);
  });

  it('shows the figures the pricing engine computes for the example rows', () => {
    const summary = check(view, ENGINE, EXAMPLES, EXAMPLE_STATUS);
    // By hand: (70 + 2 x 20) x 4 + 10 x 20 + 100 x 8 + 48 x 6 = 1,728 credits; x 1.2 = 2,073.6 -> 2,074.
    expect(summary.credits).toBe(1728);
    expect(view.get(S.withBuffer)).toBe(2074);
    expect(view.get(S.best)).toBe('Pro');
    expect(view.get(S.monthly)).toBe(32.56);
    expect(view.get(S.year)).toBe(293.04);
    expect(view.get(S.apiYear)).toBe(1400);
  });

  it('half-filled rows say what they need, keep their cells blank, and the summary counts the complete rows and names the rest', () => {
    const shots = { ...EXAMPLES, 10: { scene: 'Drone', mode: 'standard', count: 3 }, 12: { secs: 10, count: 2 }, 14: { scene: 'Idea' } };
    fill(view, shots);
    check(view, ENGINE, shots, { ...EXAMPLE_STATUS, 10: 'needs seconds', 12: 'needs mode', 14: 'needs mode, seconds, videos per month' });
    expect(view.get(S.attention)).toBe('3 rows need attention: 10, 12, 14');
    // The functions keep their rule: the half row is an ERROR: cell of the range call, naming what is missing.
    expect(view.get('AA12')).toMatch(/^ERROR: mode is missing/);
  });

  it('an invalid row shows its message in Status and is left out: "2 rows need attention: 10, 12"', () => {
    const shots = {
      ...EXAMPLES,
      10: { model: 'Kling 2.6', mode: 'professional', secs: 8, count: 2 },
      12: { model: 'Kling 9', mode: 'standard', secs: 5, count: 1 },
    };
    fill(view, shots);
    check(view, ENGINE, shots, {
      ...EXAMPLE_STATUS,
      10: /^secs 8 is not a clip length Kling 2\.6 makes; use 5 or 10/,
      12: /^model "Kling 9" is not a model of the price book in force; use 2\.6 or 3\.0/,
    });
    expect(view.get(S.attention)).toBe('2 rows need attention: 10, 12');
  });

  it('a number that is not one (videos, test takes, a buffer) is a row to fix, never a broken summary', () => {
    const shots = {
      ...EXAMPLES,
      10: { mode: 'standard', secs: 5, count: 'ten' },
      11: { mode: 'standard', secs: 5, count: 2.5 },
      12: { mode: 'standard', secs: 5, count: 3, testTakes: -2 },
      13: { mode: 'standard', secs: 5, count: 3, testTakes: 'two' },
      14: { mode: 'standard', secs: 5, count: 3, buffer: 1.5 },
      15: { mode: 'standard', secs: 5, count: 3, buffer: 'lots' },
    };
    fill(view, shots);
    check(view, ENGINE, shots, {
      ...EXAMPLE_STATUS,
      10: 'videos per month: use a whole number, 0 or more',
      11: 'videos per month: use a whole number, 0 or more',
      12: 'test takes per video: use a whole number, 0 or more (blank: none)',
      13: 'test takes per video: use a whole number, 0 or more (blank: none)',
      14: "buffer: use 0 % to 100 % (blank: the sheet's)",
      15: "buffer: use 0 % to 100 % (blank: the sheet's)",
    });
  });

  it('a clip the API does not make shows n/a in its API cells, and the API figure is n/a naming those rows', () => {
    const shots = {
      ...EXAMPLES,
      11: { model: '2.6', mode: 'standard', secs: 10, audio: 'yes', count: 5 },
      13: { mode: 'std', secs: 5, audio: true, count: 1 },
    };
    fill(view, shots);
    check(view, ENGINE, shots, { ...EXAMPLE_STATUS, 11: 'ok', 13: 'ok' });
    expect(view.get(S.apiYear)).toBe("n/a: rows 11, 13 (Kling's API does not make these clips)");
    // Test takes of a clip whose standard version the API does not make: n/a too.
    const drafts = { ...EXAMPLES, 11: { mode: 'professional', secs: 5, audio: 'yes', count: 2, testTakes: 1 } };
    fill(view, drafts);
    check(view, ENGINE, drafts, { ...EXAMPLE_STATUS, 11: 'ok' });
    expect(view.get(S.apiYear)).toBe("n/a: row 11 (Kling's API does not make these clips)");
  });

  it("a shot's own buffer, test takes and images count in the credits; one buffer means ceil(credits x (1 + buffer))", () => {
    const shots = {
      ...EXAMPLES,
      6: { ...EXAMPLES[6], buffer: 0.5 },
      7: { ...EXAMPLES[7], buffer: 0 },
      10: { model: '3.0', mode: 'pro', secs: 15, audio: 'voice', count: 3, testTakes: 4, buffer: 1 },
    };
    const inputs = { images: 1000, buffer: 0.25 } as const;
    fill(view, shots, inputs);
    const summary = check(view, ENGINE, shots, { ...EXAMPLE_STATUS, 10: 'ok' }, inputs);
    // By hand: 440 x 1.5 + 200 x 1 + 800 x 1.25 + 288 x 1.25 + (14 x 15 + 4 x 11 x 15) x 3 x 2 + 1,000 x 0.2 x 1.25.
    expect(summary.creditsWithBuffer).toBe(Math.ceil(660 + 200 + 1000 + 360 + (210 + 660) * 3 * 2 + 250));
  });

  it('every billing, and money in your currency with tax', () => {
    for (const billing of ['intro', 'annual', 'list'] as const) {
      const inputs = { billing, rate: 0.92, tax: 0.21, buffer: 0.1 };
      fill(view, EXAMPLES, inputs);
      check(view, ENGINE, EXAMPLES, EXAMPLE_STATUS, inputs);
    }
    expect(view.get(S.inCurrency)).toBe('USD');
  });

  it('an empty shot list buys nothing', () => {
    fill(view, {});
    check(view, ENGINE, {}, {});
    expect(view.get(S.verdict)).toBe('nothing to buy');
    expect(view.get(S.attention)).toBe('none');
  });

  it('validates the buffer from 0 to 100 % with help text, the rate with a note on GOOGLEFINANCE, and offers the models of the book', () => {
    const rule = (a1: string) => sheet.getRange(a1).getDataValidations()[0]?.[0];
    expect(rule(S.buffer)?.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(rule(S.buffer)?.getCriteriaValues()).toEqual([0, 1]);
    expect(rule(S.buffer)?.allowInvalid).toBe(false);
    expect(rule(S.buffer)?.helpText).toMatch(/0 % to 100 %/);
    expect(rule('H20')?.getCriteriaValues()).toEqual([0, 1]);
    expect(sheet.getRange(S.buffer).getValue()).toBe(0.2);
    expect(sheet.getRange(S.rate).getValue()).toBe(1);
    expect(sheet.getRange(S.rate).getNote()).toContain('=GOOGLEFINANCE("CURRENCY:USDEUR")');
    expect(rule('B35')?.getCriteriaType()).toBe('VALUE_IN_RANGE');
    const source = String(rule('B35')?.getCriteriaValues()[0]);
    expect(source).toBe('AE6:AE35');
    expect(view.block(6, 31, 3, 1)).toEqual([['Kling 2.6'], ['Kling 3.0'], ['']]);
  });
});

describe('the budget template with an edited price table', () => {
  let hf: HyperFormula;
  let view: SheetView;
  let sheet: FakeSheet;
  beforeAll(() => {
    const a = addon();
    a.run('editPrices');
    a.run('insertBudgetTemplate');
    sheet = a.spreadsheet.getSheetByName(BUDGET) as FakeSheet;
    hf = workbook(a.spreadsheet, a.context);
    view = new SheetView(hf, BUDGET);
  });

  it('passes the table to every call as whole columns, and has the same 8 custom-function cells', () => {
    const cells = customFunctionCells(sheet);
    expect(cells.length).toBeLessThanOrEqual(8);
    for (const a1 of cells) expect(sheet.getRange(a1).getFormulas()[0]?.[0]).toMatch(/,'Kling prices'!A:H\)$/);
    check(view, engineOf(hf, PRICES), EXAMPLES, EXAMPLE_STATUS);
  });

  it('a model added to the price table later appears in the dropdown and prices its rows', () => {
    putRows(hf, PRICES, lastRow(hf, PRICES) + 1, KLING_4_ROWS);
    const engine = engineOf(hf, PRICES);
    expect(view.block(6, 31, 4, 1)).toEqual([['Kling 2.6'], ['Kling 3.0'], ['Kling 4.0'], ['']]);
    const shots = {
      ...EXAMPLES,
      10: { model: 'Kling 4.0', mode: 'professional', secs: 20, audio: 'no', count: 3, testTakes: 1 },
      11: { model: '4', mode: 'standard', secs: 2, count: 1 },
      12: { model: 'kling 4.0', mode: 'pro', secs: 12, audio: 'yes', count: 2 },
      13: { model: 'Kling 4.0', mode: 'pro', secs: 12, audio: 'yes', count: 2, testTakes: 1 },
    };
    const status = {
      ...EXAMPLE_STATUS,
      10: 'ok',
      11: /^secs 2 is not a clip length Kling 4\.0 makes; use a whole number of seconds from 3 to 20/,
      12: 'ok',
      // Its standard test takes would be standard with audio, which Kling 4.0's rows do not price.
      13: /^test takes: .*Kling 4\.0/,
    };
    fill(view, shots, { images: 50 });
    check(view, engine, shots, status, { images: 50 });
    // Kling 4.0 has no API rows: no API figure, and the sheet says which rows.
    fill(view, shots);
    check(view, engine, shots, status);
    expect(view.get(S.apiYear)).toBe("n/a: rows 10, 12 (Kling's API does not make these clips)");
  });

  it('follows a price edit, and a broken cell of the table shows its row and column instead of figures', () => {
    const rows = hf.getSheetValues(hf.getSheetId(PRICES) as number);
    const row = rows.findIndex((r) => r[0] === 'Plan' && r[1] === 'Pro' && r[2] === 'monthly renewal') + 1;
    new SheetView(hf, PRICES).set(`D${row}`, 29.99);
    fill(view, EXAMPLES);
    check(view, engineOf(hf, PRICES), EXAMPLES, EXAMPLE_STATUS);
    expect(view.get(S.monthly)).toBe(29.99);
    new SheetView(hf, PRICES).set(`D${row}`, 'ask sales');
    expect(view.get(S.best)).toEqual({
      error: expect.stringMatching(new RegExp(`^prices row ${row}, column D \\(Value\\): "ask sales" is not a number`)),
    });
    expect(String(view.get('I6'))).toMatch(new RegExp(`^prices row ${row}, column D`));
    expect(view.get(S.attention)).toBe('4 rows need attention: 6, 7, 8, 9');
    new SheetView(hf, PRICES).set(`D${row}`, 32.56);
  });
});

describe('one price range for everyone: the formulas and the sidebar read the same table', () => {
  const PACK_9 = [
    ['Top-up pack', 'Pack 9', 'price', 1, 'USD, one-time', 'estimate', 'a promotion', '2026-11-20'],
    ['Top-up pack', 'Pack 9', 'credits', 5000, 'credits', 'estimate', 'a promotion', '2026-11-20'],
    ['Top-up pack', 'Pack 9', 'bonus credits', 0, 'credits', 'estimate', 'a promotion', '2026-11-20'],
  ];

  it('a pack added in rows beyond 200 changes the formulas and the sidebar alike', () => {
    const a = addon();
    a.run('editPrices');
    const prices = a.spreadsheet.getSheetByName(PRICES) as FakeSheet;
    prices.getRange(250, 1, 3, 8).setValues(PACK_9);
    a.run('insertBudgetTemplate');
    const hf = workbook(a.spreadsheet, a.context);
    const view = new SheetView(hf, BUDGET);
    const book = (a.run('sidebarInit') as { book: typeof DEFAULT_PRICE_BOOK }).book;
    const sidebar = new PricingEngine(book);
    expect(sidebar.book.packs).toHaveLength(DEFAULT_PRICE_BOOK.packs.length + 1);
    const summary = check(view, sidebar, EXAMPLES, EXAMPLE_STATUS);
    expect(summary.best.label).toBe('Standard + 5,000-credit pack');
    expect(view.get(S.best)).toBe(sidebar.bestBundle(2074, 'monthly', true).label);
  });

  it('a table with data below row 5,000 is refused with the same clear message everywhere', () => {
    const a = addon();
    a.run('editPrices');
    const prices = a.spreadsheet.getSheetByName(PRICES) as FakeSheet;
    prices.getRange(5001, 1, 1, 8).setValues([PACK_9[0] as (string | number)[]]);
    const message = 'row 5001 holds data, below the 5,000 rows a price table may use; move it up';
    expect(() => a.run('sidebarInit')).toThrow(`Kling Cost cannot read the prices: the sheet "Kling prices", ${message}`);
    a.run('insertBudgetTemplate');
    expect(a.spreadsheet.toasts.at(-1)).toBe(`The budget uses your edited prices, but the sheet "Kling prices", ${message}.`);
    const hf = workbook(a.spreadsheet, a.context);
    const view = new SheetView(hf, BUDGET);
    expect(view.get(S.best)).toEqual({ error: `prices ${message}` });
    expect(view.get('I6')).toBe(`prices ${message}`);
    a.run('insertPriceTable');
    expect(a.fakes.ui.at(-1)).toMatchObject({ kind: 'alert', detail: `Fix the sheet "Kling prices", ${message}.` });
  });
});
