import { SIGNATURES } from '../contract/signatures';
import { MAX_RETAKE_RATE, PLANNING_RETAKE_RATE, SCHEDULE_HEADER } from '../pricing';
import type { ChannelArgs, FinanceInputs, TablePos } from './financeBlocks';
import {
  appReasonFormula,
  CASE_DEFAULTS,
  casesBlock,
  channelsCall,
  cheapestLabel,
  cheapestTotal,
  FINANCE_INPUT_LABELS,
  lockedBlock,
  lockedPricesRange,
  notComparedFormula,
  priceChangesFormula,
  rangeFormula,
  tableColumn,
} from './financeBlocks';
import type { Layout, LayoutCell, LayoutPrices } from './layout';
import { absolute, CREDITS, call, cell, fixed, HIGHLIGHT_BACKGROUND, MONEY, PERCENT, span } from './layout';
import type { ShotColumns } from './shotColumns';
import {
  anyNoAppCredits,
  attentionFormula,
  channelInputs,
  columnRange,
  creditsPerImageCell,
  modelListCells,
  NO_APP_CREDITS,
  needUp,
  OK,
  passesFormula,
  perVideoCredits,
  priceAgeFormula,
  RETAKE_MESSAGE,
  rawCalls,
  rowRetakeRate,
  statusFormula,
  TEST_TAKES_MESSAGE,
} from './shotColumns';
import { asText } from './text';
import { ACTUALS_ROWS, actualsCall, lastCompleteMonthFormula } from './usageLogLayout';

/**
 * The 12-month plan: shot rows by twelve month columns of videos, a row of images per month, the
 * credits each month needs (native MMULT over the month columns, retakes included, each month
 * rounded by the counts rule), the cheapest schedule under monthly, first-month-then-renewal and
 * annual billing side by side, every channel over the same months (the app on its cheapest
 * billing, Kling's API with its packs, each reseller: one KLING_CHANNELS call; a second gives each
 * channel's spend by month for the chart), the low, typical and high cases with a contingency,
 * the locked version, and budget against actuals from the usage log. Fourteen custom-function
 * cells whatever the number of rows. Pure: the writer puts it into a new sheet; the tests evaluate it.
 */

export const MONTHS = 12;
/** The inputs, A5:B20, by key: label and row. */
export const PLAN_INPUTS = {
  start: ['First month', 5],
  retakeRate: ['Retake rate (share of takes thrown away)', 6],
  balance: ['Top-up credits held at the start', 7],
  perImage: ['Credits per image', 8],
  contingency: [FINANCE_INPUT_LABELS.contingency, 9],
  lowRate: [FINANCE_INPUT_LABELS.lowRate, 10],
  highRate: [FINANCE_INPUT_LABELS.highRate, 11],
  lowCpi: [FINANCE_INPUT_LABELS.lowCpi, 12],
  highCpi: [FINANCE_INPUT_LABELS.highCpi, 13],
  currency: ['Your currency', 14],
  rate: ['USD to your currency (rate)', 15],
  tax: ['Tax rate', 16],
  lockedSheet: [FINANCE_INPUT_LABELS.lockedSheet, 17],
  lockedPrices: [FINANCE_INPUT_LABELS.lockedPrices, 18],
} as const;
type InputKey = keyof typeof PLAN_INPUTS;
export const INPUT: Readonly<Record<InputKey, string>> = Object.fromEntries(
  Object.entries(PLAN_INPUTS).map(([key, [, row]]) => [key, fixed(row, 2)]),
) as Record<InputKey, string>;

export const PLAN_HEADER_ROW = 20;
export const FIRST_PLAN_ROW = PLAN_HEADER_ROW + 1;
export const PLAN_ROWS = 30;
const LAST_PLAN_ROW = FIRST_PLAN_ROW + PLAN_ROWS - 1;
const FIRST_MONTH_COL = 8;

