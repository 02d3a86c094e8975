import { SIGNATURES } from '../contract/signatures';
import { SCHEDULE_HEADER } from '../pricing';
import type { Layout, LayoutCell, LayoutPrices } from './layout';
import { CREDITS, call, cell, fixed, HIGHLIGHT_BACKGROUND, MONEY, PERCENT, span } from './layout';
import type { ShotColumns } from './shotColumns';
import {
  apiFigureFormula,
  attentionFormula,
  BUFFER_MESSAGE,
  columnRange,
  creditsPerImageCell,
  modelListCells,
  perVideoApi,
  perVideoCredits,
  rawCalls,
  rowBuffer,
  statusFormula,
  TEST_TAKES_MESSAGE,
} from './shotColumns';
import { asText } from './text';
import { ACTUALS_ROWS, actualsCall, lastCompleteMonthFormula } from './usageLogLayout';

/**
 * The 12-month plan: shot rows by twelve month columns of videos, a row of images per month, the
 * credits each month needs (native MMULT over the month columns), the cheapest schedule under
 * monthly, first-month-then-renewal and annual billing side by side (the cheapest highlighted),
 * Kling's API over the same months, a chart of spend per month, and budget against actuals from
 * the usage log. Eleven custom-function cells whatever the number of rows. Pure: the writer puts
 * it into a new sheet; the tests evaluate it.
 */

export const MONTHS = 12;
export const PLAN_HEADER_ROW = 13;
export const FIRST_PLAN_ROW = 14;
export const PLAN_ROWS = 30;
const LAST_PLAN_ROW = FIRST_PLAN_ROW + PLAN_ROWS - 1;
const FIRST_MONTH_COL = 8;

export const PLAN_COLUMNS: ShotColumns & { readonly perVideo: number; readonly withBuffer: number; readonly api: number } = {
  first: FIRST_PLAN_ROW,
  rows: PLAN_ROWS,
  scene: 1,
  model: 2,
  mode: 3,
  secs: 4,
  audio: 5,
  testTakes: 6,
  buffer: 7,
  status: FIRST_MONTH_COL + MONTHS,
  required: [
    [3, 'mode'],
    [4, 'seconds'],
  ],
  inputs: [1, 2, 3, 4, 5, 6, 7, ...Array.from({ length: MONTHS }, (_, i) => FIRST_MONTH_COL + i)],
  numbers: [
    { col: FIRST_MONTH_COL, width: MONTHS, kind: 'whole', message: 'videos per month: use whole numbers, 0 or more, in the month columns' },
    { col: 6, kind: 'whole', message: TEST_TAKES_MESSAGE },
    { col: 7, kind: 'rate', message: BUFFER_MESSAGE },
  ],
  perVideo: FIRST_MONTH_COL + MONTHS + 1,
  withBuffer: FIRST_MONTH_COL + MONTHS + 2,
  api: FIRST_MONTH_COL + MONTHS + 3,
  rawCredits: 34,
  rawTestCredits: 35,
  rawApi: 36,
  rawApiTest: 37,
};
const MODEL_LIST_COL = 38;

/** The inputs, A5:B11, by key. */
export const PLAN_INPUTS = {
  start: ['First month', 5],
  buffer: ['Buffer for retakes', 6],
  balance: ['Top-up credits held at the start', 7],
  perImage: ['Credits per image', 8],
  currency: ['Your currency', 9],
  rate: ['USD to your currency (rate)', 10],
  tax: ['Tax rate', 11],
} as const;
type InputKey = keyof typeof PLAN_INPUTS;
export const INPUT: Readonly<Record<InputKey, string>> = Object.fromEntries(
  Object.entries(PLAN_INPUTS).map(([key, [, row]]) => [key, fixed(row, 2)]),
) as Record<InputKey, string>;

export const IMAGES_ROW = LAST_PLAN_ROW + 1;
export const NEED_ROW = IMAGES_ROW + 2;
export const API_WORK_ROW = NEED_ROW + 1;
const ATTENTION_ROW = API_WORK_ROW + 1;
const API_STATUS_ROW = ATTENTION_ROW + 1;

/** The year under each billing: rows of the comparison block. */
export const YEAR_ROW = API_STATUS_ROW + 2;
export const YEAR_BILLINGS = [
  ['monthly', 'Monthly renewals'],
  ['intro', 'First month + renewals'],
  ['annual', 'Annual billing'],
] as const;
const API_YEAR_ROW = YEAR_ROW + 2 + YEAR_BILLINGS.length;

