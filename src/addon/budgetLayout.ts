import { YEARLY_HEADER } from '../pricing';

/**
 * The budget template: what goes in which cell. Pure (no Apps Script): the writer
 * (budgetTemplate.ts) puts it into a new sheet, tests evaluate its formulas.
 *
 * Layout:
 *   A1:A3   title, how to use it, which prices the formulas use
 *   A5:J35  the shot list: header, 4 example rows, 26 empty rows, every row with formulas
 *   L5:M19  the summary: billing and buffer (inputs), then live figures
 *   L21:Q29 the yearly view: =KLING_YEARLY(...) spilling 8 rows x 6 columns from L22
 */

export type TemplateCell = string | number | boolean;

export interface TemplateBlock {
  /** Top-left cell, 1-based. */
  readonly row: number;
  readonly col: number;
  /** Values; text starting with "=" is a formula. */
  readonly values: readonly (readonly TemplateCell[])[];
}

export interface TemplateLayout {
  readonly blocks: readonly TemplateBlock[];
  /** A1 range -> number format. */
  readonly formats: readonly (readonly [string, string])[];
  readonly dropdowns: readonly (readonly [string, readonly string[]])[];
  readonly checkboxes: readonly string[];
  /** A1 range of cells that must hold a number of at least 0. */
  readonly nonNegative: readonly string[];
  readonly headers: readonly string[];
  /** Cells the user is meant to edit (shaded). */
  readonly inputs: readonly string[];
  readonly notes: readonly (readonly [string, string])[];
  readonly widths: readonly (readonly [col: number, width: number])[];
}

export const SHOT_HEADER_ROW = 5;
export const FIRST_SHOT_ROW = 6;
export const SHOT_ROWS = 30;
export const LAST_SHOT_ROW = FIRST_SHOT_ROW + SHOT_ROWS - 1;
/** Where KLING_YEARLY spills: header row, then cheapest cost, cheapest option, break-even, one row per paid plan. */
export const YEARLY_ROW = 22;
export const YEARLY_ROWS = 8;

/** Widths of columns A to Q, in pixels. */
const COLUMN_WIDTHS = [170, 60, 110, 70, 60, 115, 115, 125, 140, 175, 30, 330, 190, 215, 170, 190, 330];

export const MONEY = '$#,##0.00';
const CREDITS = '#,##0';
const PER_CREDIT = '$0.0000';

export const SHOT_HEADER = [
  'Scene',
  'Model',
  'Mode',
  'Seconds',
  'Audio',
  'Videos per month',
  'Credits per video',
  'Credits per month',
  'Cost per month (USD)',
  'Kling API per month (USD)',
] as const;

/** The example rows: scene, model, mode, seconds, audio, videos per month. */
export const EXAMPLE_SHOTS: readonly (readonly [string, string, string, number, boolean, number])[] = [
  ['Opening shot', '2.6', 'professional', 10, true, 4],
  ['Product close-ups', '2.6', 'standard', 5, false, 20],
  ['Talking head', '2.6', 'professional', 5, true, 8],
  ['Social teaser', '3.0', 'standard', 8, false, 6],
];

/** The summary's rows from L5 down, by the key its value cell (column M) goes by. */
export const SUMMARY = {
  title: 'Summary',
  billing: 'Billing of the monthly figures',
  buffer: 'Buffer for retakes',
  videos: 'Videos per month',
  credits: 'Credits for delivered videos',
  withBuffer: 'Credits with buffer',
  best: 'Best option',
  monthly: 'Monthly cost (USD)',
  perVideo: 'Cost per delivered video (USD)',
  yearIntro: '12-month cost, first month + 11 renewals (USD)',
  yearMonthly: '12-month cost, 12 monthly renewals (USD)',
  yearAnnual: '12-month cost, annual billing (USD)',
  apiMonthly: 'Kling API per month, same shot list with buffer (USD)',
  apiYear: 'Kling API, 12 months (USD)',
  cheaper: 'Cheaper over 12 months',
} as const;

type SummaryKey = keyof typeof SUMMARY;

/** The summary's value cells by key. */
export const SUMMARY_CELL: Readonly<Record<SummaryKey, string>> = Object.fromEntries(
  Object.keys(SUMMARY).map((key, i) => [key, `M${SHOT_HEADER_ROW + i}`]),
) as Record<SummaryKey, string>;

function col(range: string): string {
  return `${range}${FIRST_SHOT_ROW}:${range}${LAST_SHOT_ROW}`;
}

export interface TemplateOptions {
  /** The `prices` argument of every formula (e.g. 'Kling prices'!$A$1:$H$200), or null for the default book. */
  readonly pricesRef: string | null;
  /** Which prices the formulas use, in words. */
  readonly pricesNote: string;
}

