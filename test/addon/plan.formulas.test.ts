/**
 * The 12-month plan as "Insert 12-month plan" writes it (with the usage log it reads), every formula
 * evaluated by HyperFormula with our functions from dist/Code.js. The key figures of the example
 * rows are pinned to literal numbers worked out by hand from the price book (the credits each month
 * needs with retakes, the three billings' 12-month totals, every channel and the cheapest, the low,
 * typical and high cases and the range line), so a bug shared by the sheet and the functions cannot
 * pass; every other figure is compared with the functions called directly (KLING_CHANNELS of the
 * same rows, KLING_SCHEDULE of the same months) and with the pricing engine. Rows are edited as a
 * user would: half rows, invalid rows, typos in month cells, a row's own retake rate, test takes,
 * images, a top-up balance, a Kling 4.0 row (resellers only), a contingency, cases out of order,
 * the usage log against the budget, an edited price table, and the lock flow in a live workbook.
 */
import type { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACTUALS_ROW,
  CASES_ROW,
  CASH_ROW,
  CHANGES_ROW,
  CHANNEL_TABLE_ROWS,
  CHANNELS_ROW,
  FIRST_PLAN_ROW,
  HIDDEN_TABLE_COLS,
  IMAGES_ROW,
  INPUT,
  LOCKED_ROW,
  MONTHS,
  NEED_ROW,
  PLAN_COLUMNS,
  PLAN_HEADER_ROW,
  PLAN_ROWS,
  SCHEDULE_COLS,
  SCHEDULE_ROW,
  VERDICT_ROW,
  YEAR_ROW,
} from '../../src/addon/planLayout';
import { ACTUALS_ROWS } from '../../src/addon/usageLogLayout';
import {
  bookToRows,
  type ChannelWork,
  casesOutOfOrder,
  compareChannels,
  DEFAULT_PRICE_BOOK,
  isoDay,
  PricingEngine,
  planPricesAsOf,
  priceAgeText,
  rangeLine,
  readClipCells,
  retakeRate,
  testTakeOf,
} from '../../src/pricing';
import { a1Of, type FakeSheet } from '../fakes/appsScript';
import { KLING_FUNCTIONS, KLING_SIZES, registerKlingFunctions } from '../support/hyperformula';
import { LiveWorkbook } from '../support/liveWorkbook';
import {
  addMonths,
  addon,
  appCreditRows,
  close,
  customFunctionCells,
  daysAgo,
  engineOf,
  expectCells,
  KLING_4_ROWS,
  klingCaller,
  LOG,
  lastRow,
  localDay,
  monthText,
  PLAN,
  PRICES,
  putRows,
  SheetView,
  serial,
  workbook,
} from './sheets';
import { boundedLogRanges, checkLog } from './usageLogCheck';

const C = PLAN_COLUMNS;
const FIRST = FIRST_PLAN_ROW;
const MONTH_COL = 8;
const STATUS = C.status;
const COMPARE_COL = 10;
const DECIDE_ROW = ACTUALS_ROW + ACTUALS_ROWS + 1;
const SCHEDULE_ROWS = MONTHS + 2;
const OK = 'ok';
const NO_APP = 'no app credits: API/resellers only';
/** The order of the billings in the year block and the schedules. */
const BILLINGS = [
  ['monthly', 'Monthly renewals'],
  ['intro', 'First month + renewals'],
  ['annual', 'Annual billing'],
] as const;
const plain = (a1: string) => a1.replace(/\$/g, '');
const INPUT_CELL = Object.fromEntries(Object.entries(INPUT).map(([k, a1]) => [k, plain(a1)])) as Record<keyof typeof INPUT, string>;

type Kling = (name: string, ...args: unknown[]) => unknown;

/** A shot row as a user fills it: scene, model, mode, secs, audio, test takes, retake rate, then videos in each of the 12 months. */
interface PlanShot {
  readonly scene?: string;
  readonly model?: string | number;
  readonly mode?: string;
  readonly secs?: number | string;
  readonly audio?: string;
  readonly testTakes?: number | string;
  readonly retakeRate?: number | string;
  readonly months?: readonly (number | string | null)[];
}

interface PlanInputs {
  readonly start?: number;
  readonly retakeRate?: number;
  readonly balance?: number;
  readonly perImage?: number;
  readonly contingency?: number;
  readonly lowRate?: number;
  readonly highRate?: number;
  readonly lowCpi?: number;
  readonly highCpi?: number;
  readonly rate?: number;
  readonly tax?: number;
  readonly images?: readonly number[];
}

const DEFAULTS = {
  retakeRate: 0.2,
  balance: 0,
  perImage: 0.2,
  contingency: 0,
  lowRate: 0.1,
  highRate: 0.35,
  lowCpi: 0.2,
  highCpi: 1,
  rate: 1,
  tax: 0,
} as const;

/** The example rows the plan is inserted with, by sheet row. */
const EXAMPLES: Readonly<Record<number, PlanShot>> = {
  [FIRST]: {
    scene: 'Launch film',
    model: 'Kling 2.6',
    mode: 'professional',
    secs: 10,
    audio: 'no',
    testTakes: 2,
    months: [6, 6, 2, 2, 2, 2, 2, 2, 2, 2, 8, 8],
  },
  [FIRST + 1]: { scene: 'Product shots', model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'no', months: new Array(12).fill(30) },
  [FIRST + 2]: {
    scene: 'Social cut-downs',
    model: 'Kling 3.0',
    mode: 'standard',
    secs: 8,
    audio: 'no',
    months: [10, 10, 10, 10, 20, 20, 20, 20, 10, 10, 40, 40],
  },
};
const EXAMPLE_STATUS = { [FIRST]: OK, [FIRST + 1]: OK, [FIRST + 2]: OK } as const;

/** Replaces the whole shot list, the images row and the inputs (the first month only when given). */
function fill(view: SheetView, shots: Readonly<Record<number, PlanShot>>, inputs: PlanInputs = {}): void {
  const cells: Record<string, unknown> = {};
  for (let r = FIRST; r < FIRST + PLAN_ROWS; r++) {
    const s = shots[r] ?? {};
    const values = [s.scene, s.model, s.mode, s.secs, s.audio, s.testTakes, s.retakeRate, ...(s.months ?? [])];
    for (let c = 0; c < 7 + MONTHS; c++) cells[a1Of(r, c + 1)] = values[c] ?? null;
  }
  for (let m = 0; m < MONTHS; m++) cells[a1Of(IMAGES_ROW, MONTH_COL + m)] = inputs.images?.[m] ?? 0;
  const all = { ...DEFAULTS, ...inputs };
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) cells[INPUT_CELL[key]] = all[key];
  if (inputs.start !== undefined) cells[INPUT_CELL.start] = inputs.start;
  view.setAll(cells);
}

/** "n/a: row 3 (Kling 4.0 professional 10 s with audio) has no app credits in the price book". */
const noAppCredits = (k: number, clip: string) => `n/a: row ${k} (${clip}) has no app credits in the price book`;

interface Expected {
  /** Each month's credits with retakes (the engine's), or the app's reason. */
  readonly needs: readonly number[] | string;
  readonly typical: unknown[][];
  readonly years: readonly (number | string)[];
  readonly schedules: readonly unknown[][][];
}

/**
 * Checks the whole plan against the functions called directly and the pricing engine, for the shot
 * list `shots` whose started rows have the statuses `status` (a row left out of `status` must be blank).
 */
