/**
 * The 12-month plan as "Insert 12-month plan" writes it (with the usage log it reads), evaluated by
 * HyperFormula with our functions from dist/Code.js, against the pricing engine computing the same
 * months on its own: credits per month, the cheapest schedule under each billing, Kling's API over
 * the months, spend per month (the chart's data), and budget against actuals from the log.
 */
import type { HyperFormula } from 'hyperformula';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiMonthMicroUsd,
  apiSpendTable,
  type Billing,
  budgetSummary,
  DEFAULT_PRICE_BOOK,
  InputError,
  lineCredits,
  type PlannedSpend,
  PricingEngine,
  planApiSpend,
  planSpend,
  readClip,
  retakeRate,
  type ShotLine,
  spendTable,
  testTakeOf,
} from '../../src/pricing';
import { a1Of, type FakeSheet } from '../fakes/appsScript';
import {
  addMonths,
  addon,
  customFunctionCells,
  engineOf,
  KLING_4_ROWS,
  LOG,
  lastRow,
  monthText,
  PLAN,
  PRICES,
  putRows,
  SheetView,
  serial,
  workbook,
} from './sheets';
import { checkLog } from './usageLogCheck';

const FIRST = 14;
const ROWS = 30;
const MONTH_COL = 8;
const STATUS_COL = 20;
const IMAGES_ROW = 44;
const NEED_ROW = 46;
const API_ROW = 47;
const YEAR_ROW = 53;
const SCHEDULE_ROW = 59;
const SCHEDULE_COLS = [1, 12, 23];
const API_SCHEDULE_ROW = 75;
const CASH_ROW = 81;
const ACTUALS_ROW = 97;
const COMPARE_COL = 10;
const DECIDE_ROW = 124;
/** The order of the billings in the sheet's year block and schedules. */
const BILLINGS = ['monthly', 'intro', 'annual'] as const;

/** A shot row: scene, model, mode, secs, audio, test takes, buffer, then videos in each of the 12 months. */
interface PlanShot {
  readonly scene?: string;
  readonly model?: string | number;
  readonly mode?: string;
  readonly secs?: number | string;
  readonly audio?: string;
  readonly testTakes?: number | string;
  readonly buffer?: number | string;
  readonly months?: readonly (number | string | null)[];
}

interface PlanInputs {
  readonly start?: number;
  readonly buffer?: number;
  readonly balance?: number;
  readonly rate?: number;
  readonly tax?: number;
  readonly images?: readonly number[];
}

const EXAMPLES: Readonly<Record<number, PlanShot>> = {
  14: {
    scene: 'Launch film',
    model: 'Kling 2.6',
    mode: 'professional',
    secs: 10,
    audio: 'no',
    testTakes: 2,
    months: [6, 6, 2, 2, 2, 2, 2, 2, 2, 2, 8, 8],
  },
  15: { scene: 'Product shots', model: 'Kling 2.6', mode: 'standard', secs: 5, audio: 'no', months: new Array(12).fill(30) },
  16: {
    scene: 'Social cut-downs',
    model: 'Kling 3.0',
    mode: 'standard',
    secs: 8,
    audio: 'no',
    months: [10, 10, 10, 10, 20, 20, 20, 20, 10, 10, 40, 40],
  },
};
const EXAMPLE_STATUS = { 14: 'ok', 15: 'ok', 16: 'ok' } as const;

function fill(view: SheetView, shots: Readonly<Record<number, PlanShot>>, inputs: PlanInputs = {}): void {
  const cells: Record<string, unknown> = {};
  for (let r = FIRST; r < FIRST + ROWS; r++) {
    const s = shots[r] ?? {};
    const values = [s.scene, s.model, s.mode, s.secs, s.audio, s.testTakes, s.buffer, ...(s.months ?? [])];
    for (let c = 0; c < 7 + 12; c++) cells[a1Of(r, c + 1)] = values[c] ?? null;
  }
  for (let m = 0; m < 12; m++) cells[a1Of(IMAGES_ROW, MONTH_COL + m)] = inputs.images?.[m] ?? 0;
  if (inputs.start !== undefined) cells.B5 = inputs.start;
  cells.B6 = inputs.buffer ?? 0.2;
  cells.B7 = inputs.balance ?? 0;
  cells.B10 = inputs.rate ?? 1;
  cells.B11 = inputs.tax ?? 0;
  view.setAll(cells);
}

