import { SIGNATURES } from '../contract/signatures';
import { MAX_RETAKE_RATE, PLANNING_RETAKE_RATE } from '../pricing';
import type { ChannelArgs, FinanceInputs, TablePos } from './financeBlocks';
import {
  appCell,
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
} from './financeBlocks';
import type { Layout, LayoutCell, LayoutPrices } from './layout';
import { absolute, CREDITS, call, cell, fixed, MONEY, PERCENT, span } from './layout';
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

/**
 * The budget template: what goes in which cell. Pure (no Apps Script): the writer puts it into a
 * new sheet, tests evaluate its formulas in a real formula engine.
 *
 *   A1:A4    title, how to use it, which prices the formulas use, how old they are
 *   A5:M35   the shot list: header, example rows, empty rows; computed columns I:M by one native
 *            array formula each, credits priced by two range calls in hidden columns
 *   O5:Q41   inputs (billing, retake rate, images, contingency, the low and high cases, currency,
 *            the locked version) and the summary, the verdict first
 *   O43:S58  every channel over 12 equal months (one KLING_CHANNELS call, billing cheapest)
 *   O60:W63  the low, typical and high cases; O65:P70 against the locked version; O72:T79 the
 *            12-month view per billing; O81: the price rows changed since the locked version
 * Ten custom-function cells in all, whatever the number of rows.
 */

export const SHOT_HEADER_ROW = 5;
export const FIRST_SHOT_ROW = 6;
export const SHOT_ROWS = 30;
const MONTHS = 12;

export const SHOT_HEADER = [
  'Scene',
  'Model',
  'Mode',
  'Seconds',
  'Audio',
  'Videos per month',
  'Test takes per video',
  "Retake rate (blank: the sheet's)",
  'Status',
  'Credits per video',
  'Credits per month',
  'Credits per month with retakes',
  'Share of monthly cost (USD)',
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
  retakeRate: 8,
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
    { col: 8, kind: 'rate', message: RETAKE_MESSAGE },
  ],
  computed: { perVideo: 10, perMonth: 11, withRetakes: 12, share: 13 },
  rawCredits: 27,
  rawTestCredits: 28,
};
const MODEL_LIST_COL = 29;
/** Hidden: the rows KLING_CHANNELS reads (model, mode, seconds, audio, test takes, retake rate), then 12 month columns. */
export const CHANNEL_INPUT_COL = 30;
const MONTHS_COL = CHANNEL_INPUT_COL + 6;
/** Hidden: images in each of the 12 months (one column). */
const IMAGES_COL = MONTHS_COL + MONTHS;
/** Hidden: the channels tables of the low case, the high case and the live work at locked prices. */
export const HIDDEN_TABLE_COLS = { low: 52, high: 58, locked: 64 } as const;
/** A cell the layout leaves blank (a hidden column's first row): what INDIRECT reads while no version is locked. */
const BLANK_CELL = 'AY1';

/** The example rows: scene, model, mode, seconds, audio, videos per month, test takes. */
export const EXAMPLE_SHOTS: readonly (readonly [string, string, string, number, string, number, number | ''])[] = [
  ['Opening shot', 'Kling 2.6', 'professional', 10, 'no', 4, 2],
  ['Product close-ups', 'Kling 2.6', 'standard', 5, 'no', 20, ''],
  ['Talking head', 'Kling 2.6', 'professional', 5, 'yes', 8, ''],
  ['Social teaser', 'Kling 3.0', 'standard', 8, 'no', 6, ''],
];