function check(
  view: SheetView,
  kling: Kling,
  engine: PricingEngine,
  shots: Readonly<Record<number, PlanShot>>,
  status: Readonly<Record<number, string | RegExp>>,
  inputs: PlanInputs = {},
): Expected {
  const i = { ...DEFAULTS, ...inputs };
  const images = inputs.images ?? new Array<number>(MONTHS).fill(0);
  const rows = Array.from({ length: PLAN_ROWS }, (_, k) => FIRST + k);
  const passes = (r: number) => status[r] === OK || status[r] === NO_APP;
  const shot = (r: number) => shots[r] ?? {};
  const videosOf = (r: number) => Array.from({ length: MONTHS }, (_, m) => shot(r).months?.[m] ?? 0);
  const ownRate = (r: number) => {
    const own = shot(r).retakeRate;
    return own === undefined || own === '' ? i.retakeRate : Number(own);
  };
  const testTakes = (r: number) => Number(shot(r).testTakes ?? 0);

  // Status, and each row's credits per video (with test takes) and with its retake rate.
  for (const r of rows) {
    const want = status[r];
    const got = view.text(a1Of(r, STATUS));
    if (want === undefined) {
      expect(shots[r], `row ${r} is filled: give its status`).toBeUndefined();
      expect(got, `status of row ${r}`).toBe('');
    } else if (typeof want === 'string') expect(got, `status of row ${r}`).toBe(want);
    else expect(String(got), `status of row ${r}`).toMatch(want);
    if (want === OK) {
      const s = shot(r);
      const clip = readClipCells(engine, { model: s.model ?? '', mode: s.mode, secs: s.secs, audio: s.audio ?? '' });
      const perVideo = engine.clipCredits(clip) + testTakes(r) * (testTakes(r) > 0 ? engine.clipCredits(testTakeOf(clip)) : 0);
      close(view.get(a1Of(r, C.perVideo)), perVideo, `credits per video, row ${r}`);
      close(view.get(a1Of(r, C.withRetakes)), perVideo / (1 - ownRate(r)), `with retakes, row ${r}`);
    } else {
      expect(view.text(a1Of(r, C.perVideo)), `row ${r}`).toBe('');
      expect(view.text(a1Of(r, C.withRetakes)), `row ${r}`).toBe('');
    }
  }
  const flagged = rows.filter((r) => status[r] !== undefined && !passes(r));
  expect(view.get(`B${NEED_ROW + 1}`)).toBe(
    flagged.length === 0 ? 'none' : `${flagged.length} row${flagged.length === 1 ? ' needs' : 's need'} attention: ${flagged.join(', ')}`,
  );

  // KLING_CHANNELS called directly with the rows that pass (the others blank, videos included).
  const column = (f: (r: number) => unknown) => rows.map((r) => [passes(r) ? f(r) : '']);
  const channelArgs = (rate: unknown) => [
    column((r) => shot(r).model ?? ''),
    column((r) => shot(r).mode ?? ''),
    column((r) => shot(r).secs ?? ''),
    column((r) => shot(r).audio ?? ''),
    rows.map((r) => videosOf(r).map((v) => (passes(r) && typeof v === 'number' ? v : 0))),
    'cheapest',
    rate,
    column(testTakes),
    [images],
  ];
  const typicalArgs = [...channelArgs(column(ownRate)), i.perImage, i.retakeRate, i.balance];
  const typical = kling('KLING_CHANNELS', ...typicalArgs) as unknown[][];
  const low = kling('KLING_CHANNELS', ...channelArgs(i.lowRate), i.lowCpi, i.lowRate, i.balance) as unknown[][];
  const high = kling('KLING_CHANNELS', ...channelArgs(i.highRate), i.highCpi, i.highRate, i.balance) as unknown[][];
  const byMonth = kling('KLING_CHANNELS', ...typicalArgs, 'months') as unknown[][];
  expectCells(view.block(CHANNELS_ROW, 1, CHANNEL_TABLE_ROWS, 5), typical, 'every channel, typical case');
  expectCells(view.block(FIRST, HIDDEN_TABLE_COLS.low, CHANNEL_TABLE_ROWS, 5), low, 'low case');
  expectCells(view.block(FIRST, HIDDEN_TABLE_COLS.high, CHANNEL_TABLE_ROWS, 5), high, 'high case');
  expectCells(view.block(FIRST, HIDDEN_TABLE_COLS.months, MONTHS + 1, CHANNEL_TABLE_ROWS), byMonth, 'spend by month');

  // Each month's credits from the engine: the app's needs over the same work (or its reason).
  const work = (rate: number | null, cpi: number, imageRate: number): ChannelWork => ({
    shots: rows.filter(passes).map((r) => {
      const s = shot(r);
      return {
        row: r - FIRST + 1,
        clip: readClipCells(engine, { model: s.model ?? '', mode: s.mode, secs: s.secs, audio: s.audio ?? '' }),
        testTakes: testTakes(r),
        retakeRate: rate ?? ownRate(r),
        videos: videosOf(r).map(Number),
      };
    }),
    months: MONTHS,
    images,
    creditsPerImage: cpi,
    imageRetakeRate: imageRate,
    billing: 'cheapest',
    topupBalance: i.balance,
  });
  const needsOf = (w: ChannelWork) => {
    const app = compareChannels(engine, w).channels[0];
    return app?.app ? app.app.needs : (app?.reason as string);
  };
  const needs = needsOf(work(null, i.perImage, i.retakeRate));
  const appReason = typical[1]?.[4] as string;
  const hasApp = typeof needs !== 'string';
  if (!hasApp) expect(needs).toBe(appReason);
  expect(view.block(NEED_ROW, MONTH_COL, 1, MONTHS)[0]).toEqual(hasApp ? needs : new Array(MONTHS).fill(appReason));

  // The three schedules: KLING_SCHEDULE of the same months, or blank with their titles saying why.
  const schedules = BILLINGS.map(([billing, label], b) => {
    const col = SCHEDULE_COLS[b] as number;
    const got = view.block(SCHEDULE_ROW, col, SCHEDULE_ROWS, 10);
    if (!hasApp) {
      expect(view.get(a1Of(SCHEDULE_ROW - 1, col))).toBe(`${label}: ${appReason}`);
      expect(
        got.flat().every((v) => v === ''),
        `${billing} schedule is blank`,
      ).toBe(true);
      return [];
    }
    expect(view.get(a1Of(SCHEDULE_ROW - 1, col))).toBe(`${label}: the cheapest schedule in the app`);
    const want = kling('KLING_SCHEDULE', [needs], billing, i.balance) as unknown[][];
    expectCells(got, want, `${billing} schedule`);
    return want;
  });
  const years = schedules.map((s) => (hasApp ? (s[SCHEDULE_ROWS - 1]?.[8] as number) : appReason));
  const videos = rows.filter(passes).reduce((sum, r) => sum + videosOf(r).reduce<number>((a, v) => a + Number(v), 0), 0);
  BILLINGS.forEach(([billing], b) => {
    const row = view.block(YEAR_ROW + 2 + b, 1, 1, 6)[0] as unknown[];
    const year = years[b] as number | string;
    if (typeof year === 'string') {
      expect(row, `${billing} year`).toEqual([BILLINGS[b]?.[1], year, 'n/a', '', 'n/a', '']);
      return;
    }
    close(row[1], year, `${billing} year`);
    close(row[2], year / 12, `${billing} average month`);
    if (videos > 0) close(row[3], year / videos, `${billing} per video`);
    else expect(row[3]).toBe('');
    close(row[4], year * i.rate * (1 + i.tax), `${billing} in your currency`);
    expect(row[5], `${billing} cheapest`).toBe(year === Math.min(...(years as number[])) ? 'cheapest' : '');
  });

  // The cash flow: each billing's schedule month by month, the API and the cheapest reseller from the months detail.
  const resellers = typical.slice(3).filter((r) => r[0] !== 'Cheapest' && typeof r[1] === 'number');
  const cheapestReseller = resellers.reduce<unknown[] | null>(
    (best, r) => (!best || (r[1] as number) < (best[1] as number) ? r : best),
    null,
  );
  expect(view.text(a1Of(CASH_ROW - 1, 7))).toBe(cheapestReseller ? cheapestReseller[0] : '');
  const resellerCol = cheapestReseller ? (byMonth[0] as unknown[]).indexOf(cheapestReseller[0]) : -1;
  const cash = view.block(CASH_ROW, 1, MONTHS + 1, 6);
  expect(cash[0]).toEqual([
    'Month',
    'App, monthly renewals',
    'App, first month + renewals',
    'App, annual billing',
    'Kling API (estimate)',
    'Cheapest reseller (estimate)',
  ]);
  const headers = view.block(PLAN_HEADER_ROW, MONTH_COL, 1, MONTHS)[0] as unknown[];
  const asNumber = (v: unknown) => (typeof v === 'number' ? v : '');
  cash.slice(1).forEach((r, m) => {
    const want = [
      headers[m],
      ...schedules.map((s) => (hasApp ? (s[m + 1]?.[8] as number) : '')),
      asNumber(byMonth[m + 1]?.[2]),
      resellerCol > 0 ? asNumber(byMonth[m + 1]?.[resellerCol]) : '',
    ];
    expectCells([r], [want], `cash flow, month ${m + 1}`);
  });

  // The verdict, the cases and the range line.
  const cheapestRow = (t: unknown[][]) => t.find((r) => r[0] === 'Cheapest') as unknown[];
  const after = (t: unknown[][]) => {
    const total = cheapestRow(t)[1];
    return typeof total === 'number' ? total * (1 + i.contingency) : 'n/a';
  };
  const verdict = view.block(VERDICT_ROW, 1, 6, 2);
  expect(verdict[0]).toEqual(['Cheapest channel over the 12 months', cheapestRow(typical)[4]]);
  expectCells([verdict[1] as unknown[]], [['Its total (USD)', cheapestRow(typical)[1]]], 'its total');
  const total = cheapestRow(typical)[1];
  expectCells(
    [verdict[2] as unknown[]],
    [[`Contingency ${Math.round(i.contingency * 10_000) / 100} % (USD)`, typeof total === 'number' ? total * i.contingency : 'n/a']],
    'contingency',
  );
  expectCells([verdict[3] as unknown[]], [['Total after contingency (USD)', after(typical)]], 'after contingency');
  const tables = [low, typical, high];
  const caseInputs = [
    { retakeRate: i.lowRate, creditsPerImage: i.lowCpi },
    { retakeRate: i.retakeRate, creditsPerImage: i.perImage },
    { retakeRate: i.highRate, creditsPerImage: i.highCpi },
  ] as const;
  const disorder = casesOutOfOrder(caseInputs[0], caseInputs[1], caseInputs[2]);
  const missing = tables.find((t) => typeof after(t) !== 'number');
  const line =
    disorder ??
    (missing ? `No range: ${cheapestRow(missing)[4]}` : rangeLine(after(low) as number, after(high) as number, after(typical) as number));
  expect(verdict[4]).toEqual(['Low / typical / high', line]);
  const withoutFigure = typical.slice(1).filter((r) => r[1] === 'n/a' && r[0] !== 'Cheapest');
  expect(verdict[5]).toEqual([
    'Channels without a figure',
    withoutFigure.length === 0 ? '' : `Not compared: ${withoutFigure.map((r) => `${r[0]} (${String(r[4]).slice(5)})`).join('; ')}`,
  ]);
  const caseNeeds = [needsOf(work(i.lowRate, i.lowCpi, i.lowRate)), needs, needsOf(work(i.highRate, i.highCpi, i.highRate))];
  const cases = view.block(CASES_ROW + 1, 1, 3, 9);
  ['Low', 'Typical (the sheet)', 'High'].forEach((label, k) => {
    const t = tables[k] as unknown[][];
    const n = caseNeeds[k] as readonly number[] | string;
    const best = cheapestRow(t);
    const want = [
      label,
      caseInputs[k]?.retakeRate,
      caseInputs[k]?.creditsPerImage,
      typeof n === 'string' ? appReason : n.reduce((a, b) => a + b, 0),
      t[1]?.[1],
      best[4],
      best[1],
      typeof best[1] === 'number' ? best[1] * i.contingency : 'n/a',
      after(t),
    ];
    expectCells([cases[k] as unknown[]], [want], `${label} case`);
  });
  return { needs, typical, years, schedules };
}