const close = (got: unknown, want: number, what: string) => {
  expect(typeof got, `${what}: ${JSON.stringify(got)}`).toBe('number');
  expect(got as number, what).toBeCloseTo(want, 6);
};

function expectTable(got: unknown[][], want: readonly (readonly unknown[])[], what: string) {
  want.forEach((line, r) => {
    line.forEach((cell, c) => {
      if (typeof cell === 'number') close(got[r]?.[c], cell, `${what} [${r},${c}]`);
      else expect(got[r]?.[c], `${what} [${r},${c}]`).toBe(cell);
    });
  });
}

interface Expected {
  readonly needs: number[];
  readonly spends: Record<(typeof BILLINGS)[number], PlannedSpend>;
  readonly cheapest: (typeof BILLINGS)[number];
  readonly years: number[];
}

/** Checks the plan's figures against the engine; `status` gives each started row's status. */
function check(
  view: SheetView,
  engine: PricingEngine,
  shots: Readonly<Record<number, PlanShot>>,
  status: Readonly<Record<number, string | RegExp>>,
  inputs: PlanInputs = {},
): Expected {
  const buffer = inputs.buffer ?? 0.2;
  const rate = inputs.rate ?? 1;
  const tax = inputs.tax ?? 0;
  const lines: { row: number; line: ShotLine; months: number[] }[] = [];
  for (let r = FIRST; r < FIRST + ROWS; r++) {
    const want = status[r];
    if (want === undefined) {
      expect(shots[r], `row ${r} is filled: give its status`).toBeUndefined();
      expect(view.text(a1Of(r, STATUS_COL))).toBe('');
      continue;
    }
    const got = view.text(a1Of(r, STATUS_COL));
    if (typeof want === 'string') expect(got, `status of row ${r}`).toBe(want);
    else expect(String(got), `status of row ${r}`).toMatch(want);
    if (want !== 'ok') {
      for (let c = STATUS_COL + 1; c <= STATUS_COL + 3; c++) expect(view.text(a1Of(r, c)), a1Of(r, c)).toBe('');
      continue;
    }
    const s = shots[r] as PlanShot;
    const clip = readClip(engine, { model: s.model ?? '', mode: s.mode, secs: s.secs, audio: s.audio ?? '' }, 'app').clip;
    const own = s.buffer === undefined || s.buffer === '' ? null : Number(s.buffer);
    const line: ShotLine = { clip, count: 1, testTakes: Number(s.testTakes ?? 0), buffer: own, where: `row ${r}` };
    lines.push({ row: r, line, months: Array.from({ length: 12 }, (_, m) => Number(s.months?.[m] ?? 0)) });
    const perVideo = lineCredits(engine, line);
    close(view.get(a1Of(r, STATUS_COL + 1)), perVideo, `credits per video, row ${r}`);
    close(view.get(a1Of(r, STATUS_COL + 2)), perVideo * (1 + (own ?? buffer)), `with buffer, row ${r}`);
  }
  const images = inputs.images ?? new Array(12).fill(0);
  const monthInput = (m: number) => ({
    lines: lines.map((l) => ({ ...l.line, count: l.months[m] as number })),
    images: images[m] as number,
    billing: 'monthly' as Billing,
    buffer,
  });
  // Credits per month: each month budgeted on its own by the engine (ceil of the buffered need).
  const needs = Array.from({ length: 12 }, (_, m) => budgetSummary(engine, monthInput(m)).creditsWithBuffer);
  expect(view.block(NEED_ROW, MONTH_COL, 1, 12)[0]).toEqual(needs);

  // The cheapest schedule under each billing, and the year block.
  const balance = inputs.balance ?? 0;
  const spends = Object.fromEntries(BILLINGS.map((b) => [b, planSpend(engine, needs, b, { startBalance: balance })])) as Expected['spends'];
  const years = BILLINGS.map((b) => spends[b].schedule.totalCents / 100);
  const videos = lines.reduce((sum, l) => sum + l.months.reduce((a, b) => a + b, 0), 0);
  BILLINGS.forEach((billing, i) => {
    expectTable(view.block(SCHEDULE_ROW, SCHEDULE_COLS[i] as number, 14, 10), spendTable(spends[billing]), `${billing} schedule`);
    const year = years[i] as number;
    const row = YEAR_ROW + i;
    close(view.get(`B${row}`), year, `${billing} year`);
    close(view.get(`C${row}`), year / 12, `${billing} average month`);
    if (videos > 0) close(view.get(`D${row}`), year / videos, `${billing} per video`);
    else expect(view.text(`D${row}`)).toBe('');
    close(view.get(`E${row}`), year * rate * (1 + tax), `${billing} local`);
    expect(view.text(`F${row}`)).toBe(year === Math.min(...years) ? 'cheapest' : '');
  });
  const cheapest = BILLINGS[years.indexOf(Math.min(...years))] as (typeof BILLINGS)[number];

  // Kling's API over the same months: its packs per 6-month window, or n/a naming the rows.
  const micros = Array.from({ length: 12 }, (_, m) => apiMonthMicroUsd(engine, monthInput(m)));
  const offered = (clip: ShotLine['clip']) => {
    try {
      return engine.apiMills(clip) !== null;
    } catch (error) {
      if (error instanceof InputError) return false;
      throw error;
    }
  };
  const apiLess = lines.filter(({ line }) => !offered(line.clip) || (line.testTakes > 0 && !offered(testTakeOf(line.clip))));
  const cash = view.block(CASH_ROW, 1, 13, 5);
  if (apiLess.length > 0 || images.some((n) => n > 0)) {
    expect(micros.some((m) => typeof m !== 'number') || lines.every((l) => l.months.every((n) => n === 0))).toBe(true);
    const rows = apiLess.map((l) => l.row);
    expect(view.get('B49')).toBe(
      rows.length > 0
        ? `n/a: row${rows.length === 1 ? '' : 's'} ${rows.join(', ')} (Kling's API does not make these clips)`
        : 'n/a: the price book has no API price for images',
    );
    expect(view.get('B56')).toBe(view.get('B49'));
    // No partial sum anywhere: the work row, the API block and the chart's API column stay blank.
    expect(view.block(API_ROW, MONTH_COL, 1, 12)[0]?.every((v) => v === '')).toBe(true);
    expect(
      view
        .block(API_SCHEDULE_ROW, 1, 4, 5)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(cash.slice(1).map((r) => r[4])).toEqual(new Array(12).fill(''));
  } else {
    const api = planApiSpend(engine.book, micros as number[]);
    view.block(API_ROW, MONTH_COL, 1, 12)[0]?.forEach((v, m) => {
      close(v, (micros[m] as number) / 1e6, `API work, month ${m + 1}`);
    });
    expect(view.get('B49')).toBe('ok');
    expectTable(view.block(API_SCHEDULE_ROW, 1, 4, 5), apiSpendTable(api), 'API schedule');
    close(view.get('B56'), api.result.totalCents / 100, 'API year');
    cash.slice(1).forEach((r, m) => {
      const window = m % 6 === 0 ? api.result.windows[m / 6] : undefined;
      close(r[4], window ? window.cents / 100 : 0, `API spend, month ${m + 1}`);
    });
  }
  // Spend per month: the chart's data, each billing's schedule month by month.
  expect(cash[0]).toEqual(['Month', 'Monthly renewals', 'First month + renewals', 'Annual billing', 'Kling API (estimate)']);
  cash.slice(1).forEach((r, m) => {
    expect(r[0]).toBe(view.get(a1Of(13, MONTH_COL + m)));
    BILLINGS.forEach((b, i) => {
      close(r[i + 1], (spends[b].schedule.months[m]?.spendCents ?? Number.NaN) / 100, `${b} spend, month ${m + 1}`);
    });
  });
  return { needs, spends, cheapest, years };
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
  beforeAll(() => {
    const a = addon();
    a.run('insertTwelveMonthPlan');
    plan = a.spreadsheet.getSheetByName(PLAN) as FakeSheet;
    log = a.spreadsheet.getSheetByName(LOG) as FakeSheet;
    hf = workbook(a.spreadsheet, a.context);
    view = new SheetView(hf, PLAN);
  });

  it('has at most 12 custom-function cells whatever the number of rows, the actuals section included', () => {
    const cells = customFunctionCells(plan);
    expect(cells.length).toBeLessThanOrEqual(12);
    expect(cells.filter((a1) => /^(AH|AI|AJ|AK)14$/.test(a1))).toHaveLength(4);
    expect(cells.filter((a1) => Number(/\d+/.exec(a1)?.[0]) >= FIRST && Number(/\d+/.exec(a1)?.[0]) < FIRST + ROWS)).toHaveLength(4);
    // The empty log it made for the actuals has its own few.
    expect(customFunctionCells(log)).toHaveLength(4);
    expect(log.getRange('A2').getValue()).toBe('');
  });

  it('month headers are formulas from the first month, next month by default', () => {
    expect(plan.getRange('H13').getFormulas()[0]?.[0]).toBe('=TEXT(EDATE($B$5,0),"yyyy-mm")');
    expect(view.block(13, MONTH_COL, 1, 12)[0]).toEqual(Array.from({ length: 12 }, (_, m) => monthText(addMonths(today, m + 1))));
  });

  it('shows the figures the engine computes for the example rows', () => {
    const want = check(view, ENGINE, EXAMPLES, EXAMPLE_STATUS);
    // By hand, month 1: 6 x (70 + 2 x 20) x 1.2 + 30 x 10 x 1.2 + 10 x 48 x 1.2 = 792 + 360 + 576.
    expect(want.needs[0]).toBe(1728);
    expect(want.cheapest).toBe('annual');
    expect(view.text('B48')).toBe('none');
  });

  it('half rows, invalid rows and typos in the month columns are left out and named', () => {
    const shots = {
      ...EXAMPLES,
      18: { scene: 'Half', mode: 'standard', months: [1, 1] },
      19: { model: '2.6', mode: 'pro', secs: 8, months: [2] },
      20: { mode: 'standard', secs: 5, months: [1, 'two', 3] },
      21: { mode: 'standard', secs: 5, months: [1, -1] },
      22: { mode: 'standard', secs: 5, buffer: 2, months: [1] },
      23: { mode: 'standard', secs: 5, testTakes: 0.5, months: [1] },
    };
    fill(view, shots);
    check(view, ENGINE, shots, {
      ...EXAMPLE_STATUS,
      18: 'needs seconds',
      19: /^secs 8 is not a clip length Kling 2\.6 makes/,
      20: 'videos per month: use whole numbers, 0 or more, in the month columns',
      21: 'videos per month: use whole numbers, 0 or more, in the month columns',
      22: "buffer: use 0 % to 100 % (blank: the sheet's)",
      23: 'test takes per video: use a whole number, 0 or more (blank: none)',
    });
    expect(view.get('B48')).toBe('6 rows need attention: 18, 19, 20, 21, 22, 23');
  });

  it("a row's own buffer, test takes, images, a top-up balance, a currency rate and tax", () => {
    const shots = {
      ...EXAMPLES,
      14: { ...EXAMPLES[14], buffer: 0.5 },
      17: {
        scene: 'Voice',
        model: '3.0',
        mode: 'professional',
        secs: 12,
        audio: 'voice',
        testTakes: 3,
        buffer: 0,
        months: [0, 0, 0, 5, 5],
      },
    };
    const inputs = { images: [100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2000], balance: 1234, rate: 0.92, tax: 0.2, buffer: 0.3 };
    fill(view, shots, inputs);
    check(view, ENGINE, shots, { ...EXAMPLE_STATUS, 17: 'ok' }, inputs);
  });

  it('a clip the API does not make: n/a naming the row, and no partial sum in the API block or the chart', () => {
    const shots = { ...EXAMPLES, 17: { mode: 'standard', secs: 5, audio: 'yes', months: [1] } };
    fill(view, shots);
    check(view, ENGINE, shots, { ...EXAMPLE_STATUS, 17: 'ok' });
    expect(view.get('B56')).toBe("n/a: row 17 (Kling's API does not make these clips)");
    expect(view.get('E56')).toBe('n/a');
  });

  it('highlights the cheapest billing and charts spend per month from the cash-flow table', () => {
    fill(view, EXAMPLES);
    const want = check(view, ENGINE, EXAMPLES, EXAMPLE_STATUS);
    const rules = plan.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    const rule = rules[0] as { formula: string; ranges: readonly string[]; background: string };
    expect(rule.ranges).toEqual(['A53:F55']);
    const sheet = hf.getSheetId(PLAN) as number;
    const lit = [0, 1, 2].map((i) => hf.calculateFormula(rule.formula.replace('$B53', `$B${53 + i}`), sheet));
    expect(lit).toEqual(BILLINGS.map((b) => b === want.cheapest));
    const charts = plan.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]?.type).toBe('COLUMN');
    expect(charts[0]?.ranges).toEqual(['A81:E93']);
    expect(charts[0]?.options.numHeaders).toBe(1);
    // Anchored beside the cash flow (row 80, column G), it ends above the actuals' header (Sheets' rows are 21 px).
    expect(charts[0]?.position.slice(0, 2)).toEqual([80, 7]);
    expect(Number(charts[0]?.options.height)).toBeLessThanOrEqual((ACTUALS_ROW - 80) * 21);
    expect(Number(charts[0]?.options.width)).toBeLessThanOrEqual(12 * 70);
  });

  it('budget against actuals: log rows in plan months, the variance, the observed retake rate, the plan for the last complete month', () => {
    // The plan starts two months ago, so the last complete month is its month 2.
    const start = dateIn(-2, 1);
    fill(view, EXAMPLES, { start });
    const want = check(view, ENGINE, EXAMPLES, EXAMPLE_STATUS, { start });
    const logRows = [
      [dateIn(-2, 3), 'Launch film', '2.6', 'professional', 10, 'no', 'kept'],
      [dateIn(-2, 3), 'Launch film', '2.6', 'professional', 10, 'no', 'discarded'],
      [dateIn(-2, 4), 'Product shots', '2.6', 'standard', 5, 'no', 'kept'],
      [dateIn(-1, 9), 'Social', '3.0', 'standard', 8, 'no', 'failed'],
      ...Array.from({ length: 40 }, (_, i) => [
        dateIn(-1, 10 + (i % 15)),
        'Product shots',
        '2.6',
        'standard',
        10,
        'no',
        i % 4 === 0 ? 'discarded' : 'kept',
      ]),
      [dateIn(-4, 9), 'Before the plan', '2.6', 'standard', 5, 'no', 'kept'],
      [dateIn(0, 1), 'This month', '2.6', 'professional', 5, 'yes', 'kept'],
    ];
    putRows(hf, LOG, 2, logRows);
    new SheetView(hf, PLAN).setAll({ [a1Of(ACTUALS_ROW + 1, COMPARE_COL + 6)]: 12.5, [a1Of(ACTUALS_ROW + 2, COMPARE_COL + 6)]: 100 });
    const logView = new SheetView(hf, LOG);
    const result = checkLog(logView, ENGINE);
    // KLING_ACTUALS over the log, in the plan: the engine's table.
    const months = new Map(result.months.map((m) => [m.month, m]));
    const spend = want.spends[want.cheapest];
    const perCredit = Math.min(...want.years) / want.needs.reduce((a, b) => a + b, 0);
    const header = view.block(13, MONTH_COL, 1, 12)[0] as string[];
    expect(view.block(ACTUALS_ROW, COMPARE_COL, 1, 10)[0]).toEqual([
      'Month',
      'Budgeted credits',
      'Budgeted spend (USD)',
      'Actual credits',
      'Credits variance',
      'Spend variance (USD, estimate)',
      'Invoiced by Kling (USD, type it)',
      'Invoice variance (USD)',
      'Retake rate observed',
      'Retake rate the buffer assumes',
    ]);
    const compare = view.block(ACTUALS_ROW + 1, COMPARE_COL, 13, 10);
    let actualTotal = 0;
    let creditsVariance = 0;
    header.forEach((month, m) => {
      const r = compare[m] as unknown[];
      const actual = months.get(month);
      const budgeted = (spend.schedule.months[m]?.spendCents as number) / 100;
      expect(r[0]).toBe(month);
      expect(r[1]).toBe(want.needs[m]);
      close(r[2], budgeted, `budgeted spend ${month}`);
      const invoiced = m === 0 ? 12.5 : m === 1 ? 100 : '';
      if (actual) {
        close(r[3], actual.credits, `actual credits ${month}`);
        close(r[4], actual.credits - (want.needs[m] as number), `credits variance ${month}`);
        close(r[5], (actual.credits - (want.needs[m] as number)) * perCredit, `spend variance ${month}`);
        close(r[8], retakeRate(actual) as number, `retake rate ${month}`);
        actualTotal += actual.credits;
        creditsVariance += actual.credits - (want.needs[m] as number);
      } else for (const k of [3, 4, 5, 8]) expect(r[k], `${month} [${k}]`).toBe('');
      if (invoiced === '') expect(r[7]).toBe('');
      else close(r[7], invoiced - budgeted, `invoice variance ${month}`);
      close(r[9], 0.2 / 1.2, 'assumed retake rate');
    });
    expect(months.size).toBe(4);
    const total = compare[12] as unknown[];
    expect(total[0]).toBe('Total');
    close(
      total[1],
      want.needs.reduce((a, b) => a + b, 0),
      'total budgeted',
    );
    close(total[3], actualTotal, 'total actual');
    close(total[4], creditsVariance, 'total variance');
    close(total[5], creditsVariance * perCredit, 'total spend variance');
    close(total[6], 112.5, 'total invoiced');
    close(total[8], retakeRate(result.total) as number, 'observed retake rate, all of the log');
    // The last complete month: last month (month 2 of the plan), its real volume and the cheapest plan for it.
    const last = monthText(addMonths(today, -1));
    const spent = months.get(last)?.credits as number;
    const best = ENGINE.bestBundle(spent, 'monthly', true);
    const decide = view.block(DECIDE_ROW, 2, 6, 1).map((r) => r[0]);
    expect(decide[0]).toBe(last);
    close(decide[1], spent, 'credits spent last month');
    expect(decide[2]).toBe(best.label);
    close(decide[3], ENGINE.monthUsd(best, 'monthly'), 'its cost');
    const planned = spend.plans[spend.schedule.months[1]?.plan as number]?.name;
    expect(decide[4]).toBe(planned);
    // Compared by plan: "Standard + 330-credit pack" is the plan Standard, whose packs the schedule carries.
    expect(decide[5]).toBe(best.plan.name === planned ? `no: ${planned} fits what you really used` : `the numbers point to ${best.label}`);
    expect(view.text(`A${ACTUALS_ROW - 1}`)).toBe('');
  });

  it('a bad row in the usage log: the plan says so instead of showing blank actuals as if nothing was logged', () => {
    putRows(hf, LOG, 60, [['not a date', '', '2.6', 'standard', 5, 'no', 'kept']]);
    expect(view.get(`A${ACTUALS_ROW}`)).toEqual({ error: expect.stringMatching(/^log row 60: date "not a date" is not a date/) });
    expect(view.get(`A${ACTUALS_ROW - 1}`)).toMatch(/^The usage log has a row to fix/);
    putRows(hf, LOG, 60, [[null, null, null, null, null, null, null]]);
    expect(view.text(`A${ACTUALS_ROW - 1}`)).toBe('');
  });
});