/** The three schedules, side by side. */
export const SCHEDULE_ROW = API_YEAR_ROW + 3;
const SCHEDULE_WIDTH = SCHEDULE_HEADER.length;
export const SCHEDULE_COLS = YEAR_BILLINGS.map((_, i) => 1 + i * (SCHEDULE_WIDTH + 1));
const SCHEDULE_TOTAL_ROW = SCHEDULE_ROW + 1 + MONTHS;
const SPEND_COL = 9;
const PLAN_COL = 3;

export const API_SCHEDULE_ROW = SCHEDULE_TOTAL_ROW + 3;
const API_TOTAL_ROW = API_SCHEDULE_ROW + 3;
export const CASH_ROW = API_TOTAL_ROW + 3;
/** The chart of spend per month, beside the cash flow: its height in pixels, under the 16 rows before the actuals. */
const CHART_HEIGHT = 320;
export const ACTUALS_ROW = CASH_ROW + MONTHS + 4;
const COMPARE_COL = 10;

export interface PlanOptions extends LayoutPrices {
  /** The first month of the plan (a date of that month). */
  readonly start: Date;
  /** The usage log the actuals come from: its quoted sheet name. */
  readonly logSheet: string;
  readonly logName: string;
}

export const EXAMPLE_PLAN: readonly (readonly [string, string, string, number, string, number | '', readonly number[]])[] = [
  ['Launch film', 'Kling 2.6', 'professional', 10, 'no', 2, [6, 6, 2, 2, 2, 2, 2, 2, 2, 2, 8, 8]],
  ['Product shots', 'Kling 2.6', 'standard', 5, 'no', '', [30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30]],
  ['Social cut-downs', 'Kling 3.0', 'standard', 8, 'no', '', [10, 10, 10, 10, 20, 20, 20, 20, 10, 10, 40, 40]],
];

