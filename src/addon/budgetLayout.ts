import { SIGNATURES } from '../contract/signatures';
import type { Layout, LayoutCell, LayoutPrices } from './layout';
import { CREDITS, call, cell, MONEY, PERCENT, span } from './layout';
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

/**
 * The budget template: what goes in which cell. Pure (no Apps Script): the writer puts it into a
 * new sheet, tests evaluate its formulas in a real formula engine.
 *
 *   A1:A3    title, how to use it, which prices the formulas use
 *   A5:O35   the shot list: header, example rows, empty rows; computed columns I:O by one
 *            native array formula each, priced by four range calls in hidden columns AA:AD
 *   Q5:R35   inputs (billing, buffer, images, currency) and the summary
 *   Q38:V45  KLING_YEARLY of the credits with buffer; Q48:U51 KLING_API_SCHEDULE over 12 months
 * Eight custom-function cells in all, whatever the number of rows.
 */

export const SHOT_HEADER_ROW = 5;
export const FIRST_SHOT_ROW = 6;
export const SHOT_ROWS = 30;

export const SHOT_HEADER = [
  'Scene',
  'Model',
  'Mode',
  'Seconds',
  'Audio',
  'Videos per month',
  'Test takes per video',
  "Buffer (blank: the sheet's)",
  'Status',
  'Credits per video',
  'Credits per month',
  'Credits per month with buffer',
  'Share of monthly cost (USD)',
  'Kling API per video (USD)',
  'Kling API per month (USD)',
] as const;

export const COLUMNS: ShotColumns & { readonly count: number; readonly computed: Readonly<Record<string, number>> } = {
  first: FIRST_SHOT_ROW,
  rows: SHOT_ROWS,
  scene: 1,
  model: 2,
  mode: 3,
  secs: 4,
  audio: 5,
  count: 6,
  testTakes: 7,
  buffer: 8,
  status: 9,
  required: [
    [3, 'mode'],
    [4, 'seconds'],
    [6, 'videos per month'],
  ],
  inputs: [1, 2, 3, 4, 5, 6, 7, 8],
  numbers: [
    { col: 6, kind: 'whole', message: 'videos per month: use a whole number, 0 or more' },
    { col: 7, kind: 'whole', message: TEST_TAKES_MESSAGE },
    { col: 8, kind: 'rate', message: BUFFER_MESSAGE },
  ],
  computed: { perVideo: 10, perMonth: 11, withBuffer: 12, share: 13, apiPerVideo: 14, apiPerMonth: 15 },
  rawCredits: 27,
  rawTestCredits: 28,
  rawApi: 29,
  rawApiTest: 30,
};
const MODEL_LIST_COL = 31;
const API_MONTHS_COL = 32;

/** The example rows: scene, model, mode, seconds, audio, videos per month, test takes. */
export const EXAMPLE_SHOTS: readonly (readonly [string, string, string, number, string, number, number | ''])[] = [
  ['Opening shot', 'Kling 2.6', 'professional', 10, 'no', 4, 2],
  ['Product close-ups', 'Kling 2.6', 'standard', 5, 'no', 20, ''],
  ['Talking head', 'Kling 2.6', 'professional', 5, 'yes', 8, ''],
  ['Social teaser', 'Kling 3.0', 'standard', 8, 'no', 6, ''],
];

