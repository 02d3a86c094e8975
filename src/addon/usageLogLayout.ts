import { SIGNATURES } from '../contract/signatures';
import { ACTUALS_HEADER, PLANNING_RETAKE_RATE, PRICE_TABLE_MAX_ROWS } from '../pricing';
import type { Layout, LayoutCell, LayoutPrices } from './layout';
import { CREDITS, call, cell, fixed, MONEY, PERCENT, span } from './layout';
import { modelListCells, priceAgeFormula } from './shotColumns';
import { asText } from './text';

/**
 * The usage log: one row per generation (date, scene, model, mode, seconds, audio, outcome,
 * note), what each cost, and a summary by month from one KLING_ACTUALS call over the whole log,
 * with the last complete month's volume and the cheapest plan for it, and the retake rate per
 * scene from native formulas. Pure: the writer puts it into a new sheet; the tests evaluate it.
 */

/**
 * The header is row 1 and KLING_ACTUALS reads the log from it (the function skips a header row),
 * so its "log row 9" is the sheet's row 9.
 */
export const LOG_HEADER_ROW = 1;
export const FIRST_LOG_ROW = 2;
/**
 * Rows formatted and given dropdowns when the log is inserted (a new sheet's 1,000 rows). Every
 * formula that reads the log reads open-ended ranges (A2:A), so rows pasted below, however many,
 * are counted: no total leaves rows out.
 */
export const LOG_ROWS = 999;

export const LOG_HEADER = [
  'Date',
  'Scene',
  'Model',
  'Mode',
  'Seconds',
  'Audio',
  'Outcome',
  'Note',
  'Credits per generation',
  'Credits charged',
] as const;

/** Columns of the log, 1-based. */
export const LOG = {
  date: 1,
  scene: 2,
  model: 3,
  mode: 4,
  secs: 5,
  audio: 6,
  outcome: 7,
  note: 8,
  credits: 9,
  charged: 10,
  outcomeKey: 30,
  models: 31,
  sceneKey: 32,
} as const;

export const OUTCOMES = ['kept', 'discarded', 'failed'] as const;

/** The usage log's open-ended range of one column ($A$2:$A; its header row included with `header`), as other sheets refer to it. */
export function logColumn(col: number, sheet?: string, header = false): string {
  const letter = fixed(1, col).replace(/\$1$/, '');
  const range = `${fixed(header ? LOG_HEADER_ROW : FIRST_LOG_ROW, col)}:${letter}`;
  return sheet ? `${sheet}!${range}` : range;
}

/** The rows of one column the writer formats and validates (a new sheet's rows below the header). */
function formattedRows(col: number, width = 1): string {
  return span(FIRST_LOG_ROW, col, LOG_ROWS, width);
}

/** The `dates` argument of KLING_ACTUALS over a log: dates as the text the sheet shows, ISO text as it is. */
export function logDates(sheet?: string): string {
  const a = logColumn(LOG.date, sheet, true);
  return `ARRAYFORMULA(IF(${a}="","",IF(ISNUMBER(${a}),TEXT(${a},"yyyy-mm-dd"),${a})))`;
}

/** KLING_ACTUALS over a whole log (one call), from its header row: a message's "log row 9" is the sheet's row 9. */
export function actualsCall(sheet: string | undefined, prices: string | undefined): string {
  const column = (col: number) => logColumn(col, sheet, true);
  return `=${call(SIGNATURES.KLING_ACTUALS, {
    dates: logDates(sheet),
    modes: column(LOG.mode),
    secs: column(LOG.secs),
    audios: column(LOG.audio),
    outcomes: column(LOG.outcome),
    models: column(LOG.model),
    prices,
  })}`;
}

/**
 * The last complete month of actuals: the newest month of a KLING_ACTUALS table (`months`, its
 * month column below the header) before the current month, found with native formulas (no
 * custom function needs today's date); blank when there is none.
 */
export function lastCompleteMonthFormula(months: string, rows: number): string {
  const position = `MAX(ARRAYFORMULA(IF((${months}<>"")*(${months}<>"Total")*(${months}<=TEXT(EOMONTH(TODAY(),-1),"yyyy-mm")),SEQUENCE(${rows}),0)))`;
  return `=IFERROR(IF(${position}=0,"",INDEX(${months},${position})),"")`;
}