export function planLayout(options: PlanOptions): Layout {
  const c = PLAN_COLUMNS;
  const p = options.pricesRef ?? undefined;
  const r = (col: number) => columnRange(c, col);
  const months = span(FIRST_PLAN_ROW, FIRST_MONTH_COL, PLAN_ROWS, MONTHS);
  const monthCells = (row: number) => span(row, FIRST_MONTH_COL, 1, MONTHS);
  const numbers = (range: string) => `IF(ISNUMBER(${range}),${range},0)`;

  const shotRows: LayoutCell[][] = [];
  for (let i = 0; i < PLAN_ROWS; i++) {
    const e = EXAMPLE_PLAN[i];
    shotRows.push(
      e ? [asText(e[0]), e[1], e[2], e[3], e[4], e[5], '', ...e[6]] : new Array<LayoutCell>(FIRST_MONTH_COL - 1 + MONTHS).fill(''),
    );
  }
  const computed = [
    statusFormula(c),
    `=ARRAYFORMULA(${perVideoCredits(c)})`,
    `=ARRAYFORMULA(IF(${r(c.status)}="ok",${r(c.perVideo)}*(1+${rowBuffer(c, INPUT.buffer)}),""))`,
    `=ARRAYFORMULA(IF(${r(c.status)}="ok",IF(ISNUMBER(${perVideoApi(c)}),${perVideoApi(c)}*(1+${rowBuffer(c, INPUT.buffer)}),"n/a"),""))`,
  ];

  const need =
    `=ARRAYFORMULA(ROUNDUP(ROUND(MMULT(TRANSPOSE(${numbers(r(c.withBuffer))}),${numbers(months)})` +
    `+${numbers(monthCells(IMAGES_ROW))}*${INPUT.perImage}*(1+${INPUT.buffer}),6),0))`;
  const apiStatusCell = cell(API_STATUS_ROW, 2);
  // Blank unless the API figure stands: never a partial sum of the clips the API makes.
  const apiWork = `=ARRAYFORMULA(IF(${apiStatusCell}="ok",MMULT(TRANSPOSE(${numbers(r(c.api))}),${numbers(months)}),""))`;
  const apiStatus = apiFigureFormula(
    c,
    r(c.api),
    `IF(SUM(${monthCells(IMAGES_ROW)})>0,"n/a: the price book has no API price for images","ok")`,
  );

  const header = ['Scene', 'Model', 'Mode', 'Seconds', 'Audio', 'Test takes per video', "Buffer (blank: the sheet's)"];
  const monthHeader = Array.from({ length: MONTHS }, (_, i) => `=TEXT(EDATE(${INPUT.start},${i}),"yyyy-mm")`);
  const computedHeader = ['Status', 'Credits per video', 'Credits per video with buffer', 'Kling API per video with buffer (USD)'];

  // The year under each billing.
  const totalOf = (i: number) => cell(SCHEDULE_TOTAL_ROW, (SCHEDULE_COLS[i] as number) + SPEND_COL - 1);
  const yearCost = (i: number) => fixed(YEAR_ROW + 2 + i, 2);
  const costs = `${fixed(YEAR_ROW + 2, 2)}:${fixed(YEAR_ROW + 1 + YEAR_BILLINGS.length, 2)}`;
  const videosYear = `SUM(ARRAYFORMULA(MMULT(TRANSPOSE(IF(${r(c.status)}="ok",1,0)),${numbers(months)})))`;
  const yearRows = YEAR_BILLINGS.map(([, label], i) => [
    label,
    `=${totalOf(i)}`,
    `=${yearCost(i)}/12`,
    `=IF(${videosYear}>0,${yearCost(i)}/${videosYear},"")`,
    `=${yearCost(i)}*${INPUT.rate}*(1+${INPUT.tax})`,
    `=IF(${yearCost(i)}=MIN(${costs}),"cheapest","")`,
  ]);
  const apiTotal = cell(API_TOTAL_ROW, 5);
  const apiOk = `${apiStatusCell}="ok"`;
  const apiYear = fixed(API_YEAR_ROW, 2);
  const apiRow = [
    'Kling API (prepaid packs, an estimate)',
    `=IF(${apiOk},${apiTotal},${cell(API_STATUS_ROW, 2)})`,
    `=IF(ISNUMBER(${apiYear}),${apiYear}/12,"")`,
    `=IF(AND(ISNUMBER(${apiYear}),${videosYear}>0),${apiYear}/${videosYear},"")`,
    `=IF(ISNUMBER(${apiYear}),${apiYear}*${INPUT.rate}*(1+${INPUT.tax}),"n/a")`,
    `=IF(ISNUMBER(${apiYear}),IF(${apiYear}<MIN(${costs}),"cheaper than the app, with "&${cell(API_TOTAL_ROW, 4)},"packs assumed: "&${cell(API_TOTAL_ROW, 4)}),"")`,
  ];

  const schedules = YEAR_BILLINGS.flatMap(([billing, label], i) => [
    { row: SCHEDULE_ROW - 1, col: SCHEDULE_COLS[i] as number, values: [[`${label}: the cheapest schedule`]] },
    {
      row: SCHEDULE_ROW,
      col: SCHEDULE_COLS[i] as number,
      values: [
        [
          `=${call(SIGNATURES.KLING_SCHEDULE, { credits_by_month: monthCells(NEED_ROW), billing: `"${billing}"`, topup_balance: INPUT.balance, prices: p })}`,
        ],
      ],
    },
  ]);

  // Spend per month: the cash flow of each schedule and of the API's packs.
  const cash: LayoutCell[][] = [['Month', ...YEAR_BILLINGS.map(([, label]) => label), 'Kling API (estimate)']];
  for (let m = 0; m < MONTHS; m++) {
    const row = SCHEDULE_ROW + 1 + m;
    // Blank without an API figure (a chart gap, not a $0 bar).
    const apiWindow = m % 6 === 0 ? `IF(${apiOk},${cell(API_SCHEDULE_ROW + 1 + m / 6, 5)},"")` : `IF(${apiOk},0,"")`;
    cash.push([
      `=TEXT(EDATE(${INPUT.start},${m}),"yyyy-mm")`,
      ...SCHEDULE_COLS.map((col) => `=${cell(row, col + SPEND_COL - 1)}`),
      `=${apiWindow}`,
    ]);
  }

  // Budget against actuals.
  const actualsFirst = ACTUALS_ROW + 1;
  const actualsMonths = `${fixed(actualsFirst, 1)}:${fixed(actualsFirst + ACTUALS_ROWS - 2, 1)}`;
  const actualsColumn = (k: number) => `${fixed(actualsFirst, 1 + k)}:${fixed(actualsFirst + ACTUALS_ROWS - 2, 1 + k)}`;
  const cheapestIndex = `MATCH(MIN(${costs}),${costs},0)`;
  const avgPerCredit = `IF(SUM(${monthCells(NEED_ROW)})=0,0,MIN(${costs})/SUM(${monthCells(NEED_ROW)}))`;
  const compareHeader = [
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
  ];
  const compare: LayoutCell[][] = [compareHeader];
  for (let m = 0; m < MONTHS; m++) {
    const row = ACTUALS_ROW + 1 + m;
    const at = (k: number) => cell(row, COMPARE_COL + k);
    const scheduleRow = SCHEDULE_ROW + 1 + m;
    compare.push([
      `=TEXT(EDATE(${INPUT.start},${m}),"yyyy-mm")`,
      `=INDEX(${monthCells(NEED_ROW)},1,${m + 1})`,
      `=CHOOSE(${cheapestIndex},${SCHEDULE_COLS.map((col) => cell(scheduleRow, col + SPEND_COL - 1)).join(',')})`,
      `=IFERROR(INDEX(${actualsColumn(5)},MATCH(${at(0)},${actualsMonths},0)),"")`,
      `=IF(${at(3)}="","",${at(3)}-${at(1)})`,
      `=IF(${at(4)}="","",${at(4)}*${avgPerCredit})`,
      '',
      `=IF(${at(6)}="","",${at(6)}-${at(2)})`,
      `=IFERROR(INDEX(${actualsColumn(6)},MATCH(${at(0)},${actualsMonths},0)),"")`,
      `=${INPUT.buffer}/(1+${INPUT.buffer})`,
    ]);
  }
  const sumOf = (k: number) => `=SUM(${span(ACTUALS_ROW + 1, COMPARE_COL + k, MONTHS)})`;
  compare.push([
    'Total',
    sumOf(1),
    sumOf(2),
    sumOf(3),
    `=IF(COUNT(${span(ACTUALS_ROW + 1, COMPARE_COL + 3, MONTHS)})=0,"",SUM(${span(ACTUALS_ROW + 1, COMPARE_COL + 4, MONTHS)}))`,
    `=IF(COUNT(${span(ACTUALS_ROW + 1, COMPARE_COL + 3, MONTHS)})=0,"",SUM(${span(ACTUALS_ROW + 1, COMPARE_COL + 5, MONTHS)}))`,
    sumOf(6),
    `=IF(COUNT(${span(ACTUALS_ROW + 1, COMPARE_COL + 6, MONTHS)})=0,"",SUM(${span(ACTUALS_ROW + 1, COMPARE_COL + 7, MONTHS)}))`,
    `=IFERROR(INDEX(${actualsColumn(6)},MATCH("Total",${actualsMonths},0)),"")`,
    `=${INPUT.buffer}/(1+${INPUT.buffer})`,
  ]);
  // Below the KLING_ACTUALS table, in the wide columns A and B (the month columns are too narrow for its labels).
  const decideRow = ACTUALS_ROW + ACTUALS_ROWS + 1;
  const d = (i: number) => cell(decideRow + i, 2);
  const monthAt = `MATCH(${d(0)},${span(ACTUALS_ROW + 1, COMPARE_COL, MONTHS)},0)`;
  const lastMonthPlan = `IFERROR(CHOOSE(${cheapestIndex},${SCHEDULE_COLS.map((col) => `INDEX(${span(SCHEDULE_ROW + 1, col + PLAN_COL - 1, MONTHS)},${monthAt})`).join(',')}),"")`;
  const decide: LayoutCell[][] = [
    ['Last complete month of the log', lastCompleteMonthFormula(actualsMonths, ACTUALS_ROWS - 1)],
    ['Credits spent that month', `=IFERROR(INDEX(${actualsColumn(5)},MATCH(${d(0)},${actualsMonths},0)),"")`],
    [
      'Cheapest plan for that real volume',
      `=${call(SIGNATURES.KLING_BEST_PLAN, { credits_per_month: d(1), billing: '"monthly"', allow_topups: 'TRUE()', prices: p })}`,
    ],
    [
      'Its cost (USD)',
      `=${call(SIGNATURES.KLING_MONTHLY_COST, { credits_per_month: d(1), billing: '"monthly"', allow_topups: 'TRUE()', prices: p })}`,
    ],
    ['The plan budgeted for that month', `=${lastMonthPlan}`],
    [
      'Change plan?',
      // The plans compared by name: "Standard + 330-credit pack" is the plan Standard (the schedule carries its packs).
      `=IF(${d(2)}="","log a complete month first",IF(${d(4)}="","for that volume: "&${d(2)}&" (the month is outside this plan)",IF(LEFT(${d(2)},FIND(" +",${d(2)}&" +")-1)=${d(4)},"no: "&${d(4)}&" fits what you really used","the numbers point to "&${d(2)})))`,
    ],
  ];

  const perImage = creditsPerImageCell(options);
  const inputValues: Record<InputKey, LayoutCell> = {
    start: options.start,
    buffer: 0.2,
    balance: 0,
    perImage,
    currency: 'USD',
    rate: 1,
    tax: 0,
  };
  const modelList = modelListCells(options);
  const help =
    'One row per kind of shot; type the finished videos you need in each month (and images per month below). The credits of each month, the cheapest schedule under each billing (top-ups carried over) and the API over the same months follow. A row that is not complete says what it needs in Status and is left out.';

  const year = YEAR_ROW;
  return {
    blocks: [
      { row: 1, col: 1, values: [['Kling 12-month plan'], [help], [`Prices: ${asText(options.pricesNote)}`]] },
      { row: 5, col: 1, values: (Object.keys(PLAN_INPUTS) as InputKey[]).map((key) => [PLAN_INPUTS[key][0], inputValues[key]]) },
      { row: PLAN_HEADER_ROW, col: 1, values: [[...header, ...monthHeader, ...computedHeader]] },
      { row: FIRST_PLAN_ROW, col: 1, values: shotRows },
      { row: FIRST_PLAN_ROW, col: c.status, values: [computed] },
      {
        row: PLAN_HEADER_ROW,
        col: c.rawCredits,
        values: [['(credits per clip)', '(credits per test take)', '(API per clip)', '(API per test take)', '(models)']],
      },
      { row: FIRST_PLAN_ROW, col: c.rawCredits, values: [rawCalls(c, p).map((x) => x.formula)] },
      { row: FIRST_PLAN_ROW, col: MODEL_LIST_COL, values: modelList },
      { row: IMAGES_ROW, col: 1, values: [['Images per month']] },
      { row: IMAGES_ROW, col: FIRST_MONTH_COL, values: [new Array<LayoutCell>(MONTHS).fill(0)] },
      {
        row: NEED_ROW,
        col: 1,
        values: [
          ['Credits needed, with buffer'],
          ['Kling API work at list prices, with buffer (USD)'],
          ['Rows left out', attentionFormula(c)],
          ['Kling API figure', apiStatus],
        ],
      },
      { row: NEED_ROW, col: FIRST_MONTH_COL, values: [[need], [apiWork]] },
      { row: year, col: 1, values: [['The year under each billing: cheapest schedules, top-ups carried over']] },
      {
        row: year + 1,
        col: 1,
        values: [
          [
            'Billing',
            '12-month cost (USD)',
            'Average month (USD)',
            'Cost per delivered video (USD)',
            '12 months in your currency, tax included',
            'Cheapest',
          ],
          ...yearRows,
          apiRow,
        ],
      },
      ...schedules,
      { row: API_SCHEDULE_ROW - 1, col: 1, values: [["Kling's API over the same months: prepaid packs per 6-month window (an estimate)"]] },
      {
        row: API_SCHEDULE_ROW,
        col: 1,
        values: [[`=${call(SIGNATURES.KLING_API_SCHEDULE, { api_usd_by_month: monthCells(API_WORK_ROW), prices: p })}`]],
      },
      { row: CASH_ROW - 1, col: 1, values: [['Spend per month (USD): the cash flow']] },
      { row: CASH_ROW, col: 1, values: cash },
      { row: ACTUALS_ROW - 2, col: 1, values: [[`Budget against actuals, from the usage log "${asText(options.logName)}"`]] },
      {
        row: ACTUALS_ROW - 1,
        col: 1,
        values: [
          [
            `=IF(ISERROR(${cell(ACTUALS_ROW, 1)}),"The usage log has a row to fix (its By month table names it): the actual figures stay blank until then.","")`,
          ],
        ],
      },
      { row: ACTUALS_ROW, col: 1, values: [[actualsCall(options.logSheet, p)]] },
      { row: ACTUALS_ROW, col: COMPARE_COL, values: compare },
      { row: decideRow, col: 1, values: decide },
    ],
    formats: [
      [INPUT.start, 'yyyy-mm'],
      [INPUT.buffer, PERCENT],
      [INPUT.balance, CREDITS],
      [INPUT.currency, '@'],
      [INPUT.tax, PERCENT],
      [r(c.model), '@'],
      [r(c.buffer), PERCENT],
      [span(FIRST_PLAN_ROW, c.perVideo, PLAN_ROWS, 2), CREDITS],
      [r(c.api), MONEY],
      [monthCells(NEED_ROW), CREDITS],
      [monthCells(API_WORK_ROW), MONEY],
      [span(year + 2, 2, 4, 4), MONEY],
      [span(year + 2, 5, 4, 1), '#,##0.00'],
      [span(CASH_ROW + 1, 2, MONTHS, 4), MONEY],
      [span(ACTUALS_ROW + 1, COMPARE_COL + 1, MONTHS + 1), CREDITS],
      [span(ACTUALS_ROW + 1, COMPARE_COL + 2, MONTHS + 1), MONEY],
      [span(ACTUALS_ROW + 1, COMPARE_COL + 3, MONTHS + 1, 2), CREDITS],
      [span(ACTUALS_ROW + 1, COMPARE_COL + 5, MONTHS + 1, 3), MONEY],
      [span(ACTUALS_ROW + 1, COMPARE_COL + 8, MONTHS + 1, 2), '0.0%'],
      // KLING_ACTUALS's table: credits, retake rate, credits per kept video.
      [span(ACTUALS_ROW + 1, 6, ACTUALS_ROWS - 1), CREDITS],
      [span(ACTUALS_ROW + 1, 7, ACTUALS_ROWS - 1), '0.0%'],
      [span(ACTUALS_ROW + 1, 8, ACTUALS_ROWS - 1), CREDITS],
      [d(1), CREDITS],
      [d(3), MONEY],
    ],
    validations: [
      { a1: INPUT.start, kind: 'date', help: 'A date in the first month of the plan.' },
      {
        a1: INPUT.buffer,
        kind: 'number',
        min: 0,
        max: 1,
        help: 'Buffer for retakes, 0 % to 100 % (the guide plans 20 %: need 500, budget 600).',
      },
      { a1: INPUT.balance, kind: 'number', min: 0, help: 'Top-up credits you already hold (valid two years).' },
      { a1: INPUT.rate, kind: 'number', min: 0, help: 'How many units of your currency one US dollar buys (1 for USD).' },
      { a1: INPUT.tax, kind: 'number', min: 0, max: 1, help: 'Tax added to the prices, 0 % to 100 %.' },
      {
        a1: r(c.model),
        kind: 'range',
        source: span(FIRST_PLAN_ROW, MODEL_LIST_COL, PLAN_ROWS),
        help: 'A model of the price table in force.',
      },
      { a1: r(c.mode), kind: 'list', values: ['standard', 'professional', '4k'] },
      {
        a1: r(c.secs),
        kind: 'number',
        min: 1,
        max: 600,
        help: 'Seconds, as the model makes them: 5 or 10 for Kling 2.6, 3 to 15 for Kling 3.0.',
      },
      {
        a1: r(c.audio),
        kind: 'list',
        values: ['no', 'yes', 'voice'],
        help: 'yes: native audio; voice: audio with voice control (where the model prices it).',
      },
      { a1: r(c.testTakes), kind: 'number', min: 0, max: 100, help: 'Standard-mode drafts made before each final video (blank: none).' },
      {
        a1: r(c.buffer),
        kind: 'number',
        min: 0,
        max: 1,
        help: "This shot's buffer for retakes, 0 % to 100 % (blank: the sheet's buffer).",
      },
      { a1: months, kind: 'number', min: 0, help: 'Finished videos needed that month, 0 or more.' },
      { a1: monthCells(IMAGES_ROW), kind: 'number', min: 0, help: 'Images made that month, from the same credits.' },
      {
        a1: span(ACTUALS_ROW + 1, COMPARE_COL + 6, MONTHS),
        kind: 'number',
        min: 0,
        help: 'What Kling invoiced for the month, in USD (optional).',
      },
    ],
    notes: [
      [
        INPUT.buffer,
        'Extra credits for retakes: unusable output costs full credits. 20 % means a need of 500 credits is budgeted at 600 (a retake rate of 1/6).',
      ],
      [
        INPUT.perImage,
        "From the price book (the guide's 0.2 credits; a plan-page reading suggests about 1 credit): change it if your account shows another.",
      ],
      [INPUT.rate, 'Type the rate, or get it live with =GOOGLEFINANCE("CURRENCY:USDEUR") (put your currency code after USD).'],
      [cell(NEED_ROW, 1), "Each month: the credits of its videos (with test takes and each row's buffer) plus its images, rounded up."],
      [
        cell(year, 1),
        'Top-up credits last two years, so a plan that falls a little short buys packs only when its balance runs out, largest first. Annual billing pays each 12-month term in its first month.',
      ],
      [
        cell(API_SCHEDULE_ROW - 1, 1),
        "Kling's API is sold only in prepaid packs that expire: at the start of each 6-month window with work it buys the cheapest standard packs covering it. Trial packs are never counted.",
      ],
      [
        cell(ACTUALS_ROW, COMPARE_COL + 5),
        "Credits variance x this plan's average cost per credit over the year (its cheapest 12-month cost / its budgeted credits): an estimate.",
      ],
      [
        cell(ACTUALS_ROW, COMPARE_COL + 8),
        'Discarded / (kept + discarded) in the usage log; on the Total row, over every month the log holds.',
      ],
      [cell(ACTUALS_ROW, COMPARE_COL + 9), 'A buffer b assumes a retake rate of b / (1 + b): 20 % assumes 1 in 6 takes is thrown away.'],
    ],
    inputs: [
      span(5, 2, 7),
      span(FIRST_PLAN_ROW, 1, PLAN_ROWS, FIRST_MONTH_COL - 1 + MONTHS),
      monthCells(IMAGES_ROW),
      span(ACTUALS_ROW + 1, COMPARE_COL + 6, MONTHS),
    ],
    bold: [
      'A1',
      span(PLAN_HEADER_ROW, 1, 1, c.api),
      cell(year, 1),
      span(year + 1, 1, 1, 6),
      ...SCHEDULE_COLS.map((col) => cell(SCHEDULE_ROW - 1, col)),
      cell(API_SCHEDULE_ROW - 1, 1),
      cell(CASH_ROW - 1, 1),
      cell(ACTUALS_ROW - 2, 1),
      span(ACTUALS_ROW, COMPARE_COL, 1, compareHeader.length),
      d(5),
    ],
    muted: ['A2', 'A3'],
    wrap: [
      span(PLAN_HEADER_ROW, 1, 1, c.api),
      span(year + 1, 1, 1, 6),
      span(CASH_ROW, 1, 1, 5),
      span(ACTUALS_ROW, 1, 1, 8),
      span(ACTUALS_ROW, COMPARE_COL, 1, compareHeader.length),
    ],
    highlights: [
      {
        a1: span(year + 2, 1, YEAR_BILLINGS.length, 6),
        formula: `=$B${year + 2}=MIN($B$${year + 2}:$B$${year + 1 + YEAR_BILLINGS.length})`,
        background: HIGHLIGHT_BACKGROUND,
      },
    ],
    charts: [
      {
        type: 'COLUMN',
        title: 'Spend per month (USD): each billing and the API',
        ranges: [span(CASH_ROW, 1, MONTHS + 1, 5)],
        row: CASH_ROW - 1,
        col: 7,
        // Sized so it ends above the actuals below it (Sheets' default height would cover their header).
        width: 600,
        height: CHART_HEIGHT,
      },
    ],
    widths: [
      [1, 230],
      [2, 150],
      [3, 95],
      [4, 65],
      [5, 55],
      [6, 80],
      [7, 90],
      ...Array.from({ length: MONTHS }, (_, i) => [FIRST_MONTH_COL + i, 70] as [number, number]),
      [c.status, 200],
    ],
    hiddenColumns: [c.rawCredits, c.rawTestCredits, c.rawApi, c.rawApiTest, MODEL_LIST_COL],
    frozenRows: PLAN_HEADER_ROW,
    start: cell(FIRST_PLAN_ROW, 1),
  };
}