/** The inputs and summary, from Q5 down: label, then the key its value cell (column R) goes by. */
export const SUMMARY = {
  title: 'Summary',
  billing: 'Billing of the one-month figures',
  buffer: 'Buffer for retakes',
  images: 'Images per month',
  perImage: 'Credits per image',
  currency: 'Your currency',
  rate: 'USD to your currency (rate)',
  tax: 'Tax rate',
  gap1: '',
  rowsOk: 'Rows in the budget',
  attention: 'Rows left out',
  videos: 'Videos per month',
  credits: 'Credits for the work (videos, test takes, images)',
  withBuffer: 'Credits with buffer',
  best: 'Best option, one month on its own',
  monthly: 'Cost of that month on its own (USD)',
  yearIntro: '12 months, first month + renewals (USD)',
  yearMonthly: '12 months, monthly renewals (USD)',
  yearAnnual: '12 months, annual billing (USD)',
  year: 'Cheapest 12 months, top-ups carried over (USD)',
  average: 'Average month (USD)',
  perVideo: 'Cost per delivered video, average month (USD)',
  apiMonth: 'Kling API per month at list prices (USD)',
  apiYear: 'Kling API, 12 months with prepaid packs (USD, estimate)',
  apiPacks: 'Kling API packs assumed',
  verdict: 'Cheaper over 12 months',
  gap2: '',
  inCurrency: 'Tax included: in your currency, and in USD',
  monthlyLocal: 'Cost of one month on its own',
  yearLocal: 'Cheapest 12 months',
  apiLocal: 'Kling API, 12 months (estimate)',
} as const;

type SummaryKey = keyof typeof SUMMARY;
const SUMMARY_ROW = SHOT_HEADER_ROW;
const LABEL_COL = 17;
const VALUE_COL = 18;

/** The summary's value cells by key. */
export const SUMMARY_CELL: Readonly<Record<SummaryKey, string>> = Object.fromEntries(
  Object.keys(SUMMARY).map((key, i) => [key, cell(SUMMARY_ROW + i, VALUE_COL)]),
) as Record<SummaryKey, string>;

export const YEARLY_ROW = 38;
export const API_ROW = 48;

export interface TemplateOptions extends LayoutPrices {
  readonly billings: readonly string[];
}