const ENGINE = new PricingEngine(DEFAULT_PRICE_BOOK);
const today = new Date();
const dateIn = (offset: number, day: number) => {
  const d = addMonths(today, offset);
  return serial(d.getFullYear(), d.getMonth() + 1, day);
};

describe('the 12-month plan, inserted without a usage log, with the default prices', () => {
  let hf: HyperFormula;
  let view: SheetView;
  let plan: FakeSheet;
  let log: FakeSheet;
  let kling: Kling;
  beforeAll(() => {
    const a = addon();
    a.run('insertTwelveMonthPlan');
    plan = a.spreadsheet.getSheetByName(PLAN) as FakeSheet;
    log = a.spreadsheet.getSheetByName(LOG) as FakeSheet;
    hf = workbook(a.spreadsheet, a.context);
    view = new SheetView(hf, PLAN);
    kling = klingCaller(a.context);
  });

  it('has 14 custom-function cells (at most 16) whatever the number of rows: one range call per column, one KLING_CHANNELS per case', () => {
    const cells = customFunctionCells(plan);
    expect(cells.length).toBe(14);
    expect(cells.length).toBeLessThanOrEqual(16);
    const calls = cells.map((a1) => /^=(KLING_[A-Z_]+)\(/.exec(plan.getRange(a1).getFormulas()[0]?.[0] ?? '')?.[1]).sort();
    expect(calls).toEqual([
      'KLING_ACTUALS',
      'KLING_BEST_PLAN',
      // The typical case, its months detail, the low and high cases, the live work at the locked prices.
      'KLING_CHANNELS',
      'KLING_CHANNELS',
      'KLING_CHANNELS',
      'KLING_CHANNELS',
      'KLING_CHANNELS',
      'KLING_CREDITS',
      'KLING_CREDITS',
      'KLING_MONTHLY_COST',
      'KLING_PRICE_CHANGES',
      'KLING_SCHEDULE',
      'KLING_SCHEDULE',
      'KLING_SCHEDULE',
    ]);
    // None in the 30 shot rows but the two range calls of their first row.
    const inRows = cells.filter((a1) => {
      const row = Number(/\d+$/.exec(a1)?.[0]);
      return row > FIRST && row < FIRST + PLAN_ROWS;
    });
    expect(inRows).toEqual([]);
    // The empty log it made for the actuals has its own four, and no example rows.
    expect(customFunctionCells(log)).toHaveLength(4);
    expect(log.getRange('A2').getValue()).toBe('');
  });

  it('month headers are formulas from the first month, next month by default', () => {
    expect(plan.getRange(a1Of(PLAN_HEADER_ROW, MONTH_COL)).getFormulas()[0]?.[0]).toBe(`=TEXT(EDATE(${INPUT.start},0),"yyyy-mm")`);
    expect(view.block(PLAN_HEADER_ROW, MONTH_COL, 1, MONTHS)[0]).toEqual(
      Array.from({ length: MONTHS }, (_, m) => monthText(addMonths(today, m + 1))),
    );
  });

  it('the example rows: literal figures worked out by hand from the price book', () => {
    fill(view, EXAMPLES);
    // Per video: 70 + 2 test takes x 20 = 110 credits; 10; 8 s x 6 = 48. With retakes at 20 %: / 0.8.
    expect(view.block(FIRST, STATUS, 3, 3)).toEqual([
      ['ok', 110, 137.5],
      ['ok', 10, 12.5],
      ['ok', 48, 60],
    ]);
    // Month 1: 6 x 110 + 30 x 10 + 10 x 48 = 1,440 credits, / 0.8 = 1,800 (not 1,440 x 1.2 = 1,728); month 11: 3,100 / 0.8.
    expect(view.block(NEED_ROW, MONTH_COL, 1, MONTHS)[0]).toEqual([1800, 1800, 1250, 1250, 1850, 1850, 1850, 1850, 1250, 1250, 3875, 3875]);
    expect(view.get(`B${NEED_ROW + 1}`)).toBe('none');
    // Standard every month falls 15,830 credits short over the year: one 16,000-credit pack ($200) in month 1.
    // Monthly: 12 x $8.80 + $200; first month + renewals: $6.99 + 11 x $8.80 + $200; annual: $79.20 + $200.
    const year = view.block(YEAR_ROW + 2, 1, 3, 6);
    expect(year.map((r) => [r[0], r[1], r[5]])).toEqual([
      ['Monthly renewals', 305.6, ''],
      ['First month + renewals', 303.79, ''],
      ['Annual billing', 279.2, 'cheapest'],
    ]);
    close(year[2]?.[2], 279.2 / 12, 'average month');
    // 44 + 360 + 220 videos over the year.
    close(year[2]?.[3], 279.2 / 624, 'cost per video');
    expect(view.block(SCHEDULE_ROW + 1, SCHEDULE_COLS[2] as number, 1, 10)[0]).toEqual([
      1,
      1800,
      'Standard',
      660,
      '16,000-credit pack',
      16000,
      1140,
      14860,
      279.2,
      279.2,
    ]);

    // Every channel over the months. Kling's API: (0.70 + 2 x 0.42) x 20 + 0.21 x 180 + 0.672 x 80 = $122.36 of list
    // prices in months 1-6, / 0.8 = $152.95 = 1,092.5 units; months 7-12: $211.05: one 5,000-unit pack ($700) each.
    // No reseller sells Kling 2.6.
    const notSold = 'n/a: row 1 (Kling 2.6 professional 10 s) is not sold there';
    expectCells(
      view.block(CHANNELS_ROW, 1, 8, 5),
      [
        ['Channel', 'Total (USD)', 'Average month (USD)', 'Cost per delivered video (USD)', 'Bought as'],
        ['Kling app (annual) (estimate)', 279.2, 279.2 / 12, 279.2 / 624, '12 x Standard + 16,000-credit pack'],
        ['Kling API (prepaid packs) (estimate)', 1400, 1400 / 12, 1400 / 624, '2 x 5,000-unit pack'],
        ['fal (pay as you go) (estimate)', 'n/a', 'n/a', 'n/a', notSold],
        ['Replicate (pay as you go) (estimate)', 'n/a', 'n/a', 'n/a', notSold],
        ['PiAPI (pay as you go) (estimate)', 'n/a', 'n/a', 'n/a', notSold],
        ['Cheapest', 279.2, '', '', 'Kling app (annual) (estimate)'],
        ['', '', '', '', ''],
      ],
      'channels',
    );
    expect(view.get(`B${VERDICT_ROW}`)).toBe('Kling app (annual) (estimate)');
    expect(view.get(`B${VERDICT_ROW + 3}`)).toBe(279.2);

    // Low, 10 %: 1,600, 1,600, 1,112 (1,000 / 0.9 rounded up), 1,112, 4 x 1,645, 2 x 1,112, 2 x 3,445 = 21,118 credits;
    // annual Standard and 13,198 credits short: 7,500 + 3,500 + 1,320 + 660 + 330 credits of packs ($185).
    // High, 35 %: 2,216 x 2 + 1,539 x 4 + 2,277 x 4 + 4,770 x 2 = 29,236; annual Pro, 3,540 short: 3,500 + 330 ($55).
    expect(view.block(CASES_ROW + 1, 1, 3, 9)).toEqual([
      ['Low', 0.1, 0.2, 21118, 264.2, 'Kling app (annual) (estimate)', 264.2, 0, 264.2],
      ['Typical (the sheet)', 0.2, 0.2, 23750, 279.2, 'Kling app (annual) (estimate)', 279.2, 0, 279.2],
      ['High', 0.35, 1, 29236, 348.04, 'Kling app (annual) (estimate)', 348.04, 0, 348.04],
    ]);
    expect(view.get(`B${VERDICT_ROW + 4}`)).toBe('Between $264.20 and $348.04, most likely $279.20');

    // The cash flow: month 1 pays the pack (and the whole year on annual billing) and the first API pack; month 7 the second.
    const cash = view.block(CASH_ROW + 1, 1, MONTHS, 6);
    expect(cash[0]?.slice(1)).toEqual([208.8, 206.99, 279.2, 700, '']);
    expect(cash[1]?.slice(1)).toEqual([8.8, 8.8, 0, 0, '']);
    expect(cash[6]?.slice(1)).toEqual([8.8, 8.8, 0, 700, '']);
    // Unlocked: the locked block and the price changes are blank.
    expect(view.block(LOCKED_ROW + 1, 2, 5, 1).flat()).toEqual(['', '', '', '', '']);
    expect(
      view
        .block(CHANGES_ROW, 1, 2, 5)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);

    const want = check(view, kling, ENGINE, EXAMPLES, EXAMPLE_STATUS);
    expect(want.years).toEqual([305.6, 303.79, 279.2]);
  });

  it('a contingency is its own money line, on every case, before and after', () => {
    fill(view, EXAMPLES, { contingency: 0.1 });
    expect(view.block(VERDICT_ROW + 2, 1, 2, 2)).toEqual([
      ['Contingency 10 % (USD)', 27.92],
      ['Total after contingency (USD)', 307.12],
    ]);
    const cases = view.block(CASES_ROW + 1, 7, 3, 3);
    expectCells(
      cases,
      [
        [264.2, 26.42, 290.62],
        [279.2, 27.92, 307.12],
        [348.04, 34.804, 382.844],
      ],
      'cases with contingency',
    );
    expect(view.get(`B${VERDICT_ROW + 4}`)).toBe('Between $290.62 and $382.84, most likely $307.12');
    // The credits are never inflated by it.
    expect(view.block(CASES_ROW + 1, 4, 3, 1).flat()).toEqual([21118, 23750, 29236]);
    check(view, kling, ENGINE, EXAMPLES, EXAMPLE_STATUS, { contingency: 0.1 });
  });

  it('cases out of order show the message and no range (equal values allowed)', () => {
    fill(view, EXAMPLES, { lowRate: 0.25 });
    expect(view.get(`B${VERDICT_ROW + 4}`)).toBe('Cases out of order: low <= typical <= high is required for the retake rate');
    fill(view, EXAMPLES, { highRate: 0.15 });
    expect(view.get(`B${VERDICT_ROW + 4}`)).toBe('Cases out of order: low <= typical <= high is required for the retake rate');
    fill(view, EXAMPLES, { highCpi: 0.1 });
    expect(view.get(`B${VERDICT_ROW + 4}`)).toBe('Cases out of order: low <= typical <= high is required for credits per image');
    const equal = { lowRate: 0.2, highRate: 0.2, lowCpi: 0.2, highCpi: 0.2 };
    fill(view, EXAMPLES, equal);
    expect(view.get(`B${VERDICT_ROW + 4}`)).toBe('Between $279.20 and $279.20, most likely $279.20');
    check(view, kling, ENGINE, EXAMPLES, EXAMPLE_STATUS, equal);
  });

  it('half rows, invalid rows and typos in the month cells are left out and named; the figures are the rest', () => {
    const shots: Record<number, PlanShot> = {
      ...EXAMPLES,
      [FIRST + 3]: { scene: 'Half', mode: 'standard', months: [1, 1] },
      [FIRST + 4]: { model: '2.6', mode: 'pro', secs: 8, months: [2] },
      [FIRST + 5]: { mode: 'standard', secs: 5, months: [1, 'two', 3] },
      [FIRST + 6]: { mode: 'standard', secs: 5, months: [1, -1] },
      [FIRST + 7]: { mode: 'standard', secs: 5, months: [null, null, null, null, null, null, null, null, null, null, null, 1.5] },
      [FIRST + 8]: { mode: 'standard', secs: 5, retakeRate: 1, months: [1] },
      [FIRST + 9]: { mode: 'standard', secs: 5, testTakes: 0.5, months: [1] },
      [FIRST + 10]: { model: 'Kling 9', mode: 'standard', secs: 5, months: [1] },
      [FIRST + 11]: { scene: 'Only a scene' },
    };
    fill(view, shots);
    const videos = 'videos per month: use whole numbers, 0 or more, in the month columns';
    check(view, kling, ENGINE, shots, {
      ...EXAMPLE_STATUS,
      [FIRST + 3]: 'needs seconds',
      [FIRST + 4]: /^secs 8 is not a clip length Kling 2\.6 makes/,
      [FIRST + 5]: videos,
      [FIRST + 6]: videos,
      [FIRST + 7]: videos,
      [FIRST + 8]: "retake rate: use 0 % up to but not 100 % (blank: the sheet's)",
      [FIRST + 9]: 'test takes per video: use a whole number, 0 or more (blank: none)',
      [FIRST + 10]: /^model "Kling 9" is not a model of the price book in force/,
      [FIRST + 11]: 'needs mode, seconds',
    });
    const left = Array.from({ length: 9 }, (_, k) => FIRST + 3 + k);
    expect(view.get(`B${NEED_ROW + 1}`)).toBe(`9 rows need attention: ${left.join(', ')}`);
    // The figures are the example rows' alone: their videos are never added.
    expect(view.block(NEED_ROW, MONTH_COL, 1, MONTHS)[0]).toEqual([1800, 1800, 1250, 1250, 1850, 1850, 1850, 1850, 1250, 1250, 3875, 3875]);
    expect(view.get(`B${VERDICT_ROW + 1}`)).toBe(279.2);
  });

  it("a row's own retake rate, test takes, images, a top-up balance, a currency rate and tax", () => {
    const shots: Record<number, PlanShot> = {
      [FIRST]: {
        scene: 'Hero',
        model: 'Kling 2.6',
        mode: 'professional',
        secs: 10,
        audio: 'no',
        testTakes: 1,
        retakeRate: 0.5,
        months: [5],
      },
      [FIRST + 1]: { scene: 'B-roll', model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'no', months: new Array(12).fill(10) },
    };
    const images = [100, ...new Array(11).fill(0)];
    const inputs = { images, balance: 1000, rate: 0.92, tax: 0.2 };
    fill(view, shots, inputs);
    // Month 1: (70 + 20) x 5 / (1 - 50 %) = 900, 10 x 10 / 0.8 = 125, 100 images x 0.2 / 0.8 = 25: 1,050. Then 125 a month.
    expect(view.block(NEED_ROW, MONTH_COL, 1, MONTHS)[0]).toEqual([1050, ...new Array(11).fill(125)]);
    expect(view.block(FIRST, STATUS, 1, 3)[0]).toEqual(['ok', 90, 180]);
    // The 1,000 top-up credits held cover month 1's 390 above Standard: no pack. Without them, a 660-credit pack.
    const year = view.block(YEAR_ROW + 2, 1, 3, 6);
    expectCells(
      year.map((r) => [r[1], r[4], r[5]]),
      [
        [105.6, 105.6 * 0.92 * 1.2, ''],
        [103.79, 103.79 * 0.92 * 1.2, ''],
        [79.2, 79.2 * 0.92 * 1.2, 'cheapest'],
      ],
      'year with a balance',
    );
    expect(view.block(SCHEDULE_ROW + 1, 1, 1, 10)[0]).toEqual([1, 1050, 'Standard', 660, '', 0, 390, 610, 8.8, 8.8]);
    // Kling's API prices the images ($0.028 each): months 1-6 $11.20 + 6 x $2.625 + $3.50, one 5,000-unit pack a window.
    expect(view.block(CHANNELS_ROW + 1, 1, 2, 2)).toEqual([
      ['Kling app (annual) (estimate)', 79.2],
      ['Kling API (prepaid packs) (estimate)', 1400],
    ]);
    // The low and high cases use their rate for every row (the 50 % applies in the typical case only):
    // low (550 / 0.9 + 20 / 0.9 = 634) + 11 x 112 = 1,866; high (550 + 100 x 1) / 0.65 = 1,000, + 11 x 154 = 2,694.
    expect(view.block(CASES_ROW + 1, 1, 3, 7)).toEqual([
      ['Low', 0.1, 0.2, 1866, 79.2, 'Kling app (annual) (estimate)', 79.2],
      ['Typical (the sheet)', 0.2, 0.2, 2425, 79.2, 'Kling app (annual) (estimate)', 79.2],
      ['High', 0.35, 1, 2694, 79.2, 'Kling app (annual) (estimate)', 79.2],
    ]);
    check(view, kling, ENGINE, shots, { [FIRST]: OK, [FIRST + 1]: OK }, inputs);

    fill(view, shots, { ...inputs, balance: 0 });
    expect(view.get(`B${YEAR_ROW + 2}`)).toBe(115.6);
    check(view, kling, ENGINE, shots, { [FIRST]: OK, [FIRST + 1]: OK }, { ...inputs, balance: 0 });

    // A voice-control row with its own rate of 0 and test takes, beside the examples.
    const more: Record<number, PlanShot> = {
      ...EXAMPLES,
      [FIRST + 5]: {
        scene: 'Voice',
        model: '3.0',
        mode: 'professional',
        secs: 12,
        audio: 'voice',
        testTakes: 3,
        retakeRate: 0,
        months: [0, 0, 0, 5, 5],
      },
    };
    const moreInputs = { images: [100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2000], balance: 1234, rate: 0.92, tax: 0.2, retakeRate: 0.3 };
    fill(view, more, moreInputs);
    // 12 x 14 + 3 x 12 x 11 = 564 credits a video, at 0 %.
    expect(view.block(FIRST + 5, STATUS, 1, 3)[0]).toEqual(['ok', 564, 564]);
    check(view, kling, ENGINE, more, { ...EXAMPLE_STATUS, [FIRST + 5]: OK }, moreInputs);
  });

  it('a Kling 4.0 row (resellers only): every app figure n/a naming the row, the schedules blank saying why, the channels computed, fal cheapest', () => {
    const shots: Record<number, PlanShot> = {
      [FIRST + 2]: { scene: 'Hero', model: 'Kling 4.0', mode: 'professional', secs: 10, audio: 'yes', months: new Array(12).fill(10) },
    };
    fill(view, shots);
    // Its position in the shot list: the third row.
    const na = noAppCredits(3, 'Kling 4.0 professional 10 s with audio');
    expect(view.block(FIRST + 2, STATUS, 1, 3)[0]).toEqual([NO_APP, '', '']);
    expect(view.get(`B${NEED_ROW + 1}`)).toBe('none');
    expect(view.block(NEED_ROW, MONTH_COL, 1, MONTHS)[0]).toEqual(new Array(MONTHS).fill(na));
    expect(view.block(YEAR_ROW + 2, 2, 3, 1).flat()).toEqual([na, na, na]);
    expect(view.get(a1Of(SCHEDULE_ROW - 1, 1))).toBe(`Monthly renewals: ${na}`);
    expect(view.get(a1Of(SCHEDULE_ROW - 1, SCHEDULE_COLS[2] as number))).toBe(`Annual billing: ${na}`);
    expect(view.text(a1Of(SCHEDULE_ROW, 1))).toBe('');
    // fal: 10 x 10 s x $0.235 / 0.8 = $29.375 a month, $352.50 over 12; PiAPI at $0.25: $375.
    expectCells(
      view.block(CHANNELS_ROW + 1, 1, 6, 5),
      [
        ['Kling app (monthly)', 'n/a', 'n/a', 'n/a', na],
        [
          'Kling API (prepaid packs) (estimate)',
          'n/a',
          'n/a',
          'n/a',
          'n/a: row 3 (Kling 4.0 professional 10 s with audio) is not sold there',
        ],
        ['fal (pay as you go) (estimate)', 352.5, 29.375, 2.9375, ''],
        [
          'Replicate (pay as you go) (estimate)',
          'n/a',
          'n/a',
          'n/a',
          'n/a: row 3 (Kling 4.0 professional 10 s with audio) is not sold there',
        ],
        ['PiAPI (pay as you go) (estimate)', 375, 31.25, 3.125, ''],
        ['Cheapest', 352.5, '', '', 'fal (pay as you go) (estimate)'],
      ],
      'channels of a Kling 4.0 row',
    );
    // The cases: no app credits to count; fal at 10 % (313.33...) and 35 % (433.85...).
    const cases = view.block(CASES_ROW + 1, 1, 3, 7);
    expect(cases.map((r) => [r[3], r[4], r[5]])).toEqual([
      [na, 'n/a', 'fal (pay as you go) (estimate)'],
      [na, 'n/a', 'fal (pay as you go) (estimate)'],
      [na, 'n/a', 'fal (pay as you go) (estimate)'],
    ]);
    close(cases[0]?.[6], (23.5 / 0.9) * 12, 'low');
    close(cases[2]?.[6], (23.5 / 0.65) * 12, 'high');
    expect(view.get(`B${VERDICT_ROW + 4}`)).toBe('Between $313.33 and $433.85, most likely $352.50');
    // The cash flow: no app, no API; fal, the cheapest reseller, by month.
    expect(view.get(a1Of(CASH_ROW - 1, 7))).toBe('fal (pay as you go) (estimate)');
    expectCells(
      view.block(CASH_ROW + 1, 2, 2, 5),
      [
        ['', '', '', '', 29.375],
        ['', '', '', '', 29.375],
      ],
      'cash flow of a Kling 4.0 row',
    );
    check(view, kling, ENGINE, shots, { [FIRST + 2]: NO_APP });
  });

  it('a Kling 4.0 row beside Kling 2.6 rows: no channel makes all of them, and the plan says so', () => {
    const shots: Record<number, PlanShot> = {
      ...EXAMPLES,
      [FIRST + 3]: { scene: 'Hero', model: '4.0', mode: 'standard', secs: 5, audio: 'yes', months: [1] },
    };
    fill(view, shots);
    const na = noAppCredits(4, 'Kling 4.0 standard 5 s with audio');
    expect(view.get(a1Of(NEED_ROW, MONTH_COL))).toBe(na);
    expect(view.get(`B${VERDICT_ROW}`)).toBe('no channel can make this work');
    expect(view.get(`B${VERDICT_ROW + 4}`)).toBe('No range: no channel can make this work');
    check(view, kling, ENGINE, shots, { ...EXAMPLE_STATUS, [FIRST + 3]: NO_APP });
  });

  it('highlights the cheapest billing and charts spend per month: the app under each billing, the API, the cheapest reseller', () => {
    fill(view, EXAMPLES);
    const want = check(view, kling, ENGINE, EXAMPLES, EXAMPLE_STATUS);
    const rules = plan.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    const rule = rules[0] as { formula: string; ranges: readonly string[]; background: string };
    const first = YEAR_ROW + 2;
    expect(rule.ranges).toEqual([`A${first}:F${first + 2}`]);
    const sheet = hf.getSheetId(PLAN) as number;
    const lit = [0, 1, 2].map((k) => hf.calculateFormula(rule.formula.replace(`$F${first}`, `$F${first + k}`), sheet));
    const years = want.years as number[];
    expect(lit).toEqual(years.map((y) => y === Math.min(...years)));
    const charts = plan.getCharts();
    expect(charts).toHaveLength(1);
    const chart = charts[0] as (typeof charts)[number];
    expect(chart.type).toBe('COLUMN');
    // The cash flow with its header: month, the three billings, the API, the cheapest reseller.
    expect(chart.ranges).toEqual([`A${CASH_ROW}:F${CASH_ROW + MONTHS}`]);
    expect(chart.options.numHeaders).toBe(1);
    // Anchored beside the cash flow, it ends above the actuals' table (Sheets' rows are 21 px).
    expect(chart.position.slice(0, 2)).toEqual([CASH_ROW - 1, 8]);
    expect(Number(chart.options.height)).toBeLessThanOrEqual((ACTUALS_ROW - (CASH_ROW - 1)) * 21);
  });

  it('budget against actuals: log rows in plan months, the variance, the observed retake rate against the assumed one, the plan for the last complete month', () => {
    // The plan starts two months ago, so the last complete month is its month 2.
    const start = dateIn(-2, 1);
    fill(view, EXAMPLES, { start });
    const want = check(view, kling, ENGINE, EXAMPLES, EXAMPLE_STATUS, { start });
    const logRows = [
      // Plan month 1: a kept and a discarded 70-credit take, a kept 10-credit one: 150 credits, 1 of 3 thrown away.
      [dateIn(-2, 3), 'Launch film', '2.6', 'professional', 10, 'no', 'kept'],
      [dateIn(-2, 3), 'Launch film', '2.6', 'professional', 10, 'no', 'discarded'],
      [dateIn(-2, 4), 'Product shots', '2.6', 'standard', 5, 'no', 'kept'],
      // Plan month 2: a failed take (refunded) and 40 takes of 20 credits, 10 thrown away: 800 credits.
      [dateIn(-1, 9), 'Social', '3.0', 'standard', 8, 'no', 'failed'],
      ...Array.from({ length: 40 }, (_, k) => [
        dateIn(-1, 10 + (k % 15)),
        'Product shots',
        '2.6',
        'standard',
        10,
        'no',
        k % 4 === 0 ? 'discarded' : 'kept',
      ]),
      // Before the plan, and this month (plan month 3): 100 credits.
      [dateIn(-4, 9), 'Before the plan', '2.6', 'standard', 5, 'no', 'kept'],
      [dateIn(0, 1), 'This month', '2.6', 'professional', 5, 'yes', 'kept'],
    ];
    putRows(hf, LOG, 2, logRows);
    view.setAll({ [a1Of(ACTUALS_ROW + 1, COMPARE_COL + 6)]: 12.5, [a1Of(ACTUALS_ROW + 2, COMPARE_COL + 6)]: 100 });
    const result = checkLog(new SheetView(hf, LOG), ENGINE);
    // KLING_ACTUALS over the log, in the plan: the log's own table.
    expectCells(view.block(ACTUALS_ROW, 1, ACTUALS_ROWS, 8), new SheetView(hf, LOG).block(6, 12, ACTUALS_ROWS, 8), 'actuals in the plan');
    expect(view.block(ACTUALS_ROW, COMPARE_COL, 1, 10)[0]).toEqual([
      'Month',
      'Budgeted credits',
      'Budgeted spend in the app (USD)',
      'Actual credits',
      'Credits variance',
      'Spend variance (USD, estimate)',
      'Invoiced by Kling (USD, type it)',
      'Invoice variance (USD)',
      'Retake rate observed',
      'Retake rate the budget assumes',
    ]);
    // Literal: the annual billing is the cheapest ($279.20, all in month 1); a credit costs $279.20 / 23,750 over the year.
    const perCredit = 279.2 / 23750;
    const compare = view.block(ACTUALS_ROW + 1, COMPARE_COL, MONTHS + 1, 10);
    const [m1, m2, m3] = [monthText(addMonths(today, -2)), monthText(addMonths(today, -1)), monthText(today)];
    expectCells(
      compare.slice(0, 4),
      [
        [m1, 1800, 279.2, 150, -1650, -1650 * perCredit, 12.5, 12.5 - 279.2, 1 / 3, 0.2],
        [m2, 1800, 0, 800, -1000, -1000 * perCredit, 100, 100, 0.25, 0.2],
        [m3, 1250, 0, 100, -1150, -1150 * perCredit, '', '', 0, 0.2],
        [monthText(addMonths(today, 1)), 1250, 0, '', '', '', '', '', '', 0.2],
      ],
      'budget against actuals',
    );
    // The total: actual credits and their variance over the months logged; the retake rate over the whole log (11 of 45).
    expectCells(
      [compare[MONTHS] as unknown[]],
      [['Total', 23750, 279.2, 1050, -3800, -3800 * perCredit, 112.5, 112.5 - 279.2, 11 / 45, 0.2]],
      'total',
    );
    // And against the engine's months of the log.
    const months = new Map(result.months.map((m) => [m.month, m]));
    const spend = want.schedules[2] as unknown[][];
    compare.slice(0, MONTHS).forEach((r, m) => {
      const actual = months.get(r[0] as string);
      close(r[2], spend[m + 1]?.[8] as number, `budgeted spend ${r[0]}`);
      if (actual) close(r[8], retakeRate(actual) as number, `observed ${r[0]}`);
    });
    expect(months.size).toBe(4);
    // The last complete month (plan month 2): 800 credits, for which Standard + a 330-credit pack is cheapest ($13.80).
    expect(view.block(DECIDE_ROW, 1, 6, 2)).toEqual([
      ['Last complete month of the log', m2],
      ['Credits spent that month', 800],
      ['Cheapest plan for that real volume', 'Standard + 330-credit pack'],
      ['Its cost (USD)', 13.8],
      ['The plan budgeted for that month', 'Standard'],
      ['Change plan?', 'no: Standard fits what you really used'],
    ]);
    expect(view.text(`A${ACTUALS_ROW - 1}`)).toBe('');
  });

  it('a bad row in the usage log: the plan says so instead of showing blank actuals as if nothing was logged', () => {
    putRows(hf, LOG, 60, [['not a date', '', '2.6', 'standard', 5, 'no', 'kept']]);
    expect(view.get(`A${ACTUALS_ROW}`)).toEqual({ error: expect.stringMatching(/^log row 60: date "not a date" is not a date/) });
    expect(view.get(`A${ACTUALS_ROW - 1}`)).toMatch(/^The usage log has a row to fix/);
    putRows(hf, LOG, 60, [[null, null, null, null, null, null, null]]);
    expect(view.text(`A${ACTUALS_ROW - 1}`)).toBe('');
  });

  it('an empty shot list buys nothing', () => {
    fill(view, {});
    expect(view.block(NEED_ROW, MONTH_COL, 1, MONTHS)[0]).toEqual(new Array(MONTHS).fill(0));
    expect(view.block(YEAR_ROW + 2, 2, 3, 1).flat()).toEqual([0, 0, 0]);
    expect(view.block(VERDICT_ROW, 2, 2, 1).flat()).toEqual(['Kling app (monthly)', 0]);
    expect(view.get(`B${VERDICT_ROW + 4}`)).toBe('Between $0.00 and $0.00, most likely $0.00');
    check(view, kling, ENGINE, {}, {});
  });

  it('shows how old the prices are', () => {
    expect(view.get('A4')).toBe(priceAgeText(planPricesAsOf(DEFAULT_PRICE_BOOK), localDay()));
    expect(String(view.get('A4'))).toMatch(/^prices as of 2026-10-05(, \d+ days ago: check Kling's pages or Edit prices)?$/);
  });
});

describe('the 12-month plan with an edited price table and an existing usage log', () => {
  let hf: HyperFormula;
  let view: SheetView;
  let plan: FakeSheet;
  let kling: Kling;
  beforeAll(() => {
    const a = addon();
    a.run('editPrices');
    a.run('insertUsageLog');
    a.run('insertTwelveMonthPlan');
    expect(a.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', PRICES, LOG, PLAN]);
    plan = a.spreadsheet.getSheetByName(PLAN) as FakeSheet;
    hf = workbook(a.spreadsheet, a.context);
    view = new SheetView(hf, PLAN);
    const call = klingCaller(a.context);
    // Every direct call gets the table too, as the sheet's do.
    kling = (name, ...args) => {
      const table = hf.getSheetValues(hf.getSheetId(PRICES) as number).map((r) => Array.from({ length: 8 }, (_, c) => r[c] ?? ''));
      const last = SIGNATURE_ARGS[name] ?? args.length;
      return call(name, ...args, ...new Array(Math.max(0, last - args.length)).fill(''), table);
    };
  });
  /** How many arguments come before `prices`. */
  const SIGNATURE_ARGS: Record<string, number> = { KLING_CHANNELS: 13, KLING_SCHEDULE: 3 };

  it('passes the table to every call, reads the existing log to its last row', () => {
    const cells = customFunctionCells(plan);
    expect(cells).toHaveLength(14);
    const formula = (a1: string) => plan.getRange(a1).getFormulas()[0]?.[0] ?? '';
    const locked = a1Of(FIRST, HIDDEN_TABLE_COLS.locked);
    for (const a1 of cells.filter((x) => x !== locked)) expect(formula(a1), a1).toMatch(/,'Kling prices'!A:H\)$/);
    // Now at locked prices: the locked table, through INDIRECT (a blank cell while nothing is locked).
    expect(formula(locked)).toMatch(/,INDIRECT\(IF\(\$B\$18="","BC1","'"&SUBSTITUTE\(\$B\$18,"'","''"\)&"'!A:H"\)\)\)$/);
    const actuals = formula(`A${ACTUALS_ROW}`);
    expect(actuals).toContain(`'Kling usage log'!$A$1:$A`);
    expect(boundedLogRanges({ [`A${ACTUALS_ROW}`]: actuals }, "'Kling usage log'!")).toEqual([]);
    fill(view, EXAMPLES);
    check(view, kling, engineOf(hf, PRICES), EXAMPLES, EXAMPLE_STATUS);
    checkLog(new SheetView(hf, LOG), engineOf(hf, PRICES));
  });

  it("a model added to the price table later is offered; a user's app credits for Kling 4.0 price its row in the app and in the log", () => {
    const models = [
      'Kling 2.6',
      'Kling 3.0',
      'Kling 3.0 Turbo',
      'Kling 3.0 Omni',
      'Kling 2.5 Turbo',
      'Kling O1',
      'Kling 4.0',
      'Kling 4.0 Flash',
    ];
    expect(view.block(FIRST, 36, 10, 1).flat()).toEqual([...models, '', '']);
    putRows(hf, PRICES, lastRow(hf, PRICES) + 1, [...KLING_4_ROWS, ...appCreditRows('Kling 4.5')]);
    const engine = engineOf(hf, PRICES);
    expect(view.block(FIRST, 36, 10, 1).flat()).toEqual([...models, 'Kling 4.5', '']);
    const shots: Record<number, PlanShot> = {
      ...EXAMPLES,
      [FIRST + 3]: { scene: 'New', model: 'Kling 4.0', mode: 'professional', secs: 20, audio: 'yes', months: [1, 2, 3] },
      [FIRST + 4]: { scene: 'Newer', model: '4.5', mode: 'standard', secs: 3, audio: 'no', months: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4] },
    };
    fill(view, shots);
    // 20 s x 16 credits a second: 320 credits, now in the app.
    expect(view.block(FIRST + 3, STATUS, 2, 2)).toEqual([
      ['ok', 320],
      ['ok', 21],
    ]);
    check(view, kling, engine, shots, { ...EXAMPLE_STATUS, [FIRST + 3]: OK, [FIRST + 4]: OK });
    const logView = new SheetView(hf, LOG);
    expect(logView.block(2, 31, 10, 1).flat()).toEqual([...models, 'Kling 4.5', '']);
    putRows(hf, LOG, 20, [[dateIn(-1, 20), 'New model', 'Kling 4.0', 'professional', 20, 'yes', 'kept']]);
    const result = checkLog(logView, engine);
    expect(result.months[0]?.credits).toBe(240 + 320);
  });

  /**
   * Writes `day` into the As of of every Plan row of the table: ISO text, as Edit prices writes it
   * (a plain-text cell: typed with a leading apostrophe here), or a date cell (typed as a date, as a
   * user who changes the column's format does; the engine then hands it to our functions as a Date).
   */
  function setPlansAsOf(day: string, as: 'text' | 'date'): void {
    const rows = hf.getSheetValues(hf.getSheetId(PRICES) as number);
    const value = as === 'text' ? `'${day}` : day;
    hf.batch(() => {
      rows.forEach((r, k) => {
        if (r[0] === 'Plan') putRows(hf, PRICES, k + 1, [[...r.slice(0, 7), value]]);
      });
    });
  }

  for (const as of ['text', 'date'] as const) {
    it(`the price age line follows the As of of the Plan rows (${as === 'text' ? 'ISO text, as Edit prices writes it' : 'date cells'}): from 60 days, how many and what to do`, () => {
      setPlansAsOf(localDay(), as);
      expect(view.get('A4')).toBe(`prices as of ${localDay()}`);
      setPlansAsOf(daysAgo(59), as);
      expect(view.get('A4')).toBe(`prices as of ${daysAgo(59)}`);
      setPlansAsOf(daysAgo(60), as);
      expect(view.get('A4')).toBe(`prices as of ${daysAgo(60)}, 60 days ago: check Kling's pages or Edit prices`);
      setPlansAsOf(daysAgo(400), as);
      expect(view.get('A4')).toBe(`prices as of ${daysAgo(400)}, 400 days ago: check Kling's pages or Edit prices`);
    });
  }
});

describe('Lock budget version on a 12-month plan, in a live workbook (the fake computed by HyperFormula)', () => {
  it('lock, add videos in a month and move a price: the work and price changes move by the amounts worked out by hand; lock again: " (2)"', () => {
    const a = addon();
    registerKlingFunctions(a.context, KLING_FUNCTIONS, KLING_SIZES);
    // What the lock reads is what the sheet shows.
    new LiveWorkbook(a.spreadsheet);
    a.run('editPrices');
    a.run('insertTwelveMonthPlan');
    const plan = a.spreadsheet.getSheetByName(PLAN) as FakeSheet;
    const prices = a.spreadsheet.getSheetByName(PRICES) as FakeSheet;
    const get = (a1: string) => plan.getRange(a1).getValue();
    const value = (row: number) => get(`B${row}`);
    const [locked, atLocked, now, work, price] = [1, 2, 3, 4, 5].map((k) => LOCKED_ROW + k) as [number, number, number, number, number];
    // The example rows as inserted: the app on annual billing, $279.20.
    expect(get(`B${VERDICT_ROW + 3}`)).toBe(279.2);
    expect(value(locked)).toBe('');

    plan.activate();
    a.run('lockBudgetVersion');
    const day = isoDay(new Date(), a.spreadsheet.getSpreadsheetTimeZone());
    expect(get(INPUT_CELL.lockedSheet)).toBe(`${PLAN} locked ${day}`);
    expect(get(INPUT_CELL.lockedPrices)).toBe(`Kling prices locked ${day}`);
    const copy = a.spreadsheet.getSheetByName(`${PLAN} locked ${day}`) as FakeSheet;
    expect(copy.getRange(`I${CASES_ROW + 2}`).getFormulas()).toEqual([['']]);
    expect(copy.getRange(`I${CASES_ROW + 2}`).getValue()).toBe(279.2);
    expect(copy.getProtections('SHEET').map((p) => p.isWarningOnly())).toEqual([true]);
    close(value(locked), 279.2, 'locked');
    close(value(atLocked), 279.2, 'now at locked prices');
    close(value(now), 279.2, 'now');
    close(value(work), 0, 'work changes');
    close(value(price), 0, 'price changes');
    expect(plan.getRange(CHANGES_ROW, 1, 2, 5).getValues()).toEqual([
      ['Section', 'Item', 'Field', 'Locked value', 'Value now'],
      ['No price changed', '', '', '', ''],
    ]);

    // A contingency is a change of the work's inputs, not of prices: 10 % of $279.20.
    plan.getRange(INPUT_CELL.contingency).setValue(0.1);
    close(value(atLocked), 307.12, 'now at locked prices, 10 % contingency');
    close(value(now), 307.12, 'now, 10 % contingency');
    close(value(work), 27.92, 'work changes, 10 % contingency');
    close(value(price), 0, 'price changes, 10 % contingency');
    plan.getRange(INPUT_CELL.contingency).setValue(0);
    close(value(work), 0, 'work changes, no contingency');

    // More work: the social cut-downs' month 12 from 40 to 60 videos, 20 x 48 / 0.8 = 1,200 credits more. Standard
    // every month now falls 17,030 credits short: a 16,000-credit pack and a 1,320 ($220): $299.20 on annual billing.
    plan.getRange(FIRST + 2, MONTH_COL + 11).setValue(60);
    close(value(atLocked), 299.2, 'now at locked prices');
    close(value(now), 299.2, 'now');
    close(value(work), 20, 'work changes');
    close(value(price), 0, 'price changes');
    // A price moves: the 16,000-credit pack from $200 to $210 (still cheaper than 2 x 7,500 + 3,500 at $250).
    const pack6 = bookToRows(DEFAULT_PRICE_BOOK).findIndex((r) => r[0] === 'Top-up pack' && r[1] === 'Pack 6' && r[2] === 'price');
    prices.getRange(pack6 + 1, 4).setValue(210);
    close(value(now), 309.2, 'now');
    close(value(atLocked), 299.2, 'now at locked prices');
    close(value(work), 20, 'work changes');
    close(value(price), 10, 'price changes');
    close(
      (value(work) as number) + (value(price) as number),
      (value(now) as number) - (value(locked) as number),
      'they add up to now - locked',
    );
    close((value(work) as number) + (value(price) as number), 30, 'now - locked');
    expect(plan.getRange(CHANGES_ROW, 1, 3, 5).getValues()).toEqual([
      ['Section', 'Item', 'Field', 'Locked value', 'Value now'],
      ['Top-up pack', 'Pack 6', 'price', 200, 210],
      ['', '', '', '', ''],
    ]);

    // A second lock the same day gets " (2)"; the cells name the new copies, and nothing has changed against them.
    plan.activate();
    a.run('lockBudgetVersion');
    expect(get(INPUT_CELL.lockedSheet)).toBe(`${PLAN} locked ${day} (2)`);
    expect(get(INPUT_CELL.lockedPrices)).toBe(`Kling prices locked ${day} (2)`);
    close(value(locked), 309.2, 'locked again');
    close(value(work), 0, 'work changes after the new lock');
    close(value(price), 0, 'price changes after the new lock');
    expect(plan.getRange(CHANGES_ROW + 1, 1).getValue()).toBe('No price changed');
    // The first locked copy is still there, as it was.
    expect(copy.getRange(`I${CASES_ROW + 2}`).getValue()).toBe(279.2);
  });
});