export const PLAN_COLUMNS: ShotColumns & { readonly perVideo: number; readonly withRetakes: number } = {
  first: FIRST_PLAN_ROW,
  rows: PLAN_ROWS,
  scene: 1,
  model: 2,
  mode: 3,
  secs: 4,
  audio: 5,
  testTakes: 6,
  retakeRate: 7,
  status: FIRST_MONTH_COL + MONTHS,
  required: [
    [3, 'mode'],
    [4, 'seconds'],
  ],
  inputs: [1, 2, 3, 4, 5, 6, 7, ...Array.from({ length: MONTHS }, (_, i) => FIRST_MONTH_COL + i)],
  numbers: [
    { col: FIRST_MONTH_COL, width: MONTHS, kind: 'whole', message: 'videos per month: use whole numbers, 0 or more, in the month columns' },
    { col: 6, kind: 'whole', message: TEST_TAKES_MESSAGE },
    { col: 7, kind: 'rate', message: RETAKE_MESSAGE },
  ],
  perVideo: FIRST_MONTH_COL + MONTHS + 1,
  withRetakes: FIRST_MONTH_COL + MONTHS + 2,
  rawCredits: 34,
  rawTestCredits: 35,
};
const MODEL_LIST_COL = 36;
/** Hidden: the rows KLING_CHANNELS reads (model, mode, seconds, audio, test takes, retake rate), then the 12 month columns. */
export const CHANNEL_INPUT_COL = 37;
const CHANNEL_MONTHS_COL = CHANNEL_INPUT_COL + 6;
/** Hidden: the channels tables of the low case, the high case, the live work at locked prices, and the typical case by month. */
export const HIDDEN_TABLE_COLS = { low: 56, high: 62, locked: 68, months: 74 } as const;
/** Rows reserved for a channels table: the header, the app, Kling's API, up to 12 resellers, the Cheapest row. */
export const CHANNEL_TABLE_ROWS = 16;
/** A cell the layout leaves blank (a hidden column's first row): what INDIRECT reads while no version is locked. */
const BLANK_CELL = 'BC1';

export const IMAGES_ROW = LAST_PLAN_ROW + 1;
export const NEED_ROW = IMAGES_ROW + 2;
const ATTENTION_ROW = NEED_ROW + 1;

/** The year under each billing: rows of the comparison block. */
export const YEAR_ROW = ATTENTION_ROW + 2;
export const YEAR_BILLINGS = [
  ['monthly', 'Monthly renewals'],
  ['intro', 'First month + renewals'],
  ['annual', 'Annual billing'],
] as const;

/** Every channel over the same months, and the verdict. */
export const CHANNELS_ROW = YEAR_ROW + 2 + YEAR_BILLINGS.length + 2;
export const VERDICT_ROW = CHANNELS_ROW + CHANNEL_TABLE_ROWS + 1;
/** The low, typical and high cases; the locked version. */
export const CASES_ROW = VERDICT_ROW + 8;
export const LOCKED_ROW = CASES_ROW + 6;

/** The three schedules, side by side. */
export const SCHEDULE_ROW = LOCKED_ROW + 9;
const SCHEDULE_WIDTH = SCHEDULE_HEADER.length;
export const SCHEDULE_COLS = YEAR_BILLINGS.map((_, i) => 1 + i * (SCHEDULE_WIDTH + 1));
const SCHEDULE_TOTAL_ROW = SCHEDULE_ROW + 1 + MONTHS;
const SPEND_COL = 9;
const PLAN_COL = 3;