export function budgetTemplateLayout(options: TemplateOptions): TemplateLayout {
  const p = options.pricesRef ? `,${options.pricesRef}` : '';
  const { billing, buffer, videos, credits, withBuffer, monthly, yearIntro, yearAnnual, apiMonthly, apiYear } = SUMMARY_CELL;
  const abs = (cell: string) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

  const shotRows: TemplateCell[][] = [];
  for (let i = 0; i < SHOT_ROWS; i++) {
    const r = FIRST_SHOT_ROW + i;
    const example = EXAMPLE_SHOTS[i];
    const inputs: TemplateCell[] = example ? [...example] : ['', '', '', '', false, ''];
    shotRows.push([
      ...inputs,
      `=KLING_CREDITS(C${r},D${r},E${r},B${r}${p})`,
      `=IF(OR(G${r}="",F${r}=""),"",G${r}*F${r})`,
      `=IF(OR(H${r}="",${abs(credits)}=0),"",H${r}/${abs(credits)}*${abs(monthly)})`,
      `=IF(H${r}="","",KLING_API_COST(C${r},D${r},E${r},B${r}${p})*F${r})`,
    ]);
  }

  const yearlyFirst = YEARLY_ROW + 1;
  const summaryValues: TemplateCell[] = [
    '',
    'monthly',
    0.2,
    `=SUM(${col('F')})`,
    `=SUM(${col('H')})`,
    `=ROUNDUP(ROUND(${credits}*(1+${buffer}),6),0)`,
    `=KLING_BEST_PLAN(${withBuffer},${billing},TRUE()${p})`,
    `=KLING_MONTHLY_COST(${withBuffer},${billing},TRUE()${p})`,
    `=IF(${videos}>0,${monthly}/${videos},"")`,
    `=N${yearlyFirst}`,
    `=O${yearlyFirst}`,
    `=P${yearlyFirst}`,
    `=SUM(${col('J')})*(1+${buffer})`,
    `=${apiMonthly}*12`,
    `=IF(${credits}=0,"",IF(${apiYear}<MIN(${yearIntro}:${yearAnnual}),"Kling API","Subscription"))`,
  ];

  const title = 'Kling budget';
  const help =
    'One row per kind of shot: pick model, mode, seconds and audio, type the videos you need per month. Every figure recalculates.';
  const blocks: TemplateBlock[] = [
    { row: 1, col: 1, values: [[title], [help], [`Prices: ${options.pricesNote}`]] },
    { row: SHOT_HEADER_ROW, col: 1, values: [[...SHOT_HEADER], ...shotRows] },
    { row: SHOT_HEADER_ROW, col: 12, values: Object.values(SUMMARY).map((label, i) => [label, summaryValues[i] as TemplateCell]) },
    { row: YEARLY_ROW - 1, col: 12, values: [['Yearly view']] },
    { row: YEARLY_ROW, col: 12, values: [[`=KLING_YEARLY(${withBuffer},TRUE()${p})`]] },
  ];

  const yearlyLast = YEARLY_ROW + YEARLY_ROWS - 1;
  return {
    blocks,
    formats: [
      // Text, so "3.0" stays "3.0" (the dropdown's own value) instead of becoming the number 3.
      [col('B'), '@'],
      [col('F'), CREDITS],
      [col('G'), CREDITS],
      [col('H'), CREDITS],
      [col('I'), MONEY],
      [col('J'), MONEY],
      [buffer, '0%'],
      [`${videos}:${withBuffer}`, CREDITS],
      [`${monthly}:${apiYear}`, MONEY],
      [`M${yearlyFirst}`, CREDITS],
      [`N${yearlyFirst}:P${yearlyFirst}`, MONEY],
      [`N${yearlyFirst + 2}:P${yearlyFirst + 2}`, PER_CREDIT],
      [`M${yearlyFirst + 3}:M${yearlyLast}`, CREDITS],
      [`N${yearlyFirst + 3}:P${yearlyLast}`, MONEY],
    ],
    dropdowns: [
      [col('B'), ['2.6', '3.0']],
      [col('C'), ['standard', 'professional', '4k']],
      // 3 to 15 seconds.
      [col('D'), Array.from({ length: 13 }, (_, i) => String(3 + i))],
      [billing, ['monthly', 'intro', 'annual', 'list']],
    ],
    checkboxes: [col('E')],
    nonNegative: [col('F'), buffer],
    headers: [
      'A1',
      `A${SHOT_HEADER_ROW}:J${SHOT_HEADER_ROW}`,
      `L${SHOT_HEADER_ROW}:M${SHOT_HEADER_ROW}`,
      `L${YEARLY_ROW - 1}`,
      `L${YEARLY_ROW}:Q${YEARLY_ROW}`,
    ],
    inputs: [`A${FIRST_SHOT_ROW}:F${LAST_SHOT_ROW}`, billing, buffer],
    notes: [
      [`D${SHOT_HEADER_ROW}`, 'Kling 2.6 makes 5 s or 10 s clips; Kling 3.0 makes 3 to 15 s.'],
      [`I${SHOT_HEADER_ROW}`, "This row's share of the monthly cost of the best option, by credits."],
      [`J${SHOT_HEADER_ROW}`, "What the same videos cost through Kling's API (official rates), without the buffer."],
      [buffer, 'Extra credits for retakes: unusable output costs full credits (the guide plans 20 %).'],
      [
        `L${YEARLY_ROW - 1}`,
        `12-month cost of each option under each billing, packs bought every month (header: ${YEARLY_HEADER.slice(2, 5).join(', ')}). ` +
          "Break-even with Kling's API = cheapest 12-month cost / (12 x credits per month): the API is cheaper for clips whose API cost per app credit is below it.",
      ],
    ],
    widths: COLUMN_WIDTHS.map((width, i) => [i + 1, width]),
  };
}