describe('the 12-month plan with an edited price table and an existing usage log', () => {
  let hf: HyperFormula;
  let view: SheetView;
  let plan: FakeSheet;
  beforeAll(() => {
    const a = addon();
    a.run('editPrices');
    a.run('insertUsageLog');
    a.run('insertTwelveMonthPlan');
    expect(a.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', PRICES, LOG, PLAN]);
    plan = a.spreadsheet.getSheetByName(PLAN) as FakeSheet;
    hf = workbook(a.spreadsheet, a.context);
    view = new SheetView(hf, PLAN);
  });

  it('passes the table to every call and reads the existing log', () => {
    const cells = customFunctionCells(plan);
    expect(cells.length).toBeLessThanOrEqual(12);
    for (const a1 of cells) expect(plan.getRange(a1).getFormulas()[0]?.[0]).toMatch(/,'Kling prices'!A:H\)$/);
    expect(plan.getRange(`A${ACTUALS_ROW}`).getFormulas()[0]?.[0]).toContain(`'Kling usage log'!$A$1:$A$10001`);
    check(view, engineOf(hf, PRICES), EXAMPLES, EXAMPLE_STATUS);
    checkLog(new SheetView(hf, LOG), engineOf(hf, PRICES));
  });

  it('a model added to the price table later is offered and priced in the plan and in the log', () => {
    putRows(hf, PRICES, lastRow(hf, PRICES) + 1, KLING_4_ROWS);
    const engine = engineOf(hf, PRICES);
    expect(view.block(FIRST, 38, 4, 1)).toEqual([['Kling 2.6'], ['Kling 3.0'], ['Kling 4.0'], ['']]);
    const shots = {
      ...EXAMPLES,
      17: { scene: 'New', model: 'Kling 4.0', mode: 'professional', secs: 20, audio: 'yes', months: [1, 2, 3] },
    };
    fill(view, shots);
    check(view, engine, shots, { ...EXAMPLE_STATUS, 17: 'ok' });
    expect(view.get('B56')).toBe("n/a: row 17 (Kling's API does not make these clips)");
    const logView = new SheetView(hf, LOG);
    expect(logView.block(2, 31, 4, 1)).toEqual([['Kling 2.6'], ['Kling 3.0'], ['Kling 4.0'], ['']]);
    putRows(hf, LOG, 20, [[dateIn(-1, 20), 'New model', 'Kling 4.0', 'professional', 20, 'yes', 'kept']]);
    const result = checkLog(logView, engine);
    expect(result.months[0]?.credits).toBe(240 + 320);
  });
});