export const CASH_ROW = SCHEDULE_TOTAL_ROW + 3;
/** The chart of spend per month, beside the cash flow: its height in pixels, under the 16 rows before the actuals. */
const CHART_HEIGHT = 320;
export const ACTUALS_ROW = CASH_ROW + MONTHS + 4;
const COMPARE_COL = 10;
export const CHANGES_ROW = ACTUALS_ROW + ACTUALS_ROWS + 10;

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
    `=ARRAYFORMULA(IF(${r(c.status)}="${OK}",${r(c.perVideo)}/(1-${rowRetakeRate(c, INPUT.retakeRate)}),""))`,
  ];
  const noApp = anyNoAppCredits(c);

  // Each month: the credits of its videos (with test takes and each row's retake rate) plus its images, by the counts rule.
  const monthSum = `MMULT(TRANSPOSE(${numbers(r(c.withRetakes))}),${numbers(months)})+${numbers(monthCells(IMAGES_ROW))}*${INPUT.perImage}/(1-${INPUT.retakeRate})`;

  const header = ['Scene', 'Model', 'Mode', 'Seconds', 'Audio', 'Test takes per video', "Retake rate (blank: the sheet's)"];
  const monthHeader = Array.from({ length: MONTHS }, (_, i) => `=TEXT(EDATE(${INPUT.start},${i}),"yyyy-mm")`);
  const computedHeader = ['Status', 'Credits per video', 'Credits per video with retakes'];

  // The hidden columns KLING_CHANNELS reads: complete rows only (others blanked, videos too), the images row.
  const inputCol = (i: number) => span(FIRST_PLAN_ROW, CHANNEL_INPUT_COL + i, PLAN_ROWS);
  const pass = passesFormula(c);
  const channelMonths = `=ARRAYFORMULA(IF(${pass},IF(ISNUMBER(${months}),${months},0),0))`;
  const args: ChannelArgs = {
    models: inputCol(0),
    modes: inputCol(1),
    secs: inputCol(2),
    audios: inputCol(3),
    testTakes: inputCol(4),
    rowRates: inputCol(5),
    videos: span(FIRST_PLAN_ROW, CHANNEL_MONTHS_COL, PLAN_ROWS, MONTHS),
    images: monthCells(IMAGES_ROW),
    topupBalance: INPUT.balance,
    prices: p,
  };
  const f: FinanceInputs = {
    retakeRate: INPUT.retakeRate,
    creditsPerImage: INPUT.perImage,
    contingency: INPUT.contingency,
    lowRate: INPUT.lowRate,
    highRate: INPUT.highRate,
    lowCpi: INPUT.lowCpi,
    highCpi: INPUT.highCpi,
    lockedSheet: INPUT.lockedSheet,
    lockedPrices: INPUT.lockedPrices,
  };
  const table: TablePos = { row: CHANNELS_ROW, col: 1, rows: CHANNEL_TABLE_ROWS };
  const hiddenTable = (col: number): TablePos => ({ row: FIRST_PLAN_ROW, col, rows: CHANNEL_TABLE_ROWS });
  const tables = { low: hiddenTable(HIDDEN_TABLE_COLS.low), typical: table, high: hiddenTable(HIDDEN_TABLE_COLS.high) };
  // The months detail: a header (Month, then each channel's label) and 12 months.
  const monthsTable = absolute(span(FIRST_PLAN_ROW, HIDDEN_TABLE_COLS.months, MONTHS + 1, CHANNEL_TABLE_ROWS));
  const monthsHeader = absolute(span(FIRST_PLAN_ROW, HIDDEN_TABLE_COLS.months, 1, CHANNEL_TABLE_ROWS));
  const lockedPricesRef = lockedPricesRange(f, BLANK_CELL);
  const appReason = appReasonFormula(table);
  const need = `=ARRAYFORMULA(IF(${noApp},${appReason},${needUp(monthSum)}))`;

  // The year under each billing: the three schedules.
  const totalOf = (i: number) => cell(SCHEDULE_TOTAL_ROW, (SCHEDULE_COLS[i] as number) + SPEND_COL - 1);
  const yearCost = (i: number) => fixed(YEAR_ROW + 2 + i, 2);
  const costs = `${fixed(YEAR_ROW + 2, 2)}:${fixed(YEAR_ROW + 1 + YEAR_BILLINGS.length, 2)}`;
  const videosYear = `SUM(ARRAYFORMULA(MMULT(TRANSPOSE(IF(${pass},1,0)),${numbers(months)})))`;
  const yearRows = YEAR_BILLINGS.map(([, label], i) => [
    label,
    `=IF(${noApp},${appReason},${totalOf(i)})`,
    `=IF(ISNUMBER(${yearCost(i)}),${yearCost(i)}/12,"n/a")`,
    `=IF(AND(ISNUMBER(${yearCost(i)}),${videosYear}>0),${yearCost(i)}/${videosYear},"")`,
    `=IF(ISNUMBER(${yearCost(i)}),${yearCost(i)}*${INPUT.rate}*(1+${INPUT.tax}),"n/a")`,
    `=IF(ISNUMBER(${yearCost(i)}),IF(${yearCost(i)}=MIN(${costs}),"cheapest",""),"")`,
  ]);

  // The needs as numbers only: with a row the app cannot price, every schedule is blank and its title says why.
  const needs = `ARRAYFORMULA(IF(ISNUMBER(${monthCells(NEED_ROW)}),${monthCells(NEED_ROW)},""))`;
  const schedules = YEAR_BILLINGS.flatMap(([billing, label], i) => [
    {
      row: SCHEDULE_ROW - 1,
      col: SCHEDULE_COLS[i] as number,
      values: [[`=IF(${noApp},"${label}: "&${appReason},"${label}: the cheapest schedule in the app")`]],
    },
    {
      row: SCHEDULE_ROW,
      col: SCHEDULE_COLS[i] as number,
      values: [
        [
          `=${call(SIGNATURES.KLING_SCHEDULE, { credits_by_month: needs, billing: `"${billing}"`, topup_balance: INPUT.balance, prices: p })}`,
        ],
      ],
    },
  ]);

  // The cheapest reseller (the reseller row of the channels table with the lowest total) and its spend by month.
  const labels = tableColumn(table, 1);
  const totals = tableColumn(table, 2);
  const isReseller = `(SEQUENCE(${CHANNEL_TABLE_ROWS})>=4)*(${labels}<>"Cheapest")*(${labels}<>"")*ISNUMBER(${totals})`;
  const resellerMin = `MIN(ARRAYFORMULA(IF(${isReseller},${totals},1E+300)))`;
  const resellerLabel = `INDEX(${labels},MATCH(1,ARRAYFORMULA(${isReseller}*(${totals}=${resellerMin})),0))`;
  const resellerLabelCell = fixed(CASH_ROW - 1, 7);
  const cash: LayoutCell[][] = [
    ['Month', ...YEAR_BILLINGS.map(([, l]) => `App, ${l.toLowerCase()}`), 'Kling API (estimate)', 'Cheapest reseller (estimate)'],
  ];
  for (let m = 0; m < MONTHS; m++) {
    const row = SCHEDULE_ROW + 1 + m;
    const detail = (col: string) => `IFERROR(INDEX(${monthsTable},${m + 2},${col}),"")`;
    const chartValue = (x: string) => `IF(ISNUMBER(${x}),${x},"")`;
    cash.push([
      `=TEXT(EDATE(${INPUT.start},${m}),"yyyy-mm")`,
      ...SCHEDULE_COLS.map((col) => `=IFERROR(${chartValue(cell(row, col + SPEND_COL - 1))},"")`),
      `=${chartValue(detail('3'))}`,
      `=IF(${resellerLabelCell}="","",${chartValue(detail(`MATCH(${resellerLabelCell},${monthsHeader},0)`))})`,
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
    'Budgeted spend in the app (USD)',
    'Actual credits',
    'Credits variance',
    'Spend variance (USD, estimate)',
    'Invoiced by Kling (USD, type it)',
    'Invoice variance (USD)',
    'Retake rate observed',
    'Retake rate the budget assumes',
  ];
  const compare: LayoutCell[][] = [compareHeader];
  for (let m = 0; m < MONTHS; m++) {
    const row = ACTUALS_ROW + 1 + m;
    const at = (k: number) => cell(row, COMPARE_COL + k);
    const scheduleRow = SCHEDULE_ROW + 1 + m;
    compare.push([
      `=TEXT(EDATE(${INPUT.start},${m}),"yyyy-mm")`,
      `=INDEX(${monthCells(NEED_ROW)},1,${m + 1})`,
      `=IFERROR(CHOOSE(${cheapestIndex},${SCHEDULE_COLS.map((col) => cell(scheduleRow, col + SPEND_COL - 1)).join(',')}),"n/a")`,
      `=IFERROR(INDEX(${actualsColumn(5)},MATCH(${at(0)},${actualsMonths},0)),"")`,
      `=IF(${at(3)}="","",${at(3)}-${at(1)})`,
      `=IF(${at(4)}="","",IFERROR(${at(4)}*${avgPerCredit},"n/a"))`,
      '',
      `=IF(${at(6)}="","",IF(ISNUMBER(${at(2)}),${at(6)}-${at(2)},"n/a"))`,
      `=IFERROR(INDEX(${actualsColumn(6)},MATCH(${at(0)},${actualsMonths},0)),"")`,
      `=${INPUT.retakeRate}`,
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
    `=${INPUT.retakeRate}`,
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

  // Low, typical and high: credits over the 12 months (each month rounded by the counts rule, added).
  const caseMonths = (rate: string, cpi: string) =>
    `SUM(ARRAYFORMULA(${needUp(`MMULT(TRANSPOSE(${numbers(r(c.perVideo))}),${numbers(months)})/(1-${rate})+${numbers(monthCells(IMAGES_ROW))}*${cpi}/(1-${rate})`)}))`;
  const casesCredits = {
    low: `IF(${noApp},${appReason},${caseMonths(f.lowRate, f.lowCpi)})`,
    typical: `IF(${noApp},${appReason},SUM(${monthCells(NEED_ROW)}))`,
    high: `IF(${noApp},${appReason},${caseMonths(f.highRate, f.highCpi)})`,
  };
  const caseRow = (i: number) => CASES_ROW + 1 + i;
  const after = { low: fixed(caseRow(0), 9), typical: fixed(caseRow(1), 9), high: fixed(caseRow(2), 9) };
  const reasons = { low: cheapestLabel(tables.low), typical: cheapestLabel(tables.typical), high: cheapestLabel(tables.high) };
  const verdict: LayoutCell[][] = [
    ['Cheapest channel over the 12 months', `=IFERROR(${cheapestLabel(table)},"n/a")`],
    ['Its total (USD)', `=IFERROR(${cheapestTotal(table)},"n/a")`],
    [
      `="Contingency "&ROUND(${f.contingency}*100,2)&" % (USD)"`,
      `=IF(ISNUMBER(B${VERDICT_ROW + 1}),B${VERDICT_ROW + 1}*${f.contingency},"n/a")`,
    ],
    ['Total after contingency (USD)', `=${after.typical}`],
    ['Low / typical / high', rangeFormula(f, after, reasons)],
    ['Channels without a figure', `=IFERROR(${notComparedFormula(table)},"")`],
  ];

  const perImage = creditsPerImageCell(options);
  const inputValues: Record<InputKey, LayoutCell> = {
    start: options.start,
    retakeRate: PLANNING_RETAKE_RATE,
    balance: 0,
    perImage,
    contingency: 0,
    lowRate: CASE_DEFAULTS.lowRate,
    highRate: CASE_DEFAULTS.highRate,
    lowCpi: CASE_DEFAULTS.lowCpi,
    highCpi: CASE_DEFAULTS.highCpi,
    currency: 'USD',
    rate: 1,
    tax: 0,
    lockedSheet: '',
    lockedPrices: '',
  };
  const modelList = modelListCells(options);
  const help =
    "One row per kind of shot; type the finished videos you need in each month (and images per month below). The retake rate is the share of finished takes you throw away (20 % plans 500 credits as 625). Each month's credits, the cheapest schedule in the app under each billing (top-ups carried over) and every channel over the same months follow; a row that is not complete says what it needs in Status and is left out.";

  const year = YEAR_ROW;
  return {
    blocks: [
      { row: 1, col: 1, values: [['Kling 12-month plan'], [help], [`Prices: ${asText(options.pricesNote)}`], [priceAgeFormula(options)]] },
      { row: 5, col: 1, values: (Object.keys(PLAN_INPUTS) as InputKey[]).map((key) => [PLAN_INPUTS[key][0], inputValues[key]]) },
      { row: PLAN_HEADER_ROW, col: 1, values: [[...header, ...monthHeader, ...computedHeader]] },
      { row: FIRST_PLAN_ROW, col: 1, values: shotRows },
      { row: FIRST_PLAN_ROW, col: c.status, values: [computed] },
      {
        row: PLAN_HEADER_ROW,
        col: c.rawCredits,
        values: [
          [
            '(credits per clip)',
            '(credits per test take)',
            '(models)',
            '(model)',
            '(mode)',
            '(seconds)',
            '(audio)',
            '(test takes)',
            '(retake rate)',
            ...Array.from({ length: MONTHS }, (_, i) => `(month ${i + 1})`),
          ],
        ],
      },
      { row: FIRST_PLAN_ROW, col: c.rawCredits, values: [rawCalls(c, p).map((x) => x.formula)] },
      { row: FIRST_PLAN_ROW, col: MODEL_LIST_COL, values: modelList },
      { row: FIRST_PLAN_ROW, col: CHANNEL_INPUT_COL, values: [[...channelInputs(c, INPUT.retakeRate), channelMonths]] },
      { row: IMAGES_ROW, col: 1, values: [['Images per month']] },
      { row: IMAGES_ROW, col: FIRST_MONTH_COL, values: [new Array<LayoutCell>(MONTHS).fill(0)] },
      {
        row: NEED_ROW,
        col: 1,
        values: [['Credits needed in the app, with retakes'], ['Rows left out', attentionFormula(c)]],
      },
      { row: NEED_ROW, col: FIRST_MONTH_COL, values: [[need]] },
      { row: year, col: 1, values: [['The app over the year under each billing: cheapest schedules, top-ups carried over']] },
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
        ],
      },
      {
        row: CHANNELS_ROW - 1,
        col: 1,
        values: [['Every channel over the same months (the app on its cheapest billing, an estimate for the API and resellers)']],
      },
      { row: CHANNELS_ROW, col: 1, values: [[`=${channelsCall(args, f, 'typical')}`]] },
      { row: VERDICT_ROW, col: 1, values: verdict },
      { row: FIRST_PLAN_ROW, col: HIDDEN_TABLE_COLS.low, values: [[`=${channelsCall(args, f, 'low')}`]] },
      { row: FIRST_PLAN_ROW, col: HIDDEN_TABLE_COLS.high, values: [[`=${channelsCall(args, f, 'high')}`]] },
      {
        row: FIRST_PLAN_ROW,
        col: HIDDEN_TABLE_COLS.locked,
        values: [[`=${channelsCall(args, f, 'typical', lockedPricesRef)}`]],
      },
      { row: FIRST_PLAN_ROW, col: HIDDEN_TABLE_COLS.months, values: [[`=${channelsCall(args, f, 'typical', undefined, '"months"')}`]] },
      { row: CASES_ROW - 1, col: 1, values: [['Low, typical and high: the retake rate and the credits an image costs']] },
      { row: CASES_ROW, col: 1, values: casesBlock(f, tables, casesCredits) },
      { row: LOCKED_ROW, col: 1, values: lockedBlock(f, after.typical, hiddenTable(HIDDEN_TABLE_COLS.locked), 1, LOCKED_ROW) },
      ...schedules,
      { row: CASH_ROW - 1, col: 1, values: [['Spend per month (USD): the cash flow']] },
      { row: CASH_ROW - 1, col: 6, values: [['Cheapest reseller:', `=IFERROR(${resellerLabel},"")`]] },
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
      { row: CHANGES_ROW - 1, col: 1, values: [['Price rows changed since the locked version']] },
      { row: CHANGES_ROW, col: 1, values: [[priceChangesFormula(f, p, BLANK_CELL)]] },
    ],
    formats: [
      [INPUT.start, 'yyyy-mm'],
      [INPUT.retakeRate, PERCENT],
      [INPUT.balance, CREDITS],
      [INPUT.contingency, PERCENT],
      [INPUT.lowRate, PERCENT],
      [INPUT.highRate, PERCENT],
      [INPUT.currency, '@'],
      [INPUT.tax, PERCENT],
      [INPUT.lockedSheet, '@'],
      [INPUT.lockedPrices, '@'],
      [r(c.model), '@'],
      [r(c.retakeRate), PERCENT],
      [span(FIRST_PLAN_ROW, c.perVideo, PLAN_ROWS, 2), CREDITS],
      [monthCells(NEED_ROW), CREDITS],
      [span(year + 2, 2, 3, 3), MONEY],
      [span(year + 2, 5, 3, 1), '#,##0.00'],
      [span(CHANNELS_ROW + 1, 2, CHANNEL_TABLE_ROWS - 1, 3), MONEY],
      [span(VERDICT_ROW + 1, 2, 3, 1), MONEY],
      [span(CASES_ROW + 1, 2, 3, 1), PERCENT],
      [span(CASES_ROW + 1, 4, 3, 1), CREDITS],
      [span(CASES_ROW + 1, 5, 3, 1), MONEY],
      [span(CASES_ROW + 1, 7, 3, 3), MONEY],
      [span(LOCKED_ROW + 1, 2, 5, 1), MONEY],
      [span(CASH_ROW + 1, 2, MONTHS, 5), MONEY],
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
        a1: INPUT.retakeRate,
        kind: 'number',
        min: 0,
        max: MAX_RETAKE_RATE,
        help: 'The share of finished takes thrown away, 0 % up to but not 100 %: 20 % plans 500 credits as 625.',
      },
      { a1: INPUT.balance, kind: 'number', min: 0, help: 'Top-up credits you already hold (valid two years).' },
      { a1: INPUT.contingency, kind: 'number', min: 0, max: 1, help: 'Contingency added to the money totals, 0 % to 100 %.' },
      { a1: INPUT.lowRate, kind: 'number', min: 0, max: MAX_RETAKE_RATE, help: "The low case: a retake rate at or below the sheet's." },
      { a1: INPUT.highRate, kind: 'number', min: 0, max: MAX_RETAKE_RATE, help: "The high case: a retake rate at or above the sheet's." },
      { a1: INPUT.lowCpi, kind: 'number', min: 0, help: 'The low case: credits an image costs (0.2 by the guide).' },
      { a1: INPUT.highCpi, kind: 'number', min: 0, help: 'The high case: credits an image costs (about 1 by a plan-page reading).' },
      { a1: INPUT.rate, kind: 'number', min: 0, help: 'How many units of your currency one US dollar buys (1 for USD).' },
      { a1: INPUT.tax, kind: 'number', min: 0, max: 1, help: 'Tax added to the prices, 0 % to 100 %.' },
      {
        a1: r(c.model),
        kind: 'range',
        source: span(FIRST_PLAN_ROW, MODEL_LIST_COL, PLAN_ROWS),
        help: 'A model of the price table in force (app, API or resellers).',
      },
      { a1: r(c.mode), kind: 'list', values: ['standard', 'professional', '4k'] },
      {
        a1: r(c.secs),
        kind: 'number',
        min: 1,
        max: 600,
        help: 'Seconds, as the model makes them: 5 or 10 for Kling 2.6, 3 to 15 for Kling 3.0, 3 to 30 for Kling 4.0.',
      },
      {
        a1: r(c.audio),
        kind: 'list',
        values: ['no', 'yes', 'voice'],
        help: 'yes: native audio; voice: audio with voice control (where the model prices it). Kling 4.0 always has audio.',
      },
      { a1: r(c.testTakes), kind: 'number', min: 0, max: 100, help: 'Standard-mode drafts made before each final video (blank: none).' },
      {
        a1: r(c.retakeRate),
        kind: 'number',
        min: 0,
        max: MAX_RETAKE_RATE,
        help: "This shot's retake rate, 0 % up to but not 100 % (blank: the sheet's).",
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
        INPUT.retakeRate,
        'The share of paid, finished takes you throw away: unusable output costs full credits, so a delivered video takes 1 / (1 - r) generations. 20 % plans a need of 500 credits as 625. The guide\'s "20 % buffer" (500 budgeted as 600) is a retake rate of 1/6.',
      ],
      [
        INPUT.perImage,
        "From the price book (the guide's 0.2 credits; a plan-page reading suggests about 1 credit): change it if your account shows another. The low and high cases try 0.2 and 1.",
      ],
      [INPUT.rate, 'Type the rate, or get it live with =GOOGLEFINANCE("CURRENCY:USDEUR") (put your currency code after USD).'],
      [
        INPUT.lockedSheet,
        'Written by Extensions > Kling Cost > Lock budget version (the one cell of the sheet the add-on writes after inserting it): the frozen copy of this sheet. Clear both cells to hide the comparison.',
      ],
      [
        cell(PLAN_HEADER_ROW, c.status),
        `ok: priced. "${NO_APP_CREDITS}": the model has no app credits in the price book, so every app figure of the sheet reads n/a naming the row (k = its position in the shot list, 1 = the first shot row), and the channel comparison prices it where it is sold.`,
      ],
      [
        cell(NEED_ROW, 1),
        "Each month: the credits of its videos (with test takes, divided by 1 - each row's retake rate) plus its images, rounded up by the counts rule.",
      ],
      [
        cell(year, 1),
        'Top-up credits last two years, so a plan that falls a little short buys packs only when its balance runs out, largest first. Annual billing pays each 12-month term in its first month.',
      ],
      [
        cell(CHANNELS_ROW - 1, 1),
        "Kling's API is sold only in prepaid packs that expire: the figure buys, at the start of each window the packs last, the cheapest standard packs covering it (trial packs are never counted). Resellers sell the same models pay as you go.",
      ],
      [
        cell(ACTUALS_ROW, COMPARE_COL + 5),
        "Credits variance x this plan's average cost per credit over the year (its cheapest 12-month cost in the app / its budgeted credits): an estimate.",
      ],
      [
        cell(ACTUALS_ROW, COMPARE_COL + 8),
        'Discarded / (kept + discarded) in the usage log; on the Total row, over every month the log holds.',
      ],
    ],
    inputs: [
      span(5, 2, 14),
      span(FIRST_PLAN_ROW, 1, PLAN_ROWS, FIRST_MONTH_COL - 1 + MONTHS),
      monthCells(IMAGES_ROW),
      span(ACTUALS_ROW + 1, COMPARE_COL + 6, MONTHS),
    ],
    bold: [
      'A1',
      span(PLAN_HEADER_ROW, 1, 1, c.withRetakes),
      cell(year, 1),
      span(year + 1, 1, 1, 6),
      cell(CHANNELS_ROW - 1, 1),
      span(CHANNELS_ROW, 1, 1, 5),
      span(VERDICT_ROW, 1, 1, 2),
      cell(VERDICT_ROW + 3, 2),
      cell(VERDICT_ROW + 4, 2),
      cell(CASES_ROW - 1, 1),
      span(CASES_ROW, 1, 1, 9),
      cell(LOCKED_ROW, 1),
      ...SCHEDULE_COLS.map((col) => cell(SCHEDULE_ROW - 1, col)),
      cell(CASH_ROW - 1, 1),
      cell(ACTUALS_ROW - 2, 1),
      span(ACTUALS_ROW, COMPARE_COL, 1, compareHeader.length),
      d(5),
      cell(CHANGES_ROW - 1, 1),
    ],
    muted: ['A2', 'A3', 'A4'],
    wrap: [
      span(PLAN_HEADER_ROW, 1, 1, c.withRetakes),
      span(year + 1, 1, 1, 6),
      span(CHANNELS_ROW, 1, 1, 5),
      span(CASES_ROW, 1, 1, 9),
      span(CASH_ROW, 1, 1, 6),
      span(ACTUALS_ROW, 1, 1, 8),
      span(ACTUALS_ROW, COMPARE_COL, 1, compareHeader.length),
    ],
    highlights: [
      {
        a1: span(year + 2, 1, YEAR_BILLINGS.length, 6),
        formula: `=$F${year + 2}="cheapest"`,
        background: HIGHLIGHT_BACKGROUND,
      },
    ],
    charts: [
      {
        type: 'COLUMN',
        title: 'Spend per month (USD): the app under each billing, the API and the cheapest reseller',
        ranges: [span(CASH_ROW, 1, MONTHS + 1, 6)],
        row: CASH_ROW - 1,
        col: 8,
        // Sized so it ends above the actuals below it (Sheets' default height would cover their header).
        width: 640,
        height: CHART_HEIGHT,
      },
    ],
    widths: [
      [1, 260],
      [2, 190],
      [3, 95],
      [4, 80],
      [5, 160],
      // Test takes per video; the cases' cheapest channel, e.g. "Kling app (annual) (estimate)".
      [6, 190],
      [7, 90],
      ...Array.from({ length: MONTHS }, (_, i) => [FIRST_MONTH_COL + i, 70] as [number, number]),
      [c.status, 200],
    ],
    hiddenColumns: [
      c.rawCredits,
      c.rawTestCredits,
      MODEL_LIST_COL,
      ...Array.from({ length: 6 + MONTHS }, (_, i) => CHANNEL_INPUT_COL + i),
      ...[HIDDEN_TABLE_COLS.low, HIDDEN_TABLE_COLS.high, HIDDEN_TABLE_COLS.locked].flatMap((col) => [0, 1, 2, 3, 4].map((i) => col + i)),
      ...Array.from({ length: CHANNEL_TABLE_ROWS }, (_, i) => HIDDEN_TABLE_COLS.months + i),
    ],
    // No frozen rows: the shot list's header is row 20, and 20 frozen rows leave a laptop's
    // window almost nothing to scroll (every block below has its own header).
    start: cell(FIRST_PLAN_ROW, 1),
  };
}