/** The inputs and summary, from O5 down: label, then the key its value cell (column P) goes by. */
export const SUMMARY = {
  title: 'Summary',
  billing: 'Billing of the one-month figures',
  retakeRate: 'Retake rate (share of takes thrown away)',
  images: 'Images per month',
  perImage: 'Credits per image',
  contingency: FINANCE_INPUT_LABELS.contingency,
  lowRate: FINANCE_INPUT_LABELS.lowRate,
  highRate: FINANCE_INPUT_LABELS.highRate,
  lowCpi: FINANCE_INPUT_LABELS.lowCpi,
  highCpi: FINANCE_INPUT_LABELS.highCpi,
  currency: 'Your currency',
  rate: 'USD to your currency (rate)',
  tax: 'Tax rate',
  lockedSheet: FINANCE_INPUT_LABELS.lockedSheet,
  lockedPrices: FINANCE_INPUT_LABELS.lockedPrices,
  gap1: '',
  cheapest: 'Cheapest channel over 12 months',
  cheapestTotal: 'Its 12-month cost (USD)',
  contingencyUsd: 'Contingency (USD)',
  afterContingency: 'Total after contingency (USD)',
  range: 'Low / typical / high',
  notCompared: 'Channels without a figure',
  rowsOk: 'Rows in the budget',
  attention: 'Rows left out',
  videos: 'Videos per month',
  credits: 'Credits for the work (videos, test takes, images)',
  withRetakes: 'Credits with retakes',
  best: 'Best option, one month on its own',
  monthly: 'Cost of that month on its own (USD)',
  appYear: 'Kling app, 12 months (USD)',
  appBought: 'Kling app: billing and purchases',
  average: 'Kling app, average month (USD)',
  perVideo: 'Kling app, cost per delivered video (USD)',
  gap2: '',
  inCurrency: 'Tax included: in your currency, and in USD',
  afterLocal: 'Total after contingency, 12 months',
  monthlyLocal: 'Cost of one month on its own',
} as const;

type SummaryKey = keyof typeof SUMMARY;
const SUMMARY_ROW = SHOT_HEADER_ROW;
export const LABEL_COL = 15;
export const VALUE_COL = 16;

/** The summary's value cells by key. */
export const SUMMARY_CELL: Readonly<Record<SummaryKey, string>> = Object.fromEntries(
  Object.keys(SUMMARY).map((key, i) => [key, cell(SUMMARY_ROW + i, VALUE_COL)]),
) as Record<SummaryKey, string>;

/** Where the blocks below the summary start. */
export const CHANNELS_ROW = 44;
/** Rows reserved for a channels table: the header, the app, Kling's API, up to 12 resellers, the Cheapest row. */
export const CHANNEL_TABLE_ROWS = 16;
export const CASES_ROW = CHANNELS_ROW + CHANNEL_TABLE_ROWS + 2;
export const LOCKED_ROW = CASES_ROW + 6;
export const YEARLY_ROW = LOCKED_ROW + 8;
export const CHANGES_ROW = YEARLY_ROW + 10;

export interface TemplateOptions extends LayoutPrices {
  readonly billings: readonly string[];
}