export function budgetTemplateLayout(options: TemplateOptions): Layout {
  const c = COLUMNS;
  const p = options.pricesRef ?? undefined;
  const S = SUMMARY_CELL;
  const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const r = (col: number) => columnRange(c, col);
  const buffer = abs(S.buffer);
  /** The cell right of a summary value: the same figure in USD. */
  const usd = (a1: string) => a1.replace(/^R/, 'S');

  const shotRows: LayoutCell[][] = [];
  for (let i = 0; i < SHOT_ROWS; i++) {
    const example = EXAMPLE_SHOTS[i];
    shotRows.push(example ? [asText(example[0]), example[1], example[2], example[3], example[4], example[5], example[6]] : []);
  }
  const computed: string[] = [
    statusFormula(c),
    `=ARRAYFORMULA(${perVideoCredits(c)})`,
    `=ARRAYFORMULA(IF(${r(c.status)}="ok",${r(c.computed.perVideo as number)}*${r(c.count)},""))`,
    `=ARRAYFORMULA(IF(${r(c.status)}="ok",${r(c.computed.perMonth as number)}*(1+${rowBuffer(c, buffer)}),""))`,
    `=ARRAYFORMULA(IF(${r(c.status)}="ok",IF(${abs(S.withBuffer)}=0,0,${r(c.computed.withBuffer as number)}/${abs(S.withBuffer)}*${abs(S.monthly)}),""))`,
    `=ARRAYFORMULA(${perVideoApi(c)})`,
    `=ARRAYFORMULA(IF(${r(c.status)}="ok",IF(ISNUMBER(${r(c.computed.apiPerVideo as number)}),${r(c.computed.apiPerVideo as number)}*${r(c.count)}*(1+${rowBuffer(c, buffer)}),"n/a"),""))`,
  ];

  const yearlyTotals = YEARLY_ROW + 1;
  const apiTotal = API_ROW + 3;
  const apiColumn = r(c.computed.apiPerMonth as number);
  const perImage = creditsPerImageCell(options);
  const summaryValues: Record<SummaryKey, LayoutCell> = {
    title: '',
    billing: 'monthly',
    buffer: 0.2,
    images: 0,
    perImage,
    currency: 'USD',
    rate: 1,
    tax: 0,
    gap1: '',
    rowsOk: `=COUNTIF(${r(c.status)},"ok")`,
    attention: attentionFormula(c),
    videos: `=SUMIF(${r(c.status)},"ok",${r(c.count)})`,
    credits: `=SUM(${r(c.computed.perMonth as number)})+${S.images}*${S.perImage}`,
    withBuffer: `=ROUNDUP(ROUND(SUM(${r(c.computed.withBuffer as number)})+${S.images}*${S.perImage}*(1+${S.buffer}),6),0)`,
    best: `=${call(SIGNATURES.KLING_BEST_PLAN, { credits_per_month: S.withBuffer, billing: S.billing, allow_topups: 'TRUE()', prices: p })}`,
    monthly: `=${call(SIGNATURES.KLING_MONTHLY_COST, { credits_per_month: S.withBuffer, billing: S.billing, allow_topups: 'TRUE()', prices: p })}`,
    yearIntro: `=${cell(yearlyTotals, LABEL_COL + 2)}`,
    yearMonthly: `=${cell(yearlyTotals, LABEL_COL + 3)}`,
    yearAnnual: `=${cell(yearlyTotals, LABEL_COL + 4)}`,
    year: `=MIN(${S.yearIntro}:${S.yearAnnual})`,
    average: `=${S.year}/12`,
    perVideo: `=IF(${S.videos}>0,${S.average}/${S.videos},"")`,
    apiMonth: apiFigureFormula(c, apiColumn, `IF(${S.images}>0,"n/a: the price book has no API price for images",SUM(${apiColumn}))`),
    apiYear: `=IF(ISNUMBER(${S.apiMonth}),${cell(apiTotal, LABEL_COL + 4)},${S.apiMonth})`,
    apiPacks: `=IF(ISNUMBER(${S.apiMonth}),${cell(apiTotal, LABEL_COL + 3)},"")`,
    verdict: `=IF(${S.withBuffer}=0,"nothing to buy",IF(ISNUMBER(${S.apiYear}),IF(${S.apiYear}<${S.year},"Kling API (estimate, with "&${S.apiPacks}&")","Subscription (the API estimate assumes "&${S.apiPacks}&")"),"Subscription (no API figure)"))`,
    gap2: '',
    inCurrency: `=${S.currency}`,
    monthlyLocal: `=${S.monthly}*${S.rate}*(1+${S.tax})`,
    yearLocal: `=${S.year}*${S.rate}*(1+${S.tax})`,
    apiLocal: `=IF(ISNUMBER(${S.apiYear}),${S.apiYear}*${S.rate}*(1+${S.tax}),"n/a")`,
  };

  const title = 'Kling budget';
  const help =
    'One row per kind of shot: pick model, mode, seconds and audio, type the videos you need per month (and standard test takes per final, if you draft first). Every figure recalculates; a row that is not complete says what it needs in Status and is left out of the totals.';
  const modelList = modelListCells(options);
  // Blank when there is no API figure: the API block then stays empty instead of showing $0 or a partial sum.
  const apiMonths = Array.from({ length: 12 }, () => [`=IF(ISNUMBER(${abs(S.apiMonth)}),${abs(S.apiMonth)},"")`]);
  const blocks = [
    { row: 1, col: 1, values: [[title], [help], [`Prices: ${asText(options.pricesNote)}`]] },
    { row: SHOT_HEADER_ROW, col: 1, values: [[...SHOT_HEADER]] },
    { row: FIRST_SHOT_ROW, col: 1, values: shotRows.map((row) => [...row, ...new Array<LayoutCell>(7 - row.length).fill('')]) },
    { row: FIRST_SHOT_ROW, col: c.status, values: [computed] },
    {
      row: SHOT_HEADER_ROW,
      col: c.rawCredits,
      values: [['(credits per clip)', '(credits per test take)', '(API per clip)', '(API per test take)', '(models)', '(API per month)']],
    },
    { row: FIRST_SHOT_ROW, col: c.rawCredits, values: [rawCalls(c, p).map((call) => call.formula)] },
    { row: FIRST_SHOT_ROW, col: MODEL_LIST_COL, values: modelList },
    { row: FIRST_SHOT_ROW, col: API_MONTHS_COL, values: apiMonths },
    { row: SUMMARY_ROW, col: LABEL_COL, values: (Object.keys(SUMMARY) as SummaryKey[]).map((key) => [SUMMARY[key], summaryValues[key]]) },
    {
      row: SUMMARY_ROW + (Object.keys(SUMMARY) as SummaryKey[]).indexOf('inCurrency'),
      col: VALUE_COL + 1,
      values: [
        ['USD'],
        [`=${S.monthly}*(1+${S.tax})`],
        [`=${S.year}*(1+${S.tax})`],
        [`=IF(ISNUMBER(${S.apiYear}),${S.apiYear}*(1+${S.tax}),"n/a")`],
      ],
    },
    { row: YEARLY_ROW - 1, col: LABEL_COL, values: [['12 months of the credits with buffer (top-ups carried over)']] },
    {
      row: YEARLY_ROW,
      col: LABEL_COL,
      values: [[`=${call(SIGNATURES.KLING_YEARLY, { credits_per_month: S.withBuffer, allow_topups: 'TRUE()', prices: p })}`]],
    },
    { row: API_ROW - 1, col: LABEL_COL, values: [["Kling's API over 12 months: prepaid packs bought per 6-month window (an estimate)"]] },
    {
      row: API_ROW,
      col: LABEL_COL,
      values: [[`=${call(SIGNATURES.KLING_API_SCHEDULE, { api_usd_by_month: span(FIRST_SHOT_ROW, API_MONTHS_COL, 12), prices: p })}`]],
    },
  ];

  const shots = (col: number) => r(col);
  return {
    blocks,
    formats: [
      [shots(c.model), '@'],
      [shots(c.buffer), PERCENT],
      [span(FIRST_SHOT_ROW, c.computed.perVideo as number, SHOT_ROWS, 3), CREDITS],
      [`${span(FIRST_SHOT_ROW, c.computed.share as number, SHOT_ROWS, 3)}`, MONEY],
      [S.buffer, PERCENT],
      [S.tax, PERCENT],
      [S.currency, '@'],
      [`${S.rowsOk}:${S.rowsOk}`, '0'],
      [`${S.videos}:${S.withBuffer}`, CREDITS],
      [`${S.monthly}:${S.apiYear}`, MONEY],
      [`${S.monthlyLocal}:${S.apiLocal}`, '#,##0.00'],
      [`${usd(S.monthlyLocal)}:${usd(S.apiLocal)}`, MONEY],
      [span(YEARLY_ROW + 1, LABEL_COL + 1, 7), CREDITS],
      [span(YEARLY_ROW + 1, LABEL_COL + 2, 1, 3), MONEY],
      [span(YEARLY_ROW + 3, LABEL_COL + 2, 1, 3), '$0.0000'],
      [span(YEARLY_ROW + 4, LABEL_COL + 2, 4, 3), MONEY],
      [span(API_ROW + 1, LABEL_COL + 4, 3), MONEY],
    ],
    validations: [
      {
        a1: shots(c.model),
        kind: 'range',
        source: span(FIRST_SHOT_ROW, MODEL_LIST_COL, SHOT_ROWS),
        help: 'A model of the price table in force.',
      },
      { a1: shots(c.mode), kind: 'list', values: ['standard', 'professional', '4k'] },
      {
        a1: shots(c.secs),
        kind: 'number',
        min: 1,
        max: 600,
        help: 'Seconds, as the model makes them: 5 or 10 for Kling 2.6, 3 to 15 for Kling 3.0.',
      },
      {
        a1: shots(c.audio),
        kind: 'list',
        values: ['no', 'yes', 'voice'],
        help: 'yes: native audio; voice: audio with voice control (where the model prices it).',
      },
      { a1: shots(c.count), kind: 'number', min: 0, help: 'Finished videos needed per month, 0 or more.' },
      {
        a1: shots(c.testTakes),
        kind: 'number',
        min: 0,
        max: 100,
        help: 'Standard-mode drafts made before each final video (blank: none).',
      },
      {
        a1: shots(c.buffer),
        kind: 'number',
        min: 0,
        max: 1,
        help: "This shot's buffer for retakes, 0 % to 100 % (blank: the sheet's buffer).",
      },
      { a1: S.billing, kind: 'list', values: options.billings },
      {
        a1: S.buffer,
        kind: 'number',
        min: 0,
        max: 1,
        help: 'Buffer for retakes, 0 % to 100 %: extra credits on top of the need (the guide plans 20 %: need 500, budget 600).',
      },
      { a1: S.images, kind: 'number', min: 0, help: 'Images made per month, from the same credits.' },
      { a1: S.rate, kind: 'number', min: 0, help: 'How many units of your currency one US dollar buys (1 for USD).' },
      { a1: S.tax, kind: 'number', min: 0, max: 1, help: 'Tax added to the prices, 0 % to 100 %.' },
    ],
    notes: [
      [
        cell(SHOT_HEADER_ROW, c.secs),
        'Kling 2.6 makes 5 s or 10 s clips; Kling 3.0 makes 3 to 15 s; a model added to the price table makes what its rows price.',
      ],
      [
        cell(SHOT_HEADER_ROW, c.testTakes),
        'Standard-mode drafts per final video (the guide: draft in standard, render finals in professional). They cost credits too.',
      ],
      [
        cell(SHOT_HEADER_ROW, c.status),
        'ok: priced. "needs ...": the row is not complete and is left out of the totals. Any other text: why the row cannot be priced.',
      ],
      [cell(SHOT_HEADER_ROW, c.computed.share as number), "This row's share of the month's cost by credits with buffer."],
      [
        cell(SHOT_HEADER_ROW, c.computed.apiPerMonth as number),
        "The same videos through Kling's API at list prices, with the buffer. n/a: the API does not make this clip.",
      ],
      [
        S.buffer,
        'Extra credits for retakes: unusable output costs full credits. 20 % means a need of 500 credits is budgeted at 600 (a retake rate of 1/6).',
      ],
      [
        S.perImage,
        "From the price book (the guide's 0.2 credits; a plan-page reading suggests about 1 credit): change it if your account shows another.",
      ],
      [S.rate, 'Type the rate, or get it live with =GOOGLEFINANCE("CURRENCY:USDEUR") (put your currency code after USD).'],
      [
        S.apiYear,
        "Kling's API is sold only in prepaid packs that expire: this buys, at the start of each 6-month window with work, the cheapest standard packs covering it. Trial packs are never counted.",
      ],
    ],
    inputs: [span(FIRST_SHOT_ROW, 1, SHOT_ROWS, 8), S.billing, S.buffer, S.images, S.perImage, S.currency, S.rate, S.tax],
    bold: [
      'A1',
      span(SHOT_HEADER_ROW, 1, 1, SHOT_HEADER.length),
      span(SUMMARY_ROW, LABEL_COL, 1, 2),
      S.year,
      S.verdict,
      cell(YEARLY_ROW - 1, LABEL_COL),
      cell(API_ROW - 1, LABEL_COL),
    ],
    muted: ['A2', 'A3'],
    wrap: [span(SHOT_HEADER_ROW, 1, 1, SHOT_HEADER.length)],
    widths: [
      [1, 170],
      [2, 90],
      [3, 100],
      [4, 65],
      [5, 55],
      [6, 80],
      [7, 80],
      [8, 90],
      [9, 200],
      [10, 80],
      [11, 90],
      [12, 100],
      [13, 100],
      [14, 100],
      [15, 110],
      [16, 20],
      [17, 340],
      [18, 230],
    ],
    hiddenColumns: [c.rawCredits, c.rawTestCredits, c.rawApi, c.rawApiTest, MODEL_LIST_COL, API_MONTHS_COL],
    frozenRows: SHOT_HEADER_ROW,
    start: cell(FIRST_SHOT_ROW, 1),
  };
}