/** Rows KLING_ACTUALS can take up: its header, up to 24 months, the total. */
export const ACTUALS_ROWS = 26;

export interface UsageLogOptions extends LayoutPrices {
  /** Example rows to show how the log reads (none when the log is made for a plan). */
  readonly examples: boolean;
  /** The day the log is inserted: example rows are dated around it. */
  readonly today: Date;
}

const SUMMARY_COL = 12;
const SCENE_COL = 21;
/** The retakes per scene: a header beside the by-month table's, then up to one scene per log row. */
const SCENE_HEADER_ROW = 6;
const FIRST_SCENE_ROW = SCENE_HEADER_ROW + 1;

/** The month before `today`'s, and the one of `today`, at noon (so no time zone moves the day). */
function exampleDates(today: Date): Date[] {
  const at = (monthsBack: number, day: number) => new Date(today.getFullYear(), today.getMonth() - monthsBack, day, 12);
  return [at(1, 3), at(1, 3), at(1, 9), at(1, 17), at(0, 1)];
}

export function usageLogLayout(options: UsageLogOptions): Layout {
  const p = options.pricesRef ?? undefined;
  const col = (c: number) => logColumn(c);
  const examples: LayoutCell[][] = options.examples
    ? exampleDates(options.today).map((date, i) => {
        const rows: LayoutCell[][] = [
          [date, 'Opening shot', 'Kling 2.6', 'professional', 10, 'no', 'discarded', 'example row: overwrite or delete'],
          [date, 'Opening shot', 'Kling 2.6', 'professional', 10, 'no', 'kept', 'example row'],
          [date, 'Talking head', 'Kling 2.6', 'professional', 5, 'yes', 'kept', 'example row'],
          [date, 'Social teaser', 'Kling 3.0', 'standard', 8, 'no', 'failed', 'example row: refunded, 0 credits'],
          [date, 'Talking head', 'Kling 2.6', 'professional', 5, 'yes', 'kept', 'example row'],
        ];
        return rows[i] as LayoutCell[];
      })
    : [];

  const outcome = col(LOG.outcome);
  const key = `LOWER(TRIM(${outcome}))`;
  const outcomeKey =
    `=ARRAYFORMULA(IF(${outcome}="","",IF((${key}="kept")+(${key}="used")+(${key}="yes")+(${key}="true"),"kept",` +
    `IF((${key}="discarded")+(${key}="retake")+(${key}="no")+(${key}="false"),"discarded",IF((${key}="failed")+(${key}="refunded"),"failed","")))))`;
  const credits = col(LOG.credits);
  const charged = `=ARRAYFORMULA(IF(ISNUMBER(${credits}),IF(${col(LOG.outcomeKey)}="failed",0,${credits}),""))`;

  const actualsTop = 6;
  const months = span(actualsTop + 1, SUMMARY_COL, ACTUALS_ROWS - 1);
  const monthCredits = span(actualsTop + 1, SUMMARY_COL + 5, ACTUALS_ROWS - 1);
  const monthRetake = span(actualsTop + 1, SUMMARY_COL + 6, ACTUALS_ROWS - 1);
  const below = actualsTop + ACTUALS_ROWS + 1;
  const v = (i: number) => cell(below + i, SUMMARY_COL + 1);
  const summary: [string, LayoutCell][] = [
    ['Last complete month of the log', lastCompleteMonthFormula(months, ACTUALS_ROWS - 1)],
    ['Credits spent that month', `=IFERROR(INDEX(${monthCredits},MATCH(${v(0)},${months},0)),"")`],
    [
      'Cheapest plan for that volume, one month on its own',
      `=${call(SIGNATURES.KLING_BEST_PLAN, { credits_per_month: v(1), billing: '"monthly"', allow_topups: 'TRUE()', prices: p })}`,
    ],
    [
      'Its cost (USD)',
      `=${call(SIGNATURES.KLING_MONTHLY_COST, { credits_per_month: v(1), billing: '"monthly"', allow_topups: 'TRUE()', prices: p })}`,
    ],
    ['Retake rate observed, all months', `=IFERROR(INDEX(${monthRetake},MATCH("Total",${months},0)),"")`],
    ['Retake rate the budget sheets plan with by default', PLANNING_RETAKE_RATE],
  ];

  const openColumn = (c: number, row: number) => `${cell(row, c)}:${cell(row, c).replace(/\d+$/, '')}`;
  const scenes = openColumn(SCENE_COL, FIRST_SCENE_ROW);
  // COUNTIFS reads * ? ~ as wildcards and a leading < > = as a comparison: scenes are counted by a key
  // with those characters replaced and a letter in front, made the same way on both sides, and
  // matched with an explicit "=".
  const sceneKey = (range: string) => `"s"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${range},"~","\u{ff5e}"),"*","\u{ff0a}"),"?","\u{ff1f}")`;
  const sceneCount = (word: string) =>
    `=ARRAYFORMULA(IF(${scenes}="","",COUNTIFS(${col(LOG.sceneKey)},"="&${sceneKey(scenes)},${col(LOG.outcomeKey)},"${word}")))`;
  const sceneKept = openColumn(SCENE_COL + 1, FIRST_SCENE_ROW);
  const sceneDiscarded = openColumn(SCENE_COL + 2, FIRST_SCENE_ROW);

  const modelList = modelListCells(options);
  const help =
    'One row per generation. Outcome: kept (a finished take you use), discarded (a finished take thrown away: it cost its credits) or failed (a technical failure: Kling refunds it, 0 credits). Paste rows freely: dates as dates or as text such as 2026-11-03 or 2026-11-03 14:22.';
  return {
    blocks: [
      {
        row: 1,
        col: SUMMARY_COL,
        values: [['Kling usage log'], [help], [`Prices: ${asText(options.pricesNote)}`], [priceAgeFormula(options)]],
      },
      { row: LOG_HEADER_ROW, col: 1, values: [[...LOG_HEADER]] },
      ...(examples.length > 0 ? [{ row: FIRST_LOG_ROW, col: 1, values: examples }] : []),
      {
        row: FIRST_LOG_ROW,
        col: LOG.credits,
        values: [
          [
            `=${call(SIGNATURES.KLING_CREDITS, { mode: col(LOG.mode), secs: col(LOG.secs), audio: col(LOG.audio), model: col(LOG.model), prices: p })}`,
            charged,
          ],
        ],
      },
      { row: LOG_HEADER_ROW, col: LOG.outcomeKey, values: [['(outcome)', '(models)', '(scene key)']] },
      { row: FIRST_LOG_ROW, col: LOG.outcomeKey, values: [[outcomeKey]] },
      { row: FIRST_LOG_ROW, col: LOG.sceneKey, values: [[`=ARRAYFORMULA(IF(${col(LOG.scene)}="","",${sceneKey(col(LOG.scene))}))`]] },
      { row: FIRST_LOG_ROW, col: LOG.models, values: modelList },
      { row: actualsTop - 1, col: SUMMARY_COL, values: [['By month (KLING_ACTUALS over the whole log)']] },
      { row: actualsTop, col: SUMMARY_COL, values: [[actualsCall(undefined, p)]] },
      { row: below, col: SUMMARY_COL, values: summary },
      { row: SCENE_HEADER_ROW - 1, col: SCENE_COL, values: [['Retakes per scene: which shots are thrown away most']] },
      { row: SCENE_HEADER_ROW, col: SCENE_COL, values: [['Scene', 'Kept', 'Discarded', 'Failed (refunded)', 'Retake rate']] },
      {
        row: FIRST_SCENE_ROW,
        col: SCENE_COL,
        values: [
          [
            // Sorted, the blank entry of an unfilled column last; never an error on an empty log (FILTER's #N/A), and no
            // IFERROR around it (a formula engine may then size the spill as one cell).
            `=SORT(UNIQUE(${col(LOG.scene)}))`,
            sceneCount('kept'),
            sceneCount('discarded'),
            sceneCount('failed'),
            `=ARRAYFORMULA(IF(${scenes}="","",IF(${sceneKept}+${sceneDiscarded}=0,"",${sceneDiscarded}/(${sceneKept}+${sceneDiscarded}))))`,
          ],
        ],
      },
    ],
    formats: [
      [formattedRows(LOG.date), 'yyyy-mm-dd hh:mm'],
      [formattedRows(LOG.model), '@'],
      [formattedRows(LOG.credits, 2), CREDITS],
      [span(actualsTop + 1, SUMMARY_COL, ACTUALS_ROWS - 1), '@'],
      [span(actualsTop + 1, SUMMARY_COL + 5, ACTUALS_ROWS - 1), CREDITS],
      [span(actualsTop + 1, SUMMARY_COL + 6, ACTUALS_ROWS - 1), PERCENT],
      [span(actualsTop + 1, SUMMARY_COL + 7, ACTUALS_ROWS - 1), CREDITS],
      [v(1), CREDITS],
      [v(3), MONEY],
      [`${v(4)}:${v(5)}`, '0.0%'],
      [span(FIRST_SCENE_ROW, SCENE_COL + 4, LOG_ROWS), PERCENT],
    ],
    validations: [
      { a1: formattedRows(LOG.date), kind: 'date', help: 'A date (or paste ISO text such as 2026-11-03 14:22).', warnOnly: true },
      {
        a1: formattedRows(LOG.model),
        kind: 'range',
        source: span(FIRST_LOG_ROW, LOG.models, PRICE_TABLE_MAX_ROWS),
        help: 'A model of the price table in force.',
        warnOnly: true,
      },
      { a1: formattedRows(LOG.mode), kind: 'list', values: ['standard', 'professional', '4k'], warnOnly: true },
      { a1: formattedRows(LOG.secs), kind: 'number', min: 1, max: 600, help: 'Seconds, as the model makes them.', warnOnly: true },
      { a1: formattedRows(LOG.audio), kind: 'list', values: ['no', 'yes', 'voice'], warnOnly: true },
      {
        a1: formattedRows(LOG.outcome),
        kind: 'list',
        values: [...OUTCOMES],
        help: 'kept, discarded (a finished take thrown away) or failed (refunded).',
        warnOnly: true,
      },
    ],
    notes: [
      [
        cell(LOG_HEADER_ROW, LOG.outcome),
        'kept: used. discarded: finished but thrown away (charged). failed: a technical failure, refunded by Kling (0 credits).',
      ],
      [cell(actualsTop - 1, SUMMARY_COL), `One KLING_ACTUALS call over the whole log: ${ACTUALS_HEADER.join(', ')}.`],
      [cell(SCENE_HEADER_ROW - 1, SCENE_COL), 'Native formulas over the whole log: kept, discarded and failed takes per scene.'],
      [
        cell(below + 2, SUMMARY_COL),
        'The guide: "Track your credit usage for a month. Then only upgrade when the numbers show you need more."',
      ],
    ],
    inputs: [span(FIRST_LOG_ROW, 1, LOG_ROWS, 8)],
    bold: [
      cell(1, SUMMARY_COL),
      span(LOG_HEADER_ROW, 1, 1, LOG_HEADER.length),
      cell(actualsTop - 1, SUMMARY_COL),
      span(actualsTop, SUMMARY_COL, 1, 8),
      cell(SCENE_HEADER_ROW - 1, SCENE_COL),
      span(SCENE_HEADER_ROW, SCENE_COL, 1, 5),
      v(2),
    ],
    muted: [cell(2, SUMMARY_COL), cell(3, SUMMARY_COL)],
    wrap: [span(LOG_HEADER_ROW, 1, 1, LOG_HEADER.length), span(actualsTop, SUMMARY_COL, 1, 8), span(SCENE_HEADER_ROW, SCENE_COL, 1, 5)],
    widths: [
      [1, 130],
      [2, 150],
      [3, 90],
      [4, 95],
      [5, 65],
      [6, 55],
      [7, 80],
      [8, 200],
      [9, 95],
      [10, 90],
      [11, 20],
      [12, 320],
      [13, 200],
      [21, 150],
    ],
    hiddenColumns: [LOG.outcomeKey, LOG.models, LOG.sceneKey],
    frozenRows: LOG_HEADER_ROW,
    start: cell(FIRST_LOG_ROW, 1),
  };
}