export function budgetTemplateLayout(options: TemplateOptions): Layout {
  const c = COLUMNS;
  const p = options.pricesRef ?? undefined;
  const S = SUMMARY_CELL;
  const abs = absolute;
  const r = (col: number) => columnRange(c, col);
  const sheetRate = abs(S.retakeRate);
  /** The cell right of a summary value: the same figure in USD. */
  const usd = (a1: string) => a1.replace(/^P/, 'Q');

  const shotRows: LayoutCell[][] = [];
  for (let i = 0; i < SHOT_ROWS; i++) {
    const example = EXAMPLE_SHOTS[i];
    shotRows.push(example ? [asText(example[0]), example[1], example[2], example[3], example[4], example[5], example[6]] : []);
  }
  const perMonth = r(c.computed.perMonth as number);
  const withRetakes = r(c.computed.withRetakes as number);
  const computed: string[] = [
    statusFormula(c),
    `=ARRAYFORMULA(${perVideoCredits(c)})`,
    `=ARRAYFORMULA(IF(${r(c.status)}="${OK}",${r(c.computed.perVideo as number)}*${r(c.count)},""))`,
    `=ARRAYFORMULA(IF(${r(c.status)}="${OK}",${perMonth}/(1-${rowRetakeRate(c, sheetRate)}),""))`,
    `=ARRAYFORMULA(IF(${r(c.status)}="${OK}",IF(ISNUMBER(${abs(S.monthly)}),IF(${abs(S.withRetakes)}=0,0,${withRetakes}/${abs(S.withRetakes)}*${abs(S.monthly)}),""),""))`,
  ];

  // The hidden columns KLING_CHANNELS reads: complete rows only, 12 equal months, images by month.
  const inputCol = (i: number) => span(FIRST_SHOT_ROW, CHANNEL_INPUT_COL + i, SHOT_ROWS);
  const pass = passesFormula(c);
  const monthsFormula = `=ARRAYFORMULA(MMULT(IF(${pass},IF(ISNUMBER(${r(c.count)}),${r(c.count)},0),0),SEQUENCE(1,${MONTHS},1,0)))`;
  const imagesFormula = `=ARRAYFORMULA(SEQUENCE(${MONTHS},1,1,0)*${abs(S.images)})`;
  const args: ChannelArgs = {
    models: inputCol(0),
    modes: inputCol(1),
    secs: inputCol(2),
    audios: inputCol(3),
    testTakes: inputCol(4),
    rowRates: inputCol(5),
    videos: span(FIRST_SHOT_ROW, MONTHS_COL, SHOT_ROWS, MONTHS),
    images: span(FIRST_SHOT_ROW, IMAGES_COL, MONTHS),
    prices: p,
  };
  const f: FinanceInputs = {
    retakeRate: sheetRate,
    creditsPerImage: abs(S.perImage),
    contingency: abs(S.contingency),
    lowRate: abs(S.lowRate),
    highRate: abs(S.highRate),
    lowCpi: abs(S.lowCpi),
    highCpi: abs(S.highCpi),
    lockedSheet: abs(S.lockedSheet),
    lockedPrices: abs(S.lockedPrices),
  };
  const table: TablePos = { row: CHANNELS_ROW, col: LABEL_COL, rows: CHANNEL_TABLE_ROWS };
  const hiddenTable = (col: number): TablePos => ({ row: FIRST_SHOT_ROW, col, rows: CHANNEL_TABLE_ROWS });
  const tables = { low: hiddenTable(HIDDEN_TABLE_COLS.low), typical: table, high: hiddenTable(HIDDEN_TABLE_COLS.high) };
  const lockedPricesRef = lockedPricesRange(f, BLANK_CELL);

  // Any row whose model has no app credits makes every app figure "n/a: row <k> (<clip>) has no app credits in the price book".
  const noApp = anyNoAppCredits(c);
  const appReason = appReasonFormula(table);
  const app = (figure: string) => `=IF(${noApp},${appReason},${figure})`;
  /** A figure of the app's row of the channels table; its reason when the app has no figure. */
  const appFigure = (k: number) => `=IFERROR(IF(ISNUMBER(${appCell(table, 2)}),${appCell(table, k)},${appCell(table, 5)}),"n/a")`;
  const month = (rate: string, cpi: string, credits: string) => `${needUp(`${credits}+${S.images}*${cpi}/(1-${rate})`)}`;
  const casesCredits = {
    low: `IF(${noApp},${appReason},${MONTHS}*${month(f.lowRate, f.lowCpi, `SUM(${perMonth})/(1-${f.lowRate})`)})`,
    typical: `IF(${noApp},${appReason},${MONTHS}*${S.withRetakes})`,
    high: `IF(${noApp},${appReason},${MONTHS}*${month(f.highRate, f.highCpi, `SUM(${perMonth})/(1-${f.highRate})`)})`,
  };
  const caseRow = (i: number) => CASES_ROW + 1 + i;
  const after = {
    low: fixed(caseRow(0), LABEL_COL + 8),
    typical: fixed(caseRow(1), LABEL_COL + 8),
    high: fixed(caseRow(2), LABEL_COL + 8),
  };
  const reasons = { low: cheapestLabel(tables.low), typical: cheapestLabel(tables.typical), high: cheapestLabel(tables.high) };

  const perImage = creditsPerImageCell(options);
  const summaryValues: Record<SummaryKey, LayoutCell> = {
    title: '',
    billing: 'monthly',
    retakeRate: PLANNING_RETAKE_RATE,
    images: 0,
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
    gap1: '',
    cheapest: `=IFERROR(${cheapestLabel(table)},"n/a")`,
    cheapestTotal: `=IFERROR(${cheapestTotal(table)},"n/a")`,
    contingencyUsd: `=IF(ISNUMBER(${S.cheapestTotal}),${S.cheapestTotal}*${S.contingency},"n/a")`,
    afterContingency: `=${after.typical}`,
    range: rangeFormula(f, after, reasons),
    notCompared: `=IFERROR(${notComparedFormula(table)},"")`,
    rowsOk: `=COUNTIF(${r(c.status)},"${OK}")+COUNTIF(${r(c.status)},"${NO_APP_CREDITS}")`,
    attention: attentionFormula(c),
    videos: `=SUM(ARRAYFORMULA(IF(${pass},IF(ISNUMBER(${r(c.count)}),${r(c.count)},0),0)))`,
    credits: app(`SUM(${perMonth})+${S.images}*${S.perImage}`),
    withRetakes: app(needUp(`SUM(${withRetakes})+${S.images}*${S.perImage}/(1-${S.retakeRate})`)),
    best: `=IF(${noApp},${appReason},${call(SIGNATURES.KLING_BEST_PLAN, { credits_per_month: S.withRetakes, billing: S.billing, allow_topups: 'TRUE()', prices: p })})`,
    monthly: `=IF(${noApp},${appReason},${call(SIGNATURES.KLING_MONTHLY_COST, { credits_per_month: S.withRetakes, billing: S.billing, allow_topups: 'TRUE()', prices: p })})`,
    appYear: appFigure(2),
    appBought: `=IFERROR(IF(ISNUMBER(${appCell(table, 2)}),${appCell(table, 1)}&": "&${appCell(table, 5)},${appCell(table, 5)}),"n/a")`,
    average: appFigure(3),
    perVideo: appFigure(4),
    gap2: '',
    inCurrency: `=${S.currency}`,
    afterLocal: `=IF(ISNUMBER(${S.afterContingency}),${S.afterContingency}*${S.rate}*(1+${S.tax}),"n/a")`,
    monthlyLocal: `=IF(ISNUMBER(${S.monthly}),${S.monthly}*${S.rate}*(1+${S.tax}),"n/a")`,
  };

  const title = 'Kling budget';
  const help =
    "One row per kind of shot: pick model, mode, seconds and audio, type the videos you need per month (and standard test takes per final, if you draft first). The retake rate is the share of finished takes you throw away: 20 % plans 500 credits of work as 625. Every channel (the app, Kling's API, resellers) is priced over 12 months and the cheapest named; a row that is not complete says what it needs in Status and is left out.";
  const modelList = modelListCells(options);
  const keys = Object.keys(SUMMARY) as SummaryKey[];
  const blocks = [
    { row: 1, col: 1, values: [[title], [help], [`Prices: ${asText(options.pricesNote)}`], [priceAgeFormula(options)]] },
    { row: SHOT_HEADER_ROW, col: 1, values: [[...SHOT_HEADER]] },
    { row: FIRST_SHOT_ROW, col: 1, values: shotRows.map((row) => [...row, ...new Array<LayoutCell>(7 - row.length).fill('')]) },
    { row: FIRST_SHOT_ROW, col: c.status, values: [computed] },
    {
      row: SHOT_HEADER_ROW,
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
          '(images)',
        ],
      ],
    },
    { row: FIRST_SHOT_ROW, col: c.rawCredits, values: [rawCalls(c, p).map((x) => x.formula)] },
    { row: FIRST_SHOT_ROW, col: MODEL_LIST_COL, values: modelList },
    { row: FIRST_SHOT_ROW, col: CHANNEL_INPUT_COL, values: [[...channelInputs(c, sheetRate), monthsFormula]] },
    { row: FIRST_SHOT_ROW, col: IMAGES_COL, values: [[imagesFormula]] },
    { row: SUMMARY_ROW, col: LABEL_COL, values: keys.map((key) => [SUMMARY[key], summaryValues[key]]) },
    {
      row: SUMMARY_ROW + keys.indexOf('contingencyUsd'),
      col: LABEL_COL,
      values: [[`="Contingency "&ROUND(${S.contingency}*100,2)&" % (USD)"`]],
    },
    {
      row: SUMMARY_ROW + keys.indexOf('inCurrency'),
      col: VALUE_COL + 1,
      values: [
        ['USD'],
        [`=IF(ISNUMBER(${S.afterContingency}),${S.afterContingency}*(1+${S.tax}),"n/a")`],
        [`=IF(ISNUMBER(${S.monthly}),${S.monthly}*(1+${S.tax}),"n/a")`],
      ],
    },
    { row: CHANNELS_ROW - 1, col: LABEL_COL, values: [['Every channel over 12 months of this work (the app on its cheapest billing)']] },
    { row: CHANNELS_ROW, col: LABEL_COL, values: [[`=${channelsCall(args, f, 'typical')}`]] },
    { row: FIRST_SHOT_ROW, col: HIDDEN_TABLE_COLS.low, values: [[`=${channelsCall(args, f, 'low')}`]] },
    { row: FIRST_SHOT_ROW, col: HIDDEN_TABLE_COLS.high, values: [[`=${channelsCall(args, f, 'high')}`]] },
    {
      row: FIRST_SHOT_ROW,
      col: HIDDEN_TABLE_COLS.locked,
      values: [[`=${channelsCall(args, f, 'typical', lockedPricesRef)}`]],
    },
    { row: CASES_ROW - 1, col: LABEL_COL, values: [['Low, typical and high: the retake rate and the credits an image costs']] },
    { row: CASES_ROW, col: LABEL_COL, values: casesBlock(f, tables, casesCredits) },
    {
      row: LOCKED_ROW,
      col: LABEL_COL,
      values: lockedBlock(f, after.typical, hiddenTable(HIDDEN_TABLE_COLS.locked), LABEL_COL, LOCKED_ROW),
    },
    {
      row: YEARLY_ROW - 1,
      col: LABEL_COL,
      values: [['The app over 12 months under each billing (credits with retakes, top-ups carried over)']],
    },
    {
      row: YEARLY_ROW,
      col: LABEL_COL,
      values: [
        [
          `=${call(SIGNATURES.KLING_YEARLY, { credits_per_month: `IF(ISNUMBER(${S.withRetakes}),${S.withRetakes},"")`, allow_topups: 'TRUE()', prices: p })}`,
        ],
      ],
    },
    { row: CHANGES_ROW - 1, col: LABEL_COL, values: [['Price rows changed since the locked version']] },
    { row: CHANGES_ROW, col: LABEL_COL, values: [[priceChangesFormula(f, p, BLANK_CELL)]] },
  ];

  const shots = (col: number) => r(col);
  const channelMoney = span(CHANNELS_ROW + 1, LABEL_COL + 1, CHANNEL_TABLE_ROWS - 1, 3);
  return {
    blocks,
    formats: [
      [shots(c.model), '@'],
      [shots(c.retakeRate), PERCENT],
      [span(FIRST_SHOT_ROW, c.computed.perVideo as number, SHOT_ROWS, 3), CREDITS],
      [span(FIRST_SHOT_ROW, c.computed.share as number, SHOT_ROWS, 1), MONEY],
      [S.retakeRate, PERCENT],
      [S.contingency, PERCENT],
      [S.lowRate, PERCENT],
      [S.highRate, PERCENT],
      [S.tax, PERCENT],
      [S.currency, '@'],
      [S.lockedSheet, '@'],
      [S.lockedPrices, '@'],
      [`${S.cheapestTotal}:${S.afterContingency}`, MONEY],
      [`${S.rowsOk}:${S.rowsOk}`, '0'],
      [`${S.videos}:${S.withRetakes}`, CREDITS],
      [S.monthly, MONEY],
      [S.appYear, MONEY],
      [`${S.average}:${S.perVideo}`, MONEY],
      [`${S.afterLocal}:${S.monthlyLocal}`, '#,##0.00'],
      [`${usd(S.afterLocal)}:${usd(S.monthlyLocal)}`, MONEY],
      [channelMoney, MONEY],
      [span(CASES_ROW + 1, LABEL_COL + 1, 3, 1), PERCENT],
      [span(CASES_ROW + 1, LABEL_COL + 3, 3, 1), CREDITS],
      [span(CASES_ROW + 1, LABEL_COL + 4, 3, 1), MONEY],
      [span(CASES_ROW + 1, LABEL_COL + 6, 3, 3), MONEY],
      [span(LOCKED_ROW + 1, LABEL_COL + 1, 5, 1), MONEY],
      [span(YEARLY_ROW + 1, LABEL_COL + 1, 7), CREDITS],
      [span(YEARLY_ROW + 1, LABEL_COL + 2, 1, 3), MONEY],
      [span(YEARLY_ROW + 3, LABEL_COL + 2, 1, 3), '$0.0000'],
      [span(YEARLY_ROW + 4, LABEL_COL + 2, 4, 3), MONEY],
    ],
    validations: [
      {
        a1: shots(c.model),
        kind: 'range',
        source: span(FIRST_SHOT_ROW, MODEL_LIST_COL, SHOT_ROWS),
        help: 'A model of the price table in force (app, API or resellers).',
      },
      { a1: shots(c.mode), kind: 'list', values: ['standard', 'professional', '4k'] },
      {
        a1: shots(c.secs),
        kind: 'number',
        min: 1,
        max: 600,
        help: 'Seconds, as the model makes them: 5 or 10 for Kling 2.6, 3 to 15 for Kling 3.0, 3 to 30 for Kling 4.0.',
      },
      {
        a1: shots(c.audio),
        kind: 'list',
        values: ['no', 'yes', 'voice'],
        help: 'yes: native audio; voice: audio with voice control (where the model prices it). Kling 4.0 always has audio.',
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
        a1: shots(c.retakeRate),
        kind: 'number',
        min: 0,
        max: MAX_RETAKE_RATE,
        help: "This shot's retake rate, 0 % up to but not 100 % (blank: the sheet's).",
      },
      { a1: S.billing, kind: 'list', values: options.billings },
      {
        a1: S.retakeRate,
        kind: 'number',
        min: 0,
        max: MAX_RETAKE_RATE,
        help: 'The share of finished takes thrown away, 0 % up to but not 100 %: 20 % plans 500 credits as 625 (the guide\'s "20 % buffer" is a retake rate of 1/6).',
      },
      { a1: S.images, kind: 'number', min: 0, help: 'Images made per month, from the same credits.' },
      { a1: S.contingency, kind: 'number', min: 0, max: 1, help: 'Contingency added to the money totals, 0 % to 100 %.' },
      { a1: S.lowRate, kind: 'number', min: 0, max: MAX_RETAKE_RATE, help: "The low case: a retake rate at or below the sheet's." },
      { a1: S.highRate, kind: 'number', min: 0, max: MAX_RETAKE_RATE, help: "The high case: a retake rate at or above the sheet's." },
      { a1: S.lowCpi, kind: 'number', min: 0, help: 'The low case: credits an image costs (0.2 by the guide).' },
      { a1: S.highCpi, kind: 'number', min: 0, help: 'The high case: credits an image costs (about 1 by a plan-page reading).' },
      { a1: S.rate, kind: 'number', min: 0, help: 'How many units of your currency one US dollar buys (1 for USD).' },
      { a1: S.tax, kind: 'number', min: 0, max: 1, help: 'Tax added to the prices, 0 % to 100 %.' },
    ],
    notes: [
      [
        cell(SHOT_HEADER_ROW, c.secs),
        'Kling 2.6 makes 5 s or 10 s clips; Kling 3.0 makes 3 to 15 s; Kling 4.0 3 to 30 s; a model added to the price table makes what its rows price.',
      ],
      [
        cell(SHOT_HEADER_ROW, c.testTakes),
        'Standard-mode drafts per final video (the guide: draft in standard, render finals in professional). They cost credits too.',
      ],
      [
        cell(SHOT_HEADER_ROW, c.status),
        `ok: priced. "${NO_APP_CREDITS}": the model has no app credits in the price book, so every app figure of the sheet reads n/a naming the row (k = its position in the shot list, 1 = the first shot row), and the channel comparison prices it where it is sold. "needs ...": the row is not complete and is left out. Any other text: why the row cannot be priced.`,
      ],
      [cell(SHOT_HEADER_ROW, c.computed.share as number), "This row's share of the month's cost by credits with retakes."],
      [
        S.retakeRate,
        'The share of paid, finished takes you throw away: unusable output costs full credits, so a delivered video takes 1 / (1 - r) generations. 20 % plans a need of 500 credits as 625. The guide\'s "20 % buffer" (500 budgeted as 600) is a retake rate of 1/6.',
      ],
      [
        S.perImage,
        "From the price book (the guide's 0.2 credits; a plan-page reading suggests about 1 credit): change it if your account shows another. The low and high cases try 0.2 and 1.",
      ],
      [S.rate, 'Type the rate, or get it live with =GOOGLEFINANCE("CURRENCY:USDEUR") (put your currency code after USD).'],
      [
        S.lockedSheet,
        'Written by Extensions > Kling Cost > Lock budget version (the one cell of the sheet the add-on writes after inserting it): the frozen copy of this sheet. Clear both cells to hide the comparison.',
      ],
      [
        cell(CHANNELS_ROW - 1, LABEL_COL),
        "Kling's API is sold only in prepaid packs that expire: the figure buys, at the start of each window the packs last, the cheapest standard packs covering it (an estimate). Resellers sell the same models pay as you go; a channel that cannot make a row says which and why.",
      ],
      [
        cell(CASES_ROW - 1, LABEL_COL),
        "Each case is the channel comparison of the same work: the low and high cases use their retake rate for every row (a row's own rate applies in the typical case only) and their credits per image.",
      ],
    ],
    inputs: [
      span(FIRST_SHOT_ROW, 1, SHOT_ROWS, 8),
      S.billing,
      S.retakeRate,
      S.images,
      S.perImage,
      `${S.contingency}:${S.highCpi}`,
      S.currency,
      S.rate,
      S.tax,
    ],
    bold: [
      'A1',
      span(SHOT_HEADER_ROW, 1, 1, SHOT_HEADER.length),
      span(SUMMARY_ROW, LABEL_COL, 1, 2),
      S.cheapest,
      S.afterContingency,
      S.range,
      cell(CHANNELS_ROW - 1, LABEL_COL),
      span(CHANNELS_ROW, LABEL_COL, 1, 5),
      cell(CASES_ROW - 1, LABEL_COL),
      span(CASES_ROW, LABEL_COL, 1, 9),
      cell(LOCKED_ROW, LABEL_COL),
      cell(YEARLY_ROW - 1, LABEL_COL),
      cell(CHANGES_ROW - 1, LABEL_COL),
    ],
    muted: ['A2', 'A3', 'A4'],
    wrap: [span(SHOT_HEADER_ROW, 1, 1, SHOT_HEADER.length), span(CHANNELS_ROW, LABEL_COL, 1, 5), span(CASES_ROW, LABEL_COL, 1, 9)],
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
      [14, 20],
      [LABEL_COL, 330],
      [VALUE_COL, 260],
      [17, 110],
      [18, 110],
      [19, 230],
      // The cases' cheapest channel, e.g. "Kling app (annual) (estimate)".
      [20, 200],
    ],
    hiddenColumns: [
      c.rawCredits,
      c.rawTestCredits,
      MODEL_LIST_COL,
      ...Array.from({ length: 6 + MONTHS + 1 }, (_, i) => CHANNEL_INPUT_COL + i),
      ...[HIDDEN_TABLE_COLS.low, HIDDEN_TABLE_COLS.high, HIDDEN_TABLE_COLS.locked].flatMap((col) => [0, 1, 2, 3, 4].map((i) => col + i)),
    ],
    frozenRows: SHOT_HEADER_ROW,
    start: cell(FIRST_SHOT_ROW, 1),
  };
}
